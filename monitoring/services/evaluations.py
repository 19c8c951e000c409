"""Post-consumption evaluations: issuing codes, taking an evaluation, review, replies, figures.

Views, the API and the demo call these; the rules without a database live in
``monitoring.evaluation_codes``.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Avg, Count, FloatField, Max
from django.db.models.fields.json import KT
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from enterprises.models import Enterprise
from enterprises.services.registry import search_name
from enterprises.uscc import checked
from portal import audit
from portal.access import ENTERPRISE
from portal.crypto import blind_index
from portal.scoping import enterprise_ids, public_rows, scoped
from portal.workflow import STAFF, Transition, Workflow

from .. import evaluation_codes as codes
from ..models import (
    Evaluation,
    EvaluationCode,
    EvaluationCodeBatch,
    EvaluationReply,
    EvaluationStatusChange,
)

Status = Evaluation.Status
SCORES = range(1, 6)


def aspects():
    """The configured aspects: [(key, label)] (settings.PORTAL_EVALUATION_ASPECTS)."""
    return list(settings.PORTAL_EVALUATION_ASPECTS)


# Issuing codes


@dataclass
class Issued:
    batch: EvaluationCodeBatch
    codes: list  # the printed codes: shown once, never stored


def issue_codes(enterprise, user, size, *, days=None, note="", at=None):
    """A batch of ``size`` one-time codes for an enterprise the user acts for."""
    if user.role != ENTERPRISE or enterprise.pk not in enterprise_ids(user):
        raise PermissionDenied
    limit = settings.PORTAL_EVALUATION_BATCH_MAX
    if not 1 <= size <= limit:
        raise ValidationError(
            {"size": _("Issue between 1 and %(limit)d codes at a time (%(size)d asked).")
             % {"limit": limit, "size": size}}
        )  # fmt: skip
    at = at or timezone.now()
    expires = at + datetime.timedelta(days=days or settings.PORTAL_EVALUATION_CODE_DAYS)
    printed = [codes.new_code() for _ in range(size)]
    with transaction.atomic():
        batch = EvaluationCodeBatch.objects.create(
            enterprise=enterprise, issued_by=user, size=size, note=note, expires_at=expires
        )
        rows = EvaluationCode.objects.bulk_create(
            EvaluationCode(batch=batch, code_hash=code_hash(c), expires_at=expires) for c in printed
        )
        audit.record_bulk(rows, "create")
    return Issued(batch, printed)


def code_hash(code):
    """The keyed hash stored for a code (printed or typed)."""
    return blind_index("evaluation:" + codes.normalise(code))


# Taking an evaluation


def find_enterprise(raw_uscc, field="uscc"):
    """The registered enterprise with this USCC; ValidationError (on ``field``) otherwise."""
    uscc = checked(raw_uscc, field=field)
    enterprise = Enterprise.objects.filter(uscc=uscc).first()
    if enterprise is None:
        raise _on_field(field, "uscc_unknown", _(
            "No enterprise with this USCC is registered. Check the code on the receipt or "
            "the business licence."
        ))  # fmt: skip
    return enterprise


def _on_field(field, code, message):
    error = ValidationError(message, code=code)
    return ValidationError({field: error}) if field else error


def submit(enterprise, raw_code, overall, aspect_scores, comment, address, *, at=None):
    """Record an evaluation with a one-time code; held for review if it looks inauthentic."""
    at = at or timezone.now()
    comment = (comment or "").strip()
    _check_scores(overall, aspect_scores)
    with transaction.atomic():
        # One evaluation of an enterprise at a time, so a burst is counted without a race.
        Enterprise.objects.select_for_update().filter(pk=enterprise.pk).first()
        code = _take_code(enterprise, raw_code, at)
        network = blind_index("network:" + codes.network_of(address))
        key = codes.comment_key(comment)
        evaluation = Evaluation(
            enterprise=enterprise, code=code, batch_id=code.batch_id, network_hash=network,
            overall=overall, aspects=aspect_scores, comment=comment,
            comment_hash=blind_index("comment:" + key) if key else "", submitted_at=at,
        )  # fmt: skip
        reason, details = _hold_reason(evaluation)
        evaluation.status = Status.HELD if reason else Status.RELEASED
        evaluation.hold_reason, evaluation.hold_details = reason, details
        evaluation.released_at = None if reason else at
        evaluation.save()
        if reason:
            EvaluationStatusChange.objects.create(
                evaluation=evaluation, action="hold", from_status="", to_status=Status.HELD,
                reason=details, at=at,
            )  # fmt: skip
    return evaluation


def _check_scores(overall, aspect_scores):
    errors = {}
    if overall not in SCORES:
        errors["overall"] = _("Give a score from 1 to 5.")
    keys = {key for key, _label in aspects()}
    for key, label in aspects():
        if aspect_scores.get(key) not in SCORES:
            errors[f"aspect_{key}"] = _("Give “%(aspect)s” a score from 1 to 5.") % {
                "aspect": label
            }
    unknown = set(aspect_scores) - keys
    if unknown:
        errors["overall"] = _("Unknown aspects: %(names)s.") % {"names": ", ".join(sorted(unknown))}
    if errors:
        raise ValidationError(errors)


def _take_code(enterprise, raw_code, at):
    """The code's row, marked used; one message for a code that is wrong or expired."""
    invalid = _on_field("code", "code_invalid", _(
        "This code is not valid for this enterprise, or it has expired. Check it on your receipt."
    ))  # fmt: skip
    if not codes.normalise(raw_code):
        raise invalid
    code = (
        EvaluationCode.objects.select_for_update()
        .filter(code_hash=code_hash(raw_code), batch__enterprise=enterprise)
        .first()
    )
    if code is None or code.expires_at <= at:
        raise invalid
    if code.used_at is not None:
        raise _on_field("code", "code_used", _(
            "This code has already been used for an evaluation; each code can be used once."
        ))  # fmt: skip
    code.used_at = at
    code.save(update_fields=["used_at"])
    return code


def _hold_reason(evaluation):
    """("burst" or "duplicate" or "", what was found) for a new evaluation."""
    rows = Evaluation.objects.filter(enterprise_id=evaluation.enterprise_id)
    if evaluation.comment_hash:
        since = evaluation.submitted_at - datetime.timedelta(
            days=settings.PORTAL_EVALUATION_DUPLICATE_DAYS
        )
        if rows.filter(comment_hash=evaluation.comment_hash, submitted_at__gte=since).exists():
            return Evaluation.HoldReason.DUPLICATE, _("The same comment was given before.")
    window = datetime.timedelta(minutes=settings.PORTAL_EVALUATION_BURST_WINDOW_MINUTES)
    recent = rows.filter(submitted_at__gt=evaluation.submitted_at - window)
    sources = set(recent.values_list("batch_id", "network_hash").distinct())
    sources.add((evaluation.batch_id, evaluation.network_hash))
    count = recent.count() + 1
    if codes.is_burst(
        count,
        len(sources),
        threshold=settings.PORTAL_EVALUATION_BURST_COUNT,
        max_sources=settings.PORTAL_EVALUATION_BURST_SOURCES,
    ):
        found = _("%(count)d evaluations within %(minutes)d minutes from %(sources)d sources.")
        details = found % {
            "count": count,
            "minutes": settings.PORTAL_EVALUATION_BURST_WINDOW_MINUTES,
            "sources": len(sources),
        }
        return Evaluation.HoldReason.BURST, details
    return "", ""


# Review


def _released(evaluation, change):
    evaluation.released_at = change.at


EVALUATION = Workflow(
    model="monitoring.Evaluation",
    log="monitoring.EvaluationStatusChange",
    transitions=[
        Transition(
            "release",
            (Status.HELD,),
            Status.RELEASED,
            STAFF,
            gettext_lazy("Release: show it publicly"),
            takes_reason=True,
            does=_released,
        ),
        Transition(
            "reject",
            (Status.HELD,),
            Status.REJECTED,
            STAFF,
            gettext_lazy("Reject: never show it"),
            reason_required=True,
            style="danger",
        ),
    ],  # fmt: skip
)


def held_rows(user):
    """Held evaluations the user may review (their jurisdiction), oldest first."""
    return scoped(Evaluation.objects.filter(status=Status.HELD), user).order_by(
        "submitted_at", "id"
    )


# Replies


def may_reply(user, evaluation):
    """The enterprise may reply once, publicly, to a released evaluation about it."""
    return (
        user.is_authenticated
        and user.role == ENTERPRISE
        and evaluation.status == Status.RELEASED
        and evaluation.enterprise_id in enterprise_ids(user)
        and not EvaluationReply.objects.filter(evaluation=evaluation).exists()
    )


def reply(evaluation, user, text):
    """The enterprise's one public reply; a second one is refused."""
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": _("Write the reply.")})
    if not (user.role == ENTERPRISE and evaluation.enterprise_id in enterprise_ids(user)):
        raise PermissionDenied
    if evaluation.status != Status.RELEASED:
        raise ValidationError(_("Only a published evaluation can be replied to."))
    if EvaluationReply.objects.filter(evaluation=evaluation).exists():
        raise ValidationError(_("This evaluation has a reply already; only one is allowed."))
    try:
        with transaction.atomic():
            return EvaluationReply.objects.create(evaluation=evaluation, author=user, text=text)
    except IntegrityError:
        raise ValidationError(
            _("This evaluation has a reply already; only one is allowed.")
        ) from None


# What the public sees


def released_rows(enterprise=None):
    """Released evaluations (public_rows), with their replies, newest first."""
    rows = public_rows(Evaluation.objects.all()).select_related("reply", "enterprise")
    if enterprise is not None:
        rows = rows.filter(enterprise=enterprise)
    return rows.order_by("-submitted_at", "-id")


def summary(rows):
    """Count, average overall score and average per aspect of a queryset of evaluations."""
    averages = {
        f"aspect_{key}": Avg(Cast(KT(f"aspects__{key}"), FloatField())) for key, _l in aspects()
    }
    figures = rows.aggregate(count=Count("id"), overall=Avg("overall"), **averages)
    return {
        "count": figures["count"],
        "overall": _rounded(figures["overall"]),
        "aspects": [(label, _rounded(figures[f"aspect_{key}"])) for key, label in aspects()],
    }


def _rounded(value):
    return None if value is None else round(value, 2)


def evaluated_enterprises(name="", unit_code=""):
    """Enterprises with released evaluations: count, average, latest; for the public list."""
    rows = public_rows(Evaluation.objects.all())
    if name:
        rows = rows.filter(enterprise__in=search_name(Enterprise.objects.all(), name).values("pk"))
    if unit_code:
        rows = rows.filter(enterprise__reporting_unit__code=unit_code)
    return (
        rows.values("enterprise__uscc", "enterprise__name", "enterprise__reporting_unit__name")
        .annotate(count=Count("id"), average=Avg("overall"), latest=Max("submitted_at"))
        .order_by("-latest", "enterprise__uscc")
    )
