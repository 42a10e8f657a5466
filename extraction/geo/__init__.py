"""Offline geolocation: places in news text resolved to country, admin1 region and point.

Interface stub: the geo owner replaces this, keeping ``Gazetteer`` and its methods.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from extraction.text import Sentence
from schemas import Location

__all__ = ["Gazetteer"]


class Gazetteer:
    @classmethod
    def load(cls, cache_dir: Path | None = None) -> Gazetteer:
        """Load (building and caching on first use) the compact place index."""
        return cls()

    def resolve(
        self,
        text: str,
        sentences: Sequence[Sentence],
        anchor: tuple[int, int] | None = None,
        title: str = "",
    ) -> Location:
        """Where the event described near ``anchor`` happened."""
        return Location()

    def admin1_code_for(self, name: str, country: str | None) -> str | None:
        """ISO 3166-2 code of an admin1 region named in any accepted spelling, or None."""
        return None
