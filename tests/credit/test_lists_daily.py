"""The daily job: served serious listings leave the list, three-year abnormal entries are
proposed for the serious list; run twice, it does nothing twice."""

import datetime

import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import timezone

from credit import tasks
from credit.models import AbnormalListing, SeriousListing, SeriousListingStatusChange
from credit.services import lists
from portal.models import AuditEntry
from tests.factories import abnormal_entry, serious_entry

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def test_the_beat_runs_it_daily():
    entry = settings.CELERY_BEAT_SCHEDULE["credit-lists-daily"]
    assert entry["task"] == "credit.tasks.run_daily_lists"


def test_a_listing_leaves_the_list_on_the_day_its_period_ends(
    gd_enterprise, province_user, second_officer
):
    listing = serious_entry(gd_enterprise, province_user, second_officer)
    last_day = listing.listed_until
    eve = last_day - datetime.timedelta(days=1)
    assert tasks.run_daily_lists(eve.isoformat())["expired"] == 0
    assert SeriousListing.objects.get(pk=listing.pk).status == "listed"
    assert tasks.run_daily_lists(last_day.isoformat())["expired"] == 1
    assert SeriousListing.objects.get(pk=listing.pk).status == "expired"
    log = SeriousListingStatusChange.objects.get(listing=listing, action="expire")
    assert log.actor is None and timezone.localtime(log.at).date() == last_day
    assert AuditEntry.objects.filter(object_id=str(listing.pk), action="update").exists()
    assert tasks.run_daily_lists(last_day.isoformat())["expired"] == 0


def test_an_abnormal_entry_listed_three_years_is_proposed_for_the_serious_list(
    gd_enterprise, province_user, second_officer
):
    entry = abnormal_entry(gd_enterprise, province_user, second_officer)
    three_years = lists.add_years(entry.listed_on, 3)
    run = lists.run_daily(three_years - datetime.timedelta(days=1))
    assert run["proposed_for_serious_list"] == 0
    assert lists.run_daily(three_years)["proposed_for_serious_list"] == 1
    assert lists.run_daily(three_years)["proposed_for_serious_list"] == 0
    proposal = SeriousListing.objects.get()
    assert (proposal.from_abnormal, proposal.status, proposal.penalty) == (entry, "proposed", None)
    assert entry.decision_reference in proposal.ground


def test_confirming_the_proposal_moves_the_entry_off_the_abnormal_list(
    gd_enterprise, province_user, second_officer
):
    entry = abnormal_entry(gd_enterprise, province_user, second_officer)
    lists.run_daily(lists.add_years(entry.listed_on, 3))
    proposal = SeriousListing.objects.get()
    lists.SERIOUS.apply(proposal, "confirm", second_officer)
    assert proposal.status == "listed"
    assert AbnormalListing.objects.get(pk=entry.pk).status == "transferred"


def test_removed_or_proposed_entries_are_not_proposed(gd_enterprise, province_user, second_officer):
    removed = abnormal_entry(gd_enterprise, province_user, second_officer)
    lists.ABNORMAL.apply(removed, "apply_removal", province_user, reason="已更正住所")
    lists.ABNORMAL.apply(removed, "remove", second_officer)
    abnormal_entry(gd_enterprise, province_user)  # never confirmed
    assert lists.run_daily(lists.add_years(TODAY, 4))["proposed_for_serious_list"] == 0


def test_the_command_runs_it_for_a_date(gd_enterprise, province_user, second_officer, capsys):
    listing = serious_entry(gd_enterprise, province_user, second_officer)
    call_command("run_credit_lists", date=listing.listed_until.isoformat())
    assert "expired 1" in capsys.readouterr().out
