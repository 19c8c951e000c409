"""The navigation bar and the home page's areas, contributed by each app's ``navigation.py``.

An app's ``<app>/navigation.py`` may define

- ``MENU = [Entry(label, url_name, roles, order), ...]``: links in the bar for
  the given roles (``VISITORS`` for people not signed in), sorted by ``order``
  across apps; an entry whose URL does not exist yet is left out;
- ``MARKET_WORK = ("app:name*", ...)``: the URL names of the pages that are the
  market regulator's work, hidden from and refused to other agencies' staff
  (``portal.access.may_open``);
- ``MARKET_API = ("pledge-*", ...)``: the API routes only the market regulator
  writes; other agencies' staff read them (``portal.access.HasRole``);
- ``AREAS = [Area(title, description, path, order, roles), ...]``: cards on the home
  page, shown only once the path resolves and only to the roles that may open it
  (visitors too by default: a login-only area sends them to the login page).

This module is the core's own ``navigation.py``.
"""

from dataclasses import dataclass

from django.urls import NoReverseMatch, Resolver404, resolve, reverse
from django.utils.translation import gettext_lazy as _

from .access import EVERY_ROLE, HEADQUARTERS, STAFF_ROLES, may_open
from .discovery import app_modules

VISITORS = (None,)  # people who are not signed in


@dataclass(frozen=True)
class Entry:
    """A link in the navigation bar for some roles."""

    label: str
    url_name: str
    roles: tuple
    order: int = 100


@dataclass(frozen=True)
class Area:
    """A card on the home page linking to one of the campaign's areas."""

    title: str
    description: str
    path: str
    order: int = 100
    roles: tuple = EVERY_ROLE + VISITORS


MENU = [
    Entry(_("Dashboard"), "portal:dashboard", EVERY_ROLE, order=10),
    Entry(_("Audit trail"), "portal:audit", (HEADQUARTERS,), order=900),
    Entry(_("Holidays"), "portal:holidays", (HEADQUARTERS,), order=910),
    Entry(_("Account security"), "portal:account_security", (HEADQUARTERS,), order=920),
    Entry(_("API tokens"), "api_tokens", STAFF_ROLES, order=930),
]


def _contributed(name):
    items = [
        item for _config, module in app_modules("navigation") for item in getattr(module, name, ())
    ]
    return sorted(items, key=lambda item: item.order)


def menu_for(user, current_path=""):
    """The bar's links for this user's role and agency; the longest matching URL is active."""
    role = user.role if user.is_authenticated else None
    items = []
    for entry in _contributed("MENU"):
        if role not in entry.roles or not may_open(user, entry.url_name):
            continue
        try:
            url = reverse(entry.url_name)
        except NoReverseMatch:
            continue
        items.append({"label": entry.label, "url": url, "active": False})
    matching = [item for item in items if _leads_to(item["url"], current_path)]
    if matching:
        max(matching, key=lambda item: len(item["url"]))["active"] = True
    return items


def _leads_to(url, path):
    return path == "/" if url == "/" else path.startswith(url)


def home_areas(user):
    """The campaign areas whose pages exist and the user may open, with their links."""
    role = user.role if user.is_authenticated else None
    areas = []
    for area in _contributed("AREAS"):
        if role not in area.roles:
            continue
        try:
            resolve(area.path)
        except Resolver404:
            continue
        areas.append({"title": area.title, "description": area.description, "url": area.path})
    return areas


def navigation(request):
    """Template context processor: ``nav_items`` for the current user."""
    return {"nav_items": menu_for(request.user, request.path)}
