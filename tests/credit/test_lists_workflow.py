"""The two lists: entering with a second officer's review, leaving only when the condition holds."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.utils import timezone

from credit.models import AbnormalListing, SeriousListing
from credit.services import lists
from portal.workflow import TransitionRefused
from tests.factories import abnormal_entry, penalty, published_penalty, serious_entry

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def years_ago(years, days=0):
    return timezone.now() - datetime.timedelta(days=round(365.25 * years) + days)


# The abnormal-operations list


def test_the_four_grounds_are_those_of_the_rules():
    assert list(AbnormalListing.Ground.values) == [
        "annual_report", "not_disclosed", "false_disclosure", "unreachable",
    ]  # fmt: skip


def test_an_entry_needs_its_decision_reference(gd_enterprise, province_user):
    with pytest.raises(ValidationError) as error:
        abnormal_entry(gd_enterprise, province_user, decision_reference=" ")
    assert "decision_reference" in error.value.message_dict
    assert not AbnormalListing.objects.exists()


def test_an_entry_dated_in_the_future_is_refused(gd_enterprise, province_user):
    with pytest.raises(ValidationError) as error:
        abnormal_entry(gd_enterprise, province_user, decided_on=TODAY + datetime.timedelta(1))
    assert "decided_on" in error.value.message_dict


def test_the_same_officer_cannot_confirm_their_own_proposal(gd_enterprise, province_user):
    entry = abnormal_entry(gd_enterprise, province_user)
    with pytest.raises(TransitionRefused) as refused:
        lists.ABNORMAL.apply(entry, "confirm", province_user)
    assert refused.value.code == "four_eyes"
    assert AbnormalListing.objects.get(pk=entry.pk).status == "proposed"


def test_a_second_officer_lists_it(gd_enterprise, province_user, second_officer):
    entry = abnormal_entry(gd_enterprise, province_user, second_officer)
    assert (entry.status, entry.listed_on, entry.confirmed_by) == ("listed", TODAY, second_officer)


def test_removal_before_the_correction_is_refused_naming_it(
    gd_enterprise, province_user, second_officer
):
    entry = abnormal_entry(gd_enterprise, province_user, second_officer)
    with pytest.raises(TransitionRefused) as refused:
        lists.ABNORMAL.apply(entry, "remove", second_officer)
    assert refused.value.code == "condition"
    assert "applied for removal" in str(refused.value) or "申请" in str(refused.value)
    assert AbnormalListing.objects.get(pk=entry.pk).status == "listed"


def test_removal_after_correction_is_decided_within_seven_days(
    gd_enterprise, province_user, second_officer
):
    entry = abnormal_entry(gd_enterprise, province_user, second_officer)
    lists.ABNORMAL.apply(entry, "apply_removal", province_user, reason="已补报2025年度年报")
    assert entry.removal_due == TODAY + datetime.timedelta(days=7)
    assert list(lists.removal_overdue(TODAY + datetime.timedelta(days=7))) == []
    assert list(lists.removal_overdue(TODAY + datetime.timedelta(days=8))) == [entry]
    lists.ABNORMAL.apply(entry, "remove", second_officer)
    assert (entry.status, entry.removed_on) == ("removed", TODAY)


# The serious list


def test_a_serious_listing_without_a_penalty_is_refused(gd_enterprise, province_user):
    with pytest.raises(ValidationError) as error:
        serious_entry(gd_enterprise, province_user, penalty=None)
    assert "penalty" in error.value.message_dict
    assert not SeriousListing.objects.exists()


@pytest.mark.parametrize(
    ("kind", "serious"), [("warning", True), ("criticism", True), ("fine", False)]
)
def test_a_serious_listing_on_a_lighter_penalty_is_refused(
    gd_enterprise, province_user, second_officer, kind, serious
):
    light = published_penalty(
        gd_enterprise, province_user, second_officer, kind=kind, serious=serious
    )
    with pytest.raises(ValidationError) as error:
        serious_entry(gd_enterprise, province_user, penalty=light)
    assert light.decision_number in error.value.message_dict["penalty"][0]
    assert not SeriousListing.objects.exists()


@pytest.mark.parametrize(
    "kind", ["fine", "confiscation", "licence_revoked", "business_restricted", "closure",
             "employment_restriction"],
)  # fmt: skip
def test_each_heavier_penalty_judged_serious_carries_a_listing(
    gd_enterprise, province_user, second_officer, kind
):
    heavy = published_penalty(gd_enterprise, province_user, second_officer, kind=kind, serious=True)
    listing = serious_entry(gd_enterprise, province_user, second_officer, penalty=heavy)
    assert listing.status == "listed"
    assert listing.listed_until == lists.add_years(TODAY, 3)


def test_the_same_officer_cannot_confirm_a_serious_listing(gd_enterprise, province_user):
    listing = serious_entry(gd_enterprise, province_user)
    with pytest.raises(TransitionRefused) as refused:
        lists.SERIOUS.apply(listing, "confirm", province_user)
    assert refused.value.code == "four_eyes"


@pytest.mark.parametrize("level", ["city", "county"])
def test_county_and_city_listings_need_the_next_levels_consent(
    gd_enterprise, province_user, second_officer, level
):
    listing = serious_entry(gd_enterprise, province_user, level=level)
    with pytest.raises(TransitionRefused) as refused:
        lists.SERIOUS.apply(listing, "confirm", second_officer)
    assert "consent" in str(refused.value) or "同意" in str(refused.value)
    listing.higher_consent_reference = "粤市监函〔2026〕9号"
    listing.save()
    lists.SERIOUS.apply(listing, "confirm", second_officer)
    assert listing.status == "listed"


@override_settings(CREDIT_SERIOUS_NEEDS_HIGHER_CONSENT=False)
def test_the_consent_rule_can_be_switched_off(gd_enterprise, province_user, second_officer):
    listing = serious_entry(gd_enterprise, province_user, level="county")
    lists.SERIOUS.apply(listing, "confirm", second_officer)
    assert listing.status == "listed"


def test_a_provincial_listing_needs_no_consent(gd_enterprise, province_user, second_officer):
    assert serious_entry(gd_enterprise, province_user, second_officer).status == "listed"


def listed_since(enterprise, proposer, confirmer, years):
    listing = serious_entry(enterprise, proposer)
    lists.SERIOUS.apply(listing, "confirm", confirmer, at=years_ago(years))
    return listing


def apply_for_repair(listing, officer, **conditions):
    conditions = {
        "measures_expired": True, "obligations_fulfilled": True, "harm_corrected": True,
        **conditions,
    }  # fmt: skip
    lists.apply_for_repair(
        listing,
        officer,
        pledge=SimpleUploadedFile("守信承诺书.pdf", PDF),
        evidence=SimpleUploadedFile("缴款凭证.pdf", PDF),
        conditions=conditions,
    )


def test_early_removal_with_every_condition_met(gd_enterprise, province_user, second_officer):
    listing = listed_since(gd_enterprise, province_user, second_officer, 1.1)
    apply_for_repair(listing, province_user)
    lists.SERIOUS.apply(listing, "remove_early", second_officer)
    assert (listing.status, listing.removed_on) == ("removed_early", TODAY)


def test_early_removal_within_the_first_year_is_refused_naming_it(
    gd_enterprise, province_user, second_officer
):
    listing = listed_since(gd_enterprise, province_user, second_officer, 0.9)
    apply_for_repair(listing, province_user)
    with pytest.raises(TransitionRefused) as refused:
        lists.SERIOUS.apply(listing, "remove_early", second_officer)
    assert len(refused.value.missing) == 1
    assert "1" in str(refused.value.missing[0])
    assert SeriousListing.objects.get(pk=listing.pk).status == "repair_applied"


@pytest.mark.parametrize("unmet", ["measures_expired", "obligations_fulfilled", "harm_corrected"])
def test_early_removal_needs_each_condition(gd_enterprise, province_user, second_officer, unmet):
    listing = listed_since(gd_enterprise, province_user, second_officer, 2)
    apply_for_repair(listing, province_user, **{unmet: False})
    with pytest.raises(TransitionRefused) as refused:
        lists.SERIOUS.apply(listing, "remove_early", second_officer)
    assert len(refused.value.missing) == 1


def test_a_new_heavier_penalty_since_the_listing_stops_early_removal(
    gd_enterprise, province_user, second_officer
):
    listing = listed_since(gd_enterprise, province_user, second_officer, 2)
    published_penalty(
        gd_enterprise, province_user, second_officer, kind="closure", serious=True,
        decided_on=TODAY - datetime.timedelta(days=30),
    )  # fmt: skip
    apply_for_repair(listing, province_user)
    with pytest.raises(TransitionRefused) as refused:
        lists.SERIOUS.apply(listing, "remove_early", second_officer)
    assert len(refused.value.missing) == 1


def test_a_repair_application_needs_the_pledge_and_the_evidence(
    gd_enterprise, province_user, second_officer
):
    listing = listed_since(gd_enterprise, province_user, second_officer, 2)
    with pytest.raises(ValidationError) as error:
        lists.apply_for_repair(listing, province_user, pledge=None, evidence=None, conditions={})
    assert set(error.value.message_dict) == {"repair_pledge", "repair_evidence"}
    assert SeriousListing.objects.get(pk=listing.pk).status == "listed"


def test_a_served_listing_cannot_be_removed_by_hand_early(
    gd_enterprise, province_user, second_officer
):
    listing = listed_since(gd_enterprise, province_user, second_officer, 2.9)
    with pytest.raises(TransitionRefused) as refused:
        lists.SERIOUS.apply(listing, "expire", second_officer)
    assert refused.value.code == "condition"


def test_unused_penalty_helper_keeps_amounts(gd_enterprise, province_user):
    assert penalty(gd_enterprise, province_user).amount == Decimal("5000.00")
