"""Public pages (no login): the lists in force, penalties within their publicity period and
the bulletins of entering and leaving each list. Rows come from each model's ``scope.public``
(portal.scoping.public_rows), so a listing removed early through credit repair is shown
nowhere, and nothing here reads the internal risk class."""

from django.core.paginator import Paginator
from django.shortcuts import render

from portal.scoping import public_rows

from ..models import (
    AbnormalListing,
    AbnormalListingStatusChange,
    ConsumerWarning,
    Penalty,
    SeriousListing,
    SeriousListingStatusChange,
)
from ..services.warnings import current

PAGE = 50


def _page(request, rows):
    return Paginator(rows, PAGE).get_page(request.GET.get("page"))


def index(request):
    """The credit publicity home page."""
    context = {"warnings": current(public_rows(ConsumerWarning.objects.all()))[:5]}
    return render(request, "credit/public/index.html", context)


def abnormal_list(request):
    rows = public_rows(AbnormalListing.objects.select_related("enterprise", "agency"))
    page = _page(request, rows.order_by("-listed_on", "-id"))
    return render(request, "credit/public/abnormal.html", {"page": page})


def serious_list(request):
    rows = public_rows(SeriousListing.objects.select_related("enterprise", "agency", "penalty"))
    page = _page(request, rows.order_by("-listed_on", "-id"))
    return render(request, "credit/public/serious.html", {"page": page})


def penalty_list(request):
    rows = public_rows(Penalty.objects.select_related("enterprise"))
    page = _page(request, rows.order_by("-published_on", "-id"))
    return render(request, "credit/public/penalties.html", {"page": page})


BULLETINS = {
    "abnormal": AbnormalListingStatusChange,
    "serious": SeriousListingStatusChange,
}


def bulletins(request):
    """Publicity bulletins: who entered and who left each list, newest first."""
    which = request.GET.get("list") if request.GET.get("list") in BULLETINS else "abnormal"
    rows = public_rows(BULLETINS[which].objects.select_related("listing__enterprise"))
    page = _page(request, rows.order_by("-at", "-id"))
    return render(request, "credit/public/bulletins.html", {"page": page, "which": which})
