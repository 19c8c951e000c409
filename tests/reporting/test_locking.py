"""Two people editing one draft: the second save is refused with the other's text, nothing lost."""

import pytest

from reporting.services.reports import NotEditable, StaleEdit, save_texts


def test_a_stale_save_is_refused_and_shows_the_other_text(zhejiang_report, other_province_user):
    loaded = zhejiang_report.lock_version
    save_texts(zhejiang_report, {"task-1": "第一位同事的文字"}, loaded, other_province_user)

    with pytest.raises(StaleEdit) as stale:
        save_texts(zhejiang_report, {"task-1": "第二位同事的文字"}, loaded, other_province_user)

    assert stale.value.current.texts["task-1"] == "第一位同事的文字"
    zhejiang_report.refresh_from_db()
    assert zhejiang_report.texts["task-1"] == "第一位同事的文字"
    assert zhejiang_report.lock_version == loaded + 1


def test_a_fresh_save_bumps_the_version(zhejiang_report, other_province_user):
    report = save_texts(zhejiang_report, {"task-2": "承诺"}, 1, other_province_user)
    report = save_texts(report, {"task-3": "监测"}, 2, other_province_user)

    assert report.lock_version == 3
    assert report.texts == {"task-2": "承诺", "task-3": "监测"}


def test_a_submitted_report_cannot_be_edited(guangdong_report, province_user):
    from reporting.services.reports import REPORT

    REPORT.apply(guangdong_report, "review", province_user)
    REPORT.apply(guangdong_report, "submit", province_user)
    guangdong_report.refresh_from_db()

    with pytest.raises(NotEditable):
        save_texts(guangdong_report, {"task-1": "x"}, guangdong_report.lock_version, province_user)
