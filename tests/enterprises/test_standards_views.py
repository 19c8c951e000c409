"""Declarations: filing with indicators, front-runner flag and confirmation, sampling, scope."""

import hashlib

import pytest
from django.urls import reverse

from enterprises.models import SampledDeclaration, SamplingDraw, StandardDeclaration
from enterprises.services import standards as service
from portal.audit import history_for
from tests.factories import EnterpriseFactory, declaration

pytestmark = pytest.mark.django_db


def form_data(enterprise, rows):
    data = {
        "enterprise": enterprise.pk,
        "standard_number": "Q/GZ 001-2019",
        "standard_name": "家政服务质量规范",
        "standard_type": "enterprise",
        "is_own_standard": "on",
        "service": "家政服务",
        "indicators-TOTAL_FORMS": str(len(rows)),
        "indicators-INITIAL_FORMS": "0",
        "indicators-MIN_NUM_FORMS": "0",
        "indicators-MAX_NUM_FORMS": "30",
    }
    for i, (name, declared, benchmark, higher) in enumerate(rows):
        data[f"indicators-{i}-name"] = name
        data[f"indicators-{i}-unit"] = "%"
        data[f"indicators-{i}-declared_value"] = declared
        data[f"indicators-{i}-benchmark_value"] = benchmark
        if higher:
            data[f"indicators-{i}-higher_is_better"] = "on"
    return data


def test_declaring_a_leading_standard_flags_a_candidate(client_for, enterprise_user, enterprise):
    rows = [("客户满意率", "98", "90", True), ("投诉率", "0.5", "1", False)]
    response = client_for(enterprise_user).post(
        reverse("enterprises:declaration_create"), form_data(enterprise, rows)
    )
    assert response.status_code == 302
    item = StandardDeclaration.objects.get()
    assert item.indicators.count() == 2
    assert item.front_runner == "candidate"
    assert history_for(item).filter(action="create").get().actor == enterprise_user


def test_a_declaration_that_only_meets_is_not_a_candidate(client_for, enterprise_user, enterprise):
    rows = [("客户满意率", "90", "90", True)]
    client_for(enterprise_user).post(
        reverse("enterprises:declaration_create"), form_data(enterprise, rows)
    )
    assert StandardDeclaration.objects.get().front_runner == ""


def test_bad_indicator_values_are_refused(client_for, enterprise_user, enterprise):
    rows = [("客户满意率", "很高", "90", True)]
    response = client_for(enterprise_user).post(
        reverse("enterprises:declaration_create"), form_data(enterprise, rows)
    )
    assert response.status_code == 200
    assert not StandardDeclaration.objects.exists()


def test_declarations_are_public_and_escaped(client, enterprise):
    declaration(enterprise, [(98, 90, True)], standard_name="<img src=x onerror=alert(1)>")
    response = client.get(reverse("enterprises:public_declarations"))
    assert "&lt;img src=x" in response.text
    assert "<img src=x" not in response.text


def test_regulator_confirms_a_front_runner(client_for, enterprise, province_user, client):
    item = declaration(enterprise, [(98, 90, True)])
    url = reverse("enterprises:declaration_decide", args=[item.pk])
    client_for(province_user).post(url, {"action": "confirm"})
    item.refresh_from_db()
    assert (item.front_runner, item.front_runner_decided_by) == ("confirmed", province_user)
    listed = client.get(reverse("enterprises:public_declarations"), {"front_runner": "1"})
    assert item.standard_name in listed.text


def test_a_non_candidate_cannot_be_confirmed(client_for, enterprise, province_user):
    item = declaration(enterprise, [(80, 90, True)])
    url = reverse("enterprises:declaration_decide", args=[item.pk])
    client_for(province_user).post(url, {"action": "confirm"})
    item.refresh_from_db()
    assert item.front_runner == ""


def test_a_zhejiang_regulator_cannot_confirm_a_guangdong_declaration(
    client_for, enterprise, other_province_user
):
    item = declaration(enterprise, [(98, 90, True)])
    url = reverse("enterprises:declaration_decide", args=[item.pk])
    assert client_for(other_province_user).post(url, {"action": "confirm"}).status_code == 404


def test_editing_another_enterprises_declaration_is_404(client_for, enterprise_user, enterprise):
    other = declaration(EnterpriseFactory())
    url = reverse("enterprises:declaration_edit", args=[other.pk])
    assert client_for(enterprise_user).get(url).status_code == 404


def test_a_draw_samples_only_the_regulators_jurisdiction(client_for, province_user):
    guangdong = [declaration(EnterpriseFactory()) for _ in range(10)]
    zhejiang = [declaration(EnterpriseFactory(division_code="330106")) for _ in range(5)]
    client = client_for(province_user)
    response = client.post(reverse("enterprises:declaration_draw"), {"percent": "30", "seed": "42"})
    sample = SamplingDraw.objects.get()
    assert response.status_code == 302
    assert (sample.population, sample.draw.seed, sample.reporting_unit.code) == (10, "42", "440000")
    drawn = set(sample.items.values_list("declaration_id", flat=True))
    assert len(drawn) == 3
    assert drawn <= {d.pk for d in guangdong}
    assert not drawn & {d.pk for d in zhejiang}
    again = service.draw_sample(province_user, ratio=sample.ratio, seed="42", batch="another")
    assert set(again.items.values_list("declaration_id", flat=True)) == drawn


def test_drawing_a_batch_again_needs_a_reason_and_keeps_the_first(client_for, province_user):
    for _ in range(10):
        declaration(EnterpriseFactory())
    client = client_for(province_user)
    url = reverse("enterprises:declaration_draw")
    client.post(url, {"count": "3", "seed": "1", "batch": "2026 Q4"})
    response = client.post(url, {"count": "3", "seed": "2", "batch": "2026 Q4"}, follow=True)
    assert "原抽取结果有效" in response.content.decode()  # "the first draw stands"
    first = SamplingDraw.objects.get()
    client.post(url, {"count": "3", "seed": "2", "batch": "2026 Q4", "reason": "名单有误"})
    second = SamplingDraw.objects.exclude(pk=first.pk).get()
    assert second.draw.replaces == first.draw
    assert (second.draw.reason, second.draw.approved_by) == ("名单有误", province_user)


def test_the_draw_page_shows_what_a_citizen_needs_to_verify_it(client_for, province_user):
    items = [declaration(EnterpriseFactory()) for _ in range(4)]
    sample = service.draw_sample(province_user, count=2, seed="2026-12-01 福彩3D 123")
    page = client_for(province_user).get(reverse("enterprises:draw_detail", args=[sample.pk]))
    text = page.content.decode()
    expected_list = "\n".join(sorted(str(d.pk) for d in items))
    assert hashlib.sha256(expected_list.encode()).hexdigest() in text
    assert "sha256-rank-v1" in text and "2026-12-01 福彩3D 123" in text
    url = reverse("enterprises:draw_candidates", args=[sample.pk])
    assert client_for(province_user).get(url).content.decode() == expected_list


def test_a_draw_needs_a_ratio_or_a_count(client_for, province_user):
    declaration(EnterpriseFactory())
    client_for(province_user).post(
        reverse("enterprises:declaration_draw"), {"percent": "", "count": ""}
    )
    client_for(province_user).post(reverse("enterprises:declaration_draw"), {"percent": "500"})
    assert not SamplingDraw.objects.exists()


def test_recording_an_outcome(client_for, province_user, other_province_user):
    declaration(EnterpriseFactory())
    sample = service.draw_sample(province_user, count=1)
    item = sample.items.get()
    url = reverse("enterprises:sample_outcome", args=[item.pk])
    assert client_for(other_province_user).post(url, {"outcome": "conforms"}).status_code == 404
    client_for(province_user).post(url, {"outcome": "corrected", "note": "指标值与标准文本不符"})
    item.refresh_from_db()
    assert (item.outcome, item.reviewed_by) == ("corrected", province_user)
    assert SampledDeclaration.objects.filter(outcome="pending").count() == 0


def test_the_declarations_page_is_for_staff(client_for, enterprise_user, province_user, enterprise):
    declaration(enterprise)
    assert client_for(enterprise_user).get(reverse("enterprises:declarations")).status_code == 403
    assert client_for(province_user).get(reverse("enterprises:declarations")).status_code == 200


def test_a_draw_is_seen_only_within_its_jurisdiction(
    client_for, province_user, other_province_user
):
    declaration(EnterpriseFactory())
    sample = service.draw_sample(province_user, count=1, seed=3)
    url = reverse("enterprises:draw_detail", args=[sample.pk])
    assert client_for(other_province_user).get(url).status_code == 404
    response = client_for(province_user).get(url)
    assert response.status_code == 200
    assert response.context["draw"].draw.seed == "3"


def test_the_declarations_page_lists_every_declaration_until_filtered(
    client_for, province_user, enterprise
):
    declaration(enterprise, standard_name="普通声明")
    declaration(enterprise, [(98, 90, True)], standard_name="候选声明")
    url = reverse("enterprises:declarations")
    listed = client_for(province_user).get(url).content.decode()
    assert "普通声明" in listed and "候选声明" in listed
    candidates = client_for(province_user).get(url, {"front_runner": "candidate"}).content.decode()
    assert "候选声明" in candidates and "普通声明" not in candidates
    others = client_for(province_user).get(url, {"front_runner": ""}).content.decode()
    assert "普通声明" in others and "候选声明" not in others
