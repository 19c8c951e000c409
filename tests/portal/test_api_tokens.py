"""API tokens: issued only to a verified session, shown once, stored hashed, expire, revoked."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from portal import api_tokens
from portal.models import ApiToken, AuditEntry
from tests.factories import PASSWORD
from tests.logins import log_in


def issue_on_the_page(client, name="nightly export"):
    response = client.post("/accounts/tokens/", {"name": name, "days": "30"})
    assert response.status_code == 200
    return re.search(r"<code>(sqp_[\w-]+)</code>", response.content.decode()).group(1)


def me(client, key):
    return client.get("/api/v1/users/me/", HTTP_AUTHORIZATION=f"Token {key}")


@pytest.mark.django_db
def test_a_verified_session_issues_a_token_that_works_and_is_stored_hashed(client, province_user):
    log_in(client, province_user)
    key = issue_on_the_page(client)
    token = ApiToken.objects.get(user=province_user)
    assert token.digest != key and key not in str(ApiToken.objects.values().get())
    assert token.expires_at - timezone.now() > timedelta(days=29)
    client.logout()
    response = me(client, key)
    assert response.status_code == 200 and response.json()["username"] == "gd"
    log_in(client, province_user)
    listing = client.get("/accounts/tokens/").content.decode()
    assert "nightly export" in listing and key not in listing
    token.refresh_from_db()
    assert token.last_used_at is not None
    assert (
        token.last_used_at.astimezone(timezone.get_current_timezone()).strftime("%Y-%m-%d %H:%M")
        in listing
    )


@pytest.mark.django_db
def test_an_expired_token_is_refused(client, province_user):
    token, key = api_tokens.issue(province_user, "old", days=30)
    ApiToken.objects.filter(pk=token.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    response = me(client, key)
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "authentication_failed"


@pytest.mark.django_db
def test_a_revoked_token_is_refused_at_once(client, province_user):
    log_in(client, province_user)
    key = issue_on_the_page(client)
    token = ApiToken.objects.get(user=province_user)
    assert me(client.__class__(), key).status_code == 200
    client.post(f"/accounts/tokens/{token.pk}/revoke/")
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert me(client.__class__(), key).status_code == 403
    events = AuditEntry.objects.filter(object_id=str(token.pk), content_type__model="apitoken")
    assert set(events.values_list("action", flat=True)) == {"token_issue", "token_revoke"}
    assert all(e.actor == province_user for e in events)


@pytest.mark.django_db
def test_nobody_revokes_another_users_token(client, province_user, other_province_user):
    token, key = api_tokens.issue(other_province_user, "theirs", days=30)
    log_in(client, province_user)
    assert client.post(f"/accounts/tokens/{token.pk}/revoke/").status_code == 404
    assert me(client.__class__(), key).status_code == 200


@pytest.mark.django_db
def test_an_unverified_session_cannot_create_a_token(client, enterprise_user, province_user):
    client.post("/accounts/login/", {"username": "ent", "password": PASSWORD})
    page = client.get("/accounts/tokens/")
    assert page.status_code == 200 and 'data-testid="needs-second-factor"' in page.content.decode()
    refused = client.post("/accounts/tokens/", {"name": "x", "days": "30"})
    assert refused.status_code == 403
    client.post("/accounts/logout/")
    client.post("/accounts/login/", {"username": "gd", "password": PASSWORD})
    staff = client.post("/accounts/tokens/", {"name": "x", "days": "30"})
    assert staff.status_code == 302 and "/accounts/two-factor/" in staff["Location"]
    assert not ApiToken.objects.exists()
