"""Third-party mediation (第三方调解): bodies a unit refers complaints to, and their outcome."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.limits import text_limit
from portal.scoping import Scope


class MediationBody(models.Model):
    """A people's mediation committee, industry association or consumer association."""

    class Kind(models.TextChoices):
        PEOPLES = "peoples", _("People's mediation committee")
        INDUSTRY = "industry", _("Industry association")
        CONSUMER = "consumer", _("Consumer association")

    reporting_unit = models.ForeignKey(
        "portal.ReportingUnit",
        verbose_name=_("registered by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    contact = models.CharField(_("contact"), max_length=200, blank=True)
    active = models.BooleanField(_("takes referrals"), default=True)

    scope = Scope(jurisdiction="reporting_unit")

    class Meta:
        ordering = ["reporting_unit__code", "name"]
        verbose_name = _("mediation body")
        verbose_name_plural = _("mediation bodies")
        constraints = [
            models.UniqueConstraint(
                fields=["reporting_unit", "name"],
                name="one_mediation_body_per_name_and_unit",
                violation_error_message=_("Your unit has registered a body of this name already."),
            )
        ]

    def __str__(self):
        return self.name


class MediationReferral(models.Model):
    """A complaint in mediation referred to a body; its outcome settles or fails the mediation."""

    class Outcome(models.TextChoices):
        PENDING = "pending", _("Waiting for the outcome")
        SETTLED = "settled", _("Settled by the body")
        NOT_SETTLED = "not_settled", _("Not settled by the body")

    complaint = models.ForeignKey(
        "complaints.Complaint",
        verbose_name=_("complaint"),
        on_delete=models.CASCADE,
        related_name="referrals",
    )
    body = models.ForeignKey(
        MediationBody,
        verbose_name=_("mediation body"),
        on_delete=models.PROTECT,
        related_name="referrals",
    )
    referred_on = models.DateField(_("referred on"))
    referred_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("referred by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    outcome = models.CharField(
        _("outcome"), max_length=12, choices=Outcome.choices, default=Outcome.PENDING
    )
    outcome_on = models.DateField(_("outcome on"), null=True, blank=True)
    note = models.TextField(_("what the body reported"), blank=True, **text_limit(1000))

    scope = Scope(jurisdiction="complaint__reporting_unit")

    class Meta:
        ordering = ["-referred_on", "-id"]
        verbose_name = _("mediation referral")
        verbose_name_plural = _("mediation referrals")
        constraints = [
            models.UniqueConstraint(
                fields=["complaint"],
                condition=models.Q(outcome="pending"),
                name="one_pending_referral_per_complaint",
            )
        ]

    def __str__(self):
        return f"{self.complaint.tracking_code} → {self.body}"
