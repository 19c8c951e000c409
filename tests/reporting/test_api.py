"""The reporting API: rounds, workflow actions, optimistic locking, measures."""

from reporting.models import Measure, Round


def test_a_round_due_before_its_opening_is_refused(client_for, hq_user):
    data = {"title": "错误", "period_start": "2021-01-01", "period_end": "2021-10-31"}
    data |= {"opens_on": "2021-11-01", "due_date": "2021-10-01"}

    response = client_for(hq_user).post(
        "/api/v1/reporting/rounds/", data, content_type="application/json"
    )

    assert response.status_code == 400
    assert "due_date" in str(response.json())
    assert not Round.objects.filter(title="错误").exists()


def test_workflow_through_the_api_lists_missing_sections(
    client_for, other_province_user, zhejiang_report
):
    client = client_for(other_province_user)
    base = f"/api/v1/reporting/reports/{zhejiang_report.pk}"

    assert client.post(f"{base}/review/").json()["status"] == "reviewed"
    refused = client.post(f"{base}/submit/")

    assert refused.status_code == 400
    assert "典型经验" in str(refused.json())


def test_a_stale_texts_save_is_409_with_the_current_texts(
    client_for, other_province_user, zhejiang_report
):
    client = client_for(other_province_user)
    url = f"/api/v1/reporting/reports/{zhejiang_report.pk}/texts/"
    first = {"lock_version": 1, "texts": {"task-1": "甲"}}
    second = {"lock_version": 1, "texts": {"task-1": "乙"}}

    assert client.post(url, first, content_type="application/json").status_code == 200
    stale = client.post(url, second, content_type="application/json")

    assert stale.status_code == 409
    assert stale.json()["texts"]["task-1"] == "甲"


def test_measures_are_created_for_the_own_unit(client_for, province_user):
    data = {"task": 1, "kind": "pilot", "name": "试点", "pilots": 2, "started_on": "2019-06-01"}

    response = client_for(province_user).post(
        "/api/v1/reporting/measures/", data, content_type="application/json"
    )

    assert response.status_code == 201
    assert Measure.objects.get().reporting_unit.code == "440000"
