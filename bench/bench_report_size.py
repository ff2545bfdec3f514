"""How big report.html (and report.json) grow from a real report to thousands of articles.

    python bench/bench_report_size.py BASE/report.json                   # sizes 1000 3000
    python bench/bench_report_size.py BASE/report.json --sizes 500 1000  # other sizes

BASE is the report.json of a real run (docs/reliability.md used the 78 GVC dev reports:
``newsfuse analyze gvc-dev.jsonl --out BASE``). Larger reports repeat it as copies, the way
bench/bench_cluster.py grows a corpus: copy k renames every article, event, story and claim id
(``<id>~k``), so a copy of a report is another report of another event, with its own summary
lines, timeline entries, claims, contradictions and quotes; entities keep their names (people
recur across copies) and gain the copies' articles and mentions; framing and skipped inputs
are the base's. Only rendering is timed; nothing is analysed. Not a test.
"""

from __future__ import annotations

import argparse
import copy
import json
import sys
import time
from pathlib import Path

# Lists copied per copy of the base, their items' ids renamed.
COPIED = ("articles", "events", "stories", "timeline", "claims", "contradictions", "quotes", "summary")


def grown(base: dict, size: int) -> dict:
    """``base`` grown to ``size`` articles: the base's articles, then copy 1 of each, copy 2, ..."""
    data = copy.deepcopy(base)
    n_base = len(base["articles"])
    other_ids = {x["id"] for key in ("events", "stories", "claims") for x in base.get(key, ()) if "id" in x}
    k = 1
    entities = {e["id"]: e for e in data.get("entities", ())}
    while len(data["articles"]) < size:
        take = min(n_base, size - len(data["articles"]))
        kept = {a["id"] for a in base["articles"][:take]}
        # a last, partial copy leaves out some articles: what cites them cites the base's
        rename = {i: f"{i}~{k}" for i in (kept | other_ids)}
        for key in COPIED:
            for item in base.get(key, ()):
                if key == "articles" and item["id"] not in kept:
                    continue
                data[key].append(_renamed(item, rename))
        for e in base.get("entities", ()):
            copied = [a for a in e.get("articles", ()) if a in kept]
            target = entities[e["id"]]
            target["articles"] = target["articles"] + [rename[a] for a in copied]
            target["spans"] = target.get("spans", []) + [
                _renamed(s, rename) for s in e.get("spans", ()) if s.get("article") in kept
            ]
            target["mentions"] = target.get("mentions", 0) + sum(1 for s in e.get("spans", ()) if s.get("article") in kept)
        k += 1
    return data


def _renamed(value, rename: dict[str, str]):
    if isinstance(value, str):
        return rename.get(value, value)
    if isinstance(value, list):
        return [_renamed(v, rename) for v in value]
    if isinstance(value, dict):
        return {key: _renamed(v, rename) for key, v in value.items()}
    return value


def measure(data: dict) -> dict:
    from newsfuse.render.html import render_html
    from newsfuse.render.markdown import render_markdown

    start = time.perf_counter()
    html = render_html(data)
    seconds = time.perf_counter() - start
    return {
        "articles": len(data["articles"]),
        "report.html MB": round(len(html.encode("utf-8")) / 1e6, 1),
        "render s": round(seconds, 1),
        "report.json MB": round(len(json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")) / 1e6, 1),
        "report.md MB": round(len(render_markdown(data).encode("utf-8")) / 1e6, 1),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("base", type=Path, help="report.json of a real run")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 3000])
    args = parser.parse_args(argv)
    base = json.loads(args.base.read_text(encoding="utf-8"))
    for size in [len(base["articles"]), *args.sizes]:
        print(json.dumps(measure(grown(base, size))), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
