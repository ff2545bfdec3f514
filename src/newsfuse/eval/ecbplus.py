"""Reading ECB+ (Cybulska & Vossen 2014): tokenised articles, markables and coreference chains.

The reader is shared by every evaluation on ECB+ (entities now, events later).
It turns one ``<topic>_<n>ecb[plus].xml`` file into an :class:`EcbDocument`
and can rebuild an :class:`~newsfuse.model.Article` from the tokens, with the
character span of every token, so gold markables can be laid over what our own
pipeline finds in that text.
"""

from __future__ import annotations

import csv
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from newsfuse.errors import EvalError
from newsfuse.ingest.meta import with_dateline_span
from newsfuse.model import Article

SELECTED_SENTENCES_FILE = "ECBplus_coreference_sentences.csv"

# Markable tags of entities (participants and places), as opposed to actions and times.
ENTITY_TAG_PREFIXES = ("HUMAN_PART", "NON_HUMAN_PART", "LOC_")
EVENT_TAG_PREFIXES = ("ACTION_", "NEG_ACTION_")

_FILE_RE = re.compile(r"^(?P<topic>\d+)_(?P<n>\d+)(?P<kind>ecbplus|ecb)\.xml$")

# Detokenisation: tokens glued to the previous token, tokens the next one is glued to,
# and contractions that follow a separate apostrophe token ("DeGeneres ’ s").
_NO_SPACE_BEFORE = frozenset(
    {",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "''", "”", "’", "...", "…"}
    | {"'s", "'S", "n't", "'re", "'ve", "'ll", "'d", "'m"}
)
_NO_SPACE_AFTER = frozenset({"(", "[", "{", "``", "“", "‘", "$", "#", "@"})
_CLITICS = frozenset({"s", "t", "re", "m", "ve", "d", "ll"})
_QUOTE_MAP = {"``": '"', "''": '"'}


@dataclass(frozen=True, slots=True)
class EcbToken:
    """One token of an ECB+ document: its id, sentence and text."""

    id: int
    sentence: int
    text: str


@dataclass(frozen=True, slots=True)
class EcbMarkable:
    """A gold mention: its tag, token ids and the coreference chain it belongs to (if any)."""

    id: str
    tag: str
    tokens: tuple[int, ...]
    chain: str | None  # CROSS_DOC_COREF note, or "<doc>/intra/<r_id>" for within-document chains

    @property
    def is_entity(self) -> bool:
        return self.tag.startswith(ENTITY_TAG_PREFIXES)

    @property
    def is_event(self) -> bool:
        return self.tag.startswith(EVENT_TAG_PREFIXES)


@dataclass(frozen=True, slots=True)
class EcbDocument:
    """One ECB+ article: name ("2_1ecbplus"), topic ("2"), sub-topic ("ecb" | "ecbplus")."""

    name: str
    topic: str
    kind: str
    tokens: tuple[EcbToken, ...]
    markables: tuple[EcbMarkable, ...]

    @property
    def event_id(self) -> str:
        """The gold seminal event: every article of one topic and kind reports the same one."""
        return f"{self.topic}{self.kind}"

    @property
    def first_text_sentence(self) -> int:
        """Sentence 0 of ``ecbplus`` files is the source URL, not text."""
        return 1 if self.kind == "ecbplus" else 0


def find_documents(paths: Iterable[str | Path], topics: Sequence[str | int] | None = None) -> list[Path]:
    """Every ECB+ XML file under ``paths`` (folders are searched recursively), sorted by name.

    ``topics`` keeps only the files of those topic numbers.
    """
    wanted = {str(t) for t in topics} if topics else None
    found: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            candidates = path.rglob("*.xml")
        elif path.is_file():
            candidates = [path]
        else:
            raise EvalError(f"{path}: no such ECB+ file or folder")
        for candidate in candidates:
            match = _FILE_RE.match(candidate.name)
            if match and (wanted is None or match["topic"] in wanted):
                found.add(candidate)
    if not found:
        which = f" for topics {sorted(wanted)}" if wanted else ""
        raise EvalError(f"no ECB+ documents (<topic>_<n>ecb[plus].xml) found in {list(map(str, paths))}{which}")
    return sorted(found, key=_sort_key)


def _sort_key(path: Path) -> tuple[int, str, int]:
    match = _FILE_RE.match(path.name)
    assert match is not None
    return int(match["topic"]), match["kind"], int(match["n"])


def read_document(path: str | Path) -> EcbDocument:
    """Parse one ECB+ XML file."""
    path = Path(path)
    match = _FILE_RE.match(path.name)
    if match is None:
        raise EvalError(f"{path}: not an ECB+ file name (<topic>_<n>ecb[plus].xml)")
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as exc:
        raise EvalError(f"{path}: cannot read ECB+ XML: {exc}") from exc
    name = path.stem
    try:
        tokens = tuple(
            EcbToken(int(t.get("t_id")), int(t.get("sentence")), t.text or "") for t in root.iter("token")
        )
        chains = _chains(root, name)
        markables = []
        for m in root.find("Markables") if root.find("Markables") is not None else ():
            anchors = tuple(int(a.get("t_id")) for a in m.findall("token_anchor"))
            if not anchors:  # an instance descriptor (the chain's name), not a mention in the text
                continue
            m_id = m.get("m_id")
            markables.append(EcbMarkable(m_id, m.tag, anchors, chains.get(m_id)))
    except (TypeError, ValueError) as exc:
        raise EvalError(f"{path}: malformed ECB+ token or markable: {exc}") from exc
    return EcbDocument(name, match["topic"], match["kind"], tokens, tuple(markables))


def _chains(root: ET.Element, name: str) -> dict[str, str]:
    """m_id → chain id for every mention that a coreference relation links."""
    chain_of: dict[str, str] = {}
    relations = root.find("Relations")
    if relations is None:
        return chain_of
    for rel in relations:
        if rel.tag == "CROSS_DOC_COREF":
            chain = rel.get("note") or f"{name}/cross/{rel.get('r_id')}"
        elif rel.tag == "INTRA_DOC_COREF":
            chain = f"{name}/intra/{rel.get('r_id')}"
        else:
            continue
        for source in rel.findall("source"):
            chain_of[source.get("m_id")] = chain
    return chain_of


def read_selected_sentences(paths: Iterable[str | Path]) -> set[tuple[str, int]] | None:
    """(document name, sentence) pairs whose annotation is complete, or None if the index is absent.

    The index ships next to the ``docs`` folder; we look for it in each path and its parents.
    """
    for raw in paths:
        start = Path(raw).resolve()
        for folder in [start, *start.parents]:
            index = folder / SELECTED_SENTENCES_FILE
            if index.is_file():
                return _read_index(index)
    return None


def _read_index(index: Path) -> set[tuple[str, int]]:
    try:
        with index.open(newline="", encoding="utf-8") as fh:
            return {(f"{row['Topic']}_{row['File']}", int(row["Sentence Number"])) for row in csv.DictReader(fh)}
    except (OSError, KeyError, ValueError, csv.Error) as exc:
        raise EvalError(f"{index}: cannot read the ECB+ sentence index: {exc}") from exc


def to_article(doc: EcbDocument) -> tuple[Article, dict[int, tuple[int, int]]]:
    """The document as an ``Article`` and the ``[start, end)`` character span of each kept token.

    Sentences are joined by newlines; within a sentence tokens are joined by
    spaces except around punctuation, clitics and word-internal hyphens, so the
    NER model sees ordinary text ("Jean-Luc Picard's", not "Jean - Luc Picard 's").
    """
    parts: list[str] = []
    spans: dict[int, tuple[int, int]] = {}
    pos = 0
    tokens = [t for t in doc.tokens if t.sentence >= doc.first_text_sentence]
    prev: EcbToken | None = None
    glue_next = False
    open_quote = False
    for i, tok in enumerate(tokens):
        text = _QUOTE_MAP.get(tok.text, tok.text)
        nxt = tokens[i + 1].text if i + 1 < len(tokens) and tokens[i + 1].sentence == tok.sentence else ""
        if prev is None:
            sep = ""
        elif prev.sentence != tok.sentence:
            sep = "\n"
            glue_next = False
            open_quote = False
        elif glue_next or _glued_to_previous(tok.text, prev.text, nxt, open_quote):
            sep = ""
        else:
            sep = " "
        parts.append(sep)
        pos += len(sep)
        spans[tok.id] = (pos, pos + len(text))
        parts.append(text)
        pos += len(text)
        glue_next = tok.text in _NO_SPACE_AFTER or _word_hyphen(tok.text, prev, nxt) or (
            tok.text in ("’", "'") and nxt in _CLITICS
        )
        if tok.text == '"':
            glue_next = not open_quote
            open_quote = not open_quote
        prev = tok
    article = with_dateline_span(Article(id=doc.name, text="".join(parts), title="", source=doc.name))
    return article, spans


def _glued_to_previous(text: str, prev: str, nxt: str, open_quote: bool) -> bool:
    if text in _NO_SPACE_BEFORE:
        return True
    if text == '"':
        return open_quote
    return text == "-" and prev[-1:].isalnum() and nxt[:1].isalnum()


def _word_hyphen(text: str, prev: EcbToken | None, nxt: str) -> bool:
    return text == "-" and prev is not None and prev.text[-1:].isalnum() and nxt[:1].isalnum()


def token_span(markable: EcbMarkable, spans: dict[int, tuple[int, int]]) -> tuple[int, int] | None:
    """The character span a markable covers in ``to_article`` text, or None if its tokens were dropped."""
    covered = [spans[t] for t in markable.tokens if t in spans]
    if not covered:
        return None
    return min(s for s, _ in covered), max(e for _, e in covered)
