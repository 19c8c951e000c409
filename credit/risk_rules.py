"""The risk score's rules, without the database: points, the class of a score, threshold checks.

An indicator's points are ``points × min(value, cap)`` (no cap: the whole value), counted
``× weight``; the score is their sum. A score below ``b_from`` is class A, from ``b_from``
class B, from ``c_from`` class C, from ``d_from`` class D (a score exactly on a threshold
belongs to the higher class). The recomputation's SQL follows the same rules.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _

CENT = Decimal("0.01")


@dataclass(frozen=True)
class Term:
    """One configured indicator: its points per unit, weight, cap and the values it can take."""

    points: Decimal
    weight: Decimal = Decimal(1)
    cap: Decimal | None = None
    max_value: Decimal | None = None  # None: unbounded above (a count, a rate)


def contribution(term, value):
    """The points one indicator adds for this value, rounded to cents."""
    counted = Decimal(value) if term.cap is None else min(Decimal(value), term.cap)
    return (term.points * counted * term.weight).quantize(CENT, ROUND_HALF_UP)


def class_for(score, b_from, c_from, d_from):
    """The class of a score."""
    if score < b_from:
        return "A"
    if score < c_from:
        return "B"
    if score < d_from:
        return "C"
    return "D"


def score_range(terms):
    """(lowest, highest) score the terms can give; None where unbounded."""
    lowest, highest = Decimal(0), Decimal(0)
    for term in terms:
        top = term.cap if term.cap is not None else term.max_value
        factor = term.points * term.weight
        if top is None:
            if factor < 0:
                lowest = None
            elif factor > 0:
                highest = None
            continue
        ends = (Decimal(0), factor * top)
        if lowest is not None:
            lowest += min(ends)
        if highest is not None:
            highest += max(ends)
    return lowest, highest


def threshold_errors(b_from, c_from, d_from, terms):
    """What is wrong with the thresholds: each message names the classes and the numbers."""
    errors = []
    starts = [("B", b_from), ("C", c_from), ("D", d_from)]
    for (lower, lower_from), (upper, upper_from) in zip(starts, starts[1:], strict=False):
        values = {"lower": lower, "upper": upper, "lower_from": lower_from}
        values["upper_from"] = upper_from
        if upper_from < lower_from:
            errors.append(
                _(
                    "Classes %(lower)s and %(upper)s overlap: %(lower)s starts at %(lower_from)s "
                    "but %(upper)s starts below it, at %(upper_from)s."
                )
                % values
            )
        elif upper_from == lower_from:
            errors.append(
                _(
                    "Class %(lower)s is empty: it starts at %(lower_from)s and class %(upper)s "
                    "starts at the same score; %(upper)s must start above %(lower_from)s."
                )
                % values
            )
    lowest, highest = score_range(terms)
    if lowest is not None and b_from <= lowest:
        errors.append(
            _(
                "Class A is empty: the lowest possible score is %(lowest)s and class B starts "
                "at %(b_from)s; B must start above %(lowest)s."
            )
            % {"lowest": lowest, "b_from": b_from}
        )
    if highest is not None and d_from > highest:
        errors.append(
            _(
                "Class D is empty: the highest possible score is %(highest)s and class D starts "
                "at %(d_from)s; D must start at %(highest)s or below."
            )
            % {"highest": highest, "d_from": d_from}
        )
    return errors
