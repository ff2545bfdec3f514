"""Statements to align: every claim candidate and the figures no candidate covers, each with its independent source."""

from __future__ import annotations

import pytest

from newsfuse.fuse.claims.units import collect_units, content_words, days_apart, negation_count, plain_quotes
from newsfuse.fuse.corpus import Corpus
from newsfuse.model import Article


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("The port reopened.", 0),
        ("The port did not reopen.", 1),
        ("The union hasn't called off the strike.", 1),
        ("No one denied that there will be no talks.", 2),  # an even count asserts
        ("The child, who has not been identified, was taken to hospital.", 0),  # the relative clause is aside
        ("Ministers have yet to agree.", 1),
        ("The company didn’t respond to either message.", 1),  # a curly apostrophe denies as well
        ("Police couldn't confirm the report.", 1),
        ("She cast the lone no vote.", 0),  # "no" naming a side, not denying
        ("No-one was hurt.", 1),
        ("The union wants a no-redundancy guarantee.", 1),  # a denial inside a compound, as before
    ],
)
def test_negation_count(text, count):
    assert negation_count(text) == count


def test_content_words_read_curly_and_straight_apostrophes_alike():
    assert content_words("The mayor’s office didn’t reply.") == content_words("The mayor's office didn't reply.")
    assert plain_quotes("“We’re done”") == '"We\'re done"'


def test_content_words_leave_out_function_and_reporting_words():
    words = content_words("The workers said they will strike for 14 days, according to the union.")
    assert {"worker", "strike", "14", "union"} <= words
    assert not words & {"the", "said", "they", "will", "for", "according"}


# --- statements of real parses -----------------------------------------------------------------------


def _units(nlp, *articles: Article, article_event=None, duplicate_of=None):
    """The statements of ``articles`` analysed with spaCy, with no entity resolution."""
    from newsfuse.nlp.analyze import analyze_articles

    analyses = list(analyze_articles(list(articles), nlp))
    return collect_units(Corpus(articles, analyses, duplicate_of or {}), article_event or {})


@pytest.mark.slow
def test_claims_and_uncovered_figures_become_units_in_article_order(nlp):
    a = Article(
        id="a",
        text="Dockers walked out at the port of Setúbal on Monday, the union said. "
        "Ships diverted: 17 vessels in three days; losses near 4 million euros.",
        outlet="Coastline News",
        published="2025-10-14",
    )
    units = _units(nlp, a, article_event={"a": "strike"})
    assert units and all(u.article == "a" and u.block == "strike" for u in units)
    assert all(u.source == "outlet:coastline news" and u.outlet == "Coastline News" for u in units)
    assert [u.start for u in units if u.claim >= 0] == sorted(u.start for u in units if u.claim >= 0)
    for u in units:
        assert a.text[u.start : u.end] == u.text
        assert u.report_date == "2025-10-14"
    assert any("17" in u.text for u in units)  # the figures are a statement, whichever way they were found


@pytest.mark.slow
def test_a_time_stamp_states_nothing(nlp):
    a = Article(id="a", text="Wednesday, July 29, 2015 6\n\nFour people were shot outside a bar on Tuesday night.",
                outlet="A", published="2015-07-29")
    units = _units(nlp, a)
    assert units and not any("July" in u.text for u in units)
    assert any("Four" in u.text for u in units)


@pytest.mark.slow
def test_according_to_an_agency_the_statement_is_the_agencys(nlp):
    a = Article(
        id="a",
        text="Some 1,200 workers joined the strike on Tuesday, according to Reuters.",
        outlet="Iberia Post",
        published="2025-10-15",
    )
    units = _units(nlp, a)
    [unit] = [u for u in units if "1,200" in u.text]
    assert unit.source == "agency:reuters"


@pytest.mark.slow
def test_days_apart_reads_the_statements_own_date_first(nlp):
    early = Article(id="e", text="The strike began on October 14, 2025, the union said.", outlet="A", published="2025-10-20")
    late = Article(id="l", text="The strike ended, the union said.", outlet="B", published="2025-10-24")
    [u_early] = [u for u in _units(nlp, early) if u.claim >= 0][:1]
    [u_late] = [u for u in _units(nlp, late) if u.claim >= 0][:1]
    assert u_early.when == "2025-10-14" and u_late.when == "2025-10-24"
    assert days_apart(u_early, u_late) == 10


@pytest.mark.slow
def test_an_agency_named_by_its_code_is_the_source_of_its_own_dateline_copy(nlp):
    wire = Article(id="w", text="Some 1,200 workers joined the strike on Tuesday, the union said.",
                   outlet="Iberia Post", agency="Associated Press", published="2025-10-15")
    other = Article(id="o", text="Some 1,200 workers joined the strike on Tuesday, AP reported.",
                    outlet="Coastline News", published="2025-10-15")
    units = _units(nlp, wire, other)
    sources = {u.article: u.source for u in units if "1,200" in u.text}
    assert sources == {"w": "agency:associated press", "o": "agency:associated press"}
