"""Quantity phrases and unit words of time expressions (no model needed)."""

from __future__ import annotations

import pytest

from newsfuse.nlp.time.words import parse_number, unit_of


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


def test_unit_words():
    assert unit_of("centuries") == "century"
    assert unit_of("Months") == "month"
    assert unit_of("sofas") is None
