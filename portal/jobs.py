"""Long work with progress: a Job row that a Celery task updates and the page polls.

The view (or API action) starts the job and the task; a service does the work:

    job = jobs.start("enterprise_import", _("Import enterprises"), owner=request.user)
    import_task.delay(str(job.pk), ..., user_id=request.user.pk)
    return redirect(job)            # the progress page, polled with htmx

    @shared_task(base=jobs.JobTask)
    def import_task(job_id, ..., user_id=None):
        services.run_import(job_id, ...)   # runs acting as the user; a failure fails the job

Inside the service: ``jobs.progress(job_id, done, total, message)``,
``jobs.save_result_file(job_id, name, content)``, then ``jobs.finish(job_id, ...)``.
Progress writes use ``.update()``: they are bookkeeping, not audited writes.
"""

from celery import Task
from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.translation import gettext as _

from .audit import acting_as
from .models import Job, User


def start(kind, title, *, owner=None, reporting_unit=None, total=0):
    """Create a waiting job."""
    return Job.objects.create(
        kind=kind, title=str(title), owner=owner, reporting_unit=reporting_unit, total=total
    )


def progress(job_id, done, total=None, message=""):
    """Record how far a running job has got."""
    fields = {"status": Job.Status.RUNNING, "done": done, "message": str(message)[:500]}
    if total is not None:
        fields["total"] = total
    Job.objects.filter(pk=job_id).update(**fields)


def finish(job_id, *, result=None, result_url="", message=""):
    """Mark a job done with its result."""
    Job.objects.filter(pk=job_id).update(
        status=Job.Status.DONE,
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
    Job.objects.filter(pk=job_id).update(result_file=job.result_file.name)


class JobTask(Task):
    """Base of every task that runs a Job (first argument ``job_id``, optional ``user_id``).

    The task runs acting as the user who started it (audited as source "task"); any
    error marks the job failed and is raised again, so Celery and the logs see it.
    """

    typing = False  # user_id is taken by __call__, not by the task's own signature

    def __call__(self, job_id, *args, user_id=None, **kwargs):
        user = User.objects.filter(pk=user_id).first() if user_id else None
        with acting_as(user, source="task", label=user.get_username() if user else self.name):
            try:
                return self.run(job_id, *args, **kwargs)
            except Exception as error:
                fail(job_id, _("The job failed: %(error)s") % {"error": error})
                raise
