"""Honours are refused by other apps' ``restrictions.py`` (the throwaway app plays credit)."""

import pytest

from enterprises import restrictions
from tests.factories import EnterpriseFactory

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
    with django_assert_max_num_queries(1):
        assert len(restrictions.blocked(restrictions.RECOGNITION, ids)) == 20
