"""Write one disjoint part of GVA train as JSONL, drawn as ``cv_link_model.py`` draws its parts.

    python bench/gva_part.py MULTI_START MULTI_END SINGLE_START SINGLE_END OUT [--data DIR]

Incidents with two reports or more, and incidents with one, are each shuffled with
``random.Random(7)`` (``cv_link_model.gva_corpus``); the part holds the reports of incidents
``[MULTI_START, MULTI_END)`` of the first and ``[SINGLE_START, SINGLE_END)`` of the second, one
``{"id", "title", "text", "url", "published"}`` line each, ready for ``newsfuse analyze``. The check
parts 1-8 of docs/quality.md are, in order: 110 260 0 60; 260 400 260 320; 400 540 320 380;
540 680 380 440; 680 820 440 500; 820 960 500 560; 960 1100 560 620; 1100 1187 620 680 (the GVA
train sample the link model was read on is 0 110 0 0).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from cv_link_model import gva_corpus  # noqa: E402


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    for name in ("multi_start", "multi_end", "single_start", "single_end"):
        ap.add_argument(name, type=int)
    ap.add_argument("out", type=Path)
    ap.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data")
    args = ap.parse_args(argv)
    source = args.data / "gva" / "gva_train.jsonl"
    if not source.is_file():
        print(f"{source}: not found (the GVA train file of ../shared/data)", file=sys.stderr)
        return 2
    corpus = gva_corpus(source, slice(args.multi_start, args.multi_end), slice(args.single_start, args.single_end))
    with args.out.open("w", encoding="utf-8") as fh:
        for a in corpus.articles:
            row = {"id": a.id, "title": a.title, "text": a.text, "url": a.url, "published": a.published}
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {len(corpus.articles)} reports of {len(set(corpus.gold.values()))} incidents to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
