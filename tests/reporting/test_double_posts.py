"""The same workflow form sent twice (double click, retry, two tabs, two at once): one result."""

import threading

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from portal.models import AuditEntry
from reporting.models import ProgressReport, ReportStatusChange, ReportVersion
from reporting.services.reports import REPORT
from tests import factories
from tests.logins import log_in

ALREADY_ZH = "已经办理"
ALREADY_EN = "Already done"


def submit_url(report):
    return reverse("reporting:report_transition", args=[report.pk, "submit"])


def results(report):
    """What one submission leaves behind: log rows, versions and audit entries."""
    return (
        ReportStatusChange.objects.filter(report=report, action="submit").count(),
        ReportVersion.objects.filter(report=report).count(),
        AuditEntry.objects.count(),
    )


@pytest.mark.django_db
def test_the_page_says_which_status_its_buttons_were_shown_at(
    client_for, province_user, guangdong_report
):
    page = client_for(province_user).get(guangdong_report.get_absolute_url()).text
    assert 'name="seen" value="draft"' in page


@pytest.mark.django_db
def test_a_submission_sent_twice_in_a_row_is_one_version_and_the_second_says_so(
    client_for, province_user, guangdong_report
):
    REPORT.apply(guangdong_report, "review", province_user)
    client = client_for(province_user)
    first = client.post(submit_url(guangdong_report), {"seen": "reviewed"}, follow=True)
    after_first = results(guangdong_report)
    second = client.post(submit_url(guangdong_report), {"seen": "reviewed"}, follow=True)

    assert after_first[:2] == (1, 1)
    assert results(guangdong_report) == after_first  # no second log row, version or audit entry
    assert ALREADY_ZH not in first.text
    assert second.status_code == 200 and ALREADY_ZH in second.text


@pytest.mark.django_db
@pytest.mark.usefixtures("english")
def test_the_second_post_is_explained_in_english_too(client_for, province_user, guangdong_report):
    REPORT.apply(guangdong_report, "review", province_user)
    client = client_for(province_user)
    client.post(submit_url(guangdong_report), {"seen": "reviewed"})
    second = client.post(submit_url(guangdong_report), {"seen": "reviewed"}, follow=True)
    assert ALREADY_EN in second.text


@pytest.mark.django_db
def test_a_form_overtaken_by_a_colleague_says_the_status_changed(
    client_for, province_user, guangdong_report
):
    colleague = factories.provincial_user("440000", kind="drc", username="gd-drc")
    REPORT.apply(guangdong_report, "review", colleague)
    url = reverse("reporting:report_transition", args=[guangdong_report.pk, "review"])
    page = client_for(province_user).post(url, {"seen": "draft"}, follow=True).text
    assert ALREADY_ZH not in page and "页面打开后" in page
    assert ReportStatusChange.objects.filter(report=guangdong_report).count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_accepts_at_once_make_one_status_change_and_one_mail(
    opened, province_user, hq_user, mailoutbox
):
    report = ProgressReport.objects.get(round=opened, reporting_unit__code="440000")
    report.texts = {s["key"]: "已完成。" for s in report.round.sections}
    report.save()
    REPORT.apply(report, "review", province_user)
    REPORT.apply(report, "submit", province_user)
    mailoutbox.clear()
    url = reverse("reporting:report_transition", args=[report.pk, "accept"])
    clients = [log_in(Client(), hq_user), log_in(Client(), hq_user)]
    audits = AuditEntry.objects.count()
    start = threading.Barrier(len(clients))
    pages = []

    def accept(client):
        start.wait()
        try:
            pages.append(client.post(url, {"seen": "submitted", "confirmed": "1"}, follow=True))
        finally:
            connection.close()

    threads = [threading.Thread(target=accept, args=(c,)) for c in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert ReportStatusChange.objects.filter(report=report, action="accept").count() == 1
    assert AuditEntry.objects.count() == audits + 2  # the report's new status and its log row
    assert len(mailoutbox) == 1
    assert sorted(p.status_code for p in pages) == [200, 200]
    assert sum(ALREADY_ZH in p.text for p in pages) == 1
