"""Celery tasks of the monitoring app: thin wrappers around services."""

from celery import shared_task

from portal import jobs
from portal.audit import current_actor


@shared_task(base=jobs.JobTask)
def import_responses(job_id, wave_id, upload_name, mode):
    """Import survey responses, then compute the wave's indices."""
    from .services import responses

    return responses.run_import(job_id, wave_id, upload_name, mode, current_actor().user)


@shared_task(base=jobs.JobTask)
def compute_indices(job_id, wave_id):
    """Recompute a wave's indices on demand."""
    from .services import indices

    return indices.run_compute(job_id, wave_id, current_actor().user)


@shared_task
def remove_expired_survey_uploads():
    """The hourly job: remove previewed survey files nobody imported."""
    from .services.responses import PREVIEWS

    return PREVIEWS.remove_expired()
