"""One event's parts, for report.html and the desk alike: summary, contradictions, claim matrix, timeline, quotes, framing, articles.

Both pages draw an event with the macros of ``templates/event.j2`` from :meth:`EventParts.parts`;
a subclass says where links lead (report.html: anchors on the page; the desk: its own pages) and
how a citation reads (``cites``).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from datetime import date
from importlib import resources
from typing import Any

from newsfuse.render.framing import event_framing
from newsfuse.render.names import short_names
from newsfuse.render.sentences import segments, sentence_text

# The package folder of the templates (event.j2: the macros drawing one event) and of event.css (its
# styles): report.html's Jinja environment loads it, and the desk's after its own pages.
TEMPLATES = ("newsfuse.render", "templates")
# Rows of an event's claim × outlet matrix: its best supported claims (the disputed ones first among
# equals); report.json and the API give them all. 40 keeps a 250-report corpus's report.html near
# 3 MB (the full matrix was 61 MB) and shows every corroborated claim of any event we have seen.
MAX_MATRIX_ROWS = 40
# Rows of an event's claim matrix shown before the rest is folded away (a screenful on a laptop).
MATRIX_OPEN_ROWS = 12
# Speakers whose quotes are shown open; the others are folded, with their counts.
OPEN_SPEAKERS = 3
# Width of the timeline's axis (SVG user units) and the space left at each end for a date's label.
AXIS_WIDTH = 1000
AXIS_MARGIN = 40
# Axis units a date's label needs ("2026-03-05" at the page's label size): a date closer than this to
# the last label of its row (labels alternate above and below the line) is a dot with a hover text.
LABEL_UNITS = 90


class EventParts:
    """Lookups over one report dict (read it, never change it: the desk's requests share it)."""

    # How much of an event event.j2 folds away: the parts drawn collapsed under a heading with their
    # count (a page's own choice), the matrix rows and speakers shown open.
    fold: frozenset[str] = frozenset()
    matrix_open_rows = MATRIX_OPEN_ROWS
    open_speakers = OPEN_SPEAKERS

    def __init__(self, data: Mapping[str, Any]):
        self.data = data
        self.articles: list[Mapping[str, Any]] = list(data.get("articles") or ())
        self.article = {a["id"]: a for a in self.articles}
        self._position = {a["id"]: n for n, a in enumerate(self.articles)}
        self.events: list[Mapping[str, Any]] = list(data.get("events") or ())
        self.event = {e["id"]: e for e in self.events}
        self.entity = {e["id"]: e for e in data.get("entities") or ()}
        self.claim = {c["id"]: c for c in data.get("claims") or () if c.get("id")}
        self.outlets = sorted({a["outlet"] for a in self.articles if a.get("outlet")})
        self.short = short_names(self.outlets)
        self.story_of_event = {e: s for s in data.get("stories") or () for e in s.get("events") or ()}
        self._index: dict[str, dict[Any, list[Mapping[str, Any]]]] = {}
        self._quote_positions: dict[int, int] | None = None
        self._claims_by_event: dict[Any, list[Mapping[str, Any]]] | None = None
        self._contradictions_by_event: dict[Any, list[Mapping[str, Any]]] | None = None

    # where links lead, and how a citation reads: the page's own --------------------------------

    def cites(self, sources: Any) -> list[dict[str, Any]]:
        """Citation markers for sources given as ``{article, sentence}`` dicts or bare article ids:
        one per cited article, in the order of the article list, each with its outlet's short name
        as ``label`` ("Coastline 2" for a second article of one outlet in the list), an ``href`` to
        the cited sentence (``sentence`` True) or else to the article, and the ``title`` the page
        writes for it (None: report.html's script writes hover texts itself)."""
        found: dict[str, int | None] = {}
        for source in sources or ():
            aid, sentence = (source.get("article"), source.get("sentence")) if isinstance(source, Mapping) else (source, None)
            if not aid or aid in found:
                continue
            found[aid] = sentence if self.sentence_text(aid, sentence) is not None else None
        out = []
        seen: Counter[str] = Counter()
        for aid in sorted(found, key=lambda a: self._position.get(a, len(self._position))):
            sentence = found[aid]
            label = self.cite_label(aid)
            seen[label] += 1
            out.append({
                "label": label if seen[label] == 1 else f"{label} {seen[label]}",
                "href": self.article_href(aid) if sentence is None else self.sentence_href(aid, sentence),
                "title": self.cite_title(aid, sentence),
                "sentence": sentence is not None,
            })
        return out

    def cite_label(self, article_id: str) -> str:
        return self.short_outlet(article_id)

    def cite_title(self, article_id: str, sentence: int | None) -> str | None:
        """A marker's hover text (None: none in the markup)."""
        return None

    def article_href(self, article_id: str) -> str:
        raise NotImplementedError

    def sentence_href(self, article_id: str, sentence: int) -> str:
        raise NotImplementedError

    def entity_href(self, entity_id: str) -> str | None:
        """Where an entity's name leads (None: it is not a link)."""
        return None

    # names -------------------------------------------------------------------------------------

    def outlet(self, article_id: str) -> str:
        return (self.article.get(article_id) or {}).get("outlet") or "unknown outlet"

    def short_outlet(self, article_id: str) -> str:
        outlet = self.outlet(article_id)
        return self.short.get(outlet, outlet)

    def entity_name(self, entity_id: str | None) -> str:
        if entity_id is None:
            return "unattributed"
        return (self.entity.get(entity_id) or {}).get("name") or str(entity_id)

    def title(self, article_id: str) -> str:
        a = self.article.get(article_id) or {}
        return a.get("title") or article_id

    def sentence_text(self, article_id: str, sentence: Any) -> str | None:
        return sentence_text(self.article.get(article_id), sentence)

    def segments(self, article: Mapping[str, Any]) -> list[tuple[str, int | None]]:
        """The article's text cut into its sentences (with their index) and the text between them."""
        return segments(article)

    # an event ----------------------------------------------------------------------------------

    def parts(self, event_id: str) -> dict[str, Any]:
        """Everything ``event.j2`` draws of one event, in the order it draws it."""
        timeline = self.timeline(event_id)
        return {
            "event": self.event.get(event_id) or {"id": event_id},
            "outlets": self.sources(event_id),
            "headline": self.headline(event_id),
            "contradictions": self.contradictions(event_id),
            "summary": self.summary(event_id),
            "timeline": timeline,
            "marks": self.timeline_marks(timeline),
            "matrix": self.matrix(event_id),
            "quotes": self.quotes_by_speaker(event_id),
            "framing": self.framing(event_id),
            "articles": self.event_articles(event_id),
        }

    def event_articles(self, event_id: str) -> list[Mapping[str, Any]]:
        """The event's articles, the latest first."""
        ids = (self.event.get(event_id) or {}).get("articles") or ()
        found = [self.article[a] for a in ids if a in self.article]
        return sorted(found, key=lambda a: (a.get("published") or "", a["id"]), reverse=True)

    def sources(self, event_id: str) -> list[str]:
        """The independent outlets reporting an event: copies of another article do not count."""
        return sorted({a.get("outlet") or a["id"] for a in self.event_articles(event_id) if not a.get("duplicate_of")})

    def headline(self, event_id: str) -> Mapping[str, Any] | None:
        return next((s for s in self._indexed("summary", "event").get(event_id, ()) if s.get("kind") == "headline"), None)

    def summary(self, event_id: str) -> list[Mapping[str, Any]]:
        return [s for s in self._indexed("summary", "event").get(event_id, ()) if s.get("kind") != "headline"]

    def _indexed(self, key: str, by: str) -> dict[Any, list[Mapping[str, Any]]]:
        """The report's list ``key`` by each item's ``by`` (read once: a page asks per event, and a
        large report has thousands)."""
        name = f"{key}/{by}"
        if name not in self._index:
            index: dict[Any, list[Mapping[str, Any]]] = defaultdict(list)
            for item in self.data.get(key) or ():
                if by == "sources":  # a timeline entry of no event, under each article it cites
                    if item.get("event") is None:
                        for aid in dict.fromkeys(item.get("sources") or ()):
                            index[aid].append(item)
                else:
                    index[item.get(by)].append(item)
            self._index[name] = index
        return self._index[name]

    def claims_by_event(self) -> dict[Any, list[Mapping[str, Any]]]:
        """The claims of each event (None: outside any event; an older report's claim without an
        event goes to the event most of its sources report)."""
        if self._claims_by_event is None:
            by_event: dict[Any, list[Mapping[str, Any]]] = defaultdict(list)
            for claim in self.data.get("claims") or ():
                eid = claim.get("event")
                if eid is None:
                    events = Counter(
                        (self.article.get(_article_of(s)) or {}).get("event") for s in claim.get("sources") or ()
                    )
                    eid = events.most_common(1)[0][0] if events else None
                by_event[eid].append(claim)
            self._claims_by_event = by_event
        return self._claims_by_event

    def claims(self, event_id: str | None) -> list[Mapping[str, Any]]:
        return self.claims_by_event().get(event_id, [])

    def contradictions_by_event(self) -> dict[Any, list[Mapping[str, Any]]]:
        """Each event's contradictions (its own ``event``, else the event of its first claim)."""
        if self._contradictions_by_event is None:
            of_claim = {c.get("id"): eid for eid, claims in self.claims_by_event().items() for c in claims}
            by_event: dict[Any, list[Mapping[str, Any]]] = defaultdict(list)
            for c in self.data.get("contradictions") or ():
                eid = c.get("event")
                if eid is None:
                    eid = next((of_claim[i] for i in c.get("claims") or () if i in of_claim), None)
                by_event[eid].append(c)
            self._contradictions_by_event = by_event
        return self._contradictions_by_event

    def contradictions(self, event_id: str | None) -> list[dict[str, Any]]:
        """An event's contradictions, each with its sides: the outlet, the words and their citation."""
        out = []
        for c in self.contradictions_by_event().get(event_id, ()):
            sides = []
            if c.get("sides"):
                for side in c["sides"]:
                    sides.append({"outlet": side.get("outlet") or self.outlet(side.get("article")),
                                  "text": side.get("text") or "", "cites": self.cites([side])})
            else:  # an older report: the sides are the claims set against each other
                for cid in c.get("claims") or ():
                    claim = self.claim.get(cid)
                    if claim is None:
                        sides.append({"outlet": "", "text": f"claim {cid} (not in the report)", "cites": []})
                        continue
                    outlets = sorted({self.outlet(_article_of(s)) for s in claim.get("sources") or ()})
                    sides.append({"outlet": ", ".join(outlets), "text": claim.get("text") or "",
                                  "cites": self.cites(claim.get("sources"))})
            out.append({"kind": c.get("kind") or "", "explanation": c.get("explanation") or "", "sides": sides})
        return out

    def matrix(self, event_id: str | None) -> dict[str, Any]:
        """The claim × outlet matrix of an event: for each shown claim and each outlet, carried (with
        its citation), contradicted (a claim set against it cites the outlet), omitted (the outlet
        reports the event but not this) or not covering (an outlet only a shown row cites).

        Columns are the outlets that report the event (most reports first), then the others a row
        cites; rows are the best supported claims (the disputed ones first among equals), at most
        MAX_MATRIX_ROWS of them."""
        members = (self.event.get(event_id) or {}).get("articles") or () if event_id is not None else (
            a["id"] for a in self.articles if a.get("event") is None)
        covering: Counter[str] = Counter(
            self.outlet(aid) for aid in dict.fromkeys(members)
            if aid in self.article and not self.article[aid].get("duplicate_of")
        )
        against: dict[str, set[str]] = defaultdict(set)
        for c in self.contradictions_by_event().get(event_id, ()):
            ids = [i for i in c.get("claims") or () if i in self.claim]
            for i in ids:
                against[i] |= {j for j in ids if j != i}
        claims = sorted(self.claims(event_id), key=lambda c: (-(c.get("support") or 0), c.get("status") != "disputed"))
        shown = claims[:MAX_MATRIX_ROWS]
        rows = [(c, self._cells(c, against)) for c in shown]
        outlets = [o for o, _ in sorted(covering.items(), key=lambda kv: (-kv[1], kv[0].lower()))]
        outlets += sorted({o for _, cells in rows for o in cells} - set(outlets), key=str.lower)
        return {
            "outlets": [{"name": o, "short": self.short.get(o, o)} for o in outlets],
            "rows": [
                {"claim": c, "cells": [cells.get(o) or {"state": "omitted" if o in covering else "not covering", "cites": []}
                                       for o in outlets]}
                for c, cells in rows
            ],
            "hidden": len(claims) - len(shown),
            "corroborated": sum(1 for c in claims if (c.get("support") or 0) >= 2),
        }

    def _cells(self, claim: Mapping[str, Any], against: Mapping[str, set[str]]) -> dict[str, dict[str, Any]]:
        """The row's cells that are not empty: outlet → carried or contradicted, with citations."""
        carried: dict[str, list[Any]] = defaultdict(list)
        for s in claim.get("sources") or ():
            carried[self.outlet(_article_of(s))].append(s)
        contra: dict[str, list[Any]] = defaultdict(list)
        for other in sorted(against.get(claim.get("id"), ())):
            for s in self.claim[other].get("sources") or ():
                contra[self.outlet(_article_of(s))].append(s)
        cells = {o: {"state": "carried", "cites": self.cites(v)} for o, v in carried.items()}
        cells.update({o: {"state": "contradicted", "cites": self.cites(v)} for o, v in contra.items()})
        return cells

    def timeline(self, event_id: str) -> list[Mapping[str, Any]]:
        """The event's timeline entries, and those of no event that its articles report, by date."""
        entries = {id(t): t for t in self._indexed("timeline", "event").get(event_id, ())} if event_id is not None else {}
        for aid in (self.event.get(event_id) or {}).get("articles") or ():
            entries.update((id(t), t) for t in self._indexed("timeline", "sources").get(aid, ()))
        return sorted(entries.values(), key=lambda t: (t.get("date") or "", t.get("text") or ""))

    @staticmethod
    def timeline_marks(entries: Sequence[Mapping[str, Any]], width: int = AXIS_WIDTH) -> list[dict[str, Any]]:
        """Where each distinct date sits on a horizontal axis ``width`` wide (by day; a date of
        month or year precision sits at its first day), with how many entries it has, and whether its
        label is drawn (``row`` 0 above the line, 1 below) or would cover another."""
        days = {d: when for t in entries if (d := t.get("date")) and (when := _day(d))}
        dated = sorted(days.items(), key=lambda kv: (kv[1], kv[0]))
        if not dated:
            return []
        first, last = dated[0][1], dated[-1][1]
        span = max((last - first).days, 1)
        counts = Counter(t.get("date") for t in entries)
        marks, labelled = [], [-LABEL_UNITS, -LABEL_UNITS]  # x of the last label above, below
        for d, when in dated:
            x = AXIS_MARGIN + round((width - 2 * AXIS_MARGIN) * (when - first).days / span)
            row = 0 if x - labelled[0] >= LABEL_UNITS else 1
            label = x - labelled[row] >= LABEL_UNITS
            if label:
                labelled[row] = x
            marks.append({"date": d, "x": x, "count": counts[d], "label": label, "row": row})
        return marks

    def quotes_by_speaker(self, event_id: str | None = None, speaker: str | None = None) -> list[tuple[str, list[Mapping[str, Any]]]]:
        """Quotes (of an event's articles, or by one speaker), grouped by speaker, the most quoted first."""
        if event_id:
            quotes = sorted((q for a in dict.fromkeys((self.event.get(event_id) or {}).get("articles") or ())
                             for q in self._indexed("quotes", "article").get(a, ())), key=self._quote_position)
        else:
            quotes = list(self.data.get("quotes") or ())
        by: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
        for q in quotes:
            if speaker is not None and q.get("speaker") != speaker:
                continue
            name = self.entity_name(q.get("speaker")) if q.get("speaker") else (q.get("speaker_name") or "unattributed")
            by[name].append(q)
        return sorted(by.items(), key=lambda kv: (-len(kv[1]), kv[0] == "unattributed", kv[0].lower()))

    def _quote_position(self, quote: Mapping[str, Any]) -> int:
        if self._quote_positions is None:
            self._quote_positions = {id(q): n for n, q in enumerate(self.data.get("quotes") or ())}
        return self._quote_positions[id(quote)]

    def quote_cites(self, quote: Mapping[str, Any]) -> list[dict[str, Any]]:
        """The citation of a quote: its sentence (given, or found from its start), else its article."""
        sentence = quote.get("sentence")
        if not (isinstance(sentence, int) and sentence >= 0):
            sentence = None
            start = quote.get("start")
            spans = (self.article.get(quote.get("article")) or {}).get("sentences") or ()
            if isinstance(start, int):
                sentence = next((i for i, (s, e) in enumerate(spans) if s <= start < e), None)
        return self.cites([{"article": quote.get("article"), "sentence": sentence}])

    def framing(self, event_id: str) -> dict[str, Any]:
        """An event's framing as tables (render.framing.event_framing)."""
        return event_framing(self.data, self.event.get(event_id) or {"id": event_id}, self.sources(event_id))


def stylesheet() -> str:
    """The styles of an event's parts (event.css): report.html inlines them, the desk serves them."""
    return resources.files(TEMPLATES[0]).joinpath(TEMPLATES[1], "event.css").read_text(encoding="utf-8")


def _article_of(source: Any) -> Any:
    """The article id of a source given as ``{article, sentence}`` or as a bare id."""
    return source.get("article") if isinstance(source, Mapping) else source


def _day(value: str) -> date | None:
    """The first day of an ISO date of any precision ("2026", "2026-03", "2026-03-05")."""
    parts = (value or "").split("-")
    try:
        return date(int(parts[0]), int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 1,
                    int(parts[2][:2]) if len(parts) > 2 and parts[2][:2].isdigit() else 1)
    except (ValueError, IndexError):
        return None
