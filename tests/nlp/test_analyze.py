"""The per-article analysis of texts longer than spaCy parses at once."""

from __future__ import annotations

import pytest

from newsfuse.model import Article
from newsfuse.nlp.analyze import analyze_article, split_for_parsing

_PARAGRAPH = (
    "Dock workers at the port of Setúbal walked out on Monday, said union leader Ana Costa. "
    "The strike halted {n} cranes and left {m} ships waiting off the terminal, the port authority said."
)


def _long_text(paragraphs: int) -> str:
    return "\n\n".join(_PARAGRAPH.format(n=i, m=i % 7 + 2) for i in range(paragraphs))


def test_pieces_join_back_to_the_text_and_end_at_paragraph_breaks():
    text = _long_text(40)
    pieces = split_for_parsing(text, 1000)
    assert "".join(pieces) == text
    assert all(len(p) <= 1000 for p in pieces)
    assert all(p.endswith("\n\n") for p in pieces[:-1])
    assert len(pieces) > 1


def test_a_paragraph_longer_than_a_piece_is_cut_at_a_sentence_then_a_space_then_anywhere():
    sentences = "One two three. " * 100
    assert all(p.endswith(". ") for p in split_for_parsing(sentences, 100)[:-1])
    words = "word " * 100
    assert all(p.endswith(" ") for p in split_for_parsing(words, 64)[:-1])
    solid = "x" * 250
    assert split_for_parsing(solid, 100) == ["x" * 100, "x" * 100, "x" * 50]


def test_a_short_text_is_one_piece():
    assert split_for_parsing("A short report.", 1000) == ["A short report."]


@pytest.mark.slow
def test_a_text_over_the_parsers_limit_is_analysed_in_pieces_with_offsets_into_the_whole(nlp):
    text = _long_text(120)
    limit = nlp.max_length
    nlp.max_length = len(text) // 4  # spaCy's own guard (E088), at a size a test can afford
    try:
        analysis = analyze_article(Article(id="long", text=text), nlp)
    finally:
        nlp.max_length = limit
    assert len(analysis.sentences) == 240
    assert all(text[s.start : s.end].startswith(("Dock workers", "The strike")) for s in analysis.sentences)
    last = analysis.sentences[-1]
    assert text[last.start : last.end].startswith("The strike halted 119 cranes")
    assert {m.text for m in analysis.mentions if m.start > len(text) // 2} >= {"Setúbal", "Ana Costa"}
    assert all(text[m.start : m.end] == m.text for m in analysis.mentions)
    assert any(c.numbers and c.numbers[0].text == "119" for c in analysis.claims)
