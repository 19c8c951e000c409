"""Assistance between units (协查) and shared problem information: both units' pages."""

from operator import attrgetter

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal import uploads
from portal.access import STAFF_ROLES, get_scoped_or_404, roles_required
from portal.scoping import scoped
from portal.workflow_views import apply_posted, error_messages, transition_buttons

from .. import forms_inspections as forms
from ..models import (
    AssistanceMessage,
    AssistanceRequest,
    OperatingSite,
    ProblemNotice,
    ProblemReceipt,
)
from ..services import assistance

staff_only = roles_required(*STAFF_ROLES)


def _add_errors(form, error):
    """A service's refusal on the form: on its field when the form has one."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, errors in error.error_dict.items():
        form.add_error(field if field in form.fields else None, errors)


@staff_only
def requests(request):
    """Requests the unit asked and was asked, and the form to ask."""
    form = forms.AssistanceForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            created = assistance.ask(
                request.user,
                enterprise=assistance.find_enterprise(data["uscc"]),
                to_unit=data["to_unit"],
                subject=data["subject"],
                request=data["request"],
                working_days=data["working_days"],
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(
                request, _("The request is sent to %(unit)s.") % {"unit": created.to_unit}
            )
            return redirect(created)
    rows = assistance.requests_for(request.user)
    page = Paginator(rows, 30).get_page(request.GET.get("page"))
    return render(request, "credit/inspections/assistance.html", {"page": page, "form": form})


@staff_only
def request_detail(request, pk):
    item = get_scoped_or_404(assistance.requests_for(request.user), request.user, pk=pk)
    form = forms.MessageForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            assistance.post_message(
                item, request.user, text=form.cleaned_data["text"],
                evidence=form.cleaned_data["evidence"],
            )  # fmt: skip
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The message is in the thread."))
            return redirect(item)
    context = {
        "item": item,
        "thread": item.messages.select_related("unit", "author"),
        "form": form,
        "status_log": assistance.ASSISTANCE.history(item),
        **transition_buttons(
            assistance.ASSISTANCE, item, request.user, reverse("credit:assistance_act", args=[pk])
        ),
    }
    return render(request, "credit/inspections/assistance_detail.html", context)


@staff_only
@require_POST
def request_act(request, pk):
    item = get_scoped_or_404(AssistanceRequest.objects, request.user, pk=pk)
    apply_posted(request, assistance.ASSISTANCE, item)
    return redirect(item)


@login_required
def evidence(request, pk):
    return uploads.scoped_download(
        request, AssistanceMessage.objects, "evidence", attrgetter("evidence_name"), pk=pk
    )


@staff_only
def notices(request):
    """Problem notices the unit shared and received, sites, and the forms to add them."""
    form = forms.NoticeForm(request.POST if "share" in request.POST else None)
    site_form = forms.SiteForm(request.POST if "site" in request.POST else None)
    try:
        if "share" in request.POST and form.is_valid():
            assistance.share(
                request.user,
                enterprise=assistance.find_enterprise(form.cleaned_data["uscc"]),
                kind=form.cleaned_data["kind"],
                summary=form.cleaned_data["summary"],
            )
            messages.success(request, _("The notice is shared with every unit where it operates."))
            return redirect("credit:notices")
        if "site" in request.POST and site_form.is_valid():
            assistance.record_site(
                request.user,
                enterprise=assistance.find_enterprise(site_form.cleaned_data["uscc"]),
                reporting_unit=site_form.cleaned_data["reporting_unit"],
                address=site_form.cleaned_data["address"],
            )
            messages.success(request, _("The operating site is recorded."))
            return redirect("credit:notices")
    except ValidationError as error:
        for message in error_messages(error):
            messages.error(request, message)
    context = {
        "form": form,
        "site_form": site_form,
        "shared": scoped(
            ProblemNotice.objects.select_related("enterprise"), request.user
        ).prefetch_related("receipts__unit")[:50],
        "received": _received(request.user)[:50],
        "sites": scoped(
            OperatingSite.objects.select_related("enterprise", "reporting_unit"), request.user
        )[:50],
    }
    return render(request, "credit/inspections/notices.html", context)


def _received(user):
    """Notices other units shared with the user's unit (headquarters receives none)."""
    unit = getattr(user.agency, "reporting_unit_id", None)
    if unit is None:
        return ProblemReceipt.objects.none()
    rows = ProblemReceipt.objects.select_related("notice__enterprise", "notice__from_unit")
    return scoped(rows, user).exclude(notice__from_unit=unit)


@staff_only
@require_POST
def acknowledge(request, pk):
    receipt = get_scoped_or_404(ProblemReceipt.objects, request.user, pk=pk)
    try:
        assistance.acknowledge(receipt, request.user)
    except ValidationError as error:
        for message in error_messages(error):
            messages.error(request, message)
    else:
        messages.success(request, _("Acknowledged."))
    return redirect("credit:notices")
