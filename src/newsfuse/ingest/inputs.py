"""Walking the inputs (files, folders, JSONL) and turning each into an Article or a Skip.

Bad input never stops a run: every InputError raised while reading,
decoding, parsing or cleaning one input becomes a ``Skip(input, reason)``
and the walk goes on.
"""

from __future__ import annotations

import dataclasses
import io
import os
import re
from collections.abc import Callable, Iterator, Sequence, Set
from pathlib import Path

from newsfuse.config import Config
from newsfuse.errors import EmptyInput, InputError, MalformedRecord, OversizedInput, UndecodableInput
from newsfuse.ingest.build import build_article
from newsfuse.ingest.decode import SNIFF_BYTES, bom_encoding, decode_text, read_bytes, reject_binary
from newsfuse.ingest.document import RawDoc
from newsfuse.ingest.jsonl import json_records, parse_line, record_document
from newsfuse.ingest.normalize import collapse_spaces, normalize_text
from newsfuse.ingest.text import markdown_blocks, markdown_front_matter, text_blocks
from newsfuse.model import Article, Skip
from newsfuse.util import path_text

# File kinds by extension; anything else is sniffed from its content.
KINDS = {
    ".txt": "text", ".text": "text", "": "text",
    ".md": "markdown", ".markdown": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".json": "json",
}
_HTML_SNIFF_RE = re.compile(r"\s*(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html|<head|<body|<article|<meta|<title)", re.I | re.S)
# Front-matter keys that carry article metadata in Markdown files.
_FRONT_TITLE = ("title", "headline")
_FRONT_DATE = ("published", "date", "pubdate", "publication_date")
_FRONT_URL = ("url", "link", "canonical", "source_url")
_FRONT_OUTLET = ("outlet", "source", "site", "publisher", "sitename")


def read_inputs(
    paths: Sequence[str | os.PathLike[str]],
    config: Config,
    taken: Set[str] = frozenset(),
    on_item: Callable[[], object] | None = None,
) -> tuple[list[Article], list[Skip]]:
    """Every input as an Article, or as a Skip with its reason; see ``iter_inputs``. ``on_item``
    is called after each (a progress bar's update)."""
    articles: list[Article] = []
    skipped: list[Skip] = []
    for item in iter_inputs(paths, config, taken):
        (articles if isinstance(item, Article) else skipped).append(item)
        if on_item is not None:
            on_item()
    return articles, skipped


def iter_inputs(
    paths: Sequence[str | os.PathLike[str]], config: Config, taken: Set[str] = frozenset()
) -> Iterator[Article | Skip]:
    """Yield an Article or a Skip for each input, in order.

    Folders are walked recursively in sorted order, skipping hidden files and
    folders. A file's kind comes from its extension (.txt/none, .md, .html,
    .jsonl/.ndjson, .json), else from sniffing its content. Article ids are the
    file stem or the record's ``id`` (else ``<stem>-<line>``), made unique
    within the run, and apart from the ids in ``taken`` (those a store already
    holds), with a ``-2``, ``-3`` ... suffix.
    """
    used: set[str] = set(taken)
    for path in _expand(paths):
        if isinstance(path, Skip):
            yield path
            continue
        for item in _guarded(_read_file(path, config), path_text(path)):
            if isinstance(item, RawDoc):
                try:
                    article = build_article(item, item.id_hint, config.min_text_chars, config.max_article_chars)
                    item = dataclasses.replace(article, id=_unique(item.id_hint, used))  # skips take no id
                except InputError as exc:
                    item = Skip(exc.input, exc.reason)
                except Exception as exc:  # a bug must not cost the user the rest of the run
                    item = Skip(item.source, _internal(exc))
            yield item


def _guarded(items: Iterator[RawDoc | Skip], source: str) -> Iterator[RawDoc | Skip]:
    """Pass ``items`` through; an unexpected error ends this input with a Skip instead of the run."""
    try:
        yield from items
    except Exception as exc:
        yield Skip(source, _internal(exc))


def _internal(exc: Exception) -> str:
    return f"internal error while reading this input ({type(exc).__name__}: {exc}); please report it"


def _expand(paths: Sequence[str | os.PathLike[str]]) -> Iterator[Path | Skip]:
    for given in paths:
        path = Path(given)
        if path.is_dir():
            yield from _walk(path)
        elif path.exists():
            yield path
        else:
            yield Skip(path_text(given), "file not found")


def _walk(top: Path) -> Iterator[Path | Skip]:
    """The files under ``top``, links to folders followed, each folder read once.

    A folder is known by its resolved path: a link to a folder already read (a loop back up
    the tree, or a second way to one folder) is a Skip saying so, not a second copy of its articles.
    """
    found: list[tuple[Path, Path | Skip]] = []
    seen = {top.resolve()}
    for root, dirs, files in os.walk(top, followlinks=True):
        kept = []
        for name in sorted(d for d in dirs if not d.startswith(".")):
            folder = Path(root) / name
            real = folder.resolve()
            if real in seen:
                found.append((folder, Skip(path_text(folder), f"folder already read (a link to {path_text(real)})")))
            else:
                seen.add(real)
                kept.append(name)
        dirs[:] = kept
        found.extend((Path(root) / name,) * 2 for name in files if not name.startswith("."))
    # One order for the whole tree, by path parts: runs are reproducible on any file system.
    for _, item in sorted(found, key=lambda pair: pair[0].relative_to(top).parts):
        yield item


def _read_file(path: Path, config: Config) -> Iterator[RawDoc | Skip]:
    """The documents of one file, each saying the encoding its bytes were read in.

    Names, ids and sources are ``path_text``: a file name that is not UTF-8 never reaches a report raw.
    """
    source, stem = path_text(path), path_text(path.stem)
    kind = KINDS.get(path.suffix.lower())
    if kind == "jsonl":
        yield from _read_jsonl(path, config)
        return
    try:
        text, encoding = decode_text(read_bytes(path, config.max_input_bytes), source)
        kind = kind if kind is not None else _sniff(text)
        if kind == "jsonl":
            numbered = ((f"{source}:{n}", line) for n, line in enumerate(text.split("\n"), 1))
            yield from _with_encoding(_records(numbered, source, stem), encoding)
        elif kind == "json":
            yield from _with_encoding(_json_file(text, source, stem), encoding)
        else:
            yield dataclasses.replace(_document(kind, text, source, stem), encoding=encoding)
    except InputError as exc:
        yield Skip(exc.input, exc.reason)


def _with_encoding(items: Iterator[RawDoc | Skip], encoding: str) -> Iterator[RawDoc | Skip]:
    for item in items:
        yield dataclasses.replace(item, encoding=encoding) if isinstance(item, RawDoc) else item


def _sniff(text: str) -> str:
    if _HTML_SNIFF_RE.match(text[:2000]):
        return "html"
    first = text.lstrip("\ufeff \t\r\n").split("\n", 1)[0]
    if first.startswith("{") and first.rstrip().endswith("}"):
        return "jsonl"
    return "text"


def _document(kind: str, text: str, source: str, stem: str) -> RawDoc:
    if kind == "html":
        from newsfuse.ingest.html import html_document

        return html_document(text, source, stem)
    text = normalize_text(text)
    if kind == "markdown":
        meta, body = markdown_front_matter(text)
        return RawDoc(
            blocks=tuple(markdown_blocks(body)),
            source=source,
            id_hint=stem,
            title=_first(meta, _FRONT_TITLE),
            outlet=_first(meta, _FRONT_OUTLET),
            url=_first(meta, _FRONT_URL),
            published=_first(meta, _FRONT_DATE),
        )
    return RawDoc(blocks=tuple(text_blocks(text)), source=source, id_hint=stem)


def _first(meta: dict[str, str], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        value = collapse_spaces(meta.get(key, ""))
        if value:
            return value
    return None


def _read_jsonl(path: Path, config: Config) -> Iterator[RawDoc | Skip]:
    """Stream a JSONL file line by line: the size limit applies to each record, not to the corpus.

    JSON text is UTF-8, but a UTF-16 or UTF-32 file opening with its byte-order mark (what
    some Windows tools save) says its encoding plainly, so it is read in that encoding.
    """
    source = path_text(path)
    try:
        with open(path, "rb") as fh:
            head = fh.read(SNIFF_BYTES)
            if not head.strip():
                raise EmptyInput(source, "file is empty" if not head else "file holds only white space")
            encoding = bom_encoding(head) or "utf-8"
            fh.seek(0)
            if encoding == "utf-8":
                reject_binary(head, source)
                lines = _jsonl_lines(fh, source, config.max_input_bytes)
            else:
                lines = _wide_jsonl_lines(fh, source, config.max_input_bytes, encoding)
            yield from _with_encoding(_records(lines, source, path_text(path.stem)), encoding)
    except InputError as exc:
        yield Skip(exc.input, exc.reason)
    except OSError as exc:
        yield Skip(source, f"cannot be read ({exc.strerror or exc})")


def _jsonl_lines(fh, source: str, max_bytes: int) -> Iterator[tuple[str, str] | Skip]:
    for n, raw in enumerate(fh, 1):
        where = f"{source}:{n}"
        try:
            if len(raw) > max_bytes:
                raise OversizedInput(
                    where, f"record is too large ({len(raw):,} bytes; the limit max_input_bytes is {max_bytes:,})"
                )
            try:
                line = raw.decode("utf-8-sig" if n == 1 else "utf-8")
            except UnicodeDecodeError as exc:
                reason = f"line is not valid UTF-8 (JSON text must be UTF-8; bad byte at {exc.start})"
                raise UndecodableInput(where, reason) from exc
        except InputError as exc:
            yield Skip(exc.input, exc.reason)
            continue
        yield where, line


def _wide_jsonl_lines(fh, source: str, max_bytes: int, encoding: str) -> Iterator[tuple[str, str] | Skip]:
    """The lines of a UTF-16 or UTF-32 JSONL file (its BOM read by the codec); a bad sequence ends the file with a Skip."""
    n = 0
    try:
        with io.TextIOWrapper(fh, encoding=encoding, newline="\n") as text:  # closes fh with it
            for n, line in enumerate(text, 1):
                where = f"{source}:{n}"
                size = len(line.encode(encoding))
                if size > max_bytes:
                    reason = f"record is too large ({size:,} bytes; the limit max_input_bytes is {max_bytes:,})"
                    yield Skip(where, reason)
                    continue
                yield where, line
    except UnicodeDecodeError as exc:
        yield Skip(f"{source}:{n + 1}", f"not valid {encoding.upper()} from this line on ({exc.reason})")


def _records(lines, source: str, stem: str) -> Iterator[RawDoc | Skip]:
    count = 0
    for item in lines:
        if isinstance(item, Skip):
            yield item
            continue
        where, line = item
        try:
            value = parse_line(line, where)
            if value is None:
                continue
            count += 1
            yield record_document(value, where, f"{stem}-{where.rsplit(':', 1)[-1]}")
        except InputError as exc:
            yield Skip(exc.input, exc.reason)
    if count == 0:
        yield Skip(source, "JSONL input holds no records")


def _json_file(text: str, source: str, stem: str) -> Iterator[RawDoc | Skip]:
    try:
        records = list(json_records(text, source))
    except MalformedRecord as exc:
        yield Skip(exc.input, exc.reason)
        return
    for n, (where, value) in enumerate(records, 1):
        try:
            yield record_document(value, where, stem if len(records) == 1 else f"{stem}-{n}")
        except InputError as exc:
            yield Skip(exc.input, exc.reason)


def _unique(hint: str, used: set[str]) -> str:
    base = re.sub(r"\s+", "_", hint.strip()) or "article"
    candidate, n = base, 1
    while candidate in used:
        n += 1
        candidate = f"{base}-{n}"
    used.add(candidate)
    return candidate

