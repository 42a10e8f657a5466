"""Tally windows on event time, moved by differences when an incident changes."""

from __future__ import annotations

import datetime as dt

import pytest

from schemas import EventType, Incident, Location, LocationPrecision, Range
from streams.tallies import (
    TallyAggregation,
    apply_moves,
    contributions_for,
    fold_into_base,
    parse_tally_key,
    rebuild,
    tally_key,
    tally_moves,
    window_for,
    windows_for,
)

SEEN = dt.datetime(2024, 3, 9, 18, 0, tzinfo=dt.UTC)
DIYALA = Location(name="Baqubah", country="IQ", admin1="Diyala", admin1_code="IQ-DI",
                  precision=LocationPrecision.PLACE)


def incident(killed: Range | None = None, *, day: dt.date = dt.date(2024, 3, 6), reports: int = 1,
             wounded: Range | None = None) -> Incident:
    return Incident(
        incident_id="IQ-DI~abc", region="IQ-DI", country="IQ", event_type=EventType.BOMBING,
        occurred_on=day, location=DIYALA, killed=killed, wounded=wounded,
        report_ids=[f"r{i}" for i in range(reports)], first_seen=SEEN, last_seen=SEEN,
    )


def run(*incidents: Incident | None) -> dict[str, dict]:
    """Feed successive states of one incident through the moves, like the tally agent."""
    states: dict[str, dict] = {}
    stored: dict[str, object] = {}
    for inc in incidents:
        news = {c.scope: c for c in contributions_for(inc)} if inc else {}
        for scope in set(stored) | set(news):
            states.update(apply_moves(states, tally_moves(stored.get(scope), news.get(scope))))  # type: ignore[arg-type]
        stored = news  # type: ignore[assignment]
    return states


def tally(states: dict[str, dict], scope: str, kind: str, start: dt.date):
    return TallyAggregation.result(states[tally_key(scope, kind, start)], updated_at=SEEN)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("kind", "day", "start", "end"),
    [
        ("day", dt.date(2024, 3, 6), dt.date(2024, 3, 6), dt.date(2024, 3, 7)),
        ("7d", dt.date(2024, 3, 6), dt.date(2024, 3, 4), dt.date(2024, 3, 11)),
        ("7d", dt.date(2024, 3, 4), dt.date(2024, 3, 4), dt.date(2024, 3, 11)),
        ("7d", dt.date(2024, 3, 10), dt.date(2024, 3, 4), dt.date(2024, 3, 11)),
        ("30d", dt.date(1970, 1, 1), dt.date(1970, 1, 1), dt.date(1970, 1, 31)),
        ("30d", dt.date(1970, 1, 31), dt.date(1970, 1, 31), dt.date(1970, 3, 2)),
        ("30d", dt.date(2024, 3, 6), dt.date(2024, 2, 17), dt.date(2024, 3, 18)),
    ],
)
def test_window_boundaries(kind: str, day: dt.date, start: dt.date, end: dt.date) -> None:
    assert window_for(kind, day) == (start, end)  # type: ignore[arg-type]


def test_every_day_lies_in_one_window_of_each_kind() -> None:
    assert [k for k, _, _ in windows_for(dt.date(2024, 3, 6))] == ["day", "7d", "30d"]


def test_tally_key_round_trips() -> None:
    assert parse_tally_key(tally_key("IQ-DI", "7d", dt.date(2024, 3, 4))) == ("IQ-DI", "7d", dt.date(2024, 3, 4))


def test_incident_counts_in_region_and_country() -> None:
    states = run(incident(Range.exact(26)))
    for scope in ("IQ-DI", "IQ"):
        t = tally(states, scope, "day", dt.date(2024, 3, 6))
        assert t.killed.best == 26 and t.incidents == 1 and t.reports == 1
    assert tally(states, "IQ-DI", "day", dt.date(2024, 3, 6)).admin1 == "Diyala"
    assert tally(states, "IQ", "7d", dt.date(2024, 3, 4)).admin1 is None


def test_revised_figure_moves_tally_by_the_difference() -> None:
    states = run(incident(Range.exact(26)), incident(Range.exact(40), reports=2))
    t = tally(states, "IQ-DI", "7d", dt.date(2024, 3, 4))
    assert (t.killed.best, t.killed.min, t.killed.max, t.incidents, t.reports) == (40, 40, 40, 1, 2)
    assert t.revision == 2


def test_same_incident_state_twice_moves_nothing() -> None:
    once = run(incident(Range.exact(26)))
    twice = run(incident(Range.exact(26)), incident(Range.exact(26)))
    assert once == twice


def test_moved_date_leaves_the_old_day_empty() -> None:
    states = run(incident(Range.exact(5), day=dt.date(2024, 3, 6)), incident(Range.exact(5), day=dt.date(2024, 3, 5)))
    old = tally(states, "IQ-DI", "day", dt.date(2024, 3, 6))
    new = tally(states, "IQ-DI", "day", dt.date(2024, 3, 5))
    assert (old.killed.best, old.incidents) == (0, 0)
    assert (new.killed.best, new.incidents) == (5, 1)
    assert tally(states, "IQ-DI", "7d", dt.date(2024, 3, 4)).incidents == 1


def test_unbounded_figure_makes_max_unknown_until_taken_back() -> None:
    at_least = Range(min=30, max=None, best=30, vague=True)
    states = run(incident(at_least))
    assert tally(states, "IQ-DI", "day", dt.date(2024, 3, 6)).killed.max is None
    states = run(incident(at_least), incident(Range.exact(31)))
    assert tally(states, "IQ-DI", "day", dt.date(2024, 3, 6)).killed == Range(min=31, max=31, best=31)


def test_incident_without_figures_counts_as_an_incident_with_zero() -> None:
    t = tally(run(incident(None)), "IQ-DI", "day", dt.date(2024, 3, 6))
    assert (t.killed.best, t.wounded.best, t.incidents) == (0, 0, 1)


def test_two_incidents_sum_in_a_window() -> None:
    a = contributions_for(incident(Range.exact(3)))[0]
    b = contributions_for(incident(Range.exact(4), day=dt.date(2024, 3, 7)).model_copy(update={"incident_id": "x"}))[0]
    states: dict[str, dict] = {}
    states.update(apply_moves(states, tally_moves(None, a)))
    states.update(apply_moves(states, tally_moves(None, b)))
    t = tally(states, "IQ-DI", "7d", dt.date(2024, 3, 4))
    assert (t.killed.best, t.incidents) == (7, 2)


def test_rebuild_adds_live_contributions_to_the_stored_base_and_skips_what_it_lists_as_folded() -> None:
    old = contributions_for(incident(Range.exact(26)))[0]
    other = contributions_for(incident(Range.exact(4)).model_copy(update={"incident_id": "IQ-DI~def"}))[0]
    key = tally_key("IQ-DI", "day", dt.date(2024, 3, 6))
    folded = fold_into_base(rebuild([old])[key], old, still_stored=lambda _: True)
    states = rebuild([old, other], {key: {**folded, "revision": 3}})  # old still stored, listed as folded
    assert (states[key]["killed"]["best"], states[key]["incidents"], states[key]["revision"]) == (30, 2, 3)
