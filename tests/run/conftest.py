"""Articles for the runner tests: short reports of three places, numbered."""

from __future__ import annotations

import pytest

from newsfuse.model import Article

TEXTS = [
    "The mayor of Lisbon, Ana Costa, opened the new bridge on Tuesday.",
    "Dock workers in Rotterdam walked out after talks with the port authority failed.",
    "Officials in Nairobi said the railway would reopen next month.",
]


@pytest.fixture()
def articles_of():
    """``n`` -> that many numbered articles, the three texts in turn."""
    return lambda n: [Article(id=f"a{i}", text=f"{TEXTS[i % 3]} Story number {i}.") for i in range(n)]
