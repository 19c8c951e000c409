"""Administrative penalties: recording, a second officer's confirmation, publicity and repair.

DOMAIN.md §6: penalty information may be repaired after 6 months of publicity (1 year in
food, drugs and special equipment), except serious penalties. The periods are settings.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.scoping import covers_unit
from portal.workflow import STAFF, Transition, TransitionRefused, Workflow

from ..models import PUBLISHED_PENALTY, Penalty

Status = Penalty.Status
Kind = Penalty.Kind
# The heavier penalties a serious listing may rest on (SAMR Order No. 44).
HEAVIER_KINDS = (
    Kind.FINE,
    Kind.CONFISCATION,
    Kind.LICENCE_REVOKED,
    Kind.BUSINESS_RESTRICTED,
    Kind.CLOSURE,
    Kind.EMPLOYMENT_RESTRICTION,
)


def add_months(day, months):
    """The same day ``months`` later (the month's last day when it has no such day)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=candidate)
        except ValueError:
            continue


def add_years(day, years):
    return add_months(day, 12 * years)


def today_of(change):
    return timezone.localdate(change.at)


def second_officer(obj, change):
    """Refuse unless the officer confirming is not the one who proposed (four eyes)."""
    if obj.proposed_by_id is not None and obj.proposed_by_id == change.user.pk:
        raise TransitionRefused(
            _(
                "You proposed this entry, so you cannot confirm it: "
                "a second officer must review it before it is published."
            ),
            code="four_eyes",
        )
    obj.confirmed_by = change.user


def not_in_future(day, field="decided_on"):
    if day and day > timezone.localdate():
        raise ValidationError(
            {
                field: _("The decision date %(day)s is in the future; give the date it was made.")
                % {"day": day}
            },
            code="future",
        )


def in_jurisdiction(user, enterprise):
    if not covers_unit(user, enterprise.reporting_unit_id):
        raise ValidationError(
            {"enterprise": _("This enterprise is outside your jurisdiction.")}, code="scope"
        )


def record(enterprise, data, user):
    """A penalty proposed by an officer; it is published when a second officer confirms it."""
    in_jurisdiction(user, enterprise)
    not_in_future(data.get("decided_on"))
    if data.get("kind") == Kind.FINE and not data.get("amount"):
        raise ValidationError({"amount": _("A fine needs its amount.")}, code="amount")
    penalty = Penalty(enterprise=enterprise, proposed_by=user, agency=user.agency, **data)
    penalty.full_clean(exclude=["agency", "proposed_by", "enterprise"], validate_constraints=False)
    try:
        with transaction.atomic():
            penalty.save()
    except IntegrityError:
        raise ValidationError(
            {
                "decision_number": _(
                    "Decision number %(number)s of %(authority)s is already recorded."
                )
                % {"number": penalty.decision_number, "authority": penalty.authority}
            },
            code="unique",
        ) from None
    return penalty


def repairable_from(penalty):
    """The first day the penalty may be repaired, or None if it never may (serious)."""
    if penalty.serious or penalty.published_on is None:
        return None
    return add_months(penalty.published_on, _months(penalty))


def _months(penalty):
    if penalty.special_field:
        return settings.CREDIT_PENALTY_REPAIR_MONTHS_SPECIAL
    return settings.CREDIT_PENALTY_REPAIR_MONTHS


def repair_refusal(penalty, today):
    """Why the penalty cannot be repaired today, or None."""
    if penalty.serious:
        return _("A serious penalty cannot be repaired: it stays public for its whole period.")
    start = repairable_from(penalty)
    if today < start:
        return _(
            "The penalty may be repaired only after its publicity period of %(months)d months, "
            "from %(day)s."
        ) % {"months": _months(penalty), "day": start}
    return None


def _publish(penalty, change):
    second_officer(penalty, change)
    penalty.published_on = today_of(change)
    penalty.public_until = add_years(penalty.published_on, settings.CREDIT_PENALTY_PUBLICITY_YEARS)


def _repairable(penalty, change):
    refusal = repair_refusal(penalty, today_of(change))
    if refusal:
        raise TransitionRefused(refusal, code="condition")


def _apply_repair(penalty, change):
    _repairable(penalty, change)
    penalty.repair_note = change.reason


def _approve_repair(penalty, change):
    _repairable(penalty, change)
    penalty.repaired_on = today_of(change)


PENALTY = Workflow(
    model="credit.Penalty",
    log="credit.PenaltyStatusChange",
    transitions=[
        Transition("confirm", (Status.PROPOSED,), Status.PUBLISHED, STAFF,
                   gettext_lazy("Confirm and publish"), does=_publish, style="primary"),
        Transition("return", (Status.PROPOSED,), Status.RETURNED, STAFF,
                   gettext_lazy("Return to the proposer"), reason_required=True,
                   style="secondary"),
        Transition("resubmit", (Status.RETURNED,), Status.PROPOSED, STAFF,
                   gettext_lazy("Propose again")),
        Transition("apply_repair", (Status.PUBLISHED,), Status.REPAIR_APPLIED, STAFF,
                   gettext_lazy("Record a credit repair application"), reason_required=True,
                   does=_apply_repair),
        Transition("approve_repair", (Status.REPAIR_APPLIED,), Status.REPAIRED, STAFF,
                   gettext_lazy("Approve the repair"), does=_approve_repair, style="primary"),
        Transition("refuse_repair", (Status.REPAIR_APPLIED,), Status.PUBLISHED, STAFF,
                   gettext_lazy("Refuse the repair"), reason_required=True, style="secondary"),
    ],
    closed={Status.REPAIRED: gettext_lazy("A repaired penalty is no longer published.")},
)  # fmt: skip


def is_heavier(penalty):
    """Whether a serious listing may rest on this penalty: a heavier kind, judged serious."""
    return penalty.kind in HEAVIER_KINDS and penalty.serious


def heavier_since(enterprise_id, day):
    """Published heavier penalties of the enterprise decided after ``day``."""
    return Penalty.objects.filter(
        enterprise_id=enterprise_id,
        kind__in=HEAVIER_KINDS,
        serious=True,
        decided_on__gt=day,
        status__in=(Status.PUBLISHED, Status.REPAIR_APPLIED),
    )


# What the risk classes count (credit.services.risk_indicators wraps it).

RISK_PENALTY_YEARS = 3


def penalties_in_last_years(today):
    """Per enterprise (``OuterRef("pk")``): confirmed, unrepaired penalties decided from the
    same day ``RISK_PENALTY_YEARS`` years ago up to ``today``, counted; 0 when none."""
    counted = Penalty.objects.filter(
        enterprise=OuterRef("pk"),
        status__in=PUBLISHED_PENALTY,
        decided_on__gte=add_years(today, -RISK_PENALTY_YEARS),
        decided_on__lte=today,
    )
    return Coalesce(count_per_enterprise(counted), Value(0))


def count_per_enterprise(rows):
    """A subquery counting ``rows`` (already filtered on ``enterprise=OuterRef("pk")``)."""
    counted = rows.order_by().values("enterprise").annotate(n=Count("id")).values("n")
    return Subquery(counted, output_field=IntegerField())
