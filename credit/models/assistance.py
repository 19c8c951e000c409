"""Working across jurisdictions (协查): assistance between units and shared problem notices.

Rows here belong to two units at once (the asking and the asked, the sharing and the
receiving): their scope names both paths, so each side sees the thread.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.limits import NAME, REASON, text_limit
from portal.models import StatusLog
from portal.scoping import Scope
from portal.uploads import private_storage


class OperatingSite(models.Model):
    """A place where an enterprise operates in a unit other than the one it is registered in."""

    enterprise = models.ForeignKey(
        "enterprises.Enterprise",
        verbose_name=_("enterprise"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    reporting_unit = models.ForeignKey(
        "portal.ReportingUnit",
        verbose_name=_("reporting unit"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    address = models.CharField(_("address"), max_length=300)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    scope = Scope(jurisdiction=("reporting_unit", "enterprise__reporting_unit"))

    class Meta:
        ordering = ["enterprise", "reporting_unit__code"]
        verbose_name = _("operating site")
        verbose_name_plural = _("operating sites")
        constraints = [
            models.UniqueConstraint(
                fields=["enterprise", "reporting_unit"], name="one_site_per_unit"
            )
        ]

    def __str__(self):
        return f"{self.enterprise} · {self.reporting_unit}"


class AssistanceRequest(models.Model):
    """A unit asks another for assistance on an enterprise registered or operating there."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for an answer")
        ANSWERED = "answered", _("Answered")
        CLOSED = "closed", _("Closed")

    enterprise = models.ForeignKey(
        "enterprises.Enterprise",
        verbose_name=_("enterprise"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    from_unit = models.ForeignKey(
        "portal.ReportingUnit",
        verbose_name=_("asking unit"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    to_unit = models.ForeignKey(
        "portal.ReportingUnit",
        verbose_name=_("asked unit"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    subject = models.CharField(_("subject"), max_length=NAME)
    request = models.TextField(_("what is asked"), **text_limit(REASON))
    working_days = models.PositiveSmallIntegerField(_("working days to answer"), default=10)
    due = models.DateField(_("answer due"))
    due_provisional = models.BooleanField(_("deadline provisional"), default=False)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("asked by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    requested_at = models.DateTimeField(_("asked"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    scope = Scope(jurisdiction=("from_unit", "to_unit"))

    class Meta:
        ordering = ["-requested_at", "-id"]
        verbose_name = _("assistance request")
        verbose_name_plural = _("assistance requests")

    def __str__(self):
        return f"{self.subject} · {self.enterprise}"

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("credit:assistance_detail", args=[self.pk])


class AssistanceStatusChange(StatusLog):
    request = models.ForeignKey(
        AssistanceRequest, verbose_name=_("request"), on_delete=models.CASCADE, related_name="+"
    )

    scope = Scope(jurisdiction=("request__from_unit", "request__to_unit"))

    class Meta(StatusLog.Meta):
        verbose_name = _("assistance status change")
        verbose_name_plural = _("assistance status changes")


class AssistanceMessage(models.Model):
    """One message of the thread: the answer, a question back, with evidence."""

    request = models.ForeignKey(
        AssistanceRequest,
        verbose_name=_("request"),
        on_delete=models.CASCADE,
        related_name="messages",
    )
    unit = models.ForeignKey(
        "portal.ReportingUnit",
        verbose_name=_("sending unit"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    text = models.TextField(_("message"), **text_limit(REASON))
    evidence = models.FileField(
        _("evidence"), storage=private_storage, upload_to="credit/assistance/%Y/", blank=True
    )
    evidence_name = models.CharField(_("file name"), max_length=200, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), on_delete=models.PROTECT, related_name="+"
    )
    at = models.DateTimeField(_("when"), auto_now_add=True)

    scope = Scope(jurisdiction=("request__from_unit", "request__to_unit"))

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("assistance message")
        verbose_name_plural = _("assistance messages")

    def __str__(self):
        return f"{self.request_id} · {self.at:%Y-%m-%d}"


class ProblemNotice(models.Model):
    """Problem information about an enterprise, shared with every unit where it operates."""

    class Kind(models.TextChoices):
        PENALTY = "penalty", _("Serious administrative penalty")
        LISTING = "listing", _("Listing")
        COMPLAINTS = "complaints", _("Recurring complaint pattern")
        INSPECTION = "inspection", _("Inspection finding")

    enterprise = models.ForeignKey(
        "enterprises.Enterprise",
        verbose_name=_("enterprise"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    from_unit = models.ForeignKey(
        "portal.ReportingUnit",
        verbose_name=_("shared by unit"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    summary = models.TextField(_("what happened"), **text_limit(REASON))
    shared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("shared by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    shared_at = models.DateTimeField(_("shared"), auto_now_add=True)

    scope = Scope(jurisdiction="from_unit")

    class Meta:
        ordering = ["-shared_at", "-id"]
        verbose_name = _("problem notice")
        verbose_name_plural = _("problem notices")

    def __str__(self):
        return f"{self.get_kind_display()} · {self.enterprise}"


class ProblemReceipt(models.Model):
    """A notice as one receiving unit has it: acknowledged or not yet."""

    notice = models.ForeignKey(
        ProblemNotice, verbose_name=_("notice"), on_delete=models.CASCADE, related_name="receipts"
    )
    unit = models.ForeignKey(
        "portal.ReportingUnit",
        verbose_name=_("receiving unit"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    acknowledged_at = models.DateTimeField(_("acknowledged"), null=True, blank=True)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("acknowledged by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    scope = Scope(jurisdiction=("unit", "notice__from_unit"))

    class Meta:
        ordering = ["notice", "unit__code"]
        verbose_name = _("problem notice receipt")
        verbose_name_plural = _("problem notice receipts")
        constraints = [
            models.UniqueConstraint(fields=["notice", "unit"], name="one_receipt_per_unit")
        ]

    def __str__(self):
        return f"{self.notice_id} → {self.unit}"
