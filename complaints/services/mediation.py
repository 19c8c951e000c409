"""Third-party mediation: a unit registers bodies and refers complaints in mediation to them.

The body's outcome is recorded by the handler; it settles or fails the mediation through
the complaint's workflow (so the consumer is told and the deadlines stop as usual).
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import privacy
from ..models import Complaint, MediationBody, MediationReferral
from .handling import COMPLAINT

Outcome = MediationReferral.Outcome
OUTCOME_ACTION = {Outcome.SETTLED: "settle", Outcome.NOT_SETTLED: "fail"}


def register_body(user, **fields):
    """A provincial unit registers a mediation body of its own (saved, so audited)."""
    if not user.is_provincial:
        raise ValidationError(_("Only a provincial unit registers mediation bodies."))
    body = MediationBody(reporting_unit=user.reporting_unit, **fields)
    body.full_clean()
    body.save()
    return body


def bodies_for(complaint):
    """The bodies the complaint's unit may refer it to."""
    return MediationBody.objects.filter(reporting_unit=complaint.reporting_unit, active=True)


def pending(complaint):
    return complaint.referrals.filter(outcome=Outcome.PENDING).select_related("body").first()


def may_refer(user, complaint):
    return (
        complaint.status == Complaint.Status.MEDIATING
        and privacy.handles(user, complaint)
        and pending(complaint) is None
    )


def refer(complaint, user, body, day=None):
    """Refer a complaint in mediation to one of its unit's active bodies."""
    day = day or timezone.localdate()
    if not may_refer(user, complaint):
        raise ValidationError(
            _("Only the unit handling a complaint in mediation refers it, one body at a time.")
        )
    if body not in bodies_for(complaint):
        raise ValidationError(
            {"body": _("Choose one of your unit's mediation bodies that takes referrals.")}
        )
    return MediationReferral.objects.create(
        complaint=complaint, body=body, referred_on=day, referred_by=user
    )


@transaction.atomic
def record_outcome(referral, user, outcome, note, day=None):
    """The body settled it or not: recorded, and the mediation ends the same way."""
    day = day or timezone.localdate()
    complaint = referral.complaint
    if referral.outcome != Outcome.PENDING or not privacy.handles(user, complaint):
        raise ValidationError(_("There is no referral waiting for its outcome."))
    if outcome not in OUTCOME_ACTION:
        raise ValidationError({"outcome": _("Say whether the body settled the complaint.")})
    if day > timezone.localdate() or day < referral.referred_on:
        raise ValidationError(
            {
                "day": _("The outcome lies between the referral (%(day)s) and today.")
                % {"day": referral.referred_on}
            }
        )
    referral.outcome, referral.outcome_on, referral.note = outcome, day, note
    referral.save()
    reason = f"{referral.body}：{note}" if note else str(referral.body)
    COMPLAINT.apply(complaint, OUTCOME_ACTION[outcome], user, reason=reason)
    return referral
