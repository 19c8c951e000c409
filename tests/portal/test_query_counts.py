"""Requests cost the same few queries for every role, however many rows a page shows.

The signed-in user comes with their agency and unit (portal.lockout.LockoutBackend.get_user,
portal.api_tokens.TokenAuthentication), which the scoping rule reads on every request.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal import api_tokens
from tests import factories

pytestmark = pytest.mark.django_db
PAGES = ["/api/v1/enterprises/", "/enterprises/", "/dashboard/"]


def queries(client, path, **headers):
    client.get(path, **headers)  # the first request of a session may write it
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path, **headers).status_code == 200
    return len(captured)


def counts(client, rows):
    factories.EnterpriseFactory.create_batch(rows)
    return {path: queries(client, path) for path in PAGES}


@pytest.mark.parametrize("role", ["headquarters", "provincial"])
def test_pages_cost_the_same_queries_for_one_row_or_thirty(
    client_for, hq_user, province_user, role
):
    client = client_for(hq_user if role == "headquarters" else province_user)
    assert counts(client, 1) == counts(client, 29)


def test_a_provincial_user_costs_no_more_queries_than_headquarters(
    client_for, hq_user, province_user
):
    factories.EnterpriseFactory.create_batch(3)
    for path in PAGES:
        assert queries(client_for(province_user), path) <= queries(client_for(hq_user), path), path


def test_a_token_request_loads_its_user_agency_and_unit_in_one_query(client, province_user):
    _token, key = api_tokens.issue(province_user, "统计", days=30)
    factories.EnterpriseFactory.create_batch(3)
    header = {"HTTP_AUTHORIZATION": f"Token {key}"}
    assert queries(client, "/api/v1/enterprises/", **header) == 2  # the token, the page
