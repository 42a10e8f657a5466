"""Pydantic v2 models for every record on crisis-stream's topics.

| topic                  | key                 | value         |
| ---------------------- | ------------------- | ------------- |
| articles               | article id          | Article       |
| events                 | region key          | EventRecord   |
| incidents              | incident id         | Incident      |
| tallies                | region key + window | RegionTally   |
| articles.dead-letter   | original key        | DeadLetter    |

Region key: ISO 3166-2 code of the admin1 region where known (``SY-DY``), else the
ISO 3166-1 alpha-2 country code (``SY``), else ``unknown``.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, model_validator

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

SCHEMA_VERSION = 1
UNKNOWN_REGION = "unknown"


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False)


class EventType(StrEnum):
    """The project's event taxonomy (mapped to PLOVER and ACLED in docs/TAXONOMY.md)."""

    ARMED_CLASH = "armed_clash"
    AIRSTRIKE = "airstrike"  # air or drone strike
    SHELLING = "shelling"  # shelling, artillery, missile, rocket attack
    BOMBING = "bombing"  # IED, car bomb, landmine, grenade
    SUICIDE_ATTACK = "suicide_attack"
    ATTACK_ON_CIVILIANS = "attack_on_civilians"  # armed assault, shooting, massacre
    ABDUCTION = "abduction"  # kidnapping, hostage taking, forced disappearance
    TERRITORIAL_CHANGE = "territorial_change"
    PROTEST = "protest"
    RIOT = "riot"
    DISPLACEMENT = "displacement"
    FLOOD = "flood"
    EARTHQUAKE = "earthquake"
    STORM = "storm"  # cyclone, hurricane, typhoon, tornado
    LANDSLIDE = "landslide"
    WILDFIRE = "wildfire"
    DROUGHT = "drought"
    OTHER_DISASTER = "other_disaster"
    OTHER = "other"


class FigureKind(StrEnum):
    """How a report's figures relate to the incident's earlier figures."""

    FIRST_REPORT = "first_report"
    UPDATE = "update"  # "death toll rose to 40": replaces earlier figures, up or down
    CUMULATIVE = "cumulative"  # a running total over several incidents / a campaign


class LocationPrecision(StrEnum):
    PLACE = "place"
    ADMIN1 = "admin1"
    COUNTRY = "country"
    UNKNOWN = "unknown"


WindowKind = Literal["day", "7d", "30d"]


class Range(_Record):
    """A count of people as a range, never a silent guess.

    ``best`` is what a careful analyst reports: the stated number, or the conservative
    lower bound of a vague quantity (the convention table lives in docs/FIGURES.md).
    ``max`` is ``None`` when the text sets no upper bound ("at least 30", "dozens").
    """

    min: int = Field(ge=0)
    max: int | None = Field(default=None, ge=0)
    best: int = Field(ge=0)
    text: str | None = None
    vague: bool = False

    @model_validator(mode="after")
    def _ordered(self) -> Range:
        if self.max is not None and self.max < self.min:
            raise ValueError(f"range max {self.max} is below min {self.min}")
        if self.best < self.min or (self.max is not None and self.best > self.max):
            raise ValueError(f"range best {self.best} lies outside [{self.min}, {self.max}]")
        return self

    @classmethod
    def exact(cls, n: int, text: str | None = None) -> Range:
        return cls(min=n, max=n, best=n, text=text, vague=False)

    def __add__(self, other: Range) -> Range:
        hi = None if self.max is None or other.max is None else self.max + other.max
        return Range(min=self.min + other.min, max=hi, best=self.best + other.best,
                     vague=self.vague or other.vague)


class Evidence(_Record):
    """Where a figure (or the date or place) came from: the sentence and the character span
    of the phrase, both as offsets into the article text the extractor saw."""

    field: Literal["killed", "wounded", "displaced", "displaced_households", "date", "location", "type"]
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    sentence: str
    sentence_start: int = Field(ge=0)


class Location(_Record):
    name: str | None = None
    country: str | None = Field(default=None, pattern=r"^[A-Z]{2}$")
    admin1: str | None = None
    admin1_code: str | None = Field(default=None, pattern=r"^[A-Z]{2}-[A-Z0-9]{1,3}$")
    lat: float | None = Field(default=None, ge=-90, le=90)
    lon: float | None = Field(default=None, ge=-180, le=180)
    geonames_id: int | None = None
    precision: LocationPrecision = LocationPrecision.UNKNOWN

    @property
    def region_key(self) -> str:
        return region_key_for(self.country, self.admin1_code)


def region_key_for(country: str | None, admin1_code: str | None) -> str:
    """``SY-DY`` where the admin1 region is known, else ``SY``, else ``unknown``."""
    return admin1_code or country or UNKNOWN_REGION


class EventDate(_Record):
    date: dt.date | None = None
    precision: Literal["day", "week", "month", "year", "publication", "unknown"] = "unknown"
    text: str | None = None


class Actor(_Record):
    name: str  # normalized ("Islamic State" for Daesh / ISIS / IS)
    text: str  # as written


class Article(_Record):
    """What newsroom feeds publish on ``articles`` (key: article id)."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    id: str = Field(min_length=1, max_length=256)
    source: str = Field(min_length=1)
    url: str | None = None
    title: str = ""
    body: str = Field(min_length=1)
    language: str = "en"
    published_at: AwareDatetime
    received_at: AwareDatetime | None = None


class EventRecord(_Record):
    """One event found in one article: a *report* of an incident (topic ``events``)."""

    schema_version: int = SCHEMA_VERSION
    event_id: str  # stable: same article + same event = same id
    article_id: str
    source: str | None = None
    url: str | None = None
    published_at: AwareDatetime | None = None
    event_type: EventType = EventType.OTHER
    actors: list[Actor] = Field(default_factory=list)
    location: Location = Field(default_factory=Location)
    occurred_on: EventDate = Field(default_factory=EventDate)
    killed: Range | None = None
    wounded: Range | None = None
    displaced: Range | None = None
    displaced_households: Range | None = None
    figure_kind: FigureKind = FigureKind.FIRST_REPORT
    evidence: list[Evidence] = Field(default_factory=list)
    confidence: float = Field(default=0.5, ge=0, le=1)
    extractor_version: str

    @property
    def region_key(self) -> str:
        return self.location.region_key


class Incident(_Record):
    """Reports of one incident merged (topic ``incidents``, compacted upserts)."""

    schema_version: int = SCHEMA_VERSION
    incident_id: str
    region: str
    country: str | None = None
    event_type: EventType
    occurred_on: dt.date
    location: Location
    actors: list[str] = Field(default_factory=list)
    killed: Range | None = None
    wounded: Range | None = None
    displaced: Range | None = None
    report_ids: list[str] = Field(default_factory=list)  # event ids
    article_ids: list[str] = Field(default_factory=list)
    sources: list[str] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list)
    first_seen: AwareDatetime
    last_seen: AwareDatetime
    revision: int = Field(default=1, ge=1)


class RegionTally(_Record):
    """Figures summed over incidents in one region and one event-time window (topic
    ``tallies``, compacted upserts, key ``<region>|<window>|<window_start>``)."""

    schema_version: int = SCHEMA_VERSION
    region: str
    country: str | None = None
    admin1: str | None = None
    window: WindowKind
    window_start: dt.date
    window_end: dt.date  # exclusive
    killed: Range
    wounded: Range
    displaced: Range
    incidents: int = Field(ge=0)
    reports: int = Field(ge=0)
    revision: int = Field(ge=0)
    updated_at: AwareDatetime


class DeadLetter(_Record):
    """Input that could not be processed, kept whole with the reason (``articles.dead-letter``)."""

    schema_version: int = SCHEMA_VERSION
    reason: Literal["invalid_json", "invalid_article", "extraction_failed", "too_late", "processing_failed"]
    error: str
    original_key: str | None = None  # UTF-8 text, or base64 if not valid UTF-8
    original_value: str  # UTF-8 text, or base64 if not valid UTF-8
    value_encoding: Literal["utf-8", "base64"] = "utf-8"
    topic: str
    partition: int | None = None
    offset: int | None = None
    failed_at: AwareDatetime
