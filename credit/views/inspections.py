"""Regulators' inspection pages: the list of items, the two directories, plans and results."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from enterprises.models import Enterprise
from portal.access import STAFF_ROLES, get_scoped_or_404, roles_required
from portal.audit import history_for
from portal.scoping import covers_unit, scoped
from portal.workflow_views import apply_posted, attempt, error_messages, transition_buttons

from .. import forms_inspections as forms
from ..models import (
    Inspection,
    InspectionAssignment,
    InspectionItem,
    InspectionPlan,
    Inspector,
    InspectorConflict,
)
from ..services import inspection_results, inspection_teams, inspections

staff_only = roles_required(*STAFF_ROLES)


def _unit(user):
    return None if user.is_headquarters else user.agency.reporting_unit


def _report(request, error, form=None):
    if form is not None:
        form.add_error(None, error)
        return
    for message in error_messages(error):
        messages.error(request, message)


@staff_only
def overview(request):
    """Plans of the user's jurisdiction, with links to the list and directories."""
    plans = scoped(InspectionPlan.objects.all(), request.user).annotate(
        drawn=Count("inspections", filter=Q(inspections__active=True)),
        published=Count(
            "inspections",
            filter=Q(inspections__active=True, inspections__published_at__isnull=False),
        ),
    )
    page = Paginator(plans, 30).get_page(request.GET.get("page"))
    due = inspection_results.results_due(
        scoped(Inspection.objects.filter(active=True), request.user), timezone.localdate()
    )
    context = {"page": page, "due": due.select_related("enterprise", "plan")[:20]}
    return render(request, "credit/inspections/overview.html", context)


# The list of items.


@staff_only
def items(request):
    rows = scoped(InspectionItem.objects.all(), request.user) | InspectionItem.objects.filter(
        reporting_unit__isnull=True
    )
    form = forms.ItemForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        item = form.save(commit=False)
        item.reporting_unit = _unit(request.user)
        item.save()
        messages.success(request, _("The item is on the list."))
        return redirect("credit:items")
    context = {"items": rows.distinct(), "form": form}
    return render(request, "credit/inspections/items.html", context)


@staff_only
def item_edit(request, pk):
    item = get_scoped_or_404(InspectionItem.objects, request.user, pk=pk)
    if not covers_unit(request.user, item.reporting_unit_id) and not request.user.is_headquarters:
        return redirect("credit:items")
    form = forms.ItemForm(request.POST or None, instance=item)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The item is saved."))
        return redirect("credit:items")
    context = {"form": form, "item": item, "history": history_for(item)}
    return render(request, "credit/inspections/item_edit.html", context)


# The directory of inspectors.


@staff_only
def inspectors(request):
    rows = scoped(Inspector.objects.select_related("agency"), request.user)
    form = forms.InspectorForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The inspector is in the directory."))
        return redirect("credit:inspectors")
    rows = rows.annotate(conflict_count=Count("conflicts")).order_by("certificate_number")
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    return render(request, "credit/inspections/inspectors.html", {"page": page, "form": form})


@staff_only
def inspector_edit(request, pk):
    inspector = get_scoped_or_404(Inspector.objects, request.user, pk=pk)
    form = forms.InspectorForm(
        request.POST if "save" in request.POST else None, instance=inspector, user=request.user
    )
    conflict = forms.ConflictForm(request.POST if "conflict" in request.POST else None)
    if "save" in request.POST and form.is_valid():
        form.save()
        messages.success(request, _("The inspector is saved."))
        return redirect("credit:inspector_edit", pk=pk)
    if "conflict" in request.POST and conflict.is_valid():
        enterprise = Enterprise.objects.filter(uscc=conflict.cleaned_data["uscc"]).first()
        if enterprise is None:
            conflict.add_error("uscc", _("No enterprise with this USCC is registered."))
        else:
            InspectorConflict.objects.get_or_create(
                inspector=inspector,
                enterprise=enterprise,
                defaults={"reason": conflict.cleaned_data["reason"], "recorded_by": request.user},
            )
            messages.success(request, _("The conflict of interest is recorded."))
            return redirect("credit:inspector_edit", pk=pk)
    context = {
        "inspector": inspector,
        "form": form,
        "conflict_form": conflict,
        "conflicts": inspector.conflicts.select_related("enterprise"),
        "history": history_for(inspector),
    }
    return render(request, "credit/inspections/inspector_edit.html", context)


# The directory of inspection objects: the registry, queried.


@staff_only
def objects(request):
    unit = _unit(request.user)
    sections = [s for s in request.GET.getlist("section") if len(s) == 1]
    rows = inspections.with_group(
        scoped(inspections.inspection_objects(unit, sections=sections), request.user)
    ).select_related("division")
    page = Paginator(rows.order_by("uscc"), 50).get_page(request.GET.get("page"))
    return render(request, "credit/inspections/objects.html", {"page": page, "count": rows.count()})


# Plans.


@staff_only
def plan_new(request):
    form = forms.PlanForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        plan = form.save(commit=False)
        plan.reporting_unit = _unit(request.user)
        plan.created_by = request.user
        plan.save()
        form.save_m2m()
        inspections.default_ratios(plan)
        messages.success(
            request, _("The plan is saved as a draft. Check its ratios, then publish it.")
        )
        return redirect(plan)
    return render(request, "credit/inspections/plan_form.html", {"form": form})


def _ratio_forms(plan, data=None):
    return [
        (r, forms.RatioForm(data, instance=r, prefix=f"c{r.risk_class}")) for r in plan.ratios.all()
    ]


@staff_only
def plan_detail(request, pk):
    plan = get_scoped_or_404(InspectionPlan.objects, request.user, pk=pk)
    pools = dict(
        inspections.with_group(inspections.plan_objects(plan))
        .values_list("group")
        .annotate(n=Count("id"))
        .values_list("group", "n")
    ) if plan.status == InspectionPlan.Status.DRAFT else {}  # fmt: skip
    rows = plan.inspections.filter(active=True).select_related("enterprise")
    rows = rows.prefetch_related("team__inspector")
    context = {
        "plan": plan,
        "ratio_forms": _ratio_forms(plan) if plan.status == "draft" else [],
        "pools": pools,
        "publish_form": forms.PublishForm(),
        "draw_form": forms.DrawForm(),
        "redraw_form": forms.RedrawForm(plan=plan, user=request.user),
        "own_secret": plan.status == "published" and not plan.secret,
        "page": Paginator(rows, 50).get_page(request.GET.get("page")),
        "draws": inspections.current_draws(plan),
        "status_log": inspections.PLAN.history(plan),
        **transition_buttons(
            inspections.PLAN, plan, request.user, reverse("credit:plan_act", args=[pk])
        ),
    }
    return render(request, "credit/inspections/plan_detail.html", context)


@staff_only
@require_POST
def plan_ratios(request, pk):
    plan = get_scoped_or_404(InspectionPlan.objects, request.user, pk=pk)
    if plan.status != InspectionPlan.Status.DRAFT:
        messages.error(request, _("The ratios are fixed once the plan is published."))
        return redirect(plan)
    pairs = _ratio_forms(plan, request.POST)
    problems = [
        f"{ratio.get_risk_class_display()}: {m}"
        for ratio, form in pairs
        if not form.is_valid()
        for errors in form.errors.values()
        for m in errors
    ]
    if problems:
        for problem in problems:
            messages.error(request, problem)
    else:
        for _ratio, form in pairs:
            form.save()
        messages.success(request, _("The sampling ratios are saved."))
    return redirect(plan)


@staff_only
@require_POST
def plan_publish(request, pk):
    plan = get_scoped_or_404(InspectionPlan.objects, request.user, pk=pk)
    form = forms.PublishForm(request.POST)
    attempt(
        request,
        lambda: inspections.publish(plan, request.user, **form.cleaned_data),
        _("Published: the candidate list and the commitment are fixed."),
        form,
    )
    return redirect(plan)


@staff_only
@require_POST
def plan_draw(request, pk):
    plan = get_scoped_or_404(InspectionPlan.objects, request.user, pk=pk)
    form = forms.DrawForm(request.POST)
    revealed = form.cleaned_data.get("revealed", "") if form.is_valid() else ""
    attempt(
        request,
        lambda: inspections.draw(plan, request.user, revealed=revealed),
        _("Drawn. The result page is public."),
    )
    return redirect(plan)


@staff_only
@require_POST
def plan_redraw(request, pk):
    plan = get_scoped_or_404(InspectionPlan.objects, request.user, pk=pk)
    form = forms.RedrawForm(request.POST, plan=plan, user=request.user)
    attempt(
        request,
        lambda: inspections.redraw(plan, request.user, **form.cleaned_data),
        _("Drawn again; the new round is recorded with its reason."),
        form,
    )
    return redirect(plan)


@staff_only
@require_POST
def plan_act(request, pk):
    plan = get_scoped_or_404(InspectionPlan.objects, request.user, pk=pk)
    apply_posted(request, inspections.PLAN, plan)
    return redirect(plan)


# One inspection: its team and its result.


@staff_only
def inspection_detail(request, pk):
    inspection = get_scoped_or_404(
        Inspection.objects.select_related("plan", "enterprise"), request.user, pk=pk
    )
    form = forms.ResultForm(
        request.POST or None,
        initial={
            "result": inspection.result,
            "concluded_on": inspection.concluded_on or timezone.localdate(),
            "note": inspection.result_note,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            data = form.cleaned_data
            inspection_results.record_result(
                inspection, request.user, result=data["result"], note=data["note"],
                concluded_on=data["concluded_on"],
            )  # fmt: skip
        except ValidationError as error:
            _report(request, error, form)
        else:
            messages.success(request, _("The result is recorded. Publish it before its deadline."))
            return redirect("credit:inspection", pk=pk)
    context = {
        "inspection": inspection,
        "form": form,
        "team": inspection.team.select_related("inspector", "replaced_by__inspector", "draw"),
        "recusal_form": forms.RecusalForm(),
        "history": history_for(inspection),
    }
    return render(request, "credit/inspections/inspection.html", context)


@staff_only
@require_POST
def inspection_publish(request, pk):
    inspection = get_scoped_or_404(Inspection.objects, request.user, pk=pk)
    try:
        inspection_results.publish_result(inspection, request.user)
    except ValidationError as error:
        _report(request, error)
    else:
        messages.success(request, _("The result is public."))
    return redirect("credit:inspection", pk=pk)


@staff_only
@require_POST
def recuse(request, pk):
    assignment = get_scoped_or_404(InspectionAssignment.objects, request.user, pk=pk)
    form = forms.RecusalForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(_("Give the reason for the recusal."))
        replacement = inspection_teams.recuse(
            assignment, request.user, reason=form.cleaned_data["reason"]
        )
    except ValidationError as error:
        _report(request, error)
    else:
        messages.success(
            request,
            _("The recusal is recorded; %(name)s was drawn to replace.")
            % {"name": replacement.inspector},
        )
    return redirect("credit:inspection", pk=assignment.inspection_id)
