"""How alike two happenings' descriptions are: the cosine of their embeddings (or word overlap) plus bonuses."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from newsfuse.fuse.timeline.happenings import Happening, description_words
from newsfuse.util import jaccard

# Added to the cosine when the two name a common person or organisation, when they hang on the
# same verb or event noun ("met" and "met"), and when their articles report the same clustered
# event: evidence the embedding of a short line misses.
# Provisional (set on the examples or seeds): docs/quality.md, "Provisional constants".
SHARED_PARTICIPANT_BONUS = 0.15
SAME_TRIGGER_BONUS = 0.1
SAME_EVENT_BONUS = 0.15
# Without the embedding model, word overlap (Jaccard) stands in for the cosine.
JACCARD_SCALE = 1.5


class DescriptionScores:
    """How alike two descriptions are: cosine (or scaled word overlap) plus the bonuses."""

    def __init__(self, items: list[Happening], vectors: np.ndarray | None, article_event: Mapping[str, str]):
        self.vectors = vectors
        self.article_event = article_event
        self.words = None if vectors is not None else [description_words(i.text) for i in items]

    def base(self, a: Happening, rows: list[int]) -> np.ndarray:
        """Cosines (or scaled word overlaps) of ``a`` with the items at ``rows``, without bonuses."""
        if self.vectors is not None:
            return self.vectors[rows] @ self.vectors[a.row]
        return np.array([jaccard(self.words[a.row], self.words[r]) * JACCARD_SCALE for r in rows])

    def score(self, a: Happening, b: Happening) -> float:
        if self.vectors is not None:
            base = float(self.vectors[a.row] @ self.vectors[b.row])
        else:
            base = jaccard(self.words[a.row], self.words[b.row]) * JACCARD_SCALE
        if a.who & b.who:
            base += SHARED_PARTICIPANT_BONUS
        if a.trigger == b.trigger:
            base += SAME_TRIGGER_BONUS
        event = self.article_event.get(a.article)
        if event is not None and a.article != b.article and event == self.article_event.get(b.article):
            base += SAME_EVENT_BONUS
        return base

    def mean(self, first: list[Happening], second: list[Happening]) -> float:
        return float(np.mean([self.score(a, b) for a in first for b in second]))
