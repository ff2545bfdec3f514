"""Reading PolNeAR: article texts and their brat attribution annotations (source, cue, content).

A split folder (``polnear/dev``, ``polnear/train``) holds ``text/NAME.txt`` (the title on the
first line, a blank line, then the body) and ``attributions/NAME_ANNOTATOR.ann`` in brat
standoff format, with character offsets into the whole ``.txt``:

* ``T`` lines are spans: ``T1<TAB>Source 89 106<TAB>The New York Post``; a discontinuous span
  reads ``Content 315 448;463 553``.
* ``E`` lines tie an attribution together: ``E1<TAB>Attribution:T4 Content:T3 Cue:T2 Source:T1``
  (``Attribution-no-source`` has no source; a few carry a second content, ``Content2``).

A few articles were annotated by several annotators, one file each. We read the file of the
annotator whose id sorts first, so a run is deterministic and every article counts once.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from newsfuse.errors import EvalError

Span = tuple[int, int]

# ``NAME_ANNOTATOR.ann``: the annotator id is four hex digits after the last underscore.
_ANN_NAME = re.compile(r"^(?P<name>.+)_(?P<annotator>[0-9a-f]{4})\.ann$")
# ``outlet_YYYY-MM-DD_slug``
_TEXT_NAME = re.compile(r"^(?P<outlet>[a-z-]+)_(?P<date>\d{4}-\d{2}-\d{2})_")
# A span or event line; other lines continue a span's text over a line break.
_T_LINE = re.compile(r"^T\d+\t")
_E_LINE = re.compile(r"^E\d+\t")
# Roles of an E line; ``Content2`` and the like are further pieces of the content.
_ROLES = ("Source", "Cue", "Content")


@dataclass(frozen=True, slots=True)
class Attribution:
    """One annotated attribution: who (source) said what (content) through which words (cue).

    Each role is a tuple of (start, end) pieces into the article text, empty when absent.
    """

    id: str
    source: tuple[Span, ...]
    cue: tuple[Span, ...]
    content: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class PolnearArticle:
    """An article of a PolNeAR split: its text and the attributions one annotator marked in it."""

    name: str
    annotator: str
    text: str
    attributions: tuple[Attribution, ...]

    @property
    def title(self) -> str:
        """The first line of the text file."""
        return self.text.split("\n", 1)[0].strip()

    @property
    def outlet(self) -> str | None:
        """The publisher code at the start of the file name (``nyt``, ``wash-post``...)."""
        m = _TEXT_NAME.match(self.name)
        return m["outlet"] if m else None

    @property
    def published(self) -> str | None:
        """The publication date in the file name."""
        m = _TEXT_NAME.match(self.name)
        return m["date"] if m else None


def read_ann(path: str | Path) -> tuple[Attribution, ...]:
    """The attributions of a brat ``.ann`` file, in the order of their ``E`` lines."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise EvalError(f"{path}: cannot read ({exc})") from exc
    spans: dict[str, tuple[Span, ...]] = {}
    events: list[tuple[str, list[tuple[str, str]]]] = []
    for number, line in enumerate(lines, 1):
        if _T_LINE.match(line):
            spans[line.split("\t", 1)[0]] = _span_pieces(line, path, number)
        elif _E_LINE.match(line):
            ident, _, args = line.partition("\t")
            roles = [tuple(a.split(":", 1)) for a in args.split() if ":" in a]
            events.append((ident, roles))
        # other lines (a span's text going on after a line break, notes) carry nothing we score
    out = []
    for ident, roles in events:
        found: dict[str, list[Span]] = {role: [] for role in _ROLES}
        for role, ref in roles:
            base = role.rstrip("0123456789")
            if base in found:
                if ref not in spans:
                    raise EvalError(f"{path}: {ident} refers to {ref}, which is not defined")
                found[base].extend(spans[ref])
        out.append(Attribution(ident, *(tuple(sorted(found[role])) for role in _ROLES)))
    return tuple(out)


def _span_pieces(line: str, path, number: int) -> tuple[Span, ...]:
    try:
        _, label_offsets = line.split("\t", 2)[:2]
        offsets = label_offsets.split(" ", 1)[1]
        pieces = tuple(
            (int(a), int(b)) for a, b in (piece.split() for piece in offsets.split(";"))
        )
    except (ValueError, IndexError) as exc:
        raise EvalError(f"{path}:{number}: not a brat span line: {line[:60]!r}") from exc
    return pieces


def split_articles(folder: str | Path) -> list[PolnearArticle]:
    """Every annotated article of one split folder (``text/`` and ``attributions/``), by name."""
    folder = Path(folder)
    text_dir, ann_dir = folder / "text", folder / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise EvalError(f"{folder}: not a PolNeAR split folder (needs text/ and attributions/)")
    chosen: dict[str, tuple[str, Path]] = {}
    for ann in sorted(ann_dir.glob("*.ann")):
        m = _ANN_NAME.match(ann.name)
        if not m:
            raise EvalError(f"{ann}: expected NAME_ANNOTATOR.ann")
        chosen.setdefault(m["name"], (m["annotator"], ann))  # sorted: the first annotator wins
    articles = []
    for name, (annotator, ann) in sorted(chosen.items()):
        txt = text_dir / f"{name}.txt"
        try:
            text = txt.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise EvalError(f"{txt}: cannot read the text of {ann.name} ({exc})") from exc
        attributions = read_ann(ann)
        _check_offsets(attributions, text, ann)
        articles.append(PolnearArticle(name, annotator, text, attributions))
    return articles


def _check_offsets(attributions: Sequence[Attribution], text: str, path: Path) -> None:
    for a in attributions:
        for start, end in (*a.source, *a.cue, *a.content):
            if not 0 <= start <= end <= len(text):
                raise EvalError(f"{path}: {a.id} has a span {start}-{end} outside the text")


def read_splits(paths: Sequence[str | Path]) -> list[PolnearArticle]:
    """The articles of every split folder in ``paths``, in order."""
    articles: list[PolnearArticle] = []
    for p in map(Path, paths):
        if not p.exists():
            raise EvalError(f"{p}: no such file or folder")
        articles.extend(split_articles(p))
    if not articles:
        raise EvalError("no PolNeAR articles found in " + ", ".join(map(str, paths)))
    return articles
