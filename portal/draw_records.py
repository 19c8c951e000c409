"""The record of every draw made with portal.draws: published figures and result."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .scoping import Scope


class Draw(models.Model):
    """One draw: purpose, seed, candidate snapshot and its hash, algorithm, k and result."""

    purpose = models.CharField(_("purpose"), max_length=200, db_index=True)
    seed = models.CharField(_("seed"), max_length=200)
    algorithm = models.CharField(_("algorithm"), max_length=40)
    candidates = models.TextField(
        _("candidates"), help_text=_("Sorted identifiers, one a line, exactly as hashed.")
    )
    candidates_sha256 = models.CharField(_("SHA-256 of the candidate list"), max_length=64)
    population = models.PositiveIntegerField(_("candidates"))
    k = models.PositiveIntegerField(_("number drawn"))
    result = models.JSONField(
        _("drawn"), default=list, help_text=_("Identifiers, lowest ticket first.")
    )
    reason = models.TextField(_("reason for drawing again"), blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("re-draw approved by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    replaces = models.ForeignKey(
        "self",
        verbose_name=_("draws again for"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="redraws",
    )
    reporting_unit = models.ForeignKey(
        "portal.ReportingUnit",
        verbose_name=_("reporting unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Empty for a nationwide draw by headquarters."),
    )
    drawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("drawn by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    drawn_at = models.DateTimeField(_("drawn"), auto_now_add=True)

    scope = Scope(jurisdiction="reporting_unit")

    class Meta:
        ordering = ["-drawn_at", "-id"]
        verbose_name = _("draw")
        verbose_name_plural = _("draws")
        constraints = [
            models.UniqueConstraint(
                fields=["purpose"],
                condition=Q(replaces__isnull=True),
                name="first_draw_per_purpose",
            ),
            models.CheckConstraint(
                condition=Q(replaces__isnull=True) | (~Q(reason="") & Q(approved_by__isnull=False)),
                name="redraw_has_reason_and_approver",
            ),
        ]

    def __str__(self):
        return f"{self.purpose} · {self.drawn_at:%Y-%m-%d %H:%M}"
