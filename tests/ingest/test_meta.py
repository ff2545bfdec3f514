"""Datelines, outlets and publication dates read from the text; gates on TimeBank/AQUAINT and GVC."""

from __future__ import annotations

import html
import json
import re

import pytest

from newsfuse.ingest.meta import (
    bracket_source,
    find_dateline,
    header_date,
    infer_year,
    is_dateline_only,
    masthead_name,
    normalize_published,
    parse_date,
    parse_dateline,
    restore_case,
    self_reference,
    site_of_url,
    url_date,
    weekday_of,
)
from newsfuse.ingest.normalize import normalize_text
from tests.conftest import SHARED_DATA, needs_data

TBAQ = SHARED_DATA / "tempeval3" / "TBAQ-cleaned"
GVC = SHARED_DATA / "gvc" / "gvc_docs_train_dev.jsonl"


@pytest.mark.parametrize(
    ("line", "place", "agency", "date"),
    [
        ("MOSCOW, January 28. /TASS/. Russian President Vladimir Putin will", "MOSCOW", "TASS", (None, 1, 28)),
        ("NAIROBI, Kenya (AP) — Suspected bombs exploded", "NAIROBI, Kenya", "AP", None),
        ("JERUSALEM (AP)_ Taking the stand", "JERUSALEM", "AP", None),
        ("JOHANNESBURG, August 7 (Xinhua) — South Africa", "JOHANNESBURG", "Xinhua", (None, 8, 7)),
        ("LONDON, Jan 5, 2024 (Reuters) — Shares fell", "LONDON", "Reuters", (2024, 1, 5)),
        ("Moscow, January 28 (Reuters) — Putin said", "Moscow", "Reuters", (None, 1, 28)),
        ("FLORIDA CITY (CBSMiami) — Miami-Dade Police", "FLORIDA CITY", "CBSMiami", None),
        ("NEWARK, N.J. — A new Essex County task force", "NEWARK, N.J.", None, None),
        ("ELGIN — Authorities have identified", "ELGIN", None, None),
        ("ISLAMABAD: Prime Minister", "ISLAMABAD", None, None),
        ("THE HAGUE, Netherlands (AP)_ The World Court", "THE HAGUE, Netherlands", "AP", None),
        ("SÃO PAULO (Reuters) — Brazil's central bank", "SÃO PAULO", "Reuters", None),
        ("МОСКВА — Президент России", "МОСКВА", None, None),
        ("BERLIN, Feb 14 (dpa) — Tram drivers", "BERLIN", "dpa", (None, 2, 14)),  # an agency in lower case
    ],
)
def test_datelines(line, place, agency, date):
    found = parse_dateline(normalize_text(line))
    assert found is not None
    assert (found.place, found.agency) == (place, agency)
    assert ((found.year, found.month, found.day) if found.month else None) == date


@pytest.mark.parametrize(
    "line",
    [
        "NATO said on Monday it would", "The US said", "US President Joe Biden", "UPDATE: the talks",
        "Update (Feb. 20): police", "Putin said", "BERLIN (pictured) — the minister", "Berlin (dpa) said",
    ],
)
def test_not_datelines(line):
    assert parse_dateline(line) is None


@pytest.mark.parametrize(
    ("line", "source"),
    [
        ("(CNN) — A man was", "CNN"),
        ("(KMOV.com) – Overland police say", "KMOV.com"),
        ("(CBSMiami) — Police", "CBSMiami"),
        ("(WSB-TV) — Police", "WSB-TV"),
        ("(Mountain View) – A Mountain View man", None),  # places take that slot too
        ("(BROOKLYN) - Indiana officers", None),
        ("(Feb. 20) — Police", None),
        ("(UPDATE) — Police", None),
    ],
)
def test_bracket_source(line, source):
    assert bracket_source(normalize_text(line)) == source


@pytest.mark.parametrize(
    ("paragraphs", "span"),
    [
        (["MOSCOW, January 28. /TASS/. Syrian President"], "MOSCOW, January 28. /TASS/."),
        (["A photo line.", "LISBON (Reuters) - The union agreed"], "LISBON (Reuters) -"),
        (["INDIANAPOLIS, Ind. (June 15, 2014) — Police officers"], "INDIANAPOLIS, Ind. (June 15, 2014) —"),
        (["(KMOV.com) – Overland police say"], "(KMOV.com) –"),
        (["A photo line.", "Another.", "WASHINGTON — Lawmakers"], "WASHINGTON —"),
        (["One.", "Two.", "Three.", "WASHINGTON — Too far down"], None),
        (["NATO said on Monday it would"], None),
    ],
)
def test_the_dateline_of_a_story_and_its_span(paragraphs, span):
    found = find_dateline(paragraphs, "\n\n")
    assert ("\n\n".join(paragraphs)[found[1] : found[2]] if found else None) == span


def test_dateline_only_lines():
    assert is_dateline_only("WASHINGTON —")
    assert is_dateline_only("BUFFALO, N.Y. (AP) —")
    assert not is_dateline_only("WASHINGTON — The economy grew")


def test_parse_date():
    assert parse_date("Russian Politics & Diplomacy January 28, 7:49") == (None, 1, 28)
    assert parse_date("Thursday 5 March 2026") == (2026, 3, 5)
    assert parse_date("2026-01-28T07:49") == (2026, 1, 28)
    assert parse_date("February 30") is None
    assert parse_date("no date here") is None


TASS_LIKE = (
    "MOSCOW, January 28. /TASS/. Russian President Vladimir Putin will hold talks on Wednesday with the visiting leader.\n\n"
    "The meeting will be held the day before the politician, who assumed the post on January 29, 2025, marks his first year in office. "
    "On December 19, 2024, Putin said that Moscow proposed to use its bases for aid deliveries."
)


def test_year_from_past_dates_confirmed_by_the_lead_weekday():
    assert infer_year(1, 28, TASS_LIKE) == 2026  # January 28, 2026 was a Wednesday


def test_year_needs_the_lead_to_name_its_weekday():
    assert infer_year(1, 28, TASS_LIKE.replace("on Wednesday", "on Thursday")) is None


def test_year_needs_a_past_date():
    assert infer_year(1, 28, "Talks will be held on Wednesday. They are due to end on March 3, 2026.") is None
    assert infer_year(1, 28, "Talks are held on Wednesday.") is None


def test_year_conflicting_with_an_announced_date_is_null():
    text = "The talks on Wednesday follow the accord that was signed on December 1, 2025. The next round will take place on January 10, 2026."
    assert infer_year(1, 28, text) is None


def test_weekday_in_the_date_line_confirms_or_refutes():
    text = "The accord was signed on December 1, 2025, officials said."
    assert infer_year(3, 6, text, weekday=4) == 2026  # Friday 6 March 2026
    assert infer_year(3, 6, text, weekday=3) is None
    assert weekday_of("Companies | Fri 6 Mar, 07:10") == 4
    assert weekday_of("monitor 5 Mar") is None


def test_deadline_is_not_a_past_date():
    text = "The court on Wednesday postponed the hearing to March 3, 2025."
    assert infer_year(1, 28, text) is None


def test_self_reference():
    assert self_reference(["Read “Zamin” on Telegram!"]) == "Zamin"
    assert self_reference(["Follow The Coastal Ledger on Facebook and X"]) == "The Coastal Ledger"
    assert self_reference(["© 2024 The Coastal Ledger. All rights reserved."]) == "The Coastal Ledger"
    assert self_reference(["Copyright 2016 by WPLG Local10.com - All rights reserved."]) == "WPLG Local10"
    assert self_reference(["Subscribe to Harbour & Freight Weekly for analysis every Friday"]) == "Harbour & Freight Weekly"
    assert self_reference(["Follow us on Twitter", "Read more on the site →", "Share this: Facebook"]) is None


def test_self_reference_after_the_and_before_a_year():
    assert self_reference(["Follow the Spree Courier on Instagram for more news"], copyright=False) == "Spree Courier"
    assert self_reference(["© Tyneside Chronicle 2026"]) == "Tyneside Chronicle"
    assert self_reference(["© Tyneside Chronicle 2019-2026. All rights reserved."]) == "Tyneside Chronicle"
    assert self_reference(["Follow the latest news on Telegram"]) is None
    assert self_reference(["Subscribe to The Harrowgate Courier"]) == "The Harrowgate Courier"
    assert self_reference(["Download the Spree Courier app"]) == "Spree Courier"
    assert self_reference(["Subscribe to Premium", "Subscribe to Unlimited Digital Access"], copyright=False) is None


def test_copyright_self_reference_can_be_left_out_and_reads_a_doubled_mark():
    assert self_reference(["(© Copyright 2016 The Wexley Courier. All Rights Reserved."]) == "The Wexley Courier"
    assert self_reference(["© 2016 Wexley Media Group"], copyright=False) is None
    assert self_reference(["© 2016 Wexley Media Group", "Follow Wexley Courier on Facebook"], copyright=False) == "Wexley Courier"


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("THE MARLOW GAZETTE", "THE MARLOW GAZETTE"),
        ("Harlan Business Daily", "Harlan Business Daily"),
        ("Quay & Cargo Review", "Quay & Cargo Review"),
        ("Daily Courier", "Daily Courier"),
        ("Bayline Wire", "Bayline Wire"),
        ("Foreign News", None),  # a section label: no word but section words and "news"
        ("WORLD NEWS", None),
        ("Business Daily", None),
        ("Local Man Shot Outside Post Office", None),  # a headline: the publication noun is inside it
        ("ACCIDENTAL SHOOTING", None),
        ("Herald", None),  # one word says too little
        ("Ferry crews walk out, Herald says", None),
        ("Marlow Gazette 2024", None),
        ("Home › Business", None),
    ],
)
def test_masthead_name(line, name):
    assert masthead_name(line) == name


def test_restore_case():
    assert restore_case("HARLAN BUSINESS DAILY", ["Noor Haddad writes for Harlan Business Daily."]) == "Harlan Business Daily"
    assert restore_case("THE MARLOW GAZETTE", []) == "The Marlow Gazette"
    assert restore_case("WXT NEWS", []) == "WXT News"  # a short word in capitals reads as an acronym
    assert restore_case("Quay & Cargo Review", ["QUAY & CARGO REVIEW"]) == "Quay & Cargo Review"


def test_header_date_skips_revisions():
    assert header_date("By Bayline Wire | Published 3 June 2024, 08:12 | Updated 4 June 2024") == (2024, 6, 3)
    assert header_date("Last updated Tue 4 Jun 2024 | First published 3 Jun 2024") == (2024, 6, 3)
    assert header_date("Updated: Jun 4, 2024 — 6:38 PM") is None  # publication may lie well before a revision
    assert header_date("By Priya Landon · 5 June 2024 · 4 min read") == (2024, 6, 5)
    assert header_date("Companies | Thu 6 Jun, 07:10") == (None, 6, 6)


def test_header_date_of_a_relative_line_is_none():
    assert header_date("Updated 3 hours ago") is None
    assert header_date("March 3, 2026 10:12 AM GMT+1 Updated 2 hours ago") == (2026, 3, 3)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.felbridgepost.example/news/2026/02/14/dockers-vote/", "2026-02-14"),
        ("https://x.example/2026-02-14-dockers-vote", "2026-02-14"),
        ("https://x.example/news/2026/02/dockers-vote", "2026-02"),
        ("https://web.archive.org/web/20200101000000/https://x.example/2019/05/06/a", "2019-05-06"),
        ("https://x.example/story/20261234", None),  # an id, not a date
        ("https://x.example/2026/13/01/a", None),
        ("https://x.example/2026/02/30/a", None),
        (None, None),
    ],
)
def test_url_date(url, expected):
    assert url_date(url) == expected


def test_site_of_url():
    assert site_of_url("https://www.reuters.com/world/x") == "reuters.com"
    assert site_of_url("http://web.archive.org/web/20160929223606/http://www.fox7austin.com:80/news/a") == "fox7austin.com"
    assert site_of_url("not a url") is None
    assert site_of_url(None) is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-01-28", "2026-01-28"),
        ("2026-01-28T07:49:00Z", "2026-01-28"),
        ("2026-01-28 07:49:00+03:00", "2026-01-28"),
        ("2025-10", "2025-10"),
        ("2024", "2024"),
        ("Tue, 28 Jan 2026 07:49:00 GMT", "2026-01-28"),
        ("January 2026", "2026-01"),
        ("March 3", None),
        ("2026-13-01", None),
        ("garbage", None),
        (2024, None),
        (None, None),
    ],
)
def test_normalize_published(value, expected):
    assert normalize_published(value) == expected


def _timeml():
    for path in sorted(TBAQ.glob("*/*.tml")):
        raw = path.read_text(encoding="utf-8")
        dct = re.search(r'<DCT><TIMEX3[^>]*value="([^"]+)"', raw).group(1)[:10]
        body = html.unescape(re.sub(r"<[^>]+>", "", re.search(r"<TEXT>(.*)</TEXT>", raw, re.S).group(1)))
        yield path.stem, dct, normalize_text(body)


# Pinned on TimeBank 1.2 + AQUAINT (TempEval-3 training), 2026-11: every
# agency found in a dateline is right (67 of 72 AP/Xinhua stories found).
AGENCY_RECALL_FLOOR = 0.9


@needs_data
@pytest.mark.slow
def test_gate_dateline_agencies_on_timebank():
    expected = {"APW": "AP", "AP": "AP", "XIE": "Xinhua"}
    found = wrong = total = 0
    for doc_id, _, text in _timeml():
        want = expected.get(re.match(r"[A-Za-z]+", doc_id).group(0))
        first = next(p for p in text.split("\n") if p.strip())
        dateline = parse_dateline(first)
        agency = dateline.agency if dateline else None
        total += want is not None
        if agency is not None:
            found += agency == want
            wrong += agency != want
    assert wrong == 0
    assert found / total >= AGENCY_RECALL_FLOOR


# Year inference pretends each document's date had no year and checks the
# year it settles on. Pinned 2026-11: TimeBank/AQUAINT 2 right of 2 settled,
# GVC 14 of 15 (GVC's one miss has an embedded "Published Saturday" caption
# dated after its gold date).
YEAR_PRECISION_FLOOR = 0.9


@needs_data
@pytest.mark.slow
def test_gate_year_inference_is_correct_or_null():
    right = wrong = 0
    docs = list(_timeml())
    docs += [(r["doc_id"], r["dct"], normalize_text(r["text"])) for r in map(json.loads, GVC.read_text(encoding="utf-8").splitlines())]
    for _, dct, text in docs:
        year, month, day = map(int, dct.split("-"))
        got = infer_year(month, day, text)
        if got is not None:
            right += got == year
            wrong += got != year
    assert right >= 10
    assert right / (right + wrong) >= YEAR_PRECISION_FLOOR
