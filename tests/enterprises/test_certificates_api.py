"""/api/v1/certificates/: filing with a scan, status changes, refusals and scope."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from enterprises.models import Certificate
from tests.factories import EnterpriseFactory, certificate

pytestmark = pytest.mark.django_db
URL = "/api/v1/certificates/"
PDF = b"%PDF-1.7\n%%EOF\n"


def data(enterprise, **overrides):
    values = {
        "enterprise": enterprise.pk,
        "number": "CQC-API-1",
        "certification_body": "中国质量认证中心",
        "service": "物业服务",
        "scope_text": "住宅物业管理",
        "issued_on": "2019-01-01",
        "expires_on": "2099-01-01",
    }
    values.update(overrides)
    return values


def test_filing_with_a_pdf_scan(client_for, enterprise_user, enterprise):
    scan = SimpleUploadedFile("c.pdf", PDF, content_type="application/pdf")
    response = client_for(enterprise_user).post(URL, data(enterprise, scan=scan))
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["status"] == "valid"
    assert body["scan_url"].endswith("/scan/")
    assert "scan" not in body


def test_a_non_pdf_uploaded_as_pdf_is_refused(client_for, enterprise_user, enterprise):
    fake = SimpleUploadedFile("c.pdf", b"<html><script>x</script>", content_type="application/pdf")
    response = client_for(enterprise_user).post(URL, data(enterprise, scan=fake))
    assert response.status_code == 400
    assert "scan" in response.json()["error"]["fields"]
    assert not Certificate.objects.exists()


def test_expiry_before_issue_is_refused(client_for, enterprise_user, enterprise):
    body = data(enterprise, issued_on="2020-01-01", expires_on="2019-01-01")
    response = client_for(enterprise_user).post(URL, body, content_type="application/json")
    assert response.status_code == 400
    assert "expires_on" in response.json()["error"]["fields"]


def test_expired_back_to_valid_is_a_400_with_the_reason(
    client_for, enterprise, enterprise_user, province_user
):
    cert = certificate(enterprise, issued_on=datetime.date(2015, 1, 1),
                       expires_on=datetime.date(2018, 1, 1), status="expired")  # fmt: skip
    client = client_for(province_user)
    response = client.post(f"{URL}{cert.pk}/reinstate/", {}, content_type="application/json")
    assert response.status_code == 400
    assert "新证书" in response.json()["error"]["message"]
    patched = client.patch(f"{URL}{cert.pk}/", {"status": "valid"}, content_type="application/json")
    assert patched.status_code == 403  # regulators change a status only through …/status/
    owner = client_for(enterprise_user)
    patched = owner.patch(f"{URL}{cert.pk}/", {"status": "valid"}, content_type="application/json")
    assert patched.status_code == 400
    cert.refresh_from_db()
    assert cert.status == "expired"


def test_regulator_suspends_with_a_reason(client_for, enterprise, province_user):
    cert = certificate(enterprise, expires_on=datetime.date(2099, 1, 1))
    url = f"{URL}{cert.pk}/suspend/"
    client = client_for(province_user)
    assert client.post(url, {}, content_type="application/json").status_code == 400
    done = client.post(url, {"reason": "监督检查不合格"}, content_type="application/json")
    assert done.json()["status"] == "suspended"


def test_scope(client_for, enterprise_user, enterprise, other_province_user):
    other = certificate(EnterpriseFactory())
    mine = certificate(enterprise)
    client = client_for(enterprise_user)
    assert client.get(f"{URL}{other.pk}/").status_code == 404
    assert [row["id"] for row in client.get(URL).json()["results"]] == [mine.pk]
    assert client_for(other_province_user).get(f"{URL}{mine.pk}/").status_code == 404


def test_filters_by_size_and_expiry(client_for, province_user):
    small = certificate(EnterpriseFactory(size="small"), expires_on=datetime.date(2030, 1, 1))
    certificate(EnterpriseFactory(size="large"), expires_on=datetime.date(2030, 1, 1))
    client = client_for(province_user)
    assert [r["id"] for r in client.get(URL, {"size": "small"}).json()["results"]] == [small.pk]
    assert client.get(URL, {"expires_before": "2025-01-01"}).json()["results"] == []
