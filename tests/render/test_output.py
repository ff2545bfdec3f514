"""Writing report.json, report.md and report.html as one set, into a folder checked before any work."""

from __future__ import annotations

import dataclasses
import json
import os
import stat

import pytest

from newsfuse.errors import OutputError
from newsfuse.render import output
from newsfuse.render.output import REPORT_FILES, check_out, current_run, write_reports
from tests.render.test_json_report import _report

needs_user = pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")


def _titled(title: str):
    report = _report()
    return dataclasses.replace(report, articles=[dataclasses.replace(report.articles[0], title=title)])


def _titles(out) -> dict[str, str]:
    """Which run each of the three files comes from, read from the files themselves."""
    found = {}
    for name in REPORT_FILES:
        text = (out / name).read_text(encoding="utf-8")
        found[name] = "new" if "New title" in text else "old" if "Old title" in text else "?"
    return found


def _interrupt_after_first_file(monkeypatch):
    written = []
    real = output._write_file

    def write_then_stop(path, text):
        if written:
            raise KeyboardInterrupt
        real(path, text)
        written.append(path)

    monkeypatch.setattr(output, "_write_file", write_then_stop)


def test_the_three_reports_are_written_and_replaced_as_one_set(tmp_path, monkeypatch):
    out = tmp_path / "out"
    out.mkdir()
    write_reports(_titled("Old title"), out)
    assert _titles(out) == dict.fromkeys(REPORT_FILES, "old")
    assert json.loads((out / "report.json").read_text(encoding="utf-8"))["articles"][0]["title"] == "Old title"
    with monkeypatch.context() as patch:
        _interrupt_after_first_file(patch)
        with pytest.raises(KeyboardInterrupt):
            write_reports(_titled("New title"), out)
    assert _titles(out) == dict.fromkeys(REPORT_FILES, "old")
    write_reports(_titled("New title"), out)
    assert _titles(out) == dict.fromkeys(REPORT_FILES, "new")
    # Nothing of the interrupted or the replaced run is left behind.
    sets = out / output.SETS_FOLDER
    assert len([p for p in sets.iterdir() if p.name != "current"]) == 1


def test_plain_reports_of_an_older_version_stay_a_set_until_the_new_one_is_in(tmp_path, monkeypatch):
    out = tmp_path / "out"
    out.mkdir()
    for name in REPORT_FILES:
        (out / name).write_text(f"Old title in {name}\n", encoding="utf-8")
    with monkeypatch.context() as patch:
        _interrupt_after_first_file(patch)
        with pytest.raises(KeyboardInterrupt):
            write_reports(_titled("New title"), out)
    assert _titles(out) == dict.fromkeys(REPORT_FILES, "old")
    write_reports(_titled("New title"), out)
    assert _titles(out) == dict.fromkeys(REPORT_FILES, "new")


def test_reports_take_the_users_umask(tmp_path):
    previous = os.umask(0o022)
    try:
        write_reports(_report(), tmp_path)
    finally:
        os.umask(previous)
    for name in REPORT_FILES:
        assert stat.S_IMODE(os.stat(tmp_path / name).st_mode) == 0o644


def test_an_existing_file_is_no_output_folder(tmp_path):
    taken = tmp_path / "report"
    taken.write_text("x", encoding="utf-8")
    with pytest.raises(OutputError, match=f"{taken}: .*a file, not a folder"):
        check_out(taken)
    with pytest.raises(OutputError, match=f"{taken / 'sub'}: .*{taken} is a file"):
        check_out(taken / "sub")


def test_a_missing_folder_is_created(tmp_path):
    check_out(tmp_path / "new" / "out")
    assert (tmp_path / "new" / "out").is_dir()


@needs_user
def test_a_read_only_folder_or_parent_is_refused(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        with pytest.raises(OutputError, match=f"{locked}: cannot write in this folder"):
            check_out(locked)
        with pytest.raises(OutputError, match=f"{locked / 'a' / 'b'}: cannot create"):
            check_out(locked / "a" / "b")
    finally:
        locked.chmod(0o700)


def test_the_current_run_names_the_set_in_place(tmp_path, monkeypatch):
    assert current_run(tmp_path) is None
    write_reports(_report(), tmp_path, run="run-first")
    assert current_run(tmp_path) == "run-first"
    with monkeypatch.context() as patch:
        _interrupt_after_first_file(patch)
        with pytest.raises(KeyboardInterrupt):
            write_reports(_report(), tmp_path, run="run-second")
    assert current_run(tmp_path) == "run-first"
