"""Dashboard panels: each app contributes panels for a user from ``<app>/dashboard.py``.

An app's module defines ``panels(request) -> list[Panel]``; the dashboard shows
them in app order. The panels for the core are defined here.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from .discovery import app_modules


@dataclass
class Panel:
    """A box on a dashboard: a title, a few figures, links and optional SVG."""

    title: str
    figures: list = field(default_factory=list)  # [(label, value)]
    links: list = field(default_factory=list)  # [(label, url)]
    text: str = ""
    chart: str = ""  # from portal.charts (a SafeString); any other text is escaped
    order: int = 100


def panels_for(request):
    """Every app's panels for this request's user, in order."""
    collected = []
    for _config, module in app_modules("dashboard"):
        if module.__name__ == __name__:
            collected.extend(core_panels(request))
        else:
            collected.extend(module.panels(request))
    return sorted(collected, key=lambda panel: panel.order)


def core_panels(request):
    from django.urls import reverse

    user = request.user
    links = [
        (_("Change password"), reverse("password_change")),
        (_("Two-factor login"), reverse("two_factor_setup")),
    ]
    if user.is_headquarters:
        links.append((_("Audit trail"), reverse("portal:audit")))
    text = str(user.agency) if user.agency_id else _("Enterprise account")
    return [Panel(title=_("Your account"), text=text, links=links, order=1000)]
