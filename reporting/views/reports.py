"""A unit's report: read, edit (optimistic locking), move through the workflow, attach files."""

from operator import attrgetter

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal import uploads
from portal.access import PROVINCIAL, get_scoped_or_404
from portal.audit import history_for
from portal.workflow_views import apply_posted, confirmation, transition_buttons

from ..catalogue import ATTACHMENTS, task_of
from ..forms import AttachmentForm, ReportTextsForm
from ..metrics_registry import by_task
from ..models import Attachment, ProgressReport
from ..services import reports
from .common import roles_required, staff_required

provincial_required = roles_required(PROVINCIAL)


def _report(request, pk):
    queryset = ProgressReport.objects.select_related("round", "reporting_unit", "updated_by")
    return get_scoped_or_404(queryset, request.user, pk=pk)


def _sections(report):
    figures = by_task(reports.figures_to_show(report))
    measures = reports.measures_of(report)
    rows = []
    for section in report.round.sections:
        task = task_of(section["key"])
        rows.append(
            {
                **section,
                "text": report.texts.get(section["key"], ""),
                "figures": figures.get(task, []) if task else [],
                "measures": [m for m in measures if task and m["task"] == task],
                "is_attachments": section["key"] == ATTACHMENTS,
            }
        )
    return rows


@staff_required
def report_detail(request, pk):
    """The report with its figures, narratives, measures, versions and status history."""
    report = _report(request, pk)
    context = {
        "report": report,
        "sections": _sections(report),
        **transition_buttons(
            reports.REPORT,
            report,
            request.user,
            lambda action: reverse("reporting:report_transition", args=[report.pk, action]),
        ),
        "attachment_form": AttachmentForm(),
        "missing": reports.missing_sections(report) if report.is_editable else [],
        "can_edit": report.is_editable and request.user.is_provincial,
        "versions": report.versions.order_by("-number"),
        "changes": reports.REPORT.history(report),
        "returned": reports.return_comment(report),
        "history": history_for(report)[:20],
    }
    return render(request, "reporting/report_detail.html", context)


@provincial_required
def report_edit(request, pk):
    """Edit the narratives; a save over someone else's newer save is refused, nothing lost."""
    report = _report(request, pk)
    if not report.is_editable:
        messages.error(request, _("This report cannot be edited in its current status."))
        return redirect(report)
    initial = {**report.texts, "lock_version": report.lock_version}
    form = ReportTextsForm(request.POST or None, initial=initial, report=report)
    theirs = None
    if request.method == "POST" and form.is_valid():
        try:
            reports.save_texts(
                report, form.texts(), form.cleaned_data["lock_version"], request.user
            )
        except reports.NotEditable:
            messages.error(request, _("This report cannot be edited in its current status."))
            return redirect(report)
        except reports.StaleEdit as stale:
            form, theirs = _stale_form(request, stale.current)
        else:
            messages.success(request, _("Saved."))
            return redirect(report)
    context = {"report": report, "form": form, "theirs": theirs}
    return render(request, "reporting/report_edit.html", context)


def _stale_form(request, current):
    """Keep the editor's text, show the other person's, and let a new save overwrite it."""
    who = current.updated_by or _("someone else")
    messages.error(
        request,
        _(
            "%(who)s saved this report at %(when)s while you were editing. Your text is kept "
            "below next to theirs; merge what you need and save again."
        )
        % {"who": who, "when": current.updated_at.strftime("%H:%M:%S")},
    )
    data = request.POST.copy()
    data["lock_version"] = current.lock_version
    return ReportTextsForm(data, report=current), current.texts


@require_POST
@staff_required
def report_transition(request, pk, action):
    """Apply a workflow action (review, submit, return, accept, ...) to the report."""
    report = _report(request, pk)
    asked = confirmation(request, reports.REPORT, report, action)
    if asked:
        return asked
    apply_posted(request, reports.REPORT, report, action)
    return redirect(report)


@require_POST
@provincial_required
def report_refresh(request, pk):
    """Recompute the draft's live figures from every app's metrics."""
    report = _report(request, pk)
    if report.is_editable:
        reports.refresh_figures(report)
        messages.success(request, _("Figures recomputed."))
    return redirect(report)


@require_POST
@provincial_required
def attachment_upload(request, pk):
    """Attach a file to an editable report, its type checked by content."""
    report = _report(request, pk)
    form = AttachmentForm(request.POST, request.FILES)
    if not report.is_editable:
        messages.error(request, _("No file could be attached."))
    elif not form.is_valid():
        for message in form.errors.get("file", [_("No file could be attached.")]):
            messages.error(request, message)
    else:
        reports.add_attachment(report, form.cleaned_data["file"], request.user)
        messages.success(request, _("File attached."))
    return redirect(report)


@login_required
def attachment_download(request, pk):
    """One attachment, for whoever may see its report."""
    return uploads.scoped_download(request, Attachment.objects, "file", attrgetter("name"), pk=pk)
