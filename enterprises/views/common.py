"""What the enterprise users' filing pages share."""

from functools import wraps

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from portal.scoping import scoped

from ..models import Enterprise


def with_claimed_enterprises(fallback):
    """Pass the enterprises the user acts for; with none, back to ``fallback`` with a hint."""

    def decorate(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            enterprises = scoped(Enterprise.objects.all(), request.user)
            if not enterprises.exists():
                messages.warning(
                    request, _("Claim your enterprise first; a regulator approves the claim.")
                )
                return redirect(fallback)
            return view(request, enterprises, *args, **kwargs)

        return wrapped

    return decorate
