"""Article metadata read from the text itself: dateline, outlet, publication date.

Every value carries its basis (where it was found) and nothing is guessed:
a date that the input does not establish stays None.

* Outlet, in order of trust: the input's own metadata; the masthead, a
  publication's name set above the headline ("THE MARLOW GAZETTE"); the site
  naming itself in a call to action cleaning removed ("Read “X” on
  Telegram!", "Follow X on Facebook"); an agency marker in the dateline
  ("/TASS/.", "(Reuters)", "(AP) —"), which names whose copy it is and is
  also kept apart as the agency; a copyright line ("© 2025 X"), which may
  name an owner or the agency; the site name of the URL.
* Publication date: the input's metadata; else a dateline date with its
  year; else a full date in a header or byline line above the body
  ("Published 14 October 2025", "By Jane Doe · 15 January 2026"); else a
  date filed in the URL's path ("/2026/02/14/"); else a yearless header or
  dateline date ("January 28, 7:49"), which gets a year only when the text
  settles it (see ``infer_year``). A relative header ("3 hours ago") dates
  nothing: the moment it counts from is not in a saved page.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from urllib.parse import urlsplit

from newsfuse.ingest.patterns import DATE_RE, PUBLICATION_WORDS, SECTION_WORDS, WEEKDAY_RE
from newsfuse.ingest.tense import tense_from_words
from newsfuse.lexicon import MONTH_WORDS, WEEKDAY_NAMES, month_number, weekday_number
from newsfuse.model import FUTURE, PAST, Article

# A year is inferred only if the header date in that year lies within this
# many days after the latest date the text reports as past: a news report
# cites recent events, and a longer gap means the text does not settle it.
MAX_INFERENCE_GAP_DAYS = 366

_MONTH_NAMES = "(?i:" + "|".join(sorted(MONTH_WORDS, key=len, reverse=True)) + ")"
# The lead whose weekday names confirm an inferred year: the first two or
# three paragraphs, where news reports say "on Wednesday".
LEAD_CHARS = 600

_UPPER = "A-ZÀ-ÖØ-ÞА-ЯЁΑ-Ω"  # capitals of the Latin-1, Cyrillic and Greek alphabets ("SÃO PAULO", "КИЇВ")
_CAPS_PLACE = rf"[{_UPPER}][{_UPPER}'’.\-]+(?:\s+[{_UPPER}][{_UPPER}'’.\-]+){{0,3}}"
_TITLE_PLACE = r"[A-Z][a-z'’.\-]+(?:\s+[A-Z][a-z'’.\-]+){0,2}"
_REGION = rf"(?:,\s+(?!{_MONTH_NAMES}\b)[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){{0,2}})?"
_DL_DATE = rf"(?:,\s+(?P<date>{_MONTH_NAMES}\.?\s+\d{{1,2}}(?:,?\s+\d{{4}})?|\d{{1,2}}\s+{_MONTH_NAMES}\.?(?:,?\s+\d{{4}})?))?"
_AGENCY = r"(?:[(/]\s*(?P<agency>[A-Za-z][\w&.'’ -]{0,30}?)\s*[)/])"
_SEP = r"(?:[—–:_-]|\.)"
# "MINSK, March 4. /TASS/. ", "NAIROBI, Kenya (AP) — ", "LONDON, Jan 5 (Reuters) - ",
# "ELGIN — ", "ISLAMABAD: ". Caps place names need a separator or an agency;
# a title-case place needs an agency marker, else any sentence would match.
_DATELINE_RES = (
    re.compile(rf"^(?P<place>{_CAPS_PLACE}{_REGION}){_DL_DATE}\.?\s*(?:{_AGENCY}\s*\.?\s*{_SEP}?|{_SEP})(?:\s+|$)"),
    re.compile(rf"^(?P<place>{_TITLE_PLACE}{_REGION}){_DL_DATE}\.?\s*{_AGENCY}\s*\.?\s*{_SEP}?(?:\s+|$)"),
)
# A date or note in brackets between the place and the dash ("INDIANAPOLIS, Ind. (June 15, 2014) — "):
# no agency, so ``parse_dateline`` ends at the place, but the dateline runs to the dash.
_DATELINE_TAIL_RE = re.compile(r"\s*\([^()\n]{1,40}\)\s*(?:[—–]|--?)")
# Agencies that write their name in lower case ("(dpa) –", "(ots)"): one short
# word, and only where a dash follows, as it does after an agency marker.
_LOWER_AGENCY_RE = re.compile(r"[a-z]{2,4}")
_DASH_AFTER_AGENCY_RE = re.compile(r"[)/]\s*\.?\s*[—–-]\s*$")
# Caps words that open a line but are not places.
_NOT_PLACES = frozenset(
    "UPDATE UPDATED BREAKING EXCLUSIVE PREVIEW WATCH VIDEO LIVE NOTE EDITORS CORRECTION AD PHOTO PHOTOS".split()
)

# Self-references of a site in its own chrome: "Read “X” on Telegram!",
# "Follow X on Facebook", "Subscribe to X's newsletter", "© 2025 X".
_NAME = r"(?:the\s+)?[“\"'‘«]?(?P<name>[A-Z0-9][\w&.'’-]*(?:\s+[A-Z0-9&][\w&.'’-]*){0,4})[”\"'’»]?"
_PLATFORM = (
    r"(?:Telegram|Facebook|Twitter|X|Instagram|WhatsApp|YouTube|TikTok|LinkedIn|Threads|VK|Viber"
    r"|Google\s+News|Apple\s+News)"
)
# "Subscribe to The Harrowgate Courier", "Download the Spree Courier app": nothing after the
# name, which must then be a publication's ("Subscribe to Premium" names a product).
_BARE_CTA_RE = re.compile(rf"^(?i:subscribe\s+to|download)\s+{_NAME}(?:\s+(?i:app|today|now))?\s*[.!→»]*$")
_SELF_REF_RES = (
    re.compile(rf"^(?i:read|follow|join|subscribe\s+to|like|find)\s+{_NAME}\s+(?i:on)\s+(?i:{_PLATFORM})\b"),
    re.compile(rf"^(?i:read|follow|join|subscribe\s+to)\s+{_NAME}(?:'s|’s)?\s+(?i:channel|newsletter|page)\b"),
    re.compile(rf"^(?i:subscribe\s+to|sign\s+up\s+for)\s+{_NAME}\s+(?i:for|to\s+get|and\s+get)\b"),
    _BARE_CTA_RE,
    re.compile(  # kept last: the copyright pattern is the loosest
        r"(?:(?:©|\(c\)|copyright)\s*)+(?:\d{4}(?:\s*[-–—]\s*\d{4})?)?\s*,?\s*"
        r"(?P<name>[A-Z][\w&.'’ -]{1,60}?)(?:\s+\d{4}(?:\s*[-–—]\s*\d{4})?)?\s*(?:[.,|]|All\s+rights|$)",
        re.I,
    ),
)
_PRONOUNS = frozenset({"us", "our", "me", "you", "your", "them", "it", "this", "the", "all", "more", "here"})

# A date line's date is the publication date unless these words mark it as a
# later revision ("Updated 15 Oct 2025"): the publication lies on or before it.
_REVISION_WORDS = frozenset({"updated", "update", "modified", "edited", "revised", "corrected", "amended"})
# How many words before a date are read for a revision word ("Last updated: Tue, 14 ...").
REVISION_WINDOW_WORDS = 3

# A masthead is a publication's name on a line of its own: a few words, each
# capitalised except joining words ("The Times of X", "X & Y Weekly"). Such
# names run to five words with the article; six leaves one to spare, and a
# longer line in title case is a headline.
MASTHEAD_NAME_MAX_WORDS = 6
_NAME_GLUE = frozenset("the of and & de la le el du des di der die das da do y et und on for at in".split())
# Publication nouns that also head sections ("Daily News", "Business Weekly"): they need a distinctive word.
_GENERIC_PUBLICATION_WORDS = frozenset({"news", "daily", "weekly"})
_MASTHEAD_WORD_RE = re.compile(r"^[\w&'’.-]+$")

_WEEKDAY_NAME_RE = re.compile(r"\b(" + "|".join(WEEKDAY_NAMES) + r")\b", re.I)
_WORD_RE = re.compile(r"[A-Za-z']+")


@dataclass(frozen=True, slots=True)
class Dateline:
    """What an article's dateline says: the place, an agency, and a date (year may be missing)."""

    place: str
    agency: str | None = None
    month: int | None = None
    day: int | None = None
    year: int | None = None
    end: int = 0  # where the dateline ends in the paragraph


# The dateline opens the story's first paragraph, which a standfirst or a
# photo line may precede: look this far.
DATELINE_PARAGRAPHS = 3


def find_dateline(paragraphs: Sequence[str], separator: str) -> tuple[Dateline, int, int] | None:
    """The dateline of a story and its span ``[start, end)`` in the paragraphs joined by ``separator``; None if none.

    The first of the opening ``DATELINE_PARAGRAPHS`` paragraphs that opens with a
    dateline gives it; failing that, the first that opens with a source in
    brackets ("(CNN) — ", a Dateline with no place). The span covers the dateline
    and its marks, not the space after it.
    """
    found = _opening_dateline(paragraphs)
    if found is None:
        return None
    i, dateline, end = found
    start = sum(len(p) + len(separator) for p in paragraphs[:i])
    return dateline, start, start + end


def dateline_span(text: str) -> tuple[int, int] | None:
    """The span of the dateline opening a story's ``text``, for an ``Article`` made without ingest.

    Ingest keeps the span on every Article it builds (``Article.dateline_start``); a
    corpus read straight into Articles (an evaluation set, a fixture) asks here, so its
    dateline is read the same way. Each non-blank line counts as a paragraph.
    """
    lines = [(m.start(), m.group()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]
    found = _opening_dateline([line for _, line in lines])
    if found is None:
        return None
    i, _, end = found
    return lines[i][0], lines[i][0] + end


def with_dateline_span(article: Article) -> Article:
    """``article`` with the span of the dateline its text opens with, when it was made without ingest."""
    span = dateline_span(article.text)
    return replace(article, dateline_start=span[0], dateline_end=span[1]) if span else article


def _opening_dateline(paragraphs: Sequence[str]) -> tuple[int, Dateline, int] | None:
    """(paragraph index, dateline, its end in that paragraph) of the dateline opening a story, or None."""
    opening = paragraphs[:DATELINE_PARAGRAPHS]
    found = next(((i, d) for i, d in enumerate(map(parse_dateline, opening)) if d), None)
    if found is None:  # "(CNN) — ...": a source without a place
        found = next(((i, d) for i, d in enumerate(map(_bracket_dateline, opening)) if d), None)
    if found is None:
        return None
    i, dateline = found
    end = len(paragraphs[i][: dateline.end].rstrip())
    if tail := _DATELINE_TAIL_RE.match(paragraphs[i], end):
        end = tail.end()
    return i, dateline, end


def parse_dateline(paragraph: str) -> Dateline | None:
    """The dateline opening ``paragraph``, or None."""
    m = _DATELINE_RES[0].match(paragraph) or _DATELINE_RES[1].match(paragraph)
    if not m:
        return None
    place = m.group("place").strip().rstrip(",")
    if place.split(",")[0].split()[0].rstrip(":").upper() in _NOT_PLACES:
        return None
    agency = (m.group("agency") or "").strip() or None
    if agency and (
        not any(c.isupper() for c in agency)
        and not (_LOWER_AGENCY_RE.fullmatch(agency) and _DASH_AFTER_AGENCY_RE.search(m.group(0)))
        or any(c.isdigit() for c in agency) and DATE_RE.search(agency)
    ):
        return None  # "(Feb. 20)" or "(pictured)": a parenthesis, not an agency

    month = day = year = None
    if m.group("date"):
        parsed = parse_date(m.group("date"))
        if parsed:
            year, month, day = parsed
    return Dateline(place=place, agency=agency, month=month, day=day, year=year, end=m.end())


# "(CNN) — ", "(KMOV.com) -- ", "(CBSMiami) — ": the source in brackets opening the story, with
# no place before it. A place takes that slot too ("(Mountain View) –", "(BROOKLYN) -"), so
# only a name written as broadcasters and sites write theirs counts: call letters (at most
# MAX_CALL_LETTERS capitals, "KDKA", "WSB-TV"), capitals inside a word ("CBSMiami") or a domain.
_BRACKET_SOURCE_RE = re.compile(r"^\((?P<name>[A-Z][\w&.'’-]{1,30})\)\s*[—–-]\s")
MAX_CALL_LETTERS = 5
_SOURCE_NAME_RE = re.compile(
    rf"[A-Z][A-Z0-9]{{1,{MAX_CALL_LETTERS - 1}}}(?:-[A-Z0-9]{{1,3}})?|[A-Z]{{2,}}(?:[A-Z][a-z]+)+\d*|[\w-]+\.(?:com|net|org|tv|co\.\w\w)"
)


def bracket_source(paragraph: str) -> str | None:
    """The source named in brackets at the start of a story ("(CNN) — ..."), or None."""
    dateline = _bracket_dateline(paragraph)
    return dateline.agency if dateline else None


def _bracket_dateline(paragraph: str) -> Dateline | None:
    m = _BRACKET_SOURCE_RE.match(paragraph)
    if not m or not _SOURCE_NAME_RE.fullmatch(m.group("name")) or m.group("name").upper() in _NOT_PLACES:
        return None  # "(Mountain View) –", "(BROOKLYN) -", "(UPDATE) —": a place or a note
    return Dateline(place="", agency=m.group("name"), end=m.end())


def is_dateline_only(line: str) -> bool:
    """True for a line that holds a dateline and nothing else ("WASHINGTON —", "HAVANA (AP) --")."""
    d = parse_dateline(line)
    return d is not None and not line[d.end :].strip()


def parse_date(text: str) -> tuple[int | None, int, int] | None:
    """(year or None, month, day) of the first written-out date in ``text``; None if there is none or it is impossible."""
    for m in DATE_RE.finditer(text):
        value = _date_parts(m)
        if value:
            return value
    return None


def _date_parts(m: re.Match[str]) -> tuple[int | None, int, int] | None:
    g = m.groupdict()
    if g["m1"]:
        month, day, year = month_number(g["m1"]), int(g["d1"]), g["y1"]
    elif g["m2"]:
        month, day, year = month_number(g["m2"]), int(g["d2"]), g["y2"]
    elif g["m3"]:
        month, day, year = int(g["m3"]), int(g["d3"]), g["y3"]
    elif g["m4"]:  # d.m.yyyy: the dotted order is day first wherever it is used
        month, day, year = int(g["m4"]), int(g["d4"]), g["y4"]
    else:  # a/b/yyyy is month first in the US and day first elsewhere: use it only when a part tells
        a, b, year = int(g["a5"]), int(g["b5"]), g["y5"]
        if len(year) != 4 or (a <= 12 and b <= 12):
            return None
        month, day = (b, a) if a > 12 else (a, b)
    y = int(year) if year else None
    try:
        date(y or 2000, month, day)  # 2000 is a leap year: Feb 29 without a year stays possible
    except ValueError:
        return None
    return y, month, day


def infer_year(month: int, day: int, text: str, weekday: int | None = None) -> int | None:
    """The year of a date given as day and month only (a header, a dateline), if ``text`` settles it; else None.

    The publication cannot precede what the text reports as already past,
    nor follow what it announces as coming. The candidate is the earliest
    year in which (month, day) is on or after every full date the text
    reports in the past tense and not after any it reports as coming; there
    must be at least one past date. A lone old date ("the speech of March 5,
    1946") would make any later year fit, so the candidate must also be
    confirmed by the lead: its weekday must be one the opening paragraphs
    name ("the president will hold talks on Wednesday"), which a wrong year passes
    only one time in seven. When the date came with its own weekday ("Fri 6
    Mar"), that weekday alone confirms or refutes the candidate.
    """
    past: list[date] = []
    future: list[date] = []
    for m in DATE_RE.finditer(text):
        parts = _date_parts(m)
        if not parts or parts[0] is None:
            continue
        when = date(parts[0], parts[1], parts[2])
        tense = tense_from_words(text, m.start(), m.end())
        if tense == PAST:
            past.append(when)
        elif tense == FUTURE:
            future.append(when)
    if not past:
        return None
    floor = max(past)
    candidate = None
    for year in range(floor.year, floor.year + 2):
        try:
            when = date(year, month, day)
        except ValueError:  # Feb 29 in a common year
            continue
        if when >= floor:
            candidate = when
            break
    if candidate is None or (candidate - floor).days > MAX_INFERENCE_GAP_DAYS:
        return None
    if any(candidate > f for f in future):
        return None
    if weekday is not None:
        return candidate.year if candidate.weekday() == weekday else None
    named = {WEEKDAY_NAMES[w.lower()] for w in _WEEKDAY_NAME_RE.findall(text[:LEAD_CHARS])}
    return candidate.year if candidate.weekday() in named else None


def header_date(text: str) -> tuple[int | None, int, int] | None:
    """(year or None, month, day) of the publication date on a date or byline line; None if it gives none.

    The first date that is not marked as a revision ("Published 14 October
    2025 | Updated 15 October 2025" gives the 14th); a line that gives only
    a revision date gives None, since publication may lie well before it.
    """
    for m in DATE_RE.finditer(text):
        before = _WORD_RE.findall(WEEKDAY_RE.sub(" ", text[: m.start()]))[-REVISION_WINDOW_WORDS:]
        if any(w.lower() in _REVISION_WORDS for w in before):
            continue
        value = _date_parts(m)
        if value:
            return value
    return None


def weekday_of(text: str) -> int | None:
    """The weekday (Monday = 0) a short date line names ("Fri 6 Mar, 07:10"), or None if none or several."""
    found = {weekday_number(m.group(0)[:3]) for m in WEEKDAY_RE.finditer(text)}
    return found.pop() if len(found) == 1 else None


def self_reference(texts: list[str], copyright: bool = True) -> str | None:
    """The name a site gives itself in its chrome ("Read “X” on Telegram!", "© 2025 X"), or None.

    With ``copyright`` False only calls to action count: a copyright line
    often names the site's owner ("© 2016 Wexley Media Group") or, under agency
    copy, the agency, rather than the outlet.
    """
    patterns = _SELF_REF_RES if copyright else _SELF_REF_RES[:-1]
    for text in texts:
        for pattern in patterns:
            m = pattern.search(text)
            if not m:
                continue
            name = re.sub(r"['’]s$", "", m.group("name").strip(" .,-|"))
            name = re.sub(r"^(?i:by)\s+", "", name)
            if pattern is _BARE_CTA_RE and name.split()[-1].lower() not in PUBLICATION_WORDS:
                continue
            if name and name.lower() not in _PRONOUNS and not name.lower().startswith(("the latest", "us ", "our ")):
                return name
    return None


def masthead_name(line: str) -> str | None:
    """The publication a masthead line names ("THE MARLOW GAZETTE", "Harlan Business Daily"), or None.

    A masthead is a short line of capitalised words that starts or ends with
    a publication noun ("Herald", "Daily", "Wire") and has a word that is not
    a section label, so "World News", "Daily News" or "Foreign News" is not
    one. The line is returned as printed (``restore_case`` undoes capitals).
    """
    name = re.sub(r"^[“\"'‘«]|[”\"'’»]$", "", line.strip())
    words = name.split()
    if not 2 <= len(words) <= MASTHEAD_NAME_MAX_WORDS or not all(_MASTHEAD_WORD_RE.match(w) for w in words):
        return None
    if DATE_RE.search(name) or any(c.isdigit() for c in name):
        return None
    content = [w for w in words if w.lower() not in _NAME_GLUE]
    if len(content) < 2 or not all(w[0].isupper() for w in content):
        return None
    lowered = [w.lower().strip(".'’") for w in content]
    if lowered[0] not in PUBLICATION_WORDS and lowered[-1] not in PUBLICATION_WORDS:
        return None
    if all(w in SECTION_WORDS or w in _GENERIC_PUBLICATION_WORDS for w in lowered):
        return None
    return name


def restore_case(name: str, texts: list[str]) -> str:
    """``name`` as ``texts`` spell it when it is set in capitals ("MARLOW GAZETTE" → "Marlow Gazette").

    The first spelling in mixed case found in ``texts`` wins; with none, the
    words are capitalised, keeping short ones that read as acronyms ("BBC").
    """
    if not name.isupper():
        return name
    pattern = re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, name.split())) + r"(?!\w)", re.I)
    for text in texts:
        for m in pattern.finditer(text):
            if not m.group(0).isupper():
                return " ".join(m.group(0).split())
    words = []
    for i, word in enumerate(name.split()):
        lower = word.lower()
        if lower in _NAME_GLUE and i > 0:
            words.append(lower)
        elif len(word) <= 3 and lower not in _NAME_GLUE and lower not in PUBLICATION_WORDS:
            words.append(word)
        else:
            words.append(word[0] + lower[1:])
    return " ".join(words)


def site_of_url(url: str | None) -> str | None:
    """The site name of a URL: its host without "www." ("reuters.com"); web-archive wrappers are unwrapped."""
    if not url:
        return None
    inner = re.search(r"/web/\d+[a-z_]*/(https?://.+)$", url)
    if inner:
        url = inner.group(1)
    try:
        host = urlsplit(url if "//" in url else "//" + url).hostname
    except ValueError:
        return None
    if not host or "." not in host:
        return None
    return re.sub(r"^(?:www\d?|m|amp|mobile)\.", "", host)


# A date in a URL's path, as CMSs file stories: "/2026/02/14/", "/2026-02-14-slug",
# "/2026/02/" (month precision). Years outside 1990-2099 are ids, not dates.
_URL_DATE_RE = re.compile(
    r"/(?P<y>(?:199\d|20\d\d))(?P<sep>[/-])(?P<m>0[1-9]|1[0-2])(?:(?P=sep)(?P<d>0[1-9]|[12]\d|3[01]))?(?=[/_.-]|$)"
)


def url_date(url: str | None) -> str | None:
    """The publication date filed in a URL's path ("2026-02-14", or "2026-02" from "/2026/02/"), or None."""
    if not url:
        return None
    inner = re.search(r"/web/\d+[a-z_]*/(https?://.+)$", url)  # a web-archive wrapper carries its own date
    path = urlsplit(inner.group(1) if inner else url).path
    m = _URL_DATE_RE.search(path)
    if not m:
        return None
    y, mo, d = int(m["y"]), int(m["m"]), m["d"]
    if d is None:
        return f"{y:04d}-{mo:02d}"
    try:
        return date(y, mo, int(d)).isoformat()
    except ValueError:
        return None


def normalize_published(value: object) -> str | None:
    """An ISO date at its precision ("2026-01-28", "2025-10", "2024") from a metadata value, or None."""
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return None  # a bare number is ambiguous (year? epoch?): never guess
    text = str(value).strip()
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?", text)
    if m:
        y, mo, d = m.groups()
        try:
            if d:
                return date(int(y), int(mo), int(d)).isoformat()
            if mo:
                return f"{int(y):04d}-{int(mo):02d}" if 1 <= int(mo) <= 12 else None
            return f"{int(y):04d}"
        except ValueError:
            return None
    return _parse_loose(text)


def _parse_loose(text: str) -> str | None:
    """A written date ("Tue, 28 Jan 2026 07:49:00 GMT", "January 28, 2026") at the precision it gives."""
    from dateutil import parser

    try:
        a = parser.parse(text, default=datetime(2000, 1, 1), fuzzy=False)
        b = parser.parse(text, default=datetime(2001, 2, 2), fuzzy=False)
    except (ValueError, OverflowError, parser.ParserError):
        return None
    if a.year != b.year:
        return None  # no year given: not a publication date we can use
    if a.month != b.month:
        return f"{a.year:04d}"
    if a.day != b.day:
        return f"{a.year:04d}-{a.month:02d}"
    return a.date().isoformat()
