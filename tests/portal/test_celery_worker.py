"""Celery runs through Redis: a real worker answers the health check's ping."""

import pytest
from celery.contrib.testing.worker import start_worker

from portal.celery import app


@pytest.mark.django_db(transaction=True)
def test_health_sees_a_running_worker(client, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = False
    app.conf.task_always_eager = False
    try:
        with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
            body = client.get("/health/").json()
    finally:
        app.conf.task_always_eager = True
    assert app.conf.broker_url.startswith("redis://")
    assert body["celery_workers"]["ok"] is True
    assert body["celery_workers"]["workers"] >= 1
