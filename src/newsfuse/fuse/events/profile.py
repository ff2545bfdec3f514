"""What each article says about the event it reports: lead, who, where, when, figures, counts (its profile)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

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

# A year the lead names is the event's only if its clause does not make it background or
# a term: "since the fall of the government in late 2024", "until the end of 2029",
# "had been closed in 2019". Cue words of news English, set by hand (2026-11-22) on the
# seeds and examples/setubal; on ECB+ train/dev and GVC they drop no year of a same-event pair's lead.
# Provisional (set on the examples or seeds): docs/quality.md, "Provisional constants".
YEAR_BACKGROUND_CUES = frozenset(
    {"since", "after", "before", "until", "till", "through", "following", "ago", "had", "previous", "former", "last"}
)
# Weekdays the lead names ("on Sunday"): two leads naming days of the week, none shared, mostly
# tell of two events (the weekday clash of the pair features). Only expressions that name a
# weekday count; a header date's weekday does not.
_WEEKDAY_NAME = re.compile(r"\b(?:" + "|".join(WEEKDAY_NAMES) + r")\b", re.IGNORECASE)
WHO_LABELS = frozenset({"PERSON", "ORG", "NORP"})
# A person named in full: two or more name words, each capitalised and holding a lower-case letter
# ("Jamyha Luss", "Gabriel E. Mejia"; not "LAPD Sgt", "ST. LOUIS", "Copyright 2016", a lone "Smith").
_NAME_WORD = re.compile(r"^[A-Z][A-Za-z'’-]*[a-z][A-Za-z'’-]*$")
_INITIAL_OR_SUFFIX = re.compile(r"^(?:[A-Z]\.?|Jr\.?|Sr\.?|II|III|IV)$")
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
    full_names: frozenset[str] = frozenset()  # keys of the people the text names in full (given and family name)
    quoted: frozenset[str] = frozenset()  # those of full_names the text quotes (its sources)


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
    full_names: set[str] = set()
    for m in analysis.mentions:
        key = mention_key(article.id, m, mention_entity)
        if not key:
            continue
        in_lead = 0 <= m.sentence < LEAD_SENTENCES
        weight = LEAD_MENTION_WEIGHT if in_lead else 1
        (where if m.label in WHERE_LABELS else who if m.label in WHO_LABELS else []).extend([key] * weight)
        kind = "people" if m.label == "PERSON" else "places" if m.label in WHERE_LABELS else None
        if kind == "people" and is_full_name(m.text):
            full_names.add(_person_key(article.id, m, mention_entity))
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
        full_names=frozenset(full_names),
        quoted=frozenset(full_names & _speakers(article.id, analysis, mention_entity)),
    )


def _person_key(article_id: str, mention: Mention, mention_entity: Mapping | None) -> str:
    # without a canonical entity, the whole name: the fallback key of mention_key (a surname) is not specific
    found = (mention_entity or {}).get((article_id, mention.start, mention.end))
    return found or _norm(POSSESSIVE.sub("", mention.text))


def _speakers(article_id: str, analysis: ArticleAnalysis, mention_entity: Mapping | None) -> set[str]:
    """Keys of the people the text quotes: sources (an analyst, a spokesman) whom reports of other events quote too."""
    spans = [(q.speaker_start, q.speaker_end) for q in analysis.quotes if q.speaker_start is not None]
    return {
        _person_key(article_id, m, mention_entity)
        for m in analysis.mentions
        if m.label == "PERSON" and any(m.start < end and start < m.end for start, end in spans)
    }


def is_full_name(text: str) -> bool:
    """Whether a person's mention gives a full name: two name words or more, initials aside ("Gabriel E. Mejia")."""
    words = [w for w in POSSESSIVE.sub("", " ".join(text.split())).split(" ") if w and not _INITIAL_OR_SUFFIX.match(w)]
    return len(words) >= 2 and all(_NAME_WORD.match(w) for w in words)


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
