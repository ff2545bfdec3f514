"""Scoring the aligner's pair decision on sentence pairs labelled paraphrase or not (MRPC), beside a word-overlap baseline.

What is scored (``evaluate``, as ``newsfuse eval align`` does):

* **Pairs**: the Microsoft Research Paraphrase Corpus (``msr_paraphrase_train.txt``): two
  sentences from different outlets' reports of one story, gold "same fact" when the annotators
  judged them paraphrases.
* **Our decision**: each sentence is analysed as a one-sentence report and its statements
  (``collect_units``) are taken together as one statement: their figures, dates, entities,
  negation and main verb. The two link as :meth:`ClaimAligner.link` links two statements of one
  event: the score (cosine of the sentence embeddings plus shared words, a shared figure, the
  same verb, less the penalty for figures apart) reaches the threshold and no slot keeps them
  apart (a different figure or date, a denial, different people or places). MRPC pairs come
  without their event, so the centred cosine is the plain one.
* **The pair model** (``fuse/claims/pairs.py``): the aligner deciding with it (``learnt=True``, its
  alignment threshold, the slot vetoes as before), and the summary's citation check (the model at
  its citation threshold; beside it the word rule ``support.says`` it replaced and word Jaccard fit
  for precision ``CITE_PRECISION``).
* **Baseline**: the Jaccard of the two sentences' lower-cased words at a threshold.
* **Parts**: a pair is in the check part when the CRC-32 of its ids is divisible by
  ``CHECK_EVERY`` (a fifth), else in the fit part. Thresholds are fit on the fit part
  precision-first (a link asserts "corroborated"): the lowest threshold whose precision reaches
  ``TARGET_PRECISION``; the baseline also at its best F1. Both parts are reported.
"""

from __future__ import annotations

import dataclasses
import re
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsfuse.errors import EvalError
from newsfuse.eval.metrics import Scores
from newsfuse.model import Article

PAIR_FILE = "msr_paraphrase_train.txt"
# A pair whose ids' CRC-32 is divisible by CHECK_EVERY is in the check part (about a fifth).
CHECK_EVERY = 5
# A link asserts "corroborated" to a reader: thresholds are fit for this precision first.
TARGET_PRECISION = 0.9
# A citation tells a reader the source says the line: the citation check is held to this.
CITE_PRECISION = 0.95
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class SentencePair:
    """Two sentences of one story from different outlets and whether they say the same thing."""

    id: str
    same: bool
    first: str
    second: str

    @property
    def part(self) -> str:
        """``fit`` or ``check``, fixed by the pair's ids."""
        return "check" if zlib.crc32(self.id.encode()) % CHECK_EVERY == 0 else "fit"


def read_pairs(path: str | Path) -> list[SentencePair]:
    """The pairs of an MRPC file (or of ``PAIR_FILE`` in a folder): quality, two ids, two sentences."""
    path = Path(path)
    if path.is_dir():
        path = path / PAIR_FILE
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise EvalError(f"{path}: cannot read MRPC pairs ({exc})") from exc
    pairs = []
    for n, line in enumerate(lines[1:], start=2):
        fields = line.split("\t")
        if len(fields) != 5 or fields[0] not in ("0", "1"):
            raise EvalError(f"{path}:{n}: not an MRPC line (quality, #1 id, #2 id, #1 string, #2 string)")
        # One released sentence writes an apostrophe as the control character U+0012.
        first, second = (s.replace("\x12", "'") for s in fields[3:])
        pairs.append(SentencePair(f"{fields[1]}-{fields[2]}", fields[0] == "1", first, second))
    if not pairs:
        raise EvalError(f"{path}: no MRPC pairs")
    return pairs


def word_jaccard(a: str, b: str) -> float:
    """The baseline's similarity: Jaccard of the lower-cased words."""
    x, y = set(_WORD.findall(a.lower())), set(_WORD.findall(b.lower()))
    return len(x & y) / len(x | y) if x | y else 0.0


def scores_at(values: Sequence[float], gold: Sequence[bool], threshold: float) -> Scores:
    """Precision and recall of "same" for the pairs whose value reaches ``threshold``."""
    said = [v >= threshold for v in values]
    hit = sum(s and g for s, g in zip(said, gold))
    precision = hit / sum(said) if any(said) else 1.0
    recall = hit / sum(gold) if any(gold) else 1.0
    return Scores.of(precision, recall)


def precision_first(values: Sequence[float], gold: Sequence[bool], target: float = TARGET_PRECISION) -> float:
    """The lowest threshold whose precision reaches ``target`` (the best recall at that precision);
    the highest value when none does."""
    finite = sorted({v for v in values if v != float("-inf")})
    for t in finite:
        if scores_at(values, gold, t).precision >= target:
            return t
    return finite[-1] if finite else 0.0


def best_f1(values: Sequence[float], gold: Sequence[bool]) -> float:
    """The threshold with the best F1 (the lowest of ties)."""
    finite = sorted({v for v in values if v != float("-inf")})
    return max(finite, key=lambda t: (scores_at(values, gold, t).f1, -t)) if finite else 0.0


@dataclass(frozen=True, slots=True)
class AnalysedPair:
    """A pair as the aligner and the pair model see it: each sentence's statements taken together
    (None when it has none), each sentence's side for the pair model, and their encoder cosine."""

    first: Any
    second: Any
    sides: tuple[Any, Any]
    cosine: float


def analyse_pairs(pairs: Sequence[SentencePair], nlp: Any) -> list[AnalysedPair]:
    """Each pair's sentences analysed as one-sentence reports of one event, their entities made one
    (a name in both is one entity), and encoded once."""
    from newsfuse.errors import ModelError
    from newsfuse.fuse.claims.pairs import text_side
    from newsfuse.fuse.claims.units import collect_units
    from newsfuse.fuse.corpus import Corpus
    from newsfuse.fuse.entities.canon import EntityCanonicalizer
    from newsfuse.nlp.analyze import analyze_articles
    from newsfuse.nlp.encoder import embed_texts

    articles = [Article(f"{p.id}/{k}", text, outlet=f"outlet {k}") for p in pairs
                for k, text in ((1, p.first), (2, p.second))]
    analyses = list(analyze_articles(articles, nlp))
    try:
        vectors = embed_texts([a.text for a in articles])
    except ModelError as exc:
        raise EvalError(f"the sentence encoder is needed to score alignment: {exc}") from exc
    out = []
    for k in range(len(pairs)):
        a, b = articles[2 * k], articles[2 * k + 1]
        corpus = Corpus([a, b], analyses[2 * k: 2 * k + 2])
        canon = EntityCanonicalizer().fit(corpus)
        corpus = corpus.with_entities(canon.entities_, canon.mention_entity_)
        units = collect_units(corpus, {a.id: "pair", b.id: "pair"})
        sides = tuple(text_side(x.text, y, mention_entity=corpus.mention_entity)
                      for x, y in zip((a, b), analyses[2 * k: 2 * k + 2]))
        out.append(AnalysedPair(_whole(units, a), _whole(units, b), sides, float(vectors[2 * k] @ vectors[2 * k + 1])))
    return out


def aligner_values(analysed: Sequence[AnalysedPair], aligner: Any = None) -> list[tuple[float, str | None]]:
    """Each pair's link score and what keeps its sentences apart (None when nothing does)."""
    from newsfuse.fuse.claims.align import ClaimAligner

    aligner = aligner or ClaimAligner()
    return [(float("-inf"), "empty") if p.first is None or p.second is None
            else aligner.link(p.first, p.second, p.cosine) for p in analysed]


def _whole(units: Iterable[Any], article: Article) -> Any:
    """The statements of a one-sentence report taken together as one statement."""
    from newsfuse.fuse.claims.units import content_words, negation_count

    mine = [u for u in units if u.article == article.id]
    if not mine:
        return None
    verbs = [u.verb for u in mine if u.verb]
    return dataclasses.replace(
        mine[0], start=0, end=len(article.text), text=article.text,
        amounts=tuple(x for u in mine for x in u.amounts), dates=tuple(dict.fromkeys(d for u in mine for d in u.dates)),
        entities=frozenset().union(*(u.entities for u in mine)), words=content_words(article.text),
        actors=frozenset().union(*(u.actors for u in mine)), places=frozenset().union(*(u.places for u in mine)),
        negated=negation_count(article.text) % 2 == 1, verb=verbs[0] if verbs else "",
    )


def evaluate(paths: Sequence[str | Path], nlp: Any = None, link_score: float | None = None) -> dict[str, Any]:
    """Our pair decision (the aligner's, with the pair model and its slot vetoes), the citation check
    (the pair model at its citation threshold; the word rule it replaced) and the word-overlap
    baseline on the fit and check parts of MRPC."""
    from newsfuse.nlp.models import load_nlp

    pairs = [p for path in paths for p in read_pairs(path)]
    return score_analysed(pairs, analyse_pairs(pairs, nlp or load_nlp()), link_score)


def score_analysed(pairs: Sequence[SentencePair], analysed: Sequence[AnalysedPair],
                   link_score: float | None = None) -> dict[str, Any]:
    """``evaluate`` on pairs already analysed (``analyse_pairs``)."""
    from newsfuse.fuse.claims.align import LINK_SCORE, ClaimAligner
    from newsfuse.fuse.claims.pairs import shipped
    from newsfuse.fuse.summary.support import says

    values = aligner_values(analysed)
    ours = [v if clash is None else float("-inf") for v, clash in values]
    learnt = [v if clash is None else float("-inf") for v, clash in aligner_values(analysed, ClaimAligner(learnt=True))]
    model = shipped()
    cite = [model.probability(p.sides[0], p.sides[1], p.cosine) for p in analysed]
    rule = [float(says(p.first, p.second)) for p in pairs]
    base = [word_jaccard(p.first, p.second) for p in pairs]
    parts = {name: [k for k, p in enumerate(pairs) if p.part == name] for name in ("fit", "check")}
    fit = parts["fit"]
    gold = [p.same for p in pairs]

    def on(vals: Sequence[float], rows: list[int], t: float) -> dict[str, float]:
        return scores_at([vals[k] for k in rows], [gold[k] for k in rows], t).as_dict()

    ours_t = precision_first([ours[k] for k in fit], [gold[k] for k in fit])
    base_t = precision_first([base[k] for k in fit], [gold[k] for k in fit])
    base_f1 = best_f1([base[k] for k in fit], [gold[k] for k in fit])
    base_cite = precision_first([base[k] for k in fit], [gold[k] for k in fit], CITE_PRECISION)
    current = LINK_SCORE if link_score is None else link_score
    vetoed = [k for k, (_, clash) in enumerate(values) if clash not in (None, "empty")]
    result: dict[str, Any] = {
        "pairs": {name: len(rows) for name, rows in parts.items()},
        "same": {name: sum(gold[k] for k in rows) for name, rows in parts.items()},
        "thresholds": {"ours_precision_first": ours_t, "ours_current": current,
                       "baseline_precision_first": base_t, "baseline_best_f1": base_f1,
                       "ours_model": model.align_threshold, "cite_model": model.cite_threshold,
                       "cite_rule": 1.0, "baseline_cite": base_cite},
        "kept_apart": {"pairs": len(vetoed), "not_same": sum(not gold[k] for k in vetoed),
                       "by_kind": _count(values[k][1] for k in vetoed),
                       "same_by_kind": _count(values[k][1] for k in vetoed if gold[k])},
    }
    for name, rows in parts.items():
        result[name] = {
            "ours_precision_first": on(ours, rows, ours_t),
            "ours_current": on(ours, rows, current),
            "baseline_precision_first": on(base, rows, base_t),
            "baseline_best_f1": on(base, rows, base_f1),
            "ours_model": on(learnt, rows, model.align_threshold),
            "cite_model": on(cite, rows, model.cite_threshold),
            "cite_rule": on(rule, rows, 1.0),
            "baseline_cite": on(base, rows, base_cite),
        }
    return result


def _count(kinds: Iterable[str | None]) -> dict[str, int]:
    out: dict[str, int] = {}
    for k in kinds:
        out[str(k)] = out.get(str(k), 0) + 1
    return dict(sorted(out.items()))


def format_scores(result: dict[str, Any]) -> str:
    """The scores as a small table: one row per decision, precision/recall/F1 on each part."""
    t = result["thresholds"]
    lines = [f"MRPC pairs: fit {result['pairs']['fit']} ({result['same']['fit']} same), "
             f"check {result['pairs']['check']} ({result['same']['check']} same)",
             f"{'decision':<34}{'threshold':>10}   fit P/R/F1           check P/R/F1"]
    for key, label in (("ours_current", "aligner, its link score"),
                       ("ours_precision_first", f"aligner, precision {TARGET_PRECISION} on fit"),
                       ("ours_model", "aligner with the pair model"),
                       ("baseline_precision_first", f"word Jaccard, precision {TARGET_PRECISION} on fit"),
                       ("baseline_best_f1", "word Jaccard, best F1 on fit"),
                       ("cite_model", "citation: pair model, its threshold"),
                       ("cite_rule", "citation: word rule (support.says)"),
                       ("baseline_cite", f"word Jaccard, precision {CITE_PRECISION} on fit")):
        cells = [" ".join(f"{result[part][key][m]:.3f}" for m in ("precision", "recall", "f1"))
                 for part in ("fit", "check")]
        lines.append(f"{label:<34}{t[key]:>10.3f}   {cells[0]}    {cells[1]}")
    kept = result["kept_apart"]
    lines.append(f"kept apart by a slot: {kept['pairs']} pairs, {kept['not_same']} of them not the same; by slot "
                 "(of them the same): " + ", ".join(f"{k} {n} ({kept['same_by_kind'].get(k, 0)})"
                                                    for k, n in kept["by_kind"].items()))
    return "\n".join(lines)
