"""Credit risk classes (国市监信发〔2022〕6号): internal to regulators, never public."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.scoping import Scope


class RiskClass(models.TextChoices):
    A = "A", _("A: low credit risk")
    B = "B", _("B: general credit risk")
    C = "C", _("C: higher credit risk")
    D = "D", _("D: high credit risk")


# An enterprise nobody has classified yet is inspected as a general one.
UNCLASSIFIED = RiskClass.B


class EnterpriseRiskClass(models.Model):
    """The current class of one enterprise: a narrow table, not columns of the enterprise row.

    A set-based recomputation rewrites these rows without touching the registry's
    wide, search-indexed table.
    """

    enterprise = models.OneToOneField(
        "enterprises.Enterprise",
        verbose_name=_("enterprise"),
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="risk_class",
    )
    risk_class = models.CharField(_("risk class"), max_length=1, choices=RiskClass.choices)
    score = models.DecimalField(_("score"), max_digits=7, decimal_places=2, default=0)
    computed_at = models.DateTimeField(_("computed at"))

    scope = Scope(jurisdiction="enterprise__reporting_unit")

    class Meta:
        verbose_name = _("current risk class")
        verbose_name_plural = _("current risk classes")
        indexes = [models.Index(fields=["risk_class"])]

    def __str__(self):
        return f"{self.enterprise_id}: {self.risk_class}"
