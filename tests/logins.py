"""Verified logins for tests: a real authenticator, and django-otp's record of its use."""

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from portal import two_factor


def authenticator(user):
    """The user's confirmed TOTP device (made if missing)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    return device or TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)


def current_code(device):
    """The 6 digits the authenticator shows now, or in the next step if now's code was used.

    django-otp refuses a code twice; a test that logs the same user in twice within
    30 seconds types the next code, which the device's tolerance accepts.
    """
    device.refresh_from_db()
    now = TOTP(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)
    now.drift = max(0, device.last_t - now.t() + 1)
    code = now.token()
    return f"{code:06d}"


def log_in(client, user):
    """Log in as the user; staff sessions are verified with their authenticator.

    The session holds the device id exactly as ``django_otp.login`` writes it after
    a correct code, so RequireVerifiedMiddleware sees a verified session.
    """
    client.force_login(user)
    if two_factor.required_for(user):
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = authenticator(user).persistent_id
        session.save()
    return client
