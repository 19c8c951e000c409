"""Shared pieces of the monitoring tests: a hand-checked ACSI wave over two units."""

from decimal import Decimal

import pytest

from monitoring.services import versions
from portal.models import ReportingUnit
from tests import factories

# Answers q1..q7 of the ACSI template (1-5 scale) and the index each gives with the
# dimension weights 0.1, 0.4, 0.1, 0.3, 0.1 (worked out by hand in test_indices.py).
ANSWERS = {
    "A": [5, 4, 3, 4, 5, 4, 3],  # index 73.75, Guangdong, sector H
    "B": [3, 2, 2, 3, 3, 2, 1],  # index 31.25, Guangdong, sector O
    "C": [4, 4, 5, 4, 4, 5, 4],  # index 83.75, Zhejiang, sector H
}
WEIGHTS = [Decimal("0.1"), Decimal("0.4"), Decimal("0.1"), Decimal("0.3"), Decimal("0.1")]


def answers(values):
    return {f"q{i}": v for i, v in enumerate(values, start=1)}


def weighted_version():
    version = factories.survey_model("acsi")
    dims = list(version.dimensions.order_by("position"))
    versions.set_weights(version, {d.pk: w for d, w in zip(dims, WEIGHTS, strict=True)}, {})
    return version


@pytest.fixture
def hand_wave(db):
    """A national wave with responses A, B (Guangdong) and C (Zhejiang), plus one straight-liner."""
    wave = factories.survey_wave(weighted_version())
    gd, zj = ReportingUnit.objects.get(code="440000"), ReportingUnit.objects.get(code="330000")
    rows = [
        {"reporting_unit_id": gd.pk, "sector": "H", "answers": answers(ANSWERS["A"])},
        {"reporting_unit_id": gd.pk, "sector": "O", "answers": answers(ANSWERS["B"])},
        {"reporting_unit_id": zj.pk, "sector": "H", "answers": answers(ANSWERS["C"])},
        {"reporting_unit_id": gd.pk, "sector": "H", "answers": answers([1] * 7),
         "reason": "Straight-lining: every item has the same answer."},
    ]  # fmt: skip
    factories.survey_responses(wave, rows)
    return wave
