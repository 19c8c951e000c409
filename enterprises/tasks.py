"""Celery tasks of the enterprises app: thin wrappers around services."""

from celery import shared_task

from portal import jobs
from portal.audit import current_actor
from portal.scoping import scoped

from .forms.registry import EnterpriseFilter
from .models import Enterprise
from .services import imports


@shared_task(base=jobs.JobTask)
def import_enterprises(job_id, upload_name, mode):
    """Run a registry import job (see enterprises.services.imports.run_import)."""
    return imports.run_import(job_id, upload_name, mode, current_actor().user)


@shared_task(base=jobs.JobTask)
def export_enterprises(job_id, params):
    """Write the filtered registry to an .xlsx as the job's result file."""
    user = current_actor().user
    queryset = EnterpriseFilter(
        params, queryset=scoped(Enterprise.objects.all(), user), user=user
    ).qs
    imports.run_export(job_id, queryset)


@shared_task
def expire_certificates(today_iso=None):
    """The daily certificate job: expire past-date certificates, send 60/30-day reminders."""
    from .services.certificates import run_daily_for

    return run_daily_for(today_iso)


@shared_task
def remove_expired_import_uploads():
    """The hourly job: remove previewed import files nobody imported."""
    return imports.remove_expired_uploads()
