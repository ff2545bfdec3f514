"""An article's text by its sentences, for report.html and the desk: one sentence's words, the text cut at its sentences."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def sentence_text(article: Mapping[str, Any] | None, sentence: Any) -> str | None:
    """The words of sentence number ``sentence`` of a report's article dict, on one line; None when there is no such sentence."""
    spans = (article or {}).get("sentences") or []
    if not isinstance(sentence, int) or not 0 <= sentence < len(spans):
        return None
    start, end = spans[sentence]
    return " ".join((article.get("text") or "")[start:end].split())


def segments(article: Mapping[str, Any]) -> list[tuple[str, int | None]]:
    """The article text cut into its sentences (index) and the text between them (None)."""
    text = article.get("text") or ""
    out: list[tuple[str, int | None]] = []
    pos = 0
    for i, pair in enumerate(article.get("sentences") or ()):
        try:
            start, end = int(pair[0]), int(pair[1])
        except (TypeError, ValueError, IndexError):
            continue
        if start < pos or end <= start or end > len(text):
            continue  # overlapping or out of range: leave it as plain text
        # the highlight covers the words, not the paragraph break after them
        body = text[start:end]
        lead, trail = len(body) - len(body.lstrip()), len(body) - len(body.rstrip())
        if not body.strip():
            continue
        if start + lead > pos:
            out.append((text[pos:start + lead], None))
        out.append((text[start + lead:end - trail], i))
        pos = end - trail
    if pos < len(text):
        out.append((text[pos:], None))
    return out
