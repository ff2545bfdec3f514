"""Storylines: events linked by the people they share, a related kind, and nearness in time."""

from __future__ import annotations

import hashlib
import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from datetime import date
from itertools import chain

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
        # 2. candidates: events that share a person (any name without entity types) within the
        # window, found through an index of names; the cost follows the pairs that may link, not
        # the square of the events sharing a common name
        people = None if not kinds else {n for found in names for n in found if kinds.get(n) in _PARTICIPANT_TYPES}
        index: dict[str, list[int]] = defaultdict(list)
        for k, found in enumerate(names):
            for name in found:
                if people is None or name in people:
                    index[name].append(k)
        pairs = {pair for members in index.values() for pair in _near_pairs(members, starts, self.window_days)}
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
        return terms is None or terms(a, b) >= self.min_similarity


def _near_pairs(members: Sequence[int], starts: Sequence[date | None], window: int):
    """The pairs (a, b), a < b, of ``members`` that are no more than ``window`` days apart or
    of which one has no start."""
    undated = [k for k in members if starts[k] is None]
    for u in undated:
        for k in members:
            if k != u:
                yield (min(u, k), max(u, k))
    dated = sorted((k for k in members if starts[k] is not None), key=lambda k: starts[k])
    for i, a in enumerate(dated):
        for b in dated[i + 1:]:
            if (starts[b] - starts[a]).days > window:
                break
            yield (min(a, b), max(a, b))


class _LeadSimilarity:
    """The TF-IDF cosine of two events' lead lemmas, as ``TfidfVectorizer(token_pattern=r"\\S+",
    sublinear_tf=True)`` fitted on every event's leads gives it (lower-cased words split on white
    space, tf 1 + ln(count), idf ln((1 + events) / (1 + events naming the word)) + 1, rows of unit
    length): the words are counted over every event at C speed, a row is weighed only for an event
    asked about, so the cost follows the events' words rather than a vectorizer's pass in Python."""

    def __init__(self, docs: Sequence[str]):
        self._docs = docs
        self._events = len(docs) + 1
        self._df = Counter(chain.from_iterable(set(d.split()) for d in docs))
        self._rows: dict[int, dict[str, float]] = {}

    def __call__(self, a: int, b: int) -> float:
        row_a, row_b = self._row(a), self._row(b)
        return sum(w * row_b[t] for t, w in row_a.items() if t in row_b)

    def _row(self, k: int) -> dict[str, float]:
        if k not in self._rows:
            weights = {
                t: (1.0 + math.log(n)) * (math.log(self._events / (self._df[t] + 1)) + 1.0)
                for t, n in Counter(self._docs[k].split()).items()
            }
            norm = math.sqrt(sum(w * w for w in weights.values()))
            self._rows[k] = {t: w / norm for t, w in weights.items()} if norm else {}
        return self._rows[k]


def _lead_vectors(events, analyses: Sequence[ArticleAnalysis]) -> _LeadSimilarity | None:
    """The lead-lemma similarity of the events' articles (``_LeadSimilarity``), or None without
    analyses or words."""
    if not analyses:
        return None
    lemmas = {a.article_id: " ".join(a.lemmas[:LEAD_SENTENCES]) for a in analyses}
    docs = [" ".join(lemmas.get(a, "") for a in e.articles).lower() for e in events]
    if not any(d.strip() for d in docs):
        return None
    return _LeadSimilarity(docs)


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
