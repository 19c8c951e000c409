"""Certificate pages: filing with a scan, status changes, scope, and the regulators' counts."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from enterprises.models import Certificate
from enterprises.services import certificates as service
from portal.audit import history_for
from portal.workflow import TransitionRefused
from tests.factories import EnterpriseFactory, act_for, certificate

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa7"
    b"5\x81\x84\x00\x00\x00\x00IEND\xaeB`\x82"
)  # a real 1×1 PNG: scans are re-encoded, so junk after a PNG signature is refused


@pytest.fixture
def enterprise(enterprise_user):
    return act_for(enterprise_user, size="small", industry_section="Q")


def form_data(enterprise, **overrides):
    data = {
        "enterprise": enterprise.pk,
        "number": "CQC-2019-001",
        "certification_body": "中国质量认证中心",
        "service": "养老服务",
        "scope_text": "机构养老服务",
        "issued_on": "2019-01-01",
        "expires_on": "2022-01-01",
    }
    data.update(overrides)
    return data


def test_filing_a_certificate_with_a_pdf_scan(client_for, enterprise_user, enterprise):
    scan = SimpleUploadedFile("scan.pdf", PDF, content_type="application/pdf")
    client = client_for(enterprise_user)
    response = client.post(
        reverse("enterprises:certificate_create"), form_data(enterprise, scan=scan)
    )
    certificate_ = Certificate.objects.get()
    assert response.status_code == 302
    assert certificate_.scan.name.endswith(".pdf")
    assert history_for(certificate_).get().actor == enterprise_user
    served = client.get(reverse("enterprises:certificate_scan", args=[certificate_.pk]))
    assert served["Content-Type"] == "application/pdf"
    assert b"".join(served.streaming_content) == PDF


def test_a_non_pdf_named_pdf_is_refused(client_for, enterprise_user, enterprise):
    fake = SimpleUploadedFile("scan.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    response = client_for(enterprise_user).post(
        reverse("enterprises:certificate_create"), form_data(enterprise, scan=fake)
    )
    assert "scan" in response.context["form"].errors
    assert not Certificate.objects.exists()


def test_an_oversized_scan_is_refused(client_for, enterprise_user, enterprise):
    big = SimpleUploadedFile("scan.png", PNG + b"\x00" * service.SCAN.max_bytes)
    response = client_for(enterprise_user).post(
        reverse("enterprises:certificate_create"), form_data(enterprise, scan=big)
    )
    assert "scan" in response.context["form"].errors
    assert not Certificate.objects.exists()


def test_expiry_before_issue_is_refused(client_for, enterprise_user, enterprise):
    response = client_for(enterprise_user).post(
        reverse("enterprises:certificate_create"),
        form_data(enterprise, issued_on="2020-01-01", expires_on="2019-01-01"),
    )
    assert "expires_on" in response.context["form"].errors
    assert not Certificate.objects.exists()


def test_the_scan_is_served_only_within_scope(
    client_for, enterprise_user, enterprise, province_user, other_province_user
):
    scan = SimpleUploadedFile("s.png", PNG)
    cert = service.create_certificate(
        enterprise,
        enterprise_user,
        {**form_data(enterprise), "issued_on": datetime.date(2019, 1, 1),
         "expires_on": datetime.date(2099, 1, 1), "scan": scan},
    )  # fmt: skip
    url = reverse("enterprises:certificate_scan", args=[cert.pk])
    assert client_for(province_user).get(url).status_code == 200
    assert client_for(other_province_user).get(url).status_code == 404


def test_another_enterprises_certificate_is_404(client_for, enterprise_user, enterprise):
    other = certificate(EnterpriseFactory())
    client = client_for(enterprise_user)
    assert client.get(reverse("enterprises:certificate_detail", args=[other.pk])).status_code == 404
    assert client.get(reverse("enterprises:certificate_edit", args=[other.pk])).status_code == 404


def test_an_expired_certificate_set_back_to_valid_is_refused_with_the_reason(
    client_for, enterprise, province_user
):
    cert = certificate(
        enterprise,
        issued_on=datetime.date(2015, 1, 1),
        expires_on=datetime.date(2018, 1, 1),
        status="expired",
    )
    with pytest.raises(TransitionRefused, match="过期"):
        service.CERTIFICATE.apply(cert, "reinstate", province_user)
    url = reverse("enterprises:certificate_action", args=[cert.pk])
    response = client_for(province_user).post(url, {"action": "reinstate"}, follow=True)
    assert "过期的证书不能再更改" in response.text
    cert.refresh_from_db()
    assert cert.status == "expired"


def test_a_suspended_certificate_past_its_date_cannot_be_reinstated(enterprise, province_user):
    cert = certificate(
        enterprise,
        issued_on=datetime.date(2015, 1, 1),
        expires_on=datetime.date(2018, 1, 1),
        status="suspended",
    )
    with pytest.raises(TransitionRefused, match="2018-01-01"):
        service.CERTIFICATE.apply(cert, "reinstate", province_user)


def test_regulator_suspends_with_a_reason_and_reinstates(client_for, enterprise, province_user):
    cert = certificate(enterprise, expires_on=datetime.date(2099, 1, 1))
    client = client_for(province_user)
    url = reverse("enterprises:certificate_action", args=[cert.pk])
    client.post(url, {"action": "suspend", "reason": ""})
    cert.refresh_from_db()
    assert cert.status == "valid"
    client.post(url, {"action": "suspend", "reason": "认证机构暂停"})
    cert.refresh_from_db()
    assert cert.status == "suspended"
    client.post(url, {"action": "reinstate"})
    cert.refresh_from_db()
    assert cert.status == "valid"
    assert [c.to_status for c in cert.status_changes.order_by("id")] == ["suspended", "valid"]


def test_the_enterprise_may_cancel_but_not_revoke(client_for, enterprise_user, enterprise):
    cert = certificate(enterprise, expires_on=datetime.date(2099, 1, 1))
    client = client_for(enterprise_user)
    url = reverse("enterprises:certificate_action", args=[cert.pk])
    client.post(url, {"action": "revoke", "reason": "x"})
    cert.refresh_from_db()
    assert cert.status == "valid"
    client.post(url, {"action": "cancel"})
    cert.refresh_from_db()
    assert cert.status == "cancelled"


def test_regulators_see_counts_by_status_industry_and_size(
    client_for, enterprise, province_user, other_province_user
):
    certificate(enterprise, expires_on=datetime.date(2099, 1, 1))
    certificate(enterprise, expires_on=datetime.date(2099, 1, 1), status="suspended")
    large = EnterpriseFactory(size="large", industry_section="J")
    certificate(large, expires_on=datetime.date(2099, 1, 1))
    certificate(EnterpriseFactory(division_code="330106"), expires_on=datetime.date(2099, 1, 1))
    response = client_for(province_user).get(reverse("enterprises:certificates"))
    context = response.context
    assert dict(context["by_status"])[Certificate.Status.VALID.label] == 2
    assert dict(context["by_status"])[Certificate.Status.SUSPENDED.label] == 1
    assert context["smes"] == 1
    assert sorted(n for _label, n in context["by_section"]) == [1, 1]
    assert "<svg" in response.text
    zhejiang = client_for(other_province_user).get(reverse("enterprises:certificates")).context
    assert dict(zhejiang["by_status"])[Certificate.Status.VALID.label] == 1
