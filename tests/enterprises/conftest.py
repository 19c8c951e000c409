"""Fixtures the enterprises tests share: enterprises in two provinces and one acted for."""

import pytest

from tests.factories import EnterpriseFactory, act_for


@pytest.fixture
def gd(db):
    """A Guangdong restaurant."""
    return EnterpriseFactory(name="广州华美餐饮有限公司", division_code="440106")


@pytest.fixture
def zj(db):
    """A Zhejiang hotel: outside Guangdong's scope."""
    return EnterpriseFactory(name="杭州西湖酒店有限公司", division_code="330106")


@pytest.fixture
def enterprise(enterprise_user):
    """The enterprise that ``enterprise_user`` acts for (an approved claim)."""
    return act_for(enterprise_user)
