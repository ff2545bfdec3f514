"""Ingest-internal records: a parsed input's blocks and metadata before cleaning.

These never leave the ingest package (the pipeline sees only ``Article`` and
``Skip`` from ``newsfuse.model``), so they live here rather than in model.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph-like unit of an input: normalised text on one line.

    ``heading`` is True only when the markup says so (Markdown ``#``, HTML
    ``<h1>``..``<h6>``); plain text leaves it to cleaning to judge.
    """

    text: str
    heading: bool = False


@dataclass(frozen=True, slots=True)
class RawDoc:
    """A parsed input: its blocks in reading order plus metadata its format carried.

    Metadata values are as found (``published`` is normalised later). The
    ``removed`` pairs are (text, reason) for chrome that the format's own
    extractor already dropped (HTML navigation, footers ...). The ``dropped`` pairs are
    (value, reason) for metadata fields the input gave but that could not be used.
    """

    blocks: tuple[Block, ...]
    source: str
    id_hint: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    removed: tuple[tuple[str, str], ...] = ()
    encoding: str | None = None  # the character encoding its bytes were read in
    dropped: tuple[tuple[str, str], ...] = ()
