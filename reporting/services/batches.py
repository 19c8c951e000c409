"""Batches for headquarters: every report PDF of a round in one ZIP, the national summary."""

import io
import zipfile

from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils.translation import gettext as _

from portal import jobs
from portal.models import Job

from .pdfs import pdf_name, version_pdf
from .summary import compile_summary, latest_versions


def round_version_ids(round_):
    """Ids of the newest version of every submitted report of a round."""
    versions = latest_versions(round_).order_by("report__reporting_unit__code")
    return list(versions.values_list("pk", flat=True))


def render_one(job_id, version_id, round_):
    """Render (or reuse) one version's PDF and report how many of the round's are ready."""
    version_pdf(version_id)
    versions = latest_versions(round_)
    jobs.progress(job_id, versions.exclude(pdf="").count(), versions.count(), _("PDFs rendered"))


def write_zip(job_id, round_):
    """Put every version's cached PDF into one ZIP, attached to the job."""
    if Job.objects.filter(pk=job_id, status=Job.Status.FAILED).exists():
        return  # a render was refused (too many pages); its message stays on the job
    buffer = io.BytesIO()
    versions = latest_versions(round_).order_by("report__reporting_unit__code")
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for version in versions:
            version = version_pdf(version.pk)
            with version.pdf.open("rb") as handle:
                archive.writestr(pdf_name(version), handle.read())
    job = Job.objects.get(pk=job_id)
    job.result_file.save(f"reports-{round_.due_date.year}.zip", ContentFile(buffer.getvalue()))
    count = len(versions)
    message = _("%(n)s reports in the ZIP") % {"n": count}
    jobs.finish(job_id, result={"reports": count}, message=message)


def summary_job(job_id, round_):
    """Compile the national summary and attach its PDF to the job."""
    jobs.progress(job_id, 0, 1, _("Compiling the national summary"))
    summary = compile_summary(round_)
    job = Job.objects.get(pk=job_id)
    with summary.pdf.open("rb") as handle:
        job.result_file.save(summary.pdf.name.rsplit("/", 1)[-1], ContentFile(handle.read()))
    url = reverse("reporting:round", args=[round_.pk])
    jobs.finish(job_id, result={"summary": summary.pk}, result_url=url, message=_("Compiled"))
