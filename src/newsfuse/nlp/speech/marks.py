"""Quoted passages found from the quotation marks alone, and where the sentences around them end.

Curly, straight, guillemets, single curly marks and two apostrophes (plain-text feeds) at the top
level open a quotation, so a quote that the parser splits over sentences stays one quote; a quote
left open at the end of a paragraph continues when the next paragraph opens with a mark (the newspaper convention for a
quote running over paragraphs).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from newsfuse.nlp.speech.attribution import Source
from newsfuse.nlp.speech.cues import doc_text

# Opening mark → the marks that close it. "„" closes with a left curly mark in German-style text.
# Scraped text mixes straight and curly marks ("… a whole life ahead,” said …), so each double
# opener also takes the other kind of double closer.
_CLOSERS = {"“": "”\"", "«": "»", "„": "“”", '"': '"”', "”": "”", "‘": "’"}
_DOUBLE_OPENERS = "“«„\""
# Two apostrophes (or two backquotes) open, and two apostrophes close, a quotation in plain-text
# news feeds without curly marks, as the NYT archive writes them (''We won,'' she said).
_TWO_CHAR_OPENERS = ("''", "``")
_TWO_CHAR_CLOSER = "''"
# Dashes that may stand before a quote ("— "…," X said"), here and in the quotes that carry on,
# and before the name that signs one ("― Name").
DASHES = "—–-―"
# Marks that close a quotation: what a reported clause holding a partial quote runs on past.
CLOSING_MARKS = frozenset({'"', "”", "’", "''"})
_SENTENCE_END = frozenset({".", "!", "?", "…", "..."})


@dataclass(slots=True)
class MarkedQuote:
    """A quotation found from its marks: content pieces (one per paragraph) and the mark positions."""

    pieces: list[tuple[int, int]]
    open_at: int  # index of the first opening mark
    close_at: int  # index just past the last closing mark (or the paragraph end when unclosed)
    speaker: Source | None = None
    cue: str = ""
    cue_at: int | None = None  # token index of the cue that gave the speaker, when one did

    @property
    def start(self) -> int:
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        return self.pieces[-1][1]



def quoted_passages(text: str) -> list[MarkedQuote]:
    """Quoted passages from the marks alone, in text order, without their marks.

    A paragraph that ends inside an open quote and is followed by a paragraph opening with a
    quotation mark continues that quote; otherwise the quote ends with its paragraph.
    """
    out: list[MarkedQuote] = []
    pending: MarkedQuote | None = None
    for p_start, p_end in _paragraphs(text):
        i = p_start
        if pending is not None:
            j = _skip(text, p_start, p_end, " \t" + DASHES)
            if j < p_end and (text[j] in _DOUBLE_OPENERS + "‘" or text.startswith(_TWO_CHAR_OPENERS, j)):
                found, i = _scan_quote(text, j, p_end, _opener(text, j))
                pending.pieces.append(found[0])
                pending.close_at = found[1]
                if found[2]:
                    out.append(pending)
                    pending = None
                else:
                    continue
            else:
                out.append(pending)
                pending = None
        while i < p_end:
            c = _opener(text, i)
            if (c in _CLOSERS or c in _TWO_CHAR_OPENERS) and _opens(text, i, p_start, p_end):
                (piece, close_at, closed), i = _scan_quote(text, i, p_end, c)
                q = MarkedQuote([piece], open_at=piece[0] - len(c), close_at=close_at)
                if closed:
                    out.append(q)
                else:
                    pending = q
                    break
            else:
                i += 1
    if pending is not None:
        out.append(pending)
    return [q for q in (_trimmed(q, text) for q in out) if q is not None]


def _paragraphs(text: str):
    start = 0
    n = len(text)
    while start < n:
        end = text.find("\n", start)
        if end < 0:
            end = n
        if text[start:end].strip():
            yield start, end
        start = end + 1


def _skip(text: str, i: int, end: int, chars: str) -> int:
    while i < end and text[i] in chars:
        i += 1
    return i


def _opener(text: str, i: int) -> str:
    """The mark at ``i``: two apostrophes or backquotes, else the one character."""
    return text[i : i + 2] if text.startswith(_TWO_CHAR_OPENERS, i) else text[i]


def _opens(text: str, i: int, p_start: int, p_end: int) -> bool:
    """Whether the mark at ``i`` opens a quotation (straight and right marks are read by their neighbours)."""
    c = _opener(text, i)
    prev = text[i - 1] if i > p_start else " "
    nxt = text[i + len(c)] if i + len(c) < p_end else " "
    if nxt.isspace():
        return False
    if c in "“«„":
        return True
    # Straight marks, and right marks some sites use on both sides, open after a space or a bracket.
    # A left single mark opens only before a letter, so "‘90s" and apostrophes stay words.
    if c == "‘":
        return (prev.isspace() or prev in "([—–-") and nxt.isalpha()
    return prev.isspace() or prev in "([—–-/:"


def _scan_quote(text: str, i: int, p_end: int, opener: str):
    """From the opening mark at ``i``: ((content start, content end), index past the closer, closed?), next index."""
    if opener in _TWO_CHAR_OPENERS:
        return _scan_two_char_quote(text, i, p_end)
    closers = _CLOSERS[opener]
    j = i + 1
    while j < p_end:
        c = text[j]
        # A left curly mark with a space after it cannot open a quote, so it closes one (`…,“ said`, a typo).
        if c == "“" and opener == "“" and not text[j - 1].isspace() and (j + 1 >= p_end or text[j + 1].isspace()):
            return ((i + 1, j), j + 1, True), j + 1
        if c in closers and (opener != "‘" or j + 1 >= p_end or not text[j + 1].isalpha()):
            # A mark after a space closes only a curly pair; a straight one there opens something
            # else, unless a space or the paragraph's end follows it too (`… community,' " Reeves wrote`).
            if (not text[j - 1].isspace() or c != '"' and opener not in '"”'
                    or j + 1 >= p_end or text[j + 1].isspace()):
                return ((i + 1, j), j + 1, True), j + 1
        j += 1
    return ((i + 1, p_end), p_end, False), p_end


def _scan_two_char_quote(text: str, i: int, p_end: int):
    """``_scan_quote`` for a quote opened by two apostrophes or backquotes: the next two apostrophes
    close it when they end a word or stand before a space or punctuation; of three in a row (a
    single quote closing inside: ''had me at 'independence,''') the last two."""
    j = i + 2
    while j + 1 < p_end:
        if text.startswith(_TWO_CHAR_CLOSER, j):
            while j + 2 < p_end and text[j + 2] == "'":
                j += 1
            after = text[j + 2] if j + 2 < p_end else " "
            if not text[j - 1].isspace() or not after.isalnum():
                return ((i + 2, j), j + 2, True), j + 2
            j += 2
            continue
        j += 1
    return ((i + 2, p_end), p_end, False), p_end


def _trimmed(q: MarkedQuote, text: str) -> MarkedQuote | None:
    pieces = []
    for s, e in q.pieces:
        while s < e and text[s].isspace():
            s += 1
        while e > s and (text[e - 1].isspace() or text[e - 1] in ",;:"):
            e -= 1
        if s < e:
            pieces.append((s, e))
    if not pieces or not any(ch.isalnum() for s, e in pieces for ch in text[s:e]):
        return None
    q.pieces = pieces
    return q


def quote_ranges(marked: list[MarkedQuote]) -> list[tuple[int, int]]:
    """Sorted character ranges covered by quotation content or marks (for "is this inside a quote")."""
    ranges = []
    for q in marked:
        ranges.append((q.open_at, q.close_at))
    return sorted(ranges)


def in_ranges(ranges: list[tuple[int, int]], pos: int) -> bool:
    k = bisect.bisect_right(ranges, (pos, float("inf"))) - 1
    return k >= 0 and ranges[k][0] <= pos < ranges[k][1]


def sentence_breaks(doc, marked: list[MarkedQuote], inside) -> list[int]:
    """Character offsets where a sentence ends, counting a quote that ends its sentence inside the marks.

    The parser's own sentences split quotes apart, so the frame of a quote is read between
    these breaks instead: sentence-final punctuation outside quotes, the closing mark of a quote
    whose last word ends a sentence when a capital follows, and paragraph ends.
    """
    text = doc_text(doc)
    breaks = set()
    for tok in doc:
        if tok.text in _SENTENCE_END and not in_ranges(inside, tok.idx):
            breaks.add(tok.idx + len(tok))
    for q in marked:
        if text[q.end - 1] in ".!?…":
            nxt = _skip(text, q.close_at, len(text), " \t")
            if (nxt >= len(text) or text[nxt] == "\n" or text[nxt].isupper() or text[nxt] in _DOUBLE_OPENERS
                    or text.startswith(_TWO_CHAR_OPENERS, nxt)):
                breaks.add(q.close_at)
    for i, ch in enumerate(text):
        if ch == "\n":
            breaks.add(i)
    return sorted(breaks)
