"""What the enterprise users' filing pages share."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.access import get_scoped_or_404
from portal.scoping import scoped

from .. import rules
from ..models import Enterprise, EnterpriseMembership


def with_claimed_enterprises(fallback):
    """Pass the enterprises the user acts for; with none, back to ``fallback`` with a hint."""

    def decorate(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            enterprises = scoped(Enterprise.objects.all(), request.user)
            if not enterprises.exists():
                messages.warning(request, _claim_hint(request.user))
                return redirect(fallback)
            return view(request, enterprises, *args, **kwargs)

        return wrapped

    return decorate


def _claim_hint(user):
    """Claim first, or, with a claim waiting, whose approval it waits for and since when."""
    waiting = (
        EnterpriseMembership.objects.filter(user=user, status=EnterpriseMembership.Status.PENDING)
        .select_related("enterprise__reporting_unit")
        .first()
    )
    if waiting is None:
        return _("Claim your enterprise first; a regulator approves the claim.")
    return _(
        "Your claim of %(name)s, sent on %(day)s, is waiting for %(unit)s to approve it; "
        "you can file once it is approved."
    ) % {
        "name": waiting.enterprise.name,
        "day": timezone.localdate(waiting.created_at).isoformat(),
        "unit": waiting.enterprise.reporting_unit,
    }


def creating(model):
    """Pages that file a new ``model``: ``rules.may_create`` decides who may (403 otherwise)."""

    def decorate(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not rules.may_create(request.user, model):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorate


def editable_or_403(queryset, user, **lookup):
    """The object within the user's scope (404 outside it) that ``rules.may_edit`` allows (403)."""
    obj = get_scoped_or_404(queryset, user, **lookup)
    if not rules.may_edit(user, obj):
        raise PermissionDenied
    return obj
