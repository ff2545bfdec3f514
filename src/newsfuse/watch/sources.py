"""The feeds to follow: an OPML file (its outlines' ``xmlUrl``) or a text file of feed URLs, one a line."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from newsfuse.errors import ConfigError


@dataclass(frozen=True, slots=True)
class FeedSource:
    """One feed to poll, with the title the sources file gives it (may be empty)."""

    url: str
    title: str = ""


def read_sources(path: str | Path) -> tuple[list[FeedSource], list[str]]:
    """The feeds listed in ``path`` and a warning for each entry that is not an http(s) URL.

    Text files take one URL a line; blank lines and lines starting with ``#`` are skipped.
    Raises ConfigError when the file cannot be read, is malformed OPML, or lists no feed.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"sources {path}: cannot be read ({exc})") from exc
    if text.lstrip().startswith("<"):
        found = _opml(text, path)
    else:
        found = [
            (f"{path}:{n}", line.strip(), "")
            for n, line in enumerate(text.splitlines(), 1)
            if line.strip() and not line.lstrip().startswith("#")
        ]
    sources: list[FeedSource] = []
    warnings: list[str] = []
    seen: set[str] = set()
    for where, url, title in found:
        if urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).hostname:
            warnings.append(f"{where}: not an http(s) URL: {url[:200]!r}")
        elif url not in seen:
            seen.add(url)
            sources.append(FeedSource(url, title))
    if not sources:
        raise ConfigError(f"sources {path}: no feed URL found" + (f" ({warnings[0]})" if warnings else ""))
    return sources, warnings


def _opml(text: str, path: Path) -> list[tuple[str, str, str]]:
    import lxml.etree

    try:
        root = lxml.etree.fromstring(text.encode("utf-8"), parser=lxml.etree.XMLParser(resolve_entities=False))
    except lxml.etree.XMLSyntaxError as exc:
        raise ConfigError(f"sources {path}: not well-formed OPML ({exc})") from exc
    found = []
    for outline in root.iter("outline"):
        url = (outline.get("xmlUrl") or "").strip()
        if url:
            title = (outline.get("title") or outline.get("text") or "").strip()
            found.append((f"{path}:{outline.sourceline}", url, title))
    return found
