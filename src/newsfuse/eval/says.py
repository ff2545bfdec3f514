"""Scoring the summary's citation check, "a sentence says the line" (fuse/summary/support.py), on MRPC and FNC-1.

* MRPC train: pairs of different outlets' sentences of one story, paraphrase (1) or not (0),
  read by ``eval.paraphrase.read_pairs``; its check part (a fifth, by the CRC-32 of the
  pair's ids) is held out, the rest fit.
* FNC-1 dev: a headline against the best-scoring sentence of a body; ``agree`` is
  positive, ``unrelated`` and ``disagree`` negative, ``discuss`` (reports the claim
  without taking a side) left out. Halves by crc32 of the headline.

``bench/bench_summary_says.py`` prints the figures; ``tests/eval/test_says.py`` pins floors.
"""

from __future__ import annotations

import csv
import re
import zlib
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from newsfuse.eval.paraphrase import read_pairs

# Body sentences: split at a full stop, question or exclamation mark, or a line break; fewer
# than MIN_BODY_WORDS words is a label or a caption, not a sentence.
MIN_BODY_WORDS = 4
_SPLIT = re.compile(r"(?<=[.!?])\s+|\n+")


def read_mrpc(path: str | Path) -> tuple[list[tuple[str, str]], np.ndarray, np.ndarray]:
    """MRPC pairs (sentence 1, sentence 2), labels (1 paraphrase), and the held-out mask (the check part)."""
    pairs = read_pairs(path)
    texts = [(p.first, p.second) for p in pairs]
    return texts, np.array([int(p.same) for p in pairs]), np.array([p.part == "check" for p in pairs])


def read_fnc(folder: str | Path) -> tuple[list[tuple[str, list[str]]], np.ndarray, np.ndarray]:
    """FNC-1 (headline, body sentences) pairs without ``discuss``, labels (1 agree), and the second-half mask."""
    csv.field_size_limit(1 << 28)
    root = Path(folder)
    with open(root / "fnc1_dev_bodies.csv", encoding="utf-8", newline="") as f:
        bodies = {row["Body ID"]: row["articleBody"] for row in csv.DictReader(f)}
    sentences = {
        bid: [s for s in _SPLIT.split(text) if len(s.split()) >= MIN_BODY_WORDS] for bid, text in bodies.items()
    }
    pairs, labels, half = [], [], []
    with open(root / "fnc1_dev_stances.csv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if row["Stance"] == "discuss":
                continue
            pairs.append((row["Headline"], sentences.get(row["Body ID"], [])))
            labels.append(int(row["Stance"] == "agree"))
            half.append(zlib.crc32(row["Headline"].encode()) % 2 == 0)
    return pairs, np.array(labels), np.array(half)


def best_sentence_scores(pairs: Sequence[tuple[str, list[str]]], score: Callable[[str, str], float]) -> np.ndarray:
    """For each (headline, body sentences): the highest score of the headline against one sentence (0 if none)."""
    return np.array([max((score(h, s) for s in body), default=0.0) for h, body in pairs])


def precision_recall(predicted: np.ndarray, labels: np.ndarray, mask: np.ndarray) -> dict[str, float]:
    """Precision, recall and count of the predicted positives within ``mask``."""
    chosen = predicted & mask
    tp = int((chosen & (labels == 1)).sum())
    return {
        "precision": round(tp / max(1, int(chosen.sum())), 3),
        "recall": round(tp / max(1, int(((labels == 1) & mask).sum())), 3),
        "predicted": int(chosen.sum()),
    }


def lowest_threshold(scores: np.ndarray, labels: np.ndarray, mask: np.ndarray, target: float,
                     min_predicted: int = 30) -> float | None:
    """The lowest threshold at which "score >= threshold" has precision >= target on ``mask`` (None if none)."""
    for t in np.unique(np.round(scores[mask], 3)):
        got = precision_recall(scores >= t, labels, mask)
        if got["precision"] >= target and got["predicted"] >= min_predicted:
            return float(t)
    return None
