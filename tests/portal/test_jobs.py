"""portal.jobs.JobTask: a task's failure fails its job and is raised, never swallowed."""

import io

import pytest
from openpyxl import load_workbook

from enterprises import tasks
from portal import jobs
from portal.models import Job
from tests.factories import EnterpriseFactory


def test_a_failing_task_fails_its_job_and_raises(province_user):
    job = jobs.start("enterprise_import", "import", owner=province_user)
    with pytest.raises(FileNotFoundError):
        tasks.import_enterprises.delay(
            str(job.pk), "enterprise-imports/gone", "good", user_id=province_user.pk
        )
    job.refresh_from_db()
    assert job.status == Job.Status.FAILED and job.finished_at
    assert job.message.startswith("任务失败") and "enterprise-imports/gone" in job.message


def test_a_task_runs_as_the_user_who_started_it(province_user):
    gd = EnterpriseFactory(division_code="440106")
    EnterpriseFactory(division_code="330106")
    job = jobs.start("enterprise_export", "export", owner=province_user)
    tasks.export_enterprises.delay(str(job.pk), {}, user_id=province_user.pk)
    job.refresh_from_db()
    assert job.status == Job.Status.DONE and job.result_file.name.endswith(f"{job.pk}.xlsx")
    with job.result_file.open("rb") as stream:
        rows = list(load_workbook(io.BytesIO(stream.read())).active.values)
    assert [r[0] for r in rows[1:]] == [gd.uscc]  # scoped to Guangdong, as the user


def test_a_finished_job_reads_all_done_whatever_its_last_progress(client_for, province_user):
    job = jobs.start("credit_risk", "recompute", owner=province_user)
    jobs.progress(job.pk, 0, 1, "computing")
    jobs.finish(job.pk, message="finished")
    job.refresh_from_db()
    assert (job.done, job.total, job.percent) == (1, 1, 100)
    page = client_for(province_user).get(job.get_absolute_url()).content.decode()
    assert 'value="100"' in page and "1 / 1" in page
