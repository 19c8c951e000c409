"""Headquarters' account security page: reset a second factor, lift a login lock."""

from django.contrib import messages
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_otp import user_has_device

from . import lockout, two_factor
from .access import HEADQUARTERS, roles_required
from .audit import record_event
from .models import LoginThrottle, User
from .scoping import scoped

MAX_USERS_SHOWN = 50


@roles_required(HEADQUARTERS)
def account_security(request):
    """Find an account by username; see its second factor; see and lift current locks."""
    query = request.GET.get("q", "").strip()[:150]
    found = []
    if query:
        users = scoped(User.objects.select_related("agency"), request.user)
        found = [
            {"user": user, "has_device": user_has_device(user)}
            for user in users.filter(username__icontains=query).order_by("username")[
                :MAX_USERS_SHOWN
            ]
        ]
    context = {"query": query, "found": found, "locks": lockout.currently_locked()}
    return render(request, "portal/account_security.html", context)


@roles_required(HEADQUARTERS)
@require_POST
def reset_second_factor(request, pk):
    """Remove a user's authenticator and recovery codes; they enrol again at next login."""
    user = get_object_or_404(scoped(User.objects.all(), request.user), pk=pk)
    with transaction.atomic():
        two_factor.reset(user)
        record_event(user, "2fa_reset", by=request.user.get_username())
    messages.success(
        request, _("The second factor of %(user)s is reset.") % {"user": user.get_username()}
    )
    return redirect(f"{reverse('portal:account_security')}?{urlencode({'q': user.username})}")


@roles_required(HEADQUARTERS)
@require_POST
def unlock(request, pk):
    """Lift a login lock on a username or an address."""
    row = get_object_or_404(scoped(LoginThrottle.objects.all(), request.user), pk=pk)
    lockout.unlock(row)
    messages.success(request, _("%(what)s is unlocked.") % {"what": row})
    return redirect("portal:account_security")
