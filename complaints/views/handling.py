"""Regulators' and enterprises' pages: the due list, recording, a complaint and its handling."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal import uploads
from portal.access import STAFF_ROLES, get_scoped_or_404, roles_required
from portal.audit import history_for
from portal.workflow_views import apply_posted, attempt, error_messages, transition_buttons

from .. import privacy
from ..forms import (
    ExtensionForm,
    GroundForm,
    PartiesToldForm,
    RecordedComplaintForm,
    TransferForm,
)
from ..models import (
    Complaint,
    ComplaintAttachment,
    ComplaintTransfer,
    Ground,
    VerificationExtension,
)
from ..services import extensions, handling, intake, transfers
from ..services.lists import complaint_rows, due_filter
from . import third_parties

Status = Complaint.Status
GROUND_ACTIONS = {"refuse": Ground.Kind.REFUSAL, "terminate": Ground.Kind.MEDIATION_END}


@login_required
def complaint_list(request):
    """Complaints of the user's jurisdiction (or against the user's enterprises)."""
    rows = complaint_rows(request.user)
    due = request.GET.get("due", "")
    listed = due_filter(rows, due)
    status = request.GET.get("status", "")
    if status in Status.values:
        listed = listed.filter(status=status)
    if request.GET.get("mine") == "1":
        listed = listed.filter(officer=request.user)
    code = request.GET.get("q", "").strip().upper()[:12]
    if code:
        listed = listed.filter(tracking_code=code)
    page = Paginator(listed.order_by("due", "id"), 50).get_page(request.GET.get("page"))
    for complaint in page:
        complaint.contact = privacy.masked(complaint)
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "page": page,
        "query": query.urlencode(),
        "status": status,
        "due": due,
        "statuses": Status.choices,
        "today": timezone.localdate(),
        "soon_count": due_filter(rows, "soon").count(),
        "overdue_count": due_filter(rows, "overdue").count(),
        "may_record": request.user.role in STAFF_ROLES,
        "waiting_transfers": _waiting_count(request.user),
    }
    return render(request, "complaints/list.html", context)


@roles_required(*STAFF_ROLES)
def record(request):
    """A complaint taken by phone, letter or in person."""
    form = RecordedComplaintForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.submission()
        channel = data.pop("channel")
        try:
            filed = intake.file(
                data,
                kinds=form.cleaned_data["kinds"],
                channel=channel,
                user=request.user,
                evidence=form.cleaned_data["evidence"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            first = filed.complaints[0]
            if filed.merged:
                messages.warning(request, _("The same complaint was already filed; it is shown."))
            else:
                messages.success(request, _("The complaint is recorded."))
            return redirect("complaints:detail", pk=first.pk)
    return render(request, "complaints/record.html", {"form": form})


@login_required
def detail(request, pk):
    """A complaint with what the user may see of it and do with it."""
    complaint = get_scoped_or_404(complaint_rows(request.user), request.user, pk=pk)
    user = request.user
    handles = privacy.handles(user, complaint)
    url = reverse("complaints:act", args=[pk])
    context = {
        "complaint": complaint,
        "contact": privacy.contact_for(user, complaint),
        "handles": handles,
        **transition_buttons(handling.COMPLAINT, complaint, user, url),
        "ground_forms": _ground_forms(complaint, user),
        "changes": handling.COMPLAINT.history(complaint),
        "replies": complaint.replies.select_related("author"),
        "may_reply": handling.may_reply(user, complaint),
        "attachments": complaint.attachments.all() if handles else [],
        "unverified": complaint.rule_set.unverified,
        "entries": history_for(complaint)[:50] if user.role in STAFF_ROLES else [],
        "may_take": handles and complaint.officer_id != user.pk,
        "transfers": complaint.transfers.select_related("to_unit"),
        "transfer_form": TransferForm() if _may_transfer(user, complaint) else None,
        "end_notice_late": handling.end_notice_late(complaint),
        "extensions": _extensions(complaint, user),
        "extension_form": ExtensionForm() if extensions.may_request(user, complaint) else None,
        "extension_days_left": extensions.days_left(complaint),
        **third_parties.referral_context(user, complaint),
        "parties_told_form": (
            PartiesToldForm(initial={"day": timezone.localdate()})
            if handling.may_record_parties_told(user, complaint)
            else None
        ),
    }
    return render(request, "complaints/detail.html", context)


def _extensions(complaint, user):
    rows = list(complaint.extensions.select_related("requested_by", "decided_by"))
    for extension in rows:
        url = reverse("complaints:extension_decide", args=[extension.pk])
        extension.actions = transition_buttons(extensions.EXTENSION, extension, user, url)
    return rows


def _may_transfer(user, complaint):
    return (
        privacy.handles(user, complaint)
        and complaint.status in transfers.OPEN
        and not complaint.transfers.filter(status=ComplaintTransfer.Status.PENDING).exists()
    )


def _ground_forms(complaint, user):
    """The refusal / end-of-mediation forms the user may post now, by action."""
    forms = {}
    for action, kind in GROUND_ACTIONS.items():
        if handling.COMPLAINT.allowed(action, complaint.status, user.role):
            forms[action] = GroundForm(grounds=handling.grounds(complaint, kind), prefix=action)
    return forms


@roles_required(*STAFF_ROLES)
@require_POST
def act(request, pk):
    """Apply a transition posted from the buttons."""
    complaint = get_scoped_or_404(Complaint.objects, request.user, pk=pk)
    apply_posted(request, handling.COMPLAINT, complaint)
    return redirect("complaints:detail", pk=pk)


@roles_required(*STAFF_ROLES)
@require_POST
def decide_on_ground(request, pk, action):
    """Not accepting, or ending mediation, on one of the rule set's grounds."""
    complaint = get_scoped_or_404(Complaint.objects, request.user, pk=pk)
    kind = GROUND_ACTIONS.get(action)
    if kind is None:
        return redirect("complaints:detail", pk=pk)
    form = GroundForm(request.POST, grounds=handling.grounds(complaint, kind), prefix=action)
    if not form.is_valid():
        messages.error(request, _("Choose one of the grounds."))
        return redirect("complaints:detail", pk=pk)
    try:
        handling.decide_on_ground(
            complaint, action, request.user, form.cleaned_data["ground"], form.cleaned_data["note"]
        )
    except ValidationError as refused:
        for message in error_messages(refused):
            messages.error(request, message)
    else:
        messages.success(
            request,
            _("Done. The status is now “%(state)s”.") % {"state": complaint.get_status_display()},
        )
    return redirect("complaints:detail", pk=pk)


@login_required
@require_POST
def reply(request, pk):
    """The enterprise or the handler writes to the other side during mediation."""
    complaint = get_scoped_or_404(complaint_rows(request.user), request.user, pk=pk)
    text = request.POST.get("text", "").strip()
    if not text or len(text) > 3000:
        messages.error(request, _("Write a reply of 1 to 3,000 characters."))
    else:
        try:
            handling.reply(complaint, request.user, text)
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(request, _("Your reply is sent."))
    return redirect("complaints:detail", pk=pk)


@roles_required(*STAFF_ROLES)
@require_POST
def take(request, pk):
    """The officer takes the complaint on: it appears in their own list."""
    complaint = get_scoped_or_404(Complaint.objects, request.user, pk=pk)
    if privacy.handles(request.user, complaint):
        complaint.officer = request.user
        complaint.save(update_fields=["officer", "updated_at"])
        messages.success(request, _("The complaint is now yours."))
    return redirect("complaints:detail", pk=pk)


@roles_required(*STAFF_ROLES)
@require_POST
def parties_told(request, pk):
    """Record the day both parties were told that mediation ended."""
    complaint = get_scoped_or_404(Complaint.objects, request.user, pk=pk)
    form = PartiesToldForm(request.POST)
    attempt(
        request,
        lambda: handling.record_parties_told(complaint, request.user, form.cleaned_data["day"]),
        _("Recorded: both parties were told that mediation ended."),
        form,
    )
    return redirect("complaints:detail", pk=pk)


@roles_required(*STAFF_ROLES)
def attachment(request, pk):
    """Evidence, for the staff of the unit handling the complaint only."""
    attached = get_scoped_or_404(
        ComplaintAttachment.objects.select_related("complaint"), request.user, pk=pk
    )
    if not privacy.handles(request.user, attached.complaint):
        raise Http404
    return uploads.download_response(attached.file, attached.name)


def _waiting_count(user):
    if user.role not in STAFF_ROLES:
        return 0
    return transfers.waiting_for(user).filter(status=ComplaintTransfer.Status.PENDING).count()


@roles_required(*STAFF_ROLES)
@require_POST
def transfer(request, pk):
    """Send the complaint to the unit where it belongs; it stays ours until accepted there."""
    complaint = get_scoped_or_404(Complaint.objects, request.user, pk=pk)
    form = TransferForm(request.POST)
    attempt(
        request,
        lambda: transfers.send(complaint, request.user, **form.cleaned_data),
        _("The transfer is sent; the complaint stays yours until it is accepted."),
        form,
    )
    return redirect("complaints:detail", pk=pk)


@roles_required(*STAFF_ROLES)
def transfer_list(request):
    """Complaints other units sent to the user's unit: take them over or refuse, with a reason."""
    page = Paginator(transfers.waiting_for(request.user), 50).get_page(request.GET.get("page"))
    for sent in page:
        sent.actions = transition_buttons(
            transfers.TRANSFER,
            sent,
            request.user,
            reverse("complaints:transfer_decide", args=[sent.pk]),
        )
    return render(request, "complaints/transfers.html", {"page": page})


@roles_required(*STAFF_ROLES)
@require_POST
def transfer_decide(request, pk):
    """Take a transferred complaint over, or refuse it."""
    sent = get_scoped_or_404(ComplaintTransfer.objects, request.user, pk=pk)
    apply_posted(request, transfers.TRANSFER, sent)
    return redirect("complaints:transfers")


@roles_required(*STAFF_ROLES)
@require_POST
def extend(request, pk):
    """Ask for more working days to verify a report; a second officer approves."""
    report = get_scoped_or_404(Complaint.objects, request.user, pk=pk)
    form = ExtensionForm(request.POST)
    attempt(
        request,
        lambda: extensions.request(report, request.user, **form.cleaned_data),
        _("The extension is asked for; another officer approves it."),
        form,
    )
    return redirect("complaints:detail", pk=pk)


@roles_required(*STAFF_ROLES)
@require_POST
def extension_decide(request, pk):
    """Approve or refuse an extension of a report's verification."""
    extension = get_scoped_or_404(VerificationExtension.objects, request.user, pk=pk)
    apply_posted(request, extensions.EXTENSION, extension)
    return redirect("complaints:detail", pk=extension.complaint_id)
