"""Dashboard panels: each app contributes panels for a user from ``<app>/dashboard.py``.

An app's module defines ``panels(request) -> list[Panel]``; the dashboard shows
them in app order. The panels for the core are defined here.
"""

from dataclasses import dataclass, field

from django.urls import Resolver404, resolve
from django.utils.translation import gettext_lazy as _

from .access import may_open
from .discovery import app_modules


@dataclass
class Panel:
    """A box on a dashboard: a title, a few figures, links and optional SVG."""

    title: str
    figures: list = field(default_factory=list)  # [(label, value)]
    links: list = field(default_factory=list)  # [(label, url)]
    text: str = ""
    # From portal.charts (a SafeString; any other text is escaped). The figures are its data:
    # beside a chart they are shown as its table.
    chart: str = ""
    order: int = 100


def panels_for(request):
    """Every app's panels for this request's user, in order, without other agencies' work."""
    collected = []
    for _config, module in app_modules("dashboard"):
        if module.__name__ == __name__:
            collected.extend(core_panels(request))
        else:
            collected.extend(module.panels(request))
    own = [panel for panel in collected if _keep_own_work(panel, request.user)]
    return sorted(own, key=lambda panel: panel.order)


def _keep_own_work(panel, user):
    """Drop the links to pages of another agency's work, and a panel that only led there."""
    if not panel.links:
        return True
    panel.links = [(label, url) for label, url in panel.links if _may_follow(user, url)]
    return bool(panel.links)


def _may_follow(user, url):
    try:
        return may_open(user, resolve(url.split("?")[0]).view_name)
    except Resolver404:
        return True


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
