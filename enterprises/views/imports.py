"""Bulk import pages: upload, preview of every problem, then the import job."""

import uuid

from django import forms
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views import View

from portal import jobs, spreadsheets
from portal.access import STAFF_ROLES, RoleRequiredMixin

from .. import tasks
from ..services import imports

SESSION_KEY = "enterprise_imports"
PREVIEW_PROBLEMS = 500


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("Excel (.xlsx) or CSV file"),
        help_text=_("At most 20 MB and 200,000 rows; headers in Chinese or English."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > spreadsheets.MAX_BYTES:
            raise forms.ValidationError(
                _("The file is larger than 20 MB; split it into smaller files.")
            )
        return upload


class StartForm(forms.Form):
    token = forms.UUIDField(widget=forms.HiddenInput)
    mode = forms.ChoiceField(
        label=_("If some rows have problems"),
        widget=forms.RadioSelect,
        choices=[
            (imports.GOOD_ROWS, _("Import the good rows; return the rejected rows")),
            (imports.ALL_OR_NOTHING, _("Import nothing if any row has a problem")),
        ],
    )


class ImportView(RoleRequiredMixin, View):
    """Upload a file; the answer is the preview with every problem by row and column."""

    roles = STAFF_ROLES

    def get(self, request):
        return render(request, "enterprises/imports/upload.html", {"form": UploadForm()})

    def post(self, request):
        form = UploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return render(request, "enterprises/imports/upload.html", {"form": form}, status=400)
        upload = form.cleaned_data["file"]
        data = upload.read()
        checked = imports.check_file(data, request.user)
        token = str(uuid.uuid4())
        if checked.good and not checked.file_problems:  # only an importable file is kept
            request.session.setdefault(SESSION_KEY, {})[token] = imports.store_upload(data)
            request.session.modified = True
        context = {
            "checked": checked,
            "problems": checked.problems[:PREVIEW_PROBLEMS],
            "more_problems": max(0, len(checked.problems) - PREVIEW_PROBLEMS),
            "filename": upload.name,
            "start_form": StartForm(initial={"token": token, "mode": imports.GOOD_ROWS}),
        }
        return render(request, "enterprises/imports/preview.html", context)


def _take_preview(request):
    """The stored file of the previewed upload named by the posted token; it leaves the session."""
    try:
        token = str(uuid.UUID(request.POST.get("token", "")))
    except ValueError:
        raise Http404 from None
    name = request.session.get(SESSION_KEY, {}).pop(token, None)
    if name is None:
        raise Http404
    request.session.modified = True
    return name


class StartImportView(RoleRequiredMixin, View):
    """Start the import of a previewed file; the browser goes to the job's progress page."""

    roles = STAFF_ROLES

    def post(self, request):
        form = StartForm(request.POST)
        if not form.is_valid():
            return redirect("enterprises:import")
        name = _take_preview(request)
        if imports.preview_expired(name):
            imports.discard_upload(name)
            messages.error(request, _("The preview has expired; upload the file again."))
            return redirect("enterprises:import")
        user = request.user
        unit = user.agency.reporting_unit if user.is_provincial else None
        job = jobs.start(
            "enterprise_import", _("Import enterprises"), owner=user, reporting_unit=unit
        )
        jobs.send(tasks.import_enterprises, job, name, form.cleaned_data["mode"], user_id=user.pk)
        return redirect(job)


class CancelImportView(RoleRequiredMixin, View):
    """Cancel a previewed import: its stored copy is removed at once."""

    roles = STAFF_ROLES

    def post(self, request):
        imports.discard_upload(_take_preview(request))
        messages.info(request, _("The import was cancelled; the file was removed."))
        return redirect("enterprises:import")


class TemplateView(RoleRequiredMixin, View):
    """The .xlsx template with the expected headers."""

    roles = STAFF_ROLES

    def get(self, request):
        response = HttpResponse(
            imports.template_workbook(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = 'attachment; filename="enterprise-import-template.xlsx"'
        return response
