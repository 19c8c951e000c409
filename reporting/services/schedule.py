"""The daily schedule: do what every round's milestones ask, up to a date, exactly once.

Each milestone done for a unit (or for the whole round) is recorded in
``MilestoneAction`` under a unique constraint, in the same transaction as
the work, so a repeated run does nothing twice and a missed day is caught up.
Of several reminders due at once only the latest is sent; the earlier ones
are recorded as superseded. A notice more than REPORTING_NOTICE_CATCH_UP_DAYS
old is superseded too, so a fresh installation does not mail years-old
reminders for past rounds.
"""

from collections import Counter
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from portal import mail
from portal.models import ReportingUnit

from ..models import Milestone, MilestoneAction, ProgressReport, Status
from . import summary
from .reports import live_figures

Outcome = MilestoneAction.Outcome
DONE_STATUSES = (Status.SUBMITTED, Status.ACCEPTED)
MILESTONE_MAIL = {
    Milestone.Kind.REMINDER: "report_reminder",
    Milestone.Kind.DUE: "report_due",
    Milestone.Kind.OVERDUE: "report_overdue",
}


def run(on):
    """Do every milestone dated on or before ``on`` that is not done yet; counts by kind.

    A round's opening comes first, so a reminder dated before it still finds the drafts.
    """
    milestones = sorted(
        Milestone.objects.filter(on__lte=on).select_related("round"),
        key=lambda m: (m.round.due_date, m.kind != "open", m.on, Milestone.SEQUENCE[m.kind]),
    )
    latest_notice = {}
    for milestone in milestones:
        if milestone.kind in Milestone.NOTIFYING:
            latest_notice[milestone.round_id] = milestone.pk
    stale_before = on - timedelta(days=settings.REPORTING_NOTICE_CATCH_UP_DAYS)
    counts = Counter()
    for milestone in milestones:
        superseded = (
            latest_notice.get(milestone.round_id, milestone.pk) != milestone.pk
            or milestone.on < stale_before
        )
        if milestone.kind in Milestone.NOTIFYING and superseded:
            counts["superseded"] += _supersede(milestone)
        else:
            counts[milestone.kind] += HANDLERS[milestone.kind](milestone)
    return dict(counts)


def _done_units(milestone):
    return set(milestone.actions.values_list("reporting_unit_id", flat=True))


def _once(milestone, unit, work):
    """Record the milestone as done for the unit and do the work, both or neither."""
    try:
        with transaction.atomic():
            outcome, detail = work()
            MilestoneAction.objects.create(
                milestone=milestone, reporting_unit=unit, outcome=outcome, detail=detail[:300]
            )
    except IntegrityError:  # another run did it first
        return 0
    return 1 if outcome != Outcome.SKIPPED else 0


def open_round(milestone):
    """Open a draft, figures filled in, for every unit that has none yet."""
    round_ = milestone.round
    done = _done_units(milestone)
    existing = set(round_.reports.values_list("reporting_unit_id", flat=True))
    opened = 0
    for unit in ReportingUnit.objects.exclude(pk__in=done).order_by("code"):
        opened += _once(milestone, unit, lambda unit=unit: _open_one(round_, unit, existing))
    return opened


def _open_one(round_, unit, existing):
    if unit.pk in existing:
        return Outcome.SKIPPED, _("A report already exists.")
    report = ProgressReport(round=round_, reporting_unit=unit, figures_at=timezone.now())
    report.figures = live_figures(report)
    report.save()
    return Outcome.DONE, ""


def remind(milestone):
    """E-mail the staff of every unit whose report is not submitted; flag overdue ones."""
    done = _done_units(milestone)
    reports = milestone.round.reports.exclude(reporting_unit_id__in=done).select_related(
        "reporting_unit"
    )
    sent = sum(
        _once(milestone, r.reporting_unit, lambda r=r: _remind_one(milestone, r)) for r in reports
    )
    if milestone.kind == Milestone.Kind.OVERDUE and None not in done:
        _once(milestone, None, lambda: _escalate(milestone))
    return sent


def _remind_one(milestone, report):
    if report.status in DONE_STATUSES:
        return Outcome.SKIPPED, _("Already submitted.")
    if milestone.kind == Milestone.Kind.OVERDUE:
        report.is_overdue = True
        report.save(update_fields=["is_overdue", "updated_at"])
    days_left = (milestone.round.due_date - milestone.on).days
    context = {"round": milestone.round, "unit": report.reporting_unit, "days": days_left}
    name = MILESTONE_MAIL[milestone.kind]
    if not mail.send(name, mail.unit_staff(report.reporting_unit), context):
        return Outcome.SKIPPED, _("No staff e-mail address.")
    return Outcome.SENT, _subject(name, context)


def _escalate(milestone):
    """Tell headquarters which units are overdue."""
    round_ = milestone.round
    overdue = round_.reports.filter(is_overdue=True).order_by("reporting_unit__code")
    context = {"round": round_, "overdue": list(overdue.select_related("reporting_unit"))}
    mail.send("overdue_reports", mail.headquarters_staff(), context)
    return Outcome.SENT, _subject("overdue_reports", context)


def _subject(name, context):
    """The subject as recorded with the milestone, in the language the schedule runs in."""
    return mail.render(name, translation.get_language(), context)[0]


def _supersede(milestone):
    """Record a reminder as superseded by a later one due at the same time."""
    if not milestone.actions.exists():
        _once(milestone, None, lambda: (Outcome.SKIPPED, _("Superseded by a later reminder.")))
    return 0


def compile_summary(milestone):
    """Compile the national summary once, after the due date."""
    if milestone.actions.exists():
        return 0

    def work():
        summary.compile_summary(milestone.round)
        return Outcome.DONE, ""

    return _once(milestone, None, work)


HANDLERS = {
    Milestone.Kind.OPEN: open_round,
    Milestone.Kind.REMINDER: remind,
    Milestone.Kind.DUE: remind,
    Milestone.Kind.OVERDUE: remind,
    Milestone.Kind.SUMMARY: compile_summary,
}
