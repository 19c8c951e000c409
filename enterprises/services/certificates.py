"""Service certificates: filing, status changes, the daily expiry job, and counts.

The daily job (``run_daily``) is idempotent: it expires what is past its date
with one set-based update, and sends each 60- and 30-day reminder once, held
by a unique CertificateReminder row, so a repeated run sends nothing twice and
a missed day is caught up by the next run.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal import mail, uploads
from portal.audit import acting_as
from portal.workflow import EVERYONE, STAFF, SYSTEM, Transition, TransitionRefused, Workflow

from ..models import Certificate, CertificateReminder
from .claims import approved_users

SCAN = uploads.UploadKind(
    field=gettext_lazy("Scan"),
    types=(uploads.PDF, uploads.JPEG, uploads.PNG),
    max_bytes=5 * 1024 * 1024,
    accepts=gettext_lazy("a PDF or an image (JPEG, PNG)"),
)
EDITABLE_FIELDS = (
    "number",
    "certification_body",
    "service",
    "scope_text",
    "issued_on",
    "expires_on",
    "scan",
)
REMINDERS = ((CertificateReminder.Kind.DAYS_60, 31, 60), (CertificateReminder.Kind.DAYS_30, 0, 30))
SME_SIZES = ("medium", "small", "micro")
LIVE = ("valid", "suspended")


def accept_scan(upload):
    """The scan checked and cleaned by ``portal.uploads``, or ValidationError on "scan"."""
    try:
        return uploads.accept(upload, SCAN)
    except ValidationError as error:
        raise ValidationError({"scan": error}) from error


def scan_download_name(certificate):
    """The name a scan is downloaded as: the certificate number (the extension follows content)."""
    return f"{certificate.number}.scan"


def check_dates(issued_on, expires_on):
    """Refuse an expiry date on or before the issue date."""
    if issued_on and expires_on and expires_on <= issued_on:
        raise ValidationError(
            {"expires_on": gettext_lazy("The expiry date must come after the issue date.")}
        )


def create_certificate(enterprise, user, data):
    """File a certificate; one already past its expiry date is recorded as expired."""
    check_dates(data.get("issued_on"), data.get("expires_on"))
    if data.get("scan"):
        data = {**data, "scan": accept_scan(data["scan"])}
    fields = {name: data[name] for name in EDITABLE_FIELDS if data.get(name) is not None}
    if data["expires_on"] < timezone.localdate():
        fields["status"] = Certificate.Status.EXPIRED
    return Certificate.objects.create(enterprise=enterprise, created_by=user, **fields)


def edit_certificate(certificate, user, data):
    """Correct a live certificate's details; expired or ended ones stay as they were."""
    if certificate.status not in LIVE:
        raise ValidationError(
            gettext_lazy("An expired, revoked or cancelled certificate cannot be changed."),
            code="closed",
        )
    check_dates(data.get("issued_on"), data.get("expires_on"))
    if data.get("scan"):
        data = {**data, "scan": accept_scan(data["scan"])}
    for name in EDITABLE_FIELDS:
        if name in data and (name != "scan" or data[name]):
            setattr(certificate, name, data[name])
    certificate.save()
    return certificate


def _refuse_if_past_expiry(certificate, change):
    """A suspended certificate whose date has passed cannot be reinstated."""
    if certificate.expires_on < timezone.localdate(change.at):
        raise TransitionRefused(
            _(
                "The certificate expired on %(date)s; it cannot be set back to valid. "
                "Record the renewed certificate as a new certificate."
            )
            % {"date": certificate.expires_on.isoformat()},
            code="expired",
        )


def notify(certificate, log):
    """Tell the enterprise its certificate was suspended or revoked."""
    users = approved_users([certificate.enterprise_id]).get(certificate.enterprise_id, [])
    mail.send("certificate_status", users, {"certificate": certificate, "reason": log.reason})


CERTIFICATE = Workflow(
    model="enterprises.Certificate",
    log="enterprises.CertificateStatusChange",
    transitions=[
        Transition("suspend", ("valid",), "suspended", STAFF, gettext_lazy("Suspend"),
                   reason_required=True, then=notify, style="secondary"),
        Transition("reinstate", ("suspended",), "valid", STAFF, gettext_lazy("Reinstate"),
                   does=_refuse_if_past_expiry),
        Transition("revoke", LIVE, "revoked", STAFF, gettext_lazy("Revoke"),
                   reason_required=True, then=notify, style="danger"),
        Transition("cancel", LIVE, "cancelled", EVERYONE, gettext_lazy("Cancel the certificate"),
                   takes_reason=True, style="danger"),
        Transition("expire", LIVE, "expired", (SYSTEM,), gettext_lazy("Expire"), offered=False),
    ],
    closed={
        "expired": gettext_lazy(
            "An expired certificate cannot be changed: its validity ended on its expiry date. "
            "Record the renewed certificate as a new certificate."
        ),
        "revoked": gettext_lazy("A revoked certificate cannot be changed any more."),
        "cancelled": gettext_lazy("A cancelled certificate cannot be changed any more."),
    },
)  # fmt: skip


def run_daily(today=None):
    """Expire certificates past their date and send due reminders; safe to run again."""
    today = today or timezone.localdate()
    with acting_as(None, source="task", label="expire_certificates"):
        expired = expire(today)
        sent = {kind.value: send_reminders(today, kind, low, high) for kind, low, high in REMINDERS}
    return {"expired": expired, "reminders": sent}


def expire(today):
    """Set every live certificate whose expiry date has passed to expired, in bulk."""
    due = Certificate.objects.filter(expires_on__lt=today).select_related("enterprise")
    return CERTIFICATE.apply_in_bulk(due, "expire")


def send_reminders(today, kind, low, high):
    """Remind the enterprises of valid certificates expiring in ``low``..``high`` days, once."""
    due = list(
        Certificate.objects.filter(
            status=Certificate.Status.VALID,
            expires_on__gte=today + datetime.timedelta(days=low),
            expires_on__lte=today + datetime.timedelta(days=high),
        )
        .exclude(reminders__kind=kind)
        .select_related("enterprise")
    )
    users = approved_users({c.enterprise_id for c in due})
    sent = 0
    for certificate in due:
        sent += _remind(certificate, kind, today, users.get(certificate.enterprise_id, []))
    return sent


@transaction.atomic
def _remind(certificate, kind, today, recipients):
    _reminder, created = CertificateReminder.objects.get_or_create(
        certificate=certificate,
        kind=kind,
        defaults={"for_date": today, "recipients": len(recipients)},
    )
    if not created:
        return 0
    mail.send("certificate_expiring", recipients, {"certificate": certificate})
    return 1


def counts(certificates, on=None):
    """Certificates by status, and valid ones by industry section and enterprise size."""
    valid = Q(status=Certificate.Status.VALID)
    by_status = dict(certificates.values_list("status").annotate(n=Count("id")).order_by())
    by_section = (
        certificates.filter(valid)
        .values_list("enterprise__industry_section")
        .annotate(n=Count("id"))
        .order_by("enterprise__industry_section")
    )
    by_size = dict(
        certificates.filter(valid)
        .values_list("enterprise__size")
        .annotate(n=Count("id"))
        .order_by()
    )
    smes = (
        certificates.filter(valid, enterprise__size__in=SME_SIZES)
        .values("enterprise_id")
        .distinct()
        .count()
    )
    return {"status": by_status, "section": list(by_section), "size": by_size, "smes": smes}


def run_daily_for(today_iso=None):
    """What the Celery task runs: the daily job for a date (ISO) or today."""
    today = datetime.date.fromisoformat(today_iso) if today_iso else None
    return run_daily(today)
