"""What a survey is about: a GB/T 4754 service section, or a public service (pure, no database).

A sector code is a section letter ("H") or ``ps:`` and a public service ("ps:health").
"""

from django.utils.translation import gettext_lazy as _

from enterprises import industries

PUBLIC_SERVICES = (
    ("education", _("Education")),
    ("health", _("Health care")),
    ("transport", _("Public transport")),
    ("culture_sport", _("Culture and sport")),
    ("social_security", _("Social security")),
    ("housing", _("Housing")),
    ("public_safety", _("Public safety")),
    ("employment", _("Employment services")),
    ("elderly_care", _("Elderly care")),
    ("utilities", _("Water, power and gas supply")),
)
PUBLIC_PREFIX = "ps:"


def sector_choices():
    """Every sector a model may apply to: the service sections, then the public services."""
    sections = [
        (code, f"{code} {zh}")
        for code, zh, _en in industries.SECTIONS
        if code in industries.SERVICE_SECTIONS
    ]
    return sections + [(PUBLIC_PREFIX + code, label) for code, label in PUBLIC_SERVICES]


SECTOR_CODES = frozenset(code for code, _label in sector_choices())


def sector_label(code):
    """The display name of a sector code (the code itself if unknown)."""
    return dict(sector_choices()).get(code, code)


def normalise(text):
    """A sector code from what a file says: a section letter, its Chinese name, or ps:code."""
    text = str(text or "").strip()
    if text.upper() in SECTOR_CODES:
        return text.upper()
    if text in SECTOR_CODES:
        return text
    if PUBLIC_PREFIX + text in SECTOR_CODES:
        return PUBLIC_PREFIX + text
    by_name = {str(label).split(" ", 1)[-1]: code for code, label in sector_choices()}
    by_name.update({str(label): PUBLIC_PREFIX + code for code, label in PUBLIC_SERVICES})
    return by_name.get(text)
