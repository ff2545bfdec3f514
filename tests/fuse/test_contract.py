"""The estimator contract every cross-document step keeps, run over all of them.

Each estimator's constructor only stores its parameters, under their own names; ``fit`` takes the
corpus first (then the upstream results it needs), returns the estimator, and leaves what it
learnt in attributes ending in ``_``; the same input gives the same results; an empty corpus
gives empty results. Hand-made analyses (no spaCy, no embedding model) keep this fast.
"""

from __future__ import annotations

import dataclasses
import functools
import inspect
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import pytest

from newsfuse.fuse.claims.align import ClaimAligner
from newsfuse.fuse.claims.contradict import ContradictionFinder
from newsfuse.fuse.claims.slots import find_numbers
from newsfuse.fuse.corpus import Corpus
from newsfuse.fuse.dedup import Deduplicator
from newsfuse.fuse.entities.canon import EntityCanonicalizer
from newsfuse.fuse.events.assign import EventAssigner
from newsfuse.fuse.events.cluster import EventClusterer
from newsfuse.fuse.events.stories import StoryLinker
from newsfuse.fuse.framing import FramingAnalyzer
from newsfuse.fuse.quotes import QuoteAttributor
from newsfuse.fuse.summary.summarizer import Summarizer
from newsfuse.fuse.timeline.builder import TimelineBuilder
from newsfuse.model import Article, ArticleAnalysis, Claim, Dated, Mention, QuoteSpan, Sentence, TimeValue

LINES = {
    "wire": [
        "Dockworkers at the port of Carrow walked out on Monday over pay.",
        "About 1,200 workers joined the strike, union leader Ana Ruiz said.",
        "The terminal operator Harbour Lines said talks would resume on Friday.",
    ],
    "daily": [
        "Dockworkers at the port of Carrow began a strike on Monday over pay.",
        "About 1,500 workers joined the strike, union leader Ana Ruiz said.",
        "Harbour Lines said talks would resume on Friday.",
    ],
}
NAMES = ("Carrow", "Ana Ruiz", "Harbour Lines")
LABELS = {"Carrow": "GPE", "Ana Ruiz": "PERSON", "Harbour Lines": "ORG"}


def _report(aid: str, outlet: str, lines: list[str]) -> tuple[Article, ArticleAnalysis]:
    """An article of one sentence per line, analysed by hand: mentions, a date, claims, a quote."""
    text = "\n".join(lines)
    article = Article(aid, text, title=lines[0], outlet=outlet, published="2026-03-02")
    sentences, mentions, claims, quotes = [], [], [], []
    pos = 0
    for k, line in enumerate(lines):
        start = pos
        sentences.append(Sentence(start, start + len(line)))
        for name in NAMES:
            at = line.find(name)
            if at >= 0:
                mentions.append(Mention(start + at, start + at + len(name), name, LABELS[name], k))
        body = line.rstrip(".")
        claims.append(Claim(start, start + len(body), body, sentence=k,
                            numbers=find_numbers(text, start, start + len(body)), verb="join"))
        if "said" in line and "Ana Ruiz" in line:
            speaker = start + line.index("Ana Ruiz")
            quotes.append(QuoteSpan(start, start + line.index(","), line[: line.index(",")], "Ana Ruiz",
                                    speaker, speaker + len("Ana Ruiz"), "indirect", "say", k))
        pos = start + len(line) + 1
    monday = text.index("Monday")
    times = (TimeValue(monday, monday + 6, "Monday", "DATE", "2026-03-02", sentence=0),)
    dated = (Dated(0, "2026-03-02", 0, lines[0].split(" on ")[0], trigger="walk", tense="past"),)
    analysis = ArticleAnalysis(aid, aid, sentences=tuple(sentences), mentions=tuple(mentions), times=times,
                               lemmas=tuple(line.lower() for line in lines), quotes=tuple(quotes),
                               claims=tuple(claims), dated=dated)
    return article, analysis


@functools.lru_cache(maxsize=1)
def _reports() -> tuple[tuple[Article, ...], tuple[ArticleAnalysis, ...]]:
    pairs = [_report("wire", "Wire", LINES["wire"]), _report("daily", "Daily", LINES["daily"]),
             _report("wire-copy", "Copies", LINES["wire"])]
    return tuple(a for a, _ in pairs), tuple(b for _, b in pairs)


def _fused(corpus: Corpus) -> dict[str, Any]:
    """Each step's upstream results on ``corpus``, as the pipeline makes them."""
    corpus = corpus.with_copies(Deduplicator().fit(corpus).duplicate_of_)
    canon = EntityCanonicalizer().fit(corpus)
    corpus = corpus.with_entities(canon.entities_, canon.mention_entity_)
    events = EventClusterer(use_embeddings=False).fit(corpus)
    stories = StoryLinker().fit(corpus, events.events_)
    timeline = TimelineBuilder(use_embeddings=False).fit(corpus, events.events_, events.article_event_)
    aligner = ClaimAligner(use_embeddings=False).fit(corpus, events.article_event_, stories.article_story_)
    found = ContradictionFinder().fit(corpus, aligner)
    return {"corpus": corpus, "events": events, "stories": stories, "timeline": timeline, "aligner": aligner,
            "found": found}


# Each estimator (models off) and how it is fitted on the corpus and the upstream results.
ESTIMATORS: dict[str, tuple[Callable[[], Any], Callable[[Any, dict[str, Any]], Any]]] = {
    "Deduplicator": (Deduplicator, lambda est, up: est.fit(up["corpus"])),
    "EntityCanonicalizer": (EntityCanonicalizer, lambda est, up: est.fit(up["corpus"])),
    "EventClusterer": (lambda: EventClusterer(use_embeddings=False), lambda est, up: est.fit(up["corpus"])),
    # The incremental path: "daily" arrives after the other two were fused.
    "EventAssigner": (lambda: EventAssigner(clusterer=functools.partial(EventClusterer, use_embeddings=False)),
                      lambda est, up: est.fit(up["corpus"], {"daily"} & set(up["events"].article_event_),
                                              {a: e for a, e in up["events"].article_event_.items() if a != "daily"},
                                              up["events"].events_)),
    "StoryLinker": (StoryLinker, lambda est, up: est.fit(up["corpus"], up["events"].events_)),
    "TimelineBuilder": (lambda: TimelineBuilder(use_embeddings=False),
                        lambda est, up: est.fit(up["corpus"], up["events"].events_, up["events"].article_event_)),
    "ClaimAligner": (lambda: ClaimAligner(use_embeddings=False),
                     lambda est, up: est.fit(up["corpus"], up["events"].article_event_, up["stories"].article_story_)),
    "ContradictionFinder": (ContradictionFinder, lambda est, up: est.fit(up["corpus"], up["aligner"])),
    "Summarizer": (lambda: Summarizer(use_embeddings=False),
                   lambda est, up: est.fit(up["corpus"], up["events"].events_, up["stories"].stories_,
                                           up["found"].claims_, up["found"].contradictions_)),
    "QuoteAttributor": (QuoteAttributor, lambda est, up: est.fit(up["corpus"])),
    "FramingAnalyzer": (FramingAnalyzer,
                        lambda est, up: est.fit(up["corpus"], up["events"].events_, up["timeline"].timeline_,
                                                up["found"].claims_, up["found"].contradictions_)),
}


def _learnt(estimator: Any) -> dict[str, Any]:
    return {name: value for name, value in vars(estimator).items() if name.endswith("_")}


def _same(a: Any, b: Any) -> bool:
    """Equality that also compares arrays (and records or containers holding them) element-wise."""
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        return isinstance(a, np.ndarray) and isinstance(b, np.ndarray) and np.array_equal(a, b)
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return type(a) is type(b) and len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    if dataclasses.is_dataclass(a) and not isinstance(a, type):
        return type(a) is type(b) and all(
            _same(getattr(a, f.name), getattr(b, f.name)) for f in dataclasses.fields(a))
    return a == b


@pytest.mark.parametrize("name", list(ESTIMATORS))
def test_the_constructor_only_stores_its_parameters(name):
    make, _ = ESTIMATORS[name]
    estimator = make()
    init = type(estimator).__init__
    parameters = [] if init is object.__init__ else [p for p in inspect.signature(init).parameters if p != "self"]
    assert sorted(vars(estimator)) == sorted(parameters)  # nothing learnt before fit, every parameter kept


@pytest.mark.parametrize("name", list(ESTIMATORS))
def test_fit_returns_the_estimator_with_what_it_learnt_in_trailing_underscore_attributes(name):
    make, fit = ESTIMATORS[name]
    estimator = make()
    before = dict(vars(estimator))
    assert fit(estimator, _fused(Corpus(*_reports()))) is estimator
    learnt = _learnt(estimator)
    assert learnt and any(_non_empty(v) for v in learnt.values())
    assert {k: v for k, v in vars(estimator).items() if not k.endswith("_")} == before  # parameters untouched


@pytest.mark.parametrize("name", list(ESTIMATORS))
def test_the_same_input_gives_the_same_results(name):
    make, fit = ESTIMATORS[name]
    upstream = _fused(Corpus(*_reports()))
    first, second = _learnt(fit(make(), upstream)), _learnt(fit(make(), upstream))
    assert first.keys() == second.keys()
    for key in first:
        assert _same(first[key], second[key]), key


@pytest.mark.parametrize("name", list(ESTIMATORS))
def test_an_empty_corpus_gives_empty_results(name):
    make, fit = ESTIMATORS[name]
    estimator = fit(make(), _fused(Corpus()))
    assert _learnt(estimator)
    assert not any(_non_empty(v) for v in _learnt(estimator).values())


def _non_empty(value: Any) -> bool:
    """Whether a learnt value holds anything: a flag or number counts as empty, so do empty
    containers and arrays, and dicts and records whose values are all empty (framing's empty views)."""
    if isinstance(value, (bool, int, float)) or value is None:
        return False
    if isinstance(value, np.ndarray):
        return value.size > 0
    if isinstance(value, dict):
        return any(_non_empty(v) for v in value.values())
    if isinstance(value, (list, tuple, set, frozenset)):
        return len(value) > 0
    if isinstance(value, Sequence) and not isinstance(value, str):  # the aligner's ScoredPairs
        return len(value) > 0
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return any(_non_empty(getattr(value, f.name)) for f in dataclasses.fields(value))
    return True
