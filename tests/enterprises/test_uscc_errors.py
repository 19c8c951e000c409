"""A wrong USCC is explained in the same words, in Chinese, wherever it is typed."""

import pytest
from django.urls import reverse
from django.utils import translation

from enterprises import uscc
from enterprises.services import imports
from tests.enterprises.test_import_files import row, xlsx

pytestmark = pytest.mark.django_db

WRONG_CHECK = "914403001922038217"  # the check character should be 6


def explanation(code):
    with pytest.raises(uscc.USCCError) as info:
        uscc.validate(code)
    with translation.override("zh-hans"):
        return str(info.value.message)


@pytest.mark.parametrize("code", [WRONG_CHECK, "9144030O1922038216", "91440300192203821"])
def test_registry_page_api_claim_and_import_give_the_rules_explanation(
    code, client_for, hq_user, province_user, enterprise_user
):
    expected = explanation(code)
    assert "18" in expected or "8" in expected

    page = client_for(hq_user).post(reverse("enterprises:create"), {"uscc": code, "name": "x"})
    assert page.context["form"].errors["uscc"] == [expected]

    api = client_for(hq_user).post(
        "/api/v1/enterprises/", {"uscc": code, "name": "x"}, content_type="application/json"
    )
    assert api.status_code == 400 and api.json()["error"]["fields"]["uscc"] == [expected]

    claim = client_for(enterprise_user).post(reverse("enterprises:mine"), {"uscc": code})
    assert claim.status_code == 400 and claim.context["form"].errors["uscc"] == [expected]

    with translation.override("zh-hans"):
        checked = imports.check_file(xlsx([row(code)]), province_user)
    assert [p.column for p in checked.problems] == ["统一社会信用代码"]
    assert expected in checked.problems[0].message
