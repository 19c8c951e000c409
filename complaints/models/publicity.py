"""Quarterly complaint publicity (消费投诉公示): one frozen table per unit and quarter."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.limits import text_limit
from portal.scoping import Scope

PUBLISHED = models.Q(status="published")


class Publication(models.Model):
    """A unit's complaint figures of one quarter; frozen once published."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    reporting_unit = models.ForeignKey(
        "portal.ReportingUnit",
        verbose_name=_("reporting unit"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    year = models.PositiveSmallIntegerField(_("year"))
    quarter = models.PositiveSmallIntegerField(_("quarter"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    minimum_count = models.PositiveSmallIntegerField(_("fewest complaints shown by name"))
    by_section = models.JSONField(_("complaints by service"), default=list)
    by_ground = models.JSONField(_("complaints not accepted, by ground"), default=list)
    computed_at = models.DateTimeField(_("computed"), null=True, blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("published by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    scope = Scope(jurisdiction="reporting_unit", public=PUBLISHED)

    class Meta:
        ordering = ["-year", "-quarter", "reporting_unit"]
        verbose_name = _("complaint publication")
        verbose_name_plural = _("complaint publications")
        constraints = [
            models.UniqueConstraint(
                fields=["reporting_unit", "year", "quarter"], name="one_publication_per_quarter"
            ),
            models.CheckConstraint(
                condition=models.Q(quarter__range=(1, 4)), name="publication_quarter_one_to_four"
            ),
        ]

    def __str__(self):
        return f"{self.reporting_unit} {self.year}Q{self.quarter}"

    @property
    def is_published(self):
        return self.status == self.Status.PUBLISHED


class PublicationRow(models.Model):
    """One operator's figures (or, without an operator, those below the minimum together)."""

    publication = models.ForeignKey(
        Publication, verbose_name=_("publication"), on_delete=models.CASCADE, related_name="rows"
    )
    position = models.PositiveIntegerField(_("position"))
    operator = models.ForeignKey(
        "enterprises.Enterprise",
        verbose_name=_("operator"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    operator_name = models.CharField(_("operator"), max_length=200)
    operators = models.PositiveIntegerField(_("operators"), default=1)
    received = models.PositiveIntegerField(_("received"))
    accepted = models.PositiveIntegerField(_("accepted"))
    resolved = models.PositiveIntegerField(_("resolved"))
    median_days = models.DecimalField(
        _("median handling time (working days)"),
        max_digits=6,
        decimal_places=1,
        null=True,
        blank=True,
    )

    scope = Scope(
        jurisdiction="publication__reporting_unit", public=models.Q(publication__status="published")
    )

    class Meta:
        ordering = ["publication", "position"]
        verbose_name = _("complaint publication row")
        verbose_name_plural = _("complaint publication rows")

    def __str__(self):
        return f"{self.publication} · {self.operator_name}"

    @property
    def resolution_rate(self):
        """Resolved as a percentage of accepted (None when nothing was accepted)."""
        return round(100 * self.resolved / self.accepted, 1) if self.accepted else None


class PublicationAction(models.Model):
    """What the regulator did about an operator of the table: interview, spot check, exposure."""

    class Kind(models.TextChoices):
        INTERVIEW = "interview", _("Interview (约谈)")
        SPOT_CHECK = "spot_check", _("Spot check")
        EXPOSURE = "exposure", _("Public exposure")

    publication = models.ForeignKey(
        Publication, verbose_name=_("publication"), on_delete=models.CASCADE, related_name="actions"
    )
    operator_name = models.CharField(_("operator"), max_length=200)
    kind = models.CharField(_("action"), max_length=20, choices=Kind.choices)
    description = models.TextField(_("what was done"), **text_limit(1000))
    taken_on = models.DateField(_("taken on"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    scope = Scope(
        jurisdiction="publication__reporting_unit", public=models.Q(publication__status="published")
    )

    class Meta:
        ordering = ["publication", "taken_on", "id"]
        verbose_name = _("action taken on a publication")
        verbose_name_plural = _("actions taken on publications")

    def __str__(self):
        return f"{self.publication} · {self.operator_name} · {self.get_kind_display()}"
