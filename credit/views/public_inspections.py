"""Public pages (no login): published plans, their draws to re-run, and inspection results."""

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render

from portal.scoping import public_rows

from .. import inspection_rules
from ..models import Inspection, InspectionAssignment, InspectionPlan, PlanDraw


def plans(request):
    """Published plans, newest first."""
    rows = public_rows(InspectionPlan.objects.all()).defer("candidates")
    page = Paginator(rows, 30).get_page(request.GET.get("page"))
    return render(request, "credit/inspections/public/plans.html", {"page": page})


def _public_plan(pk):
    return get_object_or_404(public_rows(InspectionPlan.objects.all()), pk=pk)


def plan(request, pk):
    """Everything needed to re-run the draw: commitment, candidates' hash, seed, algorithm."""
    plan = _public_plan(pk)
    draws = list(public_rows(PlanDraw.objects.filter(plan=plan)).select_related("draw"))
    latest = max((d.round for d in draws), default=1)
    team = (
        public_rows(InspectionAssignment.objects.filter(inspection__plan=plan))
        .select_related("inspector", "inspection__enterprise", "draw")
        .order_by("inspection__enterprise__uscc", "id")
    )
    context = {
        "plan": plan,
        "draws": [d for d in draws if d.round == latest],
        "earlier_draws": [d for d in draws if d.round != latest],
        "team": team,
        "ratios": plan.ratios.all(),
        "example_seed": inspection_rules.inspector_seed("SEED", "USCC"),
    }
    return render(request, "credit/inspections/public/plan.html", context)


def candidates(request, pk):
    """The candidate list exactly as hashed when the plan was published."""
    plan = _public_plan(pk)
    response = HttpResponse(plan.candidates.encode(), content_type="text/plain; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="plan-{plan.pk}-candidates.txt"'
    return response


def results(request):
    """Published inspection results, newest first."""
    rows = public_rows(Inspection.objects.all()).select_related("enterprise", "plan")
    page = Paginator(rows.order_by("-published_at", "id"), 50).get_page(request.GET.get("page"))
    return render(request, "credit/inspections/public/results.html", {"page": page})
