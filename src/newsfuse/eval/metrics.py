"""Clustering scores: B³ (Bagga & Baldwin 1998) and pairwise precision, recall and F1.

Both take two mappings from items (mentions, articles, anything hashable) to
cluster labels, one gold and one system, over the same items. Items missing
from the system mapping count as singletons, as a system that said nothing
about them would have left them alone.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Scores:
    """Precision, recall and their harmonic mean, each in [0, 1]."""

    precision: float
    recall: float
    f1: float

    @classmethod
    def of(cls, precision: float, recall: float) -> Scores:
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return cls(precision, recall, f1)

    def as_dict(self) -> dict[str, float]:
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1}


_Singleton = tuple  # a private label type no caller's labels can collide with


def _system_labels(gold: Mapping[Hashable, Hashable], system: Mapping[Hashable, Hashable]) -> dict:
    return {item: system[item] if item in system else (_Singleton, item) for item in gold}


def b_cubed(gold: Mapping[Hashable, Hashable], system: Mapping[Hashable, Hashable]) -> Scores:
    """B³ precision, recall and F1 over the items of ``gold``.

    For each item, precision is the share of its system cluster that shares its
    gold cluster, recall the share of its gold cluster that shares its system
    cluster; both are averaged over items. System items not in ``gold`` are
    ignored, so the two clusterings are compared on the same items.
    """
    if not gold:
        return Scores(0.0, 0.0, 0.0)
    sys = _system_labels(gold, system)
    gold_size = Counter(gold.values())
    sys_size = Counter(sys.values())
    both = Counter((gold[item], sys[item]) for item in gold)
    precision = recall = 0.0
    for item in gold:
        shared = both[gold[item], sys[item]]
        precision += shared / sys_size[sys[item]]
        recall += shared / gold_size[gold[item]]
    n = len(gold)
    return Scores.of(precision / n, recall / n)


def pairwise(gold: Mapping[Hashable, Hashable], system: Mapping[Hashable, Hashable]) -> Scores:
    """Precision and recall of the item pairs that each clustering puts together.

    With no pair on one side its score is 1.0 when the other side has none either, else 0.0.
    """
    sys = _system_labels(gold, system)
    gold_pairs = _pairs(Counter(gold.values()).values())
    sys_pairs = _pairs(Counter(sys.values()).values())
    shared = _pairs(Counter((gold[item], sys[item]) for item in gold).values())
    precision = shared / sys_pairs if sys_pairs else float(gold_pairs == 0)
    recall = shared / gold_pairs if gold_pairs else float(sys_pairs == 0)
    return Scores.of(precision, recall)


def _pairs(sizes) -> int:
    return sum(n * (n - 1) // 2 for n in sizes)


def clusters(labels: Mapping[Hashable, Hashable]) -> list[list[Hashable]]:
    """The clusters of a labelling as lists of items, largest first (for error reports)."""
    groups: dict[Hashable, list[Hashable]] = defaultdict(list)
    for item, label in labels.items():
        groups[label].append(item)
    return sorted(groups.values(), key=len, reverse=True)
