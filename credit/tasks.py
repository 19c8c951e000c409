"""Celery tasks of the credit app: thin wrappers around services."""

import datetime

from celery import shared_task


@shared_task
def run_daily_lists(today_iso=None):
    """The daily job: remove served serious listings, propose 3-year abnormal entries for the
    serious list, count removal decisions overdue (credit.services.lists.run_daily)."""
    from .services.lists import run_daily

    return run_daily(datetime.date.fromisoformat(today_iso) if today_iso else None)


@shared_task
def warn_inspection_results_due(today_iso=None):
    """The daily job: warn units of inspection results to publish within 20 working days."""
    from .services.result_reminders import run_daily_for

    return run_daily_for(today_iso)
