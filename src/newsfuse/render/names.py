"""Short outlet names for citation labels, unique within one report ("The Atlantic Ledger" -> "Atlantic")."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

# Words dropped from the front of an outlet's name before taking its short name.
_LEADING = frozenset({"the"})


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
