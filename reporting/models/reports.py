"""Progress reports, their frozen versions, workflow log, measures and attachments."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.limits import PLEDGE_TEXT, text_limit
from portal.models import StatusLog
from portal.scoping import Scope
from portal.uploads import private_storage

from ..catalogue import MEASURE_TASKS, TASKS


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    REVIEWED = "reviewed", _("Internally reviewed")
    SUBMITTED = "submitted", _("Submitted")
    RETURNED = "returned", _("Returned with comments")
    ACCEPTED = "accepted", _("Accepted")


class ProgressReport(models.Model):
    """One unit's report in one round: live figures and narratives until submitted."""

    round = models.ForeignKey("reporting.Round", on_delete=models.PROTECT, related_name="reports")
    reporting_unit = models.ForeignKey(
        "portal.ReportingUnit",
        verbose_name=_("reporting unit"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    lock_version = models.PositiveIntegerField(_("edit version"), default=1)
    texts = models.JSONField(_("narratives"), default=dict, blank=True)
    figures = models.JSONField(_("figures"), default=list, blank=True)
    figures_at = models.DateTimeField(_("figures computed at"), null=True, blank=True)
    is_overdue = models.BooleanField(_("overdue"), default=False)
    submitted_at = models.DateTimeField(_("last submitted"), null=True, blank=True)
    is_late = models.BooleanField(_("submitted late"), default=False)
    updated_at = models.DateTimeField(_("last saved"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    scope = Scope(jurisdiction="reporting_unit")

    class Meta:
        ordering = ["round", "reporting_unit__code"]
        verbose_name = _("progress report")
        verbose_name_plural = _("progress reports")
        constraints = [
            models.UniqueConstraint(fields=["round", "reporting_unit"], name="one_report_per_round")
        ]
        indexes = [models.Index(fields=["round", "status"])]

    def __str__(self):
        return f"{self.reporting_unit} · {self.round}"

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("reporting:report", args=[self.pk])

    @property
    def is_editable(self):
        return self.status in (Status.DRAFT, Status.RETURNED)


class ReportVersion(models.Model):
    """A submission: the frozen snapshot of every figure and text. Never changed afterwards."""

    report = models.ForeignKey(ProgressReport, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    snapshot = models.JSONField(_("snapshot"))
    submitted_at = models.DateTimeField(_("submitted at"))
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    is_late = models.BooleanField(_("late"), default=False)
    pdf = models.FileField(_("PDF"), upload_to="reporting/pdfs/%Y/", blank=True)

    scope = Scope(jurisdiction="report__reporting_unit")

    class Meta:
        ordering = ["report", "-number"]
        get_latest_by = "number"
        verbose_name = _("report version")
        verbose_name_plural = _("report versions")
        constraints = [
            models.UniqueConstraint(fields=["report", "number"], name="one_version_number")
        ]

    def __str__(self):
        return f"{self.report} · v{self.number}"

    def save(self, *args, **kwargs):
        if self.pk is not None and set(kwargs.get("update_fields") or ()) != {"pdf"}:
            raise PermissionError("A submitted version is frozen; only its PDF may be stored.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("Submitted versions are kept.")


class ReportStatusChange(StatusLog):
    """One change of a report's status (portal.workflow); a submission names its version."""

    report = models.ForeignKey(
        ProgressReport, on_delete=models.CASCADE, related_name="status_changes"
    )
    version = models.ForeignKey(
        ReportVersion, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    scope = Scope(jurisdiction="report__reporting_unit")

    class Meta(StatusLog.Meta):
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")


class Measure(models.Model):
    """A measure a unit took for a task with no app of its own (tasks 1, 9, 10, 12)."""

    class Kind(models.TextChoices):
        PILOT = "pilot", _("Pilot")
        PLATFORM = "platform", _("Public service platform")
        NETWORK = "network", _("Online-offline service network")
        TRAINING = "training", _("Training programme")
        BRAND = "brand", _("Brand-building platform")
        EVALUATION_BODY = "evaluation_body", _("Evaluation body")
        OTHER = "other", _("Other")

    reporting_unit = models.ForeignKey(
        "portal.ReportingUnit",
        verbose_name=_("reporting unit"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    task = models.PositiveSmallIntegerField(
        _("task"), choices=[(n, f"{n} {TASKS[n][0]}") for n in MEASURE_TASKS]
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True, **text_limit(PLEDGE_TEXT))
    pilots = models.PositiveIntegerField(_("pilots"), default=0)
    platforms = models.PositiveIntegerField(_("platforms"), default=0)
    people_trained = models.PositiveIntegerField(_("people trained"), default=0)
    bodies = models.PositiveIntegerField(_("bodies"), default=0)
    started_on = models.DateField(_("started on"))
    ended_on = models.DateField(_("ended on"), null=True, blank=True)

    scope = Scope(jurisdiction="reporting_unit")

    class Meta:
        ordering = ["reporting_unit__code", "task", "started_on"]
        verbose_name = _("measure")
        verbose_name_plural = _("measures")
        indexes = [models.Index(fields=["reporting_unit", "task", "started_on"])]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("reporting:measure_edit", args=[self.pk])


class Attachment(models.Model):
    """A file attached to a report, accepted and stored privately by ``portal.uploads``."""

    report = models.ForeignKey(ProgressReport, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(
        _("file"), storage=private_storage, upload_to="reporting/attachments/%Y/"
    )
    name = models.CharField(_("name"), max_length=200)
    content_kind = models.CharField(_("type"), max_length=10)
    size = models.PositiveIntegerField(_("size (bytes)"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    scope = Scope(jurisdiction="report__reporting_unit")

    class Meta:
        ordering = ["uploaded_at"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self):
        return self.name
