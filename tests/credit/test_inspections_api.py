"""The inspections API: plans, their group draws and the drawn enterprises with their
results, read only for staff, each unit's rows to its own staff (headquarters: all)."""

import datetime
import hashlib

import pytest

from credit.models import PlanDraw
from credit.services import inspection_results, inspections
from tests import factories

pytestmark = pytest.mark.django_db

ONLY_D = {"A": "0", "B": "0", "C": "0", "D": "1"}


def _drawn_plan(user, *enterprises):
    """A plan of the user's unit that draws exactly the given (class D) enterprises."""
    for enterprise in enterprises:
        factories.risk_class(enterprise, "D")
    factories.InspectorFactory(agency=user.agency)
    factories.InspectorFactory(agency=user.agency)
    plan = factories.inspection_plan(user, ratios=ONLY_D, name=f"{user.username}抽查")
    inspections.publish(plan, user)
    inspections.draw(plan, user)
    return plan


@pytest.fixture
def world(province_user, other_province_user):
    gd_a = factories.EnterpriseFactory(name="广州抽查甲")
    gd_b = factories.EnterpriseFactory(name="广州抽查乙")
    zj = factories.EnterpriseFactory(name="杭州抽查", division_code="330106")
    gd_plan = _drawn_plan(province_user, gd_a, gd_b)
    zj_plan = _drawn_plan(other_province_user, zj)
    draft = factories.inspection_plan(province_user, name="草稿计划")
    published = gd_plan.inspections.get(enterprise=gd_a)
    concluded = datetime.date(2026, 9, 25)
    inspection_results.record_result(
        published, province_user, result="no_problem", note="", concluded_on=concluded
    )
    inspection_results.publish_result(published, province_user)
    recorded = gd_plan.inspections.get(enterprise=gd_b)
    inspection_results.record_result(
        recorded, province_user, result="unreachable", note="无法联系", concluded_on=concluded
    )
    return {
        "gd_plan": gd_plan,
        "zj_plan": zj_plan,
        "draft": draft,
        "published": published,
        "recorded": recorded,
        "zj_inspection": zj_plan.inspections.get(),
    }


def _ids(client, url, **query):
    response = client.get(url, query)
    assert response.status_code == 200, response.content
    return {row["id"] for row in response.json()["results"]}


def _draw_ids(*plans):
    return set(PlanDraw.objects.filter(plan__in=plans).values_list("pk", flat=True))


def test_headquarters_read_every_units_rows(world, hq_user, client_for):
    client = client_for(hq_user)
    plans = {world["gd_plan"].pk, world["zj_plan"].pk, world["draft"].pk}
    assert _ids(client, "/api/v1/inspection-plans/") == plans
    assert _ids(client, "/api/v1/inspection-draws/") == _draw_ids(
        world["gd_plan"], world["zj_plan"]
    )
    expected = {world["published"].pk, world["recorded"].pk, world["zj_inspection"].pk}
    assert _ids(client, "/api/v1/inspections/") == expected


def test_a_province_reads_only_its_units_rows(world, province_user, client_for):
    client = client_for(province_user)
    assert _ids(client, "/api/v1/inspection-plans/") == {world["gd_plan"].pk, world["draft"].pk}
    assert _ids(client, "/api/v1/inspection-draws/") == _draw_ids(world["gd_plan"])
    expected = {world["published"].pk, world["recorded"].pk}
    assert _ids(client, "/api/v1/inspections/") == expected


def test_the_other_province_reads_only_its_own(world, other_province_user, client_for):
    client = client_for(other_province_user)
    assert _ids(client, "/api/v1/inspection-plans/") == {world["zj_plan"].pk}
    assert _ids(client, "/api/v1/inspection-draws/") == _draw_ids(world["zj_plan"])
    assert _ids(client, "/api/v1/inspections/") == {world["zj_inspection"].pk}


def test_another_units_rows_are_not_found(world, province_user, client_for):
    client = client_for(province_user)
    zj_draw = world["zj_plan"].draws.first()
    assert client.get(f"/api/v1/inspection-plans/{world['zj_plan'].pk}/").status_code == 404
    assert client.get(f"/api/v1/inspection-draws/{zj_draw.pk}/").status_code == 404
    assert client.get(f"/api/v1/inspections/{world['zj_inspection'].pk}/").status_code == 404
    assert client.get(f"/api/v1/inspections/{world['published'].pk}/").status_code == 200


@pytest.mark.parametrize(
    "url", ["/api/v1/inspection-plans/", "/api/v1/inspection-draws/", "/api/v1/inspections/"]
)
def test_enterprise_users_and_anonymous_callers_are_refused(
    world, enterprise_user, client_for, client, url
):
    factories.act_for(enterprise_user, world["published"].enterprise)
    assert client_for(enterprise_user).get(url).status_code == 403
    client.logout()
    assert client.get(url).status_code == 403


def test_writes_are_refused(world, province_user, client_for):
    client = client_for(province_user)
    assert client.post("/api/v1/inspection-plans/", {}).status_code == 405
    url = f"/api/v1/inspections/{world['recorded'].pk}/"
    assert client.patch(url, {}, content_type="application/json").status_code == 405


def test_a_plan_shows_its_ratios_commitment_and_once_drawn_its_seed(
    world, province_user, client_for
):
    client = client_for(province_user)
    plan = world["gd_plan"]
    body = client.get(f"/api/v1/inspection-plans/{plan.pk}/").json()
    assert body["status"] == "drawn"
    assert {r["risk_class"]: r["ratio"] for r in body["ratios"]} == {
        "A": "0.0000", "B": "0.0000", "C": "0.0000", "D": "1.0000",
    }  # fmt: skip
    sha = lambda text: hashlib.sha256(text.encode()).hexdigest()  # noqa: E731
    assert body["commitment"] == sha(body["revealed"])
    assert body["seed"] == sha(body["revealed"] + "\n" + body["identifier"])
    assert body["candidates_sha256"] == plan.candidates_sha256
    assert "secret" not in body
    draft = client.get(f"/api/v1/inspection-plans/{world['draft'].pk}/").json()
    assert (draft["status"], draft["commitment"], draft["revealed"], draft["seed"]) == (
        "draft", None, None, None,
    )  # fmt: skip


def test_a_draw_lists_the_enterprises_it_drew(world, province_user, client_for):
    client = client_for(province_user)
    rows = client.get("/api/v1/inspection-draws/", {"plan": world["gd_plan"].pk}).json()
    by_class = {row["risk_class"]: row for row in rows["results"]}
    uscc = {world["published"].enterprise.uscc, world["recorded"].enterprise.uscc}
    assert set(by_class["D"]["drawn"]) == uscc
    assert by_class["D"]["quota"] == 2
    assert by_class["D"]["seed"] == world["gd_plan"].seed


def test_results_show_their_deadline_and_whether_published(world, province_user, client_for):
    client = client_for(province_user)
    published = client.get(f"/api/v1/inspections/{world['published'].pk}/").json()
    assert published["publish_by"] == "2026-10-29"  # 20 working days after 25 September
    assert (published["result"], published["published"], published["on_time"]) == (
        "no_problem", True, False,
    )  # fmt: skip
    recorded = client.get(f"/api/v1/inspections/{world['recorded'].pk}/").json()
    assert (recorded["published"], recorded["on_time"]) == (False, None)
    assert recorded["abnormal_list_suggested"] is True
    assert len(recorded["team"]) == 2


def test_an_inspection_without_a_result_has_none_yet(world, other_province_user, client_for):
    body = client_for(other_province_user).get(f"/api/v1/inspections/{world['zj_inspection'].pk}/")
    assert (body.json()["result"], body.json()["publish_by"], body.json()["published"]) == (
        "", None, False,
    )  # fmt: skip


def test_the_result_filters(world, province_user, client_for):
    client = client_for(province_user)
    url = "/api/v1/inspections/"
    assert _ids(client, url, published="true") == {world["published"].pk}
    assert _ids(client, url, published="false") == {world["recorded"].pk}
    assert _ids(client, url, result="unreachable") == {world["recorded"].pk}
    assert _ids(client, url, enterprise_uscc=world["published"].enterprise.uscc) == {
        world["published"].pk
    }
    plans = "/api/v1/inspection-plans/"
    assert _ids(client, plans, status="draft") == {world["draft"].pk}
    response = client.get(url, {"published": "yes"})
    assert response.status_code == 400
    assert "published" in response.json()["error"]["fields"]
