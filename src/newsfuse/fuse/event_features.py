"""What each article says about the event it reports (lead, who, where, when, figures) and how two articles compare."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

import numpy as np
from scipy import sparse

from newsfuse.model import Article, ArticleAnalysis, Mention

# Sentences that make the lead: headline-like first sentence plus the two that
# usually hold who/what/where/when in news writing (inverted pyramid).
LEAD_SENTENCES = 3
# A mention in the lead counts this many times more: the lead names the main
# participants, the body also names background ones. Set by hand, not tuned.
LEAD_MENTION_WEIGHT = 3
# A date in the first sentences is taken as the article's own date (a web page's
# header, a byline) when no publication date is known; later ones are content.
# Set by hand from ECB+ train pages, whose header date is in sentence 0 or 1.
HEADER_DATE_SENTENCES = 2
# A yearless header date is placed in the year that puts it within this many days
# of a dated article of the same corpus, if any does (one month: a news cycle).
YEARLESS_MAX_DAYS = 31
# An event date mentioned in the lead ("on Saturday", "Feb. 1") is trusted when it
# lies this many days before the article's date at most, or one day after
# (a weekly's look back; set by hand).
EVENT_DATE_LOOKBACK_DAYS = 14

# The first sentences name the main participants and place; two articles whose
# first sentences name people (places) none of whom the other mentions at all
# rarely report one event (9% of such same-topic pairs in ECB+ train, against 50%).
CLASH_SENTENCES = 2

# Reports of one event mostly appear within days of each other (GVC train: 77% of
# same-event pairs within NEAR_DAYS). A report more than FAR_APART_DAYS later is about
# another event unless it recalls the first one's day ("the shooting on Jan. 16"):
# recurring events of the same people (two strikes, two visits) must stay apart.
NEAR_DAYS = 3
FAR_APART_DAYS = 31

# Ordinals of events ("his second visit", "her first trip abroad") are read in the title
# and the first ORDINAL_SENTENCES: a wire lead often states the count a few sentences
# down ("It will be al-Sharaa's second visit ..."). Two articles whose counts of the same
# kind of event differ report two events, whatever their words share (a cannot-link);
# so do an article counting its event and one that places that count in the past
# ("this visit follows his first meeting"). Only a possessive count is read ("his",
# "Putin's"): "the second shooting this week", "the sixth round", "the first time" count
# a place's, a match's or nobody's series and differ between reports of one event. On the
# candidate pairs of ECB+ train/dev and GVC train/dev the possessive form clashes once
# (two different matches); counts without it clashed on 25 same-event pairs, 2026-11.
ORDINAL_SENTENCES = 6
# Words just before the ordinal that make its event background, a past one
# ("follows his first meeting", "since her second term"); set by hand.
ORDINAL_BACKGROUND = frozenset(
    {"since", "after", "follows", "followed", "following", "previous", "before", "than", "like", "unlike", "during"}
)
ORDINAL_BACKGROUND_WORDS = 3
# Nouns of events that recur for their participants, by kind: counted, they tell one
# occurrence from another. Sub-parts of an event (round, game, set) and career tallies
# (win, title, appearance) are left out: reports of one match count them differently.
# Nouns of one kind count one series ("his first visit" is "his first trip").
EVENT_KINDS = {
    **dict.fromkeys("visit trip tour journey meeting talk summit".split(), "visit"),
    **dict.fromkeys("earthquake quake tremor".split(), "earthquake"),
    **dict.fromkeys("storm hurricane typhoon cyclone tornado".split(), "storm"),
    **dict.fromkeys("fire blaze wildfire".split(), "fire"),
    **dict.fromkeys("strike walkout".split(), "strike"),
    **dict.fromkeys("protest rally march demonstration".split(), "protest"),
    **dict.fromkeys("election vote referendum".split(), "election"),
    **{
        noun: noun
        for noun in """session conference debate hearing trial sentencing arrest indictment aftershock eruption
        flood attack bombing blast explosion shooting stabbing raid airstrike assault offensive invasion crash
        collision derailment outbreak launch test flight mission landing concert festival ceremony speech address
        interview announcement recall acquisition merger deal agreement treaty ceasefire truce inauguration coup
        resignation incident accident spill leak outage hijacking kidnapping execution operation exercise drill
        hack breach""".split()
    },
}
# Words allowed between the ordinal and its noun ("his first official visit").
ORDINAL_GAP = 2

WHO_LABELS = frozenset({"PERSON", "ORG", "NORP"})
WHERE_LABELS = frozenset({"GPE", "LOC", "FAC"})

# TIMEX3 values that fix a calendar day, month or year (not "XXXX-WXX-7", "PRESENT_REF", "P3D").
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_YEARLESS = re.compile(r"^XXXX-(\d{2})-(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
# Figures: counts, ages, sums, scores; four-digit years are left to the time step.
_NUMBER = re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\w])")
_POSSESSIVE = re.compile(r"['’]s$")
_ORDINAL_WORDS = {
    w: n for n, w in enumerate("first second third fourth fifth sixth seventh eighth ninth tenth".split(), 1)
}
_ORDINAL_NUMBER = re.compile(r"^(\d{1,3})(?:st|nd|rd|th)$", re.IGNORECASE)
_WORD = re.compile(r"[^\W_][\w'’]*(?:-[\w'’]+)*|[^\w\s]")
_POSSESSIVE_DETERMINERS = frozenset({"his", "her", "their", "its", "our", "my", "your"})
# Words that end the search for the counted noun ("the first time in years", "second of the").
_ORDINAL_STOP = frozenset({"of", "in", "to", "for", "the", "a", "an", "and", "or", "at", "on", "by", "with", "time"})
_THE = re.compile(r"^the\s+", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Profile:
    """What one article says about its main event; built once, compared many times."""

    article_id: str
    lead: str  # title and first sentences, for the embedding and the event title
    lead_terms: str  # content lemmas of the title and lead, space-separated
    body_terms: str  # content lemmas of the whole text
    who: str  # entity keys of participants, repeated by salience
    where: str  # entity keys of places (and the dateline), repeated by salience
    figures: str  # numbers the text gives
    anchor: date | None  # when the article was written: publication date or header date
    event_day: date | None  # the day the lead says the event happened, if it says
    years: frozenset[int]  # years of the article's own dates (anchor, event day, header)
    mentioned: frozenset[date] = frozenset()  # every full date the text gives
    header_day: tuple[int, int] | None = None  # (month, day) of a yearless header date ("Oct 12")
    lead_people: frozenset[str] = frozenset()  # people named in the first CLASH_SENTENCES
    people: frozenset[str] = frozenset()  # people named anywhere
    lead_places: frozenset[str] = frozenset()  # places named in the first CLASH_SENTENCES
    places: frozenset[str] = frozenset()
    # (kind, count, own): ("visit", 2, True) for "his second visit"; own False for a past one ("follows his first")
    ordinals: frozenset[tuple[str, int, bool]] = frozenset()


def build_profile(
    article: Article,
    analysis: ArticleAnalysis,
    mention_entity: Mapping[tuple[str, int, int], str] | None = None,
) -> Profile:
    """The profile of one article; ``mention_entity`` maps its mentions to canonical entity ids."""
    sentences = [article.text[s.start : s.end] for s in analysis.sentences]
    lead_text = " ".join(sentences[:LEAD_SENTENCES])
    lead = f"{article.title}. {lead_text}" if article.title else lead_text
    title_terms = " ".join(w.lower() for w in re.findall(r"\w+", article.title) if len(w) > 2)
    lead_terms = " ".join([title_terms, *analysis.lemmas[:LEAD_SENTENCES]]).strip()
    who: list[str] = []
    where: list[str] = []
    named: dict[tuple[str, bool], set[str]] = {(k, lead): set() for k in ("people", "places") for lead in (0, 1)}
    for m in analysis.mentions:
        key = mention_key(article.id, m, mention_entity)
        if not key:
            continue
        in_lead = 0 <= m.sentence < LEAD_SENTENCES
        weight = LEAD_MENTION_WEIGHT if in_lead else 1
        (where if m.label in WHERE_LABELS else who if m.label in WHO_LABELS else []).extend([key] * weight)
        kind = "people" if m.label == "PERSON" else "places" if m.label in WHERE_LABELS else None
        if kind:
            named[kind, 0].add(key)
            if 0 <= m.sentence < CLASH_SENTENCES:
                named[kind, 1].add(key)
    if article.dateline:
        where.extend([_norm(article.dateline.split(",")[0])] * LEAD_MENTION_WEIGHT)
    anchor, event_day, years = _dates(article, analysis)
    mentioned = frozenset(d for t in analysis.times if t.type in ("DATE", "TIME") and (d := _as_date(t.value)))
    header_day = None
    if anchor is None:
        header_day = next(
            (
                (int(m[1]), int(m[2]))
                for t in analysis.times
                if 0 <= t.sentence < HEADER_DATE_SENTENCES and (m := _YEARLESS.match(t.value))
            ),
            None,
        )
    return Profile(
        article_id=article.id,
        lead=lead,
        lead_terms=lead_terms,
        body_terms=" ".join([title_terms, *analysis.lemmas]).strip(),
        who=" ".join(who),
        where=" ".join(where),
        figures=" ".join(_figures(article.text)),
        anchor=anchor,
        event_day=event_day,
        years=years,
        mentioned=mentioned,
        header_day=header_day,
        lead_people=frozenset(named["people", 1]),
        people=frozenset(named["people", 0]),
        lead_places=frozenset(named["places", 1]),
        places=frozenset(named["places", 0]),
        ordinals=event_ordinals(" . ".join([article.title, *sentences[:ORDINAL_SENTENCES]])),
    )


def build_profiles(
    articles: Sequence[Article],
    analyses: Sequence[ArticleAnalysis],
    mention_entity: Mapping[tuple[str, int, int], str] | None = None,
) -> list[Profile]:
    """Profiles of a corpus (articles and their analyses, in the same order), yearless dates placed."""
    return infer_years([build_profile(a, x, mention_entity) for a, x in zip(articles, analyses)])


def infer_years(profiles: Sequence[Profile]) -> list[Profile]:
    """Profiles whose yearless header date ("Oct 12") takes the year that puts it nearest a dated article.

    A cross-document reading: alone, "Oct 12" has no year; in a corpus whose other
    reports run from October to March it is this October. The date is kept only when
    it lands within YEARLESS_MAX_DAYS of a dated article of the corpus.
    """
    import bisect
    from dataclasses import replace

    dated = sorted(p.anchor.toordinal() for p in profiles if p.anchor is not None)
    if not dated:
        return list(profiles)
    years = sorted({date.fromordinal(d).year for d in dated})
    out = []
    for p in profiles:
        if p.anchor is not None or p.header_day is None:
            out.append(p)
            continue
        best: tuple[int, date] | None = None
        for year in range(years[0] - 1, years[-1] + 2):
            try:
                day = date(year, *p.header_day)
            except ValueError:  # 29 February of a common year
                continue
            k = bisect.bisect_left(dated, day.toordinal())
            gap = min(abs(dated[x] - day.toordinal()) for x in (k - 1, k) if 0 <= x < len(dated))
            if best is None or gap < best[0]:
                best = (gap, day)
        if best is not None and best[0] <= YEARLESS_MAX_DAYS:
            out.append(replace(p, anchor=best[1], years=p.years | {best[1].year}))
        else:
            out.append(p)
    return out


def event_ordinals(text: str) -> frozenset[tuple[str, int, bool]]:
    """(kind, count, own) for each possessive count of an event in ``text``: "his second visit" → ("visit", 2, True).

    A count just after a background word ("follows his first meeting") is a past
    event's: own is False.
    """
    words = _WORD.findall(text)
    found = set()
    for k, word in enumerate(words):
        count = _ordinal(word)
        if count is None or k == 0:
            continue
        before = words[k - 1]
        if before.lower() not in _POSSESSIVE_DETERMINERS and not _POSSESSIVE.search(before):
            continue
        own = not any(w.lower() in ORDINAL_BACKGROUND for w in words[max(0, k - ORDINAL_BACKGROUND_WORDS) : k])
        for w in words[k + 1 : k + 2 + ORDINAL_GAP]:
            kind = EVENT_KINDS.get(_singular(w.lower()))
            if kind:
                found.add((kind, count, own))
                break
            if not w[0].isalnum() or w.lower() in _ORDINAL_STOP or _ordinal(w) is not None:
                break
    return frozenset(found)


def _ordinal(word: str) -> int | None:
    lower = word.lower()
    if lower in _ORDINAL_WORDS:
        return _ORDINAL_WORDS[lower]
    m = _ORDINAL_NUMBER.match(lower)
    return int(m[1]) if m else None


def _singular(word: str) -> str:
    for suffix in ("es", "s"):
        if word.endswith(suffix) and word[: -len(suffix)] in EVENT_KINDS:
            return word[: -len(suffix)]
    return word


def mention_key(article_id: str, mention: Mention, mention_entity: Mapping | None) -> str:
    """The canonical entity id of a mention, or without one a normalised form of its text.

    The fallback keys a person by surname, so "Lindsay Lohan" and "Lohan" meet across articles.
    """
    if mention_entity:
        found = mention_entity.get((article_id, mention.start, mention.end))
        if found:
            return found
    text = _norm(mention.text)
    if mention.label == "PERSON" and text:
        text = text.rsplit("_", 1)[-1]
    return text


def _norm(text: str) -> str:
    text = _POSSESSIVE.sub("", _THE.sub("", " ".join(text.split()))).strip(" .,:;-").lower()
    return text.replace(" ", "_")


def _figures(text: str) -> list[str]:
    out = []
    for raw in _NUMBER.findall(text):
        value = raw.replace(",", "")
        if len(value) == 4 and value[:2] in ("19", "20"):
            continue  # a year
        out.append(value)
    return out


def _as_date(value: str) -> date | None:
    m = _DAY.match(value)
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def _dates(article: Article, analysis: ArticleAnalysis) -> tuple[date | None, date | None, frozenset[int]]:
    """(anchor, event day, years) of one article.

    The anchor is the publication date when known to the day, else the first full
    date in the first sentences (the page header or byline). The event day is the
    earliest full date in the lead that falls shortly before the anchor ("on Saturday").
    """
    anchor = _as_date(article.published or "")
    times = [t for t in analysis.times if t.type in ("DATE", "TIME")]
    if anchor is None:
        header = [d for t in times if 0 <= t.sentence < HEADER_DATE_SENTENCES and (d := _as_date(t.value))]
        anchor = header[0] if header else None
    event_day = None
    if anchor is not None:
        # The earliest: "residents returned on Wednesday, a day after the blaze on Tuesday".
        days = [
            d
            for t in times
            if 0 <= t.sentence < LEAD_SENTENCES
            and (d := _as_date(t.value)) is not None
            and -1 <= (anchor - d).days <= EVENT_DATE_LOOKBACK_DAYS
        ]
        event_day = min(days) if days else None
    years = {d.year for d in (anchor, event_day) if d is not None}
    if not years:
        # No full date: the year the lead names (a "2008" in "the 2008 season") still helps.
        for t in times:
            if 0 <= t.sentence < LEAD_SENTENCES and (m := _YEAR.match(t.value) or _MONTH.match(t.value)):
                years.add(int(m[1]))
    return anchor, event_day, frozenset(years)


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
    "event_gap",  # log(1 + days between the event days the leads give), when both give one
    "year_clash",  # 1 when both name their own years and share none
    "people_clash",  # 1 when both leads name people and neither's appear in the other
    "place_clash",  # the same for places
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
    event_gap = np.abs(v.event_day[i] - v.event_day[j])
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
            np.where(np.isnan(event_gap), 0.0, np.log1p(np.nan_to_num(event_gap))),
            clash.astype(np.float64),
            _clash(v.named, i, j, 0),
            _clash(v.named, i, j, 2),
        ]
    )


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

