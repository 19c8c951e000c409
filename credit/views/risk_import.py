"""Import of historical five-class (A-E) risk classes: upload, preview by row, start the job."""

import uuid

from django import forms
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views import View

from portal import jobs
from portal.access import STAFF_ROLES, RoleRequiredMixin

from .. import tasks
from ..services import risk_import

SESSION_KEY = "credit_risk_imports"
PREVIEW_ROWS = 200


class UploadForm(forms.Form):
    file = forms.FileField(label=_("Excel (.xlsx) or CSV file"))


class RiskImport(RoleRequiredMixin, View):
    """Upload historical classes; the answer is the preview with every rejected row."""

    roles = STAFF_ROLES

    def get(self, request):
        context = {"form": UploadForm(), "header": risk_import.TEMPLATE_HEADER}
        return render(request, "credit/risk/import.html", context)

    def post(self, request):
        form = UploadForm(request.POST, request.FILES)
        if not form.is_valid():
            context = {"form": form, "header": risk_import.TEMPLATE_HEADER}
            return render(request, "credit/risk/import.html", context, status=400)
        data = form.cleaned_data["file"].read()
        checked = risk_import.check_file(data, request.user)
        token = ""
        if checked.good and not checked.problem:
            token = str(uuid.uuid4())
            request.session.setdefault(SESSION_KEY, {})[token] = risk_import.STORE.save(data)
            request.session.modified = True
        context = {
            "checked": checked, "token": token, "form": UploadForm(),
            "good": checked.good[:PREVIEW_ROWS], "bad": checked.bad[:PREVIEW_ROWS],
            "header": risk_import.TEMPLATE_HEADER,
        }  # fmt: skip
        return render(request, "credit/risk/import.html", context, status=200)


class RiskImportStart(RoleRequiredMixin, View):
    """Import a previewed file; the browser goes to the job's progress page."""

    roles = STAFF_ROLES

    def post(self, request):
        try:
            token = str(uuid.UUID(request.POST.get("token", "")))
        except ValueError:
            raise Http404 from None
        name = request.session.get(SESSION_KEY, {}).pop(token, None)
        if name is None:
            raise Http404
        request.session.modified = True
        job = jobs.start("credit_risk_import", _("Import historical risk classes"),
                         owner=request.user)  # fmt: skip
        jobs.send(tasks.import_risk_history, job, name, user_id=request.user.pk)
        return redirect(job)
