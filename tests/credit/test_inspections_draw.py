"""The plan's draw: commitment, candidates, quotas per group, inspectors, and its refusals."""

import hashlib
import math
from collections import Counter
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from credit.models import Inspection, InspectionAssignment, InspectionPlan, PlanDraw
from credit.services import inspection_teams, inspections
from enterprises.models import Enterprise
from portal import draws
from portal.models import Draw
from tests import factories

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]
Status = InspectionPlan.Status


def enterprises(n, group=None, **fields):
    made = [factories.EnterpriseFactory(**fields) for _ in range(n)]
    if group:
        for enterprise in made:
            factories.risk_class(enterprise, group)
    return made


def inspectors(n, **fields):
    return [factories.InspectorFactory(**fields) for _ in range(n)]


def test_publishing_fixes_candidates_sorted_by_uscc_and_the_commitment(province_user):
    made = enterprises(3, "C") + enterprises(2)  # two unclassified: group B
    enterprises(1, division_code="330106")  # Zhejiang: outside the plan's unit
    inspectors(2)
    plan = factories.inspection_plan(province_user)

    inspections.publish(plan, province_user)

    plan.refresh_from_db()
    lines = plan.candidates.split("\n")
    assert [line.split("\t")[0] for line in lines] == sorted(e.uscc for e in made)
    assert Counter(line.split("\t")[1] for line in lines) == {"C": 3, "B": 2}
    assert plan.candidates_sha256 == hashlib.sha256(plan.candidates.encode()).hexdigest()
    assert plan.commitment == hashlib.sha256(plan.secret.encode()).hexdigest()
    assert plan.status == Status.PUBLISHED and plan.seed == "" and plan.revealed == ""


def test_the_draw_reveals_the_secret_and_draws_each_group_by_its_quota(province_user):
    enterprises(20, "A")
    enterprises(10, "D")
    inspectors(3)
    plan = factories.inspection_plan(province_user, ratios={"A": "0.11", "D": "0.5", "B": "0"})
    inspections.publish(plan, province_user)

    inspections.draw(plan, province_user)

    plan.refresh_from_db()
    assert (
        plan.revealed
        and plan.seed == hashlib.sha256(f"{plan.revealed}\n{plan.identifier}".encode()).hexdigest()
    )
    quotas = {d.risk_class: d.quota for d in PlanDraw.objects.filter(plan=plan)}
    assert quotas == {"A": math.ceil(20 * 0.11), "B": 0, "C": 0, "D": 5}
    drawn = Counter(plan.inspections.values_list("risk_class", flat=True))
    assert drawn == {"A": 3, "D": 5}
    for inspection in plan.inspections.all():
        assert inspection.team.count() == 2


def test_a_draw_asked_twice_keeps_the_first(province_user):
    enterprises(10, "C")
    inspectors(2)
    plan = factories.inspection_plan(province_user)
    inspections.publish(plan, province_user)
    inspections.draw(plan, province_user)
    first = set(plan.inspections.values_list("enterprise_id", flat=True))

    with pytest.raises(ValidationError, match="not possible while the status"):
        inspections.draw(plan, province_user)

    assert set(plan.inspections.values_list("enterprise_id", flat=True)) == first
    assert PlanDraw.objects.filter(plan=plan).count() == 4


def test_a_revealed_value_that_does_not_match_the_commitment_is_refused(province_user):
    enterprises(5, "C")
    inspectors(2)
    plan = factories.inspection_plan(province_user)
    secret = "my own secret kept in the safe"
    inspections.publish(plan, province_user, commitment=draws.commitment(secret))

    with pytest.raises(ValidationError, match="does not match the published commitment"):
        inspections.draw(plan, province_user, revealed="a different value")

    plan.refresh_from_db()
    assert plan.status == Status.PUBLISHED and not plan.inspections.exists()
    inspections.draw(plan, province_user, revealed=secret)
    plan.refresh_from_db()
    assert plan.status == Status.DRAWN and plan.revealed == secret


def test_a_fixed_number_above_the_pool_is_refused_with_the_numbers(province_user):
    enterprises(4, "D")
    inspectors(2)
    plan = factories.inspection_plan(province_user, ratios={"D": 5})

    with pytest.raises(ValidationError) as refused:
        inspections.publish(plan, province_user)

    assert "Group D" in str(refused.value) and "5" in str(refused.value)
    assert "4 candidates" in str(refused.value)
    plan.refresh_from_db()
    assert plan.status == Status.DRAFT


def test_a_fixed_number_equal_to_the_pool_is_drawn(province_user):
    enterprises(4, "D")
    inspectors(2)
    plan = factories.inspection_plan(province_user, ratios={"D": 4, "B": "0"})
    inspections.publish(plan, province_user)
    inspections.draw(plan, province_user)
    assert plan.inspections.count() == 4


def test_general_items_limit_the_share_of_the_pool(province_user):
    enterprises(10, "D")
    inspectors(2)
    item = factories.InspectionItemFactory(max_ratio=Decimal("0.05"))
    plan = factories.inspection_plan(province_user, items=[item])

    with pytest.raises(ValidationError, match="more than its general items allow"):
        inspections.publish(plan, province_user)

    key = factories.InspectionItemFactory(kind="key", max_ratio=None)
    plan.items.set([key])
    inspections.publish(plan, province_user)  # key items: no upper limit


def test_too_few_eligible_inspectors_is_refused_with_the_numbers(province_user):
    enterprises(3, "C")
    inspectors(1)
    inspectors(2, fields=["pricing"])  # another field
    inspectors(2, active=False)
    inspectors(2, agency=factories.agency("440000", "drc"))  # not one of the plan's agencies
    plan = factories.inspection_plan(province_user)

    with pytest.raises(ValidationError, match="1 eligible inspectors, 2 needed"):
        inspections.publish(plan, province_user)


def test_a_conflict_of_interest_short_of_a_team_refuses_the_draw(province_user):
    (enterprise,) = enterprises(1, "D")
    first, second = inspectors(2)
    factories.InspectorConflictFactory(inspector=first, enterprise=enterprise)
    plan = factories.inspection_plan(province_user, ratios={"D": "1"})
    inspections.publish(plan, province_user)

    with pytest.raises(ValidationError) as refused:
        inspections.draw(plan, province_user)

    assert f"{enterprise}: 1 eligible inspectors, 2 needed" in str(refused.value)
    assert not Draw.objects.filter(purpose__startswith=plan.identifier).exists()
    plan.refresh_from_db()
    assert plan.status == Status.PUBLISHED


def test_conflicted_inspectors_are_never_drawn_and_last_times_team_is_avoided(province_user):
    (enterprise,) = enterprises(1, "D")
    team = inspectors(6)
    factories.InspectorConflictFactory(inspector=team[0], enterprise=enterprise)
    earlier = factories.inspection_plan(province_user, ratios={"D": "1"})
    inspections.publish(earlier, province_user)
    inspections.draw(earlier, province_user)
    last_time = set(
        InspectionAssignment.objects.filter(inspection__plan=earlier).values_list(
            "inspector_id", flat=True
        )
    )

    later = factories.inspection_plan(province_user, ratios={"D": "1"}, name="第二批")
    inspections.publish(later, province_user)
    inspections.draw(later, province_user)

    now = set(
        InspectionAssignment.objects.filter(inspection__plan=later).values_list(
            "inspector_id", flat=True
        )
    )
    assert team[0].pk not in last_time | now
    assert len(now) == 2 and not now & last_time


def test_last_times_team_is_drawn_again_when_the_pool_is_too_small(province_user):
    (enterprise,) = enterprises(1, "D")
    inspectors(3)
    for name in ("第一批", "第二批"):
        plan = factories.inspection_plan(province_user, ratios={"D": "1"}, name=name)
        inspections.publish(plan, province_user)
        inspections.draw(plan, province_user)
        assert plan.inspections.get().team.count() == 2


def test_a_recusal_is_recorded_and_a_replacement_drawn(province_user):
    enterprises(1, "D")
    inspectors(3)
    plan = factories.inspection_plan(province_user, ratios={"D": "1"})
    inspections.publish(plan, province_user)
    inspections.draw(plan, province_user)
    inspection = plan.inspections.get()
    leaving = inspection.team.first()

    replacement = inspection_teams.recuse(leaving, province_user, reason="曾为该企业提供咨询")

    leaving.refresh_from_db()
    assert leaving.recused_at and leaving.replaced_by == replacement
    assert leaving.recusal_reason == "曾为该企业提供咨询"
    current = inspection.team.filter(recused_at__isnull=True)
    assert current.count() == 2 and leaving.inspector_id not in {a.inspector_id for a in current}
    assert replacement.draw.purpose.endswith(f"replacing-{leaving.inspector.certificate_number}")
    with pytest.raises(ValidationError, match="No eligible inspector is left"):
        inspection_teams.recuse(replacement, province_user, reason="也有利害关系")


def test_a_recusal_needs_a_reason(province_user):
    enterprises(1, "D")
    inspectors(3)
    plan = factories.inspection_plan(province_user, ratios={"D": "1"})
    inspections.publish(plan, province_user)
    inspections.draw(plan, province_user)
    with pytest.raises(ValidationError):
        inspection_teams.recuse(plan.inspections.get().team.first(), province_user, reason=" ")


def test_a_redraw_is_a_new_recorded_round_with_reason_and_a_second_officer(province_user):
    enterprises(30, "C")
    inspectors(2)
    plan = factories.inspection_plan(province_user)
    inspections.publish(plan, province_user)
    inspections.draw(plan, province_user)
    first = set(plan.inspections.values_list("enterprise_id", flat=True))

    with pytest.raises(ValidationError, match="second officer"):
        inspections.redraw(plan, province_user, reason="名录有误", approved_by=province_user)
    colleague = factories.provincial_user("440000")
    inspections.redraw(plan, province_user, reason="名录有误", approved_by=colleague)

    assert set(plan.inspections.filter(active=False).values_list("enterprise_id", flat=True)) == (
        first
    )
    second = plan.draws.get(risk_class="C", round=2).draw
    assert second.replaces == plan.draws.get(risk_class="C", round=1).draw
    assert second.reason == "名录有误" and second.approved_by == colleague
    assert Inspection.objects.filter(plan=plan, active=True, round=2).count() == math.ceil(30 * 0.3)


def test_only_operating_enterprises_of_the_plans_unit_and_sections_are_candidates(province_user):
    plan = factories.inspection_plan(province_user, sections=["H"])
    (zhejiang,) = enterprises(1, division_code="330106")
    (other_section,) = enterprises(1, industry_section="I")
    (closed,) = enterprises(1, status=Enterprise.Status.DEREGISTERED)
    (inside,) = enterprises(1)
    inspectors(2)

    inspections.publish(plan, province_user)
    candidates = {line.split("\t")[0] for line in plan.candidates.split("\n")}
    assert inside.uscc in candidates
    assert not {zhejiang.uscc, other_section.uscc, closed.uscc} & candidates


def test_the_ratio_per_group_is_honoured_over_many_draws():
    """Pure: 400 seeds over a pool of 200 A and 100 D; every draw has exactly its quotas, and
    each enterprise's chance of being drawn is its group's ratio."""
    pools = {
        "A": [factories.random_uscc() for _ in range(200)],
        "D": [factories.random_uscc() for _ in range(100)],
    }
    quota = inspections.quotas(
        {"A": 200, "D": 100, "B": 0, "C": 0},
        {"A": (Decimal("0.05"), None), "D": (Decimal("0.6"), None)},
    )
    assert quota == {"A": 10, "B": 0, "C": 0, "D": 60}
    hits = Counter()
    rounds = 400
    for n in range(rounds):
        seed = hashlib.sha256(f"seed {n}".encode()).hexdigest()
        for group, ids in pools.items():
            drawn = draws.select(seed, ids, quota[group])
            assert len(drawn) == quota[group] and set(drawn) <= set(ids)
            hits.update(drawn)
    for group, ratio in (("A", 0.05), ("D", 0.6)):
        rates = [hits[uscc] / rounds for uscc in pools[group]]
        assert abs(sum(rates) / len(rates) - ratio) < 1e-9  # exact on average
        assert max(rates) < ratio + 0.12 and min(rates) > ratio - 0.12  # nobody favoured
