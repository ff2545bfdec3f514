"""HTML pages: main text, metadata and the page chrome kept as removed blocks."""

from __future__ import annotations

import pytest

from newsfuse.errors import EmptyInput
from newsfuse.ingest import iter_inputs
from newsfuse.ingest.build import build_article
from newsfuse.ingest.html import html_document
from newsfuse.model import Skip
from tests.conftest import TEST_DATA

PAGE = (TEST_DATA / "ingest" / "harbour_page.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def doc():
    return html_document(PAGE, "harbour_page.html", "harbour_page")


def test_metadata(doc):
    assert doc.title == "Harbour bridge reopens after storm repairs"
    assert doc.outlet == "The Coastal Ledger"
    assert doc.url == "https://www.coastalledger.example/news/2024/03/05/harbour-bridge-reopens"
    assert doc.published == "2024-03-05"


def test_main_text_has_body_and_headings_only(doc):
    texts = [b.text for b in doc.blocks]
    assert texts[1].startswith("PORT ELLEN — The harbour bridge reopened")
    assert any(b.heading and b.text == "Weight limit stays for now" for b in doc.blocks)
    joined = " ".join(texts)
    for chrome in ("Sport", "Ferry timetable", "Your email address", "All rights reserved", "Privacy policy", "By Mara Quinlan"):
        assert chrome not in joined, chrome


def test_page_chrome_is_kept_with_landmark_reasons(doc):
    reasons = {reason: text for text, reason in doc.removed}
    assert reasons["navigation"] == "News · Sport · Business · Opinion"
    assert "Ferry timetable changes for spring" in reasons["related-articles links"]
    assert "Your email address will not be published" in reasons["comment form"]
    assert "© 2024 The Coastal Ledger" in reasons["footer"]
    assert reasons["byline"] == "By Mara Quinlan"
    assert reasons["timestamp"] == "March 5, 2024"


def test_date_is_never_taken_from_body_text():
    page = "<html><body><article><h1>Flood warning lifted</h1><p>" + "The flood warning issued on March 3, 2021 was lifted after river levels fell below the danger mark for the first time in a week. " * 3 + "</p></article></body></html>"
    assert html_document(page, "p.html", "p").published is None


def test_page_without_text_is_empty():
    with pytest.raises(EmptyInput, match="no article text"):
        html_document("<html><body><script>var x = 1;</script></body></html>", "e.html", "e")


def test_page_of_only_chrome_is_skipped(tmp_path, config):
    page = tmp_path / "nav.html"
    page.write_text("<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></body></html>")
    (item,) = iter_inputs([page], config)
    assert isinstance(item, Skip)
    assert "too little article text" in item.reason


def test_url_is_only_read_never_fetched():
    doc = html_document(PAGE.replace('<link rel="canonical"', '<link rel="x"'), "p.html", "p", url="https://offline.example/a")
    assert doc.url.startswith("https://")


@pytest.mark.parametrize(
    ("page_title", "outlet"),
    [
        ("Ferry service resumes after strike", None),  # only the host name: that is the URL's basis
        ("Ferry service resumes after strike | Island News", "Island News"),
        ("Island News - Ferry service resumes after strike", "Island News"),
    ],
)
def test_site_name_from_the_page_title_not_the_host(page_title, outlet):
    page = (
        f"<html><head><title>{page_title}</title><meta property='og:title' content='Ferry service resumes after strike'>"
        "<link rel='canonical' href='https://www.islandnews.example/a/ferry'></head><body><article>"
        "<h1>Ferry service resumes after strike</h1><p>"
        + "Ferries between the island and the mainland resumed on Monday after a strike by crews ended with a pay deal. " * 2
        + "</p></article></body></html>"
    )
    doc = html_document(page, "p.html", "p")
    assert doc.title == "Ferry service resumes after strike"
    assert doc.outlet == outlet


def test_unnamed_markup_above_the_story_is_the_page_header():
    page = (
        "<html><head><title>Ferry service resumes after strike</title></head><body>"
        "<div class='x1'><span>ISLAND EVENING NEWS</span></div><div class='x2'>Home » Travel</div>"
        "<article><h1>Ferry service resumes after strike</h1><p>"
        + "Ferries between the island and the mainland resumed on Monday after a strike by crews ended with a pay deal. " * 2
        + "</p></article><div class='x3'>Contact the newsroom</div></body></html>"
    )
    raw = html_document(page, "p.html", "p")
    assert raw.removed == (("ISLAND EVENING NEWS · Home » Travel", "page header"), ("Contact the newsroom", "page chrome"))
    article = build_article(raw, "p", 80)
    assert (article.outlet, article.outlet_basis) == ("Island Evening News", "masthead")
