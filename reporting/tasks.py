"""Celery tasks: thin wrappers around reporting.services, acting as the schedule or a person."""

from datetime import date

from celery import chord, shared_task
from django.utils import timezone

from portal import jobs
from portal.audit import acting_as

from .models import Round
from .services import batches, pdfs, schedule


@shared_task
def run_schedule(on=None):
    """The daily beat job: do what every round's milestones ask for the date (default today)."""
    day = date.fromisoformat(on) if on else timezone.localdate()
    with acting_as(source="task", label="reporting schedule"):
        return schedule.run(day)


@shared_task(base=jobs.JobTask)
def report_pdf(job_id, version_id):
    """Render (or reuse) one report version's PDF for the person who asked for it."""
    pdfs.pdf_job(job_id, version_id)


@shared_task(base=jobs.JobTask)
def render_version_pdf(job_id, version_id, round_id):
    """Render one report version's PDF (cached) as part of a batch; a failure stops the ZIP."""
    batches.render_one(job_id, version_id, Round.objects.get(pk=round_id))


@shared_task(base=jobs.JobTask)
def zip_round_pdfs(job_id, round_id):
    """Put the round's report PDFs into one ZIP for the job."""
    batches.write_zip(job_id, Round.objects.get(pk=round_id))


@shared_task
def build_round_zip(job_id, round_id, user_id=None):
    """Render every report PDF of a round in parallel, then ZIP them."""
    round_ = Round.objects.get(pk=round_id)
    renders = [
        render_version_pdf.si(job_id, pk, round_id, user_id=user_id)
        for pk in batches.round_version_ids(round_)
    ]
    finish = zip_round_pdfs.si(job_id, round_id, user_id=user_id)
    if renders:
        chord(renders)(finish)
    else:
        finish.delay()


@shared_task(base=jobs.JobTask)
def compile_national_summary(job_id, round_id):
    """Compile the national summary of a round for the job."""
    batches.summary_job(job_id, Round.objects.get(pk=round_id))
