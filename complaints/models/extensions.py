"""Extending a report's verification (举报核查延期): asked with a reason, approved by another."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from portal.limits import text_limit
from portal.models import StatusLog
from portal.scoping import Scope


class VerificationExtension(models.Model):
    """More working days to verify a report; counted only once a second officer approves."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for approval")
        APPROVED = "approved", pgettext_lazy("extension status", "Approved")
        REFUSED = "refused", pgettext_lazy("extension status", "Refused")

    complaint = models.ForeignKey(
        "complaints.Complaint",
        verbose_name=_("report"),
        on_delete=models.CASCADE,
        related_name="extensions",
    )
    days = models.PositiveSmallIntegerField(_("working days more"))
    reason = models.TextField(_("why more time is needed"), **text_limit(1000))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("asked by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    requested_at = models.DateTimeField(_("asked"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approved or refused by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    scope = Scope(jurisdiction="complaint__reporting_unit")

    class Meta:
        ordering = ["-requested_at", "-id"]
        verbose_name = _("verification extension")
        verbose_name_plural = _("verification extensions")
        constraints = [
            models.UniqueConstraint(
                fields=["complaint"],
                condition=models.Q(status="pending"),
                name="one_pending_extension_per_report",
            )
        ]

    def __str__(self):
        return f"{self.complaint} +{self.days}"


class VerificationExtensionChange(StatusLog):
    """An extension's approval or refusal (portal.workflow)."""

    extension = models.ForeignKey(
        VerificationExtension,
        verbose_name=_("verification extension"),
        on_delete=models.CASCADE,
        related_name="history",
    )

    scope = Scope(jurisdiction="extension__complaint__reporting_unit")

    class Meta(StatusLog.Meta):
        verbose_name = _("verification extension decision")
        verbose_name_plural = _("verification extension decisions")
