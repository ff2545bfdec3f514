"""Finding and choosing time-expression spans in plain text (no model needed)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfuse.nlp.time.rules import candidates, select, trim


def _spans(text: str) -> list[str]:
    return [text[c.start : c.end] for c in (trim(c, text) for c in select(candidates(text)))]


def test_longest_match_wins():
    text = "His visit took place slightly more than three months ago, in mid-October."
    assert _spans(text) == ["slightly more than three months ago", "mid-October"]


def test_full_dates_hold_their_weekday_and_year():
    text = "They met on Wednesday, January 28, 2026, and again on 3 February."
    assert _spans(text) == ["Wednesday, January 28, 2026", "3 February"]


def test_ages_are_not_durations():
    text = "A 6-year-old girl and a man, 45 years old, were hurt."
    assert _spans(text) == []


def test_timeml_extents_leave_out_articles_possessives_and_about():
    text = "It was a five-hour visit after its third quarter, about five hours long."
    assert _spans(text) == ["five-hour", "third quarter", "five hours"]


def test_names_and_verbs_that_look_like_months():
    assert _spans("May I ask? The March for Life went ahead.") == []
    assert _spans("The vote was held in May.") == ["May"]


def test_clock_time_and_numbers():
    assert _spans("The blast came at 10:35 a.m. and killed 2000 people.") == ["10:35 a.m."]
    assert _spans("They lived at 1249 Bells Ferry Road in 1999.") == ["1999"]


@pytest.mark.parametrize(
    "text",
    [
        "Gov. Jan Brewer vetoed SB 1062, the religious freedom bill.",
        "The House passed H.R. 1599, a bill on food labels.",
        "Flight 1549 landed on the Hudson.",
        "Traffic backed up on Route 1776 and Interstate 1995.",
        "Lawyers filed a Section 1983 claim.",
        "The meeting was held in Room 1204 of the annex, Suite 1800.",
        "Voters rejected Prop. 1066 and Proposition 1912.",
        "The judge heard case 1953 and read Article 1848 of the code.",
        "She kept a model 1911 pistol at No. 1910 Elm.",
        "The plane carried 1500 passengers and the union 1200 workers.",
    ],
)
def test_an_identifier_number_is_no_year(text):
    assert _spans(text) == []


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("SALES ROSE IN 1990", "1990"),  # capitals of a headline are words, not a code
        ("The tower was built in AD 1066.", "1066"),
        ("The U.S. 1990 census counted them.", "1990"),
        ("Route 66 opened in 1926.", "1926"),
        ("The 1990 model year brought new cars.", "1990"),
    ],
)
def test_a_year_after_words_that_are_no_identifier_stays_a_year(text, span):
    assert _spans(text) == [span]


def test_sets_and_generic_references():
    assert _spans("Rallies are held every Thursday and daily; prices are rising now.") == [
        "every Thursday", "daily", "now",
    ]


def test_select_chooses_non_overlapping_spans_in_order():
    text = "The deal, signed last week, runs for the next two years from January 2026."
    chosen = select(candidates(text))
    assert [text[c.start : c.end] for c in chosen] == ["last week", "the next two years", "January 2026"]
    for a, b in zip(chosen, chosen[1:]):
        assert a.end <= b.start


_PIECES = st.sampled_from([
    "On", "Friday", "the", "third quarter", "of 1990", "two", "-", "years", "ago", "May", "12", ",", "2024",
    "last", "week", "about", "a.m.", "10:30", "every", "month", "'s", "early", "1990s", "today", "x", "\n",
])


@settings(max_examples=200, deadline=None)
@given(st.lists(_PIECES, max_size=25), st.text(max_size=40))
def test_spans_stay_inside_the_text_and_never_overlap(pieces, noise):
    text = " ".join(pieces) + noise
    chosen = [trim(c, text) for c in select(candidates(text))]
    for c in chosen:
        assert 0 <= c.start < c.end <= len(text)
    for a, b in zip(chosen, chosen[1:]):
        assert a.end <= b.start


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The firm has lost money for years.", ["years"]),
        ("Troops could arrive within weeks.", ["weeks"]),
        ("Prices rose over the years.", ["years"]),
        ("Sales fell in recent weeks.", ["recent weeks"]),
        # Placed by nothing and lasting nothing: no duration.
        ("His car was seen in the days before the shooting.", []),
        ("The bombs went off minutes apart.", []),
        ("It is a matter of months.", []),
    ],
)
def test_a_bare_plural_is_a_duration_only_when_placed_or_lasting(text, expected):
    assert _spans(text) == expected


def test_a_part_of_day_before_its_day_word_is_part_of_it():
    text = "In London at mid-afternoon yesterday, shares were up."
    [c] = select(candidates(text))
    assert text[c.start : c.end] == "mid-afternoon yesterday"
    assert (c.spec.tod, c.spec.mod, c.spec.shift) == ("TAF", "MID", -1)
