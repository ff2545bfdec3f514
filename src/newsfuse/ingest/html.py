"""HTML inputs: main text and metadata via trafilatura, page chrome kept as removed blocks.

trafilatura finds the article body and the page metadata (title, site name,
canonical URL); htmldate, run by trafilatura with its extensive text search
switched off, reads the publication date from the page's markup only, so a
date printed somewhere in the body or a teaser is never taken for it.
Nothing here fetches anything: the URL is only read as a string.

Everything on the page that trafilatura left out is kept as ``removed``
blocks, each with a reason drawn from the landmark it sat in (navigation,
footer, sidebar, comment form ...), so a user can see what was cut.
"""

from __future__ import annotations

import re

from newsfuse.errors import EmptyInput, UndecodableInput
from newsfuse.ingest.document import Block, RawDoc
from newsfuse.ingest.normalize import collapse_spaces, normalize_text

# Elements whose text is never shown to a reader.
_INVISIBLE_TAGS = frozenset({"script", "style", "noscript", "template", "head", "svg", "iframe", "object", "select"})
# Elements that start a new block of text when rendered.
_BLOCK_TAGS = frozenset(
    {
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th", "dt", "dd", "figcaption", "blockquote",
        "pre", "address", "caption", "label", "button", "summary", "legend", "div", "section", "article",
        "aside", "nav", "header", "footer", "main", "form", "ul", "ol", "dl", "table", "tr", "figure", "body",
        "time",  # inline, but a page's date line is a block of its own to a reader
    }
)
# Landmarks, in the words a reader understands: (tag names, class/id/role
# tokens, reason). The nearest matching ancestor of a block names its reason.
_LANDMARKS: tuple[tuple[frozenset[str], frozenset[str], str], ...] = (
    (frozenset(), frozenset({"cookie", "cookies", "consent", "gdpr"}), "cookie notice"),
    (frozenset(), frozenset({"comment", "comments", "respond", "reply", "disqus"}), "comment form"),
    (
        frozenset(),
        frozenset({"related", "recommended", "recommendations", "more", "popular", "trending", "teaser", "teasers"}),
        "related-articles links",
    ),
    (frozenset(), frozenset({"share", "sharing", "social", "sharebar"}), "share buttons"),
    (frozenset(), frozenset("ad ads advert advertisement sponsor sponsored promo".split()), "advertisement"),
    (frozenset(), frozenset({"byline", "author", "authors", "bio"}), "byline"),
    (frozenset({"time"}), frozenset({"date", "time", "timestamp", "published", "dateline-time", "meta"}), "timestamp"),
    (frozenset({"figcaption"}), frozenset({"caption", "credit"}), "photo caption"),
    (frozenset(), frozenset({"tags", "tag", "categories", "topics"}), "tags"),
    (frozenset({"nav"}), frozenset({"nav", "navigation", "menu", "breadcrumb", "breadcrumbs", "navbar"}), "navigation"),
    (frozenset({"aside"}), frozenset({"sidebar", "complementary", "widget"}), "sidebar"),
    (frozenset({"footer"}), frozenset({"footer", "contentinfo", "copyright"}), "footer"),
    (frozenset({"header"}), frozenset({"header", "masthead", "banner", "topbar"}), "page header"),
    (frozenset({"form"}), frozenset({"form", "search", "newsletter", "subscribe"}), "form"),
)
_TOKEN_SPLIT_RE = re.compile(r"[^a-z0-9]+")
_XML_DECL_RE = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
# A page block counts as main text when it equals a main block or, if at
# least this long (letters and digits), is contained in the main text: short
# words such as "News" or "Sport" occur inside any article by chance.
MIN_CONTAINED_CHARS = 30
# A site name added to a page title is short ("Island News", "The Coastal Ledger").
MAX_SITE_NAME_WORDS = 6
_TITLE_SEPARATOR_RE = re.compile(r"\s*[|\-–—:·»]\s*(.+?)\s*|\s*(.+?)\s*[|\-–—:·»]\s*")
# Trafilatura's XML elements that hold one block of main text each.
_MAIN_BLOCK_TAGS = frozenset({"p", "head", "item", "row", "quote", "code"})
# htmldate settings: markup only (no guessing from body text), prefer the
# original publication date over "last modified".
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


def html_document(html: str, source: str, id_hint: str, url: str | None = None) -> RawDoc:
    """Parse one HTML page into blocks of main text, metadata and removed chrome."""
    import lxml.etree
    import lxml.html
    import trafilatura

    html = _XML_DECL_RE.sub("", html, count=1)
    try:
        page = lxml.html.document_fromstring(html)
        extracted = trafilatura.extract(
            html,
            url=url,
            output_format="xml",
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            date_extraction_params=_DATE_PARAMS,
        )
        doc = lxml.etree.fromstring(extracted.encode("utf-8")) if extracted else None
    except Exception as exc:  # lxml and trafilatura on arbitrary markup: any failure means "cannot parse"
        raise UndecodableInput(source, f"not parseable as HTML ({type(exc).__name__}: {exc})") from exc
    if doc is None:
        raise EmptyInput(source, "no article text found in the HTML page")
    blocks = tuple(_main_blocks(doc))
    meta = doc.attrib
    title = _clean_meta(meta.get("title"))
    outlet = _clean_meta(meta.get("sitename"))
    if outlet and outlet.lower() == (meta.get("hostname") or "").lower():
        outlet = None  # trafilatura's fallback to the host name: the URL basis, not metadata
    return RawDoc(
        blocks=blocks,
        source=source,
        id_hint=id_hint,
        title=title,
        outlet=outlet or _site_in_title(page, title),
        url=_clean_meta(meta.get("url")) or url,
        published=_clean_meta(meta.get("date")),
        removed=tuple(_page_chrome(page, [b.text for b in blocks], title)),
    )


def _site_in_title(page, title: str | None) -> str | None:
    """The site name a page's <title> adds to the headline ("Ferry resumes | Island News"), if any."""
    node = page.find(".//title")
    full = _clean_meta(node.text_content()) if node is not None else None
    if not full or not title or full == title:
        return None
    after = full[len(title) :] if full.startswith(title) else None
    before = full[: -len(title)] if full.endswith(title) else None
    for rest in (after, before):
        if rest is None:
            continue
        m = _TITLE_SEPARATOR_RE.fullmatch(rest)
        name = m and (m.group(1) or m.group(2))
        if name and len(name.split()) <= MAX_SITE_NAME_WORDS:
            return name
    return None


def _clean_meta(value: str | None) -> str | None:
    if not value:
        return None
    value = collapse_spaces(normalize_text(value))
    return value or None


def _main_blocks(doc):
    main = doc.find("main")
    if main is None:
        return
    for el in main.iter():
        if el.tag not in _MAIN_BLOCK_TAGS or _has_block_ancestor(el, main):
            continue
        text = collapse_spaces(normalize_text("".join(el.itertext())))
        if text:
            yield Block(text, heading=el.tag == "head")


def _has_block_ancestor(el, stop) -> bool:
    parent = el.getparent()
    while parent is not None and parent is not stop:
        if parent.tag in _MAIN_BLOCK_TAGS:
            return True
        parent = parent.getparent()
    return False


def _page_chrome(page, main_blocks: list[str], title: str | None):
    """(text, reason) for each visible block of the page that is not in the main text, merged by reason."""
    whole = {_squash(b) for b in main_blocks}
    if title:
        whole.add(_squash(title))
    joined = "".join(_squash(b) for b in main_blocks)
    merged: list[tuple[str, str]] = []
    above_main = True
    for owner, text in _visible_blocks(page):
        squashed = _squash(text)
        if not squashed or squashed in whole or (len(squashed) >= MIN_CONTAINED_CHARS and squashed in joined):
            if squashed:
                above_main = False  # the headline or the text has begun
            continue
        reason = _landmark(owner)
        if reason == "page chrome" and above_main:
            # Unnamed markup above the headline and the text is the page's header
            # (a logo, a section strip), whatever its classes are called.
            reason = "page header"
        if merged and merged[-1][1] == reason:
            merged[-1] = (merged[-1][0] + " · " + text, reason)
        else:
            merged.append((text, reason))
    return merged


def _visible_blocks(page):
    """(block element, text) in reading order; each text node belongs to its nearest block ancestor."""
    pieces: dict[object, list[str]] = {}

    def owner_of(el):
        while el is not None and (not isinstance(el.tag, str) or el.tag.lower() not in _BLOCK_TAGS):
            el = el.getparent()
        return el

    def walk(el):
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if tag in _INVISIBLE_TAGS or not isinstance(el.tag, str):
            return
        owner = owner_of(el)
        if el.text and owner is not None:
            pieces.setdefault(owner, []).append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parent_owner = owner_of(el)
                if parent_owner is not None:
                    pieces.setdefault(parent_owner, []).append(child.tail)

    body = page.find("body")
    walk(body if body is not None else page)
    for owner, texts in pieces.items():
        text = collapse_spaces(normalize_text("".join(texts)))
        if text:
            yield owner, text


def _landmark(el) -> str:
    while el is not None:
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        tokens = set(_TOKEN_SPLIT_RE.split(" ".join((el.get("class", ""), el.get("id", ""), el.get("role", ""))).lower()))
        for tags, names, reason in _LANDMARKS:
            if tag in tags or tokens & names:
                return reason
        el = el.getparent()
    return "page chrome"


def _squash(text: str | None) -> str:
    """Lower-case letters and digits only: containment survives spacing and punctuation differences."""
    return re.sub(r"[\W_]+", "", text or "").lower()
