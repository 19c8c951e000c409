"""Long work with progress: a Job row that a Celery task updates and the page polls.

The view (or API action) starts the job and the task; a service does the work:

    job = jobs.start("enterprise_import", _("Import enterprises"), owner=request.user)
    jobs.send(import_task, job, ..., user_id=request.user.pk)
    return redirect(job)            # the progress page, polled with htmx

    @shared_task(base=jobs.JobTask)
    def import_task(job_id, ..., user_id=None):
        services.run_import(job_id, ...)   # runs acting as the user; a failure fails the job

Inside the service: ``jobs.progress(job_id, done, total, message)``,
``jobs.save_result_file(job_id, name, content)`` (or ``jobs.offer_file`` for a file
already stored), then ``jobs.finish(job_id, ...)``. A service that must refuse the work
for a reason the user should read (a PDF over the page limit) raises ``jobs.Refused``.
Progress writes use ``.update()``: they are bookkeeping, not audited writes.

``send`` queues the task. With the queue (Redis) unreachable the page still works: the
call is kept on the job (``Job.waiting_call``, the outbox) and the job waits;
``send_waiting`` (the beat task ``portal.tasks.send_waiting_jobs``, every minute) sends
it once the queue is back, and only once (the row is locked and cleared as it is sent).
"""

import logging

from celery import Task, current_app
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from kombu.exceptions import OperationalError

from .audit import acting_as
from .models import Job, User

logger = logging.getLogger("portal.jobs")


def start(kind, title, *, owner=None, reporting_unit=None, total=0):
    """Create a waiting job of one of Job.KINDS."""
    if kind not in Job.KINDS:
        raise ValueError(f"{kind!r} is not among Job.KINDS")
    return Job.objects.create(
        kind=kind, title=str(title), owner=owner, reporting_unit=reporting_unit, total=total
    )


def kinds():
    """[(kind, label)] of Job.KINDS, for the audit trail (Job.audit_words)."""
    return list(Job.KINDS.items())


def send(task, job, *args, **kwargs):
    """Queue ``task(str(job.pk), *args, **kwargs)``; kept on the job if the queue is down."""
    call = {"task": task.name, "args": [str(job.pk), *args], "kwargs": kwargs}
    try:
        task.apply_async(call["args"], kwargs, retry=False)
    except OperationalError as error:
        logger.warning("job %s waits: the queue is unreachable: %s", job.pk, error)
        message = _("Waiting: the work queue is unavailable; the job starts when it is back.")
        Job.objects.filter(pk=job.pk).update(waiting_call=call, message=message)


def send_waiting():
    """Send the calls of jobs that could not be queued; returns how many were sent.

    Each is cleared and sent in one transaction with its row locked, so two runs never
    send one twice; with the queue still down the clearing is rolled back and it waits.
    """
    sent = 0
    while True:
        try:
            with transaction.atomic():
                job = (
                    Job.objects.select_for_update(skip_locked=True)
                    .filter(waiting_call__isnull=False)
                    .order_by("created_at")
                    .first()
                )
                if job is None:
                    return sent
                call = job.waiting_call
                Job.objects.filter(pk=job.pk).update(waiting_call=None, message="")
                task = current_app.tasks[call["task"]]
                task.apply_async(call["args"], call["kwargs"], retry=False)
        except OperationalError:
            return sent  # still down: the calls wait for the next run
        sent += 1


def progress(job_id, done, total=None, message=""):
    """Record how far a running job has got."""
    fields = {"status": Job.Status.RUNNING, "done": done, "message": str(message)[:500]}
    if total is not None:
        fields["total"] = total
    Job.objects.filter(pk=job_id).update(**fields)


def finish(job_id, *, result=None, result_url="", message=""):
    """Mark a job done with its result (all of it done, whatever progress last said)."""
    Job.objects.filter(pk=job_id).update(
        status=Job.Status.DONE,
        done=F("total"),
        result=result or {},
        result_url=result_url,
        message=str(message)[:500],
        finished_at=timezone.now(),
    )


def fail(job_id, message):
    """Mark a job failed with a message for the user."""
    Job.objects.filter(pk=job_id).update(
        status=Job.Status.FAILED, message=str(message)[:500], finished_at=timezone.now()
    )


def save_result_file(job_id, name, content):
    """Attach bytes to the job as the file its page offers for download."""
    job = Job.objects.get(pk=job_id)
    job.result_file.save(name, ContentFile(content), save=False)
    offer_file(job_id, job.result_file.name)


def offer_file(job_id, stored_name):
    """Offer a file already in the default storage (a cached PDF) for download, uncopied."""
    Job.objects.filter(pk=job_id).update(result_file=stored_name)


class Refused(Exception):
    """The work cannot be done for a reason the user should read; not a bug."""


class JobTask(Task):
    """Base of every task that runs a Job (first argument ``job_id``, optional ``user_id``).

    The task runs acting as the user who started it (audited as source "task").
    ``Refused`` marks the job failed with its message and ends the task; any other
    error marks the job failed and is raised again, so Celery and the logs see it.
    """

    typing = False  # user_id is taken by __call__, not by the task's own signature

    def __call__(self, job_id, *args, user_id=None, **kwargs):
        user = User.objects.filter(pk=user_id).first() if user_id else None
        with acting_as(user, source="task", label=user.get_username() if user else self.name):
            try:
                return self.run(job_id, *args, **kwargs)
            except Refused as refusal:
                fail(job_id, str(refusal))
                return None
            except Exception as error:
                fail(job_id, _("The job failed: %(error)s") % {"error": error})
                raise
