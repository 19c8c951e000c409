"""Advance compensation: committed operators register their terms and record what they paid.

An enterprise user registers the commitment of an enterprise they act for (a mall, market
or platform) and withdraws it; anyone reads the current commitments. Each case records
what the operator paid the consumer first and what it later recovered from the seller.
"""

from django.core.exceptions import ValidationError
from django.db.models import Count, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.scoping import enterprise_ids

from ..models import CompensationCase, CompensationCommitment


def _acts_for(user, enterprise):
    if enterprise.pk not in enterprise_ids(user):
        raise ValidationError(_("You may act only for the enterprises you represent."))


def commit(user, enterprise, kind, terms, limit_per_case=None, today=None):
    """Register the enterprise's current commitment (one at a time; saved, so audited)."""
    _acts_for(user, enterprise)
    if enterprise.compensation_commitments.filter(until__isnull=True).exists():
        raise ValidationError(
            _("%(name)s has a current commitment; withdraw it first.") % {"name": enterprise}
        )
    commitment = CompensationCommitment(
        enterprise=enterprise,
        kind=kind,
        terms=terms,
        limit_per_case=limit_per_case,
        since=today or timezone.localdate(),
    )
    commitment.full_clean()
    commitment.save()
    return commitment


def withdraw(user, commitment, today=None):
    _acts_for(user, commitment.enterprise)
    if commitment.until is not None:
        raise ValidationError(_("This commitment was withdrawn already."))
    commitment.until = today or timezone.localdate()
    commitment.save()
    return commitment


def record_case(user, commitment, *, seller_name, paid_amount, paid_on, complaint=None):
    """What the operator paid a consumer first, under a commitment in force that day."""
    _acts_for(user, commitment.enterprise)
    errors = {}
    if paid_on > timezone.localdate():
        errors["paid_on"] = _("The day paid cannot lie in the future.")
    elif paid_on < commitment.since or (commitment.until and paid_on > commitment.until):
        errors["paid_on"] = _("The commitment was not in force on %(day)s.") % {"day": paid_on}
    if commitment.limit_per_case is not None and paid_amount > commitment.limit_per_case:
        errors["paid_amount"] = _("The commitment pays at most %(limit)s yuan per case.") % {
            "limit": commitment.limit_per_case
        }
    if complaint is not None and commitment.enterprise_id not in (
        complaint.operator_id,
        complaint.platform_id,
    ):
        errors["complaint"] = _("The complaint is not about this operator or sold through it.")
    if errors:
        raise ValidationError(errors)
    case = CompensationCase(
        commitment=commitment,
        complaint=complaint,
        seller_name=seller_name,
        paid_amount=paid_amount,
        paid_on=paid_on,
        recorded_by=user,
    )
    case.full_clean()
    case.save()
    return case


def record_recovery(user, case, amount, day):
    """What the operator recovered from the seller (at most what it paid)."""
    _acts_for(user, case.commitment.enterprise)
    if amount > case.paid_amount:
        raise ValidationError(
            {
                "recovered_amount": _("At most the %(paid)s yuan paid can be recovered.")
                % {"paid": case.paid_amount}
            }
        )
    if day > timezone.localdate() or day < case.paid_on:
        raise ValidationError(
            {"recovered_on": _("The recovery lies between payment (%(day)s) and today.")
             % {"day": case.paid_on}}
        )  # fmt: skip
    case.recovered_amount, case.recovered_on = amount, day
    case.save()
    return case


def totals(cases):
    """Cases, amount paid and amount recovered of a queryset of cases."""
    return cases.aggregate(
        cases=Count("id"),
        paid=Sum("paid_amount"),
        recovered=Sum("recovered_amount", filter=Q(recovered_on__isnull=False)),
    )
