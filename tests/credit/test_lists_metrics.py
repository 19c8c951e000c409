"""Tasks 4 and 6 of the progress report: the credit figures, through reporting's registry."""

import datetime

import pytest
from django.utils import timezone

from credit.services import lists
from reporting.metrics_registry import collect
from tests.factories import abnormal_entry, consumer_warning, serious_entry, unit

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def figures(start, end, code="440000"):
    return {f["key"]: f["value"] for f in collect(unit(code), start, end) if f["app"] == "credit"}


def test_the_figures_of_a_period(gd_enterprise, province_user, second_officer):
    serious_entry(gd_enterprise, province_user, second_officer)
    removed = abnormal_entry(gd_enterprise, province_user, second_officer)
    lists.ABNORMAL.apply(removed, "apply_removal", province_user, reason="已补报")
    lists.ABNORMAL.apply(removed, "remove", second_officer)
    abnormal_entry(gd_enterprise, province_user, second_officer)
    abnormal_entry(gd_enterprise, province_user)  # proposed only
    warning = consumer_warning(province_user)
    from credit.services import warnings

    warnings.WARNING.apply(warning, "publish", province_user)
    got = figures(TODAY - datetime.timedelta(days=30), TODAY)
    assert got["penalties_published"] == 1 and got["serious_penalties_published"] == 1
    assert (got["abnormal_listed"], got["abnormal_removed"], got["abnormal_at_end"]) == (2, 1, 1)
    assert (got["serious_listed"], got["serious_at_end"], got["credit_repairs"]) == (1, 1, 0)
    assert got["consumer_warnings"] == 1
    assert figures(TODAY - datetime.timedelta(days=30), TODAY, "330000")["serious_at_end"] == 0


def test_a_served_listing_is_no_longer_on_the_list_at_the_end(
    gd_enterprise, province_user, second_officer
):
    listing = serious_entry(gd_enterprise, province_user, second_officer)
    last = listing.listed_until
    assert (
        figures(last - datetime.timedelta(days=10), last - datetime.timedelta(days=1))[
            "serious_at_end"
        ]
        == 1
    )
    assert figures(last - datetime.timedelta(days=10), last)["serious_at_end"] == 0


def test_the_tasks_are_four_and_six(gd_enterprise):
    tasks = {f["task"] for f in collect(unit("440000"), TODAY, TODAY) if f["app"] == "credit"}
    assert tasks == {4, 6}
