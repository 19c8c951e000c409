"""Fixtures every app's tests share: users of each role, in two jurisdictions."""

import pytest

from portal.reference_data import ensure_loaded
from tests import factories


@pytest.fixture(autouse=True)
def _reference_data(request):
    """Transactional tests empty every table; put the reference data back first."""
    if {"transactional_db", "live_server"} & set(request.fixturenames):
        ensure_loaded()


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


@pytest.fixture
def client_for(client):
    """Log a client in as a user: ``client_for(user)``."""

    def login(user):
        client.force_login(user)
        return client

    return login
