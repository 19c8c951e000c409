"""Taking in complaints and reports: from the public form or recorded by a regulator.

``file`` routes the submission, picks the rule set in force on the day received,
computes the deadlines and gives it a tracking code. A submission that is both a
complaint and a report is split into two, each with its own procedure. The same
submission posted again (same phone, operator and text within a day) is merged into
the first, never lost and never counted twice.
"""

import datetime
import hashlib
import secrets
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.crypto import blind_index

from ..models import Complaint, ComplaintAttachment, OdrEnterprise, RuleSet
from . import deadlines, routing

TRACKING_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # no 0/O, 1/I
TRACKING_LENGTH = 12
DUPLICATE_WINDOW = datetime.timedelta(days=1)
Kind = Complaint.Kind
Status = Complaint.Status


@dataclass(frozen=True)
class Filed:
    """What a submission became: its complaints (one, or two when split), merged or new."""

    complaints: list
    merged: bool


def new_tracking_code():
    return "".join(secrets.choice(TRACKING_ALPHABET) for _ in range(TRACKING_LENGTH))


def file(data, *, kinds, channel, user=None, evidence=()):
    """File a submission; ``data`` holds the Complaint fields, ``kinds`` one or both kinds.

    ``evidence``: files accepted by ``portal.uploads``, kept with each complaint filed.
    """
    data = dict(data)
    received_on = data.pop("received_on", None) or timezone.localdate()
    if received_on > timezone.localdate():
        raise ValidationError({"received_on": _("The date received cannot lie in the future.")})
    duplicate = _duplicate(data, received_on)
    if duplicate:
        return Filed(duplicate, merged=True)
    route = routing.route(
        division=data.pop("division"),
        section=data["service_section"],
        operator=data.get("operator"),
        platform=data.get("platform"),
        received_by=user.reporting_unit if user else None,
    )
    rule_set = _rule_set(received_on)
    filed = []
    with transaction.atomic():
        for kind in kinds:
            complaint = Complaint(
                **data,
                kind=kind,
                channel=channel,
                received_on=received_on,
                rule_set=rule_set,
                status=_first_status(kind, data.get("operator"), received_on),
                tracking_code=new_tracking_code(),
                phone_index=blind_index(data["complainant_phone"]),
                division=route.division,
                reporting_unit=route.reporting_unit,
                first_unit=route.reporting_unit,
                routed_by=route.reason,
                routing_rule=route.rule,
                created_by=user,
                split_from=filed[0] if filed else None,
            )
            deadlines.compute(complaint)
            complaint.save()
            _attach(complaint, evidence)
            filed.append(complaint)
    return Filed(filed, merged=False)


def _attach(complaint, evidence):
    for accepted in evidence:
        accepted.seek(0)
        ComplaintAttachment.objects.create(
            complaint=complaint,
            file=ContentFile(accepted.read(), name=accepted.name),
            name=accepted.display_name,
            content_kind=accepted.file_type.key,
            size=accepted.size,
        )


def _rule_set(received_on):
    try:
        return RuleSet.in_force_on(received_on)
    except RuleSet.DoesNotExist:
        first = RuleSet.objects.order_by("effective_from").first()
        raise ValidationError(
            {
                "received_on": _(
                    "Complaints received before %(day)s are handled outside the portal."
                )
                % {"day": first.effective_from if first else "—"}
            }
        ) from None


def _first_status(kind, operator, day):
    if kind == Kind.REPORT:
        return Status.VERIFYING
    if operator is not None and OdrEnterprise.settles_first(operator, day):
        return Status.WITH_ODR
    return Status.RECEIVED


def _duplicate(data, received_on):
    """The complaints of the same submission filed within a day, if any."""
    same = Complaint.objects.filter(
        phone_index=blind_index(data["complainant_phone"]),
        operator_name=data["operator_name"],
        received_on__gte=received_on - DUPLICATE_WINDOW,
        received_on__lte=received_on,
        split_from=None,
    )
    text = _fingerprint(data["description"])
    for complaint in same:
        if _fingerprint(complaint.description) == text:
            return [complaint, *complaint.split_into.all()]
    return None


def _fingerprint(text):
    return hashlib.sha256("".join(text.split()).encode()).hexdigest()


def track(code, phone_last_four):
    """The complaint with this tracking code if the phone ends in those digits, else None.

    A wrong code and a wrong phone give the same answer.
    """
    code = code.strip().upper()
    complaint = Complaint.objects.filter(tracking_code=code).first()
    if complaint is None or not secrets.compare_digest(
        complaint.complainant_phone[-4:].encode(), phone_last_four.strip().encode()
    ):
        return None
    return complaint
