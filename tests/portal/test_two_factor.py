"""Optional two-factor login: turned on with a first code, then asked after the password."""

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from portal.models import AuditEntry
from tests.factories import PASSWORD


def current_code(device):
    return (
        f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=0):06d}"
    )


def turn_on(client, user):
    client.force_login(user)
    page = client.get("/accounts/two-factor/")
    assert page.status_code == 200 and "<svg" in page.content.decode()
    device = TOTPDevice.objects.get(user=user)
    response = client.post("/accounts/two-factor/", {"token": current_code(device)})
    assert response.status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    return device


@pytest.mark.django_db
def test_turning_it_on_needs_a_correct_first_code(client, province_user):
    client.force_login(province_user)
    client.get("/accounts/two-factor/")
    response = client.post("/accounts/two-factor/", {"token": "000000"})
    assert "验证码不正确或已过期" in response.content.decode()
    assert not TOTPDevice.objects.filter(user=province_user, confirmed=True).exists()


@pytest.mark.django_db
def test_after_the_password_the_code_is_asked_before_anything_opens(client, province_user):
    device = turn_on(client, province_user)
    client.logout()
    client.post("/accounts/login/", {"username": "gd", "password": PASSWORD})
    response = client.get("/dashboard/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/verify/")
    api = client.get("/api/v1/users/me/")
    assert api.status_code == 403 and api.json()["error"]["code"] == "not_verified"
    wrong = client.post("/accounts/verify/?next=/dashboard/", {"token": "12345"})
    assert wrong.status_code == 200 and "field--error" in wrong.content.decode()
    device.refresh_from_db()
    device.last_t = -1
    device.save()
    right = client.post("/accounts/verify/?next=/dashboard/", {"token": current_code(device)})
    assert right.status_code == 302 and right["Location"] == "/dashboard/"
    assert client.get("/dashboard/").status_code == 200


@pytest.mark.django_db
def test_verify_does_not_redirect_off_site(client, province_user):
    device = turn_on(client, province_user)
    client.logout()
    client.post("/accounts/login/", {"username": "gd", "password": PASSWORD})
    device.last_t = -1
    device.save()
    response = client.post(
        "/accounts/verify/?next=https://evil.example.com/", {"token": current_code(device)}
    )
    assert response["Location"] == "/dashboard/"


@pytest.mark.django_db
def test_users_without_an_authenticator_log_in_as_before(client, province_user):
    client.post("/accounts/login/", {"username": "gd", "password": PASSWORD})
    assert client.get("/dashboard/").status_code == 200


@pytest.mark.django_db
def test_turning_it_on_is_audited_without_the_key(client, province_user):
    device = turn_on(client, province_user)
    entries = AuditEntry.objects.filter(object_id=str(device.pk), content_type__model="totpdevice")
    entry = entries.get(action="update", changes__has_key="confirmed")
    assert entry.actor == province_user
    assert entry.changes["confirmed"] == [False, True]
    assert device.key not in str(list(entries.values("changes")))
