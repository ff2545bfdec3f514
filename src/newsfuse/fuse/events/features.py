"""What each article says about the event it reports (lead, who, where, when, figures) and how two articles compare."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

import numpy as np
from scipy import sparse

from newsfuse.fuse.events.counts import ORDINAL_SENTENCES, POSSESSIVE, WORD, counted_things, event_ordinals
from newsfuse.model import Article, ArticleAnalysis, Mention
from newsfuse.lexicon import WEEKDAY_NAMES
from newsfuse.nlp.time import TimexValue
from newsfuse.nlp.time.anchor import year_of_undated

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
# Lines ingest removes as page chrome that may still hold the page's date ("Companies | Fri 6 Mar, 07:10").
HEADER_REASONS = frozenset({"section/time header", "timestamp"})
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

# A year the lead names is the event's only if its clause does not make it background or
# a term: "since the fall of the government in late 2024", "until the end of 2029",
# "had been closed in 2019". Cue words of news English, set by hand (2026-11-22) on the
# seeds and examples/setubal; on ECB+ train/dev and GVC they drop no year of a same-event pair's lead.
# Provisional (set on the examples or seeds): docs/quality.md, "Provisional constants".
YEAR_BACKGROUND_CUES = frozenset(
    {"since", "after", "before", "until", "till", "through", "following", "ago", "had", "previous", "former", "last"}
)
# An undated article whose every named year lies more than OLDER_NEWS_YEARS before (or after)
# a dated article's year is probably older (newer) news of the same kind: ECB+ `ecb` pages have
# no date, and one boxing or quake report naming only 2001 and 2005 is not the 2012 one. On ECB+
# train candidate pairs at 1 it fires on 3% of same-event pairs and 16% of others (21% of the
# wrong links the model scored >= 0.7), 2026-11-22.
OLDER_NEWS_YEARS = 1
# Weekdays the lead names ("on Sunday"): two leads naming days of the week, none shared, mostly
# tell of two events. Only expressions that name a weekday count; a header date's weekday does not.
# Only pairs of which at least one report is undated compare weekdays: when both are dated, their
# weekday names resolve to dates that the date features already compare, and a follow-up naming
# a later day of the same event ("charged on Tuesday" after "shot on Saturday") would count
# against it. With the clash on dated pairs the link model gave the gap between the leads' event
# days a positive weight (+0.15 a log-day) to make up for it; without, that weight fell to 0.04
# and the feature was dropped. Mean B³ F1 of ECB+ and GVC train 0.965 -> 0.968 (2026-12-06).
_WEEKDAY_NAME = re.compile(r"\b(?:" + "|".join(WEEKDAY_NAMES) + r")\b", re.IGNORECASE)
WHO_LABELS = frozenset({"PERSON", "ORG", "NORP"})
WHERE_LABELS = frozenset({"GPE", "LOC", "FAC"})

# Figures: counts, ages, sums, scores; four-digit years are left to the time step.
_NUMBER = re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\w])")
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
    # keys of the places of the dateline ("SETUBAL, Portugal": the city, then what holds it)
    dateline_places: tuple[str, ...] = ()
    # counted noun → numbers: in the lead, and anywhere in the text ("pirate" → {23})
    lead_counts: tuple[tuple[str, frozenset[int]], ...] = ()
    counts: tuple[tuple[str, frozenset[int]], ...] = ()
    named_years: frozenset[int] = frozenset()  # every year any time expression of the text falls in
    lead_weekdays: frozenset[int] = frozenset()  # ISO weekdays the lead names ("on Sunday": 7)


def build_profile(
    article: Article,
    analysis: ArticleAnalysis,
    mention_entity: Mapping[tuple[str, int, int], str] | None = None,
    place_keys: Mapping[str, str] | None = None,
) -> Profile:
    """The profile of one article; ``mention_entity`` maps its mentions to canonical entity ids,
    ``place_keys`` the folded names of places in the corpus to their keys (for the dateline)."""
    sentences = [article.text[s.start : s.end] for s in analysis.sentences]
    lead_text = " ".join(sentences[:LEAD_SENTENCES])
    lead_end = analysis.sentences[min(LEAD_SENTENCES, len(analysis.sentences)) - 1].end if analysis.sentences else 0
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
    dateline_places = tuple(
        (place_keys or {}).get(_fold(part), _fold(part)) for part in (article.dateline or "").split(",") if _fold(part)
    )
    if dateline_places:
        where.extend([dateline_places[0]] * LEAD_MENTION_WEIGHT)
    anchor, event_day, years = _dates(article, analysis)
    mentioned = frozenset(d for t in analysis.times if t.type in ("DATE", "TIME") and (d := _as_date(t.value)))
    header_day = None
    if anchor is None:
        header_day = next(
            (
                m
                for t in analysis.times
                if 0 <= t.sentence < HEADER_DATE_SENTENCES and (m := _yearless_day(t.value))
            ),
            None,
        ) or _removed_header_day(article)
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
        dateline_places=dateline_places,
        lead_counts=counted_things(f"{article.title} . {_untimed(article.text, analysis.times, lead_end)}"),
        counts=counted_things(f"{article.title} . {_untimed(article.text, analysis.times)}"),
        named_years=frozenset(
            year for t in analysis.times if t.type in ("DATE", "TIME") and (year := _modern_year(t.value))
        ),
        lead_weekdays=_lead_weekdays(analysis),
    )


def _lead_weekdays(analysis: ArticleAnalysis) -> frozenset[int]:
    out = set()
    for t in analysis.times:
        if not (0 <= t.sentence < LEAD_SENTENCES and _WEEKDAY_NAME.search(t.text)):
            continue
        if (v := TimexValue.parse(t.value)) is not None and v.bare_weekday:
            out.add(v.weekday)
        elif d := _as_date(t.value):
            out.add(d.isoweekday())
    return frozenset(out)


def _removed_header_day(article: Article) -> tuple[int, int] | None:
    """(month, day) of a yearless date on a header line that cleaning took off the page ("Companies | Fri 6 Mar")."""
    from newsfuse.ingest.meta import header_date

    for line in article.removed:
        if line.reason in HEADER_REASONS and (parsed := header_date(line.text)):
            return parsed[1], parsed[2]
    return None


def build_profiles(
    articles: Sequence[Article],
    analyses: Sequence[ArticleAnalysis],
    mention_entity: Mapping[tuple[str, int, int], str] | None = None,
) -> list[Profile]:
    """Profiles of a corpus (articles and their analyses, in the same order), yearless dates placed."""
    keys = place_keys(articles, analyses, mention_entity)
    return infer_years([build_profile(a, x, mention_entity, keys) for a, x in zip(articles, analyses)])


def place_keys(
    articles: Sequence[Article],
    analyses: Sequence[ArticleAnalysis],
    mention_entity: Mapping[tuple[str, int, int], str] | None = None,
) -> dict[str, str]:
    """Folded name of each place the corpus names → its commonest key: a dateline "SETUBAL" meets "Setúbal"."""
    from collections import Counter

    seen: dict[str, Counter[str]] = {}
    for article, analysis in zip(articles, analyses):
        for m in analysis.mentions:
            if m.label in WHERE_LABELS and (key := mention_key(article.id, m, mention_entity)):
                seen.setdefault(_fold(m.text), Counter())[key] += 1
    return {name: min(c.items(), key=lambda kv: (-kv[1], kv[0]))[0] for name, c in seen.items() if name}


def infer_years(profiles: Sequence[Profile]) -> list[Profile]:
    """Profiles whose yearless header date ("Oct 12") takes the year that puts it nearest a dated article.

    A cross-document reading: alone, "Oct 12" has no year; in a corpus whose other
    reports run from October to March it is this October. The date is kept only when
    it lands within YEARLESS_MAX_DAYS of a dated article of the corpus.
    """
    from dataclasses import replace

    dated = sorted({p.anchor for p in profiles if p.anchor is not None})
    if not dated:
        return list(profiles)
    out = []
    for p in profiles:
        if p.anchor is not None or p.header_day is None:
            out.append(p)
            continue
        best = _nearest_placing(p.header_day, dated)
        if best is not None and best[0] <= YEARLESS_MAX_DAYS:
            out.append(replace(p, anchor=best[1], years=p.years | {best[1].year}))
        else:
            out.append(p)
    return out


def _nearest_placing(month_day: tuple[int, int], dated: Sequence[date]) -> tuple[int, date] | None:
    """(days, day): the yearless date placed nearest a dated article (the earlier day on a tie), or None."""
    options = []
    for anchor in dated:
        year = year_of_undated(*month_day, anchor)
        if year is not None:
            day = date(year, *month_day)
            options.append((abs((day - anchor).days), day))
    return min(options, default=None)


def _untimed(text: str, times, end: int | None = None) -> str:
    """``text`` (up to ``end``) with its time expressions blanked: "Nov 12, 2011, 05.51AM" counts nothing."""
    chars = list(text[:end] if end is not None else text)
    for t in times:
        for k in range(max(0, t.start), min(t.end, len(chars))):
            chars[k] = " "
    return "".join(chars)


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
    text = POSSESSIVE.sub("", _THE.sub("", " ".join(text.split()))).strip(" .,:;-").lower()
    return text.replace(" ", "_")


def _fold(text: str) -> str:
    """A place name without case, accents or articles: "SETÚBAL" and "Setubal" fold alike."""
    import unicodedata

    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _norm(ascii_text)


def _figures(text: str) -> list[str]:
    out = []
    for raw in _NUMBER.findall(text):
        value = raw.replace(",", "")
        if len(value) == 4 and value[:2] in ("19", "20"):
            continue  # a year
        out.append(value)
    return out


def _as_date(value: str) -> date | None:
    """The day a value writes by year, month and day ("2026-01-28", "2026-01-28T15:00"); not "XXXX-WXX-7", "P3D"."""
    v = TimexValue.parse(value)
    return v.date if v is not None and v.has_calendar_day else None


def _yearless_day(value: str) -> tuple[int, int] | None:
    """(month, day) of a day without its year ("XXXX-10-15")."""
    v = TimexValue.parse(value)
    if v is None or v.year is not None or v.precision != "day" or not v.has_calendar_day:
        return None
    return v.month, v.day


def _modern_year(value: str) -> int | None:
    """The year a value names, when it is one of 1900-2099 (a figure such as 1500 is rarely a date in news)."""
    v = TimexValue.parse(value)
    return v.year if v is not None and v.year is not None and 1900 <= v.year <= 2099 else None


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
        # No full date: the year the lead names (a "2008" in "the 2008 season") still helps,
        # unless its clause speaks of background or a term (YEAR_BACKGROUND_CUES).
        for t in times:
            if (
                0 <= t.sentence < LEAD_SENTENCES
                and (v := TimexValue.parse(t.value)) is not None
                and v.known and v.precision in ("year", "month") and not v.time
                and not _background_clause(article.text, t.start)
            ):
                years.add(v.year)
    return anchor, event_day, frozenset(years)


def _background_clause(text: str, start: int) -> bool:
    """Whether the clause before ``start`` (back to a comma, a dash or the sentence start) holds a background cue."""
    line_start = max(text.rfind(c, 0, start) for c in ".\n;:,—–(") + 1
    return any(w.lower() in YEAR_BACKGROUND_CUES for w in WORD.findall(text[line_start:start]))


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
        ]
    )


def _weekday_clash(v: Vectors, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    if not v.weekdays:
        return np.zeros(len(i), dtype=bool)
    return np.array([bool(v.weekdays[a] and v.weekdays[b] and not v.weekdays[a] & v.weekdays[b]) for a, b in zip(i, j)])


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

