"""The desk in real headless Chromium over a real server: events, citations to their sentence, search, feeds, upload."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from tests.conftest import NEEDS_CHROMIUM
from tests.render.test_html_browser import SCREENSHOT_COPY_ENV

sync_api = pytest.importorskip(
    "playwright.sync_api", reason="the playwright package is not installed (pip install 'newsfuse[dev]')"
)
pytestmark = NEEDS_CHROMIUM
# The :target highlight of a cited sentence (desk.css's --mark), as the browser computes it.
MARK_RGB = "rgb(255, 233, 138)"
UPLOAD = (
    "Harbour pilots join Setúbal dock strike\n\n"
    "SETÚBAL, Oct 16 (Harbour Pilot News) - Harbour pilots at the port of Setúbal said on Thursday they "
    "would join the dockworkers' strike for one day, leaving the container terminal without pilots. "
    "The pilots' association said its members backed the dockers' demand for a written job guarantee.\n"
)


PASTED = (
    "LISBON, Oct 16 (Tagus Ferry Post) - Crews on the ferries that cross the Tagus estuary stopped work for two "
    "hours on Thursday in solidarity with the dockworkers on strike at Setúbal, the ferry operator said. "
    "Services resumed in the afternoon, and the operator said it expected no further stoppages this week."
)


@pytest.fixture()
def page(browser, desk_url):
    """A fresh page (its own cookies) that fails the test on any console error or request off the desk."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=desk_url)
    page = context.new_page()
    log = {"console": [], "errors": [], "foreign": []}
    page.on("console", lambda m: log["console"].append((m.type, m.text)) if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: log["errors"].append(str(e)))
    page.on("request", lambda r: log["foreign"].append(r.url) if not r.url.startswith(desk_url) else None)
    yield page
    context.close()
    assert log == {"console": [], "errors": [], "foreign": []}


def _keep(page, name: str) -> None:
    folder = os.environ.get(SCREENSHOT_COPY_ENV)
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / name), full_page=False)


def test_front_page_event_and_a_citation_highlighting_its_sentence(page):
    page.goto("/")
    events = page.locator("ol.events li.event")
    assert events.count() == 3
    assert page.locator("ol.events .chip").count() >= 3
    _keep(page, "desk-front.png")
    # the event with a contradiction: its disputed section comes before the summary
    page.locator("ol.events li.event", has=page.locator(".badge.disputed")).first.locator("a.event-title").click()
    page.wait_for_load_state("load")
    sections = page.eval_on_selector_all("main section", "els => els.map(e => e.className)")
    assert sections[:2] == ["contradictions", "summary"]
    assert page.locator("section.matrix tbody tr").count() >= 3
    assert page.locator("section.timeline svg circle").count() >= 1
    _keep(page, "desk.png")
    cite = page.locator("section.summary a.cite").first
    label, href = cite.inner_text(), cite.get_attribute("href")
    assert re.fullmatch(r"/articles/[^#]+#s-\d+", href)
    cite.click()
    page.wait_for_load_state("load")
    assert label.split()[0] in page.inner_text("p.meta").split(" · ")[0]  # the outlet's short name
    anchor = href.split("#", 1)[1]
    assert page.evaluate("location.hash") == "#" + anchor
    target = page.locator(f"[id='{anchor}']")
    assert target.evaluate("e => getComputedStyle(e).backgroundColor") == MARK_RGB
    other = page.locator("article.text .s:not(:target)").first
    assert other.evaluate("e => getComputedStyle(e).backgroundColor") != MARK_RGB
    assert page.locator("section.removed").count() == 1


def test_search_from_the_header_lists_hits_that_lead_to_their_sentence(page):
    page.goto("/")
    page.fill("form.find input[name=q]", "redundancies")
    page.click("form.find button")
    page.wait_for_load_state("load")
    assert "/search?q=redundancies" in page.url
    hits = page.locator("ol.hits li.hit")
    assert hits.count() >= 1 and page.locator("ol.hits mark").first.inner_text().lower() == "redundancies"
    claim = page.locator("ol.hits li.claim a").first
    if claim.count():
        claim.click()
        page.wait_for_load_state("load")
        assert "#s-" in page.url


def test_adding_a_feed_honours_the_csrf_token(page, desk_url):
    page.goto("/feeds")
    page.fill("form.add input[name=url]", "https://feeds.example.org/world.rss")
    page.click("form.add button")
    page.wait_for_load_state("load")
    assert "Feed added" in page.inner_text("p.message")
    assert "https://feeds.example.org/world.rss" in page.inner_text("table.feeds")
    refused = page.request.post(desk_url + "/feeds", form={"url": "https://evil.example/rss"})
    assert refused.status == 403
    page.goto("/feeds")
    assert "evil.example" not in page.content()


def test_uploading_a_file_adds_its_article_to_the_desk(page, tmp_path):
    upload = tmp_path / "harbour-pilots.txt"
    upload.write_text(UPLOAD, encoding="utf-8")
    page.goto("/upload")
    page.set_input_files("form.upload input[type=file]", str(upload))
    page.fill("form.upload input[name=title]", "Ferry crews stop work in solidarity")
    page.fill("form.upload textarea[name=text]", PASTED)
    page.click("form.upload button")
    page.wait_for_load_state("load", timeout=300_000)
    assert "Added 2 new articles" in page.inner_text("p.message")
    page.goto("/search?q=ferry+crews")
    assert page.locator("ol.hits li.article a", has_text="Ferry crews stop work").count() == 1
    page.goto("/search?q=pilots")
    assert page.locator("ol.hits li.article a", has_text="Harbour pilots join").count() == 1
    page.locator("ol.hits li.article a", has_text="Harbour pilots join").click()
    page.wait_for_load_state("load")
    assert "without pilots" in page.inner_text("article.text")
