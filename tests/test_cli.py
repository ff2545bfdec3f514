"""The command line end to end on small inputs we write: reports, skips, exit codes."""

from __future__ import annotations

import json
import os

import pytest

from newsfuse.cli import main

GOOD = (
    "Port workers end strike after pay deal\n\n"
    "LISBON, March 3 (Coastline Wire) - Dock workers in Lisbon ended a nine-day strike on Tuesday "
    "after the port authority agreed to raise wages by six percent, union leader Marta Sousa said. "
    "Sousa told reporters the deal would be put to a vote of members next week. "
    "The port authority said ships delayed by the strike would be cleared by Friday.\n"
)


@pytest.mark.slow
def test_analyze_writes_reports_and_lists_skips(tmp_path, capsys):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "good.txt").write_text(GOOD, encoding="utf-8")
    (inputs / "empty.txt").write_text("", encoding="utf-8")
    (inputs / "photo.jpg.txt").write_bytes(b"\xff\xd8\xff\x00\x10JFIF\x00\x00" * 50)
    (inputs / "feed.jsonl").write_text('{"id": "j1", "text": "' + GOOD.replace("\n", " ") + '"}\n{broken\n', encoding="utf-8")
    out = tmp_path / "out"
    assert main(["analyze", str(inputs), "--out", str(out), "--jobs", "1"]) == 0
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert sorted(a["id"] for a in report["articles"]) == ["good", "j1"]
    skipped = {s["input"]: s["reason"] for s in report["skipped"]}
    assert len(skipped) == 3
    assert all(reason for reason in skipped.values())
    assert any("feed.jsonl" in name for name in skipped)
    captured = capsys.readouterr()
    assert "warning: skipped" in captured.err
    assert "2 articles" in captured.out
    assert (out / "report.md").read_text(encoding="utf-8").startswith("# newsfuse report")
    names = {e["name"] for e in report["entities"]}
    assert "Lisbon" in names


def test_no_usable_input_is_an_error_with_a_reason(tmp_path, capsys):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    out = tmp_path / "out"
    code = main(["analyze", str(tmp_path / "empty.txt"), str(tmp_path / "missing.txt"), "--out", str(out)])
    assert code == 3
    err = capsys.readouterr().err
    assert "no usable input" in err
    assert "missing.txt" in err
    assert not (out / "report.json").exists()


def test_bad_settings_file_is_a_config_error(tmp_path, capsys):
    bad = tmp_path / "bad.toml"
    bad.write_text("[newsfuse]\nunknown = 1\n", encoding="utf-8")
    assert main(["analyze", str(tmp_path), "--out", str(tmp_path / "o"), "--config", str(bad)]) == 2
    assert "unknown" in capsys.readouterr().err


def test_eval_clusters_scores_a_report_against_gold(tmp_path, capsys):
    report = {"articles": [{"id": "a", "event": "e1"}, {"id": "b", "event": "e1"}, {"id": "c", "event": "e2"}]}
    (tmp_path / "report.json").write_text(json.dumps(report), encoding="utf-8")
    (tmp_path / "gold.csv").write_text("id,event\na,x\nb,y\nc,y\n", encoding="utf-8")
    assert main(["eval", "clusters", str(tmp_path / "report.json"), str(tmp_path / "gold.csv"), "--json"]) == 0
    scores = json.loads(capsys.readouterr().out)
    assert 0 < scores["b3"]["f1"] < 1
    assert main(["eval", "clusters", str(tmp_path / "report.json"), str(tmp_path / "missing.csv")]) == 5
    assert "missing.csv" in capsys.readouterr().err


@pytest.mark.slow
def test_eval_timex_lists_the_mistakes(tmp_path, capsys):
    # Gold that disagrees with us on purpose: a wrong value and a miss.
    tml = tmp_path / "one.tml"
    tml.write_text(
        '<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2026-01-28">x</TIMEX3></DCT><TEXT>'
        'They met on <TIMEX3 tid="t1" type="DATE" value="2026-01-21">Monday</TIMEX3> and spoke '
        '<TIMEX3 tid="t2" type="DURATION" value="PXD">for ages</TIMEX3>.</TEXT></TimeML>',
        encoding="utf-8",
    )
    assert main(["eval", "timex", str(tml), "--errors"]) == 0
    out = capsys.readouterr().out
    rows = [line.split("\t") for line in out.splitlines() if line.startswith(("value\t", "miss\t", "extra\t"))]
    assert [r[:6] for r in rows] == [["value", "one.tml", "Monday", "2026-01-21", "Monday", "2026-01-26"],
                                     ["miss", "one.tml", "for ages", "PXD", "", ""]]
    assert main(["eval", "timex", str(tml), "--errors", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [m["kind"] for m in data["mistakes"]] == ["value", "miss"]


@pytest.mark.slow
def test_eval_quotes_lists_the_mistakes(tmp_path, capsys):
    # Gold that disagrees with us on purpose: the quote's source is another person, and speaking
    # of a recount is reported speech (a topic, no clause) our quote finder does not look for; a wish is counted
    # among the other attributions and not listed.
    text = ("Vote Today\n\n“We will win,” Ana Duarte said. Later Carlos Silva spoke of a recount. "
            "Mayor Rui Costa wants a new count.\n")
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "nyt_2026-03-02_vote.txt").write_text(text, encoding="utf-8")

    def at(words):
        return f"{text.index(words)} {text.index(words) + len(words)}\t{words}"

    (tmp_path / "attributions" / "nyt_2026-03-02_vote_0a0a.ann").write_text(
        f"T1\tSource {at('Carlos Silva')}\nT2\tCue {at('said')}\nT3\tContent {at('“We will win,”')}\n"
        f"E1\tAttribution Source:T1 Cue:T2 Content:T3\n"
        f"T4\tSource {at('Carlos Silva')}\nT5\tCue {at('spoke of')}\nT6\tContent {at('a recount')}\n"
        f"E2\tAttribution Source:T4 Cue:T5 Content:T6\n"
        f"T7\tSource {at('Mayor Rui Costa')}\nT8\tCue {at('wants')}\nT9\tContent {at('a new count')}\n"
        f"E3\tAttribution Source:T7 Cue:T8 Content:T9\n", encoding="utf-8")
    assert main(["eval", "quotes", str(tmp_path), "--errors"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith("1 articles, 3 attributions")
    assert [line.split()[:2] for line in out.splitlines()[2:6]] == [["direct", "1"], ["reported", "1"], ["all", "2"],
                                                                    ["other", "1"]]
    rows = [line.split("\t") for line in out.splitlines() if line.startswith(("speaker\t", "miss\t"))]
    assert [r[:8] for r in rows] == [
        ["speaker", "nyt_2026-03-02_vote", "E1", "direct", "Carlos Silva", "Carlos Silva", "said", "Ana Duarte"],
        ["miss", "nyt_2026-03-02_vote", "E2", "reported", "Carlos Silva", "Carlos Silva", "spoke of", ""],
    ]
    assert main(["eval", "quotes", str(tmp_path / "nowhere")]) == 5


@pytest.mark.slow
def test_a_file_name_that_is_not_utf_8_and_lone_surrogates_in_jsonl_never_stop_the_run(tmp_path, capsys):
    inputs = tmp_path / "in"
    inputs.mkdir()
    # Linux keeps a file name's bytes as they are: this one is Latin-1, not UTF-8.
    with open(os.path.join(os.fsencode(inputs), b"caf\xe9-report.txt"), "w", encoding="utf-8") as fh:
        fh.write(GOOD)
    record = {"id": "bad\ud800id", "title": "Title \udcff here", "outlet": "Wire \ud83d", "text": GOOD.replace("Lisbon", "Porto")}
    (inputs / "feed.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["analyze", str(inputs), "--out", str(out), "--jobs", "1", "--store", str(tmp_path / "s.db")]) == 0
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    ids = sorted(a["id"] for a in report["articles"])
    assert ids == ["bad\ufffdid", "caf\\xe9-report"]
    assert any(a["source"].endswith("caf\\xe9-report.txt") for a in report["articles"])
    assert "caf\\\\xe9-report" in (out / "report.md").read_text(encoding="utf-8")
    assert "caf\\xe9-report" in (out / "report.html").read_text(encoding="utf-8")
    assert "2 articles" in capsys.readouterr().out


def test_a_bad_out_is_refused_before_any_work_with_one_message(tmp_path, capsys):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "good.txt").write_text(GOOD, encoding="utf-8")
    taken = tmp_path / "taken.txt"
    taken.write_text("x", encoding="utf-8")
    for out in (taken, taken / "out"):
        assert main(["analyze", str(inputs), "--out", str(out), "--jobs", "1"]) == 7
        err = capsys.readouterr().err
        assert err.startswith(f"newsfuse: error: --out {out}: ") and err.count("\n") == 1, err
        assert "Traceback" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "taken.txt"]  # nothing analysed, nothing cached


@pytest.mark.slow
def test_an_interrupted_write_leaves_the_previous_reports_and_says_so(tmp_path, capsys, monkeypatch):
    from newsfuse.render import output

    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "good.txt").write_text(GOOD, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["analyze", str(inputs), "--out", str(out), "--jobs", "1"]) == 0
    before = {name: (out / name).read_bytes() for name in output.REPORT_FILES}
    capsys.readouterr()
    (inputs / "good.txt").write_text(GOOD.replace("nine-day", "ten-day"), encoding="utf-8")
    real = output._write_file

    def stop_after_first(path, text):
        real(path, text)
        raise KeyboardInterrupt

    monkeypatch.setattr(output, "_write_file", stop_after_first)
    assert main(["analyze", str(inputs), "--out", str(out), "--jobs", "1"]) == 130
    assert capsys.readouterr().err == f"newsfuse: interrupted; the reports in {out} are those of the previous run\n"
    after = {name: (out / name).read_bytes() for name in output.REPORT_FILES}
    assert after == before
    fresh = tmp_path / "fresh"
    assert main(["analyze", str(inputs), "--out", str(fresh), "--jobs", "1"]) == 130
    assert capsys.readouterr().err == "newsfuse: interrupted; no report was written\n"
    assert not any((fresh / name).exists() for name in output.REPORT_FILES)


def test_watch_with_no_sources_and_no_followed_feed_says_so(tmp_path, capsys):
    assert main(["watch", "--store", str(tmp_path / "news.db"), "--once"]) == 3
    assert "no feeds to watch" in capsys.readouterr().err


def test_serve_refuses_a_public_address_without_a_token(tmp_path, capsys):
    assert main(["serve", "--store", str(tmp_path / "news.db"), "--host", "0.0.0.0"]) == 2
    assert "--token" in capsys.readouterr().err
    assert not (tmp_path / "news.db").exists()
