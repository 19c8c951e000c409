"""Reporting rounds, their milestones (schedules as data) and what the schedule has done."""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.scoping import Scope

from ..catalogue import default_sections

MIN_PERIOD_DAYS = 28  # the shortest period a progress report can sensibly cover


class Round(models.Model):
    """One reporting round: the period covered, the due date and the report's sections."""

    title = models.CharField(_("title"), max_length=200)
    period_start = models.DateField(_("period covered from"))
    period_end = models.DateField(_("period covered to"))
    opens_on = models.DateField(_("opens on"))
    due_date = models.DateField(_("due date"))
    sections = models.JSONField(
        _("sections"),
        default=default_sections,
        help_text=_("The report's sections in order: key, title and whether text is required."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    scope = Scope(everyone=True)

    class Meta:
        ordering = ["-due_date"]
        verbose_name = _("reporting round")
        verbose_name_plural = _("reporting rounds")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("reporting:round", args=[self.pk])

    def clean(self):
        errors = {**self._year_errors(), **self._order_errors()}
        if errors:
            raise ValidationError(errors)

    def _year_errors(self):
        """Dates outside PORTAL_ROUND_FIRST_YEAR .. this year + PORTAL_ROUND_YEARS_AHEAD."""
        first = settings.PORTAL_ROUND_FIRST_YEAR
        last = timezone.localdate().year + settings.PORTAL_ROUND_YEARS_AHEAD
        message = _("The year must lie between %(first)d and %(last)d.")
        return {
            name: message % {"first": first, "last": last}
            for name in ("period_start", "period_end", "opens_on", "due_date")
            if getattr(self, name) and not first <= getattr(self, name).year <= last
        }

    def _order_errors(self):
        errors = {}
        start, end, opens, due = self.period_start, self.period_end, self.opens_on, self.due_date
        minimum = timedelta(days=MIN_PERIOD_DAYS - 1)
        if start and end and end < start + minimum:
            errors["period_end"] = _("The period must cover at least %(days)d days.") % {
                "days": MIN_PERIOD_DAYS
            }
        if end and opens and opens <= end:
            errors["opens_on"] = _("The round must open after the period it covers ends.")
        if opens and due and due <= opens:
            errors["due_date"] = _("The due date must come after the opening date.")
        return errors

    def section_titles(self):
        """{key: title} of this round's sections."""
        return {section["key"]: section["title"] for section in self.sections}


class Milestone(models.Model):
    """Something the daily schedule does for a round on a date."""

    class Kind(models.TextChoices):
        OPEN = "open", _("Opening: drafts for every unit")
        REMINDER = "reminder", _("Reminder")
        DUE = "due", _("Due date")
        OVERDUE = "overdue", _("Overdue escalation")
        SUMMARY = "summary", _("National summary compilation")

    # Order within a day: open before reminding, remind before compiling.
    SEQUENCE = {"open": 0, "reminder": 1, "due": 2, "overdue": 3, "summary": 4}
    # Milestones that e-mail the unit's staff.
    NOTIFYING = ("reminder", "due", "overdue")

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="milestones")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    on = models.DateField(_("date"))
    days_before_due = models.IntegerField(_("days before the due date"), default=0)

    scope = Scope(everyone=True)

    class Meta:
        ordering = ["round", "on", "kind"]
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        constraints = [
            models.UniqueConstraint(fields=["round", "kind", "on"], name="one_milestone_per_day")
        ]

    def __str__(self):
        return f"{self.round} · {self.get_kind_display()} · {self.on}"


def default_milestones(opens_on, due_date):
    """(kind, date, days before due) of a round: open, reminders 30/7/1, due, overdue, summary."""
    rows = [("open", opens_on, (due_date - opens_on).days)]
    rows += [("reminder", due_date - timedelta(days=days), days) for days in (30, 7, 1)]
    rows += [("due", due_date, 0), ("overdue", due_date + timedelta(days=1), -1)]
    rows.append(("summary", due_date + timedelta(days=1), -1))
    return rows


class MilestoneAction(models.Model):
    """A milestone done for one unit (or the whole round): the schedule's idempotency record."""

    class Outcome(models.TextChoices):
        DONE = "done", _("Done")
        SENT = "sent", _("Sent")
        SKIPPED = "skipped", _("Skipped")

    milestone = models.ForeignKey(Milestone, on_delete=models.CASCADE, related_name="actions")
    reporting_unit = models.ForeignKey(
        "portal.ReportingUnit", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices)
    detail = models.CharField(_("detail"), max_length=300, blank=True)
    done_at = models.DateTimeField(_("done at"), auto_now_add=True)

    scope = Scope(headquarters_only=True)

    class Meta:
        ordering = ["-done_at"]
        verbose_name = _("milestone action")
        verbose_name_plural = _("milestone actions")
        constraints = [
            models.UniqueConstraint(
                fields=["milestone", "reporting_unit"], name="milestone_done_once_per_unit"
            ),
            models.UniqueConstraint(
                fields=["milestone"],
                condition=models.Q(reporting_unit__isnull=True),
                name="milestone_done_once_per_round",
            ),
        ]

    def __str__(self):
        return f"{self.milestone} · {self.reporting_unit or '—'} · {self.outcome}"


class NationalSummary(models.Model):
    """The national summary of a round, compiled from the units' frozen snapshots."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="summaries")
    compiled_at = models.DateTimeField(_("compiled at"), auto_now_add=True)
    data = models.JSONField(_("data"), default=dict)
    pdf = models.FileField(_("PDF"), upload_to="reporting/summaries/%Y/", blank=True)

    scope = Scope(headquarters_only=True)

    class Meta:
        ordering = ["-compiled_at"]
        get_latest_by = "compiled_at"
        verbose_name = _("national summary")
        verbose_name_plural = _("national summaries")

    def __str__(self):
        return f"{self.round} · {self.compiled_at:%Y-%m-%d %H:%M}"
