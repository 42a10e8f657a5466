"""The article agent under faust's ``Agent.test_context()``: no broker, sends captured."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import AsyncIterator, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import pytest

from schemas import EventDate, EventRecord, Location, LocationPrecision, Range, RegionTally
from streams.agents import (
    TALLY_BOOK,
    TableCache,
    forget_caches,
    handle_batch,
    handle_contribution,
    handle_event_record,
)
from streams.app import Topology, agents_by_name, extractors, topology
from streams.settings import Settings
from streams.tallies import TallyAggregation

ARTICLE = json.dumps({
    "id": "a1", "source": "outlet-a", "title": "t", "body": "A car bomb killed 26 people in Kirkuk, Iraq.",
    "published_at": "2024-03-10T08:00:00Z",
}).encode()


@dataclass
class FakeResult:
    events: list[EventRecord]


@dataclass
class FakeExtractor:
    fail: bool = False
    seen: list[Any] = field(default_factory=list)

    def extract(self, article: Any) -> FakeResult:
        self.seen.append(article)
        if self.fail:
            raise RuntimeError("extractor bug")
        return FakeResult([EventRecord(
            event_id=f"{article.id}-0", article_id=article.id, extractor_version="fake",
            location=Location(name="Kirkuk", country="IQ", admin1_code="IQ-KI", precision=LocationPrecision.PLACE),
            occurred_on=EventDate(date=dt.date(2024, 3, 9), precision="day"), killed=Range.exact(26),
        )])


@pytest.fixture(autouse=True)
def fresh_agent_caches() -> Iterator[None]:
    """Each test is a fresh worker: no parsed incident or summary from another test's tables."""
    forget_caches()
    yield
    forget_caches()


@pytest.fixture
def sent(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, list[tuple[bytes | None, bytes]]]]:
    """What the agent sends, per topic name (instead of a producer: outputs go straight to
    faust's producer, not through ``Topic.send``)."""
    captured: dict[str, list[tuple[bytes | None, bytes]]] = {}

    async def send(topic: str, key: bytes | None, value: bytes, *_: Any, **__: Any) -> None:
        captured.setdefault(topic, []).append((key, value))

    monkeypatch.setattr(topology.events_topic.app.producer, "send", send)
    yield captured
    extractors.reset()


def use_extractor(monkeypatch: pytest.MonkeyPatch, extractor: FakeExtractor) -> None:
    extractors.reset(extractor)
    monkeypatch.setattr(extractors, "load", lambda: pytest.fail("the real extractor must not load here"))


async def test_good_article_becomes_an_event_keyed_by_region(monkeypatch: pytest.MonkeyPatch, sent: dict) -> None:
    extractor = FakeExtractor()
    use_extractor(monkeypatch, extractor)
    async with agents_by_name["process_articles"].test_context() as agent:
        await agent.put(ARTICLE, key=b"a1")
    [(key, value)] = sent[topology.events_topic.get_topic_name()]
    assert key == b"IQ-KI"
    assert EventRecord.model_validate_json(value).article_id == "a1"
    assert extractor.seen[0].published == dt.date(2024, 3, 10)


@pytest.mark.parametrize(
    ("value", "fail", "reason"),
    [
        (b"\xff\xfe not json", False, "invalid_json"),
        (b'{"id": "a2", "source": "x"}', False, "invalid_article"),
        (ARTICLE, True, "extraction_failed"),
    ],
)
async def test_bad_input_goes_to_dead_letter_and_agent_keeps_going(
    monkeypatch: pytest.MonkeyPatch, sent: dict, value: bytes, fail: bool, reason: str
) -> None:
    use_extractor(monkeypatch, FakeExtractor(fail=fail))
    async with agents_by_name["process_articles"].test_context() as agent:
        await agent.put(value, key=b"k1")
        await agent.put(b"[]", key=b"k2")  # the agent is still alive for the next message
    letters = [json.loads(v) for _, v in sent[topology.dead_letter_topic.get_topic_name()]]
    assert letters[0]["reason"] == reason
    assert letters[0]["original_key"] == "k1"
    assert letters[0]["topic"] == topology.articles_topic.get_topic_name()
    if value.startswith(b"\xff"):
        assert letters[0]["value_encoding"] == "base64"
    else:
        assert letters[0]["original_value"] == value.decode()
    assert letters[1]["reason"] == "invalid_article"


# ------------------------------------------------------------------ event and tally handlers
# The two stateful handlers chained in-process: tables are dicts, topics are lists.


@dataclass
class ListTopic:
    name: str
    sent: list[tuple[bytes | None, bytes]] = field(default_factory=list)

    async def send(self, *, key: bytes | None = None, value: bytes, **_: Any) -> None:
        self.sent.append((key, value))


@dataclass
class Msg:
    topic: str
    key: bytes | None
    value: bytes
    partition: int = 0
    offset: int = 0


@dataclass
class Ev:
    message: Msg

    @property
    def value(self) -> bytes:
        return self.message.value


def dict_topology() -> Topology:
    topics = ["articles_topic", "events_topic", "contributions_topic", "incidents_topic", "tallies_topic",
              "dead_letter_topic", "late_topic"]
    tables = ["incidents_by_id", "incident_index_by_region", "incident_id_by_report", "watermark_by_partition",
              "recent_events", "contributions_by_key", "tallies_by_key", "scopes_by_scope"]
    return Topology(settings=Settings(retention_days=90), **{t: ListTopic(t) for t in topics},
                    **{t: {} for t in tables})


async def feed(topo: Topology, report: EventRecord) -> str:
    """One report through the incident handler, then its contributions through the tally handler."""
    contributions = topo.contributions_topic
    before = len(contributions.sent)
    outcome = await handle_event_record(topo, Ev(Msg("events", report.region_key.encode(),
                                                     report.model_dump_json().encode())))
    for key, value in contributions.sent[before:]:
        await handle_contribution(topo, Ev(Msg("contributions", key, value)))
    return outcome


def tally(topo: Topology, key: str) -> RegionTally:
    return TallyAggregation.result(topo.tallies_by_key[key], updated_at=dt.datetime(2024, 1, 1, tzinfo=dt.UTC))


def kirkuk_report(event_id: str, killed: int, day: dt.date, **kw: Any) -> EventRecord:
    return EventRecord(
        event_id=event_id, article_id=f"art-{event_id}", extractor_version="fake",
        published_at=dt.datetime.combine(day, dt.time(20), tzinfo=dt.UTC),
        location=Location(name="Kirkuk", country="IQ", admin1="Kirkuk", admin1_code="IQ-KI",
                          precision=LocationPrecision.PLACE),
        occurred_on=EventDate(date=day, precision="day"), killed=Range.exact(killed), **kw,
    )


async def test_duplicate_report_moves_no_tally() -> None:
    topo = dict_topology()
    day = dt.date(2024, 3, 9)
    assert await feed(topo, kirkuk_report("e1", 26, day)) == "opened"
    snapshot = dict(topo.tallies_by_key)
    assert await feed(topo, kirkuk_report("e1", 26, day)) == "duplicate"
    assert topo.tallies_by_key == snapshot
    assert tally(topo, "IQ-KI|day|2024-03-09").killed.best == 26
    assert tally(topo, "IQ|day|2024-03-09").incidents == 1


async def test_report_beyond_retention_goes_to_late_topic() -> None:
    topo = dict_topology()
    await feed(topo, kirkuk_report("e1", 26, dt.date(2024, 7, 1)))
    assert await feed(topo, kirkuk_report("e0", 3, dt.date(2024, 3, 1))) == "late"
    [(key, value)] = topo.late_topic.sent
    assert key == b"IQ-KI" and json.loads(value)["reason"] == "too_late"
    assert "IQ-KI|day|2024-03-01" not in topo.tallies_by_key


async def test_report_within_retention_revises_its_past_window() -> None:
    topo = dict_topology()
    await feed(topo, kirkuk_report("e1", 26, dt.date(2024, 7, 1)))
    assert await feed(topo, kirkuk_report("e0", 3, dt.date(2024, 4, 10))) == "opened"
    assert tally(topo, "IQ-KI|7d|2024-04-08").killed.best == 3
    assert topo.scopes_by_scope["IQ-KI"]["windows"]["day"] == ["2024-04-10", "2024-07-01"]


async def test_misread_future_date_does_not_make_later_reports_late() -> None:
    topo = dict_topology()
    future = kirkuk_report("e9", 1, dt.date(2030, 1, 1)).model_copy(
        update={"published_at": dt.datetime(2024, 7, 2, 8, tzinfo=dt.UTC)})
    await feed(topo, future)
    assert topo.watermark_by_partition["0"] == "2024-07-03"
    assert await feed(topo, kirkuk_report("e1", 26, dt.date(2024, 7, 1))) == "opened"


# ------------------------------------------------------------------ per-worker query halves


async def test_local_queries_read_the_tables_the_handlers_wrote() -> None:
    from streams.web import local_incident, local_incidents, local_latest_date, local_tallies, local_top

    topo = dict_topology()
    await feed(topo, kirkuk_report("e1", 26, dt.date(2024, 3, 9)))
    await feed(topo, kirkuk_report("e2", 4, dt.date(2024, 3, 20)))
    days = local_tallies(topo, "IQ-KI", "day", None, None)
    assert [(t["window_start"], t["killed"]["best"]) for t in days or []] == [("2024-03-09", 26), ("2024-03-20", 4)]
    only_late = local_tallies(topo, "IQ-KI", "day", dt.date(2024, 3, 10), dt.date(2024, 3, 31))
    assert [t["window_start"] for t in only_late or []] == ["2024-03-20"]
    assert local_tallies(topo, "SY-DY", "day", None, None) is None
    assert local_latest_date(topo) == dt.date(2024, 3, 20)
    top = local_top(topo, "30d", "killed", dt.date(2024, 3, 9))
    assert {t["region"]: t["killed"]["best"] for t in top} == {"IQ-KI": 26, "IQ": 26}  # 30d: 02-17..03-18
    incidents = local_incidents(topo, "IQ-KI", 10) or []
    assert [i["occurred_on"] for i in incidents] == ["2024-03-20", "2024-03-09"]
    detail = local_incident(topo, incidents[1]["incident_id"])
    assert detail is not None and [r["event_id"] for r in detail["reports"]] == ["e1"]


async def test_a_country_lists_the_incidents_of_all_its_regions_held_here() -> None:
    from streams.web import local_incidents

    topo = dict_topology()
    await feed(topo, kirkuk_report("e1", 26, dt.date(2024, 3, 9)))
    nowhere = kirkuk_report("e2", 3, dt.date(2024, 3, 12)).model_copy(
        update={"location": Location(country="IQ", precision=LocationPrecision.COUNTRY)})
    await feed(topo, nowhere)
    incidents = local_incidents(topo, "IQ", 10) or []
    assert [(i["region"], i["occurred_on"]) for i in incidents] == [("IQ", "2024-03-12"), ("IQ-KI", "2024-03-09")]
    assert local_incidents(topo, "SY", 10) is None
    assert local_incidents(topo, "IQ-NI", 10) is None


async def test_recent_events_are_each_partitions_latest_reports_newest_published_first(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from streams import agents, web

    monkeypatch.setattr(agents, "RECENT_EVENTS_KEPT", 4)
    monkeypatch.setattr(web, "RECENT_EVENTS_KEPT", 4)
    topo = dict_topology()
    for n in range(7):  # partition 0 gets e0..e6, published a day apart: e3..e6 are its latest 4
        report = kirkuk_report(f"e{n}", n, dt.date(2024, 3, 1) + dt.timedelta(days=n))
        await handle_event_record(topo, Ev(Msg("events", b"IQ-KI", report.model_dump_json().encode(), partition=0)))
    other = kirkuk_report("far", 1, dt.date(2024, 2, 1)).model_copy(update={"event_id": "far"})
    await handle_event_record(topo, Ev(Msg("events", b"IQ-KI", other.model_dump_json().encode(), partition=1)))
    assert [e["event_id"] for e in web.local_recent_events(topo, 10)] == ["e6", "e5", "e4", "e3", "far"]
    assert [e["event_id"] for e in web.local_recent_events(topo, 2)] == ["e6", "e5"]
    assert len([k for k in topo.recent_events if not k.endswith(":head")]) == 5  # 4 slots + 1: bounded


async def test_a_report_delivered_again_is_listed_once_among_recent_events() -> None:
    from streams.web import local_recent_events

    topo = dict_topology()
    await feed(topo, kirkuk_report("e1", 26, dt.date(2024, 3, 9)))
    await feed(topo, kirkuk_report("e1", 26, dt.date(2024, 3, 9)))
    await feed(topo, kirkuk_report("e2", 4, dt.date(2024, 3, 10)))
    assert [e["event_id"] for e in local_recent_events(topo, 10)] == ["e2", "e1"]


async def test_a_recent_event_slot_left_behind_the_head_by_a_crash_is_not_listed() -> None:
    from streams.agents import recent_head_key
    from streams.web import local_recent_events

    topo = dict_topology()
    await feed(topo, kirkuk_report("e1", 26, dt.date(2024, 3, 9)))
    await feed(topo, kirkuk_report("e2", 4, dt.date(2024, 3, 10)))
    # the head's write landed for a third report, its slot's did not: slot 2 holds nothing
    # of seq 2 (here nothing at all), and after a wrap it would hold an older seq
    topo.recent_events[recent_head_key(0)] = 3
    assert [e["event_id"] for e in local_recent_events(topo, 10)] == ["e2", "e1"]
    topo.recent_events["0:1"] = {"seq": 1 - 500, "event": {"event_id": "stale"}}
    assert [e["event_id"] for e in local_recent_events(topo, 10)] == ["e1"]


async def test_contribution_redelivered_after_a_partial_write_counts_once() -> None:
    """A crash can leave some window writes in the changelog and not the stored contribution:
    the redelivered contribution must not count twice where it already landed."""
    topo = dict_topology()
    await feed(topo, kirkuk_report("e1", 26, dt.date(2024, 3, 9)))
    key = "IQ-KI|" + next(k.split("|", 1)[1] for k in topo.contributions_by_key if k.startswith("IQ-KI|"))
    del topo.contributions_by_key[key]  # as if the crash came before this write
    forget_caches()  # the worker restarts after the crash: its window sums are rebuilt
    _, value = next((k, v) for k, v in topo.contributions_topic.sent if k == b"IQ-KI")
    await handle_contribution(topo, Ev(Msg("contributions", b"IQ-KI", value)))
    assert tally(topo, "IQ-KI|day|2024-03-09").killed.best == 26
    assert tally(topo, "IQ-KI|day|2024-03-09").incidents == 1
    # the window is published again with the same figures, under a newer revision (never older)
    assert tally(topo, "IQ-KI|day|2024-03-09").revision == 2


async def test_window_sums_are_rebuilt_from_the_stored_contributions_after_a_restart() -> None:
    topo = dict_topology()
    await feed(topo, kirkuk_report("e1", 26, dt.date(2024, 3, 9)))
    await feed(topo, kirkuk_report("e2", 4, dt.date(2024, 3, 10)))
    before = {k: dict(v) for k, v in topo.tallies_by_key.items()}
    topo.tallies_by_key["IQ-KI|7d|2024-03-04"] = {**before["IQ-KI|7d|2024-03-04"], "killed": {
        "min": 999, "best": 999, "max": 999, "unbounded": 0, "vague": 0}}  # a stale copy: not the truth
    forget_caches()
    book = TALLY_BOOK.states(topo)
    assert {k: (v["killed"]["best"], v["incidents"], v["revision"]) for k, v in book.items()} == {
        k: (v["killed"]["best"], v["incidents"], v["revision"]) for k, v in before.items()}


async def test_report_recorded_but_missing_from_its_incident_is_resolved_again() -> None:
    """A crash can leave ``incident_id_by_report`` written and the incident state not."""
    topo = dict_topology()
    await feed(topo, kirkuk_report("e1", 26, dt.date(2024, 3, 9)))
    topo.incident_id_by_report["e2"] = next(iter(topo.incidents_by_id))
    assert await feed(topo, kirkuk_report("e2", 40, dt.date(2024, 3, 9))) == "merged"
    assert tally(topo, "IQ-KI|day|2024-03-09").killed.best == 40


# ------------------------------------------------------------------ batches


def _event(topic: str, key: bytes | None, value: bytes, partition: int = 0) -> Ev:
    return Ev(Msg(topic, key, value, partition=partition))


async def feed_batch(topo: Topology, reports: list[EventRecord], cache: TableCache | None = None) -> list[str]:
    """The reports as one batch through the incident handler, then what it sent to the
    contributions topic as one batch through the tally handler (a partition per scope)."""
    contributions = topo.contributions_topic
    before = len(contributions.sent)
    events = [_event("events", r.region_key.encode(), r.model_dump_json().encode()) for r in reports]
    outcomes = await handle_batch(topo, handle_event_record, events, cache)
    await handle_batch(topo, handle_contribution, [_event("contributions", k, v, partition=len(k or b"") % 2)
                                                   for k, v in contributions.sent[before:]], cache)
    return outcomes


def _without_clock(tallies: dict[str, Any]) -> dict[str, Any]:
    # revisions count the changes seen: a batch coalesces several into one
    return {k: {f: v for f, v in state.items() if f not in ("updated_at", "revision")} for k, state in tallies.items()}


def _batch_reports() -> list[EventRecord]:
    day = dt.date(2024, 3, 9)
    return [
        kirkuk_report("e1", 26, day),
        kirkuk_report("e2", 30, day),  # same bombing, larger figure
        kirkuk_report("e3", 4, day + dt.timedelta(days=9)),
        kirkuk_report("e1", 26, day),  # the same report again
    ]


async def test_a_batch_ends_with_the_state_of_the_same_reports_one_by_one() -> None:
    one_by_one, batched = dict_topology(), dict_topology()
    for report in _batch_reports():
        await feed(one_by_one, report)
    forget_caches()  # the batched run is another worker
    assert await feed_batch(batched, _batch_reports()) == ["opened", "merged", "opened", "duplicate"]
    assert _without_clock(batched.tallies_by_key) == _without_clock(one_by_one.tallies_by_key)
    assert batched.contributions_by_key == one_by_one.contributions_by_key
    assert batched.scopes_by_scope == one_by_one.scopes_by_scope
    assert tally(batched, "IQ-KI|day|2024-03-09").killed.best == 30


async def test_a_batch_publishes_each_tally_once() -> None:
    topo = dict_topology()
    await feed_batch(topo, _batch_reports())
    keys = [k for k, _ in topo.tallies_topic.sent]
    assert len(keys) == len(set(keys))
    assert len({k for k, _ in topo.incidents_topic.sent}) == len(topo.incidents_topic.sent)


async def test_a_batch_redelivered_after_a_partial_write_counts_once() -> None:
    """A crash while a batch's writes are flushed leaves some keys written and others not;
    faust redelivers the whole batch, which must land on the same tallies."""
    topo = dict_topology()
    await feed_batch(topo, _batch_reports())
    expected = _without_clock(topo.tallies_by_key)
    topo.incident_id_by_report.clear()
    topo.incident_index_by_region.clear()
    for key in list(topo.contributions_by_key)[::2]:
        del topo.contributions_by_key[key]
    forget_caches()  # the worker restarts after the crash
    await feed_batch(topo, _batch_reports())
    figures = ("incidents", "reports", "killed", "wounded", "displaced")
    assert {k: [v[f] for f in figures] for k, v in _without_clock(topo.tallies_by_key).items()} == {
        k: [v[f] for f in figures] for k, v in expected.items()}
    assert tally(topo, "IQ-KI|day|2024-03-09").killed.best == 30
    assert tally(topo, "IQ|30d|2024-02-17").incidents == 1


async def test_a_failing_message_in_a_batch_is_a_dead_letter_and_the_rest_lands() -> None:
    topo = dict_topology()
    good = kirkuk_report("e1", 26, dt.date(2024, 3, 9))
    events = [_event("events", b"IQ-KI", b"not json"), _event("events", b"IQ-KI", good.model_dump_json().encode())]
    assert await handle_batch(topo, handle_event_record, events) == ["invalid", "opened"]
    assert json.loads(topo.dead_letter_topic.sent[0][1])["reason"] == "processing_failed"
    assert len(topo.incidents_by_id) == 1


async def test_batches_sharing_a_table_cache_end_with_the_state_of_one_by_one() -> None:
    one_by_one, batched, cache = dict_topology(), dict_topology(), TableCache(max_per_table=3)
    for report in _batch_reports():
        await feed(one_by_one, report)
    forget_caches()  # the batched run is another worker
    for report in _batch_reports():  # one batch per report: every read after the first is cached
        await feed_batch(batched, [report], cache)
    assert _without_clock(batched.tallies_by_key) == _without_clock(one_by_one.tallies_by_key)
    assert batched.incidents_by_id == one_by_one.incidents_by_id


# ------------------------------------------------------------------ a batch that cannot be written


async def test_a_batch_that_cannot_be_written_crashes_the_worker_instead_of_skipping_it() -> None:
    from streams.agents import consume_batches

    async def batches() -> AsyncIterator[list[int]]:
        for batch in ([1, 2], [3], [4, 5]):
            yield batch

    handled: list[list[int]] = []
    crashes: list[BaseException] = []

    async def handle(events: Sequence[int]) -> None:
        if events == [3]:
            raise OSError("changelog produce failed")
        handled.append(list(events))

    async def crash(exc: BaseException) -> None:
        crashes.append(exc)

    with pytest.raises(OSError, match="changelog produce failed"):
        await consume_batches(batches(), handle, crash)
    assert handled == [[1, 2]]  # nothing after the failed batch was handled (or acked)
    assert [str(c) for c in crashes] == ["changelog produce failed"]


class _FailingOnce(dict):
    """A table whose first read fails (a bug or a store error in the middle of a handler)."""

    failed = False

    def get(self, key: Any, default: Any = None) -> Any:
        if not self.failed:
            self.failed = True
            raise OSError("store read failed")
        return super().get(key, default)


async def test_a_contribution_that_fails_midway_leaves_no_sums_out_of_step_with_the_store() -> None:
    topo = dict_topology()
    await feed(topo, kirkuk_report("e1", 26, dt.date(2024, 3, 9)))
    before = len(topo.contributions_topic.sent)
    await handle_event_record(topo, Ev(Msg("events", b"IQ-KI", kirkuk_report(
        "e2", 5, dt.date(2024, 3, 20)).model_dump_json().encode())))
    key, value = next((k, v) for k, v in topo.contributions_topic.sent[before:] if k == b"IQ-KI")
    failing = dataclasses.replace(topo, scopes_by_scope=_FailingOnce(topo.scopes_by_scope))
    with pytest.raises(OSError):  # the sums moved, the contribution was not stored
        await handle_contribution(failing, Ev(Msg("contributions", key, value)))
    assert not TALLY_BOOK.ready  # so they are rebuilt from the store at the next contribution
    await handle_contribution(failing, Ev(Msg("contributions", key, value)))  # redelivered
    assert tally(topo, "IQ-KI|30d|2024-03-18").killed.best == 5
    assert tally(topo, "IQ-KI|30d|2024-02-17").killed.best == 26
    assert TALLY_BOOK.get("IQ-KI|30d|2024-03-18")["incidents"] == 1


# ------------------------------------------------------------------ expiry beyond the retention


def short_retention_topology(days: int = 10) -> Topology:
    # one partition: every region is held on the partition the tests' messages come from
    return dataclasses.replace(dict_topology(), settings=Settings(retention_days=days, partitions=1))


def nineveh_report(event_id: str, killed: int, day: dt.date) -> EventRecord:
    return kirkuk_report(event_id, killed, day).model_copy(update={"location": Location(
        name="Mosul", country="IQ", admin1="Nineveh", admin1_code="IQ-NI", precision=LocationPrecision.PLACE)})


def _figures(topo: Topology) -> dict[str, tuple[int, int, int]]:
    from streams.web import _window_state

    return {key: (s["killed"]["best"], s["incidents"], s["reports"])
            for key in topo.tallies_by_key if (s := _window_state(topo, key)) is not None}


async def test_incidents_beyond_the_retention_leave_the_state_and_the_tallies_keep_their_figures() -> None:
    topo = short_retention_topology(10)
    await feed(topo, kirkuk_report("e1", 26, dt.date(2024, 3, 1)))
    await feed(topo, nineveh_report("n1", 7, dt.date(2024, 3, 2)))
    await feed(topo, kirkuk_report("e2", 4, dt.date(2024, 3, 12)))  # 11 days on: not yet beyond 10 + 2
    assert len(topo.incidents_by_id) == 3
    before = _figures(topo)
    await feed(topo, kirkuk_report("e3", 2, dt.date(2024, 3, 20)))  # horizon 2024-03-08
    kept = {s["incident"]["report_ids"][0] for s in topo.incidents_by_id.values()}
    assert kept == {"e2", "e3"}  # Nineveh's old incident too, though Nineveh got no new report
    assert set(topo.incident_id_by_report) == {"e2", "e3"}
    live = [v for v in topo.contributions_by_key.values() if not v.get("folded")]
    assert {v["incident_id"] for v in live} == set(topo.incidents_by_id) and len(live) == 4  # 2 incidents x 2 scopes
    folded = [k for k, v in topo.contributions_by_key.items() if v.get("folded")]
    assert len(folded) == 4  # the expired ones leave a small marker: a redelivery finds it
    after = _figures(topo)
    assert {k: v for k, v in after.items() if k in before} == before
    assert after["IQ|30d|2024-02-17"] == (26 + 7 + 4, 3, 3)  # 02-17..03-18: two expired, one live
    assert after["IQ-NI|day|2024-03-02"] == (7, 1, 1)
    assert topo.incident_index_by_region["IQ-NI"] == []


async def test_a_report_of_an_expired_incident_delivered_again_is_late_and_counts_nothing() -> None:
    topo = short_retention_topology(10)
    await feed(topo, kirkuk_report("e1", 26, dt.date(2024, 3, 1)))
    await feed(topo, kirkuk_report("e3", 2, dt.date(2024, 3, 20)))
    before = _figures(topo)
    assert await feed(topo, kirkuk_report("e1", 26, dt.date(2024, 3, 1))) == "late"
    assert _figures(topo) == before


async def test_windows_are_rebuilt_from_their_bases_and_the_live_contributions_after_a_restart() -> None:
    topo = short_retention_topology(10)
    await feed(topo, kirkuk_report("e1", 26, dt.date(2024, 3, 1)))
    await feed(topo, kirkuk_report("e2", 4, dt.date(2024, 3, 14)))
    await feed(topo, kirkuk_report("e3", 2, dt.date(2024, 3, 15)))  # joins e2's incident; e1 expires
    before = _figures(topo)
    forget_caches()  # a restarted worker
    assert _figures(topo) == before
    TALLY_BOOK.states(topo)
    assert "IQ-KI|day|2024-03-01" not in TALLY_BOOK.states(topo)  # expired only: not held in memory
    assert _figures(topo) == before
    await feed(topo, kirkuk_report("e4", 10, dt.date(2024, 3, 10)))  # the mixed window moves on its base
    assert before["IQ-KI|30d|2024-02-17"] == (26 + 4, 2, 3)
    assert _figures(topo)["IQ-KI|30d|2024-02-17"] == (26 + 4 + 10, 3, 4)
    assert _figures(topo)["IQ-KI|day|2024-03-01"] == (26, 1, 1)


async def test_a_fold_redelivered_after_a_crash_between_its_two_writes_counts_once() -> None:
    topo = short_retention_topology(10)
    await feed(topo, kirkuk_report("e1", 26, dt.date(2024, 3, 1)))
    stored = dict(topo.contributions_by_key)
    sent = len(topo.contributions_topic.sent)
    await feed(topo, kirkuk_report("e3", 2, dt.date(2024, 3, 20)))
    folds = [(k, v) for k, v in topo.contributions_topic.sent[sent:] if json.loads(v).get("expire")]
    assert {k for k, _ in folds} == {b"IQ-KI", b"IQ"}
    before = _figures(topo)
    topo.contributions_by_key.update(stored)  # the windows' bases landed, the deletions did not
    forget_caches()
    assert _figures(topo) == before and TALLY_BOOK.states(topo)
    assert _figures(topo) == before  # the rebuild skips what a base lists as folded
    for key, value in folds:  # the batch is redelivered
        await handle_contribution(topo, Ev(Msg("contributions", key, value)))
    assert _figures(topo) == before
    assert sorted(v["day"] for v in topo.contributions_by_key.values() if not v.get("folded")) == [
        "2024-03-20", "2024-03-20"]


async def test_a_batch_redelivered_after_its_fold_landed_counts_nothing_again() -> None:
    """A crash after the fold's writes and before the offsets' commit: the incident's own
    messages come again (its contribution, then its fold), and must find the marker."""
    topo = short_retention_topology(10)
    sent = len(topo.contributions_topic.sent)
    await feed(topo, kirkuk_report("e1", 26, dt.date(2024, 3, 1)))
    await feed(topo, kirkuk_report("e3", 2, dt.date(2024, 3, 20)))
    before = _figures(topo)
    redelivered = [(k, v) for k, v in topo.contributions_topic.sent[sent:]]
    forget_caches()  # the restarted worker
    for key, value in redelivered:
        await handle_contribution(topo, Ev(Msg("contributions", key, value)))
    assert _figures(topo) == before
    assert _figures(topo)["IQ-KI|day|2024-03-01"] == (26, 1, 1)


async def test_folded_markers_are_swept_long_after_the_retention() -> None:
    topo = short_retention_topology(10)
    await feed(topo, kirkuk_report("e1", 26, dt.date(2024, 3, 1)))
    await feed(topo, kirkuk_report("e3", 2, dt.date(2024, 3, 20)))
    assert [v for v in topo.contributions_by_key.values() if v.get("folded")]
    await feed(topo, nineveh_report("n4", 1, dt.date(2024, 3, 22)))  # not yet 2 x 10 + 2 days past 1 March
    assert [v for v in topo.contributions_by_key.values() if v.get("folded")]
    await feed(topo, kirkuk_report("e5", 1, dt.date(2024, 4, 1)))
    assert not [v for v in topo.contributions_by_key.values() if v.get("folded") and v["day"] == "2024-03-01"]
    assert _figures(topo)["IQ-KI|day|2024-03-01"] == (26, 1, 1)


async def test_expiry_in_batches_ends_with_the_state_of_the_same_reports_one_by_one() -> None:
    reports = [kirkuk_report("e1", 26, dt.date(2024, 3, 1)), nineveh_report("n1", 7, dt.date(2024, 3, 2)),
               kirkuk_report("e2", 30, dt.date(2024, 3, 1)), kirkuk_report("e3", 4, dt.date(2024, 3, 20)),
               nineveh_report("n2", 1, dt.date(2024, 3, 21))]
    one_by_one, batched = short_retention_topology(10), short_retention_topology(10)
    for report in reports:
        await feed(one_by_one, report)
    forget_caches()
    cache = TableCache()
    await feed_batch(batched, reports[:2], cache)
    await feed_batch(batched, reports[2:], cache)  # e2 merges, then e3 expires that incident in one batch

    def sums(tallies: dict[str, Any]) -> dict[str, Any]:
        # a base lists the incidents folded in whose deletion may not be written yet: in a batch,
        # more of them than one by one (the deletions land at the end of the batch)
        return {k: {**v, "base": {f: x for f, x in v.get("base", {}).items() if f != "folded"}}
                for k, v in _without_clock(tallies).items()}

    assert sums(batched.tallies_by_key) == sums(one_by_one.tallies_by_key)
    assert batched.contributions_by_key == one_by_one.contributions_by_key
    assert set(batched.incidents_by_id) == set(one_by_one.incidents_by_id) and len(batched.incidents_by_id) == 2
    assert tally(batched, "IQ-KI|day|2024-03-01").killed.best == 30


async def test_a_fold_interrupted_after_its_window_writes_is_finished_by_the_redelivery() -> None:
    """The batch that raised an incident's toll also expired it; the crash came after the
    windows (with their bases) were written and before the contributions were: the
    redelivered messages must not move the windows by the old -> new difference again."""
    topo = short_retention_topology(10)
    await feed(topo, kirkuk_report("e1", 26, dt.date(2024, 3, 1)))
    before_batch = {k: dict(v) for k, v in topo.contributions_by_key.items()}
    sent = len(topo.contributions_topic.sent)
    await feed(topo, kirkuk_report("e2", 30, dt.date(2024, 3, 1)))  # the toll rises to 30 ...
    await feed(topo, kirkuk_report("e3", 2, dt.date(2024, 3, 20)))  # ... and the incident expires
    after = _figures(topo)
    assert after["IQ-KI|day|2024-03-01"] == (30, 1, 2)
    topo.contributions_by_key.clear()
    topo.contributions_by_key.update(before_batch)  # the windows landed, the contributions did not
    forget_caches()
    for key, value in topo.contributions_topic.sent[sent:]:  # the batch is redelivered
        await handle_contribution(topo, Ev(Msg("contributions", key, value)))
    assert _figures(topo) == after


# ------------------------------------------------------------------ writes past faust's own path


async def test_batch_table_writes_reach_store_and_changelog_as_faust_encodes_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import asyncio

    import faust
    from aiokafka.structs import RecordMetadata, TopicPartition

    from streams.agents import _BufferedTable

    app = faust.App("write-through-test", store="memory://", autodiscover=False)
    table = app.Table("t", default=None, partitions=4,
                      schema=faust.Schema(key_serializer="json", value_serializer="json"))
    changelog = table.changelog_topic.get_topic_name()
    sent: list[tuple[str, bytes, bytes, int]] = []
    futures: list[asyncio.Future] = []

    async def send(topic: str, key: bytes, value: bytes, partition: int, *_: Any) -> asyncio.Future:
        sent.append((topic, key, value, partition))
        future = asyncio.get_running_loop().create_future()
        futures.append(future)
        return future

    monkeypatch.setattr(app.producer, "send", send)
    persisted: list[tuple[TopicPartition, int]] = []
    monkeypatch.setattr(table.data, "set_persisted_offset", lambda tp, offset: persisted.append((tp, offset)))
    view = _BufferedTable(table, "t")
    view["a"] = {"n": 1}
    view["b"] = [1, 2]
    view["a"] = {"n": 2}  # the last value of a key is the one written, once

    assert await view.flush(partition=2) == 2

    assert table.data["a"] == {"n": 2} and table.data["b"] == [1, 2]
    encode = app.serializers.dumps_value
    assert sent == [(changelog, encode(None, "a", serializer="json"), encode(None, {"n": 2}, serializer="json"), 2),
                    (changelog, encode(None, "b", serializer="json"), encode(None, [1, 2], serializer="json"), 2)]
    tp = TopicPartition(changelog, 2)
    for offset, future in enumerate(futures, start=10):
        future.set_result(RecordMetadata(changelog, 2, tp, offset, -1, 0, -1))
    await asyncio.sleep(0)
    assert persisted == [(tp, 11)]  # the flush's last record, once acknowledged
