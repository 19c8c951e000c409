"""After-sales records: operators and their regulators record guarantees, recalls,
traceability and quality-insurance payouts; regulators note how they followed a recall up.

An enterprise user records for the enterprises they act for; provincial staff for the
enterprises of their unit. Each kind asks for what makes it meaningful: a payout its
amount, a recall the units recalled; a complaint linked must be about the operator.
"""

from django.core.exceptions import ValidationError
from django.db.models import Count, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.scoping import covers_unit, enterprise_ids

from ..models import AfterSalesRecord

Kind = AfterSalesRecord.Kind


def may_record_for(user, enterprise):
    if user.is_enterprise_user:
        return enterprise.pk in enterprise_ids(user)
    return user.is_provincial and covers_unit(user, enterprise.reporting_unit_id)


def _problems(record):
    today = timezone.localdate()
    problems = {}
    if record.kind == Kind.INSURANCE and not record.amount:
        problems["amount"] = _("A payout needs the amount paid.")
    if record.kind == Kind.RECALL and not record.quantity:
        problems["quantity"] = _("A recall needs the number of units recalled.")
    if record.kind != Kind.GUARANTEE and record.starts_on > today:
        problems["starts_on"] = _("Only a guarantee may start in the future.")
    if record.ends_on and record.ends_on < record.starts_on:
        problems["ends_on"] = _("The end lies before the start (%(day)s).") % {
            "day": record.starts_on
        }
    if record.complaint and record.complaint.operator_id != record.enterprise_id:
        problems["complaint"] = _("The complaint is not about this operator.")
    return problems


def record(user, enterprise, **fields):
    """Record an after-sales fact (saved, so audited)."""
    if not may_record_for(user, enterprise):
        raise ValidationError(_("You may record only for enterprises you act for or supervise."))
    entry = AfterSalesRecord(enterprise=enterprise, recorded_by=user, **fields)
    problems = _problems(entry)
    if problems:
        raise ValidationError(problems)
    entry.full_clean()
    entry.save()
    return entry


def follow_up(user, entry, note, day=None):
    """A regulator's note on how it followed up a recall."""
    if not (user.is_provincial and covers_unit(user, entry.enterprise.reporting_unit_id)):
        raise ValidationError(_("Only the operator's regulator follows a recall up."))
    if entry.kind != Kind.RECALL:
        raise ValidationError(_("Only recalls are followed up."))
    entry.follow_up, entry.followed_up_on = note, day or timezone.localdate()
    entry.full_clean()
    entry.save()
    return entry


def figures(rows):
    """Counts per kind and the insurance paid, of a queryset of records."""
    return rows.aggregate(
        guarantees=Count("id", filter=Q(kind=Kind.GUARANTEE)),
        recalls=Count("id", filter=Q(kind=Kind.RECALL)),
        recalled_units=Sum("quantity", filter=Q(kind=Kind.RECALL)),
        traceability=Count("id", filter=Q(kind=Kind.TRACEABILITY)),
        payouts=Count("id", filter=Q(kind=Kind.INSURANCE)),
        paid=Sum("amount", filter=Q(kind=Kind.INSURANCE)),
        linked=Count("id", filter=Q(complaint__isnull=False)),
    )
