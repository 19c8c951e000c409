"""Enterprise accounts: claims by USCC, decisions by the right regulator, e-mail."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from enterprises.models import EnterpriseMembership
from enterprises.services import claims
from portal.audit import history_for
from portal.models import User
from portal.scoping import enterprise_ids
from tests.factories import MembershipFactory


def test_claim_by_uscc(client_for, enterprise_user, gd):
    response = client_for(enterprise_user).post(
        reverse("enterprises:mine"), {"uscc": gd.uscc.lower()}
    )
    assert response.status_code == 302
    membership = EnterpriseMembership.objects.get(user=enterprise_user)
    assert membership.enterprise == gd and membership.status == "pending"
    assert history_for(membership).get().action == "create"


@pytest.mark.parametrize(
    ("code", "text"),
    [("914403001922038216", "企业名录"), ("914403001922038217", "18"), ("x' OR 1=1 --", "")],
)
def test_claim_refused_with_a_clear_message(client_for, enterprise_user, code, text):
    response = client_for(enterprise_user).post(reverse("enterprises:mine"), {"uscc": code})
    errors = response.context["form"].errors["uscc"]
    assert response.status_code == 400 and text in str(errors)
    assert not EnterpriseMembership.objects.exists()


def test_claim_twice_is_refused(client_for, enterprise_user, gd):
    client = client_for(enterprise_user)
    client.post(reverse("enterprises:mine"), {"uscc": gd.uscc})
    assert client.post(reverse("enterprises:mine"), {"uscc": gd.uscc}).status_code == 400
    assert EnterpriseMembership.objects.count() == 1


def test_staff_cannot_claim(hq_user, gd):
    with pytest.raises(ValidationError):
        claims.claim(hq_user, gd.uscc)


def test_regulator_sees_claims_of_own_jurisdiction_only(client_for, province_user, gd, zj):
    mine, other = MembershipFactory(enterprise=gd), MembershipFactory(enterprise=zj)
    page = client_for(province_user).get(reverse("enterprises:claims"))
    assert [m.pk for m in page.context["page"]] == [
        mine.pk
    ] and other.enterprise.name not in page.text


def test_approve_lets_the_user_act_for_the_enterprise(
    client_for, province_user, gd, mailoutbox, django_capture_on_commit_callbacks
):
    membership = MembershipFactory(enterprise=gd)
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(province_user).post(
            reverse("enterprises:claim_decide", args=[membership.pk]), {"action": "approve"}
        )
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.status == "approved" and membership.decided_by == province_user
    assert enterprise_ids(User.objects.get(pk=membership.user_id)) == [gd.pk]
    assert len(mailoutbox) == 1 and mailoutbox[0].to == [membership.user.email]
    assert "已通过" in mailoutbox[0].subject
    assert history_for(membership).filter(action="update").get().changes["status"] == [
        "pending",
        "approved",
    ]


def test_reject_needs_a_reason_and_mails_it(
    client_for, province_user, gd, mailoutbox, django_capture_on_commit_callbacks
):
    membership = MembershipFactory(enterprise=gd)
    client = client_for(province_user)
    url = reverse("enterprises:claim_decide", args=[membership.pk])
    client.post(url, {"action": "reject", "reason": " "})
    membership.refresh_from_db()
    assert membership.status == "pending" and not mailoutbox
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"action": "reject", "reason": "营业执照信息不符"})
    membership.refresh_from_db()
    assert membership.status == "rejected" and "营业执照信息不符" in mailoutbox[0].body


def test_other_jurisdiction_cannot_decide(client_for, other_province_user, gd):
    membership = MembershipFactory(enterprise=gd)
    url = reverse("enterprises:claim_decide", args=[membership.pk])
    assert client_for(other_province_user).post(url, {"action": "approve"}).status_code == 404
    membership.refresh_from_db()
    assert membership.status == "pending"


def test_decided_claim_cannot_be_decided_again(client_for, hq_user, gd, mailoutbox):
    membership = MembershipFactory(enterprise=gd, status="rejected", reason="x")
    client_for(hq_user).post(
        reverse("enterprises:claim_decide", args=[membership.pk]), {"action": "approve"}
    )
    membership.refresh_from_db()
    assert membership.status == "rejected" and not mailoutbox


def test_enterprise_users_cannot_decide_or_review(client_for, enterprise_user, gd):
    membership = MembershipFactory(enterprise=gd, user=enterprise_user)
    client = client_for(enterprise_user)
    assert (
        client.post(
            reverse("enterprises:claim_decide", args=[membership.pk]), {"action": "approve"}
        ).status_code
        == 404
    )
    assert client.get(reverse("enterprises:claims")).status_code == 403


def test_bad_decision_value(client_for, hq_user, gd):
    membership = MembershipFactory(enterprise=gd)
    client_for(hq_user).post(
        reverse("enterprises:claim_decide", args=[membership.pk]), {"action": "<b>"}
    )
    membership.refresh_from_db()
    assert membership.status == "pending"


def test_mine_shows_enterprises_and_claims(client_for, enterprise_user, gd, zj):
    MembershipFactory(user=enterprise_user, enterprise=gd, status="approved")
    MembershipFactory(user=enterprise_user, enterprise=zj)
    page = client_for(enterprise_user).get(reverse("enterprises:mine"))
    assert page.context["enterprises"] == [gd] and len(page.context["memberships"]) == 2


def test_mine_is_for_enterprise_users(client, client_for, province_user):
    assert client_for(province_user).get(reverse("enterprises:mine")).status_code == 403
