"""Pages of the shared core: home, dashboards, the audit trail, object history, health."""

import django_filters
from django.apps import apps
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import connection
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

from .access import HEADQUARTERS, RoleRequiredMixin, get_scoped_or_404
from .audit import history_for, record_event
from .dashboard import panels_for
from .models import AuditEntry, Job, ReportingUnit
from .navigation import home_areas
from .scoping import Scope, scoped


class HomeView(TemplateView):
    """Public landing page: the campaign's areas that exist today."""

    template_name = "portal/home.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(areas=home_areas(self.request.user), **kwargs)


@login_required
def dashboard(request):
    """The user's dashboard, filled by each app's panels."""
    context = {"panels": panels_for(request), "role": request.user.get_role_display()}
    return render(request, "portal/dashboard.html", context)


class AuditFilter(django_filters.FilterSet):
    actor_label = django_filters.CharFilter(label=_("Who"), lookup_expr="icontains")
    object_repr = django_filters.CharFilter(label=_("Object"), lookup_expr="icontains")
    since = django_filters.DateFilter(field_name="at", lookup_expr="date__gte", label=_("From"))
    until = django_filters.DateFilter(field_name="at", lookup_expr="date__lte", label=_("To"))
    reporting_unit = django_filters.ModelChoiceFilter(
        queryset=ReportingUnit.objects.all(), label=_("Reporting unit")
    )

    class Meta:
        model = AuditEntry
        fields = ["action", "source"]


class AuditListView(RoleRequiredMixin, TemplateView):
    """Headquarters browse and filter the audit trail."""

    roles = (HEADQUARTERS,)
    template_name = "portal/audit_list.html"

    def get_context_data(self, **kwargs):
        entries = scoped(AuditEntry.objects.select_related("content_type"), self.request.user)
        audit_filter = AuditFilter(self.request.GET or None, queryset=entries)
        page = Paginator(audit_filter.qs, 50).get_page(self.request.GET.get("page"))
        query = self.request.GET.copy()
        query.pop("page", None)
        return super().get_context_data(
            filter=audit_filter, page=page, query=query.urlencode(), **kwargs
        )


@login_required
def object_history(request, app_label, model_name, pk):
    """The audit history of one object, for whoever can see the object."""
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError as missing:
        raise Http404 from missing
    if not isinstance(getattr(model, "scope", None), Scope):
        raise Http404  # no declared scope: nobody's history, whether the row exists or not
    obj = scoped(model._default_manager.filter(pk=pk), request.user).first()
    if obj is None:
        raise Http404
    entries = history_for(obj)[:200]
    return render(request, "portal/history.html", {"object": obj, "entries": entries})


def _check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return {"ok": True, "vendor": connection.vendor}


def _check_redis():
    if not settings.REDIS_URL:
        return {"ok": True, "detail": "not configured (demo: tasks run in-process)"}
    import redis

    redis.Redis.from_url(settings.REDIS_URL, socket_timeout=1).ping()
    return {"ok": True}


def _check_workers():
    from .celery import app

    if settings.CELERY_TASK_ALWAYS_EAGER:
        return {"ok": True, "detail": "in-process", "workers": 0}
    replies = app.control.inspect(timeout=1.0).ping() or {}
    return {"ok": bool(replies), "workers": len(replies)}


@never_cache
def health(request):
    """Database, Redis and Celery worker status as JSON; 503 if the database or Redis fail."""
    report = {}
    for name, check in (("database", _check_database), ("redis", _check_redis)):
        try:
            report[name] = check()
        except Exception as error:  # noqa: BLE001 - any failure is the answer
            report[name] = {"ok": False, "detail": str(error)[:200]}
    try:
        report["celery_workers"] = _check_workers()
    except Exception as error:  # noqa: BLE001
        report["celery_workers"] = {"ok": False, "detail": str(error)[:200]}
    healthy = report["database"]["ok"] and report["redis"]["ok"]
    report["status"] = "ok" if healthy else "error"
    return JsonResponse(report, status=200 if healthy else 503)


@login_required
def job_detail(request, pk):
    """A background job's progress; htmx polls the partial until the job finishes."""
    job = get_scoped_or_404(Job.objects, request.user, pk=pk)
    template = "portal/_job.html" if request.headers.get("HX-Request") else "portal/job.html"
    return render(request, template, {"job": job})


@login_required
def job_download(request, pk):
    """The job's result file (an export, a PDF, a ZIP) for whoever may see the job; audited."""
    job = get_scoped_or_404(Job.objects, request.user, pk=pk)
    if not job.result_file:
        raise Http404
    name = job.result_file.name.rsplit("/", 1)[-1]
    response = FileResponse(job.result_file.open("rb"), as_attachment=True, filename=name)
    record_event(job, "download", kind=job.kind, file=name)
    return response


def favicon(request):
    """/favicon.ico for clients that ask for it without reading the page: our SVG icon."""
    return redirect(static("portal/favicon.svg"), permanent=True)
