"""Tally arithmetic: incidents summed per region and country in event-time windows.

Pure: no faust, no Kafka, no clock. The window aggregation follows quix-streams' small
protocol (``initialize`` / ``agg`` / ``result``) with one addition, a *signed* ``agg``: an
incident's contribution is set with ``+1`` and taken back with ``-1``, so that a revised
incident moves every window it touches by exactly the difference. A window keeps each
incident's share and derives its sums, which makes every step idempotent.

Windows (event time, UTC dates, ``end`` exclusive):

* ``day``: one calendar day.
* ``7d``: ISO weeks, Monday to Sunday.
* ``30d``: 30-day tumbling windows aligned on 1970-01-01 (as quix-streams aligns tumbling
  windows on the epoch), so every window has the same length and a date's window never
  depends on what else was seen.

Scopes: an incident counts in its region (``SY-DY``) and in its country (``SY``). An incident
located only at country precision has region ``SY`` and so counts once, in the country tally.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, get_args

from schemas import Incident, Range, RegionTally, WindowKind
from streams.incidents import METRICS

__all__ = [
    "WINDOW_KINDS",
    "Contribution",
    "TallyAggregation",
    "apply_moves",
    "contributions_for",
    "parse_tally_key",
    "scopes_for",
    "tally_key",
    "tally_moves",
    "window_for",
    "windows_for",
]

WINDOW_KINDS: tuple[WindowKind, ...] = get_args(WindowKind)
_EPOCH = dt.date(1970, 1, 1)
_KEY_SEPARATOR = "|"


def window_for(kind: WindowKind, day: dt.date) -> tuple[dt.date, dt.date]:
    """The ``[start, end)`` window of ``kind`` that contains ``day``.

    >>> window_for("7d", dt.date(2024, 3, 6))
    (datetime.date(2024, 3, 4), datetime.date(2024, 3, 11))
    >>> window_for("30d", dt.date(1970, 1, 31))
    (datetime.date(1970, 1, 31), datetime.date(1970, 3, 2))
    """
    if kind == "day":
        return day, day + dt.timedelta(days=1)
    if kind == "7d":
        start = day - dt.timedelta(days=day.weekday())
        return start, start + dt.timedelta(days=7)
    if kind == "30d":
        start = _EPOCH + dt.timedelta(days=((day - _EPOCH).days // 30) * 30)
        return start, start + dt.timedelta(days=30)
    raise ValueError(f"unknown window kind {kind!r}")


def windows_for(day: dt.date) -> list[tuple[WindowKind, dt.date, dt.date]]:
    """Every window (one per kind) that contains ``day``."""
    return [(kind, *window_for(kind, day)) for kind in WINDOW_KINDS]


def tally_key(scope: str, kind: WindowKind, start: dt.date) -> str:
    """Key of one tally on the ``tallies`` topic and in the table: ``SY-DY|7d|2024-03-04``."""
    return f"{scope}{_KEY_SEPARATOR}{kind}{_KEY_SEPARATOR}{start.isoformat()}"


def parse_tally_key(key: str) -> tuple[str, WindowKind, dt.date]:
    scope, kind, start = key.rsplit(_KEY_SEPARATOR, 2)
    if kind not in WINDOW_KINDS:
        raise ValueError(f"unknown window kind in tally key {key!r}")
    return scope, kind, dt.date.fromisoformat(start)  # type: ignore[return-value]


def scopes_for(incident: Incident) -> list[str]:
    """The tally scopes an incident counts in: its region, and its country if different."""
    scopes = [incident.region]
    if incident.country and incident.country != incident.region:
        scopes.append(incident.country)
    return scopes


@dataclass(frozen=True, slots=True)
class Contribution:
    """One incident's share of the tallies of one scope (stored, so it can be taken back)."""

    scope: str
    incident_id: str
    day: dt.date
    killed: Range | None
    wounded: Range | None
    displaced: Range | None
    reports: int
    country: str | None
    admin1: str | None

    def to_json(self) -> dict[str, Any]:
        return {
            "scope": self.scope,
            "incident_id": self.incident_id,
            "day": self.day.isoformat(),
            **{m: (None if (r := getattr(self, m)) is None else r.model_dump(mode="json")) for m in METRICS},
            "reports": self.reports,
            "country": self.country,
            "admin1": self.admin1,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Contribution:
        return cls(
            scope=data["scope"],
            incident_id=data["incident_id"],
            day=dt.date.fromisoformat(data["day"]),
            **{m: (None if data.get(m) is None else Range.model_validate(data[m])) for m in METRICS},
            reports=int(data["reports"]),
            country=data.get("country"),
            admin1=data.get("admin1"),
        )


def contributions_for(incident: Incident) -> list[Contribution]:
    """The incident's contribution to each scope it counts in."""
    out = []
    for scope in scopes_for(incident):
        is_region = scope == incident.region and scope != incident.country
        out.append(
            Contribution(
                scope=scope,
                incident_id=incident.incident_id,
                day=incident.occurred_on,
                killed=incident.killed,
                wounded=incident.wounded,
                displaced=incident.displaced,
                reports=len(incident.report_ids),
                country=incident.country,
                admin1=incident.location.admin1 if is_region else None,
            )
        )
    return out


class TallyAggregation:
    """The window aggregation: state is a JSON-able dict (what the table stores).

    A window keeps each incident's share (``members``: incident id -> figures and report
    count) and derives its sums from them. Adding is "set this incident's share", taking
    back is "remove it": both idempotent, so a contribution applied twice (a message
    redelivered after a crash, when only some of the window writes had reached the changelog)
    cannot count twice. ``max`` is ``None`` while any member's figure is unbounded ("at least
    30").
    """

    @staticmethod
    def initialize(scope: str, kind: WindowKind, start: dt.date, end: dt.date) -> dict[str, Any]:
        return {
            "region": scope,
            "country": None,
            "admin1": None,
            "window": kind,
            "window_start": start.isoformat(),
            "window_end": end.isoformat(),
            "members": {},
            "revision": 0,
        }

    @staticmethod
    def agg(state: dict[str, Any], contribution: Contribution, sign: int) -> dict[str, Any]:
        """Set (``sign=+1``) or remove (``-1``) one incident's share of the window."""
        members = dict(state["members"])
        out = {**state, "members": members}
        if sign > 0:
            members[contribution.incident_id] = {
                **{m: (None if (r := getattr(contribution, m)) is None else r.model_dump(mode="json"))
                   for m in METRICS},
                "reports": contribution.reports,
            }
            out["country"] = contribution.country or out["country"]
            out["admin1"] = contribution.admin1 or out["admin1"]
        else:
            members.pop(contribution.incident_id, None)
        return out

    @staticmethod
    def result(state: Mapping[str, Any], *, updated_at: dt.datetime) -> RegionTally:
        members = state["members"].values()

        def total(metric: str) -> Range:
            # the members' figures are stored Range dumps (validated when the contribution was
            # read): summed as dicts, since a country's 30-day window may hold hundreds
            figures = [f for m in members if (f := m[metric]) is not None]
            hi = None if any(f.get("max") is None for f in figures) else sum(f["max"] for f in figures)
            return Range(min=sum(f["min"] for f in figures), max=hi, best=sum(f["best"] for f in figures),
                         vague=any(f.get("vague", False) for f in figures))

        return RegionTally(
            region=state["region"],
            country=state["country"],
            admin1=state["admin1"],
            window=state["window"],
            window_start=dt.date.fromisoformat(state["window_start"]),
            window_end=dt.date.fromisoformat(state["window_end"]),
            **{m: total(m) for m in METRICS},
            incidents=len(state["members"]),
            reports=sum(m["reports"] for m in members),
            revision=state["revision"],
            updated_at=updated_at,
        )


def tally_moves(
    old: Contribution | None, new: Contribution | None
) -> list[tuple[str, WindowKind, dt.date, dt.date, Contribution, int]]:
    """The signed window updates that replace ``old`` with ``new`` (either may be ``None``).

    Returns ``(scope, kind, start, end, contribution, sign)`` items: take back the old
    contribution from its windows, add the new one to its windows. Equal contributions give
    no moves (the same incident state delivered twice changes nothing).
    """
    if old == new:
        return []
    moves = []
    for contribution, sign in ((old, -1), (new, +1)):
        if contribution is None:
            continue
        for kind, start, end in windows_for(contribution.day):
            moves.append((contribution.scope, kind, start, end, contribution, sign))
    return moves


def apply_moves(
    states: Mapping[str, dict[str, Any]],
    moves: Iterable[tuple[str, WindowKind, dt.date, dt.date, Contribution, int]],
) -> dict[str, dict[str, Any]]:
    """Apply ``moves`` to the window states (by tally key); returns the states whose members
    changed, each with its revision moved once. Pure helper for the agent and the tests."""
    updated: dict[str, dict[str, Any]] = {}
    for scope, kind, start, end, contribution, sign in moves:
        key = tally_key(scope, kind, start)
        state = updated.get(key) or states.get(key) or TallyAggregation.initialize(scope, kind, start, end)
        updated[key] = TallyAggregation.agg(state, contribution, sign)
    changed = {}
    for key, state in updated.items():
        before = states.get(key)
        if before is not None and before["members"] == state["members"]:
            continue  # already applied (a redelivered contribution): no new revision
        state["revision"] = (before["revision"] if before else 0) + 1
        changed[key] = state
    return changed
