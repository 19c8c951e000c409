"""The API contract (issue 8, finding 12): strict input, 400 for bad cursors, sane rounds."""

import datetime

import pytest
from django.test import override_settings

from reporting.models import Round
from tests.factories import act_for, declaration

pytestmark = pytest.mark.django_db
ROUNDS = "/api/v1/reporting/rounds/"


def round_data(**overrides):
    data = {"title": "2021年度", "period_start": "2021-01-01", "period_end": "2021-10-31",
            "opens_on": "2021-11-01", "due_date": "2021-11-30"}  # fmt: skip
    return data | overrides


@pytest.mark.parametrize("url", ["/api/v1/enterprises/", "/api/v1/reporting/rounds/"])
def test_an_invalid_cursor_is_a_400_naming_the_parameter(client_for, hq_user, url):
    response = client_for(hq_user).get(url, {"cursor": "not-a-cursor"})
    assert response.status_code == 400
    assert "cursor" in response.json()["error"]["fields"]


def test_a_decided_front_runner_is_not_flipped_by_a_form_post(
    client_for, enterprise_user, province_user
):
    item = declaration(act_for(enterprise_user), [(99, 95, True)])
    client = client_for(province_user)
    base = f"/api/v1/declarations/{item.pk}"
    assert client.post(f"{base}/confirm/", {}).json()["front_runner"] == "confirmed"
    assert client.post(f"{base}/decline/", {}).status_code == 400  # multipart, already decided
    revoked = client.post(f"{base}/revoke/", {})  # the reason is required
    assert revoked.status_code == 400
    item.refresh_from_db()
    assert item.front_runner == "confirmed"


def test_a_sensible_round_is_created(client_for, hq_user):
    response = client_for(hq_user).post(ROUNDS, round_data(), content_type="application/json")
    assert response.status_code == 201, response.json()


@pytest.mark.parametrize(
    ("field", "overrides"),
    [
        ("period_start", {"period_start": "0321-01-01"}),
        ("period_start", {"period_start": "1999-12-31"}),
        ("due_date", {"due_date": f"{datetime.date.today().year + 11}-01-01"}),
        ("period_end", {"period_end": "2021-01-27"}),  # 27 days
        ("opens_on", {"opens_on": "2021-10-31"}),  # the period's last day
        ("due_date", {"due_date": "2021-11-01"}),  # the opening day
    ],
)
def test_a_round_with_absurd_dates_is_refused(client_for, hq_user, field, overrides):
    response = client_for(hq_user).post(
        ROUNDS, round_data(**overrides), content_type="application/json"
    )
    assert response.status_code == 400
    assert field in response.json()["error"]["fields"]
    assert not Round.objects.filter(title="2021年度").exists()


def test_the_edges_of_the_round_rules_are_accepted(client_for, hq_user):
    edges = round_data(period_start="2000-01-01", period_end="2000-01-28",
                       opens_on="2000-01-29", due_date="2000-01-30")  # fmt: skip
    response = client_for(hq_user).post(ROUNDS, edges, content_type="application/json")
    assert response.status_code == 201, response.json()


@override_settings(PORTAL_ROUND_FIRST_YEAR=2021)
def test_the_first_year_is_a_setting(client_for, hq_user):
    early = round_data(period_start="2020-12-01")
    response = client_for(hq_user).post(ROUNDS, early, content_type="application/json")
    assert "2021" in response.json()["error"]["fields"]["period_start"][0]


@pytest.fixture(scope="module")
def schema(django_db_blocker):
    from drf_spectacular.generators import SchemaGenerator

    with django_db_blocker.unblock():
        return SchemaGenerator().get_schema(request=None, public=True)


def test_the_schema_says_a_pledge_may_have_no_published_revision(schema):
    field = schema["components"]["schemas"]["Pledge"]["properties"]["published_revision"]
    assert field.get("nullable") or {"type": "null"} in field.get("oneOf", [])


@pytest.mark.parametrize(
    "path", ["/api/v1/reporting/reports/{id}/texts/", "/api/v1/declarations/{id}/{transition}/"]
)
def test_actions_document_their_request_body(schema, path):
    assert "requestBody" in schema["paths"][path]["post"]


def test_every_operation_documents_its_errors_with_the_error_shape(schema):
    error = {"$ref": "#/components/schemas/Error"}
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            expected = {"400", "403", "429"} | ({"404"} if "{" in path else set())
            if method in ("post", "put", "patch"):
                expected |= {"413", "415"}
            responses = operation["responses"]
            assert expected <= set(responses), (method, path)
            assert responses["403"]["content"]["application/json"]["schema"] == error
