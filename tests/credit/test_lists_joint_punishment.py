"""Joint punishment: a serious listing stops recognition and the front-runner list in
enterprises' own services and pages, and flags the name wherever regulators see it."""

import pytest
from django.core.exceptions import ValidationError

from credit.services import lists
from enterprises import restrictions
from enterprises.models import Recognition
from enterprises.services import pledges, standards
from portal.workflow import TransitionRefused
from tests.factories import EnterpriseFactory, declaration, serious_entry

pytestmark = pytest.mark.django_db


@pytest.fixture
def listed(gd_enterprise, province_user, second_officer):
    return serious_entry(gd_enterprise, province_user, second_officer)


def test_a_listed_enterprise_is_blocked_from_every_honour(listed, gd_enterprise):
    clean = EnterpriseFactory()
    for honour in (restrictions.RECOGNITION, restrictions.FRONT_RUNNER, restrictions.AWARD):
        reasons = restrictions.blocked(honour, [gd_enterprise.pk, clean.pk])
        assert list(reasons) == [gd_enterprise.pk]
        assert listed.decision_reference in reasons[gd_enterprise.pk][0]


def test_a_proposed_or_ended_listing_blocks_nothing(gd_enterprise, province_user, second_officer):
    proposed = serious_entry(gd_enterprise, province_user)
    assert restrictions.reasons_against(gd_enterprise, restrictions.RECOGNITION) == []
    lists.SERIOUS.apply(proposed, "confirm", second_officer)
    assert restrictions.reasons_against(gd_enterprise, restrictions.RECOGNITION) != []
    lists.run_daily(proposed.listed_until)
    assert restrictions.reasons_against(gd_enterprise, restrictions.RECOGNITION) == []


def test_recognition_is_refused_with_the_reason(listed, gd_enterprise, province_user):
    with pytest.raises(ValidationError) as refused:
        pledges.recognise(gd_enterprise, province_user, "服务质量明显提升")
    assert listed.decision_reference in refused.value.messages[0]
    assert not Recognition.objects.exists()


def test_the_recognition_page_shows_the_reason(listed, gd_enterprise, province_user, client_for):
    page = client_for(province_user).get(f"/enterprises/recognitions/new/{gd_enterprise.pk}/")
    assert listed.decision_reference in page.content.decode()


def test_front_runner_confirmation_is_refused_with_the_reason(listed, gd_enterprise, province_user):
    item = declaration(gd_enterprise, [(99, 95, True)])
    assert item.front_runner == "candidate"
    with pytest.raises(TransitionRefused) as refused:
        standards.FRONT_RUNNER.apply(item, "confirm", province_user)
    assert listed.decision_reference in refused.value.messages[0]
    item.refresh_from_db()
    assert item.front_runner == "candidate"


def test_regulators_see_the_flag_in_the_registry(listed, gd_enterprise, province_user, client_for):
    clean = EnterpriseFactory(name="守信测试服务有限公司")
    client = client_for(province_user)
    detail = client.get(f"/enterprises/{gd_enterprise.pk}/").content.decode()
    assert 'data-testid="flag"' in detail
    assert 'data-testid="flag"' not in client.get(f"/enterprises/{clean.pk}/").content.decode()
    results = client.get("/enterprises/?q=测试服务").content.decode()
    assert results.count('data-testid="flag"') == 1
