"""The scored pairs of claim alignment: one ``Pair`` a row, kept as numpy columns rather than objects."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, fields

import numpy as np

# Rows turned into Pair objects at a time when the pairs are walked.
_ITER_ROWS = 4096


@dataclass(frozen=True, slots=True)
class Pair:
    """Two close units of one event, in different articles: how alike they are and what disagrees."""

    a: int
    b: int
    cosine: float
    centred: float  # cosine after removing the event's mean statement vector
    entities: float  # Jaccard of their canonical entities
    words: float  # Jaccard of their content words
    amount: bool  # a figure both give
    apart: bool  # both give figures and none of them meet
    verb: bool  # the same main verb
    clash: str | None  # number | date | duration | ordinal | negation | actor | place | time, or None
    probability: float | None = None  # the pair model's, when the encoder's cosine was there to read


# Each field's column type: the cosines as the neighbour search gives them (float32), the rest as
# Python computes them (float64), so that a row reads back as the very Pair that was scored.
_COLUMNS = {"a": np.int32, "b": np.int32, "cosine": np.float32, "centred": np.float32, "entities": np.float64,
            "words": np.float64, "amount": np.bool_, "apart": np.bool_, "verb": np.bool_, "clash": np.int16,
            "probability": np.float64}
_NAMES = tuple(f.name for f in fields(Pair))


class ScoredPairs(Sequence[Pair]):
    """The pairs an aligner scored, in order, as one numpy column per field of ``Pair``: a row is
    made a ``Pair`` only when asked for. 172k pairs of 1,000 ECB+ and GVC reports held ~37 MiB as
    Pair objects (and their floats), 7.4 MiB as columns (2026-12-07, docs/benchmarks.md).

    A clash is stored as its index in ``kinds`` (0: None); a probability of None as NaN.
    """

    def __init__(self, size: int):
        for name in _NAMES:
            setattr(self, name, np.zeros(size, dtype=_COLUMNS[name]))
        self.probability[:] = np.nan
        self.kinds: list[str | None] = [None]
        self._kind_code: dict[str | None, int] = {None: 0}

    def put(self, row: int, pair: Pair) -> None:
        """Store ``pair`` as row ``row``."""
        for name in _NAMES[:-2]:
            getattr(self, name)[row] = getattr(pair, name)
        code = self._kind_code.get(pair.clash)
        if code is None:
            code = self._kind_code[pair.clash] = len(self.kinds)
            self.kinds.append(pair.clash)
        self.clash[row] = code
        if pair.probability is not None:
            self.probability[row] = pair.probability

    def __eq__(self, other: object) -> bool:
        """Equal when both hold the same pairs in the same order."""
        if not isinstance(other, ScoredPairs):
            return NotImplemented
        return len(self) == len(other) and all(x == y for x, y in zip(self, other))

    __hash__ = None  # type: ignore[assignment]  # (mutable, as a list)

    def __len__(self) -> int:
        return len(self.a)

    def __getitem__(self, row: int) -> Pair:  # type: ignore[override]
        if not -len(self) <= row < len(self):
            raise IndexError(row)
        return next(self.take(np.array([row % len(self)])))

    def __iter__(self) -> Iterator[Pair]:
        return self.take(np.arange(len(self)))

    def take(self, rows: np.ndarray) -> Iterator[Pair]:
        """The pairs of ``rows``, in that order, made a few thousand at a time."""
        kinds = self.kinds
        for start in range(0, len(rows), _ITER_ROWS):
            chunk = rows[start : start + _ITER_ROWS]
            # .tolist() gives the Python values the pairs were scored with (a float32 cosine as the float it was).
            columns = [getattr(self, name)[chunk].tolist() for name in _NAMES]
            for a, b, cos, cen, ent, words, amount, apart, verb, clash, prob in zip(*columns):
                yield Pair(a, b, cos, cen, ent, words, amount, apart, verb, kinds[clash], None if prob != prob else prob)

    def clashing(self) -> np.ndarray:
        """Whether each pair has a clash."""
        return self.clash != 0

