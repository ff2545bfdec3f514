"""Tests for the event-clustering evaluation: gold files, report scoring, and quality floors on ECB+ and GVC."""

from __future__ import annotations

import json

import pytest

from newsfuse.errors import EvalError
from newsfuse.eval.clusters import (
    baseline_clusters,
    evaluate,
    format_scores,
    read_corpus,
    read_gold,
    score,
    score_corpus,
)
from newsfuse.model import Article
from tests.conftest import SHARED_DATA, needs_data

ECB = SHARED_DATA / "ecbplus"
GVC = SHARED_DATA / "gvc"

# Floors a little under what newsfuse measures (docs/quality.md, 2026-12-06 after relative
# closeness and the refit: ECB+ dev 0.970 / 0.975, GVC dev 1.000 / 1.000): B³ F1 and pairwise F1 of
# events on each development split, run as one corpus. The baseline must stay well behind on ECB+,
# where telling two similar events apart is the whole difficulty; GVC dev is small
# and easy for it (0.991), so there newsfuse must only not fall behind by more than one
# wrong merge of two pairs (0.987 / 0.962). GVC floors raised 2026-12-06 from 0.97 / 0.94 / -0.02.
FLOORS = {
    ("ECB+", "dev"): {"b3": 0.95, "pairwise": 0.95, "over_baseline": 0.08},
    ("GVC", "dev"): {"b3": 0.98, "pairwise": 0.95, "over_baseline": -0.01},
}


def _report(tmp_path, events: dict[str, str | None]):
    path = tmp_path / "report.json"
    path.write_text(json.dumps({"articles": [{"id": a, "event": e} for a, e in events.items()]}), encoding="utf-8")
    return path


def test_read_gold_jsonl_and_csv(tmp_path):
    jsonl = tmp_path / "gold.jsonl"
    jsonl.write_text('{"id": "a", "event": "x"}\n\n{"doc_id": "b", "event_id": 7}\n', encoding="utf-8")
    assert read_gold(jsonl) == {"a": "x", "b": "7"}
    with_header = tmp_path / "gold.csv"
    with_header.write_text("event,article\nx,a\ny,b\n", encoding="utf-8")
    assert read_gold(with_header) == {"a": "x", "b": "y"}
    bare = tmp_path / "bare.csv"
    bare.write_text("a,x\nb,x\n", encoding="utf-8")
    assert read_gold(bare) == {"a": "x", "b": "x"}


@pytest.mark.parametrize(
    "content", ["", '{"id": "a"}\n', "just-one-column\n"], ids=["empty", "no event", "one column"]
)
def test_bad_gold_files_raise_eval_error(tmp_path, content):
    path = tmp_path / "gold.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(EvalError):
        read_gold(path)
    with pytest.raises(EvalError):
        read_gold(tmp_path / "missing.csv")


def test_evaluate_a_report(tmp_path):
    gold = tmp_path / "gold.csv"
    gold.write_text("id,event\na,1\nb,1\nc,2\nd,2\n", encoding="utf-8")
    perfect = evaluate(_report(tmp_path, {"a": "e1", "b": "e1", "c": "e2", "d": "e2", "extra": "e3"}), gold)
    assert perfect["b3"]["f1"] == 1.0 and perfect["pairwise"]["f1"] == 1.0
    assert perfect["articles"] == 4 and perfect["gold_events"] == 2 and perfect["missing"] == 0
    merged = evaluate(_report(tmp_path, {"a": "e", "b": "e", "c": "e", "d": None}), gold)
    assert merged["missing"] == 1
    assert merged["b3"]["precision"] < 1.0 and merged["b3"]["recall"] < 1.0
    assert merged["pairwise"]["precision"] == pytest.approx(1 / 3)
    text = format_scores(merged)
    assert "B3 F1" in text and "1 missing" in text


def test_evaluate_rejects_what_is_not_a_report(tmp_path):
    gold = tmp_path / "gold.csv"
    gold.write_text("a,1\n", encoding="utf-8")
    bad = tmp_path / "report.json"
    bad.write_text('{"events": []}', encoding="utf-8")
    with pytest.raises(EvalError):
        evaluate(bad, gold)


def test_score_counts_unlabelled_articles_as_singletons():
    result = score({"a": "1", "b": "1"}, {"a": "x"})
    assert result["system_events"] == 2 and result["pairwise"]["recall"] == 0.0


@pytest.mark.slow
def test_baseline_groups_identical_texts_and_separates_unrelated_ones():
    same = "Flood waters rose through the old town as the river burst its banks overnight."
    other = "The central bank raised interest rates by a quarter point to curb inflation."
    labels = baseline_clusters([Article(id="a", text=same), Article(id="b", text=same), Article(id="c", text=other)])
    assert labels["a"] == labels["b"] != labels["c"]


def test_read_corpus_rejects_unknown_paths_and_splits(tmp_path):
    with pytest.raises(EvalError):
        read_corpus(tmp_path / "nowhere", "dev")
    (tmp_path / "1_1ecb.xml").write_text("<Document/>", encoding="utf-8")
    with pytest.raises(EvalError):
        read_corpus(tmp_path, "sideways")
    with pytest.raises(EvalError):
        read_corpus(tmp_path, "dev")  # only topic 1 here: no dev topic


# --- quality floors on ../shared/data -------------------------------------------------------------


@pytest.fixture(scope="module")
def dev_analyses(nlp):
    """ECB+ dev and GVC dev with their analyses, made once for all the floor tests."""
    from newsfuse.nlp.analyze import analyze_articles

    corpora = {}
    for path in (ECB, GVC):
        corpus = read_corpus(path, "dev")
        corpora[corpus.name] = (corpus, list(analyze_articles(corpus.articles, nlp)))
    return corpora


@needs_data
@pytest.mark.slow
def test_read_corpus_splits():
    ecb = read_corpus(ECB, "dev")
    assert {a.id.split("_")[0] for a in ecb.articles} == {"2", "5", "12", "18", "21", "23", "34", "35"}
    assert ecb.gold["2_1ecb"] == "2ecb" and ecb.gold["2_1ecbplus"] == "2ecbplus"
    plus = next(a for a in ecb.articles if a.id == "2_1ecbplus")
    assert plus.url and plus.url.startswith("http") and " " not in plus.url
    assert not plus.text.startswith("http")
    gvc = read_corpus(GVC, "dev")
    assert len(gvc.articles) == len(gvc.gold) > 50
    assert all(a.published for a in gvc.articles)


@needs_data
@pytest.mark.slow
@pytest.mark.parametrize("name", ["ECB+", "GVC"])
def test_event_clustering_floors_on_dev(dev_analyses, name):
    corpus, analyses = dev_analyses[name]
    result = score_corpus(corpus, analyses)
    floor = FLOORS[(name, "dev")]
    system, baseline = result["system"], result["baseline"]
    assert system["b3"]["f1"] >= floor["b3"], format_scores(result)
    assert system["pairwise"]["f1"] >= floor["pairwise"], format_scores(result)
    assert system["b3"]["f1"] >= baseline["b3"]["f1"] + floor["over_baseline"], format_scores(result)
