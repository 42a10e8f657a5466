"""The data contract of crisis-stream: every record that crosses a Kafka topic.

Downstream consumers rely on these models (and the JSON Schema exported next to them in
``schemas/json/``). Every record carries ``schema_version``; a breaking change bumps it.
Imports go one way: ``schemas`` imports nothing from the rest of the project.
"""

from schemas.records import (
    SCHEMA_VERSION,
    Actor,
    Article,
    DeadLetter,
    EventDate,
    EventRecord,
    EventType,
    Evidence,
    FigureKind,
    Incident,
    Location,
    LocationPrecision,
    Range,
    RegionTally,
    WindowKind,
    region_key_for,
)

__all__ = [
    "SCHEMA_VERSION",
    "Actor",
    "Article",
    "DeadLetter",
    "EventDate",
    "EventRecord",
    "EventType",
    "Evidence",
    "FigureKind",
    "Incident",
    "Location",
    "LocationPrecision",
    "Range",
    "RegionTally",
    "WindowKind",
    "region_key_for",
]
