"""Turning inputs (files, folders, JSONL, HTML) into Article records.

Modules, in the order an input meets them: ``inputs`` (walk, dispatch, skips), ``decode``, ``normalize``,
``text`` / ``html`` / ``jsonl`` (formats to blocks), ``lang``, ``clean`` with ``chrome`` and ``patterns``
(chrome out), ``meta`` (dateline, outlet, date) with ``tense`` (from words: ingest has no parse), ``build``.
"""

from __future__ import annotations

from newsfuse.ingest.inputs import iter_inputs, read_inputs

__all__ = ["iter_inputs", "read_inputs"]
