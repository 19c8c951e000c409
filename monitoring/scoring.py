"""Index arithmetic of one response (pure, no database).

Each item is rescaled to 0-100 as (score - min) / (max - min) x 100; an indicator is
the mean of its items, a dimension the weighted mean of its indicators, the index
the weighted mean of the dimensions (weights renormalised over what was answered
when an optional item is left out). For SERVQUAL every item is asked twice, as
expectation (column <code>_E) and perception (<code>_P): the index is built from the
perceptions and the gap per dimension is perception minus expectation.
Exact fractions throughout; each stored figure is rounded once to four decimals.
"""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from .stats import PLACES

FORMULA = (
    "item = (answer - scale min) / (scale max - scale min) x 100; "
    "indicator = mean of its items; dimension = sum(indicator weight x indicator); "
    "index = sum(dimension weight x dimension); SERVQUAL gap = perception - expectation; "
    "interval = mean ± t(0.975, n-1) x sd / sqrt(n) over the responses' figures"
)


@dataclass(frozen=True)
class ItemSpec:
    code: str
    low: int
    high: int
    required: bool = True


@dataclass(frozen=True)
class IndicatorSpec:
    id: int
    weight: Fraction
    items: tuple


@dataclass(frozen=True)
class DimensionSpec:
    position: int
    weight: Fraction
    indicators: tuple


@dataclass(frozen=True)
class Structure:
    """What scoring needs of a model version."""

    paired: bool
    dimensions: tuple

    def items(self):
        return [i for d in self.dimensions for ind in d.indicators for i in ind.items]

    def columns(self):
        """The answer columns an import must have, in order."""
        if not self.paired:
            return [item.code for item in self.items()]
        return [f"{item.code}_{side}" for item in self.items() for side in ("E", "P")]


@dataclass
class Scores:
    score: Decimal | None
    dimensions: dict = field(default_factory=dict)  # position: Decimal
    gaps: dict = field(default_factory=dict)  # position: Decimal
    indicators: dict = field(default_factory=dict)  # indicator id: Decimal


def rounded(value):
    if value is None:
        return None
    return (Decimal(value.numerator) / Decimal(value.denominator)).quantize(PLACES, ROUND_HALF_UP)


def rescaled(value, item):
    """An answer on the 0-100 scale, exactly."""
    return (Fraction(value) - item.low) * 100 / (item.high - item.low)


def _weighted(pairs):
    present = [(w, v) for w, v in pairs if v is not None]
    total = sum(w for w, _v in present)
    if not present or total == 0:
        return None
    return sum(w * v for w, v in present) / total


def _side(structure, answers, suffix):
    """(index, {position: dimension}, {indicator id: indicator}) of one side of the answers."""
    dims, indicators = {}, {}
    for dim in structure.dimensions:
        pairs = []
        for ind in dim.indicators:
            values = [answers.get(item.code + suffix) for item in ind.items]
            values = [rescaled(v, item) for v, item in zip(values, ind.items, strict=True)
                      if v is not None]  # fmt: skip
            indicators[ind.id] = sum(values) / len(values) if values else None
            pairs.append((ind.weight, indicators[ind.id]))
        dims[dim.position] = _weighted(pairs)
    index = _weighted([(d.weight, dims[d.position]) for d in structure.dimensions])
    return index, dims, indicators


def score(structure, answers):
    """The response's index, dimension, indicator and (SERVQUAL) gap scores."""
    index, dims, indicators = _side(structure, answers, "_P" if structure.paired else "")
    result = Scores(
        score=rounded(index),
        dimensions={p: rounded(v) for p, v in dims.items()},
        indicators={i: rounded(v) for i, v in indicators.items()},
    )
    if structure.paired:
        _e_index, expected, _e_ind = _side(structure, answers, "_E")
        for position, perceived in dims.items():
            if perceived is not None and expected[position] is not None:
                result.gaps[position] = rounded(perceived - expected[position])
    return result
