"""Enterprise accounts: sign-up, "my enterprises" with claims, regulators' claim review."""

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import SetPasswordForm
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.http import require_POST

from portal import once
from portal.access import (
    ENTERPRISE,
    STAFF_ROLES,
    RoleRequiredMixin,
    get_scoped_or_404,
    has_role,
)
from portal.ratelimit import rate_limited
from portal.workflow_views import apply_posted, transition_buttons

from ..forms.claims import ClaimForm, SignupForm
from ..models import EnterpriseMembership
from ..services import claims


def _form_errors(form, error):
    if hasattr(error, "error_dict"):
        for field, messages_ in error.message_dict.items():
            for message in messages_:
                form.add_error(field if field in form.fields else None, message)
    else:
        for message in error.messages:
            form.add_error(None, message)


@rate_limited("signup")
def signup(request):
    """An enterprise user asks for an account; the next step comes by e-mail, whoever they are."""
    if request.user.is_authenticated:
        return redirect("enterprises:mine")
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        site = f"{request.scheme}://{request.get_host()}"
        claims.start_sign_up(data["username"], data["email"], data["full_name"], site)
        return redirect("enterprises:signup_sent")
    status = 400 if form.errors else 200
    return render(request, "enterprises/claims/signup.html", {"form": form}, status=status)


def signup_sent(request):
    """The one answer to every valid sign-up: look in your mailbox."""
    context = {"days": claims.SIGN_UP_LINK_DAYS}
    return render(request, "enterprises/claims/signup_sent.html", context)


def signup_confirm(request, token):
    """The link from the sign-up e-mail: choose a password, and the account exists."""
    if request.user.is_authenticated:
        return redirect("enterprises:mine")
    pending = claims.pending_sign_up(token)
    if pending is None:
        return render(request, "enterprises/claims/signup_confirm.html", status=400)
    form = SetPasswordForm(pending, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = claims.finish_sign_up(pending, form.cleaned_data["new_password1"])
        except ValidationError as error:
            _form_errors(form, error)
        else:
            login(request, user)
            messages.success(request, _("Your account is ready. Now claim your enterprise."))
            return redirect("enterprises:mine")
    status = 400 if form.errors else 200
    context = {"form": form, "pending": pending}
    return render(request, "enterprises/claims/signup_confirm.html", context, status=status)


class MineView(RoleRequiredMixin, View):
    """An enterprise user's enterprises and claims, and the form to claim another."""

    roles = (ENTERPRISE,)

    def get(self, request):
        return self._render(request, ClaimForm())

    def post(self, request):
        form = ClaimForm(request.POST)
        if form.is_valid():

            def send():
                claims.claim(request.user, form.cleaned_data["uscc"], form.cleaned_data["note"])
                messages.success(request, _("Your claim was sent to the regulator."))
                return reverse("enterprises:mine")

            try:
                return once.submit(request, form, send)
            except ValidationError as error:
                _form_errors(form, error)
        return self._render(request, form, status=400)

    def _render(self, request, form, status=200):
        memberships = claims.memberships_of(request.user)
        approved = [
            m.enterprise for m in memberships if m.status == EnterpriseMembership.Status.APPROVED
        ]
        context = {"form": form, "memberships": memberships, "enterprises": approved}
        return render(request, "enterprises/claims/mine.html", context, status=status)


class ClaimListView(RoleRequiredMixin, View):
    """Regulators review claims on enterprises of their jurisdiction."""

    roles = STAFF_ROLES

    def get(self, request):
        status = request.GET.get("status", EnterpriseMembership.Status.PENDING)
        queryset = claims.claims_for_review(request.user)
        if status in EnterpriseMembership.Status.values:
            queryset = queryset.filter(status=status)
        page = Paginator(queryset, 50).get_page(request.GET.get("page"))
        for membership in page:
            url = reverse("enterprises:claim_decide", args=[membership.pk])
            membership.decision = transition_buttons(claims.CLAIM, membership, request.user, url)
        context = {
            "page": page,
            "status": status,
            "statuses": EnterpriseMembership.Status.choices,
            "query": f"status={status}",
        }
        return render(request, "enterprises/claims/list.html", context)


@login_required
@require_POST
def decide(request, pk):
    """Approve or reject one claim (POST from the claims list)."""
    if not has_role(request.user, *STAFF_ROLES):
        raise Http404
    membership = get_scoped_or_404(EnterpriseMembership.objects, request.user, pk=pk)
    apply_posted(request, claims.CLAIM, membership)
    return redirect("enterprises:claims")
