"""report.html without a browser: every section, escaping of untrusted text, the CSP and its script hash."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from html.parser import HTMLParser

import pytest

from newsfuse.model import Article, ArticleAnalysis, Entity, Removed, Report, Sentence, Skip
from newsfuse.render.html import (
    INLINE_TEXT_CHARS,
    MAX_MATRIX_EVENTS,
    MAX_MATRIX_ROWS,
    MAX_QUOTES,
    MAX_REFS,
    SECTIONS,
    render_html,
    script_hash,
    script_json,
    short_names,
    write_html,
)
from newsfuse.render.json_report import report_dict, schema, validate

EVIL = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=1">'


class _Page(HTMLParser):
    """Tags, attributes, ids and the text of each <script> of a page."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self._script: dict[str, str | None] | None = None
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if tag == "script":
            self._script = attrs
            self.scripts.append((attrs, ""))

    def handle_data(self, data):
        if self._script is not None:
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)

    def handle_endtag(self, tag):
        if tag == "script":
            self._script = None

    def ids(self) -> set[str]:
        return {a["id"] for _, a in self.tags if a.get("id")}


def _article(aid, sentences, **kw):
    text, spans = "", []
    for s in sentences:
        text += ("\n\n" if text else "")
        spans.append(Sentence(len(text), len(text) + len(s)))
        text += s
    article = Article(id=aid, text=text, **kw)
    return article, ArticleAnalysis(aid, article.content_hash, sentences=tuple(spans))


def _data(**extra):
    a, aa = _article(
        "wire/1", ["Ana Costa opened the bridge on Tuesday.", "About 200 people came."],
        title="Bridge opens", outlet="Coastline Wire", published="2026-03-03", published_basis="dateline",
        removed=(Removed("Follow us on Telegram", "prompt"),), url="https://example.invalid/bridge",
    )
    b, bb = _article(
        "post-2", ["The bridge opened on Tuesday, said Ana Costa.", "Nearly 500 people came.", "Readers wrote: " + EVIL],
        title="Costa opens bridge " + EVIL, outlet="Daily Post", url="javascript:alert(1)",
    )
    entity = Entity("ana-costa", "Ana Costa", "PERSON", ("Ana Costa", "Costa"), ("wire/1", "post-2"), 2)
    report = Report(
        articles=[a, b], analyses=[aa, bb], skipped=[Skip("bad.bin", "binary file (NUL bytes)")], entities=[entity],
        article_event={"wire/1": "e1", "post-2": "e1"},
        events=[{"id": "e1", "title": "Bridge opens", "date": "2026-03-03", "where": "Porto", "who": ["ana-costa"],
                 "articles": ["wire/1", "post-2"], "mentioned_in": []}],
        generated="2026-11-22T00:00:00+00:00", version="0.1.0",
    )
    data = report_dict(report)
    data.update(
        summary=[
            {"kind": "headline", "text": "Bridge opens", "event": "e1", "support": 2,
             "sources": [{"article": "wire/1", "sentence": 0}, {"article": "post-2", "sentence": 0}]},
            {"kind": "sentence", "text": "Ana Costa opened the bridge on Tuesday.", "event": "e1", "support": 2,
             "sources": [{"article": "wire/1", "sentence": 0}, {"article": "post-2", "sentence": 0}]},
            {"kind": "sentence", "text": "Readers wrote: " + EVIL, "event": "e1", "support": 1,
             "sources": [{"article": "post-2", "sentence": 2}]},
        ],
        timeline=[{"date": "2026-03-03", "text": "Ana Costa opened the bridge", "event": "e1", "sources": ["wire/1", "post-2"]}],
        claims=[
            {"id": "c1", "text": "About 200 people came", "sources": [{"article": "wire/1", "sentence": 1}],
             "attributed_to": None, "support": 1, "status": "single source"},
            {"id": "c2", "text": "Nearly 500 people came", "sources": [{"article": "post-2", "sentence": 1}],
             "attributed_to": None, "support": 1, "status": "single source"},
            {"id": "c3", "text": "The bridge opened on Tuesday", "sources": [{"article": "post-2", "sentence": 0}],
             "attributed_to": "Ana Costa", "support": 1, "status": "single source"},
        ],
        contradictions=[{"claims": ["c1", "c2"], "kind": "number", "explanation": "200 against 500 people"}],
        quotes=[{"speaker": "ana-costa", "text": "The bridge is open " + EVIL, "article": "post-2", "start": 0},
                {"speaker": None, "text": "Unattributed words", "article": "wire/1"}],
        framing={
            "entities": [{"entity": "ana-costa", "name": "Ana Costa", "sources": 2,
                          "by_outlet": {"Coastline Wire": ["mayor"], "Daily Post": ["local hero", EVIL]}}],
            "events": [{"event": "e1", "headlines": {"Coastline Wire": ["Bridge opens"], "Daily Post": ["Hero mayor opens bridge"]},
                        "happenings": [{"date": "2026-03-03", "text": "opened",
                                        "by_outlet": {"Coastline Wire": ["opened"], "Daily Post": ["unveiled"]}}]}],
        },
    )
    data.update(extra)
    validate(data)
    return data


def test_every_section_is_on_the_page_and_empty_ones_say_so():
    html = render_html(report_dict(Report(generated="", version="0.1.0")))
    ids = _Page(html).ids()
    expected = {k for k in schema()["properties"]} - {"schema_version", "generator", "stories"}
    assert expected <= ids
    assert {k for k, _ in SECTIONS} <= ids
    assert html.count("None found") >= 9  # summary, timeline, events, stories, entities, claims, ... skipped


def test_sections_render_their_items():
    data = _data()
    html = render_html(data)
    page = _Page(html)
    ids = page.ids()
    # summary markers point at sentence spans that exist, numbered as in the article list
    cites = [a for t, a in page.tags if t == "a" and "cite" in (a.get("class") or "")]
    assert cites and all(a["href"].lstrip("#") in ids for a in cites)
    assert "s-wire-1-0" in ids and "s-post-2-2" in ids and "a-wire-1" in ids
    # each marker carries its outlet's short name
    assert '<a class="cite" href="#s-wire-1-0"' in html and ">Coastline</a>" in html and ">Daily</a>" in html
    assert "Ana Costa opened the bridge" in html  # timeline
    assert "Porto" in html and "Also written as" in html and "Costa" in html  # events, entities
    # the claim matrix: c1 carried by Coastline Wire, contradicted by Daily Post; c3 omitted by the wire
    rows = re.findall(r"<tr><td class=\"claim\">(.*?)</tr>", html, re.S)
    assert len(rows) == 3
    c1 = next(r for r in rows if r.startswith("About 200"))
    assert re.findall(r'class="cell ([a-z-]+)"', c1) == ["carried", "contradicted"]
    c3 = next(r for r in rows if r.startswith("The bridge opened"))
    assert re.findall(r'class="cell ([a-z-]+)"', c3) == ["omitted", "carried"]
    assert "200 against 500 people" in html and "Nearly 500 people came" in html  # both sides
    assert html.index("Ana Costa <span") < html.index("unattributed")  # quotes by speaker
    # framing: one table per event, the main actors and happenings in each outlet's words
    assert "local hero" in html and "Hero mayor opens bridge" in html and "unveiled" in html
    assert "How each outlet names the main actors" in html
    assert "Follow us on Telegram" in html and "binary file (NUL bytes)" in html
    assert "(dateline)" in html


def test_the_claim_matrix_is_bounded_per_event_and_keeps_the_best_supported():
    data = _data()
    many = MAX_MATRIX_ROWS + 7
    data["claims"] = [
        {"id": f"m{i}", "text": f"Claim number {i} of the crowded event", "event": "e1",
         "sources": [{"article": "wire/1", "sentence": 0}] + ([{"article": "post-2", "sentence": 0}] if i == many - 1 else []),
         "attributed_to": None, "support": 2 if i == many - 1 else 1,
         "status": "corroborated" if i == many - 1 else "single-source"}
        for i in range(many)
    ]
    data["contradictions"] = []
    html = render_html(data)
    rows = re.findall(r"<tr><td class=\"claim\">(.*?)</tr>", html, re.S)
    assert len(rows) == MAX_MATRIX_ROWS
    assert rows[0].startswith(f"Claim number {many - 1} ")  # the corroborated one leads
    assert "7 more claim(s) of this event" in html
    assert "Bridge opens <span" in html  # the block is titled by its event


def test_untrusted_text_is_escaped_everywhere():
    html = render_html(_data())
    page = _Page(html)
    assert "<script>window" not in html and "<img" not in html and "</script><b>" not in html
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=" in html
    # no inline handlers, nothing loaded, no javascript: link from an article's url
    for tag, attrs in page.tags:
        assert not [k for k in attrs if k.startswith("on")], (tag, attrs)
        assert "src" not in attrs and tag not in {"iframe", "object", "embed", "link", "img", "base", "form"}
        assert not (attrs.get("href") or "").lower().startswith("javascript")
    assert 'href="https://example.invalid/bridge"' in html


def test_csp_forbids_everything_external_and_allows_the_script_by_hash():
    html = render_html(_data())
    page = _Page(html)
    metas = [a for t, a in page.tags if t == "meta" and (a.get("http-equiv") or "").lower() == "content-security-policy"]
    assert len(metas) == 1
    policy = dict(d.strip().split(" ", 1) for d in metas[0]["content"].split(";"))
    assert policy["default-src"] == "'none'"
    assert policy["style-src"] == "'unsafe-inline'"
    assert policy["img-src"] == "data:"
    assert policy["connect-src"] == "'none'" and policy["base-uri"] == "'none'"
    executable = [text for attrs, text in page.scripts if attrs.get("type") is None]
    assert len(executable) == 1
    digest = base64.b64encode(hashlib.sha256(executable[0].encode("utf-8")).digest()).decode()
    assert policy["script-src"] == f"'sha256-{digest}'"
    assert script_hash(executable[0]) == f"sha256-{digest}"


def test_json_for_the_script_cannot_break_out():
    data = _data()
    html = render_html(data)
    page = _Page(html)
    blocks = [text for attrs, text in page.scripts if attrs.get("type") == "application/json"]
    assert len(blocks) == 1
    assert len(page.scripts) == 2  # the title's </script> did not end the JSON block early
    assert "<" not in blocks[0] and ">" not in blocks[0]
    info = json.loads(blocks[0])
    assert info["articles"]["post-2"]["title"] == "Costa opens bridge " + EVIL
    text = script_json({"x": "</script><!-- & \u2028"})
    assert "</" not in text and "<!--" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == {"x": "</script><!-- & \u2028"}


def test_article_text_is_cut_into_sentence_spans_and_bad_offsets_are_survived():
    data = _data()
    html = render_html(data)
    assert '<span class="s" id="s-wire-1-0">Ana Costa opened the bridge on Tuesday.</span>\n\n<span class="s" id="s-wire-1-1">' in html
    data["articles"][0]["sentences"] = [[5, 2], [0, 10**6], [3, 9], [1, 4]]  # reversed, too long, overlapping
    html = render_html(data)
    assert 's-wire-1-2' in html and 's-wire-1-3' not in html
    assert "Ana Costa opened the bridge on Tuesday." in html.replace('<span class="s" id="s-wire-1-2">', "").replace("</span>", "")


def test_ids_that_clash_once_made_safe_stay_apart():
    data = _data()
    data["articles"][1]["id"] = "wire 1"  # "wire/1" and "wire 1" both read "wire-1"
    html = render_html(data)
    assert 'id="a-wire-1"' in html and 'id="a-wire-1-2"' in html


def test_sections_the_template_does_not_know_are_shown_generically():
    html = render_html(_data(agencies=[{"name": "Lusa", "articles": ["wire/1"]}], notes={"k": "v <b>"}))
    ids = _Page(html).ids()
    assert {"agencies", "notes"} <= ids
    assert "Lusa" in html and "v &lt;b&gt;" in html


def test_write_html(tmp_path):
    path = tmp_path / "out" / "report.html"
    write_html(_data(), path)
    assert path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


@pytest.mark.parametrize("width_rule", ["max-width: 40rem", "@media print", "details::details-content"])
def test_css_has_phone_and_print_rules(width_rule):
    assert width_rule in render_html(_data())


def test_short_names_are_first_words_made_unique():
    names = short_names(["The Atlantic Ledger", "Coastline Wire", "The Iberia Post", "Iberia Times", "BBC", "The"])
    assert names == {"The Atlantic Ledger": "Atlantic", "Coastline Wire": "Coastline", "The Iberia Post": "Iberia Post",
                     "Iberia Times": "Iberia Times", "BBC": "BBC", "The": "The"}


def test_a_large_report_inlines_within_its_caps_says_so_and_every_citation_still_leads_somewhere():
    data = _data()
    long_text = "The crowd stayed until dark. " * (INLINE_TEXT_CHARS // 29 + 1)  # past the cap alone
    data["articles"][0]["text"] = long_text + data["articles"][0]["text"]
    data["articles"][0]["sentences"] = [[len(long_text) + s, len(long_text) + e] for s, e in data["articles"][0]["sentences"]]
    crowd = [dict(data["articles"][1], id=f"copy-{n}", title=f"Copy {n}") for n in range(MAX_REFS + 2)]
    data["articles"] += crowd
    data["entities"][0]["articles"] += [a["id"] for a in crowd]
    data["claims"] += [
        {"id": f"x{n}", "text": f"Claim {n}", "event": f"other-{n}", "sources": [{"article": f"copy-{n % len(crowd)}", "sentence": 1}],
         "attributed_to": None, "support": 1, "status": "single source"}
        for n in range(MAX_MATRIX_EVENTS + 5)
    ]
    data["quotes"] = [{"speaker": None, "text": f"Words {n}", "article": "wire/1"} for n in range(MAX_QUOTES + 3)]
    html = render_html(data)
    page = _Page(html)
    ids = page.ids()
    # the page says what it left to report.json
    assert "report.json holds everything" in html and "nf-cap" in ids
    assert f"the full text of the first 0 of {len(data['articles'])} articles" in html
    assert f"{MAX_QUOTES:,} of {MAX_QUOTES + 3:,} quotes" in html
    assert html.count('class="quotes"') == 1 and html.count("<blockquote>") == MAX_QUOTES
    assert f"and {len(crowd) + 2 - MAX_REFS} more" in html  # the entity's articles
    assert len(re.findall(r'<table class="matrix', html)) == MAX_MATRIX_EVENTS
    assert "The claims of 6 more event(s) are in report.json" in html
    # no full text of an article past the cap, only its cited sentences, each where its markers lead
    assert "The crowd stayed until dark." not in html
    assert "Cited sentences (2 of 2; the full text is in report.json)" in html
    links = [a["href"].lstrip("#") for t, a in page.tags if t == "a" and (a.get("href") or "").startswith("#")]
    assert links and all(target in ids for target in links), [t for t in links if t not in ids][:5]
    assert 'title="' not in "".join(re.findall(r'<a class="cite[^>]*>', html))  # the script makes hover texts


# What docs/reliability.md promises for a page of 3,000 articles (15.0 MB measured on copies of the GVC
# dev reports, 56.3 MB before the caps).
MAX_PAGE_BYTES_AT_3000 = 20_000_000


@pytest.mark.slow
def test_a_report_of_3000_articles_stays_under_the_stated_size(examples_report_once):
    import importlib.util
    from pathlib import Path

    bench = Path(__file__).resolve().parents[2] / "bench" / "bench_report_size.py"
    spec = importlib.util.spec_from_file_location("bench_report_size", bench)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    data = module.grown(examples_report_once, 3000)  # copies, as bench_cluster grows a corpus
    html = render_html(data)
    assert len(data["articles"]) == 3000
    assert len(html.encode("utf-8")) < MAX_PAGE_BYTES_AT_3000
    page = _Page(html)
    ids = page.ids()
    links = [a["href"].lstrip("#") for t, a in page.tags if t == "a" and (a.get("href") or "").startswith("#")]
    assert all(target in ids for target in links), sorted({t for t in links if t not in ids})[:8]
    assert "report.json holds everything" in html
