"""Survey waves: the list, a new wave, a wave's progress and indices, imports, recomputation."""

import uuid

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal import exports, jobs
from portal.access import HEADQUARTERS, STAFF_ROLES, get_scoped_or_404, roles_required
from portal.scoping import scoped

from .. import tasks
from ..models import IndexResult, Response, SurveyLinkBatch, Wave
from ..sectors import sector_label
from ..services import responses, waves
from ..services.charts import wave_charts
from ..services.reading import figures, table
from ..survey_forms import IssueLinksForm, QuotaForm, StartForm, UploadForm, WaveForm

SESSION_KEY = "survey_imports"
PREVIEW_PROBLEMS = 500
Level = IndexResult.Level


def _waves(user):
    return scoped(Wave.objects.select_related("version__model", "reporting_unit"), user)


def _wave(request, pk):
    return get_scoped_or_404(_waves(request.user), request.user, pk=pk)


@roles_required(*STAFF_ROLES)
def wave_list(request):
    """The survey waves the user may see, newest first."""
    page = Paginator(_waves(request.user), 50).get_page(request.GET.get("page"))
    return render(request, "monitoring/waves/list.html", {"page": page})


@roles_required(*STAFF_ROLES)
def wave_create(request):
    """A new wave; a provincial regulator's wave is its own unit's."""
    user = request.user
    form = WaveForm(request.POST or None)
    if user.role != HEADQUARTERS:
        form.fields.pop("reporting_unit")
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        unit = (
            data.get("reporting_unit") if user.role == HEADQUARTERS else user.agency.reporting_unit
        )
        quotas = [(s, None, data["quota"]) for s in data["sectors"]] if data["quota"] else []
        try:
            wave = waves.create_wave(
                version=data["version"], name=data["name"], period_start=data["period_start"],
                period_end=data["period_end"], reporting_unit=unit, sectors=data["sectors"],
                quotas=quotas,
            )  # fmt: skip
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("The wave was created."))
            return redirect("monitoring:wave", wave.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "monitoring/waves/create.html", {"form": form}, status=status)


def _add_errors(form, error):
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            for item in errors:
                form.add_error(name if name in form.fields else None, item)
    else:
        for message in error.messages:
            form.add_error(None, message)


@roles_required(*STAFF_ROLES)
def wave_detail(request, pk):
    """A wave: progress against the quota, its indices with intervals, charts and tables."""
    wave = _wave(request, pk)
    shown = figures(wave, request.user)
    own = scoped(Response.objects.filter(wave=wave), request.user)
    context = {
        "wave": wave,
        "sectors": [sector_label(s) for s in wave.sectors],
        "progress": waves.progress(wave, own),
        "counts": {"all": own.count(), "excluded": own.filter(excluded=True).count()},
        "overall": table(shown, Level.NATION),
        "units": table(shown, Level.UNIT),
        "sector_rows": table(shown, Level.SECTOR) or table(shown, Level.UNIT_SECTOR),
        "divisions": table(shown, Level.DIVISION),
        "enterprises": table(shown, Level.ENTERPRISE),
        "components": _components(wave, shown),
        "charts": wave_charts(wave, shown),
        "computation": getattr(wave, "computation", None),
        "quota_form": QuotaForm(wave),
        "links_form": IssueLinksForm(wave),
        "link_batches": _link_batches(wave, request.user),
        "is_headquarters": request.user.role == HEADQUARTERS,
    }
    return render(request, "monitoring/waves/detail.html", context)


def _link_batches(wave, user):
    rows = scoped(SurveyLinkBatch.objects.filter(wave=wave), user).select_related(
        "division", "enterprise"
    )
    return rows.annotate(
        opened=Count("links", filter=Q(links__opened_at__isnull=False)),
        used=Count("links", filter=Q(links__used_at__isnull=False)),
    )[:20]


def _components(wave, shown):
    seen = {}
    for f in shown:
        if f.component != "index":
            seen.setdefault(f.component, f.component_name)
    return list(seen.items())


@roles_required(*STAFF_ROLES)
def wave_flagged(request, pk):
    """The responses excluded from the indices, each with its reason."""
    wave = _wave(request, pk)
    rows = scoped(Response.objects.filter(wave=wave, excluded=True), request.user)
    page = Paginator(rows.order_by("id"), 50).get_page(request.GET.get("page"))
    return render(request, "monitoring/waves/flagged.html", {"wave": wave, "page": page})


@require_POST
@roles_required(*STAFF_ROLES)
def wave_quota(request, pk):
    """Set the responses a wave needs of a sector (and division)."""
    wave = _wave(request, pk)
    if wave.is_national and request.user.role != HEADQUARTERS:
        raise PermissionDenied
    form = QuotaForm(wave, request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            waves.set_quota(wave, data["sector"], data["division"], data["target"])
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The quota was saved."))
    else:
        messages.error(request, _("Check the quota: sector and a number of responses."))
    return redirect("monitoring:wave", wave.pk)


@require_POST
@roles_required(*STAFF_ROLES)
def wave_compute(request, pk):
    """Recompute the wave's indices as a job; the browser follows its progress."""
    wave = _wave(request, pk)
    job = jobs.start("survey_indices", _("Compute survey indices"), owner=request.user)
    jobs.send(tasks.compute_indices, job, wave.pk, user_id=request.user.pk)
    return redirect(job)


@roles_required(*STAFF_ROLES)
def wave_template(request, pk):
    """An .xlsx with the wave's columns: the fixed ones and the model's items."""
    wave = _wave(request, pk)
    columns = responses.columns_of(wave.version)
    return exports.download(columns, [], f"survey-wave-{wave.pk}", "xlsx", "responses")


@roles_required(*STAFF_ROLES)
def wave_import(request, pk):
    """Upload responses; the answer is the preview of every problem and flag by row."""
    wave = _wave(request, pk)
    if request.method != "POST":
        context = {
            "wave": wave,
            "form": UploadForm(),
            "columns": responses.columns_of(wave.version),
        }
        return render(request, "monitoring/waves/upload.html", context)
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        context = {"wave": wave, "form": form, "columns": responses.columns_of(wave.version)}
        return render(request, "monitoring/waves/upload.html", context, status=400)
    upload = form.cleaned_data["file"]
    data = upload.read()
    checked = responses.check_file(data, wave, request.user)
    token = str(uuid.uuid4())
    if checked.good and not checked.file_problems:
        stored = responses.PREVIEWS.save(data)
        request.session.setdefault(SESSION_KEY, {})[token] = [wave.pk, stored]
        request.session.modified = True
    context = {
        "wave": wave,
        "checked": checked,
        "flagged": checked.flagged[:PREVIEW_PROBLEMS],
        "problems": checked.problems[:PREVIEW_PROBLEMS],
        "more_problems": max(0, len(checked.problems) - PREVIEW_PROBLEMS),
        "filename": upload.name,
        "start_form": StartForm(initial={"token": token, "mode": responses.GOOD_ROWS}),
    }
    return render(request, "monitoring/waves/preview.html", context)


def _take_preview(request, wave):
    try:
        token = str(uuid.UUID(request.POST.get("token", "")))
    except ValueError:
        raise Http404 from None
    entry = request.session.get(SESSION_KEY, {}).get(token)
    if entry is None or entry[0] != wave.pk:
        raise Http404
    request.session[SESSION_KEY].pop(token)
    request.session.modified = True
    return entry[1]


@require_POST
@roles_required(*STAFF_ROLES)
def wave_import_start(request, pk):
    """Start the import of a previewed file; then the indices are computed."""
    wave = _wave(request, pk)
    form = StartForm(request.POST)
    if not form.is_valid():
        return redirect("monitoring:wave_import", wave.pk)
    name = _take_preview(request, wave)
    if responses.PREVIEWS.expired(name):
        responses.PREVIEWS.discard(name)
        messages.error(request, _("The preview has expired; upload the file again."))
        return redirect("monitoring:wave_import", wave.pk)
    user = request.user
    unit = user.agency.reporting_unit if user.is_provincial else None
    job = jobs.start("survey_import", _("Import survey responses"), owner=user, reporting_unit=unit)
    jobs.send(
        tasks.import_responses, job, wave.pk, name, form.cleaned_data["mode"], user_id=user.pk
    )
    return redirect(job)


@require_POST
@roles_required(*STAFF_ROLES)
def wave_import_cancel(request, pk):
    """Cancel a previewed import: its stored copy goes at once."""
    wave = _wave(request, pk)
    responses.PREVIEWS.discard(_take_preview(request, wave))
    messages.info(request, _("The import was cancelled; the file was removed."))
    return redirect("monitoring:wave", wave.pk)
