"""The abnormal-operations list and the serious illegal and dishonest list (DOMAIN.md §6).

Entering either list: an officer proposes it with its ground and decision reference, a
second officer confirms it, then it is published. Leaving: the abnormal list after a
correction the department accepts (it decides within CREDIT_ABNORMAL_REMOVAL_DAYS days);
the serious list when its period is served (the daily job) or early through credit
repair when every condition holds. An abnormal entry still listed after three years is
proposed for the serious list by the daily job.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal import audit, uploads
from portal.workflow import STAFF, SYSTEM, Transition, TransitionRefused, Workflow

from ..models import (
    IN_FORCE_ABNORMAL,
    IN_FORCE_SERIOUS,
    AbnormalListing,
    Level,
    SeriousListing,
)
from .penalties import (
    add_years,
    heavier_since,
    in_jurisdiction,
    is_heavier,
    not_in_future,
    second_officer,
    today_of,
)

Abnormal = AbnormalListing.Status
Serious = SeriousListing.Status

REPAIR_FILE = uploads.UploadKind(
    field=gettext_lazy("Good-faith pledge or evidence"),
    types=(uploads.PDF, uploads.JPEG, uploads.PNG),
    max_bytes=10 * 1024 * 1024,
    accepts=gettext_lazy("a PDF or an image (JPEG, PNG)"),
)


def _required(obj, *fields):
    missing = {
        name: _("“%(field)s” is required to enter a list.")
        % {"field": obj._meta.get_field(name).verbose_name}
        for name in fields
        if not str(getattr(obj, name) or "").strip()
    }
    if missing:
        raise ValidationError(missing, code="required")


# The abnormal-operations list


def propose_abnormal(enterprise, data, user):
    """An abnormal-list entry on one of the four grounds, waiting for a second officer."""
    in_jurisdiction(user, enterprise)
    not_in_future(data.get("decided_on"))
    entry = AbnormalListing(enterprise=enterprise, proposed_by=user, agency=user.agency, **data)
    _required(entry, "ground", "decision_reference")
    entry.full_clean(exclude=["agency", "proposed_by", "enterprise"])
    entry.save()
    return entry


def _list_abnormal(entry, change):
    second_officer(entry, change)
    entry.listed_on = today_of(change)


def _apply_removal(entry, change):
    today = today_of(change)
    entry.correction = change.reason
    entry.removal_applied_on = today
    entry.removal_due = today + datetime.timedelta(days=settings.CREDIT_ABNORMAL_REMOVAL_DAYS)


def _remove_abnormal(entry, change):
    if entry.removal_applied_on is None or not entry.correction.strip():
        raise TransitionRefused(
            _(
                "Not removed: the enterprise has not corrected and applied for removal. "
                "Record its correction and application first."
            ),
            code="condition",
        )
    entry.removed_on = today_of(change)


def _refuse_removal(entry, change):
    entry.removal_applied_on = entry.removal_due = None


ABNORMAL = Workflow(
    model="credit.AbnormalListing",
    log="credit.AbnormalListingStatusChange",
    transitions=[
        Transition("confirm", (Abnormal.PROPOSED,), Abnormal.LISTED, STAFF,
                   gettext_lazy("Confirm and publish"), does=_list_abnormal, style="primary"),
        Transition("return", (Abnormal.PROPOSED,), Abnormal.RETURNED, STAFF,
                   gettext_lazy("Return to the proposer"), reason_required=True,
                   style="secondary"),
        Transition("resubmit", (Abnormal.RETURNED,), Abnormal.PROPOSED, STAFF,
                   gettext_lazy("Propose again")),
        Transition("apply_removal", (Abnormal.LISTED,), Abnormal.REMOVAL_APPLIED, STAFF,
                   gettext_lazy("Record the correction and the removal application"),
                   reason_required=True, does=_apply_removal),
        Transition("remove", (Abnormal.LISTED, Abnormal.REMOVAL_APPLIED), Abnormal.REMOVED,
                   STAFF, gettext_lazy("Remove from the list and publish the removal"),
                   does=_remove_abnormal, style="primary"),
        Transition("refuse_removal", (Abnormal.REMOVAL_APPLIED,), Abnormal.LISTED, STAFF,
                   gettext_lazy("Refuse the removal"), reason_required=True,
                   does=_refuse_removal, style="secondary"),
        Transition("transfer", IN_FORCE_ABNORMAL, Abnormal.TRANSFERRED, (SYSTEM, *STAFF),
                   gettext_lazy("Move to the serious list"), offered=False),
    ],
    closed={
        Abnormal.REMOVED: gettext_lazy("A removed entry stays removed; list the enterprise anew."),
        Abnormal.TRANSFERRED: gettext_lazy("This entry was moved to the serious list."),
    },
)  # fmt: skip


# The serious illegal and dishonest list


def basis_refusal(enterprise, penalty, from_abnormal):
    """Why a serious listing has no valid basis, or None."""
    if from_abnormal is not None:
        return None
    if penalty is None:
        return _(
            "A serious listing rests on a heavier administrative penalty "
            "(a larger fine, confiscation, licence revoked, business restricted, closure or "
            "employment restriction) judged serious: choose one."
        )
    if penalty.enterprise_id != enterprise.pk:
        return _("Penalty %(number)s was imposed on another enterprise.") % {
            "number": penalty.decision_number
        }
    if not is_heavier(penalty):
        return _(
            "Penalty %(number)s (%(kind)s) is not a heavier penalty judged serious, so a "
            "serious listing cannot rest on it."
        ) % {"number": penalty.decision_number, "kind": penalty.get_kind_display()}
    return None


def consent_refusal(listing):
    """Why the next level's consent is missing, or None (CREDIT_SERIOUS_NEEDS_HIGHER_CONSENT)."""
    needs = settings.CREDIT_SERIOUS_NEEDS_HIGHER_CONSENT and listing.level in (
        Level.CITY,
        Level.COUNTY,
    )
    if needs and not listing.higher_consent_reference.strip():
        return _(
            "A %(level)s department needs the next level's consent: "
            "record the consent's reference first."
        ) % {"level": listing.get_level_display()}
    return None


def propose_serious(enterprise, data, user):
    """A serious listing resting on a heavier penalty, waiting for a second officer."""
    in_jurisdiction(user, enterprise)
    not_in_future(data.get("decided_on"))
    listing = SeriousListing(enterprise=enterprise, proposed_by=user, agency=user.agency, **data)
    _required(listing, "ground", "decision_reference")
    refusal = basis_refusal(enterprise, listing.penalty, listing.from_abnormal)
    if refusal:
        raise ValidationError({"penalty": refusal}, code="basis")
    listing.full_clean(exclude=["agency", "proposed_by", "enterprise", "penalty"])
    listing.save()
    return listing


def _list_serious(listing, change):
    second_officer(listing, change)
    refusal = basis_refusal(listing.enterprise, listing.penalty, listing.from_abnormal)
    refusal = refusal or consent_refusal(listing)
    if refusal:
        raise TransitionRefused(refusal, code="condition")
    listing.listed_on = today_of(change)
    listing.listed_until = add_years(listing.listed_on, settings.CREDIT_SERIOUS_LIST_YEARS)
    moved = listing.from_abnormal
    if moved is not None and moved.status in IN_FORCE_ABNORMAL:
        ABNORMAL.apply(moved, "transfer", change.user, reason=listing.decision_reference)


def repair_unmet(listing, today):
    """The conditions of early removal (credit repair) not met on ``today``: all must hold."""
    unmet = []
    earliest = add_years(listing.listed_on, settings.CREDIT_SERIOUS_REPAIR_MIN_YEARS)
    if today < earliest:
        unmet.append(
            _("listed for at least %(years)d year(s) (from %(day)s)")
            % {"years": settings.CREDIT_SERIOUS_REPAIR_MIN_YEARS, "day": earliest}
        )
    if not listing.measures_expired:
        unmet.append(_("every measure expired"))
    if not listing.obligations_fulfilled:
        unmet.append(_("the obligations in the decisions fulfilled"))
    if not listing.harm_corrected:
        unmet.append(_("the harm corrected"))
    if (
        heavier_since(listing.enterprise_id, listing.listed_on)
        .exclude(pk=listing.penalty_id)
        .exists()
    ):
        unmet.append(_("no new heavier penalty since the listing"))
    if not listing.repair_applied_on:
        unmet.append(_("an application"))
    if not listing.repair_pledge:
        unmet.append(_("a good-faith pledge (守信承诺书)"))
    if not listing.repair_evidence:
        unmet.append(_("evidence"))
    return unmet


def _remove_early(listing, change):
    unmet = repair_unmet(listing, today_of(change))
    if unmet:
        raise TransitionRefused(
            _("Not removed early: these conditions are not met: %(unmet)s.")
            % {"unmet": "; ".join(str(u) for u in unmet)},
            code="condition",
            missing=unmet,
        )
    listing.removed_on = today_of(change)


def _expire(listing, change):
    if listing.listed_until and today_of(change) < listing.listed_until:
        raise TransitionRefused(
            _("The listing period runs until %(day)s; it cannot be removed as served before.")
            % {"day": listing.listed_until},
            code="condition",
        )
    listing.removed_on = today_of(change)


SERIOUS = Workflow(
    model="credit.SeriousListing",
    log="credit.SeriousListingStatusChange",
    transitions=[
        Transition("confirm", (Serious.PROPOSED,), Serious.LISTED, STAFF,
                   gettext_lazy("Confirm and publish"), does=_list_serious, style="primary"),
        Transition("return", (Serious.PROPOSED,), Serious.RETURNED, STAFF,
                   gettext_lazy("Return to the proposer"), reason_required=True,
                   style="secondary"),
        Transition("resubmit", (Serious.RETURNED,), Serious.PROPOSED, STAFF,
                   gettext_lazy("Propose again")),
        Transition("apply_repair", (Serious.LISTED,), Serious.REPAIR_APPLIED, STAFF,
                   gettext_lazy("Record a credit repair application"), offered=False),
        Transition("remove_early", (Serious.REPAIR_APPLIED,), Serious.REMOVED_EARLY, STAFF,
                   gettext_lazy("Remove early (credit repair)"), does=_remove_early,
                   style="primary"),
        Transition("refuse_repair", (Serious.REPAIR_APPLIED,), Serious.LISTED, STAFF,
                   gettext_lazy("Refuse the credit repair"), reason_required=True,
                   style="secondary"),
        Transition("expire", IN_FORCE_SERIOUS, Serious.EXPIRED, (SYSTEM, *STAFF),
                   gettext_lazy("Remove: listing period served"), does=_expire),
    ],
    closed={
        Serious.EXPIRED: gettext_lazy("The listing period is served; the entry is closed."),
        Serious.REMOVED_EARLY: gettext_lazy("The entry was removed early through credit repair."),
    },
)  # fmt: skip


def apply_for_repair(listing, user, *, pledge, evidence, conditions, note=""):
    """Record a credit repair application with the good-faith pledge and the evidence."""
    missing = {}
    if not pledge:
        missing["repair_pledge"] = _("Attach the good-faith pledge (守信承诺书).")
    if not evidence:
        missing["repair_evidence"] = _("Attach the evidence.")
    if missing:
        raise ValidationError(missing, code="required")
    pledge = uploads.accept(pledge, REPAIR_FILE)
    evidence = uploads.accept(evidence, REPAIR_FILE)
    with transaction.atomic():
        listing.repair_pledge.save(pledge.name, pledge, save=False)
        listing.repair_pledge_name = pledge.display_name
        listing.repair_evidence.save(evidence.name, evidence, save=False)
        listing.repair_evidence_name = evidence.display_name
        listing.repair_applied_on = timezone.localdate()
        for name in ("measures_expired", "obligations_fulfilled", "harm_corrected"):
            setattr(listing, name, bool(conditions.get(name)))
        listing.save()
        return SERIOUS.apply(listing, "apply_repair", user, reason=note)


# The daily job


def served(today):
    """Serious listings whose period ends on or before ``today``."""
    return SeriousListing.objects.filter(status__in=IN_FORCE_SERIOUS, listed_until__lte=today)


def due_for_transfer(today):
    """Abnormal entries listed for CREDIT_ABNORMAL_TRANSFER_YEARS or more, not yet proposed."""
    cutoff = add_years(today, -settings.CREDIT_ABNORMAL_TRANSFER_YEARS)
    proposed = SeriousListing.objects.filter(from_abnormal=OuterRef("pk"))
    return AbnormalListing.objects.filter(
        status__in=IN_FORCE_ABNORMAL, listed_on__lte=cutoff
    ).exclude(Exists(proposed))


def removal_overdue(today):
    """Removal applications the department has not decided by their due day."""
    return AbnormalListing.objects.filter(status=Abnormal.REMOVAL_APPLIED, removal_due__lt=today)


def run_daily(today=None):
    """Remove served serious listings and propose three-year abnormal entries for the serious
    list; idempotent, set-based. Returns the counts."""
    today = today or timezone.localdate()
    at = timezone.make_aware(datetime.datetime.combine(today, datetime.time(2)))
    with audit.acting_as(None, label="credit daily lists"):
        expired = SERIOUS.apply_in_bulk(served(today), "expire", at=at)
        proposals = [
            SeriousListing(
                enterprise_id=entry.enterprise_id,
                from_abnormal=entry,
                agency_id=entry.agency_id,
                ground=_(
                    "Still on the abnormal-operations list after %(years)d years (listed on "
                    "%(day)s, %(reference)s)."
                )
                % {
                    "years": settings.CREDIT_ABNORMAL_TRANSFER_YEARS,
                    "day": entry.listed_on,
                    "reference": entry.decision_reference,
                },
                decision_reference=entry.decision_reference,
                decided_on=today,
            )
            for entry in due_for_transfer(today).only(
                "pk", "enterprise_id", "agency_id", "listed_on", "decision_reference"
            )
        ]
        SeriousListing.objects.bulk_create(proposals, batch_size=1000)
        audit.record_bulk(proposals, "create")
    return {
        "expired": expired,
        "proposed_for_serious_list": len(proposals),
        "removal_overdue": removal_overdue(today).count(),
    }


# What the risk classes count (credit.services.risk_indicators wraps them).


def abnormal_in_force(today):
    """Abnormal entries in force on ``today``: listed on or before it and not removed."""
    return AbnormalListing.objects.filter(status__in=IN_FORCE_ABNORMAL, listed_on__lte=today)


def on_a_list(today):
    """Per enterprise (``OuterRef("pk")``): on the abnormal or the serious list on ``today``.

    A serious listing stops counting on its ``listed_until`` day, when the daily job may
    expire it, so a recomputation running before that job agrees with the list."""
    abnormal = abnormal_in_force(today).filter(enterprise=OuterRef("pk"))
    serious = SeriousListing.objects.filter(
        Q(listed_until__isnull=True) | Q(listed_until__gt=today),
        enterprise=OuterRef("pk"),
        status__in=IN_FORCE_SERIOUS,
        listed_on__lte=today,
    )
    return Exists(abnormal) | Exists(serious)


def abnormal_annual_report(today):
    """Per enterprise: an abnormal entry in force on the ground "annual report not filed"."""
    entries = abnormal_in_force(today).filter(
        enterprise=OuterRef("pk"), ground=AbnormalListing.Ground.ANNUAL_REPORT
    )
    return Exists(entries)
