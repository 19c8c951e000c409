"""The report workflow: allowed and refused transitions, missing sections, late flag."""

import pytest

from portal.workflow import TransitionRefused
from reporting.models import ReportStatusChange, ReportVersion
from reporting.services.reports import REPORT


def submit(report, user):
    REPORT.apply(report, "review", user)
    return REPORT.apply(report, "submit", user)


def test_draft_reviewed_submitted_returned_resubmitted_accepted(
    guangdong_report, province_user, hq_user
):
    submit(guangdong_report, province_user)
    REPORT.apply(guangdong_report, "return", hq_user, reason="请补充第三部分的数据来源。")
    REPORT.apply(guangdong_report, "resubmit", province_user)
    REPORT.apply(guangdong_report, "accept", hq_user)

    guangdong_report.refresh_from_db()
    assert guangdong_report.status == "accepted"
    assert ReportVersion.objects.filter(report=guangdong_report).count() == 2
    steps = list(ReportStatusChange.objects.filter(report=guangdong_report).order_by("at", "id"))
    assert [s.action for s in steps] == ["review", "submit", "return", "resubmit", "accept"]
    assert steps[2].actor == hq_user and steps[2].reason == "请补充第三部分的数据来源。"


def test_submitting_after_the_due_date_is_flagged_late(guangdong_report, province_user):
    change = submit(guangdong_report, province_user)

    assert change.version.is_late  # the tests run long after 2019-11-30
    guangdong_report.refresh_from_db()
    assert guangdong_report.is_late


def test_resubmission_after_acceptance_is_refused(guangdong_report, province_user, hq_user):
    submit(guangdong_report, province_user)
    REPORT.apply(guangdong_report, "accept", hq_user)

    for action in ("resubmit", "submit", "return"):
        user = hq_user if action == "return" else province_user
        with pytest.raises(TransitionRefused, match="已被接收"):
            REPORT.apply(guangdong_report, action, user)


def test_submitting_with_empty_sections_lists_what_is_missing(zhejiang_report, other_province_user):
    zhejiang_report.texts = {"task-1": "已开展试点。"}
    zhejiang_report.save()
    REPORT.apply(zhejiang_report, "review", other_province_user)

    with pytest.raises(TransitionRefused) as refused:
        REPORT.apply(zhejiang_report, "submit", other_province_user)

    assert "推动服务创新能力建设" not in refused.value.missing
    assert refused.value.missing[:2] == ["激发企业质量提升动力", "开展服务质量监测"]
    assert "存在问题和下一步工作" in refused.value.missing
    assert "附件" not in refused.value.missing
    assert not ReportVersion.objects.exists()


def test_returning_needs_a_comment(guangdong_report, province_user, hq_user):
    submit(guangdong_report, province_user)

    with pytest.raises(TransitionRefused, match="reason|理由"):
        REPORT.apply(guangdong_report, "return", hq_user, reason="  ")


@pytest.mark.parametrize("action", ["accept", "return"])
def test_provincial_staff_cannot_decide_on_their_own_report(
    guangdong_report, province_user, action
):
    submit(guangdong_report, province_user)

    with pytest.raises(TransitionRefused):
        REPORT.apply(guangdong_report, action, province_user, reason="好")


def test_headquarters_cannot_submit_for_a_unit(guangdong_report, hq_user):
    with pytest.raises(TransitionRefused):
        REPORT.apply(guangdong_report, "review", hq_user)


def test_another_unit_cannot_move_the_report(guangdong_report, other_province_user):
    with pytest.raises(TransitionRefused):
        REPORT.apply(guangdong_report, "review", other_province_user)


def test_submitting_a_draft_that_was_not_reviewed_is_refused(guangdong_report, province_user):
    with pytest.raises(TransitionRefused, match="Draft|草稿"):
        REPORT.apply(guangdong_report, "submit", province_user)


def test_offered_actions_follow_the_declaration(guangdong_report, province_user, hq_user):
    assert [t.action for t in REPORT.offered(guangdong_report, province_user)] == ["review"]
    assert REPORT.offered(guangdong_report, hq_user) == []
