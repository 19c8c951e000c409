"""Celery tasks of the credit app: thin wrappers around services."""

import datetime

from celery import shared_task

from portal import jobs
from portal.audit import acting_as


@shared_task
def run_daily_lists(today_iso=None):
    """The daily job: remove served serious listings, propose 3-year abnormal entries for the
    serious list, count removal decisions overdue (credit.services.lists.run_daily)."""
    from .services.lists import run_daily

    return run_daily(datetime.date.fromisoformat(today_iso) if today_iso else None)


@shared_task(base=jobs.JobTask)
def recompute_unit_risk(job_id, unit_id):
    """Recompute one reporting unit's risk classes, with progress on the job's page."""
    from .services import risk

    risk.run_unit_recompute(job_id, unit_id)


@shared_task
def recompute_risk_classes():
    """Nightly: recompute every enterprise's risk class (set-based), expiring old overrides."""
    from .services import risk

    with acting_as(None, source="task", label="credit.recompute_risk_classes"):
        run = risk.recompute_nation()
    return {"run": run.pk, "enterprises": run.enterprises, "changed": run.changed}


@shared_task
def warn_inspection_results_due(today_iso=None):
    """The daily job: warn units of inspection results to publish within 20 working days."""
    from .services.result_reminders import run_daily_for

    return run_daily_for(today_iso)


@shared_task(base=jobs.JobTask)
def import_risk_history(job_id, upload_name):
    """Import a previewed file of historical (A-E) classes as history rows."""
    from portal.models import Job

    from .services import risk_import

    owner = Job.objects.get(pk=job_id).owner
    risk_import.run_import(job_id, upload_name, owner)
