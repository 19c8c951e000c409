"""The demo tells the campaign's story on the rounds' own dates: real figures in 2019 and 2020,
units on time and late, a report returned with a comment, a present round, matching names."""

import io
from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from enterprises.models import EnterpriseMembership
from portal.models import User
from reporting.models import ProgressReport, Round
from reporting.services.reports import live_figures, return_comment
from reporting.services.rounds import round_status

# Seeding takes seconds: one worker seeds once for the whole module.
pytestmark = pytest.mark.xdist_group("demo_story")
DEMO_UNITS = ("440000", "440300", "330000", "110000", "510000")  # the units with demo data
RECORD_FIGURES = ("pledges_published", "certificates_issued", "standard_declarations")


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    """The demo seeded once, inside a transaction rolled back after the module's last test."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            call_command("seed_demo", stdout=io.StringIO())
            yield
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture
def demo(db, seeded):
    return {u.username: u for u in User.objects.filter(username__in=USERS)}


USERS = ("samr", "ndrc", "shenzhen", "zhejiang", "beijing", "sichuan", "guangdong")


def _report(round_due, username):
    unit = User.objects.get(username=username).reporting_unit
    return ProgressReport.objects.get(round__due_date=round_due, reporting_unit=unit)


def _figures(report):
    return {f["key"]: f["value"] for f in live_figures(report)}


@pytest.mark.parametrize("due", [date(2019, 11, 30), date(2020, 11, 30)])
def test_each_campaign_rounds_figures_of_every_demo_unit_are_real(demo, due):
    totals = dict.fromkeys(("recognitions", *RECORD_FIGURES), 0)
    for report in ProgressReport.objects.filter(
        round__due_date=due, reporting_unit__code__in=DEMO_UNITS
    ):
        figures = _figures(report)
        unit = report.reporting_unit.code
        assert {key: figures[key] > 0 for key in RECORD_FIGURES} == dict.fromkeys(
            RECORD_FIGURES, True
        ), unit
        for key in totals:
            totals[key] += figures[key]
    assert all(totals.values()), totals


def test_2019_submissions_are_on_time_and_late_by_the_portals_own_rule(demo):
    round_2019 = Round.objects.get(due_date=date(2019, 11, 30))
    statuses = {row["unit"].code: row["status"] for row in round_status(round_2019)}
    assert statuses["330000"] == statuses["110000"] == "accepted"
    assert statuses["440300"] == "submitted_on_time"
    assert statuses["510000"] == "submitted_late"
    shenzhen = _report(round_2019.due_date, "shenzhen")
    assert timezone.localdate(shenzhen.submitted_at) == round_2019.due_date  # the last day


def test_the_returned_2019_report_keeps_the_comment_and_was_resubmitted_on_time(demo):
    beijing = _report(date(2019, 11, 30), "beijing")
    actions = [(c.action, c.reason, timezone.localdate(c.at)) for c in beijing.status_changes.all()]
    returned = [a for a in actions if a[0] == "return"]
    assert returned == [("return", "请补充典型经验的具体数据。", date(2019, 11, 26))]
    resubmitted = beijing.versions.get(number=2)
    assert not resubmitted.is_late and beijing.status == "accepted"


def test_the_present_round_covers_the_present_year_and_the_dashboards_show_it(demo, client_for):
    today = timezone.localdate()
    present = Round.objects.get(
        opens_on__lte=today, period_end__gt=today - timedelta(days=366), period_end__lt=today
    )
    assert present.reports.count() == 37
    assert present.reports.filter(versions__isnull=False).exists()
    page = client_for(demo["samr"]).get("/dashboard/").text
    assert present.title in page
    returned = present.reports.get(status="returned")
    comment = return_comment(returned).reason
    assert returned.reporting_unit == demo["sichuan"].reporting_unit
    assert comment in client_for(demo["sichuan"]).get("/dashboard/").text


def test_every_enterprise_login_acts_for_the_enterprise_its_name_tells(demo):
    memberships = EnterpriseMembership.objects.filter(
        user__username__startswith="ent_"
    ).select_related("user", "enterprise")
    assert memberships.count() > 2
    for membership in memberships:
        user, name = membership.user, membership.enterprise.name
        if user.has_usable_password():  # a printed demo login: "华美 王芳" acts for 华美…
            assert user.full_name.split()[0] in name, (user.username, name)
        else:
            assert user.full_name == name[:60], (user.username, name)
    huamei = memberships.get(user__username="ent_huamei").enterprise
    assert huamei.name.startswith("深圳市华美") and huamei.reporting_unit.code == "440300"
    assert huamei.pledges.exists() and huamei.certificates.exists()
