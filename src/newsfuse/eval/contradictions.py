"""Scoring contradictions on FNC-1 headline/body pairs, beside a negation-mismatch baseline.

FNC-1 (``newsfuse eval contradictions FOLDER``, the folder holding ``*_stances.csv`` and
``*_bodies.csv``) labels a headline against an article body agree, disagree, discuss or
unrelated. It has no sentence-level conflicts, so it scores one thing only: how often our
detector finds a contradiction between a headline and a body that *disagree*, against how often
it finds one where they *agree*. Each pair becomes two reports of one event from two outlets on
one day (the headline a one-line report), run through the per-article step, entity
canonicalisation, alignment and ``ContradictionFinder``; a pair is flagged when any
contradiction is found.

* **flagged_disagree** / **flagged_agree**: the share of each label's pairs flagged;
* **precision**: flagged disagree pairs over all flagged pairs, with as many agree as disagree
  pairs scored (balanced, so it does not depend on FNC-1's class sizes);
* **baseline**: the same figures for a pair flagged when the headline's negation parity differs
  from that of the body sentence sharing most content words with it.

The pairs are the first ``limit`` of each label in file order (deterministic).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path

from newsfuse.errors import EvalError
from newsfuse.model import Article

LABELS = ("disagree", "agree")
# Pairs of each label scored by default: enough to tell rates apart, a few minutes on a CPU.
DEFAULT_LIMIT = 60
_DAY = "2020-01-01"


def read_pairs(folder: Path, limit: int = DEFAULT_LIMIT) -> list[tuple[str, str, str]]:
    """(label, headline, body text) for the first ``limit`` pairs of each label in ``LABELS``."""
    stances = sorted(folder.glob("*stances*.csv"))
    bodies = sorted(folder.glob("*bodies*.csv"))
    if not stances or not bodies:
        raise EvalError(f"{folder}: no FNC-1 *_stances.csv and *_bodies.csv")
    text: dict[str, str] = {}
    for path in bodies:
        with path.open(encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                text[row["Body ID"]] = row["articleBody"]
    out, count = [], dict.fromkeys(LABELS, 0)
    for path in stances:
        with path.open(encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                label = row["Stance"]
                if label in count and count[label] < limit and row["Body ID"] in text:
                    count[label] += 1
                    out.append((label, row["Headline"], text[row["Body ID"]]))
    return out


def negation_mismatch(headline: str, body: str) -> bool:
    """The baseline: the headline's negation parity differs from that of the body sentence that
    shares most content words with it."""
    from newsfuse.fuse.claims.units import content_words, negation_count

    words = content_words(headline)
    sentences = [s for s in body.replace("\n", " ").split(". ") if s.strip()]
    if not sentences:
        return False
    best = max(sentences, key=lambda s: len(words & content_words(s)))
    return negation_count(headline) % 2 != negation_count(best) % 2


def contradicts(headline: str, body: str, nlp) -> bool:
    """Whether our detector finds any contradiction between the headline and the body."""
    from newsfuse.fuse.claims.align import ClaimAligner
    from newsfuse.fuse.claims.contradict import ContradictionFinder
    from newsfuse.fuse.corpus import Corpus
    from newsfuse.fuse.entities.canon import EntityCanonicalizer
    from newsfuse.nlp.analyze import analyze_articles

    articles = [Article("headline", headline, outlet="Headline", published=_DAY),
                Article("body", body, outlet="Body", published=_DAY)]
    reports = Corpus(articles, tuple(analyze_articles(articles, nlp)))
    canon = EntityCanonicalizer().fit(reports)
    reports = reports.with_entities(canon.entities_, canon.mention_entity_)
    aligner = ClaimAligner().fit(reports, {a.id: "event" for a in articles})
    return bool(ContradictionFinder().fit(reports, aligner).contradictions_)


def score(flags: Iterable[tuple[str, bool]]) -> dict[str, float]:
    """Flagged shares of each label and precision of flagging disagree over agree (balanced)."""
    flags = list(flags)
    n = {label: sum(1 for k, _ in flags if k == label) for label in LABELS}
    hit = {label: sum(1 for k, f in flags if k == label and f) for label in LABELS}
    rate = {label: hit[label] / n[label] if n[label] else 0.0 for label in LABELS}
    flagged = rate["disagree"] + rate["agree"]
    return {"pairs_disagree": n["disagree"], "pairs_agree": n["agree"],
            "flagged_disagree": rate["disagree"], "flagged_agree": rate["agree"],
            "precision": rate["disagree"] / flagged if flagged else 0.0}


def evaluate(folder: Path, limit: int = DEFAULT_LIMIT) -> dict[str, float]:
    """Our detector's and the baseline's scores on FNC-1 disagree and agree pairs."""
    from newsfuse.nlp.models import load_nlp

    pairs = read_pairs(folder, limit)
    nlp = load_nlp()
    ours = score((label, contradicts(h, b, nlp)) for label, h, b in pairs)
    base = score((label, negation_mismatch(h, b)) for label, h, b in pairs)
    return {**ours, **{f"baseline_{k}": v for k, v in base.items() if not k.startswith("pairs")}}


def format_scores(scores: dict[str, float]) -> str:
    """Two rows, ours and the baseline: flagged shares of disagree and agree pairs, precision."""
    lines = [f"FNC-1: {int(scores['pairs_disagree'])} disagree and {int(scores['pairs_agree'])} agree pairs",
             f"{'':10}{'disagree':>10}{'agree':>10}{'precision':>11}"]
    for name, prefix in (("newsfuse", ""), ("baseline", "baseline_")):
        lines.append(f"{name:10}{scores[prefix + 'flagged_disagree']:>10.3f}{scores[prefix + 'flagged_agree']:>10.3f}"
                     f"{scores[prefix + 'precision']:>11.3f}")
    return "\n".join(lines)
