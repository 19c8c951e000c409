"""Fixtures every app's tests share: users of each role, in two jurisdictions."""

import pytest
from django.conf import settings
from django.core.cache import cache
from django.utils import translation

from complaints.models import Ground, RuleSet
from complaints.rule_sets import ensure_rule_sets
from portal.reference_data import ensure_loaded
from reporting.defaults import ensure_default_rounds
from reporting.models import Milestone, Round
from tests import factories, logins


def _is_transactional(request):
    marker = request.node.get_closest_marker("django_db")
    if marker and marker.kwargs.get("transaction"):
        return True
    return bool({"transactional_db", "live_server"} & set(request.fixturenames))


@pytest.fixture(autouse=True)
def _reference_data(request):
    """Transactional tests empty every table; put the data migrations' rows back first."""
    if _is_transactional(request):
        request.getfixturevalue("transactional_db")
        ensure_loaded()
        ensure_default_rounds(Round, Milestone)
        ensure_rule_sets(RuleSet, Ground)


@pytest.fixture
def hq_user(db):
    """Headquarters staff (SAMR)."""
    return factories.headquarters_user(username="hq")


@pytest.fixture
def province_user(db):
    """Market-supervision staff of Guangdong (440000)."""
    return factories.provincial_user("440000", username="gd")


@pytest.fixture
def other_province_user(db):
    """Market-supervision staff of Zhejiang (330000): outside Guangdong's scope."""
    return factories.provincial_user("330000", username="zj")


@pytest.fixture
def enterprise_user(db):
    """An enterprise user with no approved claim yet."""
    return factories.enterprise_user(username="ent")


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the default language: a request in English leaves English active
    in its thread (LocaleMiddleware does not reset it), which later code would inherit."""
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """Rate-limit counters live in the cache: each test starts with none (this worker's only)."""
    client = cache._cache.get_client(write=True)
    for key in client.scan_iter(match=f"{settings.CACHES['default']['KEY_PREFIX']}:*"):
        client.delete(key)


@pytest.fixture
def english(settings):
    """English messages, for tests that read them (``pytest.mark.usefixtures("english")``)."""
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


@pytest.fixture
def client_for(client):
    """Log a client in as a user, second factor verified for staff: ``client_for(user)``."""

    def login(user):
        return logins.log_in(client, user)

    return login
