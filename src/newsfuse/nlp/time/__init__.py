"""Time: find time expressions and normalise them to TIMEX3 values (tag), read their words (words, read,
rules, amounts), anchor relative ones (anchor), date the report itself (docdate) and tell what each dates (dated).

The one entry for a parsed document is :func:`find_times_and_date`.
"""

from newsfuse.nlp.time.tag import find_times, find_times_and_date

__all__ = ["find_times", "find_times_and_date"]
