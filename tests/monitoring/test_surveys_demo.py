"""The demo surveys: two national waves answered in every unit, indices computed, once."""

import io

import pytest
from django.core.management import call_command

from monitoring.models import IndexResult, Response, Wave

pytestmark = pytest.mark.django_db


def test_the_demo_fills_the_survey_pages_and_a_second_run_adds_nothing():
    call_command("seed_demo", stdout=io.StringIO())
    counted = Response.objects.count()
    call_command("seed_demo", stdout=io.StringIO())
    assert Response.objects.count() == counted > 37 * 4 * 8
    assert Wave.objects.filter(computed_at__isnull=False).count() == 2
    units = IndexResult.objects.filter(level="unit", component="index", n__gt=0)
    assert units.values("group").distinct().count() == 37
    assert IndexResult.objects.filter(level="enterprise", component="index").exists()
