"""Scoring event clustering: B³ and pairwise P/R/F1 of each article's event, on a report or on ECB+ and GVC.

Two entry points:

* :func:`evaluate` scores the ``articles[].event`` of a ``report.json`` against
  gold labels (JSONL or CSV: article id → gold event id), as
  ``newsfuse eval clusters REPORT GOLD`` does;
* :func:`evaluate_corpus` runs the whole flow (analysis, near-duplicates,
  entities, events) on an ECB+ folder or the GVC JSONL, one split mixed into one
  corpus as a user would give it, and scores it next to a TF-IDF +
  average-linkage baseline, so the figures in docs/quality.md can be reproduced.

Gold events: ECB+ topic + sub-corpus (``36ecb``, ``36ecbplus``); GVC ``event_id``.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from newsfuse.config import Config
from newsfuse.errors import EvalError
from newsfuse.eval.metrics import b_cubed, pairwise
from newsfuse.ingest.meta import with_dateline_span
from newsfuse.model import Article, ArticleAnalysis

# ECB+ development topics (Cybulska & Vossen 2014 split); test topics are 36-45; the rest is train.
ECB_DEV_TOPICS = (2, 5, 12, 18, 21, 23, 34, 35)
ECB_TEST_TOPICS = tuple(range(36, 46))
GVC_FILE = "gvc_docs_train_dev.jsonl"
# Baseline: cosine of TF-IDF (sublinear tf, English stop words) of title and text,
# average linkage cut at this similarity. Best B³ F1 on ECB+ train (0.888) and
# within 0.01 of the best on GVC train, 2026-11.
BASELINE_THRESHOLD = 0.15

_ARTICLE_KEYS = ("id", "article", "article_id", "doc_id")
_EVENT_KEYS = ("event", "event_id", "gold", "label")


# --- scoring a report --------------------------------------------------------------------------


def evaluate(report_path: str | Path, gold_path: str | Path) -> dict[str, Any]:
    """Scores of the ``articles[].event`` of a report.json against gold labels.

    Items are the gold articles; a gold article the report lacks counts as a
    singleton (and is counted under ``missing``); report articles without gold are ignored.
    """
    try:
        report = json.loads(Path(report_path).read_text(encoding="utf-8"))
        system = {str(a["id"]): str(a["event"]) for a in report["articles"] if a.get("event") is not None}
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError) as exc:
        raise EvalError(f"{report_path}: not a newsfuse report with articles[].event ({exc})") from exc
    gold = read_gold(gold_path)
    result = score(gold, system)
    result.update(report=str(report_path), gold=str(gold_path))
    return result


def read_gold(path: str | Path) -> dict[str, str]:
    """Article id → gold event id from JSONL (one object a line) or CSV (a header, or two columns)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise EvalError(f"{path}: cannot read gold labels ({exc})") from exc
    gold: dict[str, str] = {}
    lines = [line for line in text.splitlines() if line.strip()]
    if lines and lines[0].lstrip().startswith("{"):
        for n, line in enumerate(lines, 1):
            try:
                row = json.loads(line)
                gold[str(_field(row, _ARTICLE_KEYS))] = str(_field(row, _EVENT_KEYS))
            except (ValueError, KeyError, TypeError) as exc:
                raise EvalError(f"{path}:{n}: not a gold line with an article id and an event ({exc})") from exc
    else:
        rows = list(csv.reader(lines))
        header = [h.strip().lower() for h in rows[0]] if rows else []
        a_col = next((header.index(k) for k in _ARTICLE_KEYS if k in header), None)
        e_col = next((header.index(k) for k in _EVENT_KEYS if k in header), None)
        body = rows[1:] if a_col is not None and e_col is not None else rows
        a_col, e_col = (a_col, e_col) if a_col is not None and e_col is not None else (0, 1)
        for n, row in enumerate(body, 1):
            if len(row) <= max(a_col, e_col):
                raise EvalError(f"{path}: row {n} has no article id and event")
            gold[row[a_col].strip()] = row[e_col].strip()
    if not gold:
        raise EvalError(f"{path}: no gold labels")
    return gold


def _field(row: dict, keys: Sequence[str]) -> Any:
    for key in keys:
        if key in row and row[key] is not None:
            return row[key]
    raise KeyError(f"none of {', '.join(keys)}")


def score(gold: dict[str, str], system: dict[str, str]) -> dict[str, Any]:
    """B³ and pairwise scores of ``system`` over the items of ``gold``, with counts."""
    return {
        "articles": len(gold),
        "gold_events": len(set(gold.values())),
        "system_events": len({system[a] for a in gold if a in system} | {("alone", a) for a in gold if a not in system}),
        "missing": sum(1 for a in gold if a not in system),
        "b3": b_cubed(gold, system).as_dict(),
        "pairwise": pairwise(gold, system).as_dict(),
    }


def format_scores(result: dict[str, Any]) -> str:
    """A short plain-text table of an ``evaluate`` or ``evaluate_corpus`` result."""
    header = f"{'':26}{'B3 P':>8}{'B3 R':>8}{'B3 F1':>8}{'pair P':>8}{'pair R':>8}{'pair F1':>8}{'events':>8}"
    if "system" not in result:  # a report scored by ``evaluate``
        lines = [f"Events of {result.get('report', 'the report')}: {result['articles']} gold articles "
                 f"in {result['gold_events']} events ({result['missing']} missing from the report)", "", header]
        lines.append(_row("report", result))
        return "\n".join(lines)
    lines = [
        f"Event clustering on {result['corpus']} {result['split']}: {result['articles']} articles "
        f"in {result['gold_events']} gold events, as one corpus",
        "",
        header,
    ]
    for name, title in (("baseline", "TF-IDF + average linkage"), ("system", "newsfuse")):
        if name in result:
            lines.append(_row(title, result[name]))
    return "\n".join(lines)


def _row(title: str, s: dict[str, Any]) -> str:
    b3, pw = s["b3"], s["pairwise"]
    return (
        f"{title:26}{b3['precision']:8.3f}{b3['recall']:8.3f}{b3['f1']:8.3f}"
        f"{pw['precision']:8.3f}{pw['recall']:8.3f}{pw['f1']:8.3f}{s['system_events']:8d}"
    )


# --- benchmark corpora -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Corpus:
    """Articles of one benchmark split with their gold events."""

    name: str  # "ECB+" | "GVC"
    split: str
    articles: tuple[Article, ...]
    gold: dict[str, str]


def read_corpus(path: str | Path, split: str) -> Corpus:
    """The articles and gold events of ``split`` (train, dev, test or all) of ECB+ or GVC at ``path``.

    ``path`` is an ECB+ folder (``<topic>_<n>ecb[plus].xml`` files below it) or the
    GVC JSONL file, or a folder holding it.
    """
    path = Path(path)
    gvc = path if path.is_file() and path.suffix == ".jsonl" else path / GVC_FILE
    if gvc.is_file():
        return _read_gvc(gvc, split)
    if path.is_dir():
        return _read_ecb(path, split)
    raise EvalError(f"{path}: neither an ECB+ folder nor the GVC JSONL file")


def _read_ecb(path: Path, split: str) -> Corpus:
    from newsfuse.eval import ecbplus

    if split not in ("train", "dev", "test", "all"):
        raise EvalError(f"unknown ECB+ split {split!r} (train, dev, test or all)")
    every = ecbplus.find_documents([path])
    topics = {int(p.name.split("_", 1)[0]) for p in every}
    wanted = {
        "dev": set(ECB_DEV_TOPICS),
        "test": set(ECB_TEST_TOPICS),
        "train": topics - set(ECB_DEV_TOPICS) - set(ECB_TEST_TOPICS),
        "all": topics,
    }[split] & topics
    if not wanted:
        raise EvalError(f"{path}: no ECB+ topics of the {split} split")
    articles, gold = [], {}
    for file in ecbplus.find_documents([path], sorted(wanted)):
        doc = ecbplus.read_document(file)
        article, _ = ecbplus.to_article(doc)
        url = None
        if doc.kind == "ecbplus":  # sentence 0 of these files is the page's URL, tokenised
            url = "".join(t.text for t in doc.tokens if t.sentence == 0) or None
        articles.append(with_dateline_span(Article(id=doc.name, text=article.text, url=url, source=str(file))))
        gold[doc.name] = doc.event_id
    return Corpus("ECB+", split, tuple(articles), gold)


def _read_gvc(path: Path, split: str) -> Corpus:
    articles, gold = [], {}
    try:
        with path.open(encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                row = json.loads(line)
                if split != "all" and row.get("split") != split:
                    continue
                doc_id = str(row["doc_id"])
                articles.append(
                    with_dateline_span(Article(
                        id=doc_id,
                        text=row["text"],
                        title=row.get("title") or "",
                        url=row.get("url"),
                        published=row.get("dct") or None,
                        published_basis="metadata" if row.get("dct") else None,
                        source=f"{path}:{n}",
                    ))
                )
                gold[doc_id] = str(row["event_id"])
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError) as exc:
        raise EvalError(f"{path}: cannot read GVC documents ({exc})") from exc
    if not articles:
        raise EvalError(f"{path}: no GVC documents in the {split} split")
    return Corpus("GVC", split, tuple(articles), gold)


def evaluate_corpus(
    path: str | Path,
    split: str,
    *,
    config: Config | None = None,
    cache_dir: str | Path | None = None,
    use_embeddings: bool = True,
) -> dict[str, Any]:
    """Run newsfuse on a benchmark split as one corpus and score it beside the baseline.

    Steps:
    1. read the split's articles and gold events;
    2. analyse every article (in parallel, cached in ``cache_dir`` when given);
    3. cluster events with near-duplicates and canonical entities, as the pipeline does;
    4. score newsfuse and the TF-IDF + average-linkage baseline.
    """
    from newsfuse.config import load_config
    from newsfuse.pipeline import analyze_corpus

    # 1. corpus
    corpus = read_corpus(path, split)
    # 2. analyses
    config = config or load_config(progress="never")
    analyses = analyze_corpus(corpus.articles, config, cache_dir=cache_dir)
    # 3.-4. clusters and scores
    return score_corpus(corpus, analyses, use_embeddings=use_embeddings)


def score_corpus(corpus: Corpus, analyses: Sequence[ArticleAnalysis], use_embeddings: bool = True) -> dict[str, Any]:
    """Steps 3-4 of :func:`evaluate_corpus` on analyses already made (the slow part; tests reuse them)."""
    system = cluster_corpus(corpus.articles, analyses, use_embeddings=use_embeddings)
    baseline = baseline_clusters(corpus.articles)
    return {
        "corpus": corpus.name,
        "split": corpus.split,
        "articles": len(corpus.articles),
        "gold_events": len(set(corpus.gold.values())),
        "system": score(corpus.gold, system),
        "baseline": score(corpus.gold, baseline),
    }


def cluster_corpus(
    articles: Sequence[Article], analyses: Sequence[ArticleAnalysis], use_embeddings: bool = True, **params: Any
) -> dict[str, str]:
    """Article id → event id from the steps the pipeline runs: dates from the text, duplicates, entities, events."""
    return cluster_fused(fused_corpus(articles, analyses), use_embeddings=use_embeddings, **params)


def fused_corpus(articles: Sequence[Article], analyses: Sequence[ArticleAnalysis]):
    """The corpus the event clusterer fits on: dates from the text, duplicates and entities known."""
    from newsfuse.fuse.corpus import Corpus
    from newsfuse.fuse.dedup import Deduplicator
    from newsfuse.pipeline import date_from_text

    corpus = Corpus(date_from_text(articles, analyses), analyses)
    corpus = corpus.with_copies(Deduplicator().fit(corpus).duplicate_of_)
    return _with_entities(corpus)


def cluster_fused(corpus, use_embeddings: bool = True, **params: Any) -> dict[str, str]:
    """Article id → event id of a corpus :func:`fused_corpus` made (so several settings share its slow steps)."""
    from newsfuse.fuse.events.cluster import EventClusterer

    clusterer = EventClusterer(use_embeddings=use_embeddings, **params)
    clusterer.fit(corpus)
    return clusterer.article_event_


def _with_entities(corpus):
    """The corpus with its entities canonicalised, as the pipeline's step 5 gives them."""
    from newsfuse.fuse.entities.canon import EntityCanonicalizer

    canon = EntityCanonicalizer().fit(corpus)
    return corpus.with_entities(canon.entities_, canon.mention_entity_)


def baseline_clusters(articles: Sequence[Article], threshold: float = BASELINE_THRESHOLD) -> dict[str, str]:
    """The reference system: TF-IDF cosine of title and text, average linkage over all pairs.

    Quadratic in the corpus, which is fine for a benchmark split and is why newsfuse does not do it.
    """
    from scipy.cluster.hierarchy import fcluster, linkage
    from sklearn.feature_extraction.text import TfidfVectorizer

    if len(articles) < 2:
        return {a.id: "0" for a in articles}
    matrix = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform(
        [f"{a.title}\n{a.text}" for a in articles]
    )
    sim = (matrix @ matrix.T).toarray()
    i, j = np.triu_indices(len(articles), 1)
    tree = linkage(np.clip(1.0 - sim[i, j], 0.0, None), method="average")
    labels = fcluster(tree, 1.0 - threshold, criterion="distance")
    return {a.id: str(label) for a, label in zip(articles, labels)}


# --- fitting the link model --------------------------------------------------------------------


def fit_link_model(
    corpora: Iterable[tuple[Corpus, Sequence[ArticleAnalysis]]],
    use_embeddings: bool = True,
    c: float = 1.0,
    without: Sequence[str] = (),
) -> tuple[dict[str, float], float]:
    """Logistic-regression weights and bias of ``events.LINK_WEIGHTS`` from candidate pairs of gold corpora.

    Each corpus weighs the same in total, whatever its number of pairs, and
    positive and negative pairs weigh the same within a corpus. The features
    ``without`` names weigh 0 (fit as if they were never there).
    """
    from sklearn.linear_model import LogisticRegression

    from newsfuse.nlp.encoder import embed_texts
    from newsfuse.fuse.events.features import PAIR_FEATURES, pair_features, vectorize
    from newsfuse.fuse.events.profile import build_profiles
    from newsfuse.fuse.events.cluster import candidate_pairs

    from newsfuse.fuse.corpus import Corpus as FusedCorpus
    from newsfuse.pipeline import date_from_text

    xs, ys, ws = [], [], []

    for corpus, analyses in corpora:
        by_id = {a.article_id: a for a in analyses}
        articles = date_from_text(corpus.articles, analyses)
        fused = _with_entities(FusedCorpus(articles, analyses))
        profiles = build_profiles(articles, [by_id[a.id] for a in articles], fused.mention_entity)
        embeddings = embed_texts([p.lead for p in profiles]) if use_embeddings else None
        vectors = vectorize(profiles, embeddings)
        i, j = candidate_pairs(vectors)
        y = np.array([corpus.gold[profiles[a].article_id] == corpus.gold[profiles[b].article_id] for a, b in zip(i, j)])
        if not y.any() or y.all():
            continue
        w = np.where(y, 0.5 / y.sum(), 0.5 / (~y).sum())
        xs.append(pair_features(vectors, i, j))
        ys.append(y)
        ws.append(w)
    if not xs:
        raise EvalError("no corpus with both same-event and different-event candidate pairs")
    x, y, w = np.vstack(xs), np.concatenate(ys), np.concatenate(ws)
    unknown = set(without) - set(PAIR_FEATURES)
    if unknown:
        raise EvalError(f"no pair feature named {', '.join(sorted(unknown))}")
    x[:, [PAIR_FEATURES.index(name) for name in without]] = 0.0
    model = LogisticRegression(C=c, max_iter=5000).fit(x, y, sample_weight=w * len(y) / w.sum())
    weights = {name: round(float(v), 2) for name, v in zip(PAIR_FEATURES, model.coef_[0])}
    if not use_embeddings:
        weights["embedding"] = 0.0
    for name in without:
        weights[name] = 0.0
    return weights, round(float(model.intercept_[0]), 2)

