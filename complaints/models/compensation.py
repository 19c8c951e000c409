"""Advance compensation (先行赔付): malls, markets and platforms that pay consumers first."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.limits import text_limit
from portal.scoping import Scope


class CompensationCommitment(models.Model):
    """An operator's public commitment to compensate consumers before the seller does."""

    class Kind(models.TextChoices):
        MALL = "mall", _("Shopping mall")
        MARKET = "market", _("Market")
        PLATFORM = "platform", _("Online platform")

    enterprise = models.ForeignKey(
        "enterprises.Enterprise",
        verbose_name=_("operator"),
        on_delete=models.CASCADE,
        related_name="compensation_commitments",
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    terms = models.TextField(_("terms"), **text_limit(2000))
    limit_per_case = models.DecimalField(
        _("most paid per case (yuan)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    since = models.DateField(_("committed since"))
    until = models.DateField(_("withdrawn on"), null=True, blank=True)

    scope = Scope(
        jurisdiction="enterprise__reporting_unit",
        enterprise="enterprise",
        public=models.Q(until__isnull=True),
    )

    class Meta:
        ordering = ["enterprise__name", "-since"]
        verbose_name = _("advance compensation commitment")
        verbose_name_plural = _("advance compensation commitments")
        constraints = [
            models.UniqueConstraint(
                fields=["enterprise"],
                condition=models.Q(until__isnull=True),
                name="one_current_commitment_per_operator",
            )
        ]

    def __str__(self):
        return f"{self.enterprise} · {self.get_kind_display()}"


class CompensationCase(models.Model):
    """What a committed operator paid a consumer first, and what it recovered from the seller."""

    commitment = models.ForeignKey(
        CompensationCommitment,
        verbose_name=_("commitment"),
        on_delete=models.PROTECT,
        related_name="cases",
    )
    complaint = models.ForeignKey(
        "complaints.Complaint",
        verbose_name=_("complaint"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="compensations",
    )
    seller_name = models.CharField(_("seller"), max_length=200)
    paid_amount = models.DecimalField(
        _("paid to the consumer (yuan)"), max_digits=12, decimal_places=2
    )
    paid_on = models.DateField(_("paid on"))
    recovered_amount = models.DecimalField(
        _("recovered from the seller (yuan)"), max_digits=12, decimal_places=2, default=0
    )
    recovered_on = models.DateField(_("recovered on"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    scope = Scope(
        jurisdiction="commitment__enterprise__reporting_unit", enterprise="commitment__enterprise"
    )

    class Meta:
        ordering = ["-paid_on", "-id"]
        verbose_name = _("advance compensation case")
        verbose_name_plural = _("advance compensation cases")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(paid_amount__gt=0)
                & models.Q(recovered_amount__gte=0)
                & models.Q(recovered_amount__lte=models.F("paid_amount")),
                name="compensation_recovered_within_paid",
            )
        ]

    def __str__(self):
        return f"{self.commitment.enterprise} · {self.paid_amount}"
