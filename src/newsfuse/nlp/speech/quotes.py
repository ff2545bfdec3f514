"""Quotations in one parsed article: direct quotes and reported speech, each with its speaker span.

Direct quotes are found from the quotation marks (curly, straight, guillemets, single curly
at the top level), so a quote that the parser splits over sentences stays one quote. A quote
left open at the end of a paragraph continues when the next paragraph opens with a mark (the
newspaper convention for a quote running over paragraphs). The speaker comes from the nearest
speech cue in the same sentence outside the marks — a reporting verb before or after the quote
(`"…," X said`, `X said: "…"`, `"…," said X`, `— "…," X said`, `called the deal "a key …"`),
"according to X", "in X's words", "as X said" — else from the sentence just before (`X spoke
on Tuesday. "…"`, a line ending in a colon) or from the quote just before it (a quote that
carries on in the next sentence). :class:`~newsfuse.nlp.speech.attribution.Attributor` turns the cue's
subject into a span: a name mention, a pronoun's or description's antecedent, or the phrase.

Reported speech becomes an "indirect" quote: the clause a reporting verb governs ("X said that
…", "…, AFP reported"), or the clause that "according to X", "in X's words" or "as X said"
frames. A clause that is itself inside quotation marks is the direct quote, not a second one.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from newsfuse.model import QuoteSpan, skip_dateline
from newsfuse.nlp.speech.attribution import Attributor, Source
from newsfuse.nlp.speech.cues import (
    SPEECH_VERBS,
    according_to_object,
    doc_text,
    is_speech_verb,
    subject_of,
    that_clause,
    words_of_object,
)

# Opening mark → the marks that close it. "„" closes with a left curly mark in German-style text.
# Scraped text mixes straight and curly marks ("… a whole life ahead,” said …), so each double
# opener also takes the other kind of double closer.
_CLOSERS = {"“": "”\"", "«": "»", "„": "“”", '"': '"”', "”": "”", "‘": "’"}
_DOUBLE_OPENERS = "“«„\""
_DASHES = "—–-"
_SENTENCE_END = frozenset({".", "!", "?", "…", "..."})
# A quote with no speech cue is kept only when it is at least this long and reads as a sentence:
# shorter ones are titles, names and scare quotes ("the so-called "peace plan"") (our fixtures, 2026-05).
MIN_UNCUED_WORDS = 4
# A cue after a quote that ends its own sentence ("…!" Hutton commented on the photo.) is read
# only when its speech verb is among the first this many words of what follows: further in, the
# words are a new sentence, not an attribution (our fixtures; GVC spot checks, 2026-05).
MAX_TRAILING_CUE_TOKENS = 4
# An indirect clause that is mostly inside quotation marks is the direct quote already.
MAX_QUOTED_SHARE_OF_INDIRECT = 0.8
# A cue before a quote and further from it than this (in words) must govern it in the parse, or
# be governed by it: "X said: "…"" is next to its quote, "X called the deal "…"" governs it
# (our fixtures and the seeds; GVC spot checks, 2026-05).
# Provisional (set on the examples or seeds): docs/quality.md, "Provisional constants".
MAX_UNLINKED_CUE_DISTANCE = 3
# Dependency labels the parser gives a speaker written after the verb ("asked resident X").
_INVERTED = frozenset({"dobj", "attr", "dative", "npadvmod", "oprd", "dep", "appos"})
_CUE_LEMMAS = SPEECH_VERBS | {"put"}
_SCARE_PREFIXES = ("so-called", "so called", "dubbed", "titled", "entitled", "named", "nicknamed", "known as")


@dataclass(slots=True)
class _Marked:
    """A quotation found from its marks: content pieces (one per paragraph) and the mark positions."""

    pieces: list[tuple[int, int]]
    open_at: int  # index of the first opening mark
    close_at: int  # index just past the last closing mark (or the paragraph end when unclosed)
    speaker: Source | None = None
    cue: str = ""

    @property
    def start(self) -> int:
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        return self.pieces[-1][1]


def find_quotes(doc, mentions, dateline: tuple[int, int] | None = None) -> tuple[QuoteSpan, ...]:
    """Every direct quotation and reported-speech clause in ``doc`` with its speaker span;
    ``dateline`` is the article's (``Article.dateline_span``), left out of the clause it opens.

    Steps:
    1. find quoted passages from the quotation marks, joining those that run over paragraphs;
    2. give each the speech cue nearest to it in its sentence, and the cue's speaker;
    3. give a quote without a cue the speaker of the sentence or the quote just before it;
    4. drop titles and scare quotes (short, no cue);
    5. add reported speech: clauses governed by reporting verbs or framed by "according to";
    6. return them in text order with their sentence index.
    """
    text = doc_text(doc)
    # 1. marks
    marked = quoted_passages(text)
    attributor = Attributor.of(doc, mentions, [(q.open_at, q.close_at) for q in marked])
    inside = _inside_index(marked)
    breaks = _sentence_breaks(doc, marked, inside)
    # 2. cues in the same sentence
    for q in marked:
        _attribute(q, doc, attributor, inside, breaks)
    # 3. cues from the sentence or quote before
    for k, q in enumerate(marked):
        if not q.cue and q.speaker is None:
            _inherit(q, marked[k - 1] if k else None, doc, attributor, inside, breaks)
    # 4. titles and scare quotes
    kept = [q for q in marked if _is_quotation(q, text)]
    # 5. reported speech; a partial quote inside it whose "speaker" is a plain noun of the
    # reported clause itself ("X claimed officers were responding to "…"") is the reporter's
    indirect = _indirect(doc, attributor, kept, inside, dateline)
    for q in kept:
        _speaker_of_enclosing(q, indirect)
    out = [_direct_record(q, text, attributor, doc) for q in kept] + indirect
    # 6. order
    out.sort(key=lambda r: (r.start, r.kind != "direct"))
    return tuple(out)


# -- 1. quotation marks ---------------------------------------------------------------------


def quoted_passages(text: str) -> list[_Marked]:
    """Quoted passages from the marks alone, in text order, without their marks.

    A paragraph that ends inside an open quote and is followed by a paragraph opening with a
    quotation mark continues that quote; otherwise the quote ends with its paragraph.
    """
    out: list[_Marked] = []
    pending: _Marked | None = None
    for p_start, p_end in _paragraphs(text):
        i = p_start
        if pending is not None:
            j = _skip(text, p_start, p_end, " \t" + _DASHES)
            if j < p_end and text[j] in _DOUBLE_OPENERS + "‘":
                found, i = _scan_quote(text, j, p_end, text[j])
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
            c = text[i]
            if c in _CLOSERS and _opens(text, i, p_start, p_end):
                (piece, close_at, closed), i = _scan_quote(text, i, p_end, c)
                q = _Marked([piece], open_at=piece[0] - 1, close_at=close_at)
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


def _opens(text: str, i: int, p_start: int, p_end: int) -> bool:
    """Whether the mark at ``i`` opens a quotation (straight and right marks are read by their neighbours)."""
    c = text[i]
    prev = text[i - 1] if i > p_start else " "
    nxt = text[i + 1] if i + 1 < p_end else " "
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
    closers = _CLOSERS[opener]
    j = i + 1
    while j < p_end:
        c = text[j]
        if c in closers and (opener != "‘" or j + 1 >= p_end or not text[j + 1].isalpha()):
            # A mark after a space closes only a curly pair; a straight one there opens something else.
            if not text[j - 1].isspace() or c != '"' and opener not in '"”':
                return ((i + 1, j), j + 1, True), j + 1
        j += 1
    return ((i + 1, p_end), p_end, False), p_end


def _trimmed(q: _Marked, text: str) -> _Marked | None:
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


def _inside_index(marked: list[_Marked]) -> list[tuple[int, int]]:
    """Sorted character ranges covered by quotation content or marks (for "is this inside a quote")."""
    ranges = []
    for q in marked:
        ranges.append((q.open_at, q.close_at))
    return sorted(ranges)


def _in_ranges(ranges: list[tuple[int, int]], pos: int) -> bool:
    k = bisect.bisect_right(ranges, (pos, float("inf"))) - 1
    return k >= 0 and ranges[k][0] <= pos < ranges[k][1]


def _sentence_breaks(doc, marked: list[_Marked], inside) -> list[int]:
    """Character offsets where a sentence ends, counting a quote that ends its sentence inside the marks.

    The parser's own sentences split quotes apart, so the frame of a quote is read between
    these breaks instead: sentence-final punctuation outside quotes, the closing mark of a quote
    whose last word ends a sentence when a capital follows, and paragraph ends.
    """
    text = doc_text(doc)
    breaks = set()
    for tok in doc:
        if tok.text in _SENTENCE_END and not _in_ranges(inside, tok.idx):
            breaks.add(tok.idx + len(tok))
    for q in marked:
        if text[q.end - 1] in ".!?…":
            nxt = _skip(text, q.close_at, len(text), " \t")
            if nxt >= len(text) or text[nxt] == "\n" or text[nxt].isupper() or text[nxt] in _DOUBLE_OPENERS:
                breaks.add(q.close_at)
    for i, ch in enumerate(text):
        if ch == "\n":
            breaks.add(i)
    return sorted(breaks)


# -- 2. cues in the sentence ----------------------------------------------------------------


def _frame(q: _Marked, doc, breaks: list[int]) -> tuple[int, int, int, int]:
    """(left start, left end, right start, right end): the sentence around the quote, outside it."""
    k = bisect.bisect_right(breaks, q.open_at) - 1
    left_start = breaks[k] if k >= 0 else 0
    k = bisect.bisect_left(breaks, q.close_at)
    right_end = breaks[k] if k < len(breaks) else len(doc_text(doc))
    if right_end == q.close_at and right_end < len(doc_text(doc)) and doc_text(doc)[right_end - 1] not in "\n":
        # The quote ended its sentence: look at a short trailing cue ("…." Smith said.) only.
        k2 = bisect.bisect_right(breaks, q.close_at)
        nxt = breaks[k2] if k2 < len(breaks) else len(doc_text(doc))
        if "\n" not in doc_text(doc)[q.close_at:nxt]:
            span = doc.char_span(q.close_at, nxt, alignment_mode="expand")
            words = [t for t in span if not t.is_punct and not t.is_space] if span is not None else []
            # Active voice only: "They are asked to …" is not the quote's speaker.
            if words and any(is_speech_verb(t) and not _passive(t) for t in words[:MAX_TRAILING_CUE_TOKENS]):
                right_end = nxt
    return left_start, q.open_at, q.close_at, right_end


def _passive(verb) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def _cue_tokens(doc, start: int, end: int, inside) -> list:
    if end <= start:
        return []
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return []
    return [t for t in span if start <= t.idx < end and not _in_ranges(inside, t.idx)]


def _cues(tokens, attributor: Attributor, after_quote: bool = False) -> list[tuple[object, str, Source | None]]:
    """(position token, cue, speaker) for each speech cue among ``tokens``.

    After a quote the speaker may follow the verb with no subject link ("…?" asked resident
    Peter Novak): the first noun after the verb then names them.
    """
    out = []
    for tok in tokens:
        obj = according_to_object(tok)
        if obj is not None:
            out.append((tok, "according to", attributor.source(obj)))
            continue
        obj = words_of_object(tok)
        if obj is not None:
            out.append((tok, "in the words of", attributor.source(obj)))
            continue
        if is_speech_verb(tok):
            subj = subject_of(tok)
            if subj is None and after_quote:
                after = [c for c in tok.rights if c.pos_ in ("PROPN", "NOUN") and c.dep_ in _INVERTED]
                subj = next((c for c in after if c.pos_ == "PROPN"), after[0] if after else None)
            out.append((tok, tok.lemma_.lower(), attributor.source(subj) if subj is not None else None))
    return out


def _attribute(q: _Marked, doc, attributor: Attributor, inside, breaks) -> None:
    left_start, left_end, right_start, right_end = _frame(q, doc, breaks)
    left = _cue_tokens(doc, left_start, left_end, inside)
    right = _cue_tokens(doc, right_start, right_end, inside)
    best = None
    for tok, cue, speaker in _cues(right, attributor, after_quote=True):
        distance = sum(1 for t in right if t.i < tok.i and not t.is_punct)
        cand = (distance, 0, tok, cue, speaker)
        if best is None or cand[:2] < best[:2]:
            best = cand
    quoted = _quote_tokens(q, doc)
    for tok, cue, speaker in _cues(left, attributor):
        distance = sum(1 for t in left if t.i > tok.i and not t.is_punct)
        if distance > MAX_UNLINKED_CUE_DISTANCE and not _linked(tok, quoted):
            # Far before the quote and not governing it: "… police said, and … was "critical."".
            continue
        cand = (distance, 1, tok, cue, speaker)
        if best is None or cand[:2] < best[:2]:
            best = cand
    if best is not None:
        _, _, _, q.cue, q.speaker = best
        return
    # "Smith: "…"": a name and a colon before the quote, as in transcripts and headlines;
    # ""…," Gibson." with the verb left out.
    words = [t for t in left if not t.is_punct and not t.is_space]
    if words and doc_text(doc)[left_start:left_end].rstrip().endswith(":"):
        src = attributor.source(words[-1])
        if src is not None and src.label in ("PERSON", "ORG") and len(words) <= 4:
            q.speaker = src
            return
    after = [t for t in right if not t.is_punct and not t.is_space]
    if after and len(after) <= 3 and all(t.pos_ == "PROPN" for t in after):
        src = attributor.source(after[-1])
        if src is not None and src.is_person:
            q.speaker = src


def _quote_tokens(q: _Marked, doc) -> set[int]:
    out: set[int] = set()
    for s, e in q.pieces:
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is not None:
            out.update(range(span.start, span.end))
    return out


def _linked(cue, quoted: set[int]) -> bool:
    """Whether the parse joins the cue and the quote: one governs the other."""
    if any(a.i in quoted for a in cue.ancestors):
        return True
    return any(cue.i == a.i for k in quoted for a in cue.doc[k].ancestors)


# -- 3. cues from before --------------------------------------------------------------------


def _inherit(q: _Marked, prev: _Marked | None, doc, attributor: Attributor, inside, breaks) -> None:
    """A quote that opens its sentence with no cue: the speaker of the sentence or quote just before."""
    text = doc_text(doc)
    left_start, left_end, _, _ = _frame(q, doc, breaks)
    if text[left_start:left_end].strip(" \t\n" + _DASHES):
        return
    # The sentence before: up to the previous break, across a paragraph break.
    k = bisect.bisect_right(breaks, left_start - 1) - 1
    before_end = left_start
    while k >= 0 and not text[breaks[k] : before_end].strip():
        before_end = breaks[k]
        k -= 1
    before_start = breaks[k] if k >= 0 else 0
    before = _cue_tokens(doc, before_start, before_end, inside)
    if prev is not None and prev.close_at >= before_start and prev.speaker is not None:
        # The sentence before is the previous quote's own (`"A," X said. "B."`).
        q.speaker, q.cue = prev.speaker, prev.cue
        return
    cues = [c for c in _cues(before, attributor) if c[2] is not None]
    if cues:
        _, q.cue, q.speaker = cues[-1]
        return
    same_paragraph = "\n" not in text[before_start:left_end]
    if same_paragraph or text[before_start:before_end].rstrip().endswith(":"):
        # "X was blunt:" or "X was blunt. "…"": whoever the sentence before is about.
        for tok in before:
            if tok.dep_ in ("nsubj", "nsubjpass"):
                src = attributor.source(tok)
                if src is not None and (src.label == "PERSON" or not same_paragraph and src.label is not None):
                    q.speaker = src
                    return


def _speaker_of_enclosing(q: _Marked, indirect: list[QuoteSpan]) -> None:
    """Give a partial quote the speaker of the reported speech around it when its own speaker is
    an unnamed noun inside that reported clause: the verb it hangs on is not the speech act."""
    s = q.speaker
    if s is None or s.label is not None or s.via is not None:
        return
    for r in indirect:
        if (r.start <= q.open_at and q.close_at <= r.end + 1 and r.start <= s.start and s.end <= r.end
                and r.speaker_text is not None):
            q.speaker = Source(r.speaker_start, r.speaker_end, r.speaker_text, None, via=r.speaker_ref)
            q.cue = r.cue
            return


# -- 4. what counts as a quotation ----------------------------------------------------------


def _is_quotation(q: _Marked, text: str) -> bool:
    before = text[max(0, q.open_at - 20) : q.open_at].lower().rstrip()
    if before.endswith(_SCARE_PREFIXES):
        return False
    if _nickname(q, text):
        return False
    if q.speaker is not None:
        return True
    words = text[q.start : q.end].split()
    return len(words) >= MIN_UNCUED_WORDS and (text[q.end - 1] in ".!?…" or len(words) >= 2 * MIN_UNCUED_WORDS)


def _nickname(q: _Marked, text: str) -> bool:
    """Josue ‘Joshua’ Guzman: one or two capitalised words quoted between two names."""
    words = text[q.start : q.end].split()
    if not 1 <= len(words) <= 2 or not all(w[:1].isupper() for w in words):
        return False
    before = text[max(0, q.open_at - 30) : q.open_at].split()
    after = text[q.close_at : q.close_at + 30].split()
    return bool(before and after and before[-1][:1].isupper() and after[0][:1].isupper())


def _direct_record(q: _Marked, text: str, attributor: Attributor, doc) -> QuoteSpan:
    parts = [text[q.pieces[0][0] : q.pieces[0][1]]]
    for (_, prev_end), (s, e) in zip(q.pieces, q.pieces[1:]):
        parts.append("".join(ch for ch in text[prev_end:s] if ch.isspace()) or " ")
        parts.append(text[s:e])
    return _record(q.start, q.end, "".join(parts), q.speaker, "direct", q.cue, _sentence_at(doc, attributor, q.start))


def _record(start, end, text, speaker: Source | None, kind, cue, sentence) -> QuoteSpan:
    return QuoteSpan(
        start=start,
        end=end,
        text=text,
        speaker_text=speaker.text if speaker else None,
        speaker_start=speaker.start if speaker else None,
        speaker_end=speaker.end if speaker else None,
        kind=kind,
        cue=cue,
        sentence=sentence,
        speaker_ref=speaker.via if speaker else None,
    )


def _sentence_at(doc, attributor: Attributor, char: int) -> int:
    span = doc.char_span(char, min(char + 1, len(doc_text(doc))), alignment_mode="expand")
    return attributor.sentence_of(span.start) if span is not None and len(span) else 0


# -- 5. reported speech ---------------------------------------------------------------------


def _indirect(doc, attributor: Attributor, direct: list[_Marked], inside, dateline) -> list[QuoteSpan]:
    text = doc_text(doc)
    quoted = sorted((q.start, q.end) for q in direct)
    out = []
    for tok in doc:
        # Cheap test first: only these words can start a cue.
        if tok.lower_ not in ("according", "words") and tok.lemma_.lower() not in _CUE_LEMMAS:
            continue
        if _in_ranges(inside, tok.idx):
            continue
        found = reported_clause(tok)
        if found is None:
            continue
        span_tokens, cue, source_token = found
        if source_token is None:
            # "It should be recalled that …" reports nobody's speech.
            continue
        start, end = _clause_chars(span_tokens, dateline)
        if end <= start or _quoted_share(quoted, start, end) > MAX_QUOTED_SHARE_OF_INDIRECT:
            continue
        if cue not in ("according to", "in the words of") and tok.dep_ == "advcl" and _quoted_share(quoted, start, end):
            # "…, "…," as he described": the "as" clause attributes the quote, which is found already.
            continue
        end = _through_open_quote(direct, start, end)
        speaker = attributor.source(source_token)
        out.append(_record(start, end, text[start:end], speaker, "indirect", cue, _sentence_at(doc, attributor, start)))
    return out


def reported_clause(tok):
    """For a reporting cue at ``tok``: (tokens of the reported clause, cue, token naming the source), or None.

    The cues: a reporting verb with a complement clause ("X said (that) …", "…, AFP reported"),
    or set aside in the clause it reports ("the law, he argued, would …"), "as X said, …",
    "according to X, …" and "in X's words, …". Questions ("asked whether …")
    and denied speech ("did not say that …") report nothing; a clause in another paragraph
    (the parser's sentences can run over paragraph breaks) is not the one reported.
    """
    doc = tok.doc
    obj = according_to_object(tok)
    if obj is not None:
        return _framed_clause(tok, doc), "according to", obj
    obj = words_of_object(tok)
    if obj is not None:
        return _framed_clause(tok.head, doc), "in the words of", obj
    if not is_speech_verb(tok) or any(c.dep_ == "neg" for c in tok.children):
        return None
    comp = next((c for c in tok.children if c.dep_ == "ccomp" and not c.is_punct), None) or that_clause(tok)
    if comp is not None:
        if not _same_paragraph_as(comp, tok):
            return None
        if any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in comp.children):
            return None
        if any(c.tag_ in ("WRB", "WP", "WDT") and c.i < comp.i for c in comp.children):
            return None
        # "…, citing hospital staff" / "…, adding that …" after the clause says how the source
        # spoke, not what it said, wherever the parser hangs it.
        aside = {t.i for c in comp.children if _speaking_participle(c) for t in c.subtree}
        tokens = [t for t in comp.subtree
                  if not (t.dep_ == "mark" and t.head.i == comp.i and t.i < comp.i) and t.i not in aside]
        return _same_paragraph(tokens, comp, doc), tok.lemma_.lower(), subject_of(tok)
    as_clause = tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children)
    # "The law, he argued, would …" and "…, AFP reported" parsed as a clause aside.
    aside = tok.dep_ == "parataxis" and not any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in tok.children)
    if as_clause or aside:
        if not _same_paragraph_as(tok.head, tok):
            return None
        return _framed_clause(tok, doc), tok.lemma_.lower(), subject_of(tok)
    return None


def _speaking_participle(tok) -> bool:
    """A participle clause after a comma that tells how the source spoke ("citing", "adding")."""
    return (tok.dep_ in ("advcl", "xcomp", "conj") and tok.tag_ == "VBG" and tok.i > tok.head.i
            and tok.i > 0 and tok.doc[tok.i - 1].text == "," and (tok.lemma_.lower() in _CUE_LEMMAS or tok.lemma_.lower() == "cite"))


def _same_paragraph_as(a, b) -> bool:
    text = doc_text(a.doc)
    lo, hi = sorted((a.idx, b.idx))
    return "\n" not in text[lo:hi]


def _through_open_quote(direct: list[_Marked], start: int, end: int) -> int:
    """Extend a clause that stops inside a quotation to the quotation's closing mark."""
    for q in direct:
        if start <= q.open_at < end < q.close_at:
            return q.close_at
    return end


def _framed_clause(phrase_head, doc) -> list:
    """The clause around a framing phrase ("according to X", "as X said"), without the phrase."""
    anchor = phrase_head.head if phrase_head.head.i != phrase_head.i else phrase_head
    drop = {t.i for t in phrase_head.subtree}
    tokens = [t for t in anchor.subtree if t.i not in drop]
    return _same_paragraph(tokens, anchor, doc)


def _same_paragraph(tokens, anchor, doc) -> list:
    """Tokens on the anchor's side of any paragraph break (the parser's sentences can cross them)."""
    text = doc_text(doc)
    lo = text.rfind("\n", 0, anchor.idx) + 1
    hi = text.find("\n", anchor.idx)
    hi = len(text) if hi < 0 else hi
    return [t for t in tokens if lo <= t.idx < hi]


def _clause_chars(tokens, dateline: tuple[int, int] | None) -> tuple[int, int]:
    """The character span of ``tokens`` without the dateline opening it, punctuation, quotation
    marks or "that" at its edges."""
    toks = sorted(tokens, key=lambda t: t.i)
    if toks and (start := skip_dateline(toks[0].idx, dateline)) != toks[0].idx:
        toks = [t for t in toks if t.idx >= start]
    while toks and (toks[0].is_punct or toks[0].is_space or toks[0].lower_ in ("that", "whether")):
        toks = toks[1:]
    while toks and (toks[-1].is_punct or toks[-1].is_space):
        toks = toks[:-1]
    if not toks:
        return 0, 0
    return toks[0].idx, toks[-1].idx + len(toks[-1])


def _quoted_share(quoted: list[tuple[int, int]], start: int, end: int) -> float:
    covered = sum(max(0, min(e, end) - max(s, start)) for s, e in quoted)
    return covered / max(1, end - start)
