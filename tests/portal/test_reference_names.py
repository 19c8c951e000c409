"""Reference data on screen follows the page's language; official documents keep Chinese."""

import pytest
from django.utils import translation

from portal.models import Agency, ReportingUnit

pytestmark = pytest.mark.django_db


def test_reporting_units_and_agencies_are_named_in_the_pages_language(client):
    guangdong = ReportingUnit.objects.get(code="440000")
    market = Agency.objects.get(reporting_unit=guangdong, kind="market")
    with translation.override("en"):
        assert str(guangdong) == "Guangdong" and str(market) == market.name_en
    with translation.override("zh-hans"):
        assert str(guangdong) == "广东省" and str(market) == market.name
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    page = client.get("/enterprises/public/pledges/").content.decode()
    assert ">Guangdong</option>" in page and ">广东省</option>" not in page
