"""Administrative penalties: recorded, confirmed by a second officer, public, repaired."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.utils import timezone

from credit.models import Penalty
from credit.services import penalties
from portal.models import AuditEntry
from portal.workflow import TransitionRefused
from tests.factories import penalty, published_penalty

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def months_ago(months):
    return timezone.now() - datetime.timedelta(days=round(months * 30.5))


def test_a_penalty_dated_in_the_future_is_refused_on_its_field(gd_enterprise, province_user):
    tomorrow = TODAY + datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        penalty(gd_enterprise, province_user, decided_on=tomorrow)
    assert "decided_on" in error.value.message_dict
    assert str(tomorrow) in error.value.message_dict["decided_on"][0]
    assert not Penalty.objects.exists()


def test_a_penalty_dated_today_is_recorded(gd_enterprise, province_user):
    assert penalty(gd_enterprise, province_user, decided_on=TODAY).status == "proposed"


def test_the_decision_number_is_unique_per_authority(gd_enterprise, province_user):
    penalty(gd_enterprise, province_user, decision_number="穗罚1号")
    shenzhen = "深圳市市场监督管理局"
    penalty(gd_enterprise, province_user, decision_number="穗罚1号", authority=shenzhen)
    with pytest.raises(ValidationError) as error:
        penalty(gd_enterprise, province_user, decision_number="穗罚1号")
    assert "穗罚1号" in error.value.message_dict["decision_number"][0]
    assert Penalty.objects.count() == 2


def test_a_fine_needs_its_amount(gd_enterprise, province_user):
    with pytest.raises(ValidationError) as error:
        penalty(gd_enterprise, province_user, amount=None)
    assert "amount" in error.value.message_dict


def test_an_enterprise_outside_the_jurisdiction_is_refused(gd_enterprise, other_province_user):
    with pytest.raises(ValidationError) as error:
        penalty(gd_enterprise, other_province_user)
    assert "enterprise" in error.value.message_dict


def test_the_proposer_cannot_confirm_their_own_penalty(gd_enterprise, province_user):
    item = penalty(gd_enterprise, province_user)
    with pytest.raises(TransitionRefused) as refused:
        penalties.PENALTY.apply(item, "confirm", province_user)
    assert refused.value.code == "four_eyes"
    item.refresh_from_db()
    assert item.status == "proposed" and item.published_on is None


def test_a_second_officer_publishes_it_for_the_publicity_period(
    gd_enterprise, province_user, second_officer
):
    item = published_penalty(gd_enterprise, province_user, second_officer)
    item.refresh_from_db()
    assert (item.status, item.confirmed_by, item.published_on) == (
        "published",
        second_officer,
        TODAY,
    )
    assert item.public_until == penalties.add_years(TODAY, 3)
    assert AuditEntry.objects.filter(object_id=str(item.pk), action="update").exists()


def publish_months_ago(item, officer, months):
    penalties.PENALTY.apply(item, "confirm", officer, at=months_ago(months))


@pytest.mark.parametrize(
    ("special", "months", "repairable"),
    [(False, 5.8, False), (False, 6.1, True), (True, 11.8, False), (True, 12.1, True)],
)
def test_repair_after_the_publicity_period_only(
    gd_enterprise, province_user, second_officer, special, months, repairable
):
    item = penalty(gd_enterprise, province_user, special_field=special)
    publish_months_ago(item, second_officer, months)
    if repairable:
        penalties.PENALTY.apply(item, "apply_repair", province_user, reason="已整改")
        penalties.PENALTY.apply(item, "approve_repair", second_officer)
        assert item.status == "repaired" and item.repaired_on == TODAY
    else:
        with pytest.raises(TransitionRefused) as refused:
            penalties.PENALTY.apply(item, "apply_repair", province_user, reason="已整改")
        assert "publicity period" in str(refused.value) or "公示" in str(refused.value)
        assert Penalty.objects.get(pk=item.pk).status == "published"


def test_a_serious_penalty_is_never_repaired(gd_enterprise, province_user, second_officer):
    item = penalty(gd_enterprise, province_user, serious=True, amount=Decimal("900000"))
    publish_months_ago(item, second_officer, 30)
    with pytest.raises(TransitionRefused) as refused:
        penalties.PENALTY.apply(item, "apply_repair", province_user, reason="已整改")
    assert refused.value.code == "condition"


@override_settings(CREDIT_PENALTY_REPAIR_MONTHS=3)
def test_the_repair_period_is_a_setting(gd_enterprise, province_user, second_officer):
    item = penalty(gd_enterprise, province_user)
    publish_months_ago(item, second_officer, 3.2)
    penalties.PENALTY.apply(item, "apply_repair", province_user, reason="已整改")
    assert item.status == "repair_applied"


def test_add_months_keeps_the_day_or_takes_the_months_last():
    assert penalties.add_months(datetime.date(2024, 8, 31), 6) == datetime.date(2025, 2, 28)
    assert penalties.add_years(datetime.date(2024, 2, 29), 1) == datetime.date(2025, 2, 28)
    assert penalties.add_months(datetime.date(2025, 1, 15), -1) == datetime.date(2024, 12, 15)
