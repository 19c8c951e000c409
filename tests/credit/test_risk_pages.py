"""Risk-class pages: HQ-only configuration, regulators' scope, overrides, never public."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from credit.models import EnterpriseRiskClass, RiskClassHistory, RiskOverride, ScoringModel
from credit.services.risk_compute import recompute
from portal.models import AuditEntry, Job
from tests import factories

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def model():
    return factories.scoring_model(
        b_from=-5, c_from=10, d_from=20,
        complaint_rate=(10, 1, 5), valid_certification=(-10, 1, None),
    )  # fmt: skip


def classified(division_code="440106", complaints=0):
    enterprise = factories.EnterpriseFactory(division_code=division_code)
    factories.complaints_about(enterprise, complaints)
    return enterprise


MODEL_POST = {
    "b_from": "-5", "c_from": "10", "d_from": "20", "note": "2026",
    "use_complaint_rate": "on", "points_complaint_rate": "10", "weight_complaint_rate": "1",
    "cap_complaint_rate": "5",
    "use_valid_certification": "on", "points_valid_certification": "-10",
    "weight_valid_certification": "1",
}  # fmt: skip


def test_only_headquarters_configures_the_model(client_for, province_user, hq_user):
    url = reverse("credit:risk_models")
    assert client_for(province_user).get(url).status_code == 403
    assert client_for(province_user).post(url, MODEL_POST).status_code == 403
    assert not ScoringModel.objects.exists()
    response = client_for(hq_user).post(url, MODEL_POST)
    assert response.status_code == 302
    saved = ScoringModel.current()
    assert (saved.version, saved.c_from) == (1, 10)
    assert sorted(saved.indicators.values_list("code", "points")) == [
        ("complaint_rate", 10), ("valid_certification", -10),
    ]  # fmt: skip
    assert AuditEntry.objects.filter(content_type__model="scoringmodel", action="create").exists()


def test_bad_thresholds_are_refused_with_the_classes_and_numbers(client_for, hq_user):
    response = client_for(hq_user).post(
        reverse("credit:risk_models"), {**MODEL_POST, "c_from": "25"}
    )
    assert response.status_code == 400
    assert "Classes C and D overlap: C starts at 25 but D starts below it, at 20." in (
        response.content.decode()
    )
    assert not ScoringModel.objects.exists()


def test_bad_thresholds_are_refused_in_chinese_too(client_for, hq_user):
    from django.utils import translation

    with translation.override("zh-hans"):
        response = client_for(hq_user).post(
            reverse("credit:risk_models"),
            {**MODEL_POST, "c_from": "20"},
            HTTP_ACCEPT_LANGUAGE="zh-hans",
        )
    assert response.status_code == 400
    assert "C 类为空" in response.content.decode()


def test_saving_a_used_version_makes_the_next_one(client_for, hq_user):
    first = model()
    recompute()
    client_for(hq_user).post(reverse("credit:risk_models"), {**MODEL_POST, "d_from": "30"})
    first.refresh_from_db()
    assert first.d_from == 20 and first.frozen
    assert ScoringModel.current().version == 2 and ScoringModel.current().d_from == 30


def test_an_unused_version_is_edited_in_place(client_for, hq_user):
    model()
    client_for(hq_user).post(reverse("credit:risk_models"), {**MODEL_POST, "d_from": "30"})
    assert list(ScoringModel.objects.values_list("version", "d_from")) == [(1, 30)]


def test_staff_see_their_units_classes_only(client_for, province_user, other_province_user):
    model()
    guangdong = classified(complaints=1)
    zhejiang = classified("330106")
    recompute()
    page = client_for(province_user).get(reverse("credit:risk_list")).content.decode()
    assert guangdong.name in page and zhejiang.name not in page
    detail = reverse("credit:risk_detail", args=[zhejiang.pk])
    assert client_for(province_user).get(detail).status_code == 404
    assert client_for(other_province_user).get(detail).status_code == 200


def test_the_detail_shows_class_explanation_and_history(client_for, province_user):
    model()
    enterprise = classified(complaints=2)
    recompute()
    page = client_for(province_user).get(reverse("credit:risk_detail", args=[enterprise.pk]))
    text = page.content.decode()
    assert 'data-testid="effective-class">D<' in text
    assert "Complaints per year in business" in text and "20.00" in text
    assert "Scoring model version 1" in text


def test_an_override_needs_a_reason_and_applies_until_it_expires(client_for, province_user):
    model()
    enterprise = classified()
    recompute()
    url = reverse("credit:risk_override", args=[enterprise.pk])
    until = timezone.localdate() + datetime.timedelta(days=10)
    client = client_for(province_user)
    refused = client.post(url, {"risk_class": "D", "reason": " ", "expires_on": until})
    assert refused.status_code == 400 and not RiskOverride.objects.exists()
    response = client.post(
        url, {"risk_class": "D", "reason": "现场检查发现问题", "expires_on": until}
    )
    assert response.status_code == 302
    row = EnterpriseRiskClass.objects.get(pk=enterprise.pk)
    assert (row.risk_class, row.computed_class) == ("D", "B")
    assert AuditEntry.objects.filter(content_type__model="riskoverride").exists()
    history = client.get(reverse("credit:risk_detail", args=[enterprise.pk])).content.decode()
    assert "现场检查发现问题" in history and "Override" in history
    recompute(today=until)  # still valid on its last day
    assert EnterpriseRiskClass.objects.get(pk=enterprise.pk).risk_class == "D"
    recompute(today=until + datetime.timedelta(days=1))
    row = EnterpriseRiskClass.objects.get(pk=enterprise.pk)
    assert (row.risk_class, row.override_id) == ("B", None)


def test_an_override_past_the_longest_allowed_is_refused(client_for, province_user, settings):
    settings.CREDIT_RISK_OVERRIDE_MAX_DAYS = 30
    model()
    enterprise = classified()
    recompute()
    until = timezone.localdate() + datetime.timedelta(days=31)
    response = client_for(province_user).post(
        reverse("credit:risk_override", args=[enterprise.pk]),
        {"risk_class": "A", "reason": "理由", "expires_on": until},
    )
    assert response.status_code == 400 and "at most 30 days" in response.content.decode()


def test_staff_recompute_their_unit_as_a_job(client_for, province_user):
    model()
    guangdong = classified()
    zhejiang = classified("330106")
    response = client_for(province_user).post(reverse("credit:risk_recompute"))
    job = Job.objects.get()
    assert response.url == job.get_absolute_url()
    assert job.status == Job.Status.DONE
    # Job messages are in the default language (English under the ``english`` fixture).
    assert job.message == "1 enterprises classified, 1 classes changed."
    assert EnterpriseRiskClass.objects.filter(pk=guangdong.pk).exists()
    assert not EnterpriseRiskClass.objects.filter(pk=zhejiang.pk).exists()
    assert RiskClassHistory.objects.filter(run__reporting_unit__code="440000").count() == 1


@pytest.mark.parametrize("who", ["anonymous", "enterprise"])
def test_classes_are_never_shown_outside_regulators(client, client_for, enterprise_user, who):
    model()
    enterprise = classified(complaints=2)
    recompute()
    if who == "enterprise":
        factories.act_for(enterprise_user, enterprise)
        client = client_for(enterprise_user)
    for url in (
        reverse("credit:risk_list"),
        reverse("credit:risk_detail", args=[enterprise.pk]),
        reverse("credit:risk_models"),
    ):
        response = client.get(url)
        assert response.status_code in (302, 403), url
    pages = [
        reverse("portal:dashboard"),
        reverse("enterprises:public_enterprise", args=[enterprise.uscc]),
    ]
    if who == "enterprise":
        pages.append(reverse("enterprises:detail", args=[enterprise.pk]))
    for url in pages:
        text = client.get(url, follow=True).content.decode()
        assert "credit risk" not in text.lower() and "Risk class" not in text, url
