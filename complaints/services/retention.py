"""Anonymisation of closed complaints after the retention period (set-based, logged).

A complaint closed more than ``COMPLAINT_RETENTION_DAYS`` days ago loses the consumer's
contact details and every free text (what went wrong, the request, the rating comment,
the replies in mediation, the reasons in its status history and transfers, the mediation
bodies' reports, which may quote the consumer) and its evidence files; its figures
(dates, status, operator, ground, rating) stay for statistics and publicity. An
``AnonymisationLog`` row records what was removed, from which complaints and by which
rule, never the removed values.
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from ..models import (
    AnonymisationLog,
    Complaint,
    ComplaintAttachment,
    ComplaintReply,
    ComplaintStatusChange,
    ComplaintTransfer,
    ComplaintTransferChange,
    MediationReferral,
)
from .deadlines import OPEN

EMPTIED = [
    "complainant_name",
    "complainant_phone",
    "phone_index",
    "complainant_id_number",
    "complainant_address",
    "complainant_email",
    "description",
    "request",
    "rating_comment",
]


REASONS = ["history.reason", "transfers.reason", "transfers.history.reason", "referrals.note"]


def _empty_reasons(ids):
    ComplaintStatusChange.objects.filter(complaint__in=ids).update(reason="")
    ComplaintTransfer.objects.filter(complaint__in=ids).update(reason="")
    ComplaintTransferChange.objects.filter(transfer__complaint__in=ids).update(reason="")
    MediationReferral.objects.filter(complaint__in=ids).update(note="")


def due_for_anonymisation(today):
    """Closed complaints past retention that still hold personal data."""
    cutoff = today - datetime.timedelta(days=settings.COMPLAINT_RETENTION_DAYS)
    rows = Complaint.objects.filter(closed_on__lt=cutoff, anonymised_on__isnull=True)
    return rows.exclude(status__in=OPEN), cutoff


def run(today=None):
    """Anonymise what is due today; returns the log entry (None when nothing was due)."""
    today = today or timezone.localdate()
    rows, cutoff = due_for_anonymisation(today)
    with transaction.atomic():
        ids = list(rows.select_for_update().values_list("pk", flat=True))
        if not ids:
            return None
        Complaint.objects.filter(pk__in=ids).update(
            **dict.fromkeys(EMPTIED, ""), anonymised_on=today, updated_at=timezone.now()
        )
        replies = ComplaintReply.objects.filter(complaint__in=ids).update(text="")
        _empty_reasons(ids)
        attachments = ComplaintAttachment.objects.filter(complaint__in=ids)
        files = [attached.file.name for attached in attachments]
        deleted, _by_model = attachments.delete()
        transaction.on_commit(lambda: _remove_files(files))
        days = settings.COMPLAINT_RETENTION_DAYS
        return AnonymisationLog.objects.create(
            rule=f"closed_on < {cutoff}, COMPLAINT_RETENTION_DAYS={days}",
            closed_before=cutoff,
            complaints=len(ids),
            complaint_ids=ids,
            fields=EMPTIED + ["replies.text", *REASONS, "attachments"],
            replies=replies,
            attachments=deleted,
        )


def _remove_files(names):
    storage = ComplaintAttachment._meta.get_field("file").storage
    for name in names:
        storage.delete(name)
