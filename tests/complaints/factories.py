"""Complaints filed the way the service files them (routing, rule set, deadlines)."""

import datetime

from complaints.models import Complaint, RuleSet
from complaints.services import deadlines, intake
from portal.models import AdminDivision

VALID_ID = "11010519491231002X"


def submission(**overrides):
    """The fields of a complaint about an unknown operator in Guangzhou Tianhe (440106)."""
    data = {
        "complainant_name": "王小明",
        "complainant_phone": "13812345678",
        "complainant_id_number": "",
        "complainant_address": "广州市天河区体育东路2号",
        "operator_name": "某某美容店",
        "operator_address": "广州市天河区天河路3号",
        "division": AdminDivision.objects.get(code="440106"),
        "service_section": "O",
        "happened_on": datetime.date(2026, 11, 20),
        "description": "预付卡充值后店铺关门，无法退款。",
        "request": "退还余额1200元。",
    }
    data.update(overrides)
    return data


def complaint(received_on=None, kind=Complaint.Kind.COMPLAINT, user=None, **overrides):
    """One complaint (or report) filed online, as if received on the given day.

    Filed today, then moved to ``received_on`` (which may lie ahead, for deadlines that
    need next year's calendar) with its rule set and deadlines recomputed.
    """
    filed = intake.file(
        submission(**overrides), kinds=[kind], channel=Complaint.Channel.ONLINE, user=user
    )
    complaint = filed.complaints[0]
    if received_on is not None:
        complaint.received_on = received_on
        complaint.rule_set = RuleSet.in_force_on(received_on)
        deadlines.compute(complaint)
        complaint.save()
    return complaint
