"""The demo data: loading it twice changes nothing, and the logins are printed for people."""

import base64
import io
import re
from datetime import date

import pytest
from django.core.management import call_command
from django_otp.oath import totp

from portal.demo import DEMO_PASSWORD, present_period
from portal.models import User


@pytest.mark.django_db
def test_seed_demo_is_idempotent_and_prints_a_login_for_every_role():
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    users = User.objects.count()
    call_command("seed_demo", stdout=io.StringIO())
    assert User.objects.count() == users
    table = out.getvalue()
    for role in ("总部工作人员", "省级工作人员", "企业用户"):
        assert role in table
    assert "| samr " in table and DEMO_PASSWORD in table
    for username in ("samr", "guangdong", "ent_huamei"):
        assert User.objects.get(username=username).check_password(DEMO_PASSWORD)


@pytest.mark.django_db
def test_a_demo_staff_login_passes_the_second_step_with_the_printed_key(client):
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    secret = re.search(r"oathtool --totp -b ([A-Z2-7]+)", out.getvalue()).group(1)
    client.post("/accounts/login/", {"username": "guangdong", "password": DEMO_PASSWORD})
    assert client.get("/dashboard/")["Location"].startswith("/accounts/verify/")
    code = f"{totp(base64.b32decode(secret), drift=0):06d}"
    assert client.post("/accounts/verify/", {"token": code}).status_code == 302
    assert client.get("/dashboard/").status_code == 200


def test_the_present_round_is_the_one_opened_last_by_the_day_as_the_campaigns_rounds_run():
    assert present_period(date(2020, 11, 1)) == (date(2019, 11, 1), date(2020, 10, 31))
    assert present_period(date(2026, 10, 31)) == (date(2024, 11, 1), date(2025, 10, 31))
    assert present_period(date(2026, 12, 4)) == (date(2025, 11, 1), date(2026, 10, 31))
