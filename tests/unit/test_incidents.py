"""Incident resolution: reports of one incident merge, figures follow updates, no double count."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from schemas import Actor, EventDate, EventRecord, EventType, FigureKind, Location, LocationPrecision, Range
from streams.incidents import (
    REPORTS_KEPT,
    IncidentState,
    IncidentSummary,
    event_date,
    incident_id_for,
    match_score,
    region_of_incident_id,
    resolve_report,
    types_compatible,
)

NOW = dt.datetime(2024, 3, 10, 12, 0, tzinfo=dt.UTC)
KIRKUK = Location(
    name="Kirkuk", country="IQ", admin1="Kirkuk", admin1_code="IQ-KI", precision=LocationPrecision.PLACE
)
HAWIJA = Location(
    name="Hawija", country="IQ", admin1="Kirkuk", admin1_code="IQ-KI", precision=LocationPrecision.PLACE
)
KIRKUK_PROVINCE = Location(country="IQ", admin1="Kirkuk", admin1_code="IQ-KI", precision=LocationPrecision.ADMIN1)


def report(
    event_id: str,
    *,
    article_id: str | None = None,
    source: str = "outlet-a",
    killed: int | None = None,
    wounded: int | None = None,
    kind: FigureKind = FigureKind.FIRST_REPORT,
    event_type: EventType = EventType.BOMBING,
    location: Location = KIRKUK,
    day: dt.date | None = dt.date(2024, 3, 9),
    precision: str = "day",
    published: dt.datetime = dt.datetime(2024, 3, 9, 18, 0, tzinfo=dt.UTC),
    actors: tuple[str, ...] = (),
) -> EventRecord:
    return EventRecord(
        event_id=event_id,
        article_id=article_id or f"art-{event_id}",
        source=source,
        published_at=published,
        event_type=event_type,
        actors=[Actor(name=a, text=a) for a in actors],
        location=location,
        occurred_on=EventDate(date=day, precision=precision if day else "unknown"),  # type: ignore[arg-type]
        killed=None if killed is None else Range.exact(killed),
        wounded=None if wounded is None else Range.exact(wounded),
        figure_kind=kind,
        extractor_version="test",
    )


def resolve_all(*reports: EventRecord) -> list[IncidentState]:
    """Feed reports in order, keeping the state the way the agent keeps it."""
    states: dict[str, IncidentState] = {}
    for r in reports:
        res = resolve_report(r, list(states.values()), now=NOW)
        states[res.state.incident.incident_id] = res.state
    return list(states.values())


def test_three_outlets_reporting_one_bombing_make_one_incident() -> None:
    states = resolve_all(
        report("e1", source="a", killed=26),
        report("e2", source="b", killed=26),
        report("e3", source="c", killed=25),
    )
    assert len(states) == 1
    incident = states[0].incident
    assert incident.killed is not None and incident.killed.best == 26
    assert incident.sources == ["a", "b", "c"]
    assert incident.report_ids == ["e1", "e2", "e3"]
    assert incident.revision == 3


def test_toll_update_replaces_earlier_figure() -> None:
    later = dt.datetime(2024, 3, 10, 9, 0, tzinfo=dt.UTC)
    states = resolve_all(report("e1", killed=26), report("e2", killed=40, kind=FigureKind.UPDATE, published=later))
    assert len(states) == 1
    assert states[0].incident.killed == Range.exact(40)


def test_downward_update_replaces_a_larger_figure() -> None:
    later = dt.datetime(2024, 3, 10, 9, 0, tzinfo=dt.UTC)
    states = resolve_all(report("e1", killed=26), report("e2", killed=20, kind=FigureKind.UPDATE, published=later))
    assert states[0].incident.killed == Range.exact(20)


def test_a_vague_count_in_an_update_report_does_not_lower_an_earlier_figure() -> None:
    """ "The toll has risen to 40 ... Several of the wounded are in critical condition": the
    report is an update (of the toll); "several" (best 3) is no revised count of the 60 wounded."""
    later = dt.datetime(2024, 3, 10, 9, 0, tzinfo=dt.UTC)
    several = Range(min=3, max=9, best=3, text="Several of", vague=True)
    update = report("e2", killed=40, kind=FigureKind.UPDATE, published=later).model_copy(update={"wounded": several})
    states = resolve_all(report("e1", killed=25, wounded=60), update)
    assert states[0].incident.killed == Range.exact(40)
    assert states[0].incident.wounded == Range.exact(60)


def test_without_update_the_larger_figure_stands() -> None:
    states = resolve_all(report("e1", killed=30), report("e2", killed=26))
    assert states[0].incident.killed == Range.exact(30)


def test_an_outlet_repeating_a_figure_an_update_withdrew_does_not_bring_it_back() -> None:
    """25 killed; "revised down to 18"; later another outlet still says 25: 18 stands, but a
    later count above every earlier one (30) is news and stands."""
    day2 = dt.datetime(2024, 3, 10, 9, 0, tzinfo=dt.UTC)
    first, revision = report("e1", killed=25), report("e2", killed=18, kind=FigureKind.UPDATE, published=day2)
    stale = report("e3", killed=25, published=day2 + dt.timedelta(hours=6))
    assert resolve_all(first, revision, stale)[0].incident.killed == Range.exact(18)
    assert resolve_all(stale, revision, first)[0].incident.killed == Range.exact(18)  # whatever the arrival order
    larger = report("e4", killed=30, published=day2 + dt.timedelta(hours=8))
    assert resolve_all(first, revision, stale, larger)[0].incident.killed == Range.exact(30)


def test_late_arriving_older_report_does_not_undo_an_update() -> None:
    early = dt.datetime(2024, 3, 9, 15, 0, tzinfo=dt.UTC)
    later = dt.datetime(2024, 3, 10, 9, 0, tzinfo=dt.UTC)
    states = resolve_all(
        report("e2", killed=20, kind=FigureKind.UPDATE, published=later),
        report("e1", killed=26, published=early),
    )
    assert states[0].incident.killed == Range.exact(20)


def test_same_event_twice_changes_nothing() -> None:
    first = resolve_report(report("e1", killed=26), [], now=NOW)
    again = resolve_report(report("e1", killed=26), [first.state], now=NOW)
    assert again.changed is False
    assert again.state.incident == first.state.incident
    assert again.state.incident.revision == 1


def test_reports_from_different_regions_stay_apart() -> None:
    elsewhere = Location(name="Mosul", country="IQ", admin1="Nineveh", admin1_code="IQ-NI",
                         precision=LocationPrecision.PLACE)
    assert len(resolve_all(report("e1", killed=5), report("e2", killed=5, location=elsewhere))) == 2


def test_reports_days_apart_stay_apart() -> None:
    assert len(resolve_all(report("e1", killed=5), report("e2", killed=5, day=dt.date(2024, 3, 1)))) == 2


def test_reports_of_different_places_without_shared_actor_stay_apart() -> None:
    assert len(resolve_all(report("e1", killed=5), report("e2", killed=7, location=HAWIJA))) == 2


def test_bombings_of_one_place_two_days_apart_each_dated_by_day_stay_apart() -> None:
    """A market bombed "on Monday" and again "on Wednesday": two incidents, 6 and 11 killed."""
    states = resolve_all(report("mon", killed=6, day=dt.date(2024, 3, 4)),
                         report("wed", killed=11, day=dt.date(2024, 3, 6)))
    assert sorted(s.incident.killed.best for s in states) == [6, 11]  # type: ignore[union-attr]


def test_a_report_a_day_off_or_dated_by_publication_two_days_later_still_joins() -> None:
    later = dt.datetime(2024, 3, 11, 9, 0, tzinfo=dt.UTC)
    assert len(resolve_all(report("e1", killed=9), report("e2", killed=9, day=dt.date(2024, 3, 10)))) == 1
    assert len(resolve_all(report("e1", killed=9),
                           report("e2", killed=14, kind=FigureKind.UPDATE, day=None, published=later))) == 1


def test_shared_actor_joins_reports_that_name_different_places() -> None:
    states = resolve_all(
        report("e1", killed=5, actors=("Islamic State",)),
        report("e2", killed=7, location=HAWIJA, actors=("Islamic State",)),
    )
    assert len(states) == 1


def _at(place: Location, lat: float, lon: float) -> Location:
    return place.model_copy(update={"lat": lat, "lon": lon})


KIRKUK_AT, HAWIJA_AT = _at(KIRKUK, 35.468, 44.392), _at(HAWIJA, 35.325, 43.760)  # ~60 km apart
RAHIMAWA_AT = Location(name="Rahimawa", country="IQ", admin1="Kirkuk", admin1_code="IQ-KI",
                       precision=LocationPrecision.PLACE, lat=35.495, lon=44.405)  # a quarter of Kirkuk


@pytest.mark.parametrize(
    ("first", "second", "incidents"),
    [
        pytest.param("Maarat al-Numan", "Maaret al-Noman", 1, id="two-transliterations-of-one-town-join"),
        pytest.param("Ma'arrat al-Nu'man", "Maarat al-Numan", 1, id="apostrophes-and-doubled-letters-join"),
        pytest.param("Qandahar", "Kandahar", 1, id="q-and-k-join"),
        pytest.param("Ghazni city", "Ghazni City", 1, id="a-name-opening-with-g-joins-too"),
        pytest.param("Gereshk", "Girishk", 1, id="a-name-opening-with-g-and-spelled-otherwise-joins"),
        pytest.param("Bara", "Bir", 2, id="short-names-sharing-consonants-stay-apart"),
        pytest.param("Sarmin", "Sarmada", 2, id="different-towns-stay-apart"),
    ],
)
def test_place_names_spelled_differently_join_when_their_consonants_agree(first: str, second: str,
                                                                          incidents: int) -> None:
    """The gazetteer may resolve two spellings to different entries (a town, its district)."""
    def at(name: str, gid: int) -> Location:
        return KIRKUK.model_copy(update={"name": name, "geonames_id": gid})
    states = resolve_all(report("e1", killed=7, location=at(first, 1)), report("e2", killed=7, location=at(second, 2)))
    assert len(states) == incidents


def test_one_actor_attacking_two_towns_far_apart_the_same_day_makes_two_incidents() -> None:
    """ "Islamic State claimed" a bombing in Kirkuk and one in Hawija: two attacks, 5 and 3 killed."""
    states = resolve_all(report("e1", killed=5, location=KIRKUK_AT, actors=("Islamic State",)),
                         report("e2", killed=3, location=HAWIJA_AT, actors=("Islamic State",)))
    assert sorted(s.incident.killed.best for s in states) == [3, 5]  # type: ignore[union-attr]


def test_a_shared_actor_joins_a_quarter_of_a_city_and_the_city() -> None:
    states = resolve_all(report("e1", killed=5, location=RAHIMAWA_AT, actors=("Islamic State",)),
                         report("e2", killed=7, location=KIRKUK_AT, actors=("Islamic State",)))
    assert len(states) == 1


DEFNE = Location(name="Defne", country="TR", admin1="Hatay", admin1_code="TR-31", precision=LocationPrecision.PLACE)
ANTAKYA = Location(name="Antakya", country="TR", admin1="Hatay", admin1_code="TR-31", precision=LocationPrecision.PLACE)


def test_outlets_placing_one_earthquake_in_different_towns_of_its_region_make_one_incident() -> None:
    states = resolve_all(
        report("e1", killed=3, wounded=126, event_type=EventType.EARTHQUAKE, location=DEFNE),
        report("e2", killed=3, wounded=140, event_type=EventType.EARTHQUAKE, location=ANTAKYA),
    )
    assert len(states) == 1
    assert states[0].incident.wounded is not None and states[0].incident.wounded.best == 140


def test_a_flood_and_a_storm_in_different_towns_of_one_region_are_one_incident() -> None:
    states = resolve_all(report("e1", killed=4, event_type=EventType.STORM, location=KIRKUK),
                         report("e2", killed=6, event_type=EventType.FLOOD, location=HAWIJA))
    assert len(states) == 1


def test_landslides_in_different_towns_of_one_region_stay_apart() -> None:
    # (a region often has several landslides the same days, each at its own place)
    states = resolve_all(report("e1", killed=4, event_type=EventType.LANDSLIDE, location=KIRKUK),
                         report("e2", killed=6, event_type=EventType.LANDSLIDE, location=HAWIJA))
    assert len(states) == 2


def test_earthquakes_in_different_regions_or_days_apart_stay_apart() -> None:
    quake = {"event_type": EventType.EARTHQUAKE, "killed": 3}
    elsewhere = Location(name="Mosul", country="IQ", admin1="Nineveh", admin1_code="IQ-NI",
                         precision=LocationPrecision.PLACE)
    assert len(resolve_all(report("e1", **quake), report("e2", location=elsewhere, **quake))) == 2
    assert len(resolve_all(report("e1", **quake), report("e2", day=dt.date(2024, 3, 1), **quake))) == 2


def test_region_only_report_joins_same_type_incident() -> None:
    states = resolve_all(report("e1", killed=5), report("e2", killed=6, location=KIRKUK_PROVINCE))
    assert len(states) == 1
    assert states[0].incident.location == KIRKUK  # the most precise location wins


def test_region_only_report_of_a_compatible_type_joins_the_incident() -> None:
    """ "Suicide car bombing in Kirkuk" and, a day later, "an attack on civilians in Kirkuk
    province": one incident, and the stale toll of the later report does not undo the update."""
    later = dt.datetime(2024, 3, 10, 9, 0, tzinfo=dt.UTC)
    states = resolve_all(
        report("e1", killed=8, event_type=EventType.SUICIDE_ATTACK),
        report("e2", killed=15, kind=FigureKind.UPDATE, event_type=EventType.SUICIDE_ATTACK, published=later),
        report("e3", killed=8, event_type=EventType.ATTACK_ON_CIVILIANS, location=KIRKUK_PROVINCE,
               published=later + dt.timedelta(hours=3)),
    )
    assert len(states) == 1
    assert states[0].incident.killed == Range.exact(15)


def test_region_only_report_goes_to_the_incident_of_its_own_type() -> None:
    states = resolve_all(
        report("shelling", killed=5, event_type=EventType.SHELLING),
        report("bomb", killed=5, location=HAWIJA),
        report("vague", killed=6, location=KIRKUK_PROVINCE),
    )
    assert {s.incident.event_type: len(s.incident.report_ids) for s in states} == {
        EventType.SHELLING: 1, EventType.BOMBING: 2}


def test_incompatible_types_stay_apart() -> None:
    assert len(resolve_all(report("e1", killed=5), report("e2", killed=5, event_type=EventType.FLOOD))) == 2


def test_two_events_of_one_article_stay_apart() -> None:
    states = resolve_all(report("e1", article_id="a", killed=5), report("e2", article_id="a", killed=3))
    assert len(states) == 2


def test_cumulative_report_never_sets_incident_figures() -> None:
    states = resolve_all(report("e1", killed=5), report("e2", killed=500, kind=FigureKind.CUMULATIVE))
    assert states[0].incident.killed == Range.exact(5)


def test_precise_date_moves_an_incident_dated_by_publication() -> None:
    states = resolve_all(
        report("e1", killed=5, day=None),
        report("e2", killed=5, day=dt.date(2024, 3, 8), published=dt.datetime(2024, 3, 9, 20, tzinfo=dt.UTC)),
    )
    assert states[0].incident.occurred_on == dt.date(2024, 3, 8)


def test_event_date_falls_back_to_publication_day() -> None:
    assert event_date(report("e1", day=None)) == dt.date(2024, 3, 9)


def test_incident_id_is_stable_and_names_its_region() -> None:
    first = resolve_report(report("e1", killed=5), [], now=NOW).state.incident.incident_id
    again = resolve_report(report("e1", killed=5), [], now=NOW).state.incident.incident_id
    assert first == again == incident_id_for("IQ-KI", "e1")
    assert region_of_incident_id(first) == "IQ-KI"


def test_incident_state_round_trips_through_json() -> None:
    state = resolve_all(report("e1", killed=5), report("e2", killed=6))[0]
    assert IncidentState.from_json(state.to_json()) == state


@pytest.mark.parametrize(
    ("a", "b", "compatible"),
    [
        (EventType.BOMBING, EventType.SUICIDE_ATTACK, True),
        (EventType.AIRSTRIKE, EventType.SHELLING, True),
        (EventType.OTHER, EventType.FLOOD, True),
        (EventType.FLOOD, EventType.STORM, True),
        (EventType.BOMBING, EventType.FLOOD, False),
        (EventType.EARTHQUAKE, EventType.ARMED_CLASH, False),
    ],
)
def test_type_compatibility(a: EventType, b: EventType, compatible: bool) -> None:
    assert types_compatible(a, b) is compatible
    assert types_compatible(b, a) is compatible


def test_toll_update_joins_the_incident_with_the_nearest_figure() -> None:
    """Two incidents the same day in the same city (one article, two events): the update
    "rose to 40" belongs with the 26-dead one, not the one-dead one, whichever came first."""
    later = dt.datetime(2024, 3, 10, 9, 0, tzinfo=dt.UTC)
    states = resolve_all(
        report("small", article_id="a", killed=1),
        report("big", article_id="a", killed=26),
        report("update", killed=40, kind=FigureKind.UPDATE, published=later),
    )
    assert sorted(s.incident.killed.best for s in states) == [1, 40]  # type: ignore[union-attr]


def _resolve_all_by_summary(*reports: EventRecord) -> list[IncidentState]:
    """As ``resolve_all``, but matching on stored JSON summaries, as the agent does."""
    stored: dict[str, dict] = {}
    for r in reports:
        summaries = [IncidentSummary.from_state_json(data) for data in stored.values()]
        res = resolve_report(r, summaries, now=NOW, load=lambda iid: IncidentState.from_json(stored[iid]))
        stored[res.state.incident.incident_id] = res.state.to_json()
    return [IncidentState.from_json(data) for data in stored.values()]


MIXED_REPORTS = (
    report("e1", source="a", killed=26, actors=("Islamic State",)),
    report("e2", source="b", killed=1, location=HAWIJA),
    report("e3", source="c", killed=40, kind=FigureKind.UPDATE, location=KIRKUK_PROVINCE,
           published=dt.datetime(2024, 3, 10, 9, 0, tzinfo=dt.UTC)),
    report("e4", source="d", wounded=3, event_type=EventType.ARMED_CLASH, location=HAWIJA, actors=("Islamic State",)),
    report("e5", source="e", killed=2, event_type=EventType.FLOOD, day=dt.date(2024, 3, 12)),
    report("e6", source="f", killed=4, location=KIRKUK_AT, actors=("Islamic State",)),
    report("e7", source="g", killed=3, location=HAWIJA_AT, actors=("Islamic State",)),
    report("e1", source="a", killed=26, actors=("Islamic State",)),  # the same report again
)


def test_matching_on_summaries_gives_the_incidents_of_matching_on_whole_states() -> None:
    assert _resolve_all_by_summary(*MIXED_REPORTS) == resolve_all(*MIXED_REPORTS)


@pytest.mark.parametrize("candidate", MIXED_REPORTS[:7], ids=lambda r: r.event_id)
def test_a_summary_scores_a_report_as_its_whole_state_does(candidate: EventRecord) -> None:
    state = resolve_report(candidate, [], now=NOW).state
    summary = IncidentSummary.from_state_json(state.to_json())
    assert [match_score(r, summary) for r in MIXED_REPORTS] == [match_score(r, state) for r in MIXED_REPORTS]


def test_a_summarised_incident_that_cannot_be_read_is_an_error_not_a_new_incident() -> None:
    first = resolve_report(report("e1", killed=26), [], now=NOW).state
    summary = IncidentSummary.from_state_json(first.to_json())
    with pytest.raises(LookupError):
        resolve_report(report("e2", killed=26), [summary], now=NOW, load=lambda _: None)


# --- big incidents: a bounded state (retired reports) -------------------------------------

def _big_incident_reports(n: int) -> list[EventRecord]:
    """``n`` reports of one bombing from as many articles, an hour apart: tolls that grow,
    an official update early on, repeats, one report from another town (HAWIJA, a place only
    it names) and some with actors."""
    start = dt.datetime(2024, 3, 9, 18, 0, tzinfo=dt.UTC)
    out = []
    for i in range(n):
        kind = FigureKind.UPDATE if i == 12 else FigureKind.FIRST_REPORT
        killed = 30 if i == 12 else (50 if i == 3 else 10 + (i % 17))  # the update brings 50 down to 30
        out.append(report(f"r{i:04d}", source=f"outlet-{i % 23}", killed=killed, kind=kind,
                          wounded=(i % 40) or None, published=start + dt.timedelta(hours=i),
                          location=HAWIJA if i == 40 else KIRKUK,
                          actors=("Islamic State",) if i % 50 == 7 or i == 40 else ()))
    return out


def _resolve_one_incident(reports: list[EventRecord], keep: int) -> IncidentState:
    state: IncidentState | None = None
    for r in reports:
        res = resolve_report(r, [] if state is None else [IncidentSummary.from_state_json(state.to_json())],
                             now=NOW, load=lambda _iid, s=state: s, keep=keep)
        state = IncidentState.from_json(res.state.to_json())  # through the store, as the agent does
    assert state is not None
    return state


def test_a_big_incident_keeps_a_bounded_state_and_the_same_incident() -> None:
    reports = _big_incident_reports(4 * REPORTS_KEPT)
    bounded = _resolve_one_incident(reports, keep=REPORTS_KEPT)
    whole = _resolve_one_incident(reports, keep=10 * len(reports))
    assert len(whole.reports) == 4 * REPORTS_KEPT and not whole.retired
    assert len(bounded.reports) <= REPORTS_KEPT and len(bounded.reports) + len(bounded.retired) == 4 * REPORTS_KEPT
    # the same incident, revision included: retiring reports never changed it
    assert bounded.incident == whole.incident
    assert bounded.incident.killed is not None and bounded.incident.killed.best == 30  # the update stands
    assert len(bounded.incident.report_ids) == 4 * REPORTS_KEPT
    size = len(json.dumps(bounded.to_json()))
    assert size < len(json.dumps(whole.to_json())) / 2


def test_an_update_and_the_report_a_figure_comes_from_are_never_retired() -> None:
    state = _resolve_one_incident(_big_incident_reports(3 * REPORTS_KEPT), keep=REPORTS_KEPT)
    kept = {r.event_id for r in state.reports}
    assert "r0012" in kept  # the update (retiring it would let the earlier 50 back)
    assert state.incident.killed is not None and state.incident.killed.best == 30
    wounded_max = max((r.wounded.best for r in _big_incident_reports(3 * REPORTS_KEPT) if r.wounded), default=None)
    assert state.incident.wounded is not None and state.incident.wounded.best == wounded_max
    assert any(r.wounded is not None and r.wounded.best == wounded_max for r in state.reports)  # its source


def test_a_retired_report_delivered_again_changes_nothing() -> None:
    reports = _big_incident_reports(2 * REPORTS_KEPT)
    state = _resolve_one_incident(reports, keep=REPORTS_KEPT)
    retired_id = state.retired[0]["event_id"]
    again = next(r for r in reports if r.event_id == retired_id)
    res = resolve_report(again, [IncidentSummary.from_state_json(state.to_json())], now=NOW,
                         load=lambda _iid: state)
    assert not res.changed and res.state.incident == state.incident


def test_a_place_only_a_retired_report_named_still_joins_new_reports() -> None:
    state = _resolve_one_incident(_big_incident_reports(2 * REPORTS_KEPT), keep=REPORTS_KEPT)
    assert "r0040" in {r["event_id"] for r in state.retired}  # the Hawija report
    newcomer = report("hawija-late", killed=12, location=HAWIJA, published=dt.datetime(2024, 3, 20, tzinfo=dt.UTC))
    summary = IncidentSummary.from_state_json(state.to_json())
    assert match_score(newcomer, summary) == match_score(newcomer, state)
    assert "hawija" in summary.places
