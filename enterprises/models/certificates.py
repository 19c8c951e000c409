"""Service certifications (task 8): certificates, their status history and expiry reminders."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from portal.limits import text_limit
from portal.models import StatusLog
from portal.scoping import Scope
from portal.uploads import private_storage


class Certificate(models.Model):
    """A service certificate held by an enterprise (DOMAIN.md section 7)."""

    class Status(models.TextChoices):
        VALID = "valid", _("Valid")
        SUSPENDED = "suspended", _("Suspended")
        REVOKED = "revoked", _("Revoked")
        CANCELLED = "cancelled", _("Cancelled")
        EXPIRED = "expired", _("Expired")

    enterprise = models.ForeignKey(
        "enterprises.Enterprise",
        verbose_name=_("enterprise"),
        on_delete=models.PROTECT,
        related_name="certificates",
    )
    number = models.CharField(_("certificate number"), max_length=60)
    certification_body = models.CharField(_("certification body"), max_length=200)
    service = models.CharField(_("certified service"), max_length=200)
    scope_text = models.TextField(_("scope of certification"), **text_limit(2000))
    issued_on = models.DateField(_("issued on"))
    expires_on = models.DateField(_("expires on"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.VALID
    )
    scan = models.FileField(
        _("scan (PDF, JPEG or PNG)"),
        storage=private_storage,
        upload_to="certificates/%Y/%m/",
        blank=True,
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("filed by"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("filed"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    scope = Scope(jurisdiction="enterprise__reporting_unit", enterprise="enterprise")

    class Meta:
        ordering = ["expires_on", "id"]
        verbose_name = _("service certificate")
        verbose_name_plural = _("service certificates")
        constraints = [
            models.UniqueConstraint(
                fields=["certification_body", "number"], name="one_certificate_per_body_and_number"
            ),
            models.CheckConstraint(
                condition=Q(expires_on__gt=F("issued_on")), name="certificate_expires_after_issue"
            ),
        ]
        indexes = [
            models.Index(fields=["status", "expires_on"]),
            models.Index(fields=["issued_on"]),
        ]

    def __str__(self):
        return f"{self.number} · {self.enterprise}"


class CertificateStatusChange(StatusLog):
    """A certificate's status history."""

    certificate = models.ForeignKey(
        Certificate,
        verbose_name=_("certificate"),
        on_delete=models.CASCADE,
        related_name="status_changes",
    )

    scope = Scope(
        jurisdiction="certificate__enterprise__reporting_unit",
        enterprise="certificate__enterprise",
    )

    class Meta(StatusLog.Meta):
        verbose_name = _("certificate status change")
        verbose_name_plural = _("certificate status changes")


class CertificateReminder(models.Model):
    """One expiry reminder sent; the unique constraint makes the daily job send it once."""

    class Kind(models.TextChoices):
        DAYS_60 = "60", _("60 days before expiry")
        DAYS_30 = "30", _("30 days before expiry")

    certificate = models.ForeignKey(Certificate, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(_("kind"), max_length=2, choices=Kind.choices)
    for_date = models.DateField(_("run date"))
    recipients = models.PositiveIntegerField(_("recipients"), default=0)
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)

    scope = Scope(
        jurisdiction="certificate__enterprise__reporting_unit",
        enterprise="certificate__enterprise",
    )

    class Meta:
        ordering = ["-sent_at"]
        verbose_name = _("certificate reminder")
        verbose_name_plural = _("certificate reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["certificate", "kind"], name="one_reminder_per_certificate_and_kind"
            )
        ]

    def __str__(self):
        return f"{self.certificate} · {self.get_kind_display()}"
