"""Two-factor login with a TOTP app (django-otp), mandatory for staff and superusers.

Headquarters and provincial staff and superusers enrol on their first login and
enter a code after every password; enterprise users may turn it on. Enrolment
gives ten one-time recovery codes (django-otp static tokens), shown once.
Until the second factor is verified a session opens only the enrolment or
verification page and logout.
"""

import segno
from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp import match_token, user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from .access import STAFF_ROLES
from .audit import record_event

ALWAYS_OPEN = ("/accounts/logout/", "/static/", "/i18n/", "/health/", "/csp-report/")
VERIFY_PATH = "/accounts/verify/"
ENROL_PATH = "/accounts/two-factor/"
RECOVERY_CODES = 10


def required_for(user):
    """Staff of headquarters and the provinces, and superusers, must use a second factor."""
    return user.is_superuser or user.role in STAFF_ROLES


class TokenForm(forms.Form):
    token = forms.RegexField(
        label=gettext_lazy("6-digit code from your authenticator app, or a recovery code"),
        regex=r"^(\d{6}|[a-z2-7]{8})$",
        error_messages={
            "invalid": gettext_lazy(
                "Enter the 6 digits your app shows, or an 8-letter recovery code."
            )
        },
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code"}),
    )

    def __init__(self, data=None, **kwargs):
        if data is not None and "token" in data:
            data = data.copy()
            data["token"] = data["token"].replace(" ", "").replace("-", "").lower()
        super().__init__(data, **kwargs)


class RequireVerifiedMiddleware:
    """An unverified session opens only enrolment or verification, and logout."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if not user.is_authenticated or user.is_verified() or request.path.startswith(ALWAYS_OPEN):
            return self.get_response(request)
        if user_has_device(user):
            if request.path.startswith(VERIFY_PATH):
                return self.get_response(request)
            return self._refuse(request, "not_verified", "two_factor_verify")
        if required_for(user):
            if request.path.startswith(ENROL_PATH):
                return self.get_response(request)
            return self._refuse(request, "second_factor_required", "two_factor_setup")
        return self.get_response(request)

    def _refuse(self, request, code, page):
        if request.path.startswith("/api/"):
            message = _("Set up or enter your two-factor code in the browser first.")
            body = {"status": 403, "code": code, "message": message, "fields": {}}
            return JsonResponse({"error": body}, status=403)
        return redirect(f"{reverse(page)}?next={request.get_full_path()}")


def _verified(request, device):
    """Mark the session verified and give it a new key (no fixation across the second step)."""
    otp_login(request, device)
    request.session.cycle_key()


@login_required
def verify(request):
    """Second step of the login: the code from the authenticator app, or a recovery code."""
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(request.user, form.cleaned_data["token"])
        if device is not None:
            _verified(request, device)
            if isinstance(device, StaticDevice):
                left = StaticToken.objects.filter(device=device).count()
                messages.warning(request, _("Recovery code used; %(n)d left.") % {"n": left})
            return redirect(_safe_next(request))
        form.add_error("token", _("That code is wrong or has expired. Try the current one."))
    return render(request, "registration/two_factor_verify.html", {"form": form})


@login_required
def setup(request):
    """Enrol: scan the QR code (drawn here, no outside service), confirm with a first code."""
    confirmed = TOTPDevice.objects.filter(user=request.user, confirmed=True).exists()
    if confirmed:
        context = {"confirmed": True, "required": required_for(request.user)}
        return render(request, "registration/two_factor_setup.html", context)
    device, _created = TOTPDevice.objects.get_or_create(
        user=request.user, confirmed=False, defaults={"name": _("authenticator")}
    )
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            codes = enrol(request.user, device)
            _verified(request, device)
            return _show_recovery_codes(request, codes)
        form.add_error("token", _("That code is wrong or has expired. Try the current one."))
    context = {
        "form": form,
        "confirmed": False,
        "required": required_for(request.user),
        "qr": segno.make(device.config_url).svg_inline(scale=4),
        "secret": device.config_url.split("secret=")[1].split("&")[0],
    }
    return render(request, "registration/two_factor_setup.html", context)


def enrol(user, device):
    """Confirm the authenticator, make fresh recovery codes and audit the enrolment."""
    with transaction.atomic():
        device.confirmed = True
        device.save()
        codes = new_recovery_codes(user)
        record_event(user, "2fa_enrol", device=device.name, recovery_codes=len(codes))
    return codes


def new_recovery_codes(user):
    """Replace the user's recovery codes with ten new ones; returns them (shown once)."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name="recovery codes", confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


@login_required
@require_POST
def recovery_codes(request):
    """New recovery codes for a verified session; the old ones stop working."""
    if not request.user.is_verified():
        raise PermissionDenied
    codes = new_recovery_codes(request.user)
    record_event(request.user, "2fa_enrol", recovery_codes=len(codes))
    return _show_recovery_codes(request, codes)


def _show_recovery_codes(request, codes):
    return render(
        request,
        "registration/two_factor_recovery_codes.html",
        {"codes": codes, "next": _safe_next(request)},
    )


def reset(user):
    """Remove every second-factor device of a user (headquarters, audited by the caller)."""
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()


@login_required
@require_POST
def disable(request):
    """Turn two-factor login off: verified enterprise users only, never staff."""
    if request.user.is_verified() and not required_for(request.user):
        reset(request.user)
        messages.success(request, _("Two-factor login is off."))
    return redirect("two_factor_setup")


def _safe_next(request):
    target = request.GET.get("next", "")
    allowed = url_has_allowed_host_and_scheme(target, {request.get_host()})
    return target if target and allowed else reverse("portal:dashboard")
