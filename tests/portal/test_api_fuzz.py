"""schemathesis against the portal's own OpenAPI schema, in process, as each role.

Every operation gets a bounded number of generated requests, valid and invalid, through the
WSGI application on the test database, and every check schemathesis has must pass: no 5xx,
every status documented, every answer (errors included) in the documented shape, invalid
input refused, authentication enforced. `make fuzz` runs the same with more examples
(FUZZ_EXAMPLES).
"""

import os

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.core.failures import FailureGroup

from enterprises.models import EnterpriseMembership, Pledge
from portal.api_tokens import issue
from tests import factories, scope_objects

pytestmark = pytest.mark.django_db
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "25"))
ROLES = ("headquarters", "provincial", "enterprise", "anonymous")
# A schema-valid request may still be refused with 400 for what a schema cannot say: an id
# that does not exist or is outside the user's scope, an unreadable cursor, a rule between
# fields (a round's dates). The answer must still be the documented error shape.
ACCEPTED_FOR_VALID_DATA = ["2xx", "400", "401", "403", "404", "409", "429"]


def _user_of(role):
    if role == "headquarters":
        return factories.headquarters_user()
    if role == "provincial":
        return factories.provincial_user("440000")
    member = factories.enterprise_user()
    enterprise = Pledge.objects.filter(enterprise__reporting_unit__code="440000").first().enterprise
    EnterpriseMembership.objects.create(
        user=member, enterprise=enterprise, status=EnterpriseMembership.Status.APPROVED
    )
    return member


@pytest.fixture
def world_ids(db):
    """One object of every model in Guangdong and in Zhejiang; the ids they were given."""
    made = [
        scope_objects.make_model(label, unit)
        for unit in ("440000", "330000")
        for label in scope_objects.MAKERS
    ]
    return sorted({obj.pk for obj in made if isinstance(obj.pk, int)})


@pytest.fixture(params=ROLES)
def token(request, world_ids, settings):
    """The role's API token (staff need a second factor for a session; a token stands for it)."""
    # The throttles have their own tests; here they would only hide the operations behind 429s.
    settings.REST_FRAMEWORK = settings.REST_FRAMEWORK | {"DEFAULT_THROTTLE_CLASSES": []}
    if request.param == "anonymous":
        return None
    return issue(_user_of(request.param), "fuzz", 30)[1]


@pytest.fixture
def wsgi_app():
    """The WSGI application; like Django's test client it leaves the test's connection open."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield get_wsgi_application()
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


def load_schema(app, token, world_ids):
    """The schema as the app serves it; ids in paths are often ones the world holds."""
    acceptance = {"expected-statuses": ACCEPTED_FOR_VALID_DATA}
    config = {"checks": {"positive_data_acceptance": acceptance}}
    if token:
        config["auth"] = {"openapi": {"tokenAuth": {"api_key": f"Token {token}"}}}
    schema = schemathesis.openapi.from_wsgi(
        "/api/v1/schema/", app, config=schemathesis.Config.from_dict(config)
    )

    @schema.hook("flatmap_path_parameters")
    def existing_ids(context, path_parameters):
        if "id" not in (path_parameters or {}):
            return st.just(path_parameters)
        known = st.sampled_from(world_ids).map(lambda pk: path_parameters | {"id": pk})
        return known | st.just(path_parameters)

    return schema


def fuzz(operation):
    """Send one operation's generated requests; raise the first failure, shrunk."""
    strategy = operation.as_strategy(GenerationMode.POSITIVE) | operation.as_strategy(
        GenerationMode.NEGATIVE
    )

    @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))  # fmt: skip
    @given(case=strategy)
    def run(case):
        case.call_and_validate()

    run()


def test_every_operation_answers_as_the_schema_says(wsgi_app, token, world_ids):
    failures = []
    for result in load_schema(wsgi_app, token, world_ids).get_all_operations():
        operation = result.ok()
        try:
            fuzz(operation)
        except (Exception, FailureGroup) as failure:  # every operation is tried, all reported
            failures.append(f"{operation.label}: {failure}")
    assert not failures, "\n\n".join(failures)
