"""Quarterly complaint publicity: figures per operator, small ones together, then frozen."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.test import override_settings

from complaints.models import Complaint, Publication
from complaints.services import handling, publicity
from portal import jobs, workdays
from portal.models import ReportingUnit
from tests.factories import EnterpriseFactory, complaint
from tests.logins import log_in

pytestmark = pytest.mark.django_db
D = datetime.date
CST = ZoneInfo("Asia/Shanghai")
_phones = iter(range(13900000000, 13999999999))


def at(day):
    return datetime.datetime.combine(day, datetime.time(10), CST)


def about(operator, received, settled_on=None, user=None, **overrides):
    filed = complaint(
        received_on=received,
        operator=operator,
        operator_name=operator.name,
        complainant_phone=str(next(_phones)),
        **overrides,
    )
    if settled_on:
        handling.COMPLAINT.apply(filed, "accept", user, at=at(received))
        handling.COMPLAINT.apply(filed, "mediate", user, at=at(received))
        handling.COMPLAINT.apply(filed, "settle", user, at=at(settled_on))
    return filed


@pytest.fixture
def quarter(province_user):
    """Q3 2026 in Guangdong: a big operator (3 complaints), two small ones, noise outside."""
    big = EnterpriseFactory(name="广州大型连锁美容有限公司")
    small = EnterpriseFactory(name="广州小型健身有限公司")
    tiny = EnterpriseFactory(name="广州微型洗衣有限公司")
    about(big, D(2026, 7, 1), D(2026, 7, 10), province_user, complainant_name="张秘密")
    about(big, D(2026, 8, 3), D(2026, 8, 5), province_user)
    about(big, D(2026, 9, 30))  # received on the last day, not handled
    about(small, D(2026, 7, 15), D(2026, 7, 16), province_user)
    about(tiny, D(2026, 9, 1))
    about(big, D(2026, 10, 1))  # the next quarter
    about(big, D(2026, 6, 30))  # the previous one
    about(big, D(2026, 8, 1), kind=Complaint.Kind.REPORT)  # a report, not a complaint
    elsewhere = EnterpriseFactory(name="杭州某某有限公司", division_code="330106")
    about(elsewhere, D(2026, 8, 1), division=elsewhere.division)
    unit = ReportingUnit.objects.get(code="440000")
    return publicity.draft(unit, 2026, 3), big


@override_settings(COMPLAINT_PUBLICITY_MINIMUM=3)
def test_the_table_counts_each_operator_and_groups_the_small_ones(quarter):
    publication, big = quarter
    publication = publicity.build(publication)
    first, others = publication.rows.all()
    assert (first.operator, first.received, first.accepted, first.resolved) == (big, 3, 2, 2)
    assert first.resolution_rate == 100.0
    days = sorted(
        [
            workdays.working_days_between(D(2026, 7, 1), D(2026, 7, 10)),
            workdays.working_days_between(D(2026, 8, 3), D(2026, 8, 5)),
        ]
    )
    assert float(first.median_days) == sum(days) / 2
    assert (others.operator_name, others.operators, others.received) == ("", 2, 2)
    assert (others.accepted, others.resolved) == (1, 1)
    assert publication.by_section == [["O", 5]]


@override_settings(COMPLAINT_PUBLICITY_MINIMUM=2)
def test_the_minimum_is_a_setting(quarter):
    publication = publicity.build(quarter[0])
    assert [row.received for row in publication.rows.all()] == [3, 2]
    assert publication.minimum_count == 2


def test_a_published_table_is_frozen_and_public(client, quarter, province_user):
    publication = publicity.build(quarter[0])
    assert client.get(f"/complaints/publicity/{publication.pk}/").status_code == 404
    publicity.publish(publication, province_user)
    about(quarter[1], D(2026, 9, 15))  # filed late, in the same quarter
    with pytest.raises(jobs.Refused):
        publicity.build(publication)
    assert publication.rows.get(position=1).received == 3

    page = client.get(f"/complaints/publicity/{publication.pk}/").content.decode()
    assert "广州大型连锁美容有限公司" in page and "张秘密" not in page
    assert str(publication.pk) in client.get("/complaints/publicity/").content.decode()
    csv = client.get(f"/complaints/publicity/{publication.pk}/download.csv").content.decode()
    assert "广州大型连锁美容有限公司,1,3,2,2,100.0" in csv
    xlsx = client.get(f"/complaints/publicity/{publication.pk}/download.xlsx")
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")
    assert client.get(f"/complaints/publicity/{publication.pk}/download.exe").status_code == 404


def test_regulators_compute_in_a_job_and_publish_from_the_page(client, quarter, province_user):
    publication = quarter[0]
    log_in(client, province_user)
    client.post(f"/complaints/publicity/manage/{publication.pk}/compute/")
    publication.refresh_from_db()
    assert publication.computed_at is not None and publication.rows.count() == 2
    client.post(f"/complaints/publicity/manage/{publication.pk}/publish/")
    publication.refresh_from_db()
    assert (publication.status, publication.published_by) == ("published", province_user)
    again = client.post(f"/complaints/publicity/manage/{publication.pk}/compute/", follow=True)
    assert "已发布" in again.content.decode() or "frozen" in again.content.decode()


def test_another_province_cannot_compute_or_publish(client, quarter, other_province_user):
    publication = quarter[0]
    log_in(client, other_province_user)
    url = f"/complaints/publicity/manage/{publication.pk}/publish/"
    assert client.post(url).status_code == 404
    assert Publication.objects.get(pk=publication.pk).status == "draft"


def test_actions_are_recorded_on_drafts_not_in_the_future(client, quarter, province_user):
    publication = publicity.build(quarter[0])
    log_in(client, province_user)
    url = f"/complaints/publicity/manage/{publication.pk}/action/"
    future = (datetime.date.today() + datetime.timedelta(days=2)).isoformat()
    data = {"operator_name": "广州大型连锁美容有限公司", "kind": "interview",
            "description": "约谈负责人，责令整改", "taken_on": future}  # fmt: skip
    client.post(url, data)
    assert not publication.actions.exists()
    client.post(url, {**data, "taken_on": "2026-10-20"})
    assert publication.actions.get().kind == "interview"


def test_the_quarterly_job_drafts_every_unit_for_the_quarter_just_ended(quarter):
    assert publicity.previous_quarter(D(2026, 10, 1)) == (2026, 3)
    assert publicity.previous_quarter(D(2027, 1, 1)) == (2026, 4)
    built = publicity.draft_last_quarter(D(2026, 10, 1))
    assert built == ReportingUnit.objects.count()
    assert Publication.objects.get(pk=quarter[0].pk).rows.exists()
    assert publicity.quarter_days(2026, 4) == (D(2026, 10, 1), D(2026, 12, 31))
