"""Pages of post-consumption evaluations: the public form and list, codes, replies, review."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from enterprises.models import Enterprise
from portal import audit, exports
from portal.access import ENTERPRISE, STAFF_ROLES, get_scoped_or_404, roles_required
from portal.models import ReportingUnit
from portal.proxy import client_address
from portal.ratelimit import rate_limited
from portal.scoping import scoped
from portal.workflow_views import apply_posted, transition_buttons

from ..evaluation_forms import EvaluationForm, IssueCodesForm, ReplyForm
from ..models import Evaluation, EvaluationCodeBatch
from ..services import evaluations

Status = Evaluation.Status

# The public


@rate_limited("evaluation")
def evaluate(request):
    """The public evaluation form (no login), reached from the code on a receipt."""
    initial = {"uscc": request.GET.get("uscc", "")[:30]}
    form = EvaluationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        enterprise = form.cleaned_data["uscc"]
        try:
            evaluation = evaluations.submit(
                enterprise,
                form.cleaned_data["code"],
                form.cleaned_data["overall"],
                form.aspect_scores(),
                form.cleaned_data["comment"],
                client_address(request),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            held = evaluation.status == Status.HELD
            return redirect(
                reverse("monitoring:evaluation_thanks")
                + f"?uscc={enterprise.uscc}{'&held=1' if held else ''}"
            )
    return render(request, "monitoring/evaluations/form.html", {"form": form})


def thanks(request):
    """After an evaluation: where it will be shown (a held one says it is reviewed first)."""
    context = {"uscc": request.GET.get("uscc", "")[:18], "held": request.GET.get("held") == "1"}
    return render(request, "monitoring/evaluations/thanks.html", context)


@rate_limited("public_search", methods=("GET",))
def evaluated(request):
    """The public list of evaluated enterprises: search by name and region."""
    name = request.GET.get("q", "").strip()[:50]
    unit = request.GET.get("unit", "")
    rows = evaluations.evaluated_enterprises(name, unit if unit.isdigit() else "")
    page = Paginator(rows, 30).get_page(request.GET.get("page"))
    context = {"page": page, "q": name, "unit": unit, "units": ReportingUnit.objects.all()}
    return render(request, "monitoring/evaluations/evaluated.html", context)


# Enterprises


@roles_required(ENTERPRISE)
def issue_codes(request):
    """An enterprise issues one-time codes: receipts to print, or an Excel or CSV file."""
    enterprises = scoped(Enterprise.objects.all(), request.user).order_by("name")
    form = IssueCodesForm(request.POST or None, enterprises=enterprises)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            issued = evaluations.issue_codes(
                data["enterprise"], request.user, data["size"], days=data["days"],
                note=data["note"],
            )  # fmt: skip
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return _deliver_codes(request, issued, data["output"])
    batches = scoped(EvaluationCodeBatch.objects.all(), request.user)
    context = {"form": form, "batches": batches.select_related("enterprise")[:20]}
    return render(request, "monitoring/evaluations/codes.html", context)


def _deliver_codes(request, issued, output):
    """The codes, once: the file or the receipts page; the delivery is audited."""
    audit.record_event(issued.batch, "download", format=output, codes=len(issued.codes))
    batch = issued.batch
    evaluate_url = request.build_absolute_uri(reverse("monitoring:evaluate"))
    header = [_("Evaluation code"), _("Enterprise's USCC"), _("Expires"), _("Where to evaluate")]
    expires = f"{batch.expires_at:%Y-%m-%d %H:%M}"
    rows = [[c, batch.enterprise.uscc, expires, evaluate_url] for c in issued.codes]
    if output in ("xlsx", "csv"):
        return exports.download(header, rows, f"evaluation-codes-{batch.pk}", output, "codes")
    context = {"batch": batch, "codes": issued.codes, "evaluate_url": evaluate_url}
    response = render(request, "monitoring/evaluations/receipts.html", context)
    response["Cache-Control"] = "no-store"
    return response


@roles_required(ENTERPRISE)
def mine(request):
    """An enterprise's released evaluations, with the replies it wrote or may write."""
    rows = scoped(Evaluation.objects.all(), request.user).select_related("enterprise", "reply")
    if request.GET.get("unanswered") == "1":
        rows = rows.filter(reply__isnull=True)
    page = Paginator(rows.order_by("-submitted_at", "-id"), 30).get_page(request.GET.get("page"))
    context = {"page": page, "reply_form": ReplyForm(), "summary": evaluations.summary(rows)}
    return render(request, "monitoring/evaluations/mine.html", context)


@require_POST
@roles_required(ENTERPRISE)
def reply(request, pk):
    """The enterprise's one public reply to an evaluation."""
    evaluation = get_scoped_or_404(Evaluation.objects.all(), request.user, pk=pk)
    form = ReplyForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Write the reply (at most 1,000 characters)."))
        return redirect("monitoring:my_evaluations")
    try:
        evaluations.reply(evaluation, request.user, form.cleaned_data["text"])
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("Your reply is published with the evaluation."))
    return redirect("monitoring:my_evaluations")


# Regulators


@roles_required(*STAFF_ROLES)
def review(request):
    """Evaluations of the jurisdiction: held ones first to review, or any status."""
    status = request.GET.get("status", Status.HELD)
    rows = scoped(Evaluation.objects.all(), request.user).select_related("enterprise")
    if status in Status.values:
        rows = rows.filter(status=status)
    page = Paginator(rows.order_by("submitted_at", "id"), 50).get_page(request.GET.get("page"))
    context = {"page": page, "status": status, "statuses": Status.choices}
    return render(request, "monitoring/evaluations/review.html", context)


@roles_required(*STAFF_ROLES)
def detail(request, pk):
    """One evaluation, why it was held, and the release or reject buttons."""
    evaluation = get_scoped_or_404(
        Evaluation.objects.select_related("enterprise", "batch"), request.user, pk=pk
    )
    url = reverse("monitoring:evaluation_act", args=[pk])
    context = {
        "evaluation": evaluation,
        "aspects": _aspect_rows(evaluation),
        "steps": evaluations.EVALUATION.history(evaluation),
        **transition_buttons(evaluations.EVALUATION, evaluation, request.user, url),
    }
    return render(request, "monitoring/evaluations/detail.html", context)


@require_POST
@roles_required(*STAFF_ROLES)
def act(request, pk):
    """Release or reject a held evaluation (portal.workflow)."""
    evaluation = get_scoped_or_404(Evaluation.objects.all(), request.user, pk=pk)
    apply_posted(request, evaluations.EVALUATION, evaluation)
    return redirect("monitoring:evaluation", pk=pk)


def _aspect_rows(evaluation):
    return [(label, evaluation.aspects.get(key)) for key, label in evaluations.aspects()]
