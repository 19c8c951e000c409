"""The demo: published evaluations, a held burst, and a printed code that works once."""

import io
import re

import pytest
from django.core.management import call_command

from monitoring.models import Evaluation
from tests.monitoring.test_evaluations_form import URL, form_data

pytestmark = pytest.mark.django_db


def test_the_printed_demo_code_works_once_and_a_burst_waits(client):
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    call_command("seed_demo", stdout=io.StringIO())
    uscc, code = re.search(r"uscc=(\w{18}) code ([\w-]{14})", out.getvalue()).groups()
    assert Evaluation.objects.filter(status="released").count() == 8
    assert Evaluation.objects.filter(status="held", hold_reason="burst").count() == 1
    enterprise = Evaluation.objects.first().enterprise
    assert enterprise.uscc == uscc
    assert client.post(URL, form_data(enterprise, code, comment="演示评价")).status_code == 302
    again = client.post(URL, form_data(enterprise, code, comment="又一次"))
    assert again.status_code == 200 and "code" in again.context["form"].errors
