"""The JSON API of a real desk server over the example corpus, read with httpx."""

from __future__ import annotations

import httpx
import pytest

from newsfuse.store import open_store

pytestmark = pytest.mark.slow  # the example corpus is analysed with the models


@pytest.fixture(scope="module")
def report(desk_store) -> dict:
    with open_store(desk_store, readonly=True) as store:
        return store.latest_report()


def test_events_and_each_event_mirror_the_saved_report(desk_url, report):
    events = httpx.get(desk_url + "/api/events").json()
    assert [e["id"] for e in events["events"]] == [e["id"] for e in report["events"]]
    assert events["stories"] == report["stories"]
    for e in report["events"]:
        one = httpx.get(desk_url + "/api/events/" + e["id"]).json()
        assert one["event"] == e
        assert one["claims"] == [c for c in report["claims"] if c["event"] == e["id"]]
        assert one["contradictions"] == [c for c in report["contradictions"] if c["event"] == e["id"]]
        assert {a["id"] for a in one["articles"]} == set(e["articles"])
        assert all("text" not in a for a in one["articles"])
    assert sum(len(httpx.get(desk_url + "/api/events/" + e["id"]).json()["contradictions"]) for e in report["events"]) >= 1


def test_articles_list_without_texts_and_each_article_in_full(desk_url, report):
    listed = httpx.get(desk_url + "/api/articles").json()["articles"]
    assert [a["id"] for a in listed] == [a["id"] for a in report["articles"]]
    assert all("text" not in a and "sentences" not in a for a in listed)
    first = report["articles"][0]
    assert httpx.get(desk_url + "/api/articles/" + first["id"]).json() == first
    assert httpx.get(desk_url + "/api/articles/no-such-article").status_code == 404


def test_search_finds_articles_claims_and_quotes(desk_url):
    hits = httpx.get(desk_url + "/api/search", params={"q": "strike"}).json()["hits"]
    assert {h["kind"] for h in hits} == {"article", "claim", "quote"}
    assert all("strike" in h["snippet"].lower() or "strike" in h["title"].lower() for h in hits if h["kind"] != "article")
    assert httpx.get(desk_url + "/api/search", params={"q": "zzzyx"}).json()["hits"] == []


def test_the_openapi_description_lists_every_api_route_and_each_answers(desk_url, report):
    spec = httpx.get(desk_url + "/api/openapi.json").json()
    assert spec["openapi"].startswith("3.1")
    assert set(spec["paths"]) == {"/api/events", "/api/events/{event_id}", "/api/articles",
                                  "/api/articles/{article_id}", "/api/search", "/api/openapi.json"}
    fill = {"{event_id}": report["events"][0]["id"], "{article_id}": report["articles"][0]["id"]}
    for path, item in spec["paths"].items():
        for key, value in fill.items():
            path = path.replace(key, value)
        params = {"q": "port"} if any(p["name"] == "q" for p in item["get"]["parameters"]) else None
        answer = httpx.get(desk_url + path, params=params)
        assert answer.status_code == 200, path
        required = item["get"]["responses"]["200"]["content"]["application/json"]["schema"].get("required", [])
        assert set(required) <= set(answer.json()), path
