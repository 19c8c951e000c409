"""Pagination for every API list: keyset (cursor) pages, no COUNT(*) on big tables."""

from rest_framework.pagination import CursorPagination


class PortalCursorPagination(CursorPagination):
    """Cursor pages of 50 (up to 500), newest first unless the view orders otherwise."""

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 500
    ordering = "-pk"
