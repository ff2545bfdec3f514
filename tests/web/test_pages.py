"""The desk's pages over a store whose report we write: what is new since a visit, entities, hosts."""

from __future__ import annotations

import re
from html.parser import HTMLParser

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


# The parts of an event both pages draw with render's event.j2, by their section's class.
EVENT_PARTS = ("contradictions", "summary", "timeline", "matrix", "quotes", "framing", "articles")


class _EventParts(HTMLParser):
    """Each part of an event page as tokens to compare across pages: tags with their classes, and the
    text. Left out is what each page does its own way: where links lead (and links that are not
    citations), hover titles, heading levels, and what is folded (the fold, not the text of its heading)."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.parts: dict[str, list] = {}
        self._part: str | None = None
        self._depth = 0
        self._details: list[str | None] = []
        self._handle = self._heading = 0
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        cls = dict(attrs).get("class")
        if self._part is None:
            if tag == "section" and cls in EVENT_PARTS:
                self._part, self._depth = cls, 0
                self.parts[cls] = []
            return
        self._depth += tag == "section"
        if tag == "details":
            self._details.append(cls)
        # "3 dated happening(s)": the handle of a fold one page makes and the other need not
        self._handle += tag == "summary" and bool(self._details) and self._details[-1] == "more"
        self._heading += bool(re.fullmatch(r"h\d", tag))
        if tag in ("details", "summary") or (tag == "a" and "cite" not in (cls or "")):
            return
        self.parts[self._part].append(("h" if re.fullmatch(r"h\d", tag) else tag, cls))

    def handle_endtag(self, tag):
        if self._part is None:
            return
        if tag == "summary" and self._details and self._details[-1] == "more":
            self._handle -= 1
        if tag == "details" and self._details:
            self._details.pop()
        self._heading -= bool(re.fullmatch(r"h\d", tag))
        if tag == "section":
            if self._depth == 0:
                self._part = None
            self._depth -= 1

    def handle_data(self, data):
        if self._part is None or not data.strip() or self._handle:
            return
        tokens = self.parts[self._part]
        text = " ".join(data.split())
        if tokens and isinstance(tokens[-1], str):
            tokens[-1] = f"{tokens[-1]} {text}"
        else:
            tokens.append(text)


def test_an_event_page_and_report_html_draw_the_event_alike(tmp_path):
    """The desk's event page and report.html's event come from one set of macros: the same parts,
    in the same order, with the same words and citation labels (only links, folds and levels differ)."""
    from tests.render.test_html import _data

    from newsfuse.render.html import render_html

    data = _data()
    path = tmp_path / "news.db"
    with open_store(str(path)) as store:
        store.save_report(data)
    desk = TestClient(create_app(path, load_config(progress="never"))).get("/events/e1")
    assert desk.status_code == 200
    report = render_html(data)
    on_desk, in_report = _EventParts(desk.text).parts, _EventParts(report).parts
    assert list(on_desk) == list(EVENT_PARTS)  # every part, what is disputed first
    assert list(in_report) == list(on_desk)
    for part in EVENT_PARTS:
        assert in_report[part] == on_desk[part], part
    # and they hold what the event has: both sides of the dispute cited by their outlets' short names,
    # the speakers, the claim matrix's cells
    words = {part: " ".join(t for t in tokens if isinstance(t, str)) for part, tokens in on_desk.items()}
    assert on_desk["contradictions"].count(("a", "cite")) == 2 and "Coastline" in words["contradictions"]
    assert "Ana Costa" in words["quotes"] and "unattributed" in words["quotes"]
    assert on_desk["matrix"].count(("td", "cell contradicted")) == 2
