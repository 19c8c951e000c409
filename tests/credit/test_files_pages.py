"""Regulators' pages: the credit file, recording, confirming by a second officer, repair."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from credit.models import AbnormalListing, Penalty, SeriousListing
from credit.services import lists
from tests.factories import (
    EnterpriseFactory,
    RecognitionFactory,
    abnormal_entry,
    certificate,
    complaint,
    serious_entry,
)

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
TODAY = timezone.localdate()


def test_the_credit_file_gathers_everything(
    gd_enterprise, province_user, second_officer, client_for
):
    listing = serious_entry(gd_enterprise, province_user, second_officer)
    entry = abnormal_entry(gd_enterprise, province_user, second_officer)
    complaint(operator=gd_enterprise)
    certificate(gd_enterprise, number="CQC-2026-001", issued_on=TODAY - datetime.timedelta(days=30))
    RecognitionFactory(
        enterprise=gd_enterprise, reason="服务质量明显提升", recognised_by=second_officer
    )
    html = client_for(province_user).get(f"/credit/files/{gd_enterprise.pk}/").content.decode()
    assert listing.penalty.decision_number in html
    assert listing.decision_reference in html and entry.decision_reference in html
    assert 'data-testid="flag"' in html
    assert "CQC-2026-001" in html and "服务质量明显提升" in html
    assert 'data-testid="file-inspections"' in html
    figures = html.split('data-testid="file-complaints"')[1].split("</dl>")[0]
    assert "<dd>1 " in figures


def test_another_provinces_file_is_not_found(gd_enterprise, other_province_user, client_for):
    response = client_for(other_province_user).get(f"/credit/files/{gd_enterprise.pk}/")
    assert response.status_code == 404


def post_penalty(client, enterprise, **overrides):
    data = {
        "decision_number": "穗市监罚〔2026〕88号", "authority": "广州市市场监督管理局",
        "decided_on": (TODAY - datetime.timedelta(days=5)).isoformat(), "kind": "fine",
        "amount": "20000", "ground": "价格欺诈",
    }  # fmt: skip
    data.update(overrides)
    return client.post(f"/credit/files/{enterprise.pk}/penalties/new/", data)


def test_a_penalty_in_the_future_is_refused_on_the_page(gd_enterprise, province_user, client_for):
    tomorrow = (TODAY + datetime.timedelta(days=1)).isoformat()
    response = post_penalty(client_for(province_user), gd_enterprise, decided_on=tomorrow)
    assert response.status_code == 200
    assert tomorrow in response.content.decode()
    assert "field--error" in response.content.decode()
    assert not Penalty.objects.exists()


def test_proposed_by_one_confirmed_by_another(
    gd_enterprise, province_user, second_officer, client_for
):
    response = post_penalty(client_for(province_user), gd_enterprise)
    item = Penalty.objects.get()
    assert response.status_code == 302 and response.url == f"/credit/penalties/{item.pk}/"
    own = client_for(province_user).post(
        f"/credit/penalties/{item.pk}/act/", {"action": "confirm"}, follow=True
    )
    assert "second officer" in own.content.decode() or "第二名" in own.content.decode()
    assert Penalty.objects.get().status == "proposed"
    client_for(second_officer).post(f"/credit/penalties/{item.pk}/act/", {"action": "confirm"})
    assert Penalty.objects.get().status == "published"


def test_an_abnormal_entry_is_proposed_on_the_page(gd_enterprise, province_user, client_for):
    client_for(province_user).post(
        f"/credit/files/{gd_enterprise.pk}/abnormal/new/",
        {"ground": "annual_report", "decision_reference": "穗市监异〔2026〕5号",
         "decided_on": TODAY.isoformat()},
    )  # fmt: skip
    assert AbnormalListing.objects.get().status == "proposed"


def test_a_serious_listing_on_a_warning_is_refused_on_the_page(
    gd_enterprise, province_user, second_officer, client_for
):
    from tests.factories import published_penalty

    light = published_penalty(gd_enterprise, province_user, second_officer, kind="warning")
    response = client_for(province_user).post(
        f"/credit/files/{gd_enterprise.pk}/serious/new/",
        {"penalty": light.pk, "ground": "情节严重", "decision_reference": "穗失1号",
         "decided_on": TODAY.isoformat(), "level": "province"},
    )  # fmt: skip
    assert response.status_code == 200
    assert light.decision_number in response.content.decode()
    assert not SeriousListing.objects.exists()


def test_a_repair_application_with_its_files_on_the_page(
    gd_enterprise, province_user, second_officer, client_for
):
    listing = serious_entry(gd_enterprise, province_user)
    lists.SERIOUS.apply(
        listing, "confirm", second_officer, at=timezone.now() - datetime.timedelta(days=200)
    )
    client = client_for(province_user)
    client.post(
        f"/credit/serious/{listing.pk}/repair/",
        {"pledge": SimpleUploadedFile("守信承诺书.pdf", PDF),
         "evidence": SimpleUploadedFile("凭证.pdf", PDF), "measures_expired": "on",
         "obligations_fulfilled": "on", "harm_corrected": "on", "note": "申请信用修复"},
    )  # fmt: skip
    listing.refresh_from_db()
    assert listing.status == "repair_applied"
    html = client.get(f"/credit/serious/{listing.pk}/").content.decode()
    assert 'data-testid="unmet"' in html  # listed only 200 days: the one-year rule
    assert client.get(f"/credit/serious/{listing.pk}/pledge/").status_code == 200
    refused = client_for(second_officer).post(
        f"/credit/serious/{listing.pk}/act/", {"action": "remove_early"}, follow=True
    )
    assert SeriousListing.objects.get().status == "repair_applied"
    assert "1" in refused.content.decode()


def test_the_work_list_shows_what_waits(gd_enterprise, province_user, client_for):
    entry = abnormal_entry(gd_enterprise, province_user)
    html = client_for(province_user).get("/credit/files/work/").content.decode()
    assert f"/credit/abnormal/{entry.pk}/" in html
    other = abnormal_entry(EnterpriseFactory(division_code="330106"), factory_zj())
    assert f"/credit/abnormal/{other.pk}/" not in html


def factory_zj():
    from tests.factories import provincial_user

    return provincial_user("330000")


def test_the_dashboard_counts_what_waits(gd_enterprise, province_user, client_for):
    from credit.dashboard import panels

    abnormal_entry(gd_enterprise, province_user)
    abnormal_entry(EnterpriseFactory(division_code="330106"), factory_zj())
    request = type("Request", (), {"user": province_user})()
    lists_panel = panels(request)[0]
    assert lists_panel.figures[0][1] == 1
    assert client_for(province_user).get("/dashboard/").status_code == 200
