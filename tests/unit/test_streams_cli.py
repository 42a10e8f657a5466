"""The operators' CLI (``python -m streams tallies``): how figures read in its table."""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from streams.cli import format_range, render_tallies


@pytest.mark.parametrize(("r", "shown"), [
    ({"min": 26, "max": 26, "best": 26}, "26"),
    ({"min": 12, "max": None, "best": 12}, "12+"),  # "at least 12"
    ({"min": 12, "max": None, "best": 12, "vague": True}, "~12+"),  # "dozens"
    ({"min": 26, "max": 40, "best": 30}, "30 (26–40)"),
    ({"min": 2, "max": None, "best": 5}, "5 (2–?)"),
    ({"min": 350000, "max": 350000, "best": 350000, "vague": True}, "~350,000"),
    (None, "0"),
])
def test_a_range_reads_as_best_with_its_bounds_only_when_they_differ(r: dict | None, shown: str) -> None:
    assert format_range(r) == shown


def test_the_tallies_table_shows_each_window_and_explains_the_notation() -> None:
    row = {"region": "IQ-KI", "admin1": "Kirkuk", "window": "day", "window_start": "2024-03-09",
           "window_end": "2024-03-09", "killed": {"min": 40, "max": 40, "best": 40},
           "wounded": {"min": 12, "max": None, "best": 12, "vague": True}, "displaced": None,
           "incidents": 1, "reports": 3, "revision": 2}
    out = io.StringIO()
    Console(file=out, width=200).print(render_tallies("IQ-KI, day windows", [row]))
    text = out.getvalue()
    assert "Kirkuk" in text and "2024-03-09" in text and " 40 " in text and "~12+" in text
    assert "N+ at least N" in text
