"""One verifiable draw for the whole portal (the idea of RFC 3797); docs/draws.md.

Anyone can re-run a draw from its published figures, without our code:

- each candidate's ticket is the SHA-256 hex digest of the UTF-8 bytes of
  ``seed + "\\n" + identifier``; candidates are ranked by ticket, ascending, and the
  first k are drawn (distinct identifiers give distinct tickets: no ties);
- the snapshot hash is the SHA-256 hex digest of the UTF-8 bytes of the sorted
  identifiers joined by ``"\\n"`` (no newline at the end).

The ranking is pure; ``draw()`` records it. A second draw for the same purpose is a
re-draw: it needs a reason and who approved it, and is recorded beside the first.
"""

import hashlib
import heapq
import math
import secrets
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

ALGORITHM = "sha256-rank-v1"


def new_seed() -> str:
    """A fresh seed when no public one is given: 32 hex digits from the OS's randomness."""
    return secrets.token_hex(16)


def ticket(seed: str, identifier: str) -> str:
    """The candidate's ticket: SHA-256 of UTF-8 ``seed + "\\n" + identifier``, in hex."""
    return hashlib.sha256(f"{seed}\n{identifier}".encode()).hexdigest()


def commitment(secret: str) -> str:
    """What is published before a draw: SHA-256 hex of the secret value's UTF-8 bytes."""
    return hashlib.sha256(str(secret).encode()).hexdigest()


def check_reveal(secret: str, published_commitment: str) -> None:
    """Refuse a revealed value whose SHA-256 is not the commitment published before."""
    if not secret or commitment(secret) != published_commitment:
        raise ValidationError(
            _(
                "The revealed value does not match the published commitment: its SHA-256 is "
                "%(actual)s, the commitment is %(published)s."
            )
            % {"actual": commitment(secret or ""), "published": published_commitment},
            code="commitment_mismatch",
        )


def committed_seed(secret: str, identifier: str) -> str:
    """The seed of a committed draw: SHA-256 hex of UTF-8 ``secret + "\\n" + identifier``."""
    return hashlib.sha256(f"{secret}\n{identifier}".encode()).hexdigest()


def snapshot(candidates) -> str:
    """The candidate list as published: sorted identifiers joined by newlines."""
    ordered = sorted(map(str, candidates))
    text = "\n".join(ordered)
    # Sorted, an empty identifier comes first; a line break shows as one newline too many.
    if ordered and (ordered[0] == "" or "\r" in text or text.count("\n") != len(ordered) - 1):
        raise ValueError(_("Each candidate identifier must be non-empty and on one line."))
    if len(set(ordered)) != len(ordered):
        raise ValueError(_("Candidate identifiers must be distinct."))
    return text


def snapshot_hash(candidates) -> str:
    """SHA-256 hex digest of the snapshot's UTF-8 bytes."""
    return hashlib.sha256(snapshot(candidates).encode()).hexdigest()


def select(seed: str, candidates, k: int) -> list:
    """The k candidates with the lowest tickets, lowest first."""
    return compute(seed, candidates, k)[2]


def compute(seed: str, candidates, k: int):
    """Everything a draw publishes: (snapshot text, its SHA-256, the k lowest tickets' ids)."""
    text = snapshot(candidates)
    ids = text.split("\n") if text else []
    if not seed or "\n" in seed or "\r" in seed:
        raise ValueError(_("The seed must be non-empty and on one line."))
    if not 0 <= k <= len(ids):
        raise ValueError(_("Cannot draw %(k)s of %(n)s candidates.") % {"k": k, "n": len(ids)})
    prefix, sha256 = f"{seed}\n".encode(), hashlib.sha256  # the same tickets as ticket()
    tickets = [sha256(prefix + identifier.encode()).hexdigest() for identifier in ids]
    # Positions ranked by ticket compare plain strings (distinct ids, distinct tickets), much
    # faster than (ticket, id) pairs; a heap wins for a few, one sort for a few per cent.
    positions = range(len(ids))
    if k < len(ids) // 100:
        lowest = heapq.nsmallest(k, positions, key=tickets.__getitem__)
    else:
        lowest = sorted(positions, key=tickets.__getitem__)[:k]
    return text, hashlib.sha256(text.encode()).hexdigest(), [ids[i] for i in lowest]


def sample_size(population: int, *, ratio: Decimal | None = None, count: int | None = None) -> int:
    """How many to draw: a count, or a ratio rounded up (at least one of a non-empty set)."""
    if (ratio is None) == (count is None):
        raise ValueError(_("Give either a ratio or a count, not both."))
    if count is not None:
        if count < 1:
            raise ValueError(_("The count must be at least 1."))
        return min(count, population)
    if not 0 < ratio <= 1:
        raise ValueError(_("The ratio must be more than 0 and at most 1."))
    return min(population, math.ceil(Decimal(population) * ratio))


def quota(population: int, *, ratio: Decimal | None = None, count: int | None = None) -> int:
    """A stratum's quota: a count (refused above the population) or ceil(ratio × population)."""
    if count is not None and count > population:
        raise ValidationError(
            _("The quota of %(count)s is more than the %(population)s candidates.")
            % {"count": count, "population": population},
            code="quota_exceeds_pool",
        )
    if population == 0 and count in (None, 0):
        return 0
    if count == 0:
        return 0
    return sample_size(population, ratio=ratio, count=count)


@transaction.atomic
def draw(purpose, seed, candidates, k, *, reason="", approved_by=None, user):
    """Draw k of the candidates for a purpose and record it; a re-draw needs reason and approver."""
    from .models import Draw

    seed = str(seed).strip()
    candidates = [str(c) for c in candidates]
    try:
        text, text_sha256, result = compute(seed, candidates, k)
    except ValueError as error:
        raise ValidationError(str(error)) from error
    earlier = Draw.objects.select_for_update().filter(purpose=purpose).order_by("-id").first()
    if earlier is not None and not (reason.strip() and approved_by is not None):
        raise ValidationError(
            _(
                "%(purpose)s was already drawn on %(date)s (seed %(seed)s). A new draw needs "
                "a reason and who approved it; the first draw stands."
            )
            % {
                "purpose": purpose,
                "date": f"{earlier.drawn_at:%Y-%m-%d %H:%M}",
                "seed": earlier.seed,
            },
            code="already_drawn",
        )
    try:
        with transaction.atomic():
            return Draw.objects.create(
                purpose=purpose,
                seed=seed,
                algorithm=ALGORITHM,
                candidates=text,
                candidates_sha256=text_sha256,
                population=len(candidates),
                k=k,
                result=result,
                reason=reason.strip(),
                approved_by=approved_by if earlier else None,
                replaces=earlier,
                reporting_unit=getattr(user, "reporting_unit", None),
                drawn_by=user,
            )
    except IntegrityError as error:  # another first draw for the purpose committed meanwhile
        raise ValidationError(
            _("%(purpose)s was just drawn by someone else.") % {"purpose": purpose}
        ) from error
