"""CSP header and report endpoint, trusted proxy, huge page numbers, history of unscoped models."""

import json
import logging

import pytest

from portal.csp_report import MAX_REPORT_BYTES

HUGE = "9" * 30


def csp_of(response):
    return {
        directive.split(" ", 1)[0]: directive.split(" ", 1)[1:]
        for directive in response["Content-Security-Policy"].split("; ")
    }


@pytest.mark.django_db
def test_pages_carry_a_strict_content_security_policy(client):
    policy = csp_of(client.get("/"))
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["report-uri"] == ["/csp-report/"]


@pytest.mark.django_db
def test_only_the_api_docs_may_use_inline_styles(client_for, hq_user):
    client = client_for(hq_user)
    for url in ("/api/v1/docs/", "/api/v1/redoc/"):
        policy = csp_of(client.get(url))
        assert "'unsafe-inline'" in policy["style-src"][0], url
        assert "'unsafe-inline'" not in policy["script-src"][0], url
    assert "unsafe-inline" not in client.get("/dashboard/")["Content-Security-Policy"]


@pytest.mark.django_db
def test_templates_have_no_inline_scripts_or_handlers(client_for, hq_user):
    body = client_for(hq_user).get("/enterprises/claims/").content.decode()
    assert "onchange=" not in body
    assert "<script>" not in body
    assert 'name="htmx-config"' in body


def report_body(directive="script-src"):
    report = {"document-uri": "http://x/", "violated-directive": directive, "blocked-uri": "inline"}
    return json.dumps({"csp-report": report})


@pytest.mark.django_db
def test_a_violation_report_is_logged_without_a_csrf_token(caplog):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    with caplog.at_level(logging.WARNING, logger="portal.csp"):
        response = client.post("/csp-report/", report_body(), content_type="application/csp-report")
    assert response.status_code == 204
    assert "script-src" in caplog.text and "inline" in caplog.text


@pytest.mark.django_db
def test_an_oversized_report_is_refused(client):
    padding = "x" * MAX_REPORT_BYTES
    response = client.post("/csp-report/", report_body(padding), content_type="application/json")
    assert response.status_code == 413


@pytest.mark.django_db
def test_a_client_sending_too_many_reports_is_slowed_down(client, settings):
    settings.PORTAL_RATE_LIMITS = {**settings.PORTAL_RATE_LIMITS, "csp_report": "5/hour"}
    codes = [
        client.post("/csp-report/", report_body(), content_type="application/json").status_code
        for _ in range(6)
    ]
    assert codes[:5] == [204] * 5
    assert codes[-1] == 429


@pytest.fixture
def behind_proxy(settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.SECURE_SSL_REDIRECT = True
    settings.TRUSTED_PROXIES = ["10.9.0.2"]
    return settings


@pytest.mark.django_db
def test_https_claimed_by_a_client_that_is_not_the_proxy_is_not_believed(client, behind_proxy):
    response = client.get("/", HTTP_X_FORWARDED_PROTO="https", REMOTE_ADDR="10.9.0.3")
    assert response.status_code == 301
    assert response["Location"].startswith("https://")


@pytest.mark.django_db
def test_https_reported_by_the_proxy_is_believed(client, behind_proxy):
    response = client.get("/", HTTP_X_FORWARDED_PROTO="https", REMOTE_ADDR="10.9.0.2")
    assert response.status_code == 200


@pytest.mark.django_db
def test_health_answers_over_plain_http_under_production_redirects(client, behind_proxy):
    assert client.get("/health/").status_code == 200
    assert client.get("/").status_code == 301


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/enterprises/public/pledges/", "/enterprises/public/standards/"])
def test_a_huge_page_number_on_public_lists_is_not_found(client, url):
    assert client.get(url, {"page": HUGE}).status_code == 404
    assert client.get(url, {"page": "33333335"}).status_code == 404
    assert client.get(url, {"page": "33333334"}).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/audit/",
        "/enterprises/claims/",
        "/enterprises/pledges/review/",
        "/enterprises/certificates/",
        "/enterprises/standards/",
        "/reporting/measures/",
    ],
)
def test_a_huge_page_number_on_staff_lists_shows_a_page(client_for, hq_user, url):
    assert client_for(hq_user).get(url, {"page": HUGE}).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("after", [HUGE, "²", "-1", "12abc"])
def test_a_bad_registry_position_shows_the_first_page(client_for, hq_user, after):
    assert client_for(hq_user).get("/enterprises/", {"after": after}).status_code == 200


@pytest.mark.django_db
def test_history_of_a_model_without_a_scope_is_not_found_whether_or_not_the_row_exists(
    client_for, hq_user
):
    from django.contrib.auth.models import Permission
    from django.contrib.contenttypes.models import ContentType

    client = client_for(hq_user)
    permission = Permission.objects.first()
    content_type = ContentType.objects.first()
    answers = [
        client.get(f"/history/auth/permission/{permission.pk}/").status_code,
        client.get("/history/auth/permission/999999999/").status_code,
        client.get(f"/history/contenttypes/contenttype/{content_type.pk}/").status_code,
    ]
    assert answers == [404, 404, 404]


@pytest.mark.django_db
def test_history_with_a_huge_id_is_not_found(client_for, hq_user):
    assert client_for(hq_user).get(f"/history/enterprises/enterprise/{HUGE}/").status_code == 404
