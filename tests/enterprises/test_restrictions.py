"""Honours are refused by other apps' ``restrictions.py`` (the throwaway app plays credit)."""

import pytest

from enterprises import restrictions
from enterprises.models import FrontRunnerChange, StandardDeclaration
from enterprises.services import standards
from portal.workflow import TransitionRefused
from tests.factories import EnterpriseFactory, declaration

pytestmark = pytest.mark.django_db


def test_a_list_gets_the_blocked_ids_with_their_reasons():
    listed = EnterpriseFactory(name="失信物流有限公司")
    also_listed = EnterpriseFactory(name="失信家政有限公司")
    clean = EnterpriseFactory(name="诚信物流有限公司")
    ids = [listed.pk, clean.pk, also_listed.pk]
    assert restrictions.blocked(restrictions.RECOGNITION, ids) == {
        listed.pk: ["列入严重失信主体名单"],
        also_listed.pk: ["列入严重失信主体名单"],
    }


def test_one_enterprise_is_asked_per_honour():
    listed = EnterpriseFactory(name="失信物流有限公司")
    assert restrictions.reasons_against(listed, restrictions.FRONT_RUNNER) == [
        "列入严重失信主体名单"
    ]
    assert restrictions.reasons_against(listed, restrictions.AWARD) == []
    assert restrictions.reasons_against(EnterpriseFactory(), restrictions.RECOGNITION) == []


def test_a_list_costs_the_same_few_queries_however_long(django_assert_max_num_queries):
    ids = [EnterpriseFactory(name=f"失信{n}号有限公司").pk for n in range(20)]
    # One query per app that restricts (the throwaway app and credit), whatever the length.
    with django_assert_max_num_queries(2):
        assert len(restrictions.blocked(restrictions.RECOGNITION, ids)) == 20


def front_runner_candidate(name):
    item = declaration(EnterpriseFactory(name=name), [(99, 95, True)])
    assert item.front_runner == "candidate"
    return item


def test_a_listed_enterprise_is_not_confirmed_as_front_runner(province_user):
    item = front_runner_candidate("失信餐饮有限公司")
    with pytest.raises(TransitionRefused) as refused:
        standards.FRONT_RUNNER.apply(item, "confirm", province_user)
    assert "列入严重失信主体名单" in refused.value.messages[0]
    item.refresh_from_db()
    assert item.front_runner == "candidate" and not FrontRunnerChange.objects.exists()


def test_the_api_refuses_the_confirmation_with_the_reason(client_for, province_user):
    item = front_runner_candidate("失信餐饮有限公司")
    response = client_for(province_user).post(
        f"/api/v1/declarations/{item.pk}/confirm/", {}, content_type="application/json"
    )
    assert response.status_code == 400
    assert "列入严重失信主体名单" in str(response.json()["error"])
    assert StandardDeclaration.objects.get(pk=item.pk).front_runner == "candidate"


def test_an_enterprise_no_app_restricts_is_confirmed(province_user):
    item = front_runner_candidate("诚信餐饮有限公司")
    standards.FRONT_RUNNER.apply(item, "confirm", province_user)
    assert item.front_runner == "confirmed" and FrontRunnerChange.objects.count() == 1
