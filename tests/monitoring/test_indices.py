"""Every index, interval and gap of a small data set, checked to the decimal by hand.

ACSI template, 1-5 scale, an item rescales as (x - 1) / 4 x 100, so 5, 4, 3, 2, 1 are
100, 75, 50, 25, 0. Dimension weights 0.1 (expectation), 0.4 (quality, q2 q3),
0.1 (value), 0.3 (satisfaction, q5 q6), 0.1 (loyalty).

A: 100 | (75+50)/2=62.5 | 75 | (100+75)/2=87.5 | 50  -> 10+25+7.5+26.25+5   = 73.75
B:  50 | (25+25)/2=25   | 50 | (50+25)/2=37.5  |  0  ->  5+10+5+11.25+0     = 31.25
C:  75 | (75+100)/2=87.5| 75 | (75+100)/2=87.5 | 75  -> 7.5+35+7.5+26.25+7.5 = 83.75

All: mean 188.75/3 = 62.9167; sd = sqrt((10.8333² + 31.6667² + 20.8333²) / 2) = 27.8762;
t(0.975, 2) = 4.3027: 62.9167 ± 4.3027 x 27.8762 / sqrt(3) = [-6.3317, 132.1650].
Guangdong (A, B): 52.5, sd 42.5 / sqrt(2) = 30.0520, t(0.975, 1) = 12.7062:
52.5 ± 12.7062 x 30.0520 / sqrt(2) = [-217.5069, 322.5069]. Zhejiang (C): one response, no interval.
"""

from decimal import Decimal

from monitoring.models import IndexResult
from monitoring.services import indices, versions
from portal.models import ReportingUnit
from tests import factories

D = Decimal
Level = IndexResult.Level


def result(wave, level, component="index", group=""):
    return IndexResult.objects.get(wave=wave, level=level, component=component, group=group)


def test_per_response_scores_by_hand(hand_wave):
    scores = dict(hand_wave.responses.filter(excluded=False).values_list("row", "score"))
    assert scores == {2: D("73.75"), 3: D("31.25"), 4: D("83.75")}
    a = hand_wave.responses.get(row=2)
    assert [a.d1, a.d2, a.d3, a.d4, a.d5] == [D(100), D("62.5"), D(75), D("87.5"), D(50)]


def test_wave_index_interval_and_count(hand_wave):
    indices.compute(hand_wave)
    whole = result(hand_wave, Level.NATION)
    assert (whole.n, whole.mean, whole.sd) == (3, D("62.9167"), D("27.8762"))
    assert (whole.low, whole.high) == (D("-6.3317"), D("132.1650"))


def test_unit_indices_and_a_single_response_has_no_interval(hand_wave):
    indices.compute(hand_wave)
    gd = ReportingUnit.objects.get(code="440000")
    zj = ReportingUnit.objects.get(code="330000")
    guangdong = result(hand_wave, Level.UNIT, group=str(gd.pk))
    assert (guangdong.n, guangdong.mean, guangdong.sd) == (2, D("52.5000"), D("30.0520"))
    assert (guangdong.low, guangdong.high) == (D("-217.5069"), D("322.5069"))
    zhejiang = result(hand_wave, Level.UNIT, group=str(zj.pk))
    assert (zhejiang.n, zhejiang.mean, zhejiang.low, zhejiang.high) == (1, D("83.75"), None, None)


def test_dimension_indicator_and_sector_indices(hand_wave):
    indices.compute(hand_wave)
    quality = result(hand_wave, Level.NATION, "d:2")
    assert quality.mean == D("58.3333")  # (62.5 + 25 + 87.5) / 3
    first = hand_wave.version.dimensions.get(position=4).indicators.get()
    satisfied = result(hand_wave, Level.NATION, f"i:{first.pk}")
    assert satisfied.mean == D("70.8333")  # (87.5 + 37.5 + 87.5) / 3
    hotels = result(hand_wave, Level.SECTOR, group="H")
    assert (hotels.n, hotels.mean) == (2, D("78.7500"))  # A and C; the straight-liner is left out
    gd = ReportingUnit.objects.get(code="440000")
    assert result(hand_wave, Level.UNIT_SECTOR, group=f"{gd.pk}:O").mean == D("31.25")


def test_the_same_inputs_give_the_same_digits(hand_wave):
    indices.compute(hand_wave)
    first = list(IndexResult.objects.filter(wave=hand_wave).values_list(
        "level", "group", "component", "n", "mean", "sd", "low", "high"
    ).order_by("level", "group", "component"))  # fmt: skip
    indices.compute(hand_wave)
    again = list(IndexResult.objects.filter(wave=hand_wave).values_list(
        "level", "group", "component", "n", "mean", "sd", "low", "high"
    ).order_by("level", "group", "component"))  # fmt: skip
    assert first == again and len(first) > 20


def test_weights_and_formula_are_published_with_the_result(hand_wave):
    indices.compute(hand_wave)
    published = hand_wave.computation.published
    assert [d["weight"] for d in published["dimensions"]] == ["0.1000", "0.4000", "0.1000",
                                                            "0.3000", "0.1000"]  # fmt: skip
    assert "(answer - scale min) / (scale max - scale min) x 100" in published["formula"]
    assert (hand_wave.computation.responses, hand_wave.computation.excluded) == (3, 1)


def test_enterprise_index_needs_the_minimum_of_responses(db, settings):
    settings.MONITORING_MIN_RESPONSES = 3
    wave = factories.survey_wave()
    gd = ReportingUnit.objects.get(code="440000")
    firm = factories.EnterpriseFactory(division_code="440106")
    rows = [{"reporting_unit_id": gd.pk, "sector": "H", "enterprise_id": firm.pk,
             "answers": {f"q{i}": 4 for i in range(1, 8)}}] * 2  # fmt: skip
    factories.survey_responses(wave, rows)
    indices.compute(wave)
    assert not IndexResult.objects.filter(wave=wave, level=Level.ENTERPRISE).exists()
    factories.survey_responses(wave, rows[:1])
    indices.compute(wave)
    firm_index = result(wave, Level.ENTERPRISE, group=str(firm.pk))
    assert (firm_index.n, firm_index.mean) == (3, D(75))


def test_a_wave_without_responses_has_insufficient_data_never_zero(db):
    wave = factories.survey_wave()
    indices.compute(wave)
    whole = result(wave, Level.NATION)
    assert whole.n == 0 and whole.mean is None and whole.low is None


SERVQUAL_ANSWERS = {
    # (expectation, perception) of every item; r1 and r2 (reliability) differ in S1.
    "S1": {"r1": (6, 7), "r2": (6, 4)},
    "S2": {},
}


def servqual_answers(overrides, expectation, perception):
    codes = ["t1", "t2", "r1", "r2", "s1", "s2", "a1", "a2", "e1", "e2"]
    answers = {}
    for code in codes:
        e, p = overrides.get(code, (expectation, perception))
        answers[f"{code}_E"], answers[f"{code}_P"] = e, p
    return answers


def test_servqual_gap_per_dimension_by_hand(db):
    """1-7 scale: x rescales as (x - 1) / 6 x 100; 7, 6, 5, 4 are 100, 83.33, 66.67, 50.

    S1: E 6 everywhere (83.3333); P 5 (66.6667) except reliability (7 and 4: 75).
      gaps: reliability 75 - 83.3333 = -8.3333, every other dimension -16.6667;
      index (equal weights 0.2) = 0.2 x (4 x 66.6667 + 75) = 68.3333.
    S2: E 5 and P 5 everywhere: gaps 0, index 66.6667.
    Wave: index 67.5000, sd 1.6666 / sqrt(2) = 1.1785, 67.5 ± 12.7062 x 1.1785 / sqrt(2)
      = [56.9119, 78.0881]; reliability gap (-8.3333 + 0) / 2 = -4.16665 -> -4.1667.
    """
    version = factories.survey_model("servqual", scale="1-7")
    assert versions.structure(version).columns()[:2] == ["t1_E", "t1_P"]
    wave = factories.survey_wave(version)
    gd = ReportingUnit.objects.get(code="440000")
    rows = [
        {"reporting_unit_id": gd.pk, "sector": "H",
         "answers": servqual_answers(SERVQUAL_ANSWERS["S1"], 6, 5)},
        {"reporting_unit_id": gd.pk, "sector": "H",
         "answers": servqual_answers(SERVQUAL_ANSWERS["S2"], 5, 5)},
    ]  # fmt: skip
    factories.survey_responses(wave, rows)
    s1 = wave.responses.get(row=2)
    assert (s1.score, s1.g1, s1.g2, s1.d2) == (D("68.3333"), D("-16.6667"), D("-8.3333"), D(75))
    indices.compute(wave)
    whole = result(wave, Level.NATION)
    assert (whole.mean, whole.sd, whole.low, whole.high) == (
        D("67.5000"), D("1.1785"), D("56.9119"), D("78.0881"),
    )  # fmt: skip
    assert result(wave, Level.NATION, "g:2").mean == D("-4.1667")
    assert result(wave, Level.NATION, "g:1").mean == D("-8.3334")  # (-16.6667 + 0) / 2, halves up
