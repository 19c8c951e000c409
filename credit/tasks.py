"""Celery tasks of the credit app: thin wrappers around services."""

from celery import shared_task


@shared_task
def warn_inspection_results_due(today_iso=None):
    """The daily job: warn units of inspection results to publish within 20 working days."""
    from .services.result_reminders import run_daily_for

    return run_daily_for(today_iso)
