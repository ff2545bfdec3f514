"""The learnt sentence-pair decision: whether two statements say one thing, for alignment and for citations.

One logistic regression over the encoder's cosine of the two texts (the vectors the pipeline
already has), content-word coverage both ways, word Jaccard, the length ratio, and what tells
two statements apart: a figure or a date only one gives or that differ, named entities only
one names, different denials. Different figures of one kind (beyond written rounding) are
never one statement whatever the model says (``figures_differ``). The weights and the two
thresholds (alignment; a citation) ship in ``pairs-v1.json``, written by
``bench/train_pairs.py`` from the MRPC fit part; ``docs/quality.md`` has the figures.
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from newsfuse.errors import ModelError
from newsfuse.fuse.claims import slots as claim_slots
from newsfuse.fuse.claims.slots import Amount
from newsfuse.fuse.claims.units import ClaimUnit, content_words, negation_count
from newsfuse.model import ArticleAnalysis

MODEL_FILE = Path(__file__).with_name("pairs-v1.json")
# The order of the model's inputs; the JSON file names them and must match.
FEATURES = (
    "cosine", "coverage_min", "coverage_max", "jaccard", "length_ratio", "figure_shared", "figure_one_side",
    "date_clash", "date_one_side", "names_apart", "names_one_side", "negations_apart", "denial_differs",
)
# Kinds of figure that count something: two of one kind that no reading lets meet are two facts.
COUNT_KINDS = frozenset({"cardinal", "money", "percent", "quantity"})


@dataclass(frozen=True, slots=True)
class PairSide:
    """What the pair decision reads of one statement: its words, figures, dates, names and denials."""

    text: str
    words: frozenset[str]
    amounts: tuple[Amount, ...]
    dates: tuple[str, ...]
    names: frozenset[str] | None  # entity ids or names; None when the text was not analysed (a headline)
    negations: int


def text_side(text: str, analysis: ArticleAnalysis | None = None, start: int = 0, end: int | None = None,
              mention_entity: Mapping[tuple[str, int, int], str] | None = None) -> PairSide:
    """The side of ``text``, a sentence at ``[start, end)`` of ``analysis``'s article (its dates and
    named entities, canonical ids where ``mention_entity`` has them); without an analysis no names."""
    end = len(text) if end is None else end
    names = None
    dates: tuple[str, ...] = ()
    if analysis is not None:
        ids = mention_entity or {}
        names = frozenset(ids.get((analysis.article_id, m.start, m.end)) or _name(m.text)
                          for m in analysis.mentions if start <= m.start and m.end <= end)
        dates = claim_slots.calendar_values(analysis.times, start, end)
    numbers = claim_slots.find_numbers(text, 0, len(text))
    return PairSide(text, content_words(text), claim_slots.amounts(numbers, text), dates, names,
                    negation_count(text))


def unit_side(unit: ClaimUnit) -> PairSide:
    """The side of an aligned statement: its own figures, dates and canonical entities."""
    return PairSide(unit.text, unit.words, unit.amounts, unit.dates, unit.entities, negation_count(unit.text))


def figures_differ(xs: Sequence[Amount], ys: Sequence[Amount]) -> bool:
    """Both sides give figures of one kind (counts, money, shares, quantities) and no figure of one
    meets any of the other's: "sold for $2.5 billion" and "for $1.8 billion". A claim never spans
    different figures (the README), however alike the words; a rounded figure ("$43 million"), an
    open bound ("at least 14") or an approximation meets its exact form (slots.bounds)."""
    for kind in COUNT_KINDS:
        a = [x for x in xs if x.kind == kind]
        b = [y for y in ys if y.kind == kind]
        if a and b and not any(x.meets(y) for x in a for y in b):
            return True
    return False


def features(a: PairSide, b: PairSide, cosine: float) -> list[float]:
    """The model's inputs for one pair, in the order of FEATURES."""
    shared = len(a.words & b.words)
    union = len(a.words | b.words)
    cover_a = shared / len(a.words) if a.words else 0.0
    cover_b = shared / len(b.words) if b.words else 0.0
    na, nb = len(a.words), len(b.words)
    met_a = [any(x.kind == y.kind and x.meets(y) for y in b.amounts) for x in a.amounts]
    met_b = [any(x.kind == y.kind and x.meets(y) for y in a.amounts) for x in b.amounts]
    alone = sum(not m for m in met_a) + sum(not m for m in met_b)
    date_clash = bool(a.dates and b.dates and claim_slots.dates_clash(a.dates, b.dates))
    date_alone = bool(a.dates) != bool(b.dates)
    names_apart = names_alone = 0.0
    if a.names is not None and b.names is not None:
        if a.names and b.names:
            names_apart = 1.0 - len(a.names & b.names) / len(a.names | b.names)
        names_alone = float(bool(a.names) != bool(b.names))
    return [
        float(cosine), min(cover_a, cover_b), max(cover_a, cover_b), shared / union if union else 0.0,
        min(na, nb) / max(na, nb) if max(na, nb) else 1.0, float(any(met_a)), float(min(alone, 3)),
        float(date_clash), float(date_alone), names_apart, names_alone,
        float(min(abs(a.negations - b.negations), 3)), float(a.negations % 2 != b.negations % 2),
    ]


@dataclass(frozen=True, slots=True)
class PairModel:
    """Fitted weights (over standardised features) and the thresholds of the two uses."""

    version: int
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float
    align_threshold: float
    cite_threshold: float

    def probability(self, a: PairSide, b: PairSide, cosine: float) -> float:
        """How likely the two say one thing; 0.0 when they give different figures of one kind."""
        if figures_differ(a.amounts, b.amounts):
            return 0.0
        return self.probability_of(features(a, b, cosine))

    def probability_of(self, values: Sequence[float]) -> float:
        """The model's probability for one feature row."""
        z = self.intercept + sum(c * (v - m) / s for c, v, m, s in zip(self.coef, values, self.mean, self.scale))
        return 1.0 / (1.0 + math.exp(-z))

    def same(self, a: PairSide, b: PairSide, cosine: float) -> bool:
        """Whether the two are one claim (alignment's threshold)."""
        return self.probability(a, b, cosine) >= self.align_threshold

    def says(self, a: PairSide, b: PairSide, cosine: float) -> bool:
        """Whether ``b`` says ``a`` clearly enough to cite it for ``a`` (the citation threshold)."""
        return self.probability(a, b, cosine) >= self.cite_threshold

    def to_json(self, **extra: object) -> str:
        """The file's text: the features' names, the weights, the thresholds and ``extra`` notes."""
        data = {"version": self.version, "features": list(FEATURES), "mean": list(self.mean),
                "scale": list(self.scale), "coef": list(self.coef), "intercept": self.intercept,
                "align_threshold": self.align_threshold, "cite_threshold": self.cite_threshold, **extra}
        return json.dumps(data, indent=1) + "\n"


def read_model(path: str | Path) -> PairModel:
    """A model file as ``to_json`` writes it; ModelError naming the file when it is not one."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        if tuple(data["features"]) != FEATURES:
            raise ValueError(f"features {data['features']} are not {list(FEATURES)}")
        model = PairModel(int(data["version"]), tuple(map(float, data["mean"])), tuple(map(float, data["scale"])),
                          tuple(map(float, data["coef"])), float(data["intercept"]),
                          float(data["align_threshold"]), float(data["cite_threshold"]))
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError) as exc:
        raise ModelError(f"{path}: not a pair model ({exc})") from exc
    if not len(model.mean) == len(model.scale) == len(model.coef) == len(FEATURES):
        raise ModelError(f"{path}: not a pair model (weights for {len(model.coef)} features, not {len(FEATURES)})")
    return model


@functools.cache
def shipped() -> PairModel:
    """The model shipped in the package (read once)."""
    return read_model(MODEL_FILE)


def _name(text: str) -> str:
    """A mention's words as a name: lower case, without a leading "the" or a possessive."""
    low = text.lower().replace("’", "'").removesuffix("'s").strip()
    return low.removeprefix("the ").strip()
