"""An enterprise user without an approved claim is sent to claim first, on every filing page."""

import pytest

from tests.factories import EnterpriseFactory, MembershipFactory
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


@pytest.mark.django_db
def test_with_a_claim_waiting_the_page_says_whose_approval_it_waits_for(client, enterprise_user):
    shop = EnterpriseFactory(name="广州待审餐饮有限公司")
    MembershipFactory(user=enterprise_user, enterprise=shop, status="pending")
    log_in(client, enterprise_user)
    page = client.get("/enterprises/pledges/new/", follow=True).content.decode()
    assert "广州待审餐饮有限公司" in page and "广东省" in page and "待" in page
    assert "请先认领您的企业" not in page
