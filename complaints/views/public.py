"""The public's pages: the complaint form and following a complaint by its tracking code."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal import once
from portal.crypto import blind_index
from portal.errors import too_many_requests
from portal.ratelimit import hit, rate_limited

from ..forms import PublicComplaintForm, RatingForm, TrackingForm
from ..models import Complaint
from ..services import handling, intake

TRACKED = "complaints_tracked"  # session key: the tracking codes this visitor opened


@rate_limited("complaint")
def file_complaint(request):
    """The public complaint and report form (no login)."""
    form = PublicComplaintForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        phone = form.cleaned_data["complainant_phone"]
        wait = hit("complaint_phone", blind_index(phone))
        if wait:
            return too_many_requests(request, wait)

        def file():
            filed = intake.file(
                {**form.submission(), "language": request.LANGUAGE_CODE},
                kinds=form.cleaned_data["kinds"],
                channel=Complaint.Channel.ONLINE,
                evidence=form.cleaned_data["evidence"],
            )
            _remember(request, filed.complaints)
            codes = ",".join(c.tracking_code for c in filed.complaints)
            return reverse("complaints:filed") + f"?codes={codes}"

        try:
            return once.submit(request, form, file)
        except ValidationError as error:
            form.add_error(None, error)
    return render(request, "complaints/public/form.html", {"form": form})


def filed(request):
    """After filing: the tracking codes to keep (only those filed in this session)."""
    remembered = request.session.get(TRACKED, [])
    codes = [c for c in request.GET.get("codes", "").split(",") if c in remembered]
    complaints = Complaint.objects.filter(tracking_code__in=codes).select_related("rule_set")
    return render(request, "complaints/public/filed.html", {"complaints": complaints})


@rate_limited("tracking")
def track(request):
    """Find a complaint by its tracking code and the last four digits of the phone."""
    form = TrackingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        complaint = intake.track(
            form.cleaned_data["tracking_code"], form.cleaned_data["phone_last_four"]
        )
        if complaint is not None:
            _remember(request, [complaint])
            return redirect("complaints:status", code=complaint.tracking_code)
        form.add_error(None, _("No complaint matches this code and these digits."))
    return render(request, "complaints/public/track.html", {"form": form})


def status(request, code):
    """A complaint's progress as the consumer sees it (opened by code and phone first)."""
    if code not in request.session.get(TRACKED, []):
        return redirect("complaints:track")
    complaint = Complaint.objects.select_related("rule_set", "reporting_unit").get(
        tracking_code=code
    )
    context = {
        "complaint": complaint,
        "steps": handling.COMPLAINT.history(complaint),
        "rating_form": RatingForm() if handling.may_rate(complaint) else None,
    }
    return render(request, "complaints/public/status.html", context)


@require_POST
def rate(request, code):
    """The consumer rates the handling, once it has ended."""
    if code not in request.session.get(TRACKED, []):
        return redirect("complaints:track")
    complaint = Complaint.objects.get(tracking_code=code)
    form = RatingForm(request.POST)
    if form.is_valid():
        try:
            handling.rate(complaint, form.cleaned_data["rating"], form.cleaned_data["comment"])
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(request, _("Thank you: your rating is recorded."))
    else:
        messages.error(request, _("Choose a rating from 1 to 5."))
    return redirect("complaints:status", code=code)


def _remember(request, complaints):
    codes = request.session.get(TRACKED, [])
    request.session[TRACKED] = [*codes, *(c.tracking_code for c in complaints)][-20:]
