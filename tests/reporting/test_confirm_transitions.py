"""Returning and accepting a report look different and are confirmed first, without JavaScript."""

import re

import pytest
from django.urls import reverse

from reporting.models import ProgressReport
from reporting.services.reports import REPORT

COMMENT = "请补充第三部分服务质量监测的数据来源。"


@pytest.fixture
def submitted(guangdong_report, province_user):
    REPORT.apply(guangdong_report, "review", province_user)
    REPORT.apply(guangdong_report, "submit", province_user)
    return guangdong_report


def status(report):
    return ProgressReport.objects.get(pk=report.pk).status


def button_classes(page, action):
    return re.search(rf'<button type="submit" class="([^"]*)"[^>]*value="{action}"', page)[1]


def test_return_and_accept_buttons_look_different(client_for, hq_user, submitted):
    page = client_for(hq_user).get(submitted.get_absolute_url()).text
    assert button_classes(page, "return") == "button button--warning"
    assert button_classes(page, "accept") == "button button--primary"


@pytest.mark.parametrize(
    ("action", "data", "question", "after"),
    [
        ("return", {"reason": COMMENT}, "将报告连同意见退回报送单位？", "returned"),
        ("accept", {}, "确认接收该报告？", "accepted"),
    ],
)
def test_the_action_is_asked_to_be_confirmed_first(
    client_for, hq_user, submitted, action, data, question, after
):
    client = client_for(hq_user)
    url = reverse("reporting:report_transition", args=[submitted.pk, action])

    asked = client.post(url, data)
    assert asked.status_code == 200 and question in asked.text
    assert 'name="confirmed"' in asked.text
    assert all(value in asked.text for value in data.values())  # the comment is shown again
    assert status(submitted) == "submitted"

    client.post(url, {**data, "confirmed": "1"})
    assert status(submitted) == after


def test_a_return_without_a_comment_is_refused_not_confirmed(client_for, hq_user, submitted):
    url = reverse("reporting:report_transition", args=[submitted.pk, "return"])
    page = client_for(hq_user).post(url, {"reason": ""}, follow=True).text
    assert 'data-testid="confirm"' not in page
    assert status(submitted) == "submitted"


def test_the_province_is_not_asked_to_confirm_what_it_may_not_do(
    client_for, province_user, submitted
):
    url = reverse("reporting:report_transition", args=[submitted.pk, "accept"])
    page = client_for(province_user).post(url, follow=True).text
    assert 'data-testid="confirm"' not in page
    assert status(submitted) == "submitted"
