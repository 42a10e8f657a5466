"""The data contract: records validate what consumers rely on and reject the rest."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from schemas import Article, EventRecord, Location, Range, region_key_for
from schemas.json_codec import dump_model, dumps, loads

UTC = dt.UTC


def test_exact_range_has_equal_bounds() -> None:
    r = Range.exact(7, "seven")
    assert (r.min, r.max, r.best, r.vague) == (7, 7, 7, False)


def test_vague_range_may_be_open_ended() -> None:
    r = Range(min=12, max=None, best=12, text="dozens", vague=True)
    assert r.max is None and r.vague


@pytest.mark.parametrize(
    ("lo", "hi", "best"),
    [(10, 5, 7), (10, 20, 25), (10, 20, 5), (-1, 2, 1)],
    ids=["max-below-min", "best-above-max", "best-below-min", "negative"],
)
def test_inconsistent_range_is_rejected(lo: int, hi: int, best: int) -> None:
    with pytest.raises(ValidationError):
        Range(min=lo, max=hi, best=best)


def test_ranges_add_up_and_stay_open_when_either_is_open() -> None:
    total = Range.exact(3) + Range(min=12, max=None, best=12, vague=True)
    assert (total.min, total.max, total.best, total.vague) == (15, None, 15, True)
    assert (Range.exact(3) + Range(min=1, max=2, best=1)).max == 5


def test_region_key_prefers_admin1_then_country_then_unknown() -> None:
    assert region_key_for("SY", "SY-DY") == "SY-DY"
    assert region_key_for("SY", None) == "SY"
    assert region_key_for(None, None) == "unknown"
    assert Location(country="IQ", admin1_code="IQ-AN").region_key == "IQ-AN"


def test_location_rejects_codes_that_are_not_iso() -> None:
    with pytest.raises(ValidationError):
        Location(country="Syria")
    with pytest.raises(ValidationError):
        Location(country="SY", admin1_code="Deir ez-Zor")


def _article(**over: object) -> dict:
    base = {"id": "a1", "source": "wire", "title": "t", "body": "Two people were killed.",
            "published_at": "2024-03-02T10:00:00+00:00"}
    base.update(over)
    return base


def test_article_needs_a_timezone_aware_publication_time() -> None:
    assert Article.model_validate(_article()).published_at.tzinfo is not None
    with pytest.raises(ValidationError, match="timezone"):
        Article.model_validate(_article(published_at="2024-03-02T10:00:00"))


@pytest.mark.parametrize("field", ["id", "body", "source", "published_at"])
def test_article_without_a_required_field_is_rejected(field: str) -> None:
    data = _article()
    del data[field]
    with pytest.raises(ValidationError):
        Article.model_validate(data)


def test_article_ignores_unknown_fields_from_feeds() -> None:
    assert Article.model_validate(_article(feed_extra="x")).id == "a1"


def test_event_record_round_trips_through_json() -> None:
    rec = EventRecord(event_id="e1", article_id="a1", extractor_version="t",
                      killed=Range.exact(4), location=Location(country="SY", admin1_code="SY-DY"),
                      published_at=dt.datetime(2024, 3, 2, tzinfo=UTC))
    again = EventRecord.model_validate(loads(dump_model(rec)))
    assert again == rec
    assert again.region_key == "SY-DY"
    assert again.schema_version == 1


def test_event_record_rejects_unknown_fields() -> None:
    with pytest.raises(ValidationError):
        EventRecord(event_id="e1", article_id="a1", extractor_version="t", surprise=1)  # type: ignore[call-arg]


def test_codec_serialises_models_inside_plain_data() -> None:
    out = loads(dumps({"r": Range.exact(2), "d": dt.date(2024, 1, 2)}))
    assert out == {"r": {"min": 2, "max": 2, "best": 2, "text": None, "vague": False}, "d": "2024-01-02"}
