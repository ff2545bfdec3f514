"""The report as one self-contained HTML page: no network, inline CSS and script, every citation a link to its sentence."""

from __future__ import annotations

import base64
import functools
import hashlib
import json
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

from markupsafe import Markup

from newsfuse.errors import NewsfuseError
from newsfuse.render.framing import event_framing, has_tables
from newsfuse.render.json_report import schema
from newsfuse.render.sentences import segments, sentence_text
from newsfuse.util import write_atomic

TEMPLATE = "report.html.j2"
# Rows of the claim matrix per event: the best supported claims; the rest are in report.json.
# 40 keeps a 250-report corpus's page near 3 MB (the full matrix was 61 MB) and shows every
# corroborated claim of any event we have seen.
MAX_MATRIX_ROWS = 40
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
# Article markers in one list (an entity's or an event's articles); the rest are counted.
MAX_REFS = 30
# Sections rendered by their own part of the template, in page order; any other list or object
# the schema (or a later report) adds is shown by the generic renderer after them.
SECTIONS = (
    ("summary", "Summary"),
    ("timeline", "Timeline"),
    ("events", "Events and stories"),
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
# Words dropped from the front of an outlet's name before taking its short name.
_LEADING = frozenset({"the"})
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
        "css": Markup(_asset("report.css")),
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
        loader=jinja2.PackageLoader("newsfuse.render", "templates"),
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


class _View:
    """Lookups the template needs: anchors, citation markers, names, the claim matrix."""

    def __init__(self, data: Mapping[str, Any]):
        self.data = data
        self.articles: list[Mapping[str, Any]] = list(data.get("articles", ()))
        self.article = {a["id"]: a for a in self.articles}
        self.number = {a["id"]: n for n, a in enumerate(self.articles, 1)}
        self.key = _anchor_keys([a["id"] for a in self.articles])
        self.entity = {e["id"]: e for e in data.get("entities", ())}
        self.event = {e["id"]: e for e in data.get("events", ())}
        self.event_key = _anchor_keys(list(self.event))
        self.claim = {c["id"]: c for c in data.get("claims", ()) if "id" in c}
        self.short = short_names(sorted({a["outlet"] for a in self.articles if a.get("outlet")}))
        self._against_: dict[str, list[str]] | None = None
        self._by_event_: dict[Any, list[Mapping[str, Any]]] | None = None
        self.inlined = _inlined(self.articles)
        # (article, sentence) pairs a citation on the page points at: an article whose text is
        # not inlined shows these. The articles section comes after every section that cites.
        self.cited: dict[str, set[int]] = defaultdict(set)
        self.max_refs = MAX_REFS

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

    def sentence_text(self, article_id: str, sentence: int) -> str | None:
        return sentence_text(self.article.get(article_id), sentence)

    def cites(self, sources: Any) -> list[dict[str, Any]]:
        """Citation markers for sources given as ``{article, sentence}`` dicts or bare article ids:
        one per article, numbered as in the article list, in that order."""
        out: dict[str, dict[str, Any]] = {}
        for source in sources or ():
            if isinstance(source, Mapping):
                aid, sentence = source.get("article"), source.get("sentence")
            else:
                aid, sentence = source, None
            if aid is None or aid in out:
                continue
            text = self.sentence_text(aid, sentence) if sentence is not None else None
            if text is not None:
                href = self.sentence_anchor(aid, sentence)
                self.cited[aid].add(sentence)
            else:
                href = self.anchor(aid)
            # no title: the script shows the label and the sentence on hover, from the page itself
            outlet = (self.article.get(aid) or {}).get("outlet")
            out[aid] = {"n": self.number.get(aid, "?"), "href": href, "sentence": text is not None,
                        "label": self.short.get(outlet, str(self.number.get(aid, "?")))}
        cites = sorted(out.values(), key=lambda c: (not isinstance(c["n"], int), c["n"] if isinstance(c["n"], int) else 0))
        seen: Counter[str] = Counter()
        for c in cites:  # a second article of one outlet in the same list: "Coastline 2"
            seen[c["label"]] += 1
            if seen[c["label"]] > 1:
                c["label"] = f"{c['label']} {seen[c['label']]}"
        return cites

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

    def segments(self, article: Mapping[str, Any]) -> list[tuple[str, int | None]]:
        return segments(article)

    def quote_sentence(self, quote: Mapping[str, Any]) -> int | None:
        """The sentence a quote sits in: given, or found from its start offset."""
        if isinstance(quote.get("sentence"), int) and quote["sentence"] >= 0:
            return quote["sentence"]
        start = quote.get("start")
        a = self.article.get(quote.get("article"))
        if isinstance(start, int) and a:
            for i, (s, e) in enumerate(a.get("sentences") or ()):
                if s <= start < e:
                    return i
        return None

    # names ----------------------------------------------------------------------------------

    def entity_name(self, entity_id: Any) -> str:
        if entity_id is None:
            return "unattributed"
        e = self.entity.get(entity_id)
        return e["name"] if e else str(entity_id)

    def event_title(self, event_id: Any) -> str | None:
        e = self.event.get(event_id)
        return (e.get("title") or e["id"]) if e else None

    def outlet(self, article_id: str) -> str:
        a = self.article.get(article_id) or {}
        return a.get("outlet") or f"unknown outlet ({article_id})"

    # summary, quotes, claims ------------------------------------------------------------------

    def summary_groups(self) -> list[dict[str, Any]]:
        """Summary lines by the event or story they summarise, headline first."""
        groups: dict[tuple[str, str], dict[str, Any]] = {}
        for item in self.data.get("summary") or ():
            kind = "story" if item.get("story") else "event"
            gid = item.get(kind) or ""
            group = groups.setdefault((kind, gid), {"kind": kind, "id": gid, "headline": None, "lines": []})
            if item.get("kind") == "headline" and group["headline"] is None:
                group["headline"] = item
            else:
                group["lines"].append(item)
        return list(groups.values())

    def framings(self) -> list[tuple[Mapping[str, Any], dict[str, Any]]]:
        """(event, its framing tables) for each event whose framing differs between outlets."""
        out = []
        for e in self.data.get("events") or ():
            outlets = sorted({a.get("outlet") or a["id"] for a in self.articles
                              if a["id"] in set(e.get("articles") or ()) and not a.get("duplicate_of")})
            tables = event_framing(self.data, e, outlets)
            if has_tables(tables):
                out.append((e, tables))
        return out

    def quotes_by_speaker(self) -> list[tuple[str, list[Mapping[str, Any]]]]:
        """Quotes by speaker, the most quoted first, MAX_QUOTES in all."""
        by: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
        for q in self.data.get("quotes") or ():
            by[self.entity_name(q.get("speaker"))].append(q)
        groups = sorted(by.items(), key=lambda kv: (-len(kv[1]), kv[0] == "unattributed", kv[0].lower()))
        out, left = [], MAX_QUOTES
        for speaker, quotes in groups:
            if left <= 0:
                break
            out.append((speaker, quotes[:left]))
            left -= len(quotes)
        return out

    def known_outlets(self) -> list[str]:
        return sorted({a["outlet"] for a in self.articles if a.get("outlet")})

    def claims_by_event(self) -> dict[Any, list[Mapping[str, Any]]]:
        """The claims of each event (None: outside any event)."""
        if self._by_event_ is None:
            by_event: dict[Any, list[Mapping[str, Any]]] = defaultdict(list)
            for claim in self.data.get("claims") or ():
                eid = claim.get("event")
                if eid is None:  # older reports: the event most of its sources report
                    events = Counter(
                        self.article.get(s.get("article") if isinstance(s, Mapping) else s, {}).get("event")
                        for s in claim.get("sources") or ()
                    )
                    eid = events.most_common(1)[0][0] if events else None
                by_event[eid].append(claim)
            self._by_event_ = by_event
        return self._by_event_

    def claim_blocks(self) -> list[dict[str, Any]]:
        """The claim × outlet matrix, one block per event (claims are only compared within one).

        Columns are the outlets that cover the event (most reports first), then any other outlet
        a shown row cites; rows are the event's claims, the best supported (and the disputed)
        first, at most MAX_MATRIX_ROWS of them, and blocks for MAX_MATRIX_EVENTS events at most,
        so the page stays small on a large corpus.
        """
        by_event = self.claims_by_event()
        order = {eid: n for n, eid in enumerate(self.event)}
        # reports per event, read once (not once per event: a large corpus has thousands)
        covering: dict[Any, Counter[str]] = defaultdict(Counter)
        for a in self.articles:
            if not a.get("duplicate_of"):
                covering[a.get("event")][self.outlet(a["id"])] += 1
        blocks = []
        for eid in sorted(by_event, key=lambda e: (e is None, order.get(e, len(order)), str(e)))[:MAX_MATRIX_EVENTS]:
            claims = sorted(
                by_event[eid], key=lambda c: (-(c.get("support") or 0), c.get("status") != "disputed")
            )
            shown = claims[:MAX_MATRIX_ROWS]
            counts = covering.get(eid, Counter())
            outlets = [o for o, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0].lower()))]
            rows = [(c, self._cells(c, set(counts))) for c in shown]
            extra = sorted({o for _, cells in rows for o in cells} - set(outlets), key=str.lower)
            outlets += extra
            blocks.append({
                "event": eid,
                "title": (self.event.get(eid) or {}).get("title") or ("Claims outside any event" if eid is None else eid),
                "outlets": outlets,
                "rows": [
                    (c, [cells.get(o) or {"state": "omitted" if o in counts else "not covering", "cites": []}
                         for o in outlets])
                    for c, cells in rows
                ],
                "hidden": len(claims) - len(shown),
                "corroborated": sum(1 for c in claims if (c.get("support") or 0) >= 2),
            })
        return blocks

    def _against(self) -> dict[str, list[str]]:
        """Claim id → the ids of the claims a contradiction sets against it."""
        if self._against_ is None:
            against: dict[str, list[str]] = defaultdict(list)
            for c in self.data.get("contradictions") or ():
                ids = [i for i in c.get("claims") or () if i in self.claim]
                for i in ids:
                    against[i] += [j for j in ids if j != i]
            self._against_ = against
        return self._against_

    def _cells(self, claim: Mapping[str, Any], covering: set[str]) -> dict[str, dict[str, Any]]:
        """The row's cells that are not empty: outlet → carried or contradicted, with citations."""
        carried: dict[str, list[Any]] = defaultdict(list)
        for s in claim.get("sources") or ():
            aid = s.get("article") if isinstance(s, Mapping) else s
            carried[self.outlet(aid)].append(s)
        against: dict[str, list[Any]] = defaultdict(list)
        for other in self._against().get(claim.get("id"), ()):
            for s in self.claim[other].get("sources") or ():
                aid = s.get("article") if isinstance(s, Mapping) else s
                against[self.outlet(aid)].append(s)
        cells = {o: {"state": "carried", "cites": self.cites(v)} for o, v in carried.items()}
        cells.update({o: {"state": "contradicted", "cites": self.cites(v)} for o, v in against.items()})
        return cells

    def contradiction_sides(self, contradiction: Mapping[str, Any]) -> list[dict[str, Any]]:
        sides = []
        for cid in contradiction.get("claims") or ():
            claim = self.claim.get(cid)
            if claim is None:
                sides.append({"text": f"claim {cid} (not in the report)", "cites": []})
            else:
                sides.append({"text": claim.get("text", ""), "cites": self.cites(claim.get("sources"))})
        return sides


def short_names(outlets: Sequence[str]) -> dict[str, str]:
    """A short, still unique name per outlet, for citation labels: its first word ("The Atlantic
    Ledger" -> "Atlantic"), more words where two outlets share the first ones."""
    words = {o: o.split() for o in outlets}
    for o, ws in words.items():
        if len(ws) > 1 and ws[0].lower() in _LEADING:
            words[o] = ws[1:]
    size = {o: 1 for o in outlets}
    while True:
        names: dict[str, list[str]] = defaultdict(list)
        for o in outlets:
            names[" ".join(words[o][: size[o]])].append(o)
        grown = False
        for group in (g for g in names.values() if len(g) > 1):
            for o in group:
                if size[o] < len(words[o]):
                    size[o] += 1
                    grown = True
        if not grown:
            return {o: " ".join(words[o][: size[o]]) or o for o in outlets}


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
