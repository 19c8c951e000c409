"""One-time questionnaire links: regulators issue them on a wave; consumers answer once."""

from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal import audit, exports
from portal.access import STAFF_ROLES, roles_required
from portal.ratelimit import rate_limited
from portal.workflow_views import flash_form_errors

from ..models import Item
from ..sectors import sector_label
from ..services import survey_links
from ..survey_forms import IssueLinksForm, QuestionnaireForm
from .waves import _add_errors, _wave


@roles_required(*STAFF_ROLES)
@require_POST
def issue(request, pk):
    """Issue a batch of links and hand them over once, as a file (the delivery is audited)."""
    wave = _wave(request, pk)
    form = IssueLinksForm(wave, request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            issued = survey_links.issue_links(
                wave, request.user, sector=data["sector"], size=data["size"],
                division=data["division"], enterprise=data["uscc"], days=data["days"],
                note=data["note"],
            )  # fmt: skip
        except ValidationError as error:
            _add_errors(form, error)
        else:
            return _deliver(request, issued, data["output"])
    flash_form_errors(request, form)
    return redirect("monitoring:wave", wave.pk)


def _deliver(request, issued, output):
    batch = issued.batch
    audit.record_event(batch, "download", format=output, links=len(issued.tokens))
    header = [_("Questionnaire link"), _("Sector"), _("Division"), _("Enterprise"), _("Expires")]
    place = [
        sector_label(batch.sector),
        batch.division.name if batch.division else "",
        batch.enterprise.name if batch.enterprise else "",
        f"{batch.expires_at:%Y-%m-%d %H:%M}",
    ]
    base = request.build_absolute_uri(reverse("monitoring:questionnaire", args=["TOKEN"]))
    rows = [[base.replace("TOKEN", token), *place] for token in issued.tokens]
    return exports.download(header, rows, f"survey-links-{batch.pk}", output, "links")


@rate_limited("public_search", methods=("GET", "POST"))
def questionnaire(request, token):
    """The public questionnaire of a link: no login; answered once."""
    try:
        link = survey_links.open_link(token)
    except survey_links.LinkRefused as refused:
        return _refused(request, refused)
    batch = link.batch
    items = Item.objects.filter(indicator__dimension__version=batch.wave.version_id)
    form = QuestionnaireForm(items, batch.wave.version.model.is_servqual, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            survey_links.answer(token, form.answers())
        except survey_links.LinkRefused as refused:
            return _refused(request, refused)
        return redirect("monitoring:questionnaire_thanks")
    context = {"form": form, "batch": batch, "sector": sector_label(batch.sector)}
    response = render(request, "monitoring/survey/questionnaire.html", context)
    response["Cache-Control"] = "no-store"
    return response


def _refused(request, refused):
    """An answered link thanks again (a second click or tab); others say what is wrong."""
    status = {"used": 200, "unknown": 404}.get(refused.code, 410)
    context = {"message": refused.messages[0], "answered": refused.code == "used"}
    return render(request, "monitoring/survey/refused.html", context, status=status)


def thanks(request):
    return render(request, "monitoring/survey/refused.html", {"answered": True})
