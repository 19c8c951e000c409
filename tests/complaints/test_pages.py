"""The complaint journey in pages: the public files and follows; regulators handle it."""

import datetime
import time

import pytest
from django.core import signing
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from complaints.models import Complaint, ComplaintReply
from complaints.services import handling
from portal.form_guard import SALT
from tests.factories import EnterpriseFactory, MembershipFactory, complaint
from tests.logins import log_in

pytestmark = pytest.mark.django_db
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00"
    b"\x00\x00\x00IEND\xaeB`\x82"
)


class _Earlier(signing.TimestampSigner):
    def timestamp(self):
        return signing.b62_encode(int(time.time()) - 10)


def aged_token():
    """A form token served ten seconds ago, as a person filling the form would post it."""
    return _Earlier(salt=SALT).sign("form")


def form_data(**overrides):
    data = {
        "form_token": aged_token(),
        "website": "",
        "kinds": ["complaint"],
        "complainant_name": "王小明",
        "complainant_phone": "138 1234 5678",
        "complainant_id_number": "",
        "complainant_address": "广州市天河区体育东路2号",
        "operator_uscc": "",
        "operator_name": "某某美容店",
        "operator_address": "广州市天河区天河路3号",
        "division": _division_id("440106"),
        "platform_uscc": "",
        "service_section": "O",
        "happened_on": "2026-11-20",
        "amount": "1200",
        "description": "预付卡充值后店铺关门，无法退款。",
        "request": "退还余额1200元。",
    }
    data.update(overrides)
    return data


def _division_id(code):
    from portal.models import AdminDivision

    return AdminDivision.objects.get(code=code).pk


def file_online(client, **overrides):
    return client.post("/complaints/", form_data(**overrides), follow=True)


def test_a_consumer_files_a_complaint_and_follows_it_by_its_code(client):
    page = file_online(client, evidence=SimpleUploadedFile("发票.png", PNG))
    (filed,) = Complaint.objects.all()
    assert filed.tracking_code in page.content.decode()
    assert filed.reporting_unit.code == "440000"
    assert filed.attachments.get().content_kind == "png"

    other = client.__class__()
    wrong = other.post("/complaints/track/", {"tracking_code": filed.tracking_code,
                                              "phone_last_four": "0000"})  # fmt: skip
    assert "No complaint matches" in wrong.content.decode() or "没有" in wrong.content.decode()
    found = other.post(
        "/complaints/track/",
        {"tracking_code": filed.tracking_code, "phone_last_four": "5678"},
        follow=True,
    )
    status = found.content.decode()
    assert filed.tracking_code in status and "某某美容店" in status
    assert "王小明" not in status  # the status page shows nothing personal


def test_a_status_page_is_closed_to_whoever_has_not_given_the_phone_digits(client):
    filed = complaint()
    page = client.get(f"/complaints/track/{filed.tracking_code}/")
    assert page.status_code == 302 and page["Location"] == "/complaints/track/"


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        ("complainant_phone", "12345", "“12345” is not a mainland phone number"),
        ("complainant_id_number", "110105194912310021", "should be X, not 1"),
        ("happened_on", "2099-01-01", "This date lies in the future"),
        ("operator_uscc", "91440101MA5ABCDE1X", "should be 5, not 1"),
    ],
)
def test_bad_input_is_named_and_nothing_is_lost(client, settings, field, value, words):
    settings.LANGUAGE_CODE = "en"
    page = client.post("/complaints/", form_data(**{field: value}), HTTP_ACCEPT_LANGUAGE="en")
    assert page.status_code == 200
    body = page.content.decode()
    assert words in body
    assert "预付卡充值后店铺关门" in body  # what was typed is still in the form
    assert not Complaint.objects.exists()


def test_a_form_posted_at_once_or_with_the_trap_filled_is_refused(client):
    fresh = signing.TimestampSigner(salt=SALT).sign("form")
    client.post("/complaints/", form_data(form_token=fresh))
    client.post("/complaints/", form_data(website="http://spam.example"))
    client.post("/complaints/", form_data(form_token="forged:token"))
    assert not Complaint.objects.exists()
    file_online(client)
    assert Complaint.objects.count() == 1


def test_the_same_form_posted_twice_is_one_complaint(client):
    file_online(client)
    page = file_online(client)
    assert Complaint.objects.count() == 1
    assert Complaint.objects.get().tracking_code in page.content.decode()


def test_one_phone_cannot_file_without_limit(client, settings):
    settings.PORTAL_RATE_LIMITS = {**settings.PORTAL_RATE_LIMITS, "complaint_phone": "2/day"}
    for n in range(3):
        response = client.post("/complaints/", form_data(description=f"第{n}件事"))
    assert response.status_code == 429
    assert Complaint.objects.count() == 2


def test_a_fifty_megabyte_upload_is_refused(client):
    big = SimpleUploadedFile("big.pdf", b"%PDF-1.4\n" + b"0" * (50 * 1024 * 1024))
    response = client.post("/complaints/", form_data(evidence=big))
    assert response.status_code in (200, 413)
    assert not Complaint.objects.exists()


def test_a_file_that_is_not_what_its_name_says_is_refused(client):
    fake = SimpleUploadedFile("照片.jpg", b"<html><script>alert(1)</script></html>")
    page = client.post("/complaints/", form_data(evidence=fake))
    assert page.status_code == 200 and not Complaint.objects.exists()


def test_regulators_record_a_phone_complaint_dated_in_the_past_never_the_future(
    client, province_user
):
    log_in(client, province_user)
    data = form_data(channel="phone", received_on="2026-11-30")
    del data["form_token"], data["website"]
    future = {**data, "received_on": str(timezone.localdate() + datetime.timedelta(days=1))}
    assert client.post("/complaints/handling/new/", future).status_code == 200
    assert not Complaint.objects.exists()
    client.post("/complaints/handling/new/", data)
    recorded = Complaint.objects.get()
    assert (recorded.channel, recorded.received_on) == ("phone", datetime.date(2026, 11, 30))
    assert recorded.created_by == province_user


def test_the_due_list_shows_what_is_due_soon_and_overdue_in_the_unit_only(
    client, province_user, other_province_user
):
    today = timezone.localdate()
    overdue = complaint()
    Complaint.objects.filter(pk=overdue.pk).update(decision_due=today - datetime.timedelta(days=1))
    soon = complaint(complainant_phone="13900000001")
    Complaint.objects.filter(pk=soon.pk).update(decision_due=today)
    later = complaint(complainant_phone="13900000002")
    Complaint.objects.filter(pk=later.pk).update(decision_due=today + datetime.timedelta(days=30))
    log_in(client, province_user)

    def codes(query):
        page = client.get(f"/complaints/handling/{query}")
        return {c.tracking_code for c in page.context["page"]}

    assert codes("?due=overdue") == {overdue.tracking_code}
    assert codes("?due=soon") == {soon.tracking_code}
    assert codes("") == {overdue.tracking_code, soon.tracking_code, later.tracking_code}
    log_in(client, other_province_user)
    assert codes("") == set()


def test_contact_details_are_full_for_the_handler_masked_for_headquarters(
    client, province_user, hq_user
):
    filed = complaint(complainant_id_number="11010519491231002X")
    log_in(client, province_user)
    page = client.get(f"/complaints/handling/{filed.pk}/").content.decode()
    assert "13812345678" in page and "11010519491231002X" in page
    log_in(client, hq_user)
    page = client.get(f"/complaints/handling/{filed.pk}/").content.decode()
    assert "13812345678" not in page and "138****5678" in page
    assert "11010519491231002X" not in page
    listing = client.get("/complaints/handling/").content.decode()
    assert "王小明" not in listing and "王**" in listing


def test_the_enterprise_answers_in_mediation_and_never_sees_the_id_number(client, province_user):
    operator = EnterpriseFactory()
    member = MembershipFactory(enterprise=operator, status="approved").user
    filed = complaint(
        operator=operator, operator_name=operator.name, complainant_id_number="11010519491231002X"
    )
    handling.COMPLAINT.apply(filed, "accept", province_user)
    handling.COMPLAINT.apply(filed, "mediate", province_user)
    log_in(client, member)
    page = client.get(f"/complaints/handling/{filed.pk}/").content.decode()
    assert "11010519491231002X" not in page and "13812345678" not in page
    client.post(f"/complaints/handling/{filed.pk}/reply/", {"text": "同意退款1200元。"})
    assert ComplaintReply.objects.get().author == member
    Complaint.objects.filter(pk=filed.pk).update(contact_consent=True)
    page = client.get(f"/complaints/handling/{filed.pk}/").content.decode()
    assert "13812345678" in page and "11010519491231002X" not in page


def test_an_enterprise_sees_only_complaints_about_its_own_enterprises(client):
    mine = EnterpriseFactory()
    member = MembershipFactory(enterprise=mine, status="approved").user
    about_me = complaint(operator=mine, operator_name=mine.name)
    other = EnterpriseFactory()
    complaint(operator=other, operator_name=other.name, complainant_phone="13900000003")
    log_in(client, member)
    page = client.get("/complaints/handling/")
    assert [c.pk for c in page.context["page"]] == [about_me.pk]


def test_the_handler_refuses_on_a_ground_and_the_consumer_sees_why_and_rates(client, province_user):
    filed = complaint()
    log_in(client, province_user)
    page = client.get(f"/complaints/handling/{filed.pk}/")
    form = page.context["ground_forms"]["refuse"]
    ground = form.fields["ground"].queryset.get(code="time_barred")
    client.post(
        f"/complaints/handling/{filed.pk}/decide/refuse/",
        {"refuse-ground": ground.pk, "refuse-note": "2021年的消费"},
    )
    filed.refresh_from_db()
    assert filed.status == Complaint.Status.NOT_ACCEPTED

    consumer = client.__class__()
    consumer.post(
        "/complaints/track/", {"tracking_code": filed.tracking_code, "phone_last_four": "5678"}
    )
    status = consumer.get(f"/complaints/track/{filed.tracking_code}/").content.decode()
    assert ground.text in status
    consumer.post(f"/complaints/track/{filed.tracking_code}/rate/", {"rating": "2"})
    consumer.post(f"/complaints/track/{filed.tracking_code}/rate/", {"rating": "5"})
    filed.refresh_from_db()
    assert filed.rating == 2


def test_the_public_status_api_answers_by_code_and_digits_alike_for_any_miss(client):
    filed = complaint()
    url = "/api/v1/complaint-status/"
    found = client.post(url, {"tracking_code": filed.tracking_code, "phone_last_four": "5678"})
    assert found.status_code == 200
    assert found.json()["status"] == "received" and "王小明" not in found.content.decode()
    wrong_phone = client.post(
        url, {"tracking_code": filed.tracking_code, "phone_last_four": "0000"}
    )
    wrong_code = client.post(url, {"tracking_code": "ZZZZZZZZZZZZ", "phone_last_four": "5678"})
    assert wrong_phone.status_code == wrong_code.status_code == 404
    assert wrong_phone.json() == wrong_code.json()
    odd = client.post(url, {"tracking_code": "content_type", "phone_last_four": "٣٣٣٣"})
    assert odd.status_code == 400
