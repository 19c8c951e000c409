"""Writing a report: narratives with optimistic locking, figures, snapshots, attachments."""

from django.db import transaction
from django.db.models import Max, OuterRef, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal import mail, uploads
from portal.access import HEADQUARTERS, PROVINCIAL
from portal.workflow import Transition, TransitionRefused, Workflow

from ..catalogue import ATTACHMENTS
from ..metrics_registry import collect
from ..models import Attachment, Measure, ProgressReport, ReportVersion

ATTACHMENT = uploads.UploadKind(
    field=gettext_lazy("Attachment"),
    types=(uploads.PDF, uploads.PNG, uploads.JPEG, uploads.DOCX, uploads.XLSX),
    max_bytes=20 * 1024 * 1024,
    accepts=gettext_lazy(
        "a PDF, an image (PNG, JPEG), a Word document (DOCX) or an Excel workbook (XLSX)"
    ),
)


class StaleEdit(Exception):
    """Someone saved the report after the editor loaded it."""

    def __init__(self, current):
        super().__init__("stale edit")
        self.current = current


class NotEditable(Exception):
    """The report is submitted or accepted: its text cannot change now."""


def live_figures(report):
    """The unit's figures for the round's period, from every app's metrics.py."""
    return collect(report.reporting_unit, report.round.period_start, report.round.period_end)


def figures_to_show(report):
    """What submitting would freeze while the report is editable; the frozen figures after."""
    return live_figures(report) if report.is_editable else report.figures


def refresh_figures(report, now=None):
    """Recompute a report's live figures (a submission waits for this, never mixes)."""
    with transaction.atomic():
        report = (
            ProgressReport.objects.select_for_update()
            .select_related("round", "reporting_unit")
            .get(pk=report.pk)
        )
        report.figures = live_figures(report)
        report.figures_at = now or timezone.now()
        report.save(update_fields=["figures", "figures_at", "updated_at"])
    return report


def save_texts(report, texts, expected_version, user):
    """Save narratives unless someone saved in between (then StaleEdit, nothing lost)."""
    with transaction.atomic():
        current = ProgressReport.objects.select_for_update().get(pk=report.pk)
        if not current.is_editable:
            raise NotEditable
        if current.lock_version != expected_version:
            raise StaleEdit(current)
        current.texts = {**current.texts, **{k: v.strip() for k, v in texts.items()}}
        current.lock_version += 1
        current.updated_by = user
        current.save()
    return current


def missing_sections(report):
    """Titles of the round's required text sections that are still empty."""
    return [
        section["title"]
        for section in report.round.sections
        if section.get("required")
        and section["key"] != ATTACHMENTS
        and not report.texts.get(section["key"], "").strip()
    ]


def add_attachment(report, upload, user):
    """Attach an uploaded file through ``portal.uploads`` (ValidationError if refused)."""
    accepted = uploads.accept(upload, ATTACHMENT)
    return Attachment.objects.create(
        report=report,
        file=accepted,
        name=accepted.display_name,
        content_kind=accepted.file_type.key,
        size=accepted.size,
        uploaded_by=user,
    )


def freeze(report, user, now):
    """Take a new version: fresh figures and every text frozen in one snapshot."""
    report.figures = live_figures(report)
    report.figures_at = now
    number = (report.versions.aggregate(top=Max("number"))["top"] or 0) + 1
    is_late = timezone.localdate(now) > report.round.due_date
    version = ReportVersion.objects.create(
        report=report,
        number=number,
        submitted_at=now,
        submitted_by=user,
        is_late=is_late,
        snapshot=snapshot_of(report, user, now, number, is_late),
    )
    report.submitted_at, report.is_late = now, is_late
    return version


def document_number(unit, now):
    """The version's document number, e.g. 粤市监〔2019〕3号: the unit's prefix, the Beijing
    year of submission and the count of the unit's submissions that year up to this one."""
    if not unit.document_prefix:
        return ""
    year = timezone.localdate(now).year
    earlier = ReportVersion.objects.filter(
        report__reporting_unit=unit,
        submitted_at__lt=now,
        submitted_at__date__gte=f"{year}-01-01",
    ).count()
    return f"{unit.document_prefix}〔{year}〕{earlier + 1}号"


def snapshot_of(report, user, now, number, is_late):
    """Everything a PDF of this version needs, as plain JSON."""
    round_, unit = report.round, report.reporting_unit
    return {
        "number": number,
        "document_number": document_number(unit, now),
        "submitted_at": now.isoformat(),
        "submitted_by": str(user) if user else "",
        "is_late": is_late,
        "round": {
            "id": round_.pk,
            "title": round_.title,
            "period_start": round_.period_start.isoformat(),
            "period_end": round_.period_end.isoformat(),
            "due_date": round_.due_date.isoformat(),
            "sections": round_.sections,
        },
        "unit": {
            "id": unit.pk,
            "code": unit.code,
            "name": unit.name,
            "agencies": [agency.name for agency in unit.agencies.order_by("kind").reverse()],
        },
        "figures": report.figures,
        "texts": {key: report.texts.get(key, "") for key in round_.section_titles()},
        "measures": measures_of(report),
        "attachments": [
            {"name": a.name, "kind": a.content_kind, "size": a.size}
            for a in report.attachments.all()
        ],
        "history": history_of(report),
    }


def measures_of(report):
    """The unit's measures overlapping the round's period, as plain dicts."""
    period = report.round
    rows = Measure.objects.filter(
        reporting_unit=report.reporting_unit, started_on__lte=period.period_end
    ).exclude(ended_on__lt=period.period_start)
    return [
        {
            "task": m.task,
            "kind": str(m.get_kind_display()),
            "name": m.name,
            "description": m.description,
            "pilots": m.pilots,
            "platforms": m.platforms,
            "people_trained": m.people_trained,
            "bodies": m.bodies,
            "started_on": m.started_on.isoformat(),
            "ended_on": m.ended_on.isoformat() if m.ended_on else "",
        }
        for m in rows
    ]


def history_of(report):
    """The unit's figures in earlier rounds (their latest versions), for trend lines."""
    latest = ReportVersion.objects.filter(report=OuterRef("report")).order_by("-number")
    earlier = (
        ReportVersion.objects.filter(
            report__reporting_unit=report.reporting_unit,
            report__round__due_date__lt=report.round.due_date,
            number=Subquery(latest.values("number")[:1]),
        )
        .select_related("report__round")
        .order_by("report__round__due_date")
    )
    return [
        {
            "round": v.report.round.due_date.year,
            "values": {f["key"]: f["value"] for f in v.snapshot.get("figures", [])},
        }
        for v in earlier
    ]


def _freeze_if_complete(report, change):
    """Submitting needs every required section; it freezes a version named on the log row."""
    missing = missing_sections(report)
    if missing:
        raise TransitionRefused(
            _("These required sections are empty: %(sections)s.")
            % {"sections": "、".join(missing)},
            code="missing",
            missing=missing,
        )
    return {"version": freeze(report, change.user, change.at)}


def mail_status(report, log):
    """Tell the unit's staff that headquarters returned or accepted their report."""
    context = {"report": report, "reason": log.reason}
    mail.send("report_status", mail.unit_staff(report.reporting_unit), context)


REPORT = Workflow(
    model="reporting.ProgressReport",
    log="reporting.ReportStatusChange",
    transitions=[
        Transition("review", ("draft",), "reviewed", (PROVINCIAL,),
                   gettext_lazy("Mark internally reviewed")),
        Transition("reopen", ("reviewed",), "draft", (PROVINCIAL,), gettext_lazy("Back to draft"),
                   style="secondary"),
        Transition("submit", ("reviewed",), "submitted", (PROVINCIAL,),
                   gettext_lazy("Submit to SAMR and NDRC"), does=_freeze_if_complete),
        Transition("resubmit", ("returned",), "submitted", (PROVINCIAL,), gettext_lazy("Resubmit"),
                   does=_freeze_if_complete),
        Transition("return", ("submitted",), "returned", (HEADQUARTERS,),
                   gettext_lazy("Return with comments"), reason_required=True,
                   then=mail_status, style="warning", confirm=gettext_lazy(
                       "Return the report to the unit with your comment? It will have to "
                       "resubmit it.")),
        Transition("accept", ("submitted",), "accepted", (HEADQUARTERS,), gettext_lazy("Accept"),
                   then=mail_status, style="primary", confirm=gettext_lazy(
                       "Accept the report? It cannot be changed any more.")),
    ],
    closed={"accepted": gettext_lazy("The report was accepted; it cannot be changed any more.")},
)  # fmt: skip


def return_comment(report):
    """Headquarters' latest return (its comment, who, when) while the report is returned."""
    if report.status != "returned":
        return None
    return report.status_changes.filter(action="return").select_related("actor").first()
