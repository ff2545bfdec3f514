"""How two articles compare: the pair features of the link model and the cannot-links, over vectors of their profiles."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

import numpy as np
from scipy import sparse

from newsfuse.fuse.events.profile import Profile

# Reports of one event mostly appear within days of each other (GVC train: 77% of
# same-event pairs within NEAR_DAYS). A report more than FAR_APART_DAYS later is about
# another event unless it recalls the first one's day ("the shooting on Jan. 16"):
# recurring events of the same people (two strikes, two visits) must stay apart.
NEAR_DAYS = 3
FAR_APART_DAYS = 31

# An undated article whose every named year lies more than OLDER_NEWS_YEARS before (or after)
# a dated article's year is probably older (newer) news of the same kind: ECB+ `ecb` pages have
# no date, and one boxing or quake report naming only 2001 and 2005 is not the 2012 one. On ECB+
# train candidate pairs at 1 it fires on 3% of same-event pairs and 16% of others (21% of the
# wrong links the model scored >= 0.7), 2026-11-22.
OLDER_NEWS_YEARS = 1

# A person both texts name in full is strong evidence of one incident when few reports name
# them (the victim or suspect of one shooting, named again in the arrest, the charge, the
# trial), weak when many do (a police spokesman, a mayor, a celebrity of a whole topic).
# `same_person` is NAME_SPECIFIC_REPORTS / (reports naming the person in full), at most 1:
# 1 for a name two reports give, 0.2 for one ten give. Set by hand; the link model weighs it.
# A person both texts quote is left out: a source one outlet quotes on several events of a
# story (an analyst, a spokesman) says nothing about which event (docs/quality.md, 2026-12-07).
NAME_SPECIFIC_REPORTS = 2

# Names of the pair features, in the order of the columns of :func:`pair_features`.
PAIR_FEATURES = (
    "body",  # TF-IDF cosine of all content lemmas
    "lead",  # TF-IDF cosine of the title and lead
    "embedding",  # cosine of the sentence embeddings of title and lead
    "who",  # TF-IDF cosine of participants, lead mentions weighted up
    "where",  # TF-IDF cosine of places
    "figures",  # TF-IDF cosine of the numbers given
    "near",  # 1 when both articles are dated and at most NEAR_DAYS apart
    "far_apart",  # 1 when more than FAR_APART_DAYS apart and neither recalls the other's day
    "year_clash",  # 1 when both name their own years and share none
    "people_clash",  # 1 when both leads name people and neither's appear in the other
    "place_clash",  # the same for places
    "count_clash",  # 1 when both leads count one thing differently and neither text gives the other's count
    "older_news",  # 1 when one is undated and every year it names is OLDER_NEWS_YEARS off the other's year
    "weekday_clash",  # 1 when both leads name weekdays and share none, and not both articles are dated
    "same_person",  # how specific the rarest person both name in full (and not both quote) is: NAME_SPECIFIC_REPORTS
)


@dataclass(slots=True)
class Vectors:
    """Row-aligned vectors of a corpus of profiles, ready for pair features."""

    body: sparse.csr_matrix
    lead: sparse.csr_matrix
    terms: np.ndarray  # the words of the body/lead columns
    who: sparse.csr_matrix
    where: sparse.csr_matrix
    figures: sparse.csr_matrix
    embedding: np.ndarray | None
    anchor: np.ndarray  # day ordinal, or NaN
    event_day: np.ndarray
    years: list[frozenset[int]]
    mentioned: list[tuple[float, ...]]  # day ordinals of every full date each text gives
    named: list[tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]]
    # per row: kind → (counts of its own event, counts it places in the past)
    ordinals: list[dict[str, tuple[frozenset[int], frozenset[int]]]] = field(default_factory=list)
    counts: list[tuple[dict[str, frozenset[int]], dict[str, frozenset[int]]]] = field(default_factory=list)
    named_years: list[frozenset[int]] = field(default_factory=list)
    weekdays: list[frozenset[int]] = field(default_factory=list)
    full_names: list[frozenset[str]] = field(default_factory=list)
    quoted: list[frozenset[str]] = field(default_factory=list)
    name_reports: dict[str, int] = field(default_factory=dict)  # person key → reports of the corpus naming them in full

    def rows(self, keep: Sequence[int]) -> Vectors:
        """These vectors for the profile rows ``keep`` only, in that order (the spaces unchanged)."""
        keep = list(keep)

        def pick(values: list) -> list:
            return [values[k] for k in keep] if values else values

        return Vectors(
            body=self.body[keep], lead=self.lead[keep], terms=self.terms, who=self.who[keep],
            where=self.where[keep], figures=self.figures[keep],
            embedding=None if self.embedding is None else self.embedding[keep],
            anchor=self.anchor[keep], event_day=self.event_day[keep], years=pick(self.years),
            mentioned=pick(self.mentioned), named=pick(self.named), ordinals=pick(self.ordinals),
            counts=pick(self.counts), named_years=pick(self.named_years), weekdays=pick(self.weekdays),
            full_names=pick(self.full_names), quoted=pick(self.quoted), name_reports=self.name_reports,
        )


def vectorize(profiles: Sequence[Profile], embeddings: np.ndarray | None) -> Vectors:
    """TF-IDF spaces fitted on the corpus itself: a word's weight depends on what else came in."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    def space() -> TfidfVectorizer:
        return TfidfVectorizer(token_pattern=r"\S+", lowercase=False, sublinear_tf=True, dtype=np.float32)

    def tfidf(docs: list[str]) -> sparse.csr_matrix:
        if not any(d.strip() for d in docs):
            return sparse.csr_matrix((len(docs), 1), dtype=np.float32)
        return space().fit_transform(docs).tocsr()

    # Lead and body share one vocabulary and IDF, so a lead term weighs what it weighs in the corpus.
    body_docs = [p.body_terms for p in profiles]
    if any(d.strip() for d in body_docs):
        text_space = space().fit(body_docs)
        body = text_space.transform(body_docs).tocsr()
        lead = text_space.transform([p.lead_terms for p in profiles]).tocsr()
        terms = text_space.get_feature_names_out()
    else:
        body = lead = sparse.csr_matrix((len(profiles), 1), dtype=np.float32)
        terms = np.array([""])

    def ordinal(d: date | None) -> float:
        return float(d.toordinal()) if d is not None else np.nan

    return Vectors(
        body=body,
        lead=lead,
        terms=terms,
        who=tfidf([p.who for p in profiles]),
        where=tfidf([p.where for p in profiles]),
        figures=tfidf([p.figures for p in profiles]),
        embedding=embeddings,
        anchor=np.array([ordinal(p.anchor) for p in profiles]),
        event_day=np.array([ordinal(p.event_day) for p in profiles]),
        years=[p.years for p in profiles],
        mentioned=[tuple(float(d.toordinal()) for d in sorted(p.mentioned)) for p in profiles],
        named=[(p.lead_people, p.people, p.lead_places, p.places) for p in profiles],
        ordinals=[_counts(p.ordinals) for p in profiles],
        counts=[(dict(p.lead_counts), dict(p.counts)) for p in profiles],
        named_years=[p.named_years for p in profiles],
        weekdays=[p.lead_weekdays for p in profiles],
        full_names=[p.full_names for p in profiles],
        quoted=[p.quoted for p in profiles],
        name_reports=dict(Counter(key for p in profiles for key in p.full_names)),
    )


def _counts(ordinals: frozenset[tuple[str, int, bool]]) -> dict[str, tuple[frozenset[int], frozenset[int]]]:
    out: dict[str, tuple[set[int], set[int]]] = {}
    for kind, count, own in ordinals:
        out.setdefault(kind, (set(), set()))[0 if own else 1].add(count)
    return {kind: (frozenset(mine), frozenset(past)) for kind, (mine, past) in out.items()}


def cannot_link(v: Vectors, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """Whether articles ``i[k]`` and ``j[k]`` count one kind of event apart.

    Either both count their own event and no count agrees ("first visit",
    "second visit"), or one's own counts are all among those the other places
    in the past ("his first visit"; "this visit follows his first meeting").
    """
    out = np.zeros(len(i), dtype=bool)
    if not v.ordinals:
        return out
    for k, (a, b) in enumerate(zip(i, j)):
        oa, ob = v.ordinals[a], v.ordinals[b]
        for kind in oa.keys() & ob.keys():
            (own_a, past_a), (own_b, past_b) = oa[kind], ob[kind]
            if (own_a and own_b and not own_a & own_b) or (own_a and own_a <= past_b) or (own_b and own_b <= past_a):
                out[k] = True
                break
    return out


def _cosines(m: sparse.csr_matrix, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    return np.asarray(m[i].multiply(m[j]).sum(axis=1), dtype=np.float64).ravel()


def pair_features(v: Vectors, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """One row of :data:`PAIR_FEATURES` per pair (``i[k]``, ``j[k]``) of profile rows."""
    i = np.asarray(i, dtype=np.int64)
    j = np.asarray(j, dtype=np.int64)
    if v.embedding is not None:
        emb = np.einsum("ij,ij->i", v.embedding[i], v.embedding[j]).astype(np.float64)
    else:
        emb = np.zeros(len(i))
    gap = np.abs(v.anchor[i] - v.anchor[j])
    dated = ~np.isnan(gap)
    far = dated & (np.nan_to_num(gap) > FAR_APART_DAYS)
    if far.any():
        far[far] = ~_recalls(v, i[far], j[far])
    clash = np.array([bool(v.years[a] and v.years[b] and not v.years[a] & v.years[b]) for a, b in zip(i, j)])
    return np.column_stack(
        [
            _cosines(v.body, i, j),
            _cosines(v.lead, i, j),
            emb,
            _cosines(v.who, i, j),
            _cosines(v.where, i, j),
            _cosines(v.figures, i, j),
            (dated & (np.nan_to_num(gap) <= NEAR_DAYS)).astype(np.float64),
            far.astype(np.float64),
            clash.astype(np.float64),
            _clash(v.named, i, j, 0),
            _clash(v.named, i, j, 2),
            _count_clash(v.counts, i, j),
            _older_news(v, i, j),
            _weekday_clash(v, i, j) & ~dated,
            _same_person(v, i, j),
        ]
    )


# Only pairs of which at least one report is undated compare the weekdays their leads name: when
# both are dated, their weekday names resolve to dates that the date features already compare, and
# a follow-up naming a later day of the same event ("charged on Tuesday" after "shot on Saturday")
# would count against it. With the clash on dated pairs the link model gave the gap between the
# leads' event days a positive weight (+0.15 a log-day) to make up for it; without, that weight
# fell to 0.04 and the feature was dropped. Mean B³ F1 of ECB+ and GVC train 0.965 -> 0.968 (2026-12-06).
def _weekday_clash(v: Vectors, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    if not v.weekdays:
        return np.zeros(len(i), dtype=bool)
    return np.array([bool(v.weekdays[a] and v.weekdays[b] and not v.weekdays[a] & v.weekdays[b]) for a, b in zip(i, j)])


def _same_person(v: Vectors, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    out = np.zeros(len(i))
    if not v.full_names:
        return out
    for k, (a, b) in enumerate(zip(i, j)):
        if shared := (v.full_names[a] & v.full_names[b]) - (v.quoted[a] & v.quoted[b]):
            out[k] = min(1.0, NAME_SPECIFIC_REPORTS / min(v.name_reports[key] for key in shared))
    return out


def _older_news(v: Vectors, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    out = np.zeros(len(i))
    if not v.named_years:
        return out
    for k, (a, b) in enumerate(zip(i, j)):
        for undated, dated in ((a, b), (b, a)):
            years = v.named_years[undated]
            if np.isnan(v.anchor[undated]) and not np.isnan(v.anchor[dated]) and years:
                year = date.fromordinal(int(v.anchor[dated])).year
                if max(years) < year - OLDER_NEWS_YEARS or min(years) > year + OLDER_NEWS_YEARS:
                    out[k] = 1.0
    return out


def _count_clash(counts, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    out = np.zeros(len(i))
    if not counts:
        return out
    for k, (a, b) in enumerate(zip(i, j)):
        (lead_a, all_a), (lead_b, all_b) = counts[a], counts[b]
        out[k] = any(
            not lead_a[n] & all_b.get(n, frozenset()) and not lead_b[n] & all_a.get(n, frozenset())
            for n in lead_a.keys() & lead_b.keys()
        )
    return out


def _recalls(v: Vectors, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """Whether either article names, to the day, the other's event day (a trial report recalling the shooting)."""
    out = np.zeros(len(i), dtype=bool)
    for k, (a, b) in enumerate(zip(i, j)):
        day_a = v.event_day[a] if not np.isnan(v.event_day[a]) else v.anchor[a]
        day_b = v.event_day[b] if not np.isnan(v.event_day[b]) else v.anchor[b]
        out[k] = any(abs(d - day_b) <= 1 for d in v.mentioned[a]) or any(abs(d - day_a) <= 1 for d in v.mentioned[b])
    return out


def _clash(named, i: np.ndarray, j: np.ndarray, at: int) -> np.ndarray:
    out = np.zeros(len(i))
    for k, (a, b) in enumerate(zip(i, j)):
        lead_a, all_a, lead_b, all_b = named[a][at], named[a][at + 1], named[b][at], named[b][at + 1]
        out[k] = bool(lead_a and lead_b and not lead_a & all_b and not lead_b & all_a)
    return out
