"""Risk-class pages: headquarters' scoring model, regulators' lists, an enterprise's class."""

from decimal import Decimal

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from portal import jobs
from portal.access import HEADQUARTERS, STAFF_ROLES, RoleRequiredMixin, get_scoped_or_404
from portal.audit import history_for
from portal.models import ReportingUnit
from portal.scoping import scoped

from .. import tasks
from ..models import EnterpriseRiskClass, RiskClass, RiskClassHistory, RiskRun, ScoringModel
from ..services import risk, risk_indicators

POINTS = {"max_digits": 7, "decimal_places": 2}


class ScoringModelForm(forms.Form):
    """Thresholds, then per indicator: used or not, points per unit, weight, cap."""

    note = forms.CharField(label=gettext_lazy("Note"), max_length=200, required=False)
    b_from = forms.DecimalField(label=gettext_lazy("Class B from score"), **POINTS)
    c_from = forms.DecimalField(label=gettext_lazy("Class C from score"), **POINTS)
    d_from = forms.DecimalField(label=gettext_lazy("Class D from score"), **POINTS)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for indicator in risk_indicators.INDICATORS:
            code, name = indicator.code, indicator.label
            self.fields[f"use_{code}"] = forms.BooleanField(label=name, required=False)
            self.fields[f"points_{code}"] = forms.DecimalField(
                label=_("%(name)s: points per unit (%(unit)s)")
                % {"name": name, "unit": indicator.unit},
                required=False,
                **POINTS,
            )
            self.fields[f"weight_{code}"] = forms.DecimalField(
                label=_("%(name)s: weight") % {"name": name},
                required=False,
                initial=1,
                max_digits=5,
                decimal_places=2,
            )
            self.fields[f"cap_{code}"] = forms.DecimalField(
                label=_("%(name)s: value counted up to (empty: no limit)") % {"name": name},
                required=False,
                max_digits=9,
                decimal_places=2,
                min_value=0,
            )

    @staticmethod
    def initial_for(model):
        if model is None:
            return {"b_from": 0, "c_from": 10, "d_from": 20}
        initial = {"b_from": model.b_from, "c_from": model.c_from, "d_from": model.d_from}
        for s in risk.settings_of(model):
            initial |= {f"use_{s.code}": True, f"points_{s.code}": s.points}
            initial |= {f"weight_{s.code}": s.weight, f"cap_{s.code}": s.cap}
        return initial

    def indicator_settings(self):
        data, chosen = self.cleaned_data, []
        for code in risk_indicators.BY_CODE:
            if not data.get(f"use_{code}"):
                continue
            if data.get(f"points_{code}") is None:
                self.add_error(f"points_{code}", _("Give the points of an indicator you use."))
                continue
            weight = data.get(f"weight_{code}")
            chosen.append(
                risk.IndicatorSetting(
                    code, data[f"points_{code}"], Decimal(1) if weight is None else weight,
                    data.get(f"cap_{code}"),
                )
            )  # fmt: skip
        return chosen

    def rows(self):
        """The form's indicator fields grouped per indicator, for the table."""
        return [
            [self[f"{part}_{code}"] for part in ("use", "points", "weight", "cap")]
            for code in risk_indicators.BY_CODE
        ]


class ScoringModels(RoleRequiredMixin, View):
    """Headquarters: the versions, and the form that saves the next one."""

    roles = (HEADQUARTERS,)

    def get(self, request):
        current = ScoringModel.current()
        form = ScoringModelForm(initial=ScoringModelForm.initial_for(current))
        return self.page(request, form, current)

    def post(self, request):
        current = ScoringModel.current()
        form = ScoringModelForm(request.POST)
        if form.is_valid():
            chosen = form.indicator_settings()
            if form.is_valid():
                try:
                    saved = risk.save_model(
                        request.user, b_from=form.cleaned_data["b_from"],
                        c_from=form.cleaned_data["c_from"], d_from=form.cleaned_data["d_from"],
                        indicators=chosen, note=form.cleaned_data["note"], base=current,
                    )  # fmt: skip
                except ValidationError as error:
                    for message in error.messages:
                        form.add_error(None, message)
                else:
                    messages.success(request, _("Saved as %(model)s.") % {"model": saved})
                    return redirect("credit:risk_models")
        return self.page(request, form, current, status=400)

    def page(self, request, form, current, status=200):
        models = scoped(ScoringModel.objects.prefetch_related("indicators"), request.user)
        for model in models:
            model.terms = [(risk_indicators.label(i.code), i) for i in model.indicators.all()]
        context = {"form": form, "current": current, "models": models[:20]}
        return render(request, "credit/risk/models.html", context, status=status)


class FilterForm(forms.Form):
    risk_class = forms.ChoiceField(
        label=gettext_lazy("Class"), required=False,
        choices=[("", gettext_lazy("All"))] + RiskClass.choices,
    )  # fmt: skip
    overridden = forms.BooleanField(label=gettext_lazy("Overridden"), required=False)
    unit = forms.ModelChoiceField(
        label=gettext_lazy("Reporting unit"), required=False, queryset=ReportingUnit.objects.all()
    )


class RiskList(RoleRequiredMixin, View):
    """Regulators: enterprises of their jurisdiction by class, with filters."""

    roles = STAFF_ROLES

    def get(self, request):
        rows = scoped(EnterpriseRiskClass.objects.select_related("enterprise"), request.user)
        form = FilterForm(request.GET or None)
        if request.user.role != HEADQUARTERS:
            del form.fields["unit"]
        if form.is_valid():
            rows = _filtered(rows, form.cleaned_data)
        counts = dict(rows.order_by().values_list("risk_class").annotate(n=Count("pk")))
        page = Paginator(rows.order_by("-score", "pk"), 50).get_page(request.GET.get("page"))
        query = request.GET.copy()
        query.pop("page", None)
        context = {
            "form": form, "page": page, "query": query.urlencode(),
            "counts": [(value, label, counts.get(value, 0)) for value, label in RiskClass.choices],
            "runs": scoped(RiskRun.objects.select_related("scoring_model"), request.user)[:5],
            "units": ReportingUnit.objects.all() if request.user.role == HEADQUARTERS else None,
            "model": ScoringModel.current(),
        }  # fmt: skip
        return render(request, "credit/risk/list.html", context)


def _filtered(rows, data):
    if data.get("risk_class"):
        rows = rows.filter(risk_class=data["risk_class"])
    if data.get("overridden"):
        rows = rows.filter(override__isnull=False)
    if data.get("unit"):
        rows = rows.filter(enterprise__reporting_unit=data["unit"])
    return rows


class OverrideForm(forms.Form):
    risk_class = forms.ChoiceField(label=gettext_lazy("Class"), choices=RiskClass.choices)
    reason = forms.CharField(
        label=gettext_lazy("Reason"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )
    expires_on = forms.DateField(
        label=gettext_lazy("Valid until"), widget=forms.DateInput(attrs={"type": "date"})
    )


class RiskDetail(RoleRequiredMixin, View):
    """An enterprise's class, its explanation, its history per model version, overrides."""

    roles = STAFF_ROLES
    model = EnterpriseRiskClass

    def get(self, request, pk, form=None, status=200):
        current = get_scoped_or_404(
            EnterpriseRiskClass.objects.select_related("enterprise", "scoring_model", "override"),
            request.user,
            pk=pk,
        )
        history = scoped(RiskClassHistory.objects.filter(enterprise_id=pk), request.user)
        context = {
            "current": current,
            "enterprise": current.enterprise,
            "effective": risk.effective_class(current),
            "override": risk.valid_override(current),
            "explanation": _explanation(current),
            "history": history.select_related("scoring_model", "override")[:100],
            "form": form or OverrideForm(),
            "entries": history_for(current)[:20],
        }
        return render(request, "credit/risk/detail.html", context, status=status)


class RiskOverrideView(RoleRequiredMixin, View):
    roles = STAFF_ROLES
    model = EnterpriseRiskClass

    def post(self, request, pk):
        current = get_scoped_or_404(EnterpriseRiskClass.objects, request.user, pk=pk)
        form = OverrideForm(request.POST)
        if form.is_valid():
            try:
                risk.override_class(current, user=request.user, **form.cleaned_data)
            except ValidationError as error:
                for field, errors in error.message_dict.items():
                    for message in errors:
                        form.add_error(field if field in form.fields else None, message)
            else:
                messages.success(request, _("The class is overridden."))
                return redirect("credit:risk_detail", pk=pk)
        return RiskDetail().get(request, pk, form=form, status=400)


def _explanation(current):
    """(label, value, points) per indicator of the row's explanation, biggest first."""
    rows = [
        (risk_indicators.label(code), value, points)
        for code, (value, points) in (current.explanation or {}).items()
    ]
    return sorted(rows, key=lambda row: -abs(row[2] or 0))


class RiskRecompute(RoleRequiredMixin, View):
    """Start the recomputation of one reporting unit (staff: their own; HQ: any)."""

    roles = STAFF_ROLES

    def post(self, request):
        if request.user.role == HEADQUARTERS:
            unit = ReportingUnit.objects.filter(pk=request.POST.get("unit") or 0).first()
        else:
            unit = request.user.agency.reporting_unit
        if unit is None:
            messages.error(request, _("Choose the reporting unit to recompute."))
            return redirect("credit:risk_list")
        if ScoringModel.current() is None:
            raise PermissionDenied(_("Headquarters has not configured a scoring model yet."))
        title = _("Recompute risk classes: %(unit)s") % {"unit": unit}
        job = jobs.start("credit_risk", title, owner=request.user, reporting_unit=unit)
        jobs.send(tasks.recompute_unit_risk, job, unit.pk, user_id=request.user.pk)
        return redirect(job)
