"""Trustworthy consumption: the public list, operators' applications, regulators' decisions."""

from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from enterprises.models import Enterprise
from portal.access import ENTERPRISE, PROVINCIAL, STAFF_ROLES, get_scoped_or_404, roles_required
from portal.scoping import enterprise_ids, public_rows, scoped
from portal.workflow_views import apply_posted, attempt, transition_buttons

from ..forms import TrustworthyApplicationForm
from ..models import TrustworthyCandidate
from ..services import trustworthy


def public_list(request):
    """Anyone: who holds a trustworthy-consumption recognition now."""
    rows = public_rows(TrustworthyCandidate.objects.select_related("enterprise__reporting_unit"))
    held = rows.order_by("-recognised_on", "-id")
    page = Paginator(held, 50).get_page(request.GET.get("page"))
    return render(request, "complaints/trustworthy_public.html", {"page": page})


@roles_required(*STAFF_ROLES, ENTERPRISE)
def candidates(request):
    """Staff: candidates of their jurisdiction with their standing. Enterprises: their own."""
    user = request.user
    rows = trustworthy.with_standing(
        scoped(TrustworthyCandidate.objects.select_related("enterprise"), user)
    )
    status = request.GET.get("status", "")
    if status in TrustworthyCandidate.Status.values:
        rows = rows.filter(status=status)
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    for candidate in page:
        candidate.under_review = trustworthy.under_review(candidate)
        url = reverse("complaints:trustworthy_decide", args=[candidate.pk])
        candidate.actions = transition_buttons(trustworthy.TRUSTWORTHY, candidate, user, url)
    own = []
    if user.is_enterprise_user:
        enterprises = Enterprise.objects.filter(pk__in=enterprise_ids(user)).order_by("name")
        own = [(e, TrustworthyApplicationForm(prefix=f"e{e.pk}")) for e in enterprises]
    context = {
        "page": page,
        "own": own,
        "status": status,
        "statuses": TrustworthyCandidate.Status.choices,
    }
    return render(request, "complaints/trustworthy.html", context)


@roles_required(ENTERPRISE)
@require_POST
def apply(request, pk):
    enterprise = get_scoped_or_404(Enterprise.objects, request.user, pk=pk)
    form = TrustworthyApplicationForm(request.POST, prefix=f"e{pk}")
    attempt(
        request,
        lambda: trustworthy.apply(request.user, enterprise, **form.cleaned_data),
        _("The application is sent to your regulator."),
        form,
    )
    return redirect("complaints:trustworthy")


@roles_required(PROVINCIAL)
@require_POST
def decide(request, pk):
    candidate = get_scoped_or_404(TrustworthyCandidate.objects, request.user, pk=pk)
    apply_posted(request, trustworthy.TRUSTWORTHY, candidate)
    return redirect("complaints:trustworthy")
