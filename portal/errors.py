"""Error pages (400, 403, 404, 413, 429, 500): ours, translated, with a language switch.

Under /api/ the answer is JSON in the API's one error shape (portal.api.errors);
this module is the one place that chooses between the two by path.
"""

from django.core.exceptions import RequestDataTooBig
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.template import loader
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from .api.errors import error_response, too_large_message

API_PREFIX = "/api/"

PAGES = {
    400: (_("Bad request"), _("The request could not be understood. Go back and try again.")),
    403: (_("Access denied"), _("Your account may not do this, or the form expired.")),
    404: (
        _("Page not found"),
        _("The page does not exist, or it is outside what your account may see."),
    ),
    413: (_("Request too large"), lazy(too_large_message, str)()),
    429: (
        _("Too many requests"),
        _("Too many requests from your address in a short time. Wait a moment and try again."),
    ),
    500: (_("Server error"), _("Something went wrong and has been logged. Try again later.")),
}


def error_page(request, status_code):
    """The error for this request: JSON under /api/, our page elsewhere."""
    title, message = PAGES[status_code]
    if request.path.startswith(API_PREFIX):
        return error_response(status_code, message)
    # A plain context (no context processors): the page must render even when
    # the database is what failed.
    context = {
        "status": status_code,
        "title": title,
        "message": message,
        "request": request,
        "csrf_token": get_token(request),
    }
    body = loader.get_template("error.html").render(context)
    return HttpResponse(body, status=status_code)


def bad_request(request, exception=None):
    """400; 413 naming the limit when the body passed DATA_UPLOAD_MAX_MEMORY_SIZE."""
    if isinstance(exception, RequestDataTooBig):
        return error_page(request, 413)
    return error_page(request, 400)


def permission_denied(request, exception=None):
    """403 (also the CSRF failure page)."""
    return error_page(request, 403)


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: our 403 page instead of Django's English one."""
    return error_page(request, 403)


def page_not_found(request, exception=None):
    """404."""
    return error_page(request, 404)


def too_many_requests(request, retry_after):
    """429, with Retry-After in seconds."""
    response = error_page(request, 429)
    response["Retry-After"] = str(retry_after)
    return response


def server_error(request):
    """500."""
    return error_page(request, 500)
