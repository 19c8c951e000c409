"""Browser: an enterprise files a pledge, a declaration and a certificate; the regulator
publishes the pledge; the public page shows it."""

import pytest

from enterprises.models import Certificate, Pledge, StandardDeclaration
from tests import factories
from tests.factories import EnterpriseFactory, act_for

pytestmark = pytest.mark.e2e
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def fill(page, values):
    for name, value in values.items():
        page.fill(f"[name={name}]", value)


def submit_form(page, selector="main form[method=post]"):
    page.locator(selector).last.locator("button[type=submit]").click()
    page.wait_for_load_state()


def file_pledge(page, base):
    page.goto(f"{base}/enterprises/pledges/new/")
    fill(page, {
        "services": "上门保洁、家电清洗", "standards": "SB/T 10847-2012 家政服务规范",
        "response_hours": "2", "completion_days": "1", "pricing": "按小时计价，每小时60元",
        "after_sales": "不满意免费返工", "complaint_channel": "客服热线或12315",
        "period_start": "2019-01-01", "period_end": "2030-12-31",
    })  # fmt: skip
    submit_form(page)
    page.locator("[data-testid=transitions] button[value=submit]").click()
    page.wait_for_load_state()


def declare_standard(page, base):
    page.goto(f"{base}/enterprises/standards/new/")
    fill(page, {"standard_number": "Q/JZ 001-2019", "standard_name": "家政服务质量规范"})
    page.select_option("[name=standard_type]", "enterprise")
    fill(page, {
        "indicators-0-name": "顾客满意率", "indicators-0-unit": "%",
        "indicators-0-declared_value": "98", "indicators-0-benchmark_value": "90",
    })  # fmt: skip
    page.check("[name=indicators-0-higher_is_better]")
    submit_form(page)


def record_certificate(page, base):
    page.goto(f"{base}/enterprises/certificates/new/")
    fill(page, {
        "number": "CQC-E2E-001", "certification_body": "中国质量认证中心",
        "service": "家政服务", "scope_text": "居家保洁服务",
        "issued_on": "2019-01-01", "expires_on": "2030-01-01",
    })  # fmt: skip
    page.set_input_files(
        "[name=scan]", {"name": "certificate.pdf", "mimeType": "application/pdf", "buffer": PDF}
    )
    submit_form(page)


def test_enterprise_files_and_regulator_publishes(live_server, page, login, province_user):
    owner = factories.enterprise_user(username="jiazheng")
    enterprise = act_for(owner, EnterpriseFactory(name="广州洁家家政服务有限公司"))
    base = live_server.url

    login(page, owner)
    file_pledge(page, base)
    assert Pledge.objects.get().status == "submitted"
    declare_standard(page, base)
    assert StandardDeclaration.objects.get().front_runner == "candidate"
    record_certificate(page, base)
    assert page.locator("[data-testid=certificate-status]").is_visible()
    assert Certificate.objects.get().scan

    page.context.clear_cookies()
    login(page, province_user)
    page.goto(f"{base}/enterprises/pledges/review/")
    page.click(f"text={enterprise.name}")
    page.locator("[data-testid=transitions] button[value=publish]").click()
    page.wait_for_load_state()
    assert Pledge.objects.get().status == "published"

    page.context.clear_cookies()
    page.goto(f"{base}/enterprises/public/pledges/")
    page.click(f"text={enterprise.name}")
    assert page.locator("[data-testid=pledge-content]").inner_text().count("上门保洁") == 1
    assert page.locator("[data-testid=public-status]").is_visible()
