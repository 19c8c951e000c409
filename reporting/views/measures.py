"""Measures for tasks 1, 9, 10 and 12: provincial staff record them, everyone in scope reads."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from portal.access import get_scoped_or_404
from portal.scoping import scoped

from ..forms import MeasureForm
from ..models import Measure
from .common import staff_required


@staff_required
def measure_list(request):
    """The measures in the user's scope, and a form for a new one (provincial staff)."""
    measures = scoped(Measure.objects.select_related("reporting_unit"), request.user)
    page = Paginator(measures, 50).get_page(request.GET.get("page"))
    form = None
    if request.user.is_provincial:
        form = MeasureForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            form.instance.reporting_unit = request.user.reporting_unit
            form.save()
            messages.success(request, _("Measure recorded."))
            return redirect("reporting:measures")
    return render(request, "reporting/measures.html", {"page": page, "form": form})


@staff_required
def measure_edit(request, pk):
    """Change a measure of the user's own unit."""
    measure = get_scoped_or_404(Measure.objects, request.user, pk=pk)
    form = MeasureForm(request.POST or None, instance=measure)
    if not request.user.is_provincial:
        form = None
    elif request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Measure saved."))
        return redirect("reporting:measures")
    return render(request, "reporting/measure_form.html", {"measure": measure, "form": form})
