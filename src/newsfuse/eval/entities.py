"""Scoring entity canonicalisation on ECB+: B³ over named mentions against cross-document chains.

What is scored (run ``evaluate`` on ECB+ folders, as ``newsfuse eval entities`` does):

* **Gold mentions** are the participant and place markables (``HUMAN_PART_*``,
  ``NON_HUMAN_PART*``, ``LOC_*``) that are *named*: at least one of their
  tokens is a proper-noun spelling (see ``_ProperCase``). Pronouns and common
  nouns ("she", "the actor") are out: canonicalisation works on names. By
  default only the sentences that ECB+ marks as completely annotated are used
  (``ECBplus_coreference_sentences.csv``), as in the standard ECB+ setup.
* **Gold clusters** are the coreference chains (cross-document, or within one
  document); a mention in no chain is a cluster of its own.
* **System clusters** come from the real pipeline: each document becomes an
  ``Article``, ``analyze_articles`` finds named mentions, ``EntityCanonicalizer``
  clusters them; each gold mention takes the entity of the system mention that
  overlaps it most (ties: the shorter one), and is a singleton when none does.
* **Baseline**: the same system mentions grouped by exact surface form, so the
  gain of canonicalisation over string identity is visible.
* **Types**: over the gold person, organisation and place mentions (``_GOLD_CLASS``)
  that overlap a tagged mention, how often the entity's type class matches the
  gold tag, beside how often spaCy's label of that one mention does.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from newsfuse.eval import ecbplus
from newsfuse.eval.ecbplus import EcbDocument
from newsfuse.eval.metrics import b_cubed, pairwise
from newsfuse.fuse.corpus import Corpus
from newsfuse.fuse.entities.canon import EntityCanonicalizer
from newsfuse.fuse.entities.types import type_class
from newsfuse.model import ArticleAnalysis

Span = tuple[int, int]


def evaluate(
    paths: Iterable[str | Path],
    topics: Sequence[str | int] | None = None,
    *,
    nlp=None,
    selected_sentences: bool = True,
    canonicalizer: EntityCanonicalizer | None = None,
) -> dict[str, Any]:
    """Score entity canonicalisation on the ECB+ files under ``paths`` as one corpus.

    Steps:
    1. read the documents (optionally only ``topics``) and rebuild each as an ``Article``;
    2. run the per-article analysis and fit the canonicaliser on all of them;
    3. collect the named gold mentions and their chains;
    4. give each gold mention the entity of its best-overlapping system mention;
    5. score B³ and pairwise P/R/F1 for the system and for the exact-surface baseline.

    ``nlp`` defaults to ``load_nlp()``; ``selected_sentences=False`` scores every annotated
    sentence instead of the completely annotated ones.
    """
    paths = list(paths)
    # 1. documents and articles
    docs = [ecbplus.read_document(p) for p in ecbplus.find_documents(paths, topics)]
    built = [ecbplus.to_article(doc) for doc in docs]
    articles = [article for article, _ in built]
    # 2. the real pipeline
    if nlp is None:
        from newsfuse.nlp.models import load_nlp

        nlp = load_nlp()
    from newsfuse.nlp.analyze import analyze_articles

    analyses = list(analyze_articles(articles, nlp))
    selected = ecbplus.read_selected_sentences(paths) if selected_sentences else None
    return score_analyses(docs, analyses, selected, canonicalizer)


def score_analyses(
    docs: Sequence[EcbDocument],
    analyses: Sequence[ArticleAnalysis],
    selected: set[tuple[str, int]] | None,
    canonicalizer: EntityCanonicalizer | None = None,
) -> dict[str, Any]:
    """Steps 2–5 of ``evaluate`` on analyses already made (they are the slow part; tuning reuses them)."""
    built = [ecbplus.to_article(doc) for doc in docs]
    articles = [article for article, _ in built]
    canon = (canonicalizer or EntityCanonicalizer()).fit(Corpus(articles, analyses))
    # 3. gold mentions
    gold_spans, gold = gold_mentions(docs, [spans for _, spans in built], selected)
    # 4. system labels by overlap
    system = _labels_by_overlap(gold_spans, _system_mentions(canon.mention_entity_))
    baseline = _labels_by_overlap(gold_spans, _surface_mentions(analyses))
    # 5. scores
    types = _type_scores(docs, gold_spans, canon, analyses)
    chains = Counter(gold.values())
    return {
        "corpus": "ECB+",
        "documents": len(docs),
        "topics": sorted({doc.topic for doc in docs}, key=int),
        "sentences": "selected" if selected is not None else "all",
        "gold_mentions": len(gold),
        "gold_clusters": len(chains),
        "gold_singletons": sum(1 for n in chains.values() if n == 1),
        "matched_mentions": sum(1 for label in system.values() if label is not None),
        "system_entities": len(canon.entities_),
        "system": _scores(gold, system),
        "baseline": _scores(gold, baseline),
        "types": types,
    }


def format_scores(result: dict[str, Any]) -> str:
    """A short plain-text table of an ``evaluate`` result."""
    lines = [
        f"Entity canonicalisation on {result['corpus']}: {result['documents']} documents, "
        f"topics {' '.join(map(str, result['topics']))} ({result['sentences']} sentences)",
        f"gold: {result['gold_mentions']} named mentions in {result['gold_clusters']} clusters "
        f"({result['gold_singletons']} singletons); {result['matched_mentions']} overlap a system mention",
        "",
        f"{'':22}{'B3 P':>8}{'B3 R':>8}{'B3 F1':>8}{'pair P':>8}{'pair R':>8}{'pair F1':>8}",
    ]
    for name, title in (("baseline", "exact surface form"), ("system", "newsfuse")):
        s = result[name]
        b3, pw = s["b3"], s["pairwise"]
        lines.append(
            f"{title:22}{b3['precision']:8.3f}{b3['recall']:8.3f}{b3['f1']:8.3f}"
            f"{pw['precision']:8.3f}{pw['recall']:8.3f}{pw['f1']:8.3f}"
        )
    types = result.get("types")
    if types:
        lines += [
            "",
            f"type (person / organisation / place) of {types['mentions']} tagged gold mentions: "
            f"entity type {types['entity']:.3f}, spaCy's label of the mention {types['label']:.3f}",
        ]
    return "\n".join(lines)


def gold_mentions(
    docs: Sequence[EcbDocument],
    token_spans: Sequence[dict[int, Span]],
    selected: set[tuple[str, int]] | None,
) -> tuple[dict[tuple[str, str], tuple[str, Span]], dict[tuple[str, str], str]]:
    """The named entity markables to score: (doc, m_id) → (doc, char span), and → gold cluster."""
    proper = _ProperCase(docs)
    spans: dict[tuple[str, str], tuple[str, Span]] = {}
    gold: dict[tuple[str, str], str] = {}
    for doc, tok_spans in zip(docs, token_spans):
        sentence_of = {t.id: t.sentence for t in doc.tokens}
        starts = _sentence_starts(doc)
        text_of = {t.id: t.text for t in doc.tokens}
        for m in doc.markables:
            if not m.is_entity:
                continue
            if selected is not None and (doc.name, sentence_of.get(m.tokens[0], -1)) not in selected:
                continue
            if not proper.names([text_of.get(t, "") for t in m.tokens], at_start=m.tokens[0] in starts):
                continue
            span = ecbplus.token_span(m, tok_spans)
            if span is None:
                continue
            item = (doc.name, m.id)
            spans[item] = (doc.name, span)
            gold[item] = m.chain or f"{doc.name}/singleton/{m.id}"
    return spans, gold


class _ProperCase:
    """Whether a markable is a name, judged from the corpus's own capitalisation.

    A markable names something when its head is a proper-noun spelling (the ACE
    "NAM" mention type): the head is the last word before any preposition,
    comma or relative clause ("the Gulf of Aden" → Gulf; "a mountain in New
    Zealand" → mountain, so not a name). A word is proper when, away from
    sentence starts, the corpus writes it capitalised more often than in lower
    case ("Zadan", "Academy" yes; "She", "Host" no); an all-capitals word
    counts unless the corpus mostly writes it in lower case ("NRA" yes, a
    headline's "DRIVER" no); a capitalised word right after a proper one
    counts too ("Betty Ford Center"). One-letter words ("I") never count. The
    rule reads only the gold tokens, so what is scored does not depend on our
    own tagger.
    """

    def __init__(self, docs: Iterable[EcbDocument]):
        self.capital: Counter[str] = Counter()
        self.lower: Counter[str] = Counter()
        for doc in docs:
            starts = _sentence_starts(doc)
            for tok in doc.tokens:
                word = _letters(tok.text)
                if word and tok.id not in starts and not word.isupper():
                    (self.capital if word[0].isupper() else self.lower)[word.casefold()] += 1

    def is_proper(self, token: str) -> bool:
        word = _letters(token)
        if len(word) < 2 or not word[0].isupper() or word.casefold() in _PRONOUN_FORMS:
            return False
        key = word.casefold()
        if word.isupper():
            return not (self.lower[key] and self.lower[key] >= self.capital[key])
        return self.capital[key] > self.lower[key]

    def names(self, tokens: list[str], at_start: bool = False) -> bool:
        """Whether a markable with these tokens is headed by a name."""
        words = []
        for i, tok in enumerate(tokens):
            if i and (tok in _CLAUSE_BREAKS or tok in _HEAD_STOPS):
                break
            words.append(tok)
        for i in range(len(words) - 1, -1, -1):
            tok = words[i]
            if not _letters(tok) or tok.casefold() in _POSSESSIVES:
                continue  # numbers and possessive endings are not heads
            if tok[:1].isdigit():
                return True  # "76ers", "3M"
            if self.is_proper(tok):
                return True
            follows_name = i > 0 and self.is_proper(words[i - 1]) and not (i == 1 and at_start)
            return tok[:1].isupper() and follows_name
        return False


# Words that end a noun phrase's head: prepositions and relative words ("the scene in Queens").
_HEAD_STOPS = frozenset(
    "in of on at near from for with by off outside inside along between to into over under "
    "after before during about who whom whose which that where when".split()
)
_CLAUSE_BREAKS = frozenset({",", "(", ")", "-", "--", "–", "—", ":", ";"})
_POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
_PRONOUN_FORMS = frozenset({"i'm", "i've", "i'll", "i'd", "i’m", "i’ve", "i’ll", "i’d"})


def _sentence_starts(doc: EcbDocument) -> set[int]:
    """Token ids that open a sentence (after any leading quotes or punctuation)."""
    starts: set[int] = set()
    current = None
    opened = False
    for tok in doc.tokens:
        if tok.sentence != current:
            current, opened = tok.sentence, False
        if not opened and _letters(tok.text):
            starts.add(tok.id)
            opened = True
    return starts


def _letters(token: str) -> str:
    """The token from its first letter on ("@TheAcademy" → "TheAcademy"; "," → "")."""
    for i, ch in enumerate(token):
        if ch.isalpha():
            return token[i:]
    return ""


# ECB+ markable tags whose type the entity's type class can be checked against; the
# others (generic, vehicle, non-human participants) have no counterpart among our labels.
_GOLD_CLASS = {
    "HUMAN_PART_PER": "PERSON",
    "HUMAN_PART_ORG": "ORG",
    "HUMAN_PART_GPE": "PLACE",
    "LOC_GEO": "PLACE",
    "LOC_FAC": "PLACE",
    "LOC_OTHER": "PLACE",
}


def _type_scores(
    docs: Sequence[EcbDocument],
    gold_spans: dict[tuple[str, str], tuple[str, Span]],
    canon: EntityCanonicalizer,
    analyses: Sequence[ArticleAnalysis],
) -> dict[str, Any]:
    """How often an entity's type class matches the gold tag of the mentions it covers, beside
    how often spaCy's label of the mention alone does, over the gold person, organisation and
    place mentions that overlap a tagged mention."""
    tags = {(doc.name, m.id): m.tag for doc in docs for m in doc.markables}
    entity_type = {e.id: e.type for e in canon.entities_}
    entity = _labels_by_overlap(gold_spans, _system_mentions(canon.mention_entity_))
    label = _labels_by_overlap(gold_spans, {a.article_id: [(m.start, m.end, m.label) for m in a.mentions] for a in analyses})
    scored = [
        (_GOLD_CLASS[tags[item]], entity_type[entity[item]], label[item])
        for item in gold_spans
        if tags.get(item) in _GOLD_CLASS and entity[item] is not None and label[item] is not None
    ]
    n = len(scored) or 1
    return {
        "mentions": len(scored),
        "entity": sum(type_class(e) == g for g, e, _ in scored) / n,
        "label": sum(type_class(lab) == g for g, _, lab in scored) / n,
    }


def _system_mentions(mention_entity: dict[tuple[str, int, int], str]) -> dict[str, list[tuple[int, int, str]]]:
    by_article: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for (article, start, end), entity in mention_entity.items():
        by_article[article].append((start, end, entity))
    return by_article


def _surface_mentions(analyses: Sequence[ArticleAnalysis]) -> dict[str, list[tuple[int, int, str]]]:
    return {a.article_id: [(m.start, m.end, m.text) for m in a.mentions] for a in analyses}


def _labels_by_overlap(
    gold_spans: dict[tuple[str, str], tuple[str, Span]], system: dict[str, list[tuple[int, int, str]]]
) -> dict[tuple[str, str], str | None]:
    labels: dict[tuple[str, str], str | None] = {}
    for item, (article, (start, end)) in gold_spans.items():
        best = None
        for s, e, label in system.get(article, ()):
            overlap = min(end, e) - max(start, s)
            if overlap > 0:
                rank = (overlap, -(e - s))
                if best is None or rank > best[0]:
                    best = (rank, label)
        labels[item] = best[1] if best else None
    return labels


def _scores(gold: dict, labels: dict) -> dict[str, Any]:
    system = {item: label for item, label in labels.items() if label is not None}
    return {"b3": b_cubed(gold, system).as_dict(), "pairwise": pairwise(gold, system).as_dict()}

