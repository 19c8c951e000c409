"""Report figures are labelled in Chinese, the language of the official document."""

from datetime import date

import pytest
from django.utils import translation

from portal.models import ReportingUnit
from reporting.metrics_registry import collect


@pytest.mark.django_db
def test_figures_collected_for_an_english_reader_are_still_labelled_in_chinese():
    unit = ReportingUnit.objects.get(code="440000")
    with translation.override("en"):
        figures = collect(unit, date(2019, 1, 1), date(2019, 10, 31))
    labels = {figure["key"]: figure["label"] for figure in figures}
    assert labels["pledges_published"] != "Quality pledges published"
    assert any("\u4e00" <= ch <= "\u9fff" for ch in labels["pledges_published"])
