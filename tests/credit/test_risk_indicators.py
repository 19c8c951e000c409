"""The four indicators of the credit records: each one's value on real rows, at its edges."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from credit.models import AbnormalListing, EnterpriseRiskClass, Inspection, Penalty
from credit.services import lists, risk_indicators
from credit.services.penalties import add_years
from credit.services.risk_compute import recompute
from enterprises.models import Enterprise
from tests import factories

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)


def values(code, today):
    """{enterprise: value} of one registered indicator, as the recomputation computes it."""
    expression = risk_indicators.get(code).value(today)
    return {row: row.v for row in Enterprise.objects.annotate(v=expression)}


@pytest.fixture
def today():
    return timezone.localdate()


def enterprises(count):
    return [factories.EnterpriseFactory() for _ in range(count)]


def test_the_four_are_registered_with_their_largest_values():
    registered = {i.code: i.max_value for i in risk_indicators.INDICATORS}
    assert registered["on_a_list"] == 1
    assert registered["abnormal_annual_report"] == 1
    assert registered["penalties_3_years"] is None
    assert registered["inspection_findings"] is None


# On a list: the abnormal-operations list or the serious illegal and dishonest list.


def test_on_a_list_counts_a_current_listing_not_a_removed_or_proposed_one(
    today, province_user, second_officer
):
    listed, removed, proposed, serious, unlisted = enterprises(5)
    factories.abnormal_entry(listed, province_user, second_officer)
    gone = factories.abnormal_entry(removed, province_user, second_officer)
    lists.ABNORMAL.apply(gone, "apply_removal", province_user, reason="已办理住所变更登记")
    lists.ABNORMAL.apply(gone, "remove", second_officer)
    factories.abnormal_entry(proposed, province_user)
    factories.serious_entry(serious, province_user, second_officer)

    value = values("on_a_list", today)

    assert value[listed] == 1 and value[serious] == 1
    assert value[removed] == 0 and value[proposed] == 0 and value[unlisted] == 0


def test_an_abnormal_entry_awaiting_its_removal_decision_still_counts(
    today, province_user, second_officer
):
    enterprise = factories.EnterpriseFactory()
    entry = factories.abnormal_entry(enterprise, province_user, second_officer)
    lists.ABNORMAL.apply(entry, "apply_removal", province_user, reason="已补报年报")
    assert values("on_a_list", today)[enterprise] == 1


def test_a_listing_counts_from_its_listing_day(today, province_user, second_officer):
    enterprise = factories.EnterpriseFactory()
    factories.abnormal_entry(enterprise, province_user, second_officer)
    assert values("on_a_list", today)[enterprise] == 1
    assert values("on_a_list", today - DAY)[enterprise] == 0


def test_a_serious_listing_stops_counting_on_its_last_day(today, province_user, second_officer):
    ends_today, ends_tomorrow = enterprises(2)
    for enterprise, until in ((ends_today, today), (ends_tomorrow, today + DAY)):
        listing = factories.serious_entry(enterprise, province_user, second_officer)
        type(listing).objects.filter(pk=listing.pk).update(listed_until=until)

    value = values("on_a_list", today)

    assert value[ends_today] == 0
    assert value[ends_tomorrow] == 1


def test_a_serious_listing_removed_early_does_not_count(today, province_user, second_officer):
    enterprise = factories.EnterpriseFactory()
    listing = factories.serious_entry(enterprise, province_user, second_officer)
    type(listing).objects.filter(pk=listing.pk).update(status="removed_early", removed_on=today)
    assert values("on_a_list", today)[enterprise] == 0


# Administrative penalties decided in the last 3 years.


def test_a_penalty_decided_exactly_three_years_ago_counts_one_day_more_does_not(
    today, province_user, second_officer
):
    on_the_day, a_day_more = enterprises(2)
    three_years_ago = add_years(today, -3)
    factories.published_penalty(on_the_day, province_user, second_officer,
                                decided_on=three_years_ago)  # fmt: skip
    factories.published_penalty(a_day_more, province_user, second_officer,
                                decided_on=three_years_ago - DAY)  # fmt: skip

    value = values("penalties_3_years", today)

    assert value[on_the_day] == 1
    assert value[a_day_more] == 0
    assert values("penalties_3_years", today + DAY)[on_the_day] == 0


def test_penalties_are_counted_confirmed_and_unrepaired_only(today, province_user, second_officer):
    two, proposed, repaired, none = enterprises(4)
    factories.published_penalty(two, province_user, second_officer, decided_on=today)
    factories.published_penalty(two, province_user, second_officer, decided_on=today - 400 * DAY)
    factories.penalty(proposed, province_user)
    done = factories.published_penalty(repaired, province_user, second_officer)
    Penalty.objects.filter(pk=done.pk).update(status=Penalty.Status.REPAIRED, repaired_on=today)

    value = values("penalties_3_years", today)

    assert (value[two], value[proposed], value[repaired], value[none]) == (2, 0, 0, 0)


def test_a_penalty_decided_after_the_day_of_the_computation_is_not_counted(
    today, province_user, second_officer
):
    enterprise = factories.EnterpriseFactory()
    factories.published_penalty(enterprise, province_user, second_officer, decided_on=today)
    assert values("penalties_3_years", today - DAY)[enterprise] == 0


# Inspection findings: current double-random inspections whose result found a problem.


def inspection(plan, enterprise, result, concluded_on, active=True):
    return Inspection.objects.create(
        plan=plan, enterprise=enterprise, risk_class="B", result=result,
        concluded_on=concluded_on if result else None, active=active,
    )  # fmt: skip


def test_inspection_findings_count_results_that_found_a_problem(today, province_user):
    first, second = (factories.inspection_plan(province_user) for _ in range(2))
    two, clean, no_activity, pending, replaced = enterprises(5)
    inspection(first, two, "corrected", today)
    inspection(second, two, "unreachable", today - 30 * DAY)
    inspection(first, clean, "no_problem", today)
    inspection(first, no_activity, "no_activity", today)
    inspection(first, pending, "", None)
    inspection(first, replaced, "refused", today, active=False)

    value = values("inspection_findings", today)

    assert value[two] == 2
    assert (value[clean], value[no_activity], value[pending], value[replaced]) == (0, 0, 0, 0)


def test_a_finding_counts_from_the_day_the_inspection_concluded(today, province_user):
    enterprise = factories.EnterpriseFactory()
    inspection(factories.inspection_plan(province_user), enterprise, "case_opened", today)
    assert values("inspection_findings", today)[enterprise] == 1
    assert values("inspection_findings", today - DAY)[enterprise] == 0


# Abnormal annual report: on the abnormal list on the ground "annual report not filed".


def test_abnormal_annual_report_is_the_annual_report_ground_in_force(
    today, province_user, second_officer
):
    annual, unreachable, removed = enterprises(3)
    factories.abnormal_entry(annual, province_user, second_officer, ground="annual_report")
    factories.abnormal_entry(unreachable, province_user, second_officer, ground="unreachable")
    gone = factories.abnormal_entry(removed, province_user, second_officer, ground="annual_report")
    lists.ABNORMAL.apply(gone, "apply_removal", province_user, reason="已补报2025年度年报")
    lists.ABNORMAL.apply(gone, "remove", second_officer)

    value = values("abnormal_annual_report", today)

    assert (value[annual], value[unreachable], value[removed]) == (1, 0, 0)


def test_an_annual_report_entry_moved_to_the_serious_list_is_on_a_list_not_abnormal(
    today, province_user, second_officer
):
    enterprise = factories.EnterpriseFactory()
    entry = factories.abnormal_entry(
        enterprise, province_user, second_officer, ground="annual_report"
    )
    factories.serious_entry(enterprise, province_user, second_officer, from_abnormal=entry)
    assert AbnormalListing.objects.get(pk=entry.pk).status == "transferred"
    assert values("abnormal_annual_report", today)[enterprise] == 0
    assert values("on_a_list", today)[enterprise] == 1


# The four in one recomputation: points, class and explanation.


def test_a_recomputation_scores_the_four_indicators(today, province_user, second_officer):
    factories.scoring_model(
        b_from=1, c_from=10, d_from=30,
        on_a_list=(10, 1, None), penalties_3_years=(5, 1, 2),
        inspection_findings=(3, 1, None), abnormal_annual_report=(4, 1, None),
    )  # fmt: skip
    enterprise = factories.EnterpriseFactory()
    factories.abnormal_entry(enterprise, province_user, second_officer, ground="annual_report")
    for days in (1, 2, 3):  # three penalties, counted up to 2
        factories.published_penalty(enterprise, province_user, second_officer,
                                    decided_on=today - days * DAY)  # fmt: skip
    inspection(factories.inspection_plan(province_user), enterprise, "corrected", today)
    clean = factories.EnterpriseFactory()

    recompute(today=today)

    row = EnterpriseRiskClass.objects.get(pk=enterprise.pk)
    assert row.explanation == {
        "on_a_list": [1, 10.0],
        "penalties_3_years": [3, 10.0],
        "inspection_findings": [1, 3.0],
        "abnormal_annual_report": [1, 4.0],
    }
    assert (row.score, row.risk_class) == (Decimal("27.00"), "C")
    assert EnterpriseRiskClass.objects.get(pk=clean.pk).risk_class == "A"
