"""Login lockout: five failures lock the username and the address, longer each time, the same
answer whether the account exists or not; audited; headquarters unlock."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from portal import lockout
from portal.models import AuditEntry, LoginThrottle
from tests.factories import PASSWORD
from tests.logins import log_in

ERRORS = re.compile(r'<div class="form-errors".*?</div>', re.S)


def attempt(client, username, password="wrong-password", address="198.51.100.7"):  # noqa: S107
    return client.post(
        "/accounts/login/", {"username": username, "password": password}, REMOTE_ADDR=address
    )


def fail(client, username, times, address="198.51.100.7"):
    for _ in range(times):
        attempt(client, username, address=address)


def test_the_wait_starts_at_the_fifth_failure_and_doubles_up_to_an_hour():
    assert [lockout.wait_seconds(n) for n in (0, 4, 5, 6, 7, 10)] == [0, 0, 60, 120, 240, 1920]
    assert lockout.wait_seconds(50) == 3600


@pytest.mark.django_db
def test_four_failures_still_let_the_right_password_in(client, province_user):
    fail(client, "gd", 4)
    assert attempt(client, "gd", PASSWORD).status_code == 302


@pytest.mark.django_db
def test_after_five_failures_even_the_right_password_waits(client, province_user):
    fail(client, "gd", 5)
    response = attempt(client, "gd", PASSWORD, address="198.51.100.8")
    assert response.status_code == 200 and "_auth_user_id" not in client.session
    assert "登录失败次数过多" in response.content.decode()


@pytest.mark.django_db
def test_a_locked_account_and_a_locked_unknown_name_get_the_same_answer(client, province_user):
    fail(client, "gd", 5, address="198.51.100.1")
    fail(client, "no-such-user", 5, address="198.51.100.2")
    known = attempt(client, "gd", PASSWORD, address="198.51.100.3").content.decode()
    unknown = attempt(client, "no-such-user", address="198.51.100.4").content.decode()
    assert ERRORS.search(known).group() == ERRORS.search(unknown).group()


@pytest.mark.django_db
def test_an_address_that_failed_five_times_waits_for_any_username(client, province_user):
    for name in ("a", "b", "c", "d", "e"):
        attempt(client, name, address="198.51.100.9")
    assert attempt(client, "gd", PASSWORD, address="198.51.100.9").status_code == 200
    assert attempt(client, "gd", PASSWORD, address="198.51.100.10").status_code == 302


@pytest.mark.django_db
def test_each_further_failure_after_a_wait_doubles_it(client, province_user):
    fail(client, "gd", 5)
    row = LoginThrottle.objects.get(kind="account", key="gd")
    LoginThrottle.objects.filter(kind="account").update(locked_until=timezone.now())
    attempt(client, "gd", address="198.51.100.11")
    row.refresh_from_db()
    assert row.failures == 6
    assert timedelta(seconds=115) < row.locked_until - timezone.now() <= timedelta(seconds=120)


@pytest.mark.django_db
def test_failures_and_lockouts_are_audited(client, province_user):
    fail(client, "gd", 5)
    failed = AuditEntry.objects.filter(action="login_failed")
    assert failed.count() == 5
    assert failed.first().changes["address"] == [None, "198.51.100.7"]
    assert AuditEntry.objects.filter(action="lockout").count() == 2  # the username and the address


@pytest.mark.django_db
def test_a_login_is_audited_with_its_address(client, province_user):
    attempt(client, "gd", PASSWORD)
    entry = AuditEntry.objects.get(action="login")
    assert entry.actor == province_user and entry.ip_address == "198.51.100.7"


@pytest.mark.django_db
def test_headquarters_see_and_lift_a_lock(client, hq_user, province_user):
    fail(client, "gd", 5)
    log_in(client, hq_user)
    page = client.get("/security/").content.decode()
    locks = re.search(r'data-testid="locks".*?</table>', page, re.S).group()
    assert "gd" in locks and "198.51.100.7" in locks
    row = LoginThrottle.objects.get(kind="account", key="gd")
    client.post(f"/security/locks/{row.pk}/unlock/")
    assert AuditEntry.objects.get(action="unlock").actor == hq_user
    client.post("/accounts/logout/")
    assert attempt(client, "gd", PASSWORD, address="198.51.100.12").status_code == 302


@pytest.mark.django_db
def test_provincial_staff_cannot_unlock(client, province_user, other_province_user):
    fail(client, "zj", 5)
    row = LoginThrottle.objects.get(kind="account", key="zj")
    log_in(client, province_user)
    assert client.post(f"/security/locks/{row.pk}/unlock/").status_code == 403
    row.refresh_from_db()
    assert row.locked_until > timezone.now()
