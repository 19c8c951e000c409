"""The enterprise registry and the users who act for an enterprise."""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import connection, models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from portal.models import StatusLog
from portal.scoping import Scope

from .. import industries, search


class Enterprise(models.Model):
    """A market entity identified by its Unified Social Credit Code."""

    class Size(models.TextChoices):
        LARGE = "large", _("Large")
        MEDIUM = "medium", _("Medium")
        SMALL = "small", _("Small")
        MICRO = "micro", _("Micro")

    class Status(models.TextChoices):
        OPERATING = "operating", _("Operating")
        SUSPENDED = "suspended", _("Suspended")
        DEREGISTERED = "deregistered", _("Deregistered")
        REVOKED = "revoked", _("Licence revoked")

    uscc = models.CharField(_("USCC"), max_length=18, unique=True)
    name = models.CharField(_("name"), max_length=200)
    former_names = models.JSONField(_("former names"), default=list, blank=True)
    legal_representative = models.CharField(_("legal representative"), max_length=60, blank=True)
    address = models.CharField(_("registered address"), max_length=300, blank=True)
    reporting_unit = models.ForeignKey(
        "portal.ReportingUnit",
        verbose_name=_("reporting unit"),
        on_delete=models.PROTECT,
        related_name="enterprises",
    )
    division = models.ForeignKey(
        "portal.AdminDivision",
        verbose_name=_("administrative division"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="enterprises",
    )
    industry_section = models.CharField(
        _("industry section (GB/T 4754-2017)"),
        max_length=1,
        choices=industries.section_choices(),
        blank=True,
    )
    industry_division = models.CharField(
        _("industry division"), max_length=2, choices=industries.division_choices(), blank=True
    )
    size = models.CharField(_("size"), max_length=10, choices=Size.choices, blank=True)
    status = models.CharField(
        _("operating status"), max_length=15, choices=Status.choices, default=Status.OPERATING
    )
    contact_name = models.CharField(_("contact person"), max_length=60, blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=30, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    established_on = models.DateField(_("established on"), null=True, blank=True)
    # Character bigrams of the name and former names (PostgreSQL only; see enterprises.search).
    name_bigrams = SearchVectorField(null=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    scope = Scope(jurisdiction="reporting_unit", enterprise="pk")
    audit_exclude = {"name_bigrams", "updated_at"}

    class Meta:
        ordering = ["-id"]
        verbose_name = _("enterprise")
        verbose_name_plural = _("enterprises")
        indexes = [
            models.Index(fields=["reporting_unit", "-id"]),
            models.Index(fields=["reporting_unit", "industry_section", "-id"]),
            models.Index(fields=["reporting_unit", "size", "-id"]),
            models.Index(fields=["reporting_unit", "status", "-id"]),
            models.Index(fields=["division", "-id"]),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.name_bigrams = bigram_value(self.name, self.former_names)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and {"name", "former_names"} & set(update_fields):
            kwargs["update_fields"] = {*update_fields, "name_bigrams"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("enterprises:detail", args=[self.pk])


def bigram_value(name, former_names=()):
    """The name_bigrams value to store: a tsvector text on PostgreSQL, None elsewhere."""
    if connection.vendor != "postgresql":
        return None
    return search.tsvector_literal(name, former_names)


@SearchVectorField.register_lookup
class BigramMatch(models.Lookup):
    """``name_bigrams__bigrams=tsquery_text``: match a tsquery given as text (no parsing)."""

    lookup_name = "bigrams"

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{lhs} @@ ({rhs})::tsquery", [*lhs_params, *rhs_params]


class EnterpriseMembership(models.Model):
    """A user's claim to act for an enterprise; approved by a regulator of its jurisdiction."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="enterprise_memberships",
    )
    enterprise = models.ForeignKey(
        Enterprise,
        verbose_name=_("enterprise"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    note = models.CharField(_("note"), max_length=300, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    reason = models.CharField(_("reason"), max_length=2000, blank=True)
    created_at = models.DateTimeField(_("claimed"), auto_now_add=True)

    scope = Scope(jurisdiction="enterprise__reporting_unit", owner="user")

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("enterprise claim")
        verbose_name_plural = _("enterprise claims")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "enterprise"],
                condition=~Q(status="rejected"),
                name="one_open_claim_per_user_and_enterprise",
            )
        ]

    def __str__(self):
        return f"{self.user} → {self.enterprise}"

    @classmethod
    def approved_enterprise_ids(cls, user):
        """Ids of the enterprises a user may act for (used by portal.scoping)."""
        return cls.objects.filter(user=user, status=cls.Status.APPROVED).values_list(
            "enterprise_id", flat=True
        )


class ClaimStatusChange(StatusLog):
    """A claim's decisions (approved, rejected)."""

    membership = models.ForeignKey(
        EnterpriseMembership, on_delete=models.CASCADE, related_name="status_changes"
    )

    scope = Scope(jurisdiction="membership__enterprise__reporting_unit", owner="membership__user")

    class Meta(StatusLog.Meta):
        verbose_name = _("claim decision")
        verbose_name_plural = _("claim decisions")
