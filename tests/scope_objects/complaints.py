"""Makers of complaints and the consumption environment."""

import datetime
from decimal import Decimal

from portal.models import AdminDivision, ReportingUnit
from tests import factories

from . import DIVISION_OF_UNIT, enterprise, maker, next_number, staff


@maker("complaints.RuleSet")
def _rule_set(unit_code):
    from complaints.models import RuleSet

    return RuleSet.objects.get(code="order-121")


@maker("complaints.Ground")
def _ground(unit_code):
    return _rule_set(unit_code).grounds.first()


@maker("complaints.Complaint")
def _complaint(unit_code):
    """A complaint about an enterprise of the unit, named so that a page showing it is caught."""
    from tests.factories import complaint

    operator = enterprise(unit_code)
    return complaint(
        operator=operator,
        operator_name=operator.name,
        complainant_phone=f"139{next_number():08d}",
    )


@maker("complaints.ComplaintStatusChange")
def _complaint_status_change(unit_code):
    from complaints.services import handling

    filed = _complaint(unit_code)
    return handling.COMPLAINT.apply(filed, "accept", staff(unit_code))


@maker("complaints.ComplaintAttachment")
def _complaint_attachment(unit_code):
    from django.core.files.base import ContentFile

    from complaints.models import ComplaintAttachment

    attached = ComplaintAttachment(
        complaint=_complaint(unit_code), name="发票.pdf", content_kind="pdf", size=8
    )
    attached.file.save("evidence.pdf", ContentFile(b"%PDF-1.4"), save=False)
    attached.save()
    return attached


@maker("complaints.ComplaintReply")
def _complaint_reply(unit_code):
    from complaints.models import ComplaintReply

    return ComplaintReply.objects.create(
        complaint=_complaint(unit_code), author=staff(unit_code), text="请于三日内答复。"
    )


@maker("complaints.RoutingRule")
def _routing_rule(unit_code):
    from complaints.models import RoutingRule

    return RoutingRule.objects.create(
        owner=ReportingUnit.objects.get(code=unit_code),
        description=f"标记规则{unit_code}",
        division_prefix=DIVISION_OF_UNIT[unit_code][:4],
        target_division=AdminDivision.objects.get(code=DIVISION_OF_UNIT[unit_code]),
    )


@maker("complaints.OdrEnterprise")
def _odr_enterprise(unit_code):
    from complaints.models import OdrEnterprise

    return OdrEnterprise.objects.create(
        enterprise=enterprise(unit_code), since=datetime.date(2025, 1, 1)
    )


@maker("complaints.MediationBody")
def _mediation_body(unit_code):
    from complaints.services import mediation

    name = f"标记调解委员会{unit_code}-{next_number()}号"
    return mediation.register_body(staff(unit_code), name=name, kind="peoples")


@maker("complaints.MediationReferral")
def _mediation_referral(unit_code):
    from complaints.services import handling, mediation

    officer = staff(unit_code)
    complaint = _complaint(unit_code)
    for action in ("accept", "mediate"):
        handling.COMPLAINT.apply(complaint, action, officer)
    return mediation.refer(complaint, officer, _mediation_body(unit_code))


@maker("complaints.CompensationCommitment")
def _compensation_commitment(unit_code):
    from complaints.services import compensation

    user = factories.enterprise_user()
    operator = factories.act_for(user, enterprise(unit_code))
    return compensation.commit(user, operator, kind="platform", terms="先行赔付")


@maker("complaints.CompensationCase")
def _compensation_case(unit_code):
    from complaints.services import compensation

    terms = _compensation_commitment(unit_code)
    user = terms.enterprise.memberships.get().user
    return compensation.record_case(
        user, terms, seller_name="标记商户", paid_amount=Decimal("10"), paid_on=terms.since
    )


@maker("complaints.TrustworthyCandidate")
def _trustworthy_candidate(unit_code):
    from complaints.services import trustworthy

    user = factories.enterprise_user()
    operator = factories.act_for(user, enterprise(unit_code))
    return trustworthy.apply(user, operator, kind="unit", name=operator.name, commitments="承诺")


@maker("complaints.TrustworthyStatusChange")
def _trustworthy_status_change(unit_code):
    from complaints.services import trustworthy

    candidate = _trustworthy_candidate(unit_code)
    return trustworthy.TRUSTWORTHY.apply(candidate, "recognise", staff(unit_code))


@maker("complaints.AfterSalesRecord")
def _after_sales_record(unit_code):
    from complaints.services import after_sales

    return after_sales.record(
        staff(unit_code), enterprise(unit_code), kind="recall", title="标记召回",
        details="召回批次", starts_on=datetime.date(2026, 1, 5), quantity=120,
    )  # fmt: skip


@maker("complaints.ComplaintTransfer")
def _complaint_transfer(unit_code):
    """A complaint of the other demo province, sent to this unit."""
    from complaints.services import transfers

    other = "330000" if unit_code != "330000" else "440000"
    filed = _complaint(other)
    return transfers.send(
        filed,
        staff(other),
        AdminDivision.objects.get(code=DIVISION_OF_UNIT[unit_code]),
        "经营地在此",
    )


@maker("complaints.ComplaintTransferChange")
def _complaint_transfer_change(unit_code):
    from complaints.services import transfers

    sent = _complaint_transfer(unit_code)
    return transfers.TRANSFER.apply(sent, "refuse_transfer", staff(unit_code), reason="非本辖区")


@maker("complaints.ComplaintReminder")
def _complaint_reminder(unit_code):
    from complaints.models import ComplaintReminder

    filed = _complaint(unit_code)
    return ComplaintReminder.objects.create(
        complaint=filed, kind="due_soon", due=filed.decision_due
    )


@maker("complaints.VerificationExtension")
def _verification_extension(unit_code):
    from complaints.models import Complaint
    from complaints.services import extensions
    from tests.factories import complaint

    operator = enterprise(unit_code)
    report = complaint(
        kind=Complaint.Kind.REPORT,
        operator=operator,
        operator_name=operator.name,
        complainant_phone=f"139{next_number():08d}",
    )
    return extensions.request(report, staff(unit_code), 5, "需调取监控记录")


@maker("complaints.VerificationExtensionChange")
def _verification_extension_change(unit_code):
    from complaints.services import extensions

    asked = _verification_extension(unit_code)
    return extensions.EXTENSION.apply(asked, "approve", staff(unit_code))


@maker("complaints.Publication")
def _publication(unit_code):
    from complaints.services import publicity

    _complaint(unit_code)
    year = datetime.date.today().year
    publication = publicity.draft(ReportingUnit.objects.get(code=unit_code), year - 1, 4)
    return publicity.build(publication)


@maker("complaints.PublicationRow")
def _publication_row(unit_code):
    from complaints.models import PublicationRow

    return PublicationRow.objects.create(
        publication=_publication(unit_code),
        position=99,
        operator_name=f"标记企业{unit_code}-{next_number()}号",
        received=5,
        accepted=4,
        resolved=3,
    )


@maker("complaints.PublicationAction")
def _publication_action(unit_code):
    from complaints.services import publicity

    return publicity.add_action(
        _publication(unit_code),
        staff(unit_code),
        operator_name=f"标记企业{unit_code}-{next_number()}号",
        kind="interview",
        description="约谈负责人",
        taken_on=datetime.date.today(),
    )


@maker("complaints.AnonymisationLog")
def _anonymisation_log(unit_code):
    """Headquarters-only: the log of a complaint of the unit anonymised."""
    from complaints.models import AnonymisationLog

    filed = _complaint(unit_code)
    return AnonymisationLog.objects.create(
        rule="test", closed_before=datetime.date.today(), complaints=1, complaint_ids=[filed.pk]
    )
