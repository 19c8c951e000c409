"""Double-random inspections: the plan's lifecycle and its draws (teams and results have
their own modules, inspection_teams and inspection_results).

docs/inspections.md describes the draw so that anyone can re-run it. The rules in short:

- on publication the candidates (the inspection objects in scope, each with its group,
  the enterprise's risk class) are fixed as a list sorted by USCC and hashed, and the
  SHA-256 of a secret value is published as the commitment to the seed;
- at the draw the secret is revealed and checked against the commitment; the seed is
  SHA-256(secret + "\\n" + plan identifier); each group's quota is ceil(ratio × pool)
  (or a fixed number, refused above the pool) and each group is drawn by portal.draws;
- each drawn enterprise gets its inspectors by portal.draws with the seed
  ``seed + ":" + USCC`` from the eligible inspectors, by certificate number.
"""

import hashlib
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from enterprises.models import Enterprise
from portal import audit, draws
from portal.scoping import scoped
from portal.workflow import STAFF, Transition, TransitionRefused, Workflow

from .. import inspection_rules
from ..models import (
    UNCLASSIFIED,
    ClassRatio,
    Inspection,
    InspectionPlan,
    PlanDraw,
    RiskClass,
)
from .inspection_teams import draw_teams, eligible_inspectors, refuse_short_teams

Status = InspectionPlan.Status
GROUPS = RiskClass.values


# The directory of inspection objects: the registry, queried, never copied.


def inspection_objects(reporting_unit=None, divisions=(), sections=()):
    """Operating enterprises of a unit (all units: None), its divisions and sections."""
    rows = Enterprise.objects.filter(status=Enterprise.Status.OPERATING)
    if reporting_unit is not None:
        rows = rows.filter(reporting_unit=reporting_unit)
    if divisions:
        rows = rows.filter(Q(division__in=divisions) | Q(division__parent__in=divisions))
    if sections:
        rows = rows.filter(industry_section__in=sections)
    return rows


def plan_objects(plan):
    """The plan's inspection objects now (before publication: what would be snapshotted)."""
    return inspection_objects(plan.reporting_unit, list(plan.divisions.all()), plan.sections)


def with_group(rows):
    """Each enterprise's sampling group: its current risk class, unclassified ones in B."""
    return rows.annotate(group=Coalesce("risk_class__risk_class", Value(str(UNCLASSIFIED))))


# Candidates and quotas: pure.


def candidate_text(rows):
    """The published candidate list: 'USCC<TAB>group' lines, by USCC, joined by newlines."""
    return "\n".join(f"{uscc}\t{group}" for uscc, group in rows)


def groups_of(text):
    """{group: [USCC, ...]} from a candidate list."""
    groups = {group: [] for group in GROUPS}
    for line in text.split("\n") if text else []:
        groups[line[-1]].append(line[:-2])  # a group is one letter after the tab
    return groups


def quotas(pools, ratios):
    """{group: quota}: a fixed number (refused above the pool) or ceil(ratio × pool)."""
    result = {}
    for group in GROUPS:
        pool = pools.get(group, 0)
        ratio, count = ratios.get(group, (Decimal(0), None))
        if count is None and not ratio:
            result[group] = 0
            continue
        try:
            result[group] = draws.quota(pool, ratio=ratio, count=count)
        except ValidationError as error:
            raise ValidationError(
                _("Group %(group)s: %(problem)s") % {"group": group, "problem": error.messages[0]},
                code="quota_exceeds_pool",
            ) from error
    return result


def plan_ratios(plan):
    return {r.risk_class: (r.ratio, r.count) for r in plan.ratios.all()}


# The plan's workflow.


def _check_ratios(plan, pools):
    total_pool = sum(pools.values())
    quota = quotas(pools, plan_ratios(plan))
    limits = [i.max_ratio for i in plan.items.all() if i.kind == i.Kind.GENERAL]
    if limits and total_pool and Decimal(sum(quota.values())) / total_pool > min(limits):
        raise TransitionRefused(
            _(
                "The plan would inspect %(drawn)s of %(pool)s enterprises (%(share).1f %%), "
                "more than its general items allow (%(limit).1f %%)."
            )
            % {
                "drawn": sum(quota.values()),
                "pool": total_pool,
                "share": 100 * sum(quota.values()) / total_pool,
                "limit": 100 * min(limits),
            },
            code="over_item_limit",
        )
    return quota


def _publish(plan, change):
    if not plan.items.exists():
        raise TransitionRefused(_("A plan needs at least one inspection item."), code="no_items")
    rows = with_group(plan_objects(plan)).order_by("uscc").values_list("uscc", "group")
    text = candidate_text(rows.iterator(chunk_size=10000))
    groups = groups_of(text)
    _check_ratios(plan, {g: len(ids) for g, ids in groups.items()})
    pool = len(eligible_inspectors(plan))
    if pool < plan.inspectors_per_object:
        refuse_short_teams([(_("every enterprise"), pool)], plan.inspectors_per_object)
    commitment = (change.details.get("commitment") or "").strip().lower()
    if commitment:
        plan.secret = ""  # the officer keeps the secret outside the portal until the draw
    else:
        plan.secret = draws.new_seed()
        commitment = draws.commitment(plan.secret)
    plan.commitment = commitment
    plan.seed_source = change.details.get("seed_source") or _("committed random value")
    plan.candidates = text
    plan.candidates_sha256 = hashlib.sha256(text.encode()).hexdigest()
    plan.candidate_count = sum(len(ids) for ids in groups.values())
    plan.published_at = change.at


def _draw_round(plan, round_number, user, *, reason="", approved_by=None):
    """Draw every group of the plan with the round's seed, then each enterprise's team."""
    seed = inspection_rules.round_seed(plan.revealed, plan, round_number)
    groups = groups_of(plan.candidates)
    quota = quotas({g: len(ids) for g, ids in groups.items()}, plan_ratios(plan))
    drawn = {}
    for group in GROUPS:
        record = draws.draw(
            f"{plan.identifier}-group-{group}", seed, groups[group], quota[group],
            reason=reason, approved_by=approved_by, user=user,
        )  # fmt: skip
        PlanDraw.objects.create(
            plan=plan, risk_class=group, round=round_number, quota=quota[group], draw=record
        )
        drawn.update({uscc: group for uscc in record.result})
    enterprises = Enterprise.objects.in_bulk(list(drawn), field_name="uscc")
    inspections = Inspection.objects.bulk_create(
        [
            Inspection(plan=plan, enterprise=enterprises[u], risk_class=g, round=round_number)
            for u, g in sorted(drawn.items())
        ]
    )
    audit.record_bulk(inspections, "create")
    draw_teams(plan, inspections, seed, user)
    return seed


def _draw(plan, change):
    revealed = (change.details.get("revealed") or "").strip() or plan.secret
    draws.check_reveal(revealed, plan.commitment)
    plan.revealed = revealed
    plan.seed = _draw_round(plan, 1, change.user)
    plan.drawn_at = change.at


def _close(plan, change):
    waiting = plan.inspections.filter(active=True, published_at__isnull=True).count()
    if waiting:
        raise TransitionRefused(
            _("%(count)s results are not yet published.") % {"count": waiting}, code="waiting"
        )


PLAN = Workflow(
    model="credit.InspectionPlan",
    log="credit.PlanStatusChange",
    transitions=[
        Transition(
            "publish",
            [Status.DRAFT],
            Status.PUBLISHED,
            STAFF,
            gettext_lazy("Publish the plan, its candidates and the seed commitment"),
            does=_publish,
            style="primary",
            offered=False,
        ),
        Transition(
            "draw",
            [Status.PUBLISHED],
            Status.DRAWN,
            STAFF,
            gettext_lazy("Reveal the secret and draw"),
            does=_draw,
            style="primary",
            offered=False,
        ),
        Transition(
            "start", [Status.DRAWN], Status.INSPECTING, STAFF, gettext_lazy("Start inspecting")
        ),
        Transition(
            "close",
            [Status.INSPECTING],
            Status.CLOSED,
            STAFF,
            gettext_lazy("Close the plan"),
            does=_close,
        ),
    ],
    closed={Status.CLOSED: gettext_lazy("The plan is closed.")},
)


def publish(plan, user, *, commitment="", seed_source=""):
    """Fix the candidates and the commitment; ``commitment`` if the officer keeps the secret."""
    details = {"commitment": commitment, "seed_source": seed_source}
    return PLAN.apply(plan, "publish", user, details=details)


def draw(plan, user, *, revealed=""):
    """Reveal the secret (the portal's, or the one typed), draw enterprises and inspectors."""
    return PLAN.apply(plan, "draw", user, details={"revealed": revealed})


@transaction.atomic
def redraw(plan, user, *, reason, approved_by):
    """A new recorded round of the draw: needs a reason and a second officer's approval."""
    plan = scoped(InspectionPlan.objects.select_for_update(), user).get(pk=plan.pk)
    if plan.status not in (Status.DRAWN, Status.INSPECTING):
        raise ValidationError(_("Only a drawn plan can be drawn again."))
    if not reason.strip():
        raise ValidationError({"reason": _("Give the reason for drawing again.")})
    if (
        approved_by is None
        or approved_by == user
        or not scoped(InspectionPlan.objects.filter(pk=plan.pk), approved_by).exists()
    ):
        raise ValidationError(
            {"approved_by": _("A second officer of the plan's unit must approve a re-draw.")}
        )
    current = plan.inspections.filter(active=True)
    if current.exclude(result="").exists():
        raise ValidationError(_("Results are recorded: the plan can no longer be drawn again."))
    round_number = plan.draws.order_by("-round").values_list("round", flat=True).first() + 1
    audit.record_bulk(list(current), "update", {i.pk: {"active": [True, False]} for i in current})
    current.update(active=False)
    _draw_round(plan, round_number, user, reason=reason, approved_by=approved_by)
    return round_number


def current_draws(plan):
    """The plan's latest round of group draws, with their portal.Draw records."""
    rows = plan.draws.select_related("draw")
    latest = rows.order_by("-round").values_list("round", flat=True).first()
    return [d for d in rows if d.round == latest]


def default_ratios(plan):
    """Give a new plan the configured ratio of each class."""
    defaults = inspection_rules.default_class_ratios()
    for group in GROUPS:  # one by one, so that the audit trail records each ratio
        ClassRatio.objects.create(
            plan=plan, risk_class=group, ratio=defaults.get(group, Decimal(0))
        )
