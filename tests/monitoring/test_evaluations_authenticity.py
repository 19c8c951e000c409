"""Bursts and duplicates are held; a held evaluation is shown to nobody until a regulator of
the enterprise's jurisdiction releases it; the reason is kept."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from monitoring.models import Evaluation
from monitoring.services import evaluations
from portal.scoping import public_rows, scoped
from tests import factories

pytestmark = pytest.mark.django_db
EVALUATE = evaluations.EVALUATION


@pytest.fixture
def burst_rule(settings):
    settings.PORTAL_EVALUATION_BURST_COUNT = 4
    settings.PORTAL_EVALUATION_BURST_SOURCES = 1
    settings.PORTAL_EVALUATION_BURST_WINDOW_MINUTES = 60


def from_one_source(enterprise, n, *, start, step=datetime.timedelta(minutes=1)):
    """n evaluations with codes of one batch from one network, a minute apart."""
    batch = factories.evaluation_codes(enterprise, size=n).codes
    return [
        factories.evaluation(
            enterprise, code=code, address=f"198.51.100.{i + 1}", at=start + i * step
        )
        for i, code in enumerate(batch)
    ]


@pytest.mark.usefixtures("burst_rule")
def test_the_evaluation_that_completes_a_burst_is_held():
    enterprise = factories.EnterpriseFactory()
    made = from_one_source(enterprise, 4, start=timezone.now() - datetime.timedelta(minutes=10))
    assert [e.status for e in made] == ["released", "released", "released", "held"]
    assert made[-1].hold_reason == "burst" and "4" in made[-1].hold_details


@pytest.mark.usefixtures("burst_rule")
def test_as_many_from_more_sources_is_no_burst():
    enterprise = factories.EnterpriseFactory()
    start = timezone.now() - datetime.timedelta(minutes=10)
    made = [
        factories.evaluation(
            enterprise, address=f"198.51.{i}.1", at=start + datetime.timedelta(minutes=i)
        )
        for i in range(4)
    ]
    assert {e.status for e in made} == {"released"}


@pytest.mark.usefixtures("burst_rule")
def test_two_sources_are_a_burst_once_the_rule_allows_two(settings):
    settings.PORTAL_EVALUATION_BURST_SOURCES = 2
    enterprise = factories.EnterpriseFactory()
    start = timezone.now() - datetime.timedelta(minutes=10)
    batch = factories.evaluation_codes(enterprise, size=4).codes
    made = [
        factories.evaluation(
            enterprise, code=code, address=f"198.51.{i % 2}.1",
            at=start + datetime.timedelta(minutes=i),
        )
        for i, code in enumerate(batch)
    ]  # fmt: skip
    assert [e.status for e in made] == ["released", "released", "released", "held"]


@pytest.mark.usefixtures("burst_rule")
def test_evaluations_spread_beyond_the_window_are_no_burst():
    enterprise = factories.EnterpriseFactory()
    made = from_one_source(
        enterprise, 4, start=timezone.now() - datetime.timedelta(hours=5),
        step=datetime.timedelta(minutes=20),
    )  # fmt: skip
    # The fourth comes exactly 60 minutes after the first: the first is outside the window.
    assert made[-1].status == "released"


def test_the_same_comment_twice_is_held_as_a_duplicate():
    enterprise = factories.EnterpriseFactory()
    first = factories.evaluation(enterprise, comment="服务很好 推荐")
    second = factories.evaluation(enterprise, comment="  服务很好   推荐 ", address="192.0.2.9")
    assert (first.status, second.status, second.hold_reason) == ("released", "held", "duplicate")


def test_the_same_comment_about_another_enterprise_is_no_duplicate():
    factories.evaluation(comment="服务很好")
    assert factories.evaluation(comment="服务很好").status == "released"


def test_a_held_evaluation_is_shown_to_nobody_but_the_regulators(
    province_user, other_province_user, hq_user, enterprise_user
):
    held = factories.held_evaluation()
    factories.act_for(enterprise_user, held.enterprise)
    rows = Evaluation.objects.filter(pk=held.pk)
    assert not public_rows(rows).exists()
    assert not scoped(rows, enterprise_user).exists()
    assert not scoped(rows, other_province_user).exists()
    assert scoped(rows, province_user).exists() and scoped(rows, hq_user).exists()


def test_a_held_evaluation_is_on_no_public_page(client, enterprise_user):
    enterprise = factories.EnterpriseFactory()
    factories.evaluation(enterprise, comment="第一条，公开。")
    held = factories.evaluation(enterprise, comment="第一条，公开。", address="192.0.2.1")
    assert held.status == "held"
    page = client.get(f"/enterprises/public/pledges/{enterprise.uscc}/").content.decode()
    assert page.count('data-testid="public-evaluation"') == 1
    assert 'data-testid="evaluation-count">1<' in page
    listed = client.get("/monitoring/evaluations/enterprises/").context["page"].object_list
    assert [row["count"] for row in listed] == [1]
    factories.act_for(enterprise_user, enterprise)
    client.force_login(enterprise_user)
    mine = client.get("/monitoring/evaluations/mine/").context["page"].object_list
    assert [e.pk for e in mine] != [] and held.pk not in [e.pk for e in mine]


def test_a_regulator_of_the_jurisdiction_releases_it_with_the_reason_kept(province_user):
    held = factories.held_evaluation()
    EVALUATE.apply(held, "release", province_user, reason="电话回访属实")
    held.refresh_from_db()
    assert held.status == "released" and held.released_at is not None
    assert public_rows(Evaluation.objects.filter(pk=held.pk)).exists()
    log = EVALUATE.history(held)
    assert [(s.action, s.reason) for s in log][:1] == [("release", "电话回访属实")]
    assert log[-1].action == "hold"


def test_a_zhejiang_regulator_cannot_release_a_guangdong_evaluation(other_province_user):
    held = factories.held_evaluation()
    assert held.enterprise.reporting_unit.code == "440000"
    with pytest.raises(ValidationError):
        EVALUATE.apply(held, "release", other_province_user)
    held.refresh_from_db()
    assert held.status == "held"


def test_rejecting_needs_a_reason_and_hides_it_for_good(province_user):
    held = factories.held_evaluation()
    with pytest.raises(ValidationError):
        EVALUATE.apply(held, "reject", province_user)
    EVALUATE.apply(held, "reject", province_user, reason="同一网络批量刷评")
    assert not public_rows(Evaluation.objects.filter(pk=held.pk)).exists()
    with pytest.raises(ValidationError):
        EVALUATE.apply(held, "release", province_user)


def test_the_review_page_lists_the_held_ones_of_the_jurisdiction_only(client_for, province_user):
    ours = factories.held_evaluation()
    theirs = factories.held_evaluation(factories.EnterpriseFactory(division_code="330106"))
    released = factories.evaluation(ours.enterprise)
    client = client_for(province_user)
    listed = [e.pk for e in client.get("/monitoring/evaluations/review/").context["page"]]
    assert ours.pk in listed and theirs.pk not in listed and released.pk not in listed
    assert client.get(f"/monitoring/evaluations/{theirs.pk}/").status_code == 404
    response = client.post(
        f"/monitoring/evaluations/{ours.pk}/act/", {"action": "release", "reason": "核实"}
    )
    assert response.status_code == 302
    ours.refresh_from_db()
    assert ours.status == "released"


def test_the_release_is_audited(client_for, province_user):
    from portal.audit import history_for

    held = factories.held_evaluation()
    client_for(province_user).post(
        f"/monitoring/evaluations/{held.pk}/act/", {"action": "release", "reason": "核实"}
    )
    entries = history_for(held)
    assert any(e.actor_id == province_user.pk for e in entries)
