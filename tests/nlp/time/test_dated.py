"""find_dated on sentences we wrote: what each date dates, its tense, participants and anniversaries."""

from __future__ import annotations

from datetime import date

import pytest

from newsfuse.ingest.meta import find_dateline
from newsfuse.model import Article, Mention
from newsfuse.nlp.analyze import analyze_article
from newsfuse.nlp.time.dated import find_dated
from newsfuse.nlp.time.docdate import published_from_analysis
from newsfuse.nlp.time.tag import find_times

pytestmark = pytest.mark.slow

DCT = date(2026, 3, 11)  # a Wednesday


def _dated(nlp, text, dct=DCT):
    doc = nlp(text)
    mentions = [Mention(e.start_char, e.end_char, e.text, e.label_, 0) for e in doc.ents]
    found = find_dateline([text], "\n\n")  # as ingest keeps it on the Article
    return find_dated(doc, find_times(doc, dct), mentions, found[1:] if found else None), mentions


@pytest.mark.parametrize(
    ("text", "value", "line", "tense"),
    [
        ("Prime Minister Jane Holt met with President Omar Vale in Lisbon on March 9, 2026, to discuss trade.",
         "2026-03-09", "Prime Minister Jane Holt met with President Omar Vale", "past"),
        ("The government of Nordland collapsed on May 4, 2024, after weeks of protests.",
         "2024-05-04", "The government of Nordland collapsed", "past"),
        ("Holt will sign the treaty with Vale on Friday.", "2026-03-13", "Holt will sign the treaty with Vale",
         "future"),
        ("The minister, who took office on June 2, 2025, resigned.", "2025-06-02", "The minister took office", "past"),
    ],
)
def test_the_line_is_subject_verb_and_object(nlp, text, value, line, tense):
    [d] = [d for d in _dated(nlp, text)[0] if d.value == value]
    assert d.text == line
    assert d.tense == tense
    assert d.basis == "stated" and d.time >= 0


def test_a_date_on_an_event_noun_is_the_noun_phrase(nlp):
    dated, _ = _dated(nlp, "The party has struggled since the sudden resignation of Jane Holt in late 2024.")
    [d] = dated
    assert (d.value, d.mod, d.trigger) == ("2024", "END", "resignation")
    assert d.text == "the sudden resignation of Jane Holt"


def test_participants_are_the_mentions_inside_the_line(nlp):
    dated, mentions = _dated(nlp, "Jane Holt met Omar Vale on Monday, while Peter Stone stayed in Oslo.")
    [d] = dated
    assert {mentions[k].text for k in d.participants} == {"Jane Holt", "Omar Vale"}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Jane Holt served as governor from 1965 to 1970.", "1965"),
        ("The bridge was closed between May 4, 2024 and June 9, 2024 for repairs.", "2024-05-04"),
    ],
)
def test_a_range_is_one_happening_dated_by_its_start(nlp, text, value):
    assert [d.value for d in _dated(nlp, text)[0]] == [value]


def test_two_dates_that_are_no_range_are_two_happenings(nlp):
    dated, _ = _dated(nlp, "Holt won in 1965 and lost to Vale in 1970.")
    assert [d.value for d in dated] == ["1965", "1970"]


def test_a_dateline_is_not_a_happening(nlp):
    dated, _ = _dated(nlp, "OSLO, March 11, 2026 (Reuters) - The central bank raised rates on Tuesday.")
    assert [(d.value, d.text) for d in dated] == [("2026-03-10", "The central bank raised rates")]


@pytest.mark.parametrize(
    ("text", "value", "line"),
    [
        ("The summit will be held the day before the chancellor, who took office on March 12, 2025, "
         "marks his first year in office.", "2026-03-11", "The summit will be held"),
        ("Crowds gathered as the city marked the 10th anniversary of the flood, which struck on "
         "April 2, 2015.", "2025-04-02", "the city marked the 10th anniversary of the flood"),
    ],
)
def test_anniversaries_count_years_from_the_date_the_sentence_gives(nlp, text, value, line):
    [d] = [d for d in _dated(nlp, text, dct=None)[0] if d.basis == "anniversary"]
    assert (d.value, d.text, d.time) == (value, line, -1)


def test_no_anniversary_without_exactly_one_full_date(nlp):
    text = "The city marked the 10th anniversary of the flood on Sunday."
    assert not [d for d in _dated(nlp, text)[0] if d.basis == "anniversary"]


def test_analysis_keeps_the_dated_records_and_the_text_date(nlp):
    text = "Jane Holt meets Omar Vale in Lisbon on Monday, March 9, 2026. They will speak for an hour on Monday."
    analysis = analyze_article(Article(id="a", text=text), nlp)
    assert (analysis.text_date, analysis.text_date_basis) == ("2026-03-09", "text")
    assert [d.value for d in analysis.dated] == ["2026-03-09", "2026-03-09"]
    # Adopting the text's date as the publication date anchors every time the same way.
    again = analyze_article(Article(id="a", text=text, published="2026-03-09"), nlp)
    assert again.times == analysis.times
    assert again.text_date is None


def test_an_announcement_dated_by_an_anniversary_gets_its_month(nlp):
    text = ("President Anna Berg will hold talks on Wednesday with Chancellor Karl Ost.\n\n"
            "The two last met in the autumn.\n\n"
            "The meeting will be held the day before Ost, who took office on March 12, 2025, marks his "
            "first year in office.")
    analysis = analyze_article(Article(id="a", text=text), nlp)
    assert analysis.text_date is None
    assert published_from_analysis(analysis) == ("2026-03", "text")


def test_a_reporting_frame_is_no_part_of_what_is_dated(nlp):
    # The parser hangs "Wednesday" on "said"; the date belongs to the clause before the reporter.
    text = ("Officers were dispatched to the 400 block of Maple Street on the city's west side at about "
            "2:15 a.m. Thursday, Lakeview police spokesman Tom Brandt said.")
    [d] = _dated(nlp, text)[0]
    assert d.text == "Officers were dispatched to the 400 block of Maple Street on the city's west side"


@pytest.mark.parametrize(
    "text",
    [
        "The gunman was seen on video, the Harbor Register reported Sunday.",
        "The two men were detained at the border, police said on Monday.",
        # The parser hangs "while in a car" on "said"; the date still tells when it was said.
        "A 17-year-old died after being shot while in a car at the mall, the Lakeview Police Department said Tuesday.",
    ],
)
def test_when_something_was_reported_dates_nothing(nlp, text):
    assert _dated(nlp, text)[0] == ()


def test_a_quote_before_its_speaker_is_no_part_of_the_line(nlp):
    text = '"We offer our condolences to the family," Chief Ana Ruiz said at a Saturday press conference.'
    [d] = _dated(nlp, text)[0]
    assert "condolences" not in d.text and "Ana Ruiz said" in d.text


def test_a_subject_the_parser_glued_to_the_date_is_kept(nlp):
    [d] = _dated(nlp, "An autopsy Saturday ruled his death a homicide.")[0]
    assert d.text.startswith("autopsy ruled")


@pytest.mark.parametrize("text", ["Updated: April 14, 2015 at 5:10 PM", "Posted on March 3, 2026"])
def test_a_page_stamp_dates_nothing(nlp, text):
    assert _dated(nlp, text + "\n\nA man was shot in the leg.")[0] == ()


@pytest.mark.parametrize(
    ("text", "tense"),
    [
        ("The company is building a new plant this year.", "present"),
        ("The two presidents are meeting on Friday.", "future"),
        ("The vote is slated for 2027.", "future"),
    ],
)
def test_a_progressive_is_a_plan_only_for_a_day(nlp, text, tense):
    [d] = _dated(nlp, text)[0]
    assert d.tense == tense
