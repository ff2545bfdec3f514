"""The corpus the cross-document steps fit on: articles, their analyses, copies, sources and entities."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from newsfuse.model import Article, ArticleAnalysis, Entity

_NON_WORD = re.compile(r"[^a-z0-9]+")
_LEADING_THE = re.compile(r"^the\s+")


@dataclass(frozen=True, slots=True)
class Corpus:
    """Everything one fusion run knows about its articles, grown step by step.

    ``articles`` and ``analyses`` keep their given order (the estimators visit them in it);
    ``duplicate_of`` maps a copy's id to its original's (from ``Deduplicator``); ``entities``
    and ``mention_entity`` (``(article id, start, end)`` → entity id) come from
    ``EntityCanonicalizer``. A step that learns one of these returns it, and the pipeline
    extends the corpus with ``with_copies`` / ``with_entities``; the corpus itself never changes.
    """

    articles: tuple[Article, ...] = ()
    analyses: tuple[ArticleAnalysis, ...] = ()
    duplicate_of: Mapping[str, str] = field(default_factory=dict)
    entities: tuple[Entity, ...] = ()
    mention_entity: Mapping[tuple[str, int, int], str] = field(default_factory=dict)
    _article_by_id: dict[str, Article] = field(init=False, repr=False, compare=False)
    _analysis_by_id: dict[str, ArticleAnalysis] = field(init=False, repr=False, compare=False)
    _agencies: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Frozen: the derived lookups are set once, here, and the inputs copied so no caller can
        # change the corpus under an estimator.
        object.__setattr__(self, "articles", tuple(self.articles))
        object.__setattr__(self, "analyses", tuple(self.analyses))
        object.__setattr__(self, "entities", tuple(self.entities))
        object.__setattr__(self, "duplicate_of", dict(self.duplicate_of))
        if type(self.mention_entity) is not _Held:  # a part or a grown corpus shares its corpus' own copy
            object.__setattr__(self, "mention_entity", _Held(self.mention_entity))
        by_id: dict[str, Article] = {}
        for article in self.articles:
            by_id.setdefault(article.id, article)
        object.__setattr__(self, "_article_by_id", by_id)
        object.__setattr__(self, "_analysis_by_id", {a.article_id: a for a in self.analyses})
        object.__setattr__(self, "_agencies", frozenset(source_key(a.agency) for a in self.articles if a.agency))

    # -- growing it --------------------------------------------------------------------------

    def with_copies(self, duplicate_of: Mapping[str, str]) -> Corpus:
        """This corpus with ``duplicate_of`` (copy id → original id) known."""
        return dataclasses.replace(self, duplicate_of=duplicate_of)

    def with_entities(self, entities: Iterable[Entity], mention_entity: Mapping[tuple[str, int, int], str]) -> Corpus:
        """This corpus with its canonical entities and the entity of each mention known."""
        return dataclasses.replace(self, entities=tuple(entities), mention_entity=mention_entity)

    def part(self, ids: Iterable[str]) -> Corpus:
        """The part of this corpus holding the articles ``ids``, with the copies among them (the
        entity table and the mention → entity map stay whole: a step looks up its own articles'
        mentions only, and a part of a large store costs no pass over every stored mention)."""
        ids = set(ids)
        return Corpus(
            [a for a in self.articles if a.id in ids],
            [a for a in self.analyses if a.article_id in ids],
            duplicate_of={a: o for a, o in self.duplicate_of.items() if a in ids and o in ids},
            entities=self.entities,
            mention_entity=self.mention_entity,
        )

    # -- asking it ---------------------------------------------------------------------------

    def article(self, article_id: str) -> Article | None:
        """The article with ``article_id`` (the first one, should an id repeat), or None."""
        return self._article_by_id.get(article_id)

    def analysis(self, article_id: str) -> ArticleAnalysis | None:
        """The analysis of the article ``article_id``, or None when it was not analysed."""
        return self._analysis_by_id.get(article_id)

    @property
    def analysis_by_id(self) -> Mapping[str, ArticleAnalysis]:
        """Each analysis by the id of its article."""
        return self._analysis_by_id

    def original(self, article_id: str) -> str:
        """The id of the report ``article_id`` copies, or its own id when it is no copy."""
        return self.duplicate_of.get(article_id, article_id)

    def is_copy(self, article_id: str) -> bool:
        """Whether ``article_id`` is a near-duplicate of another article of the corpus."""
        return article_id in self.duplicate_of

    def source(self, article_id: str) -> str:
        """The independent source of an article: the one definition every count of support uses.

        A copy follows its original; then an agency's copy is that agency ("agency:reuters"), any
        other article its outlet ("outlet:tass"), and an article of unknown outlet stands alone
        ("article:<id>"). Two reports from one agency, or one outlet, are one source; an outlet that
        is some article's agency is that agency (the agency's own article and its copy elsewhere
        count once; ingest gives both one canonical name).
        """
        article = self._article_by_id.get(article_id)
        seen: set[str] = set()
        while article is not None and article.id in self.duplicate_of and article.id not in seen:
            seen.add(article.id)
            original = self._article_by_id.get(self.duplicate_of[article.id])
            if original is None:
                break
            article = original
        if article is None:
            return "article:" + article_id
        if article.agency:
            return "agency:" + source_key(article.agency)
        if article.outlet:
            key = source_key(article.outlet)
            return ("agency:" if key in self._agencies else "outlet:") + key
        return "article:" + article.id

    def sources(self, article_ids: Iterable[str]) -> set[str]:
        """The independent sources of ``article_ids`` (see ``source``)."""
        return {self.source(a) for a in article_ids}


class _Held(dict):
    """The mention → entity map a corpus copied for itself, which its parts share."""

    __slots__ = ()


def source_key(name: str) -> str:
    """A name as a source key: lower case, without a leading "the", words joined by single spaces
    ("The Daily-Post" → "daily post")."""
    return _NON_WORD.sub(" ", _LEADING_THE.sub("", name.lower().strip())).strip()

