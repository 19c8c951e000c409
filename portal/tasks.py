"""The portal's own periodic tasks: jobs that waited for the queue are sent (portal.jobs);
spent one-time form tokens are forgotten after a while (portal.once)."""

from celery import shared_task

from . import jobs, once


@shared_task
def send_waiting_jobs():
    return jobs.send_waiting()


@shared_task
def forget_sent_forms():
    return once.forget_spent()
