"""The report workflow as data, and the one function that applies a transition.

draft → internally reviewed → submitted (to SAMR and NDRC) → accepted, or
returned with comments by either headquarters agency → resubmitted → ...
Submitting freezes a version (a snapshot of every figure and text).
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _t
from django.utils.translation import gettext_lazy as _

from portal.access import HEADQUARTERS, PROVINCIAL
from portal.scoping import covers_unit

from .models import ProgressReport, Status, Transition
from .services import notify
from .services.reports import freeze, missing_sections


@dataclass(frozen=True)
class Rule:
    """An allowed transition: from which statuses, to which, by which roles."""

    sources: tuple
    target: str
    roles: tuple
    label: str
    freezes: bool = False
    needs_comment: bool = False


TRANSITIONS = {
    "review": Rule((Status.DRAFT,), Status.REVIEWED, (PROVINCIAL,), _("Mark internally reviewed")),
    "reopen": Rule((Status.REVIEWED,), Status.DRAFT, (PROVINCIAL,), _("Back to draft")),
    "submit": Rule(
        (Status.REVIEWED,),
        Status.SUBMITTED,
        (PROVINCIAL,),
        _("Submit to SAMR and NDRC"),
        freezes=True,
    ),
    "resubmit": Rule(
        (Status.RETURNED,), Status.SUBMITTED, (PROVINCIAL,), _("Resubmit"), freezes=True
    ),
    "return": Rule(
        (Status.SUBMITTED,),
        Status.RETURNED,
        (HEADQUARTERS,),
        _("Return with comments"),
        needs_comment=True,
    ),
    "accept": Rule((Status.SUBMITTED,), Status.ACCEPTED, (HEADQUARTERS,), _("Accept")),
}


class TransitionRefused(ValidationError):
    """A transition that is not allowed now, with the reasons (e.g. the missing sections)."""

    def __init__(self, message, missing=()):
        super().__init__(message)
        self.missing = list(missing)


def allowed_actions(report, user):
    """(action, rule) pairs the user may apply to the report in its current status."""
    return [
        (action, rule)
        for action, rule in TRANSITIONS.items()
        if report.status in rule.sources and user.role in rule.roles and _acts_for(user, report)
    ]


def apply(report, action, user, *, comment="", now=None):
    """Check and apply a transition, freeze a version if it submits, record who and why."""
    rule = TRANSITIONS.get(action)
    if rule is None:
        raise TransitionRefused(_t("Unknown action."))
    now = now or timezone.now()
    with transaction.atomic():
        report = (
            ProgressReport.objects.select_for_update()
            .select_related("round", "reporting_unit")
            .get(pk=report.pk)
        )
        _check(report, rule, user, comment)
        version = freeze(report, user, now) if rule.freezes else None
        from_status, report.status = report.status, rule.target
        report.save()
        change = Transition.objects.create(
            report=report,
            action=action,
            from_status=from_status,
            to_status=rule.target,
            actor=user,
            comment=comment.strip(),
            version=version,
        )
    notify.status_changed(change)
    return change


def _check(report, rule, user, comment):
    if user.role not in rule.roles or not _acts_for(user, report):
        raise TransitionRefused(_t("You may not do this to this report."))
    if report.status not in rule.sources:
        if report.status == Status.ACCEPTED:
            raise TransitionRefused(_t("The report was accepted; it cannot be changed any more."))
        raise TransitionRefused(
            _t("Not possible while the report is “%(status)s”.")
            % {"status": report.get_status_display()}
        )
    if rule.needs_comment and not comment.strip():
        raise TransitionRefused(_t("Say why: a comment is required."))
    if rule.freezes:
        missing = missing_sections(report)
        if missing:
            raise TransitionRefused(
                _t("These required sections are empty: %(sections)s.")
                % {"sections": "、".join(missing)},
                missing=missing,
            )


def _acts_for(user, report):
    """Headquarters act for every unit; provincial staff for their own unit only."""
    return covers_unit(user, report.reporting_unit_id)
