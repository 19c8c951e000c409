"""Celery tasks of the enterprises app: thin wrappers around services."""

import logging

from celery import shared_task

from portal import jobs
from portal.models import User
from portal.scoping import scoped

from .forms.registry import EnterpriseFilter
from .models import Enterprise
from .services import imports

logger = logging.getLogger(__name__)


@shared_task
def import_enterprises(job_id, upload_name, mode, user_id):
    """Run a registry import job (see enterprises.services.imports.run_import)."""
    try:
        return imports.run_import(job_id, upload_name, mode, user_id)
    except Exception as error:  # noqa: BLE001 - the job page shows the failure
        logger.exception("enterprise import %s failed", job_id)
        jobs.fail(job_id, str(error))
        return None


@shared_task
def export_enterprises(job_id, params, user_id):
    """Write the filtered registry to an .xlsx as the job's result file."""
    user = User.objects.get(pk=user_id)
    queryset = scoped(Enterprise.objects.all(), user)
    queryset = EnterpriseFilter(params, queryset=queryset, user=user).qs
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
