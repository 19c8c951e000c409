"""One-time links to a wave's public questionnaire: issued by regulators, answered once.

A regulator issues a batch of links for one sector of a wave (and, if it wants, one
division or one enterprise). Each link carries a random token; only its keyed hash is
kept, so the links are handed over once, as a file. A consumer who opens a link answers
the wave's questionnaire without logging in; the answer is checked like an imported row
(a straight line or an impossibly fast completion is kept but excluded, with the
reason), and the link cannot be used again.
"""

import datetime
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from portal import audit
from portal.crypto import blind_index

from ..models import SurveyLink, SurveyLinkBatch
from ..sectors import sector_label
from . import versions
from .responses import QualityContext, item_specs, quality, store_one


@dataclass
class Issued:
    batch: SurveyLinkBatch
    tokens: list


def token_hash(token):
    return blind_index("survey-link:" + (token or ""))


def issuing_unit(wave, user, division=None):
    """The unit the batch's responses count for: the wave's, the user's, or the division's."""
    if wave.reporting_unit_id:
        return wave.reporting_unit
    if user.is_provincial:
        return user.agency.reporting_unit
    if division is None:
        raise ValidationError(
            {"division": _("A link of a national wave needs the division its answers count for.")}
        )
    return division.reporting_unit


def issue_links(wave, user, *, sector, size, division=None, enterprise=None, days=None, note=""):
    """A batch of ``size`` one-time links to the wave's questionnaire."""
    unit = issuing_unit(wave, user, division)
    _check_issue(wave, unit, sector, size, division, enterprise)
    days = days or settings.MONITORING_LINK_DAYS
    expires = timezone.now() + datetime.timedelta(days=days)
    tokens = [secrets.token_urlsafe(18) for _ in range(size)]
    with transaction.atomic():
        batch = SurveyLinkBatch.objects.create(
            wave=wave, reporting_unit=unit, sector=sector, division=division,
            enterprise=enterprise, size=size, note=note, issued_by=user, expires_at=expires,
        )  # fmt: skip
        links = SurveyLink.objects.bulk_create(
            SurveyLink(batch=batch, token_hash=token_hash(t)) for t in tokens
        )
        audit.record_bulk(links, "create")
    return Issued(batch, tokens)


def _check_issue(wave, unit, sector, size, division, enterprise):
    problems = {}
    if sector not in wave.sectors:
        problems["sector"] = _("The wave does not survey “%(sector)s”.") % {
            "sector": sector_label(sector)
        }
    if division is not None and division.reporting_unit_id != unit.pk:
        problems["division"] = _("The division lies outside the wave's or your unit.")
    if enterprise is not None and enterprise.reporting_unit_id != unit.pk:
        problems["enterprise"] = _("%(name)s is registered outside %(unit)s.") % {
            "name": enterprise,
            "unit": unit,
        }
    limit = settings.MONITORING_LINK_BATCH_MAX
    if not 1 <= size <= limit:
        problems["size"] = _("Issue between 1 and %(limit)d links at a time (%(size)d asked).") % {
            "limit": limit,
            "size": size,
        }
    if problems:
        raise ValidationError(problems)


class LinkRefused(ValidationError):
    """The link cannot be answered; ``code`` says why (unknown, expired, used)."""


def find(token, *, lock=False):
    """The link of a token that can still be answered; LinkRefused otherwise."""
    rows = SurveyLink.objects.select_related(
        "batch__wave__version__model", "batch__division", "batch__enterprise"
    )
    if lock:
        rows = rows.select_for_update(of=("self",))
    link = rows.filter(token_hash=token_hash(token)).first()
    if link is None:
        raise LinkRefused(_("This questionnaire link is not valid."), code="unknown")
    if link.used_at is not None:
        raise LinkRefused(
            _("This questionnaire has already been answered. Thank you."), code="used"
        )
    if link.batch.expires_at <= timezone.now():
        raise LinkRefused(_("This questionnaire link has expired."), code="expired")
    return link


def open_link(token):
    """The link, noting when it was first opened (the completion time counts from then)."""
    link = find(token)
    if link.opened_at is None:  # a timestamp, not a person's change: not audited
        link.opened_at = timezone.now()
        SurveyLink.objects.filter(pk=link.pk, opened_at=None).update(opened_at=link.opened_at)
    return link


def answer(token, answers):
    """Store the answers of a link once; a second answer of the same link is refused."""
    with transaction.atomic():
        link = find(token, lock=True)
        batch, now = link.batch, timezone.now()
        structure = versions.structure(batch.wave.version)
        opened = link.opened_at or now
        data = {
            "answers": answers, "row": None, "respondent": f"link-{link.pk}",
            "duration_seconds": int((now - opened).total_seconds()),
            "sector": batch.sector, "reporting_unit_id": batch.reporting_unit_id,
            "division_id": batch.division_id, "enterprise_id": batch.enterprise_id,
        }  # fmt: skip
        data["reason"] = "; ".join(quality(data, QualityContext(item_specs(structure))))
        response = store_one(batch.wave, data)
        link.response, link.used_at = response, now
        link.save(update_fields=["response", "used_at"])
    return response
