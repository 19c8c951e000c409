"""Third-party mediation bodies and referrals; advance compensation commitments and cases."""

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from enterprises.models import Enterprise
from portal.access import ENTERPRISE, PROVINCIAL, STAFF_ROLES, get_scoped_or_404, roles_required
from portal.scoping import enterprise_ids, public_rows, scoped
from portal.workflow_views import attempt

from ..forms import (
    CommitmentForm,
    CompensationCaseForm,
    MediationBodyForm,
    RecoveryForm,
    ReferralForm,
    ReferralOutcomeForm,
)
from ..models import (
    CompensationCase,
    CompensationCommitment,
    Complaint,
    MediationBody,
    MediationReferral,
)
from ..services import compensation, mediation

# Mediation bodies and referrals.


@roles_required(*STAFF_ROLES)
def mediation_bodies(request):
    """The unit's mediation bodies (headquarters: every unit's), and the form to add one."""
    form = MediationBodyForm(request.POST or None) if request.user.is_provincial else None
    if request.method == "POST" and form is not None:
        registered = attempt(
            request,
            lambda: mediation.register_body(request.user, **form.cleaned_data),
            _("The mediation body is registered."),
            form,
        )
        if registered:
            return redirect("complaints:mediation_bodies")
    rows = scoped(MediationBody.objects.select_related("reporting_unit"), request.user)
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    return render(request, "complaints/mediation_bodies.html", {"page": page, "form": form})


@roles_required(PROVINCIAL)
@require_POST
def mediation_body_toggle(request, pk):
    body = get_scoped_or_404(MediationBody.objects, request.user, pk=pk)
    body.active = not body.active
    body.save()
    return redirect("complaints:mediation_bodies")


@roles_required(PROVINCIAL)
@require_POST
def refer(request, pk):
    complaint = get_scoped_or_404(Complaint.objects, request.user, pk=pk)
    form = ReferralForm(request.POST, bodies=mediation.bodies_for(complaint))
    attempt(
        request,
        lambda: mediation.refer(complaint, request.user, form.cleaned_data["body"]),
        _("The complaint is referred; record the body's outcome when it reports back."),
        form,
    )
    return redirect("complaints:detail", pk=pk)


@roles_required(PROVINCIAL)
@require_POST
def referral_outcome(request, pk):
    referral = get_scoped_or_404(MediationReferral.objects, request.user, pk=pk)
    form = ReferralOutcomeForm(request.POST)
    attempt(
        request,
        lambda: mediation.record_outcome(referral, request.user, **form.cleaned_data),
        _("The outcome is recorded and the mediation has ended."),
        form,
    )
    return redirect("complaints:detail", pk=referral.complaint_id)


def referral_context(user, complaint):
    """What the complaint's page shows and offers of third-party mediation."""
    waiting = mediation.pending(complaint)
    handles = waiting is not None and user.is_provincial
    return {
        "referrals": complaint.referrals.select_related("body"),
        "refer_form": (
            ReferralForm(bodies=mediation.bodies_for(complaint))
            if mediation.may_refer(user, complaint)
            else None
        ),
        "waiting_referral": waiting if handles else None,
        "outcome_form": ReferralOutcomeForm() if handles else None,
    }


# Advance compensation.


def commitments_public(request):
    """Anyone: the operators that currently commit to compensating consumers first."""
    current = public_rows(CompensationCommitment.objects.select_related("enterprise"))
    page = Paginator(current, 50).get_page(request.GET.get("page"))
    return render(request, "complaints/compensation_public.html", {"page": page})


@roles_required(*STAFF_ROLES, ENTERPRISE)
def compensation_overview(request):
    """Staff: commitments and cases of their jurisdiction. Enterprises: their own, to change."""
    user = request.user
    commitments = scoped(CompensationCommitment.objects.select_related("enterprise"), user)
    cases = scoped(
        CompensationCase.objects.select_related("commitment__enterprise", "complaint"), user
    )
    context = {
        "commitments": Paginator(commitments, 50).get_page(request.GET.get("commitments_page")),
        "page": Paginator(cases, 50).get_page(request.GET.get("page")),
        "totals": compensation.totals(cases),
        "own": [],
    }
    context["cases_query"] = f"page={context['page'].number}"
    context["commitments_query"] = f"commitments_page={context['commitments'].number}"
    if user.is_enterprise_user:
        current = {c.enterprise_id: c for c in commitments.filter(until__isnull=True)}
        own = Enterprise.objects.filter(pk__in=enterprise_ids(user)).order_by("name")
        context["own"] = [
            (e, current.get(e.pk), CommitmentForm(prefix=f"e{e.pk}"), CompensationCaseForm())
            for e in own
        ]
        for case in context["page"]:
            if case.recovered_on is None:
                case.recovery_form = RecoveryForm(prefix=f"r{case.pk}")
    return render(request, "complaints/compensation.html", context)


@roles_required(ENTERPRISE)
@require_POST
def commit(request, pk):
    enterprise = get_scoped_or_404(Enterprise.objects, request.user, pk=pk)
    form = CommitmentForm(request.POST, prefix=f"e{pk}")
    attempt(
        request,
        lambda: compensation.commit(request.user, enterprise, **form.cleaned_data),
        _("The commitment is registered and shown on the public list."),
        form,
    )
    return redirect("complaints:compensation")


@roles_required(ENTERPRISE)
@require_POST
def withdraw(request, pk):
    commitment = get_scoped_or_404(CompensationCommitment.objects, request.user, pk=pk)
    attempt(
        request,
        lambda: compensation.withdraw(request.user, commitment),
        _("The commitment is withdrawn; it leaves the public list."),
    )
    return redirect("complaints:compensation")


def _complaint_by_code(user, code):
    if not code:
        return None
    found = scoped(Complaint.objects, user).filter(tracking_code=code.strip().upper()).first()
    if found is None:
        raise ValidationError(
            {"complaint": _("No complaint about your enterprises has the code %(code)s.")
             % {"code": code}}
        )  # fmt: skip
    return found


@roles_required(ENTERPRISE)
@require_POST
def record_case(request, pk):
    commitment = get_scoped_or_404(CompensationCommitment.objects, request.user, pk=pk)
    form = CompensationCaseForm(request.POST)

    def record():
        data = dict(form.cleaned_data)
        data["complaint"] = _complaint_by_code(request.user, data.pop("tracking_code"))
        compensation.record_case(request.user, commitment, **data)

    attempt(request, record, _("The compensation case is recorded."), form)
    return redirect("complaints:compensation")


@roles_required(ENTERPRISE)
@require_POST
def record_recovery(request, pk):
    case = get_scoped_or_404(CompensationCase.objects, request.user, pk=pk)
    form = RecoveryForm(request.POST, prefix=f"r{pk}")
    attempt(
        request,
        lambda: compensation.record_recovery(
            request.user,
            case,
            form.cleaned_data["recovered_amount"],
            form.cleaned_data["recovered_on"],
        ),
        _("The recovery is recorded."),
        form,
    )
    return redirect("complaints:compensation")
