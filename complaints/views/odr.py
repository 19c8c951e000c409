"""ODR enterprises: enterprise users register or leave; regulators see who settles first."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from enterprises.models import Enterprise
from portal.access import ENTERPRISE, STAFF_ROLES, get_scoped_or_404, roles_required
from portal.scoping import enterprise_ids, scoped

from ..models import OdrEnterprise
from ..services import odr


@roles_required(*STAFF_ROLES, ENTERPRISE)
def odr_list(request):
    """Staff: the ODR enterprises of their jurisdiction. Enterprises: their own, to change."""
    user = request.user
    rows = scoped(OdrEnterprise.objects.select_related("enterprise"), user)
    context = {"page": None, "own": []}
    if user.is_enterprise_user:
        registered = {row.enterprise_id: row for row in rows}
        own = Enterprise.objects.filter(pk__in=enterprise_ids(user)).order_by("name")
        context["own"] = [(enterprise, registered.get(enterprise.pk)) for enterprise in own]
    else:
        current = rows.filter(until__isnull=True).order_by("enterprise__name")
        context["page"] = Paginator(current, 50).get_page(request.GET.get("page"))
    return render(request, "complaints/odr.html", context)


def _done(request, action, success):
    try:
        action()
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, success)
    return redirect("complaints:odr")


@roles_required(ENTERPRISE)
@require_POST
def odr_register(request, pk):
    """Register one of the user's enterprises as settling its complaints first."""
    enterprise = get_scoped_or_404(Enterprise.objects, request.user, pk=pk)
    success = _("Registered: new complaints come to you first.")
    return _done(request, lambda: odr.register(enterprise, request.user), success)


@roles_required(ENTERPRISE)
@require_POST
def odr_leave(request, pk):
    """Stop settling first: complaints received after today go to the regulator."""
    registered = get_scoped_or_404(OdrEnterprise.objects, request.user, pk=pk)
    success = _("Left ODR: complaints received after today go to the regulator.")
    return _done(request, lambda: odr.leave(registered, request.user), success)
