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

    def decode_cursor(self, request):
        """An unreadable cursor is the client's error (400 naming the parameter), not a 404."""
        try:
            return super().decode_cursor(request)
        except NotFound as error:
            raise ValidationError({self.cursor_query_param: [_("Invalid cursor.")]}) from error
