"""Sessions end when idle (30 minutes for staff) and can all be ended at once; argon2 hashes."""

import time

import pytest
from django.contrib.auth.hashers import identify_hasher
from django.test import Client

from portal.accounts import LAST_SEEN
from tests import logins

pytestmark = pytest.mark.django_db


def idle_for(client, minutes):
    session = client.session
    session[LAST_SEEN] = time.time() - minutes * 60
    session.save()


@pytest.mark.parametrize(("minutes", "still_in"), [(29, True), (31, False)])
def test_a_staff_session_ends_after_30_idle_minutes(client, province_user, minutes, still_in):
    logins.log_in(client, province_user)
    client.get("/dashboard/")
    idle_for(client, minutes)
    response = client.get("/dashboard/")
    assert (response.status_code == 200) is still_in
    if not still_in:
        assert response.url.startswith("/accounts/login/")
        assert client.get("/dashboard/").status_code == 302


def test_an_enterprise_session_lasts_longer_than_a_staff_one(client, enterprise_user):
    logins.log_in(client, enterprise_user)
    client.get("/dashboard/")
    idle_for(client, 31)
    assert client.get("/dashboard/").status_code == 200


def test_logging_out_everywhere_ends_the_other_sessions(province_user):
    here, elsewhere = Client(), Client()
    logins.log_in(here, province_user)
    logins.log_in(elsewhere, province_user)
    assert elsewhere.get("/dashboard/").status_code == 200
    here.post("/accounts/logout-everywhere/")
    assert elsewhere.get("/dashboard/").status_code == 302


def test_new_passwords_are_hashed_with_argon2_under_the_portals_settings(settings, province_user):
    from portal import settings as portal_settings  # the tests use a fast hasher

    settings.PASSWORD_HASHERS = portal_settings.PASSWORD_HASHERS
    province_user.set_password("Zhi-liang-2026-tisheng")
    assert identify_hasher(province_user.password).algorithm == "argon2"
