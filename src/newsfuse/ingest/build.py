"""Assembling one ``Article`` from a parsed input: clean, then read language, title, dateline, outlet and date."""

from __future__ import annotations

import dataclasses
from datetime import date

from newsfuse.errors import EmptyInput
from newsfuse.ingest.clean import Cleaned, clean_blocks
from newsfuse.ingest.document import RawDoc
from newsfuse.ingest.lang import detect_language
from newsfuse.ingest.outlets import canonical_outlet
from newsfuse.ingest.meta import (
    Dateline,
    find_dateline,
    header_date,
    infer_year,
    masthead_name,
    normalize_published,
    restore_case,
    self_reference,
    site_of_url,
    url_date,
    weekday_of,
)
from newsfuse.ingest.title import lead_title
from newsfuse.model import Article, Removed

# Removed blocks that speak for other sites or people, so a name in them is
# not the site naming itself: teasers link elsewhere, captions credit agencies.
_NOT_SELF_REFERENCE = frozenset(
    {"related-articles tail", "related-articles links", "related-articles link", "photo caption", "credits", "byline"}
)
# Paragraphs are joined with a blank line: one paragraph per line pair reads
# well in any viewer and gives the sentence splitter an unambiguous break.
PARAGRAPH_SEPARATOR = "\n\n"
# Characters of the text cut from an overlong article shown in its note (the rest is not kept).
CUT_PREVIEW_CHARS = 200


def build_article(raw: RawDoc, article_id: str, min_text_chars: int, max_text_chars: int | None = None) -> Article:
    """The Article for ``raw``; raises EmptyInput when too little text is left after cleaning, and
    cuts one with more than ``max_text_chars`` at a paragraph break, noting the cut in ``removed``.

    Steps:
    1. tell the language (its stopwords drive cleaning);
    2. clean: title, paragraphs, removed chrome;
    3. join the paragraphs into the final text and check its length (too short: skipped; too
       long: cut, with a note);
    4. read the dateline opening the story, with its span in the text;
    5. find the title's basis, or cut a title from the lead when there is none;
    6. find the outlet and its basis, and the agency whose copy it is; the outlet goes by its
       one canonical name (``ingest.outlets``);
    7. find the publication date and its basis (metadata, dateline, header or
       byline, URL path, then a yearless header or dateline date);
    8. note the metadata fields the input gave that could not be used, after what cleaning removed.
    """
    # 1. language
    language = detect_language(" ".join(b.text for b in raw.blocks))
    # 2. clean
    cleaned = clean_blocks(raw.blocks, title=raw.title, language=language, chrome=tuple(t for t, _ in raw.removed))
    # 3. text
    text = PARAGRAPH_SEPARATOR.join(cleaned.paragraphs)
    if len(text) < min_text_chars:
        raise EmptyInput(
            raw.source,
            f"too little article text after cleaning ({len(text)} characters; min_text_chars is {min_text_chars})",
        )
    language = detect_language(text) or language
    removed = tuple(Removed(t, r) for t, r in raw.removed) + cleaned.removed
    if max_text_chars is not None and len(text) > max_text_chars:
        cleaned, cut = _cut(cleaned, max_text_chars)
        text = PARAGRAPH_SEPARATOR.join(cleaned.paragraphs)
        removed += (cut,)
    # 4. dateline
    found = find_dateline(cleaned.paragraphs, PARAGRAPH_SEPARATOR)
    dateline, dateline_start, dateline_end = found if found else (None, None, None)
    # 5. title
    title, title_basis = _title(raw, cleaned, language)
    # 6. outlet
    outlet, outlet_basis = _outlet(raw, cleaned, dateline, removed, text)
    outlet = canonical_outlet(outlet)
    # 7. date
    published, published_basis = _published(raw, dateline, cleaned, text)
    # 8. dropped fields (after steps 6 and 7: a note is no page chrome to find an outlet in)
    removed += tuple(Removed(t, r) for t, r in raw.dropped)
    return Article(
        id=article_id,
        text=text,
        title=title,
        title_basis=title_basis,
        outlet=outlet,
        outlet_basis=outlet_basis,
        agency=canonical_outlet(dateline.agency) if dateline else None,
        url=raw.url,
        published=published,
        published_basis=published_basis,
        language=language,
        source=raw.source,
        removed=removed,
        dateline=(dateline.place or None) if dateline else None,
        dateline_start=dateline_start,
        dateline_end=dateline_end,
        encoding=raw.encoding,
    )


def _cut(cleaned: Cleaned, limit: int) -> tuple[Cleaned, Removed]:
    """``cleaned`` with only the paragraphs that fit in ``limit`` characters (the first one cut at
    a space when it alone is longer), and the note on what was cut."""
    kept: list[str] = []
    size = 0
    for paragraph in cleaned.paragraphs:
        extra = len(paragraph) + (len(PARAGRAPH_SEPARATOR) if kept else 0)
        if size + extra > limit:
            break
        kept.append(paragraph)
        size += extra
    if not kept:
        first = cleaned.paragraphs[0]
        end = first.rfind(" ", 0, limit + 1)
        kept = [first[: end if end > 0 else limit].rstrip()]
    rest = PARAGRAPH_SEPARATOR.join(cleaned.paragraphs)[len(PARAGRAPH_SEPARATOR.join(kept)) :].lstrip()
    note = Removed(
        rest[:CUT_PREVIEW_CHARS] + ("…" if len(rest) > CUT_PREVIEW_CHARS else ""),
        f"article cut: {len(rest):,} more characters past max_article_chars ({limit:,})",
    )
    return dataclasses.replace(cleaned, paragraphs=tuple(kept)), note


def _title(raw: RawDoc, cleaned: Cleaned, language: str | None) -> tuple[str, str | None]:
    if cleaned.title:
        return cleaned.title, "metadata" if raw.title else "heading"
    # No title anywhere: cut one from the lead sentence, so no report shows an empty title.
    title = lead_title(cleaned.paragraphs, language)
    return (title, "lead") if title else ("", None)


def _outlet(
    raw: RawDoc, cleaned: Cleaned, dateline: Dateline | None, removed: tuple[Removed, ...], text: str
) -> tuple[str | None, str | None]:
    # The site naming itself (masthead, calls to action) comes before the
    # dateline's agency: a paper running agency copy is the outlet, and the
    # agency stays in ``Article.agency``. Copyright lines come after the
    # dateline: on GVC pages they name a station's owning company or the
    # agency as often as the station itself.
    if raw.outlet:
        return raw.outlet, "metadata"
    chrome = [r.text for r in removed]
    page_header = (masthead_name(r.text.split(" · ")[0]) for r in removed if r.reason == "page header")
    masthead = cleaned.masthead or next(filter(None, page_header), None)
    if masthead:
        return restore_case(masthead, [*chrome, text]), "masthead"
    pieces = [p for r in removed if r.reason not in _NOT_SELF_REFERENCE for p in r.text.split(" · ")]
    name = self_reference(pieces, copyright=False)
    if name:
        return name, "self-reference"
    if dateline and dateline.agency:
        return dateline.agency, "dateline"
    name = self_reference(pieces)
    if name:
        return name, "self-reference"
    site = site_of_url(raw.url)
    if site:
        return site, "url"
    return None, None


def _published(raw: RawDoc, dateline: Dateline | None, cleaned: Cleaned, text: str) -> tuple[str | None, str | None]:
    if raw.published:
        value = normalize_published(raw.published)
        if value:
            return value, "metadata"
    has_date = dateline is not None and dateline.month is not None and dateline.day is not None
    if has_date and dateline.year:
        return date(dateline.year, dateline.month, dateline.day).isoformat(), "dateline"
    # A full date on a header or byline line is the page's own statement of its date.
    for line, basis in [*((h, "header") for h in cleaned.headers), *((b, "byline") for b in cleaned.bylines)]:
        parsed = header_date(line)
        if parsed and parsed[0] is not None:
            value = _full_date(*parsed, text, weekday_of(line))
            if value:
                return value, basis
    # A date the CMS filed in the URL's path is the site's own record of the day.
    value = url_date(raw.url)
    if value:
        return value, "url"
    for header in cleaned.headers:
        parsed = header_date(header)
        if parsed:
            value = _full_date(*parsed, text, weekday_of(header))
            if value:
                return value, "header"
            break  # the header's date is the one to settle; later lines are no better
    if has_date:
        value = _full_date(None, dateline.month, dateline.day, text)
        if value:
            return value, "dateline"
    return None, None


def _full_date(year: int | None, month: int, day: int, text: str, weekday: int | None = None) -> str | None:
    year = year or infer_year(month, day, text, weekday)
    if year is None:
        return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None
