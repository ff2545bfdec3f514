"""Number, month and weekday words of time expressions (no model needed)."""

from __future__ import annotations

import pytest

from newsfuse.nlp.time.words import month_number, ordinal_number, parse_number, unit_of, weekday_number


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("two", 2), ("twenty-four", 24), ("twenty four", 24), ("2 1/2", 2.5), ("a", 1), ("an", 1),
        ("half an", 0.5), ("1,200", 1200), ("two and a half", 2.5), ("a hundred", 100),
        ("two thousand", 2000), ("nineteen", 19), ("3.5", 3.5), ("a dozen", 12),
    ],
)
def test_parse_number(text, number):
    assert parse_number(text) == pytest.approx(number)


def test_parse_number_refuses_other_words():
    assert parse_number("blue") is None


def test_month_weekday_ordinal_and_unit_words():
    assert month_number("Sept.") == 9
    assert month_number("December") == 12
    assert month_number("Smarch") is None
    assert weekday_number("Wednesday") == 3
    assert weekday_number("Tuesdays") == 2
    assert weekday_number("Thurs.") == 4
    assert ordinal_number("twentieth") == 20
    assert ordinal_number("21st") == 21
    assert unit_of("centuries") == "century"
    assert unit_of("Months") == "month"
    assert unit_of("sofas") is None
