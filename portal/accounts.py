"""Logins: the login form that says when to try again, login audit, idle timeout, logout all.

The lockout itself is the authentication backend (portal.lockout); the second
factor is portal.two_factor.
"""

import time

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.contrib.auth.signals import user_logged_in
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views import i18n
from django_otp import user_has_device

from . import mail
from .audit import record_event
from .models import User
from .proxy import client_address
from .two_factor import required_for

LAST_SEEN = "portal_last_seen"


class LoginForm(AuthenticationForm):
    """Django's login form; while locked it says how long to wait, for any username alike."""

    def clean(self):
        try:
            return super().clean()
        except ValidationError:
            wait = getattr(self.request, "login_wait_seconds", 0)
            if wait:
                minutes = max(1, -(-wait // 60))
                raise ValidationError(
                    _(
                        "Too many failed logins for this username or from this address. "
                        "Try again in %(minutes)d minutes."
                    ),
                    code="locked",
                    params={"minutes": minutes},
                ) from None
            raise


class MailedPasswordResetForm(PasswordResetForm):
    """Django's password reset, its e-mail sent by portal.mail in the user's language."""

    def send_mail(self, subject_template_name, email_template_name, context, *args, **kwargs):
        mail.send("password_reset", [context["user"]], context)


def set_language(request):
    """Django's language switcher; a logged-in user's choice also becomes their e-mail language."""
    response = i18n.set_language(request)
    language = request.POST.get("language")
    user = request.user
    if (
        request.method == "POST"
        and user.is_authenticated
        and language in dict(settings.LANGUAGES)
        and user.language != language
    ):
        user.language = language
        user.save(update_fields=["language"])
    return response


def _audit_login(sender, request, user, **kwargs):
    if request is not None:
        record_event(user, "login", address=client_address(request))


user_logged_in.connect(_audit_login, dispatch_uid="portal_audit_login")


def idle_limit_seconds(user):
    """Staff are logged out after 30 minutes without a request, others after two hours."""
    minutes = (
        settings.STAFF_SESSION_IDLE_MINUTES if required_for(user) else settings.SESSION_IDLE_MINUTES
    )
    return minutes * 60


class IdleTimeoutMiddleware:
    """End a session that has been idle too long; note the time of each request otherwise."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated:
            now = time.time()
            last_seen = request.session.get(LAST_SEEN, now)
            if now - last_seen > idle_limit_seconds(user):
                logout(request)
                messages.info(request, _("You were logged out after a time without activity."))
                return redirect(f"{reverse('login')}?next={request.get_full_path()}")
            # Written at most once a minute, so a busy page does not save the session each time.
            if now - last_seen >= 60 or LAST_SEEN not in request.session:
                request.session[LAST_SEEN] = now
        return self.get_response(request)


@login_required
def logout_everywhere(request):
    """Log out of all sessions, this one included: every session's auth hash changes."""
    if request.method != "POST":
        return render(request, "registration/logout_everywhere.html")
    user = request.user
    user.session_epoch += 1
    user.save(update_fields=["session_epoch"])
    record_event(user, "logout_all")
    logout(request)
    messages.success(request, _("You are logged out of all sessions."))
    return redirect("login")


class AccountForm(forms.ModelForm):
    """What a person may change about their own account: the name shown and the e-mail language."""

    class Meta:
        model = User
        fields = ["full_name", "language"]


@login_required
def my_account(request):
    """The signed-in person's account: who they are, their name and e-mail language, security."""
    form = AccountForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        translation.activate(form.instance.language)
        messages.success(request, _("Your account is saved."))
        response = redirect("my_account")
        response.set_cookie(settings.LANGUAGE_COOKIE_NAME, form.instance.language)
        return response
    context = {"form": form, "has_second_factor": user_has_device(request.user)}
    return render(request, "registration/my_account.html", context)
