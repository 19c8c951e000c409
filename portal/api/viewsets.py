"""Base viewsets: every queryset goes through the one scoping rule."""

from rest_framework import viewsets

from ..access import FollowsEditRule, HasRole
from ..scoping import scoped


class ScopedQuerysetMixin:
    """Narrows ``queryset`` (or ``get_base_queryset()``) to the requesting user's scope."""

    permission_classes = [HasRole, FollowsEditRule]
    edit_rule = None  # the app's rules module (may_create, may_edit), if it has one

    def get_base_queryset(self):
        return super().get_queryset()

    def get_queryset(self):
        return scoped(self.get_base_queryset(), self.request.user)


class ScopedReadOnlyViewSet(ScopedQuerysetMixin, viewsets.ReadOnlyModelViewSet):
    """List and retrieve within scope."""


class ScopedModelViewSet(ScopedQuerysetMixin, viewsets.ModelViewSet):
    """List, retrieve, create, update within scope (no DELETE unless a view allows it)."""

    http_method_names = ["get", "post", "put", "patch", "head", "options"]
