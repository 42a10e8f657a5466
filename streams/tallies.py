"""Tally arithmetic: incidents summed per region and country in event-time windows.

Pure: no faust, no Kafka, no clock. The window aggregation follows quix-streams' small
protocol (``initialize`` / ``agg`` / ``result``) with one addition, a *signed* ``agg``: an
incident's contribution is added with ``+1`` and taken back with ``-1``, so that a revised
incident moves every window it touches by exactly the difference. A window holds sums only
(constant size); the stored per-incident contributions are the truth it is derived from
(``rebuild``), which is what makes a redelivered message harmless (``TallyAggregation``).

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
from collections.abc import Callable, Iterable, Mapping
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
    "fold_into_base",
    "folded_in",
    "parse_tally_key",
    "rebuild",
    "same_sums",
    "scopes_for",
    "tally_key",
    "tally_moves",
    "window_for",
    "window_from_stored",
    "window_keys",
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


def _share(contribution: Contribution) -> dict[str, Any]:
    """One incident's share of a window, as numbers to add or take back."""
    share: dict[str, Any] = {"incidents": 1, "reports": contribution.reports}
    for m in METRICS:
        r: Range | None = getattr(contribution, m)
        share[m] = None if r is None else (r.min, r.best, 0 if r.max is None else r.max, int(r.max is None),
                                          int(r.vague))
    return share


_EMPTY_SUMS = {"min": 0, "best": 0, "max": 0, "unbounded": 0, "vague": 0}


def _add_share(sums: dict[str, Any], contribution: Contribution, sign: int) -> dict[str, Any]:
    """``sums`` (a window state or a window's base) with one incident's share added or taken back."""
    share = _share(contribution)
    out = {**sums, "incidents": sums["incidents"] + sign, "reports": sums["reports"] + sign * share["reports"]}
    for m in METRICS:
        figure = share[m]
        if figure is None:
            continue
        low, best, high, unbounded, vague = figure
        have = sums[m]
        out[m] = {"min": have["min"] + sign * low, "best": have["best"] + sign * best,
                  "max": have["max"] + sign * high, "unbounded": have["unbounded"] + sign * unbounded,
                  "vague": have["vague"] + sign * vague}
    return out


class TallyAggregation:
    """The window aggregation: state is a small JSON-able dict of sums (what the table stores).

    ``agg`` adds (``sign=+1``) or takes back (``-1``) one incident's share, in exact integer
    arithmetic, so a window's state has the same size however many incidents it holds (a
    country's 30-day window may hold thousands). Each sum keeps what the range needs:
    ``unbounded`` counts the members whose figure has no upper bound ("at least 30"; the
    window's ``max`` is then ``None``), ``vague`` those with a vague figure.

    The sums alone are not idempotent: applying one contribution twice counts it twice. The
    worker never persists them as the truth: it derives them from the stored contributions
    (``rebuild``) after every assignment and moves them by ``old -> new`` differences read
    from the same store (``streams.agents``), so a redelivered message finds its contribution
    already stored and moves nothing.
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
            "incidents": 0,
            "reports": 0,
            **{m: dict(_EMPTY_SUMS) for m in METRICS},
            "revision": 0,
        }

    @staticmethod
    def agg(state: dict[str, Any], contribution: Contribution, sign: int) -> dict[str, Any]:
        """Add (``sign=+1``) or take back (``-1``) one incident's share of the window."""
        out = _add_share(state, contribution, sign)
        if sign > 0:
            out["country"] = contribution.country or out["country"]
            out["admin1"] = contribution.admin1 or out["admin1"]
        return out

    @staticmethod
    def result(state: Mapping[str, Any], *, updated_at: dt.datetime) -> RegionTally:
        def total(metric: str) -> Range:
            sums = state[metric]
            return Range(min=sums["min"], max=None if sums["unbounded"] else sums["max"], best=sums["best"],
                         vague=sums["vague"] > 0)

        return RegionTally(
            region=state["region"],
            country=state["country"],
            admin1=state["admin1"],
            window=state["window"],
            window_start=dt.date.fromisoformat(state["window_start"]),
            window_end=dt.date.fromisoformat(state["window_end"]),
            **{m: total(m) for m in METRICS},
            incidents=state["incidents"],
            reports=state["reports"],
            revision=state["revision"],
            updated_at=updated_at,
        )


def fold_into_base(state: dict[str, Any], contribution: Contribution,
                   still_stored: Callable[[str], bool]) -> dict[str, Any]:
    """The window ``state`` with ``contribution`` (counted in its sums) moved into its base.

    The base holds the shares of the incidents that have expired from the worker's state:
    final, they are kept as sums and their contributions are deleted. The window's figures do
    not change. The base lists the incidents folded into it whose contribution may still be
    stored (``still_stored(incident_id)``: the deletion is written after the base, so a crash
    between the two leaves both, and the rebuild must not count that incident twice); the
    others are dropped from the list, which so stays short.
    """
    base = state.get("base") or {"incidents": 0, "reports": 0, **{m: dict(_EMPTY_SUMS) for m in METRICS},
                                 "folded": []}
    if contribution.incident_id in base["folded"]:
        return state
    folded = [i for i in base["folded"] if still_stored(i)]
    base = {**_add_share(base, contribution, +1), "folded": [*folded, contribution.incident_id]}
    return {**state, "base": base}


def same_sums(a: Mapping[str, Any] | None, b: Mapping[str, Any] | None) -> bool:
    """Whether two window states hold the same figures (revision and clock aside)."""
    if a is None or b is None:
        return a is b
    return all(a.get(k) == b.get(k) for k in ("incidents", "reports", "country", "admin1", *METRICS))


def folded_in(state: Mapping[str, Any], incident_id: str) -> bool:
    """Whether the window's base lists the incident as folded (its contribution may still be
    stored: the rebuild must not count it again)."""
    return incident_id in (state.get("base") or {}).get("folded", ())


def window_from_stored(stored: Mapping[str, Any] | None, scope: str, kind: WindowKind, start: dt.date,
                       end: dt.date) -> dict[str, Any]:
    """A window as its base alone (the sums of its expired incidents), with the revision and
    names of its ``stored`` copy (the one last published); zero for a window never stored."""
    state = TallyAggregation.initialize(scope, kind, start, end)
    if not stored:
        return state
    base = stored.get("base")
    if base:
        state.update({k: base[k] for k in ("incidents", "reports", *METRICS)})
        state["base"] = base
    state["revision"] = stored.get("revision", 0)
    state["updated_at"] = stored.get("updated_at")
    state["country"] = stored.get("country")
    state["admin1"] = stored.get("admin1")
    return state


def window_keys(contributions: Iterable[Contribution]) -> set[str]:
    """The tally keys of every window the contributions count in."""
    return {tally_key(c.scope, kind, start) for c in contributions for kind, start, _ in windows_for(c.day)}


def rebuild(contributions: Iterable[Contribution],
            stored: Mapping[str, Mapping[str, Any]] | None = None) -> dict[str, dict[str, Any]]:
    """Every window the live ``contributions`` count in: its ``stored`` base (the expired
    incidents) plus those contributions, skipping any its base lists as folded; revisions and
    names from the stored copy (``window_from_stored``)."""
    stored = stored or {}
    states: dict[str, dict[str, Any]] = {}
    for contribution in contributions:
        for kind, start, end in windows_for(contribution.day):
            key = tally_key(contribution.scope, kind, start)
            state = states.get(key)
            if state is None:
                state = states[key] = window_from_stored(stored.get(key), contribution.scope, kind, start, end)
            if folded_in(state, contribution.incident_id):
                continue  # folded into the base, its marker not written yet (a crash between)
            states[key] = TallyAggregation.agg(state, contribution, +1)
    return states


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
    """Apply ``moves`` to the window states (by tally key); returns the states whose figures
    changed, each with its revision moved once. Pure helper for the agent and the tests."""
    updated: dict[str, dict[str, Any]] = {}
    for scope, kind, start, end, contribution, sign in moves:
        key = tally_key(scope, kind, start)
        state = updated.get(key) or states.get(key) or TallyAggregation.initialize(scope, kind, start, end)
        updated[key] = TallyAggregation.agg(state, contribution, sign)
    changed = {}
    for key, state in updated.items():
        before = states.get(key)
        if before is not None and same_sums(before, state):
            continue  # taken back and added again unchanged (e.g. only the report ids moved)
        state["revision"] = (before["revision"] if before else 0) + 1
        changed[key] = state
    return changed
