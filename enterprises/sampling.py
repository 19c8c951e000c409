"""The random draw of declarations to review: pure, seeded and reproducible.

The same ids, seed and size always give the same sample, whatever order the ids
come in, so anyone can re-run a recorded draw (its seed is stored with it) and
check that the regulator did not pick by hand.
"""

import math
import random
import secrets
from decimal import Decimal

MAX_SEED = 2**63 - 1


def new_seed() -> int:
    """A fresh seed from the operating system's randomness."""
    return secrets.randbelow(MAX_SEED)


def sample_size(population: int, *, ratio: Decimal | None = None, count: int | None = None) -> int:
    """How many to draw: a count, or a ratio rounded up (at least one of a non-empty set)."""
    if (ratio is None) == (count is None):
        raise ValueError("give either a ratio or a count")
    if count is not None:
        if count < 1:
            raise ValueError("the count must be at least 1")
        return min(count, population)
    if not 0 < ratio <= 1:
        raise ValueError("the ratio must be more than 0 and at most 1")
    return min(population, math.ceil(Decimal(population) * ratio))


def draw(ids, seed: int, size: int) -> list:
    """``size`` ids drawn at random with ``seed``, reproducibly; returned sorted."""
    ordered = sorted(set(ids))
    if size > len(ordered):
        raise ValueError("cannot draw more than the population")
    return sorted(random.Random(seed).sample(ordered, size))
