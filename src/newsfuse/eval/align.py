"""Scoring claim alignment: pairwise precision and recall of aligned statements, on ECB+ and on our fixtures.

Items are sentences (ECB+) or annotated statements (fixtures); two items from different
articles form a gold pair when they share a gold label (an ECB+ cross-document event chain,
a fixture group) and a system pair when statements of theirs fall in one claim group. An item
can carry several labels (an ECB+ sentence mentions several events), so pairs are counted
directly rather than through a partition.

ECB+: the items are the sentences of the complete-annotation index that hold an event mention
(ACTION_*/NEG_ACTION_*) of a cross-document chain; sentences "align" when they mention one
event chain. Claims are blocked by the gold event of their article (topic and sub-corpus), so
the figure measures alignment alone, not event clustering; gold pairs across two gold events
(rare chains) count as misses.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import Any

from newsfuse.errors import EvalError
from newsfuse.eval.ecbplus import find_documents, read_document, read_selected_sentences, to_article
from newsfuse.eval.metrics import Scores
from newsfuse.ingest.meta import with_dateline_span
from newsfuse.model import Article, ArticleAnalysis, Contradiction, ContradictionSide

Item = tuple[str, Hashable]  # (article id, sentence number or statement key)


def pair_scores(gold: Mapping[Item, Iterable[Hashable]], system: Mapping[Item, Iterable[Hashable]]) -> Scores:
    """Pairwise precision and recall over the items of ``gold``: pairs of items of different articles
    sharing a label on each side. Items absent from ``system`` pair with nothing."""
    gold_pairs = _pairs({i: set(labels) for i, labels in gold.items()})
    sys_pairs = _pairs({i: set(system.get(i, ())) for i in gold})
    shared = len(gold_pairs & sys_pairs)
    precision = shared / len(sys_pairs) if sys_pairs else float(not gold_pairs)
    recall = shared / len(gold_pairs) if gold_pairs else float(not sys_pairs)
    return Scores.of(precision, recall)


def _pairs(labels: Mapping[Item, set]) -> set[tuple[Item, Item]]:
    by_label: dict[Hashable, list[Item]] = defaultdict(list)
    for item, ls in labels.items():
        for label in ls:
            by_label[label].append(item)
    out = set()
    for items in by_label.values():
        for a, b in combinations(sorted(set(items), key=str), 2):
            if a[0] != b[0]:
                out.add((a, b))
    return out


# --- ECB+ ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class EcbAlignCorpus:
    """ECB+ articles with each gold sentence's event chains and the character span of each sentence."""

    articles: tuple[Article, ...]
    event: dict[str, str]  # article id → gold event (topic + sub-corpus)
    chains: dict[Item, frozenset[str]]  # (article, ECB+ sentence) → cross-document event chains
    sentence_spans: dict[str, tuple[tuple[int, int, int], ...]]  # article → (sentence, start, end)


def read_ecb(path: str | Path, topics: Sequence[int]) -> EcbAlignCorpus:
    """The ECB+ documents of ``topics`` under ``path`` with their gold sentence chains."""
    paths = find_documents([path], topics)
    selected = read_selected_sentences([path])
    if selected is None:
        raise EvalError(f"{path}: the ECB+ sentence index (ECBplus_coreference_sentences.csv) is missing")
    articles, event, chains, spans = [], {}, {}, {}
    for p in paths:
        doc = read_document(p)
        article, token_spans = to_article(doc)
        articles.append(article)
        event[article.id] = doc.event_id
        by_sentence: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for tok in doc.tokens:
            if tok.id in token_spans:
                by_sentence[tok.sentence].append(token_spans[tok.id])
        spans[article.id] = tuple(
            (s, min(a for a, _ in v), max(b for _, b in v)) for s, v in sorted(by_sentence.items())
        )
        sentence_of = {t.id: t.sentence for t in doc.tokens}
        found: dict[int, set[str]] = defaultdict(set)
        for m in doc.markables:
            if not m.is_event or m.chain is None or "/intra/" in m.chain:
                continue
            for s in {sentence_of[t] for t in m.tokens if t in sentence_of}:
                if (doc.name, s) in selected:
                    found[s].add(m.chain)
        for s, cs in found.items():
            chains[(article.id, s)] = frozenset(cs)
    return EcbAlignCorpus(tuple(articles), event, chains, spans)


def system_labels(units: Sequence[Any], group: Sequence[str], spans: Mapping[str, Sequence[tuple[int, int, int]]]
                  ) -> dict[Item, set[str]]:
    """(article, ECB+ sentence) → the claim groups of the statements that start in it."""
    out: dict[Item, set[str]] = defaultdict(set)
    for unit, g in zip(units, group):
        for s, a, b in spans.get(unit.article, ()):
            if a <= unit.start < b + 1:
                out[(unit.article, s)].add(g)
                break
    return out


def score_ecb(corpus: EcbAlignCorpus, analyses: Sequence[ArticleAnalysis], **params: Any) -> dict[str, Any]:
    """Align the corpus' claims within gold events and score the aligned sentences against the chains."""
    from newsfuse.fuse.claims.align import ClaimAligner
    from newsfuse.fuse.corpus import Corpus
    from newsfuse.fuse.entities.canon import EntityCanonicalizer

    reports = Corpus(corpus.articles, analyses)
    canon = EntityCanonicalizer().fit(reports)
    reports = reports.with_entities(canon.entities_, canon.mention_entity_)
    aligner = ClaimAligner(**params).fit(reports, corpus.event)
    labels = system_labels(aligner.units_, aligner.group_, corpus.sentence_spans)
    scores = pair_scores(corpus.chains, labels)
    return {"items": len(corpus.chains), "units": len(aligner.units_), "pairwise": scores.as_dict(),
            "aligner": aligner}


# --- fixtures -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FixtureSet:
    """One annotated fixture: articles of one event by several outlets and the gold claim groups."""

    name: str
    articles: tuple[Article, ...]
    groups: dict[Item, frozenset[str]]  # (article, snippet) → gold group
    snippets: dict[Item, tuple[int, int]]  # where each annotated statement is in its article
    contradictions: tuple[tuple[str, str, str], ...]  # (group, group, kind)


def read_fixture(path: str | Path) -> FixtureSet:
    """A fixture file: {"articles": [...], "groups": {group: [[article, snippet], ...]}, "contradictions": [...]}."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        articles = tuple(
            with_dateline_span(Article(id=a["id"], text=a["text"], title=a.get("title", ""), outlet=a.get("outlet"),
                                       published=a.get("published"), agency=a.get("agency")))
            for a in data["articles"]
        )
        texts = {a.id: a.text for a in articles}
        groups: dict[Item, frozenset[str]] = {}
        snippets: dict[Item, tuple[int, int]] = {}
        for name, items in data["groups"].items():
            for article, snippet in items:
                at = texts[article].find(snippet)
                if at < 0:
                    raise EvalError(f"{path}: group {name}: {snippet!r} is not in {article}")
                groups[(article, snippet)] = frozenset({name})
                snippets[(article, snippet)] = (at, at + len(snippet))
        contradictions = tuple((a, b, kind) for a, b, kind in data.get("contradictions", ()))
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError) as exc:
        raise EvalError(f"{path}: not an alignment fixture ({exc})") from exc
    return FixtureSet(path.stem, articles, groups, snippets, contradictions)


def fixture_labels(fixture: FixtureSet, units: Sequence[Any], group: Sequence[str]) -> dict[Item, set[str]]:
    """Each annotated statement → the claim group of the unit that holds most of it."""
    out: dict[Item, set[str]] = {}
    for item, (a, b) in fixture.snippets.items():
        best, overlap = None, 0
        for unit, g in zip(units, group):
            if unit.article != item[0]:
                continue
            o = min(b, unit.end) - max(a, unit.start)
            if o > overlap:
                best, overlap = g, o
        out[item] = {best} if best is not None else set()
    return out


# --- the blind set: quotes, contradictions and support on fixtures that carry them ------------


def read_fixture_extras(path: str | Path) -> dict[str, Any]:
    """The annotations of a fixture beyond its groups: each article's ``quotes``, ``support``,
    ``not_contradictions`` (the traps), and ``framing`` notes, as written in the file."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        return {
            "quotes": {a["id"]: list(a.get("quotes", ())) for a in data["articles"]},
            "support": dict(data.get("support", {})),
            "not_contradictions": [frozenset(pair) for pair in data.get("not_contradictions", ())],
            "framing": dict(data.get("framing", {})),
        }
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError) as exc:
        raise EvalError(f"{path}: not an alignment fixture ({exc})") from exc


def same_speaker(gold: str | None, found: str | None) -> bool:
    """Names match when equal or one ends the other ("Merkel" ~ "Angela Merkel"); a leading "the"
    and possessive "'s" aside."""
    if gold is None or found is None:
        return gold is found

    def words(name: str) -> list[str]:
        ws = name.lower().replace("’s", "").replace("'s", "").split()
        return ws[1:] if ws and ws[0] == "the" else ws

    g, f = words(gold), words(found)
    if not g or not f:
        return False
    shorter, longer = (g, f) if len(g) <= len(f) else (f, g)
    return longer[-len(shorter):] == shorter


def overlap_match(gold: Sequence[tuple[int, int]], found: Sequence[tuple[int, int]], share: float = 0.5
                  ) -> dict[int, int]:
    """Gold span i → found span j, one to one (largest overlaps first), when the overlap covers
    ``share`` of both spans."""
    pairs = []
    for i, (gs, ge) in enumerate(gold):
        for j, (fs, fe) in enumerate(found):
            inter = min(ge, fe) - max(gs, fs)
            if inter > 0 and inter >= share * (ge - gs) and inter >= share * (fe - fs):
                pairs.append((inter, i, j))
    matched: dict[int, int] = {}
    used: set[int] = set()
    for _, i, j in sorted(pairs, reverse=True):
        if i not in matched and j not in used:
            matched[i] = j
            used.add(j)
    return matched


def gold_quote_span(text: str, gold: Mapping[str, Any]) -> tuple[int, int]:
    """Where an annotated quote stands in ``text``: its ``text`` is the quoted words, or the list of
    the parts of a quotation interrupted by its cue (`"A," X said. "B."`), each occurring once."""
    parts = [gold["text"]] if isinstance(gold["text"], str) else list(gold["text"])
    start = text.index(parts[0])
    last = text.index(parts[-1], start)
    return start, last + len(parts[-1])


def gold_quote_words(gold: Mapping[str, Any]) -> str:
    """An annotated quote's words, its parts joined by an ellipsis (for error lists)."""
    return gold["text"] if isinstance(gold["text"], str) else " … ".join(gold["text"])


def quote_matches(text: str, gold: Sequence[Mapping[str, Any]], found: Sequence[Any], share: float = 0.5
                  ) -> dict[int, int]:
    """Gold quote i → found quote j, one to one, when their overlap covers ``share`` of both spans."""
    spans = [gold_quote_span(text, g) for g in gold]
    return overlap_match(spans, [(q.start, q.end) for q in found], share)


def score_quotes(articles: Sequence[Article], analyses: Sequence[ArticleAnalysis],
                 gold: Mapping[str, Sequence[Mapping[str, Any]]]) -> dict[str, Any]:
    """Quote detection and speaker precision/recall of the analyses' quotes against ``gold``
    (article id → annotated quotes). A speaker is right when the gold words match the resolved
    speaker or the words the text used for it (``speaker_ref``: "the carmaker", "she")."""
    n_gold = n_found = n_match = n_speaker = 0
    misses = []
    for article, analysis in zip(articles, analyses):
        want = gold.get(article.id, ())
        found = list(analysis.quotes)
        matched = quote_matches(article.text, want, found)
        n_gold, n_found, n_match = n_gold + len(want), n_found + len(found), n_match + len(matched)
        for i, g in enumerate(want):
            j = matched.get(i)
            q = found[j] if j is not None else None
            if q is not None and (same_speaker(g["speaker"], q.speaker_text)
                                  or same_speaker(g["speaker"], q.speaker_ref)):
                n_speaker += 1
            else:
                misses.append((article.id, gold_quote_words(g)[:50], g["speaker"],
                               None if q is None else (q.speaker_text, q.speaker_ref)))
        extra = [(article.id, q.text[:50], q.speaker_text) for j, q in enumerate(found)
                 if j not in set(matched.values())]
        misses.extend(("extra",) + e for e in extra)

    def ratio(a: int, b: int) -> float:
        return a / b if b else 1.0

    return {"gold": n_gold, "found": n_found,
            "quote": Scores.of(ratio(n_match, n_found), ratio(n_match, n_gold)).as_dict(),
            "speaker": Scores.of(ratio(n_speaker, n_found), ratio(n_speaker, n_gold)).as_dict(),
            "misses": misses}


def side_group(fixture: FixtureSet, side: ContradictionSide) -> str | None:
    """The annotated group of the statement a contradiction side quotes (most overlap), if any."""
    best, overlap = None, 0
    for (article, snippet), (start, end) in fixture.snippets.items():
        if article == side.article:
            o = min(end, side.end) - max(start, side.start)
            if o > overlap:
                best, overlap = next(iter(fixture.groups[(article, snippet)])), o
    return best


def contradiction_pairs(fixture: FixtureSet, records: Iterable[Contradiction]) -> set[frozenset]:
    """The pairs of annotated groups that the found contradictions set against each other."""
    return {frozenset(side_group(fixture, s) for s in r.sides) for r in records}


@dataclass(frozen=True, slots=True)
class FittedFixture:
    """A fixture with what the system made of it: analyses, entities, claims and contradictions."""

    fixture: FixtureSet
    analyses: tuple[ArticleAnalysis, ...]
    canon: Any  # EntityCanonicalizer
    aligner: Any  # ClaimAligner
    finder: Any  # ContradictionFinder


def fit_fixture(path: str | Path, nlp: Any) -> FittedFixture:
    """Analyse a fixture's articles and fit the cross-document steps on them as one event, as an
    event clustering that lumps the reports together would leave them."""
    from newsfuse.fuse.claims.align import ClaimAligner
    from newsfuse.fuse.entities.canon import EntityCanonicalizer
    from newsfuse.fuse.claims.contradict import ContradictionFinder
    from newsfuse.fuse.corpus import Corpus
    from newsfuse.nlp.analyze import analyze_articles

    fixture = read_fixture(path)
    analyses = tuple(analyze_articles(fixture.articles, nlp))
    reports = Corpus(fixture.articles, analyses)
    canon = EntityCanonicalizer().fit(reports)
    reports = reports.with_entities(canon.entities_, canon.mention_entity_)
    aligner = ClaimAligner().fit(reports, {a.id: "event" for a in fixture.articles})
    finder = ContradictionFinder().fit(reports, aligner)
    return FittedFixture(fixture, analyses, canon, aligner, finder)


def score_fitted(fitted: Sequence[FittedFixture], extras: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """Alignment P/R, support right, contradictions found and traps reported, over fitted fixtures
    (``extras``: their :func:`read_fixture_extras`, in the same order)."""
    gold, system = {}, {}
    support_right, support_wrong = 0, []
    want, got, traps = set(), set(), set()
    for f, extra in zip(fitted, extras):
        fixture, aligner = f.fixture, f.aligner
        labels = fixture_labels(fixture, aligner.units_, aligner.group_)
        for item, groups in fixture.groups.items():
            key = (item[0], (fixture.name, item))
            gold[key] = {(fixture.name, g) for g in groups}
            system[key] = {(fixture.name, g) for g in labels[item]}
        supports = {c.id: c.support for c in aligner.claims_}
        for group, support in extra["support"].items():
            found = [supports[c] for item, claims in labels.items() if group in fixture.groups[item] for c in claims]
            best = max(set(found), key=found.count) if found else None
            if best == support:
                support_right += 1
            else:
                support_wrong.append((fixture.name, group, support, found))
        want |= {(fixture.name, frozenset({a, b})) for a, b, _ in fixture.contradictions}
        pairs = contradiction_pairs(fixture, f.finder.contradictions_)
        got |= {(fixture.name, p) for p in pairs}
        traps |= {(fixture.name, p) for p in pairs if p in extra["not_contradictions"]}
    hit = len(want & got)
    return {
        "statements": len(gold), "pairwise": pair_scores(gold, system).as_dict(),
        "support_right": support_right, "support_annotated": support_right + len(support_wrong),
        "support_wrong": support_wrong,
        "contradictions": {"annotated": len(want), "found": len(got), "right": hit,
                           "traps_reported": sorted(map(str, traps)),
                           "wrong": sorted(str(x) for x in got - want), "missed": sorted(str(x) for x in want - got)},
    }
