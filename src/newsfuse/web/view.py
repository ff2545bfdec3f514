"""What the desk's pages show, read from one report dict: ranked events, citations, search snippets (an event's parts: render.event)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import quote

from newsfuse.render.event import EventParts

# A citation's hover title quotes the cited sentence up to this many characters.
PREVIEW_CHARS = 160


def article_href(article_id: str, sentence: int | None = None) -> str:
    href = "/articles/" + quote(article_id, safe="")
    return href if sentence is None else f"{href}#s-{sentence}"


def event_href(event_id: str) -> str:
    return "/events/" + quote(event_id, safe="")


def entity_href(entity_id: str) -> str:
    return "/entities/" + quote(entity_id, safe="")


class Desk(EventParts):
    """Lookups over one report dict (read it, never change it: requests share it)."""

    def __init__(self, data: Mapping[str, Any], first_reported: Mapping[str, str] | None = None):
        super().__init__(data)
        self.first_reported = dict(first_reported or {})

    # names and links ------------------------------------------------------------------------

    def article_href(self, article_id: str) -> str:
        return article_href(article_id)

    def entity_href(self, entity_id: str) -> str | None:
        return entity_href(entity_id)

    def sentence_href(self, article_id: str, sentence: int) -> str:
        return article_href(article_id, sentence)

    def cite_title(self, article_id: str, sentence: int | None) -> str:
        """The outlet and the cited sentence (or the article's title): the desk has no script to write it."""
        text = self.sentence_text(article_id, sentence)
        if text is None:
            return f"{self.outlet(article_id)}: {self.title(article_id)}"
        preview = text if len(text) <= PREVIEW_CHARS else text[: PREVIEW_CHARS - 1] + "…"
        return f"{self.outlet(article_id)}: “{preview}”"

    # the front page ---------------------------------------------------------------------------

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

    # entities, articles, search ---------------------------------------------------------------

    def entity_events(self, entity_id: str) -> list[Mapping[str, Any]]:
        entity = self.entity.get(entity_id) or {}
        articles = set(entity.get("articles") or ())
        return [e for e in self.events if entity_id in (e.get("who") or ()) or articles & set(e.get("articles") or ())]

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
