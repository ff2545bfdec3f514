"""Role conflicts: reports of one event giving one person two different offices."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from newsfuse.fuse.claims import slots as claim_slots
from newsfuse.fuse.claims.align import MAX_DAYS_APART, ClaimAligner
from newsfuse.fuse.claims.units import ClaimUnit
from newsfuse.fuse.entities.titles import Title, entity_titles
from newsfuse.lexicon import OFFICE_STATUS_WORDS, OFFICES
from newsfuse.model import Article, ArticleAnalysis

@dataclass(frozen=True, slots=True)
class RoleConflict:
    """Two offices given one entity: each side (claim id, statement, title, title), and the line saying so."""

    entity: str
    sides: tuple[tuple[str, ClaimUnit, str, str], tuple[str, ClaimUnit, str, str]]
    explanation: str


def role_conflicts(aligner: ClaimAligner, articles: Sequence[Article], analyses: Sequence[ArticleAnalysis],
                   mention_entity: Mapping[tuple[str, int, int], str]) -> list[RoleConflict]:
    """Two reports of one event giving one person two different offices."""
    units = aligner.units_
    by_article: dict[str, list[int]] = {}
    for i, u in enumerate(units):
        by_article.setdefault(u.article, []).append(i)
    block = {u.article: u.block for u in units}
    source = {u.article: u.source for u in units}
    day = {u.article: u.report_date for u in units}
    titles = entity_titles(articles, analyses, mention_entity)
    offices: dict[tuple[str, str], list[tuple[Title, str]]] = {}
    for t in titles:
        office = office_of(t.words)
        if office is not None and t.article in block:
            offices.setdefault((block[t.article], t.entity), []).append((t, office))
    out = []
    for (event, _entity), seen in offices.items():
        for k, (t1, o1) in enumerate(seen):
            for t2, o2 in seen[k + 1 :]:
                if _same_office(o1, o2) or source[t1.article] == source[t2.article]:
                    continue
                gap = claim_slots.days_between(day[t1.article], day[t2.article])
                if gap is not None and gap > MAX_DAYS_APART:
                    continue  # offices change: months apart, two titles can both be right
                side1, side2 = _unit_at(units, by_article, t1), _unit_at(units, by_article, t2)
                if side1 is None or side2 is None:
                    continue
                sides = ((aligner.group_[side1], units[side1], t1.words, t1.words),
                         (aligner.group_[side2], units[side2], t2.words, t2.words))
                out.append(RoleConflict(
                    entity=t1.entity, sides=sides,
                    explanation=(f"role: {units[side1].outlet} calls {t1.name} \"{t1.words}\", "
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
