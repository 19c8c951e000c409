"""Quality pledges and recognition: the writes, each in a transaction, audited by portal.audit.

Views, the API and the demo call these; none of them changes a status by hand.
"""

from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .. import restrictions, workflow
from ..models import EnterpriseMembership, Pledge, PledgeRevision, Recognition

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
            {"period_end": _("The pledge period cannot end before it starts.")}, code="period"
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
            workflow.apply(workflow.PLEDGE, pledge, Pledge.Status.DRAFT, user=user)
        return _new_revision(pledge, user, data, number=latest.number + 1)


def submit(pledge, user):
    """Send the latest revision for review (a returned one as it is); it is frozen from now on."""
    with transaction.atomic():
        revision = pledge.latest_revision()
        workflow.apply(workflow.PLEDGE, pledge, Pledge.Status.SUBMITTED, user=user)
        if not revision.is_frozen:
            revision.submitted_at = timezone.now()
            revision.save()


def publish(pledge, user):
    """Publish the submitted revision: it becomes the public, immutable version."""
    with transaction.atomic():
        revision = pledge.latest_revision()
        now = timezone.now()
        workflow.apply(
            workflow.PLEDGE,
            pledge,
            Pledge.Status.PUBLISHED,
            user=user,
            changes={
                "published_revision": revision,
                "published_period_end": revision.period_end,
                "published_at": now,
                "return_reason": "",
            },
            notify=notify_enterprise,
        )
        revision.published_at = now
        revision.save()


def return_pledge(pledge, user, reason):
    """Send a submission back to the enterprise with the reason."""
    workflow.apply(
        workflow.PLEDGE,
        pledge,
        Pledge.Status.RETURNED,
        user=user,
        reason=reason,
        changes={"return_reason": reason.strip()},
        notify=notify_enterprise,
    )


def withdraw(pledge, user, reason=""):
    """The enterprise withdraws its pledge; a published one stays on record, marked withdrawn."""
    workflow.apply(workflow.PLEDGE, pledge, Pledge.Status.WITHDRAWN, user=user, reason=reason)


ACTIONS = {
    "submit": lambda pledge, user, reason: submit(pledge, user),
    "publish": lambda pledge, user, reason: publish(pledge, user),
    "return": lambda pledge, user, reason: return_pledge(pledge, user, reason),
    "withdraw": lambda pledge, user, reason: withdraw(pledge, user, reason),
}


def perform(pledge, action, user, reason=""):
    """Run a named workflow action (views and the API share this)."""
    if action not in ACTIONS:
        raise ValidationError(gettext("Unknown action."))
    ACTIONS[action](pledge, user, reason)


def enterprise_emails(enterprise_ids):
    """E-mail addresses of the approved users of these enterprises, by enterprise id."""
    rows = EnterpriseMembership.objects.filter(
        enterprise_id__in=enterprise_ids,
        status=EnterpriseMembership.Status.APPROVED,
        user__is_active=True,
    ).exclude(user__email="")
    emails = {}
    for enterprise_id, email in rows.values_list("enterprise_id", "user__email"):
        emails.setdefault(enterprise_id, []).append(email)
    return emails


def mail_enterprise(enterprise, subject, body):
    """Send one message to an enterprise's approved users; returns how many got it."""
    recipients = enterprise_emails([enterprise.pk]).get(enterprise.pk, [])
    if recipients:
        send_mail(str(subject), str(body), None, recipients)
    return len(recipients)


def notify_enterprise(pledge, event):
    """Tell the enterprise its pledge was published or returned."""
    subject = gettext("Your quality pledge: %(status)s") % {"status": pledge.get_status_display()}
    body = gettext("The pledge of %(enterprise)s is now: %(status)s.") % {
        "enterprise": pledge.enterprise,
        "status": pledge.get_status_display(),
    }
    if event.reason:
        body += "\n\n" + gettext("Reason: %(reason)s") % {"reason": event.reason}
    mail_enterprise(pledge.enterprise, subject, body)


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
        raise ValidationError({"reason": gettext("Say what improved.")})
    return Recognition.objects.create(
        enterprise=enterprise,
        reason=reason.strip(),
        recognised_by=user,
        recognised_on=recognised_on or timezone.localdate(),
    )
