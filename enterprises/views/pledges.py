"""Pages for quality pledges: enterprises file them, regulators review them, and recognition."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal import once
from portal.access import ENTERPRISE, STAFF_ROLES, get_scoped_or_404, roles_required
from portal.audit import history_for
from portal.scoping import scoped
from portal.workflow_views import apply_posted, transition_buttons

from .. import rules
from ..forms.pledges import PledgeForm, RecognitionForm
from ..models import Enterprise, Pledge, Recognition
from ..services import pledges as service
from .common import creating, editable_or_403, with_claimed_enterprises


def pledge_rows(user):
    """Pledges within the user's scope, with what the lists show."""
    related = ("enterprise", "enterprise__reporting_unit", "published_revision")
    return scoped(Pledge.objects.select_related(*related), user)


@roles_required(*STAFF_ROLES)
def review_list(request):
    """Regulators: pledges of their jurisdiction, submitted ones first by default."""
    status = request.GET.get("status", Pledge.Status.SUBMITTED)
    rows = pledge_rows(request.user).order_by("updated_at", "id")
    if status in Pledge.Status.values:
        rows = rows.filter(status=status)
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    context = {"page": page, "status": status, "statuses": Pledge.Status.choices}
    context["query"] = f"status={status}"
    return render(request, "enterprises/pledges/review_list.html", context)


@roles_required(ENTERPRISE)
def my_pledges(request):
    """An enterprise user's pledges, for every enterprise they act for."""
    page = Paginator(pledge_rows(request.user), 50).get_page(request.GET.get("page"))
    return render(request, "enterprises/pledges/mine.html", {"page": page})


@creating(Pledge)
@with_claimed_enterprises("enterprises:my_pledges")
def create(request, enterprises):
    """File a new pledge (a draft until it is submitted)."""
    form = PledgeForm(request.POST or None, enterprises=enterprises)
    if request.method == "POST" and form.is_valid():

        def file():
            data = dict(form.cleaned_data)
            pledge = service.create_pledge(data.pop("enterprise"), request.user, data)
            messages.success(request, _("The draft pledge is saved. Submit it when it is ready."))
            return reverse("enterprises:pledge_detail", args=[pledge.pk])

        return once.submit(request, form, file)
    return render(request, "enterprises/pledges/form.html", {"form": form})


@login_required
def edit(request, pk):
    """Change a pledge's content; a submitted version is kept and a new revision begins."""
    pledge = editable_or_403(Pledge.objects, request.user, pk=pk)
    if not rules.may_change_now(request.user, pledge):
        messages.error(request, _("A submitted or withdrawn pledge cannot be changed."))
        return redirect("enterprises:pledge_detail", pk=pk)
    form = PledgeForm(request.POST or None, instance=pledge.latest_revision())
    if request.method == "POST" and form.is_valid():
        try:
            service.edit_pledge(pledge, request.user, form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The pledge is saved."))
            return redirect("enterprises:pledge_detail", pk=pk)
    context = {"form": form, "pledge": pledge}
    return render(request, "enterprises/pledges/form.html", context)


@login_required
def detail(request, pk):
    """A pledge with its revisions, its status history and the actions open to the user."""
    pledge = get_scoped_or_404(pledge_rows(request.user), request.user, pk=pk)
    url = reverse("enterprises:pledge_action", args=[pk])
    context = {
        "pledge": pledge,
        "revision": pledge.latest_revision(),
        "revisions": pledge.revisions.all(),
        "changes": service.PLEDGE.history(pledge),
        **transition_buttons(service.PLEDGE, pledge, request.user, url),
        "can_edit": rules.may_change_now(request.user, pledge),
        "can_recognise": rules.may_recognise(request.user),
        "entries": history_for(pledge)[:50],
    }
    return render(request, "enterprises/pledges/detail.html", context)


@login_required
@require_POST
def act(request, pk):
    """Apply a workflow action (submit, publish, return, withdraw) to a pledge."""
    pledge = get_scoped_or_404(Pledge.objects, request.user, pk=pk)
    apply_posted(request, service.PLEDGE, pledge)
    return redirect("enterprises:pledge_detail", pk=pk)


@roles_required(*STAFF_ROLES)
def recognitions(request):
    """Regulators: the recognitions of their jurisdiction."""
    rows = scoped(Recognition.objects.select_related("enterprise", "recognised_by"), request.user)
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    return render(request, "enterprises/pledges/recognitions.html", {"page": page})


@roles_required(*rules.RECOGNISERS)
def recognise(request, enterprise_pk):
    """Regulators recognise an enterprise of their jurisdiction, unless a blocker forbids it."""
    enterprise = get_scoped_or_404(Enterprise.objects, request.user, pk=enterprise_pk)
    blockers = service.recognition_blockers(enterprise)
    form = RecognitionForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and not blockers:
        data = form.cleaned_data
        service.recognise(enterprise, request.user, data["reason"], data["recognised_on"])
        messages.success(request, _("The recognition is recorded."))
        return redirect("enterprises:recognitions")
    context = {"form": form, "enterprise": enterprise, "blockers": blockers}
    return render(request, "enterprises/pledges/recognise.html", context)
