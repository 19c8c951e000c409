"""Joint punishment (联合惩戒): an enterprise on the serious illegal and dishonest list may not
be recognised, be a standards front-runner or receive an award, and regulators see it flagged
beside its name (enterprises.restrictions asks this module; enterprises never imports credit)."""

from django.utils.translation import gettext as _

from enterprises.restrictions import AWARD, FRONT_RUNNER, RECOGNITION

from .models import IN_FORCE_SERIOUS, SeriousListing

FORBIDDEN = (RECOGNITION, FRONT_RUNNER, AWARD)


def listed(enterprise_ids):
    """{enterprise id: (listed on, decision reference)} of those on the serious list now."""
    rows = (
        SeriousListing.objects.filter(enterprise_id__in=enterprise_ids, status__in=IN_FORCE_SERIOUS)
        .order_by("enterprise_id", "listed_on")
        .values_list("enterprise_id", "listed_on", "decision_reference")
    )
    return {pk: (day, reference) for pk, day, reference in rows}


def blocked(honour, enterprise_ids):
    """Of these enterprises, those on the serious list, with the reason, for each honour."""
    if honour not in FORBIDDEN:
        return {}
    return {
        pk: _(
            "On the serious illegal and dishonest list since %(day)s (%(reference)s): "
            "joint punishment excludes it."
        )
        % {"day": day, "reference": reference}
        for pk, (day, reference) in listed(list(enterprise_ids)).items()
    }


def flags(enterprise_ids):
    """What regulators see beside the names of these enterprises."""
    return {pk: _("Serious illegal and dishonest list") for pk in listed(list(enterprise_ids))}
