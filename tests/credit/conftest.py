"""Fixtures of the credit tests: two officers of Guangdong, so one can confirm the other."""

import pytest

from tests import factories


@pytest.fixture
def second_officer(db):
    """Another market-supervision officer of Guangdong (440000): the one who confirms."""
    return factories.provincial_user("440000", username="gd2")


@pytest.fixture
def gd_enterprise(db):
    return factories.EnterpriseFactory(name="广州失信测试服务有限公司")
