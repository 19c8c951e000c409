"""The API's shared behaviour: authentication, one error shape, pagination, schema."""

import pytest

from portal import api_tokens
from tests.logins import log_in


@pytest.mark.django_db
def test_anonymous_requests_get_the_error_shape(client):
    response = client.get("/api/v1/users/")
    assert response.status_code == 403
    error = response.json()["error"]
    assert error["status"] == 403 and error["code"] == "not_authenticated" and error["message"]


@pytest.mark.django_db
def test_token_authentication(client, province_user):
    _token, key = api_tokens.issue(province_user, "script", days=30)
    response = client.get("/api/v1/users/me/", HTTP_AUTHORIZATION=f"Token {key}")
    assert response.status_code == 200
    assert response.json()["username"] == "gd"


@pytest.mark.django_db
def test_lists_are_cursor_paginated(client, hq_user):
    log_in(client, hq_user)
    body = client.get("/api/v1/divisions/", {"page_size": 10}).json()
    assert len(body["results"]) == 10
    assert body["next"] and "cursor=" in body["next"]


@pytest.mark.django_db
def test_filters_apply(client, hq_user):
    log_in(client, hq_user)
    body = client.get("/api/v1/reporting-units/", {"kind": "separate_city"}).json()
    assert sorted(unit["code"] for unit in body["results"]) == [
        "210200", "330200", "350200", "370200", "440300",
    ]  # fmt: skip


@pytest.mark.django_db
def test_a_bad_filter_value_names_the_field(client, hq_user):
    log_in(client, hq_user)
    response = client.get("/api/v1/divisions/", {"level": "province"})
    assert response.status_code == 400
    assert "level" in response.json()["error"]["fields"]


@pytest.mark.django_db
def test_users_outside_scope_are_not_found(client, province_user, other_province_user):
    log_in(client, province_user)
    assert client.get(f"/api/v1/users/{other_province_user.pk}/").status_code == 404
    ids = [u["id"] for u in client.get("/api/v1/users/").json()["results"]]
    assert ids == [province_user.pk]


@pytest.mark.django_db
def test_the_schema_and_docs_are_served_locally(client):
    schema = client.get("/api/v1/schema/", HTTP_ACCEPT="application/json")
    assert schema.status_code == 200
    assert "/api/v1/reporting-units/" in schema.json()["paths"]
    docs = client.get("/api/v1/docs/").content.decode()
    assert "cdn" not in docs.lower() and "https://" not in docs


@pytest.mark.django_db
def test_unknown_api_paths_answer_in_the_error_shape(client, hq_user):
    log_in(client, hq_user)
    response = client.get("/api/v1/no-such-thing/")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
