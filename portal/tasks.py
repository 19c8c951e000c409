"""The portal's own periodic task: jobs that waited for the queue are sent (portal.jobs)."""

from celery import shared_task

from . import jobs


@shared_task
def send_waiting_jobs():
    return jobs.send_waiting()
