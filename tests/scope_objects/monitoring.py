"""Makers of service-quality monitoring: evaluations, survey waves, responses, links."""

from portal.models import ReportingUnit
from tests import factories

from . import MAKERS, enterprise, maker, staff


@maker("monitoring.EvaluationCodeBatch")
def _evaluation_code_batch(unit_code):
    return factories.evaluation_codes(enterprise(unit_code), size=2).batch


@maker("monitoring.EvaluationCode")
def _evaluation_code(unit_code):
    return _evaluation_code_batch(unit_code).codes.first()


@maker("monitoring.Evaluation")
def _evaluation(unit_code):
    """A released evaluation of a marker enterprise (public, so shown on public pages)."""
    return factories.evaluation(enterprise(unit_code), comment=f"标记评价{unit_code}")


@maker("monitoring.EvaluationStatusChange")
def _evaluation_status_change(unit_code):
    from monitoring.services import evaluations

    held = factories.held_evaluation(enterprise(unit_code))
    return evaluations.EVALUATION.apply(held, "release", staff(unit_code), reason="核实无误")


@maker("monitoring.EvaluationReply")
def _evaluation_reply(unit_code):
    from monitoring.models import EvaluationReply

    released = _evaluation(unit_code)
    author = factories.enterprise_user()
    factories.act_for(author, released.enterprise)
    return EvaluationReply.objects.create(evaluation=released, author=author, text="感谢评价。")


def _survey_wave(unit_code):
    return factories.survey_wave(unit=ReportingUnit.objects.get(code=unit_code))


for _label, _path in [
    ("monitoring.EvaluationModel", lambda w: w.version.model),
    ("monitoring.ModelVersion", lambda w: w.version),
    ("monitoring.Dimension", lambda w: w.version.dimensions.first()),
    ("monitoring.Indicator", lambda w: w.version.dimensions.first().indicators.first()),
    ("monitoring.Item", lambda w: w.version.dimensions.first().indicators.first().items.first()),
    ("monitoring.Wave", lambda w: w),
]:
    MAKERS[_label] = lambda unit_code, path=_path: path(_survey_wave(unit_code))


@maker("monitoring.Quota")
def _survey_quota(unit_code):
    from monitoring.models import Quota

    return Quota.objects.create(wave=_survey_wave(unit_code), sector="H", target=10)


def _survey_answered(unit_code):
    wave = _survey_wave(unit_code)
    unit = ReportingUnit.objects.get(code=unit_code)
    answers = {f"q{i}": 4 for i in range(1, 8)}
    factories.survey_responses(wave, [{"reporting_unit_id": unit.pk, "sector": "H",
                                       "answers": answers}] * 2)  # fmt: skip
    return wave


@maker("monitoring.Response")
def _survey_response(unit_code):
    return _survey_answered(unit_code).responses.first()


@maker("monitoring.IndexResult")
def _survey_index_result(unit_code):
    from monitoring.services.indices import compute

    wave = _survey_answered(unit_code)
    compute(wave)
    return wave.results.get(level="unit", component="index")


@maker("monitoring.Computation")
def _survey_computation(unit_code):
    from monitoring.services.indices import compute

    wave = _survey_answered(unit_code)
    compute(wave)
    return wave.computation


def _survey_links(unit_code):
    from monitoring.services import survey_links

    return survey_links.issue_links(_survey_wave(unit_code), staff(unit_code), sector="H", size=1)


@maker("monitoring.SurveyLinkBatch")
def _survey_link_batch(unit_code):
    return _survey_links(unit_code).batch


@maker("monitoring.SurveyLink")
def _survey_link(unit_code):
    return _survey_links(unit_code).batch.links.get()


def survey_link_token(unit_code):
    """The token of a fresh questionnaire link of the unit (only its hash is stored)."""
    return _survey_links(unit_code).tokens[0]
