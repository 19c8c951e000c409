"""Survey responses from a spreadsheet: preview, row problems, quality flags, the job, indices."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook, load_workbook

from monitoring.models import IndexResult, Response
from portal.models import Job
from tests import factories

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

ITEMS = [f"q{i}" for i in range(1, 8)]
HEADER = ["行业 Sector", "行政区划代码", "统一社会信用代码", "受访者编号", "用时秒", *ITEMS]


def xlsx(rows, header=HEADER):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    stream = io.BytesIO()
    workbook.save(stream)
    return stream.getvalue()


def row(answers=(4, 4, 3, 4, 5, 4, 3), sector="H", division="440106", uscc="", who="", secs=120):
    return [sector, division, uscc, who, secs, *answers]


def upload(client, wave, data):
    url = f"/monitoring/waves/{wave.pk}/import/"
    return client.post(url, {"file": SimpleUploadedFile("responses.xlsx", data)})


def run(client, wave, data, mode="good"):
    preview = upload(client, wave, data)
    assert preview.status_code == 200
    token = preview.context["start_form"].initial["token"]
    url = f"/monitoring/waves/{wave.pk}/import/start/"
    response = client.post(url, {"token": token, "mode": mode})
    assert response.status_code == 302
    return Job.objects.get(pk=response.url.rstrip("/").split("/")[-1])


@pytest.fixture
def wave(db):
    return factories.survey_wave()


def test_columns_that_do_not_match_the_model_are_named(client_for, province_user, wave):
    client = client_for(province_user)
    header = [*HEADER[:5], *ITEMS[:-1], "q9"]
    response = upload(client, wave, xlsx([row()], header))
    problems = [p.message for p in response.context["checked"].file_problems]
    assert problems == ["Missing columns: q7.", "Unexpected columns: q9."]
    assert b"import/start" not in response.content and not Response.objects.exists()


def test_row_problems_are_listed_with_row_and_column(client_for, province_user, wave):
    client = client_for(province_user)
    rows = [row(), row(sector="C"), row(division="330106"), row(answers=(4, "x", 3, 4, 5, 4, 3)),
            row(uscc="91440300MA5D6XYZ00")]  # fmt: skip
    checked = upload(client, wave, xlsx(rows)).context["checked"]
    problems = {(p.row, p.column): p.message for p in checked.problems}
    assert problems[(3, "行业")] == "“C” is not a sector of the survey."
    assert problems[(4, "行政区划代码")] == "The division lies outside the wave's or your unit."
    assert problems[(5, "q2")] == "Not a whole number in q2."
    assert "统一社会信用代码" in {column for (number, column) in problems if number == 6}
    assert len(checked.good) == 1 and not Response.objects.exists()


def test_quality_checks_keep_the_response_but_exclude_it_with_the_reason(
    client_for, province_user, wave
):
    client = client_for(province_user)
    rows = [
        row(who="R1"),
        row(answers=(6, 4, 3, 4, 5, 4, 3), who="R2"),  # outside the 1-5 scale
        row(answers=(4, 4, 3, 4, 5, 4, None), who="R3"),  # q7 missing
        row(who="R1"),  # the same respondent again
        row(answers=(3,) * 7, who="R5"),  # straight-lining
        row(who="R6", secs=13),  # 7 items need 14 seconds
        row(who="R7", secs=14),
    ]
    job = run(client, wave, xlsx(rows))
    assert job.status == "done" and job.result == {"imported": 7, "excluded": 5, "rejected": 0}
    reasons = dict(Response.objects.filter(wave=wave).values_list("respondent", "reason"))
    assert Response.objects.get(row=2).reason == "" and reasons["R7"] == ""
    assert reasons["R2"] == "Outside the scale: q1."
    assert reasons["R3"] == "Required items missing: q7."
    assert Response.objects.get(row=5).reason == "Duplicate of row 2."
    assert reasons["R5"] == "Straight-lining: every item has the same answer."
    assert reasons["R6"] == "Completed in 13 seconds; at least 14 are plausible."
    whole = IndexResult.objects.get(wave=wave, level="nation", component="index")
    assert whole.n == 2
    page = client.get(f"/monitoring/waves/{wave.pk}/excluded/").content.decode()
    assert "Straight-lining" in page and "Duplicate of row 2." in page


def test_rejected_rows_come_back_as_a_workbook_with_the_reason(client_for, province_user, wave):
    client = client_for(province_user)
    job = run(client, wave, xlsx([row(), row(sector="C")]))
    assert job.result == {"imported": 1, "excluded": 0, "rejected": 1}
    sheet = load_workbook(io.BytesIO(job.result_file.read())).active
    assert [c.value for c in sheet[1]][-1] == "Reason"
    assert sheet["A2"].value == "C" and "not a sector" in sheet.cell(2, len(HEADER) + 1).value


def test_all_or_nothing_imports_nothing_when_a_row_is_bad(client_for, province_user, wave):
    client = client_for(province_user)
    job = run(client, wave, xlsx([row(), row(sector="C")]), mode="all")
    assert job.status == "failed" and "1 rows have problems" in job.message
    assert not Response.objects.exists()
    wave.version.refresh_from_db()
    assert not wave.version.frozen


def test_the_import_freezes_the_version_and_the_wave_page_shows_the_index(
    client_for, province_user, wave
):
    client = client_for(province_user)
    job = run(client, wave, xlsx([row(), row(answers=(5, 5, 4, 5, 5, 5, 4))]))
    wave.version.refresh_from_db()
    assert wave.version.frozen and job.result_url == f"/monitoring/waves/{wave.pk}/"
    page = client.get(job.result_url).content.decode()
    assert "insufficient data" not in page.split("Charts")[0]
    whole = IndexResult.objects.get(wave=wave, level="nation", component="index")
    assert f"{whole.mean:.2f}" in page


def test_a_frozen_version_refuses_a_file_with_other_columns(client_for, province_user, wave):
    client = client_for(province_user)
    run(client, wave, xlsx([row()]))
    response = upload(client, wave, xlsx([row()[:-1]], HEADER[:-1]))
    assert [p.message for p in response.context["checked"].file_problems] == [
        "Missing columns: q7."
    ]


def test_another_units_wave_cannot_be_imported_into(client_for, other_province_user):
    guangdong_wave = factories.survey_wave(unit=factories.unit("440000"))
    client = client_for(other_province_user)
    assert upload(client, guangdong_wave, xlsx([row()])).status_code == 404
