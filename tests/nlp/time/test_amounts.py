"""TIMEX3 duration values (no model needed)."""

from __future__ import annotations

import pytest

from newsfuse.nlp.time.amounts import duration_value


@pytest.mark.parametrize(
    ("number", "unit", "value"),
    [
        (3, "month", "P3M"), (2, "hour", "PT2H"), (None, "year", "PXY"), (None, "minute", "PTXM"),
        (2.5, "year", "P2Y6M"), (5.5, "hour", "PT5H30M"), (2.5, "hour", "PT2H30M"), (2, "decade", "P20Y"),
        (1.5, "day", "P1DT12H"), (1, "fortnight", "P2W"), (1, "century", "P100Y"), (90, "second", "PT90S"),
        (0.5, "hour", "PT30M"),
    ],
)
def test_duration_value(number, unit, value):
    assert duration_value(number, unit) == value
