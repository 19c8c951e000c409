"""Benchmarking pages: regulators pick an enterprise or a sector; an enterprise sees its own."""

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from enterprises.models import Enterprise
from portal.access import ENTERPRISE, STAFF_ROLES
from portal.scoping import scoped

from ..sectors import sector_choices
from ..services import benchmarks
from ..services.charts import trend_chart


class BenchmarkForm(forms.Form):
    wave = forms.ModelChoiceField(label=gettext_lazy("Wave"), queryset=None)
    enterprise = forms.CharField(
        label=gettext_lazy("Enterprise (USCC)"), max_length=18, required=False
    )
    sector = forms.ChoiceField(label=gettext_lazy("or a sector"), required=False)
    peers = forms.ChoiceField(
        label=gettext_lazy("Peers"),
        choices=[
            ("section", gettext_lazy("Same section, all regions")),
            ("region", gettext_lazy("Same section, same reporting unit")),
            ("national", gettext_lazy("All enterprises of the wave")),
        ],
        required=False,
    )

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["wave"].queryset = benchmarks.waves_for(user)
        self.fields["sector"].choices = [("", "—"), *sector_choices()]


@login_required
def benchmark(request):
    """A benchmark: percentile per dimension, the best tenth's profile, the trend."""
    user = request.user
    if user.role not in (*STAFF_ROLES, ENTERPRISE):
        raise PermissionDenied
    form = BenchmarkForm(user, request.GET or None)
    if user.role == ENTERPRISE:
        form.fields.pop("sector")
        own = scoped(Enterprise.objects.all(), user)
        form.fields["enterprise"].widget = forms.Select(choices=own.values_list("uscc", "name"))
    context = {"form": form, "result": None, "title": ""}
    if form.is_bound and form.is_valid():
        context.update(_result(user, form.cleaned_data))
    return render(request, "monitoring/benchmark.html", context)


def _result(user, data):
    wave, code, sector = data["wave"], data["enterprise"].strip(), data.get("sector")
    if code:
        enterprise = scoped(Enterprise.objects.all(), user).filter(uscc=code.upper()).first()
        if enterprise is None:
            return {"error": _("No enterprise with this USCC in your jurisdiction.")}
        rows = benchmarks.enterprise_benchmark(wave, enterprise, data.get("peers") or "section")
        labels, values = benchmarks.enterprise_trend(enterprise, wave.version.model_id)
        trend = trend_chart(_("Index over the waves"), labels, [(enterprise.name, values)])
        return {
            "result": rows,
            "title": enterprise.name,
            "trend": trend,
            "error": None
            if rows is not None
            else _("Too few responses about this enterprise in the wave for its own index."),
        }
    if sector and user.role in STAFF_ROLES:
        unit = user.agency.reporting_unit if user.is_provincial else wave.reporting_unit
        if unit is None:
            return {"error": _("Headquarters compares a sector within a provincial wave.")}
        rows = benchmarks.sector_benchmark(wave, unit, sector)
        return {
            "result": rows,
            "title": f"{unit.label} · {dict(sector_choices())[sector]}",
            "error": None if rows is not None else _("No index of this sector."),
        }
    return {"error": _("Give an enterprise's USCC or choose a sector.")}
