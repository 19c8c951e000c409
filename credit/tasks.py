"""Celery tasks of the credit app: thin wrappers around services."""

import datetime

from celery import shared_task


@shared_task
def run_daily_lists(today_iso=None):
    """The daily job: remove served serious listings, propose 3-year abnormal entries for the
    serious list, count removal decisions overdue (credit.services.lists.run_daily)."""
    from .services.lists import run_daily

    return run_daily(datetime.date.fromisoformat(today_iso) if today_iso else None)
