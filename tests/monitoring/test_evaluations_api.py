"""/api/v1/evaluations/: staff read their jurisdiction's and release; enterprises read theirs."""

import pytest
from rest_framework.test import APIClient

from tests import factories

pytestmark = pytest.mark.django_db
URL = "/api/v1/evaluations/"


def api(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def ids(response):
    assert response.status_code == 200, response.content
    return {row["id"] for row in response.json()["results"]}


def test_staff_read_their_jurisdiction_held_ones_included(province_user, other_province_user):
    held = factories.held_evaluation()
    released = factories.evaluation(held.enterprise)
    assert ids(api(province_user).get(URL)) >= {held.pk, released.pk}
    assert ids(api(province_user).get(URL, {"status": "held"})) == {held.pk}
    assert ids(api(other_province_user).get(URL)) == set()


def test_enterprises_read_only_their_published_evaluations(enterprise_user):
    held = factories.held_evaluation()
    factories.act_for(enterprise_user, held.enterprise)
    factories.evaluation()
    got = ids(api(enterprise_user).get(URL))
    assert held.pk not in got and len(got) == 1


def test_a_regulator_releases_through_the_api_and_another_province_cannot(
    province_user, other_province_user
):
    held = factories.held_evaluation()
    refused = api(other_province_user).post(f"{URL}{held.pk}/release/", {"reason": "x"})
    assert refused.status_code == 404
    done = api(province_user).post(f"{URL}{held.pk}/release/", {"reason": "核实无误"})
    assert done.status_code == 200 and done.json()["status"] == "released"
