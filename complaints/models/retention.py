"""What the anonymisation after the retention period removed: a log without the personal data."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.scoping import Scope


class AnonymisationLog(models.Model):
    """One run of the retention rule: which complaints lost which fields, when, by what rule."""

    ran_at = models.DateTimeField(_("ran at"), auto_now_add=True)
    rule = models.CharField(_("rule"), max_length=200)
    closed_before = models.DateField(_("closed before"))
    complaints = models.PositiveIntegerField(_("complaints anonymised"))
    complaint_ids = models.JSONField(_("complaint ids"), default=list)
    fields = models.JSONField(_("fields emptied"), default=list)
    replies = models.PositiveIntegerField(_("replies emptied"), default=0)
    attachments = models.PositiveIntegerField(_("attachments deleted"), default=0)

    scope = Scope(headquarters_only=True)

    class Meta:
        ordering = ["-ran_at", "-id"]
        verbose_name = _("anonymisation log entry")
        verbose_name_plural = _("anonymisation log")

    def __str__(self):
        return f"{self.ran_at:%Y-%m-%d} · {self.complaints}"
