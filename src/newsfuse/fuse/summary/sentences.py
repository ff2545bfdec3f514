"""The sentences a summary reads: each report's first ones, cleaned, with the dates, figures and counts they state."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from newsfuse.lexicon import ordinal_number
from newsfuse.model import Article, ArticleAnalysis
from newsfuse.nlp.time import TimexValue

# Candidate sentences: between these word counts (shorter ones are datelines and labels,
# longer ones run-ons from missed sentence breaks); citations may be shorter.
MIN_WORDS = 6
MAX_WORDS = 60
MIN_CITE_WORDS = 4
# Only the first SCAN_SENTENCES sentences of a report are read.
SCAN_SENTENCES = 40

# Opening words that point back to something the summary may not have said: a connective or
# demonstrative first, or a personal pronoun among the first OPENING_WORDS words ("In his words").
OPENING_WORDS = 3
_DANGLING = re.compile(
    r"^(?:this|these|those|that|there|meanwhile|however|but|and|also|in turn|instead|besides|then|still|yet)\b",
    re.IGNORECASE,
)
_PRONOUNS = frozenset("he she it they his her its their him them".split())
_TERMINAL = (".", "!", '"', "”", "’", "'", ")")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_WORD = re.compile(r"\w+")
_STRAY_OPENING = re.compile(r"^[\"”’»]\s+")


@dataclass(slots=True)
class ReportSentence:
    """One scanned sentence of a report: its cleaned text, whether it may open a summary line, what it states."""

    key: tuple[str, int]  # (article id, sentence index)
    text: str
    rank: int  # position among its report's scanned sentences
    candidate: bool
    date: str  # the date it states, else its report's; "" when neither is known
    stated: str | None = None  # the date it states, if any
    numbers: frozenset[str] = frozenset()  # the figures written in digits ("1,200" → "1200")
    ordinals: frozenset[int] = frozenset()  # the counts it states ("his second visit" → 2)


def report_sentences(articles: Sequence[Article], analysis_of: Mapping[str, ArticleAnalysis]):
    """article id → (article id, index) → sentence, for the first SCAN_SENTENCES of each report."""
    out: dict[str, dict[tuple[str, int], ReportSentence]] = {}
    for article in articles:
        analysis = analysis_of.get(article.id)
        if analysis is None:
            continue
        dates = _sentence_dates(analysis)
        rank = 0
        kept: dict[tuple[str, int], ReportSentence] = {}
        for index, span in enumerate(analysis.sentences[:SCAN_SENTENCES]):
            text = sentence_text(article, span.start, span.end)
            words = len(text.split())
            if words < MIN_CITE_WORDS:
                continue
            candidate = (
                MIN_WORDS <= words <= MAX_WORDS
                and text.split()[0].lower() not in _PRONOUNS  # "He did not say ...": whom, the summary cannot tell
                and text[0].isupper()
                and text.endswith(_TERMINAL)
                and _balanced(text)
            )
            stated = dates.get(index)
            date = stated or article.published or ""
            if stated and article.published and _after(stated, article.published):
                # a date after publication is a plan or deadline ("until 2029"): it was reported then
                date = article.published
            numbers = frozenset(n.replace(",", "") for n in _NUMBER.findall(text))
            ordinals = frozenset(n for w in _WORD.findall(text) if (n := ordinal_number(w)) is not None)
            kept[(article.id, index)] = ReportSentence(
                (article.id, index), text, rank, candidate, date, stated, numbers, ordinals
            )
            rank += 1
        out[article.id] = kept
    return out


def sentence_text(article: Article, start: int, end: int) -> str:
    """The sentence at ``[start, end)`` of ``article`` as the summary shows it: without the dateline
    opening the lead ("MOSCOW — ", "LISBON, March 5 (Reuters) - "), which is the report's, not the
    summary's, and cleaned (``clean_sentence``)."""
    return clean_sentence(article.text[article.after_dateline(start):end])


def clean_sentence(text: str) -> str:
    """A sentence as the summary shows it: one line, without a closing quote left over from the one before."""
    text = " ".join(text.split())
    return _STRAY_OPENING.sub("", text)


def is_dangling(text: str) -> bool:
    """Whether the sentence opens on a word that points back to something the summary may not have said."""
    opening = [w.strip(",;:\"“”'’").lower() for w in text.split()[:OPENING_WORDS]]
    return bool(_DANGLING.match(text)) or any(w in _PRONOUNS for w in opening)


def _balanced(text: str) -> bool:
    """Whether the sentence opens and closes its own quotations (else it is part of a longer one)."""
    return text.count("“") == text.count("”") and text.count('"') % 2 == 0


def _sentence_dates(analysis: ArticleAnalysis) -> dict[int, str]:
    """sentence index → the calendar date it ties a happening to (the first, when several)."""
    out: dict[int, str] = {}
    for dated in getattr(analysis, "dated", ()):
        value = TimexValue.parse(dated.value)
        calendar = value.calendar() if value is not None else None
        if calendar is not None and dated.sentence not in out:
            out[dated.sentence] = str(calendar)
    return out


def _after(stated: str, published: str) -> bool:
    """Whether a stated date lies wholly after the publication date ("2025-11" after "2025-10-15", "2025" not)."""
    a, b = TimexValue.parse(stated), TimexValue.parse(published)
    start, end = (a.start(), b.end()) if a is not None and b is not None else (None, None)
    return start is not None and end is not None and start > end

