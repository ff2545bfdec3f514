"""Tests for titles: the words before a name or in apposition that an article gives an entity."""

from __future__ import annotations

from newsfuse.fuse.entities.titles import entity_titles
from newsfuse.model import Article, ArticleAnalysis, Mention


def article_with(article_id: str, text: str, names: dict[str, str], outlet: str | None = None):
    """An article and an analysis naming each key of ``names`` with its label, and the entity map."""
    mentions, mention_entity = [], {}
    for name, label in names.items():
        start = text.index(name)
        mentions.append(Mention(start, start + len(name), name, label, 0))
        if label != "NORP":
            mention_entity[(article_id, start, start + len(name))] = "sharaa" if "Sharaa" in name else name.lower()
    return Article(article_id, text, outlet=outlet), ArticleAnalysis(article_id, "", mentions=tuple(mentions)), mention_entity


def titles_of(text: str, names: dict[str, str]) -> list[str]:
    article, analysis, mention_entity = article_with("a", text, names)
    return [t.words for t in entity_titles([article], [analysis], mention_entity) if t.entity == "sharaa"]


def test_title_before_the_name_without_the_nationality():
    assert titles_of("Putin will meet Syrian interim leader Ahmed al-Sharaa on Wednesday.",
                     {"Syrian": "NORP", "Ahmed al-Sharaa": "PERSON"}) == ["interim leader"]


def test_titles_in_apposition():
    assert titles_of("Ahmad al-Sharaa, the interim President of Syria, made his second visit.",
                     {"Ahmad al-Sharaa": "PERSON", "Syria": "GPE"}) == ["interim President"]
    assert titles_of("The country's acting president, Ahmad al-Sharaa, made his first visit.",
                     {"Ahmad al-Sharaa": "PERSON"}) == ["acting president"]


def test_words_that_are_not_titles_are_left_out():
    assert titles_of("Putin congratulated Ahmed al-Sharaa on the progress.", {"Ahmed al-Sharaa": "PERSON"}) == []
    assert titles_of("MOSCOW, January 28. /TASS/. President Ahmed al-Sharaa arrived.",
                     {"Ahmed al-Sharaa": "PERSON"}) == ["President"]


def test_the_role_a_relative_clause_hangs_on_is_another_persons_office():
    assert titles_of("He said the president Ahmed al-Sharaa worked for, a general, had fled.",
                     {"Ahmed al-Sharaa": "PERSON"}) == []
    assert titles_of("He praised the minister Ahmed al-Sharaa served had praised him.",
                     {"Ahmed al-Sharaa": "PERSON"}) == []
    assert titles_of("The interim president Ahmed al-Sharaa said the talks had failed.",
                     {"Ahmed al-Sharaa": "PERSON"}) == ["interim president"]
