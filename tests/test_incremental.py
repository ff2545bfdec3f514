"""Incremental runs with a store: the same clusters as a batch run on the union, re-adding changes nothing."""

from __future__ import annotations

import json
import shutil

import pytest

from newsfuse.config import load_config
from newsfuse.pipeline import analyze
from newsfuse.store import open_store
from tests.conftest import EXAMPLES, REPO


def _partition(report):
    groups: dict[str, set[str]] = {}
    for article, event in report.article_event.items():
        groups.setdefault(event, set()).add(article)
    return sorted(sorted(g) for g in groups.values())


@pytest.mark.slow
def test_adding_in_two_steps_matches_the_batch_run(tmp_path, store_location):
    config = load_config(jobs=1, progress="never")
    files = sorted(p for p in EXAMPLES.iterdir() if p.suffix in {".txt", ".md", ".html"})
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    for i, path in enumerate(files):
        shutil.copy(path, (first if i % 2 else second) / path.name)
    cache = tmp_path / "cache"

    batch = analyze([first, second], config, cache_dir=cache)
    with open_store(store_location) as store:
        step1 = analyze([first], config, cache_dir=cache, store=store)
        step2 = analyze([second], config, cache_dir=cache, store=store)
        again = analyze([second], config, cache_dir=cache, store=store)
        assert len(store.articles()) == len(files)
        assert store.assignments("event") == step2.article_event

    assert _partition(step2) == _partition(batch)
    assert step2.duplicate_of == batch.duplicate_of
    assert again.article_event == step2.article_event
    assert [e.id for e in again.entities] == [e.id for e in step2.entities]
    # Events that continue from the first step keep their ids (an event the new
    # articles split keeps its id on its larger part only).
    kept = set(step1.article_event.values()) & set(step2.article_event.values())
    assert kept
    unchanged = sum(step2.article_event[a] == e for a, e in step1.article_event.items())
    assert unchanged >= len(step1.article_event) / 2


@pytest.mark.slow
def test_an_article_whose_id_the_store_holds_is_added_under_a_new_id(tmp_path):
    """Two folders with a report.txt each, two JSONL exports numbering their lines 1, 2 ...: every
    article is kept, as in a batch run; the same text again is still added once."""
    config = load_config(jobs=1, progress="never")
    texts = [p for p in sorted(EXAMPLES.glob("*.txt"))][:4]
    runs = []
    for i, path in enumerate(texts[:2]):
        folder = tmp_path / f"run{i}"
        folder.mkdir()
        shutil.copy(path, folder / "report.txt")
        runs.append(folder)
    for i, path in enumerate(texts[2:]):
        export = tmp_path / f"export{i}"
        export.mkdir()
        body = path.read_text(encoding="utf-8").replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
        (export / "feed.jsonl").write_text('{"text": "%s"}\n' % body, encoding="utf-8")
        runs.append(export)
    with open_store(str(tmp_path / "store.db")) as store:
        for folder in runs:
            report = analyze([folder], config, cache_dir=tmp_path / "cache", store=store)
        again = analyze([runs[0]], config, cache_dir=tmp_path / "cache", store=store)
        ids = [a.id for a in store.articles()]
    assert ids == ["report", "report-2", "feed-1", "feed-1-2"]
    assert [a.id for a in report.articles] == ids
    assert [a.id for a in again.articles] == ids


# Held back from the first run: a report of the October strike (it joins that event) and the
# March reports of the deal (they open an event of their own). The factory fires of
# tests/data/events, another storyline, are untouched.
_JOINS = "tagus-2025-10-16-strike-cost.html"
_OPENS = ("coastline-2026-03-03-talks-open.txt", "atlantic-ledger-2026-03-05-deal.txt", "tagus-2026-03-06-deal-reaction.txt")


def _entity_partition(report):
    names = {e.id: e.name for e in report.entities}
    groups: dict[str, set] = {}
    for mention, entity in report.mention_entity.items():
        groups.setdefault(names[entity], set()).add(mention)
    return sorted(sorted(g) for g in groups.values())


def _references_resolve(data: dict) -> None:
    """Every id the report refers to is one it holds."""
    articles = {a["id"] for a in data["articles"]}
    events = {e["id"] for e in data["events"]}
    stories = {s["id"] for s in data["stories"]}
    claims = {c["id"] for c in data["claims"]}
    entities = {e["id"] for e in data["entities"]}
    assert len(claims) == len(data["claims"]) and len(events) == len(data["events"])
    assert len({c["id"] for c in data["contradictions"]}) == len(data["contradictions"])
    assert all(a["event"] in events for a in data["articles"] if a["event"])
    assert all(set(e["articles"]) <= articles for e in data["events"])
    assert all(set(s["events"]) <= events for s in data["stories"])
    assert all(c["event"] in events and {s["article"] for s in c["sources"]} <= articles for c in data["claims"])
    assert all(set(c["claims"]) <= claims for c in data["contradictions"])
    assert all(line.get("event", line.get("story")) in events | stories for line in data["summary"])
    assert all(t["event"] in events for t in data["timeline"] if t["event"])
    assert all(set(t["who"]) <= entities for t in data["timeline"])
    assert all(q["speaker"] in entities for q in data["quotes"] if q["speaker"])


@pytest.mark.slow
def test_new_articles_join_or_open_events_and_untouched_events_are_carried_over(tmp_path, store_location, caplog):
    from newsfuse.render.json_report import report_dict, validate

    config = load_config(jobs=1, progress="never")
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    for path in EXAMPLES.iterdir():
        if path.suffix in {".txt", ".md", ".html", ".jsonl"}:
            shutil.copy(path, (second if path.name in {_JOINS, *_OPENS} else first) / path.name)
    shutil.copy(REPO / "tests" / "data" / "events" / "articles.jsonl", first / "fires.jsonl")
    cache = tmp_path / "cache"

    batch = analyze([first, second], config, cache_dir=cache)
    with open_store(store_location) as store:
        step1 = analyze([first], config, cache_dir=cache, store=store)
        before = report_dict(step1)
        store.save_report(before)
        step2 = analyze([second], config, cache_dir=cache, store=store)
        after = report_dict(step2)
        assert store.assignments("event") == step2.article_event
        full = analyze([], config, cache_dir=cache, store=store, full=True)

    validate(after)
    _references_resolve(after)
    assert _partition(step2) == _partition(batch) == _partition(full)
    # Near-duplicates and entities were found over the new reports and those within 93 days of
    # them, against the stored map and table: the same copies, mentions grouped and named as in
    # the batch run (an entity keeps the type its stored mentions gave it, so an id may differ).
    assert step2.duplicate_of == batch.duplicate_of
    assert _entity_partition(step2) == _entity_partition(batch)
    assert sorted(e.name for e in step2.entities) == sorted(e.name for e in batch.entities)
    # Ids are stable: the October report joins the stored October event under its id ...
    october = step1.article_event["northbridge-2025-10-14-dockers-strike"]
    assert step2.article_event[_JOINS.rsplit(".", 1)[0]] == october
    # ... the March reports open an event the first run did not have ...
    march = {step2.article_event[name.rsplit(".", 1)[0]] for name in _OPENS}
    assert len(march) == 1 and not march & set(step1.article_event.values())
    # ... and every event of the first run is still there under its id.
    assert set(step1.article_event.values()) <= set(step2.article_event.values())
    # An event no new article touches keeps its summary and claims, byte for byte.
    fire = step1.article_event["valley-2023-fire"]
    assert step2.article_event["valley-2023-fire"] == fire

    def lines(data, part):
        return [json.dumps(x) for x in data[part] if x.get("event") == fire]

    assert lines(before, "summary") and lines(after, "summary") == lines(before, "summary")
    assert lines(after, "claims") == lines(before, "claims")


def _by_text(data: dict) -> dict:
    """The report's claims, contradictions, summary and coverage with claim ids replaced by the
    claims' texts (an incremental run numbers its new claims past the kept ones)."""
    text = {c["id"]: c["text"] for c in data["claims"]}
    claims = sorted(json.dumps({**c, "id": None}, sort_keys=True) for c in data["claims"])
    contradictions = sorted(
        json.dumps({**c, "id": None, "claims": [text[i] for i in c["claims"]],
                    "sides": [{**s, "claim": text[s["claim"]]} for s in c["sides"]]}, sort_keys=True)
        for c in data["contradictions"]
    )
    coverage = data["framing"]["coverage"]
    rows = sorted(json.dumps({**r, "claim": text[r["claim"]]}, sort_keys=True) for r in coverage["rows"])
    summary = sorted(json.dumps(line, sort_keys=True) for line in data["summary"])
    return {"claims": claims, "contradictions": contradictions, "summary": summary,
            "coverage": [coverage["outlets"], rows]}


@pytest.mark.slow
def test_records_the_new_reports_do_not_touch_name_outlets_as_the_batch_run_does(tmp_path, store_location):
    """The stored May reports come from "HNT" and "harlannewstoday.com", two outlets read alone;
    the February reports add "Harlan News Today", whose initials and site label make all three
    one outlet. The May event is not touched, yet its claims, contradictions, summary and
    coverage name that outlet and count it once, as the batch run over the union does."""
    from newsfuse.render.json_report import report_dict

    config = load_config(jobs=1, progress="never")
    stored, new = REPO / "tests" / "data" / "outlets" / "stored.jsonl", REPO / "tests" / "data" / "outlets" / "new.jsonl"
    cache = tmp_path / "cache"
    batch = report_dict(analyze([stored, new], config, cache_dir=cache))
    with open_store(store_location) as store:
        step1 = analyze([stored], config, cache_dir=cache, store=store)
        store.save_report(report_dict(step1))
        step2 = analyze([new], config, cache_dir=cache, store=store)
        after = report_dict(step2)

    may = step1.article_event["hnt-2024-council-budget"]
    assert step2.article_event["hnt-2024-council-budget"] == may
    assert may not in {step2.article_event[a] for a in ("harlan-news-today-2025-flood-bridge", "gazette-2025-flood-bridge")}
    # Read alone, the code and the domain were two outlets, each with its own name.
    assert {c["outlets"][0] for c in report_dict(step1)["claims"] if len(c["outlets"]) == 1} >= {"HNT", "harlannewstoday.com"}
    _references_resolve(after)
    assert _by_text(after) == _by_text(batch)
    names = {s["outlet"] for c in after["claims"] for s in c["sources"]}
    assert names == {"Harlan News Today", "Marlow Gazette"}
    # The code, the domain and the Gazette carried the mayor's word: two sources now, not three.
    assert [c["support"] for c in after["claims"] if "property taxes" in c["text"]] == [2]
