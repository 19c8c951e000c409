"""Browser: the 2019 round from opening to the national summary, in Chinese and in English.

The schedule runs for 2019-11-01 and opens the drafts; Guangdong completes and
submits its report; headquarters returns it with a comment (confirmed first);
Guangdong reads the comment first, on its dashboard and at the top of the report,
and resubmits; headquarters accepts it and downloads its PDF, all PDFs as a ZIP
and the national summary (the jobs run through Celery).
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


def switch_user(page, base_url, login, user, language):
    """Log out, choose the language on the login page as a person would, and log in."""
    page.context.clear_cookies()
    page.goto(f"{base_url}/accounts/login/")
    if language != "zh-hans":
        with page.expect_navigation():
            page.select_option("#language-select", language)
    login(page, user)


# What a person reads at each step, in each language.
TEXTS = {
    "zh-hans": {
        "comment": "请补充第三部分服务质量监测的数据来源。",
        "submitted": "已提交",
        "confirm_return": "将报告连同意见退回报送单位？",
        "returned": "已退回（附意见）",
        "returned_by": "退回：",
        "dashboard_comment": "总部意见：",
        "confirm_accept": "确认接收该报告？",
        "accepted": "已采纳",
        "download": "下载结果",
    },
    "en": {
        "comment": "Please give the source of the monitoring figures in part 3.",
        "submitted": "Submitted",
        "confirm_return": "Return the report to the unit with your comment?",
        "returned": "Returned with comments",
        "returned_by": "Returned by",
        "dashboard_comment": "Headquarters' comment: ",
        "confirm_accept": "Accept the report? It cannot be changed any more.",
        "accepted": "Accepted",
        "download": "Download the result",
    },
}


def confirm(page, question):
    """The confirmation page asks its question; confirm."""
    assert question in page.locator("[data-testid=confirm]").inner_text()
    click(page, "[data-testid=confirm] button[name=confirmed]")


def download(page, base_url, form, text):
    """Start a job from the form, wait for it on its page, download what it made (PDFs of
    the whole round take their time on a loaded machine: a minute at most)."""
    with page.expect_navigation(timeout=60_000):
        page.locator(f"form[action$='{form}'] button").first.click()
    page.wait_for_load_state()
    assert page.locator("[data-testid=job]").get_attribute("data-status") == "done"
    link = page.locator("a[href$='/download/']")
    assert link.inner_text() == text
    return fetch(page, base_url, link)


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_round_2019_from_opening_to_the_national_summary(
    live_server, page, login, province_user, hq_user, opened_2019, screenshot, language
):
    texts = TEXTS[language]
    assert ProgressReport.objects.filter(round=opened_2019, status="draft").count() == 37
    report = ProgressReport.objects.get(round=opened_2019, reporting_unit__code="440000")

    switch_user(page, live_server.url, login, province_user, language)
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
    assert status(page) == texts["submitted"]
    assert report.versions.count() == 1
    screenshot(page, f"reporting-submitted-{language}")

    switch_user(page, live_server.url, login, hq_user, language)
    page.goto(f"{live_server.url}/reporting/")
    click(page, f"[data-testid=rounds] a[href='{opened_2019.get_absolute_url()}']")
    assert page.locator("[data-testid=status-table] tbody tr").count() == 37
    click(page, "[data-unit='440000'] a[href^='/reporting/reports/']")
    screenshot(page, f"reporting-headquarters-buttons-{language}")
    transition(page, "return", texts["comment"])
    screenshot(page, f"reporting-confirm-return-{language}")
    confirm(page, texts["confirm_return"])
    assert status(page) == texts["returned"]

    switch_user(page, live_server.url, login, province_user, language)
    page.goto(f"{live_server.url}/dashboard/")
    first_card = page.locator("[data-testid=dashboard] .card").first.inner_text()
    assert texts["dashboard_comment"] + texts["comment"] in first_card
    screenshot(page, f"reporting-dashboard-returned-{language}")
    open_own_report(page, live_server.url)
    first = page.locator("main [role=alert], main .card").first
    assert first.get_attribute("data-testid") == "return-comment"
    assert texts["returned_by"] in first.inner_text() and texts["comment"] in first.inner_text()
    screenshot(page, f"reporting-returned-{language}")
    click(page, "a[href$='/edit/']")
    page.fill("textarea[name=task-3]", "数据来源：全省服务质量监测抽样调查，样本量一万二千份。")
    click(page, "main form button[type=submit]")
    transition(page, "resubmit")
    assert status(page) == texts["submitted"]
    assert report.versions.count() == 2

    switch_user(page, live_server.url, login, hq_user, language)
    page.goto(f"{live_server.url}{report.get_absolute_url()}")
    transition(page, "accept")
    confirm(page, texts["confirm_accept"])
    assert status(page) == texts["accepted"]
    pdf = download(page, live_server.url, "/pdf/", texts["download"])
    assert pdf.headers["content-type"] == "application/pdf" and pdf.body()[:5] == b"%PDF-"

    page.goto(f"{live_server.url}{opened_2019.get_absolute_url()}")
    archive = download(page, live_server.url, "/zip/", texts["download"])
    assert zipfile.ZipFile(io.BytesIO(archive.body())).namelist() == ["2019-440000-v2.pdf"]

    page.goto(f"{live_server.url}{opened_2019.get_absolute_url()}")
    summary = download(page, live_server.url, "/summary/", texts["download"])
    assert summary.body()[:5] == b"%PDF-"
