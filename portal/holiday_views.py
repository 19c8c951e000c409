"""Headquarters' page for the years of holidays and adjusted working days (portal.holidays)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import workdays
from .access import HEADQUARTERS, roles_required
from .audit import history_for
from .holidays import DAY_OFF, HolidayCalendar, current_calendar, enter_year


class YearForm(forms.Form):
    year = forms.IntegerField(
        label=gettext_lazy("Year"), min_value=workdays.FIRST_YEAR, max_value=2099
    )
    source = forms.CharField(
        label=gettext_lazy("Source"),
        required=False,
        max_length=200,
        help_text=gettext_lazy("For example the State Council notice and its number."),
    )
    days = forms.CharField(
        label=gettext_lazy("Days"),
        widget=forms.Textarea(attrs={"rows": 16, "spellcheck": "false"}),
        help_text=gettext_lazy(
            "One day a line: date, holiday or workday, name; for example "
            "“2027-02-06, holiday, 春节” or “2027-02-20, workday, 春节”. Commas, tabs or "
            "semicolons; a CSV pasted from a spreadsheet works. Every day off and every "
            "adjusted working day of the year; other weekdays are working days."
        ),
    )


def _rule_text(year):
    """The regulation's days for a year nobody entered yet, as a start for the form."""
    if year in workdays.PACKAGE_YEARS or year < workdays.FIRST_YEAR or year > 2099:
        return ""
    days = workdays.statutory_days_off(year)
    rows = sorted(days.items())
    return "\n".join(f"{day.isoformat()},{DAY_OFF},{_(name)}" for day, name in rows)


def _initial(year):
    calendar = HolidayCalendar.objects.filter(year=year).first()
    if calendar is not None:
        return {"year": year, "source": calendar.source, "days": calendar.as_text()}, calendar
    return {"year": year, "days": _rule_text(year)}, None


@roles_required(HEADQUARTERS)
def holidays(request):
    """Enter or correct a year's holidays; list the entered years and the selected one's history."""
    form = YearForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            calendar = enter_year(data["year"], data["days"], request.user, data["source"])
        except ValidationError as error:
            for message in error.messages:
                form.add_error("days", message)
        else:
            messages.success(request, _("%(calendar)s is saved.") % {"calendar": calendar})
            return redirect(f"{request.path}?year={calendar.year}")
    try:
        year = int(request.GET.get("year") or request.POST.get("year") or "")
    except ValueError:
        year = timezone.localdate().year + 1
    selected = None
    if request.method == "GET":
        initial, selected = _initial(year)
        form = YearForm(initial=initial)
    else:
        selected = HolidayCalendar.objects.filter(year=year).first()
    context = {
        "form": form,
        "year": year,
        "selected": selected,
        "history": history_for(selected)[:50] if selected else [],
        "calendars": HolidayCalendar.objects.select_related("changed_by"),
        "package_years": workdays.PACKAGE_YEARS,
        "version": current_calendar().version,
    }
    return render(request, "portal/holidays.html", context)
