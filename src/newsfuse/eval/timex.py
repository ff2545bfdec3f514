"""Scoring time-expression extraction against TimeML gold files, as TempEval-3 scores it."""

from __future__ import annotations

import xml.etree.ElementTree as ET
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from newsfuse.errors import EvalError
from newsfuse.model import TimeValue
from newsfuse.nlp.time.value import TimexValue


@dataclass(frozen=True, slots=True)
class GoldTimex:
    """One TIMEX3 of a gold file, with offsets into the plain text of its TEXT element."""

    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None = None


@dataclass(frozen=True, slots=True)
class TimeMLDocument:
    """A TimeML file: the document creation time, the plain text and its gold time expressions."""

    path: str
    dct: str | None
    text: str
    timexes: tuple[GoldTimex, ...]

    @property
    def dct_date(self) -> date | None:
        """The creation time as a date, when it names a day."""
        value = TimexValue.parse(self.dct)
        return value.date if value is not None and value.has_calendar_day else None


def read_timeml(path: str | Path) -> TimeMLDocument:
    """Read a TimeML ``.tml`` file: DCT from ``<DCT><TIMEX3 value>``, gold TIMEX3s inside ``<TEXT>``."""
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as exc:
        raise EvalError(f"{path}: cannot read TimeML ({exc})") from exc
    for el in root.iter():  # files that declare a default namespace name their tags "{ns}TEXT"
        if isinstance(el.tag, str) and el.tag.startswith("{"):
            el.tag = el.tag.split("}", 1)[1]
    text_el = root.find(".//TEXT")
    if text_el is None:
        raise EvalError(f"{path}: no <TEXT> element")
    dct_el = root.find(".//DCT/TIMEX3")
    dct = dct_el.get("value") if dct_el is not None else None
    parts: list[str] = []
    found: list[tuple[int, int, dict[str, str]]] = []
    length = 0

    def walk(el) -> None:
        nonlocal length
        if el.text:
            parts.append(el.text)
            length += len(el.text)
        for child in el:
            start = length
            walk(child)
            if child.tag == "TIMEX3":
                found.append((start, length, dict(child.attrib)))
            if child.tail:
                parts.append(child.tail)
                length += len(child.tail)

    walk(text_el)
    text = "".join(parts)
    timexes = tuple(
        GoldTimex(start, end, text[start:end], a.get("type", ""), a.get("value", ""), a.get("mod"))
        for start, end, a in found
    )
    return TimeMLDocument(str(path), dct, text, timexes)


def timeml_files(paths: Sequence[str | Path]) -> list[Path]:
    """The ``.tml`` files named by ``paths``, folders searched recursively, in a stable order."""
    files: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            files.extend(sorted(p.rglob("*.tml")))
        elif p.is_file():
            files.append(p)
        else:
            raise EvalError(f"{p}: no such file or folder")
    if not files:
        raise EvalError("no TimeML (.tml) files found in " + ", ".join(map(str, paths)))
    return files


# The two parts of a folder: a file's part is the CRC-32 of its name modulo 2, so each corpus has
# a part to read errors and fit rules on and a part to check them on, the same on every machine.
PARTS = ("fit", "check")


def part_of(path: str | Path) -> str:
    """'fit' or 'check': the deterministic half of its corpus a TimeML file belongs to."""
    return PARTS[zlib.crc32(Path(path).name.encode("utf-8")) % 2]


def select_part(files: Sequence[Path], part: str | None) -> list[Path]:
    """The files of ``part`` ('fit' or 'check'; all of them when None), in their order."""
    if part is None:
        return list(files)
    if part not in PARTS:
        raise EvalError(f"part {part!r}: expected one of {', '.join(PARTS)}")
    chosen = [f for f in files if part_of(f) == part]
    if not chosen:
        raise EvalError(f"no TimeML files in the {part} part of " + ", ".join(sorted({str(f.parent) for f in files})))
    return chosen


def pair_spans(gold: Sequence[GoldTimex], system: Sequence[TimeValue]) -> tuple[list[tuple[int, int]], int]:
    """One-to-one pairs (gold index, system index) of overlapping spans, exact matches first,
    then the largest overlap; and the number of exact (strict) matches."""
    pairs: list[tuple[int, int]] = []
    used_g: set[int] = set()
    used_s: set[int] = set()
    exact = 0
    for gi, g in enumerate(gold):
        for si, s in enumerate(system):
            if si not in used_s and s.start == g.start and s.end == g.end:
                pairs.append((gi, si))
                used_g.add(gi)
                used_s.add(si)
                exact += 1
                break
    overlaps = sorted(
        (
            (min(g.end, s.end) - max(g.start, s.start), gi, si)
            for gi, g in enumerate(gold)
            if gi not in used_g
            for si, s in enumerate(system)
            if si not in used_s and s.start < g.end and g.start < s.end
        ),
        reverse=True,
    )
    for _, gi, si in overlaps:
        if gi in used_g or si in used_s:
            continue
        pairs.append((gi, si))
        used_g.add(gi)
        used_s.add(si)
    return pairs, exact


def _prf(correct: int, n_system: int, n_gold: int, prefix: str) -> dict[str, float]:
    p = correct / n_system if n_system else 0.0
    r = correct / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {f"{prefix}_precision": p, f"{prefix}_recall": r, f"{prefix}_f1": f}


def score(pairs: Iterable[tuple[Sequence[GoldTimex], Sequence[TimeValue]]]) -> dict[str, float]:
    """TempEval-3 timex scores over (gold, system) pairs of documents.

    Strict: spans equal; relaxed: spans overlap (one-to-one). Type and value accuracy are over
    relaxed matches; value F1 counts a relaxed match only when the value is right.
    """
    n_gold = n_sys = strict = relaxed = typed = valued = docs = 0
    for gold, system in pairs:
        docs += 1
        n_gold += len(gold)
        n_sys += len(system)
        matched, exact = pair_spans(gold, system)
        strict += exact
        relaxed += len(matched)
        typed += sum(gold[g].type == system[s].type for g, s in matched)
        valued += sum(gold[g].value == system[s].value for g, s in matched)
    scores: dict[str, float] = {"documents": docs, "gold": n_gold, "system": n_sys,
                                "strict_matches": strict, "relaxed_matches": relaxed}
    scores.update(_prf(strict, n_sys, n_gold, "strict"))
    scores.update(_prf(relaxed, n_sys, n_gold, "relaxed"))
    scores["type_accuracy"] = typed / relaxed if relaxed else 0.0
    scores["value_accuracy"] = valued / relaxed if relaxed else 0.0
    scores.update(_prf(valued, n_sys, n_gold, "value"))
    return scores


def evaluate(paths: Sequence[Path], nlp=None, mistakes: list[Mistake] | None = None,
             part: str | None = None) -> dict[str, float]:
    """Score :func:`newsfuse.nlp.time.tag.find_times` on TimeML files (or folders of them).

    Each file's TEXT is parsed with ``nlp`` (the default pipeline when None) and anchored to
    its DCT; the result is a flat dict of counts and TempEval-3 scores, ``value_f1`` the headline.
    When ``mistakes`` is a list, every wrong value, miss and false alarm is appended to it.
    ``part`` ('fit' or 'check') scores only that half of the files (:func:`part_of`).
    """
    from newsfuse.nlp.models import load_nlp
    from newsfuse.nlp.time.tag import find_times

    documents = [read_timeml(p) for p in select_part(timeml_files(paths), part)]
    nlp = nlp if nlp is not None else load_nlp()
    parsed = nlp.pipe(d.text for d in documents)
    pairs = [(d, find_times(doc, d.dct_date)) for d, doc in zip(documents, parsed)]
    if mistakes is not None:
        for d, system in pairs:
            mistakes.extend(mistakes_in(d, system))
    return score((d.timexes, system) for d, system in pairs)


@dataclass(frozen=True, slots=True)
class Mistake:
    """One error: a wrong value ("value"), a gold expression not found ("miss") or a system
    expression the gold does not have ("extra"), with its file and the text around it."""

    kind: str
    path: str
    gold_text: str
    gold_value: str
    system_text: str
    system_value: str
    context: str


# Characters of text shown before and after a mistake.
CONTEXT_CHARS = 50


def mistakes_in(document: TimeMLDocument, system: Sequence[TimeValue]) -> list[Mistake]:
    """Every wrong value, miss and extra of ``system`` against ``document``'s gold."""
    pairs, _ = pair_spans(document.timexes, system)
    text = document.text
    name = Path(document.path).name

    def around(start: int, end: int) -> str:
        before = text[max(0, start - CONTEXT_CHARS) : start]
        return " ".join(f"{before}[{text[start:end]}]{text[end : end + CONTEXT_CHARS]}".split())

    out = []
    for gi, si in pairs:
        g, s = document.timexes[gi], system[si]
        if g.value != s.value:
            out.append(Mistake("value", name, g.text, g.value, s.text, s.value, around(g.start, g.end)))
    found_g = {gi for gi, _ in pairs}
    found_s = {si for _, si in pairs}
    out.extend(Mistake("miss", name, g.text, g.value, "", "", around(g.start, g.end))
               for gi, g in enumerate(document.timexes) if gi not in found_g)
    out.extend(Mistake("extra", name, "", "", s.text, s.value, around(s.start, s.end))
               for si, s in enumerate(system) if si not in found_s)
    return out


def format_mistakes(mistakes: Sequence[Mistake]) -> str:
    """Tab-separated lines, one per mistake: kind, file, gold text, gold value, system text,
    system value, context (the expression in brackets)."""
    head = "kind\tfile\tgold\tgold value\tsystem\tsystem value\tcontext"
    rows = ["\t".join((m.kind, m.path, m.gold_text, m.gold_value, m.system_text, m.system_value, m.context))
            for m in mistakes]
    return "\n".join([head, *rows])


_ORDER = (
    ("value_f1", "value F1 (headline)"), ("value_precision", "value precision"), ("value_recall", "value recall"),
    ("strict_f1", "strict span F1"), ("strict_precision", "strict span precision"),
    ("strict_recall", "strict span recall"), ("relaxed_f1", "relaxed span F1"),
    ("relaxed_precision", "relaxed span precision"), ("relaxed_recall", "relaxed span recall"),
    ("type_accuracy", "type accuracy"), ("value_accuracy", "value accuracy"),
    ("documents", "documents"), ("gold", "gold timexes"), ("system", "system timexes"),
    ("strict_matches", "strict matches"), ("relaxed_matches", "relaxed matches"),
)


def format_scores(scores: dict[str, float]) -> str:
    """A two-column text table of :func:`evaluate`'s result, headline first."""
    labels = dict(_ORDER)
    keys = [k for k, _ in _ORDER if k in scores] + sorted(k for k in scores if k not in labels)
    width = max((len(labels.get(k, k)) for k in keys), default=0)
    lines = []
    for k in keys:
        v = scores[k]
        shown = f"{v:.4f}" if isinstance(v, float) and not float(v).is_integer() or k.endswith(
            ("_f1", "_precision", "_recall", "_accuracy")) else f"{int(v)}"
        lines.append(f"{labels.get(k, k):<{width}}  {shown}")
    return "\n".join(lines)
