"""Celery tasks of the complaints app: thin wrappers around services."""

from celery import shared_task

from portal import jobs


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


@shared_task(base=jobs.JobTask)
def build_publication(job_id, publication_id):
    """Compute one draft publication on demand (its page follows the job)."""
    from .models import Publication
    from .services import publicity

    return publicity.build(Publication.objects.get(pk=publication_id), job_id).pk


@shared_task
def draft_last_quarter_publications():
    """The quarterly job: every unit's draft table of the quarter just ended."""
    from .services import publicity

    return publicity.draft_last_quarter()


@shared_task
def anonymise_past_retention():
    """The daily job: closed complaints past the retention period lose their personal data."""
    from .services import retention

    logged = retention.run()
    return logged.complaints if logged else 0
