"""Optional two-factor login with a TOTP app (django-otp).

A user who has confirmed an authenticator must enter its 6-digit code after the
password before anything else opens; others log in as before.
"""

import segno
from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp import match_token, user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice

OPEN_PATHS = ("/accounts/verify/", "/accounts/logout/", "/static/", "/i18n/", "/health/")


class TokenForm(forms.Form):
    token = forms.RegexField(
        label=gettext_lazy("6-digit code from your authenticator app"),
        regex=r"^\d{6}$",
        error_messages={"invalid": gettext_lazy("Enter the 6 digits your app shows.")},
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


class RequireVerifiedMiddleware:
    """Users with a confirmed authenticator must verify a code before using the portal."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            user.is_authenticated
            and not user.is_verified()
            and not request.path.startswith(OPEN_PATHS)
            and user_has_device(user)
        ):
            if request.path.startswith("/api/"):
                message = _("Enter your two-factor code in the browser first.")
                body = {"status": 403, "code": "not_verified", "message": message, "fields": {}}
                return JsonResponse({"error": body}, status=403)
            return redirect(f"{reverse('two_factor_verify')}?next={request.get_full_path()}")
        return self.get_response(request)


@login_required
def verify(request):
    """Second step of the login: the code from the authenticator app."""
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(request.user, form.cleaned_data["token"])
        if device is not None:
            otp_login(request, device)
            return redirect(_safe_next(request))
        form.add_error("token", _("That code is wrong or has expired. Try the current one."))
    return render(request, "registration/two_factor_verify.html", {"form": form})


@login_required
def setup(request):
    """Turn on two-factor login: scan the QR code, then confirm with a first code."""
    confirmed = TOTPDevice.objects.filter(user=request.user, confirmed=True).exists()
    device, _created = TOTPDevice.objects.get_or_create(
        user=request.user, confirmed=False, defaults={"name": "authenticator"}
    )
    form = TokenForm(request.POST or None)
    if not confirmed and request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            device.confirmed = True
            device.save()
            otp_login(request, device)
            messages.success(request, _("Two-factor login is on."))
            return redirect("portal:dashboard")
        form.add_error("token", _("That code is wrong or has expired. Try the current one."))
    context = {
        "form": form,
        "confirmed": confirmed,
        "qr": segno.make(device.config_url).svg_inline(scale=4),
        "secret": device.config_url.split("secret=")[1].split("&")[0],
    }
    return render(request, "registration/two_factor_setup.html", context)


@login_required
@require_POST
def disable(request):
    """Turn two-factor login off (a verified session only)."""
    if request.user.is_verified():
        for device in TOTPDevice.objects.filter(user=request.user):
            device.delete()
        messages.success(request, _("Two-factor login is off."))
    return redirect("two_factor_setup")


def _safe_next(request):
    target = request.GET.get("next", "")
    allowed = url_has_allowed_host_and_scheme(target, {request.get_host()})
    return target if target and allowed else reverse("portal:dashboard")
