"""Scoring quotations, reported speech and their speakers against PolNeAR attributions.

What is scored (``evaluate`` on PolNeAR split folders, as ``newsfuse eval quotes`` does):

* **Gold items** are the attributions (see :mod:`newsfuse.eval.polnear`) with a content and a
  *named* source. The source is parsed in its article by spaCy; its head is the token of the
  span whose parent lies outside it (or an appositive of that token, "his adviser, Kellyanne
  Conway"), and the source is named when the head is a proper noun (PROPN) or lies inside a
  named entity, never a pronoun, a NORP group ("Democrats") or a description headed by a
  common noun ("a campaign operative", "the Clinton campaign", "a spokesman for Trump").
  The *name* is the named entity holding the head, else the run of proper nouns around it.
* **Direct, reported or other**: an item is a direct quotation when its content opens with a
  quotation mark, or the character just before the content is one (annotators sometimes leave
  the mark out). Otherwise it is reported speech when its cue holds a verb of saying
  (``SPEECH_CUES``, by lemma: "said", "told", "according to", "called for") or is only
  punctuation (an interview transcript's "NAME:", a quote signed "― NAME"). The rest are
  PolNeAR's reported beliefs, intentions, findings and stances ("wants to", "the poll shows",
  "criticized"): counted in their own row, ``other``, and left out of ``all`` (issue 12 scores
  "quotations and reported speech").
* **Found**: one of our quotes (``ArticleAnalysis.quotes`` from ``analyze_article`` on the
  whole ``.txt``, title line included, so the gold offsets hold) overlaps the gold content by
  at least half of the content's characters (``CONTENT_OVERLAP``). The quote overlapping most
  is the match; one quote may match several items.
* **Attributed**: the matched quote has a speaker span. **Right**: that span overlaps the gold
  name, or our speaker's words are the same name (:func:`same_name`: "Trump" ~ "Donald J.
  Trump"; "Mrs. Clinton" is not "Mr. Clinton", "Trump Jr." is not "Donald Trump").
* **Scores**, for direct, reported and all (the two together) items, and for other: quote
  recall = found / items; speaker accuracy = right / attributed (an unattributed quote is an
  abstention, not an error); speaker recall = right / items. Issue 12's figures follow these
  definitions.
* **Baseline**, on the same found items: the speaker is the PERSON mention (ours) nearest to
  the content, outside it, in the sentences the content touches; none, unattributed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from newsfuse.eval.polnear import PolnearArticle, Span, read_splits
from newsfuse.ingest.meta import with_dateline_span
from newsfuse.model import Article, ArticleAnalysis, QuoteSpan

# Issue 12: "a quote counts as found when our quote overlaps the annotated content by half".
CONTENT_OVERLAP = 0.5
# Characters of context kept on each side of an attribution in the error list.
CONTEXT_CHARS = 40
# Longest attribution shown whole in the error list; longer ones keep their two ends.
MAX_SHOWN_CHARS = 320
# The New York Times's archive text writes quotation marks as two apostrophes ('').
OPENING_MARKS = ("“", '"', "‘", "«", "„", "''", "``")
KINDS = ("direct", "reported")
# Verbs of saying by lemma, from Levin's (1993) verbs of communication (class 37) that news uses
# as cues, with "accord" for "according to"; chosen by reading, not fitted. A cue is speech when
# any of its verbs (or, without a verb, its first word) is one of them.
SPEECH_CUES = frozenset("""
    accord acknowledge add admit advise agree allege announce answer argue ask assert assure boast
    call caution chant cite claim comment complain concede conclude confirm contend declare demand
    deny describe disagree emphasize explain inform insist joke maintain mention note observe
    pledge point post predict proclaim promise propose quote recall recommend reiterate remark
    repeat reply report respond say scream shout speak state stress suggest talk tell testify tweet
    urge vow warn whisper write yell
""".split())
# Entity labels that name a source; NORP ("Democrats", "Russians") names a group, not a source.
_SOURCE_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"})
# Words before a name that are not part of it; the gendered ones must agree between two names.
_MALE = frozenset({"mr"})
_FEMALE = frozenset({"mrs", "ms", "miss"})
_HONORIFICS = _MALE | _FEMALE | frozenset({
    "dr", "sen", "senator", "rep", "gov", "governor", "president", "gen", "general", "rev", "prof", "mayor",
    "secretary", "speaker", "judge", "justice", "former", "the",
})
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


@dataclass(frozen=True, slots=True)
class GoldItem:
    """A quotation or reported speech with a named source, ready to score."""

    article: str
    attribution: str
    kind: str  # direct | reported | other
    content: tuple[Span, ...]
    source: tuple[Span, ...]
    name: Span
    name_text: str
    cue_text: str


@dataclass(frozen=True, slots=True)
class Outcome:
    """How one gold item fared: the quote that found it (None: missed) and the two speakers;
    ``covered`` is the share of the content that our most overlapping quote covers."""

    item: GoldItem
    quote: QuoteSpan | None
    right: bool
    baseline_speaker: str | None
    baseline_right: bool
    covered: float = 0.0

    @property
    def attributed(self) -> bool:
        return self.quote is not None and self.quote.speaker_start is not None


def gold_items(article: PolnearArticle, doc) -> list[GoldItem]:
    """The attributions of ``article`` with a content and a named source, ``doc`` its parse."""
    text = article.text
    items = []
    for a in article.attributions:
        if not a.content or not a.source:
            continue
        name = _source_name(doc, a.source)
        if name is None:
            continue
        kind = _kind(text, a.content, _tokens(doc, a.cue))
        cue = " ".join(text[s:e] for s, e in a.cue)
        items.append(GoldItem(article.name, a.id, kind, a.content, a.source, name, text[name[0]:name[1]], cue))
    return items


def _tokens(doc, spans: Sequence[Span]) -> list:
    return [t for t in doc if any(s <= t.idx < e for s, e in spans)]


def _kind(text: str, content: Sequence[Span], cue: Sequence) -> str:
    start, end = content[0]
    opening = text[start:end].lstrip()
    before = text[:start].rstrip()
    if opening.startswith(OPENING_MARKS) or before.endswith(OPENING_MARKS):
        return "direct"
    words = [t for t in cue if t.pos_ == "VERB"] or [t for t in cue if t.is_alpha][:1]
    # a cue of punctuation alone introduces speech: "PENCE: …" in a transcript, "― Name" under a quote
    if not words or any(t.lemma_.lower() in SPEECH_CUES for t in words):
        return "reported"
    return "other"


def _source_name(doc, source: Sequence[Span]) -> Span | None:
    """The (start, end) of the name heading a source span, or None when the source is not named."""
    tokens = _tokens(doc, source)
    if not tokens:
        return None
    inside = {t.i for t in tokens}
    heads = [t for t in tokens if t.head.i not in inside or t.head.i == t.i]
    head = heads[0]
    if not _is_name(head):
        head = next((c for c in head.children if c.dep_ == "appos" and c.i in inside and _is_name(c)), None)
        if head is None:
            return None
    ent = next((e for e in doc.ents if e.start <= head.i < e.end and e.label_ in _SOURCE_LABELS), None)
    if ent is not None:  # clipped to the source: the tagger's entity can run past it ("WALLACE: Let's")
        piece = next(p for p in source if p[0] <= head.idx < p[1])
        return max(ent.start_char, piece[0]), min(ent.end_char, piece[1])
    first = last = head.i
    while first - 1 in inside and doc[first - 1].pos_ == "PROPN":
        first -= 1
    while last + 1 in inside and doc[last + 1].pos_ == "PROPN":
        last += 1
    return doc[first].idx, doc[last].idx + len(doc[last])


def _is_name(token) -> bool:
    if token.pos_ == "PRON" or token.ent_type_ == "NORP":
        return False
    return token.pos_ == "PROPN" or token.ent_type_ in _SOURCE_LABELS


def same_name(a: str | None, b: str | None) -> bool:
    """Whether two spellings name the same person or body: after titles and possessives are
    dropped, the shorter name's words appear in the longer one in order and both end alike
    ("Clinton" ~ "Hillary Clinton"), and no Mr./Mrs. pair disagrees."""
    if not a or not b:
        return False
    wa, wb = _words(a), _words(b)
    ga, gb = _gender(wa), _gender(wb)
    if ga and gb and ga != gb:
        return False
    na = [w for w in wa if w not in _HONORIFICS]
    nb = [w for w in wb if w not in _HONORIFICS]
    if not na or not nb or na[-1] != nb[-1]:
        return False
    short, long_ = sorted((na, nb), key=len)
    it = iter(long_)
    return all(w in it for w in short)


def _words(name: str) -> list[str]:
    return [re.sub(r"['’]s$", "", w.lower()) for w in _WORD.findall(name)]


def _gender(words: Sequence[str]) -> str | None:
    for w in words:
        if w in _MALE:
            return "m"
        if w in _FEMALE:
            return "f"
    return None


def _overlap(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def judge(item: GoldItem, analysis: ArticleAnalysis) -> Outcome:
    """Match one gold item to our quotes and judge our speaker and the baseline's."""
    size = sum(e - s for s, e in item.content)
    best, best_overlap = None, 0
    for q in analysis.quotes:
        overlap = sum(_overlap(part, piece) for part in q.parts for piece in item.content)
        if overlap > best_overlap:
            best, best_overlap = q, overlap
    covered = best_overlap / size if size else 0.0
    if best is None or covered < CONTENT_OVERLAP:
        return Outcome(item, None, False, None, False, covered)
    right = best.speaker_start is not None and (
        _overlap((best.speaker_start, best.speaker_end), item.name) > 0 or same_name(best.speaker_text, item.name_text)
    )
    baseline = _baseline(item, analysis)
    baseline_right = baseline is not None and (
        _overlap((baseline.start, baseline.end), item.name) > 0 or same_name(baseline.text, item.name_text)
    )
    return Outcome(item, best, right, baseline.text if baseline else None, baseline_right, covered)


def _baseline(item: GoldItem, analysis: ArticleAnalysis):
    """The PERSON mention nearest to the content, outside it, in the sentences it touches."""
    start, end = item.content[0][0], item.content[-1][1]
    touched = {i for i, s in enumerate(analysis.sentences) if s.start < end and start < s.end}
    candidates = [
        m for m in analysis.mentions
        if m.label == "PERSON" and m.sentence in touched
        and not any(_overlap((m.start, m.end), piece) for piece in item.content)
    ]
    if not candidates:
        return None
    return min(candidates, key=lambda m: start - m.end if m.end <= start else m.start - end)


def score(outcomes: Iterable[Outcome]) -> dict[str, float]:
    """Counts and rates for direct, reported and all items (see the module docstring)."""
    outcomes = list(outcomes)
    scores: dict[str, float] = {}
    for group in (*KINDS, "all", "other"):
        chosen = [o for o in outcomes if o.item.kind == group or (group == "all" and o.item.kind in KINDS)]
        items = len(chosen)
        found = sum(o.quote is not None for o in chosen)
        attributed = sum(o.attributed for o in chosen)
        right = sum(o.right for o in chosen)
        b_attributed = sum(o.baseline_speaker is not None for o in chosen)
        b_right = sum(o.baseline_right for o in chosen)
        scores.update({
            f"{group}_items": items, f"{group}_found": found, f"{group}_attributed": attributed,
            f"{group}_right": right,
            f"{group}_quote_recall": found / items if items else 0.0,
            f"{group}_speaker_accuracy": right / attributed if attributed else 0.0,
            f"{group}_speaker_recall": right / items if items else 0.0,
            f"{group}_baseline_attributed": b_attributed, f"{group}_baseline_right": b_right,
            f"{group}_baseline_accuracy": b_right / b_attributed if b_attributed else 0.0,
            f"{group}_baseline_recall": b_right / items if items else 0.0,
        })
    return scores


def evaluate(paths: Sequence[str | Path], nlp=None, mistakes: list[Mistake] | None = None) -> dict[str, float]:
    """Score our quotes and speakers on PolNeAR split folders (``text/`` and ``attributions/``).

    Each article's text is parsed once to tell named sources and once by ``analyze_article``
    (the per-article step, unchanged). The result is a flat dict of counts and rates,
    ``all_speaker_accuracy`` and ``all_speaker_recall`` the headline. When ``mistakes`` is a
    list, every missed item, unattributed quote and wrong speaker among the direct quotations and
    reported speech is appended to it.
    """
    from newsfuse.nlp.analyze import analyze_articles
    from newsfuse.nlp.models import load_nlp

    articles = read_splits(paths)
    nlp = nlp if nlp is not None else load_nlp()
    # The dateline read as ingest reads it, so "WASHINGTON —" is where the story was filed, not a speaker.
    inputs = [with_dateline_span(Article(id=a.name, text=a.text, title=a.title, outlet=a.outlet,
                                         published=a.published, source=a.name)) for a in articles]
    outcomes: list[Outcome] = []
    docs = nlp.pipe(a.text for a in articles)
    for article, doc, analysis in zip(articles, docs, analyze_articles(inputs, nlp)):
        judged = [judge(item, analysis) for item in gold_items(article, doc)]
        outcomes.extend(judged)
        if mistakes is not None:
            mistakes.extend(_mistakes(article, judged))
    scores: dict[str, float] = {"articles": len(articles), "attributions": sum(len(a.attributions) for a in articles)}
    scores.update(score(outcomes))
    return scores


@dataclass(frozen=True, slots=True)
class Mistake:
    """One error: a gold item no quote of ours found ("miss"), found without a speaker
    ("unattributed") or with the wrong one ("speaker"); with what each side said and the text."""

    kind: str
    path: str
    attribution: str  # the E line's id in the .ann file
    item_kind: str  # direct | reported
    gold_source: str
    gold_name: str
    cue: str
    our_speaker: str
    our_ref: str  # the pronoun or description our speaker was resolved from
    our_cue: str
    covered: float  # share of the gold content our most overlapping quote covers
    context: str  # the attribution in its text, the source in [[ ]], the content in { }


def _mistakes(article: PolnearArticle, outcomes: Sequence[Outcome]) -> list[Mistake]:
    out = []
    for o in outcomes:
        if o.right or o.item.kind not in KINDS:  # other attributions are counted, not listed
            continue
        kind = "miss" if o.quote is None else "speaker" if o.attributed else "unattributed"
        q = o.quote
        item = o.item
        source = " ".join(article.text[s:e] for s, e in item.source)
        out.append(Mistake(
            kind, article.name, item.attribution, item.kind, source, item.name_text, item.cue_text,
            (q.speaker_text or "") if q else "", (q.speaker_ref or "") if q else "", q.cue if q else "",
            round(o.covered, 3), _context(article.text, item),
        ))
    return out


def _context(text: str, item: GoldItem) -> str:
    marks = sorted([(s, "[[") for s, _ in item.source] + [(e, "]]") for _, e in item.source]
                   + [(item.content[0][0], "{")] + [(item.content[-1][1], "}")], key=lambda m: m[0])
    lo = max(0, marks[0][0] - CONTEXT_CHARS)
    hi = min(len(text), marks[-1][0] + CONTEXT_CHARS)
    parts, at = [], lo
    for pos, mark in marks:
        parts.extend((text[at:pos], mark))
        at = pos
    parts.append(text[at:hi])
    shown = " ".join("".join(parts).split())
    if len(shown) > MAX_SHOWN_CHARS:
        half = MAX_SHOWN_CHARS // 2
        shown = f"{shown[:half]} … {shown[-half:]}"
    return shown


def format_mistakes(mistakes: Sequence[Mistake]) -> str:
    """Tab-separated lines, one per mistake, under a header naming the columns."""
    head = "\t".join(("kind", "file", "attribution", "item", "gold source", "gold name", "gold cue", "our speaker",
                      "our ref", "our cue", "covered", "context"))
    rows = ["\t".join((m.kind, m.path, m.attribution, m.item_kind, m.gold_source, m.gold_name, m.cue, m.our_speaker,
                       m.our_ref, m.our_cue, f"{m.covered:.2f}", m.context)) for m in mistakes]
    return "\n".join([head, *rows])


_COLUMNS = (
    ("items", "items"), ("found", "found"), ("quote_recall", "quote R"), ("attributed", "attributed"),
    ("right", "right"), ("speaker_accuracy", "speaker acc"), ("speaker_recall", "speaker R"),
    ("baseline_accuracy", "baseline acc"), ("baseline_recall", "baseline R"),
)


def format_scores(scores: dict[str, float]) -> str:
    """A text table: one row each for direct quotations, reported speech, both together
    (the headline) and the other attributions (beliefs, intentions, findings)."""
    header = ["", *(label for _, label in _COLUMNS)]
    rows = [header]
    for group in (*KINDS, "all", "other"):
        row = [group]
        for key, _ in _COLUMNS:
            v = scores[f"{group}_{key}"]
            row.append(f"{v:.3f}" if key.endswith(("recall", "accuracy")) else f"{int(v)}")
        rows.append(row)
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    lines = [f"{int(scores['articles'])} articles, {int(scores['attributions'])} attributions; "
             f"headline: speaker accuracy {scores['all_speaker_accuracy']:.3f}, "
             f"speaker recall {scores['all_speaker_recall']:.3f}"]
    lines.extend("  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths)))
                 for r in rows)
    return "\n".join(lines)
