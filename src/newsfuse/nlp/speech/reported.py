"""Reported speech in one parsed article: the clauses that reporting verbs and framing phrases attribute.

A clause a reporting verb governs ("X said that …", "…, AFP reported"), or that "according to X",
"in X's words" or "as X said" frames, is reported ("indirect") speech. A clause that is itself
inside quotation marks is the direct quote, not a second one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsfuse.model import Mention, skip_dateline
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
from newsfuse.nlp.speech.marks import MarkedQuote, in_ranges

# An indirect clause that is mostly inside quotation marks is the direct quote already.
MAX_QUOTED_SHARE_OF_INDIRECT = 0.8
_CUE_LEMMAS = SPEECH_VERBS | {"put"}
# Speech acts whose content is a request or a promise rather than a clause ("urged X to …",
# "pledged to …"; "call" is read apart: "called for …", "called on X to …", "called X Y").
# PolNeAR train (2026-12): 42 of dev's and 288 of train's misses were requests, promises and calls.
_PROMISE_CUES = frozenset({"promise", "pledge", "vow", "threaten"})
_REQUEST_CUES = frozenset({"urge", "ask", "plead"})
# Fewer words than this is no statement ("called for it").
MIN_REQUEST_WORDS = 2
# A line that opens with a name and a colon is that person's or body's statement: a headline's
# attribution ("Graham: Trump's Rhetoric Destroying GOP's Chance") or a transcript's turn ("PENCE:
# Well, …"). The name is at most this many capitalised words; the statement at least
# MIN_LINE_STATEMENT_WORDS words. PolNeAR train (2026-12): 35 of 315 error rows in 150 articles
# were such lines; checked on dev.
MAX_LINE_NAME_WORDS = 5
MIN_LINE_STATEMENT_WORDS = 3
_LINE_NAME = re.compile(r"^[ \t]*((?:[A-Z][\w.'’-]*[ \t]+){0,%d}[A-Z][\w.'’-]*)[ \t]*:[ \t]+(?=\S)" % (MAX_LINE_NAME_WORDS - 1), re.M)
# Labels of the name before the colon: a person or an organisation, not a time, place or label ("Update:").
_LINE_SPEAKER_LABELS = ("PERSON", "ORG")


@dataclass(frozen=True, slots=True)
class ReportedSpeech:
    """A reported clause: its character span, the cue that reports it and the source it names."""

    start: int
    end: int
    cue: str  # speech verb lemma ("say", "note"), "according to" or "in the words of"
    speaker: Source | None


def reported_speech(doc, attributor: Attributor, direct: list[MarkedQuote], inside, dateline) -> list[ReportedSpeech]:
    """Every reported clause in ``doc`` outside the ``direct`` quotes and the ranges ``inside`` marks,
    in text order of its cue; ``dateline`` (``Article.dateline_span``) is left out of the clause it opens."""
    quoted = sorted(p for q in direct for p in q.pieces)
    out = []
    for tok in doc:
        # Cheap test first: only these words can start a cue.
        if tok.lower_ not in ("according", "words") and tok.lemma_.lower() not in _CUE_LEMMAS:
            continue
        if in_ranges(inside, tok.idx):
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
        if cue == "call" and not _governs_clause(tok) and _quoted_share(quoted, start, end):
            # 'called the offer "an insult"' read as a naming: the quoted name is the direct quote, found already.
            continue
        end = _through_open_quote(direct, start, end)
        out.append(ReportedSpeech(start, end, cue, attributor.source(source_token)))
    return out


def line_statements(text: str, mentions) -> list[ReportedSpeech]:
    """Lines that open with a person's or organisation's name and a colon: the rest of the line is
    their statement (cue ":"), in text order."""
    out = []
    # A transcript's "PENCE:" is seldom tagged; it names a person the article names elsewhere ("Mike Pence").
    person_words = {w.casefold() for x in mentions if x.label == "PERSON" and not x.text.isupper() for w in x.text.split()}
    for m in _LINE_NAME.finditer(text):
        name_start, name_end = m.span(1)
        prefix = m.group(1)
        # All capitals is a transcript's speaker or a page's label ("RELATED ARTICLES:"): only a person's name counts.
        names = [x for x in mentions if x.label in _LINE_SPEAKER_LABELS and name_start <= x.start and x.end == name_end
                 and not prefix.isupper()]
        if not names and prefix.isupper() and all(w.casefold() in person_words for w in prefix.split()):
            names = [Mention(name_start, name_end, prefix, "PERSON", 0)]
        if not names:
            continue
        line_end = text.find("\n", m.end())
        end = len(text[: line_end if line_end >= 0 else len(text)].rstrip())
        words = [w for w in text[m.end() : end].split() if w.strip(".,;:!?“”\"'‘’").isalpha()]
        if len(words) < MIN_LINE_STATEMENT_WORDS:  # "Jane Roe: jroe@paper.com or 555-0100" is a contact line
            continue
        name = min(names, key=lambda x: x.start)
        out.append(ReportedSpeech(m.end(), end, ":", Source(name.start, name.end, name.text, name.label)))
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
    tokens = _request_or_naming(tok)
    if tokens and _same_paragraph_as(tokens[-1], tok):
        return _same_paragraph(tokens, tok, doc), tok.lemma_.lower(), subject_of(tok)
    return None


def _governs_clause(verb) -> bool:
    """Whether the parser gave ``verb`` a complement clause (not a naming or request read apart)."""
    return any(c.dep_ == "ccomp" and not c.is_punct for c in verb.children) or that_clause(verb) is not None


def _request_or_naming(verb) -> list:
    """What a speech act without a clause says: a request, promise or naming after its verb.

    "called for a ban", "called on Congress to act", "urged voters to stay home", "pledged to
    work together", "promised a new deal", "called the deal a disaster": the verb's objects and
    complements, not its time or manner ("on Monday", "in a speech"). Empty for other verbs, or
    when the parse has no such complement ("called him", a telephone call)."""
    lemma = verb.lemma_.lower()
    kids = [c for c in verb.children if c.i > verb.i]
    dep = {c.dep_: c for c in reversed(kids)}
    parts = []
    if lemma == "call":
        prep = next((c for c in kids if c.dep_ == "prep" and c.lower_ in ("for", "on")), None)
        if prep is not None and prep.lower_ == "for":
            parts = [c for c in prep.children if c.dep_ == "pobj"]
        elif prep is not None:
            parts = [c for c in kids if c.dep_ == "xcomp"] or [
                t for c in prep.children if c.dep_ == "pobj" for t in c.children if t.dep_ in ("acl", "relcl") and t.i > c.i]
        elif "dobj" in dep and any(d in dep for d in ("oprd", "xcomp", "ccomp")):
            parts = [dep["dobj"]] + [dep[d] for d in ("oprd", "xcomp", "ccomp") if d in dep]
    elif lemma in _PROMISE_CUES:
        parts = [dep[d] for d in ("xcomp", "dobj") if d in dep][:1]
    elif lemma in _REQUEST_CUES and "xcomp" in dep:
        parts = [dep[d] for d in ("dobj", "xcomp") if d in dep]
    tokens = sorted({t.i: t for p in parts for t in p.subtree}.values(), key=lambda t: t.i)
    if len(tokens) < MIN_REQUEST_WORDS:
        return []
    # One contiguous span from the first complement to the last.
    doc = verb.doc
    return [doc[i] for i in range(tokens[0].i, tokens[-1].i + 1) if not (i == tokens[-1].i and doc[i].is_punct)]


def _speaking_participle(tok) -> bool:
    """A participle clause after a comma that tells how the source spoke ("citing", "adding")."""
    return (tok.dep_ in ("advcl", "xcomp", "conj") and tok.tag_ == "VBG" and tok.i > tok.head.i
            and tok.i > 0 and tok.doc[tok.i - 1].text == "," and (tok.lemma_.lower() in _CUE_LEMMAS or tok.lemma_.lower() == "cite"))


def _same_paragraph_as(a, b) -> bool:
    text = doc_text(a.doc)
    lo, hi = sorted((a.idx, b.idx))
    return "\n" not in text[lo:hi]


def _through_open_quote(direct: list[MarkedQuote], start: int, end: int) -> int:
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
