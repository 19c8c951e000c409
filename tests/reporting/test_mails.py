"""Every e-mail of reporting, to a Chinese and an English reader, each in their language."""

from datetime import date

import pytest

from reporting.services.reports import REPORT
from tests import factories

from .conftest import run_schedule

ROUND = "2019年服务业质量提升专项行动进展情况报告"


@pytest.fixture
def guangdong_staff(db):
    """Two of Guangdong's staff: one reads Chinese, one English."""
    return (
        factories.provincial_user("440000", email="gd-zh@example.cn"),
        factories.provincial_user("440000", kind="drc", email="gd-en@example.com", language="en"),
    )


def mails_to(outbox, *addresses):
    return {m.to[0]: (m.subject, m.body.strip()) for m in outbox if m.to[0] in addresses}


def test_reminder_due_and_overdue_mails_are_in_each_readers_language(
    round_2019, guangdong_staff, mailoutbox
):
    staff = ("gd-zh@example.cn", "gd-en@example.com")
    run_schedule(date(2019, 11, 1))
    assert mails_to(mailoutbox, *staff) == {
        "gd-zh@example.cn": (
            f"提醒：{ROUND} 将于 2019-11-30 截止",
            "广东省：进展情况报告将于 30 天后（2019-11-30）截止报送。",
        ),
        "gd-en@example.com": (
            f"Reminder: {ROUND} is due on 2019-11-30",
            "Guangdong: the progress report is due in 30 days (2019-11-30).",
        ),
    }
    mailoutbox.clear()
    run_schedule(date(2019, 11, 30))
    assert mails_to(mailoutbox, *staff) == {
        "gd-zh@example.cn": (
            f"今日截止：{ROUND}",
            "广东省：进展情况报告今日（2019-11-30）截止报送。",
        ),
        "gd-en@example.com": (
            f"Due today: {ROUND}",
            "Guangdong: the progress report is due today (2019-11-30).",
        ),
    }
    mailoutbox.clear()
    run_schedule(date(2019, 12, 1))
    assert mails_to(mailoutbox, *staff) == {
        "gd-zh@example.cn": (
            f"已逾期：{ROUND}",
            "广东省：进展情况报告应于 2019-11-30 前报送，现已逾期。",
        ),
        "gd-en@example.com": (
            f"Overdue: {ROUND}",
            "Guangdong: the progress report was due on 2019-11-30 and is overdue.",
        ),
    }


def test_headquarters_hears_of_overdue_units_in_its_language(round_2019, mailoutbox):
    factories.headquarters_user(email="hq-zh@example.cn")
    factories.headquarters_user(email="hq-en@example.com", language="en")
    run_schedule(date(2019, 11, 1))
    run_schedule(date(2019, 12, 1))

    mails = mails_to(mailoutbox, "hq-zh@example.cn", "hq-en@example.com")
    assert mails["hq-zh@example.cn"][0] == f"逾期未报送报告：{ROUND}"
    assert mails["hq-en@example.com"][0] == f"Overdue reports: {ROUND}"
    assert mails["hq-en@example.com"][1].startswith("Beijing, Tianjin, Hebei")
    assert mails["hq-zh@example.cn"][1].startswith("北京市、天津市、河北省")


def test_a_returned_report_is_mailed_in_each_readers_language(
    guangdong_report, guangdong_staff, hq_user, mailoutbox, django_capture_on_commit_callbacks
):
    province_user = guangdong_staff[0]
    REPORT.apply(guangdong_report, "review", province_user)
    REPORT.apply(guangdong_report, "submit", province_user)
    with django_capture_on_commit_callbacks(execute=True):
        REPORT.apply(guangdong_report, "return", hq_user, reason="请补充第三部分的数据来源")

    assert mails_to(mailoutbox, "gd-zh@example.cn", "gd-en@example.com") == {
        "gd-zh@example.cn": (
            f"{ROUND}：已退回（附意见）",
            f"{ROUND}：已退回（附意见）\n\n请补充第三部分的数据来源",
        ),
        "gd-en@example.com": (
            f"{ROUND}: Returned with comments",
            f"{ROUND}: Returned with comments\n\n请补充第三部分的数据来源",
        ),
    }
