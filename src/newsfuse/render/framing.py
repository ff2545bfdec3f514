"""An event's framing as tables, for report.html and the desk: each outlet's headlines, happenings and actors."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any


def event_framing(data: Mapping[str, Any], event: Mapping[str, Any], outlets: Sequence[str]) -> dict[str, Any]:
    """The framing of ``event`` in the report ``data``, as tables over ``outlets``: each outlet's
    headlines; each happening and each of the event's main actors in each outlet's words."""
    framing = data.get("framing") or {}
    if not isinstance(framing, Mapping):
        framing = {}
    of_event = next((f for f in framing.get("events") or () if f.get("event") == event.get("id")), {})
    who = set(event.get("who") or ())
    return {
        "outlets": list(outlets),
        "headlines": of_event.get("headlines") or {},
        "happenings": [h for h in of_event.get("happenings") or () if h.get("by_outlet")],
        "actors": [f for f in framing.get("entities") or () if f.get("entity") in who and f.get("by_outlet")],
    }


def has_tables(tables: Mapping[str, Any]) -> bool:
    """Whether an event's framing tables hold anything to show."""
    return bool(tables["headlines"] or tables["happenings"] or tables["actors"])
