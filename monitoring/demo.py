"""Demo post-consumption evaluations: published ones with a reply, a burst held for review,
and one unused code to try the public form with (printed after the logins).

Made through the services, as people would. Idempotent: nothing is added once the sample
code exists.
"""

import datetime

from django.utils import timezone

from enterprises.models import EnterpriseMembership

from .models import EvaluationCode
from .services import evaluations

SAMPLE_CODE = "DEMQ-2345-6789"
STORIES = [
    # (hours ago, overall, aspects service/quality/environment/price, comment, address)
    (300, 5, (5, 5, 4, 4), "保养预约准时，师傅讲解很耐心。", "203.0.113.10"),
    (200, 4, (4, 4, 4, 3), "服务不错，价格略高。", "198.51.100.23"),
    (120, 3, (3, 4, 2, 3), "等候区有点拥挤。", "192.0.2.45"),
    (30, 5, (5, 5, 5, 5), "会员活动很实惠。", "203.0.114.8"),
]
BURST_ADDRESS = "198.18.0.7"  # five from one network within minutes: the last one is held


def seed(demo):
    member = demo.users["ent_huamei"]
    enterprise = (
        EnterpriseMembership.objects.filter(user=member, status="approved").first().enterprise
    )
    demo.notes.append(
        "Evaluate a service without logging in (消费后评价): "
        f"http://127.0.0.1:8000/monitoring/evaluations/new/?uscc={enterprise.uscc} "
        f"code {SAMPLE_CODE}"
    )
    sample_hash = evaluations.code_hash(SAMPLE_CODE)
    if EvaluationCode.objects.filter(code_hash=sample_hash).exists():
        return
    now = timezone.now()
    issued = evaluations.issue_codes(
        enterprise, member, 20, at=now - datetime.timedelta(days=20), note="演示小票"
    )
    codes = iter(issued.codes)
    first = None
    for hours, overall, scores, comment, address in STORIES:
        made = _evaluate(enterprise, next(codes), overall, scores, comment, address,
                         now - datetime.timedelta(hours=hours))  # fmt: skip
        first = first or made
    evaluations.reply(first, member, "感谢您的肯定，我们会继续做好预约服务。")
    for minute in range(5):
        _evaluate(enterprise, next(codes), 5, (5, 5, 5, 5), f"好评{minute + 1}", BURST_ADDRESS,
                  now - datetime.timedelta(minutes=30 - minute))  # fmt: skip
    EvaluationCode.objects.filter(code_hash=evaluations.code_hash(next(codes))).update(
        code_hash=sample_hash
    )


def _evaluate(enterprise, code, overall, scores, comment, address, at):
    keys = [key for key, _label in evaluations.aspects()]
    aspect_scores = dict(zip(keys, scores, strict=False))
    for key in keys[len(scores) :]:
        aspect_scores[key] = overall
    return evaluations.submit(enterprise, code, overall, aspect_scores, comment, address, at=at)
