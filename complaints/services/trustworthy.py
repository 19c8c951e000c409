"""Trustworthy consumption: operators apply with their commitments, regulators recognise.

An enterprise user applies for an enterprise they act for (a model unit, street or
market); a provincial officer of its unit recognises or refuses it (the ``TRUSTWORTHY``
workflow) and may withdraw a recognition later. Joint punishment blocks recognition
through ``enterprises.restrictions`` (honour AWARD), asked when applying and when
recognising. Complaints received about a recognised operator since its recognition count
against its standing: at ``TRUSTWORTHY_REVIEW_COMPLAINTS`` it is shown as under review.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from enterprises import restrictions
from portal.access import PROVINCIAL
from portal.scoping import enterprise_ids
from portal.workflow import Transition, TransitionRefused, Workflow

from ..models import Complaint, TrustworthyCandidate

Status = TrustworthyCandidate.Status


def _recognise(candidate, change):
    reasons = restrictions.reasons_against(candidate.enterprise, restrictions.AWARD)
    if reasons:
        raise TransitionRefused(" ".join(reasons), code="restricted")
    candidate.recognised_on = timezone.localdate(change.at)


def _withdraw(candidate, change):
    candidate.withdrawn_on = timezone.localdate(change.at)


TRUSTWORTHY = Workflow(
    model="complaints.TrustworthyCandidate",
    log="complaints.TrustworthyStatusChange",
    transitions=[
        Transition(
            "recognise",
            [Status.APPLIED],
            Status.RECOGNISED,
            (PROVINCIAL,),
            gettext_lazy("Recognise"),
            takes_reason=True,
            does=_recognise,
            style="primary",
        ),
        Transition(
            "refuse",
            [Status.APPLIED],
            Status.REFUSED,
            (PROVINCIAL,),
            gettext_lazy("Refuse"),
            reason_required=True,
        ),
        Transition(
            "withdraw",
            [Status.RECOGNISED],
            Status.WITHDRAWN,
            (PROVINCIAL,),
            gettext_lazy("Withdraw the recognition"),
            reason_required=True,
            does=_withdraw,
        ),
    ],
)


def apply(user, enterprise, kind, name, commitments, today=None):
    """An enterprise user applies for an enterprise they act for (saved, so audited)."""
    if enterprise.pk not in enterprise_ids(user):
        raise ValidationError(_("You may apply only for the enterprises you act for."))
    reasons = restrictions.reasons_against(enterprise, restrictions.AWARD)
    if reasons:
        raise ValidationError(reasons)
    candidate = TrustworthyCandidate(
        enterprise=enterprise,
        kind=kind,
        name=name,
        commitments=commitments,
        applied_by=user,
        applied_on=today or timezone.localdate(),
    )
    candidate.full_clean()
    candidate.save()
    return candidate


def with_standing(rows):
    """Annotate ``complaints_since``: complaints about the operator since its recognition."""
    counted = (
        Complaint.objects.filter(
            operator=OuterRef("enterprise"),
            kind=Complaint.Kind.COMPLAINT,
            received_on__gte=OuterRef("recognised_on"),
        )
        .order_by()
        .values("operator")
        .annotate(n=Count("id"))
        .values("n")
    )
    return rows.annotate(complaints_since=Coalesce(Subquery(counted), 0))


def under_review(candidate):
    return (
        candidate.status == Status.RECOGNISED
        and candidate.complaints_since >= settings.TRUSTWORTHY_REVIEW_COMPLAINTS
    )
