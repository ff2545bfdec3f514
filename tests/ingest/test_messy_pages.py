"""Messy pages as users paste or save them (tests/data/ingest/messy): what must be kept, cut and found.

Each fixture is a fictional story wrapped in the chrome of real news sites:
consent banners, share rows, adverts, captions and credits, bylines and
author bios, relative timestamps, breadcrumbs, inline "Related:" links,
"Most read" lists, comment threads, paywall notices, live-blog times,
footers, agency datelines and dates in many formats (one only in the URL).
Nothing of the chrome may reach the title or the text (it belongs in
``removed``), the outlet is the one the page names, and a date is right or
null: a relative header ("3 hours ago") never becomes a date.
"""

from __future__ import annotations

import json

import pytest

from newsfuse.config import load_config
from newsfuse.ingest import read_inputs
from tests.conftest import TEST_DATA

MESSY = TEST_DATA / "ingest" / "messy"

# id: (title, outlet, published, published_basis, phrases kept in the text, phrases cut into `removed`)
CASES = {
    "ap_cookie_paste": (
        "Ferry strike strands thousands on island routes",
        "The Harrowgate Courier",
        None,
        None,
        ["LONDON (AP) — Thousands of passengers", "Talks are due to resume on Monday"],
        ["We value your privacy", "use cookies", "Manage preferences", "HARROWGATE COURIER", "Home > World",
         "By Tomas Lindqvist", "Updated 3 hours ago", "Share on Facebook", "Advertisement", "Getty Images",
         "Related: Island councils", "Morning Briefing", "Most read", "Council tax to rise", "All rights reserved"],
    ),
    "wire_reuters_style": (
        "Farmers block Paris ring road in protest over grain imports",
        "Reuters",
        "2026-03-03",
        "header",
        ["PARIS, March 3 (Reuters) — Hundreds of farmers", "no arrests had been made"],
        ["Updated 2 hours ago", "By Elodie Marchand", "3 minute read", "Share on Facebook", "Reporting by",
         "Our Standards", "Download our app"],
    ),
    "relative_washington": (
        "Senate panel delays vote on rail safety bill",
        None,
        None,
        None,
        ["WASHINGTON — A Senate committee on Wednesday", "support from both parties"],
        ["Politics | Congress", "Published 5 hours ago", "Read also:", "Comments (14)", "jdavis_71",
         "Typical Washington", "RailFan88", "long overdue", "Reply"],
    ),
    "paywall_bio": (
        "Hospital trust to close two maternity wards",
        "Northfield Evening Post",
        None,  # "Thursday 5 March": no year, and nothing in the text settles one
        None,
        ["The Northfield hospital trust will close", "a journey of nearly an hour"],
        ["NORTHFIELD EVENING POST", "Ana Ruiz, Health Correspondent", "Subscribe to continue reading",
         "subscribers only", "free articles", "Already a subscriber", "is the Post's health correspondent",
         "More from Health", "Waiting lists fall"],
    ),
    "live_blog": (
        "Storm Ingrid live: power cuts and flooding across the north-east",
        "Tyneside Chronicle",
        None,
        None,
        ["rescued two walkers", "40,000 homes", "schools would close early"],
        ["Updated 14:52 GMT", "Key events", "2h ago", "Coastguard rescues", "Rail services suspended",
         "Show key events only", "14:20", "Share this post", "Copy link", "Schools close early", "Advertisement",
         "© Tyneside Chronicle"],
    ),
    "url_dated_page": (
        "Dockers at Felbridge vote to accept pay offer",
        "Felbridge Post",
        "2026-02-14",  # only in the canonical URL
        "metadata",
        ["voted to accept a two-year pay offer", "ten new apprenticeships"],
        ["use cookies", "3 hours ago", "Share on Facebook", "Advertisement", "Photo: Cranes", "Sign up for our newsletter",
         "Most read", "bakery fire", "All rights reserved"],
    ),
    "xinhua_page": (
        "Kenya opens solar plant in Garissa county",
        "East Africa Monitor",
        "2026-03-04",
        "metadata",
        ["NAIROBI, March 3 (Xinhua) — Kenya on Tuesday opened", "frequent blackouts"],
        ["uses cookies", "Home » Africa", "Staff Reporter", "Xinhua/Peter Mwangi", "READ ALSO", "Tanzania signs deal",
         "Sponsored", "Zanzibar", "Share:", "3 Comments", "Otieno", "Who will maintain it", "Copyright"],
    ),
    "german_dpa_yearless": (
        "Berlin tram drivers to strike on Monday",
        "Spree Courier",
        None,  # a yearless dateline date and an "hours ago" header
        None,
        ["BERLIN, Feb 14 (dpa) — Tram and bus drivers", "are not affected"],
        ["Nachrichten > Wirtschaft", "12 hours ago", "Follow the Spree Courier", "Tags:"],
    ),
    "dotted_header_captions": (
        "Lake Varren water levels reach record low",
        "Lakeside Tribune",
        "2026-03-05",
        "header",
        ["Water levels in Lake Varren have fallen", "worked at the marina for 26 years"],
        ["LAKESIDE TRIBUNE", "Local News", "05.03.2026", "AP Photo", "Sponsored", "lakeside cabins", "About the author",
         "Lina Berg covers", "Follow the Lakeside Tribune"],
    ),
    "teaser_tail": (
        "Mine rescue team praised after flood at Cwm Dulas pit",
        None,
        None,
        None,
        ["Rescue teams have been praised", "how the water entered the workings"],
        ["Skip to content", "Menu", "2 hours ago", "Gwen Pritchard", "Wales correspondent", "She joined in 2019",
         "Image source", "Image caption", "More on this story", "Miners' families", "Top stories", "backbench revolt"],
    ),
    "relative_time_page": (
        "Wildfire near Calder Ridge forces evacuations",
        "Valley Sentinel",
        None,  # "3 hours ago"; the storm of Sept. 18, 2025 is background, not the day reported
        None,
        ["CALDER RIDGE — About 1,500 residents", "Highway 14 was closed"],
        ["Valley Sentinel Local Weather", "By Priya Nandakumar", "3 hours ago", "Share on Facebook", "Advertisement",
         "Related: How to prepare", "is a reporter covering wildfires", "Comments (2)", "hikerjoe", "Stay safe everyone",
         "All rights reserved"],
    ),
    "title_with_site": (
        "Council approves tram line to Marlow airport",
        "Marlow Evening Gazette",
        "2026-03-03",
        "header",
        ["Marlow city council on Tuesday approved", "an independent review before any contracts are signed"],
        ["Transport", "Jane Okonjo and Pieter de Vries", "18.05 GMT", "REUTERS/Anna Kowalczyk",
         "A tram passes the central station", "contributed to this report"],
    ),
    "harbour-fees": (
        "Harbour fees to rise by a fifth next year",
        "news.portwick.example",
        "2025-11-20",  # only in the record's URL
        "url",
        ["PORTWICK — The harbour board on Thursday approved", "could not wait another season"],
        ["Business | Ports", "Updated 6 hours ago", "Share on Facebook", "Advertisement", "Most read", "science prize"],
    ),
}


@pytest.fixture(scope="module")
def articles():
    found, skipped = read_inputs([MESSY], load_config(jobs=1, progress="never"))
    assert not skipped
    return {a.id: a for a in found}


def test_every_fixture_has_a_case(articles):
    assert set(articles) == set(CASES)


@pytest.mark.parametrize("article_id", sorted(CASES))
def test_title_outlet_and_date(articles, article_id):
    title, outlet, published, basis, _, _ = CASES[article_id]
    article = articles[article_id]
    assert article.title == title
    assert article.outlet == outlet
    assert (article.published, article.published_basis) == (published, basis)


@pytest.mark.parametrize("article_id", sorted(CASES))
def test_body_kept_and_chrome_only_in_removed(articles, article_id):
    *_, keep, cut = CASES[article_id]
    article = articles[article_id]
    for phrase in keep:
        assert phrase in article.text, phrase
    removed = " ".join(r.text for r in article.removed)
    for phrase in cut:
        assert phrase not in article.text, phrase
        assert phrase not in article.title, phrase
        assert phrase in removed, phrase


@pytest.mark.slow
def test_chrome_reaches_nothing_in_the_report_but_removed(tmp_path):
    from newsfuse.pipeline import analyze
    from newsfuse.render.json_report import report_dict, validate

    data = report_dict(analyze([MESSY], load_config(jobs=1, progress="never"), cache_dir=tmp_path))
    validate(data)
    for article in data["articles"]:  # no later step may give an undated page a wrong date
        assert article["published"] == CASES[article["id"]][2], article["id"]
    for article in data["articles"]:
        article.pop("removed")
    everything = json.dumps(data, ensure_ascii=False)
    # Chrome that is neither the outlet's name nor a word the stories use themselves.
    for article_id, (*_, cut) in CASES.items():
        for phrase in cut:
            if len(phrase) >= 8 and phrase not in ("Advertisement", "Most read", "Share on Facebook"):
                assert phrase not in everything, (article_id, phrase)
    for phrase in ("Advertisement", "Most read", "Share on Facebook", "Getty", "WhatsApp", "Instagram"):
        assert phrase not in everything, phrase
