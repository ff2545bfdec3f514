"""The tense of a date read from the words around it, as ingest reads it before any parse."""

from __future__ import annotations

import re

import pytest

from newsfuse.ingest.tense import tense_from_words
from newsfuse.model import FUTURE, PAST


@pytest.mark.parametrize(
    ("text", "tense"),
    [
        ("The leader, who assumed the post on January 29, 2025, has visited Moscow before.", PAST),
        ("On December 19, 2024, the country's prime minister said the talks were over.", PAST),
        ("The two leaders will meet on March 3, 2026, in Geneva.", FUTURE),
        ("The summit is scheduled for March 3, 2026.", FUTURE),
        ("The vote was postponed to March 3, 2026.", None),  # a deadline, not when something happened
        ("Prices on March 3, 2026 are in the table.", None),
    ],
)
def test_the_tense_of_a_date_from_its_words(text, tense):
    start, end = re.search(r"[A-Z][a-z]+ \d{1,2}, \d{4}", text).span()
    assert tense_from_words(text, start, end) == tense
