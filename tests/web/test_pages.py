"""The desk's pages over a store whose report we write: what is new since a visit, entities, hosts."""

from __future__ import annotations

from starlette.testclient import TestClient

from newsfuse.config import load_config
from newsfuse.store import open_store
from newsfuse.web.app import LOOPBACK_NAMES, create_app


def _report(article_ids: list[str]) -> dict:
    articles = [{"id": a, "title": f"Report {a}", "outlet": f"Outlet {a}", "text": f"Text of {a}.",
                 "sentences": [[0, len(f"Text of {a}.")]], "event": "e1", "published": "2026-12-01"} for a in article_ids]
    return {
        "articles": articles,
        "events": [{"id": "e1", "title": "Bridge opens", "articles": article_ids, "who": ["ana"]},
                   {"id": "e0", "title": "Older event", "articles": [], "who": [], "date": "2020-01-01"}],
        "entities": [{"id": "ana", "name": "Ana Costa", "type": "PERSON", "aliases": ["A. Costa"],
                      "articles": article_ids, "mentions": 3,
                      "spans": [{"article": article_ids[0], "start": 0, "end": 4, "text": "ANA COSTA"}]}],
        "claims": [], "quotes": [], "contradictions": [], "summary": [], "timeline": [], "stories": [],
    }


def test_the_front_page_counts_what_came_since_the_last_visit(tmp_path):
    path = tmp_path / "news.db"
    with open_store(str(path)) as store:
        store.save_report(_report(["a1"]))
    client = TestClient(create_app(path, load_config(progress="never")))
    first = client.get("/")
    assert "new since your last visit" not in first.text and "nf_seen" in first.headers["set-cookie"]
    assert first.text.index("Bridge opens") < first.text.index("Older event")  # the most recent first
    with open_store(str(path)) as store:
        store.save_report(_report(["a1", "a2", "a3"]))
    second = client.get("/")
    assert "2 new articles since your last visit" in second.text and "2 new</span>" in second.text
    assert "Nothing new since your last visit" in client.get("/").text


def test_an_entity_page_lists_every_spelling_and_event(tmp_path):
    path = tmp_path / "news.db"
    with open_store(str(path)) as store:
        store.save_report(_report(["a1"]))
    page = TestClient(create_app(path, load_config(progress="never"))).get("/entities/ana").text
    assert all(name in page for name in ("Ana Costa", "A. Costa", "ANA COSTA"))
    assert 'href="/events/e1"' in page and 'href="/events/e0"' not in page


def test_with_hosts_a_request_naming_another_host_is_refused(tmp_path):
    app = create_app(tmp_path / "news.db", load_config(progress="never"), hosts=LOOPBACK_NAMES)
    assert TestClient(app, base_url="http://127.0.0.1:8000").get("/").status_code == 200
    assert TestClient(app, base_url="http://localhost:8000").get("/").status_code == 200
    rebound = TestClient(app, base_url="http://attacker.example:8000").get("/")
    assert rebound.status_code == 400 and rebound.headers["x-content-type-options"] == "nosniff"
