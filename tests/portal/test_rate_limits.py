"""Public forms and the API cannot be hammered: 429 in the reader's language, per address."""

import pytest
from django.test import Client, override_settings

pytestmark = pytest.mark.django_db

RATES = {"signup": "3/hour", "password_reset": "3/hour", "public_search": "3/minute"}


def hammer(send, times):
    return [send().status_code for _ in range(times)]


@override_settings(PORTAL_RATE_LIMITS=RATES)
def test_password_reset_is_refused_after_its_rate_with_a_chinese_429():
    client = Client(REMOTE_ADDR="198.51.100.7")
    codes = hammer(lambda: client.post("/accounts/password_reset/", {"email": "a@b.cn"}), 4)
    assert 429 not in codes[:3] and codes[3] == 429
    refused = client.post("/accounts/password_reset/", {"email": "a@b.cn"})
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    assert "您的地址在短时间内发出的请求过多" in refused.text
    other_address = Client(REMOTE_ADDR="198.51.100.8")
    assert other_address.post("/accounts/password_reset/", {"email": "a@b.cn"}).status_code != 429


@override_settings(PORTAL_RATE_LIMITS=RATES)
def test_sign_up_is_refused_after_its_rate():
    client = Client(REMOTE_ADDR="198.51.100.9")
    codes = hammer(lambda: client.post("/enterprises/signup/", {"username": "x"}), 4)
    assert 429 not in codes[:3] and codes[3] == 429


@override_settings(PORTAL_RATE_LIMITS=RATES)
def test_public_search_is_refused_after_its_rate():
    client = Client(REMOTE_ADDR="198.51.100.10")
    codes = hammer(lambda: client.get("/enterprises/public/pledges/", {"name": "家政"}), 4)
    assert codes[:3] == [200, 200, 200] and codes[3] == 429


def test_api_calls_are_throttled_at_the_rate_of_the_role(settings, client_for, province_user):
    rates = settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {**rates, "provincial": "2/minute"},
    }
    client = client_for(province_user)
    codes = hammer(lambda: client.get("/api/v1/reporting/rounds/"), 3)
    assert codes[:2] == [200, 200] and codes[2] == 429
    refused = client.get("/api/v1/reporting/rounds/")
    assert refused.json()["error"]["status"] == 429
