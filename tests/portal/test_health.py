"""The health endpoint reports the database, Redis and the Celery workers."""

import pytest


@pytest.mark.django_db
def test_health_reports_database_and_redis(client):
    response = client.get("/health/")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["database"] == {"ok": True, "vendor": "postgresql"}
    assert body["redis"]["ok"] is True
    assert "celery_workers" in body


@pytest.mark.django_db
def test_health_fails_when_redis_is_unreachable(client, settings):
    settings.REDIS_URL = "redis://127.0.0.1:1/0"
    response = client.get("/health/")
    assert response.status_code == 503
    assert response.json()["redis"]["ok"] is False
