"""Filing: routing to the operator's unit, the split of a complaint and a report, merging."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from complaints.models import Complaint, OdrEnterprise, RoutingRule
from complaints.services import intake
from portal.models import AdminDivision
from tests.factories import EnterpriseFactory
from tests.factories import complaint_submission as submission

pytestmark = pytest.mark.django_db
Kind = Complaint.Kind


def file(data, kinds=(Kind.COMPLAINT,), user=None):
    return intake.file(data, kinds=list(kinds), channel=Complaint.Channel.ONLINE, user=user)


def test_a_registered_operator_routes_to_its_registry_unit_whatever_address_is_given():
    operator = EnterpriseFactory(division_code="330106")
    data = submission(operator=operator, operator_name=operator.name)  # Guangzhou address
    (complaint,) = file(data).complaints
    assert complaint.reporting_unit.code == "330000"
    assert complaint.first_unit.code == "330000"
    assert complaint.routed_by == Complaint.Routed.REGISTRY


def test_an_unknown_operator_routes_to_the_division_of_the_address_given():
    data = submission(division=AdminDivision.objects.get(code="330106"))
    (complaint,) = file(data).complaints
    assert (complaint.reporting_unit.code, complaint.routed_by) == ("330000", "address")


def test_an_unknown_seller_on_a_platform_goes_to_the_platforms_domicile():
    platform = EnterpriseFactory(division_code="330106", name="某电商平台有限公司")
    (complaint,) = file(submission(platform=platform)).complaints
    assert (complaint.reporting_unit.code, complaint.routed_by) == ("330000", "platform")


def test_the_first_matching_routing_rule_wins_and_is_recorded():
    zhejiang = AdminDivision.objects.get(code="330106")
    late = RoutingRule.objects.create(
        position=20, description="all of Tianhe", division_prefix="4401", target_division=zhejiang
    )
    early = RoutingRule.objects.create(
        position=10,
        description="Tianhe beauty salons",
        division_prefix="440106",
        service_section="O",
        target_division=AdminDivision.objects.get(code="440305"),
    )
    (complaint,) = file(submission()).complaints
    assert (complaint.routing_rule, complaint.reporting_unit.code) == (early, "440300")
    (other,) = file(submission(service_section="H", complainant_phone="13900000001")).complaints
    assert other.routing_rule == late
    RoutingRule.objects.update(active=False)
    (plain,) = file(submission(complainant_phone="13900000002")).complaints
    assert (plain.routing_rule, plain.routed_by) == (None, "address")


def test_a_complaint_and_a_report_in_one_submission_are_split_and_follow_their_own_rules():
    filed = file(submission(), kinds=(Kind.COMPLAINT, Kind.REPORT))
    complaint, report = filed.complaints
    assert (complaint.kind, complaint.status) == ("complaint", "received")
    assert (report.kind, report.status, report.split_from) == ("report", "verifying", complaint)
    assert report.tracking_code != complaint.tracking_code
    assert report.decision_due > complaint.decision_due  # 15 working days against 7


def test_the_same_submission_posted_twice_is_one_complaint():
    first = file(submission()).complaints
    again = file(submission(description="预付卡充值后店铺关门， 无法退款。"))
    assert again.merged and again.complaints == first
    assert Complaint.objects.count() == 1
    different = file(submission(description="另一件事。"))
    assert not different.merged and Complaint.objects.count() == 2


def test_a_date_received_in_the_future_is_refused():
    tomorrow = timezone.localdate() + datetime.timedelta(days=2)
    with pytest.raises(ValidationError) as error:
        file(submission(received_on=tomorrow))
    assert "received_on" in error.value.message_dict
    assert not Complaint.objects.exists()


def test_an_odr_enterprise_gets_the_complaint_first_with_ten_working_days():
    operator = EnterpriseFactory()
    OdrEnterprise.objects.create(enterprise=operator, since=datetime.date(2025, 1, 1))
    (complaint,) = file(submission(operator=operator, operator_name=operator.name)).complaints
    assert complaint.status == Complaint.Status.WITH_ODR
    assert complaint.odr_due < complaint.decision_due
    ended = OdrEnterprise.objects.filter(enterprise=operator)
    ended.update(until=datetime.date(2025, 12, 31))
    (later,) = file(
        submission(operator=operator, operator_name=operator.name, complainant_phone="13700000000")
    ).complaints
    assert later.status == Complaint.Status.RECEIVED


def test_contact_details_are_encrypted_in_the_database():
    (complaint,) = file(submission(complainant_id_number="11010519491231002X")).complaints
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("select complainant_phone, complainant_id_number from complaints_complaint")
        phone, id_number = cursor.fetchone()
    assert "13812345678" not in phone and "1101" not in id_number
    complaint.refresh_from_db()
    assert complaint.complainant_phone == "13812345678"


def test_a_tracking_code_opens_only_with_the_right_phone_digits():
    (complaint,) = file(submission()).complaints
    assert intake.track(complaint.tracking_code.lower(), "5678") == complaint
    assert intake.track(complaint.tracking_code, "5679") is None
    assert intake.track("ZZZZZZZZZZZZ", "5678") is None


def test_the_audit_trail_keeps_no_contact_detail_in_plain_text():
    from portal.audit import acting_as
    from portal.models import AuditEntry

    with acting_as(None, source="web", label="anonymous"):  # as the public form files it
        (complaint,) = file(submission(complainant_id_number="11010519491231002X")).complaints
    entry = AuditEntry.objects.get(object_id=str(complaint.pk), content_type__model="complaint")
    text = str(entry.changes)
    for secret in ("13812345678", "11010519491231002X", "王小明", "体育东路"):
        assert secret not in text
    assert "预付卡" in text  # what went wrong is not personal data
