"""Handling a complaint or report: the workflow (portal.workflow) and its rules.

A complaint is received, accepted or not (on a statutory ground), mediated (possibly
suspended for testing or appraisal, which does not count against the deadline) and
closed. A report is verified and a case opened or not. Deadlines follow each step.
"""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal import workdays
from portal.scoping import enterprise_ids
from portal.workflow import STAFF, SYSTEM, Transition, TransitionRefused, Workflow

from .. import privacy
from ..models import Complaint, ComplaintReply, Ground
from . import deadlines, notices

Status = Complaint.Status
MEDIATION = (Status.ACCEPTED, Status.MEDIATING, Status.SUSPENDED)


def _tell(notice):
    """A ``then`` that tells the consumer (portal.mail, after commit)."""
    return lambda complaint, log: notices.tell_consumer(complaint, notice)


def _today(change):
    return timezone.localdate(change.at)


def _ground(kind):
    """A ``does`` that requires a ground of ``kind`` from the complaint's rule set."""

    def record(complaint, change):
        ground = change.details.get("ground")
        if not isinstance(ground, Ground) or (ground.rule_set_id, ground.kind) != (
            complaint.rule_set_id,
            kind,
        ):
            raise TransitionRefused(
                {
                    "reason": _("Choose one of the grounds of %(rules)s.")
                    % {"rules": complaint.rule_set}
                }
            )
        complaint.ground = ground
        (_stamp_ended if kind == Ground.Kind.MEDIATION_END else _stamp_closed)(complaint, change)

    return record


def _stamp_closed(complaint, change):
    complaint.closed_on = _today(change)


def _stamp_ended(complaint, change):
    """Mediation ended: both parties are to be told within the rule set's days."""
    _stamp_closed(complaint, change)
    deadlines.set_end_notice(complaint)


def _accept(complaint, change):
    complaint.accepted_on = _today(change)
    deadlines.compute(complaint)


def _resume(complaint, change):
    paused = workdays.working_days_between(complaint.suspended_on, _today(change))
    complaint.suspended_days += paused
    complaint.suspended_on = None
    deadlines.compute(complaint)


def _suspend(complaint, change):
    complaint.suspended_on = _today(change)


def _reopen(complaint, change):
    window = complaint.rule_set.reopen_days
    if (_today(change) - complaint.closed_on).days > window:
        raise TransitionRefused(
            _(
                "A complaint can be reopened within %(days)d days of closing; "
                "this one closed on %(day)s."
            )
            % {"days": window, "day": complaint.closed_on},
            code="window",
        )
    complaint.closed_on = None
    complaint.end_notice_due = complaint.parties_told_on = None


COMPLAINT = Workflow(
    model="complaints.Complaint",
    log="complaints.ComplaintStatusChange",
    transitions=[
        Transition(
            "odr_failed",
            [Status.WITH_ODR],
            Status.RECEIVED,
            (SYSTEM, *STAFF),
            gettext_lazy("Not settled by the enterprise"),
        ),
        Transition(
            "accept",
            [Status.RECEIVED],
            Status.ACCEPTED,
            STAFF,
            gettext_lazy("Accept"),
            does=_accept,
            style="primary",
            then=_tell("decided"),
        ),
        Transition(
            "refuse",
            [Status.RECEIVED],
            Status.NOT_ACCEPTED,
            STAFF,
            gettext_lazy("Do not accept"),
            offered=False,
            does=_ground("refusal"),
            then=_tell("decided"),
        ),
        Transition(
            "mediate", [Status.ACCEPTED], Status.MEDIATING, STAFF, gettext_lazy("Start mediation")
        ),
        Transition(
            "suspend",
            [Status.MEDIATING],
            Status.SUSPENDED,
            STAFF,
            gettext_lazy("Suspend for testing or appraisal"),
            reason_required=True,
            does=_suspend,
        ),
        Transition(
            "resume",
            [Status.SUSPENDED],
            Status.MEDIATING,
            STAFF,
            gettext_lazy("Resume mediation"),
            does=_resume,
        ),
        Transition(
            "settle",
            [Status.MEDIATING],
            Status.MEDIATED,
            STAFF,
            gettext_lazy("Mediated successfully"),
            takes_reason=True,
            does=_stamp_ended,
            style="primary",
            then=_tell("ended"),
        ),
        Transition(
            "fail",
            [Status.MEDIATING],
            Status.MEDIATION_FAILED,
            STAFF,
            gettext_lazy("Mediation failed"),
            reason_required=True,
            does=_stamp_ended,
            then=_tell("ended"),
        ),
        Transition(
            "terminate",
            list(MEDIATION),
            Status.TERMINATED,
            STAFF,
            gettext_lazy("End mediation"),
            offered=False,
            does=_ground("mediation_end"),
            then=_tell("ended"),
        ),
        Transition(
            "open_case",
            [Status.VERIFYING],
            Status.CASE_OPENED,
            STAFF,
            gettext_lazy("Open a case"),
            takes_reason=True,
            does=_stamp_closed,
            style="primary",
            then=_tell("decided"),
        ),
        Transition(
            "no_case",
            [Status.VERIFYING],
            Status.NO_CASE,
            STAFF,
            gettext_lazy("No case"),
            reason_required=True,
            does=_stamp_closed,
            then=_tell("decided"),
        ),
        Transition(
            "close",
            [
                Status.NOT_ACCEPTED,
                Status.MEDIATED,
                Status.MEDIATION_FAILED,
                Status.TERMINATED,
                Status.CASE_OPENED,
                Status.NO_CASE,
            ],
            Status.CLOSED,
            STAFF,
            gettext_lazy("Close"),
        ),
        Transition(
            "reopen",
            [Status.CLOSED],
            Status.ACCEPTED,
            STAFF,
            gettext_lazy("Reopen"),
            reason_required=True,
            does=_reopen,
        ),
    ],
)


def may_record_parties_told(user, complaint):
    return (
        complaint.end_notice_due is not None
        and complaint.parties_told_on is None
        and privacy.handles(user, complaint)
    )


def record_parties_told(complaint, user, day):
    """The handler told both parties that mediation ended, on ``day`` (audited by the save)."""
    if not may_record_parties_told(user, complaint):
        raise ValidationError(_("There is no notice of the end of mediation to record."))
    if day > timezone.localdate():
        raise ValidationError({"day": _("The day the parties were told cannot lie in the future.")})
    if day < complaint.closed_on:
        raise ValidationError(
            {
                "day": _("The parties cannot be told before mediation ended (%(day)s).")
                % {"day": complaint.closed_on}
            }
        )
    complaint.parties_told_on = day
    complaint.save(update_fields=["parties_told_on", "updated_at"])


def end_notice_late(complaint, today=None):
    """Whether the notice of mediation's end is (or was) later than its deadline."""
    if complaint.end_notice_due is None:
        return False
    told = complaint.parties_told_on or today or timezone.localdate()
    return told > complaint.end_notice_due


def grounds(complaint, kind):
    """The grounds the complaint's rule set offers for refusing or ending mediation."""
    return Ground.objects.filter(rule_set=complaint.rule_set, kind=kind)


def decide_on_ground(complaint, action, user, ground, note=""):
    """Refuse a complaint or end its mediation on one of its rule set's grounds."""
    reason = f"{ground.text}（{note}）" if note else ground.text
    return COMPLAINT.apply(complaint, action, user, reason=reason, details={"ground": ground})


REPLYING = (Status.WITH_ODR, Status.ACCEPTED, Status.MEDIATING)
RATED = (
    Status.MEDIATED,
    Status.MEDIATION_FAILED,
    Status.TERMINATED,
    Status.NOT_ACCEPTED,
    Status.CLOSED,
)


def may_reply(user, complaint):
    """Handlers and the enterprise complained about write to each other while it is open."""
    if complaint.status not in REPLYING or complaint.is_report:
        return False
    if user.is_enterprise_user:
        return complaint.operator_id in enterprise_ids(user)
    return privacy.handles(user, complaint)


def reply(complaint, user, text):
    """Add a reply in mediation; ValidationError if the user may not reply now."""
    if not may_reply(user, complaint):
        raise ValidationError(_("Replies are possible only while the complaint is being settled."))
    return ComplaintReply.objects.create(complaint=complaint, author=user, text=text)


def may_rate(complaint):
    return (
        complaint.kind == Complaint.Kind.COMPLAINT
        and complaint.status in RATED
        and (complaint.rating is None)
    )


def rate(complaint, rating, comment=""):
    """The consumer's rating of the handling (once, when it has ended)."""
    if not may_rate(complaint):
        raise ValidationError(_("This complaint cannot be rated now."))
    complaint.rating, complaint.rating_comment = rating, comment
    complaint.save(update_fields=["rating", "rating_comment", "updated_at"])
