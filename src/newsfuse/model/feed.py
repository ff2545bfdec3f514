"""A followed feed's state between polls: validators for conditional requests and what happened last."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class FeedStatus:
    """One feed as the store keeps it.

    ``etag`` and ``last_modified`` are the server's validators, sent back on the next poll so an
    unchanged feed costs one 304. Times are ISO 8601 in UTC; ``last_error`` is empty after a
    successful poll; ``articles_added`` counts every article this feed brought, over all polls.
    """

    url: str
    title: str = ""
    etag: str = ""
    last_modified: str = ""
    last_checked: str = ""
    last_success: str = ""
    last_error: str = ""
    articles_added: int = 0
