"""Near-duplicate articles (syndicated copies, light rewrites) found with MinHash LSH over word shingles."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping, Sequence

from newsfuse.fuse.corpus import Corpus
from newsfuse.model import Article

# Words per shingle. Four keeps a syndicated copy with a few edited words well above
# the thresholds (each edit breaks at most four shingles) while two independent
# reports of one event share only names and stock phrases (Jaccard < 0.1 on every
# same-event pair of ECB+ train and GVC train, 2026-11).
SHINGLE_WORDS = 4
NUM_PERM = 128
SEED = 1
# LSH only proposes candidates; it is set low enough that a trimmed copy (containment
# above CONTAINMENT at half the length, Jaccard ~0.35) is still proposed with high probability.
LSH_THRESHOLD = 0.3
# A candidate is a duplicate when its exact shingle Jaccard reaches JACCARD, or when the
# shorter text is at least MIN_LENGTH_RATIO of the longer and CONTAINMENT of it lies in the
# longer (a copy with paragraphs dropped). Chosen on hand-made rewrites in tests/data/events
# and the planted copy in examples/; no same-event pair of ECB+ or GVC train reaches either.
# Provisional (set on the examples or seeds): docs/quality.md, "Provisional constants".
JACCARD = 0.5
CONTAINMENT = 0.8
MIN_LENGTH_RATIO = 0.4

_WORD_RE = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[str]:
    """Lower-cased word ``size``-grams of ``text``; a text shorter than that is one shingle."""
    words = _WORD_RE.findall(text.lower())
    if len(words) <= size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def _overlap(a: set[str], b: set[str]) -> tuple[float, float]:
    """(Jaccard, containment of the smaller in the larger) of two shingle sets."""
    if not a or not b:
        return 0.0, 0.0
    inter = len(a & b)
    return inter / len(a | b), inter / min(len(a), len(b))


class Deduplicator:
    """Marks each near-duplicate article with the original it copies.

    Articles are visited from the earliest published (undated ones after dated
    ones, then in input order); each is compared only with the earlier articles
    that the LSH index proposes, never with all of them, so the cost grows
    linearly with the corpus.

    Adding to a store, ``fit`` takes the ids of the ``new`` articles and the stored map
    (``known``); the corpus then holds the new articles and the stored ones near them in time
    (``events.assign.near_new``), so the cost is bounded by that window, not by the store.

    After ``fit``:
    ``duplicate_of_`` maps a duplicate's id to its original's id (an original is never a duplicate);
    ``similarity_`` maps a duplicate's id to the shingle Jaccard with its original (adding to a
    store: of the copies this fit marked).
    """

    def __init__(
        self,
        threshold: float = JACCARD,
        containment: float = CONTAINMENT,
        shingle_words: int = SHINGLE_WORDS,
        num_perm: int = NUM_PERM,
    ):
        self.threshold = threshold
        self.containment = containment
        self.shingle_words = shingle_words
        self.num_perm = num_perm

    def fit(
        self, corpus: Corpus, new: Iterable[str] | None = None, known: Mapping[str, str] | None = None
    ) -> Deduplicator:
        """Mark the near-duplicates among ``corpus.articles`` (their text alone decides).

        With ``new`` and ``known``: ``duplicate_of_`` is ``known`` (copy → original, over the whole
        store) with what the corpus's fit says of the new articles, and of the stored ones it now
        makes copies of a new one (an earlier report arriving late becomes the original, and its
        copies follow it, as in a batch run). A stored article keeps its known mark otherwise,
        since its original may lie outside the corpus.
        """
        self._fit(corpus)
        if new is None:
            return self
        new = set(new)
        found, similarity = self.duplicate_of_, self.similarity_
        self.duplicate_of_ = dict(known or {})
        self.similarity_ = {}
        for article, original in found.items():
            if article in new or original in new:
                self.duplicate_of_[article] = original
                self.similarity_[article] = similarity[article]
        for article, original in self.duplicate_of_.items():  # an original now a copy takes its copies along
            seen = {article}
            while original in self.duplicate_of_ and original not in seen:
                seen.add(original)
                original = self.duplicate_of_[original]
            self.duplicate_of_[article] = original
        return self

    def _fit(self, corpus: Corpus) -> None:
        from datasketch import MinHash, MinHashLSH

        articles = list(corpus.articles)
        order = sorted(range(len(articles)), key=lambda i: _visit_key(articles[i], i))
        lsh = MinHashLSH(num_perm=self.num_perm, params=_bands(min(LSH_THRESHOLD, self.threshold), self.num_perm))
        sets: dict[str, set[str]] = {}
        self.duplicate_of_: dict[str, str] = {}
        self.similarity_: dict[str, float] = {}
        for i in order:
            article = articles[i]
            if article.id in sets:  # the same id twice: the first one stands
                continue
            grams = shingles(article.text, self.shingle_words)
            sets[article.id] = grams
            if not grams:
                continue
            sketch = MinHash(num_perm=self.num_perm, seed=SEED)
            sketch.update_batch([g.encode("utf-8") for g in grams])
            best = self._best_match(grams, lsh.query(sketch), sets)
            if best is not None:
                original, jaccard = best
                self.duplicate_of_[article.id] = self.duplicate_of_.get(original, original)
                self.similarity_[article.id] = round(jaccard, 4)
            lsh.insert(article.id, sketch)

    def _best_match(
        self, grams: set[str], candidates: Sequence[str], sets: dict[str, set[str]]
    ) -> tuple[str, float] | None:
        best: tuple[str, float] | None = None
        for candidate in sorted(candidates):  # sorted: ties go the same way on every run
            other = sets[candidate]
            jaccard, contained = _overlap(grams, other)
            ratio = min(len(grams), len(other)) / max(len(grams), len(other))
            if jaccard >= self.threshold or (contained >= self.containment and ratio >= MIN_LENGTH_RATIO):
                if best is None or jaccard > best[1]:
                    best = (candidate, jaccard)
        return best


@functools.lru_cache(maxsize=8)
def _bands(threshold: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows) that datasketch picks for ``threshold``; choosing them integrates, so once per setting."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    return lsh.b, lsh.r


def _visit_key(article: Article, index: int) -> tuple[bool, str, int]:
    return (article.published is None, article.published or "", index)
