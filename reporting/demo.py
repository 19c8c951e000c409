"""Demo data: the 2019, 2020 and present rounds open for every unit, measures recorded, and
reports moved through the workflow on the dates of the campaign's story.

In 2019 Zhejiang submits early and is accepted; Beijing is returned with headquarters'
comment, resubmits before the due date and is accepted; Shenzhen submits on the last day and
Sichuan after the due date (late by Beijing time). In 2020 a few units submit. The present
round (the newest opened by today, see ``portal.demo.present_period``) has one report
accepted, one submitted, one returned with its comment waiting to be read, and drafts.
"""

from datetime import date, timedelta

from django.utils import timezone

from portal.demo import moment, present_period

from .catalogue import ATTACHMENTS
from .models import Measure, ProgressReport, Round
from .services import rounds, schedule
from .services.reports import REPORT

TEXT = (
    "{unit}成立服务业质量提升专项行动领导小组，制定实施方案，明确任务分工和时间节点，"
    "围绕“{title}”组织开展专项工作，定期调度进展，推动各项措施落地见效。"
)
MEASURES = [
    (1, "platform", "检验检测认证公共服务平台", {"platforms": 3}),
    (1, "pilot", "服务质量提升试点", {"pilots": 5}),
    (9, "training", "家政服务员职业技能培训", {"people_trained": 12800}),
    (10, "brand", "服务品牌培育平台", {"platforms": 2}),
    (12, "evaluation_body", "第三方服务质量评价机构", {"bodies": 4}),
]
UNITS = ("guangdong", "zhejiang", "beijing", "sichuan", "shenzhen")
RETURN_COMMENT = "请补充典型经验的具体数据。"
# Each round's story, by unit: steps (action, actor username, comment, when). In the 2019
# and 2020 rounds "when" is (year, month, day, hour, minute) at Beijing time; in the present
# round it is days after the round opens, and steps not yet due today are left out.
STORIES = {
    date(2019, 11, 30): {
        "zhejiang": [
            ("review", "zhejiang", "", (2019, 11, 18, 9, 30)),
            ("submit", "zhejiang", "", (2019, 11, 20, 10, 0)),
            ("accept", "samr", "", (2019, 11, 25, 15, 0)),
        ],
        "beijing": [
            ("review", "beijing", "", (2019, 11, 21, 16, 0)),
            ("submit", "beijing", "", (2019, 11, 22, 10, 0)),
            ("return", "ndrc", RETURN_COMMENT, (2019, 11, 26, 11, 0)),
            ("resubmit", "beijing", "", (2019, 11, 29, 17, 30)),
            ("accept", "samr", "", (2019, 12, 3, 10, 0)),
        ],
        "shenzhen": [
            ("review", "shenzhen", "", (2019, 11, 28, 9, 0)),
            ("submit", "shenzhen", "", (2019, 11, 30, 16, 0)),
        ],
        "sichuan": [
            ("review", "sichuan", "", (2019, 12, 4, 15, 0)),
            ("submit", "sichuan", "", (2019, 12, 5, 9, 0)),
        ],
    },
    date(2020, 11, 30): {
        "zhejiang": [
            ("review", "zhejiang", "", (2020, 11, 13, 10, 0)),
            ("submit", "zhejiang", "", (2020, 11, 16, 10, 0)),
            ("accept", "samr", "", (2020, 11, 20, 15, 0)),
        ],
        "beijing": [
            ("review", "beijing", "", (2020, 11, 26, 10, 0)),
            ("submit", "beijing", "", (2020, 11, 27, 10, 0)),
        ],
        "sichuan": [
            ("review", "sichuan", "", (2020, 12, 1, 10, 0)),
            ("submit", "sichuan", "", (2020, 12, 2, 10, 0)),
        ],
    },
    "present": {
        "zhejiang": [
            ("review", "zhejiang", "", 8),
            ("submit", "zhejiang", "", 9),
            ("accept", "samr", "", 15),
        ],
        "shenzhen": [("review", "shenzhen", "", 12), ("submit", "shenzhen", "", 13)],
        "sichuan": [
            ("review", "sichuan", "", 5),
            ("submit", "sichuan", "", 6),
            ("return", "ndrc", "请补充本年度服务质量监测结果的分析。", 10),
        ],
        "beijing": [("review", "beijing", "", 14)],
    },
}


def seed(demo):
    """Open the rounds, record measures, and tell each round's story."""
    for username in UNITS:
        _measures(demo.users[username].reporting_unit)
    present = present_round()
    for round_ in Round.objects.filter(due_date__in=[date(2019, 11, 30), date(2020, 11, 30)]):
        _tell(demo, round_, STORIES[round_.due_date], _fixed)
    if present.due_date not in STORIES:
        _tell(demo, present, STORIES["present"], lambda when: _after_opening(present, when))


def present_round():
    """The round of the present campaign year, as the defaults run (created if missing)."""
    start, end = present_period()
    due = date(end.year, 11, 30)
    round_ = Round.objects.filter(due_date=due).first()
    if round_ is None:
        round_ = rounds.create_round(
            Round(
                title=f"{end.year}年服务业质量提升专项行动进展情况报告",
                period_start=start,
                period_end=end,
                opens_on=date(end.year, 11, 1),
                due_date=due,
            )
        )
    return round_


def _fixed(when):
    return moment(date(*when[:3]), *when[3:])


def _after_opening(round_, days):
    return moment(round_.opens_on + timedelta(days=days))


def _tell(demo, round_, story, when_of):
    schedule.open_round(round_.milestones.get(kind="open"))
    now = timezone.now()
    for username in UNITS:
        report = ProgressReport.objects.get(
            round=round_, reporting_unit=demo.users[username].reporting_unit
        )
        if report.status_changes.exists():
            continue
        _write(report, complete=username != "guangdong")
        for action, actor, comment, when in story.get(username, []):
            at = when_of(when)
            if at > now:
                break
            REPORT.apply(report, action, demo.users[actor], reason=comment, at=at)


def _measures(unit):
    for task, kind, name, figures in MEASURES:
        Measure.objects.get_or_create(
            reporting_unit=unit,
            name=f"{unit.name}{name}",
            defaults={"task": task, "kind": kind, "started_on": date(2019, 3, 1), **figures},
        )


def _write(report, complete):
    sections = [s for s in report.round.sections if s["key"] != ATTACHMENTS]
    sections = sections if complete else sections[:8]
    unit = report.reporting_unit.name
    report.texts = {s["key"]: TEXT.format(unit=unit, title=s["title"]) for s in sections}
    report.save()
