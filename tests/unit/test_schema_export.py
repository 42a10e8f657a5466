"""The JSON Schemas under schemas/json/ match the models, and real records validate."""

from __future__ import annotations

import datetime as dt
import json

import jsonschema

from schemas import DeadLetter, EventRecord, Location, Range, RegionTally
from schemas.export import JSON_DIR, rendered, stale_files


def test_exported_schemas_are_up_to_date() -> None:
    assert stale_files() == [], "run: python -m schemas.export"


def test_every_topic_record_has_a_schema() -> None:
    assert set(rendered()) == {"Article.json", "EventRecord.json", "Incident.json", "RegionTally.json",
                               "DeadLetter.json", "Range.json"}


def test_records_validate_against_their_exported_schema() -> None:
    now = dt.datetime(2024, 3, 10, 8, tzinfo=dt.UTC)
    samples = {
        "EventRecord.json": EventRecord(event_id="e1", article_id="a1", extractor_version="t",
                                        location=Location(country="IQ", admin1_code="IQ-KI"),
                                        killed=Range.exact(26)),
        "RegionTally.json": RegionTally(region="IQ-KI", window="day", window_start=dt.date(2024, 3, 9),
                                        window_end=dt.date(2024, 3, 10), killed=Range.exact(26),
                                        wounded=Range.exact(0), displaced=Range.exact(0), incidents=1,
                                        reports=1, revision=1, updated_at=now),
        "DeadLetter.json": DeadLetter(reason="invalid_json", error="x", original_value="{", topic="articles",
                                      failed_at=now),
    }
    for name, record in samples.items():
        schema = json.loads((JSON_DIR / name).read_text(encoding="utf-8"))
        jsonschema.validate(record.model_dump(mode="json"), schema)
