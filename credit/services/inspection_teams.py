"""Inspection teams: who may inspect an enterprise, the team's draw, and recusals.

Each drawn enterprise gets its inspectors by portal.draws with the seed
``seed + ":" + USCC`` from the plan's eligible inspectors, by certificate number; a
recusal draws the replacement from who is left, recorded the same way.
"""

from collections import defaultdict

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from portal import audit, draws
from portal.scoping import scoped
from portal.workflow import TransitionRefused

from .. import inspection_rules
from ..models import Inspection, InspectionAssignment, Inspector, InspectorConflict


def plan_fields(plan):
    return {item.field for item in plan.items.all()}


def eligible_inspectors(plan):
    """Active inspectors of the plan's agencies certified for one of its items' fields."""
    fields = plan_fields(plan)
    rows = Inspector.objects.filter(active=True, agency__in=plan.agencies.all())
    return [i for i in rows.order_by("certificate_number") if fields & set(i.fields)]


def _conflicted(enterprise_ids):
    pairs = InspectorConflict.objects.filter(enterprise_id__in=enterprise_ids)
    conflicted = defaultdict(set)
    for inspector_id, enterprise_id in pairs.values_list("inspector_id", "enterprise_id"):
        conflicted[enterprise_id].add(inspector_id)
    return conflicted


def _last_team(enterprise, plan):
    """The inspectors of the enterprise's latest earlier inspection (not recused)."""
    last = (
        Inspection.objects.filter(enterprise=enterprise, active=True)
        .exclude(plan=plan)
        .order_by("-plan__starts_on", "-id")
        .first()
    )
    if last is None:
        return set()
    return set(last.team.filter(recused_at__isnull=True).values_list("inspector_id", flat=True))


def team_candidates(inspection, pool, conflicted, needed, exclude=()):
    """Who may go: the pool without conflicts and ``exclude``; without last time's, if enough."""
    allowed = [i for i in pool if i.pk not in conflicted.get(inspection.enterprise_id, set())]
    allowed = [i for i in allowed if i.pk not in set(exclude)]
    last = _last_team(inspection.enterprise, inspection.plan)
    fresh = [i for i in allowed if i.pk not in last]
    return fresh if len(fresh) >= needed else allowed


def refuse_short_teams(shortfalls, needed):
    lines = [
        _("%(enterprise)s: %(eligible)s eligible inspectors, %(needed)s needed")
        % {"enterprise": name, "eligible": eligible, "needed": needed}
        for name, eligible in shortfalls
    ]
    raise TransitionRefused(
        _("Too few eligible inspectors. %(details)s") % {"details": "; ".join(lines[:20])},
        code="too_few_inspectors",
    )


def draw_teams(plan, inspections, seed, user):
    """Draw each inspection's team; refuses the whole draw if any enterprise lacks inspectors."""
    pool = eligible_inspectors(plan)
    needed = plan.inspectors_per_object
    conflicted = _conflicted([i.enterprise_id for i in inspections])
    chosen = [(i, team_candidates(i, pool, conflicted, needed)) for i in inspections]
    shortfalls = [(i.enterprise, len(c)) for i, c in chosen if len(c) < needed]
    if shortfalls:
        refuse_short_teams(shortfalls, needed)
    for inspection, candidates in chosen:
        by_number = {c.certificate_number: c for c in candidates}
        record = draws.draw(
            f"{plan.identifier}-r{inspection.round}-inspectors-{inspection.enterprise.uscc}",
            inspection_rules.inspector_seed(seed, inspection.enterprise.uscc),
            list(by_number),
            needed,
            user=user,
        )
        team = InspectionAssignment.objects.bulk_create(
            [
                InspectionAssignment(inspection=inspection, inspector=by_number[n], draw=record)
                for n in record.result
            ]
        )
        audit.record_bulk(team, "create")


@transaction.atomic
def recuse(assignment, user, *, reason):
    """Record an inspector's recusal and draw the replacement from who is left (recorded)."""
    if not reason.strip():
        raise ValidationError({"reason": _("Give the reason for the recusal.")})
    assignment = scoped(InspectionAssignment.objects.select_for_update(), user).get(
        pk=assignment.pk
    )
    if assignment.recused_at:
        raise ValidationError(_("This inspector has already recused."))
    inspection = assignment.inspection
    plan = inspection.plan
    assignment.recused_at = timezone.now()
    assignment.recusal_reason = reason.strip()
    assignment.recused_by = user
    taken = set(inspection.team.values_list("inspector_id", flat=True))
    conflicted = _conflicted([inspection.enterprise_id])
    candidates = team_candidates(inspection, eligible_inspectors(plan), conflicted, 1, taken)
    if not candidates:
        raise ValidationError(
            _("No eligible inspector is left to replace %(name)s: %(team)s already drawn.")
            % {"name": assignment.inspector, "team": len(taken)},
            code="too_few_inspectors",
        )
    by_number = {c.certificate_number: c for c in candidates}
    uscc = inspection.enterprise.uscc
    seed = inspection_rules.round_seed(plan.revealed, plan, inspection.round)
    record = draws.draw(
        f"{plan.identifier}-r{inspection.round}-inspectors-{uscc}"
        f"-replacing-{assignment.inspector.certificate_number}",
        inspection_rules.inspector_seed(seed, uscc),
        list(by_number),
        1,
        user=user,
    )
    replacement = InspectionAssignment.objects.create(
        inspection=inspection, inspector=by_number[record.result[0]], draw=record
    )
    assignment.replaced_by = replacement
    assignment.save()
    return replacement
