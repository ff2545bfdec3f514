"""Write ECB+ topics as one JSONL corpus for ``newsfuse analyze``, each document its own report.

    python bench/ecb_corpus.py TOPICS OUT [--data DIR]

TOPICS is a comma-separated list ("2,5,12,18,21,23,34,35" are the dev topics). Each document is
rebuilt from its tokens as ``newsfuse eval entities`` rebuilds it (``eval.ecbplus.to_article``), one
``{"id", "title", "text", "outlet"}`` line each; the outlet is the domain of an ``ecbplus`` file's
URL sentence and the document's name otherwise, so every report counts as its own source. Used to
read contradictions on news other than shootings (docs/quality.md, "A fresh domain: ECB+ topics").
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from urllib.parse import urlparse

from newsfuse.eval.ecbplus import find_documents, read_document, to_article


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("topics")
    ap.add_argument("out", type=Path)
    ap.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[1].parent / "shared" / "data")
    args = ap.parse_args(argv)
    paths = find_documents([args.data / "ecbplus"], args.topics.split(","))
    if not paths:
        print(f"no ECB+ documents of topics {args.topics} under {args.data / 'ecbplus'}", file=sys.stderr)
        return 1
    with args.out.open("w", encoding="utf-8") as out:
        for path in paths:
            doc = read_document(path)
            article, _ = to_article(doc)
            outlet = doc.name
            if doc.first_text_sentence > 0:  # sentence 0 of an ecbplus file is its URL
                url = "".join(t.text for t in doc.tokens if t.sentence == 0)
                outlet = urlparse(url if "://" in url else "http://" + url).netloc.removeprefix("www.") or outlet
            out.write(json.dumps({"id": doc.name, "title": "", "text": article.text, "outlet": outlet}) + "\n")
    print(f"wrote {len(paths)} reports to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
