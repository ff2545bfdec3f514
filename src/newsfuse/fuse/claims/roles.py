"""Role and relation conflicts: reports of one event giving one person two offices, or two family ranks.

Family ranks that exclude each other: "his older sister, Ana" / "Ana, his younger sister".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from newsfuse.fuse.claims import slots as claim_slots
from newsfuse.fuse.claims.align import MAX_DAYS_APART, ClaimAligner
from newsfuse.fuse.claims.units import ClaimUnit
from newsfuse.fuse.entities.titles import Title, entity_titles
from newsfuse.lexicon import OFFICE_STATUS_WORDS, OFFICES
from newsfuse.model import Article, ArticleAnalysis
from newsfuse.nlp.speech.marks import in_ranges, quote_ranges, quoted_passages

# Kin nouns and the rank words that order a person among siblings or children. "older" and
# "younger" of one kin noun exclude each other, as do "eldest" and "youngest". English usage.
KIN_NOUNS = ("sister", "brother", "son", "daughter", "sibling", "child", "half-sister", "half-brother")
RANKS = {"older": "older", "elder": "older", "big": "older", "younger": "younger", "little": "younger",
         "baby": "younger", "eldest": "eldest", "oldest": "eldest", "youngest": "youngest"}
EXCLUSIVE_RANKS = frozenset({frozenset({"older", "younger"}), frozenset({"eldest", "youngest"})})
_OWNER = r"(?P<owner>his|her|their|the|[A-Z][\w'’-]*['’]s?)"
_KIN = rf"(?P<rank>{'|'.join(RANKS)})\s+(?P<kin>{'|'.join(KIN_NOUNS)})"
# "his older sister, [Ana]" / "her younger brother [Tom]" right before the name ...
_KIN_BEFORE = re.compile(rf"\b{_OWNER}\s+{_KIN}\s*,?\s*$", re.I)
# ... or "[Ana], his older sister" in apposition after it.
_KIN_AFTER = re.compile(rf"^\s*,\s*{_OWNER}\s+{_KIN}\b", re.I)

_CAPACITY = re.compile(r"\bas\s+(?:a|an|the)?\s*$", re.I)


@dataclass(frozen=True, slots=True)
class RoleConflict:
    """Two offices, or two family ranks, given one entity: each side (claim id, statement, title,
    title), and the line saying so."""

    entity: str
    sides: tuple[tuple[str, ClaimUnit, str, str], tuple[str, ClaimUnit, str, str]]
    explanation: str


def role_conflicts(aligner: ClaimAligner, articles: Sequence[Article], analyses: Sequence[ArticleAnalysis],
                   mention_entity: Mapping[tuple[str, int, int], str]) -> list[RoleConflict]:
    """Two reports of one event giving one person two different offices (months apart, offices change).
    A title inside a quotation is the speaker's word, maybe of another time ("As president, Senator
    Obama will fight ..."), not the report's, and one held "as" a capacity ("as governor of
    Virginia, he signed") may be of another time: both left out."""
    texts = {a.id: a.text for a in articles}
    quoted: dict[str, list[tuple[int, int]]] = {}

    def in_quote(t: Title) -> bool:
        if t.article not in quoted:
            quoted[t.article] = quote_ranges(quoted_passages(texts.get(t.article, "")))
        return in_ranges(quoted[t.article], t.start)

    # "as governor of Virginia, he signed": a capacity at some time, not the person's office now
    titles = [(t, office) for t in entity_titles(articles, analyses, mention_entity)
              if (office := office_of(t.words)) is not None and not in_quote(t)
              and not _CAPACITY.search(texts.get(t.article, "")[max(0, t.start - 12) : t.start])]
    return _conflicts(aligner, titles, lambda a, b: not _same_office(a, b), "role", MAX_DAYS_APART)


def relation_conflicts(aligner: ClaimAligner, articles: Sequence[Article], analyses: Sequence[ArticleAnalysis],
                       mention_entity: Mapping[tuple[str, int, int], str]) -> list[RoleConflict]:
    """Two reports of one event giving one person family ranks that exclude each other ("older
    sister" / "younger sister", "eldest son" / "youngest son"): the same kin noun and the same
    owner ("Ana's older sister" / "Rui's younger sister" may both be right)."""
    return _conflicts(aligner, kin_titles(articles, analyses, mention_entity), _ranks_exclude, "relation", None)


def kin_titles(articles: Sequence[Article], analyses: Sequence[ArticleAnalysis],
               mention_entity: Mapping[tuple[str, int, int], str]) -> list[tuple[Title, str]]:
    """Each family rank an article gives a person it names, as (title, "owner rank kin")."""
    texts = {a.id: a.text for a in articles}
    out = []
    for analysis in analyses:
        text = texts.get(analysis.article_id, "")
        for m in analysis.mentions:
            entity = mention_entity.get((analysis.article_id, m.start, m.end))
            if entity is None or m.label != "PERSON":
                continue
            before = _KIN_BEFORE.search(text[max(0, m.start - 60) : m.start])
            after = _KIN_AFTER.match(text[m.end : m.end + 60])
            for found, offset in ((before, max(0, m.start - 60)), (after, m.end)):
                if found is None:
                    continue
                owner = re.sub(r"['’]s?$", "", found.group("owner").lower())
                owner = "" if owner in ("his", "her", "their", "the") else owner  # a pronoun: the subject
                value = f"{owner} {RANKS[found.group('rank').lower()]} {found.group('kin').lower()}".strip()
                words = text[offset + found.start("owner") : offset + found.end("kin")]
                out.append((Title(analysis.article_id, entity, m.text, words, offset + found.start(),
                                  offset + found.end(), m.sentence), value))
    return out


def _ranks_exclude(a: str, b: str) -> bool:
    """"older sister" / "younger sister" of one owner (the same name, or a pronoun both sides): two
    ranks that cannot both hold. A pronoun against a name may be of two people: no conflict."""
    *owner_a, rank_a, kin_a = a.split()
    *owner_b, rank_b, kin_b = b.split()
    if kin_a != kin_b or owner_a != owner_b:
        return False
    return frozenset({rank_a, rank_b}) in EXCLUSIVE_RANKS


def _conflicts(aligner: ClaimAligner, described: Sequence[tuple[Title, str]], clash: Callable[[str, str], bool],
               kind: str, max_days: int | None) -> list[RoleConflict]:
    """Pairs of descriptions of one entity, in reports of one event from two sources, that ``clash``."""
    units = aligner.units_
    by_article: dict[str, list[int]] = {}
    for i, u in enumerate(units):
        by_article.setdefault(u.article, []).append(i)
    block = {u.article: u.block for u in units}
    source = {u.article: u.source for u in units}
    day = {u.article: u.report_date for u in units}
    seen_by: dict[tuple[str, str], list[tuple[Title, str]]] = {}
    for t, value in described:
        if t.article in block:
            seen_by.setdefault((block[t.article], t.entity), []).append((t, value))
    out = []
    for seen in seen_by.values():
        for k, (t1, o1) in enumerate(seen):
            for t2, o2 in seen[k + 1 :]:
                if not clash(o1, o2) or source[t1.article] == source[t2.article]:
                    continue
                gap = claim_slots.days_between(day[t1.article], day[t2.article])
                if max_days is not None and (gap is None or gap > max_days):
                    continue  # offices change: months apart, or undated, two titles can both be right
                side1, side2 = _unit_at(units, by_article, t1), _unit_at(units, by_article, t2)
                if side1 is None or side2 is None:
                    continue
                sides = ((aligner.group_[side1], units[side1], t1.words, t1.words),
                         (aligner.group_[side2], units[side2], t2.words, t2.words))
                out.append(RoleConflict(
                    entity=t1.entity, sides=sides,
                    explanation=(f"{kind}: {units[side1].outlet} calls {t1.name} \"{t1.words}\", "
                                 f"{units[side2].outlet} \"{t2.words}\""),
                ))
                break
    return out


def office_of(title: str) -> str | None:
    """The office a title names, without how it is held ("Spanish Foreign Minister" → "foreign
    minister", "interim President" → "president"), or None when it names no single office."""
    words = [w for w in title.lower().replace("-", " ").split() if w not in OFFICE_STATUS_WORDS]
    for n in range(len(words)):
        phrase = " ".join(words[n:])
        if phrase in OFFICES:
            # A qualifier before a bare office ("Foreign Minister") makes it a different office.
            if n > 0 and phrase in ("minister", "secretary", "director", "commissioner"):
                return f"{words[n - 1]} {phrase}"
            return phrase
    return None


def _same_office(a: str, b: str) -> bool:
    """One office however spelled ("labour minister" / "labor minister")."""
    from difflib import SequenceMatcher

    return a == b or (a.split()[-1] == b.split()[-1] and SequenceMatcher(None, a, b).ratio() >= 0.85)


def _unit_at(units: Sequence[ClaimUnit], by_article: Mapping[str, list[int]], title: Title) -> int | None:
    """The statement holding a title, or the nearest one of its sentence."""
    best = None
    for i in by_article.get(title.article, ()):
        u = units[i]
        if u.start <= title.start < u.end:
            return i
        if u.sentence == title.sentence and best is None:
            best = i
    return best
