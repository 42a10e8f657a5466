"""Event dates: explicit dates and relative phrases resolved against the publication date.

Interface stub: the dates owner replaces the body, keeping the signature.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from extraction.text import Sentence
from schemas import EventDate

__all__ = ["resolve_event_date"]


def resolve_event_date(
    text: str,
    sentences: Sequence[Sentence],
    published: dt.date | None,
    anchor: tuple[int, int] | None = None,
) -> EventDate:
    """The date the event in ``text`` happened, preferring phrases near ``anchor`` (the
    character span of the sentence that carries the event's figures)."""
    if published is None:
        return EventDate()
    return EventDate(date=published, precision="publication", text=None)
