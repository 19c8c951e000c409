"""Consumers' post-consumption evaluations (消费后评价, task 12) and their one-time codes.

An enterprise issues one-time codes in batches and prints them on receipts; only a keyed
hash of each code is stored. A consumer evaluates the enterprise with one code; evaluations
that look like a burst or a duplicate are held until a regulator of the enterprise's
jurisdiction releases or rejects them. Only released evaluations are shown, to anyone.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from portal.limits import text_limit
from portal.models import StatusLog
from portal.scoping import Scope

COMMENT_LIMIT = 1000
REPLY_LIMIT = 1000


class EvaluationCodeBatch(models.Model):
    """Codes issued together by an enterprise user (one source for burst detection)."""

    enterprise = models.ForeignKey(
        "enterprises.Enterprise",
        verbose_name=_("enterprise"),
        on_delete=models.PROTECT,
        related_name="evaluation_batches",
    )
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("issued by"), on_delete=models.PROTECT,
        related_name="+",
    )  # fmt: skip
    size = models.PositiveIntegerField(_("number of codes"))
    note = models.CharField(_("note"), max_length=200, blank=True)
    issued_at = models.DateTimeField(_("issued"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"))

    scope = Scope(jurisdiction="enterprise__reporting_unit", enterprise="enterprise")

    class Meta:
        ordering = ["-issued_at", "-id"]
        verbose_name = _("batch of evaluation codes")
        verbose_name_plural = _("batches of evaluation codes")

    def __str__(self):
        return f"{self.enterprise} · {self.issued_at:%Y-%m-%d} · {self.size}"


class EvaluationCode(models.Model):
    """One code: its keyed hash (never the code), its expiry, and when it was used."""

    batch = models.ForeignKey(
        EvaluationCodeBatch, verbose_name=_("batch"), on_delete=models.CASCADE,
        related_name="codes",
    )  # fmt: skip
    code_hash = models.CharField(max_length=64, unique=True, editable=False)
    expires_at = models.DateTimeField(_("expires"))
    used_at = models.DateTimeField(_("used"), null=True, blank=True)

    scope = Scope(jurisdiction="batch__enterprise__reporting_unit", enterprise="batch__enterprise")
    audit_exclude = {"code_hash"}

    class Meta:
        verbose_name = _("evaluation code")
        verbose_name_plural = _("evaluation codes")

    def __str__(self):
        return f"{self.batch_id}:{self.pk}"


class Evaluation(models.Model):
    """A consumer's evaluation of an enterprise after using its service."""

    class Status(models.TextChoices):
        HELD = "held", _("Held for review")
        RELEASED = "released", _("Released")
        REJECTED = "rejected", _("Rejected")

    class HoldReason(models.TextChoices):
        BURST = "burst", _("Many evaluations in a short time from few sources")
        DUPLICATE = "duplicate", _("The same text as an earlier evaluation")

    enterprise = models.ForeignKey(
        "enterprises.Enterprise",
        verbose_name=_("enterprise"),
        on_delete=models.PROTECT,
        related_name="evaluations",
    )
    code = models.OneToOneField(
        EvaluationCode, verbose_name=_("evaluation code"), on_delete=models.PROTECT,
        related_name="evaluation",
    )  # fmt: skip
    batch = models.ForeignKey(
        EvaluationCodeBatch, verbose_name=_("batch"), on_delete=models.PROTECT,
        related_name="evaluations",
    )  # fmt: skip
    network_hash = models.CharField(max_length=64, db_index=True, editable=False)
    overall = models.PositiveSmallIntegerField(_("overall score"))
    aspects = models.JSONField(_("scores per aspect"), default=dict)
    comment = models.TextField(_("comment"), blank=True, **text_limit(COMMENT_LIMIT))
    comment_hash = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    hold_reason = models.CharField(
        _("held because"), max_length=10, choices=HoldReason.choices, blank=True
    )
    hold_details = models.CharField(_("what was found"), max_length=300, blank=True)
    submitted_at = models.DateTimeField(_("submitted"))
    released_at = models.DateTimeField(_("released"), null=True, blank=True)

    scope = Scope(
        jurisdiction="enterprise__reporting_unit",
        enterprise="enterprise",
        public=Q(status="released"),
        enterprise_rows=Q(status="released"),
    )
    audit_exclude = {"network_hash", "comment_hash"}
    audit_words = {"aspects": "monitoring.services.evaluations.aspects"}  # portal.audit_display

    class Meta:
        ordering = ["-submitted_at", "-id"]
        verbose_name = _("post-consumption evaluation")
        verbose_name_plural = _("post-consumption evaluations")
        indexes = [
            models.Index(fields=["enterprise", "submitted_at"], name="evaluation_enterprise_time"),
            models.Index(fields=["status", "submitted_at"], name="evaluation_status_time"),
        ]

    def __str__(self):
        return f"{self.enterprise} · {self.submitted_at:%Y-%m-%d} · {self.overall}"


class EvaluationStatusChange(StatusLog):
    """An evaluation's review history (portal.workflow): held, released or rejected, and why."""

    evaluation = models.ForeignKey(
        Evaluation, verbose_name=_("evaluation"), on_delete=models.CASCADE, related_name="history"
    )

    scope = Scope(jurisdiction="evaluation__enterprise__reporting_unit")
    recorded_actions = {"hold": _("Held for review")}  # written by the submission itself

    class Meta(StatusLog.Meta):
        verbose_name = _("evaluation status change")
        verbose_name_plural = _("evaluation status changes")


class EvaluationReply(models.Model):
    """The enterprise's one public reply to an evaluation."""

    evaluation = models.OneToOneField(
        Evaluation, verbose_name=_("evaluation"), on_delete=models.CASCADE, related_name="reply"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), on_delete=models.PROTECT, related_name="+"
    )
    text = models.TextField(_("reply"), **text_limit(REPLY_LIMIT))
    at = models.DateTimeField(_("when"), auto_now_add=True)

    scope = Scope(
        jurisdiction="evaluation__enterprise__reporting_unit",
        enterprise="evaluation__enterprise",
        public=Q(evaluation__status="released"),
    )

    class Meta:
        verbose_name = _("reply to an evaluation")
        verbose_name_plural = _("replies to evaluations")

    def __str__(self):
        return f"{self.evaluation} · {self.at:%Y-%m-%d}"
