"""API tokens: issued on a page that needs a verified second factor; they expire and are revoked.

Only the SHA-256 of a key is stored; the key is shown once. A request sends
``Authorization: Token <key>``.
"""

import hashlib
import secrets
from datetime import timedelta

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from rest_framework import authentication, exceptions

from .audit import record_event
from .models import ApiToken

LIFETIMES = [
    (30, gettext_lazy("30 days")),
    (90, gettext_lazy("90 days")),
    (365, gettext_lazy("1 year")),
]
# last_used_at is written at most this often per token.
USE_RESOLUTION = timedelta(minutes=1)


def digest_of(key):
    return hashlib.sha256(key.encode()).hexdigest()


def issue(user, name, days):
    """A new token for the user; returns (token row, key). The key is not stored."""
    key = "sqp_" + secrets.token_urlsafe(32)
    with transaction.atomic():
        token = ApiToken.objects.create(
            user=user,
            name=name,
            digest=digest_of(key),
            prefix=key[:10],
            expires_at=timezone.now() + timedelta(days=days),
        )
        record_event(token, "token_issue", name=name, expires_at=token.expires_at)
    return token, key


def revoke(token):
    """Revoke a token at once (audited)."""
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    record_event(token, "token_revoke", name=token.name)


class TokenAuthentication(authentication.TokenAuthentication):
    """``Authorization: Token <key>`` against the stored digests, live tokens only."""

    def authenticate_credentials(self, key):
        now = timezone.now()
        token = (
            ApiToken.objects.select_related("user__agency__reporting_unit")
            .filter(digest=digest_of(key), revoked_at__isnull=True, expires_at__gt=now)
            .first()
        )
        if token is None or not token.user.is_active:
            raise exceptions.AuthenticationFailed(_("The token is unknown, expired or revoked."))
        if token.last_used_at is None or now - token.last_used_at > USE_RESOLUTION:
            ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        return token.user, token


class TokenForm(forms.Form):
    name = forms.CharField(
        label=gettext_lazy("What the token is for"),
        max_length=100,
        help_text=gettext_lazy("For example the program or person that uses it."),
    )
    days = forms.TypedChoiceField(
        label=gettext_lazy("Valid for"), choices=LIFETIMES, coerce=int, initial=90
    )


@login_required
def tokens(request):
    """The user's tokens with their last use, and the form to issue one (verified sessions)."""
    verified = request.user.is_verified()
    form = TokenForm(request.POST or None)
    key = None
    status = 200
    if request.method == "POST":
        if not verified:
            status = 403
        elif form.is_valid():
            _token, key = issue(request.user, form.cleaned_data["name"], form.cleaned_data["days"])
            form = TokenForm()
        else:
            status = 400
    context = {
        "form": form,
        "key": key,
        "verified": verified,
        "tokens": ApiToken.objects.filter(user=request.user),
        "now": timezone.now(),
    }
    return render(request, "registration/api_tokens.html", context, status=status)


@login_required
@require_POST
def revoke_token(request, pk):
    """Revoke one of the user's own tokens."""
    token = get_object_or_404(ApiToken, pk=pk, user=request.user, revoked_at__isnull=True)
    revoke(token)
    messages.success(request, _("The token “%(name)s” is revoked.") % {"name": token.name})
    return redirect("api_tokens")
