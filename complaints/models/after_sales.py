"""After-sales and quality guarantees (task 5): guarantee terms, recalls, traceability, payouts."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.limits import text_limit
from portal.scoping import Scope


class AfterSalesRecord(models.Model):
    """One after-sales fact about an operator, linked to the complaint that gave rise to it."""

    class Kind(models.TextChoices):
        GUARANTEE = "guarantee", _("Quality guarantee or after-sales commitment")
        RECALL = "recall", _("Product recall")
        TRACEABILITY = "traceability", _("Traceability record")
        INSURANCE = "insurance", _("Quality insurance payout")

    enterprise = models.ForeignKey(
        "enterprises.Enterprise",
        verbose_name=_("operator"),
        on_delete=models.PROTECT,
        related_name="after_sales",
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    details = models.TextField(_("details"), **text_limit(3000))
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    quantity = models.PositiveIntegerField(_("units concerned"), null=True, blank=True)
    amount = models.DecimalField(
        _("amount paid (yuan)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    complaint = models.ForeignKey(
        "complaints.Complaint",
        verbose_name=_("complaint that gave rise to it"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="after_sales",
    )
    follow_up = models.TextField(_("regulator's follow-up"), blank=True, **text_limit(2000))
    followed_up_on = models.DateField(_("followed up on"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    scope = Scope(jurisdiction="enterprise__reporting_unit", enterprise="enterprise")

    class Meta:
        ordering = ["-starts_on", "-id"]
        verbose_name = _("after-sales record")
        verbose_name_plural = _("after-sales records")
        indexes = [models.Index(fields=["kind", "starts_on"])]

    def __str__(self):
        return f"{self.enterprise} · {self.title}"
