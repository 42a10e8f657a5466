"""Incident resolution: reports (``EventRecord``) of one incident merged into one ``Incident``.

Pure: no faust, no Kafka, no clock (the caller passes ``now``). The stream agent keeps the
state (``IncidentState`` as JSON in a table) and calls :func:`resolve_report`.

Rules (docs/STREAMING.md has the why):

* Two reports are the same incident when they are in the same region, their event dates lie
  within :data:`MATCH_WINDOW_DAYS` (:data:`DAY_MATCH_WINDOW_DAYS` when both are dated to the day), their types are compatible (:func:`types_compatible`), they
  come from different articles, and they share a place or an actor (a report located only at
  region or country precision is taken as sharing the place; an actor links two named places
  only within :data:`ACTOR_LINK_KM` of each other).
* Figures are recomputed from all reports in publication order: an explicit update
  (``figure_kind=update``) replaces the earlier figure, up or down (a vague count in an update
  report, "several of the wounded", does not); otherwise the larger figure stands, unless an
  update withdrew it (after "revised down to 18", a later outlet's 25 is a stale repeat). Cumulative reports (running totals over a campaign) never set incident
  figures.
* The same ``event_id`` again changes nothing (:attr:`Resolution.changed` is ``False``).
* Incident ids are stable: the region and a hash of the report that opened the incident, so
  a replay in the same order gives the same ids, and the owner of an incident id (its region)
  can be read off the id (:func:`region_of_incident_id`).
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from extraction.geo.distance import km_between
from extraction.geo.fold import fold_plain
from schemas import EventRecord, EventType, Evidence, FigureKind, Incident, Location, LocationPrecision, Range

__all__ = [
    "ACTOR_LINK_KM",
    "DAY_MATCH_WINDOW_DAYS",
    "MATCH_WINDOW_DAYS",
    "METRICS",
    "REPORTS_KEPT",
    "IncidentState",
    "IncidentSummary",
    "Resolution",
    "event_date",
    "incident_id_for",
    "match_score",
    "rebuild_incident",
    "region_of_incident_id",
    "resolve_report",
    "retire_reports",
    "types_compatible",
]

#: reports whose event dates differ by at most this many days may describe one incident
#: (first reports are often dated "yesterday" or by publication day).
MATCH_WINDOW_DAYS = 2
#: ... but when both the report and the incident are dated to the day ("on Monday", "on 14
#: July"), at most this many: a day's slip is a late-evening event or a misread "yesterday";
#: two reports of the same place two days apart, each dated by day, are two incidents (a
#: market bombed on Monday and again on Wednesday).
DAY_MATCH_WINDOW_DAYS = 1
METRICS: tuple[str, ...] = ("killed", "wounded", "displaced")
_ID_SEPARATOR = "~"
#: reports an incident keeps whole (with their evidence); older ones are *retired* to a few
#: ids (see :class:`IncidentState`). Why a bound: the state is rewritten to the changelog each
#: time a report joins, and a big disaster draws hundreds of reports over its retention: a
#: whole report is ~1-2 KB, and a state of ~600 of them would pass Kafka's 1 MB message limit,
#: the write would fail and the worker would stop on every restart; each join also reread and
#: rewrote every report (quadratic). A retired report costs ~150 bytes.
REPORTS_KEPT = 100
#: of the kept reports, the first ones stay whatever comes later (they date and place the
#: incident; later reports mostly repeat or update it)
_FIRST_KEPT = 10

# Types that reporters mix up for one incident: a car bomb is also "an attack on civilians",
# a missile strike is "shelling" to one outlet and an "airstrike" to another.
_COMPATIBLE_GROUPS: tuple[frozenset[EventType], ...] = (
    frozenset({EventType.BOMBING, EventType.SUICIDE_ATTACK, EventType.ATTACK_ON_CIVILIANS}),
    frozenset({EventType.AIRSTRIKE, EventType.SHELLING, EventType.ATTACK_ON_CIVILIANS}),
    frozenset({EventType.ARMED_CLASH, EventType.ATTACK_ON_CIVILIANS, EventType.TERRITORIAL_CHANGE}),
    frozenset({EventType.FLOOD, EventType.STORM, EventType.LANDSLIDE, EventType.OTHER_DISASTER}),
    frozenset({EventType.EARTHQUAKE, EventType.LANDSLIDE, EventType.OTHER_DISASTER}),
    frozenset({EventType.PROTEST, EventType.RIOT}),
)
# Hazards that strike an area, not a point: outlets place one quake, cyclone or flood in
# different towns and districts of the region ("its epicentre in the Defne district" / "the
# province of Hatay"), so within a region their type and dates are their place. Not
# landslides or wildfires: a region often has several the same days, each at its own place.
_AREA_HAZARDS = frozenset({EventType.EARTHQUAKE, EventType.STORM, EventType.FLOOD, EventType.DROUGHT})
#: a shared actor joins reports that name different places only when the places lie within
#: this distance (km) of each other: a district and its city ("the Hodan district" /
#: "Mogadishu"). Farther apart they are two attacks, whoever made them: "Russian shelling"
#: of two towns of one oblast, two bombings Islamic State claimed in two towns of a province.
ACTOR_LINK_KM = 20.0
_DATE_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "publication": 3, "year": 4, "unknown": 5}
_LOCATION_PRECISION_RANK = {
    LocationPrecision.PLACE: 0,
    LocationPrecision.ADMIN1: 1,
    LocationPrecision.COUNTRY: 2,
    LocationPrecision.UNKNOWN: 3,
}


@dataclass(slots=True)
class IncidentState:
    """What the agent stores per incident: the merged incident, the reports behind it kept
    whole (at most about :data:`REPORTS_KEPT`), and the *retired* ones as a few facts each.

    A retired report keeps what the incident still reads of it: its ids and source (the
    incident lists every report, and a redelivered report must still be known), its
    publication time (first and last seen), type (the incident's type is the most reported
    one) and place names (a later report may join on a place only it named). Its figures are
    not kept: only reports that set none of the incident's current figures are retired (see
    :func:`retire_reports`), so the figures rebuilt from the kept reports are the same."""

    incident: Incident
    reports: list[EventRecord] = field(default_factory=list)
    #: the reports as JSON, when known (read from the store, or carried over from the state a
    #: report was merged into): an incident is written back whole each time a report joins it,
    #: and dumping every report again each time is most of that cost. Never mutated.
    reports_json: list[dict[str, Any]] | None = field(default=None, compare=False, repr=False)
    #: retired reports, oldest first: ``{"event_id", "article_id", "source", "published_at",
    #: "event_type", "actors", "places"}`` (JSON values)
    retired: list[dict[str, Any]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        reports = self.reports_json
        if reports is None or len(reports) != len(self.reports):
            reports = [r.model_dump(mode="json") for r in self.reports]
        out = {"incident": self.incident.model_dump(mode="json"), "reports": list(reports)}
        if self.retired:
            out["retired"] = list(self.retired)
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> IncidentState:
        return cls(
            incident=Incident.model_validate(data["incident"]),
            reports=[EventRecord.model_validate(r) for r in data["reports"]],
            reports_json=list(data["reports"]),
            retired=list(data.get("retired") or ()),
        )

    def with_report(self, incident: Incident, report: EventRecord) -> IncidentState:
        """This state with ``report`` appended and the incident rebuilt as ``incident``."""
        dumped = None if self.reports_json is None else [*self.reports_json, report.model_dump(mode="json")]
        return IncidentState(incident, [*self.reports, report], dumped, list(self.retired))

    def has_report(self, event_id: str) -> bool:
        return event_id in self.incident.report_ids


@dataclass(frozen=True, slots=True)
class Resolution:
    """The outcome of one report: the incident state after it, the incident before it
    (``None`` when the report opened a new incident), and whether anything changed."""

    state: IncidentState
    previous: Incident | None
    changed: bool


def event_date(report: EventRecord) -> dt.date | None:
    """The report's event date, falling back to its publication date (event time).

    The publication date is read in the publisher's own offset, as the extractor reads
    weekdays ("on Saturday") against it.
    """
    if report.occurred_on.date is not None:
        return report.occurred_on.date
    if report.published_at is not None:
        return report.published_at.date()
    return None


def incident_id_for(region: str, event_id: str) -> str:
    """Stable id of the incident opened by report ``event_id`` in ``region``."""
    digest = hashlib.blake2b(f"{region}\x1f{event_id}".encode(), digest_size=8).hexdigest()
    return f"{region}{_ID_SEPARATOR}{digest}"


def region_of_incident_id(incident_id: str) -> str | None:
    """The region an incident id belongs to (the key that routes it to its worker)."""
    region, sep, rest = incident_id.rpartition(_ID_SEPARATOR)
    return region if sep and region and rest else None


def types_compatible(a: EventType, b: EventType) -> bool:
    """Whether two reports' event types may describe one incident."""
    if a == b or EventType.OTHER in (a, b):
        return True
    return any(a in group and b in group for group in _COMPATIBLE_GROUPS)


def _place_key(location: Location) -> str | None:
    if location.precision != LocationPrecision.PLACE:
        return None
    if location.geonames_id is not None:
        return f"g{location.geonames_id}"
    return location.name.casefold() if location.name else None


def _place_names(location: Location) -> set[str]:
    names = set()
    if location.geonames_id is not None:
        names.add(f"g{location.geonames_id}")
    if location.name:
        names.add(location.name.casefold())
    return names


@dataclass(frozen=True, slots=True)
class IncidentSummary:
    """What matching a report against an incident reads, and nothing more.

    Read straight from the stored JSON (:meth:`from_state_json`, no pydantic): a busy
    region has many open incidents within a report's date window, and parsing each one whole
    (every report in it) only to reject it was the largest cost of the incident agent. The
    full :class:`IncidentState` is parsed only for the incident a report joins.
    """

    incident_id: str
    region: str
    occurred_on: dt.date
    event_type: EventType
    actors: frozenset[str]
    report_ids: frozenset[str]
    article_ids: frozenset[str]
    #: names (``g<geonames id>``, casefolded name) of the reports located at place precision
    places: frozenset[str]
    #: the incident's best figure per metric (``METRICS`` order), ``None`` when unknown
    best: tuple[int | None, ...]
    #: consonant skeletons (:func:`_skeleton`) of those places' names
    spellings: frozenset[str] = frozenset()
    #: (lat, lon) of the reports located at place precision, where known
    points: frozenset[tuple[float, float]] = frozenset()
    #: whether a report dates the incident to the day (then ``occurred_on`` is that day: the
    #: report the date comes from is never retired)
    dated_by_day: bool = False

    @classmethod
    def from_state_json(cls, data: dict[str, Any]) -> IncidentSummary:
        incident = data["incident"]
        places: set[str] = set()
        points: set[tuple[float, float]] = set()
        dated_by_day = False
        for retired in data.get("retired") or ():
            places.update(retired.get("places") or ())
        for r in data["reports"]:
            if not dated_by_day:
                when = r.get("occurred_on") or {}
                dated_by_day = when.get("precision") == "day" and bool(when.get("date"))
            location = r["location"]
            if location.get("precision") != LocationPrecision.PLACE.value:
                continue
            geonames_id, name = location.get("geonames_id"), location.get("name")
            if geonames_id is None and not name:
                continue  # no place key: the report names no place (as ``_place_key``)
            if (lat := location.get("lat")) is not None and (lon := location.get("lon")) is not None:
                points.add((lat, lon))
            if geonames_id is not None:
                places.add(f"g{geonames_id}")
            if name:
                places.add(name.casefold())
        return cls(
            incident_id=incident["incident_id"],
            region=incident["region"],
            occurred_on=dt.date.fromisoformat(incident["occurred_on"]),
            event_type=EventType(incident["event_type"]),
            actors=frozenset(incident.get("actors") or ()),
            report_ids=frozenset(incident.get("report_ids") or ()),
            article_ids=frozenset([*(r["article_id"] for r in data["reports"]),
                                   *(r["article_id"] for r in data.get("retired") or ())]),
            places=frozenset(places),
            best=tuple(None if (f := incident.get(m)) is None else f["best"] for m in METRICS),
            dated_by_day=dated_by_day,
            points=frozenset(points),
            spellings=frozenset(k for p in places if not p[1:].isdigit() and (k := _skeleton(p))),
        )

    @classmethod
    def of(cls, state: IncidentState) -> IncidentSummary:
        return cls.from_state_json(state.to_json())


def match_score(report: EventRecord, candidate: IncidentState | IncidentSummary) -> int | None:
    """How well ``report`` fits the incident (higher is better), ``None`` when it cannot."""
    summary = candidate if isinstance(candidate, IncidentSummary) else IncidentSummary.of(candidate)
    if report.region_key != summary.region:
        return None
    when = event_date(report)
    if when is None:
        return None
    gap = abs((when - summary.occurred_on).days)
    if gap > MATCH_WINDOW_DAYS:
        return None
    if gap > DAY_MATCH_WINDOW_DAYS and summary.dated_by_day and _dated_by_day(report):
        return None
    # Two events an extractor found in one article are two incidents by construction.
    if report.article_id in summary.article_ids:
        return None
    if not types_compatible(report.event_type, summary.event_type):
        return None
    report_places = _place_names(report.location) if _place_key(report.location) else set()
    incident_places = summary.places
    shared_place = bool(report_places & incident_places) or (
        bool(report_places) and report.location.name is not None
        and _skeleton(report.location.name.casefold()) in summary.spellings)
    shared_actor = any(a.name in summary.actors for a in report.actors) and not (
        report_places and _far_from(report.location, summary.points))
    # A report that names no place below the region cannot contradict one that does. Its
    # type need only be compatible: one outlet's "suicide car bombing in Mogadishu" is
    # another's "attack on a checkpoint in Banadir region", and the incident's own type is
    # its reports' most common one, which moves as reports come in.
    vague_place = not report_places or not incident_places
    area_hazard = report.event_type in _AREA_HAZARDS and summary.event_type in _AREA_HAZARDS
    if not (shared_place or shared_actor or vague_place or area_hazard):
        return None
    return 4 * shared_place + 2 * shared_actor + (report.event_type == summary.event_type) * 1 - gap


def _dated_by_day(report: EventRecord) -> bool:
    return report.occurred_on.date is not None and report.occurred_on.precision == "day"


_VOWELS = frozenset("aeiouy")
#: shorter skeletons ("hwj", "br") are too common to tell two places apart
_SKELETON_MIN = 5


@functools.lru_cache(maxsize=8192)
def _skeleton(name: str) -> str | None:
    """A casefolded place name's consonants, runs collapsed, ``q`` as ``k``: one key for the
    transliterations outlets write ("Maarat al-Numan", "Ma'arrat al-Nu'man", "Maaret
    al-Noman": ``mrtlnmn``) that the gazetteer may resolve to different entries (a town and
    its district). ``None`` when too short to tell places apart."""
    out: list[str] = []
    for c in fold_plain(name):
        if not ("a" <= c <= "z") or c in _VOWELS:
            continue
        c = "k" if c == "q" else c
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out) if len(out) >= _SKELETON_MIN else None


def _far_from(location: Location, points: Iterable[tuple[float, float]]) -> bool:
    """Whether ``location`` lies farther than :data:`ACTOR_LINK_KM` from every one of
    ``points`` (``False`` when either has no coordinates: nothing to tell them apart)."""
    if location.lat is None or location.lon is None:
        return False
    far = False
    for lat, lon in points:
        if km_between(location.lat, location.lon, lat, lon) <= ACTOR_LINK_KM:
            return False
        far = True
    return far


def _report_order(report: EventRecord) -> tuple[dt.datetime, str]:
    published = report.published_at or dt.datetime.max.replace(tzinfo=dt.UTC)
    return (published, report.event_id)


def _updates(report: EventRecord, value: Range) -> bool:
    """Whether ``value`` (one of the report's figures) replaces the earlier figure, up or down.

    Only in an update report, and only a figure with a number: the report is an update when
    one of its figures is ("the toll rose to 15"), and a vague count in it ("several of the
    wounded are in critical condition") is a remark on the victims, not a revised figure."""
    return report.figure_kind == FigureKind.UPDATE and not value.vague


def _figure_walk(
    reports: Sequence[EventRecord],
) -> tuple[dict[str, tuple[Range | None, EventRecord | None]], dict[str, EventRecord]]:
    """Per metric, the current figure and its report, and the report of the largest figure an
    update has since replaced (``reports`` in publication order).

    A figure that is not an update stands when it is larger than the current one, and than
    every figure an update replaced: after "the toll was revised down to 18", an outlet still
    saying 25 repeats the withdrawn figure; only a figure above all of them is new."""
    figures: dict[str, tuple[Range | None, EventRecord | None]] = {m: (None, None) for m in METRICS}
    withdrawn: dict[str, tuple[int, EventRecord]] = {}
    for report in reports:
        if report.figure_kind == FigureKind.CUMULATIVE:
            continue
        for metric in METRICS:
            value: Range | None = getattr(report, metric)
            if value is None:
                continue
            current, source = figures[metric]
            if current is None:
                figures[metric] = (value, report)
            elif _updates(report, value):
                if source is not None and (metric not in withdrawn or current.best > withdrawn[metric][0]):
                    withdrawn[metric] = (current.best, source)
                figures[metric] = (value, report)
            elif value.best > current.best and (metric not in withdrawn or value.best > withdrawn[metric][0]):
                figures[metric] = (value, report)
    return figures, {m: r for m, (_, r) in withdrawn.items()}


def _current_figures(reports: Sequence[EventRecord]) -> dict[str, tuple[Range | None, EventRecord | None]]:
    return _figure_walk(reports)[0]


def _date_rank(r: EventRecord) -> tuple[int, dt.datetime, str]:
    precision = r.occurred_on.precision if r.occurred_on.date is not None else "publication"
    return (_DATE_PRECISION_RANK.get(precision, 5), *_report_order(r))


def _incident_date(reports: Sequence[EventRecord]) -> dt.date:
    dated = [r for r in reports if event_date(r) is not None]
    best = min(dated, key=_date_rank)
    date = event_date(best)
    assert date is not None  # filtered above
    return date


def _incident_type(types: Iterable[EventType]) -> EventType:
    counts: dict[EventType, int] = {}
    for t in types:
        if t != EventType.OTHER:
            counts[t] = counts.get(t, 0) + 1
    if not counts:
        return EventType.OTHER
    # most reported type; ties go to the type reported first (dicts keep insertion order)
    return max(counts, key=lambda t: counts[t])


def _place_report(reports: Sequence[EventRecord]) -> EventRecord:
    """The report the incident's place comes from: the first of the most precise."""
    return min(reports, key=lambda r: _LOCATION_PRECISION_RANK[r.location.precision])


def _incident_location(reports: Sequence[EventRecord]) -> Location:
    return _place_report(reports).location


def _unique(values: Iterable[str | None]) -> list[str]:
    seen: dict[str, None] = {}
    for v in values:
        if v:
            seen.setdefault(v, None)
    return list(seen)


def _published(value: str | None) -> dt.datetime:
    return dt.datetime.fromisoformat(value) if value else dt.datetime.max.replace(tzinfo=dt.UTC)


def rebuild_incident(
    incident_id: str,
    reports: Sequence[EventRecord],
    *,
    previous: Incident | None,
    now: dt.datetime,
    retired: Sequence[dict[str, Any]] = (),
) -> Incident:
    """The incident as its reports support it now; ``revision`` moves only on a change.
    ``retired`` reports (see :class:`IncidentState`) count in its ids, sources, type and
    first/last seen; figures, date, place and evidence come from the kept ``reports``."""
    ordered = sorted(reports, key=_report_order)
    figures = _current_figures(ordered)
    location = _incident_location(ordered)
    evidence: list[Evidence] = []
    for metric, (_, source_report) in figures.items():
        if source_report is not None:
            evidence.extend(e for e in source_report.evidence if e.field == metric)
    # every report, kept or retired, in publication order: (published, event id, article, source, type)
    every: list[tuple[dt.datetime, str, str, str | None, EventType]] = [
        (*_report_order(r), r.article_id, r.source, r.event_type) for r in ordered
    ]
    if retired:
        every.extend((_published(r.get("published_at")), r["event_id"], r["article_id"], r.get("source"),
                      EventType(r["event_type"])) for r in retired)
        every.sort(key=lambda x: (x[0], x[1]))
    published = [p for p, *_ in every if p.year < dt.MAXYEAR]
    first_seen = min(published) if published else (previous.first_seen if previous else now)
    last_seen = max(published) if published else now
    retired_actors = [a for r in retired for a in r.get("actors") or ()]
    candidate = Incident(
        incident_id=incident_id,
        region=ordered[0].region_key,
        country=location.country or next((r.location.country for r in ordered if r.location.country), None),
        event_type=_incident_type(t for *_, t in every),
        occurred_on=_incident_date(ordered),
        location=location,
        actors=_unique([*retired_actors, *(a.name for r in ordered for a in r.actors)]),
        killed=figures["killed"][0],
        wounded=figures["wounded"][0],
        displaced=figures["displaced"][0],
        report_ids=[e for _, e, *_ in every],
        article_ids=_unique(a for _, _, a, *_ in every),
        sources=_unique(src for _, _, _, src, _ in every),
        evidence=evidence,
        first_seen=first_seen,
        last_seen=last_seen,
        revision=previous.revision if previous else 1,
    )
    if previous is not None and candidate != previous:
        candidate = candidate.model_copy(update={"revision": previous.revision + 1})
    return candidate


def _retired_entry(report: EventRecord) -> dict[str, Any]:
    return {
        "event_id": report.event_id,
        "article_id": report.article_id,
        "source": report.source,
        "published_at": None if report.published_at is None else report.published_at.isoformat(),
        "event_type": report.event_type.value,
        "actors": _unique(a.name for a in report.actors),
        "places": sorted(_place_names(report.location)) if _place_key(report.location) else [],
    }


def retire_reports(state: IncidentState, *, now: dt.datetime, keep: int = REPORTS_KEPT) -> IncidentState:
    """``state`` with its oldest reports beyond ``keep`` retired (down to 4/5 of ``keep``, so
    that this happens once every so many reports, not at each one), sparing the first ones
    and every report the incident's figures, date or place rest on: for each metric the
    report its current figure comes from and the last update before it (dropping that
    update would let an older, larger figure back). The incident must come out the same
    (checked: if it would not, nothing is retired)."""
    if len(state.reports) <= keep:
        return state
    ordered = sorted(range(len(state.reports)), key=lambda i: _report_order(state.reports[i]))
    reports_in_order = [state.reports[i] for i in ordered]
    spared: set[str] = {r.event_id for r in reports_in_order[:min(_FIRST_KEPT, max(1, keep // 4))]}
    figures, withdrawn = _figure_walk(reports_in_order)
    # (the report of a withdrawn figure too: without it a repeat of that figure would stand)
    spared.update(r.event_id for r in withdrawn.values())
    for metric, (_, source) in figures.items():
        if source is not None:
            spared.add(source.event_id)
        updates = [r for r in reports_in_order
                   if (value := getattr(r, metric)) is not None and _updates(r, value)]
        if updates:
            spared.add(updates[-1].event_id)
    spared.add(_place_report(reports_in_order).event_id)
    dated = [r for r in reports_in_order if event_date(r) is not None]
    if dated:
        spared.add(min(dated, key=_date_rank).event_id)
    target = max(len(spared), keep * 4 // 5)
    to_retire: set[int] = set()
    for i in ordered:
        if len(state.reports) - len(to_retire) <= target:
            break
        if state.reports[i].event_id not in spared:
            to_retire.add(i)
    if not to_retire:
        return state
    kept = [r for i, r in enumerate(state.reports) if i not in to_retire]
    kept_json = (None if state.reports_json is None
                 else [r for i, r in enumerate(state.reports_json) if i not in to_retire])
    retired = [*state.retired, *(_retired_entry(state.reports[i]) for i in ordered if i in to_retire)]
    rebuilt = rebuild_incident(state.incident.incident_id, kept, previous=state.incident, now=now, retired=retired)
    if rebuilt != state.incident:
        return state  # (should not happen: keep everything rather than change the incident)
    return IncidentState(state.incident, kept, kept_json, retired)


def _figure_distance(report: EventRecord, summary: IncidentSummary) -> float:
    """How far apart the report's and the incident's figures are (log scale; 1.0: unknown)."""
    distances = [
        abs(math.log1p(mine.best) - math.log1p(theirs))
        for metric, theirs in zip(METRICS, summary.best, strict=True)
        if (mine := getattr(report, metric)) is not None and theirs is not None
    ]
    return min(distances) if distances else 1.0


def resolve_report(
    report: EventRecord,
    candidates: Sequence[IncidentState | IncidentSummary],
    *,
    now: dt.datetime,
    load: Callable[[str], IncidentState | None] | None = None,
    keep: int = REPORTS_KEPT,
) -> Resolution:
    """Merge ``report`` into the best matching candidate incident, or open a new one
    (an incident keeps ``keep`` reports whole at most: :func:`retire_reports`).

    ``candidates`` are the region's open incidents (the caller narrows them by date), whole
    or as summaries; ``load`` reads the whole state of a summarised incident (only the one
    the report joins is read). A report already merged (same ``event_id``) changes nothing.
    """
    if event_date(report) is None:
        raise ValueError(f"report {report.event_id} has neither an event date nor a publication time")

    def whole(candidate: IncidentState | IncidentSummary) -> IncidentState:
        if isinstance(candidate, IncidentState):
            return candidate
        state = None if load is None else load(candidate.incident_id)
        if state is None:
            raise LookupError(f"incident {candidate.incident_id} is summarised but its state cannot be read")
        return state

    summaries = [c if isinstance(c, IncidentSummary) else IncidentSummary.of(c) for c in candidates]
    for candidate, summary in zip(candidates, summaries, strict=True):
        if report.event_id in summary.report_ids:
            state = whole(candidate)
            return Resolution(state=state, previous=state.incident, changed=False)
    scored = [(score, i) for i, s in enumerate(summaries) if (score := match_score(report, s)) is not None]
    if not scored:
        incident_id = incident_id_for(report.region_key, report.event_id)
        incident = rebuild_incident(incident_id, [report], previous=None, now=now)
        return Resolution(state=IncidentState(incident, [report]), previous=None, changed=True)
    # best score; then the incident whose figures are nearest the report's (a toll update of
    # 40 belongs with the 26-dead bombing, not with the one-dead incident the same day in the
    # same city); then the earliest candidate (the caller passes them oldest first)
    _, index = max(scored, key=lambda si: (si[0], -_figure_distance(report, summaries[si[1]]), -si[1]))
    state = whole(candidates[index])
    if state.has_report(report.event_id):  # a summary older than its state: nothing to add
        return Resolution(state=state, previous=state.incident, changed=False)
    reports = [*state.reports, report]
    incident = rebuild_incident(state.incident.incident_id, reports, previous=state.incident, now=now,
                                retired=state.retired)
    merged = retire_reports(state.with_report(incident, report), now=now, keep=keep)
    return Resolution(state=merged, previous=state.incident, changed=True)
