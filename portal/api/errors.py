"""One JSON shape for every API error.

{"error": {"status": 400, "code": "invalid", "message": "...",
           "fields": {"uscc": ["Character 18 should be Y, not 3."]}}}
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied, RequestDataTooBig, ValidationError
from django.http import Http404, JsonResponse
from django.utils.translation import gettext as _
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler


class RequestTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_code = "request_too_large"


def too_large_message():
    """What a client whose body passed DATA_UPLOAD_MAX_MEMORY_SIZE is told."""
    return _("The request body is larger than the limit of %(limit)d MB.") % {
        "limit": settings.DATA_UPLOAD_MAX_MEMORY_SIZE // (1024 * 1024)
    }


def _as_drf(exc):
    if isinstance(exc, RequestDataTooBig):
        return RequestTooLarge(too_large_message())
    if isinstance(exc, Http404):
        return exceptions.NotFound()
    if isinstance(exc, PermissionDenied):
        return exceptions.PermissionDenied()
    if isinstance(exc, ValidationError):
        return exceptions.ValidationError(
            exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages}
        )
    return exc


def _fields_and_message(detail):
    if isinstance(detail, dict):
        fields = {key: [str(m) for m in _flatten(value)] for key, value in detail.items()}
        non_field = fields.pop("non_field_errors", [])
        message = non_field[0] if non_field else _("The request has errors in some fields.")
        if non_field:
            fields["non_field_errors"] = non_field
        return fields, message
    messages = [str(m) for m in _flatten(detail)]
    return {}, messages[0] if messages else ""


def _flatten(value):
    if isinstance(value, dict):
        return [f"{k}: {m}" for k, v in value.items() for m in _flatten(v)]
    if isinstance(value, list):
        return [m for item in value for m in _flatten(item)]
    return [value]


def exception_handler(exc, context):
    """DRF's handler, reshaped into the portal's one error shape."""
    exc = _as_drf(exc)
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    detail = exc.detail if isinstance(exc, exceptions.APIException) else response.data
    fields, message = _fields_and_message(detail)
    code = exc.get_codes() if isinstance(exc, exceptions.APIException) else "error"
    if not isinstance(code, str):
        code = "invalid" if response.status_code == status.HTTP_400_BAD_REQUEST else "error"
    if isinstance(exc, exceptions.Throttled):
        message = _("Too many requests. Try again in %(seconds)d seconds.") % {
            "seconds": exc.wait or 1
        }
    body = {"status": response.status_code, "code": code, "message": message, "fields": fields}
    return Response({"error": body}, status=response.status_code, headers=response.headers)


STATUS_CODES = {
    400: "bad_request",
    403: "permission_denied",
    404: "not_found",
    405: "method_not_allowed",
    413: "request_too_large",
    415: "unsupported_media_type",
    429: "throttled",
    500: "server_error",
}


def error_response(status_code, message):
    """The one error shape as a plain Django response (for errors outside DRF's views)."""
    body = {
        "status": status_code,
        "code": STATUS_CODES.get(status_code, "error"),
        "message": str(message),
        "fields": {},
    }
    return JsonResponse({"error": body}, status=status_code)
