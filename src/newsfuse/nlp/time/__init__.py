"""Time: find the time expressions of a parsed report, normalise them to TIMEX3 values, date the
report itself and tell what each expression dates; and the one type those values are read with.

The one entry for a parsed document is :func:`find_times_and_date`; :class:`TimexValue` parses a
TIMEX3 value ("2026-01-28", "2025-10", "XXXX-WXX-3") once for every step that reads one.
"""

from newsfuse.nlp.time.tag import find_times_and_date
from newsfuse.nlp.time.value import TimexValue

__all__ = ["TimexValue", "find_times_and_date"]
