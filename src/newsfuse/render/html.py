"""The report as one self-contained HTML page: no network, inline CSS and script, every citation a link to its sentence."""

from __future__ import annotations

import base64
import functools
import hashlib
import json
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

from markupsafe import Markup

from newsfuse.errors import NewsfuseError
from newsfuse.render.event import MAX_MATRIX_ROWS as MAX_MATRIX_ROWS  # re-exported: the cap is the page's too
from newsfuse.render.event import TEMPLATES, EventParts, stylesheet
from newsfuse.render.framing import has_tables
from newsfuse.render.json_report import schema
from newsfuse.render.names import short_names as short_names  # re-exported
from newsfuse.util import write_atomic

TEMPLATE = "report.html.j2"
# What one page inlines of a large report (the page says so; report.json holds everything).
# Each is far above what a report of a few hundred articles holds, and together they keep the
# page of 3,000 articles under 15 MB (bench/bench_report_size.py; docs/reliability.md).
# Characters of article text inlined whole, article by article in list order; an article
# past it shows the sentences the page cites (about 750 GVC reports' worth of text).
INLINE_TEXT_CHARS = 1_000_000
# Events whose claim matrix is drawn, in the order of the event list.
MAX_MATRIX_EVENTS = 60
# Quotes shown, the most quoted speakers first.
MAX_QUOTES = 1_500
# Rows of the entity table and of the article list shown open; longer ones are folded under their
# count (a citation still opens its sentence: the script opens what holds it).
OPEN_ROWS = 20
# Article markers in one list (an entity's or an event's articles); the rest are counted.
MAX_REFS = 30
# Sections rendered by their own part of the template, in page order; any other list or object
# the schema (or a later report) adds is shown by the generic renderer after them.
SECTIONS = (
    ("events", "Events and stories"),
    ("summary", "Summary by event"),
    ("timeline", "Timeline"),
    ("entities", "Entities"),
    ("claims", "Claims by outlet"),
    ("contradictions", "Contradictions"),
    ("quotes", "Quotes"),
    ("framing", "Framing"),
    ("articles", "Articles"),
    ("skipped", "Skipped inputs"),
)
# Covered by another section (stories with events) or metadata of the page itself.
_NOT_SECTIONS = frozenset({"schema_version", "generator", "stories"})
# The page may load nothing: styles and the one script are inline, the script by its hash.
_CSP = (
    "default-src 'none'; script-src '{script}'; style-src 'unsafe-inline'; img-src data:; "
    "font-src 'none'; connect-src 'none'; media-src 'none'; object-src 'none'; frame-src 'none'; "
    "worker-src 'none'; manifest-src 'none'; base-uri 'none'; form-action 'none'"
)
_ID_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")
_SAFE_URL = re.compile(r"^https?://", re.IGNORECASE)
# Characters that may not appear raw in JSON inside a <script> element (or that old parsers
# read as line ends).
_SCRIPT_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def render_html(data: Mapping[str, Any]) -> str:
    """The HTML page of a report dict (the output of ``json_report.report_dict``)."""
    import jinja2

    script = _asset("report.js")
    view = _View(data)
    context = {
        "data": data,
        "v": view,
        "css": Markup(_asset("report.css") + stylesheet()),
        "script": Markup(script),
        "csp": _CSP.format(script=script_hash(script)),
        "page_data": Markup(script_json(view.page_data())),
        "sections": view.sections(),
    }
    try:
        return _environment().get_template(TEMPLATE).render(context)
    except jinja2.TemplateError as exc:
        raise NewsfuseError(f"cannot render report.html: {exc}") from exc


def write_html(data: Mapping[str, Any], path: str | Path) -> None:
    write_atomic(path, render_html(data))


def script_hash(script: str) -> str:
    """The CSP source expression that allows exactly this inline script."""
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


def script_json(value: Any) -> str:
    """JSON that can sit inside a ``<script type="application/json">`` element: ``</script>``,
    ``<!--`` and ``&`` in the data cannot end or change the element."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for raw, escaped in _SCRIPT_ESCAPES.items():
        text = text.replace(raw, escaped)
    return text


@functools.lru_cache(maxsize=1)
def _environment():
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader(*TEMPLATES),
        # The template's name ends in .j2, which select_autoescape would not match: escape always.
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        # Newlines after block tags are kept: in running text they are the spaces between words.
        lstrip_blocks=True,
    )
    env.filters["safe_url"] = lambda url: url if isinstance(url, str) and _SAFE_URL.match(url) else None
    return env


def _asset(name: str) -> str:
    return resources.files("newsfuse.render").joinpath("templates", name).read_text(encoding="utf-8")


def _schema_required(key: str) -> list[str]:
    """The fields each item of a top-level list must have, per the shipped schema."""
    prop = schema()["properties"].get(key, {})
    items = prop.get("items", {})
    if "$ref" in items:
        items = schema()["$defs"][items["$ref"].rsplit("/", 1)[-1]]
    return list(items.get("required", ()))


class _View(EventParts):
    """Lookups the template needs: anchors, citation markers, names, each event's parts (EventParts)."""

    # What an event folds away on this page (event.j2): all but what is disputed, the summary and the
    # dates on a line, each part under a heading with its count (issue 13: the page was too long to read).
    fold = frozenset({"timeline", "matrix", "quotes", "framing", "articles"})

    def __init__(self, data: Mapping[str, Any]):
        super().__init__(data)
        self.number = {a["id"]: n for n, a in enumerate(self.articles, 1)}
        self.key = _anchor_keys([a["id"] for a in self.articles])
        self.event_key = _anchor_keys(list(self.event))
        self._quotes_left = MAX_QUOTES
        self.inlined = _inlined(self.articles)
        # (article, sentence) pairs a citation on the page points at: an article whose text is
        # not inlined shows these. The articles section comes after every section that cites.
        self.cited: dict[str, set[int]] = defaultdict(set)
        self.max_refs = MAX_REFS
        self.open_rows = OPEN_ROWS

    # sections -------------------------------------------------------------------------------

    def sections(self) -> list[dict[str, Any]]:
        """Every section of the page: the known ones in order, then whatever else the report holds."""
        known = [{"key": k, "title": t, "generic": False} for k, t in SECTIONS]
        seen = {k for k, _ in SECTIONS} | _NOT_SECTIONS
        extra = [k for k in schema()["properties"] if k not in seen]
        extra += [k for k in self.data if k not in seen and k not in extra]
        known += [{"key": k, "title": k.replace("_", " ").capitalize(), "generic": True} for k in extra]
        return known

    def caps(self) -> list[str]:
        """What this page leaves to report.json, one phrase per cap reached (none on a small report)."""
        out = []
        if len(self.inlined) < len(self.articles):
            out.append(
                f"the full text of the first {len(self.inlined):,} of {len(self.articles):,} articles "
                f"(at most {INLINE_TEXT_CHARS:,} characters; the others show the sentences cited here)"
            )
        events = len(self.claims_by_event())
        if events > MAX_MATRIX_EVENTS:
            out.append(f"the claim matrices of {MAX_MATRIX_EVENTS} of {events:,} events")
        quotes = len(self.data.get("quotes") or ())
        if quotes > MAX_QUOTES:
            out.append(f"{MAX_QUOTES:,} of {quotes:,} quotes")
        return out

    def fields(self, key: str) -> list[str]:
        """Columns for a generic section: the schema's required fields, then any others seen."""
        cols = _schema_required(key)
        for item in self.data.get(key) or ():
            if isinstance(item, Mapping):
                cols += [k for k in item if k not in cols]
        return cols

    def page_data(self) -> dict[str, Any]:
        """What the script reads: the label of each article anchor, for the way back from a citation
        and the hover text of its markers."""
        return {
            "articles": {
                self.key[a["id"]]: {"n": self.number[a["id"]], "outlet": a.get("outlet") or "", "title": a.get("title") or ""}
                for a in self.articles
            }
        }

    # articles and citations -----------------------------------------------------------------

    def anchor(self, article_id: str) -> str:
        return f"a-{self.key.get(article_id, _ID_UNSAFE.sub('-', str(article_id)))}"

    def sentence_anchor(self, article_id: str, sentence: int) -> str:
        return f"s-{self.key.get(article_id, _ID_UNSAFE.sub('-', str(article_id)))}-{sentence}"

    def in_order(self, article_ids: Any) -> list[str]:
        """Article ids in the order of the article list (unknown ids last)."""
        return sorted(dict.fromkeys(article_ids or ()), key=lambda a: self.number.get(a, len(self.number) + 1))

    def event_anchor(self, event_id: str) -> str:
        return f"e-{self.event_key.get(event_id, _ID_UNSAFE.sub('-', str(event_id)))}"

    def sentence_href(self, article_id: str, sentence: int) -> str:
        self.cited[article_id].add(sentence)  # the articles section, drawn last, shows it
        return "#" + self.sentence_anchor(article_id, sentence)

    def cite_label(self, article_id: str) -> str:
        outlet = (self.article.get(article_id) or {}).get("outlet")
        return self.short.get(outlet, str(self.number.get(article_id, "?")))

    def cited_segments(self, article: Mapping[str, Any]) -> list[tuple[str, int | None]]:
        """The sentences of an article the page cites (index), with " … " (None) where sentences are left out."""
        out: list[tuple[str, int | None]] = []
        last = -1
        for i in sorted(self.cited.get(article["id"], ())):
            text = self.sentence_text(article["id"], i)
            if text:
                out += [(" " if i == last + 1 else " … ", None), (text, i)]
                last = i
        if out:
            out[0] = ("… " if out[0][0] != " " else "", None)
            if last < len(article.get("sentences") or []) - 1:
                out.append((" …", None))
        return out

    # names ----------------------------------------------------------------------------------

    def event_title(self, event_id: Any) -> str | None:
        e = self.event.get(event_id)
        return (e.get("title") or e["id"]) if e else None

    # an event's parts, within the page's caps --------------------------------------------------

    def article_href(self, article_id: str) -> str:
        return "#" + self.anchor(article_id)

    def matrix(self, event_id: str | None) -> dict[str, Any] | None:
        """The event's claim matrix; None past the first MAX_MATRIX_EVENTS events with claims."""
        if event_id not in self._drawn:
            return None
        return super().matrix(event_id)

    def matrix_events(self) -> list[Any]:
        """The events whose claim matrix the page draws: the first MAX_MATRIX_EVENTS with claims."""
        order = {eid: n for n, eid in enumerate(self.event)}
        with_claims = sorted(self.claims_by_event(), key=lambda e: (e is None, order.get(e, len(order)), str(e)))
        return with_claims[:MAX_MATRIX_EVENTS]

    @functools.cached_property
    def _drawn(self) -> frozenset[Any]:
        return frozenset(self.matrix_events())

    def quotes_by_speaker(self, event_id: str | None = None, speaker: str | None = None) -> list[tuple[str, list[Mapping[str, Any]]]]:
        """The event's quotes by speaker, while the page has shown fewer than MAX_QUOTES."""
        out = []
        for name, quotes in super().quotes_by_speaker(event_id, speaker):
            if self._quotes_left <= 0:
                break
            out.append((name, quotes[: self._quotes_left]))
            self._quotes_left -= len(out[-1][1])
        return out

    def outside(self, key: str) -> list[Mapping[str, Any]]:
        """The claims, contradictions or quotes that belong to no event (shown in their own section)."""
        if key == "claims":
            return self.claims(None)
        if key == "contradictions":
            return list(self.contradictions_by_event().get(None, ()))
        members = {a for e in self.events for a in e.get("articles") or ()}
        return [q for q in self.data.get(key) or () if q.get("article") not in members]

    def framed_events(self) -> list[Mapping[str, Any]]:
        """The events whose framing differs between outlets (each shows its tables)."""
        return [e for e in self.events if has_tables(self.framing(e["id"]))]

    def storylines(self) -> list[Mapping[str, Any]]:
        """The stories worth a line of their own: several events, or a summary of the story itself."""
        return [s for s in self.data.get("stories") or () if len(s.get("events") or ()) > 1 or self.story_lines(s["id"])]

    def story_lines(self, story_id: str) -> list[Mapping[str, Any]]:
        """The summary lines of a storyline (those of its events are with each event)."""
        return self._indexed("summary", "story").get(story_id, [])

def _inlined(articles: Sequence[Mapping[str, Any]]) -> set[str]:
    """The ids of the articles whose whole text fits in INLINE_TEXT_CHARS, in list order."""
    out: set[str] = set()
    used = 0
    for a in articles:
        used += len(a.get("text") or "")
        if used > INLINE_TEXT_CHARS:
            break
        out.add(a["id"])
    return out


def _anchor_keys(ids: Sequence[str]) -> dict[str, str]:
    """A unique, id-safe key per article id (ids are file stems or JSONL ids: anything)."""
    keys: dict[str, str] = {}
    used: set[str] = set()
    for aid in ids:
        base = _ID_UNSAFE.sub("-", str(aid)).strip("-") or "article"
        key, n = base, 2
        while key in used:
            key, n = f"{base}-{n}", n + 1
        used.add(key)
        keys[aid] = key
    return keys
