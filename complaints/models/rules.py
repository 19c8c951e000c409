"""The rule sets complaints are handled under: deadlines and grounds, versioned by date.

Reference data, never constants in code (DOMAIN.md section 4): each complaint is handled
under the rule set in force on the day it was received. Headquarters edits the values;
those DOMAIN.md marks unverified are listed in ``unverified`` and shown as such.
"""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from portal.scoping import Scope


class RuleSet(models.Model):
    """One regulation's deadlines (in working days unless named otherwise)."""

    code = models.SlugField(_("code"), max_length=20, unique=True)
    name = models.CharField(_("name"), max_length=200)
    name_en = models.CharField(_("name in English"), max_length=200)
    effective_from = models.DateField(_("in force from"), unique=True)
    acceptance_days = models.PositiveSmallIntegerField(_("days to decide on acceptance"))
    mediation_days = models.PositiveSmallIntegerField(_("days of mediation from acceptance"))
    end_notice_days = models.PositiveSmallIntegerField(_("days to tell the parties it ended"))
    verification_days = models.PositiveSmallIntegerField(_("days to verify a report"))
    verification_extension_days = models.PositiveSmallIntegerField(
        _("days a verification may be extended")
    )
    case_notice_days = models.PositiveSmallIntegerField(_("days to tell a reporter"))
    odr_days = models.PositiveSmallIntegerField(_("days an ODR enterprise has to settle"))
    reopen_days = models.PositiveSmallIntegerField(_("days after closing a complaint may reopen"))
    unverified = models.JSONField(_("values not verified against the text"), default=list)

    scope = Scope(everyone=True)

    class Meta:
        ordering = ["-effective_from"]
        verbose_name = _("complaint rule set")
        verbose_name_plural = _("complaint rule sets")

    def __str__(self):
        return self.name_en if get_language() == "en" else self.name

    @classmethod
    def in_force_on(cls, day):
        """The rule set a complaint received on ``day`` is handled under."""
        rule_set = cls.objects.filter(effective_from__lte=day).first()
        if rule_set is None:
            raise cls.DoesNotExist(f"no complaint rule set was in force on {day}")
        return rule_set

    def is_unverified(self, field_name):
        return field_name in self.unverified


class Ground(models.Model):
    """A statutory ground to refuse a complaint or to end mediation, in one rule set."""

    class Kind(models.TextChoices):
        REFUSAL = "refusal", _("Ground for not accepting")
        MEDIATION_END = "mediation_end", _("Ground for ending mediation")

    rule_set = models.ForeignKey(
        RuleSet, verbose_name=_("rule set"), on_delete=models.CASCADE, related_name="grounds"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    code = models.SlugField(_("code"), max_length=40)
    text = models.CharField(_("ground"), max_length=300)
    text_en = models.CharField(_("ground in English"), max_length=300)
    article = models.CharField(_("article"), max_length=40, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    scope = Scope(everyone=True)

    class Meta:
        ordering = ["rule_set", "kind", "position"]
        verbose_name = _("ground")
        verbose_name_plural = _("grounds")
        constraints = [
            models.UniqueConstraint(fields=["rule_set", "kind", "code"], name="one_ground_per_code")
        ]

    def __str__(self):
        return self.text_en if get_language() == "en" else self.text
