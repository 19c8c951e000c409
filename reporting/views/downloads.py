"""PDFs of reports: each download is a job that renders the version once, then reuses it."""

from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal import jobs
from portal.access import get_scoped_or_404

from .. import tasks
from ..models import ProgressReport, ReportVersion
from ..services.pdfs import latest_version
from .common import staff_required


def _pdf_job(request, version):
    """Start the PDF job and show its progress page, which offers the download."""
    title = _("PDF: %(version)s") % {"version": version}
    unit = version.report.reporting_unit
    job = jobs.start("reporting_pdf", title, owner=request.user, reporting_unit=unit)
    jobs.send(tasks.report_pdf, job, version.pk, user_id=request.user.pk)
    return redirect(job)


@require_POST
@staff_required
def report_pdf(request, pk):
    """The PDF of the report's newest submitted version."""
    report = get_scoped_or_404(ProgressReport.objects, request.user, pk=pk)
    version = latest_version(report)
    if version is None:
        raise Http404
    return _pdf_job(request, version)


@require_POST
@staff_required
def version_pdf_view(request, pk):
    """The PDF of one submitted version."""
    version = get_scoped_or_404(ReportVersion.objects.select_related("report"), request.user, pk=pk)
    return _pdf_job(request, version)
