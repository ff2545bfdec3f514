"""What the desk's pages show, read from one report dict: ranked events, citations, matrices, timelines."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import quote

from newsfuse.render.framing import event_framing
from newsfuse.render.html import short_names
from newsfuse.render.sentences import segments, sentence_text

# Rows of an event's claim × outlet matrix: its best supported claims (and the disputed ones first
# among equals); the API gives them all.
MAX_MATRIX_ROWS = 40
# A citation's hover title quotes the cited sentence up to this many characters.
PREVIEW_CHARS = 160


def article_href(article_id: str, sentence: int | None = None) -> str:
    href = "/articles/" + quote(article_id, safe="")
    return href if sentence is None else f"{href}#s-{sentence}"


def event_href(event_id: str) -> str:
    return "/events/" + quote(event_id, safe="")


def entity_href(entity_id: str) -> str:
    return "/entities/" + quote(entity_id, safe="")


class Desk:
    """Lookups over one report dict (read it, never change it: requests share it)."""

    def __init__(self, data: Mapping[str, Any], first_reported: Mapping[str, str] | None = None):
        self.data = data
        self.first_reported = dict(first_reported or {})
        self.articles: list[Mapping[str, Any]] = list(data.get("articles") or ())
        self.article = {a["id"]: a for a in self.articles}
        self.events: list[Mapping[str, Any]] = list(data.get("events") or ())
        self.event = {e["id"]: e for e in self.events}
        self.entity = {e["id"]: e for e in data.get("entities") or ()}
        self.claim = {c["id"]: c for c in data.get("claims") or () if c.get("id")}
        self.short = short_names(sorted({a["outlet"] for a in self.articles if a.get("outlet")}))
        self.story_of_event = {e: s for s in data.get("stories") or () for e in s.get("events") or ()}

    # names and links ------------------------------------------------------------------------

    def outlet(self, article_id: str) -> str:
        return (self.article.get(article_id) or {}).get("outlet") or "unknown outlet"

    def short_outlet(self, article_id: str) -> str:
        outlet = self.outlet(article_id)
        return self.short.get(outlet, outlet)

    def entity_name(self, entity_id: str | None) -> str:
        if entity_id is None:
            return "unattributed"
        return (self.entity.get(entity_id) or {}).get("name") or str(entity_id)

    def sentence_text(self, article_id: str, sentence: Any) -> str | None:
        return sentence_text(self.article.get(article_id), sentence)

    def cites(self, sources: Any) -> list[dict[str, str]]:
        """One citation per cited article, in the order given: the outlet's short name, a link to
        the cited sentence (or the article), and the sentence as its hover title."""
        out: dict[str, dict[str, str]] = {}
        labels: dict[str, int] = defaultdict(int)
        for source in sources or ():
            aid, sentence = (source.get("article"), source.get("sentence")) if isinstance(source, Mapping) else (source, None)
            if not aid or aid in out:
                continue
            text = self.sentence_text(aid, sentence)
            preview = "" if text is None else (text if len(text) <= PREVIEW_CHARS else text[: PREVIEW_CHARS - 1] + "…")
            title = f"{self.outlet(aid)}: “{preview}”" if preview else f"{self.outlet(aid)}: {self.title(aid)}"
            label = self.short_outlet(aid)
            labels[label] += 1  # a second article of one outlet: "Coastline 2"
            out[aid] = {
                "label": label if labels[label] == 1 else f"{label} {labels[label]}",
                "href": article_href(aid, sentence if text is not None else None),
                "title": title,
            }
        return list(out.values())

    def title(self, article_id: str) -> str:
        a = self.article.get(article_id) or {}
        return a.get("title") or article_id

    # the front page ---------------------------------------------------------------------------

    def event_articles(self, event_id: str) -> list[Mapping[str, Any]]:
        ids = (self.event.get(event_id) or {}).get("articles") or ()
        found = [self.article[a] for a in ids if a in self.article]
        return sorted(found, key=lambda a: (a.get("published") or "", a["id"]), reverse=True)

    def sources(self, event_id: str) -> list[str]:
        """The independent outlets reporting an event: copies of another article do not count."""
        return sorted({a.get("outlet") or a["id"] for a in self.event_articles(event_id) if not a.get("duplicate_of")})

    def latest(self, event_id: str) -> str:
        dates = [a.get("published") or "" for a in self.event_articles(event_id)]
        return max(dates + [(self.event.get(event_id) or {}).get("date") or ""])

    def ranked_events(self, seen: str | None = None) -> list[dict[str, Any]]:
        """Every event, the most recently reported first, then the most independent sources; each
        with its outlets, story and how many of its articles came after ``seen`` (ISO time)."""
        rows = []
        for e in self.events:
            outlets = self.sources(e["id"])
            new = 0
            if seen:
                new = sum(1 for a in e.get("articles") or () if self.first_reported.get(a, "") > seen)
            rows.append({
                "event": e,
                "latest": self.latest(e["id"]),
                "outlets": [{"name": o, "short": self.short.get(o, o)} for o in outlets],
                "story": self.story_of_event.get(e["id"]),
                "new": new,
                "disputed": sum(1 for c in self.data.get("contradictions") or () if c.get("event") == e["id"]),
            })
        rows.sort(key=lambda r: (r["latest"], len(r["outlets"]), r["event"]["id"]), reverse=True)
        return rows

    # an event ---------------------------------------------------------------------------------

    def summary(self, event_id: str) -> list[Mapping[str, Any]]:
        return [s for s in self.data.get("summary") or () if s.get("event") == event_id and s.get("kind") != "headline"]

    def contradictions(self, event_id: str) -> list[Mapping[str, Any]]:
        return [c for c in self.data.get("contradictions") or () if c.get("event") == event_id]

    def claims(self, event_id: str) -> list[Mapping[str, Any]]:
        return [c for c in self.data.get("claims") or () if c.get("event") == event_id]

    def matrix(self, event_id: str) -> dict[str, Any]:
        """The claim × outlet matrix of an event: for each shown claim and each covering outlet,
        carried (with its citation), contradicted (another claim set against it cites the outlet)
        or omitted."""
        outlets = self.sources(event_id)
        against: dict[str, set[str]] = defaultdict(set)
        for c in self.contradictions(event_id):
            ids = list(c.get("claims") or ())
            for i in ids:
                against[i] |= {j for j in ids if j != i}
        claims = sorted(self.claims(event_id), key=lambda c: (-(c.get("support") or 0), c.get("status") != "disputed", c["id"]))
        rows = []
        for claim in claims[:MAX_MATRIX_ROWS]:
            by_outlet: dict[str, list[Any]] = defaultdict(list)
            for s in claim.get("sources") or ():
                by_outlet[self.outlet(s.get("article"))].append(s)
            contra: dict[str, list[Any]] = defaultdict(list)
            for other in against.get(claim["id"], ()):
                for s in (self.claim.get(other) or {}).get("sources") or ():
                    contra[self.outlet(s.get("article"))].append(s)
            cells = []
            for o in outlets:
                if o in contra:
                    cells.append({"state": "contradicted", "cites": self.cites(contra[o])})
                elif o in by_outlet:
                    cells.append({"state": "carried", "cites": self.cites(by_outlet[o])})
                else:
                    cells.append({"state": "omitted", "cites": []})
            rows.append({"claim": claim, "cells": cells})
        return {
            "outlets": [{"name": o, "short": self.short.get(o, o)} for o in outlets],
            "rows": rows,
            "hidden": max(0, len(claims) - MAX_MATRIX_ROWS),
        }

    def timeline(self, event_id: str) -> list[Mapping[str, Any]]:
        """The event's timeline entries, and those of no event that its articles report."""
        members = set((self.event.get(event_id) or {}).get("articles") or ())
        entries = [
            t for t in self.data.get("timeline") or ()
            if t.get("event") == event_id or (t.get("event") is None and members & set(t.get("sources") or ()))
        ]
        return sorted(entries, key=lambda t: (t.get("date") or "", t.get("text") or ""))

    def timeline_marks(self, entries: Sequence[Mapping[str, Any]], width: int = 1000) -> list[dict[str, Any]]:
        """Where each distinct date sits on a horizontal axis ``width`` wide (by day; dates of one
        precision are placed at their first day)."""
        from datetime import date

        def day(value: str) -> date | None:
            parts = (value or "").split("-")
            try:
                return date(int(parts[0]), int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 1,
                            int(parts[2][:2]) if len(parts) > 2 and parts[2][:2].isdigit() else 1)
            except (ValueError, IndexError):
                return None

        dated = sorted({d: day(d) for t in entries if (d := t.get("date")) and day(d)}.items(), key=lambda kv: kv[1])
        if not dated:
            return []
        first, last = dated[0][1], dated[-1][1]
        span = max((last - first).days, 1)
        margin = 40
        return [
            {"date": d, "x": margin + round((width - 2 * margin) * (when - first).days / span), "count": sum(1 for t in entries if t.get("date") == d)}
            for d, when in dated
        ]

    def quotes_by_speaker(self, event_id: str | None = None, speaker: str | None = None) -> list[tuple[str, list[Mapping[str, Any]]]]:
        """Quotes (of an event's articles, or by one speaker), grouped by speaker, the most quoted first."""
        members = set((self.event.get(event_id) or {}).get("articles") or ()) if event_id else None
        by: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
        for q in self.data.get("quotes") or ():
            if members is not None and q.get("article") not in members:
                continue
            if speaker is not None and q.get("speaker") != speaker:
                continue
            name = self.entity_name(q.get("speaker")) if q.get("speaker") else (q.get("speaker_name") or "unattributed")
            by[name].append(q)
        return sorted(by.items(), key=lambda kv: (-len(kv[1]), kv[0] == "unattributed", kv[0].lower()))

    def framing(self, event_id: str) -> dict[str, Any]:
        """An event's framing as tables (render.framing.event_framing)."""
        return event_framing(self.data, self.event.get(event_id) or {"id": event_id}, self.sources(event_id))

    # entities, articles, search ---------------------------------------------------------------

    def entity_events(self, entity_id: str) -> list[Mapping[str, Any]]:
        entity = self.entity.get(entity_id) or {}
        articles = set(entity.get("articles") or ())
        return [e for e in self.events if entity_id in (e.get("who") or ()) or articles & set(e.get("articles") or ())]

    def segments(self, article: Mapping[str, Any]) -> list[tuple[str, int | None]]:
        """The article's text cut into its sentences (with their index) and the text between them."""
        return segments(article)

    @staticmethod
    def snippet_parts(snippet: str) -> list[tuple[str, bool]]:
        """A search snippet cut into plain and matched parts (the store marks matches with control characters)."""
        from newsfuse.store.sql import MARK_END, MARK_START

        parts: list[tuple[str, bool]] = []
        for n, chunk in enumerate(snippet.split(MARK_START)):
            if n == 0:
                parts.append((chunk, False))
                continue
            marked, _, rest = chunk.partition(MARK_END)
            parts += [(marked, True), (rest, False)]
        return [p for p in parts if p[0]]

    def hit_href(self, hit: Mapping[str, str]) -> str:
        """Where a search hit leads: the claim's first cited sentence, the quote's sentence, the article."""
        if hit["kind"] == "claim":
            sources = (self.claim.get(hit["ref"]) or {}).get("sources") or [{}]
            return article_href(hit["article"], sources[0].get("sentence"))
        if hit["kind"] == "quote":
            quotes = self.data.get("quotes") or ()
            n = int(hit["ref"]) if hit["ref"].isdigit() else -1
            sentence = quotes[n].get("sentence") if 0 <= n < len(quotes) else None
            return article_href(hit["article"], sentence if isinstance(sentence, int) and sentence >= 0 else None)
        return article_href(hit["article"])
