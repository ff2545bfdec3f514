"""Tests for claim slots: figures read as intervals with what they count, calendar values compared."""

from __future__ import annotations


import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsfuse.fuse.claims.slots import (
    Amount,
    bounds,
    calendar_values,
    compatible,
    dates_clash,
    dates_meet,
    days_between,
    days_from,
    find_numbers,
    read_amount,
    written_step,
    rounding_step,
)
from newsfuse.lexicon import read_number
from newsfuse.model import Number, TimeValue


def amounts_of(text: str) -> list[Amount]:
    """The amounts of every number the parse-free reader finds in ``text``."""
    return [a for a in (read_amount(n, text) for n in find_numbers(text, 0, len(text))) if a is not None]


def one(text: str) -> Amount:
    found = amounts_of(text)
    assert len(found) == 1, found
    return found[0]


def test_approximate_counts_meet_only_when_close():
    about_1200 = one("about 1,200 workers joined the strike")
    assert about_1200.kind == "cardinal" and about_1200.value == 1200
    assert not about_1200.meets(one("about 1,500 dockworkers kept up the strike"))
    assert about_1200.meets(one("about 1,300 members stopped work"))  # two roundings can both be right
    assert about_1200.meets(one("some 1,250 workers stopped work"))
    assert not about_1200.meets(one("fewer than 900 of its staff stayed away"))


def test_open_bounds_reach_half_again_their_value():
    assert one("more than 20 ships were diverted").meets(one("29 ships were diverted"))
    assert not one("at least 14 ships were diverted").meets(one("23 vessels were diverted"))
    assert one("at least 14 ships were diverted").meets(one("17 vessels were diverted"))
    assert not one("fewer than 900 of its staff stayed away").meets(one("400 staff stayed away"))


def test_open_bounds_are_open_when_two_figures_are_compared():
    assert compatible(one("at least 14 ships were diverted"), one("17 vessels were diverted"))
    assert compatible(one("more than 20 ships were diverted"), one("31 ships were diverted"))
    assert not compatible(one("at least 14 ships were diverted"), one("12 ships were diverted"))
    assert compatible(one("fewer than 900 staff stayed away"), one("600 staff stayed away"))
    assert not compatible(one("fewer than 900 staff stayed away"), one("about 1,200 staff stayed away"))


def test_a_rounded_figure_covers_what_it_rounds():
    assert rounding_step(one("the fund paid $43 million")) == 1e6
    assert rounding_step(one("a budget of 4.5 billion euros")) == pytest.approx(1e8)
    assert rounding_step(one("about 1,200 workers")) == 100
    assert rounding_step(one("1,234 workers")) == rounding_step(one("300 workers")) == 0
    assert rounding_step(one("a 6% pay rise")) == 0  # shares are compared as written
    assert compatible(one("the fund paid $43 million"), one("the fund paid $43,885,310"))
    assert not compatible(one("the fund paid $43 million"), one("the fund paid $45,200,000"))
    assert compatible(one("1,200 workers joined"), one("1,249 workers joined"))
    assert not compatible(one("about 1,200 workers joined"), one("about 1,500 workers joined"))
    assert not compatible(one("1,234 workers joined"), one("1,270 workers joined"))


def test_a_round_figure_before_a_scale_word_covers_its_neighbours():
    assert compatible(one("signed him to an $80 million contract"), one("signed him to an $82 million deal"))
    assert not compatible(one("signed him to an $80 million contract"), one("signed him to a $95 million deal"))
    assert not compatible(one("the fund paid $100 million"), one("the fund paid $150 million"))
    assert not compatible(one("the fund paid $43 million"), one("the fund paid $45 million"))


def quantity(text: str, written: str) -> Amount | None:
    start = text.index(written)
    return read_amount(Number(start, start + len(written), written, read_number(written), "quantity"), text)


def test_quantities_compare_in_one_unit_of_their_dimension():
    miles, km = quantity("the fire spread about 15 miles along the coast", "about 15 miles"), quantity(
        "the fire spread about 24km along the coast", "about 24km")
    assert miles.noun == km.noun == "length" and compatible(miles, km)
    assert not compatible(miles, quantity("the fire spread about 40km along the coast", "about 40km"))
    half = quantity("he drank a half-liter of vodka", "half-liter")
    assert half.noun == "volume" and compatible(half, quantity("he drank 1/2 liter of vodka", "1/2 liter"))
    assert quantity("he drank 2 pints of beer", "2 pints").noun == "pint"  # a unit not listed meets only itself


def test_a_range_reaches_its_upper_end():
    count = one("between 10-15 people were hurt")
    assert (count.lo, count.hi) == pytest.approx((9.9, 15.15))
    assert compatible(count, one("14 people were hurt")) and not compatible(count, one("30 people were hurt"))


def test_a_range_written_in_two_figures_reaches_its_lower_end():
    worst = amounts_of("the worst hit villages sustained between 40 and 80 percent damage")[-1]
    other = amounts_of("40 percent to 70 percent of the buildings were destroyed")[-1]
    assert worst.kind == other.kind == "percent" and worst.lo == pytest.approx(39.6)
    assert compatible(worst, other)  # two ranges that meet
    assert not compatible(worst, one("only 20 percent of the buildings were destroyed"))
    offers = amounts_of("offers from $140 to $150 million")[-1]
    assert offers.lo == pytest.approx(140e6, rel=0.02) and compatible(offers, one("a $145 million offer"))
    assert not compatible(offers, one("a $200 million contract"))


def test_scores_records_and_names_with_numbers_are_not_counts():
    for text in ("a disappointing 9-14 start to the season", "the Sixers won 88-72 on Friday",
                 "the 76ers have struggled", "he carried an AK-47 rifle", "seized an AK 47 rifle",
                 "stopped at 117th Street and 97th Avenue", "a 3D printer", "drove a four-by-four car",
                 "drove a four-by- four car"):
        assert [a for a in amounts_of(text) if a.kind == "cardinal"] == [], text
    assert [a.value for a in amounts_of("two AK-47 rifles were found")] == [2]
    assert amounts_of("the plant lies about 24km north of the city") == []


def test_exact_figures_written_differently_agree_but_different_ones_do_not():
    assert one("a 6.5% pay rise").meets(one("a pay rise of 6.50%"))
    assert not one("a 6.5% pay rise").meets(one("a 6% pay rise"))
    assert one("a 6.5% pay rise").kind == "percent"


def test_a_figure_with_a_scale_word_stands_for_what_rounds_to_it():
    assert written_step("$43 million") == 1e6 and written_step("1.25 billion") == 1e7
    assert written_step("$43,885,310") == 0.0 and written_step("1,200") == 0.0
    assert written_step("$5M") == 1e6 and written_step("2.5 Million") == 1e5  # any case, as the text has it
    assert one("the estate was worth $43 million").meets(one("the estate was worth $43,200,000"))
    assert one("the deal is worth 1.2 billion euros").meets(one("the deal is worth 1.23 billion euros"))
    assert not one("the deal is worth 1.2 billion euros").meets(one("the deal is worth 1.3 billion euros"))
    assert not one("the estate was worth $43 million").meets(one("the estate was worth $45 million"))


def test_durations_compare_in_days():
    hours = one("a 72 hours walkout")
    assert hours.kind == "duration" and hours.meets(one("a three days walkout"))
    assert not one("talks lasted two hours").meets(one("talks lasted three hours"))


def test_fractions_are_shares_unless_of_a_unit():
    tenth = one("container traffic fell by about a tenth")
    assert tenth.kind == "percent" and tenth.value == pytest.approx(10)
    assert tenth.meets(one("traffic fell by about 9%"))
    text = "raised its rate by a quarter of a percentage point"
    quarter = Number(text.index("a quarter"), text.index("a quarter") + 9, "a quarter", 0.25, "cardinal")
    assert read_amount(quarter, text) is None


def test_a_digit_group_split_by_a_space_and_numbered_items_are_not_counts():
    # Tokenised text ("a magnitude-5. 9 quake", "2, 129 points") cannot say which figure it gives.
    for text in ("a magnitude-5. 9 earthquake struck", "McDermott ended the game with 2, 129 points",
                 "a quake measuring 6. 4 on the Richter scale hit the town",
                 "Greek stocks plunged 5. 4 per cent", "Internet Explorer versions 6, 7, 8 and 9 are affected"):
        assert amounts_of(text) == [], text
    assert [a.value for a in amounts_of("a magnitude-5.9 earthquake struck")] == [5.9]
    assert [a.value for a in amounts_of("he ended the game with 2,129 points")] == [2129]
    assert [a.value for a in amounts_of("12 people were hurt, 3 of them badly")] == [12, 3]
    assert [a.value for a in amounts_of("Since 2005, 14 cases have been prosecuted")] == [14]
    assert [a.value for a in amounts_of("In 2019, 120 people were hurt")] == [120]


def test_words_that_are_not_counts_are_left_out():
    assert amounts_of("a smaller fire in March, when no one was hurt") == []
    assert [a.kind for a in amounts_of("most shipping lines treated it as a one-off")] == []
    assert [a.value for a in amounts_of("it happened on January 29, 2025")] == []


def test_numbers_that_name_rather_than_count_are_left_out():
    for text in ("a 32-year-old man was hurt", "John Smith, 30, was hurt", "on the 800 block of Main Street",
                 "traffic on Highway 5 was stopped", "Chronicle Image 2 of 3 Gunshots rang out", "at 5 p.m. police came"):
        assert amounts_of(text) == [], text
    assert [a.value for a in amounts_of("Smith said 30 people were hurt")] == [30]


def test_phone_numbers_positions_and_offsets_are_not_quantities():
    for text in ("call police at 615-862- 8600 with tips", "call (615) 862-8600 with tips",
                 "a neighbour who lives three doors down", "two blocks away from the school",
                 "he was shot 10 minutes before he realized it", "police arrived two days later"):
        assert amounts_of(text) == [], text
    # A count beside a place and a length of time that is one still count.
    assert [a.value for a in amounts_of("two men from Ohio were hurt")] == [2]
    assert [a.kind for a in amounts_of("the standoff lasted 10 minutes")] == ["duration"]


def test_counts_keep_the_words_around_them():
    ships = one("forcing lines to divert at least 14 ships to other ports")
    assert ships.noun == "ship" and "divert" in ships.unit.split()
    visit = [a for a in amounts_of("made his first official visit to Moscow") if a.kind == "ordinal"][0]
    assert visit.unit.split()[:2] == ["official", "visit"]


def test_money_keeps_currency_and_rate():
    per_day = one("costing exporters about €4 million a day")
    total = one("cost exporters about €45 million in all")
    assert per_day.kind == total.kind == "money"
    assert per_day.unit == "€/day" and total.unit == "€"


@given(st.floats(min_value=0.01, max_value=1e9), st.sampled_from(["", "about", "at least", "fewer than", "nearly"]))
def test_bounds_hold_the_value(value, modifier):
    lo, hi = bounds(value, f"{modifier} {value}")
    assert lo <= value <= hi


@given(st.floats(min_value=0, max_value=1e6), st.floats(min_value=0, max_value=1e6))
def test_meeting_is_symmetric(x, y):
    a = Amount("x", "cardinal", x, *bounds(x, "about"), "", 0, 1)
    b = Amount("y", "cardinal", y, *bounds(y, ""), "", 0, 1)
    assert a.meets(b) == b.meets(a)


def test_dates_meet_at_their_shared_precision():
    assert dates_meet("2025-10", "2025-10-15")
    assert dates_meet("2025-Q4", "2025-11-02")
    assert not dates_meet("2025-03-12", "2025-03-19")
    assert not dates_meet("2025-10", "2026-01")
    assert dates_clash(["2025-03-12"], ["2025-03-19"]) == ("2025-03-12", "2025-03-19")
    assert dates_clash(["2025-03-12", "2025"], ["2025-03"]) is None
    assert dates_clash([], ["2025-03-19"]) is None


def test_days_between_guess_a_missing_year():
    assert days_between("2025-10-15", "XXXX-10-12") == 3
    assert days_between("XXXX-01-12", "2025-10-15") == 89
    assert days_from("2025-10-15", "2025-10-17") == 2 and days_from("2025-10-17", "2025-10-15") == -2
    assert days_between("XXXX-01-12", "XXXX-01-13") is None
    assert days_between(None, "2025-10-15") is None


def test_calendar_values_of_a_span():
    times = (
        TimeValue(0, 6, "Friday", "DATE", "2025-10-17", sentence=0),
        TimeValue(10, 16, "6 a.m.", "TIME", "2025-10-17T06:00", sentence=0),
        TimeValue(20, 26, "weekly", "SET", "P1W", sentence=0),
        TimeValue(40, 46, "Monday", "DATE", "XXXX-WXX-1", sentence=0),
    )
    assert calendar_values(times, 0, 30) == ("2025-10-17",)
    assert calendar_values(times, 30, 50) == ()
