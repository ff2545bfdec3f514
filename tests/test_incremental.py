"""Incremental runs with a store: the same clusters as a batch run on the union, re-adding changes nothing."""

from __future__ import annotations

import shutil

import pytest

from newsfuse.config import load_config
from newsfuse.pipeline import analyze
from newsfuse.store import open_store
from tests.conftest import EXAMPLES


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
