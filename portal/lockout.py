"""Login lockout: after 5 failures an account and a source address wait, longer each time.

Counters are kept per typed username (whether or not such an account exists)
and per source address, so the answer never tells whether an account exists.
A success clears the account's counter; an address forgets a day after its
last failure. Failures, lockouts and unlocks are in the audit trail.

Our own small module rather than django-axes: the rule is twenty lines, and
its counters, audit events and unlock page fit the portal's own seams.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from .audit import record_event
from .models import LoginThrottle
from .proxy import client_address

FORGET_AFTER = timedelta(days=1)
Kind = LoginThrottle.Kind


def wait_seconds(failures):
    """How long a login waits after this many failures in a row: 0, then 1, 2, 4 ... 60 min."""
    threshold = settings.LOGIN_FAILURES_BEFORE_LOCKOUT
    if failures < threshold:
        return 0
    return min(60 * 2 ** (failures - threshold), settings.LOGIN_LOCKOUT_MAX_SECONDS)


def _keys(username, address):
    return [(Kind.ACCOUNT, username.strip().lower()[:150]), (Kind.ADDRESS, address or "unknown")]


def seconds_locked(username, address, now=None):
    """Seconds until a login for this username from this address may be tried again."""
    now = now or timezone.now()
    waits = [
        (row.locked_until - now).total_seconds()
        for kind, key in _keys(username, address)
        for row in LoginThrottle.objects.filter(kind=kind, key=key, locked_until__gt=now)
    ]
    return int(max(waits, default=0)) + (1 if waits else 0)


def record_failure(username, address, now=None):
    """Count a failed login against the username and the address; lock either at 5."""
    now = now or timezone.now()
    with transaction.atomic():
        for kind, key in _keys(username, address):
            row, _created = LoginThrottle.objects.select_for_update().get_or_create(
                kind=kind, key=key
            )
            if row.last_failure_at and now - row.last_failure_at > FORGET_AFTER:
                row.failures = 0
            row.failures += 1
            row.last_failure_at = now
            wait = wait_seconds(row.failures)
            row.locked_until = now + timedelta(seconds=wait) if wait else None
            row.save()
            if kind == Kind.ACCOUNT:
                record_event(row, "login_failed", username=username, address=address)
            if wait:
                record_event(row, "lockout", failures=row.failures, locked_until=row.locked_until)


def clear_account(username):
    """A successful login: the account's count starts again."""
    LoginThrottle.objects.filter(kind=Kind.ACCOUNT, key=username.strip().lower()).update(
        failures=0, locked_until=None
    )


def unlock(row):
    """Headquarters lift a lock (audited)."""
    row.failures = 0
    row.locked_until = None
    row.save()
    record_event(row, "unlock", key=row.key)


def currently_locked(now=None):
    return LoginThrottle.objects.filter(locked_until__gt=now or timezone.now())


class LockoutBackend(ModelBackend):
    """The model backend, refusing locked usernames and addresses and counting failures."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None or username is None:
            return super().authenticate(request, username, password, **kwargs)
        address = client_address(request)
        wait = seconds_locked(username, address)
        if wait:
            request.login_wait_seconds = wait
            raise PermissionDenied  # stops the login without checking the password
        user = super().authenticate(request, username, password, **kwargs)
        if user is None:
            record_failure(username, address)
        else:
            clear_account(username)
        return user

    def get_user(self, user_id):
        """The signed-in user with the agency and unit that every scoped query reads."""
        rows = get_user_model()._default_manager.select_related("agency__reporting_unit")
        user = rows.filter(pk=user_id).first()
        return user if user is not None and self.user_can_authenticate(user) else None
