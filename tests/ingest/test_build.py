"""One Article from a parsed input: the order of trust for outlet and date, and the length check."""

from __future__ import annotations

import pytest

from newsfuse.errors import EmptyInput
from newsfuse.ingest.build import build_article
from newsfuse.ingest.document import Block, RawDoc

LEAD = "MOSCOW, January 28 (Reuters) — Russian President Vladimir Putin will hold talks on Wednesday with the visiting leader, the Kremlin said."
MORE = "The leader, who assumed the post on January 29, 2025, has visited Moscow before. The two men last met in October."


def doc(*lines, **meta):
    return RawDoc(blocks=tuple(Block(t) for t in lines), source="s", id_hint="h", **meta)


def test_metadata_wins_over_the_text():
    article = build_article(doc(LEAD, MORE, outlet="Meta Outlet", published="2026-01-27T22:00:00Z"), "a", 80)
    assert (article.outlet, article.outlet_basis) == ("Meta Outlet", "metadata")
    assert (article.published, article.published_basis) == ("2026-01-27", "metadata")
    assert article.dateline == "MOSCOW"


def test_dateline_agency_and_dateline_date_with_inferred_year():
    article = build_article(doc(LEAD, MORE), "a", 80)
    assert (article.outlet, article.outlet_basis) == ("Reuters", "dateline")
    assert (article.published, article.published_basis) == ("2026-01-28", "dateline")


def test_header_date_comes_before_a_yearless_dateline_date():
    article = build_article(doc("Politics January 28, 7:49", LEAD.replace(" (Reuters)", ""), MORE), "a", 80)
    assert (article.published, article.published_basis) == ("2026-01-28", "header")


def test_dateline_date_with_a_year():
    article = build_article(doc("LONDON, Jan 5, 2024 (Reuters) — Shares fell on Friday as investors weighed the outlook for interest rates, traders said."), "a", 80)
    assert (article.published, article.published_basis) == ("2024-01-05", "dateline")


def test_unsettled_date_stays_null():
    article = build_article(doc("Politics January 28, 7:49", "Talks will be held on Wednesday between the two leaders, the Kremlin said in a statement on Monday."), "a", 80)
    assert article.published is None and article.published_basis is None


def test_self_reference_then_url():
    body = "Talks will be held on Wednesday between the two leaders, the Kremlin said in a statement on Monday."
    article = build_article(doc(body, "Read “Zamin” on Telegram!", url="https://zamin.example/news/1"), "a", 80)
    assert (article.outlet, article.outlet_basis) == ("Zamin", "self-reference")
    article = build_article(doc(body, url="https://www.zamin.example/news/1"), "a", 80)
    assert (article.outlet, article.outlet_basis) == ("zamin.example", "url")
    article = build_article(doc(body), "a", 80)
    assert (article.outlet, article.outlet_basis) == (None, None)


def test_masthead_is_the_outlet_and_the_dateline_names_the_agency():
    article = build_article(doc("MARLOW GAZETTE", "Putin to hold talks with visiting leader", LEAD, MORE), "a", 80)
    assert (article.outlet, article.outlet_basis, article.agency) == ("Marlow Gazette", "masthead", "Reuters")
    assert article.title == "Putin to hold talks with visiting leader"
    # The masthead's own spelling comes from the page when the page gives one.
    article = build_article(doc("MARLOW GAZETTE", "Putin to hold talks", LEAD, MORE, "Follow Marlow Gazette on X"), "a", 80)
    assert article.outlet == "Marlow Gazette"


def test_call_to_action_before_the_agency_and_copyright_after_it():
    article = build_article(doc(LEAD, MORE, "Follow The Wexley Courier on Facebook and X"), "a", 80)
    assert (article.outlet, article.outlet_basis, article.agency) == ("The Wexley Courier", "self-reference", "Reuters")
    article = build_article(doc(LEAD, MORE, "© 2026 Wexley Media Group. All rights reserved."), "a", 80)
    assert (article.outlet, article.outlet_basis) == ("Reuters", "dateline")
    article = build_article(doc(LEAD.replace(" (Reuters)", ""), MORE, "© 2026 Wexley Media Group. All rights reserved."), "a", 80)
    assert (article.outlet, article.outlet_basis, article.agency) == ("Wexley Media Group", "self-reference", None)


def test_byline_date_with_a_year():
    body = "Talks will be held on Wednesday between the two leaders, the Kremlin said in a statement on Monday."
    lines = ("Leaders to meet on Wednesday", "By Priya Landon, Moscow correspondent | Monday 26 January 2026, 19:40", body)
    article = build_article(doc(*lines), "a", 80)
    assert (article.published, article.published_basis) == ("2026-01-26", "byline")
    assert "Priya Landon" not in article.text


def test_full_year_on_a_later_line_beats_a_yearless_header():
    body = "Talks will be held on Wednesday between the two leaders, the Kremlin said in a statement on Monday."
    lines = ("Politics | Jan 26, 09:15", "Leaders to meet on Wednesday", "By Priya Landon | 26 January 2026", body)
    assert build_article(doc(*lines), "a", 80).published == "2026-01-26"


def test_a_revision_date_alone_leaves_the_date_null():
    body = "Talks will be held on Wednesday between the two leaders, the Kremlin said in a statement on Monday."
    article = build_article(doc("Leaders to meet on Wednesday", "Updated: 27 January 2026, 10:02", body), "a", 80)
    assert article.published is None


def test_title_basis():
    assert build_article(doc(LEAD, MORE, title="Putin to hold talks"), "a", 80).title_basis == "metadata"
    assert build_article(doc("Putin to hold talks with visiting leader", LEAD, MORE), "a", 80).title_basis == "heading"
    untitled = build_article(doc(LEAD, MORE), "a", 80)
    assert (untitled.title, untitled.title_basis) == (
        "Russian President Vladimir Putin will hold talks on Wednesday with the visiting leader",
        "lead",
    )


def test_agency_named_in_the_body_is_not_the_outlet():
    article = build_article(doc("The leader made his first official visit to Moscow, TASS reported. According to Reuters, the talks covered the bases."), "a", 80)
    assert article.outlet is None


def test_text_is_paragraphs_joined_and_offsets_hold():
    article = build_article(doc(LEAD, MORE), "a", 80)
    assert article.text == LEAD + "\n\n" + MORE
    assert article.text.index("Putin") == LEAD.index("Putin")
    assert article.language == "en"


def test_too_short_after_cleaning():
    with pytest.raises(EmptyInput, match="min_text_chars is 80"):
        build_article(doc("A headline only", "Share this: Facebook | Twitter"), "a", 80)


def test_date_from_the_url_path_after_the_page_s_own_dates():
    body = "Talks will be held on Wednesday between the two leaders, the Kremlin said in a statement on Monday."
    url = "https://news.example/world/2026/01/26/talks-on-wednesday/"
    article = build_article(doc("Updated 3 hours ago", body, url=url), "a", 80)
    assert (article.published, article.published_basis) == ("2026-01-26", "url")
    article = build_article(doc("Published 25 January 2026", body, url=url), "a", 80)
    assert (article.published, article.published_basis) == ("2026-01-25", "header")


def test_relative_header_dates_nothing():
    body = "Talks were held on Wednesday between the two leaders, the Kremlin said in a statement on Oct. 12, 2025."
    article = build_article(doc("Politics", "Updated 3 hours ago", body), "a", 80)
    assert (article.published, article.published_basis) == (None, None)
    assert ("Updated 3 hours ago", "timestamp") in {(r.text, r.reason) for r in article.removed}


def test_source_in_brackets_opening_the_story_is_the_agency():
    lead = "(CNN) — Talks will be held on Wednesday between the two leaders, the Kremlin said in a statement on Monday."
    article = build_article(doc(lead), "a", 80)
    assert (article.outlet, article.outlet_basis, article.agency, article.dateline) == ("CNN", "dateline", "CNN", None)
    assert article.text[article.dateline_start : article.dateline_end] == "(CNN) —"


def test_the_dateline_span_is_kept_where_the_text_holds_it():
    standfirst = "Talks in the Kremlin: what the two leaders are expected to discuss this week."
    article = build_article(doc(standfirst, LEAD, MORE), "a", 80)
    assert article.text[article.dateline_start : article.dateline_end] == "MOSCOW, January 28 (Reuters) —"
    assert article.text[article.after_dateline(article.dateline_start) :].lstrip().startswith("Russian President")
    assert article.after_dateline(0) == 0  # the standfirst does not open with it


def test_no_dateline_no_span():
    article = build_article(doc(MORE + " " + MORE), "a", 80)
    assert (article.dateline, article.dateline_span) == (None, None)
    assert article.after_dateline(0) == 0


def test_a_dateline_agency_goes_by_its_one_canonical_name():
    lead = "WASHINGTON (AP) — The committee will vote on Thursday on the spending bill, its chairman told reporters."
    article = build_article(doc(lead, MORE, outlet="Marlow Gazette"), "a", 80)
    assert (article.outlet, article.agency) == ("Marlow Gazette", "Associated Press")


def test_an_article_past_the_length_cap_is_cut_at_a_paragraph_with_a_note():
    paragraphs = [f"Paragraph {i} says the strike at the port went on for another day, the union said." for i in range(60)]
    article = build_article(doc(*paragraphs), "a", 80, max_text_chars=1000)
    assert len(article.text) <= 1000
    assert article.text.endswith("the union said.")
    assert article.text.startswith("Paragraph 0 ")
    note = article.removed[-1]
    assert note.reason.startswith("article cut: ") and "max_article_chars (1,000)" in note.reason
    assert note.text.startswith(paragraphs[len(article.text.split("\n\n"))])


def test_one_paragraph_past_the_cap_is_cut_at_a_space():
    article = build_article(doc("The strike went on. " * 200), "a", 80, max_text_chars=1000)
    assert len(article.text) <= 1000 and article.text.endswith(".")
    assert article.removed[-1].reason.startswith("article cut: ")
