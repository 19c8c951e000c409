"""Quality pledges and recognition: the writes, each in a transaction, audited by portal.audit.

Views, the API and the demo call these; none of them changes a status by hand.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal import mail
from portal.access import ENTERPRISE
from portal.workflow import STAFF, Transition, Workflow

from .. import restrictions
from ..models import Pledge, PledgeRevision, Recognition
from .claims import approved_users

REVISION_FIELDS = (
    "services",
    "standards",
    "response_hours",
    "completion_days",
    "pricing",
    "after_sales",
    "complaint_channel",
    "complaint_phone",
    "period_start",
    "period_end",
)


def check_period(start, end):
    """Refuse a pledge period that ends before it starts."""
    if start and end and end < start:
        raise ValidationError(
            {"period_end": gettext_lazy("The pledge period cannot end before it starts.")},
            code="period",
        )


def create_pledge(enterprise, user, data):
    """File a new draft pledge with its first revision."""
    check_period(data.get("period_start"), data.get("period_end"))
    with transaction.atomic():
        pledge = Pledge.objects.create(enterprise=enterprise, created_by=user)
        _new_revision(pledge, user, data, number=1)
    return pledge


def _new_revision(pledge, user, data, number):
    fields = {name: data[name] for name in REVISION_FIELDS if name in data}
    return PledgeRevision.objects.create(pledge=pledge, number=number, created_by=user, **fields)


def edit_pledge(pledge, user, data):
    """Change the content: the draft revision in place, or a new revision if it was submitted."""
    check_period(data.get("period_start"), data.get("period_end"))
    with transaction.atomic():
        pledge = Pledge.objects.select_for_update().get(pk=pledge.pk)
        latest = pledge.latest_revision()
        if pledge.status == Pledge.Status.DRAFT and not latest.is_frozen:
            for name in REVISION_FIELDS:
                if name in data:
                    setattr(latest, name, data[name])
            latest.save()
            return latest
        if pledge.status != Pledge.Status.DRAFT:
            PLEDGE.apply(pledge, "revise", user)
        return _new_revision(pledge, user, data, number=latest.number + 1)


def _freeze_revision(pledge, change):
    """Submitting freezes the latest revision (a returned one is already frozen)."""
    revision = pledge.latest_revision()
    if not revision.is_frozen:
        revision.submitted_at = change.at
        revision.save()


def _publish_revision(pledge, change):
    """The submitted revision becomes the public, immutable version."""
    revision = pledge.latest_revision()
    pledge.published_revision = revision
    pledge.published_period_end = revision.period_end
    pledge.published_at = change.at
    pledge.return_reason = ""
    revision.published_at = change.at
    revision.save()


def _keep_return_reason(pledge, change):
    pledge.return_reason = change.reason


def mail_enterprise(pledge, log):
    """Tell the enterprise's users that their pledge was published or returned."""
    users = approved_users([pledge.enterprise_id]).get(pledge.enterprise_id, [])
    mail.send("pledge_status", users, {"pledge": pledge, "reason": log.reason})


PLEDGE = Workflow(
    model="enterprises.Pledge",
    log="enterprises.PledgeStatusChange",
    transitions=[
        Transition("submit", ("draft", "returned"), "submitted", (ENTERPRISE,),
                   gettext_lazy("Submit for review"), does=_freeze_revision),
        Transition("publish", ("submitted",), "published", STAFF, gettext_lazy("Publish"),
                   does=_publish_revision, then=mail_enterprise),
        Transition("return", ("submitted",), "returned", STAFF,
                   gettext_lazy("Return to the enterprise"), reason_required=True,
                   does=_keep_return_reason, then=mail_enterprise, style="secondary"),
        Transition("withdraw", ("draft", "submitted", "returned", "published"), "withdrawn",
                   (ENTERPRISE,), gettext_lazy("Withdraw"), takes_reason=True, style="danger"),
        Transition("revise", ("returned", "published"), "draft", (ENTERPRISE,),
                   gettext_lazy("Revise"), offered=False),
    ],
    closed={"withdrawn": gettext_lazy("A withdrawn pledge stays withdrawn; file a new pledge.")},
)  # fmt: skip


def recognition_blockers(enterprise):
    """Why this enterprise cannot be recognised, from every app's ``restrictions.py``."""
    return restrictions.reasons_against(enterprise, restrictions.RECOGNITION)


def can_be_recognised(enterprise):
    """Whether no app's restriction (e.g. the serious-dishonesty list) stops recognition."""
    return not recognition_blockers(enterprise)


def recognise(enterprise, user, reason, recognised_on=None):
    """Record a regulator's recognition of an enterprise's notable quality improvement."""
    reasons = recognition_blockers(enterprise)
    if reasons:
        raise ValidationError(reasons, code="blocked")
    if not reason.strip():
        raise ValidationError({"reason": _("Say what improved.")})
    return Recognition.objects.create(
        enterprise=enterprise,
        reason=reason.strip(),
        recognised_by=user,
        recognised_on=recognised_on or timezone.localdate(),
    )
