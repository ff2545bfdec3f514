"""The docs name real code: docs/quality.md's provisional constants exist where it says, each pointed to from its comment."""

from __future__ import annotations

import re

from tests.conftest import REPO

SRC = REPO / "src" / "newsfuse"
POINTER = 'docs/quality.md, "Provisional constants"'


def _provisional_rows() -> list[tuple[str, list[str]]]:
    text = (REPO / "docs" / "quality.md").read_text(encoding="utf-8")
    section = text.split("## Provisional constants", 1)[1].split("\n## ", 1)[0]
    rows = []
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip("|").split("|")]
        if len(cells) == 5 and cells[0].startswith("`") and cells[0].endswith(".py`"):
            rows.append((cells[0].strip("`"), re.findall(r"`(_?[A-Z][A-Z0-9_]+)`", cells[1])))
    return rows


def test_the_provisional_list_names_constants_that_exist_and_point_back():
    rows = _provisional_rows()
    assert len(rows) >= 20
    for module, names in rows:
        source = (SRC / module).read_text(encoding="utf-8")
        assert names, module
        for name in names:
            assert re.search(rf"^{name}\s*=", source, re.M), f"{module} has no constant {name}"
        first = min(re.search(rf"^{name}\s*=", source, re.M).start() for name in names)
        comment = source[:first].rstrip().rsplit("\n", 1)[-1]
        assert POINTER in comment, f"{module}: the comment above {names[0]} does not point to the list"
