"""After-sales records: operators and regulators record them; regulators follow recalls up."""

from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.access import ENTERPRISE, PROVINCIAL, STAFF_ROLES, get_scoped_or_404, roles_required
from portal.scoping import scoped
from portal.workflow_views import attempt

from ..forms import AfterSalesForm, FollowUpForm
from ..models import AfterSalesRecord
from ..services import after_sales


@roles_required(*STAFF_ROLES, ENTERPRISE)
def records(request):
    """The after-sales records in the user's scope, by kind, and the form to add one."""
    user = request.user
    rows = scoped(AfterSalesRecord.objects.select_related("enterprise", "complaint"), user)
    kind = request.GET.get("kind", "")
    if kind in AfterSalesRecord.Kind.values:
        rows = rows.filter(kind=kind)
    may_add = user.is_enterprise_user or user.is_provincial
    form = AfterSalesForm(request.POST or None, user=user) if may_add else None
    if request.method == "POST" and form is not None:
        added = attempt(request, lambda: _record(user, form), _("The record is saved."), form)
        if added:
            return redirect("complaints:after_sales")
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    if user.is_provincial:
        for entry in page:
            if entry.kind == AfterSalesRecord.Kind.RECALL:
                entry.follow_up_form = FollowUpForm(prefix=f"f{entry.pk}")
    context = {
        "page": page,
        "form": form,
        "kind": kind,
        "kinds": AfterSalesRecord.Kind.choices,
        "figures": after_sales.figures(rows),
    }
    return render(request, "complaints/after_sales.html", context)


def _record(user, form):
    data = dict(form.cleaned_data)
    enterprise = data.pop("operator")
    data["complaint"] = data.pop("tracking_code")
    after_sales.record(user, enterprise, **data)


@roles_required(PROVINCIAL)
@require_POST
def follow_up(request, pk):
    entry = get_scoped_or_404(AfterSalesRecord.objects, request.user, pk=pk)
    form = FollowUpForm(request.POST, prefix=f"f{pk}")
    attempt(
        request,
        lambda: after_sales.follow_up(request.user, entry, form.cleaned_data["note"]),
        _("The follow-up is recorded."),
        form,
    )
    return redirect("complaints:after_sales")
