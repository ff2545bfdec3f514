"""Reading calendar dates: what each kind of time expression says before it is anchored to a date."""

from __future__ import annotations

import pytest

from newsfuse.nlp.time.read import DATE_READERS
from newsfuse.nlp.time.spec import Spec, ends_phrase, mod_of, part_of_day, position_of, year_of
from newsfuse.nlp.time.rules import candidates, select


def _read(text: str) -> tuple[str, Spec]:
    """The one time expression of ``text`` as the rules find it, and what its reader says."""
    [found] = select(candidates(text))
    return text[found.start : found.end], found.spec


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("It happened on October 15, 2025.", "October 15, 2025", "2025-10-15"),
        ("The plan dates from 2025-10-15.", "2025-10-15", "2025-10-15"),
        ("In October 2025 talks began.", "October 2025", "2025-10"),
        ("Music of the 1990s.", "the 1990s", "199"),
        ("By the year two thousand and five.", "the year two thousand and five", "2005"),
        ("In the summer of 2024 it flooded.", "the summer of 2024", "2024-SU"),
        ("In the 19th century it was built.", "the 19th century", "18"),
    ],
)
def test_words_that_fix_the_date_give_its_timex_value(text, span, value):
    assert _read(text) == (span, Spec("DATE", value=value))


def test_a_month_without_a_year_keeps_its_position_and_direction_for_the_anchor():
    assert _read("The talks began in mid-October.") == ("mid-October", Spec("DATE", month=10, mod="MID"))
    assert _read("Last April sales fell.") == ("Last April", Spec("DATE", month=4, anchor="dct", direction=-1))
    assert _read("On Christmas Day the ship sailed.") == ("Christmas Day", Spec("DATE", month=12, day=25))


def test_relative_expressions_shift_from_the_document_date_or_the_last_date_mentioned():
    assert _read("He left yesterday.")[1] == Spec("DATE", anchor="dct", unit="D", shift=-1)
    assert _read("Next week the port reopens.")[1] == Spec("DATE", anchor="dct", unit="W", shift=1)
    assert _read("The day before, talks failed.")[1] == Spec("DATE", anchor="ref", unit="D", shift=-1)
    earlier = _read("A year earlier it was calm.")[1]
    assert (earlier.anchor, earlier.unit, earlier.shift, earlier.near_ref) == ("ref", "Y", -1, True)


def test_parts_of_a_year_and_weekdays_are_read_as_fields():
    assert _read("Profits rose in the third quarter.")[1] == Spec("DATE", quarter=3)
    assert _read("It is the first half of 2025.")[1] == Spec("DATE", year=2025, half=1)
    assert _read("She arrived on Friday.")[1] == Spec("DATE", weekday=5)
    assert _read("Over the weekend ships waited.")[1] == Spec("DATE", weekday=6, grain="WE")
    assert _read("The end of the year is near.")[1] == Spec("DATE", anchor="dct", unit="Y", mod="END")


def test_an_age_is_no_time_expression():
    assert select(candidates("The boy, 15, was hurt.")) == []


def test_every_reader_is_a_function_of_a_match_and_its_text():
    assert DATE_READERS and all(callable(reader) for reader in DATE_READERS.values())


@pytest.mark.parametrize(
    ("words", "mod"),
    [("more  than", "MORE_THAN"), ("Nearly", "LESS_THAN"), ("at least", "EQUAL_OR_MORE"), ("about", None), (None, None)],
)
def test_quantity_modifiers(words, mod):
    assert mod_of(words) == mod


@pytest.mark.parametrize(
    ("words", "position"),
    [("the  beginning of", "START"), ("mid", "MID"), ("the latter half of", "END"), ("soon", None), ("", None)],
)
def test_positions_in_a_period(words, position):
    assert position_of(words) == position


def test_two_digit_years_fall_in_this_century_or_the_last():
    assert year_of("'98") == 1998
    assert year_of("05") == 2005
    assert year_of("2025") == 2025
    assert year_of(None) is None


def test_parts_of_the_day_are_timex_suffixes():
    assert part_of_day("morning") == "TMO"
    assert part_of_day("Night") == "TNI"
    assert part_of_day("") == ""


def test_before_and_after_stand_alone_only_at_the_end_of_a_phrase():
    text = "two days later, and two days before the vote"
    assert ends_phrase(text, text.index("later") + len("later"))
    assert not ends_phrase(text, text.index("before") + len("before"))
