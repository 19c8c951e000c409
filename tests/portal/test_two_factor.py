"""Mandatory two-factor login for staff and superusers; enterprise users may opt in."""

import re

import pytest
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from portal.models import AuditEntry
from tests import factories
from tests.factories import PASSWORD
from tests.logins import authenticator, current_code, log_in


def password_login(client, username):
    response = client.post("/accounts/login/", {"username": username, "password": PASSWORD})
    assert response.status_code == 302, "the password was not accepted"
    return response


def enrol(client):
    """Scan and confirm on the enrolment page; returns (device, recovery codes)."""
    page = client.get("/accounts/two-factor/")
    assert page.status_code == 200 and "<svg" in page.content.decode()
    device = TOTPDevice.objects.get(user_id=client.session["_auth_user_id"])
    response = client.post("/accounts/two-factor/", {"token": current_code(device)})
    assert response.status_code == 200
    codes = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", response.content.decode())
    device.refresh_from_db()
    return device, codes


def fresh(device):
    """Let the same 30-second code be used again (django-otp refuses a replay)."""
    device.refresh_from_db()
    device.last_t = -1
    device.throttling_failure_count = 0
    device.throttling_failure_timestamp = None
    device.save()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "make",
    [
        lambda: factories.headquarters_user(username="staff"),
        lambda: factories.provincial_user("440000", username="staff"),
        lambda: factories.enterprise_user(username="staff", is_superuser=True),
    ],
    ids=["headquarters", "provincial", "superuser"],
)
def test_staff_and_superusers_must_enrol_before_anything_opens(client, make):
    make()
    first = password_login(client, "staff")
    assert client.get(first["Location"])["Location"].startswith("/accounts/two-factor/")
    for path in ("/dashboard/", "/enterprises/", "/accounts/tokens/", "/accounts/password_change/"):
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith("/accounts/two-factor/?next="), path
    api = client.get("/api/v1/users/me/")
    assert api.status_code == 403 and api.json()["error"]["code"] == "second_factor_required"
    device, codes = enrol(client)
    assert device.confirmed and len(codes) == 10 and len(set(codes)) == 10
    assert client.get("/dashboard/").status_code == 200


@pytest.mark.django_db
def test_enrolment_needs_a_correct_first_code(client, province_user):
    password_login(client, "gd")
    client.get("/accounts/two-factor/")
    response = client.post("/accounts/two-factor/", {"token": "000000"})
    assert "验证码不正确或已过期" in response.content.decode()
    assert not TOTPDevice.objects.filter(user=province_user, confirmed=True).exists()
    assert client.get("/dashboard/").status_code == 302


@pytest.mark.django_db
def test_the_qr_code_is_drawn_on_our_server(client, province_user):
    password_login(client, "gd")
    page = client.get("/accounts/two-factor/").content.decode()
    qr = re.search(r'<div class="qr"[^>]*>(.*?)</div>', page, re.S).group(1)
    assert qr.lstrip().startswith("<svg") and "http" not in qr.replace("http://www.w3.org", "")


@pytest.mark.django_db
def test_after_the_password_the_code_is_asked_before_anything_opens(client, province_user):
    device = authenticator(province_user)
    password_login(client, "gd")
    response = client.get("/dashboard/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/verify/")
    assert client.get("/accounts/two-factor/")["Location"].startswith("/accounts/verify/")
    api = client.get("/api/v1/users/me/")
    assert api.status_code == 403 and api.json()["error"]["code"] == "not_verified"
    wrong = client.post("/accounts/verify/?next=/dashboard/", {"token": "12345"})
    assert wrong.status_code == 200 and "field--error" in wrong.content.decode()
    fresh(device)
    right = client.post("/accounts/verify/?next=/dashboard/", {"token": current_code(device)})
    assert right.status_code == 302 and right["Location"] == "/dashboard/"
    assert client.get("/dashboard/").status_code == 200


@pytest.mark.django_db
def test_a_recovery_code_logs_in_once(client, province_user):
    password_login(client, "gd")
    _device, codes = enrol(client)
    client.post("/accounts/logout/")
    password_login(client, "gd")
    used = client.post("/accounts/verify/", {"token": codes[0].upper()})
    assert used.status_code == 302 and client.get("/dashboard/").status_code == 200
    assert StaticToken.objects.filter(device__user=province_user).count() == 9
    client.post("/accounts/logout/")
    password_login(client, "gd")
    again = client.post("/accounts/verify/", {"token": codes[0]})
    assert again.status_code == 200 and client.get("/dashboard/").status_code == 302


@pytest.mark.django_db
def test_verify_does_not_redirect_off_site(client, province_user):
    device = authenticator(province_user)
    password_login(client, "gd")
    response = client.post(
        "/accounts/verify/?next=https://evil.example.com/", {"token": current_code(device)}
    )
    assert response["Location"] == "/dashboard/"


@pytest.mark.django_db
def test_enterprise_users_without_an_authenticator_log_in_as_before(client, enterprise_user):
    password_login(client, "ent")
    assert client.get("/dashboard/").status_code == 200


@pytest.mark.django_db
def test_enterprise_users_may_opt_in_and_out_but_staff_cannot_turn_it_off(client, enterprise_user):
    password_login(client, "ent")
    enrol(client)
    client.post("/accounts/logout/")
    password_login(client, "ent")
    assert client.get("/dashboard/")["Location"].startswith("/accounts/verify/")
    device = authenticator(enterprise_user)
    fresh(device)
    client.post("/accounts/verify/", {"token": current_code(device)})
    client.post("/accounts/two-factor/off/")
    assert not TOTPDevice.objects.filter(user=enterprise_user).exists()


@pytest.mark.django_db
def test_staff_cannot_turn_their_second_factor_off(client, province_user):
    log_in(client, province_user)
    page = client.get("/accounts/two-factor/").content.decode()
    assert "/accounts/two-factor/off/" not in page
    client.post("/accounts/two-factor/off/")
    assert TOTPDevice.objects.filter(user=province_user, confirmed=True).exists()


@pytest.mark.django_db
def test_enrolment_is_audited_without_the_key(client, province_user):
    password_login(client, "gd")
    device, codes = enrol(client)
    event = AuditEntry.objects.get(action="2fa_enrol", object_id=str(province_user.pk))
    assert event.actor == province_user and event.changes["recovery_codes"] == [None, 10]
    text = str(list(AuditEntry.objects.values("changes")))
    assert device.key not in text and not any(code in text for code in codes)


@pytest.mark.django_db
def test_headquarters_reset_a_second_factor_on_a_page_and_it_is_audited(
    client, hq_user, province_user
):
    authenticator(province_user)
    log_in(client, hq_user)
    page = client.get("/security/", {"q": "gd"}).content.decode()
    assert f"/security/users/{province_user.pk}/reset-second-factor/" in page
    client.post(f"/security/users/{province_user.pk}/reset-second-factor/")
    assert not TOTPDevice.objects.filter(user=province_user).exists()
    event = AuditEntry.objects.get(action="2fa_reset", object_id=str(province_user.pk))
    assert event.actor == hq_user
    client.post("/accounts/logout/")
    password_login(client, "gd")
    assert client.get("/dashboard/")["Location"].startswith("/accounts/two-factor/")


@pytest.mark.django_db
def test_only_headquarters_reset_second_factors(client, province_user, other_province_user):
    authenticator(other_province_user)
    log_in(client, province_user)
    assert client.get("/security/").status_code == 403
    client.post(f"/security/users/{other_province_user.pk}/reset-second-factor/")
    assert TOTPDevice.objects.filter(user=other_province_user).exists()


@pytest.mark.django_db
def test_the_second_step_gives_the_session_a_new_key(client, province_user):
    device = authenticator(province_user)
    password_login(client, "gd")
    before = client.session.session_key
    client.post("/accounts/verify/", {"token": current_code(device)})
    assert client.session.session_key != before


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role_user", "links"),
    [("hq_user", {"/security/", "/accounts/tokens/"}), ("province_user", {"/accounts/tokens/"})],
)
def test_the_security_pages_are_in_the_navigation_of_who_may_open_them(
    request, client, role_user, links
):
    import re

    from tests import logins

    user = request.getfixturevalue(role_user)
    logins.log_in(client, user)
    nav = re.search(r"<nav.*?</nav>", client.get("/dashboard/").text, re.S).group(0)
    shown = {path for path in ("/security/", "/accounts/tokens/") if f'href="{path}"' in nav}
    assert shown == links
    for path in links:
        assert client.get(path).status_code == 200
