"""The complaints demo: the consumption-environment pages have something to show."""

import io

import pytest
from django.core.management import call_command

from portal.models import User
from tests.logins import log_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded():
    call_command("seed_demo", stdout=io.StringIO())
    return {name: User.objects.get(username=name) for name in ("shenzhen", "guangdong")}


def test_the_demo_has_a_model_unit_on_the_public_list_and_one_application_waiting(client, seeded):
    public = client.get("/complaints/trustworthy/models/").content.decode()
    assert "放心消费示范单位" in public and "天河路放心消费示范街" not in public
    log_in(client, seeded["guangdong"])
    waiting = client.get("/complaints/trustworthy/").content.decode()
    assert "天河路放心消费示范街" in waiting


def test_the_demo_has_after_sales_records_and_a_recall_followed_up(client, seeded):
    log_in(client, seeded["shenzhen"])
    page = client.get("/complaints/after-sales/").content.decode()
    for title in ("会员保养服务质量承诺", "会员赠品电热水壶召回", "服务质量保险理赔"):
        assert title in page
    assert "更换完成96件" in page
