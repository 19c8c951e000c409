"""With Redis unreachable (a closed port, not the shared Redis stopped) pages and
submissions keep working, and work that needed the queue is sent once it is back."""

import pytest
from django.urls import reverse

from complaints.models import Complaint
from portal import jobs
from portal.celery import app
from portal.models import Job
from tests.complaints.test_pages import form_data as complaint_data
from tests.factories import EnterpriseFactory

CLOSED = "redis://127.0.0.1:6399/0"  # nothing listens here
pytestmark = pytest.mark.django_db


@pytest.fixture
def cache_down(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": CLOSED,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }


def reconnect():
    app._pool = None
    app.amqp._producer_pool = None


@pytest.fixture
def queue_down():
    """Celery publishes to the closed port, as it would with Redis stopped."""
    saved = app.conf.broker_url, app.conf.task_always_eager
    app.conf.broker_url, app.conf.task_always_eager = CLOSED, False
    reconnect()
    yield
    app.conf.broker_url, app.conf.task_always_eager = saved
    reconnect()


def test_the_public_complaint_form_files_with_the_cache_down(client, cache_down):
    assert client.get("/complaints/").status_code == 200
    response = client.post("/complaints/", complaint_data())
    assert response.status_code == 302 and Complaint.objects.count() == 1


def test_staff_log_in_and_browse_with_the_cache_down(client_for, province_user, cache_down):
    client = client_for(province_user)
    for url in ("/", reverse("enterprises:list"), reverse("complaints:list")):
        assert client.get(url).status_code == 200, url


def test_a_job_started_with_the_queue_down_waits_and_runs_once_when_it_is_back(
    client_for, hq_user, monkeypatch, queue_down
):
    monkeypatch.setattr("enterprises.views.registry.EXPORT_DIRECT_LIMIT", 0)
    EnterpriseFactory(division_code="440106")
    client = client_for(hq_user)

    response = client.get(reverse("enterprises:export"))

    job = Job.objects.get()
    assert response.status_code == 302 and response.url == job.get_absolute_url()
    assert job.status == Job.Status.PENDING and job.waiting_call["task"].endswith(
        "export_enterprises"
    )
    assert "工作队列" in client.get(job.get_absolute_url()).text  # the page says it waits

    assert jobs.send_waiting() == 0  # still down: nothing sent, nothing lost
    job.refresh_from_db()
    assert job.waiting_call is not None

    app.conf.task_always_eager = True  # Redis is back (the tests' queue runs tasks in-process)
    assert jobs.send_waiting() == 1
    assert jobs.send_waiting() == 0  # sent once
    job.refresh_from_db()
    assert job.status == Job.Status.DONE and job.waiting_call is None and job.result_file
