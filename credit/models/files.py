"""The credit file's records: administrative penalties, the two lists and consumer warnings.

DOMAIN.md §6. Each record enters through a workflow (credit.services.penalties and
credit.services.lists) in which a second officer confirms what the first proposed;
only confirmed records are published. What the public may read is each model's
``scope.public``: the lists in force, penalties within their publicity period, the
bulletins of entering and leaving a list, and never a listing removed early.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from enterprises.industries import section_choices
from portal.limits import text_limit
from portal.models import StatusLog
from portal.scoping import Scope
from portal.uploads import private_storage


class Level(models.TextChoices):
    """The administrative level of the department that decides a listing."""

    PROVINCE = "province", _("Provincial level")
    CITY = "city", _("City level")
    COUNTY = "county", _("County level")


class Penalty(models.Model):
    """An administrative penalty decision (行政处罚决定) against an enterprise."""

    class Kind(models.TextChoices):
        WARNING = "warning", _("Warning")
        CRITICISM = "criticism", _("Circulated criticism")
        FINE = "fine", _("Fine")
        CONFISCATION = "confiscation", _("Confiscation of illegal gains or property")
        LICENCE_REVOKED = "licence_revoked", _("Licence revoked")
        BUSINESS_RESTRICTED = "business_restricted", _("Business activities restricted")
        CLOSURE = "closure", _("Ordered to close")
        EMPLOYMENT_RESTRICTION = "employment_restriction", _("Employment restriction")
        DETENTION = "detention", _("Administrative detention")

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed, awaiting a second officer")
        RETURNED = "returned", _("Returned to the proposer")
        PUBLISHED = "published", _("Published")
        REPAIR_APPLIED = "repair_applied", _("Credit repair applied for")
        REPAIRED = "repaired", _("Repaired (no longer published)")

    enterprise = models.ForeignKey(
        "enterprises.Enterprise",
        verbose_name=_("enterprise"),
        on_delete=models.PROTECT,
        related_name="penalties",
    )
    decision_number = models.CharField(_("decision number"), max_length=100)
    authority = models.CharField(_("deciding authority"), max_length=200)
    agency = models.ForeignKey(
        "portal.Agency", verbose_name=_("recorded by agency"), on_delete=models.PROTECT
    )
    decided_on = models.DateField(_("decision date"))
    ground = models.TextField(_("ground (the violation)"), **text_limit(2000))
    kind = models.CharField(_("penalty kind"), max_length=30, choices=Kind.choices)
    amount = models.DecimalField(
        _("amount (yuan)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    serious = models.BooleanField(_("serious in nature"), default=False)
    special_field = models.BooleanField(
        _("in food, drugs or special equipment"),
        default=False,
        help_text=_("Penalties in these fields are repairable only after a longer publicity."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PROPOSED
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("proposed by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("confirmed by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    published_on = models.DateField(_("published on"), null=True, blank=True)
    public_until = models.DateField(_("publicity ends"), null=True, blank=True)
    repair_note = models.TextField(_("credit repair application"), blank=True, **text_limit(2000))
    repaired_on = models.DateField(_("repaired on"), null=True, blank=True)
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    scope = Scope(jurisdiction="enterprise__reporting_unit", public=lambda: Penalty.public_q())

    class Meta:
        ordering = ["-decided_on", "-id"]
        verbose_name = _("administrative penalty")
        verbose_name_plural = _("administrative penalties")
        constraints = [
            models.UniqueConstraint(
                fields=["authority", "decision_number"], name="one_decision_number_per_authority"
            )
        ]
        indexes = [models.Index(fields=["enterprise", "status"])]

    def __str__(self):
        return f"{self.decision_number} · {self.enterprise}"

    @staticmethod
    def public_q(today=None):
        """Published penalties whose publicity period has not ended."""
        today = today or timezone.localdate()
        return Q(status__in=PUBLISHED_PENALTY, public_until__gte=today)


PUBLISHED_PENALTY = (Penalty.Status.PUBLISHED, Penalty.Status.REPAIR_APPLIED)


class AbnormalListing(models.Model):
    """An entry in the abnormal-operations list (经营异常名录)."""

    class Ground(models.TextChoices):
        ANNUAL_REPORT = (
            "annual_report",
            _("Annual report for the previous year not filed by 30 June"),
        )
        NOT_DISCLOSED = "not_disclosed", _("Information not disclosed within the period ordered")
        FALSE_DISCLOSURE = "false_disclosure", _("Disclosed information false")
        UNREACHABLE = "unreachable", _("Unreachable at the registered address")

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed, awaiting a second officer")
        RETURNED = "returned", _("Returned to the proposer")
        LISTED = "listed", _("Listed")
        REMOVAL_APPLIED = "removal_applied", _("Removal applied for")
        REMOVED = "removed", _("Removed")
        TRANSFERRED = "transferred", _("Moved to the serious list")

    enterprise = models.ForeignKey(
        "enterprises.Enterprise",
        verbose_name=_("enterprise"),
        on_delete=models.PROTECT,
        related_name="abnormal_listings",
    )
    ground = models.CharField(_("ground"), max_length=20, choices=Ground.choices)
    decision_reference = models.CharField(_("decision reference"), max_length=100)
    decided_on = models.DateField(_("decision date"))
    agency = models.ForeignKey(
        "portal.Agency", verbose_name=_("deciding agency"), on_delete=models.PROTECT
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PROPOSED
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("proposed by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("confirmed by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    listed_on = models.DateField(_("listed on"), null=True, blank=True)
    correction = models.TextField(_("correction made"), blank=True, **text_limit(2000))
    removal_applied_on = models.DateField(_("removal applied for on"), null=True, blank=True)
    removal_due = models.DateField(_("removal decision due"), null=True, blank=True)
    removed_on = models.DateField(_("removed on"), null=True, blank=True)
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    scope = Scope(
        jurisdiction="enterprise__reporting_unit",
        public=Q(status__in=("listed", "removal_applied")),
    )

    class Meta:
        ordering = ["-listed_on", "-id"]
        verbose_name = _("abnormal-operations list entry")
        verbose_name_plural = _("abnormal-operations list entries")
        indexes = [models.Index(fields=["status", "listed_on"])]

    def __str__(self):
        return f"{self.enterprise} · {self.get_ground_display()}"


IN_FORCE_ABNORMAL = (AbnormalListing.Status.LISTED, AbnormalListing.Status.REMOVAL_APPLIED)


class SeriousListing(models.Model):
    """An entry in the serious illegal and dishonest list (严重违法失信名单, SAMR Order No. 44)."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed, awaiting a second officer")
        RETURNED = "returned", _("Returned to the proposer")
        LISTED = "listed", _("Listed")
        REPAIR_APPLIED = "repair_applied", _("Credit repair applied for")
        EXPIRED = "expired", _("Removed: listing period served")
        REMOVED_EARLY = "removed_early", _("Removed early through credit repair")

    enterprise = models.ForeignKey(
        "enterprises.Enterprise",
        verbose_name=_("enterprise"),
        on_delete=models.PROTECT,
        related_name="serious_listings",
    )
    ground = models.TextField(_("ground (the listed violation)"), **text_limit(2000))
    penalty = models.ForeignKey(
        Penalty,
        verbose_name=_("the heavier penalty it rests on"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="serious_listings",
    )
    from_abnormal = models.OneToOneField(
        AbnormalListing,
        verbose_name=_("moved from the abnormal-operations list"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="serious_listing",
    )
    decision_reference = models.CharField(_("decision reference"), max_length=100)
    decided_on = models.DateField(_("decision date"))
    agency = models.ForeignKey(
        "portal.Agency", verbose_name=_("deciding agency"), on_delete=models.PROTECT
    )
    level = models.CharField(
        _("level of the listing department"),
        max_length=10,
        choices=Level.choices,
        default=Level.PROVINCE,
    )
    higher_consent_reference = models.CharField(
        _("next level's consent (reference)"), max_length=100, blank=True
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PROPOSED
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("proposed by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("confirmed by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    listed_on = models.DateField(_("listed on"), null=True, blank=True)
    listed_until = models.DateField(_("listed until"), null=True, blank=True)
    # Credit repair (early removal): the application and the conditions found.
    repair_applied_on = models.DateField(_("repair applied for on"), null=True, blank=True)
    repair_pledge = models.FileField(
        _("good-faith pledge (守信承诺书)"),
        storage=private_storage,
        upload_to="credit/pledges/%Y/",
        blank=True,
    )
    repair_pledge_name = models.CharField(_("file name of the pledge"), max_length=200, blank=True)
    repair_evidence = models.FileField(
        _("evidence"), storage=private_storage, upload_to="credit/evidence/%Y/", blank=True
    )
    repair_evidence_name = models.CharField(
        _("file name of the evidence"), max_length=200, blank=True
    )
    measures_expired = models.BooleanField(_("every measure has expired"), default=False)
    obligations_fulfilled = models.BooleanField(
        _("obligations in the decisions fulfilled"), default=False
    )
    harm_corrected = models.BooleanField(_("harm corrected"), default=False)
    removed_on = models.DateField(_("removed on"), null=True, blank=True)
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    scope = Scope(
        jurisdiction="enterprise__reporting_unit", public=Q(status__in=("listed", "repair_applied"))
    )

    class Meta:
        ordering = ["-listed_on", "-id"]
        verbose_name = _("serious illegal and dishonest list entry")
        verbose_name_plural = _("serious illegal and dishonest list entries")
        indexes = [
            models.Index(fields=["status", "listed_until"]),
            models.Index(fields=["enterprise", "status"]),
        ]

    def __str__(self):
        return f"{self.enterprise} · {self.decision_reference}"


IN_FORCE_SERIOUS = (SeriousListing.Status.LISTED, SeriousListing.Status.REPAIR_APPLIED)
# What a bulletin announces: entering a list and leaving it (an early removal is not announced:
# after credit repair the public record no longer shows the listing at all).
ENTERING = ("confirm",)
LEAVING_ABNORMAL = ("remove",)
LEAVING_SERIOUS = ("expire",)


class PenaltyStatusChange(StatusLog):
    penalty = models.ForeignKey(
        Penalty, verbose_name=_("penalty"), on_delete=models.CASCADE, related_name="history"
    )

    scope = Scope(jurisdiction="penalty__enterprise__reporting_unit")

    class Meta(StatusLog.Meta):
        verbose_name = _("penalty status change")
        verbose_name_plural = _("penalty status changes")


class AbnormalListingStatusChange(StatusLog):
    listing = models.ForeignKey(
        AbnormalListing, verbose_name=_("entry"), on_delete=models.CASCADE, related_name="history"
    )

    scope = Scope(
        jurisdiction="listing__enterprise__reporting_unit",
        public=Q(action__in=ENTERING + LEAVING_ABNORMAL),
    )

    class Meta(StatusLog.Meta):
        verbose_name = _("abnormal-list status change")
        verbose_name_plural = _("abnormal-list status changes")


class SeriousListingStatusChange(StatusLog):
    listing = models.ForeignKey(
        SeriousListing, verbose_name=_("entry"), on_delete=models.CASCADE, related_name="history"
    )

    scope = Scope(
        jurisdiction="listing__enterprise__reporting_unit",
        public=Q(action__in=ENTERING + LEAVING_SERIOUS) & ~Q(listing__status="removed_early"),
    )

    class Meta(StatusLog.Meta):
        verbose_name = _("serious-list status change")
        verbose_name_plural = _("serious-list status changes")


class ConsumerWarning(models.Model):
    """A consumer warning (消费警示) for a sector, a region or named enterprises."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("warning"), **text_limit(5000))
    reporting_unit = models.ForeignKey(
        "portal.ReportingUnit",
        verbose_name=_("issued by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Empty for headquarters."),
    )
    sector = models.CharField(
        _("sector (GB/T 4754 section)"), max_length=1, choices=section_choices(), blank=True
    )
    division = models.ForeignKey(
        "portal.AdminDivision",
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    enterprises = models.ManyToManyField(
        "enterprises.Enterprise", verbose_name=_("named enterprises"), blank=True, related_name="+"
    )
    valid_from = models.DateField(_("valid from"))
    valid_until = models.DateField(_("valid until"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("written by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    scope = Scope(jurisdiction="reporting_unit", owner="created_by", public=Q(status="published"))

    class Meta:
        ordering = ["-valid_from", "-id"]
        verbose_name = _("consumer warning")
        verbose_name_plural = _("consumer warnings")
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_until__gte=models.F("valid_from")),
                name="warning_valid_until_after_from",
            )
        ]

    def __str__(self):
        return self.title


class ConsumerWarningStatusChange(StatusLog):
    warning = models.ForeignKey(
        ConsumerWarning, verbose_name=_("warning"), on_delete=models.CASCADE, related_name="history"
    )

    scope = Scope(jurisdiction="warning__reporting_unit")

    class Meta(StatusLog.Meta):
        verbose_name = _("consumer warning status change")
        verbose_name_plural = _("consumer warning status changes")
