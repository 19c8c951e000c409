"""Every error under /api/ has the one JSON shape, also when Django answers before DRF."""

import pytest
from django.test import Client

from tests import logins

pytestmark = pytest.mark.django_db
ROUNDS = "/api/v1/reporting/rounds/"
FOUR_MB = 4 * 1024 * 1024


def assert_shape(response, status, code=None):
    assert response.status_code == status
    assert response["Content-Type"].startswith("application/json")
    error = response.json()["error"]
    assert error["status"] == status
    assert set(error) == {"status", "code", "message", "fields"}
    assert error["message"]
    if code:
        assert error["code"] == code
    return error


def test_an_oversized_body_is_a_413_that_names_the_limit_in_chinese_and_english(
    client_for, hq_user
):
    client = client_for(hq_user)
    body = '{"title": "%s"}' % ("x" * FOUR_MB)
    chinese = client.post(ROUNDS, body, content_type="application/json")
    assert "3 MB" in assert_shape(chinese, 413, "request_too_large")["message"]
    assert "请求" in chinese.json()["error"]["message"]
    english = client.post(ROUNDS, body, content_type="application/json", HTTP_ACCEPT_LANGUAGE="en")
    assert "larger than the limit of 3 MB" in assert_shape(english, 413)["message"]


def test_an_oversized_form_body_is_also_json(client_for, hq_user):
    response = client_for(hq_user).post(ROUNDS, {"title": "y" * FOUR_MB})
    assert_shape(response, 413, "request_too_large")


def test_each_status_has_the_shape(client_for, hq_user):
    client = client_for(hq_user)
    assert_shape(client.get("/api/v1/no-such-route/"), 404, "not_found")
    assert_shape(client.delete(ROUNDS), 405, "method_not_allowed")
    assert_shape(client.post(ROUNDS, "x", content_type="text/plain"), 415)
    assert_shape(client.post(ROUNDS, "{", content_type="application/json"), 400)
    assert_shape(Client().get(ROUNDS), 403)
    no_csrf = logins.log_in(Client(enforce_csrf_checks=True), hq_user)
    assert "CSRF" in assert_shape(no_csrf.post(ROUNDS, {}), 403)["message"]
