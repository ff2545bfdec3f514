"""Storylines: events linked by the people they share, a related kind, and nearness in time."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Sequence
from datetime import date

from newsfuse.fuse.events.describe import period_start, slug_words
from newsfuse.fuse.corpus import Corpus
from newsfuse.model import ArticleAnalysis, Event, Story

# Two events further apart than this do not link directly; a story can still run
# longer through the events between them (a dispute from strike to deal).
STORY_WINDOW_DAYS = 183
# Linked events share at least this many participants or places (entity ids, or
# names without entities), at least one of them a person: a city and its police
# do not make two shootings one story (GVC train: 3 links across incidents among
# 174 events, 4 when an organisation sufficed; ECB+ train: none across topics, 2026-11).
MIN_SHARED = 2
# and their leads are of a related kind: TF-IDF cosine of the content words of
# their articles' leads. Chosen on the example corpus (one dispute, three events)
# and ECB+ train, where the two events of a topic are years apart, 2026-11.
# Provisional (set on the examples or seeds): docs/quality.md, "Provisional constants".
MIN_SIMILARITY = 0.15
LEAD_SENTENCES = 3

_PARTICIPANT_TYPES = frozenset({"PERSON"})


class StoryLinker:
    """Links events (``EventClusterer.events_``) into storylines.

    After ``fit``:
    ``stories_`` one ``Story`` per storyline (its events in date order);
    ``article_story_`` article id → story id, for the articles that report one of its events.
    """

    def __init__(
        self,
        window_days: int = STORY_WINDOW_DAYS,
        min_shared: int = MIN_SHARED,
        min_similarity: float = MIN_SIMILARITY,
    ):
        self.window_days = window_days
        self.min_shared = min_shared
        self.min_similarity = min_similarity

    def fit(self, corpus: Corpus, events: Sequence[Event]) -> StoryLinker:
        # 1. what each event names, when it happened, what its leads say
        kinds = {e.id: e.type for e in corpus.entities}
        names = [set(e.who) | ({e.where} if e.where else set()) for e in events]
        starts = [period_start(e.date) for e in events]
        terms = _lead_vectors(events, corpus.analyses)
        # 2. candidates: events that share a name, found through an index of names
        index: dict[str, list[int]] = defaultdict(list)
        for k, found in enumerate(names):
            for name in found:
                index[name].append(k)
        pairs = {(a, b) for members in index.values() for a in members for b in members if a < b}
        # 3. links
        parent = list(range(len(events)))

        def root(x: int) -> int:
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        for a, b in sorted(pairs):
            if self._linked(names[a], names[b], starts[a], starts[b], terms, a, b, kinds):
                parent[root(b)] = root(a)
        # 4. stories
        groups: dict[int, list[int]] = defaultdict(list)
        for k in range(len(events)):
            groups[root(k)].append(k)
        stories = [
            _story([events[k] for k in sorted(members, key=lambda k: (starts[k] or date.max, k))])
            for members in groups.values()
        ]
        stories.sort(key=lambda s: (s[1] or date.max, s[0].id))
        self.stories_ = [story for story, _ in stories]
        self.article_story_ = {article: story.id for story in self.stories_ for article in story.articles}
        return self

    def _linked(self, names_a, names_b, start_a, start_b, terms, a, b, kinds) -> bool:
        shared = names_a & names_b
        if len(shared) < self.min_shared:
            return False
        if kinds and not any(kinds.get(n) in _PARTICIPANT_TYPES for n in shared):
            return False
        if start_a and start_b and abs((start_a - start_b).days) > self.window_days:
            return False
        return terms is None or float(terms[a].multiply(terms[b]).sum()) >= self.min_similarity


def _lead_vectors(events, analyses: Sequence[ArticleAnalysis]):
    """L2-normalised TF-IDF rows of the lead lemmas of each event's articles, or None without analyses."""
    if not analyses:
        return None
    from sklearn.feature_extraction.text import TfidfVectorizer

    lemmas = {a.article_id: " ".join(a.lemmas[:LEAD_SENTENCES]) for a in analyses}
    docs = [" ".join(lemmas.get(a, "") for a in e.articles) for e in events]
    if not any(d.strip() for d in docs):
        return None
    return TfidfVectorizer(token_pattern=r"\S+", sublinear_tf=True).fit_transform(docs).tocsr()


def _story(events: list[Event]) -> tuple[Story, date | None]:
    """A story from its events in date order, titled after the event most articles report, and its start."""
    lead = max(range(len(events)), key=lambda k: (len(events[k].articles), -k))
    title = events[lead].title or ""
    words = slug_words(title)
    digest = hashlib.sha1(str(events[0].id).encode()).hexdigest()[:6]
    articles: list[str] = []
    for e in events:
        articles.extend(a for a in e.articles if a not in articles)
    story = Story(
        id=f"story-{'-'.join(words)}-{digest}".replace("--", "-"),
        title=title,
        events=tuple(e.id for e in events),
        articles=tuple(articles),
    )
    return story, period_start(events[0].date)
