"""Complaints and reports (投诉、举报) from consumers, and their handling history."""

from django.conf import settings
from django.db import models
from django.db.models import F
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from enterprises.industries import section_choices
from portal.crypto import EncryptedTextField
from portal.limits import text_limit
from portal.models import StatusLog
from portal.scoping import Scope
from portal.uploads import private_storage

from .rules import Ground, RuleSet

# The deadline that matters now (mediation's once accepted, else the decision's) and the
# statuses whose deadlines still run: the due lists, counts and reminders use both.
DUE = Coalesce(F("mediation_due"), F("decision_due"))
OPEN_STATUSES = ["received", "with_odr", "accepted", "mediating", "suspended", "verifying"]
OPEN_ROWS = models.Q(status__in=OPEN_STATUSES)


class Complaint(models.Model):
    """One complaint or report, routed to the unit where the operator is."""

    class Kind(models.TextChoices):
        COMPLAINT = "complaint", _("Complaint")
        REPORT = "report", _("Report of a violation")

    class Channel(models.TextChoices):
        ONLINE = "online", _("Online form")
        PHONE = "phone", _("Telephone")
        LETTER = "letter", _("Letter")
        VISIT = "visit", _("In person")

    class Status(models.TextChoices):
        RECEIVED = "received", _("Received")
        WITH_ODR = "with_odr", _("With the enterprise (ODR)")
        ACCEPTED = "accepted", pgettext_lazy("complaint status", "Accepted")
        NOT_ACCEPTED = "not_accepted", _("Not accepted")
        MEDIATING = "mediating", _("In mediation")
        SUSPENDED = "suspended", _("Suspended for testing or appraisal")
        MEDIATED = "mediated", _("Mediated successfully")
        MEDIATION_FAILED = "mediation_failed", _("Mediation failed")
        TERMINATED = "terminated", _("Mediation terminated")
        VERIFYING = "verifying", _("Being verified")
        CASE_OPENED = "case_opened", _("Case opened")
        NO_CASE = "no_case", _("No case opened")
        CLOSED = "closed", _("Closed")

    class Routed(models.TextChoices):
        RULE = "rule", _("a routing rule")
        REGISTRY = "registry", _("the operator's registry record")
        ADDRESS = "address", _("the address given")
        PLATFORM = "platform", _("the platform's domicile")
        TRANSFER = "transfer", _("an accepted transfer")

    tracking_code = models.CharField(_("tracking code"), max_length=12, unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    channel = models.CharField(_("received by"), max_length=10, choices=Channel.choices)
    received_on = models.DateField(_("received on"))
    rule_set = models.ForeignKey(RuleSet, verbose_name=_("rule set"), on_delete=models.PROTECT)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.RECEIVED
    )
    split_from = models.ForeignKey(
        "self",
        verbose_name=_("split from"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="split_into",
    )

    # Who complains (encrypted; shown only to the staff handling it).
    complainant_name = EncryptedTextField(_("name"))
    complainant_phone = EncryptedTextField(_("phone"))
    phone_index = models.CharField(max_length=64, db_index=True, editable=False)
    complainant_id_number = EncryptedTextField(_("ID number"), blank=True)
    complainant_address = EncryptedTextField(_("address"), blank=True)
    complainant_email = EncryptedTextField(_("e-mail"), blank=True)
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    contact_consent = models.BooleanField(
        _("the enterprise may see my contact details"), default=False
    )

    # Whom it is about.
    operator = models.ForeignKey(
        "enterprises.Enterprise",
        verbose_name=_("operator"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="complaints",
    )
    operator_name = models.CharField(_("operator's name"), max_length=200)
    operator_uscc = models.CharField(_("operator's USCC"), max_length=18, blank=True)
    operator_address = models.CharField(_("operator's address"), max_length=300, blank=True)
    platform = models.ForeignKey(
        "enterprises.Enterprise",
        verbose_name=_("platform it sold through"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="platform_complaints",
    )
    service_section = models.CharField(
        _("service (GB/T 4754 section)"), max_length=1, choices=section_choices()
    )
    happened_on = models.DateField(_("when it happened"))
    amount = models.DecimalField(
        _("amount involved (yuan)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    description = models.TextField(_("what went wrong"), **text_limit(5000))
    request = models.TextField(_("what you ask for"), **text_limit(2000))

    # Where it is handled and why there.
    division = models.ForeignKey(
        "portal.AdminDivision",
        verbose_name=_("division"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    reporting_unit = models.ForeignKey(
        "portal.ReportingUnit",
        verbose_name=_("handled by"),
        on_delete=models.PROTECT,
        related_name="complaints",
    )
    first_unit = models.ForeignKey(
        "portal.ReportingUnit",
        verbose_name=_("first received by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    routed_by = models.CharField(_("routed by"), max_length=10, choices=Routed.choices)
    routing_rule = models.ForeignKey(
        "complaints.RoutingRule",
        verbose_name=_("routing rule"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("officer"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    # Deadlines (portal.workdays), kept with the calendar they were computed on.
    accepted_on = models.DateField(_("accepted on"), null=True, blank=True)
    suspended_days = models.PositiveIntegerField(_("working days suspended"), default=0)
    suspended_on = models.DateField(_("suspended on"), null=True, blank=True)
    extended_days = models.PositiveSmallIntegerField(_("days extended"), default=0)
    odr_due = models.DateField(_("ODR settlement due"), null=True, blank=True)
    decision_due = models.DateField(_("decision due"))
    mediation_due = models.DateField(_("mediation due"), null=True, blank=True)
    end_notice_due = models.DateField(_("parties to be told it ended by"), null=True, blank=True)
    parties_told_on = models.DateField(_("parties told it ended on"), null=True, blank=True)
    deadline_provisional = models.BooleanField(_("provisional deadline"), default=False)
    calendar_version = models.CharField(_("calendar version"), max_length=100)

    ground = models.ForeignKey(
        Ground,
        verbose_name=_("ground"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    anonymised_on = models.DateField(_("anonymised on"), null=True, blank=True)
    rating = models.PositiveSmallIntegerField(_("rating (1-5)"), null=True, blank=True)
    rating_comment = models.TextField(_("comment on the handling"), blank=True, **text_limit(1000))

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    scope = Scope(jurisdiction="reporting_unit", enterprise="operator")
    audit_exclude = {"phone_index"}

    class Meta:
        ordering = ["decision_due", "id"]
        verbose_name = _("complaint")
        verbose_name_plural = _("complaints")
        indexes = [
            models.Index(fields=["reporting_unit", "status", "decision_due"]),
            models.Index(fields=["reporting_unit", "status", "mediation_due"]),
            models.Index(fields=["received_on"]),
            models.Index(fields=["phone_index", "received_on"]),
            # The due list and its counts order and filter on the deadline that matters now.
            models.Index(F("reporting_unit"), DUE, F("id"), name="complaint_unit_due"),
            models.Index(
                F("reporting_unit"), DUE, name="complaint_open_unit_due", condition=OPEN_ROWS
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(rating__isnull=True) | models.Q(rating__range=(1, 5)),
                name="complaint_rating_one_to_five",
            )
        ]

    def __str__(self):
        return f"{self.tracking_code} · {self.operator_name}"

    @property
    def is_report(self):
        return self.kind == self.Kind.REPORT

    @property
    def current_due(self):
        """The deadline that matters now: mediation's once accepted, else the decision's."""
        return self.mediation_due or self.decision_due


class ComplaintStatusChange(StatusLog):
    """A complaint's handling history (portal.workflow)."""

    complaint = models.ForeignKey(
        Complaint, verbose_name=_("complaint"), on_delete=models.CASCADE, related_name="history"
    )

    scope = Scope(jurisdiction="complaint__reporting_unit", enterprise="complaint__operator")

    class Meta(StatusLog.Meta):
        verbose_name = _("complaint status change")
        verbose_name_plural = _("complaint status changes")


class RoutingRule(models.Model):
    """Where complaints matching the conditions go, tried in position order.

    Headquarters' rules (no owner) apply everywhere; a unit's rules apply to complaints
    first routed to it. Without a matching rule, a complaint goes to the operator's unit.
    """

    owner = models.ForeignKey(
        "portal.ReportingUnit",
        verbose_name=_("rule of"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    position = models.PositiveSmallIntegerField(_("position"), default=100)
    description = models.CharField(_("description"), max_length=200)
    division_prefix = models.CharField(
        _("divisions whose code starts with"), max_length=6, blank=True
    )
    service_section = models.CharField(
        _("service (GB/T 4754 section)"), max_length=1, choices=section_choices(), blank=True
    )
    target_division = models.ForeignKey(
        "portal.AdminDivision",
        verbose_name=_("send to"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    active = models.BooleanField(_("active"), default=True)

    scope = Scope(everyone=True, jurisdiction="owner")  # reference data; owners edit theirs

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("routing rule")
        verbose_name_plural = _("routing rules")

    def __str__(self):
        return self.description

    def matches(self, division_code, section):
        return (
            self.active
            and division_code.startswith(self.division_prefix)
            and self.service_section in ("", section)
        )


class OdrEnterprise(models.Model):
    """An enterprise that settles complaints with consumers first (ODR, 在线消费纠纷解决)."""

    enterprise = models.OneToOneField(
        "enterprises.Enterprise",
        verbose_name=_("enterprise"),
        on_delete=models.CASCADE,
        related_name="odr",
    )
    since = models.DateField(_("ODR since"))
    until = models.DateField(_("ODR until"), null=True, blank=True)

    scope = Scope(jurisdiction="enterprise__reporting_unit", enterprise="enterprise")

    class Meta:
        verbose_name = _("ODR enterprise")
        verbose_name_plural = _("ODR enterprises")

    def __str__(self):
        return str(self.enterprise)

    @classmethod
    def settles_first(cls, enterprise, day):
        """Whether ``enterprise`` was an ODR enterprise on ``day``."""
        return cls.objects.filter(
            models.Q(until__isnull=True) | models.Q(until__gte=day),
            enterprise=enterprise,
            since__lte=day,
        ).exists()


class ComplaintAttachment(models.Model):
    """Evidence sent with a complaint, accepted and stored privately by ``portal.uploads``."""

    complaint = models.ForeignKey(
        Complaint, verbose_name=_("complaint"), on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(_("file"), storage=private_storage, upload_to="complaints/%Y/%m/")
    name = models.CharField(_("name"), max_length=200)
    content_kind = models.CharField(_("type"), max_length=10)
    size = models.PositiveIntegerField(_("size (bytes)"))
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    scope = Scope(jurisdiction="complaint__reporting_unit")

    class Meta:
        ordering = ["uploaded_at", "id"]
        verbose_name = _("complaint attachment")
        verbose_name_plural = _("complaint attachments")

    def __str__(self):
        return self.name


class ComplaintReply(models.Model):
    """What the enterprise or the regulator says to the other side during mediation."""

    complaint = models.ForeignKey(
        Complaint, verbose_name=_("complaint"), on_delete=models.CASCADE, related_name="replies"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), on_delete=models.PROTECT, related_name="+"
    )
    text = models.TextField(_("reply"), **text_limit(3000))
    at = models.DateTimeField(_("when"), auto_now_add=True)

    scope = Scope(jurisdiction="complaint__reporting_unit", enterprise="complaint__operator")

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("reply in mediation")
        verbose_name_plural = _("replies in mediation")

    def __str__(self):
        return f"{self.complaint} · {self.at:%Y-%m-%d}"


class ComplaintTransfer(models.Model):
    """A complaint sent to another unit; the sender stays responsible until it is accepted."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for the receiving unit")
        ACCEPTED = "accepted", pgettext_lazy("transfer status", "Accepted")
        REFUSED = "refused", _("Refused")

    complaint = models.ForeignKey(
        Complaint, verbose_name=_("complaint"), on_delete=models.CASCADE, related_name="transfers"
    )
    from_unit = models.ForeignKey(
        "portal.ReportingUnit",
        verbose_name=_("sending unit"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    to_division = models.ForeignKey(
        "portal.AdminDivision",
        verbose_name=_("division sent to"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    to_unit = models.ForeignKey(
        "portal.ReportingUnit",
        verbose_name=_("receiving unit"),
        on_delete=models.PROTECT,
        related_name="complaint_transfers",
    )
    reason = models.TextField(_("why it is sent"), **text_limit(1000))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sent by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    requested_at = models.DateTimeField(_("sent"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    scope = Scope(jurisdiction="to_unit")

    class Meta:
        ordering = ["-requested_at", "-id"]
        verbose_name = _("complaint transfer")
        verbose_name_plural = _("complaint transfers")
        constraints = [
            models.UniqueConstraint(
                fields=["complaint"],
                condition=models.Q(status="pending"),
                name="one_pending_transfer_per_complaint",
            )
        ]

    def __str__(self):
        return f"{self.complaint} → {self.to_unit}"


class ComplaintTransferChange(StatusLog):
    """A transfer's decision by the receiving unit."""

    transfer = models.ForeignKey(
        ComplaintTransfer,
        verbose_name=_("transfer"),
        on_delete=models.CASCADE,
        related_name="history",
    )

    scope = Scope(jurisdiction="transfer__to_unit")

    class Meta(StatusLog.Meta):
        verbose_name = _("complaint transfer decision")
        verbose_name_plural = _("complaint transfer decisions")


class ComplaintReminder(models.Model):
    """A reminder sent about a complaint's deadline: one per complaint, kind and due date."""

    class Kind(models.TextChoices):
        DUE_SOON = "due_soon", _("Due within 2 working days")
        OVERDUE = "overdue", _("Overdue")

    complaint = models.ForeignKey(
        Complaint, verbose_name=_("complaint"), on_delete=models.CASCADE, related_name="reminders"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    due = models.DateField(_("due"))
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)

    scope = Scope(jurisdiction="complaint__reporting_unit")

    class Meta:
        verbose_name = _("complaint reminder")
        verbose_name_plural = _("complaint reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["complaint", "kind", "due"], name="one_reminder_per_deadline"
            )
        ]

    def __str__(self):
        return f"{self.complaint} · {self.kind} · {self.due}"
