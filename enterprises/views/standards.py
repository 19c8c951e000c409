"""Pages for standard self-declarations: enterprises declare, regulators sample and confirm."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.access import ENTERPRISE, STAFF_ROLES, get_scoped_or_404, roles_required
from portal.audit import history_for
from portal.scoping import scoped
from portal.workflow_views import apply_posted, error_messages, transition_buttons

from .. import rules
from ..forms.standards import (
    DeclarationForm,
    DrawForm,
    IndicatorFormSet,
    OutcomeForm,
    indicator_rows,
)
from ..models import SampledDeclaration, SamplingDraw, StandardDeclaration
from ..services import standards as service
from .common import creating, editable_or_403, with_claimed_enterprises


def declaration_rows(user):
    """Declarations within the user's scope, with their enterprise."""
    return scoped(StandardDeclaration.objects.select_related("enterprise"), user)


@roles_required(*STAFF_ROLES)
def staff_list(request):
    """Regulators: declarations of their jurisdiction, candidates, and the sampling draws."""
    rows = declaration_rows(request.user)
    front_runner = request.GET.get("front_runner", "all")  # "" is a choice: not a candidate
    if front_runner in StandardDeclaration.FrontRunner.values:
        rows = rows.filter(front_runner=front_runner)
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    draws = scoped(SamplingDraw.objects.select_related("drawn_by", "draw"), request.user)
    draws = draws.defer("draw__candidates")[:10]
    context = {
        "page": page,
        "query": f"front_runner={front_runner}",
        "front_runner": front_runner,
        "choices": StandardDeclaration.FrontRunner.choices,
        "draws": draws,
        "draw_form": DrawForm(),
    }
    return render(request, "enterprises/standards/staff_list.html", context)


@roles_required(ENTERPRISE)
def mine(request):
    """An enterprise user's declarations."""
    page = Paginator(declaration_rows(request.user), 50).get_page(request.GET.get("page"))
    return render(request, "enterprises/standards/mine.html", {"page": page})


def _save(request, form, formset, declaration=None):
    """Validate both forms and call the service; returns the declaration or None."""
    if not (form.is_valid() and formset.is_valid()):
        return None
    data = dict(form.cleaned_data)
    try:
        with transaction.atomic():
            if declaration is None:
                enterprise = data.pop("enterprise")
                return service.declare(enterprise, request.user, data, indicator_rows(formset))
            return service.edit_declaration(
                declaration, request.user, data, indicator_rows(formset)
            )
    except ValidationError as error:
        form.add_error(None, error)
        return None


@creating(StandardDeclaration)
@with_claimed_enterprises("enterprises:my_declarations")
def create(request, enterprises):
    """Declare a standard with its key indicators."""
    form = DeclarationForm(request.POST or None, enterprises=enterprises)
    formset = IndicatorFormSet(request.POST or None, prefix="indicators")
    if request.method == "POST":
        declaration = _save(request, form, formset)
        if declaration is not None:
            messages.success(request, _("The declaration is published."))
            return redirect("enterprises:declaration_detail", pk=declaration.pk)
    return render(request, "enterprises/standards/form.html", {"form": form, "formset": formset})


@login_required
def edit(request, pk):
    """Change a declaration and its indicators."""
    declaration = editable_or_403(StandardDeclaration.objects, request.user, pk=pk)
    form = DeclarationForm(request.POST or None, instance=declaration)
    formset = IndicatorFormSet(request.POST or None, instance=declaration, prefix="indicators")
    if request.method == "POST" and _save(request, form, formset, declaration) is not None:
        messages.success(request, _("The declaration is saved."))
        return redirect("enterprises:declaration_detail", pk=pk)
    context = {"form": form, "formset": formset, "declaration": declaration}
    return render(request, "enterprises/standards/form.html", context)


@login_required
def detail(request, pk):
    """A declaration with its indicators, front-runner status and sample reviews."""
    declaration = get_scoped_or_404(declaration_rows(request.user), request.user, pk=pk)
    url = reverse("enterprises:declaration_decide", args=[pk])
    context = {
        "declaration": declaration,
        "indicators": declaration.indicators.all(),
        "reviews": scoped(declaration.sample_reviews.select_related("draw"), request.user),
        "decisions": service.FRONT_RUNNER.history(declaration),
        **transition_buttons(service.FRONT_RUNNER, declaration, request.user, url),
        "entries": history_for(declaration)[:50],
        "can_edit": rules.may_edit(request.user, declaration),
    }
    return render(request, "enterprises/standards/detail.html", context)


@roles_required(*STAFF_ROLES)
@require_POST
def decide(request, pk):
    """Confirm a front-runner candidate, decline it, or revoke a confirmation."""
    declaration = get_scoped_or_404(StandardDeclaration.objects, request.user, pk=pk)
    apply_posted(request, service.FRONT_RUNNER, declaration)
    return redirect("enterprises:declaration_detail", pk=pk)


@roles_required(*STAFF_ROLES)
@require_POST
def draw(request):
    """Draw a random sample of the jurisdiction's declarations for review."""
    form = DrawForm(request.POST)
    if not form.is_valid():
        for message in error_messages(ValidationError(form.errors)):
            messages.error(request, message)
        return redirect("enterprises:declarations")
    data = form.cleaned_data
    try:
        sample = service.draw_sample(
            request.user,
            ratio=form.ratio(),
            count=data["count"],
            seed=data["seed"].strip(),
            batch=data["batch"],
            note=data["note"],
            reason=data["reason"],
        )
    except ValidationError as error:
        for message in error_messages(error):
            messages.error(request, message)
        return redirect("enterprises:declarations")
    return redirect("enterprises:draw_detail", pk=sample.pk)


@roles_required(*STAFF_ROLES)
def draw_detail(request, pk):
    """A draw: its seed and ratio, and the sampled declarations with their outcomes."""
    sample = get_scoped_or_404(
        SamplingDraw.objects.select_related("drawn_by", "draw__approved_by").defer(
            "draw__candidates"
        ),
        request.user,
        pk=pk,
    )
    items = sample.items.select_related("declaration__enterprise", "reviewed_by")
    context = {"draw": sample, "items": items, "outcome_form": OutcomeForm()}
    return render(request, "enterprises/standards/draw_detail.html", context)


@roles_required(*STAFF_ROLES)
def draw_candidates(request, pk):
    """The draw's candidate list exactly as hashed, to verify the draw (docs/draws.md)."""
    sample = get_scoped_or_404(SamplingDraw.objects.select_related("draw"), request.user, pk=pk)
    response = HttpResponse(sample.draw.candidates, content_type="text/plain; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="draw-{sample.draw_id}-candidates.txt"'
    return response


@roles_required(*STAFF_ROLES)
@require_POST
def outcome(request, pk):
    """Record the outcome of reviewing one sampled declaration."""
    item = get_scoped_or_404(SampledDeclaration.objects, request.user, pk=pk)
    form = OutcomeForm(request.POST)
    if form.is_valid():
        service.record_outcome(item, request.user, **form.cleaned_data)
        messages.success(request, _("The outcome is recorded."))
    else:
        messages.error(request, _("Choose an outcome."))
    return redirect("enterprises:draw_detail", pk=item.draw_id)
