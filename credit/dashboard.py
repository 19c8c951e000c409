"""Dashboard panels of the credit app (see portal.dashboard); each part keeps its own."""

from portal.access import STAFF_ROLES

from . import dashboard_inspections


def panels(request):
    if request.user.role not in STAFF_ROLES:
        return []
    return [dashboard_inspections.panel(request.user)]
