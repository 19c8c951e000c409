"""Pages for service certificates: enterprises file them, regulators follow and count them."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal import uploads
from portal.access import ENTERPRISE, STAFF_ROLES, get_scoped_or_404, roles_required
from portal.audit import history_for
from portal.charts import bar_chart
from portal.scoping import scoped
from portal.workflow_views import apply_posted, transition_buttons

from .. import industries, rules
from ..forms.certificates import CertificateForm
from ..models import Certificate, Enterprise
from ..services import certificates as service
from .common import creating, editable_or_403, with_claimed_enterprises


def certificate_rows(user):
    """Certificates within the user's scope, with their enterprise."""
    return scoped(Certificate.objects.select_related("enterprise"), user)


def _chart(title, labels, values):
    # Drawn at a card's width (a card is at least 280px), so its text keeps its 12 px.
    series = [(_("Valid certificates"), values)]
    return bar_chart(labels, series, title=title, width=240, height=120, horizontal=True)


def _summary(rows):
    figures = service.counts(rows)
    sections = dict(industries.section_choices())
    sizes = dict(Enterprise.Size.choices)
    by_section = [(sections.get(code, _("Not classified")), n) for code, n in figures["section"]]
    by_size = [(label, figures["size"].get(code, 0)) for code, label in Enterprise.Size.choices]
    unsized = figures["size"].get("", 0)
    if unsized:
        by_size.append((_("Not classified"), unsized))
    return {
        "by_status": [
            (label, figures["status"].get(code, 0)) for code, label in Certificate.Status.choices
        ],
        "by_section": by_section,
        "by_size": by_size,
        "smes": figures["smes"],
        "size_chart": _chart(_("Valid certificates by enterprise size"), *_columns(by_size)),
        "section_chart": _chart(_("Valid certificates by industry"), *_columns(by_section)),
        "sizes": sizes,
    }


def _columns(pairs):
    return [str(label) for label, _n in pairs], [n for _label, n in pairs]


@roles_required(*STAFF_ROLES)
def overview(request):
    """Regulators: certificates of their jurisdiction, counts by status, industry and size."""
    rows = certificate_rows(request.user)
    listed = rows
    status = request.GET.get("status", "")
    if status in Certificate.Status.values:
        listed = listed.filter(status=status)
    if request.GET.get("expiring") == "1":
        soon = timezone.localdate() + datetime.timedelta(days=60)
        listed = listed.filter(status=Certificate.Status.VALID, expires_on__lte=soon)
    page = Paginator(listed, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "page": page,
        "query": query.urlencode(),
        "status": status,
        "statuses": Certificate.Status.choices,
        **_summary(rows),
    }
    return render(request, "enterprises/certificates/overview.html", context)


@roles_required(ENTERPRISE)
def mine(request):
    """An enterprise user's certificates."""
    page = Paginator(certificate_rows(request.user), 50).get_page(request.GET.get("page"))
    return render(request, "enterprises/certificates/mine.html", {"page": page})


@creating(Certificate)
@with_claimed_enterprises("enterprises:my_certificates")
def create(request, enterprises):
    """File a certificate with its scan."""
    form = CertificateForm(request.POST or None, request.FILES or None, enterprises=enterprises)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        certificate = service.create_certificate(data.pop("enterprise"), request.user, data)
        messages.success(request, _("The certificate is recorded."))
        return redirect("enterprises:certificate_detail", pk=certificate.pk)
    return render(request, "enterprises/certificates/form.html", {"form": form})


@login_required
def edit(request, pk):
    """Correct a live certificate's details."""
    certificate = editable_or_403(Certificate.objects, request.user, pk=pk)
    form = CertificateForm(request.POST or None, request.FILES or None, instance=certificate)
    if request.method == "POST" and form.is_valid():
        try:
            service.edit_certificate(certificate, request.user, form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The certificate is saved."))
            return redirect("enterprises:certificate_detail", pk=pk)
    context = {"form": form, "certificate": certificate}
    return render(request, "enterprises/certificates/form.html", context)


@login_required
def detail(request, pk):
    """A certificate, its status history and the status changes open to the user."""
    certificate = get_scoped_or_404(certificate_rows(request.user), request.user, pk=pk)
    url = reverse("enterprises:certificate_action", args=[pk])
    context = {
        "certificate": certificate,
        **transition_buttons(service.CERTIFICATE, certificate, request.user, url),
        "changes": service.CERTIFICATE.history(certificate),
        "reminders": certificate.reminders.all(),
        "can_edit": rules.may_change_now(request.user, certificate),
        "entries": history_for(certificate)[:50],
    }
    return render(request, "enterprises/certificates/detail.html", context)


@login_required
@require_POST
def act(request, pk):
    """Apply a status change (suspend, reinstate, revoke, cancel) to a certificate."""
    certificate = get_scoped_or_404(Certificate.objects, request.user, pk=pk)
    apply_posted(request, service.CERTIFICATE, certificate)
    return redirect("enterprises:certificate_detail", pk=pk)


@login_required
def scan(request, pk):
    """The certificate's scan, only for those who may see the certificate."""
    return uploads.scoped_download(
        request, Certificate.objects, "scan", service.scan_download_name, pk=pk
    )
