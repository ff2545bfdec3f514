"""The bundled example corpus (examples/) stays well-formed and documented."""

from __future__ import annotations

import json
import re
from datetime import datetime
from html.parser import HTMLParser
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
# The articles live one level down, so that `newsfuse analyze examples/setubal`
# does not read the README as an article.
CORPUS = EXAMPLES / "setubal"
ARTICLE_SUFFIXES = {".txt", ".html", ".md", ".jsonl"}
JSONL_FIELDS = ("id", "title", "url", "outlet", "published")
# Short reports, as the README promises: counted with markup stripped and chrome kept.
MIN_WORDS, MAX_WORDS = 120, 450


def _article_files() -> list[Path]:
    return sorted(p for p in CORPUS.iterdir() if p.is_file())


def _jsonl_rows() -> list[tuple[Path, int, dict]]:
    rows = []
    for path in CORPUS.glob("*.jsonl"):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if line.strip():
                rows.append((path, number, json.loads(line)))
    return rows


def _words(text: str) -> int:
    return len(re.sub(r"<[^>]+>", " ", text).split())


class _HeadParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.in_title = False
        self.title = ""
        self.meta: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "title":
            self.in_title = True
        elif tag == "meta":
            key = attrs.get("name") or attrs.get("property")
            if key:
                self.meta[key] = attrs.get("content") or ""

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False

    def handle_data(self, data):
        if self.in_title:
            self.title += data


def test_corpus_has_every_format():
    suffixes = [p.suffix for p in _article_files()]
    assert set(suffixes) == ARTICLE_SUFFIXES
    assert suffixes.count(".html") >= 2
    assert 10 <= len(suffixes) - suffixes.count(".jsonl") + len(_jsonl_rows()) <= 16


@pytest.mark.parametrize("path", _article_files(), ids=lambda p: p.name)
def test_file_is_utf8_text(path):
    text = path.read_bytes().decode("utf-8")  # strict: raises on any invalid byte
    assert text.strip()
    assert "\ufffd" not in text
    if path.suffix != ".jsonl":
        assert MIN_WORDS <= _words(text) <= MAX_WORDS


def test_jsonl_rows_have_the_documented_fields():
    rows = _jsonl_rows()
    assert 2 <= len(rows) <= 3
    for path, number, row in rows:
        where = f"{path.name}:{number}"
        missing = [f for f in JSONL_FIELDS if not row.get(f)]
        assert not missing, f"{where} lacks {missing}"
        assert row.get("text") or row.get("html"), f"{where} has neither text nor html"
        datetime.fromisoformat(row["published"])  # raises when not ISO 8601
        assert MIN_WORDS <= _words(row.get("text") or row["html"]) <= MAX_WORDS, where
    ids = [row["id"] for _, _, row in rows]
    assert len(ids) == len(set(ids))
    assert {"text", "html"} <= {k for _, _, row in rows for k in row}


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.html")), ids=lambda p: p.name)
def test_html_pages_carry_title_and_metadata(path):
    parser = _HeadParser()
    parser.feed(path.read_text(encoding="utf-8"))
    assert parser.title.strip()
    assert parser.meta.get("author")
    assert parser.meta.get("og:site_name")
    datetime.fromisoformat(parser.meta["article:published_time"])


def test_readme_lists_every_file_and_article():
    readme = (EXAMPLES / "README.md").read_text(encoding="utf-8")
    for path in _article_files():
        assert f"`{path.name}`" in readme, f"examples/README.md does not list {path.name}"
    for _, _, row in _jsonl_rows():
        assert f"`{row['id']}`" in readme, f"examples/README.md does not list JSONL id {row['id']}"


def test_readme_names_no_missing_file():
    readme = (EXAMPLES / "README.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`([\w.-]+\.(?:txt|html|md|jsonl))`", readme))
    assert named, "the README's file table is gone"
    assert named <= {p.name for p in _article_files()}
