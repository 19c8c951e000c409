"""Long work with progress: a Job row that a Celery task updates and the page polls.

    job = jobs.start("enterprise_import", _("Import enterprises"), owner=request.user)
    import_task.delay(str(job.pk), ...)
    return redirect(job)            # the progress page, polled with htmx

Inside the task: ``jobs.progress(job_id, done, total, message)``, then
``jobs.finish(job_id, result=..., result_url=...)`` or ``jobs.fail(job_id, message)``.
Progress writes use ``.update()``: they are bookkeeping, not audited writes.
"""

from django.utils import timezone

from .models import Job


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
