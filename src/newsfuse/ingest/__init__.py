"""Turning inputs (files, folders, JSONL, HTML) into Article records.

Modules, in the order an input meets them: ``inputs`` (walk, dispatch,
skips), ``decode`` (bytes to text), ``normalize`` (Unicode and spacing),
``text`` / ``html`` / ``jsonl`` (formats to blocks), ``lang`` (language),
``clean`` with ``patterns`` (chrome out), ``meta`` (dateline, outlet,
date) with ``tense`` (a date's tense from its words: ingest has no parse),
``build`` (one Article).
"""

from __future__ import annotations

from newsfuse.ingest.inputs import iter_inputs, read_inputs

__all__ = ["iter_inputs", "read_inputs"]
