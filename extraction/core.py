"""The extraction pipeline: one article in, its event records, totals and primary event out.

Composes the pure parts: sentence splitting (``extraction.text``), casualty and
displacement figures (``extraction.figures``), event dates (``extraction.dates``), event
type and actors (``extraction.taxonomy``), and places (``extraction.geo``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import Any

from schemas import EventDate, EventRecord, Location, Range

__all__ = ["EXTRACTOR_VERSION", "ArticleInput", "ExtractionResult", "Extractor"]

EXTRACTOR_VERSION = "0.1.0"


@dataclass(frozen=True, slots=True)
class ArticleInput:
    """The fields extraction needs, from an ``Article`` or a JSON line of the CLI."""

    id: str
    text: str
    title: str = ""
    published: dt.date | None = None
    published_at: dt.datetime | None = None
    source: str | None = None
    url: str | None = None


@dataclass(slots=True)
class ExtractionResult:
    id: str
    events: list[EventRecord] = field(default_factory=list)
    totals: dict[str, Range | None] = field(default_factory=dict)
    primary: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        """The ``extract`` command's output line (ARCHITECTURE.md contract)."""

        def rng(r: Range | None) -> dict[str, Any] | None:
            return None if r is None else {"min": r.min, "max": r.max, "best": r.best}

        primary = dict(self.primary)
        loc = primary.get("location")
        if isinstance(loc, Location):
            primary["location"] = loc.model_dump(mode="json")
        return {
            "id": self.id,
            "events": [e.model_dump(mode="json") for e in self.events],
            "totals": {k: rng(v) for k, v in self.totals.items()},
            "primary": primary,
        }


def stable_event_id(article_id: str, ordinal: int) -> str:
    """Same article + same event = same id, across runs and workers."""
    return hashlib.blake2b(f"{article_id}\x1f{ordinal}".encode(), digest_size=10).hexdigest()


class Extractor:
    """Holds the loaded resources (gazetteer) and extracts articles with them."""

    def __init__(self, gazetteer: Any | None = None) -> None:
        self.gazetteer = gazetteer

    def extract(self, article: ArticleInput) -> ExtractionResult:
        raise NotImplementedError("extraction pipeline lands with the extraction-core issue")


def _empty_event_date() -> EventDate:
    return EventDate()
