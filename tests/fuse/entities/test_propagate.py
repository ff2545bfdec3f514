"""Finding untagged occurrences of known names."""

from __future__ import annotations

from newsfuse.fuse.entities.propagate import find_mentions, name_index


def _find(texts, tagged, people=(), taken=None):
    lookup, tags, present = name_index(tagged, people)
    return {(f.article, f.text, f.owner) for f in find_mentions(texts, lookup, tags, present, taken or {})}


def test_names_found_where_untagged():
    texts = {"a": "The Colts won. Colts fans cheered.", "b": "Later the Colts lost to San Diego Chargers fans."}
    tagged = [[("a", "Colts", "ORG"), ("a", "Colts", "ORG")], [("x", "San Diego Chargers", "ORG")]]
    found = _find(texts, tagged, taken={"a": [(4, 9), (15, 20)]})
    assert found == {("b", "Colts", 0), ("b", "San Diego Chargers", 1)}


def test_common_words_and_sentence_starts_are_guarded():
    texts = {"a": "Good luck to Luck today.", "b": "Luck said yes.", "c": "They thanked Luck."}
    tagged = [[("x", "Luck", "PERSON"), ("y", "Luck", "PERSON")]]
    assert _find(texts, tagged) == {("c", "Luck", 0)}


def test_one_tag_is_not_enough_elsewhere_but_is_at_home():
    texts = {"a": "Then Vance left; Vance returned.", "b": "Reporters asked Vance."}
    tagged = [[("a", "Vance", "PERSON")]]
    found = _find(texts, tagged, taken={"a": [(5, 10)]})
    assert found == {("a", "Vance", 0)}


def test_ambiguous_names_only_where_one_owner_is_present():
    texts = {"a": "Williams spoke to Williams.", "b": "Then Williams left."}
    tagged = [[("a", "Williams", "PERSON"), ("z", "Williams", "PERSON")], [("q", "Williams", "PERSON"), ("r", "Williams", "PERSON")]]
    found = _find(texts, tagged, taken={"a": [(0, 8)]})
    assert found == {("a", "Williams", 0)}


def test_surnames_are_looked_up_only_at_home():
    texts = {"a": "Jermayne Timmons was charged. Police said Timmons fired.", "b": "Officers said Timmons ran."}
    tagged = [[("a", "Jermayne Timmons", "PERSON")]]
    found = _find(texts, tagged, people=[["Jermayne Timmons"]], taken={"a": [(0, 16)]})
    assert found == {("a", "Timmons", 0)}


def test_capitalised_headlines_and_nationalities():
    texts = {"a": "BIG WIN FOR COLTS\nSyrian forces moved."}
    tagged = [[("x", "Colts", "ORG"), ("y", "Colts", "ORG")], [("x", "Syrian", "NORP"), ("y", "Syrian", "NORP")]]
    assert _find(texts, tagged) == {("a", "COLTS", 0)}
    # A sentence start the article never named them in: taken only if the corpus never writes "colts".
    assert _find({"b": "COLTS WIN"}, tagged) == {("b", "COLTS", 0)}
    assert _find({"b": "COLTS WIN", "c": "Two colts were sold."}, tagged) == set()


def test_a_sentence_start_needs_a_name_never_written_in_lower_case():
    tagged = [[("x", "Chargers", "ORG"), ("y", "Chargers", "ORG")], [("x", "Luck", "PERSON"), ("y", "Luck", "PERSON")]]
    texts = {"a": "Chargers receiver Vincent Jackson was held.", "b": "Luck said yes.", "c": "They had good luck."}
    assert _find(texts, tagged) == {("a", "Chargers", 0)}
