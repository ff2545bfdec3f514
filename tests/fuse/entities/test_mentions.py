"""Mention items: keys, and spans the tagger ran on or cut short read back to known names."""

from __future__ import annotations

from newsfuse.fuse.entities import mentions as mention_items
from newsfuse.model import ArticleAnalysis, Mention


def analysis(article_id: str, text: str, tagged: list[tuple[str, str]]) -> ArticleAnalysis:
    """An analysis of ``text`` with the given (surface, label) mentions, found left to right."""
    mentions, pos = [], 0
    for surface, label in tagged:
        start = text.index(surface, pos)
        mentions.append(Mention(start, start + len(surface), surface, label, 0))
        pos = start + len(surface)
    return ArticleAnalysis(article_id, article_id, mentions=tuple(mentions))


def fixed(*docs: tuple[str, str, list[tuple[str, str]]]) -> dict[str, list[tuple[str, bool]]]:
    """Each article's items after ``fix_spans``: (cleaned form of the key, trimmed)."""
    texts = {article: text for article, text, _ in docs}
    common = mention_items.common_words(texts.values())
    per_article = [mention_items.items_of(analysis(*doc), doc[1], common) for doc in docs]
    mention_items.fix_spans(per_article, texts, common)
    return {doc[0]: [(it.key.form, it.trimmed) for it in items] for doc, items in zip(docs, per_article)}


def test_common_words_and_full_names():
    common = mention_items.common_words(["The warship sailed; a warship and the Warship Sukanya."])
    assert "warship" in common and "sukanya" not in common
    key = mention_items.items_of(analysis("a", "Warship Sukanya left.", [("Warship Sukanya", "ORG")]), None)[0].key
    assert not mention_items.full_name(key, common)


def test_a_given_name_split_at_a_nickname_takes_the_whole_name():
    text = "Vincent 'The Chin' Gigante died."
    items = mention_items.items_of(analysis("a", text, [("Vincent", "PERSON"), ("Gigante", "PERSON")]), text)
    assert [it.key.form for it in items] == ["Vincent Gigante", "Gigante"]


def test_spans_are_read_back_to_known_names():
    result = fixed(
        ("a", "Gary Hargrove said Lopez met Jaguars fans and Indianapolis Colts fans.", [
            ("Gary Hargrove", "PERSON"), ("Lopez", "PERSON"), ("Jaguars", "ORG"), ("Indianapolis Colts", "ORG"),
        ]),
        ("b", "Gary Hargrove and Carrasquillo agreed; the coroner, a coroner.", [("Gary Hargrove", "PERSON"), ("Carrasquillo", "PERSON")]),
        ("c", "Coroner Gary Hargrove said Lopez and Carrasquillo fled.", [("Coroner Gary Hargrove", "PERSON"), ("Lopez and Carrasquillo", "ORG")]),
        ("d", "Indianapolis Colts beat the Jaguars\nSunday.", [("Indianapolis", "GPE"), ("Jaguars\nSunday", "ORG")]),
    )
    assert result["c"] == [("Gary Hargrove", True), ("Lopez", True)]  # a descriptor; two names run together
    assert result["d"] == [("Indianapolis Colts", False), ("Jaguars", True)]  # cut short; across lines
    assert result["a"] == [("Gary Hargrove", False), ("Lopez", False), ("Jaguars", False), ("Indianapolis Colts", False)]
