"""Unicode, spacing and dash normalisation of input text."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from newsfuse.ingest.normalize import collapse_spaces, normalize_text


def test_line_ends_become_newlines():
    assert normalize_text("one\r\ntwo\rthree\n") == "one\ntwo\nthree\n"


def test_odd_spaces_become_plain_spaces_and_runs_collapse():
    assert normalize_text("a\u00a0b\u2009c\u202fd\u3000e  \t f") == "a b c d e f"


def test_invisible_characters_are_removed_but_joiners_kept():
    assert normalize_text("zero\u200bwidth\u00adsoft\ufeffbom") == "zerowidthsoftbom"
    persian = "می\u200cخواهم"  # ZWNJ is part of the spelling
    assert normalize_text(persian) == persian


def test_curly_quotes_are_kept():
    text = "“Special relations,” he said, ‘really’."
    assert normalize_text(text) == text


def test_nfc():
    decomposed = "Sete\u0301bal"  # e + combining acute
    assert normalize_text(decomposed) == unicodedata.normalize("NFC", decomposed)
    assert len(normalize_text(decomposed)) == 7


def test_dashes_between_words_become_em_dashes():
    assert normalize_text("MOSCOW - Syrian President") == "MOSCOW — Syrian President"
    assert normalize_text("heavy snow – the second closure") == "heavy snow — the second closure"
    assert normalize_text("the suspect -- a nurse -- was") == "the suspect — a nurse — was"
    assert normalize_text("slaying--anti-abortion") == "slaying—anti-abortion"
    assert normalize_text("WASHINGTON _ The economy") == "WASHINGTON — The economy"
    assert normalize_text("quote \u2015 dash") == "quote — dash"


def test_ranges_hyphens_and_list_markers_stay():
    assert normalize_text("pages 10–12 and a well-known 3-2 win") == "pages 10–12 and a well-known 3-2 win"
    assert normalize_text("- first item\n- second item") == "- first item\n- second item"
    assert normalize_text("non\u2011breaking and minus \u22125") == "non-breaking and minus -5"


def test_collapse_spaces_joins_lines():
    assert collapse_spaces("  a\nb   c \n") == "a b c"


@given(st.text())
def test_normalisation_is_idempotent(text):
    once = normalize_text(text)
    assert normalize_text(once) == once


@given(st.text())
def test_normalised_text_has_no_odd_spaces_or_carriage_returns(text):
    out = normalize_text(text)
    assert "\r" not in out
    assert not any(c in out for c in "\u00a0\u2009\u200b\ufeff\t")
