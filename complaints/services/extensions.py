"""Extending a report's verification: one officer asks, a second approves (portal.workflow).

The rule set's ``verification_extension_days`` is the most that may be added in total
(15 working days under the SAMR penalty procedure, Art. 18); an approved extension adds
its days to the report and its deadline is recomputed.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.workflow import STAFF, Transition, TransitionRefused, Workflow

from .. import privacy
from ..models import Complaint, VerificationExtension
from . import deadlines

Status = VerificationExtension.Status


def days_left(report):
    """How many working days may still be added to the report's verification."""
    return report.rule_set.verification_extension_days - report.extended_days


def may_request(user, report):
    return (
        report.is_report
        and report.status == Complaint.Status.VERIFYING
        and privacy.handles(user, report)
        and days_left(report) > 0
        and not report.extensions.filter(status=Status.PENDING).exists()
    )


def _beyond_maximum(report, days):
    return ValidationError(
        {
            "days": _(
                "At most %(most)d working days can be added to a verification under "
                "%(rules)s; %(used)d are added already, so %(left)d more at most, not %(days)d."
            )
            % {
                "most": report.rule_set.verification_extension_days,
                "rules": report.rule_set,
                "used": report.extended_days,
                "left": days_left(report),
                "days": days,
            }
        }
    )


def request(report, user, days, reason):
    """Ask for ``days`` more working days to verify the report (saved, so audited)."""
    if not (report.is_report and privacy.handles(user, report)):
        raise ValidationError(_("Only the unit verifying a report can extend it."))
    if report.status != Complaint.Status.VERIFYING:
        raise ValidationError(_("Only a report being verified can be extended."))
    if report.extensions.filter(status=Status.PENDING).exists():
        raise ValidationError(_("An extension of this report is already waiting for approval."))
    if days < 1 or days > days_left(report):
        raise _beyond_maximum(report, days)
    return VerificationExtension.objects.create(
        complaint=report, days=days, reason=reason, requested_by=user
    )


def _approve(extension, change):
    if change.user is not None and change.user.pk == extension.requested_by_id:
        raise TransitionRefused(
            _("A second officer must approve: you asked for this extension yourself."),
            code="same_officer",
        )
    report = Complaint.objects.select_for_update().get(pk=extension.complaint_id)
    if report.status != Complaint.Status.VERIFYING:
        raise TransitionRefused(_("The report is no longer being verified."), code="state")
    if extension.days > days_left(report):
        raise TransitionRefused(_beyond_maximum(report, extension.days).messages[0])
    report.extended_days += extension.days
    deadlines.compute(report)
    report.save()
    extension.decided_by = change.user


def _decided_by(extension, change):
    extension.decided_by = change.user


EXTENSION = Workflow(
    model="complaints.VerificationExtension",
    log="complaints.VerificationExtensionChange",
    transitions=[
        Transition(
            "approve",
            [Status.PENDING],
            Status.APPROVED,
            STAFF,
            gettext_lazy("Approve the extension"),
            does=_approve,
            style="primary",
        ),
        Transition(
            "refuse_extension",
            [Status.PENDING],
            Status.REFUSED,
            STAFF,
            gettext_lazy("Refuse the extension"),
            reason_required=True,
            does=_decided_by,
        ),
    ],
)
