"""Inferring a report's date from its own text (no model needed)."""

from __future__ import annotations

import pytest

from newsfuse.model import ArticleAnalysis, Dated, TimeValue
from newsfuse.nlp.time.docdate import infer_published, published_from_analysis, reference_date


def _at(text: str, phrase: str, value: str, sentence: int = 0) -> TimeValue:
    start = text.index(phrase)
    return TimeValue(start, start + len(phrase), phrase, "DATE", value, None, sentence)


def test_dateline():
    text = "MOSCOW, January 28, 2026 (TASS) - The talks began."
    assert infer_published(text, [_at(text, "January 28, 2026", "2026-01-28")]) == ("2026-01-28", "dateline")


def test_the_lead_s_latest_date_in_the_past_tense():
    text = ("Syrian leader Ahmed met the Russian president in Moscow on Wednesday, January 28, 2026. "
            "They last met on October 15, 2025.")
    times = [_at(text, "Wednesday, January 28, 2026", "2026-01-28"), _at(text, "October 15, 2025", "2025-10-15", 1)]
    assert infer_published(text, times) == ("2026-01-28", "text")


def test_a_past_event_s_date_is_a_reference_not_the_report_s_date():
    # The report may follow the shooting by days; it counts "last year" from it, but it is not dated by it.
    text = "A man was shot about 6:15 p.m. Tuesday, July 26, 2016, police said. He died last year."
    times = [_at(text, "Tuesday, July 26, 2016", "2016-07-26")]
    assert infer_published(text, times, ["past"]) == (None, "")
    assert reference_date(text, times, ["past"]) == ("2016-07-26", "event")
    # A posting line dates the report whatever the tense of its sentence.
    posted = "Posted: Tuesday, July 26, 2016. A man was shot, police said."
    assert infer_published(posted, [_at(posted, "Tuesday, July 26, 2016", "2016-07-26")], ["past"]) == (
        "2016-07-26", "text")


def test_a_date_to_come_is_not_the_report_s_date():
    text = "The two leaders will meet on January 28, 2026, the Kremlin said."
    assert infer_published(text, [_at(text, "January 28, 2026", "2026-01-28")]) == (None, "")


def test_a_date_that_bounds_the_time_reported_is_not_the_report_s_date():
    text = ("About 1,500 residents were ordered to leave on Sunday. The county has had almost no rain "
            "since a storm on Sept. 18, 2025, officials said.")
    assert infer_published(text, [_at(text, "Sept. 18, 2025", "2025-09-18", 1)]) == (None, "")


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("Elco said it expects net income in the year ending June 30, 1990, to fall.", "June 30, 1990", "1990-06-30"),
        ("The firm plans to redeem its debentures due March 1, 2011.", "March 1, 2011", "2011-03-01"),
    ],
)
def test_a_period_end_or_due_date_is_not_the_report_s_date(text, phrase, value):
    assert infer_published(text, [_at(text, phrase, value)]) == (None, "")


def test_a_revision_date_is_not_the_report_s_date():
    text = "Four shot in Broad Ripple Updated: Monday, July 7, 2014 6:44 PM EDT\nA man who claimed self-defense was arrested."
    assert infer_published(text, [_at(text, "Monday, July 7, 2014", "2014-07-07")]) == (None, "")


def test_a_weekday_that_contradicts_the_date_is_not_trusted():
    text = "They met on Monday, January 28, 2026."  # that day was a Wednesday
    assert infer_published(text, [_at(text, "Monday, January 28, 2026", "2026-01-28")]) == (None, "")


def test_undecidable():
    text = "Relations have a long history. " * 5 + "In 1950 the two countries signed a treaty on May 3, 1950."
    assert infer_published(text, [_at(text, "May 3, 1950", "1950-05-03", 5)]) == (None, "")
    assert infer_published("No dates here.", []) == (None, "")


# --- published_from_analysis: the pipeline's reading of an analysis -----------------------------


def _dated(value, sentence, tense, time=0, basis="stated"):
    return Dated(time=time, value=value, sentence=sentence, text="x", tense=tense, basis=basis)


def test_the_text_date_found_while_anchoring_comes_first():
    analysis = ArticleAnalysis("a", "h", text_date="2026-01-28", text_date_basis="dateline")
    assert published_from_analysis(analysis) == ("2026-01-28", "dateline")


def test_a_coming_weekday_and_the_worked_out_day_give_the_month():
    # "will hold talks on Wednesday" + "the meeting will be held the day before he marks his
    # first year in office" (took office 2025-03-12): the meeting is Wednesday 2026-03-11, so the
    # report was written 5-11 March.
    dated = (_dated("XXXX-WXX-3", 0, "future"), _dated("2025-03-12", 4, "past", time=1),
             _dated("2026-03-11", 4, "future", time=-1, basis="anniversary"))
    analysis = ArticleAnalysis("a", "h", dated=dated)
    assert published_from_analysis(analysis) == ("2026-03", "text")


@pytest.mark.parametrize(
    "dated",
    [
        # The week before straddles two months (2026-04-01 is a Wednesday).
        (_dated("XXXX-WXX-3", 0, "future"), _dated("2026-04-01", 4, "future", time=-1)),
        # The weekday is not the latest day's.
        (_dated("XXXX-WXX-5", 0, "future"), _dated("2026-03-11", 4, "future", time=-1)),
        # The tenses disagree.
        (_dated("XXXX-WXX-3", 0, "past"), _dated("2026-03-11", 4, "future", time=-1)),
        # The weekday is not in the lead.
        (_dated("XXXX-WXX-3", 7, "future"), _dated("2026-03-11", 4, "future", time=-1)),
        # No day to match.
        (_dated("XXXX-WXX-3", 0, "future"),),
    ],
)
def test_otherwise_undecided(dated):
    assert published_from_analysis(ArticleAnalysis("a", "h", dated=dated)) == (None, "")


def test_a_later_stated_date_blocks_the_weekday_reading():
    times = (TimeValue(0, 10, "May 2, 2026", "DATE", "2026-05-02", None, 6),)
    dated = (_dated("XXXX-WXX-3", 0, "future"), _dated("2026-03-11", 4, "future", time=-1))
    assert published_from_analysis(ArticleAnalysis("a", "h", times=times, dated=dated)) == (None, "")
