"""Shared test fixtures: paths to ../shared, the loaded spaCy model, a small config."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SHARED_DATA = SHARED / "data"
SEEDS = SHARED / "seeds"
TEST_DATA = Path(__file__).resolve().parent / "data"
EXAMPLES = REPO / "examples" / "setubal"

needs_data = pytest.mark.skipif(not SHARED_DATA.is_dir(), reason="../shared/data is absent")
needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is absent")


@pytest.fixture(scope="session")
def nlp():
    from newsfuse.nlp.models import load_nlp

    return load_nlp()


@pytest.fixture()
def config():
    from newsfuse.config import load_config

    return load_config(jobs=1, progress="never")
