"""Whether a report's sentence says a summary line, one citation at a time: the pair model, else a word rule."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import numpy as np
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from newsfuse.fuse.claims.pairs import PairSide, shipped, text_side
from newsfuse.model import ArticleAnalysis

# With the sentence encoder, a sentence says a line when the pair model (fuse/claims/pairs.py,
# its citation threshold, fit on MRPC for precision >= 0.95; held-out P 0.951 R 0.253) says so:
# SentenceCheck. Without it (no cosine to read), and for repeated lines, the word rule: each text
# covers at least SAYS_COVERAGE of the other's content words (stop words, possessives and a plural
# "s" off), states every figure the other states, and denies as often. Fit on MRPC train
# (different outlets' sentences of one story, paraphrase or not),
# 2026-12: on the pairs whose crc32("id1-id2") % 5 is not 0 (3,283), the lowest coverage with
# precision >= 0.95 is 0.812 (P 0.958, R 0.175). Checked on the held-out fifth (793 pairs):
# P 1.0, R 0.181 (98 pairs); the word-overlap baseline (Jaccard of the same words, fit the same
# way at 0.778) P 0.971, R 0.122. On FNC-1 (a headline against its body's best sentence; agree
# against unrelated and disagree, discuss left out) P 0.67 (3 pairs) and 1.0 (2 pairs) on the two
# halves, Jaccard 0.67 (3): a headline seldom has a sentence that says it in so many words, and
# the test abstains. bench/bench_summary_says.py prints these figures.
SAYS_COVERAGE = 0.812

_WORD = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+")
_POSSESSIVE = re.compile(r"['’]s\b")
_MIN_PLURAL = 4  # "news", "bus" and "gas" are not plurals to strip
# Words that deny what a sentence says: a sentence that denies a line does not say it.
_DENIALS = frozenset("not no never nor none nobody nothing without cannot".split())


def content_words(text: str) -> frozenset[str]:
    """Lower-cased words and figures of ``text`` without stop words, possessives and a plural "s", "1,200" as "1200"."""
    out = set()
    # a possessive is its name: "Alderby's" says "Alderby"
    for word in _WORD.findall(_POSSESSIVE.sub("", text.lower())):
        word = word.replace(",", "")
        if word in ENGLISH_STOP_WORDS:
            continue
        if len(word) >= _MIN_PLURAL and word.endswith("s") and not word.endswith("ss") and not word[0].isdigit():
            word = word[:-1]
        out.add(word)
    return frozenset(out)


def coverage(line: str, sentence: str) -> float:
    """The least share of either text's content words that the other has (1.0 for two empty texts)."""
    a, b = content_words(line), content_words(sentence)
    if not a and not b:
        return 1.0
    shared = len(a & b)
    return min(shared / max(1, len(a)), shared / max(1, len(b)))


def says(line: str, sentence: str, threshold: float = SAYS_COVERAGE) -> bool:
    """Whether ``sentence`` clearly says ``line``: nearly the same content words, the same figures, the same denials."""
    if coverage(line, sentence) < threshold:
        return False
    if _figures(line) != _figures(sentence):
        return False
    return _denials(line) == _denials(sentence)


def _figures(text: str) -> frozenset[str]:
    return frozenset(w for w in content_words(text) if w[0].isdigit())


def _denials(text: str) -> int:
    lowered = text.lower().replace("’", "'").replace("n't", " not")
    return sum(1 for w in lowered.split() if w.strip(".,;:!?\"“”'") in _DENIALS)


class SentenceCheck:
    """Whether one text of a pool says another: the pair model over the sentences' own figures,
    dates, names and the cosine of the vectors the summary already has; the word rule (``says``)
    where there are no vectors. Sides are built once per sentence, when first asked."""

    def __init__(self, texts: Sequence[str], places: Sequence[tuple[ArticleAnalysis | None, int, int]],
                 vectors: np.ndarray | None, mention_entity: Mapping[tuple[str, int, int], str]):
        self._texts = texts
        self._places = places  # each text's analysis and character span in its article (None: a headline)
        self._vectors = vectors
        self._ids = mention_entity
        self._sides: dict[int, PairSide] = {}

    def __call__(self, line: int, sentence: int) -> bool:
        """Whether text ``sentence`` says text ``line`` (indices into the pool's texts)."""
        if self._vectors is None:
            return says(self._texts[line], self._texts[sentence])
        cosine = float(self._vectors[line] @ self._vectors[sentence])
        return shipped().says(self._side(line), self._side(sentence), cosine)

    def _side(self, k: int) -> PairSide:
        if k not in self._sides:
            analysis, start, end = self._places[k]
            self._sides[k] = text_side(self._texts[k], analysis, start, end, self._ids)
        return self._sides[k]
