"""Browser: a regulator records a penalty and an abnormal-list entry, a second officer
confirms them and they appear on the public pages; a serious listing then blocks the
enterprise's recognition with the reason."""

import datetime

import pytest
from django.utils import timezone

from credit.models import AbnormalListing, Penalty
from tests.factories import EnterpriseFactory, provincial_user, serious_entry

pytestmark = pytest.mark.e2e


def click(page, selector):
    page.locator(selector).first.click()
    page.wait_for_load_state()


def status(page):
    return page.locator("[data-testid=record-status]").inner_text()


def test_penalty_and_abnormal_entry_confirmed_and_published_then_recognition_refused(
    page, live_server, login, screenshot, transactional_db
):
    url = live_server.url
    enterprise = EnterpriseFactory(name="广州某家政服务有限公司")
    proposer, second = provincial_user("440000"), provincial_user("440000")
    yesterday = (timezone.localdate() - datetime.timedelta(days=1)).isoformat()

    login(page, proposer)
    page.goto(f"{url}/credit/files/?q={enterprise.uscc}")
    click(page, f"a:text('{enterprise.name}')")
    click(page, f"a[href$='/credit/files/{enterprise.pk}/penalties/new/']")
    page.fill("input[name=decision_number]", "穗市监罚〔2026〕123号")
    page.fill("input[name=authority]", "广州市市场监督管理局")
    page.fill("input[name=decided_on]", yesterday)
    page.select_option("select[name=kind]", "fine")
    page.fill("input[name=amount]", "30000")
    page.fill("textarea[name=ground]", "虚假宣传")
    click(page, "[data-testid=propose-form] button[type=submit]")
    assert status(page) == "已提出，待另一名执法人员审核"
    penalty_url = page.url
    click(page, "[data-testid=transitions] button[value=confirm]")
    assert "第二名执法人员" in page.content()  # the proposer may not confirm
    page.goto(f"{url}/credit/files/{enterprise.pk}/abnormal/new/")
    page.select_option("select[name=ground]", "unreachable")
    page.fill("input[name=decision_reference]", "穗市监异〔2026〕45号")
    page.fill("input[name=decided_on]", yesterday)
    click(page, "[data-testid=propose-form] button[type=submit]")
    abnormal_url = page.url

    page.context.clear_cookies()
    login(page, second)
    page.goto(f"{url}/credit/files/work/")
    assert enterprise.name in page.locator("[data-testid=work-penalty]").inner_text()
    for record in (penalty_url, abnormal_url):
        page.goto(record)
        click(page, "[data-testid=transitions] button[value=confirm]")
        assert status(page) in ("已公开", "已列入")
    screenshot(page, "credit-abnormal-confirmed")
    assert Penalty.objects.get().status == "published"
    assert AbnormalListing.objects.get().status == "listed"

    page.context.clear_cookies()
    page.goto(f"{url}/credit/abnormal/")
    assert "穗市监异〔2026〕45号" in page.locator("[data-testid=public-abnormal]").inner_text()
    page.goto(f"{url}/credit/penalties/")
    assert "穗市监罚〔2026〕123号" in page.locator("[data-testid=public-penalties]").inner_text()
    screenshot(page, "credit-public-penalties")

    listing = serious_entry(enterprise, proposer, second)
    login(page, proposer)
    page.goto(f"{url}/enterprises/recognitions/new/{enterprise.pk}/")
    assert listing.decision_reference in page.content()
    page.goto(f"{url}/enterprises/{enterprise.pk}/")
    assert page.locator("[data-testid=flag]").count() == 1
