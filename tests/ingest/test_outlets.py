"""One name per outlet: codes, domains and spellings of one outlet meet; two outlets never merge."""

from __future__ import annotations

import csv

import pytest

from newsfuse.ingest.build import build_article
from newsfuse.ingest.document import Block, RawDoc
from newsfuse.ingest.outlets import (
    canonical_outlet,
    host_of,
    known_outlets,
    outlet_key,
    registrable_domain,
    unify_outlets,
)
from newsfuse.model import Article
from tests.conftest import SHARED_DATA, needs_data

BODY = ("Officials met on Wednesday to discuss the budget, the mayor's office said in a statement. "
        "The council will vote on the plan next month, after two public hearings.")


def _outlets(*names: str) -> list[str | None]:
    articles = [Article(id=str(i), text=BODY, outlet=name) for i, name in enumerate(names)]
    return [a.outlet for a in unify_outlets(articles)]


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("FOX", "Fox News"),
        ("Fox News", "Fox News"),
        ("foxnews.com", "Fox News"),
        ("https://www.foxnews.com/politics/story", "Fox News"),
        ("NYT", "The New York Times"),
        ("New York Times", "The New York Times"),
        ("THE NEW YORK TIMES", "The New York Times"),
        ("www.nytimes.com", "The New York Times"),
        ("HPO", "HuffPost"),
        ("The Huffington Post", "HuffPost"),
        ("huffingtonpost.com", "HuffPost"),
        ("edition.cnn.com", "CNN"),
        ("news.bbc.co.uk", "BBC News"),
        ("AP", "Associated Press"),
        ("huff-post", "HuffPost"),
    ],
)
def test_a_code_a_domain_or_a_spelling_of_a_known_outlet_gives_its_one_name(given, expected):
    assert canonical_outlet(given) == expected


@pytest.mark.parametrize(
    ("one", "other"),
    [("Fox Business", "Fox News"), ("The Sun", "Chicago Sun-Times"), ("Daily Mail", "Daily Mirror"),
     ("The Times", "The New York Times"), ("foxbusiness.com", "foxnews.com"), ("The Mail on Sunday", "Daily Mail")],
)
def test_two_different_outlets_keep_two_names(one, other):
    assert canonical_outlet(one) != canonical_outlet(other)
    assert len(set(_outlets(one, other))) == 2


def test_an_unknown_outlet_is_kept_as_written_and_an_unknown_site_as_its_host():
    assert canonical_outlet("  Marlow   Gazette ") == "Marlow Gazette"
    assert canonical_outlet("https://www.marlowgazette.com/news/1") == "marlowgazette.com"
    # A blog host is one site of many on its registrable domain: it is not cut to "blogspot.com".
    assert canonical_outlet("harlan-notes.blogspot.com") == "harlan-notes.blogspot.com"
    assert canonical_outlet(None) is None and canonical_outlet("  ") is None


def test_keys_fold_case_accents_punctuation_and_a_leading_the():
    assert outlet_key("The Daily-Post") == outlet_key("DAILY POST") == "dailypost"
    assert outlet_key("RTÉ") == "rte"
    assert outlet_key("The Sun") != outlet_key("Sun-Times")


def test_hosts_and_their_registrable_part():
    assert host_of("https://www.nytimes.com/2026/01/28/x.html") == "nytimes.com"
    assert host_of("New York Times") is None
    assert registrable_domain("edition.cnn.com") == "cnn.com"
    assert registrable_domain("news.bbc.co.uk") == "bbc.co.uk"


def test_in_one_corpus_spellings_and_the_site_of_one_outlet_meet_under_its_most_used_spelling():
    names = _outlets("MARLOW GAZETTE", "Marlow Gazette", "marlowgazette.com", "The Marlow Gazette", "Marlow Gazette")
    assert names == ["Marlow Gazette"] * 5
    # A known outlet keeps the table's name, however the corpus spells it most.
    assert _outlets("NEW YORK TIMES", "NEW YORK TIMES", "nytimes.com") == ["The New York Times"] * 3


def test_a_site_label_that_is_no_name_of_the_corpus_stays_a_site():
    assert _outlets("marlowpost.com", "Marlow Gazette") == ["marlowpost.com", "Marlow Gazette"]
    # One station of many on a shared domain is not the network's name.
    assert _outlets("pittsburgh.cbslocal.com", "CBS Local") == ["pittsburgh.cbslocal.com", "CBS Local"]


def test_initials_name_an_outlet_only_when_one_name_of_the_corpus_has_them():
    assert _outlets("HNT", "Harlan News Today") == ["Harlan News Today"] * 2
    assert _outlets("HNT", "Harlan News Today", "Harlan Nightly Times") == [
        "HNT", "Harlan News Today", "Harlan Nightly Times"]
    # Two letters fit too many names by chance.
    assert _outlets("SB", "Spree Bote") == ["SB", "Spree Bote"]
    # Without the spelled-out name in the corpus a code stays what it is.
    assert _outlets("HNT") == ["HNT"]


def test_articles_without_an_outlet_are_left_alone():
    assert _outlets(None, "Marlow Gazette", " ") == [None, "Marlow Gazette", None]


def test_ingest_gives_the_metadata_code_its_canonical_name():
    raw = RawDoc(blocks=(Block(BODY),), source="s", id_hint="h", outlet="NYT")
    article = build_article(raw, "a", 80)
    assert (article.outlet, article.outlet_basis) == ("The New York Times", "metadata")


def test_the_table_names_each_outlet_once():
    names = [o.name for o in known_outlets()]
    assert len(names) == len(set(names)) and len(names) > 100
    assert all(o.name and all(d == d.lower() and "/" not in d for d in o.domains) for o in known_outlets())


@needs_data
def test_polnear_file_codes_map_to_their_publishers():
    """PolNeAR names each file by its outlet's code; every code of a publisher maps to one outlet of the table."""
    with (SHARED_DATA / "polnear" / "metadata.tsv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    codes = {row["filename"].split("_")[0] for row in rows}
    expected = {
        "breitbart": "Breitbart News", "huff-post": "HuffPost", "nyt": "The New York Times", "politico": "Politico",
        "usa-today": "USA Today", "wash-post": "The Washington Post", "west-journal": "The Western Journal",
    }
    assert {code: canonical_outlet(code) for code in codes} == expected
    wires = {row["wire"] for row in rows} - {"None", "NA"}
    assert {canonical_outlet(w) for w in wires} == {
        "Associated Press", "United Press International", "Reuters", "Agence France-Presse"}
