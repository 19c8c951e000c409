"""The credit API: read-only for staff, rows within the caller's scope."""

import pytest

from tests.factories import EnterpriseFactory, abnormal_entry, serious_entry

pytestmark = pytest.mark.django_db


def test_staff_read_their_jurisdictions_rows(
    gd_enterprise, province_user, second_officer, other_province_user, client_for
):
    listing = serious_entry(gd_enterprise, province_user, second_officer)
    entry = abnormal_entry(gd_enterprise, province_user, second_officer)
    mine = client_for(province_user).get("/api/v1/serious-listings/").json()
    assert [row["id"] for row in mine["results"]] == [listing.pk]
    assert mine["results"][0]["enterprise_uscc"] == gd_enterprise.uscc
    penalties = client_for(province_user).get("/api/v1/penalties/").json()["results"]
    assert [row["id"] for row in penalties] == [listing.penalty_id]
    theirs = client_for(other_province_user).get("/api/v1/abnormal-listings/").json()
    assert theirs["results"] == []
    assert (
        client_for(province_user).get(f"/api/v1/abnormal-listings/{entry.pk}/").status_code == 200
    )


def test_enterprise_users_and_writes_are_refused(enterprise_user, province_user, client_for):
    abnormal_entry(EnterpriseFactory(), province_user)
    assert client_for(enterprise_user).get("/api/v1/abnormal-listings/").status_code == 403
    response = client_for(province_user).post("/api/v1/penalties/", {})
    assert response.status_code == 405
