"""Quality pledges with service-quality disclosures (task 2), and recognition."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.limits import REASON, text_limit
from portal.models import StatusLog
from portal.scoping import Scope


class Pledge(models.Model):
    """An enterprise's quality pledge; its content lives in numbered revisions."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted for review")
        PUBLISHED = "published", _("Published")
        RETURNED = "returned", _("Returned")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    enterprise = models.ForeignKey(
        "enterprises.Enterprise",
        verbose_name=_("enterprise"),
        on_delete=models.PROTECT,
        related_name="pledges",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    published_revision = models.ForeignKey(
        "PledgeRevision",
        verbose_name=_("published revision"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # Denormalised from the published revision so the public directory can filter by date.
    published_period_end = models.DateField(_("published period ends"), null=True, blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    return_reason = models.TextField(_("reason for return"), blank=True, **text_limit(REASON))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("filed by"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    scope = Scope(
        jurisdiction="enterprise__reporting_unit",
        enterprise="enterprise",
        public=Q(published_revision__isnull=False),
    )

    class Meta:
        ordering = ["-updated_at", "-id"]
        verbose_name = _("quality pledge")
        verbose_name_plural = _("quality pledges")
        indexes = [
            models.Index(fields=["status", "-updated_at"]),
            models.Index(fields=["published_at"]),
        ]

    def __str__(self):
        return f"{self.enterprise} · {self.get_status_display()}"

    def latest_revision(self):
        """The newest revision (the one being edited or reviewed)."""
        return self.revisions.order_by("-number").first()

    @property
    def is_expired(self):
        """Published, and the published period has ended (computed by date)."""
        end = self.published_period_end
        return self.status != self.Status.WITHDRAWN and end is not None and end < _today()

    @property
    def public_status(self):
        """What the public page says: in force, withdrawn or expired."""
        if self.status == self.Status.WITHDRAWN:
            return _("Withdrawn")
        return _("Expired") if self.is_expired else _("In force")


def _today():
    return timezone.localdate()


class PledgeRevision(models.Model):
    """One version of a pledge's content; frozen once submitted, kept forever."""

    pledge = models.ForeignKey(
        Pledge, verbose_name=_("pledge"), on_delete=models.CASCADE, related_name="revisions"
    )
    number = models.PositiveIntegerField(_("revision"))
    services = models.TextField(_("services offered"), **text_limit(4000))
    standards = models.TextField(_("standards followed"), **text_limit(2000))
    response_hours = models.PositiveIntegerField(
        _("promised response time (hours)"),
        help_text=_("How soon a customer's request is answered."),
    )
    completion_days = models.PositiveIntegerField(
        _("promised completion time (days)"),
        help_text=_("How soon a service or a repair is completed."),
    )
    pricing = models.TextField(_("prices or how prices are set"), **text_limit(4000))
    after_sales = models.TextField(_("after-sales and guarantee terms"), **text_limit(4000))
    complaint_channel = models.TextField(_("how to complain"), **text_limit(1000))
    complaint_phone = models.CharField(_("complaint hotline"), max_length=30, blank=True)
    period_start = models.DateField(_("pledge period starts"))
    period_end = models.DateField(_("pledge period ends"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("written by"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("written"), auto_now_add=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)

    scope = Scope(
        jurisdiction="pledge__enterprise__reporting_unit",
        enterprise="pledge__enterprise",
        public=Q(published_at__isnull=False),
    )

    class Meta:
        ordering = ["pledge", "-number"]
        verbose_name = _("pledge revision")
        verbose_name_plural = _("pledge revisions")
        constraints = [
            models.UniqueConstraint(fields=["pledge", "number"], name="one_number_per_revision"),
            models.CheckConstraint(
                condition=Q(period_end__gte=models.F("period_start")),
                name="pledge_period_ends_after_start",
            ),
        ]

    def __str__(self):
        return f"{self.pledge.enterprise} · r{self.number}"

    @property
    def is_frozen(self):
        """Submitted revisions are never edited again."""
        return self.submitted_at is not None


class PledgeStatusChange(StatusLog):
    """A pledge's status history."""

    pledge = models.ForeignKey(Pledge, on_delete=models.CASCADE, related_name="status_changes")

    scope = Scope(
        jurisdiction="pledge__enterprise__reporting_unit", enterprise="pledge__enterprise"
    )

    class Meta(StatusLog.Meta):
        verbose_name = _("pledge status change")
        verbose_name_plural = _("pledge status changes")


class Recognition(models.Model):
    """A regulator's recognition (激励) of an enterprise's notable quality improvement."""

    enterprise = models.ForeignKey(
        "enterprises.Enterprise",
        verbose_name=_("enterprise"),
        on_delete=models.PROTECT,
        related_name="recognitions",
    )
    reason = models.TextField(_("what improved"), **text_limit(REASON))
    recognised_on = models.DateField(_("recognised on"), default=_today)
    recognised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recognised by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    scope = Scope(jurisdiction="enterprise__reporting_unit", enterprise="enterprise")

    class Meta:
        ordering = ["-recognised_on", "-id"]
        verbose_name = _("recognition")
        verbose_name_plural = _("recognitions")
        indexes = [models.Index(fields=["recognised_on"])]

    def __str__(self):
        return f"{self.enterprise} · {self.recognised_on}"
