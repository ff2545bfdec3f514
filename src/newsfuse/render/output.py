"""Writing report.json, report.md and report.html as one set, into an output folder checked before any work.

The three files of a run go into a fresh folder, ``OUT/.newsfuse-reports/run-ID``; one atomic
rename then points the link ``OUT/.newsfuse-reports/current`` at it, and ``OUT/report.json``,
``OUT/report.md`` and ``OUT/report.html`` are links through ``current``. A reader therefore sees
the old set or the new one, never a mix, and an interruption at any point leaves the old set.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import uuid
from collections.abc import Callable, Iterable
from pathlib import Path

from newsfuse.errors import OutputError
from newsfuse.model import Report
from newsfuse.render.html import render_html
from newsfuse.render.json_report import json_text, report_dict, validate
from newsfuse.render.markdown import render_markdown
from newsfuse.util import path_text

REPORT_FILES = ("report.json", "report.md", "report.html")
# What write_reports tells its on_step, in order: rendering each file, then writing the set.
WRITE_STEPS = (*REPORT_FILES, "writing")
SETS_FOLDER = ".newsfuse-reports"
_CURRENT = "current"


def check_out(out: str | os.PathLike[str]) -> Path:
    """``out`` as a folder the reports can be written to, created when missing.

    Called before any analysis, so a bad ``--out`` costs nothing; raises OutputError naming the
    path and the reason (a file, a file on the way, a folder that cannot be created or written).
    """
    out = Path(out)
    name = path_text(out)
    if out.exists() and not out.is_dir():
        raise OutputError(f"--out {name}: is a file, not a folder")
    for parent in out.parents:
        if parent.exists() and not parent.is_dir():
            raise OutputError(f"--out {name}: cannot create the folder, {path_text(parent)} is a file")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"--out {name}: cannot create the folder ({exc.strerror or exc})") from exc
    try:
        probe = tempfile.mkdtemp(prefix=".newsfuse-probe-", dir=out)
        try:
            os.symlink("probe", os.path.join(probe, "link"))  # the reports are links (see the module doc)
        finally:
            shutil.rmtree(probe, ignore_errors=True)
    except OSError as exc:
        raise OutputError(f"--out {name}: cannot write in this folder ({exc.strerror or exc})") from exc
    return out


def new_run() -> str:
    """A fresh name for a set of reports (``write_reports``' ``run``)."""
    return f"run-{uuid.uuid4().hex[:12]}"


def current_run(out: str | os.PathLike[str]) -> str | None:
    """The name of the set the reports in ``out`` are now, or None when there is none."""
    try:
        return os.readlink(Path(out) / SETS_FOLDER / _CURRENT)
    except OSError:
        return None


def write_reports(
    report: Report, out: str | os.PathLike[str], run: str | None = None, on_step: Callable[[str], None] | None = None
) -> dict:
    """Write the three reports of ``report`` into ``out`` as one set named ``run`` (a fresh name
    by default); returns report.json's data. ``current_run(out) == run`` tells that it is in.
    ``on_step`` is told each of WRITE_STEPS as it starts (a progress bar's step).

    Steps:
    1. render each into a fresh folder beside the current set as it is rendered (report.json
       validated against its schema first, then written as it is encoded: never whole in memory);
    2. make the files durable;
    3. turn plain report files of an older newsfuse into links to the set they form (once);
    4. point ``current`` at the new folder in one atomic rename;
    5. remove the sets no link points at any more.
    """
    out = Path(out)
    step = on_step or (lambda name: None)
    sets = out / SETS_FOLDER
    sets.mkdir(parents=True, exist_ok=True)
    run = run or new_run()
    swapped = False
    try:
        # 1. render and write into the new set
        (sets / run).mkdir()
        step("report.json")
        data = report_dict(report)
        validate(data)
        _write_file(sets / run / "report.json", json_text(data))
        step("report.md")
        _write_file(sets / run / "report.md", render_markdown(data))
        step("report.html")
        _write_file(sets / run / "report.html", render_html(data))
        # 2. durable
        step("writing")
        _sync_folder(sets / run)
        # 3. links (and a set of the old plain files)
        _adopt(out, sets)
        # 4. swap
        _point(sets / _CURRENT, run)
        swapped = True
        _sync_folder(sets)
    finally:
        if not swapped:
            shutil.rmtree(sets / run, ignore_errors=True)
    # 5. clean up
    for old in sets.iterdir():
        if old.name not in (run, _CURRENT):
            _remove(old)
    return data


def _write_file(path: Path, text: str | Iterable[str]) -> None:
    """One report file of a new set, whole or in pieces, on disk before the set is swapped in (mode from the umask)."""
    with open(path, "w", encoding="utf-8") as fh:
        for piece in (text,) if isinstance(text, str) else text:
            fh.write(piece)
        fh.flush()
        os.fsync(fh.fileno())


def _adopt(out: Path, sets: Path) -> None:
    """Make ``OUT/report.*`` links through ``current``, showing the same files as before.

    Plain files of an older newsfuse first become a set of their own (hard links, else copies),
    so that each file keeps its content until the new set is swapped in.
    """
    links = {name: f"{SETS_FOLDER}/{_CURRENT}/{name}" for name in REPORT_FILES}
    if all(os.path.islink(out / name) and os.readlink(out / name) == target for name, target in links.items()):
        return
    if not os.path.lexists(sets / _CURRENT):
        previous = new_run()
        (sets / previous).mkdir()
        for name in REPORT_FILES:
            if (out / name).is_file() and not os.path.islink(out / name):
                try:
                    os.link(out / name, sets / previous / name)
                except OSError:
                    shutil.copy2(out / name, sets / previous / name)
        _sync_folder(sets / previous)
        _point(sets / _CURRENT, previous)
    for name, target in links.items():
        _point(out / name, target)
    _sync_folder(out)


def _point(link: Path, target: str) -> None:
    """Make ``link`` a symbolic link to ``target`` in one atomic rename."""
    tmp = link.with_name(f".{link.name}.{uuid.uuid4().hex[:8]}.tmp")
    os.symlink(target, tmp)
    try:
        os.replace(tmp, link)
    except BaseException:
        os.unlink(tmp)
        raise


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        try:
            path.unlink()
        except OSError:
            pass


def _sync_folder(folder: Path) -> None:
    """Make a folder's new entries durable (a rename is on disk only once its folder is synced)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems refuse fsync on a folder; the rename is still atomic
    finally:
        os.close(fd)
