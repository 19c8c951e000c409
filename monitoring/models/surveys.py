"""The national evaluation model (versioned), survey waves, responses and stored indices."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.limits import text_limit
from portal.scoping import Scope

from ..sectors import sector_choices

MAX_DIMENSIONS = 8  # the response keeps one score column per dimension position


class EvaluationModel(models.Model):
    """A named evaluation model (SERVQUAL or ACSI-style); its content lives in versions."""

    class Kind(models.TextChoices):
        SERVQUAL = "servqual", _("SERVQUAL (expectation and perception)")
        ACSI = "acsi", _("ACSI-style satisfaction chain")

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    sectors = models.JSONField(
        _("applies to"), default=list, help_text=_("Service sections and public services.")
    )
    description = models.TextField(_("description"), blank=True, **text_limit(2000))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    scope = Scope(everyone=True)  # published with every result; headquarters edits

    class Meta:
        ordering = ["code"]
        verbose_name = _("evaluation model")
        verbose_name_plural = _("evaluation models")

    def __str__(self):
        return self.name

    @property
    def is_servqual(self):
        return self.kind == self.Kind.SERVQUAL


class ModelVersion(models.Model):
    """One version of a model; frozen once data is collected against it."""

    model = models.ForeignKey(
        EvaluationModel, verbose_name=_("model"), on_delete=models.PROTECT, related_name="versions"
    )
    number = models.PositiveIntegerField(_("version"))
    frozen_at = models.DateTimeField(_("frozen"), null=True, blank=True)
    note = models.CharField(_("what changed"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    scope = Scope(everyone=True)

    class Meta:
        ordering = ["model", "-number"]
        verbose_name = _("model version")
        verbose_name_plural = _("model versions")
        constraints = [
            models.UniqueConstraint(fields=["model", "number"], name="monitoring_version_unique")
        ]

    def __str__(self):
        return f"{self.model} v{self.number}"

    @property
    def frozen(self):
        return self.frozen_at is not None


class Dimension(models.Model):
    """A dimension of a version (tangibles... or expectation... loyalty) with its weight."""

    version = models.ForeignKey(
        ModelVersion, verbose_name=_("version"), on_delete=models.CASCADE, related_name="dimensions"
    )
    position = models.PositiveSmallIntegerField(_("position"))
    code = models.SlugField(_("code"), max_length=40)
    name = models.CharField(_("name"), max_length=200)
    weight = models.DecimalField(_("weight"), max_digits=5, decimal_places=4)

    scope = Scope(everyone=True)

    class Meta:
        ordering = ["version", "position"]
        verbose_name = _("dimension")
        verbose_name_plural = _("dimensions")
        constraints = [
            models.UniqueConstraint(fields=["version", "code"], name="monitoring_dimension_code"),
            models.UniqueConstraint(
                fields=["version", "position"], name="monitoring_dimension_position"
            ),
            models.CheckConstraint(
                condition=models.Q(position__range=(1, MAX_DIMENSIONS)),
                name="monitoring_dimension_slot",
            ),
        ]

    def __str__(self):
        return self.name


class Indicator(models.Model):
    """An indicator of a dimension, weighted within it."""

    dimension = models.ForeignKey(
        Dimension, verbose_name=_("dimension"), on_delete=models.CASCADE, related_name="indicators"
    )
    position = models.PositiveSmallIntegerField(_("position"))
    code = models.SlugField(_("code"), max_length=40)
    name = models.CharField(_("name"), max_length=200)
    weight = models.DecimalField(_("weight"), max_digits=5, decimal_places=4)

    scope = Scope(everyone=True)

    class Meta:
        ordering = ["dimension__position", "position"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        constraints = [
            models.UniqueConstraint(fields=["dimension", "code"], name="monitoring_indicator_code")
        ]

    def __str__(self):
        return self.name


class Item(models.Model):
    """A question; its answers are the columns of an import (SERVQUAL: code_E and code_P)."""

    class Scale(models.TextChoices):
        FIVE = "1-5", "1-5"
        SEVEN = "1-7", "1-7"
        TEN = "1-10", "1-10"
        HUNDRED = "0-100", "0-100"

    indicator = models.ForeignKey(
        Indicator, verbose_name=_("indicator"), on_delete=models.CASCADE, related_name="items"
    )
    position = models.PositiveSmallIntegerField(_("position"))
    code = models.SlugField(_("column"), max_length=40)
    text = models.CharField(_("question"), max_length=300)
    scale = models.CharField(_("scale"), max_length=6, choices=Scale.choices, default=Scale.FIVE)
    required = models.BooleanField(_("required"), default=True)

    scope = Scope(everyone=True)

    class Meta:
        ordering = ["indicator__dimension__position", "indicator__position", "position"]
        verbose_name = _("question item")
        verbose_name_plural = _("question items")

    def __str__(self):
        return self.code

    @property
    def bounds(self):
        low, high = self.scale.split("-")
        return int(low), int(high)


class Wave(models.Model):
    """A survey wave: one model version, one period, one reporting unit or the nation."""

    version = models.ForeignKey(
        ModelVersion,
        verbose_name=_("model version"),
        on_delete=models.PROTECT,
        related_name="waves",
    )
    name = models.CharField(_("name"), max_length=200)
    period_start = models.DateField(_("period from"))
    period_end = models.DateField(_("period to"))
    reporting_unit = models.ForeignKey(
        "portal.ReportingUnit",
        verbose_name=_("reporting unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Empty for a national wave."),
    )
    sectors = models.JSONField(_("sectors"), default=list)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    computed_at = models.DateTimeField(_("indices computed"), null=True, blank=True)

    # National waves are read by every regulator (each imports and sees its own part).
    scope = Scope(jurisdiction="reporting_unit", staff=models.Q(reporting_unit__isnull=True))

    class Meta:
        ordering = ["-period_end", "-id"]
        verbose_name = _("survey wave")
        verbose_name_plural = _("survey waves")

    def __str__(self):
        return self.name

    @property
    def is_national(self):
        return self.reporting_unit_id is None


class Quota(models.Model):
    """The sample a wave needs of one sector (in one division, or anywhere)."""

    wave = models.ForeignKey(
        Wave, verbose_name=_("wave"), on_delete=models.CASCADE, related_name="quotas"
    )
    sector = models.CharField(_("sector"), max_length=30, choices=sector_choices)
    division = models.ForeignKey(
        "portal.AdminDivision",
        verbose_name=_("division"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    target = models.PositiveIntegerField(_("responses needed"))

    scope = Scope(jurisdiction="wave__reporting_unit", staff=models.Q(wave__reporting_unit=None))

    class Meta:
        ordering = ["wave", "sector", "division__code"]
        verbose_name = _("sample quota")
        verbose_name_plural = _("sample quotas")

    def __str__(self):
        return f"{self.sector}: {self.target}"


class Response(models.Model):
    """One answered questionnaire with its scores on the 0-100 scale, or why it is excluded."""

    wave = models.ForeignKey(
        Wave, verbose_name=_("wave"), on_delete=models.PROTECT, related_name="responses"
    )
    reporting_unit = models.ForeignKey(
        "portal.ReportingUnit",
        verbose_name=_("reporting unit"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    division = models.ForeignKey(
        "portal.AdminDivision",
        verbose_name=_("division"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    sector = models.CharField(_("sector"), max_length=30, choices=sector_choices)
    enterprise = models.ForeignKey(
        "enterprises.Enterprise",
        verbose_name=_("enterprise"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    respondent = models.CharField(_("respondent reference"), max_length=60, blank=True)
    duration_seconds = models.PositiveIntegerField(_("duration (seconds)"), null=True, blank=True)
    answers = models.JSONField(_("answers"), default=dict)
    excluded = models.BooleanField(_("excluded from indices"), default=False)
    reason = models.CharField(_("why excluded"), max_length=500, blank=True)
    row = models.PositiveIntegerField(_("row in the file"), null=True, blank=True)
    imported_at = models.DateTimeField(_("imported"), auto_now_add=True)
    # The scores of the model version, stored so indices are one pass of SQL aggregates.
    score = models.DecimalField(_("index"), max_digits=8, decimal_places=4, null=True)
    indicator_scores = models.JSONField(_("indicator scores"), default=dict)  # {"i<id>": "n.nnnn"}
    d1 = models.DecimalField(max_digits=8, decimal_places=4, null=True)
    d2 = models.DecimalField(max_digits=8, decimal_places=4, null=True)
    d3 = models.DecimalField(max_digits=8, decimal_places=4, null=True)
    d4 = models.DecimalField(max_digits=8, decimal_places=4, null=True)
    d5 = models.DecimalField(max_digits=8, decimal_places=4, null=True)
    d6 = models.DecimalField(max_digits=8, decimal_places=4, null=True)
    d7 = models.DecimalField(max_digits=8, decimal_places=4, null=True)
    d8 = models.DecimalField(max_digits=8, decimal_places=4, null=True)
    # SERVQUAL: the gap P - E per dimension position.
    g1 = models.DecimalField(max_digits=8, decimal_places=4, null=True)
    g2 = models.DecimalField(max_digits=8, decimal_places=4, null=True)
    g3 = models.DecimalField(max_digits=8, decimal_places=4, null=True)
    g4 = models.DecimalField(max_digits=8, decimal_places=4, null=True)
    g5 = models.DecimalField(max_digits=8, decimal_places=4, null=True)
    g6 = models.DecimalField(max_digits=8, decimal_places=4, null=True)
    g7 = models.DecimalField(max_digits=8, decimal_places=4, null=True)
    g8 = models.DecimalField(max_digits=8, decimal_places=4, null=True)

    scope = Scope(jurisdiction="reporting_unit")
    audit_exclude = {"indicator_scores", *(f"{p}{n}" for p in "dg" for n in range(1, 9))}

    class Meta:
        ordering = ["wave", "id"]
        verbose_name = _("survey response")
        verbose_name_plural = _("survey responses")
        indexes = [models.Index(fields=["wave", "excluded", "reporting_unit", "sector"])]

    def __str__(self):
        return f"{self.wave_id}/{self.pk}"


class IndexResult(models.Model):
    """One computed index of a wave: a level (nation, unit, sector...), a group, a component."""

    class Level(models.TextChoices):
        NATION = "nation", _("All of the wave")
        UNIT = "unit", _("Reporting unit")
        DIVISION = "division", _("Division")
        SECTOR = "sector", _("Sector")
        ENTERPRISE = "enterprise", _("Enterprise")
        UNIT_SECTOR = "unit_sector", _("Reporting unit and sector")

    wave = models.ForeignKey(
        Wave, verbose_name=_("wave"), on_delete=models.CASCADE, related_name="results"
    )
    version = models.ForeignKey(
        ModelVersion, verbose_name=_("model version"), on_delete=models.PROTECT, related_name="+"
    )
    level = models.CharField(_("level"), max_length=12, choices=Level.choices)
    group = models.CharField(_("group"), max_length=60, blank=True)
    reporting_unit = models.ForeignKey(
        "portal.ReportingUnit", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    component = models.CharField(
        _("component"), max_length=60, help_text=_("index, d:<dimension>, g:<dimension>, i:<id>")
    )
    n = models.PositiveIntegerField(_("responses"))
    mean = models.DecimalField(_("index"), max_digits=9, decimal_places=4, null=True)
    sd = models.DecimalField(_("standard deviation"), max_digits=9, decimal_places=4, null=True)
    # xgettext:no-python-format
    low = models.DecimalField(_("95% interval from"), max_digits=9, decimal_places=4, null=True)
    # xgettext:no-python-format
    high = models.DecimalField(_("95% interval to"), max_digits=9, decimal_places=4, null=True)

    # A provincial regulator reads its unit's rows and the nation's figures beside them.
    scope = Scope(
        jurisdiction="reporting_unit",
        staff=models.Q(level="nation", wave__reporting_unit__isnull=True),
    )

    class Meta:
        ordering = ["wave", "level", "group", "component"]
        verbose_name = _("index result")
        verbose_name_plural = _("index results")
        indexes = [models.Index(fields=["wave", "level", "component"])]

    def __str__(self):
        return f"{self.level} {self.group} {self.component}"


class Computation(models.Model):
    """The record of one computation of a wave: the weights and formula it used."""

    wave = models.OneToOneField(
        Wave, verbose_name=_("wave"), on_delete=models.CASCADE, related_name="computation"
    )
    version = models.ForeignKey(
        ModelVersion, verbose_name=_("model version"), on_delete=models.PROTECT, related_name="+"
    )
    published = models.JSONField(_("weights and formula"), default=dict)
    responses = models.PositiveIntegerField(_("responses used"), default=0)
    excluded = models.PositiveIntegerField(_("responses excluded"), default=0)
    computed_at = models.DateTimeField(_("computed"), auto_now=True)
    computed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    scope = Scope(jurisdiction="wave__reporting_unit", staff=models.Q(wave__reporting_unit=None))

    class Meta:
        verbose_name = _("index computation")
        verbose_name_plural = _("index computations")

    def __str__(self):
        return str(self.wave)
