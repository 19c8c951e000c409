"""PDFs of reports: rendered once per submitted version from its frozen snapshot."""

from django.http import FileResponse, Http404

from portal.access import get_scoped_or_404

from ..models import ProgressReport, ReportVersion
from ..services.pdfs import latest_version, pdf_name, version_pdf
from .common import staff_required


def _pdf_response(version):
    version = version_pdf(version.pk)
    return FileResponse(
        version.pdf.open("rb"), filename=pdf_name(version), content_type="application/pdf"
    )


@staff_required
def report_pdf(request, pk):
    """The PDF of the report's newest submitted version."""
    report = get_scoped_or_404(ProgressReport.objects, request.user, pk=pk)
    version = latest_version(report)
    if version is None:
        raise Http404
    return _pdf_response(version)


@staff_required
def version_pdf_view(request, pk):
    """The PDF of one submitted version."""
    return _pdf_response(get_scoped_or_404(ReportVersion.objects, request.user, pk=pk))
