"""Working days: statutory deadlines counted on China's official calendar (pure, no database).

A year's calendar comes from, in this order:

1. the years headquarters entered in the portal (``portal.holidays``), passed in as an
   ``EnteredCalendar`` (a correction of a year the package knows wins over the package);
2. the ``chinesecalendar`` package (2004 to its last announced year);
3. beyond both, the statutory holidays of the national holiday regulation as revised from
   2025 (全国年节及纪念日放假办法), without the adjusted weekends nobody can know yet:
   such dates are *provisional*.

The day a period starts from is not counted (a period starts the next day). Functions
take ``calendar=``; when it is omitted, the entered years are loaded from the database
(``portal.holidays.current_calendar()``), so pass one in when computing many deadlines.
"""

import datetime
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.metadata import version

import chinese_calendar
from chinese_calendar import constants
from django.apps import apps
from django.dispatch import Signal
from django.utils.translation import gettext_noop
from lunardate import LunarDate

ONE_DAY = datetime.timedelta(days=1)
PACKAGE_YEARS = range(min(constants.holidays).year, max(constants.holidays).year + 1)
PACKAGE_VERSION = f"chinesecalendar-{version('chinesecalendar')}"
FIRST_YEAR = PACKAGE_YEARS.start

# Sent (after the transaction commits) when headquarters enters or corrects a year.
# Arguments: sender (the model class), year (int), version (the new calendar version).
# Apps that store deadlines recompute those whose stored calendar_version differs.
calendar_changed = Signal()


@dataclass(frozen=True)
class EnteredCalendar:
    """The years headquarters entered: days off and adjusted working days, and its version."""

    days_off: frozenset = field(default_factory=frozenset)
    working_days: frozenset = field(default_factory=frozenset)
    years: frozenset = field(default_factory=frozenset)
    revisions: tuple = ()  # ((year, revision), ...) in year order

    @property
    def version(self) -> str:
        """Changes whenever a year is entered or corrected."""
        entered = "".join(f"+{year}r{revision}" for year, revision in self.revisions)
        return PACKAGE_VERSION + entered


@dataclass(frozen=True)
class Deadline:
    """A computed deadline, whether it rests on a provisional year, and the calendar used."""

    date: datetime.date
    provisional: bool
    calendar_version: str


@lru_cache(maxsize=256)
def statutory_days_off(year: int) -> dict:
    """The regulation's 13 holiday dates of a year, by rule: {date: English name to translate}."""
    new_year = LunarDate(year, 1, 1).to_solar_date()
    days = {datetime.date(year, 1, 1): gettext_noop("New Year's Day")}
    for offset in range(-1, 3):
        days[new_year + offset * ONE_DAY] = gettext_noop("Spring Festival")
    (qingming,) = [d for d, name in _solar_terms(year, 4) if name == "清明"]
    days[qingming] = gettext_noop("Tomb-sweeping Day")
    days[datetime.date(year, 5, 1)] = days[datetime.date(year, 5, 2)] = gettext_noop("Labour Day")
    days[LunarDate(year, 5, 5).to_solar_date()] = gettext_noop("Dragon Boat Festival")
    days[LunarDate(year, 8, 15).to_solar_date()] = gettext_noop("Mid-autumn Festival")
    for day in (1, 2, 3):
        days.setdefault(datetime.date(year, 10, day), gettext_noop("National Day"))
    return days


def _solar_terms(year, month):
    first = datetime.date(year, month, 1)
    return chinese_calendar.get_solar_terms(first, first + 29 * ONE_DAY)


def _entered(calendar):
    if calendar is not None:
        return calendar
    # The database loader is portal.holidays, which imports this module: reach it by the registry.
    return apps.get_model("portal", "HolidayCalendar").current_calendar()


def _source(year, calendar):
    if year < FIRST_YEAR:
        raise ValueError(f"no working-day calendar before {FIRST_YEAR} (asked for {year})")
    if year in calendar.years:
        return "entered"
    return "package" if year in PACKAGE_YEARS else "rule"


def _package_working_day(day):
    # chinese_calendar.is_workday's rule on its own tables: the package checks the year
    # range with min()/max() over every holiday on each call (5 ms per deadline).
    return day in constants.workdays or (day.weekday() < 5 and day not in constants.holidays)


def _is_working_day(day, calendar):
    source = _source(day.year, calendar)
    if source == "package":
        return _package_working_day(day)
    if source == "entered":
        if day in calendar.working_days:
            return True
        return day.weekday() < 5 and day not in calendar.days_off
    return day.weekday() < 5 and day not in statutory_days_off(day.year)


def is_working_day(day: datetime.date, calendar: EnteredCalendar | None = None) -> bool:
    """Whether people work that day: Monday to Friday except holidays, plus adjusted weekends."""
    return _is_working_day(day, _entered(calendar))


def is_provisional(day: datetime.date, calendar: EnteredCalendar | None = None) -> bool:
    """Whether the day's year is known only by the regulation's rule (no official calendar)."""
    return _source(day.year, _entered(calendar)) == "rule"


def add_working_days(
    start: datetime.date, n: int, calendar: EnteredCalendar | None = None
) -> datetime.date:
    """The n-th working day after ``start`` (``start`` itself is not counted)."""
    if n < 0:
        raise ValueError("n must not be negative")
    calendar = _entered(calendar)
    day = start
    while n:
        day += ONE_DAY
        if _is_working_day(day, calendar):
            n -= 1
    return day


def working_days_between(
    a: datetime.date, b: datetime.date, calendar: EnteredCalendar | None = None
) -> int:
    """Working days after ``a`` up to and including ``b`` (negative when ``b`` is earlier)."""
    if b < a:
        return -working_days_between(b, a, calendar)
    calendar = _entered(calendar)
    days = (a + i * ONE_DAY for i in range(1, (b - a).days + 1))
    return sum(1 for day in days if _is_working_day(day, calendar))


def deadline(start: datetime.date, n: int, calendar: EnteredCalendar | None = None) -> Deadline:
    """The n-th working day after ``start``, provisional if it counts through a ruled year."""
    calendar = _entered(calendar)
    end = add_working_days(start, n, calendar)
    years = range((start + ONE_DAY).year, end.year + 1)
    provisional = any(_source(year, calendar) == "rule" for year in years)
    return Deadline(end, provisional, calendar.version)
