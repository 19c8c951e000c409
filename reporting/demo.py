"""Demo data: the 2019 round open for every unit, reports in every status, measures recorded."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from .catalogue import ATTACHMENTS
from .models import Measure, ProgressReport, Round
from .services import schedule
from .services.reports import REPORT

CST = ZoneInfo("Asia/Shanghai")
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
# username: steps, each (action, actor username, comment, when)
STORIES = {
    "zhejiang": [("submit", "zhejiang", "", 20), ("accept", "samr", "", 25)],
    "beijing": [
        ("submit", "beijing", "", 22),
        ("return", "ndrc", "请补充典型经验的具体数据。", 26),
    ],
    "sichuan": [("submit", "sichuan", "", 29)],
    "shenzhen": [("review", "shenzhen", "", 18)],
}


def seed(demo):
    """Open the 2019 round, record measures, and move some reports through the workflow."""
    round_ = Round.objects.get(due_date=date(2019, 11, 30))
    opening = round_.milestones.get(kind="open")
    schedule.open_round(opening)
    for username in ("guangdong", "zhejiang", "beijing", "sichuan", "shenzhen"):
        user = demo.users[username]
        _measures(user.reporting_unit)
        report = ProgressReport.objects.get(round=round_, reporting_unit=user.reporting_unit)
        if report.status_changes.exists():
            continue
        _write(report, complete=username != "guangdong")
        for action, actor, comment, day in STORIES.get(username, []):
            _step(report, action, demo.users[actor], comment, day)


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


def _step(report, action, user, comment, day):
    when = datetime(2019, 11, day, 10, 0, tzinfo=CST)
    if action == "submit":
        REPORT.apply(report, "review", user, at=when)
    REPORT.apply(report, action, user, reason=comment, at=when)
