"""The demo data: loading it twice changes nothing, and the logins are printed for people."""

import io

import pytest
from django.core.management import call_command

from portal.demo import DEMO_PASSWORD
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
