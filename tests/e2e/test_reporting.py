"""Browser: the 2019 round from opening to the national summary.

The schedule runs for 2019-11-01 and opens the drafts; Guangdong completes and
submits its report; headquarters returns it with a comment; Guangdong
resubmits; headquarters accepts it and downloads its PDF, all PDFs as a ZIP
and the national summary.
"""

import io
import zipfile

import pytest
from django.core.management import call_command

from reporting.defaults import ensure_default_rounds
from reporting.models import Milestone, ProgressReport, Round

pytestmark = pytest.mark.e2e
SCAN = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def opened_2019(transactional_db):
    """The schedule, run for 2019-11-01, has opened the 2019 drafts."""
    ensure_default_rounds(Round, Milestone)
    call_command("run_reporting_schedule", "--date", "2019-11-01")
    return Round.objects.get(due_date="2019-11-30")


def click(page, selector):
    page.locator(selector).first.click()
    page.wait_for_load_state()


def transition(page, action, comment=""):
    if comment:
        page.fill("[data-testid=transitions] textarea[name=reason]", comment)
    click(page, f"[data-testid=transitions] button[value={action}]")
    if page.locator("[data-testid=confirm]").count():
        click(page, "[data-testid=confirm] button[name=confirmed]")


def status(page):
    return page.locator("[data-testid=report-status]").inner_text()


def open_own_report(page, url):
    page.goto(f"{url}/reporting/")
    click(page, "[data-testid=rounds] a[href^='/reporting/reports/']")


def write_everything(page):
    click(page, "a[href$='/edit/']")
    boxes = page.locator("main form textarea")
    for index in range(boxes.count()):
        boxes.nth(index).fill(
            f"广东省第{index + 1}部分：建立工作机制，开展服务质量提升行动，取得积极成效。"
        )
    click(page, "main form button[type=submit]")


def fetch(page, base_url, link):
    """Download what a link points at, with the page's session."""
    return page.request.get(base_url + link.get_attribute("href"))


def switch_user(page, login, user):
    """Log out (the login fixture would click the header's log-out button) and log in."""
    page.context.clear_cookies()
    login(page, user)


def test_round_2019_from_opening_to_the_national_summary(
    live_server, page, login, province_user, hq_user, opened_2019, screenshot
):
    assert ProgressReport.objects.filter(round=opened_2019, status="draft").count() == 37
    report = ProgressReport.objects.get(round=opened_2019, reporting_unit__code="440000")

    switch_user(page, login, province_user)
    open_own_report(page, live_server.url)
    assert page.locator("[data-testid=missing] li").count() == 18
    write_everything(page)
    assert page.locator("[data-testid=missing]").count() == 0
    page.set_input_files(
        "input[name=file]", {"name": "佐证材料.pdf", "mimeType": "application/pdf", "buffer": SCAN}
    )
    click(page, "form[action$='/attach/'] button[type=submit]")
    transition(page, "review")
    transition(page, "submit")
    report.refresh_from_db()
    assert report.status == "submitted" and report.versions.count() == 1
    screenshot(page, "reporting-submitted")

    switch_user(page, login, hq_user)
    page.goto(f"{live_server.url}/reporting/")
    click(page, f"[data-testid=rounds] a[href='{opened_2019.get_absolute_url()}']")
    assert page.locator("[data-testid=status-table] tbody tr").count() == 37
    click(page, "[data-unit='440000'] a[href^='/reporting/reports/']")
    transition(page, "return", "请补充第三部分服务质量监测的数据来源。")
    assert (
        "请补充第三部分服务质量监测的数据来源。"
        in page.locator("[data-testid=status-history]").inner_text()
    )

    switch_user(page, login, province_user)
    open_own_report(page, live_server.url)
    click(page, "a[href$='/edit/']")
    page.fill("textarea[name=task-3]", "数据来源：全省服务质量监测抽样调查，样本量一万二千份。")
    click(page, "main form button[type=submit]")
    transition(page, "resubmit")
    report.refresh_from_db()
    assert report.status == "submitted" and report.versions.count() == 2

    switch_user(page, login, hq_user)
    page.goto(f"{live_server.url}{report.get_absolute_url()}")
    transition(page, "accept")
    report.refresh_from_db()
    assert report.status == "accepted"
    click(page, "form[action$='/pdf/'] button")
    assert page.locator("[data-testid=job]").get_attribute("data-status") == "done"
    pdf = fetch(page, live_server.url, page.locator("a[href$='/download/']"))
    assert pdf.headers["content-type"] == "application/pdf" and pdf.body()[:5] == b"%PDF-"

    page.goto(f"{live_server.url}{opened_2019.get_absolute_url()}")
    screenshot(page, "reporting-round-status")
    click(page, "form[action$='/zip/'] button")
    assert page.locator("[data-testid=job]").get_attribute("data-status") == "done"
    archive = fetch(page, live_server.url, page.locator("a[href$='/download/']"))
    assert zipfile.ZipFile(io.BytesIO(archive.body())).namelist() == ["2019-440000-v2.pdf"]

    page.goto(f"{live_server.url}{opened_2019.get_absolute_url()}")
    click(page, "form[action$='/summary/'] button")
    assert page.locator("[data-testid=job]").get_attribute("data-status") == "done"
    summary = fetch(page, live_server.url, page.locator("a[href$='/download/']"))
    assert summary.body()[:5] == b"%PDF-"
