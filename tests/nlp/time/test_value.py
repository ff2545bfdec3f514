"""TimexValue: TIMEX3 calendar values parsed once, written back unchanged, and asked what callers need."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsfuse.nlp.time import TimexValue
from newsfuse.nlp.time.value import PRECISIONS, SEASONS

_CLOCKS = st.builds(lambda h, m: f"{h:02d}:{m:02d}", st.integers(0, 23), st.integers(0, 59))
_TIMES = st.one_of(_CLOCKS, st.sampled_from(["MO", "MI", "AF", "EV", "NI", "DT"]))


def _maybe(strategy):
    return st.one_of(st.none(), strategy)


@st.composite
def timex_values(draw) -> TimexValue:
    """Any value the type can hold: each precision with its fields, any of them unknown (X)."""
    precision = draw(st.sampled_from(PRECISIONS))
    year = draw(_maybe(st.integers(1, 9999)))
    time = draw(_TIMES) if precision == "time" else None if precision == "day" else draw(_maybe(_TIMES))
    if precision in ("day", "time"):
        if draw(st.booleans()):  # written by week: "XXXX-WXX-3"
            return TimexValue(precision, year, week=draw(_maybe(st.integers(1, 53))), weekday=draw(st.integers(1, 7)),
                              time=time)
        return TimexValue(precision, year, draw(_maybe(st.integers(1, 12))), draw(_maybe(st.integers(1, 31))),
                          time=time)
    fields = {
        "month": {"month": draw(_maybe(st.integers(1, 12)))},
        "week": {"week": draw(_maybe(st.integers(1, 53)))},
        "weekend": {"week": draw(_maybe(st.integers(1, 53)))},
        "quarter": {"quarter": draw(_maybe(st.integers(1, 4)))},
        "half": {"half": draw(_maybe(st.integers(1, 2)))},
        "season": {"season": draw(st.sampled_from(SEASONS))},
    }.get(precision, {})
    return TimexValue(precision, year, time=time, **fields)


# Values the tagger writes, from the call sites that read them.
@pytest.mark.parametrize(("value", "precision", "fields"), [
    ("2026-01-28", "day", {"year": 2026, "month": 1, "day": 28}),
    ("2025-10", "month", {"year": 2025, "month": 10}),
    ("2024", "year", {"year": 2024}),
    ("2025-W12", "week", {"year": 2025, "week": 12}),
    ("2025-W12-WE", "weekend", {"year": 2025, "week": 12}),
    ("XXXX-10-15", "day", {"month": 10, "day": 15}),
    ("2026-01-28T15:00", "time", {"year": 2026, "month": 1, "day": 28, "time": "15:00"}),
    ("2025-Q1", "quarter", {"year": 2025, "quarter": 1}),
    ("2025-H2", "half", {"year": 2025, "half": 2}),
    ("2025-WI", "season", {"year": 2025, "season": "WI"}),
    ("XXXX-WXX-3", "day", {"weekday": 3}),
    ("XXXX-WXX-5TNI", "time", {"weekday": 5, "time": "NI"}),
    ("XXXX-XX-XX", "day", {}),
])
def test_parse_reads_each_field(value, precision, fields):
    v = TimexValue.parse(value)
    assert v == TimexValue(precision, **fields)
    assert str(v) == value


@pytest.mark.parametrize("value", ["P3M", "PT2H", "PRESENT_REF", "PAST_REF", "199X", "199", "19", "", None, "2025-13",
                                   "2025-10-32", "2025-W54", "2025-Q5", "October 2025", "2025-10-15 "])
def test_parse_refuses_what_is_no_calendar_value(value):
    assert TimexValue.parse(value) is None


@given(timex_values())
def test_a_value_parses_back_from_its_string(v):
    assert TimexValue.parse(str(v)) == v


@given(timex_values())
def test_a_value_written_with_x_is_not_known(v):
    assert v.known == ("X" not in str(v))


@given(timex_values(), st.sampled_from(PRECISIONS))
def test_coarsening_never_refines_and_keeps_the_year(v, precision):
    coarse = v.coarsen(precision)
    assert PRECISIONS.index(coarse.precision) <= PRECISIONS.index(v.precision)
    # Only two things move the year: winter (January is in the winter that began the December
    # before) and an ISO week, whose days may lie in the calendar year before or after (2025-W01-1
    # is 2024-12-30).
    years = {v.year} | ({v.date.year} if v.by_week and v.date is not None else set())
    if coarse.season == "WI":
        years |= {y - 1 for y in years if y is not None}
    assert coarse.year in years
    assert coarse.coarsen(precision) == coarse
    assert precision == "time" or coarse.time is None


@given(timex_values(), st.sampled_from(PRECISIONS))
def test_a_value_agrees_with_its_coarser_self(v, precision):
    coarse = v.coarsen(precision)
    if coarse.precision in ("year", "month", "day") and v.date is not None:
        assert v.agrees(coarse) and coarse.agrees(v)


@given(timex_values())
def test_start_and_end_hold_the_period(v):
    start, end = v.start(), v.end()
    if start is None:
        assert not v.known or end is None
        return
    assert start <= end
    if v.date is not None:
        assert start <= v.date <= end


@given(timex_values())
def test_calendar_keeps_year_month_and_day_only(v):
    calendar = v.calendar()
    if v.year is None:
        assert calendar is None
        return
    assert calendar.precision in ("year", "month", "day") and calendar.time is None
    assert str(v).startswith(str(calendar)) or v.by_week or "X" in str(v)


@given(st.dates(min_value=date(1, 1, 1)), _maybe(_TIMES))
def test_a_day_is_its_date(day, time):
    v = TimexValue.parse(day.isoformat() + (f"T{time}" if time else ""))
    assert v.date == day
    assert str(v.coarsen("day")) == day.isoformat()
    assert v.start() == v.end() == day


def test_an_impossible_day_has_no_date():
    v = TimexValue.parse("2025-02-30")
    assert v is not None and v.has_calendar_day and v.date is None


def test_a_weekday_of_a_known_week_is_a_date():
    assert TimexValue.parse("2025-W12-3").date == date(2025, 3, 19)


@pytest.mark.parametrize(("value", "precision", "expected"), [
    ("2026-01-28T15:00", "day", "2026-01-28"),
    ("2026-01-28", "month", "2026-01"),
    ("2026-01-28", "quarter", "2026-Q1"),
    ("2026-01-28", "season", "2025-WI"),  # winter is named by the year it starts in
    ("2025-08-01", "half", "2025-H2"),
    ("2025-W12-3", "month", "2025-03"),
    ("2025-W12", "month", "2025"),  # a week may straddle two months
    ("XXXX-10-15", "month", "XXXX-10"),
    ("2025-10", "day", "2025-10"),
])
def test_coarsen(value, precision, expected):
    assert str(TimexValue.parse(value).coarsen(precision)) == expected


@pytest.mark.parametrize(("value", "expected"), [
    ("2026-01-28T15:00", "2026-01-28"), ("2025-10-XX", "2025-10"), ("2025-XX", "2025"), ("2025-Q1", "2025"),
    ("2025-W12", "2025"), ("2025-10TMO", "2025-10"), ("XXXX-10-15", None),
])
def test_calendar(value, expected):
    calendar = TimexValue.parse(value).calendar()
    assert (str(calendar) if calendar is not None else None) == expected


@pytest.mark.parametrize(("a", "b", "finest", "expected"), [
    ("2025-10", "2025-10-15", "time", True),
    ("2025", "2025-10-15", "time", True),
    ("2025-10-03", "2025-10-15", "time", False),
    ("2025-10-03", "2025-10-15", "month", True),
    ("2025-11-03", "2025-10-15", "month", False),
    ("2025-10-15", "2025-10-15T09:00", "time", True),
    ("2024", "2025-10", "time", False),
])
def test_agrees(a, b, finest, expected):
    va, vb = TimexValue.parse(a), TimexValue.parse(b)
    assert va.agrees(vb, finest) == expected
    assert vb.agrees(va, finest) == expected


@pytest.mark.parametrize(("value", "start", "end"), [
    ("2025", date(2025, 1, 1), date(2025, 12, 31)),
    ("2025-Q3", date(2025, 7, 1), date(2025, 9, 30)),
    ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),
    ("2025-WI", date(2025, 12, 1), date(2026, 2, 28)),
    ("2025-W12", date(2025, 3, 17), date(2025, 3, 23)),
    ("2025-W12-WE", date(2025, 3, 22), date(2025, 3, 23)),
    ("XXXX-10", None, None),
    ("2025-XX", None, None),
])
def test_start_and_end(value, start, end):
    v = TimexValue.parse(value)
    assert (v.start(), v.end()) == (start, end)


@pytest.mark.parametrize(("value", "by_month", "bare_weekday"), [
    ("2025", True, False), ("XXXX-10-15", True, False), ("2026-01-28T15:00", True, False),
    ("2025-XX", False, False), ("2025-Q1", False, False), ("XXXX-WXX-3", False, True),
    ("XXXX-WXX-3TMO", False, True), ("2025-W12-3", False, False),
])
def test_how_a_value_is_written(value, by_month, bare_weekday):
    v = TimexValue.parse(value)
    assert (v.by_month, v.bare_weekday) == (by_month, bare_weekday)


def test_with_year_places_a_yearless_value():
    assert str(TimexValue.parse("XXXX-10-15").with_year(2025)) == "2025-10-15"
