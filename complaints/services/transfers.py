"""Transfers between units, under first-inquiry responsibility (首问负责).

The unit holding a complaint sends it to the unit it belongs to; it stays responsible
for answering the consumer until the receiving unit accepts. A refusal (with its reason)
leaves the complaint where it was. The consumer is told either way.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.scoping import scoped
from portal.workflow import STAFF, Transition, Workflow

from .. import privacy
from ..models import Complaint, ComplaintTransfer
from . import notices

Status = ComplaintTransfer.Status
OPEN = (
    Complaint.Status.RECEIVED,
    Complaint.Status.WITH_ODR,
    Complaint.Status.ACCEPTED,
    Complaint.Status.VERIFYING,
)


def send(complaint, user, to_division, reason):
    """Ask the unit of ``to_division`` to take the complaint over."""
    if not privacy.handles(user, complaint):
        raise ValidationError(_("Only the unit handling a complaint can transfer it."))
    if complaint.status not in OPEN:
        raise ValidationError(_("A complaint in mediation or closed cannot be transferred."))
    if to_division.reporting_unit_id == complaint.reporting_unit_id:
        raise ValidationError({"to_division": _("This division is already your unit's.")})
    if complaint.transfers.filter(status=Status.PENDING).exists():
        raise ValidationError(_("A transfer of this complaint is already waiting."))
    with transaction.atomic():
        return ComplaintTransfer.objects.create(
            complaint=complaint,
            from_unit=complaint.reporting_unit,
            to_division=to_division,
            to_unit=to_division.reporting_unit,
            reason=reason,
            requested_by=user,
        )


def _take_over(transfer, change):
    complaint = Complaint.objects.select_for_update().get(pk=transfer.complaint_id)
    complaint.reporting_unit = transfer.to_unit
    complaint.division = transfer.to_division
    complaint.routed_by = Complaint.Routed.TRANSFER
    complaint.routing_rule = None
    complaint.officer = None
    complaint.save()


TRANSFER = Workflow(
    model="complaints.ComplaintTransfer",
    log="complaints.ComplaintTransferChange",
    transitions=[
        Transition(
            "take_over",
            [Status.PENDING],
            Status.ACCEPTED,
            STAFF,
            gettext_lazy("Take the complaint over"),
            does=_take_over,
            then=lambda transfer, log: notices.tell_consumer(transfer.complaint, "transferred"),
            style="primary",
        ),
        Transition(
            "refuse_transfer",
            [Status.PENDING],
            Status.REFUSED,
            STAFF,
            gettext_lazy("Refuse the transfer"),
            reason_required=True,
        ),
    ],
)


def waiting_for(user):
    """Transfers sent to the user's unit, waiting first."""
    rows = ComplaintTransfer.objects.select_related("complaint", "from_unit", "to_division")
    return scoped(rows, user).order_by("-status", "-requested_at")
