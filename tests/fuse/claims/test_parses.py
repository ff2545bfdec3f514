"""Tests for statement parses: batched and memoised, the entity types only when a caller needs them."""

from __future__ import annotations

import pytest

from newsfuse.fuse.claims import parses


@pytest.mark.slow
def test_statement_parses_without_entities_until_a_caller_needs_them():
    from types import SimpleNamespace

    from newsfuse.nlp.models import load_nlp

    text = "Police in Chicago said 12 people were shot on Sunday night, and the mayor did not rule out a curfew."
    units = [SimpleNamespace(article="a", start=0, end=len(text) - 1)]  # statement_parses reads where a statement is
    whole = load_nlp()(text[:-1])
    parses._parsed.clear()
    lean = parses.statement_parses(units, {"a": text}, entities=False)[("a", 0, len(text) - 1)]
    assert not lean.has_annotation("ENT_IOB")
    fields = lambda doc: [(t.text, t.tag_, t.pos_, t.dep_, t.head.i, t.lemma_) for t in doc]
    assert fields(lean) == fields(whole)  # heads, tags and lemmas do not wait for the entities
    full = parses.statement_parses(units, {"a": text})[("a", 0, len(text) - 1)]
    assert full is lean  # the memo's parse, completed in place
    assert [(t.ent_iob_, t.ent_type_) for t in full] == [(t.ent_iob_, t.ent_type_) for t in whole]
    assert {e.label_ for e in full.ents} >= {"GPE", "CARDINAL"}


@pytest.mark.slow
def test_a_curly_apostrophe_is_parsed_as_a_possessive():
    from types import SimpleNamespace

    text = "Charles’ 226 yards rushing was good for the third most in franchise history."
    units = [SimpleNamespace(article="a", start=0, end=len(text))]
    doc = parses.statement_parses(units, {"a": text}, entities=False)[("a", 0, len(text))]
    assert doc.text == text.replace("’", "'") and len(doc.text) == len(text)  # offsets hold
    assert [t.dep_ for t in doc if t.text == "Charles"] == ["poss"]
