"""The navigation bar by role; entries whose URL does not exist yet are left out."""

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from .access import ENTERPRISE, HEADQUARTERS, PROVINCIAL

ALL = (HEADQUARTERS, PROVINCIAL, ENTERPRISE)
STAFF = (HEADQUARTERS, PROVINCIAL)

# (label, url name, roles that see it; None = anonymous visitors)
MENU = [
    (_("Dashboard"), "portal:dashboard", ALL),
    (_("Enterprises"), "enterprises:list", STAFF),
    (_("Claims"), "enterprises:claims", STAFF),
    (_("My enterprise"), "enterprises:mine", (ENTERPRISE,)),
    (_("Pledges"), "enterprises:pledge_review", STAFF),
    (_("Standards"), "enterprises:declarations", STAFF),
    (_("Certificates"), "enterprises:certificates", STAFF),
    (_("Reporting"), "reporting:rounds", STAFF),
    (_("Audit trail"), "portal:audit", (HEADQUARTERS,)),
    (_("Holidays"), "portal:holidays", (HEADQUARTERS,)),
    (_("Public pledges"), "enterprises:public_pledges", (None,)),
    (_("Public standards"), "enterprises:public_declarations", (None,)),
]


def menu_for(user, current_path=""):
    role = user.role if user.is_authenticated else None
    items = []
    for label, url_name, roles in MENU:
        if role not in roles:
            continue
        try:
            url = reverse(url_name)
        except NoReverseMatch:
            continue
        active = current_path.startswith(url) if url != "/" else current_path == "/"
        items.append({"label": label, "url": url, "active": active})
    return items


def navigation(request):
    """Template context processor: ``nav_items`` for the current user."""
    return {"nav_items": menu_for(request.user, request.path)}
