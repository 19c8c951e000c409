"""An enterprise user without an approved claim is sent to claim first, on every filing page."""

import pytest

from tests.logins import log_in


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "back_to"),
    [
        ("/enterprises/pledges/new/", "/enterprises/pledges/mine/"),
        ("/enterprises/standards/new/", "/enterprises/standards/mine/"),
        ("/enterprises/certificates/new/", "/enterprises/certificates/mine/"),
    ],
)
def test_filing_without_a_claim_says_to_claim_first(client, enterprise_user, url, back_to):
    log_in(client, enterprise_user)
    response = client.get(url, follow=True)
    assert response.redirect_chain == [(back_to, 302)]
    assert "认领" in response.content.decode()
