"""Time expressions: find them in a parsed document and normalise them to TIMEX3 values."""

from __future__ import annotations

from datetime import date

from newsfuse.model import TimeValue


def find_times(doc, dct: date | None, sent_of_token: dict[int, int] | None = None) -> tuple[TimeValue, ...]:
    """Every time expression in ``doc`` with its TIMEX3 type and value, anchored to ``dct``."""
    return ()
