"""Inferring a report's date from its own text (no model needed)."""

from __future__ import annotations

from newsfuse.model import TimeValue
from newsfuse.nlp.docdate import infer_published


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


def test_a_date_to_come_is_not_the_report_s_date():
    text = "The two leaders will meet on January 28, 2026, the Kremlin said."
    assert infer_published(text, [_at(text, "January 28, 2026", "2026-01-28")]) == (None, "")


def test_a_weekday_that_contradicts_the_date_is_not_trusted():
    text = "They met on Monday, January 28, 2026."  # that day was a Wednesday
    assert infer_published(text, [_at(text, "Monday, January 28, 2026", "2026-01-28")]) == (None, "")


def test_undecidable():
    text = "Relations have a long history. " * 5 + "In 1950 the two countries signed a treaty on May 3, 1950."
    assert infer_published(text, [_at(text, "May 3, 1950", "1950-05-03", 5)]) == (None, "")
    assert infer_published("No dates here.", []) == (None, "")
