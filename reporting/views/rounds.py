"""Rounds: the list, a new round, and headquarters' status page for all 37 units."""

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal import jobs
from portal.audit import record_event
from portal.charts import bar_chart
from portal.scoping import scoped

from .. import tasks
from ..forms import RoundForm
from ..models import NationalSummary, ProgressReport, Round
from ..services.rounds import UNIT_STATUSES, create_round, round_status, status_counts
from .common import headquarters_required, staff_required


@staff_required
def round_list(request):
    """Every round; provincial staff see their own report in each."""
    rounds = list(scoped(Round.objects.all(), request.user))
    own = {}
    if request.user.is_provincial:
        reports = scoped(ProgressReport.objects.filter(round__in=rounds), request.user)
        own = {r.round_id: r for r in reports}
    rows = [{"round": r, "report": own.get(r.pk)} for r in rounds]
    context = {
        "rows": rows,
        "manages_rounds": request.user.is_headquarters,  # as round_create and round_detail
        "has_own_reports": request.user.is_provincial,
    }
    return render(request, "reporting/rounds.html", context)


@headquarters_required
def round_create(request):
    """Headquarters add a round; its milestones follow from the opening and due dates."""
    form = RoundForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        round_ = create_round(form.instance)
        messages.success(request, _("Round created with its milestones."))
        return redirect(round_)
    return render(request, "reporting/round_form.html", {"form": form})


@staff_required
def round_detail(request, pk):
    """Headquarters: status of all 37 units; provincial staff: their own report."""
    round_ = get_object_or_404(scoped(Round.objects.all(), request.user), pk=pk)
    if not request.user.is_headquarters:
        report = scoped(round_.reports.all(), request.user).first()
        if report is None:
            messages.info(request, _("This round has not opened yet."))
            return redirect("reporting:rounds")
        return redirect(report)
    rows = round_status(round_)
    counts = status_counts(rows)
    chart = bar_chart(
        [str(UNIT_STATUSES[key]) for key in counts],
        [(_("Reporting units"), list(counts.values()))],
        title=_("Reporting units by status"),
        width=360,  # fits a phone at its drawn size, so its text stays 12 px
        horizontal=True,
    )
    context = {
        "round": round_,
        "rows": rows,
        "counts": [(UNIT_STATUSES[key], count) for key, count in counts.items()],
        "chart": chart,
        "milestones": round_.milestones.order_by("on", "kind"),
        "summary": NationalSummary.objects.filter(round=round_).first(),
    }
    return render(request, "reporting/round_detail.html", context)


@require_POST
@headquarters_required
def round_zip(request, pk):
    """Start the batch that renders every report PDF of the round into one ZIP."""
    round_ = get_object_or_404(Round, pk=pk)
    job = jobs.start("reporting_zip", _("All report PDFs: %s") % round_, owner=request.user)
    jobs.send(tasks.build_round_zip, job, round_.pk, request.user.pk)
    return redirect(job)


@require_POST
@headquarters_required
def round_summary(request, pk):
    """Start compiling the national summary of the round."""
    round_ = get_object_or_404(Round, pk=pk)
    job = jobs.start("reporting_summary", _("National summary: %s") % round_, owner=request.user)
    jobs.send(tasks.compile_national_summary, job, round_.pk, user_id=request.user.pk)
    return redirect(job)


@headquarters_required
def summary_pdf(request, pk):
    """The newest national summary PDF of the round."""
    summary = NationalSummary.objects.filter(round_id=pk).exclude(pdf="").first()
    if summary is None:
        raise Http404
    name = f"national-summary-{summary.round.due_date.year}.pdf"
    response = FileResponse(summary.pdf.open("rb"), filename=name, content_type="application/pdf")
    record_event(summary, "download", file=name)
    return response
