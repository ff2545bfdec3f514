"""The timeline: dated happenings across the reports, one entry per happening with all its sources."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence

import numpy as np

from newsfuse.errors import ModelError
from newsfuse.fuse.corpus import Corpus
from newsfuse.fuse.timeline.entries import describe_entry, entry_record, join_event_reporters, recall_index
from newsfuse.fuse.timeline.happenings import (
    DateIndex, Happening, HappeningGroup, collect_happenings, dates_agree, finest_dated,
)
from newsfuse.fuse.timeline.similarity import (
    SAME_EVENT_BONUS, SAME_TRIGGER_BONUS, SHARED_PARTICIPANT_BONUS, DescriptionScores,
)
from newsfuse.model import Event

# Two descriptions are linked when their score (cosine of their sentence embeddings, plus the
# bonuses below) reaches SAME_DAY_SCORE for two dates of the same day, COARSE_SCORE otherwise
# ("in 2024" or "in October" fits many more happenings). Linked groups merge while the mean
# score between them stays at least MEAN_SCORE, so one close pair cannot chain two different
# happenings together. Chosen by hand on the seed reports and the example corpus
# (examples/setubal), 2026-11 (no annotated timeline to fit them on): there the same happening
# in other words scores 0.68-1.1 (0.59-0.74 for one-word lines such as "the walkout began"),
# while the closest different happenings of one month, which share a person, score 0.75 without
# the same-event bonus.
# Provisional (set on the examples or seeds): docs/quality.md, "Provisional constants".
SAME_DAY_SCORE = 0.6
COARSE_SCORE = 0.76
MEAN_SCORE = 0.45


class TimelineBuilder:
    """Orders the happenings the reports date, merging those several sources tell.

    After ``fit``:
    ``timeline_`` one ``TimelineEntry`` per happening, ordered by date: date (ISO at its precision),
    text, event (the clustered event it is, or None), sources (article ids), status (planned when
    every source tells it as still to come, else reported), precision, mod, who (entity ids),
    sentences (a ``DatedSentence`` for each sentence that dates it);
    ``embedding_used_`` whether sentence embeddings compared the descriptions.
    """

    def __init__(self, same_day_score: float = SAME_DAY_SCORE, coarse_score: float = COARSE_SCORE,
                 use_embeddings: bool = True):
        self.same_day_score = same_day_score
        self.coarse_score = coarse_score
        self.use_embeddings = use_embeddings

    def fit(
        self,
        corpus: Corpus,
        events: Sequence[Event] = (),
        article_event: Mapping[str, str] | None = None,
    ) -> TimelineBuilder:
        """Steps:
        1. collect each original article's dated happenings (copies follow their original);
        2. compare descriptions: sentence embeddings, shared participants, same trigger;
        3. merge, finest dates first: each happening joins the best entry with a compatible
           date whose members it matches well enough, or starts one (year-less dates only join);
        4. describe each entry: date, line, event, sources, status;
        5. an article that reports a clustered event as its main one but dates nothing on that
           event's entry's date joins the entry's sources, unless its lead dates something else.
        """
        duplicate_of = dict(corpus.duplicate_of)
        article_event = dict(article_event or {})
        # 1. happenings
        items = collect_happenings(corpus.articles, corpus.analyses, duplicate_of, corpus.mention_entity)
        # 2. similarity
        self.embedding_used_ = False
        sim = self._similarity(items, article_event)
        # 3. merging
        entries = self._merge(items, sim)
        # 4. entries
        copies: dict[str, list[str]] = defaultdict(list)
        for copy, original in duplicate_of.items():
            copies[original].append(copy)
        recalled_by = recall_index(events)
        described = [(describe_entry(e, sim, article_event, events, copies, recalled_by), e) for e in entries]
        # 5. reports of an event that date nothing of it
        analysed = {b.article_id for b in corpus.analyses}
        reported = [a.id for a in corpus.articles if a.id not in duplicate_of and a.id in analysed]
        join_event_reporters(described, items, reported, article_event, events, copies)
        described.sort(key=lambda pair: (pair[0]["date"], pair[0]["_order"]))
        self.timeline_ = [entry_record(d) for d, _ in described]
        return self

    def _similarity(self, items: list[Happening], article_event: Mapping[str, str] | None = None) -> DescriptionScores:
        """Description vectors (sentence embeddings, or word sets without the model)."""
        for row, item in enumerate(items):
            item.row = row
        vectors = None
        # Only dates with another date to be compared with need a vector: most stand alone.
        index = DateIndex(items)
        rows = [r for r, item in enumerate(items) if any(j != r for j in index.partners(item))]
        if self.use_embeddings and rows:
            try:
                from newsfuse.nlp.encoder import DIMENSION, embed_texts

                vectors = np.zeros((len(items), DIMENSION), dtype=np.float32)
                vectors[rows] = embed_texts([items[r].text for r in rows])
                self.embedding_used_ = True
            except ModelError:
                vectors = None
        return DescriptionScores(items, vectors, article_event or {})

    def _merge(self, items: list[Happening], sim: DescriptionScores) -> list[HappeningGroup]:
        """Single-link merging over the linked pairs, strongest first, kept consistent: every
        member agrees with the cluster's finest date, and the mean score between two groups
        (a line without participants excepted) is at least MEAN_SCORE."""
        parent = list(range(len(items)))
        members: dict[int, list[Happening]] = {i: [item] for i, item in enumerate(items)}

        def find(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        for score, i, j, by_article in sorted(self._pairs(items, sim), key=lambda p: (-p[0], p[1], p[2])):
            a, b = find(i), find(j)
            if a == b:
                continue
            union = members[a] + members[b]
            anchor = finest_dated(union)
            if not all(dates_agree(x, anchor) for x in union):
                continue
            if not by_article and sim.mean(members[a], members[b]) < MEAN_SCORE:
                continue
            parent[b] = a
            members[a] = union
            del members[b]
        return [HappeningGroup(group) for root, group in sorted(members.items())
                if finest_dated(group).year is not None]

    def _pairs(self, items: list[Happening], sim: DescriptionScores) -> list[tuple[float, int, int, bool]]:
        """Linked pairs (score, row, row, linked only by being a generic line of the same article).
        Each date is compared only with those it could agree with (see
        :func:`_partners`): a day with its day and coarser dates, never all pairs."""
        index = DateIndex(items)
        low = (min(self.same_day_score, self.coarse_score)
               - SHARED_PARTICIPANT_BONUS - SAME_TRIGGER_BONUS - SAME_EVENT_BONUS)
        out = []
        for i, a in enumerate(items):
            rows = [j for j in index.partners(a) if j > i]
            if not rows:
                continue
            for j, base in zip(rows, sim.base(a, rows)):
                b = items[j]
                same_article_generic = a.article == b.article and (a.generic or b.generic)
                if (base < low and not same_article_generic) or not dates_agree(a, b):
                    continue
                need = self.same_day_score if a.fields == 3 and b.fields == 3 else self.coarse_score
                score = sim.score(a, b)
                if score >= need:
                    out.append((score, i, j, False))
                elif same_article_generic:
                    out.append((need, i, j, True))
        return out
