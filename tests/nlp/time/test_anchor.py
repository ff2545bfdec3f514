"""Calendar arithmetic and choosing occurrences (no model needed)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsfuse.nlp.time.anchor import FUTURE, PAST, Point, choose, floor, holiday_date, parse_point, shift, year_of_undated

WEDNESDAY = date(2026, 1, 28)


@pytest.mark.parametrize(
    ("grain", "day", "value"),
    [
        ("D", date(2026, 1, 28), "2026-01-28"), ("M", date(2025, 10, 1), "2025-10"), ("Y", date(2024, 1, 1), "2024"),
        ("Q", date(2025, 7, 1), "2025-Q3"), ("H", date(2025, 7, 1), "2025-H2"), ("W", date(2025, 1, 20), "2025-W04"),
        ("WE", date(2026, 1, 26), "2026-W05-WE"), ("SE", date(2025, 6, 1), "2025-SU"), ("DE", date(1950, 1, 1), "195"),
        ("CE", date(1901, 1, 1), "19"),
    ],
)
def test_point_values(grain, day, value):
    assert Point(grain, day).value() == value


@given(st.dates(min_value=date(1000, 2, 1), max_value=date(9998, 11, 30)),
       st.sampled_from(["D", "M", "Y", "Q", "H", "W", "SE"]))
def test_values_parse_back_to_the_same_point(day, grain):
    point = Point(grain, floor(day, grain))
    assert parse_point(point.value()) == point


def test_shift_keeps_to_the_calendar():
    assert shift(date(2024, 1, 31), "M", 1) == date(2024, 2, 29)
    assert shift(date(2026, 1, 28), "Q", -1) == date(2025, 10, 28)
    assert shift(date(2026, 1, 28), "W", -1) == date(2026, 1, 21)


def test_holidays():
    assert holiday_date("thanksgiving", 2024) == date(2024, 11, 28)
    assert holiday_date("easter", 2000) == date(2000, 4, 23)
    assert holiday_date("memorial day", 2025) == date(2025, 5, 26)
    assert holiday_date("election day", 1998) == date(1998, 11, 3)


def _wednesdays():
    return [Point("D", date(2026, 1, 14)), Point("D", date(2026, 1, 21)), Point("D", WEDNESDAY),
            Point("D", date(2026, 2, 4))]


def test_weekday_by_tense():
    fridays = [Point("D", date(2026, 1, 23)), Point("D", date(2026, 1, 30))]
    assert choose(fridays, WEDNESDAY, PAST, past_penalty=14, future_penalty=14).day == date(2026, 1, 23)
    assert choose(fridays, WEDNESDAY, FUTURE, past_penalty=14, future_penalty=14).day == date(2026, 1, 30)
    # The report's own day counts for both "will meet on Wednesday" and "met on Wednesday".
    assert choose(_wednesdays(), WEDNESDAY, FUTURE, future_penalty=14).day == WEDNESDAY
    assert choose(_wednesdays(), WEDNESDAY, PAST, past_penalty=14).day == WEDNESDAY


def test_month_by_tense_and_distance():
    decembers = [Point("M", date(2025, 12, 1)), Point("M", date(2026, 12, 1))]
    assert choose(decembers, WEDNESDAY, PAST, past_penalty=180, future_penalty=366).value() == "2025-12"
    assert choose(decembers, WEDNESDAY, FUTURE, past_penalty=180, future_penalty=366).value() == "2026-12"
    # A date five weeks ahead in a past-tense report ("declared a dividend, payable Dec. 7").
    days = [Point("D", date(1988, 12, 7)), Point("D", date(1989, 12, 7))]
    assert choose(days, date(1989, 10, 27), PAST, past_penalty=180).value() == "1989-12-07"


def test_last_and_next_exclude_the_anchor_stretch():
    aprils = [Point("M", date(y, 4, 1)) for y in (2025, 2026, 2027)]
    assert choose(aprils, date(2026, 4, 15), None, direction=-1).value() == "2025-04"
    assert choose(aprils, date(2026, 4, 15), None, direction=1).value() == "2027-04"
    assert choose(aprils, date(2026, 10, 1), None, direction=-1).value() == "2026-04"


@pytest.mark.parametrize(
    ("month", "day", "reference", "not_after", "year"),
    [
        (1, 28, date(2026, 2, 3), False, 2026),  # "on January 28" in a report of 2026-02-03
        (12, 30, date(2026, 1, 2), False, 2025),  # the nearest occurrence may lie in the year before
        (1, 2, date(2025, 12, 30), False, 2026),  # or after
        (10, None, date(2026, 2, 3), True, 2025),  # "in October", looked back on: last October
        (2, None, date(2026, 2, 3), True, 2026),  # a month begins on its first day
        (2, 4, date(2026, 2, 3), True, 2025),
        (2, 29, date(2026, 2, 3), False, None),  # no year next to 2026 has the day
        (2, 29, date(2025, 2, 3), False, 2024),
    ],
)
def test_the_year_of_a_date_written_without_one(month, day, reference, not_after, year):
    assert year_of_undated(month, day, reference, not_after=not_after) == year


@given(st.integers(1, 12), st.integers(1, 28), st.dates(date(1900, 1, 1), date(2100, 12, 31)))
def test_the_undated_day_is_placed_within_half_a_year_of_the_reference(month, day, reference):
    placed = date(year_of_undated(month, day, reference), month, day)
    assert abs((placed - reference).days) <= 183
    assert date(year_of_undated(month, day, reference, not_after=True), month, day) <= reference
