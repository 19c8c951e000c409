"""Demo surveys (a model, two national waves answered everywhere, their indices, and this
year's Guangdong wave with questionnaire links) and demo post-consumption evaluations:
published ones with a reply, a burst held for review, and one unused code to try the
public form with; the code and a questionnaire link are printed after the logins.

Made through the services, as people would. Idempotent: nothing is added once the sample
code exists.
"""

import datetime
import random

from django.conf import settings
from django.utils import timezone

from enterprises.models import Enterprise, EnterpriseMembership
from portal.models import ReportingUnit

from .models import EvaluationCode, EvaluationModel, SurveyLink
from .services import evaluations, indices, responses, survey_links, versions, waves

SAMPLE_CODE = "DEMQ-2345-6789"
SAMPLE_LINK_TOKEN = "demo-questionnaire-guangdong"  # noqa: S105 - a public demo link
STORIES = [
    # (hours ago, overall, aspects service/quality/environment/price, comment, address)
    (300, 5, (5, 5, 4, 4), "保养预约准时，师傅讲解很耐心。", "203.0.113.10"),
    (200, 4, (4, 4, 4, 3), "服务不错，价格略高。", "198.51.100.23"),
    (120, 3, (3, 4, 2, 3), "等候区有点拥挤。", "192.0.2.45"),
    (30, 5, (5, 5, 5, 5), "会员活动很实惠。", "203.0.114.8"),
]
BURST_ADDRESS = "198.18.0.7"  # five from one network within minutes: the last one is held


def seed(demo):
    seed_surveys(demo)
    seed_links(demo)
    seed_evaluations(demo)


def seed_evaluations(demo):
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


SURVEY_MODEL = "demo-acsi"
SURVEY_SECTORS = ("H", "O", "G", "ps:health")


def seed_surveys(demo):
    """A national ACSI-style model, a 2019 and a 2020 wave answered in every reporting unit
    (eight answers per unit and sector, seeded random), the indices computed."""
    if EvaluationModel.objects.filter(code=SURVEY_MODEL).exists():
        return
    model = versions.create_model(
        code=SURVEY_MODEL, name="全国服务质量满意度测评模型", kind=EvaluationModel.Kind.ACSI,
        sectors=list(SURVEY_SECTORS),
    )  # fmt: skip
    version = model.versions.get()
    enterprises = list(Enterprise.objects.filter(industry_section="H").order_by("id")[:4])
    for year, lift in ((2019, 0), (2020, 3)):
        wave = waves.create_wave(
            version=version, name=f"{year}年全国服务质量满意度调查",
            period_start=datetime.date(year, 3, 1), period_end=datetime.date(year, 9, 30),
            reporting_unit=None, sectors=list(SURVEY_SECTORS),
            quotas=[(sector, None, 600) for sector in SURVEY_SECTORS],
        )  # fmt: skip
        responses.store(wave, list(_answers(year, lift, enterprises)))
        indices.compute(wave)


def seed_links(demo):
    """This year's Guangdong wave, with a batch of questionnaire links (one printed)."""
    demo.notes.append(
        "Answer a survey questionnaire on a phone without logging in (问卷调查): "
        f"http://127.0.0.1:8000/monitoring/survey/{SAMPLE_LINK_TOKEN}/"
    )
    sample_hash = survey_links.token_hash(SAMPLE_LINK_TOKEN)
    if SurveyLink.objects.filter(token_hash=sample_hash).exists():
        return
    staff = demo.users["guangdong"]
    year = timezone.localdate().year
    wave = waves.create_wave(
        version=EvaluationModel.objects.get(code=SURVEY_MODEL).versions.get(),
        name=f"{year}年广东省服务业满意度调查", period_start=datetime.date(year, 1, 1),
        period_end=datetime.date(year, 12, 31), reporting_unit=staff.agency.reporting_unit,
        sectors=["H", "O"], quotas=[("H", None, 200), ("O", None, 200)],
    )  # fmt: skip
    issued = survey_links.issue_links(wave, staff, sector="H", size=20, note="演示链接")
    first = survey_links.token_hash(issued.tokens[0])
    SurveyLink.objects.filter(token_hash=first).update(token_hash=sample_hash)


def _answers(year, lift, enterprises):
    """Seeded answers: each unit has its own level, each sector its own shift."""
    chance = random.Random(year)  # noqa: S311 - demo data, not security
    number = 1
    for position, unit in enumerate(ReportingUnit.objects.order_by("code")):
        level = 2.6 + (position * 7 % 11) / 10 + lift / 10
        for shift, sector in zip((0.3, -0.2, 0.0, -0.4), SURVEY_SECTORS, strict=True):
            for _n in range(8):
                number += 1
                yield number, _response(chance, unit.pk, sector, level + shift, None)
    for enterprise in enterprises:  # enough answers for each to get its own benchmark
        level = 3.0 + chance.random()
        for _n in range(settings.MONITORING_MIN_RESPONSES):
            number += 1
            yield number, _response(chance, enterprise.reporting_unit_id, "H", level, enterprise.pk)


def _response(chance, unit_id, sector, level, enterprise_id):
    answers = {f"q{i}": min(5, max(1, round(chance.gauss(level, 0.8)))) for i in range(1, 8)}
    return {"reporting_unit_id": unit_id, "division_id": None, "sector": sector,
            "enterprise_id": enterprise_id, "respondent": "", "duration_seconds": None,
            "answers": answers, "reason": ""}  # fmt: skip
