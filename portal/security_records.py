"""Rows of the login security: failed-login counters and API tokens."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .scoping import Scope


class LoginThrottle(models.Model):
    """Failed logins of one typed username or one source address (portal.lockout)."""

    class Kind(models.TextChoices):
        ACCOUNT = "account", _("Account")
        ADDRESS = "address", _("Source address")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    key = models.CharField(_("username or address"), max_length=150)
    failures = models.PositiveIntegerField(_("failed logins"), default=0)
    last_failure_at = models.DateTimeField(_("last failure"), null=True, blank=True)
    locked_until = models.DateTimeField(_("locked until"), null=True, blank=True, db_index=True)

    scope = Scope(headquarters_only=True)

    class Meta:
        ordering = ["-last_failure_at"]
        verbose_name = _("failed-login counter")
        verbose_name_plural = _("failed-login counters")
        constraints = [
            models.UniqueConstraint(fields=["kind", "key"], name="one_counter_per_key"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.key}"


class ApiToken(models.Model):
    """An API key: only its SHA-256 is stored; it expires and can be revoked."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="api_tokens",
    )
    name = models.CharField(_("name"), max_length=100)
    digest = models.CharField(_("SHA-256 of the key"), max_length=64, unique=True)
    prefix = models.CharField(_("key begins with"), max_length=12)
    created_at = models.DateTimeField(_("issued"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"))
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    scope = Scope(owner="user")

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"


class SentForm(models.Model):
    """A one-time form token that was spent (portal.once) and where its first post led."""

    key = models.UUIDField(_("form token"), primary_key=True)
    result = models.CharField(_("result page"), max_length=500, blank=True)
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True, db_index=True)

    scope = Scope(headquarters_only=True)

    class Meta:
        ordering = ["-sent_at"]
        verbose_name = _("sent form")
        verbose_name_plural = _("sent forms")

    def __str__(self):
        return str(self.key)
