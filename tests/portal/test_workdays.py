"""Working-day arithmetic on the official calendar, the entered years and the rule (no database)."""

import datetime

import chinese_calendar
import pytest
from lunardate import LunarDate

from portal import workdays
from portal.workdays import EnteredCalendar, add_working_days, deadline, working_days_between

D = datetime.date
NONE_ENTERED = EnteredCalendar()

# (start, kind of start day, n, expected): results read off the State Council notices.
KNOWN = [
    # 2019 National Day: 1-7 Oct off, Sunday 29 Sep and Saturday 12 Oct worked.
    (D(2019, 9, 27), "working day", 1, D(2019, 9, 29)),
    (D(2019, 9, 27), "working day", 3, D(2019, 10, 8)),
    (D(2019, 9, 27), "working day", 7, D(2019, 10, 12)),
    (D(2019, 9, 27), "working day", 45, D(2019, 12, 4)),
    (D(2019, 9, 28), "weekend", 1, D(2019, 9, 29)),
    (D(2019, 9, 29), "adjusted working weekend", 1, D(2019, 9, 30)),
    (D(2019, 9, 29), "adjusted working weekend", 2, D(2019, 10, 8)),
    (D(2019, 10, 1), "holiday", 1, D(2019, 10, 8)),
    (D(2019, 10, 7), "last day of a holiday", 1, D(2019, 10, 8)),
    (D(2019, 10, 7), "last day of a holiday", 5, D(2019, 10, 12)),
    (D(2019, 11, 29), "working day", 20, D(2019, 12, 27)),
    (D(2019, 11, 30), "weekend", 1, D(2019, 12, 2)),  # where find_workday says 3 Dec
    # 2020 Spring Festival, extended to 2 Feb; Sunday 19 Jan worked.
    (D(2020, 1, 18), "weekend", 1, D(2020, 1, 19)),
    (D(2020, 1, 19), "adjusted working weekend", 1, D(2020, 1, 20)),
    (D(2020, 1, 20), "working day", 7, D(2020, 2, 6)),
    (D(2020, 1, 23), "working day", 1, D(2020, 2, 3)),
    (D(2020, 1, 24), "holiday", 1, D(2020, 2, 3)),
    (D(2020, 2, 2), "last day of a holiday", 1, D(2020, 2, 3)),
    # 2021 Spring Festival: 11-17 Feb off, Sunday 7 and Saturday 20 Feb worked.
    (D(2021, 2, 6), "weekend", 1, D(2021, 2, 7)),
    (D(2021, 2, 10), "working day", 1, D(2021, 2, 18)),
    (D(2021, 2, 17), "last day of a holiday", 3, D(2021, 2, 20)),
    # 2025 (new regulation, New Year's Eve off): 28 Jan-4 Feb off, 26 Jan and 8 Feb worked.
    (D(2025, 1, 25), "weekend", 1, D(2025, 1, 26)),
    (D(2025, 1, 27), "working day", 1, D(2025, 2, 5)),
    (D(2025, 2, 4), "last day of a holiday", 4, D(2025, 2, 8)),
    # 2025 National Day with Mid-Autumn: 1-8 Oct off, 28 Sep and 11 Oct worked.
    (D(2025, 9, 26), "working day", 1, D(2025, 9, 28)),
    (D(2025, 10, 3), "holiday", 1, D(2025, 10, 9)),
    (D(2025, 10, 8), "last day of a holiday", 3, D(2025, 10, 11)),
    # 2026 National Day: 1-7 Oct off, Saturday 10 Oct worked.
    (D(2026, 9, 30), "working day", 1, D(2026, 10, 8)),
    (D(2026, 10, 4), "holiday", 3, D(2026, 10, 10)),
]


@pytest.mark.parametrize("start,kind,n,expected", KNOWN, ids=lambda v: str(v))
def test_the_nth_working_day_after_each_kind_of_start_day(start, kind, n, expected):
    assert add_working_days(start, n, NONE_ENTERED) == expected
    assert working_days_between(start, expected, NONE_ENTERED) == n
    assert working_days_between(expected, start, NONE_ENTERED) == -n


@pytest.mark.parametrize("start,kind,n,expected", KNOWN, ids=lambda v: str(v))
def test_the_result_is_always_a_working_day_and_never_the_start(start, kind, n, expected):
    result = add_working_days(start, n, NONE_ENTERED)
    assert result > start
    assert chinese_calendar.is_workday(result)


def test_zero_days_is_the_start_and_negative_is_refused():
    assert add_working_days(D(2019, 10, 1), 0, NONE_ENTERED) == D(2019, 10, 1)
    with pytest.raises(ValueError):
        add_working_days(D(2019, 10, 1), -1, NONE_ENTERED)


def test_years_before_the_calendar_are_refused():
    with pytest.raises(ValueError, match="2004"):
        workdays.is_working_day(D(2003, 12, 31), NONE_ENTERED)


def test_a_deadline_reaching_into_an_unknown_year_is_provisional():
    result = deadline(D(2026, 12, 24), 7, NONE_ENTERED)
    # 25, 28-31 Dec; 1 Jan 2027 is New Year's Day by rule; 4 and 5 Jan.
    assert result.date == D(2027, 1, 5)
    assert result.provisional
    assert not deadline(D(2026, 12, 1), 7, NONE_ENTERED).provisional
    assert workdays.is_provisional(D(2027, 1, 5), NONE_ENTERED)
    assert not workdays.is_provisional(D(2026, 12, 31), NONE_ENTERED)


def test_the_rule_gives_2027s_statutory_days_off():
    days = workdays.statutory_days_off(2027)
    assert len(days) == 13
    spring = sorted(d for d, name in days.items() if name == "Spring Festival")
    assert spring == [D(2027, 2, 5), D(2027, 2, 6), D(2027, 2, 7), D(2027, 2, 8)]
    assert not workdays.is_working_day(D(2027, 2, 8), NONE_ENTERED)  # a Monday
    assert workdays.is_working_day(D(2027, 2, 9), NONE_ENTERED)


# The days the rule finds with lunardate and the solar terms, by the official name of the day.
LUNAR_AND_SOLAR_TERM_DAYS = {
    "Spring Festival": lambda year: LunarDate(year, 1, 1).to_solar_date(),
    "Tomb-sweeping Day": lambda year: min(
        d for d, n in workdays.statutory_days_off(year).items() if n == "Tomb-sweeping Day"
    ),
    "Dragon Boat Festival": lambda year: LunarDate(year, 5, 5).to_solar_date(),
    "Mid-autumn Festival": lambda year: LunarDate(year, 8, 15).to_solar_date(),
}


# Qingming, Dragon Boat and Mid-Autumn became public holidays in 2008.
FESTIVAL_YEARS = [
    (festival, year)
    for festival in LUNAR_AND_SOLAR_TERM_DAYS
    for year in workdays.PACKAGE_YEARS
    if festival == "Spring Festival" or year >= 2008
]


@pytest.mark.parametrize("festival,year", FESTIVAL_YEARS)
def test_the_rules_lunar_and_solar_term_days_are_the_official_holidays(festival, year):
    """lunardate and the solar terms agree with every year chinesecalendar knows."""
    day = LUNAR_AND_SOLAR_TERM_DAYS[festival](year)
    assert day in workdays.statutory_days_off(year)
    on_holiday, name = chinese_calendar.get_holiday_detail(day)
    assert on_holiday
    # 2020: Mid-Autumn inside the National Day holiday, named after it; the package
    # names no festival on a weekend day it would be off anyway (Dragon Boat 2012).
    assert name in (festival, "National Day") or (name is None and day.weekday() >= 5), day


def test_the_rules_spring_festival_starts_on_new_years_eve_as_since_2025():
    for year in (2025, 2026):
        days = sorted(
            d for d, n in workdays.statutory_days_off(year).items() if n == "Spring Festival"
        )
        assert all(not chinese_calendar.is_workday(d) for d in days), year
        assert days[0] == LunarDate(year, 1, 1).to_solar_date() - datetime.timedelta(days=1)


def test_headquarters_entries_replace_the_rule_for_their_year():
    entered = EnteredCalendar(
        days_off=frozenset({D(2027, 1, 1)}),
        working_days=frozenset({D(2027, 1, 9)}),  # a Saturday, for the example
        years=frozenset({2027}),
        revisions=((2027, 1),),
    )
    assert workdays.is_working_day(D(2027, 1, 9), entered)
    assert not workdays.is_working_day(D(2027, 1, 1), entered)
    assert not workdays.is_provisional(D(2027, 1, 5), entered)
    result = deadline(D(2026, 12, 24), 7, entered)
    assert (result.date, result.provisional) == (D(2027, 1, 5), False)
    assert result.calendar_version == f"{workdays.PACKAGE_VERSION}+2027r1"
    assert result.calendar_version != deadline(D(2026, 12, 24), 7, NONE_ENTERED).calendar_version


def test_an_entered_year_corrects_the_package():
    corrected = EnteredCalendar(days_off=frozenset({D(2019, 9, 30)}), years=frozenset({2019}))
    assert not workdays.is_working_day(D(2019, 9, 30), corrected)
    assert not workdays.is_working_day(D(2019, 9, 29), corrected)  # weekend, not re-entered
