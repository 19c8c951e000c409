"""What every reporting page shares: staff only."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied

from portal.access import HEADQUARTERS, STAFF_ROLES, has_role


def roles_required(*roles):
    """Let in only users with one of the roles (default: staff); anonymous users log in."""
    roles = roles or STAFF_ROLES

    def decorate(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not has_role(request.user, *roles):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapper

    return decorate


staff_required = roles_required()
headquarters_required = roles_required(HEADQUARTERS)
