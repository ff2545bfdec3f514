"""What an article counts: possessive ordinals of events and the things its lead numbers."""

from __future__ import annotations

import pytest

from newsfuse.fuse.events.counts import counted_things, event_ordinals


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The president made his first official visit to Lagos.", {("visit", 1, True)}),
        ("It will be the minister's second trip abroad.", {("visit", 2, True)}),
        ("Their 3rd summit ended without a deal.", {("visit", 3, True)}),
        ("The city's second earthquake in a decade.", {("earthquake", 2, True)}),
        ("Dockers began their second walkout on Monday.", {("strike", 2, True)}),
    ],
)
def test_a_possessive_count_of_an_event_is_read_with_its_kind(text, expected):
    assert event_ordinals(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The second shooting this week shook the town.",  # nobody's series: no possessive
        "It was the first time in years.",
        "He won his second title.",  # a career tally, not a recurring event
        "Her first of many visits.",  # "of" ends the search for the noun
    ],
)
def test_counts_that_are_not_an_owned_event_are_not_read(text):
    assert event_ordinals(text) == frozenset()


def test_a_count_after_a_background_word_is_a_past_event():
    assert event_ordinals("This trip is his first visit in October.") == {("visit", 1, True)}
    assert event_ordinals("This trip follows his first visit in October.") == {("visit", 1, False)}
    assert event_ordinals("This is his second visit since his first meeting.") == {
        ("visit", 2, True), ("visit", 1, False),
    }


def test_a_count_reaches_its_noun_over_at_most_two_words():
    assert event_ordinals("her second long official state visit") == frozenset()
    assert event_ordinals("her second official state visit") == {("visit", 2, True)}


def test_the_things_a_lead_counts_are_read_with_digits_and_words():
    assert counted_things("Navy captured 23 Somali pirates and two boats.") == (
        ("boat", frozenset({2})),
        ("pirate", frozenset({23})),
    )


def test_every_number_given_for_one_thing_is_kept():
    assert counted_things("Police held 12 suspects; later 14 suspects.") == (("suspect", frozenset({12, 14})),)


@pytest.mark.parametrize(
    "text",
    [
        "The strike lasted 3 days and cost 2 million euros.",  # units of time and measure
        "Founded in 2019 ports grew.",  # a year
        "About 40 percent agreed.",
        "It has 5 of them.",  # a stop word ends the search
    ],
)
def test_units_years_and_stop_words_are_not_counted_things(text):
    assert counted_things(text) == ()


def test_a_number_with_thousands_commas_is_counted_whole():
    assert counted_things("Some 1,200 workers marched.") == (("worker", frozenset({1200})),)


def test_event_ordinals_read_possessive_counts_of_events_only():
    assert event_ordinals("The president made his first official visit to Lagos.") == {("visit", 1, True)}
    assert event_ordinals("It will be Okafor's second trip abroad this year.") == {("visit", 2, True)}
    assert event_ordinals("Their 3rd summit ended without a deal.") == {("visit", 3, True)}
    # background: a past occurrence the article's own event follows
    assert event_ordinals("This visit follows Okafor's first face-to-face meeting with her.") == {("visit", 1, False)}
    # counts of nobody's series, of a period or a sub-part of an event, and no event at all
    for text in (
        "For the first time in years the river froze.",
        "Profits fell in the first quarter.",
        "Protesters gathered for a second day.",
        "It was the second shooting in the city this week.",
        "He was knocked down in his sixth round.",
        "She scored her second goal.",
    ):
        assert event_ordinals(text) == frozenset(), text


def test_counted_things_skip_names_units_and_years():
    counts = dict(counted_things("The navy captured 23 Somali pirates in two boats over 3 days in 2008, and 12 and 11"))
    assert counts == {"pirate": {23}, "boat": {2}}
