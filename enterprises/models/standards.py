"""Enterprise standard self-declarations (task 7), their indicators, and sample reviews."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from portal.limits import REASON, text_limit
from portal.models import StatusLog
from portal.scoping import Scope


class StandardDeclaration(models.Model):
    """A standard an enterprise declares it implements (企业标准自我声明公开); public."""

    class Type(models.TextChoices):
        NATIONAL = "national", _("National standard")
        INDUSTRY = "industry", _("Industry standard")
        LOCAL = "local", _("Local standard")
        GROUP = "group", _("Group standard")
        ENTERPRISE = "enterprise", _("Enterprise standard")

    class FrontRunner(models.TextChoices):
        NONE = "", _("Not a candidate")
        CANDIDATE = "candidate", _("Front-runner candidate")
        CONFIRMED = "confirmed", _("Front-runner (confirmed)")
        DECLINED = "declined", _("Not confirmed")

    enterprise = models.ForeignKey(
        "enterprises.Enterprise",
        verbose_name=_("enterprise"),
        on_delete=models.PROTECT,
        related_name="standard_declarations",
    )
    standard_number = models.CharField(_("standard number"), max_length=60)
    standard_name = models.CharField(_("standard name"), max_length=200)
    standard_type = models.CharField(_("type"), max_length=20, choices=Type.choices)
    is_own_standard = models.BooleanField(_("the enterprise's own standard"), default=False)
    service = models.CharField(_("service or product covered"), max_length=200, blank=True)
    front_runner = models.CharField(
        _("front-runner"), max_length=20, choices=FrontRunner.choices, blank=True, default=""
    )
    front_runner_decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("front-runner decided by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    front_runner_decided_at = models.DateTimeField(_("front-runner decided"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("declared by"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    declared_at = models.DateTimeField(_("declared"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    scope = Scope(
        jurisdiction="enterprise__reporting_unit",
        enterprise="enterprise",
        public=Q(pk__isnull=False),
    )

    class Meta:
        ordering = ["-declared_at", "-id"]
        verbose_name = _("standard declaration")
        verbose_name_plural = _("standard declarations")
        indexes = [
            models.Index(fields=["front_runner", "-declared_at"]),
            models.Index(fields=["standard_number"]),
        ]

    def __str__(self):
        return f"{self.standard_number} {self.standard_name}"


class FrontRunnerChange(StatusLog):
    """A declaration's front-runner decisions (confirmed, declined, confirmation revoked)."""

    declaration = models.ForeignKey(
        StandardDeclaration, on_delete=models.CASCADE, related_name="front_runner_changes"
    )

    scope = Scope(
        jurisdiction="declaration__enterprise__reporting_unit",
        enterprise="declaration__enterprise",
    )

    class Meta(StatusLog.Meta):
        verbose_name = _("front-runner decision")
        verbose_name_plural = _("front-runner decisions")


class StandardIndicator(models.Model):
    """A key indicator of a declaration, with the national or industry benchmark."""

    declaration = models.ForeignKey(
        StandardDeclaration,
        verbose_name=_("declaration"),
        on_delete=models.CASCADE,
        related_name="indicators",
    )
    name = models.CharField(_("indicator"), max_length=120)
    unit = models.CharField(_("unit"), max_length=30, blank=True)
    declared_value = models.DecimalField(_("declared value"), max_digits=14, decimal_places=4)
    benchmark_value = models.DecimalField(
        _("national or industry value"),
        max_digits=14,
        decimal_places=4,
        null=True,
        blank=True,
        help_text=_("Leave empty when no national or industry standard sets this indicator."),
    )
    higher_is_better = models.BooleanField(_("higher is better"), default=True)

    scope = Scope(
        jurisdiction="declaration__enterprise__reporting_unit",
        enterprise="declaration__enterprise",
        public=Q(pk__isnull=False),
    )

    class Meta:
        ordering = ["declaration", "id"]
        verbose_name = _("standard indicator")
        verbose_name_plural = _("standard indicators")

    def __str__(self):
        return self.name


class SamplingDraw(models.Model):
    """A regulator's random draw of declarations to review, recorded by portal.draws."""

    reporting_unit = models.ForeignKey(
        "portal.ReportingUnit",
        verbose_name=_("reporting unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        help_text=_("Empty for a nationwide draw by headquarters."),
    )
    ratio = models.DecimalField(_("ratio"), max_digits=5, decimal_places=4, null=True, blank=True)
    count = models.PositiveIntegerField(_("count"), null=True, blank=True)
    draw = models.OneToOneField(
        "portal.Draw", verbose_name=_("draw"), on_delete=models.PROTECT, related_name="+"
    )
    population = models.PositiveIntegerField(_("declarations in scope"))
    drawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("drawn by"), on_delete=models.PROTECT
    )
    drawn_at = models.DateTimeField(_("drawn"), auto_now_add=True)
    note = models.CharField(_("note"), max_length=300, blank=True)

    scope = Scope(jurisdiction="reporting_unit")

    class Meta:
        ordering = ["-drawn_at", "-id"]
        verbose_name = _("sampling draw")
        verbose_name_plural = _("sampling draws")

    def __str__(self):
        return f"{self.drawn_at:%Y-%m-%d} · {self.reporting_unit or '—'}"


class SampledDeclaration(models.Model):
    """One declaration drawn for review, and the outcome the regulator recorded."""

    class Outcome(models.TextChoices):
        PENDING = "pending", _("Not yet reviewed")
        CONFORMS = "conforms", _("Declaration conforms")
        CORRECTED = "corrected", _("Problems found, ordered corrected")
        NONCONFORMING = "nonconforming", _("Declared information false or incomplete")
        UNREACHABLE = "unreachable", _("Enterprise unreachable")

    draw = models.ForeignKey(
        SamplingDraw, verbose_name=_("draw"), on_delete=models.CASCADE, related_name="items"
    )
    declaration = models.ForeignKey(
        StandardDeclaration,
        verbose_name=_("declaration"),
        on_delete=models.PROTECT,
        related_name="sample_reviews",
    )
    outcome = models.CharField(
        _("outcome"), max_length=20, choices=Outcome.choices, default=Outcome.PENDING
    )
    note = models.TextField(_("findings"), blank=True, **text_limit(REASON))
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)

    scope = Scope(jurisdiction="declaration__enterprise__reporting_unit")

    class Meta:
        ordering = ["draw", "id"]
        verbose_name = _("sampled declaration")
        verbose_name_plural = _("sampled declarations")
        constraints = [
            models.UniqueConstraint(
                fields=["draw", "declaration"], name="declaration_once_per_draw"
            )
        ]

    def __str__(self):
        return f"{self.declaration} · {self.get_outcome_display()}"
