"""Quotation marks without a parse: which marks open and close a quote, and quotes over paragraphs."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsfuse.nlp.speech.marks import quoted_passages


def _texts(text: str) -> list[str]:
    return [text[q.start : q.end] for q in quoted_passages(text)]


def test_marks_curly_straight_guillemets_and_single():
    text = '“We won,” she said. He said "no way" twice. «Bien sûr», dit-il. ‘Right,’ he said.'
    assert _texts(text) == ["We won", "no way", "Bien sûr", "Right"]


def test_apostrophes_and_inch_marks_are_not_quotes():
    text = "The leaders’ meeting in the ’90s used a 12\" pipe and Jones’ plan."
    assert _texts(text) == []


def test_mixed_straight_and_curly_marks_pair():
    text = '"It’s terrible to see,” said Laura Sundquist. “We knew him," she added.'
    assert _texts(text) == ["It’s terrible to see", "We knew him"]


def test_quote_running_over_paragraphs_is_one_quote():
    text = "She said: “First part.\n\n“Second part,” she added.\n\nNext paragraph."
    (q,) = quoted_passages(text)
    assert text[q.start : q.end] == "First part.\n\n“Second part"
    assert len(q.pieces) == 2


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list('ab .,:\n"“”«»‘’—')), max_size=80))
def test_passages_are_ordered_disjoint_and_inside_the_text(text):
    last_end = -1
    for q in quoted_passages(text):
        assert 0 <= q.open_at < q.start <= q.end <= q.close_at <= len(text)
        assert q.open_at >= last_end
        last_end = q.close_at
        for s, e in q.pieces:
            assert "\n" not in text[s:e] and text[s:e].strip()


def test_unclosed_quote_ends_with_its_paragraph():
    text = "He said: “We are ready\n\nThe next paragraph is not quoted."
    assert _texts(text) == ["We are ready"]


def test_two_apostrophes_quote_as_plain_text_feeds_write_them():
    text = "''It's nonsense,'' Mr. Trump said. ''She said 'no' to me.''\n\n''Still going'' on the ''90s'' show."
    assert _texts(text) == ["It's nonsense", "She said 'no' to me.", "Still going", "90s"]
    # A single quote closing inside: the last two of three apostrophes close the quotation.
    assert _texts("''He had me at 'independence,''' Mr. Weiner wrote.") == ["He had me at 'independence,'"]
    assert _texts("The leaders' plan and Jones' ''") == []


def test_a_straight_mark_between_spaces_closes_after_a_nested_quote():
    # `,' "`: a single mark closes the inner quote, then a straight double mark, spaced off, closes the outer.
    text = 'The court agreed. "Such favour tells \'others they are outsiders,\' " Judge Reeves wrote. "And more."'
    assert _texts(text) == ["Such favour tells 'others they are outsiders,'", "And more."]


def test_a_left_curly_mark_before_a_space_closes_the_quote():
    # A typo for the right mark: it cannot open a quote there, so it closes the one open.
    text = "“We will win here,“ said Ana Ruiz. “Then everywhere.”"
    assert _texts(text) == ["We will win here", "Then everywhere."]
