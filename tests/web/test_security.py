"""The desk's guards over a real store: headers, the access token, CSRF, size limits, escaping, error pages."""

from __future__ import annotations

import re

import pytest
from starlette.testclient import TestClient

from newsfuse.config import load_config
from newsfuse.errors import ConfigError
from newsfuse.store import open_store
from newsfuse.web.app import create_app, serve
from newsfuse.web.security import CSP, CsrfTokens

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def _client(tmp_path, **kwargs) -> TestClient:
    return TestClient(create_app(tmp_path / "news.db", load_config(progress="never", **kwargs.pop("settings", {})), **kwargs))


def _csrf(client: TestClient, page: str = "/feeds") -> str:
    return re.search(r'name="csrf" value="([^"]+)"', client.get(page).text).group(1)


@pytest.mark.parametrize("path", ["/", "/feeds", "/upload", "/search?q=x", "/static/desk.css", "/api/events", "/nowhere"])
def test_every_answer_carries_the_security_headers(tmp_path, path):
    answer = _client(tmp_path).get(path)
    assert answer.headers["content-security-policy"] == CSP
    assert "default-src 'none'" in CSP and "unsafe-inline" not in CSP
    assert answer.headers["x-content-type-options"] == "nosniff"
    assert answer.headers["referrer-policy"] == "no-referrer"


def test_an_empty_store_gives_a_front_page_that_says_how_to_start(tmp_path):
    answer = _client(tmp_path).get("/")
    assert answer.status_code == 200 and "No report yet" in answer.text


def test_unknown_pages_are_404_pages_without_a_traceback(tmp_path):
    client = _client(tmp_path)
    for path in ("/events/nope", "/articles/nope", "/entities/nope", "/nowhere"):
        answer = client.get(path)
        assert answer.status_code == 404 and "Not found" in answer.text and "Traceback" not in answer.text
    api = client.get("/api/events/nope")
    assert api.status_code == 404 and api.json() == {"error": "no event 'nope' in the latest report", "status": 404}
    assert client.get("/api/search").status_code == 400


def test_a_form_without_its_csrf_token_is_refused(tmp_path):
    client = _client(tmp_path)
    assert client.post("/feeds", data={"url": "https://a.example/rss"}).status_code == 403
    token = _csrf(client)
    assert client.post("/feeds", data={"url": "https://a.example/rss", "csrf": token + "x"}).status_code == 403
    # a token this process did not sign, even sent as both cookie and field, is refused
    forged = CsrfTokens().new()
    client.cookies.set("nf_csrf", forged)
    assert client.post("/feeds", data={"url": "https://a.example/rss", "csrf": forged}).status_code == 403
    with open_store(str(tmp_path / "news.db")) as store:
        assert store.followed() == []


def test_a_feed_added_with_its_token_is_followed_once(tmp_path):
    client = _client(tmp_path)
    token = _csrf(client)
    assert "samesite=strict" in client.get("/feeds").headers.get("set-cookie", "samesite=strict").lower()
    added = client.post("/feeds", data={"url": "https://a.example/rss", "csrf": token})
    assert added.status_code == 200 and "https://a.example/rss" in added.text and "not polled yet" in added.text
    again = client.post("/feeds", data={"url": "https://a.example/rss", "csrf": token})
    assert "followed already" in again.text
    bad = client.post("/feeds", data={"url": "javascript:alert(1)", "csrf": token})
    assert bad.status_code == 400 and "Not a feed address" in bad.text
    with open_store(str(tmp_path / "news.db")) as store:
        assert store.followed() == ["https://a.example/rss"]


def test_uploads_over_the_size_limit_are_refused_while_read(tmp_path):
    client = _client(tmp_path, settings={"max_input_bytes": 2000})
    token = _csrf(client, "/upload")
    big = client.post("/upload", data={"csrf": token}, files={"files": ("big.txt", b"word " * 20_000, "text/plain")})
    assert big.status_code == 413 and "Traceback" not in big.text

    def chunks():  # no Content-Length: the limit holds while the body is read
        for _ in range(100):
            yield b"x" * 1000

    streamed = client.post("/upload", content=chunks(), headers={"content-type": "multipart/form-data; boundary=b"})
    assert streamed.status_code == 413
    odd = client.post("/upload", data={"csrf": token}, files={"files": ("photo.exe", b"MZ", "application/octet-stream")})
    assert odd.status_code == 400 and "not a file the desk reads" in odd.text


def test_every_string_from_a_report_is_escaped(tmp_path):
    with open_store(str(tmp_path / "news.db")) as store:
        store.save_report({
            "articles": [{"id": "a1", "title": HOSTILE, "outlet": HOSTILE, "text": HOSTILE, "sentences": [[0, 20]],
                          "event": "e1", "removed": [{"reason": HOSTILE, "text": HOSTILE}], "url": "javascript:alert(1)"}],
            "events": [{"id": "e1", "title": HOSTILE, "articles": ["a1"], "who": []}],
            "entities": [], "claims": [], "quotes": [], "summary": [], "timeline": [], "contradictions": [],
        })
    client = _client(tmp_path)
    for path in ("/", "/events/e1", "/articles/a1", "/search?q=alert", "/search?q=" + HOSTILE):
        page = client.get(path)
        assert page.status_code == 200
        assert "<script>" not in page.text and "<img" not in page.text and "javascript:" not in page.text
        assert "&lt;script&gt;" in page.text


def test_a_token_guards_every_request_when_set(tmp_path):
    client = _client(tmp_path, token="s3cret")
    assert client.get("/").status_code == 401
    assert client.get("/api/events").status_code == 401
    assert client.get("/?token=wrong").status_code == 401
    assert client.get("/api/events", headers={"Authorization": "Bearer s3cret"}).status_code == 200
    entry = client.get("/?token=s3cret", follow_redirects=False)
    assert entry.status_code == 303 and "HttpOnly" in entry.headers["set-cookie"]
    assert client.get("/").status_code == 200  # the cookie it set


def test_serving_beyond_loopback_needs_a_token(tmp_path):
    with pytest.raises(ConfigError, match="--token"):
        serve(tmp_path / "news.db", host="0.0.0.0")
