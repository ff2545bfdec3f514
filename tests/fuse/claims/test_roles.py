"""Tests for role conflicts: the office a title names."""

from __future__ import annotations

from newsfuse.fuse.claims.roles import office_of


def test_offices():
    assert office_of("Spanish Foreign Minister") == office_of("Foreign Minister") == "foreign minister"
    assert office_of("Defence Minister") != office_of("Foreign Minister")
    assert office_of("interim President") == office_of("acting president") == "president"
    assert office_of("interim leader") is None
    assert office_of("Kremlin spokesman") is None
