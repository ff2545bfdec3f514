"""Generated hostile inputs through ingest and the three reports: every input is accounted for,
the reports are written as one set, and no injected markup is live in report.md or report.html."""

from __future__ import annotations

import json
import os
import re
import shutil

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsfuse.config import load_config
from newsfuse.ingest import read_inputs
from newsfuse.model import Report
from newsfuse.render.output import REPORT_FILES, write_reports
from newsfuse.util import path_text

_PAYLOADS = (
    "<svg onload=alert(1)>",
    "[x](javascript:alert(1))",
    "<script>alert(1)</script>",
    "`<img src=x onerror=alert(1)>`",
    "\n\n<iframe src=javascript:alert(1)>\n[r]: javascript:alert(1)\n",
    "\ud800 \udcff",
)
_PROSE = "Dockers in Setúbal stopped work on Monday, the union said, and the café by the gate closed at noon. "

payload = st.sampled_from(_PAYLOADS)
hostile_text = st.lists(st.one_of(payload, st.text(max_size=40), st.just(_PROSE)), max_size=8).map("".join)
file_names = st.binary(min_size=1, max_size=12).map(
    lambda b: bytes(c for c in b if c not in b"/\x00") or b"x"
).filter(lambda b: b not in (b".", b".."))


@st.composite
def contents(draw) -> bytes:
    kind = draw(st.sampled_from(["bytes", "encoded", "jsonl", "lines"]))
    if kind == "bytes":
        return draw(st.binary(max_size=300))
    if kind == "encoded":
        text = _PROSE * draw(st.integers(1, 3)) + draw(hostile_text)
        return text.encode(draw(st.sampled_from(["utf-8", "cp1252", "latin-1", "utf-16"])), errors="replace")
    if kind == "jsonl":
        records = []
        for _ in range(draw(st.integers(1, 3))):
            fields = {f: draw(hostile_text) for f in ("id", "title", "outlet", "url", "published")}
            fields[draw(st.sampled_from(["text", "html"]))] = _PROSE * 2 + draw(hostile_text)
            records.append(json.dumps(fields))
        return ("\n".join(records) + "\n").encode("utf-8")
    lines = draw(st.lists(st.sampled_from(["", " ", "x" * 5000, _PROSE, "{", "\t\t"]), max_size=6))
    return "\n".join(lines).encode("utf-8")


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.dictionaries(file_names, contents(), min_size=1, max_size=5), st.sampled_from([".txt", ".jsonl", ".html", ""]))
def test_hostile_inputs_end_as_articles_or_skips_and_no_markup_survives(tmp_path, files, suffix):
    folder = tmp_path / "in"
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    paths = []
    for name, data in files.items():
        path = os.path.join(os.fsencode(folder), name + suffix.encode())
        with open(path, "wb") as fh:
            fh.write(data)
        paths.append(path)
    articles, skipped = read_inputs([folder], load_config(jobs=1, progress="never"))
    # Every input is an article or a skip with a reason (hidden files are not inputs).
    seen = {a.source for a in articles} | {s.input for s in skipped}
    for path in paths:
        if os.path.basename(path).startswith(b"."):
            continue
        name = path_text(path)
        assert any(s == name or s.startswith(name + ":") or s.startswith(name + "#") for s in seen), name
    assert all(s.reason for s in skipped)
    out = tmp_path / "out"
    write_reports(Report(articles=articles, analyses=[], skipped=skipped, generated="", version="0"), out)
    texts = {name: (out / name).read_text(encoding="utf-8") for name in REPORT_FILES}
    assert json.loads(texts["report.json"])["skipped"] == [{"input": s.input, "reason": s.reason} for s in skipped]
    from markdown_it import MarkdownIt

    rendered = MarkdownIt("commonmark").enable("table").render(texts["report.md"])
    assert set(re.findall(r"<([a-zA-Z][a-zA-Z0-9]*)", rendered)) <= {
        "h1", "h2", "h3", "p", "ul", "li", "em", "strong", "table", "thead", "tbody", "tr", "th", "td"
    }
    for tag in ("<svg", "<iframe", "<img", "<script>alert"):
        assert tag not in texts["report.html"]
