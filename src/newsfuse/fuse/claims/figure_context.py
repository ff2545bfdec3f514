"""Whether two rival figures count one thing: the words around them, their nouns, and their statements' parse."""

from __future__ import annotations

import re
from collections.abc import Mapping

from newsfuse.fuse.claims import frames
from newsfuse.fuse.claims.parses import statement_parses
from newsfuse.fuse.claims.slots import Amount
from newsfuse.fuse.claims.units import ClaimUnit, content_words
from newsfuse.util import jaccard

# Words each side of a figure that say what it counts, and how alike the two windows must be for
# two figures to count the same thing ("# workers had joined the stoppage" / "# dockworkers kept
# up a 72-hour strike" 0.6+; "a fair offer of a # rise" / "the union's demand for an # pay rise"
# below). examples/setubal and tests/data/align, 2026-11.
# Provisional (set on the examples or seeds): docs/quality.md, "Provisional constants".
WINDOW_WORDS = 6
WINDOW_COSINE = 0.6
WINDOW_JACCARD = 0.3
# Added to the windows' likeness when the two counts name the same thing ("vessels"/"ships"),
# and when the windows share a content word ("divert", "rate"). With these, the planted figures of
# examples/setubal and the fixtures score 0.6-1.1 and the closest non-contradictions ("the union's
# demand for an 8% rise" / "a fair offer of a 3% rise"; a traffic fall against a pay rise) 0.54-0.59.
# Provisional (set on the examples or seeds): docs/quality.md, "Provisional constants".
SAME_NOUN_BONUS = 0.15
SHARED_WORD_BONUS = 0.1
# Counts of different nouns ("one dead" / "two survivors") must have windows this alike.
STRONG_WINDOW_COSINE = 0.75
# Two verbs this close tell one deed ("raise"/"lift" 0.57, "arrest"/"detain" 0.61, "take"/"take in"
# 0.69 with all-MiniLM-L6-v2); the verbs of the different deeds in the GVA train check parts 1-4
# ("remain"/"transfer", "hear"/"fire", "approach"/"stand", "spot"/"crash") are 0.26-0.41
# (docs/quality.md, 2026-12-07 fourth session). The same bar as the aligner's counted nouns.
VERB_COSINE = 0.5
# Characters each side of a figure read for the basis it is given on (a rate, an average).
BASIS_CHARS = 40
# A figure given per period ("3,000 a year", "annually") or as an average ("an average of 40", "40 on
# average") is on another basis than a total or one period's figure: English usage, not a fit.
_RATE_AFTER = re.compile(r"^[\s\w%$€£-]{0,20}?\b(?:a|an|per|each|every)\s+(?:year|month|week|day|quarter|decade)\b"
                         r"|^[\s\w%$€£-]{0,20}?\b(?:annually|yearly|monthly|weekly|daily|annual|per annum)\b", re.I)
_AVERAGE = re.compile(r"\baverag\w*|\bmedian\b", re.I)


def same_context(figures, texts: Mapping[str, str], embedded: bool, close: set[tuple[str, str]]):
    """The figure pairs whose surrounding words are alike ("# workers had joined the stoppage" /
    "# dockworkers kept up a strike"): the figures then count the same thing. Each comes with its
    likeness and whether the windows' embeddings alone are strongly alike (STRONG_WINDOW_COSINE:
    "will get a # pay rise over two years" / "will receive a # pay rise over two years")."""
    if not figures:
        return []
    windows = [(figure_window(texts.get(a.article, ""), a, x), figure_window(texts.get(b.article, ""), b, y))
               for _, _, a, b, x, y, _ in figures]
    if embedded:
        from newsfuse.nlp.encoder import embed_texts

        distinct = sorted({w for pair in windows for w in pair})
        row = {w: k for k, w in enumerate(distinct)}
        vectors = embed_texts(distinct)
        sims = [float(vectors[row[u]] @ vectors[row[v]]) for u, v in windows]
        threshold = WINDOW_COSINE
    else:
        sims = [_jaccard_words(u, v) for u, v in windows]
        threshold = WINDOW_JACCARD
    same = [_same_noun(f[4], f[5], close) for f in figures]
    # Counts of different nouns under one verb ("employs about 3,100 people" / "employs 2,400
    # workers") count one thing when the parse finds that verb governing both.
    maybe = [k for k, f in enumerate(figures) if f[4].kind == "cardinal" and not same[k]
             and sims[k] < STRONG_WINDOW_COSINE
             and sims[k] + SAME_NOUN_BONUS + SHARED_WORD_BONUS * _share_words(*windows[k]) >= threshold]
    if maybe:
        parses = statement_parses([u for k in maybe for u in figures[k][2:4]], texts, entities=False)
        for k in maybe:
            same[k] = _one_predicate(*figures[k][2:6], parses)
    alike = [embedded and sim >= STRONG_WINDOW_COSINE for sim in sims]
    sims = [sim + SAME_NOUN_BONUS * one + SHARED_WORD_BONUS * _share_words(*w)
            if f[4].kind != "cardinal" or one or sim >= STRONG_WINDOW_COSINE else 0.0
            for f, sim, w, one in zip(figures, sims, windows, same)]
    ranked = sorted(zip(sims, range(len(figures))), reverse=True)
    return [(*figures[k], sim, alike[k]) for sim, k in ranked if sim >= threshold]


def same_frame(a: ClaimUnit, b: ClaimUnit, x: Amount, y: Amount, parses: Mapping, close: set[tuple[str, str]],
               alike: bool = False, embedded: bool = False) -> bool:
    """Whether two figures count one thing at one time in one scope (frames.frames_comparable);
    two verbs may tell one deed when the figures' windows are strongly ``alike`` or, ``embedded``,
    the verbs are close (VERB_COSINE). True when either statement has no parse."""
    found = _frames(a, b, x, y, parses)
    if found is None:
        return True
    fx, fy = found
    same = _same_word(fx.counted, fy.counted, close)
    # Two verbs tell one deed only of counts that are their subjects or objects: "the pirates, in
    # three boats, were attempting" / "two speedboats were approaching" count two things.
    one_deed = (alike or embedded and _close_verbs(fx.predicate, fy.predicate)) and (
        x.kind != "cardinal" or frames.same_role(fx, fy))
    return frames.frames_comparable(fx, fy, a.words, b.words, same, _same_word(fx.owner, fy.owner, close), one_deed)


def _close_verbs(p: str, q: str) -> bool:
    if not p or not q or p == q:
        return p == q
    from newsfuse.nlp.encoder import embed_texts

    v = embed_texts([p, q])
    return float(v[0] @ v[1]) >= VERB_COSINE


def one_length(a: ClaimUnit, b: ClaimUnit, x: Amount, y: Amount, parses: Mapping, close: set[tuple[str, str]]) -> bool:
    """Whether two lengths of time may be one: of one subject (``frames.owners_apart``: "Lorne Ahrens
    served 14 years" / "he was with the department for nine years" are not) and under one verb when
    both have one ("spent 16 years in prison" / "was sentenced to 15-25 years" are not). True
    without parses."""
    found = _frames(a, b, x, y, parses)
    if found is None:
        return True
    fx, fy = found
    if fx.predicate and fy.predicate and fx.predicate != fy.predicate or fx.hedged or fy.hedged:
        return False
    return not frames.owners_apart(fx, fy, _same_word(fx.owner, fy.owner, close))


def same_basis(text_a: str, a: ClaimUnit, x: Amount, text_b: str, b: ClaimUnit, y: Amount) -> bool:
    """Both figures are given on one basis: both or neither a rate per period or an average ("an
    average of 3,100 a year since 2015" is no rival of "2,400 last year")."""
    return _basis(text_a, a, x) == _basis(text_b, b, y)


def _basis(text: str, u: ClaimUnit, x: Amount) -> tuple[bool, bool]:
    """(a rate per period, an average) for the figure ``x`` of statement ``u``."""
    after = text[x.end : min(u.end, x.end + BASIS_CHARS)]
    before = text[max(u.start, x.start - BASIS_CHARS) : x.start]
    return bool(_RATE_AFTER.search(after)), bool(_AVERAGE.search(before + " " + after))


def _one_predicate(a: ClaimUnit, b: ClaimUnit, x: Amount, y: Amount, parses: Mapping) -> bool:
    """Both figures hang on one verb, other than a copula ("employs")."""
    found = _frames(a, b, x, y, parses)
    return found is not None and bool(found[0].predicate) and found[0].predicate == found[1].predicate


def _frames(a: ClaimUnit, b: ClaimUnit, x: Amount, y: Amount, parses: Mapping):
    """The frames of figure ``x`` of statement ``a`` and ``y`` of ``b``; None without both."""
    da, db = parses.get((a.article, a.start, a.end)), parses.get((b.article, b.start, b.end))
    if da is None or db is None:
        return None
    fx = frames.figure_frame(da, x.start - a.start, x.end - a.start)
    fy = frames.figure_frame(db, y.start - b.start, y.end - b.start)
    return None if fx is None or fy is None else (fx, fy)


def _same_noun(x: Amount, y: Amount, close: set[tuple[str, str]]) -> bool:
    """Two counts of one thing by their nouns: the same word, one inside the other ("dockworker" /
    "worker"), or close embeddings ("staff" / "worker")."""
    return _same_word(x.noun, y.noun, close)


def _same_word(a: str, b: str, close: set[tuple[str, str]]) -> bool:
    return bool(a and b) and (a == b or a in b or b in a or (a, b) in close)


def figure_window(text: str, u: ClaimUnit, x: Amount, keep: bool = False) -> str:
    """The words around a figure inside its statement, the figure itself replaced by "#" (or kept)."""
    before = text[max(u.start, x.start - 80) : x.start].split()[-WINDOW_WORDS:]
    after = text[x.end : min(u.end, x.end + 80)].split()[:WINDOW_WORDS]
    return " ".join([*before, text[x.start : x.end] if keep else "#", *after])


def _share_words(a: str, b: str) -> bool:
    return bool(content_words(a) & content_words(b))


def _jaccard_words(a: str, b: str) -> float:
    return jaccard(content_words(a), content_words(b))
