"""One name per news outlet, whatever the input calls it: a metadata code, a web domain, a masthead.

Two steps, both precision first (two different outlets are never merged):

* ``canonical_outlet`` reads one name alone. A name or code of a well-known outlet
  (``outlets.tsv``: wires, agencies, the main national outlets, their short codes and
  domains) gives its canonical name ("NYT", "nytimes.com", "THE NEW YORK TIMES" → "The New
  York Times"); a web address gives its host ("www.marlowgazette.com/news" →
  "marlowgazette.com"); any other name is kept as written, spaces tidied.
* ``unify_outlets`` reads the names of one corpus together, for outlets the table does not
  know: names equal but for case, punctuation and a leading "The" are one ("MARLOW
  GAZETTE", "The Marlow Gazette"); a domain whose site label is such a name is that outlet
  ("marlowgazette.com"); a code of three to six capitals is the one other name of the
  corpus whose initials it spells ("TMG" → "The Marlow Gazette"), and nothing when two names share them.

Names are compared by ``outlet_key``: lower case, accents, punctuation, spaces and a
leading "the" dropped — so "Fox News" and "FoxNews" are one, while "Fox Business" and
"Fox News", "The Sun" and "The Sun-Times", "Daily Mail" and "Daily Mirror" stay apart.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from newsfuse.model import Article

TABLE_FILE = Path(__file__).with_name("outlets.tsv")
# A code spelled by initials has this many letters: two-letter initials ("SB") fit too many
# names by chance, so the well-known ones ("AP", "FT") are left to the table.
MIN_CODE_LETTERS = 3
MAX_CODE_LETTERS = 6
# A domain's site label ("marlowgazette") must be this long to stand for a name of the corpus.
MIN_SITE_LABEL_CHARS = 4

# Second-level labels under a country code that are not the site ("bbc.co.uk", "smh.com.au").
_SECOND_LEVEL = frozenset("co com org net gov ac edu or ne go gob nic mil".split())
_HOST_PREFIX_RE = re.compile(r"^(?:www\d?|m|amp|mobile)\.")
_DOMAIN_RE = re.compile(r"(?i)^(?:https?://)?(?:[a-z0-9-]+\.)+[a-z]{2,}\.?(?::\d+)?(?:/\S*)?$")
_LETTERS = f"{{{MIN_CODE_LETTERS},{MAX_CODE_LETTERS}}}"
_CODE_RE = re.compile(rf"^(?:[A-Z]{_LETTERS}|(?:[A-Z]\.){_LETTERS})$")
_LEADING_THE_RE = re.compile(r"^the\s+")
_NON_ALNUM_RE = re.compile(r"[^a-z0-9]+")
# Words a name's initials may skip ("The Wall Street Journal" → WSJ; "Times of India" → TOI keeps "of").
_GLUE_WORDS = frozenset({"the", "of", "and", "&", "for", "de", "la", "le", "der", "die", "das"})


@dataclass(frozen=True, slots=True)
class Outlet:
    """A well-known outlet: its canonical name, the other names and codes it goes by, its domains."""

    name: str
    aliases: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()


def outlet_key(name: str) -> str:
    """``name`` folded for comparison: no accents, lower case, no leading "the", letters and digits only."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return _NON_ALNUM_RE.sub("", _LEADING_THE_RE.sub("", plain.lower().strip()))


@cache
def known_outlets() -> tuple[Outlet, ...]:
    """The table of well-known outlets in ``outlets.tsv`` (see its header)."""
    outlets = []
    for line in TABLE_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, aliases, domains = (line.split("\t") + ["", ""])[:3]
        outlets.append(Outlet(name.strip(), _split(aliases), _split(domains.lower())))
    return tuple(outlets)


def _split(field: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in field.split("|") if p.strip())


@cache
def _by_key() -> dict[str, str]:
    """Canonical name by the key of every name and code in the table."""
    found: dict[str, str] = {}
    for outlet in known_outlets():
        for name in (outlet.name, *outlet.aliases):
            key = outlet_key(name)
            if found.setdefault(key, outlet.name) != outlet.name:
                raise ValueError(f"{TABLE_FILE.name}: {name!r} names both {found[key]!r} and {outlet.name!r}")
    return found


@cache
def _by_domain() -> dict[str, str]:
    """Canonical name by every domain in the table."""
    found: dict[str, str] = {}
    for outlet in known_outlets():
        for domain in outlet.domains:
            if found.setdefault(domain, outlet.name) != outlet.name:
                raise ValueError(f"{TABLE_FILE.name}: {domain!r} is a domain of {found[domain]!r} and {outlet.name!r}")
    return found


def host_of(name: str) -> str | None:
    """The host a name written as a web address gives ("https://www.nytimes.com/x" → "nytimes.com"), or None."""
    text = name.strip()
    if " " in text or not _DOMAIN_RE.match(text):
        return None
    host = urlsplit(text if "//" in text else "//" + text).hostname
    return _HOST_PREFIX_RE.sub("", host.rstrip(".")) if host else None


def registrable_domain(host: str) -> str:
    """The part of a host a site registers ("edition.cnn.com" → "cnn.com", "news.bbc.co.uk" → "bbc.co.uk")."""
    labels = host.lower().split(".")
    keep = 3 if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL else 2
    return ".".join(labels[-keep:])


def _known_domain(host: str) -> str | None:
    """The table's outlet of ``host`` or of a parent domain down to its registrable part, or None."""
    labels = host.lower().split(".")
    floor = len(registrable_domain(host).split("."))
    for i in range(len(labels) - floor + 1):
        name = _by_domain().get(".".join(labels[i:]))
        if name:
            return name
    return None


def canonical_outlet(name: str | None) -> str | None:
    """The one name of the outlet ``name`` stands for, read alone (see the module docstring); None stays None."""
    if name is None:
        return None
    text = " ".join(name.split())
    if not text:
        return None
    host = host_of(text)
    if host:
        return _known_domain(host) or host
    return _by_key().get(outlet_key(text), text)


def unify_outlets(articles: Sequence[Article]) -> list[Article]:
    """The articles, each outlet under one name across the corpus: each name read alone
    (``canonical_outlet``), then the names read together (see the module docstring)."""
    alone = {a.outlet: canonical_outlet(a.outlet) for a in articles if a.outlet}
    together = _corpus_names(Counter(alone[a.outlet] for a in articles if a.outlet and alone[a.outlet]))
    rename = {name: together.get(one, one) for name, one in alone.items() if together.get(one, one) != name}
    if not rename:
        return list(articles)
    return [replace(a, outlet=rename[a.outlet]) if a.outlet in rename else a for a in articles]


def _corpus_names(names: Counter[str]) -> dict[str, str]:
    """Name → the corpus' name for that outlet, for every name that changes."""
    known = set(_by_key().values())
    # 1. names equal but for case, punctuation and "The": the table's name, else the most used spelling.
    groups: dict[str, list[str]] = {}
    for name in names:
        groups.setdefault(outlet_key(name), []).append(name)
    chosen = {key: _spelling(group, names, known) for key, group in groups.items()}
    # 2. a domain of the corpus that is a name of the corpus; 3. a code spelling one name's initials.
    for key, group in groups.items():
        name = group[0]
        other = _site_name(name, chosen) if host_of(name) else _spelled_name(name, chosen)
        if other:
            chosen[key] = chosen[outlet_key(other)]
    rename = {}
    for key, group in groups.items():
        for name in group:
            if chosen[key] != name:
                rename[name] = chosen[key]
    return rename


def _spelling(group: list[str], counts: Counter[str], known: set[str]) -> str:
    """The table's name, else the most used spelling, in mixed case before capitals, first seen first."""
    for name in group:
        if name in known:
            return name
    return max(group, key=lambda n: (counts[n], not n.isupper()))


def _site_name(domain: str, chosen: dict[str, str]) -> str | None:
    """The corpus name a domain unknown to the table spells as its site label ("marlowgazette.com"), or None."""
    host = host_of(domain)
    # A subdomain is one site of many on its domain ("pittsburgh.cbslocal.com"): no site label.
    if not host or _known_domain(host) or host != registrable_domain(host):
        return None
    label = host.split(".")[0].replace("-", "")
    if len(label) < MIN_SITE_LABEL_CHARS:
        return None
    matches = {name for key, name in chosen.items() if not host_of(name) and label in (key, "the" + key)}
    return matches.pop() if len(matches) == 1 else None


def _spelled_name(code: str, chosen: dict[str, str]) -> str | None:
    """The one corpus name whose initials a code of capitals spells ("HNT" → "Harlan News Today"), or None."""
    if not _CODE_RE.match(code) or outlet_key(code) in _by_key():
        return None
    letters = code.replace(".", "").lower()
    matches = {
        name for name in chosen.values()
        if name != code and not host_of(name) and letters in _initials(name)
    }
    return matches.pop() if len(matches) == 1 else None


def _initials(name: str) -> set[str]:
    """The initials of a name's words, with and without its joining words ("Times of India" → toi, ti)."""
    words = [w for w in re.split(r"[\s\-]+", name.lower()) if w and w[0].isalnum()]
    if words and words[0] == "the":
        words = words[1:]
    if len(words) < MIN_CODE_LETTERS:
        return set()
    return {"".join(w[0] for w in words), "".join(w[0] for w in words if w not in _GLUE_WORDS)}

