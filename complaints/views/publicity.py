"""Complaint publicity: the public tables, their downloads, and the regulators' drafts."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal import exports, jobs
from portal.access import STAFF_ROLES, get_scoped_or_404, roles_required
from portal.scoping import public_rows, scoped
from portal.workflow_views import attempt

from .. import tasks
from ..forms import PublicationActionForm, PublicationDraftForm
from ..models import Publication
from ..services import publicity


def public_list(request):
    """Every published quarterly table."""
    rows = public_rows(Publication.objects.select_related("reporting_unit"))
    return render(request, "complaints/publicity/list.html", {"publications": rows})


def _published(pk):
    return get_object_or_404(public_rows(Publication.objects), pk=pk)


def public_detail(request, pk):
    publication = _published(pk)
    return render(request, "complaints/publicity/detail.html", _context(publication))


def _context(publication):
    return {
        "publication": publication,
        "rows": publication.rows.all(),
        "actions": publication.actions.all(),
        "first_day": publicity.quarter_days(publication.year, publication.quarter)[0],
    }


def _header():
    return [
        _("Operator"),
        _("Operators"),
        _("Received"),
        _("Accepted"),
        _("Resolved"),
        _("Resolution rate (%)"),
        _("Median handling time (working days)"),
    ]


def _cells(publication):
    for row in publication.rows.all():
        name = row.operator_name or _("Other operators")
        yield [name, row.operators, row.received, row.accepted, row.resolved,
               row.resolution_rate, row.median_days]  # fmt: skip


def download(request, pk, file_format):
    """The published table as CSV or .xlsx (portal.exports: no cell runs as a formula)."""
    if file_format not in ("csv", "xlsx"):
        raise Http404
    publication = _published(pk)
    name = f"complaints-{publication.reporting_unit.code}-{publication.year}Q{publication.quarter}"
    return exports.download(_header(), _cells(publication), name, file_format, str(publication))


@roles_required(*STAFF_ROLES)
def manage(request):
    """The unit's tables, drafts first: compute, record actions, publish."""
    rows = scoped(Publication.objects.select_related("reporting_unit"), request.user)
    form = PublicationDraftForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        publication = publicity.draft(**form.cleaned_data)
        return redirect("complaints:publicity_draft", pk=publication.pk)
    context = {"publications": rows.order_by("status", "-year", "-quarter"), "form": form}
    return render(request, "complaints/publicity/manage.html", context)


@roles_required(*STAFF_ROLES)
def draft(request, pk):
    publication = get_scoped_or_404(Publication.objects, request.user, pk=pk)
    context = _context(publication)
    if not publication.is_published:
        context["action_form"] = PublicationActionForm(initial={"taken_on": timezone.localdate()})
    return render(request, "complaints/publicity/draft.html", context)


@roles_required(*STAFF_ROLES)
@require_POST
def compute(request, pk):
    """Compute the draft's figures as a job; the browser follows its progress."""
    publication = get_scoped_or_404(Publication.objects, request.user, pk=pk)
    if publication.is_published:
        messages.error(
            request, _("%(table)s is published; its figures are frozen.") % {"table": publication}
        )
        return redirect("complaints:publicity_draft", pk=pk)
    job = jobs.start("complaint_publicity", _("Compute complaint publicity"), owner=request.user)
    jobs.send(tasks.build_publication, job, publication.pk, user_id=request.user.pk)
    return redirect(job)


@roles_required(*STAFF_ROLES)
@require_POST
def publish(request, pk):
    publication = get_scoped_or_404(Publication.objects, request.user, pk=pk)
    try:
        publicity.publish(publication, request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("Published; the figures are now frozen."))
    return redirect("complaints:publicity_draft", pk=pk)


@roles_required(*STAFF_ROLES)
@require_POST
def add_action(request, pk):
    publication = get_scoped_or_404(Publication.objects, request.user, pk=pk)
    form = PublicationActionForm(request.POST)
    attempt(
        request,
        lambda: publicity.add_action(publication, request.user, **form.cleaned_data),
        _("The action is recorded."),
        form,
    )
    return redirect("complaints:publicity_draft", pk=pk)
