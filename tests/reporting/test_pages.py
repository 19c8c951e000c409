"""The reporting pages: rounds, a report, editing with optimistic locking, the workflow."""

from django.urls import reverse

from reporting.models import ProgressReport, Round


def test_rounds_page_lists_the_2019_and_2020_rounds(client_for, province_user, opened):
    response = client_for(province_user).get(reverse("reporting:rounds"))

    assert response.status_code == 200
    assert "2019年服务业质量提升专项行动进展情况报告" in response.text
    assert "2020年服务业质量提升专项行动进展情况报告" in response.text


def test_headquarters_add_a_round_with_its_milestones(client_for, hq_user):
    data = {
        "title": "2021年进展情况报告",
        "period_start": "2020-11-01",
        "period_end": "2021-10-31",
        "opens_on": "2021-11-01",
        "due_date": "2021-11-30",
        "included": [f"task-{n}" for n in range(1, 13)] + ["problems", "attachments"],
        "extra": "疫情防控期间的服务保障\n",
    }
    response = client_for(hq_user).post(reverse("reporting:round_create"), data)

    new = Round.objects.get(title="2021年进展情况报告")
    assert response.status_code == 302
    assert new.milestones.count() == 7
    keys = [section["key"] for section in new.sections]
    assert keys[-3:] == ["problems", "extra-1", "attachments"]
    assert new.sections[-2]["title"] == "疫情防控期间的服务保障"


def test_a_due_date_before_the_opening_is_refused(client_for, hq_user):
    data = {
        "title": "错误的轮次",
        "period_start": "2020-11-01",
        "period_end": "2021-10-31",
        "opens_on": "2021-11-01",
        "due_date": "2021-10-01",
    }
    response = client_for(hq_user).post(reverse("reporting:round_create"), data)

    assert response.status_code == 200
    assert "due_date" in response.context["form"].errors
    assert not Round.objects.filter(title="错误的轮次").exists()


def test_provincial_staff_cannot_add_rounds(client_for, province_user):
    assert client_for(province_user).get(reverse("reporting:round_create")).status_code == 403


def test_the_report_page_lists_missing_sections(client_for, other_province_user, zhejiang_report):
    response = client_for(other_province_user).get(zhejiang_report.get_absolute_url())

    assert response.status_code == 200
    assert "典型经验" in response.text
    assert 'data-testid="missing"' in response.text


def test_editing_saves_and_a_stale_save_shows_the_other_text(
    client_for, other_province_user, zhejiang_report
):
    client = client_for(other_province_user)
    url = reverse("reporting:report_edit", args=[zhejiang_report.pk])
    client.post(url, {"lock_version": 1, "task-1": "同事甲的文字"})

    response = client.post(url, {"lock_version": 1, "task-1": "同事乙的文字"})

    assert response.status_code == 200
    assert "同事甲的文字" in response.text  # theirs, shown
    assert "同事乙的文字" in response.text  # mine, kept in the form
    assert response.context["form"]["lock_version"].value() == 2
    zhejiang_report.refresh_from_db()
    assert zhejiang_report.texts["task-1"] == "同事甲的文字"


def test_submitting_in_the_browser_with_empty_sections_shows_the_list(
    client_for, other_province_user, zhejiang_report
):
    client = client_for(other_province_user)
    client.post(reverse("reporting:report_transition", args=[zhejiang_report.pk, "review"]))
    response = client.post(
        reverse("reporting:report_transition", args=[zhejiang_report.pk, "submit"]), follow=True
    )

    assert "激发企业质量提升动力" in response.text
    assert ProgressReport.objects.get(pk=zhejiang_report.pk).status == "reviewed"


def test_headquarters_return_with_a_comment(client_for, province_user, hq_user, guangdong_report):
    from reporting.services.reports import REPORT

    REPORT.apply(guangdong_report, "review", province_user)
    REPORT.apply(guangdong_report, "submit", province_user)
    url = reverse("reporting:report_transition", args=[guangdong_report.pk, "return"])

    response = client_for(hq_user).post(
        url, {"reason": "请补充典型案例。", "confirmed": "1"}, follow=True
    )

    assert "请补充典型案例。" in response.text
    assert ProgressReport.objects.get(pk=guangdong_report.pk).status == "returned"

    # The province reads the comment first: at the top of the report and on its dashboard.
    province = client_for(province_user)
    page = province.get(guangdong_report.get_absolute_url()).text
    top = page.index('data-testid="return-comment"')
    assert "请补充典型案例。" in page[top : top + 400] and top < page.index('class="card"')
    assert "请补充典型案例。" in province.get("/dashboard/").text
    REPORT.apply(ProgressReport.objects.get(pk=guangdong_report.pk), "resubmit", province_user)
    assert (
        'data-testid="return-comment"' not in province.get(guangdong_report.get_absolute_url()).text
    )


def test_round_status_page_shows_all_37_units(client_for, hq_user, opened):
    response = client_for(hq_user).get(reverse("reporting:round", args=[opened.pk]))

    assert response.status_code == 200
    assert response.text.count("data-unit=") == 37
    assert "<svg" in response.text


def test_measures_are_recorded_for_the_own_unit(client_for, province_user, db):
    data = {"task": 9, "kind": "training", "name": "养老护理员培训", "people_trained": 300}
    data |= {"pilots": 0, "platforms": 0, "bodies": 0, "started_on": "2019-05-01"}
    client_for(province_user).post(reverse("reporting:measures"), data)

    from reporting.models import Measure

    assert Measure.objects.get().reporting_unit.code == "440000"


def test_attachments_are_checked_by_content(client_for, other_province_user, zhejiang_report):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = client_for(other_province_user)
    url = reverse("reporting:attachment_upload", args=[zhejiang_report.pk])
    client.post(url, {"file": SimpleUploadedFile("fake.pdf", b"MZ\x90\x00 not a pdf")})
    client.post(url, {"file": SimpleUploadedFile("scan.pdf", b"%PDF-1.7\n%\xe2\xe3\n")})

    assert [a.name for a in zhejiang_report.attachments.all()] == ["scan.pdf"]


def test_only_headquarters_are_offered_a_new_round(client_for, hq_user, province_user):
    new_round = reverse("reporting:round_create")
    assert new_round in client_for(hq_user).get(reverse("reporting:rounds")).text
    assert new_round not in client_for(province_user).get(reverse("reporting:rounds")).text
