"""Each agency sees and opens its own work: the DRC co-writes the reports and reads the
registry; reviewing claims, pledges, standards and certificates, complaints, credit and
inspections are the market regulator's."""

import pytest
from django.urls import reverse

from enterprises.models import Pledge
from enterprises.services import pledges as service
from portal.navigation import menu_for
from tests import factories

pytestmark = pytest.mark.django_db

MARKET_ONLY_PAGES = [
    "enterprises:claims",
    "enterprises:pledge_review",
    "enterprises:declarations",
    "enterprises:certificates",
    "enterprises:import",
    "enterprises:create",
    "complaints:list",
    "complaints:publicity_manage",
    "credit:find",
    "credit:risk_list",
    "credit:inspections",
    "monitoring:evaluation_review",
]


@pytest.fixture
def drc_user():
    """Guangdong's DRC (广东省发展改革委), as the demo's guangdong_drc."""
    return factories.provincial_user("440000", kind="drc", username="gd_drc")


def labels(user):
    return [str(item["label"]) for item in menu_for(user)]


@pytest.mark.usefixtures("english")
def test_the_drc_menu_holds_its_own_work_only(drc_user):
    assert labels(drc_user) == ["Dashboard", "Enterprises", "Reporting", "Surveys", "API tokens"]


@pytest.mark.usefixtures("english")
def test_the_market_regulators_menu_is_unchanged(province_user):
    assert labels(province_user) == [
        "Dashboard", "Enterprises", "Claims", "Pledges", "Standards", "Certificates",
        "Reporting", "Complaints", "ODR enterprises", "Complaint publicity",
        "Surveys", "Evaluations to review", "Credit files", "Risk classes", "Random inspections",
        "API tokens",
    ]  # fmt: skip


@pytest.mark.parametrize("page", MARKET_ONLY_PAGES)
def test_the_market_regulators_pages_refuse_the_drc(client_for, drc_user, page):
    assert client_for(drc_user).get(reverse(page)).status_code == 403


@pytest.mark.parametrize("page", ["enterprises:claims", "complaints:list", "credit:find"])
def test_the_market_regulator_still_opens_them(client_for, province_user, page):
    assert client_for(province_user).get(reverse(page)).status_code == 200


def test_the_drc_opens_the_reports_and_the_registry(client_for, drc_user):
    client = client_for(drc_user)
    for page in ["reporting:rounds", "reporting:measures", "enterprises:list", "portal:dashboard"]:
        assert client.get(reverse(page)).status_code == 200, page


def test_the_drc_headquarters_opens_the_reports_but_not_the_claims(client_for):
    ndrc = factories.UserFactory(
        role="headquarters", agency=factories.agency(None, kind="drc"), username="ndrc"
    )
    client = client_for(ndrc)
    assert client.get(reverse("reporting:rounds")).status_code == 200
    assert client.get(reverse("enterprises:claims")).status_code == 403


@pytest.mark.usefixtures("english")
def test_the_drc_dashboard_has_no_review_tasks(client_for, drc_user, province_user):
    drc_page = client_for(drc_user).get(reverse("portal:dashboard")).content.decode()
    assert "Review claims" not in drc_page
    assert "Review pledges" not in drc_page
    assert "Import from Excel" not in drc_page
    assert "Enterprise registry" in drc_page
    market_page = client_for(province_user).get(reverse("portal:dashboard")).content.decode()
    assert "Review claims" in market_page


def test_in_the_api_the_drc_reads_the_registry_but_decides_no_pledge(
    client_for, drc_user, province_user, enterprise_user
):
    enterprise = factories.act_for(enterprise_user)
    pledge = service.create_pledge(enterprise, enterprise_user, factories.pledge_data())
    service.PLEDGE.apply(pledge, "submit", enterprise_user)
    publish = f"/api/v1/pledges/{pledge.pk}/publish/"
    drc = client_for(drc_user)

    listed = drc.get("/api/v1/enterprises/").json()["results"]
    assert [row["id"] for row in listed] == [enterprise.pk]
    assert drc.get(f"/api/v1/pledges/{pledge.pk}/").status_code == 200
    assert drc.post(publish, {}, content_type="application/json").status_code == 403
    edit = drc.patch(
        f"/api/v1/enterprises/{enterprise.pk}/", {"name": "改名"}, content_type="application/json"
    )
    assert edit.status_code == 403
    assert Pledge.objects.get(pk=pledge.pk).status == Pledge.Status.SUBMITTED

    done = client_for(province_user).post(publish, {}, content_type="application/json")
    assert done.status_code == 200


def test_in_the_api_the_drc_still_writes_the_reports_measures(client_for, drc_user):
    data = {"task": 1, "kind": "pilot", "name": "试点", "pilots": 2, "started_on": "2019-06-01"}
    response = client_for(drc_user).post(
        "/api/v1/reporting/measures/", data, content_type="application/json"
    )
    assert response.status_code == 201
