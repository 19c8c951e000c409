"""The years of holidays headquarters enters, their loader for portal.workdays, and the parser.

A year entered here is complete: its days off and its adjusted working days, as the
State Council's notice for the year lists them. It replaces the package (a correction)
or the regulation's rule (a year the package does not know yet) in ``portal.workdays``.
"""

import csv
import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import workdays
from .scoping import Scope

DAY_OFF = "holiday"
WORKING_DAY = "workday"
KIND_WORDS = {
    DAY_OFF: {"holiday", "off", "day off", "休", "假", "放假", "休息"},
    WORKING_DAY: {"workday", "work", "working day", "班", "上班", "调休上班"},
}


class HolidayCalendar(models.Model):
    """One year's days off and adjusted working days, entered by headquarters."""

    year = models.PositiveSmallIntegerField(gettext_lazy("year"), unique=True)
    entries = models.JSONField(
        gettext_lazy("days"),
        default=list,
        help_text=gettext_lazy("[date, kind, name] rows, in date order."),
    )
    source = models.CharField(
        gettext_lazy("source"),
        max_length=200,
        blank=True,
        help_text=gettext_lazy("The notice the days come from."),
    )
    revision = models.PositiveIntegerField(gettext_lazy("revision"), default=1)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=gettext_lazy("changed by"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    changed_at = models.DateTimeField(gettext_lazy("changed"), auto_now=True)

    scope = Scope(headquarters_only=True)

    class Meta:
        ordering = ["-year"]
        verbose_name = gettext_lazy("holiday calendar")
        verbose_name_plural = gettext_lazy("holiday calendars")

    def __str__(self):
        return _("Holidays of %(year)d (revision %(revision)d)") % {
            "year": self.year,
            "revision": self.revision,
        }

    @classmethod
    def current_calendar(cls):
        """The entered years as portal.workdays uses them (see current_calendar below)."""
        return current_calendar()

    def as_text(self):
        """The entries in the form the page accepts, one per line."""
        return "\n".join(",".join(row).rstrip(",") for row in self.entries)


def _kind(word):
    word = word.strip().lower()
    return next((kind for kind, words in KIND_WORDS.items() if word in words), None)


def _line_error(number, message):
    return _("Line %(line)d: %(message)s") % {"line": number, "message": message}


def _parse_line(number, cells, year):
    text = cells[0].strip()
    try:
        day = datetime.date.fromisoformat(text)
    except ValueError:
        return None, _line_error(
            number, _("“%(text)s” is not a date (write 2027-02-06).") % {"text": text}
        )
    if day.year != year:
        return None, _line_error(
            number, _("%(day)s is not in %(year)d.") % {"day": day, "year": year}
        )
    kind = _kind(cells[1]) if len(cells) > 1 else None
    if kind is None:
        return None, _line_error(
            number,
            _("%(day)s: say “holiday” (休) or “workday” (班) after the date.") % {"day": day},
        )
    if kind == WORKING_DAY and day.weekday() < 5:
        return None, _line_error(
            number,
            _("%(day)s is a weekday; only a Saturday or Sunday can be an adjusted working day.")
            % {"day": day},
        )
    name = cells[2].strip() if len(cells) > 2 else ""
    return [day.isoformat(), kind, name], None


def parse_entries(text: str, year: int) -> list:
    """Rows "date, kind, name" (comma, tab or semicolon) as entries; errors name line and date."""
    lines = [line for line in text.replace("\t", ",").replace(";", ",").splitlines()]
    rows, errors, seen = [], [], {}
    for number, cells in enumerate(csv.reader(lines), start=1):
        if not cells or not "".join(cells).strip() or cells[0].strip().startswith("#"):
            continue
        row, error = _parse_line(number, cells, year)
        if error is None and row[0] in seen:
            error = _line_error(
                number,
                _("%(day)s is already given on line %(line)d.")
                % {"day": row[0], "line": seen[row[0]]},
            )
        if error:
            errors.append(error)
            continue
        seen[row[0]] = number
        rows.append(row)
    if not rows and not errors:
        errors.append(_("Give at least one day."))
    if errors:
        raise ValidationError(errors)
    return sorted(rows)


@transaction.atomic
def enter_year(year: int, text: str, user, source: str = "") -> HolidayCalendar:
    """Enter or correct a year; a change raises the revision and fires calendar_changed."""
    if year < workdays.FIRST_YEAR or year > 2099:
        raise ValidationError(
            _("The year must be between %(first)d and 2099.") % {"first": workdays.FIRST_YEAR}
        )
    entries = parse_entries(text, year)
    calendar = HolidayCalendar.objects.select_for_update().filter(year=year).first()
    if calendar is None:
        calendar = HolidayCalendar(year=year, revision=0)
    if calendar.entries == entries and calendar.source == source.strip():
        return calendar
    calendar.entries = entries
    calendar.source = source.strip()
    calendar.revision += 1
    calendar.changed_by = user
    calendar.save()
    transaction.on_commit(lambda: _announce(year))
    return calendar


def _announce(year):
    workdays.calendar_changed.send(
        sender=HolidayCalendar, year=year, version=current_calendar().version
    )


def current_calendar() -> workdays.EnteredCalendar:
    """The entered years as portal.workdays uses them: one small query, so always current.

    Computing many deadlines at once, load it once and pass it as ``calendar=``.
    """
    rows = list(HolidayCalendar.objects.order_by("year").values_list("year", "revision", "entries"))
    days_off, working_days = set(), set()
    for _year, _revision, entries in rows:
        for day, kind, _name in entries:
            chosen = days_off if kind == DAY_OFF else working_days
            chosen.add(datetime.date.fromisoformat(day))
    return workdays.EnteredCalendar(
        frozenset(days_off),
        frozenset(working_days),
        frozenset(year for year, _revision, _entries in rows),
        tuple((year, revision) for year, revision, _entries in rows),
    )
