"""Text limits: the limit is accepted, one character more is refused with the limit and the length;
a 10 MB body is refused cleanly."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from portal.limits import PLEDGE_TEXT, REASON, REPORT_SECTION
from reporting.models import Measure

pytestmark = pytest.mark.django_db

TEN_MB = 10 * 1024 * 1024


def test_a_report_section_in_the_page_takes_the_limit_and_refuses_one_more(
    client_for, other_province_user, zhejiang_report
):
    client = client_for(other_province_user)
    url = reverse("reporting:report_edit", args=[zhejiang_report.pk])
    accepted = client.post(url, {"lock_version": 1, "task-1": "文" * REPORT_SECTION})
    assert accepted.status_code == 302
    refused = client.post(url, {"lock_version": 2, "task-1": "字" * (REPORT_SECTION + 1)})
    assert refused.status_code == 200
    assert "20000" in refused.text and "20001" in refused.text  # limit and length given
    assert "字" * (REPORT_SECTION + 1) in refused.text  # nothing typed is lost
    zhejiang_report.refresh_from_db()
    assert zhejiang_report.texts["task-1"] == "文" * REPORT_SECTION


def test_a_report_section_through_the_api_says_the_field_the_limit_and_the_length(
    client_for, other_province_user, zhejiang_report
):
    client = client_for(other_province_user)
    url = f"/api/v1/reporting/reports/{zhejiang_report.pk}/texts/"
    at_limit = {"lock_version": 1, "texts": {"task-1": "文" * REPORT_SECTION}}
    assert client.post(url, at_limit, content_type="application/json").status_code == 200
    over = {"lock_version": 2, "texts": {"task-1": "文" * (REPORT_SECTION + 1)}}
    refused = client.post(url, over, content_type="application/json")
    assert refused.status_code == 400
    message = str(refused.json()["error"]["fields"]["texts"])
    assert "task-1" in message and "20000" in message and "20001" in message


def test_the_api_limit_message_is_in_english_when_asked(
    client_for, other_province_user, zhejiang_report
):
    client = client_for(other_province_user)
    url = f"/api/v1/reporting/reports/{zhejiang_report.pk}/texts/"
    over = {"lock_version": 1, "texts": {"task-1": "x" * (REPORT_SECTION + 1)}}
    refused = client.post(url, over, content_type="application/json", HTTP_ACCEPT_LANGUAGE="en")
    assert "no more than 20000 characters (it has 20001)" in str(refused.json())
    chinese = client.post(url, over, content_type="application/json")
    assert "20000" in str(chinese.json()) and "characters" not in str(chinese.json())


def test_a_measure_description_is_limited_in_the_model(zhejiang_report):
    measure = Measure(
        reporting_unit=zhejiang_report.reporting_unit,
        task=1,
        kind=Measure.Kind.choices[0][0],
        name="试点",
        description="文" * PLEDGE_TEXT,
        started_on=zhejiang_report.round.period_start,
    )
    measure.clean_fields(exclude=["round", "reporting_unit"])
    measure.description += "文"
    with translation.override("zh-hans"), pytest.raises(ValidationError) as refused:
        measure.clean_fields(exclude=["round", "reporting_unit"])
    assert "5000" in str(refused.value) and "5001" in str(refused.value)


def test_a_return_reason_is_limited_in_the_form(client_for, hq_user, guangdong_report):
    from portal.workflow_views import TransitionForm

    assert TransitionForm({"action": "return", "reason": "改" * REASON}).is_valid()
    form = TransitionForm({"action": "return", "reason": "改" * (REASON + 1)})
    assert not form.is_valid()
    assert "2000" in str(form.errors["reason"]) and "2001" in str(form.errors["reason"])


def test_a_ten_megabyte_form_body_is_refused_with_our_page(client):
    response = client.post(
        "/accounts/login/", {"username": "x", "password": "y" * TEN_MB}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 413
    assert 'data-testid="error-page"' in response.text and "3 MB" in response.text


def test_a_ten_megabyte_api_body_is_refused_as_json(
    client_for, other_province_user, zhejiang_report
):
    client = client_for(other_province_user)
    url = f"/api/v1/reporting/reports/{zhejiang_report.pk}/texts/"
    body = {"lock_version": 1, "texts": {"task-1": "x" * TEN_MB}}
    response = client.post(url, body, content_type="application/json")
    assert response.status_code in (400, 413)
    assert response.json()["error"]["status"] == response.status_code
    zhejiang_report.refresh_from_db()
    assert zhejiang_report.texts.get("task-1", "") == ""


def test_a_former_name_is_limited_per_line():
    from enterprises.forms.registry import FormerNamesField

    field = FormerNamesField(required=False)
    assert field.clean("甲" * 200 + "\n乙") == ["甲" * 200, "乙"]
    with translation.override("zh-hans"):
        with pytest.raises(ValidationError) as refused:
            field.clean("乙\n" + "甲" * 201)
        message = str(refused.value)
    assert "第 2 行" in message and "201" in message


def test_a_name_over_200_characters_is_refused_naming_the_field(client_for, hq_user):
    from reporting.models import Round

    data = {
        "title": "轮" * 200,
        "period_start": "2020-11-01",
        "period_end": "2021-10-31",
        "opens_on": "2021-11-01",
        "due_date": "2021-11-30",
        "included": ["task-1", "attachments"],
    }
    client = client_for(hq_user)
    assert client.post(reverse("reporting:round_create"), data).status_code == 302
    data["title"] = "次" * 201
    refused = client.post(reverse("reporting:round_create"), data)
    assert refused.status_code == 200
    error = refused.text.split('class="error" role="alert">', 1)[1].split("</p>", 1)[0]
    assert error.startswith("标题") and "200" in error and "201" in error
    assert not Round.objects.filter(title="次" * 201).exists()
