"""Plain-text and Markdown inputs split into paragraph blocks.

Plain text: blank lines separate blocks; inside a block every line is its own
paragraph (news copied from a page has one paragraph a line), unless the
lines are hard-wrapped at a fixed width, in which case they are joined.
Markdown: markup is stripped and its structure (headings, list items,
paragraphs with soft line breaks) decides the blocks.
"""

from __future__ import annotations

import re

from newsfuse.ingest.document import Block
from newsfuse.ingest.normalize import collapse_spaces

# Hard-wrapped text (e-mail, wire copy, Project Gutenberg style) has lines no
# longer than this; lines in text copied from web pages run to hundreds of
# characters. 100 is above every common wrap width (64, 72, 76, 80).
MAX_WRAP_WIDTH = 100
# ... and no shorter than this: a block of short lines (a masthead over a
# breadcrumb, a list) is lines, not a wrapped paragraph.
MIN_WRAP_WIDTH = 50
# A wrapped line is "full" when adding the next line's first word would pass
# the block's widest line by more than this slack (ragged right margin).
WRAP_SLACK = 2

_BLANK_LINES_RE = re.compile(r"\n[ \t]*\n")


def text_blocks(text: str) -> list[Block]:
    """Paragraph blocks of normalised plain text."""
    blocks: list[Block] = []
    for chunk in _BLANK_LINES_RE.split(text):
        lines = [line.strip() for line in chunk.split("\n") if line.strip()]
        blocks.extend(Block(collapse_spaces(p)) for p in _unwrap(lines))
    return blocks


def _unwrap(lines: list[str]) -> list[str]:
    """Join lines that were wrapped at a fixed width; keep other lines apart."""
    if len(lines) < 2:
        return lines
    width = max(len(line) for line in lines)
    if not MIN_WRAP_WIDTH <= width <= MAX_WRAP_WIDTH:
        return lines
    paragraphs = [lines[0]]
    for prev, line in zip(lines, lines[1:]):
        first_word = line.split(" ", 1)[0]
        if len(prev) + 1 + len(first_word) > width - WRAP_SLACK:
            paragraphs[-1] += " " + line  # prev was full: the break is a wrap
        else:
            paragraphs.append(line)
    return paragraphs


# --- Markdown -------------------------------------------------------------

_FRONT_MATTER_RE = re.compile(r"\A---\n(.*?)\n(?:---|\.\.\.)\n", re.S)
_FRONT_KEY_RE = re.compile(r"^(\w+)\s*:\s*(.*?)\s*$", re.M)
_FENCE_RE = re.compile(r"^(```|~~~)")
_ATX_RE = re.compile(r"^#{1,6}\s+(.*?)\s*#*\s*$")
_SETEXT_RE = re.compile(r"^(=+|-+)\s*$")
_RULE_RE = re.compile(r"^([-*_])(\s*\1){2,}\s*$")
_LIST_RE = re.compile(r"^(?:[-*+]|\d{1,3}[.)])\s+")
_QUOTE_RE = re.compile(r"^(?:>\s?)+")
_REFDEF_RE = re.compile(r"^\[[^\]]+\]:\s*\S+")
_TABLE_SEP_RE = re.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_INLINE: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), ""),  # images: the alt text is not article prose
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # links keep their words
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),  # reference links
    (re.compile(r"<https?://[^>]+>"), ""),  # autolinks
    (re.compile(r"</?[A-Za-z][^>]*>"), ""),  # inline HTML tags
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),  # strong
    (re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])"), r"\1"),  # emphasis
    (re.compile(r"(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])"), r"\1"),
    (re.compile(r"~~(.+?)~~"), r"\1"),
    (re.compile(r"`([^`]+)`"), r"\1"),
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>])"), r"\1"),  # escapes
)


def markdown_front_matter(text: str) -> tuple[dict[str, str], str]:
    """The ``key: value`` pairs of a leading YAML front-matter block, and the text after it."""
    m = _FRONT_MATTER_RE.match(text)
    if not m:
        return {}, text
    meta = {k.lower(): v.strip().strip("\"'") for k, v in _FRONT_KEY_RE.findall(m.group(1))}
    return meta, text[m.end() :]


def markdown_blocks(text: str) -> list[Block]:
    """Paragraph blocks of normalised Markdown with the markup stripped."""
    blocks: list[Block] = []
    para: list[str] = []

    def flush() -> None:
        if para:
            joined = collapse_spaces(_inline(" ".join(para)))
            if joined:
                blocks.append(Block(joined))
            para.clear()

    in_fence = False
    for line in text.split("\n"):
        stripped = line.strip()
        if _FENCE_RE.match(stripped):
            flush()
            in_fence = not in_fence
            continue
        if in_fence:
            if stripped:
                blocks.append(Block(stripped))
            continue
        if len(para) == 1 and _SETEXT_RE.match(stripped):  # "Title" underlined with === or ---
            heading = collapse_spaces(_inline(para.pop()))
            if heading:
                blocks.append(Block(heading, heading=True))
            continue
        if not stripped or _RULE_RE.match(stripped) or _REFDEF_RE.match(stripped) or _TABLE_SEP_RE.match(stripped):
            flush()
            continue
        stripped = _QUOTE_RE.sub("", stripped)
        atx = _ATX_RE.match(stripped)
        if atx:
            flush()
            heading = collapse_spaces(_inline(atx.group(1)))
            if heading:
                blocks.append(Block(heading, heading=True))
            continue
        if _LIST_RE.match(stripped):
            flush()
            para.append(_LIST_RE.sub("", stripped))
            continue
        if stripped.startswith("|"):
            flush()
            para.append(" ".join(c.strip() for c in stripped.strip("|").split("|")))
            flush()
            continue
        para.append(stripped)
    flush()
    return blocks


def _inline(text: str) -> str:
    for pattern, replacement in _INLINE:
        text = pattern.sub(replacement, text)
    return text
