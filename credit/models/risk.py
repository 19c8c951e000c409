"""Credit risk classes (国市监信发〔2022〕6号): internal to regulators, never public.

The scoring model (versions, indicators, thresholds) is headquarters' configuration;
the current class per enterprise is a narrow table of its own, with its history,
the runs that computed it and the overrides regulators make.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from portal.limits import REASON, text_limit
from portal.scoping import Scope


class RiskClass(models.TextChoices):
    A = "A", _("A: low credit risk")
    B = "B", _("B: general credit risk")
    C = "C", _("C: higher credit risk")
    D = "D", _("D: high credit risk")


# An enterprise nobody has classified yet is inspected as a general one.
UNCLASSIFIED = RiskClass.B


class ScoringModel(models.Model):
    """One version of the national scoring model; frozen once a computation used it.

    A score below ``b_from`` is class A, below ``c_from`` B, below ``d_from`` C, else D.
    """

    version = models.PositiveIntegerField(_("version"), unique=True)
    note = models.CharField(_("note"), max_length=200, blank=True)
    b_from = models.DecimalField(_("class B from score"), max_digits=7, decimal_places=2)
    c_from = models.DecimalField(_("class C from score"), max_digits=7, decimal_places=2)
    d_from = models.DecimalField(_("class D from score"), max_digits=7, decimal_places=2)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    frozen_at = models.DateTimeField(_("first used"), null=True, blank=True)

    scope = Scope(staff=Q())  # every regulator reads the model; headquarters edits it

    class Meta:
        ordering = ["-version"]
        verbose_name = _("risk scoring model")
        verbose_name_plural = _("risk scoring models")

    def __str__(self):
        return _("Scoring model version %(version)s") % {"version": self.version}

    @classmethod
    def current(cls):
        """The newest version, the one recomputations use (None before headquarters makes one)."""
        return cls.objects.order_by("-version").first()

    @property
    def frozen(self):
        return self.frozen_at is not None


class ScoringIndicator(models.Model):
    """One indicator of a model version: points = points × min(value, cap); counted × weight."""

    scoring_model = models.ForeignKey(
        ScoringModel,
        verbose_name=_("scoring model"),
        on_delete=models.CASCADE,
        related_name="indicators",
    )
    code = models.CharField(_("indicator"), max_length=40)
    points = models.DecimalField(_("points per unit"), max_digits=7, decimal_places=2)
    weight = models.DecimalField(_("weight"), max_digits=5, decimal_places=2, default=1)
    cap = models.DecimalField(
        _("value counted up to"), max_digits=9, decimal_places=2, null=True, blank=True
    )

    scope = Scope(staff=Q())  # every regulator reads the model; headquarters edits it
    audit_words = {"code": "credit.services.risk_indicators.indicator_choices"}  # audit_display

    class Meta:
        ordering = ["scoring_model", "id"]
        verbose_name = _("risk indicator")
        verbose_name_plural = _("risk indicators")
        constraints = [
            models.UniqueConstraint(fields=["scoring_model", "code"], name="one_indicator_per_code")
        ]

    def __str__(self):
        return self.code


class EnterpriseRiskClass(models.Model):
    """The current class of one enterprise: a narrow table, not columns of the enterprise row.

    A set-based recomputation rewrites these rows without touching the registry's
    wide, search-indexed table. ``risk_class`` is the effective class (a valid override,
    else the computed one); ``computed_at`` is when the row last changed.
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
    computed_class = models.CharField(
        _("computed class"), max_length=1, choices=RiskClass.choices, blank=True
    )
    scoring_model = models.ForeignKey(
        ScoringModel,
        verbose_name=_("scoring model"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    explanation = models.JSONField(_("explanation"), default=dict, blank=True)
    override = models.ForeignKey(
        "credit.RiskOverride",
        verbose_name=_("override"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    scope = Scope(jurisdiction="enterprise__reporting_unit")

    class Meta:
        verbose_name = _("current risk class")
        verbose_name_plural = _("current risk classes")
        indexes = [models.Index(fields=["risk_class"])]

    def __str__(self):
        return f"{self.enterprise_id}: {self.risk_class}"


class RiskRun(models.Model):
    """One recomputation: for the nation (no unit) or one reporting unit."""

    scoring_model = models.ForeignKey(
        ScoringModel, verbose_name=_("scoring model"), on_delete=models.PROTECT, related_name="+"
    )
    reporting_unit = models.ForeignKey(
        "portal.ReportingUnit",
        verbose_name=_("reporting unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    as_of = models.DateField(_("as of"))
    started_at = models.DateTimeField(_("started"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    enterprises = models.PositiveIntegerField(_("enterprises"), default=0)
    changed = models.PositiveIntegerField(_("classes changed"), default=0)

    scope = Scope(jurisdiction="reporting_unit")

    class Meta:
        ordering = ["-started_at"]
        verbose_name = _("risk recomputation")
        verbose_name_plural = _("risk recomputations")

    def __str__(self):
        return f"{self.scoring_model} · {self.as_of}"


class RiskOverride(models.Model):
    """A regulator's class for an enterprise, with a reason, valid until its expiry date."""

    enterprise = models.ForeignKey(
        "enterprises.Enterprise",
        verbose_name=_("enterprise"),
        on_delete=models.CASCADE,
        related_name="risk_overrides",
    )
    risk_class = models.CharField(_("risk class"), max_length=1, choices=RiskClass.choices)
    reason = models.TextField(_("reason"), **text_limit(REASON))
    starts_on = models.DateField(_("valid from"))
    expires_on = models.DateField(_("valid until"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("overridden by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    scope = Scope(jurisdiction="enterprise__reporting_unit")

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("risk class override")
        verbose_name_plural = _("risk class overrides")
        indexes = [models.Index(fields=["enterprise", "expires_on"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(expires_on__gte=models.F("starts_on")),
                name="override_expires_after_start",
            )
        ]

    def __str__(self):
        return f"{self.enterprise_id}: {self.risk_class} → {self.expires_on}"

    def valid_on(self, day):
        return self.starts_on <= day <= self.expires_on


class RiskClassHistory(models.Model):
    """A class an enterprise had: computed (only when it changed), overridden or imported.

    Imported rows keep the province's original letter (A-E before 2022) in ``risk_class``.
    """

    class Source(models.TextChoices):
        COMPUTED = "computed", _("Computed")
        OVERRIDE = "override", _("Override")
        IMPORTED = "imported", _("Imported")

    enterprise = models.ForeignKey(
        "enterprises.Enterprise",
        verbose_name=_("enterprise"),
        on_delete=models.CASCADE,
        related_name="risk_history",
    )
    source = models.CharField(_("source"), max_length=10, choices=Source.choices)
    risk_class = models.CharField(_("class"), max_length=1)
    computed_class = models.CharField(_("computed class"), max_length=1, blank=True)
    score = models.DecimalField(_("score"), max_digits=7, decimal_places=2, null=True, blank=True)
    scoring_model = models.ForeignKey(
        ScoringModel,
        verbose_name=_("scoring model"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    run = models.ForeignKey(
        RiskRun,
        verbose_name=_("recomputation"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="history",
    )
    override = models.ForeignKey(
        RiskOverride,
        verbose_name=_("override"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    explanation = models.JSONField(_("explanation"), default=dict, blank=True)
    computed_at = models.DateTimeField(_("since"))
    note = models.CharField(_("note"), max_length=200, blank=True)

    scope = Scope(jurisdiction="enterprise__reporting_unit")

    class Meta:
        ordering = ["-computed_at", "-id"]
        verbose_name = _("risk class history")
        verbose_name_plural = _("risk class history")
        indexes = [
            models.Index(fields=["enterprise", "-computed_at"]),
            models.Index(fields=["run"]),
        ]

    def __str__(self):
        return f"{self.enterprise_id}: {self.risk_class} ({self.source})"
