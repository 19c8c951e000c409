"""Submission freezes a snapshot: live data may change, the submitted version does not."""

from datetime import date

import pytest

from reporting.models import Measure, ReportVersion
from reporting.services.reports import REPORT


def add_training(unit, people):
    return Measure.objects.create(
        reporting_unit=unit,
        task=9,
        kind="training",
        name="家政服务员职业技能培训",
        people_trained=people,
        started_on=date(2019, 3, 1),
    )


def figure(snapshot, key):
    return next(f["value"] for f in snapshot["figures"] if f["key"] == key)


def test_live_changes_after_submission_do_not_touch_the_version(guangdong_report, province_user):
    add_training(guangdong_report.reporting_unit, 1200)
    REPORT.apply(guangdong_report, "review", province_user)
    version = REPORT.apply(guangdong_report, "submit", province_user).version

    add_training(guangdong_report.reporting_unit, 800)
    Measure.objects.update(name="改过的名称")

    version = ReportVersion.objects.get(pk=version.pk)
    assert figure(version.snapshot, "people_trained_9") == 1200
    assert figure(version.snapshot, "measures_9") == 1
    assert version.snapshot["measures"][0]["name"] == "家政服务员职业技能培训"
    assert version.snapshot["texts"]["task-1"].startswith("推动服务创新能力建设")


def test_a_version_cannot_be_changed_or_deleted(guangdong_report, province_user):
    REPORT.apply(guangdong_report, "review", province_user)
    version = REPORT.apply(guangdong_report, "submit", province_user).version

    version.snapshot["figures"] = []
    with pytest.raises(PermissionError):
        version.save()
    with pytest.raises(PermissionError):
        version.delete()


def test_measures_outside_the_period_are_left_out(guangdong_report, province_user):
    old = add_training(guangdong_report.reporting_unit, 50)
    old.started_on, old.ended_on = date(2018, 1, 1), date(2018, 6, 30)
    old.save()
    REPORT.apply(guangdong_report, "review", province_user)
    version = REPORT.apply(guangdong_report, "submit", province_user).version

    assert figure(version.snapshot, "measures_9") == 0
