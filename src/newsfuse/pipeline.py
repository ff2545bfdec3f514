"""The whole flow: inputs → articles → analyses → fused report."""

from __future__ import annotations

import dataclasses
import os
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

from newsfuse import __version__
from newsfuse.config import Config, load_config
from newsfuse.errors import NoUsableInput
from newsfuse.fuse.claims.align import ClaimAligner
from newsfuse.fuse.claims.contradict import ContradictionFinder
from newsfuse.fuse.claims.parses import forget_parses
from newsfuse.fuse.carry import Carried, carry, carry_titles, splice
from newsfuse.fuse.corpus import Corpus
from newsfuse.fuse.entities.canon import EntityCanonicalizer
from newsfuse.fuse.entities.records import EntityTable
from newsfuse.fuse.dedup import Deduplicator
from newsfuse.nlp.encoder import embedding_cache, embedding_precision
from newsfuse.nlp.encoder import release as release_encoder
from newsfuse.fuse.events.assign import EventAssigner, keep_event_ids, near_new
from newsfuse.fuse.events.cluster import EventClusterer
from newsfuse.fuse.framing import FramingAnalyzer
from newsfuse.fuse.quotes import QuoteAttributor
from newsfuse.fuse.events.stories import StoryLinker
from newsfuse.fuse.summary.rewrite import ChatRewriter, rewrite
from newsfuse.fuse.summary.summarizer import Summarizer
from newsfuse.fuse.timeline.builder import TimelineBuilder
from newsfuse.ingest import read_inputs
from newsfuse.ingest.lang import release as release_stoplists
from newsfuse.ingest.outlets import unify_outlets
from newsfuse.model import Article, ArticleAnalysis, Entity, Event, Report, from_dict
from newsfuse.nlp.time.docdate import published_from_analysis
from newsfuse.nlp.models import load_nlp, release_nlp
from newsfuse.run.cache import AnalysisCache
from newsfuse.run.local import Runner, make_runner
from newsfuse.store import Store

# The cross-document steps (3 to 14 of ``analyze``) as the step bar names them while they run.
FUSE_STEPS = (
    "dates and outlets", "near-duplicates", "entities", "events", "storylines", "timeline",
    "claims", "contradictions", "summary", "quotes", "framing", "report",
)


def analyze(
    paths: Sequence[str | os.PathLike[str]],
    config: Config | None = None,
    cache_dir: str | Path | None = None,
    store: Store | None = None,
    full: bool = False,
    release_models: bool = False,
) -> Report:
    """Read the inputs and fuse them into a report (with the default settings unless ``config``).

    With a ``store``, the articles it already holds are not analysed again and the
    new ones are added to it. When the store holds a latest report of this version,
    new articles are assigned to the stored events they link to (or open new ones)
    by ``EventAssigner``, only the storylines they touch get timeline, claims,
    contradictions and summary again, and the rest of that report is carried over
    (``fuse.carry``); with ``full``, or without such a report, everything held is
    fused again (the clusters of a batch run on the union). Either way event ids
    already in the store are kept for the events that continue them.

    With ``release_models`` (a process that analyses once, as the CLI's ``analyze``), each model
    is let go after its last use, the stoplists after step 1, the spaCy parser after step 10 and
    the sentence encoder after step 11, so that the summary and the writing of the reports peak
    lower in memory; a process that analyses again (the desk) keeps them loaded.

    Steps:
    1. ingest every input into articles, keeping a reason for each skipped one;
    2. analyse each article (parallel, cached by content);
    3. date the articles ingest could not date, from what their text says, and give each outlet
       one name across the corpus ("NYT" and "New York Times" in one run are one outlet);
    4. mark near-duplicates (syndicated copies count once downstream; adding to a store: among the
       new articles and the stored ones near them in time, against the stored map);
    5. canonicalise entities across articles (adding to a store: over the same window, joined to
       the latest report's entity table);
    6. cluster articles into events (adding to a store: assign the new ones to stored events);
    7. link events into storylines;
    8. build the timeline of dated happenings (adding to a store: steps 8-11 over the storylines
       the new articles touch, the rest of the latest report carried over);
    9. align claims across outlets, counting independent sources;
    10. find contradictions between claims, both sides cited;
    11. summarise each event and story from the claim groups, every sentence citing its sources
        (corroborated claims first; a disputed one only with its other side), and reword it
        through the configured rewrite server, if any;
    12. attribute quotes to canonical speakers;
    13. describe the framing: each outlet's words for the main actors and events, and its coverage
        (adding to a store: the titles the latest report gives its actors, read in the new articles only);
    14. assemble the report.
    """
    config = config or load_config()
    # Sentence vectors are cached beside the analyses, so a re-run does not encode them again.
    folder = (config.cache_dir or cache_dir) if config.use_cache else None
    with embedding_cache(folder or None), embedding_precision(config.embed_precision):
        return _analyze(paths, config, cache_dir, store, full, release_models)


def _analyze(
    paths: Sequence[str | os.PathLike[str]], config: Config, cache_dir: str | Path | None, store: Store | None,
    full: bool = False, release_models: bool = False,
) -> Report:
    """The steps of ``analyze``, numbered as in its docstring."""
    # 1. ingest (with a store, new articles take ids it does not hold yet)
    with progress_bar(None, "reading", config.progress, unit="input") as bar:
        taken = store.ids() if store is not None else frozenset()
        articles, skipped = read_inputs(paths, config, taken, on_item=bar.update)
    if release_models:  # nothing reads inputs after this
        release_stoplists()
    if not articles and (store is None or not store.known_hashes()):
        reasons = "; ".join(f"{s.input}: {s.reason}" for s in skipped[:5]) or "no input files found"
        raise NoUsableInput(f"no usable input among {len(paths)} path(s) ({reasons})")
    # 2. analyse (with a store: only what it does not hold yet, then all it holds)
    prior = None
    if store is None:
        analyses = analyze_corpus(articles, config, cache_dir=cache_dir)
    else:
        known = store.known_hashes()
        prior = None if full else stored_prior(store)
        new = [a for a in articles if a.content_hash not in known]
        added = store.add(new, analyze_corpus(new, config, cache_dir=cache_dir))
        articles, analyses = store.articles(), store.analyses()
        if prior is not None:  # new: those added now, and any the latest report did not place
            prior = dataclasses.replace(prior, new=frozenset(added) | (store.ids() - prior.article_event.keys()))
    with step_progress(FUSE_STEPS, "fusing", config.progress) as step:
        return _fuse(articles, analyses, skipped, store, config, step, prior, release_models)


@dataclasses.dataclass(frozen=True, slots=True)
class Prior:
    """What an incremental run builds on: the store's latest report (as report.json has it), its
    events, the stored article → event map, the stored duplicate map (copy → original), the
    report's entity table (with its lookups, ``EntityTable``), and the ids of the articles this
    run added."""

    report: Mapping
    events: tuple[Event, ...]
    article_event: Mapping[str, str]
    duplicate_of: Mapping[str, str]
    entities: EntityTable
    new: frozenset[str] = frozenset()


def stored_prior(store: Store) -> Prior | None:
    """What the store's latest report gives an incremental run, when new articles can be assigned
    to its events: it is of this newsfuse version and the stored assignments name its events.
    None otherwise (then everything is fused again)."""
    data = store.latest_report()
    if not data or (data.get("generator") or {}).get("version") != __version__:
        return None
    events = tuple(from_dict(Event, e) for e in data.get("events") or ())
    previous = store.assignments("event")
    if set(previous.values()) != {e.id for e in events}:
        return None
    entities = EntityTable(from_dict(Entity, e) for e in data.get("entities") or ())
    return Prior(data, events, previous, store.assignments("duplicate"), entities)


def _fuse(
    articles, analyses, skipped, store: Store | None, config: Config, step: Callable[[str], None],
    prior: Prior | None = None, release_models: bool = False,
) -> Report:
    """Steps 3 to 14 of ``analyze``, each announced to ``step`` by its name in FUSE_STEPS.

    With a ``prior``, new articles are assigned to its events (``EventAssigner``), and steps 8 to
    11 run over the part of the corpus they touch, the rest of its report carried over (``carry``).
    """
    # 3. dates from the text; one name per outlet
    step("dates and outlets")
    articles = unify_outlets(date_from_text(articles, analyses))
    # 4. near-duplicates
    step("near-duplicates")
    corpus = Corpus(articles, analyses)
    if prior is None:
        dedup = Deduplicator().fit(corpus)
    else:  # adding to a store: the new articles and the stored ones near them, against the stored map
        near = near_new(corpus, prior.new)
        dedup = Deduplicator().fit(corpus.part(near), prior.new, prior.duplicate_of)
    corpus = corpus.with_copies(dedup.duplicate_of_)
    # 5. entities (adding to a store: those of the same window, joined to the stored table)
    step("entities")
    if prior is None:
        canon = EntityCanonicalizer().fit(corpus)
    else:
        canon = EntityCanonicalizer().fit(corpus.part(near), prior.entities)
    corpus = corpus.with_entities(canon.entities_, canon.mention_entity_)
    # 6. events
    step("events")
    if prior is not None:
        assigner = EventAssigner().fit(corpus, prior.new, prior.article_event, prior.events)
        events, article_event = list(assigner.events_), dict(assigner.article_event_)
    else:
        clusterer = EventClusterer().fit(corpus)
        events, article_event = clusterer.events_, clusterer.article_event_
        if store is not None:
            events, article_event = keep_event_ids(events, article_event, store.assignments("event"))
    if store is not None:
        store.save_assignments("event", article_event)
        store.save_assignments("duplicate", dedup.duplicate_of_)
    # 7. storylines
    step("storylines")
    stories = StoryLinker().fit(corpus, events)
    # Steps 8-11 run over the part the new articles touch; the rest of the stored report is kept.
    kept = Carried()
    part, part_events, part_stories = corpus, events, stories.stories_
    part_event, part_story = article_event, stories.article_story_
    if prior is not None:
        kept = carry(
            prior.report, events, stories.stories_, article_event, assigner.touched_, {e.id for e in canon.entities_},
            articles,
        )
        part_events = [e for e in events if e.id in kept.events]
        part_stories = [  # a storyline is summarised over its events in the part
            dataclasses.replace(s, events=tuple(e for e in s.events if e in kept.events))
            for s in stories.stories_ if s.id in kept.stories
        ]
        part = corpus.part(a for a, e in article_event.items() if e in kept.events)
        part_event = {a: e for a, e in article_event.items() if e in kept.events}
        part_story = {a: s for a, s in stories.article_story_.items() if a in part_event}
    # 8. timeline
    step("timeline")
    timeline = TimelineBuilder().fit(part, part_events, part_event)
    # 9. claims
    step("claims")
    aligner = ClaimAligner().fit(part, part_event, part_story)
    # 10. contradictions
    step("contradictions")
    contradictions = ContradictionFinder().fit(part, aligner)
    # Nothing reads the aligner's units, vectors and scored pairs again: the summary, where a
    # first run's memory peaks, runs without them (docs/benchmarks.md, 2026-12-07).
    del aligner
    if release_models:  # no step parses after this one
        forget_parses()
        release_nlp()
    # 11. summary
    step("summary")
    summary = Summarizer().fit(
        part, part_events, part_stories, contradictions.claims_, contradictions.contradictions_
    )
    summary_lines = summary.summary_
    if release_models:  # no step encodes after this one
        release_encoder()
    if config.rewrite_url:
        summary_lines = rewrite(
            summary_lines, ChatRewriter(config.rewrite_url, config.rewrite_model, config.rewrite_timeout)
        )
    entries, claims, disputes, summary_lines = splice(
        kept, timeline.timeline_, contradictions.claims_, contradictions.contradictions_, summary_lines,
        events, stories.stories_,
    )
    # 12. quotes
    step("quotes")
    quotes = QuoteAttributor().fit(corpus)
    # 13. framing
    step("framing")
    known, fresh = {}, frozenset()
    if prior is not None:  # adding to a store: the stored framing's titles, read again in the new articles only
        known, fresh = carry_titles(prior.report, prior.entities.by_id, canon.entities_, articles, prior.new), prior.new
    framing = FramingAnalyzer().fit(corpus, events, entries, claims, disputes, known, fresh)
    # 14. report
    step("report")
    return Report(
        articles=list(articles),
        analyses=analyses,
        skipped=list(skipped),
        entities=list(canon.entities_),
        mention_entity=dict(canon.mention_entity_),
        duplicate_of=dict(dedup.duplicate_of_),
        article_event=dict(article_event),
        events=list(events),
        stories=list(stories.stories_),
        article_story=dict(stories.article_story_),
        timeline=entries,
        summary=summary_lines,
        claims=claims,
        contradictions=disputes,
        quotes=list(quotes.quotes_),
        framing=framing.framing_,
        generated=datetime.now(timezone.utc).replace(microsecond=0).isoformat(),
        version=__version__,
    )


def date_from_text(articles: Sequence[Article], analyses: Sequence[ArticleAnalysis]) -> list[Article]:
    """The articles, each without a publication date given the one its text states, if any
    (see ``docdate.published_from_analysis``; its relative times were anchored to that date)."""
    by_id = {a.article_id: a for a in analyses}
    out = []
    for article in articles:
        analysis = by_id.get(article.id)
        if article.published is None and analysis is not None:
            published, basis = published_from_analysis(analysis)
            if published:
                article = dataclasses.replace(article, published=published, published_basis=basis)
        out.append(article)
    return out


def analyze_corpus(
    articles: Sequence[Article],
    config: Config,
    cache_dir: str | Path | None = None,
    runner: Runner | None = None,
) -> list[ArticleAnalysis]:
    """One analysis per article, in order: cached ones read back, the rest computed by ``runner``."""
    cache = None
    if config.use_cache and (cache_dir or config.cache_dir):
        nlp = load_nlp(config.spacy_model)
        model_id = f"{nlp.meta.get('name')}-{nlp.meta.get('version')}"
        cache = AnalysisCache(config.cache_dir or cache_dir, model_id)
    results: list[ArticleAnalysis | None] = [None] * len(articles)
    todo: list[int] = []
    for i, article in enumerate(articles):
        hit = cache.get(article) if cache else None
        if hit is not None:
            results[i] = hit
        else:
            todo.append(i)
    if todo:
        pending = [articles[i] for i in todo]
        runner = runner or make_runner(
            config.workers, config.spacy_model, config.batch_size, len(pending), config.scheduler
        )
        with progress_bar(len(articles), "analysing", config.progress, initial=len(articles) - len(todo)) as bar:
            for i, analysis in zip(todo, runner.map(pending, on_done=bar.update)):
                results[i] = analysis
                if cache:
                    cache.put(articles[i], analysis)
    return [r for r in results if r is not None]


def progress_bar(total: int | None, desc: str, mode: str = "auto", initial: int = 0, unit: str = "article"):
    """A tqdm bar on a terminal (or when asked for), silent otherwise and in CI; ``total`` None
    counts without an end."""
    from tqdm import tqdm

    if mode == "always":
        disable = False
    elif mode == "never":
        disable = True
    else:
        disable = not sys.stderr.isatty() or bool(os.environ.get("CI"))
    return tqdm(total=total, initial=initial, desc=desc, unit=unit, disable=disable, leave=False)


@contextmanager
def step_progress(steps: Sequence[str], desc: str, mode: str = "auto") -> Iterator[Callable[[str], None]]:
    """A ``progress_bar`` over whole steps: the function it gives, called with a step's name as
    the step starts, counts the step before as done and shows the name and the time so far, so a
    long step that cannot count its own work still shows which it is."""
    with progress_bar(len(steps), desc, mode, unit="step") as bar:
        started = False

        def start(name: str) -> None:
            nonlocal started
            if name not in steps:
                raise ValueError(f"unknown step {name!r} (the steps are {', '.join(steps)})")
            if started:
                bar.update()
            started = True
            bar.set_postfix_str(name)

        yield start
        if started:
            bar.update()
