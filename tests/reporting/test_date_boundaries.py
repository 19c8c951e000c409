"""Both sides of every date boundary: the due date (Beijing time), pledge periods, certificates.

The round's own date rules are in tests/portal/test_api_contract.py.
"""

import datetime
import zoneinfo

import pytest
from django.core.exceptions import ValidationError

from enterprises.services.certificates import check_dates, expire
from enterprises.services.pledges import check_period
from reporting.services.pdfs import chinese_date
from reporting.services.reports import freeze
from tests.factories import certificate
from tests.scope_objects import enterprise

BEIJING = zoneinfo.ZoneInfo("Asia/Shanghai")
DAY = datetime.timedelta(days=1)


@pytest.mark.parametrize(
    ("moment", "late"),
    [
        (datetime.datetime(2019, 11, 30, 23, 59, 59, tzinfo=BEIJING), False),
        (datetime.datetime(2019, 12, 1, 0, 0, 0, tzinfo=BEIJING), True),
        # 16:00 UTC on the due date is already the next day in Beijing.
        (datetime.datetime(2019, 11, 30, 15, 59, 59, tzinfo=datetime.UTC), False),
        (datetime.datetime(2019, 11, 30, 16, 0, 0, tzinfo=datetime.UTC), True),
    ],
)
def test_a_report_is_late_from_the_first_second_after_the_due_date_in_beijing(
    guangdong_report, province_user, moment, late
):
    assert freeze(guangdong_report, province_user, moment).is_late is late


def test_a_pledge_period_may_end_on_its_first_day_but_not_before():
    start = datetime.date(2019, 1, 1)
    check_period(start, start)
    with pytest.raises(ValidationError):
        check_period(start, start - DAY)


def test_a_certificate_must_expire_after_the_day_it_was_issued():
    issued = datetime.date(2019, 1, 10)
    check_dates(issued, issued + DAY)
    with pytest.raises(ValidationError):
        check_dates(issued, issued)


@pytest.mark.django_db
def test_a_certificate_is_valid_on_its_last_day_and_expired_the_day_after():
    today = datetime.date(2022, 1, 9)
    last_day = certificate(enterprise("440000"), expires_on=today)
    past = certificate(enterprise("440000"), expires_on=today - DAY)
    assert expire(today) == 1
    last_day.refresh_from_db()
    past.refresh_from_db()
    assert (last_day.status, past.status) == ("valid", "expired")


@pytest.mark.parametrize(
    ("moment", "printed"),
    [
        ("2019-12-01T21:42:00+00:00", "2019年12月2日"),  # 05:42 on 2 December in Beijing
        ("2019-12-01T15:59:59+00:00", "2019年12月1日"),
        ("2019-12-02T05:42:00+08:00", "2019年12月2日"),
        ("2019-12-02", "2019年12月2日"),
    ],
)
def test_documents_are_dated_by_the_beijing_day(moment, printed):
    assert chinese_date(moment) == printed
