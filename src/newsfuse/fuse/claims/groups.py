"""Claims from groups of aligned units: the representative wording, sources, attribution, support and status."""

from __future__ import annotations

import dataclasses
from collections import Counter, defaultdict
from collections.abc import Sequence

import numpy as np

from newsfuse.fuse.claims.units import ClaimUnit
from newsfuse.model import ClaimGroup, ClaimSource


def describe(units: Sequence[ClaimUnit], labels: np.ndarray, vectors: np.ndarray) -> tuple[list[ClaimGroup], list[str]]:
    """The claims (most supported first) and each unit's claim id."""
    groups: dict[int, list[int]] = defaultdict(list)
    for i, g in enumerate(labels.tolist()):
        groups[g].append(i)
    described = []
    for members in groups.values():
        described.append(_group(units, members, vectors))
    described.sort(key=lambda d: (-d[0].support, -len(d[0].sources), d[1]))
    group_of = [""] * len(units)
    claims = []
    for n, (claim, _, members) in enumerate(described, 1):
        claim = dataclasses.replace(claim, id=f"claim-{n}")
        for i in members:
            group_of[i] = claim.id
        claims.append(claim)
    return claims, group_of


def _group(units: Sequence[ClaimUnit], members: list[int], vectors: np.ndarray):
    members = sorted(members)
    if len(members) > 2:
        v = vectors[members]
        centrality = (v @ v.T).sum(axis=1)
        best = members[int(np.argmax(centrality))]
    else:
        # Two wordings: the outlet's own statement over an attributed one, then the shorter.
        best = min(members, key=lambda i: (units[i].attribution is not None, len(units[i].text)))
    sources = tuple(
        ClaimSource(article=u.article, sentence=u.sentence, start=u.start, end=u.end, text=u.text,
                    outlet=u.outlet, attribution=u.attribution)
        for u in (units[i] for i in members)
    )
    attributions = Counter(units[i].attributed_entity or units[i].attribution for i in members)
    attributed_to = attributions.most_common(1)[0][0] if attributions else None
    support = len({units[i].source for i in members})
    claim = ClaimGroup(
        id="",
        text=units[best].text,
        sources=sources,
        attributed_to=attributed_to,
        support=support,
        status="corroborated" if support >= 2 else "single-source",
        outlets=tuple(sorted({units[i].outlet for i in members})),
        event=units[best].block if not units[best].block.startswith("article:") else None,
    )
    return claim, members[0], members
