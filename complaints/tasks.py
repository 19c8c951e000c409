"""Celery tasks of the complaints app: thin wrappers around services."""

from celery import shared_task


@shared_task
def send_deadline_reminders(today_iso=None):
    """The daily job: remind of complaint deadlines due soon or passed, each once."""
    from .services.reminders import run_daily_for

    return run_daily_for(today_iso)


@shared_task
def hand_over_unsettled_odr():
    """The daily job: complaints an ODR enterprise did not settle in time go to the regulator."""
    from .services.odr import hand_over_unsettled

    return hand_over_unsettled()
