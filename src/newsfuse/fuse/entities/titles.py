"""Titles: the role and description an article gives a person or organisation it names.

Titles are read from the text around each mention, without a parse: a title ends in a role
word (the lexicon's ROLE_NOUNS) and runs back over capitalised words, organisation names and
the lexicon's TITLE_WORDS; nationalities and places in it are dropped ("Peruvian interim
leader" → "interim leader"), since they say where, not how the outlet frames the person.
Framing shows them by outlet; contradictions compare the offices they name.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from newsfuse.lexicon import ROLE_NOUNS, TITLE_WORDS
from newsfuse.model import Article, ArticleAnalysis, Entity

# Words in a title, at most ("Russian Presidential Press Secretary").
MAX_TITLE_WORDS = 5
_PLACE_OR_PEOPLE = frozenset({"NORP", "GPE", "LOC"})
_ACTOR_TYPES = frozenset({"PERSON", "ORG", "NORP"})
# Words, and every other mark on its own (a slash, a digit, a dash stops a title).
_TOKEN = re.compile(r"[A-Za-z][\w'’-]*\.?|\S")
_DETERMINERS = frozenset({"the", "a", "an", "its", "his", "her", "their", "our", "this", "that"})
# What follows a name that is the subject of a relative clause on the role before it ("the president
# Comey worked for, …", "the minister Ruiz served had …"): a verb and a stranded preposition, or a
# verb and then the outer clause's auxiliary. English syntax, not a fit.
_AUXILIARY = r"(?:had|has|have|was|were|is|are|would|will|could|did|does|do)\b"
_RELATIVE_AFTER = re.compile(
    r"^\s+[a-z]+\s+(?:(?:for|with|under|about|alongside|beside|to)\s*(?:[,.;:)]|$|" + _AUXILIARY + r")|"
    + _AUXILIARY + r")")


@dataclass(frozen=True, slots=True)
class Title:
    """A title or description one article gives one entity, where it stands in the text."""

    article: str
    entity: str
    name: str  # the entity's canonical name
    words: str  # the title as written, without determiners, nationalities and places
    start: int
    end: int
    sentence: int


def entity_titles(
    articles: Sequence[Article],
    analyses: Sequence[ArticleAnalysis],
    mention_entity: Mapping[tuple[str, int, int], str],
    entities: Sequence[Entity] = (),
    only: Collection[str] | None = None,
) -> list[Title]:
    """Every title an article gives an entity it names, before the name or in apposition; with
    ``only``, those of these entity ids alone (the articles naming none of them are not read)."""
    names = {e.id: e.name for e in entities}
    texts = {a.id: a.text for a in articles}
    out = []
    for analysis in analyses:
        text = texts.get(analysis.article_id)
        if text is None:
            continue
        if only is not None and not any(
            mention_entity.get((analysis.article_id, m.start, m.end)) in only for m in analysis.mentions
        ):
            continue
        drop = [(m.start, m.end) for m in analysis.mentions if m.label in _PLACE_OR_PEOPLE]
        persons = [(m.start, m.end) for m in analysis.mentions if m.label == "PERSON"]
        for m in analysis.mentions:
            entity = mention_entity.get((analysis.article_id, m.start, m.end))
            if entity is None or m.label not in _ACTOR_TYPES - {"NORP"} or (only is not None and entity not in only):
                continue
            for span in (_before(text, m.start, m.end, persons), _apposition_after(text, m.end),
                         _apposition_before(text, m.start)):
                if span is None:
                    continue
                words = _clean(text, span, drop)
                if words:
                    out.append(Title(analysis.article_id, entity, names.get(entity, m.text), words, span[0], span[1],
                                     m.sentence))
    return out


def _tokens(piece: str, offset: int) -> list[tuple[str, int, int]]:
    return [(t.group(0), offset + t.start(), offset + t.end()) for t in _TOKEN.finditer(piece)]


def _before(text: str, start: int, end: int, persons: list[tuple[int, int]]) -> tuple[int, int] | None:
    """A title right before a name: "Peruvian interim leader [Ana Ruiz]"; not the head of a relative
    clause whose subject the name is ("the president [Comey] worked for": another person's office)."""
    lo = max(0, start - 80)
    line_start = text.rfind("\n", lo, start) + 1
    toks = _tokens(text[max(lo, line_start) : start], max(lo, line_start))
    if not toks or text[toks[-1][2] : start].strip():
        return None
    span = _title_ending_at(toks, len(toks) - 1, persons)
    if span is None:
        return None
    first = next(k for k, t in enumerate(toks) if t[1] == span[0])
    if first > 0 and toks[first - 1][0].lower() in _DETERMINERS and _RELATIVE_AFTER.match(text[end : end + 60]):
        return None
    return span


def _apposition_before(text: str, start: int) -> tuple[int, int] | None:
    """A title set off before a name: "the country's acting president, [Ana Ruiz]"."""
    lo = max(0, start - 80)
    line_start = text.rfind("\n", lo, start) + 1
    toks = _tokens(text[max(lo, line_start) : start], max(lo, line_start))
    if len(toks) < 2 or toks[-1][0] != ",":
        return None
    return _title_ending_at(toks, len(toks) - 2, [], need_determiner=True)


def _apposition_after(text: str, end: int) -> tuple[int, int] | None:
    """A title set off after a name: "[Ana Ruiz], the interim President of Peru,"."""
    line_end = text.find("\n", end)
    hi = min(len(text), end + 80, line_end if line_end >= 0 else len(text))
    toks = _tokens(text[end:hi], end)
    if len(toks) < 3 or toks[0][0] != "," or toks[1][0].lower() not in ("the", "a", "an"):
        return None
    # The role word is the last title word before "of", a comma or the end of the aside.
    k = 2
    while k < len(toks) and k < 2 + MAX_TITLE_WORDS and toks[k][0] not in (",", "of", ";", ":", ")", "—", "–"):
        k += 1
    if k >= len(toks) or toks[k][0] not in (",", "of"):
        return None
    head = toks[k - 1][0].lower()
    if head not in ROLE_NOUNS or k - 1 < 2:
        return None
    return toks[2][1], toks[k - 1][2]


def _title_ending_at(toks, last: int, persons, need_determiner: bool = False) -> tuple[int, int] | None:
    word, s, e = toks[last]
    if word.lower() not in ROLE_NOUNS:
        return None
    first = last
    k = last - 1
    while k >= 0 and last - k < MAX_TITLE_WORDS:
        w, ws, we = toks[k]
        low = w.lower()
        if not w[0].isalpha() or low in _DETERMINERS or any(ps <= ws < pe for ps, pe in persons):
            break
        if not (w[0].isupper() or low in TITLE_WORDS or low.endswith(("'s", "’s"))):
            break
        if low.endswith(("'s", "’s")):  # "the country's acting president": the owner is not the title
            break
        first = k
        k -= 1
    if need_determiner and not (k >= 0 and toks[k][0].lower() in _DETERMINERS | {"'s", "’s"} or
                                k >= 0 and toks[k][0].lower().endswith(("'s", "’s"))):
        return None
    return toks[first][1], e


def _clean(text: str, span: tuple[int, int], drop: list[tuple[int, int]]) -> str:
    """The title's words without nationalities and places; "" when only they are left."""
    words = []
    for w, s, e in _tokens(text[span[0] : span[1]], span[0]):
        if not w[0].isalpha() or any(ds <= s < de for ds, de in drop) or w.lower() in _DETERMINERS:
            continue
        words.append(w)
    if not words or words[-1].lower() not in ROLE_NOUNS:
        return ""
    return " ".join(words)
