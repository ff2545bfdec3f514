"""ROUGE of our summaries against reference summaries, beside the lead-sentence baseline."""

from __future__ import annotations

import json

import pytest

from newsfuse.cli import main
from newsfuse.errors import EvalError
from newsfuse.eval.summary import (
    evaluate,
    format_scores,
    lead_text,
    match_event,
    read_references,
    read_report,
    summary_text,
)
from tests.conftest import TEST_DATA

SMALL = TEST_DATA / "summary" / "small-report.json"


@pytest.fixture()
def references(tmp_path):
    path = tmp_path / "refs.jsonl"
    rows = [
        {"articles": ["a", "b", "x"], "reference": "Heavy rain flooded Alderby on Sunday and firefighters used boats."},
        {"articles": ["nowhere"], "references": ["Something else entirely happened.", "Another telling."]},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return path


def test_references_match_the_event_sharing_most_articles():
    report = read_report(SMALL)
    assert match_event(report, ["a", "b", "z"])["id"] == "e1"
    assert match_event(report, ["z", "q"])["id"] == "e2"
    assert match_event(report, ["q"]) is None


def test_ours_is_the_events_sentences_and_lead_the_first_sentence_of_each_original():
    report = read_report(SMALL)
    assert summary_text(report, "e1").startswith("Heavy rain") and "Floods in Alderby" not in summary_text(report, "e1")
    # a header too short to be a sentence is skipped, the dateline dropped, the copy left out
    assert lead_text(report, ["a", "b", "b2"]) == (
        "Heavy rain flooded the lower town of Alderby on Sunday. "
        "Firefighters used boats to reach families trapped by the flood."
    )


def test_evaluate_scores_both_and_their_difference(references):
    scores = evaluate(SMALL, references)
    assert scores["events"] == 2 and scores["matched"] == 1
    first, unmatched = scores["items"]
    assert first["event"] == "e1" and 0 < first["ours"]["rouge1"] <= 1
    assert first["ours"] == first["lead"]  # here our summary is the lead
    assert unmatched["event"] is None and unmatched["ours"] == {"rouge1": 0.0, "rouge2": 0.0, "rougeL": 0.0}
    for metric in ("rouge1", "rouge2", "rougeL"):
        assert scores["difference"][metric] == pytest.approx(scores["ours"][metric] - scores["lead"][metric], abs=1e-3)
    text = format_scores(scores)
    assert "ROUGE-1" in text and "ours - lead" in text


def test_a_report_folder_and_the_cli(tmp_path, references, capsys):
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "report.json").write_text(SMALL.read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["eval", "summary", str(tmp_path / "out"), str(references), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["matched"] == 1


def test_bad_inputs_are_eval_errors(tmp_path, references, capsys):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"articles": ["a"]}\n', encoding="utf-8")
    with pytest.raises(EvalError, match="no reference text"):
        read_references(bad)
    bad.write_text('[{"reference": "text"}]', encoding="utf-8")
    with pytest.raises(EvalError, match="names no articles"):
        read_references(bad)
    with pytest.raises(EvalError):
        read_report(tmp_path)  # no report.json there
    assert main(["eval", "summary", str(tmp_path / "missing.json"), str(references)]) == EvalError.exit_code
    assert "error" in capsys.readouterr().err


def test_the_references_we_wrote_are_readable():
    for name in ("setubal.jsonl", "seeds-january-visit.jsonl"):
        items = read_references(TEST_DATA / "summary" / name)
        assert items and all(4 <= t.count(". ") + 1 <= 7 for i in items for t in i["references"])
