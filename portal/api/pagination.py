"""Pagination for every API list: keyset (cursor) pages, no COUNT(*) on big tables."""

from django.utils.translation import gettext as _
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import CursorPagination


class PortalCursorPagination(CursorPagination):
    """Cursor pages of 50 (up to 500), newest first unless the view orders otherwise."""

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 500
    ordering = "-pk"

    def get_page_size(self, request):
        """A whole number from 1 to 500, else a 400 naming the parameter; empty is the default."""
        value = request.query_params.get(self.page_size_query_param, "")
        if not value:
            return self.page_size
        if not (value.isascii() and value.isdigit() and 1 <= int(value) <= self.max_page_size):
            message = _("Give a whole number from 1 to %(maximum)d.") % {
                "maximum": self.max_page_size
            }
            raise ValidationError({self.page_size_query_param: [message]})
        return int(value)

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"] |= {"minimum": 1, "maximum": self.max_page_size}
        return parameters

    def decode_cursor(self, request):
        """An unreadable cursor is the client's error (400 naming the parameter), not a 404."""
        try:
            return super().decode_cursor(request)
        except NotFound as error:
            raise ValidationError({self.cursor_query_param: [_("Invalid cursor.")]}) from error
