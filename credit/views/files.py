"""Regulators' pages: the credit file of an enterprise, recording penalties and list entries,
each record with its workflow, the work waiting for a second officer, credit repair."""

from operator import attrgetter

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from enterprises.models import Certificate, Enterprise, Pledge, Recognition
from enterprises.restrictions import flags
from portal import uploads
from portal.access import STAFF_ROLES, get_scoped_or_404, roles_required
from portal.audit import history_for
from portal.discovery import app_modules
from portal.scoping import scoped
from portal.workflow_views import apply_posted, transition_buttons

from ..file_forms import AbnormalForm, PenaltyForm, RepairForm, SeriousForm
from ..models import AbnormalListing, Penalty, SeriousListing
from ..services import lists, penalties

# What each kind of record is: its model, workflow, form, proposing service and URL names.
RECORDS = {
    "penalty": (Penalty, penalties.PENALTY, PenaltyForm, penalties.record),
    "abnormal": (AbnormalListing, lists.ABNORMAL, AbnormalForm, lists.propose_abnormal),
    "serious": (SeriousListing, lists.SERIOUS, SeriousForm, lists.propose_serious),
}
TITLES = {
    "penalty": gettext_lazy("Administrative penalty"),
    "abnormal": gettext_lazy("Abnormal-operations list entry"),
    "serious": gettext_lazy("Serious illegal and dishonest list entry"),
}


def complaint_figures(enterprise_id):
    """Per-enterprise figures from every app's metrics.py that offers ``enterprise_figures``."""
    figures = []
    for _config, module in app_modules("metrics"):
        if hasattr(module, "enterprise_figures"):
            figures.extend(module.enterprise_figures(enterprise_id))
    return figures


def positive_information(enterprise, user, today):
    """Published pledges, valid certificates and recognitions, as the user may see them."""
    return {
        "pledges": scoped(Pledge.objects.filter(enterprise=enterprise, status="published"), user),
        "certificates": scoped(
            Certificate.objects.filter(
                enterprise=enterprise, status="valid", expires_on__gte=today
            ),
            user,
        ),
        "recognitions": scoped(Recognition.objects.filter(enterprise=enterprise), user),
    }


@roles_required(*STAFF_ROLES)
def credit_file(request, pk):
    """One enterprise's credit file (inspection results: the include of the inspections part)."""
    user = request.user
    enterprise = get_scoped_or_404(Enterprise.objects.select_related("reporting_unit"), user, pk=pk)
    today = timezone.localdate()
    context = {
        "enterprise": enterprise,
        "flags": flags([enterprise.pk]).get(enterprise.pk, []),
        "penalties": scoped(Penalty.objects.filter(enterprise=enterprise), user),
        "abnormal": scoped(AbnormalListing.objects.filter(enterprise=enterprise), user),
        "serious": scoped(
            SeriousListing.objects.filter(enterprise=enterprise).select_related("penalty"), user
        ),
        "complaint_figures": complaint_figures(enterprise.pk),
        **positive_information(enterprise, user, today),
    }
    return render(request, "credit/files/file.html", context)


@roles_required(*STAFF_ROLES)
def work(request):
    """What waits for the user's unit: proposals to confirm, removal and repair applications."""
    user = request.user
    waiting = Q(status__in=("proposed", "removal_applied", "repair_applied"))
    rows = {
        kind: scoped(model.objects.filter(waiting).select_related("enterprise"), user).order_by(
            "created_at"
        )[:200]
        for kind, (model, *_rest) in RECORDS.items()
    }
    return render(request, "credit/files/work.html", {"rows": rows, "titles": TITLES})


@roles_required(*STAFF_ROLES)
def find(request):
    """Open a credit file by USCC or name."""
    query = request.GET.get("q", "").strip()[:100]
    rows = Enterprise.objects.none()
    if query:
        rows = scoped(Enterprise.objects.all(), request.user).filter(
            Q(uscc=query.upper()) | Q(name__contains=query)
        )
    page = Paginator(rows.order_by("name", "pk"), 50).get_page(request.GET.get("page"))
    return render(request, "credit/files/find.html", {"page": page, "q": query})


def _propose(request, pk, kind):
    model, _workflow, form_class, propose = RECORDS[kind]
    enterprise = get_scoped_or_404(Enterprise.objects, request.user, pk=pk)
    extra = {"enterprise": enterprise} if form_class is SeriousForm else {}
    form = form_class(request.POST or None, **extra)
    if request.method == "POST" and form.is_valid():
        try:
            record = propose(enterprise, form.cleaned_data, request.user)
        except ValidationError as error:
            _add(form, error)
        else:
            messages.success(request, _("Recorded. A second officer must confirm it."))
            return redirect(f"credit:{kind}", pk=record.pk)
    context = {"form": form, "enterprise": enterprise, "title": TITLES[kind]}
    return render(request, "credit/files/propose.html", context)


def _add(form, error):
    """Put a service's refusal on the form: on its field where the form has it."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, errors in error.error_dict.items():
        form.add_error(field if field in form.fields else None, errors)


@roles_required(*STAFF_ROLES)
def propose_penalty(request, pk):
    return _propose(request, pk, "penalty")


@roles_required(*STAFF_ROLES)
def propose_abnormal(request, pk):
    return _propose(request, pk, "abnormal")


@roles_required(*STAFF_ROLES)
def propose_serious(request, pk):
    return _propose(request, pk, "serious")


def _record(request, pk, kind, **extra):
    model, workflow, *_rest = RECORDS[kind]
    record = get_scoped_or_404(model.objects.select_related("enterprise"), request.user, pk=pk)
    url = reverse(f"credit:{kind}_act", args=[pk])
    context = {
        "record": record,
        "kind": kind,
        "title": TITLES[kind],
        **transition_buttons(workflow, record, request.user, url),
        "changes": workflow.history(record),
        "entries": history_for(record)[:50],
        **extra,
    }
    return render(request, "credit/files/record.html", context)


def _act(request, pk, kind):
    model, workflow, *_rest = RECORDS[kind]
    record = get_scoped_or_404(model.objects, request.user, pk=pk)
    apply_posted(request, workflow, record)
    return redirect(f"credit:{kind}", pk=pk)


@roles_required(*STAFF_ROLES)
def penalty(request, pk):
    return _record(request, pk, "penalty")


@roles_required(*STAFF_ROLES)
def abnormal(request, pk):
    return _record(request, pk, "abnormal")


@roles_required(*STAFF_ROLES)
def serious(request, pk):
    listing = get_scoped_or_404(SeriousListing.objects, request.user, pk=pk)
    repair = RepairForm() if listing.status == SeriousListing.Status.LISTED else None
    unmet = []
    if listing.status == SeriousListing.Status.REPAIR_APPLIED:
        unmet = lists.repair_unmet(listing, timezone.localdate())
    return _record(request, pk, "serious", repair_form=repair, unmet=unmet)


@roles_required(*STAFF_ROLES)
@require_POST
def penalty_act(request, pk):
    return _act(request, pk, "penalty")


@roles_required(*STAFF_ROLES)
@require_POST
def abnormal_act(request, pk):
    return _act(request, pk, "abnormal")


@roles_required(*STAFF_ROLES)
@require_POST
def serious_act(request, pk):
    return _act(request, pk, "serious")


@roles_required(*STAFF_ROLES)
@require_POST
def serious_repair(request, pk):
    """Record a credit repair application with the pledge and the evidence."""
    listing = get_scoped_or_404(SeriousListing.objects, request.user, pk=pk)
    form = RepairForm(request.POST, request.FILES)
    if not form.is_valid():
        for field, errors in form.errors.items():
            label = form.fields[field].label if field in form.fields else ""
            for message in errors:
                messages.error(request, f"{label}: {message}" if label else message)
        return redirect("credit:serious", pk=pk)
    data = form.cleaned_data
    try:
        lists.apply_for_repair(
            listing, request.user, pledge=data["pledge"], evidence=data["evidence"],
            conditions=data, note=data["note"],
        )  # fmt: skip
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("The credit repair application is recorded."))
    return redirect("credit:serious", pk=pk)


def _repair_file(request, pk, field):
    listing = get_scoped_or_404(SeriousListing.objects, request.user, pk=pk)
    if not getattr(listing, field):
        raise Http404
    return uploads.scoped_download(
        request, SeriousListing.objects, field, attrgetter(f"{field}_name"), pk=pk
    )


@roles_required(*STAFF_ROLES)
def serious_pledge(request, pk):
    return _repair_file(request, pk, "repair_pledge")


@roles_required(*STAFF_ROLES)
def serious_evidence(request, pk):
    return _repair_file(request, pk, "repair_evidence")
