"""Trustworthy consumption (放心消费创建): model units, streets and markets a unit recognises."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from portal.limits import text_limit
from portal.models import StatusLog
from portal.scoping import Scope


class TrustworthyCandidate(models.Model):
    """An operator's application to be a trustworthy-consumption model, and its standing."""

    class Kind(models.TextChoices):
        UNIT = "unit", _("Model unit")
        STREET = "street", _("Model street")
        MARKET = "market", _("Model market")

    class Status(models.TextChoices):
        APPLIED = "applied", _("Applied")
        RECOGNISED = "recognised", _("Recognised")
        REFUSED = "refused", pgettext_lazy("trustworthy status", "Refused")
        WITHDRAWN = "withdrawn", _("Recognition withdrawn")

    enterprise = models.ForeignKey(
        "enterprises.Enterprise",
        verbose_name=_("operator or managing body"),
        on_delete=models.PROTECT,
        related_name="trustworthy_candidacies",
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    name = models.CharField(_("name shown"), max_length=200)
    commitments = models.TextField(_("commitments"), **text_limit(3000))
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.APPLIED
    )
    applied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("applied by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    applied_on = models.DateField(_("applied on"))
    recognised_on = models.DateField(_("recognised on"), null=True, blank=True)
    withdrawn_on = models.DateField(_("withdrawn on"), null=True, blank=True)

    scope = Scope(
        jurisdiction="enterprise__reporting_unit",
        enterprise="enterprise",
        public=models.Q(status="recognised"),
    )

    class Meta:
        ordering = ["-applied_on", "-id"]
        verbose_name = _("trustworthy-consumption candidate")
        verbose_name_plural = _("trustworthy-consumption candidates")
        constraints = [
            models.UniqueConstraint(
                fields=["enterprise", "kind"],
                condition=models.Q(status__in=["applied", "recognised"]),
                name="one_open_trustworthy_candidacy_per_kind",
                violation_error_message=_(
                    "This operator has an application or recognition of this kind already."
                ),
            )
        ]

    def __str__(self):
        return f"{self.name} · {self.get_kind_display()}"


class TrustworthyStatusChange(StatusLog):
    """A candidacy's review, recognition and withdrawal (portal.workflow)."""

    candidate = models.ForeignKey(
        TrustworthyCandidate,
        verbose_name=_("candidate"),
        on_delete=models.CASCADE,
        related_name="history",
    )

    scope = Scope(
        jurisdiction="candidate__enterprise__reporting_unit", enterprise="candidate__enterprise"
    )

    class Meta(StatusLog.Meta):
        verbose_name = _("trustworthy-consumption decision")
        verbose_name_plural = _("trustworthy-consumption decisions")
