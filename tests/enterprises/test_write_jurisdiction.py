"""Write-side jurisdiction rules: a province keeps its enterprises and writes only into its own
unit, through the pages and through the API alike; an enterprise user files only for its own."""

import pytest
from django.urls import reverse

from enterprises.models import Enterprise, Pledge
from portal.models import AdminDivision, ReportingUnit
from portal.scoping import covers_unit
from reporting.models import Measure
from tests.factories import EnterpriseFactory, act_for, pledge_data, random_uscc

API = "/api/v1/enterprises/"


def _zhejiang():
    return ReportingUnit.objects.get(code="330000"), AdminDivision.objects.get(code="330106")


def _page_form(enterprise, **overrides):
    data = {
        "uscc": enterprise.uscc,
        "name": enterprise.name,
        "status": "operating",
        "industry_section": "H",
        "industry_division": "62",
        "size": "small",
        "division": enterprise.division_id,
    }
    data.update(overrides)
    return data


def test_covers_unit_is_true_only_for_the_own_unit(province_user, hq_user):
    guangdong, zhejiang = (ReportingUnit.objects.get(code=c) for c in ("440000", "330000"))
    assert covers_unit(province_user, guangdong.pk)
    assert not covers_unit(province_user, zhejiang.pk)
    assert covers_unit(hq_user, zhejiang.pk)


def test_province_cannot_move_its_enterprise_into_another_unit_on_the_page(
    client_for, province_user, gd
):
    unit, division = _zhejiang()
    url = reverse("enterprises:edit", args=[gd.pk])
    client = client_for(province_user)
    response = client.post(url, _page_form(gd, reporting_unit=unit.pk, division=division.pk))
    assert response.status_code == 400
    gd.refresh_from_db()
    assert gd.reporting_unit.code == "440000" and gd.division.code == "440106"
    # The reporting unit is not a field for provincial staff: posting it changes nothing.
    response = client.post(url, _page_form(gd, reporting_unit=unit.pk, name="广州新名"))
    gd.refresh_from_db()
    assert response.status_code == 302 and gd.name == "广州新名"
    assert gd.reporting_unit.code == "440000"


def test_headquarters_may_move_an_enterprise(client_for, hq_user, gd):
    unit, division = _zhejiang()
    response = client_for(hq_user).patch(
        f"{API}{gd.pk}/",
        {"reporting_unit": unit.pk, "division": division.pk},
        content_type="application/json",
    )
    assert response.status_code == 200
    gd.refresh_from_db()
    assert gd.reporting_unit == unit


@pytest.mark.parametrize("fields", [("reporting_unit", "division"), ("division",)])
def test_province_cannot_move_its_enterprise_into_another_unit_by_the_api(
    client_for, province_user, gd, fields
):
    unit, division = _zhejiang()
    values = {"reporting_unit": unit.pk, "division": division.pk}
    response = client_for(province_user).patch(
        f"{API}{gd.pk}/", {f: values[f] for f in fields}, content_type="application/json"
    )
    assert response.status_code == 400
    gd.refresh_from_db()
    assert gd.reporting_unit.code == "440000" and gd.division.code == "440106"


def test_province_cannot_create_an_enterprise_in_another_unit(client_for, province_user):
    unit, division = _zhejiang()
    client = client_for(province_user)
    api = client.post(
        API,
        {"uscc": random_uscc("330106"), "name": "杭州", "reporting_unit": unit.pk},
        content_type="application/json",
    )
    page = client.post(
        reverse("enterprises:create"),
        _page_form(EnterpriseFactory.build(division_code="330106"), division=division.pk),
    )
    assert api.status_code == 400 and page.status_code == 400
    assert not Enterprise.objects.filter(reporting_unit=unit).exists()


def test_measures_are_written_for_the_own_unit_whatever_is_posted(client_for, province_user):
    unit, _division = _zhejiang()
    response = client_for(province_user).post(
        "/api/v1/reporting/measures/",
        {"reporting_unit": unit.pk, "task": 1, "kind": "pilot", "name": "试点", "pilots": 2,
         "started_on": "2019-06-01"},
        content_type="application/json",
    )  # fmt: skip
    assert response.status_code == 201
    assert Measure.objects.get().reporting_unit.code == "440000"


def test_enterprise_user_cannot_file_for_an_enterprise_it_does_not_act_for(
    client_for, enterprise_user, gd
):
    act_for(enterprise_user)
    data = pledge_data()
    client = client_for(enterprise_user)
    page = client.post(reverse("enterprises:pledge_create"), {**data, "enterprise": gd.pk})
    api = client.post(
        "/api/v1/pledges/",
        {**data, "enterprise": gd.pk, "period_start": "2019-01-01", "period_end": "2020-12-31"},
        content_type="application/json",
    )
    assert page.status_code in (200, 400) and api.status_code == 400
    assert not Pledge.objects.filter(enterprise=gd).exists()
