"""Jurisdictions, agencies, accounts and the audit trail."""

import uuid

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .audit_display import shown_changes
from .limits import REASON, text_limit
from .scoping import Scope


def english_or_chinese(english, chinese):
    """Reference data's English name in the English UI (when it has one), else the Chinese."""
    return english if english and (get_language() or "").startswith("en") else chinese


class ReportingUnit(models.Model):
    """One of the 37 units that report to SAMR and NDRC."""

    class Kind(models.TextChoices):
        PROVINCE = "province", _("Provincial-level division")
        SEPARATE_CITY = "separate_city", _("City with separate planning status")
        XPCC = "xpcc", _("Xinjiang Production and Construction Corps")

    code = models.CharField(
        _("code"),
        max_length=6,
        unique=True,
        help_text=_("GB/T 2260 code. The XPCC has none of its own; 660000 is unverified."),
    )
    name = models.CharField(_("name"), max_length=40)
    name_en = models.CharField(_("English name"), max_length=80)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    province = models.ForeignKey(
        "self",
        verbose_name=_("province it lies in"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="separate_cities",
    )
    document_prefix = models.CharField(
        _("document number prefix"),
        max_length=20,
        blank=True,
        help_text=_(
            "The prefix of the report's document number, e.g. 粤市监 in 粤市监〔2019〕12号."
        ),
    )

    scope = Scope(everyone=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("reporting unit")
        verbose_name_plural = _("reporting units")

    def __str__(self):
        return self.label

    @property
    def label(self):
        """The name in the language of the page: English in the English UI, else Chinese.
        Official documents render in Chinese (they use ``name``)."""
        return english_or_chinese(self.name_en, self.name)


class AdminDivision(models.Model):
    """An administrative division (GB/T 2260) below or at province level."""

    class Level(models.IntegerChoices):
        PROVINCE = 1, _("Province")
        PREFECTURE = 2, _("Prefecture")
        COUNTY = 3, _("County")

    code = models.CharField(_("code"), max_length=6, unique=True)
    name = models.CharField(_("name"), max_length=60)
    level = models.PositiveSmallIntegerField(_("level"), choices=Level.choices)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    reporting_unit = models.ForeignKey(
        ReportingUnit, on_delete=models.PROTECT, related_name="divisions"
    )

    scope = Scope(everyone=True, jurisdiction="reporting_unit")

    class Meta:
        ordering = ["code"]
        verbose_name = _("administrative division")
        verbose_name_plural = _("administrative divisions")

    def __str__(self):
        return f"{self.code} {self.name}"


class Agency(models.Model):
    """A market-supervision department or a DRC; headquarters has no reporting unit."""

    class Kind(models.TextChoices):
        MARKET_SUPERVISION = "market", _("Market supervision")
        DEVELOPMENT_REFORM = "drc", _("Development and reform")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    reporting_unit = models.ForeignKey(
        ReportingUnit,
        verbose_name=_("reporting unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="agencies",
    )
    name = models.CharField(_("name"), max_length=80)
    name_en = models.CharField(_("English name"), max_length=160)

    scope = Scope(everyone=True, jurisdiction="reporting_unit")

    class Meta:
        ordering = ["reporting_unit__code", "kind"]
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")
        constraints = [
            models.UniqueConstraint(fields=["reporting_unit", "kind"], name="one_agency_per_kind"),
            models.UniqueConstraint(
                fields=["kind"],
                condition=models.Q(reporting_unit__isnull=True),
                name="one_headquarters_per_kind",
            ),
        ]

    def __str__(self):
        return self.label

    @property
    def label(self):
        """The name in the language of the page (see ReportingUnit.label)."""
        return english_or_chinese(self.name_en, self.name)

    @property
    def is_headquarters(self):
        return self.reporting_unit_id is None


class User(AbstractUser):
    """A person with one role: headquarters, provincial staff or enterprise user."""

    class Role(models.TextChoices):
        HEADQUARTERS = "headquarters", _("Headquarters staff")
        PROVINCIAL = "provincial", _("Provincial staff")
        ENTERPRISE = "enterprise", _("Enterprise user")

    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.ENTERPRISE)
    agency = models.ForeignKey(
        Agency,
        verbose_name=_("agency"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="staff",
    )
    full_name = models.CharField(_("full name"), max_length=60, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("E-mails from the portal are written in this language."),
    )
    # Raised by "log out of all sessions": every session's auth hash changes.
    session_epoch = models.PositiveIntegerField(_("session generation"), default=0)

    scope = Scope(jurisdiction="agency__reporting_unit", owner="pk")

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(role="enterprise", agency__isnull=True)
                | models.Q(role__in=["headquarters", "provincial"], agency__isnull=False),
                name="staff_have_an_agency",
            )
        ]

    def __str__(self):
        return self.full_name or self.username

    def _get_session_auth_hash(self, secret=None):
        key_salt = "portal.User.session_auth_hash"
        value = f"{self.password}:{self.session_epoch}"
        return salted_hmac(key_salt, value, secret=secret, algorithm="sha256").hexdigest()

    @property
    def is_headquarters(self):
        return self.is_authenticated and self.role == self.Role.HEADQUARTERS

    @property
    def is_provincial(self):
        return self.is_authenticated and self.role == self.Role.PROVINCIAL

    @property
    def is_enterprise_user(self):
        return self.is_authenticated and self.role == self.Role.ENTERPRISE

    @property
    def reporting_unit(self):
        return self.agency.reporting_unit if self.agency_id else None


class AuditEntryQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise PermissionError("Audit entries are append-only.")

    def delete(self):
        raise PermissionError("Audit entries are append-only.")


class AuditEntry(models.Model):
    """One write by a person: append-only (see portal.audit)."""

    class Action(models.TextChoices):
        CREATE = "create", _("Created")
        UPDATE = "update", _("Changed")
        DELETE = "delete", _("Deleted")
        LOGIN = "login", _("Logged in")
        LOGIN_FAILED = "login_failed", _("Failed login")
        LOCKOUT = "lockout", _("Login locked")
        UNLOCK = "unlock", _("Login unlocked")
        LOGOUT_ALL = "logout_all", _("Logged out of all sessions")
        SECOND_FACTOR_ENROL = "2fa_enrol", _("Second factor enrolled")
        SECOND_FACTOR_RESET = "2fa_reset", _("Second factor reset")
        TOKEN_ISSUE = "token_issue", _("API token issued")
        TOKEN_REVOKE = "token_revoke", _("API token revoked")
        DOWNLOAD = "download", _("File downloaded")

    class Source(models.TextChoices):
        WEB = "web", _("Web")
        API = "api", _("API")
        ADMIN = "admin", _("Admin")
        COMMAND = "command", _("Command")
        TASK = "task", _("Background task")

    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        User,
        verbose_name=_("who"),
        null=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    actor_label = models.CharField(_("who (as recorded)"), max_length=150)
    source = models.CharField(_("through"), max_length=10, choices=Source.choices)
    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    content_type = models.ForeignKey(
        "contenttypes.ContentType", on_delete=models.DO_NOTHING, db_constraint=False
    )
    object_id = models.CharField(_("object id"), max_length=64)
    object_repr = models.CharField(_("object"), max_length=200)
    changes = models.JSONField(_("changes"), default=dict)
    reporting_unit = models.ForeignKey(
        ReportingUnit,
        verbose_name=_("reporting unit"),
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)

    objects = AuditEntryQuerySet.as_manager()

    scope = Scope(headquarters_only=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")
        indexes = [
            models.Index(fields=["content_type", "object_id", "-at"]),
            models.Index(fields=["actor", "-at"]),
        ]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_label} {self.action} {self.object_repr}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionError("Audit entries are append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("Audit entries are append-only.")

    @property
    def actor_display(self):
        """Who, as pages show it: the recorded name, or what "anonymous" and "system" mean."""
        unnamed = {
            "anonymous": _("a visitor (not signed in)"),
            "system": _("the system"),
            "seed_demo": _("demo data"),
            "demo": _("demo data"),
        }
        if self.actor_label in unnamed:
            return unnamed[self.actor_label]
        # A workflow step outside a request, or a scheduled job or command acting as nobody,
        # is recorded under its code name (portal.audit.acting_as).
        if self.actor_label.startswith("workflow "):
            actor = User.objects.filter(pk=self.actor_id).first() if self.actor_id else None
            return actor.get_username() if actor else _("the system")
        if self.actor_id is None and self.source in (self.Source.TASK, self.Source.COMMAND):
            return _("the system")
        return self.actor_label

    @property
    def shown_changes(self):
        """The changes as pages show them: [(field label, before, after)] (portal.audit)."""
        return shown_changes(self.content_type.model_class(), self.changes)


class StatusLog(models.Model):
    """One applied workflow transition (portal.workflow): action, from, to, who, why, when.

    Each workflow's concrete log inherits this and adds its foreign key to the object.
    """

    action = models.CharField(_("action"), max_length=30)
    from_status = models.CharField(_("from"), max_length=20, blank=True)
    to_status = models.CharField(_("to"), max_length=20, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    reason = models.TextField(_("reason"), blank=True, **text_limit(REASON))
    at = models.DateTimeField(_("when"), default=timezone.now)

    # Actions a log of this kind records without a transition of its workflow: {action: label}.
    recorded_actions = {}

    class Meta:
        abstract = True
        ordering = ["-at", "-id"]

    def __str__(self):
        return f"{self.status_label(self.from_status)} → {self.status_label(self.to_status)}"

    @classmethod
    def status_label(cls, state):
        """A status in words: its label among the logged object's choices ("status" first)."""
        subjects = [f.related_model for f in cls._meta.concrete_fields if f.is_relation]
        for model in subjects:
            fields = sorted(model._meta.concrete_fields, key=lambda f: f.name != "status")
            for field in fields:
                label = dict(field.flatchoices).get(state)
                if label is not None:
                    return label
        return state or "—"


class Job(models.Model):
    """A long piece of work run by Celery, whose progress the browser polls."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    # Every kind of job that jobs.start() is given, as the audit trail names it.
    KINDS = {
        "complaint_publicity": _("Complaint publicity"),
        "credit_risk": _("Credit risk classes"),
        "credit_risk_import": _("Import of historical risk classes"),
        "enterprise_export": _("Export of enterprises"),
        "enterprise_import": _("Import of enterprises"),
        "reporting_pdf": _("Report PDF"),
        "reporting_summary": _("National summary"),
        "reporting_zip": _("All report PDFs"),
        "survey_import": _("Import of survey responses"),
        "survey_indices": _("Survey indices"),
    }

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField(_("kind"), max_length=50)
    title = models.CharField(_("title"), max_length=200)
    owner = models.ForeignKey(
        User, verbose_name=_("started by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reporting_unit = models.ForeignKey(
        ReportingUnit, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    done = models.PositiveIntegerField(_("done"), default=0)
    total = models.PositiveIntegerField(_("total"), default=0)
    message = models.CharField(_("message"), max_length=500, blank=True)
    result = models.JSONField(_("result"), default=dict, blank=True)
    result_file = models.FileField(_("result file"), upload_to="jobs/%Y/%m/", blank=True)
    result_url = models.CharField(_("next page"), max_length=300, blank=True)
    waiting_call = models.JSONField(
        _("task waiting for the queue"), null=True, blank=True
    )  # portal.jobs.send: the task, args and kwargs kept while Redis was unreachable
    created_at = models.DateTimeField(_("started"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    scope = Scope(owner="owner")
    audit_words = {"kind": "portal.jobs.kinds"}  # portal.audit_display

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("background job")
        verbose_name_plural = _("background jobs")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("portal:job", args=[self.pk])

    @property
    def percent(self):
        return int(100 * self.done / self.total) if self.total else (100 if self.finished else 0)

    @property
    def finished(self):
        return self.status in (self.Status.DONE, self.Status.FAILED)


from .draw_records import Draw  # noqa: E402,F401  (portal.draws' record)
from .holidays import HolidayCalendar  # noqa: E402,F401  (portal.workdays' entered years)
from .security_records import ApiToken, LoginThrottle, SentForm  # noqa: E402,F401  (portal.lockout, portal.api_tokens, portal.once)
