"""The English lexicon: calendar names, titles and status words, and the one reader of written numbers."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

import pytest

from newsfuse.lexicon import (
    HONORIFICS,
    MONTH_ABBREVIATIONS,
    MONTH_NAMES,
    NAME_TITLES,
    OFFICE_STATUS_WORDS,
    OFFICES,
    PERSON_TITLES,
    SHORT_TITLES,
    STATUS_WORDS,
    TITLE_WORDS,
    WEEKDAY_ABBREVIATIONS,
    WEEKDAY_NAMES,
    month_number,
    ordinal_number,
    read_number,
    read_number_words,
    weekday_number,
)

# -- calendar ---------------------------------------------------------------------------------


def test_weekday_numbers_agree_with_datetime():
    monday = date(2026, 1, 5)
    for offset in range(7):
        day = monday + timedelta(days=offset)
        name = day.strftime("%A")
        assert weekday_number(name) == day.weekday()
        assert weekday_number(name[:3]) == day.weekday()
        assert WEEKDAY_NAMES[name.lower()] == day.weekday()


def test_every_weekday_abbreviation_names_the_day_it_starts():
    for abbreviation, number in WEEKDAY_ABBREVIATIONS.items():
        full = next(name for name, n in WEEKDAY_NAMES.items() if n == number)
        assert full.startswith(abbreviation)


@pytest.mark.parametrize(
    ("word", "number"),
    [("Tuesdays", 1), ("Thurs.", 3), ("SUNDAY", 6), ("Monday's", 0), ("Wed.", 2), ("days", None), ("Smonday", None)],
)
def test_weekday_spellings(word, number):
    assert weekday_number(word) == number


def test_every_month_name_and_abbreviation_maps_to_its_number():
    for number in range(1, 13):
        name = calendar.month_name[number]
        assert month_number(name) == number
        assert month_number(name.upper()) == number
        assert month_number(calendar.month_abbr[number] + ".") == number
    assert len(MONTH_NAMES) == 12
    for abbreviation, number in MONTH_ABBREVIATIONS.items():
        assert month_number(abbreviation) == number
        assert calendar.month_name[number].lower().startswith(abbreviation)
    assert month_number("Sept.") == 9
    assert month_number("Smarch") is None


# -- titles and status words ------------------------------------------------------------------


def test_honorifics_are_titles_everywhere_titles_are_read():
    assert HONORIFICS <= SHORT_TITLES
    assert HONORIFICS <= NAME_TITLES
    assert HONORIFICS <= PERSON_TITLES


def test_titles_that_open_other_names_do_not_type_a_person():
    # "General Motors", "King County", "Justice Department": stripped from a person's name, but
    # not evidence that a name is a person's.
    for word in ("king", "justice", "prince"):
        assert word in NAME_TITLES
        assert word not in PERSON_TITLES


def test_status_words_are_shared_by_offices_and_titles():
    assert STATUS_WORDS <= OFFICE_STATUS_WORDS
    assert STATUS_WORDS <= TITLE_WORDS
    # how an office is held, not which office: "then-President", "the sitting mayor"
    assert {"then", "sitting"} <= OFFICE_STATUS_WORDS - TITLE_WORDS
    # the field of an office is part of a title, and names a different office
    assert "foreign" in TITLE_WORDS - OFFICE_STATUS_WORDS
    assert "foreign minister" in OFFICES
    assert not OFFICES & STATUS_WORDS


# -- numbers ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("twenty-one", 21.0), ("twenty one", 21.0), ("a dozen", 12.0), ("two dozen", 24.0), ("2.5 million", 2.5e6),
        ("12,400", 12400.0), ("4.2 million euros", 4.2e6), ("two million", 2e6), ("68 percent", 68.0),
        ("twenty-five", 25.0), ("two hundred and five", 205.0), ("a thousand", 1000.0), ("€4m", 4e6),
        ("$3bn", 3e9), ("some two million", 2e6), ("three hundred thousand", 3e5), ("half", 0.5),
        ("several", None), ("", None), ("1/2 liter", 0.5), ("2 1/2 miles", 2.5), ("9/11", 9.0), ("24/7", 24.0),
    ],
)
def test_read_number(text, value):
    assert read_number(text) == value


@pytest.mark.parametrize(("text", "value"), [("second", 2.0), ("3rd", 3.0), ("twentieth", 20.0), ("the first", 1.0)])
def test_read_number_reads_ordinals(text, value):
    assert read_number(text) == value
    assert read_number(text, ordinal=True) == value


def test_read_number_as_an_ordinal_refuses_a_cardinal():
    assert read_number("two", ordinal=True) is None


def test_and_joins_a_number_only_after_a_scale():
    assert read_number_words(["two", "and", "three"]) == (2.0, 1)
    assert read_number_words(["one", "thousand", "and", "one", "nights"]) == (1001.0, 4)
    assert read_number_words(["five", "hundred", "and", "so"]) == (500.0, 2)


def test_read_number_words_says_how_many_words_it_read():
    assert read_number_words(["forty", "two", "ships"]) == (42.0, 2)
    assert read_number_words(["thousand", "ships"]) == (1000.0, 1)
    assert read_number_words(["ships"]) == (None, 0)
    assert read_number_words([]) == (None, 0)


def test_ordinal_number():
    assert ordinal_number("twentieth") == 20
    assert ordinal_number("21st") == 21
    assert ordinal_number("Third") == 3
    assert ordinal_number("twenty") is None
