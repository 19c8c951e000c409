"""Assistance between units (协查) and problem information shared where an enterprise operates.

A request goes from one unit to the unit where the enterprise is registered or operates;
both units see the thread (the models' scope names both). The asked unit answers with
evidence before the deadline counted in working days; the asking unit closes it.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from enterprises.models import Enterprise
from portal import audit, mail, uploads, workdays
from portal.access import PROVINCIAL
from portal.scoping import covers_unit, scoped
from portal.workflow import Transition, TransitionRefused, Workflow

from ..models import (
    AssistanceMessage,
    AssistanceRequest,
    OperatingSite,
    ProblemNotice,
    ProblemReceipt,
)

Status = AssistanceRequest.Status
EVIDENCE = uploads.UploadKind(
    field=gettext_lazy("Evidence"),
    types=(uploads.PDF, uploads.JPEG, uploads.PNG),
    max_bytes=10 * 1024 * 1024,
    accepts=gettext_lazy("a PDF or an image (JPEG, PNG)"),
)


def units_where_operating(enterprise):
    """The unit it is registered in and every unit with a recorded operating site."""
    sites = OperatingSite.objects.filter(enterprise=enterprise).values_list(
        "reporting_unit_id", flat=True
    )
    return {enterprise.reporting_unit_id, *sites}


def _user_unit(user):
    return user.agency.reporting_unit


def find_enterprise(uscc):
    enterprise = Enterprise.objects.filter(uscc=uscc).first()
    if enterprise is None:
        raise ValidationError({"uscc": _("No enterprise with this USCC is registered.")})
    return enterprise


@transaction.atomic
def ask(user, *, enterprise, to_unit, subject, request, working_days):
    """Ask another unit for assistance on an enterprise registered or operating there."""
    from_unit = _user_unit(user)
    if from_unit is None:
        raise ValidationError(_("Headquarters asks through a reporting unit."))
    if to_unit.pk == from_unit.pk:
        raise ValidationError({"to_unit": _("Ask another unit than your own.")})
    if to_unit.pk not in units_where_operating(enterprise):
        raise ValidationError(
            {
                "to_unit": _(
                    "%(name)s is neither registered nor recorded as operating in %(unit)s."
                )
                % {"name": enterprise, "unit": to_unit}
            }
        )
    due = workdays.deadline(timezone.localdate(), working_days)
    created = AssistanceRequest.objects.create(
        enterprise=enterprise,
        from_unit=from_unit,
        to_unit=to_unit,
        subject=subject,
        request=request,
        working_days=working_days,
        due=due.date,
        due_provisional=due.provisional,
        requested_by=user,
    )
    mail.send("credit_assistance_asked", mail.unit_staff(to_unit), {"request": created})
    return created


def _either_side(request, user):
    return covers_unit(user, request.from_unit_id) or covers_unit(user, request.to_unit_id)


@transaction.atomic
def post_message(request, user, *, text, evidence=None):
    """A message in the thread, from either unit, with evidence (portal.uploads)."""
    request = scoped(AssistanceRequest.objects.select_for_update(), user).get(pk=request.pk)
    if not _either_side(request, user) or user.is_headquarters:
        raise ValidationError(_("Only the two units of the request write in its thread."))
    if request.status == Status.CLOSED:
        raise ValidationError(_("The request is closed."))
    message = AssistanceMessage(request=request, unit=_user_unit(user), text=text, author=user)
    if evidence is not None:
        accepted = uploads.accept(evidence, EVIDENCE)
        message.evidence = accepted
        message.evidence_name = accepted.display_name
    message.save()
    return message


def _only_the_asked_unit(request, change):
    if not covers_unit(change.user, request.to_unit_id) or change.user.is_headquarters:
        raise TransitionRefused(_("Only the asked unit answers."), code="role")
    if not request.messages.filter(unit=request.to_unit_id).exists():
        raise TransitionRefused(_("Write the answer in the thread first."), code="answer")


def _only_the_asking_unit(request, change):
    if not covers_unit(change.user, request.from_unit_id) or change.user.is_headquarters:
        raise TransitionRefused(_("Only the asking unit closes the request."), code="role")


ASSISTANCE = Workflow(
    model="credit.AssistanceRequest",
    log="credit.AssistanceStatusChange",
    transitions=[
        Transition(
            "answer",
            [Status.PENDING],
            Status.ANSWERED,
            (PROVINCIAL,),
            gettext_lazy("Mark as answered"),
            does=_only_the_asked_unit,
            style="primary",
        ),
        Transition(
            "close",
            [Status.ANSWERED],
            Status.CLOSED,
            (PROVINCIAL,),
            gettext_lazy("Close the request"),
            does=_only_the_asking_unit,
        ),
    ],
    closed={Status.CLOSED: gettext_lazy("The request is closed.")},
)


def requests_for(user):
    return scoped(
        AssistanceRequest.objects.select_related("enterprise", "from_unit", "to_unit"), user
    )


# Problem information.


@transaction.atomic
def share(user, *, enterprise, kind, summary):
    """Share problem information with every other unit where the enterprise operates."""
    from_unit = _user_unit(user)
    if from_unit is None:
        raise ValidationError(_("Headquarters shares through a reporting unit."))
    receivers = units_where_operating(enterprise) - {from_unit.pk}
    if not receivers:
        raise ValidationError(
            {"uscc": _("%(name)s operates in no other unit: nobody to share with.")
             % {"name": enterprise}}
        )  # fmt: skip
    notice = ProblemNotice.objects.create(
        enterprise=enterprise, from_unit=from_unit, kind=kind, summary=summary, shared_by=user
    )
    receipts = ProblemReceipt.objects.bulk_create(
        [ProblemReceipt(notice=notice, unit_id=unit_id) for unit_id in sorted(receivers)]
    )
    audit.record_bulk(receipts, "create")
    for receipt in receipts:
        mail.send("credit_problem_shared", mail.unit_staff(receipt.unit), {"notice": notice})
    return notice


@transaction.atomic
def acknowledge(receipt, user):
    """The receiving unit acknowledges a notice (once)."""
    receipt = scoped(ProblemReceipt.objects.select_for_update(), user).get(pk=receipt.pk)
    if not covers_unit(user, receipt.unit_id) or user.is_headquarters:
        raise ValidationError(_("Only the receiving unit acknowledges."))
    if receipt.acknowledged_at is None:
        receipt.acknowledged_at = timezone.now()
        receipt.acknowledged_by = user
        receipt.save()
    return receipt


def record_site(user, *, enterprise, reporting_unit, address):
    """Record where an enterprise operates outside its registered unit."""
    if not (
        covers_unit(user, reporting_unit.pk) or covers_unit(user, enterprise.reporting_unit_id)
    ):
        raise ValidationError(_("Record sites in your unit or of your unit's enterprises."))
    if reporting_unit.pk == enterprise.reporting_unit_id:
        raise ValidationError({"reporting_unit": _("The enterprise is registered there.")})
    site, _created = OperatingSite.objects.get_or_create(
        enterprise=enterprise,
        reporting_unit=reporting_unit,
        defaults={"address": address, "recorded_by": user},
    )
    return site
