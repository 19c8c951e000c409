"""Registry pages: the searchable list, detail with history, create, edit, export."""

import io

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View

from portal import jobs
from portal.access import ENTERPRISE, STAFF_ROLES, RoleRequiredMixin, get_scoped_or_404
from portal.audit import history_for, record_event

from .. import industries, restrictions, rules, tasks
from ..forms.registry import EnterpriseFilter, EnterpriseForm
from ..models import Enterprise
from ..services import imports, registry
from .common import editable_or_403

EXPORT_DIRECT_LIMIT = 5000


def _filtered(request):
    queryset = registry.visible_enterprises(request.user).defer("name_bigrams")
    return EnterpriseFilter(request.GET, queryset=queryset, user=request.user)


def _query_without(request, *names):
    query = request.GET.copy()
    for name in names:
        query.pop(name, None)
    return query.urlencode()


LIST_VALUES = (
    "pk", "uscc", "name", "reporting_unit__name", "division__name", "industry_section",
    "industry_division", "size", "status",
)  # fmt: skip
LABELS = {
    "industry_division": dict(industries.division_choices()),
    "size": dict(Enterprise.Size.choices),
    "status": dict(Enterprise.Status.choices),
}


def _labelled(rows):
    """Rows as dicts with display labels (dict lookups, no per-row choice flattening)."""
    for row in rows:
        for field, labels in LABELS.items():
            row[f"{field}_label"] = labels.get(row[field], "")
    return rows


def _choices(flt):
    """The filter's select options, rendered by a plain loop in the template; a select with
    one option offers no choice and is left out (a province's own reporting unit)."""
    fields = flt.form.fields
    names = ("reporting_unit", "division", "industry_section", "industry_division", "size")
    options = {
        name: [(str(value), label) for value, label in fields[name].choices if value != ""]
        for name in (*names, "status")
    }
    return {name: choices for name, choices in options.items() if len(choices) > 1}


def _after(request):
    """The keyset position from ?after=, or None (first page) when it is not a usable id."""
    after = request.GET.get("after", "")
    if not (after.isascii() and after.isdigit()) or len(after) > 18:
        return None
    return int(after)


class EnterpriseListView(RoleRequiredMixin, View):
    """Search and filter the registry; keyset pages; htmx swaps only the results."""

    roles = STAFF_ROLES

    def get(self, request):
        flt = _filtered(request)
        rows, next_after = [], None
        if flt.is_valid():
            queryset = flt.qs.values(*LIST_VALUES)
            rows, next_after = registry.keyset_page(queryset, _after(request))
        flagged = restrictions.flags([row["pk"] for row in rows])
        for row in rows:
            row["flags"] = flagged.get(row["pk"], [])
        context = {
            "filter": flt,
            "rows": _labelled(rows),
            "next_after": next_after,
            "query": _query_without(request, "after"),
            "first_page": not request.GET.get("after"),
            "base": reverse("enterprises:list"),
            "choices": _choices(flt),
        }
        if request.headers.get("HX-Request"):
            return render(request, "enterprises/registry/_results.html", context)
        return render(request, "enterprises/registry/list.html", context)


class EnterpriseDetailView(RoleRequiredMixin, View):
    """One enterprise with its audit history (staff in scope, or its own users)."""

    roles = (*STAFF_ROLES, ENTERPRISE)

    def get(self, request, pk):
        enterprise = get_scoped_or_404(
            registry.visible_enterprises(request.user), request.user, pk=pk
        )
        context = {
            "enterprise": enterprise,
            "entries": history_for(enterprise)[:100],
            "flags": _flags_for_staff(request.user, enterprise),
            "can_edit": rules.may_edit(request.user, enterprise),
        }
        return render(request, "enterprises/registry/detail.html", context)


def _flags_for_staff(user, enterprise):
    """Other apps' flags beside the name (the serious list): regulators see them."""
    if user.role not in STAFF_ROLES:
        return []
    return restrictions.flags([enterprise.pk]).get(enterprise.pk, [])


class EnterpriseFormView(RoleRequiredMixin, View):
    """Create (no pk) or edit an enterprise."""

    roles = (*STAFF_ROLES, ENTERPRISE)  # who may write is the edit rule's to say

    def _enterprise(self, request, pk):
        if pk is None:
            if not rules.may_create(request.user, Enterprise):
                raise PermissionDenied
            return Enterprise()
        return editable_or_403(Enterprise.objects.all(), request.user, pk=pk)

    def get(self, request, pk=None):
        enterprise = self._enterprise(request, pk)
        form = EnterpriseForm(instance=enterprise, user=request.user)
        return self._render(request, form, enterprise)

    def post(self, request, pk=None):
        enterprise = self._enterprise(request, pk)
        form = EnterpriseForm(request.POST, instance=enterprise, user=request.user)
        if form.is_valid():
            try:
                enterprise = self._save(request, enterprise, form.changed_values())
            except ValidationError as error:
                _add_errors(form, error)
            else:
                messages.success(request, _("The enterprise was saved."))
                return redirect(enterprise)
        return self._render(request, form, enterprise)

    def _save(self, request, enterprise, values):
        if enterprise.pk is None:
            return registry.create_enterprise(request.user, **values)
        return registry.update_enterprise(enterprise, request.user, **values)

    def _render(self, request, form, enterprise):
        context = {"form": form, "enterprise": enterprise}
        return render(
            request, "enterprises/registry/form.html", context, status=400 if form.errors else 200
        )


def _add_errors(form, error):
    for field, errors in (
        error.message_dict.items() if hasattr(error, "error_dict") else [(None, error.messages)]
    ):
        for message in errors:
            form.add_error(field if field in form.fields else None, message)


class EnterpriseExportView(RoleRequiredMixin, View):
    """The filtered list as .xlsx: directly when small, as a background job when large."""

    roles = STAFF_ROLES

    def get(self, request):
        flt = _filtered(request)
        if not flt.is_valid():
            return redirect("enterprises:list")
        rows = flt.qs[: EXPORT_DIRECT_LIMIT + 1].count()
        if rows <= EXPORT_DIRECT_LIMIT:
            stream = io.BytesIO()
            imports.write_export(stream, flt.qs)
            stream.seek(0)
            details = {"kind": "enterprise_export", "file": "enterprises.xlsx", "rows": rows}
            record_event(request.user, "download", filters=request.GET.dict(), **details)
            return FileResponse(stream, as_attachment=True, filename="enterprises.xlsx")
        job = jobs.start("enterprise_export", _("Export enterprises"), owner=request.user)
        jobs.send(tasks.export_enterprises, job, request.GET.dict(), user_id=request.user.pk)
        return redirect(job)
