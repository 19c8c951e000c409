"""Browser: Guangdong's regulator opens a computed national survey wave and reads its indices,
its 95% intervals and the interval chart by reporting unit: Guangdong's figures and the
national ones, never Zhejiang's. The figures are the hand-checked ones of test_indices.py.
"""

import pytest

from monitoring.services import indices
from tests import factories
from tests.monitoring.conftest import ANSWERS, answers, weighted_version

pytestmark = pytest.mark.e2e


def computed_wave():
    wave = factories.survey_wave(weighted_version(), name="2026年第一期服务满意度调查")
    gd, zj = factories.unit("440000"), factories.unit("330000")
    factories.survey_responses(wave, [
        {"reporting_unit_id": gd.pk, "sector": "H", "answers": answers(ANSWERS["A"])},
        {"reporting_unit_id": gd.pk, "sector": "O", "answers": answers(ANSWERS["B"])},
        {"reporting_unit_id": zj.pk, "sector": "H", "answers": answers(ANSWERS["C"])},
    ])  # fmt: skip
    indices.compute(wave)
    return wave


def test_a_provincial_regulator_reads_a_waves_indices_and_interval_chart(
    page, live_server, login, screenshot, transactional_db
):
    wave = computed_wave()
    login(page, factories.provincial_user("440000"))
    page.goto(f"{live_server.url}/monitoring/")
    page.get_by_role("link", name=wave.name).first.click()
    page.wait_for_load_state()
    assert page.url.endswith(f"/monitoring/waves/{wave.pk}/")

    overall = page.locator("[data-testid=overall] tbody tr").first.inner_text()
    assert "62.92" in overall and "-6.33 – 132.17" in overall
    by_unit = page.locator("[data-testid=by-unit] tbody tr").all_inner_texts()
    assert len(by_unit) == 1 and "广东省" in by_unit[0] and "-217.51 – 322.51" in by_unit[0]
    assert "浙江省" not in page.locator("main").inner_text()

    chart = page.locator("[data-testid=chart]").filter(
        has=page.locator("svg[aria-label='各报告单位指数']")
    )
    assert chart.locator("svg line.whisker").count() == 1
    assert chart.locator("svg rect.bar").count() == 1
    rows = chart.locator("table tbody tr").all_inner_texts()
    assert len(rows) == 1 and "52.50" in rows[0] and "-217.51 – 322.51" in rows[0]
    screenshot(page, "survey-wave-guangdong")


def test_a_consumer_answers_a_questionnaire_link_on_a_phone(
    browser, live_server, screenshot, transactional_db
):
    from monitoring.models import Response
    from monitoring.services import survey_links

    wave = factories.survey_wave(unit=factories.unit("440000"), name="2026年广东省满意度调查")
    staff = factories.provincial_user("440000")
    token = survey_links.issue_links(wave, staff, sector="H", size=1).tokens[0]
    phone = browser.new_context(locale="zh-CN", viewport={"width": 375, "height": 740})
    page = phone.new_page()
    page.goto(f"{live_server.url}/monitoring/survey/{token}/")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    questions = page.locator("fieldset.question")
    asked = questions.count()
    for n in range(asked):
        questions.nth(n).get_by_text(str(4 + n % 2), exact=True).click()  # tap the label
    screenshot(page, "survey-questionnaire-phone")
    page.get_by_role("button", name="提交答卷").click()
    page.wait_for_load_state()
    assert "感谢您的填写" in page.content()
    stored = Response.objects.get()
    assert stored.wave == wave and len(stored.answers) == asked == 7
    page.goto(f"{live_server.url}/monitoring/survey/{token}/")
    assert "此链接不能再次使用" in page.content()
    phone.close()
