"""The public evaluation form: no login, the enterprise by USCC, the code, scores, consent."""

import time

import pytest
from django.core import signing

from monitoring.models import Evaluation
from portal.form_guard import SALT
from tests import factories

pytestmark = pytest.mark.django_db
URL = "/monitoring/evaluations/new/"


class _Earlier(signing.TimestampSigner):
    def timestamp(self):
        return signing.b62_encode(int(time.time()) - 10)


def form_data(enterprise, code, **overrides):
    data = {
        "form_token": _Earlier(salt=SALT).sign("form"),
        "website": "",
        "uscc": enterprise.uscc,
        "code": code,
        "overall": "5",
        "aspect_service": "5",
        "aspect_quality": "4",
        "aspect_environment": "4",
        "aspect_price": "3",
        "comment": "服务周到，上菜很快。",
        "consent": "on",
    }
    data.update(overrides)
    return data


def errors(response):
    return response.context["form"].errors


def test_an_evaluation_with_a_code_is_published(client):
    enterprise = factories.EnterpriseFactory()
    code = factories.evaluation_codes(enterprise, size=1).codes[0]
    response = client.post(URL, form_data(enterprise, code.lower().replace("-", " ")))
    assert response.status_code == 302 and "held" not in response["Location"]
    evaluation = Evaluation.objects.get()
    assert (evaluation.status, evaluation.overall) == ("released", 5)
    assert evaluation.aspects == {"service": 5, "quality": 4, "environment": 4, "price": 3}


def test_the_form_shows_the_configured_aspects(client, settings):
    settings.PORTAL_EVALUATION_ASPECTS = [("hygiene", "卫生状况")]
    page = client.get(URL).content.decode()
    assert 'name="aspect_hygiene"' in page and 'name="aspect_service"' not in page


def test_an_unregistered_enterprise_is_named_as_such(client):
    missing = factories.random_uscc()
    enterprise = factories.EnterpriseFactory()
    response = client.post(URL, form_data(enterprise, "ABCD-EFGH-JKMN", uscc=missing))
    assert "未登记" in errors(response)["uscc"][0] or "registered" in errors(response)["uscc"][0]
    assert not Evaluation.objects.exists()


def test_a_mistyped_uscc_says_which_rule_it_breaks(client):
    enterprise = factories.EnterpriseFactory()
    bad = enterprise.uscc[:-1] + ("0" if enterprise.uscc[-1] != "0" else "1")
    response = client.post(URL, form_data(enterprise, "ABCD-EFGH-JKMN", uscc=bad))
    assert errors(response)["uscc"]


@pytest.mark.usefixtures("english")
def test_a_code_used_twice_is_refused_on_the_code_field(client):
    enterprise = factories.EnterpriseFactory()
    code = factories.evaluation_codes(enterprise, size=1).codes[0]
    client.post(URL, form_data(enterprise, code))
    response = client.post(URL, form_data(enterprise, code, comment="第二次"))
    assert "already been used" in errors(response)["code"][0]
    assert Evaluation.objects.count() == 1


@pytest.mark.usefixtures("english")
def test_a_wrong_code_does_not_say_whether_codes_exist(client):
    enterprise = factories.EnterpriseFactory()
    factories.evaluation_codes(enterprise, size=1)
    response = client.post(URL, form_data(enterprise, "ABCD-EFGH-JKMN"))
    assert errors(response)["code"] == [
        "This code is not valid for this enterprise, or it has expired. Check it on your receipt."
    ]


def test_scores_outside_one_to_five_and_missing_consent_are_named(client):
    enterprise = factories.EnterpriseFactory()
    code = factories.evaluation_codes(enterprise, size=1).codes[0]
    data = form_data(enterprise, code, overall="6", aspect_price="")
    del data["consent"]
    response = client.post(URL, data)
    assert {"overall", "aspect_price", "consent"} <= set(errors(response))
    assert not Evaluation.objects.exists()


def test_a_comment_over_the_limit_is_refused_and_kept(client):
    enterprise = factories.EnterpriseFactory()
    code = factories.evaluation_codes(enterprise, size=1).codes[0]
    response = client.post(URL, form_data(enterprise, code, comment="好" * 1001))
    assert "comment" in errors(response)
    assert response.context["form"]["comment"].value() == "好" * 1001


def test_the_form_is_rate_limited_per_address(client, settings):
    settings.PORTAL_RATE_LIMITS = {**settings.PORTAL_RATE_LIMITS, "evaluation": "2/hour"}
    enterprise = factories.EnterpriseFactory()
    for _ in range(2):
        client.post(URL, form_data(enterprise, "ABCD-EFGH-JKMN"))
    assert client.post(URL, form_data(enterprise, "ABCD-EFGH-JKMN")).status_code == 429


def test_a_robot_filling_the_honeypot_is_refused(client):
    enterprise = factories.EnterpriseFactory()
    code = factories.evaluation_codes(enterprise, size=1).codes[0]
    client.post(URL, form_data(enterprise, code, website="http://spam.example"))
    assert not Evaluation.objects.exists()
