"""Headquarters enter a year's holidays on a page; deadlines in it stop being provisional."""

import datetime

import pytest

from portal import workdays
from portal.holidays import HolidayCalendar, current_calendar, parse_entries
from portal.models import AuditEntry

pytestmark = pytest.mark.django_db
URL = "/holidays/"

# The 2027 days as a notice would list them (New Year's Day on a Friday, for the test's
# purpose a Saturday worked in January).
YEAR_2027 = """# 2027
2027-01-01, holiday, 元旦
2027-01-02\t休\t元旦
2027-01-09; 班; 调休
2027-02-05,holiday,春节
"""


@pytest.fixture
def announcements():
    received = []

    def receive(sender, year, version, **kwargs):
        received.append((year, version))

    workdays.calendar_changed.connect(receive)
    yield received
    workdays.calendar_changed.disconnect(receive)


def test_entering_2027_makes_a_december_2026_deadline_official(
    client_for, hq_user, announcements, django_capture_on_commit_callbacks
):
    before = workdays.deadline(datetime.date(2026, 12, 24), 7)
    assert (before.date, before.provisional) == (datetime.date(2027, 1, 5), True)
    client = client_for(hq_user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            URL, {"year": "2027", "source": "国办发明电〔2026〕X号", "days": YEAR_2027}
        )
    assert response.status_code == 302
    after = workdays.deadline(datetime.date(2026, 12, 24), 7)
    # 25, 28-31 Dec, then Saturday 9 Jan is worked: 4, 5 Jan.
    assert (after.date, after.provisional) == (datetime.date(2027, 1, 5), False)
    assert after.calendar_version != before.calendar_version
    assert workdays.is_working_day(datetime.date(2027, 1, 9))
    assert announcements == [(2027, after.calendar_version)]
    page = client.get(response["Location"])
    assert after.calendar_version in page.content.decode()


def test_a_correction_raises_the_revision_is_audited_and_announced(
    client_for, hq_user, announcements, django_capture_on_commit_callbacks
):
    client = client_for(hq_user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(URL, {"year": "2027", "days": YEAR_2027})
        client.post(URL, {"year": "2027", "days": YEAR_2027})  # the same again: no change
        client.post(URL, {"year": "2027", "days": YEAR_2027 + "2027-01-04,holiday,元旦\n"})
    calendar = HolidayCalendar.objects.get(year=2027)
    assert calendar.revision == 2
    assert [year for year, _version in announcements] == [2027, 2027]
    entries = AuditEntry.objects.filter(content_type__model="holidaycalendar")
    assert list(entries.order_by("id").values_list("action", "actor")) == [
        ("create", hq_user.pk),
        ("update", hq_user.pk),
    ]
    corrected = workdays.deadline(datetime.date(2026, 12, 24), 7)
    assert corrected.date == datetime.date(2027, 1, 6)  # Monday 4 Jan is now a day off
    assert current_calendar().version.endswith("+2027r2")


def test_errors_name_the_line_and_the_date_and_keep_the_text(client_for, hq_user):
    text = "\n".join(
        [
            "2027-01-01,holiday,元旦",
            "2027-02-30,holiday,春节",
            "2027-01-06,workday,调休",
            "2027-01-01,休",
            "2028-01-01,休",
        ]
    )
    response = client_for(hq_user).post(URL, {"year": "2027", "days": text})
    assert response.status_code == 200
    page = response.content.decode()
    assert "第 2 行：“2027-02-30”不是日期" in page
    assert "第 3 行：2027-01-06 是工作日" in page  # a Wednesday cannot be a working weekend
    assert "第 4 行：2027-01-01 已在第 1 行填写过" in page
    assert "第 5 行：2028-01-01 不在 2027 年内" in page
    assert "2027-02-30,holiday,春节" in page  # nothing typed is lost
    assert not HolidayCalendar.objects.exists()


def test_a_new_year_starts_from_the_regulations_days(client_for, hq_user):
    page = client_for(hq_user).get(URL, {"year": "2027"}).content.decode()
    assert "2027-02-05,holiday,春节" in page  # lunar New Year's Eve
    assert "2027-06-09,holiday,端午节" in page


def test_parse_accepts_chinese_kinds_and_sorts():
    rows = parse_entries("2027-02-20 , 班\n2027-02-05,休,春节", 2027)
    assert rows == [["2027-02-05", "holiday", "春节"], ["2027-02-20", "workday", ""]]


@pytest.mark.parametrize("role", ["province_user", "enterprise_user"])
def test_only_headquarters_reach_the_page(request, client_for, role):
    client = client_for(request.getfixturevalue(role))
    assert client.get(URL).status_code == 403
    assert client.post(URL, {"year": "2027", "days": YEAR_2027}).status_code == 403
    assert not HolidayCalendar.objects.exists()
