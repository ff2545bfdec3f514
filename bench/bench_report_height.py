"""How tall report.html is in a browser: the document's height at 1280 px, as a reader first sees it.

    python bench/bench_report_height.py OUT/report.json ...            # render each with this checkout, measure
    python bench/bench_report_height.py --html OLD/report.html ...     # measure pages already written

Headless Chromium (Debian's /usr/bin/chromium, driven by playwright as the browser tests drive it);
the page's own folds as written (nothing expanded), every section laid out for real (report.css lets
the browser guess the height of sections off screen). Not a test.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
VIEWPORT = {"width": 1280, "height": 900}
# Lay out every section for real: content-visibility: auto would count an unseen one at its guessed size.
_LAID_OUT = (
    "document.querySelectorAll('*').forEach(e => {"
    " if (getComputedStyle(e).contentVisibility === 'auto') e.style.contentVisibility = 'visible'; });"
    " document.documentElement.scrollHeight"
)


def heights(pages: list[Path]) -> dict[str, int]:
    from playwright.sync_api import sync_playwright

    out = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        for page_path in pages:
            page = browser.new_page(viewport=VIEWPORT)
            page.goto(page_path.resolve().as_uri())
            page.wait_for_load_state("load")
            out[str(page_path)] = page.evaluate(_LAID_OUT)
            page.close()
        browser.close()
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--html", action="store_true", help="the paths are report.html pages, not report.json")
    args = parser.parse_args(argv)
    if args.html:
        measured = heights(args.paths)
    else:
        from newsfuse.render.html import write_html

        with tempfile.TemporaryDirectory() as folder:
            pages = []
            for n, path in enumerate(args.paths):
                pages.append(Path(folder) / f"{n}.html")
                write_html(json.loads(path.read_text(encoding="utf-8")), pages[-1])
            measured = dict(zip(map(str, args.paths), heights(pages).values()))
    for path, height in measured.items():
        print(json.dumps({"page": path, "height px": height}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
