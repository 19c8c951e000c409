"""Registry pages: list, search, detail, create, edit, export; scope and hostile input."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from enterprises.models import Enterprise
from portal.audit import history_for
from tests.factories import EnterpriseFactory, MembershipFactory

VALID = "914403001922038216"  # Shenzhen (440300)


def test_list_shows_only_own_jurisdiction(client_for, province_user, gd, zj):
    response = client_for(province_user).get(reverse("enterprises:list"))
    assert response.status_code == 200
    assert gd.name in response.text and zj.name not in response.text


def test_headquarters_see_all_and_filter_by_unit(client_for, hq_user, gd, zj):
    client = client_for(hq_user)
    assert zj.name in client.get(reverse("enterprises:list")).text
    page = client.get(reverse("enterprises:list"), {"reporting_unit": zj.reporting_unit_id})
    assert zj.name in page.text and gd.name not in page.text


def test_list_search_and_filters(client_for, province_user, gd):
    other = EnterpriseFactory(
        name="深圳物流",
        division_code="440106",
        size="large",
        industry_section="G",
        industry_division="54",
    )
    client = client_for(province_user)
    assert other.name not in client.get(reverse("enterprises:list"), {"q": "华美"}).text
    page = client.get(reverse("enterprises:list"), {"size": "large", "industry_section": "G"})
    assert other.name in page.text and gd.name not in page.text
    page = client.get(reverse("enterprises:list"), {"q": gd.uscc})
    assert gd.name in page.text and other.name not in page.text
    page = client.get(reverse("enterprises:list"), {"division": gd.division_id})
    assert gd.name in page.text


def test_list_htmx_returns_the_results_only(client_for, province_user, gd):
    response = client_for(province_user).get(
        reverse("enterprises:list"), {"q": "华美"}, headers={"HX-Request": "true"}
    )
    assert "<html" not in response.text and gd.name in response.text


@pytest.mark.parametrize(
    "params", [{"size": "huge"}, {"after": "x'; --"}, {"division": "abc"}, {"q": "x" * 5000}]
)
def test_list_survives_bad_parameters(client_for, province_user, gd, params):
    assert client_for(province_user).get(reverse("enterprises:list"), params).status_code == 200


def test_list_keyset_pagination(client_for, province_user):
    made = [EnterpriseFactory() for _ in range(55)]
    client = client_for(province_user)
    first = client.get(reverse("enterprises:list"))
    assert first.context["next_after"] == made[5].pk
    second = client.get(reverse("enterprises:list"), {"after": first.context["next_after"]})
    assert len(second.context["rows"]) == 5 and second.context["next_after"] is None


def test_enterprise_users_and_anonymous_cannot_list(client, client_for, enterprise_user):
    assert client.get(reverse("enterprises:list")).status_code == 302
    assert client_for(enterprise_user).get(reverse("enterprises:list")).status_code == 403


def test_detail_in_scope_and_404_outside(client_for, province_user, gd, zj):
    client = client_for(province_user)
    assert client.get(reverse("enterprises:detail", args=[gd.pk])).status_code == 200
    assert client.get(reverse("enterprises:detail", args=[zj.pk])).status_code == 404
    assert client.get(reverse("enterprises:edit", args=[zj.pk])).status_code == 404
    assert client.post(reverse("enterprises:edit", args=[zj.pk]), {"name": "x"}).status_code == 404


def test_enterprise_user_sees_only_approved_enterprise(client_for, enterprise_user, gd, zj):
    MembershipFactory(user=enterprise_user, enterprise=gd, status="approved")
    MembershipFactory(user=enterprise_user, enterprise=zj, status="pending")
    client = client_for(enterprise_user)
    assert client.get(reverse("enterprises:detail", args=[gd.pk])).status_code == 200
    assert client.get(reverse("enterprises:detail", args=[zj.pk])).status_code == 404
    assert client.get(reverse("enterprises:edit", args=[gd.pk])).status_code == 403


def _form(**overrides):
    data = {
        "uscc": VALID,
        "name": "深圳市华美优质服务有限公司",
        "status": "operating",
        "industry_section": "H",
        "industry_division": "62",
        "size": "small",
    }
    data.update(overrides)
    return data


def test_create_derives_unit_and_division_and_is_audited(client_for, hq_user):
    response = client_for(hq_user).post(
        reverse("enterprises:create"), _form(uscc=" " + VALID.lower())
    )
    enterprise = Enterprise.objects.get(uscc=VALID)
    assert response.status_code == 302
    assert enterprise.reporting_unit.code == "440300" and enterprise.division.code == "440300"
    entry = history_for(enterprise).get()
    assert entry.action == "create" and entry.actor == hq_user


@pytest.mark.parametrize(
    ("code", "message"),
    [("914403001922038217", "18"), ("91440300192203821", "18"), ("9144030O1922038216", "8")],
)
def test_create_rejects_invalid_uscc_naming_the_position(client_for, hq_user, code, message):
    response = client_for(hq_user).post(reverse("enterprises:create"), _form(uscc=code))
    assert response.status_code == 400 and not Enterprise.objects.exists()
    error = str(response.context["form"].errors["uscc"])
    assert message in error


def test_create_rejects_duplicate_uscc(client_for, hq_user):
    EnterpriseFactory(uscc=VALID)
    response = client_for(hq_user).post(reverse("enterprises:create"), _form())
    assert response.status_code == 400 and Enterprise.objects.count() == 1


def test_province_cannot_create_outside_jurisdiction(client_for, province_user):
    response = client_for(province_user).post(reverse("enterprises:create"), _form())
    assert response.status_code == 400 and not Enterprise.objects.exists()
    assert "深圳" in response.text


def test_create_rejects_non_service_section(client_for, hq_user):
    response = client_for(hq_user).post(
        reverse("enterprises:create"), _form(industry_section="C", industry_division="")
    )
    assert response.status_code == 400


def test_edit_records_before_and_after(client_for, province_user, gd):
    data = _form(uscc=gd.uscc, name="广州华美新餐饮有限公司", division=gd.division_id)
    response = client_for(province_user).post(reverse("enterprises:edit", args=[gd.pk]), data)
    assert response.status_code == 302
    gd.refresh_from_db()
    assert gd.name == "广州华美新餐饮有限公司"
    entry = history_for(gd).filter(action="update").get()
    assert entry.changes["name"] == ["广州华美餐饮有限公司", "广州华美新餐饮有限公司"]


def test_names_are_escaped(client_for, hq_user):
    EnterpriseFactory(name="<script>alert(1)</script>餐饮")
    page = client_for(hq_user).get(reverse("enterprises:list"), {"q": "<script>"})
    assert "<script>alert(1)" not in page.text and "&lt;script&gt;" in page.text


def test_export_filtered_result(client_for, province_user, gd, zj):
    response = client_for(province_user).get(reverse("enterprises:export"), {"q": "华美"})
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.values)
    assert rows[0][0].startswith("统一社会信用代码") and [r[0] for r in rows[1:]] == [gd.uscc]


def test_large_export_runs_as_a_job(client_for, hq_user, settings, monkeypatch, gd, zj):
    monkeypatch.setattr("enterprises.views.registry.EXPORT_DIRECT_LIMIT", 1)
    response = client_for(hq_user).get(reverse("enterprises:export"))
    assert response.status_code == 302 and "/jobs/" in response.url
    job_page = client_for(hq_user).get(response.url)
    assert job_page.context["job"].status == "done" and job_page.context["job"].result_file


def test_export_writes_formula_looking_names_as_text(client_for, hq_user):
    EnterpriseFactory(
        name='=HYPERLINK("http://x","y")', contact_name="=1+1", contact_phone="+86-755-1"
    )
    response = client_for(hq_user).get(reverse("enterprises:export"))
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    name, contact, phone = sheet["B2"], sheet["K2"], sheet["L2"]
    assert name.value == '=HYPERLINK("http://x","y")' and name.data_type == "s"
    assert contact.value == "=1+1" and contact.data_type == "s"
    assert phone.value == "+86-755-1" and phone.data_type == "s" and phone.quotePrefix
