"""Canonical URLs: one article reached through two feeds (tracking tags, fragments, host case) is stored once."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

# Query keys that tag how a reader arrived, not what page they see: the analytics conventions
# of the web at large (Google's utm_*, Facebook's fbclid, Google Ads' gclid, Mailchimp's mc_*, ...).
TRACKING_PREFIXES = ("utm_", "mc_", "pk_", "_hs")
TRACKING_KEYS = frozenset({"fbclid", "gclid", "dclid", "msclkid", "yclid", "igshid", "ocid", "cmpid", "ref_src"})
_DEFAULT_PORTS = {"http": 80, "https": 443}


def canonical_url(url: str) -> str:
    """``url`` with scheme and host in lower case, no default port, no fragment and no tracking keys.

    The path and the remaining query keep their order and case: servers may tell them apart.
    """
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if parts.port and parts.port != _DEFAULT_PORTS.get(scheme):
        host = f"{host}:{parts.port}"
    query = [
        (key, value)
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
        if key.lower() not in TRACKING_KEYS and not key.lower().startswith(TRACKING_PREFIXES)
    ]
    return urlunsplit((scheme, host, parts.path or "/", urlencode(query), ""))


def url_id(url: str) -> str:
    """A readable article id from a URL: host and path, in words joined by hyphens."""
    parts = urlsplit(url)
    words = [w for w in "".join(c if c.isalnum() else " " for c in f"{parts.hostname or ''} {parts.path}").split()]
    return "-".join(words).lower()[:120] or "article"
