"""One-time links to the public questionnaire of a survey wave."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.scoping import Scope

from ..sectors import sector_choices
from .surveys import Response, Wave


class SurveyLinkBatch(models.Model):
    """Links issued together by a regulator: for one sector, and a division or enterprise."""

    wave = models.ForeignKey(
        Wave, verbose_name=_("wave"), on_delete=models.PROTECT, related_name="link_batches"
    )
    reporting_unit = models.ForeignKey(
        "portal.ReportingUnit", verbose_name=_("reporting unit"), on_delete=models.PROTECT,
        related_name="+",
    )  # fmt: skip
    sector = models.CharField(_("sector"), max_length=30, choices=sector_choices)
    division = models.ForeignKey(
        "portal.AdminDivision", verbose_name=_("division"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="+",
    )  # fmt: skip
    enterprise = models.ForeignKey(
        "enterprises.Enterprise", verbose_name=_("enterprise"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="+",
    )  # fmt: skip
    size = models.PositiveIntegerField(_("number of links"))
    note = models.CharField(_("note"), max_length=200, blank=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("issued by"), on_delete=models.PROTECT,
        related_name="+",
    )  # fmt: skip
    issued_at = models.DateTimeField(_("issued"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"))

    scope = Scope(jurisdiction="reporting_unit")

    class Meta:
        ordering = ["-issued_at", "-id"]
        verbose_name = _("batch of questionnaire links")
        verbose_name_plural = _("batches of questionnaire links")

    def __str__(self):
        return f"{self.wave} · {self.issued_at:%Y-%m-%d} · {self.size}"


class SurveyLink(models.Model):
    """One link: the keyed hash of its token (never the token), when it was opened and used."""

    batch = models.ForeignKey(
        SurveyLinkBatch, verbose_name=_("batch"), on_delete=models.CASCADE, related_name="links"
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    opened_at = models.DateTimeField(_("opened"), null=True, blank=True)
    response = models.OneToOneField(
        Response, verbose_name=_("response"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="link",
    )  # fmt: skip
    used_at = models.DateTimeField(_("used"), null=True, blank=True)

    scope = Scope(jurisdiction="batch__reporting_unit")
    audit_exclude = {"token_hash"}

    class Meta:
        verbose_name = _("questionnaire link")
        verbose_name_plural = _("questionnaire links")

    def __str__(self):
        return f"{self.batch_id}:{self.pk}"
