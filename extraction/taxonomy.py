"""Event types (the taxonomy in docs/TAXONOMY.md) and normalized actors.

Interface stub: the taxonomy owner replaces the bodies, keeping the signatures.
"""

from __future__ import annotations

from collections.abc import Sequence

from extraction.text import Sentence
from schemas import Actor, EventType

__all__ = ["classify_event_type", "extract_actors"]


def classify_event_type(
    text: str, sentences: Sequence[Sentence], anchor: tuple[int, int] | None = None
) -> EventType:
    """The event type of the event described near ``anchor`` (else of the whole text)."""
    return EventType.OTHER


def extract_actors(
    text: str, sentences: Sequence[Sentence], anchor: tuple[int, int] | None = None
) -> list[Actor]:
    """Named armed groups, forces and organisations involved, normalized."""
    return []
