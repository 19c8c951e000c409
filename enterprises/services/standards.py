"""Standard self-declarations, the front-runner flag, and sample reviews by regulators."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal import draws
from portal.audit import record_bulk
from portal.scoping import scoped
from portal.workflow import STAFF, Transition, TransitionRefused, Workflow

from .. import restrictions
from ..models import SampledDeclaration, SamplingDraw, StandardDeclaration, StandardIndicator

FrontRunner = StandardDeclaration.FrontRunner
DECLARATION_FIELDS = (
    "standard_number",
    "standard_name",
    "standard_type",
    "is_own_standard",
    "service",
)
INDICATOR_FIELDS = ("name", "unit", "declared_value", "benchmark_value", "higher_is_better")
MAX_INDICATORS = 30


def meets(declared: Decimal, benchmark: Decimal, higher_is_better: bool) -> bool:
    """Whether a declared value is at least as good as the benchmark."""
    return declared >= benchmark if higher_is_better else declared <= benchmark


def leads(indicators) -> bool:
    """Front-runner rule: every indicator has a benchmark and meets it, and one beats it.

    ``indicators`` is an iterable of (declared, benchmark, higher_is_better).
    """
    rows = list(indicators)
    if not rows or any(benchmark is None for _d, benchmark, _h in rows):
        return False
    if not all(meets(d, b, h) for d, b, h in rows):
        return False
    return any(d != b for d, b, _h in rows)


def _indicator_tuples(declaration):
    return declaration.indicators.values_list(
        "declared_value", "benchmark_value", "higher_is_better"
    )


def _save_indicators(declaration, indicators):
    if len(indicators) > MAX_INDICATORS:
        raise ValidationError(
            _("At most %(n)d indicators can be declared.") % {"n": MAX_INDICATORS}
        )
    declaration.indicators.all().delete()
    for row in indicators:
        fields = {name: row.get(name) for name in INDICATOR_FIELDS if name in row}
        StandardIndicator.objects.create(declaration=declaration, **fields)


def _reflag(declaration):
    """Flag (or unflag) the declaration as a front-runner candidate from its indicators."""
    flag = FrontRunner.CANDIDATE if leads(_indicator_tuples(declaration)) else FrontRunner.NONE
    if declaration.front_runner != flag:
        declaration.front_runner = flag
        declaration.front_runner_decided_by = None
        declaration.front_runner_decided_at = None
        declaration.save()


@transaction.atomic
def declare(enterprise, user, data, indicators):
    """Publish a declaration with its indicators; it is public at once."""
    fields = {name: data[name] for name in DECLARATION_FIELDS if name in data}
    declaration = StandardDeclaration.objects.create(
        enterprise=enterprise, created_by=user, **fields
    )
    _save_indicators(declaration, indicators)
    _reflag(declaration)
    return declaration


@transaction.atomic
def edit_declaration(declaration, user, data, indicators):
    """Change a declaration; a front-runner decision is reopened from the new indicators."""
    for name in DECLARATION_FIELDS:
        if name in data:
            setattr(declaration, name, data[name])
    declaration.save()
    _save_indicators(declaration, indicators)
    declaration.front_runner = FrontRunner.NONE
    _reflag(declaration)
    return declaration


def _record_decision(declaration, change):
    declaration.front_runner_decided_by = change.user
    declaration.front_runner_decided_at = change.at


def _confirm(declaration, change):
    """Confirm unless an app's ``restrictions.py`` forbids this enterprise the front-runner list."""
    reasons = restrictions.reasons_against(declaration.enterprise, restrictions.FRONT_RUNNER)
    if reasons:
        raise TransitionRefused(
            _("This enterprise cannot be a front-runner: %(reasons)s")
            % {"reasons": "; ".join(reasons)},
            code="blocked",
        )
    _record_decision(declaration, change)


# A candidate is confirmed or declined once; a confirmation is revoked only with a reason,
# and a declined declaration waits for new indicators (``_reflag``) before it is a candidate again.
FRONT_RUNNER = Workflow(
    model="enterprises.StandardDeclaration",
    log="enterprises.FrontRunnerChange",
    field="front_runner",
    transitions=[
        Transition("confirm", ("candidate",), "confirmed", STAFF,
                   gettext_lazy("Confirm as front-runner"), does=_confirm),
        Transition("decline", ("candidate",), "declined", STAFF, gettext_lazy("Do not confirm"),
                   takes_reason=True, does=_record_decision, style="secondary"),
        Transition("revoke", ("confirmed",), "declined", STAFF,
                   gettext_lazy("Revoke the confirmation"), reason_required=True,
                   does=_record_decision, style="danger"),
    ],
    closed={
        "": gettext_lazy(
            "Only a declaration whose indicators lead the benchmark can be a front-runner."
        ),
        "declined": gettext_lazy(
            "This declaration was not confirmed; it becomes a candidate again when its "
            "indicators are changed and lead the benchmark."
        ),
    },
)  # fmt: skip


def sampling_purpose(user, batch):
    """What a draw is for: one review batch of one jurisdiction (a second draw is a re-draw)."""
    unit = user.reporting_unit.code if user.reporting_unit else "national"
    return f"enterprises.standards:{unit}:{batch}"


@transaction.atomic
def draw_sample(user, *, ratio=None, count=None, seed=None, batch="", note="", reason=""):
    """Draw declarations of the regulator's scope for review with portal.draws, and record it."""
    ids = list(
        scoped(StandardDeclaration.objects.all(), user).order_by("pk").values_list("pk", flat=True)
    )
    if not ids:
        raise ValidationError(
            gettext_lazy("There are no declarations in your jurisdiction to draw from.")
        )
    try:
        size = draws.sample_size(len(ids), ratio=ratio, count=count)
    except ValueError as error:
        raise ValidationError(
            gettext_lazy("Give either a ratio between 0 and 1 or a count.")
        ) from error
    batch = batch.strip() or timezone.localdate().isoformat()
    record = draws.draw(
        sampling_purpose(user, batch),
        draws.new_seed() if seed in (None, "") else seed,
        [str(pk) for pk in ids],
        size,
        reason=reason,
        approved_by=user if reason.strip() else None,
        user=user,
    )
    sample = SamplingDraw.objects.create(
        reporting_unit=user.reporting_unit,
        ratio=ratio,
        count=count,
        draw=record,
        population=len(ids),
        drawn_by=user,
        note=note,
    )
    items = SampledDeclaration.objects.bulk_create(
        SampledDeclaration(draw=sample, declaration_id=int(pk)) for pk in record.result
    )
    record_bulk(items, "create")
    return sample


def record_outcome(item, user, outcome, note=""):
    """Record the outcome of reviewing one sampled declaration."""
    if outcome not in SampledDeclaration.Outcome.values or outcome == "pending":
        raise ValidationError({"outcome": _("Choose an outcome.")})
    item.outcome = outcome
    item.note = note.strip()
    item.reviewed_by = user
    item.reviewed_at = timezone.now()
    item.save()
    return item
