"""Detail pages offer "Change" and "Recognise" exactly to whom the rules and workflow allow."""

import pytest
from django.urls import reverse

from enterprises.services import pledges as pledge_service
from tests.factories import certificate, pledge_data

pytestmark = pytest.mark.django_db


def test_a_pledge_is_changeable_except_while_submitted_or_withdrawn(
    client_for, enterprise_user, enterprise, province_user
):
    pledge = pledge_service.create_pledge(enterprise, enterprise_user, pledge_data())
    owner = client_for(enterprise_user)
    detail = reverse("enterprises:pledge_detail", args=[pledge.pk])
    change = reverse("enterprises:pledge_edit", args=[pledge.pk])
    offered = {}
    for action, user in [(None, None), ("submit", enterprise_user), ("publish", province_user),
                         ("withdraw", enterprise_user)]:  # fmt: skip
        if action:
            pledge_service.PLEDGE.apply(pledge, action, user)
        offered[pledge.status] = change in owner.get(detail).text
        assert (owner.get(change).status_code == 200) == offered[pledge.status]
    assert offered == {"draft": True, "submitted": False, "published": True, "withdrawn": False}


def test_regulators_are_offered_recognition_and_enterprises_are_not(
    client_for, enterprise_user, enterprise, province_user
):
    pledge = pledge_service.create_pledge(enterprise, enterprise_user, pledge_data())
    detail = reverse("enterprises:pledge_detail", args=[pledge.pk])
    recognise = reverse("enterprises:recognise", args=[enterprise.pk])
    assert recognise in client_for(province_user).get(detail).text
    assert recognise not in client_for(enterprise_user).get(detail).text
    assert client_for(enterprise_user).get(recognise).status_code == 403


@pytest.mark.parametrize(
    ("status", "offered"),
    [("valid", True), ("suspended", True), ("expired", False), ("revoked", False)],
)
def test_a_certificate_is_changeable_while_live(client_for, enterprise_user, enterprise, status,
                                                offered):  # fmt: skip
    item = certificate(enterprise, status=status)
    page = client_for(enterprise_user).get(
        reverse("enterprises:certificate_detail", args=[item.pk])
    )
    assert (reverse("enterprises:certificate_edit", args=[item.pk]) in page.text) == offered
