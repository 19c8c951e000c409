"""Error pages are ours, in Chinese with English selectable; the API answers JSON; a favicon."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client

from tests import factories

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def failing_urls(settings):
    settings.ROOT_URLCONF = "tests.portal.error_urls"


def assert_our_page(response, status, chinese_title):
    body = response.content.decode()
    assert response.status_code == status
    assert 'data-testid="error-page"' in body
    assert chinese_title in body
    assert 'id="language-select"' in body
    assert "favicon.svg" in body
    assert "Content-Security-Policy" in response


@pytest.mark.django_db
def test_not_found_is_our_chinese_page_with_a_language_switch(client):
    assert_our_page(client.get("/no-such-page/"), 404, "页面不存在")


@pytest.mark.django_db
def test_not_found_in_english_after_choosing_english(client):
    client.post("/i18n/setlang/", {"language": "en", "next": "/no-such-page/"})
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
    assert '<html lang="en">' in response.content.decode()


@pytest.mark.django_db
def test_server_error_is_our_page(failing_urls):
    client = Client(raise_request_exception=False)
    assert_our_page(client.get("/boom/"), 500, "服务器错误")


@pytest.mark.django_db
def test_forbidden_and_bad_request_are_our_pages(client, failing_urls):
    assert_our_page(client.get("/forbidden/"), 403, "无权访问")
    assert_our_page(client.get("/suspicious/"), 400, "请求有误")


@pytest.mark.django_db
def test_a_csrf_failure_is_our_forbidden_page():
    client = Client(enforce_csrf_checks=True)
    assert_our_page(client.post("/accounts/login/", {"username": "x"}), 403, "无权访问")


@pytest.mark.django_db
def test_api_errors_stay_json(client, failing_urls):
    missing = client.get("/api/v1/no-such-thing/")
    assert missing.status_code == 404
    assert missing.json()["error"]["code"] == "not_found"
    broken = Client(raise_request_exception=False).get("/api/v1/boom/")
    assert broken.status_code == 500
    assert broken.json()["error"]["status"] == 500


def test_the_demo_runs_without_debug_so_django_debug_pages_never_show():
    env = {k: v for k, v in os.environ.items() if k not in ("DEBUG", "PORTAL_ENV")}
    env["DJANGO_SETTINGS_MODULE"] = "portal.settings"
    code = "import django; django.setup(); from django.conf import settings; print(settings.DEBUG)"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.stdout.strip() == "False", result.stderr


@pytest.mark.django_db
def test_favicon_ico_leads_to_our_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith("portal/favicon.svg")


@pytest.mark.django_db
def test_home_links_every_area_whose_pages_exist(client):
    body = client.get("/").content.decode()
    for area in ("/enterprises/public/pledges/", "/complaints/", "/monitoring/", "/credit/"):
        assert f'href="{area}"' in body


@pytest.mark.django_db
def test_every_area_on_the_home_page_opens_for_whoever_sees_it(
    client_for, hq_user, province_user, enterprise_user
):
    drc_user = factories.provincial_user("440000", kind="drc", username="gd_drc")
    for user in (hq_user, province_user, drc_user, enterprise_user):
        client = client_for(user)
        areas = re.findall(
            r'class="card card--link" href="([^"]+)"', client.get("/").content.decode()
        )
        assert "/credit/" in areas
        opened = {area: client.get(area).status_code for area in areas}
        assert set(opened.values()) == {200}, (user.role, opened)


@pytest.mark.django_db
def test_the_window_title_names_the_page_and_then_the_portal(client):
    body = client.get("/complaints/track/").content.decode()
    title = re.search(r"<title>(.*?)</title>", body, re.S).group(1)
    page_title, portal = title.split(" · ")
    assert page_title.strip() and portal == "服务业质量提升专项行动工作平台"
