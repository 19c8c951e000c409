"""A URLconf for the error-page tests: the portal plus a view that fails."""

from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.urls import path

from portal.urls import urlpatterns as portal_urlpatterns


def broken(request):
    raise RuntimeError("a bug")


def forbidden(request):
    raise PermissionDenied


def suspicious(request):
    raise SuspiciousOperation("bad input")


def area(request):
    from django.http import HttpResponse

    return HttpResponse("monitoring")


urlpatterns = [
    path("boom/", broken),
    path("api/v1/boom/", broken),
    path("forbidden/", forbidden),
    path("suspicious/", suspicious),
    path("monitoring/", area),
    *portal_urlpatterns,
]
handler400 = "portal.errors.bad_request"
handler403 = "portal.errors.permission_denied"
handler404 = "portal.errors.page_not_found"
handler500 = "portal.errors.server_error"
