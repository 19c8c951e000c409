"""The public questionnaire by one-time link: issued by a regulator, answered once, checked."""

import csv
import datetime
import io

import pytest
from django.utils import timezone

from monitoring.models import Item, Response, SurveyLink, SurveyLinkBatch
from portal.models import AdminDivision, AuditEntry
from tests import factories

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


@pytest.fixture
def wave(db):
    return factories.survey_wave()  # national, sectors H and O


def issue(client, wave, **fields):
    data = {"sector": "H", "size": "3", "days": "30", "output": "csv", **fields}
    return client.post(f"/monitoring/waves/{wave.pk}/links/", data)


def links_of(response):
    text = response.content.decode("utf-8-sig")
    return [row[0] for row in list(csv.reader(io.StringIO(text)))[1:]]


def answers(wave, values=(4, 5, 3, 4, 4, 5, 3)):
    codes = Item.objects.filter(indicator__dimension__version=wave.version).values_list(
        "code", flat=True
    )
    return dict(zip(codes, (str(v) for v in values), strict=False))


def opened_minutes_ago(minutes=5):
    SurveyLink.objects.update(opened_at=timezone.now() - datetime.timedelta(minutes=minutes))


def test_links_are_handed_over_once_and_count_for_the_regulators_unit(
    client_for, province_user, wave
):
    response = issue(client_for(province_user), wave, division="440106")
    assert response["Content-Disposition"].endswith('.csv"')
    links = links_of(response)
    assert len(links) == 3 and len(set(links)) == 3
    assert all("/monitoring/survey/" in link for link in links)
    batch = SurveyLinkBatch.objects.get()
    assert batch.reporting_unit == province_user.agency.reporting_unit
    assert batch.division == AdminDivision.objects.get(code="440106")
    token = links[0].rstrip("/").rsplit("/", 1)[1]
    assert not SurveyLink.objects.filter(token_hash=token).exists()  # only a fingerprint
    assert AuditEntry.objects.filter(action="download", actor=province_user).exists()


def test_a_consumer_answers_the_questionnaire_once_without_logging_in(
    client, client_for, province_user, wave
):
    link = links_of(issue(client_for(province_user), wave, division="440106"))[0]
    path = link.split("testserver", 1)[1]
    page = client.get(path)
    assert page.status_code == 200 and page["Cache-Control"] == "no-store"
    assert len(page.context["form"].questions) == len(answers(wave))
    opened_minutes_ago()

    assert client.post(path, answers(wave)).status_code == 302
    stored = Response.objects.get()
    assert (stored.sector, stored.reporting_unit, stored.division.code) == (
        "H", province_user.agency.reporting_unit, "440106"
    )  # fmt: skip
    assert not stored.excluded and stored.score is not None
    assert stored.duration_seconds >= 300

    again = client.post(path, answers(wave, values=(1,) * 7))
    assert again.status_code == 200 and b"Thank you" in again.content
    assert Response.objects.count() == 1 and Response.objects.get().answers == stored.answers


def test_a_straight_line_answered_in_seconds_is_kept_but_excluded_with_the_reasons(
    client, client_for, province_user, wave
):
    link = links_of(issue(client_for(province_user), wave, division="440106"))[0]
    path = link.split("testserver", 1)[1]
    client.get(path)
    client.post(path, answers(wave, values=(5,) * 7))
    stored = Response.objects.get()
    assert stored.excluded and stored.score is None
    assert "Straight-lining" in stored.reason and "Completed in" in stored.reason


def test_a_missing_answer_is_named_and_nothing_is_stored(client, client_for, province_user, wave):
    link = links_of(issue(client_for(province_user), wave, division="440106"))[0]
    path = link.split("testserver", 1)[1]
    given = answers(wave)
    first = next(iter(given))
    del given[first]
    response = client.post(path, given)
    assert response.status_code == 200 and response.context["form"].errors.keys() == {first}
    assert not Response.objects.exists() and SurveyLink.objects.filter(used_at=None).count() == 3


def test_unknown_and_expired_links_say_so(client, client_for, province_user, wave):
    link = links_of(issue(client_for(province_user), wave, division="440106"))[0]
    path = link.split("testserver", 1)[1]
    assert client.get("/monitoring/survey/not-a-token/").status_code == 404
    SurveyLinkBatch.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    expired = client.get(path)
    assert expired.status_code == 410 and b"expired" in expired.content
    assert client.post(path, answers(wave)).status_code == 410
    assert not Response.objects.exists()


def test_nobody_issues_links_for_another_unit(client_for, province_user, wave, hq_user):
    guangdong = client_for(province_user)
    refused = issue(guangdong, wave, division="330106")
    assert refused.status_code == 302 and not SurveyLinkBatch.objects.exists()
    zhejiang_wave = factories.survey_wave(unit=factories.unit("330000"))
    assert issue(guangdong, zhejiang_wave).status_code == 404

    headquarters = client_for(hq_user)
    issue(headquarters, wave)  # a national wave: which unit would the answers count for?
    assert not SurveyLinkBatch.objects.exists()
    issue(headquarters, wave, division="330106")
    assert SurveyLinkBatch.objects.get().reporting_unit.code == "330000"


def test_a_batch_is_bounded_and_its_sector_must_be_surveyed(client_for, province_user, wave):
    client = client_for(province_user)
    issue(client, wave, division="440106", size="1001")
    issue(client, wave, division="440106", sector="C")
    assert not SurveyLinkBatch.objects.exists()
