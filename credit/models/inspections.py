"""Double-random, one-public inspections (双随机、一公开, DOMAIN.md §5, docs/inspections.md).

The list of items and the directory of inspectors are tables; the directory of inspection
objects is the registry itself (``credit.services.inspections.inspection_objects``). A
plan fixes its candidates and a commitment to its seed when published; its draws are
``portal.Draw`` records, one per risk class for the enterprises and one per enterprise
for its inspectors.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from portal.crypto import EncryptedTextField
from portal.limits import NAME, REASON, text_limit
from portal.models import StatusLog
from portal.scoping import Scope

from .. import inspection_rules
from .risk import RiskClass


class InspectionItem(models.Model):
    """One entry of the list of random-inspection items (抽查事项清单)."""

    class Kind(models.TextChoices):
        GENERAL = "general", _("General item (limited sampling ratio)")
        KEY = "key", _("Key item (no upper limit)")

    reporting_unit = models.ForeignKey(
        "portal.ReportingUnit",
        verbose_name=_("reporting unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Empty for an item of the national list."),
    )
    name = models.CharField(_("name"), max_length=NAME)
    content = models.TextField(_("content"), **text_limit(REASON))
    legal_basis = models.TextField(_("legal basis"), **text_limit(REASON))
    method = models.CharField(_("method"), max_length=NAME)
    frequency = models.CharField(_("frequency"), max_length=100)
    field = models.CharField(
        _("enforcement field"), max_length=40, choices=inspection_rules.field_choices
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.GENERAL)
    max_ratio = models.DecimalField(
        _("highest sampling ratio"),
        max_digits=5,
        decimal_places=4,
        null=True,
        blank=True,
        help_text=_("General items only, e.g. 0.05 for 5 %; key items have no upper limit."),
    )
    active = models.BooleanField(_("in use"), default=True)

    scope = Scope(jurisdiction="reporting_unit", public=Q(active=True))

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("inspection item")
        verbose_name_plural = _("inspection items")
        constraints = [
            models.CheckConstraint(
                condition=(Q(kind="general") & Q(max_ratio__gt=0) & Q(max_ratio__lte=1))
                | (Q(kind="key") & Q(max_ratio__isnull=True)),
                name="general_item_has_ratio_key_item_none",
            )
        ]

    def __str__(self):
        return self.name


class Inspector(models.Model):
    """One entry of the directory of enforcement inspectors (执法检查人员名录库)."""

    agency = models.ForeignKey(
        "portal.Agency", verbose_name=_("agency"), on_delete=models.PROTECT, related_name="+"
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("portal account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="inspector",
    )
    name = models.CharField(_("name"), max_length=60)
    certificate_number = models.CharField(
        _("enforcement certificate number"), max_length=40, unique=True
    )
    fields = models.JSONField(_("enforcement fields"), default=list)
    active = models.BooleanField(_("active"), default=True)

    scope = Scope(jurisdiction="agency__reporting_unit")
    audit_words = {"fields": "credit.inspection_rules.field_choices"}  # portal.audit_display

    class Meta:
        ordering = ["certificate_number"]
        verbose_name = _("inspector")
        verbose_name_plural = _("inspectors")

    def __str__(self):
        return f"{self.name} ({self.certificate_number})"

    @property
    def field_labels(self):
        labels = dict(inspection_rules.field_choices())
        return [labels.get(code, code) for code in self.fields]


class InspectorConflict(models.Model):
    """A recorded conflict of interest: the inspector is never drawn for that enterprise."""

    inspector = models.ForeignKey(
        Inspector, verbose_name=_("inspector"), on_delete=models.CASCADE, related_name="conflicts"
    )
    enterprise = models.ForeignKey(
        "enterprises.Enterprise",
        verbose_name=_("enterprise"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    reason = models.TextField(_("reason"), **text_limit(REASON))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    scope = Scope(jurisdiction="inspector__agency__reporting_unit")

    class Meta:
        ordering = ["-recorded_at"]
        verbose_name = _("conflict of interest")
        verbose_name_plural = _("conflicts of interest")
        constraints = [
            models.UniqueConstraint(fields=["inspector", "enterprise"], name="one_conflict_each")
        ]

    def __str__(self):
        return f"{self.inspector} · {self.enterprise}"


class InspectionPlan(models.Model):
    """A random-inspection plan: agencies, scope, items, period and the ratio per risk class."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published (candidates and commitment fixed)")
        DRAWN = "drawn", _("Drawn: enterprises and inspectors chosen")
        INSPECTING = "inspecting", _("Inspecting")
        CLOSED = "closed", _("Results published, closed")

    reporting_unit = models.ForeignKey(
        "portal.ReportingUnit",
        verbose_name=_("reporting unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Empty for a nationwide plan of headquarters."),
    )
    name = models.CharField(_("name"), max_length=NAME)
    agencies = models.ManyToManyField(
        "portal.Agency",
        verbose_name=_("agencies"),
        related_name="+",
        help_text=_("Several agencies make a joint cross-department plan."),
    )
    divisions = models.ManyToManyField(
        "portal.AdminDivision",
        verbose_name=_("divisions"),
        blank=True,
        related_name="+",
        help_text=_("Empty for the whole reporting unit."),
    )
    sections = models.JSONField(
        _("industry sections"), default=list, blank=True, help_text=_("Empty for every section.")
    )
    items = models.ManyToManyField(InspectionItem, verbose_name=_("items"), related_name="plans")
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    inspectors_per_object = models.PositiveSmallIntegerField(
        _("inspectors per enterprise"), default=inspection_rules.MIN_INSPECTORS
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    # Fixed on publication.
    seed_source = models.CharField(_("seed source"), max_length=200, blank=True)
    commitment = models.CharField(_("SHA-256 of the secret value"), max_length=64, blank=True)
    secret = EncryptedTextField(_("secret value"), blank=True, editable=False)
    candidates = models.TextField(
        _("candidate list"),
        blank=True,
        editable=False,
        help_text=_("One line per enterprise, USCC and group separated by a tab, by USCC."),
    )
    candidates_sha256 = models.CharField(
        _("SHA-256 of the candidate list"), max_length=64, blank=True
    )
    candidate_count = models.PositiveIntegerField(_("candidates"), default=0)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    # Fixed by the draw.
    revealed = models.CharField(_("revealed secret value"), max_length=200, blank=True)
    seed = models.CharField(_("seed"), max_length=64, blank=True)
    drawn_at = models.DateTimeField(_("drawn"), null=True, blank=True)

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    scope = Scope(jurisdiction="reporting_unit", public=~Q(status="draft"))
    audit_exclude = {"candidates", "secret"}

    class Meta:
        ordering = ["-starts_on", "-id"]
        verbose_name = _("inspection plan")
        verbose_name_plural = _("inspection plans")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("credit:plan_detail", args=[self.pk])

    @property
    def identifier(self):
        return inspection_rules.plan_identifier(self.pk)


class ClassRatio(models.Model):
    """The sampling ratio (or a fixed number) of one risk class in a plan."""

    plan = models.ForeignKey(
        InspectionPlan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="ratios"
    )
    risk_class = models.CharField(_("risk class"), max_length=1, choices=RiskClass.choices)
    ratio = models.DecimalField(
        _("sampling ratio"),
        max_digits=5,
        decimal_places=4,
        null=True,
        blank=True,
        help_text=_(
            "e.g. 0.05 for 5 %; the quota is the ratio times the class's pool, rounded up."
        ),
    )
    count = models.PositiveIntegerField(
        _("fixed number"), null=True, blank=True, help_text=_("Instead of a ratio.")
    )

    scope = Scope(jurisdiction="plan__reporting_unit")

    class Meta:
        ordering = ["risk_class"]
        verbose_name = _("sampling ratio")
        verbose_name_plural = _("sampling ratios")
        constraints = [
            models.UniqueConstraint(fields=["plan", "risk_class"], name="one_ratio_per_class"),
            models.CheckConstraint(
                condition=(Q(ratio__isnull=False) & Q(ratio__gte=0) & Q(ratio__lte=1))
                | (Q(ratio__isnull=True) & Q(count__isnull=False)),
                name="ratio_between_zero_and_one_or_count",
            ),
        ]

    def __str__(self):
        return f"{self.plan_id} {self.risk_class}"


class PlanStatusChange(StatusLog):
    plan = models.ForeignKey(
        InspectionPlan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="+"
    )

    scope = Scope(jurisdiction="plan__reporting_unit")

    class Meta(StatusLog.Meta):
        verbose_name = _("plan status change")
        verbose_name_plural = _("plan status changes")


class PlanDraw(models.Model):
    """One draw of a plan's enterprises in one risk class (round 2 and on: re-draws)."""

    plan = models.ForeignKey(
        InspectionPlan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="draws"
    )
    risk_class = models.CharField(_("group"), max_length=1, choices=RiskClass.choices)
    round = models.PositiveSmallIntegerField(_("round"), default=1)
    quota = models.PositiveIntegerField(_("quota"))
    draw = models.OneToOneField(
        "portal.Draw", verbose_name=_("draw"), on_delete=models.PROTECT, related_name="+"
    )

    scope = Scope(jurisdiction="plan__reporting_unit", public=~Q(plan__status="draft"))

    class Meta:
        ordering = ["round", "risk_class"]
        verbose_name = _("plan draw")
        verbose_name_plural = _("plan draws")
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "risk_class", "round"], name="one_draw_per_class_and_round"
            )
        ]

    def __str__(self):
        return f"{self.plan_id} {self.risk_class} #{self.round}"


class Inspection(models.Model):
    """One drawn enterprise of a plan, its team and its result."""

    plan = models.ForeignKey(
        InspectionPlan,
        verbose_name=_("plan"),
        on_delete=models.CASCADE,
        related_name="inspections",
    )
    enterprise = models.ForeignKey(
        "enterprises.Enterprise",
        verbose_name=_("enterprise"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    risk_class = models.CharField(_("group"), max_length=1, choices=RiskClass.choices)
    round = models.PositiveSmallIntegerField(_("round"), default=1)
    active = models.BooleanField(_("current"), default=True)
    result = models.CharField(
        _("result"), max_length=40, choices=inspection_rules.result_choices, blank=True
    )
    result_note = models.TextField(_("findings"), blank=True, **text_limit(REASON))
    concluded_on = models.DateField(_("concluded on"), null=True, blank=True)
    publish_by = models.DateField(_("to be public by"), null=True, blank=True)
    publish_by_provisional = models.BooleanField(_("deadline provisional"), default=False)
    calendar_version = models.CharField(_("calendar version"), max_length=100, blank=True)
    published_at = models.DateTimeField(_("result published"), null=True, blank=True)
    # The hook for the lists: an unreachable result offers an abnormal-list entry.
    abnormal_list_suggested = models.BooleanField(_("abnormal-list entry suggested"), default=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("result recorded by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    scope = Scope(
        jurisdiction="plan__reporting_unit",
        enterprise="enterprise",
        public=Q(published_at__isnull=False, active=True),
    )

    class Meta:
        ordering = ["enterprise__uscc"]
        verbose_name = _("inspection")
        verbose_name_plural = _("inspections")
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "enterprise"],
                condition=Q(active=True),
                name="one_current_inspection_per_enterprise",
            )
        ]
        indexes = [models.Index(fields=["publish_by", "published_at"])]

    def __str__(self):
        return f"{self.plan} · {self.enterprise}"

    @property
    def on_time(self):
        return bool(self.published_at and self.published_at.date() <= self.publish_by)


class InspectionAssignment(models.Model):
    """One inspector on an inspection's team, drawn; a recusal records why and who replaced."""

    inspection = models.ForeignKey(
        Inspection, verbose_name=_("inspection"), on_delete=models.CASCADE, related_name="team"
    )
    inspector = models.ForeignKey(
        Inspector, verbose_name=_("inspector"), on_delete=models.PROTECT, related_name="+"
    )
    draw = models.ForeignKey(
        "portal.Draw", verbose_name=_("draw"), on_delete=models.PROTECT, related_name="+"
    )
    recused_at = models.DateTimeField(_("recused"), null=True, blank=True)
    recusal_reason = models.TextField(_("reason for recusal"), blank=True, **text_limit(REASON))
    recused_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recusal recorded by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    replaced_by = models.OneToOneField(
        "self",
        verbose_name=_("replaced by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="replaces",
    )

    scope = Scope(
        jurisdiction="inspection__plan__reporting_unit",
        public=~Q(inspection__plan__status="draft") & Q(inspection__active=True),
    )

    class Meta:
        ordering = ["inspection", "id"]
        verbose_name = _("inspector assignment")
        verbose_name_plural = _("inspector assignments")

    def __str__(self):
        return f"{self.inspection} · {self.inspector}"


class ResultReminder(models.Model):
    """A warning sent about a result's publicity deadline; each deadline is warned of once."""

    class Kind(models.TextChoices):
        DUE_SOON = "due_soon", _("Due soon")
        OVERDUE = "overdue", _("Overdue")

    inspection = models.ForeignKey(
        Inspection, verbose_name=_("inspection"), on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    due = models.DateField(_("deadline"))
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)

    scope = Scope(jurisdiction="inspection__plan__reporting_unit")

    class Meta:
        verbose_name = _("result reminder")
        verbose_name_plural = _("result reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["inspection", "kind", "due"], name="one_result_reminder_each"
            )
        ]

    def __str__(self):
        return f"{self.inspection_id} {self.kind} {self.due}"
