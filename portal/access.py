"""Role checks for views and the API; scoping of rows lives in portal.scoping."""

from fnmatch import fnmatchcase
from functools import wraps

from django.contrib.auth.mixins import AccessMixin
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from rest_framework.permissions import BasePermission

from .discovery import app_modules
from .scoping import scoped

# The one set of role names (the values of portal.models.User.Role).
HEADQUARTERS = "headquarters"
PROVINCIAL = "provincial"
ENTERPRISE = "enterprise"
STAFF_ROLES = (HEADQUARTERS, PROVINCIAL)
EVERY_ROLE = (HEADQUARTERS, PROVINCIAL, ENTERPRISE)

# The agencies' kinds (the values of portal.models.Agency.Kind).
MARKET = "market"
DRC = "drc"


def has_role(user, *roles):
    return user.is_authenticated and user.is_active and user.role in roles


def roles_required(*roles):
    """Function views: anonymous users go to the login page, other roles get 403."""
    roles = roles or STAFF_ROLES

    def decorate(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not has_role(request.user, *roles):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorate


class RoleRequiredMixin(AccessMixin):
    """Lets in only users whose role is in ``roles``; others get 403, anonymous the login page."""

    roles: tuple = ()

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if not has_role(request.user, *self.roles):
            self.raise_exception = True
            return self.handle_no_permission()
        return super().dispatch(request, *args, **kwargs)


def agency_kind(user):
    """The kind of agency the user works for; None for visitors and enterprise users."""
    return user.agency.kind if user.is_authenticated and user.agency_id else None


def _market_work(kind="MARKET_WORK"):
    return [pattern for _config, module in app_modules("navigation")
            for pattern in getattr(module, kind, ())]  # fmt: skip


def may_open(user, url_name):
    """Whether the user's agency does the work of the page named ``url_name``.

    The pages an app's ``navigation.py`` lists in ``MARKET_WORK`` (glob patterns of
    URL names such as ``"app:review*"``) are the market regulator's: staff of
    any other agency (the DRC) get no link to them and a 403. Roles still apply.
    """
    kind = agency_kind(user)
    if kind in (None, MARKET) or not url_name:
        return True
    return not any(fnmatchcase(url_name, pattern) for pattern in _market_work())


def may_write_api(user, route_name):
    """Whether the user's agency writes through the API route ``route_name`` (``MARKET_API``)."""
    if agency_kind(user) in (None, MARKET) or not route_name:
        return True
    return not any(fnmatchcase(route_name, pattern) for pattern in _market_work("MARKET_API"))


class AgencyWorkMiddleware:
    """Answers 403 when a page is another agency's work (see ``may_open``)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not may_open(request.user, request.resolver_match.view_name):
            raise PermissionDenied


def get_scoped_or_404(queryset, user, **lookup):
    """Fetch one object within the user's scope, or 404 (existence does not leak)."""
    return get_object_or_404(scoped(queryset, user), **lookup)


class HasRole(BasePermission):
    """DRF: the view's ``roles`` (default staff) may use it; writes need ``write_roles``."""

    def has_permission(self, request, view):
        roles = getattr(view, "roles", STAFF_ROLES)
        if request.method in ("GET", "HEAD", "OPTIONS"):
            return has_role(request.user, *roles)
        route = request.resolver_match.view_name if request.resolver_match else None
        return has_role(request.user, *getattr(view, "write_roles", roles)) and may_write_api(
            request.user, route
        )


class FollowsEditRule(BasePermission):
    """DRF: create, update and delete follow the app's rule (``view.edit_rule``), as its pages do.

    ``edit_rule`` is a module with ``may_create(user, model)`` and ``may_edit(user, obj)``;
    workflow actions are governed by their workflow, not by this rule.
    """

    def has_permission(self, request, view):
        rule = getattr(view, "edit_rule", None)
        if rule is None or getattr(view, "action", None) != "create":
            return True
        return rule.may_create(request.user, view.get_queryset().model)

    def has_object_permission(self, request, view, obj):
        rule = getattr(view, "edit_rule", None)
        if rule is None or getattr(view, "action", None) not in EDIT_ACTIONS:
            return True
        return rule.may_edit(request.user, obj)


EDIT_ACTIONS = ("update", "partial_update", "destroy")
