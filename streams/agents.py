"""The stream agents: articles -> events -> incidents -> tallies, errors as data.

* ``process_articles`` (``articles``): bytes -> ``Article`` -> extraction -> one
  ``EventRecord`` per event on ``events``, keyed by region key. Undecodable or invalid input
  and extraction failures go to the dead-letter topic; the agent keeps going.
* ``resolve_incidents`` (``events``, partitioned by region): merges reports into incidents
  (``streams.incidents``), publishes ``Incident`` upserts, and sends each incident's
  contribution per tally scope (region, country) to the internal contributions topic,
  keyed by scope. Reports older than the retention go to ``events.late``.
* ``tally_contributions`` (contributions topic, partitioned by scope): replaces the stored
  contribution of an incident with the new one, moving every window by the difference
  (``streams.tallies``), and publishes ``RegionTally`` upserts.

Each handler is an ordinary coroutine over one faust ``Event`` so it can be tested alone.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import dataclasses
import datetime as dt
import logging
import os
import sys
import time
import traceback
import weakref
from collections import OrderedDict
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

import faust
import faust.streams
import orjson
import pydantic
from aiokafka.partitioner import DefaultPartitioner

from schemas import Article, DeadLetter, EventRecord, Incident, WindowKind
from schemas.json_codec import dump_model, dumps, loads
from streams.incidents import (
    MATCH_WINDOW_DAYS,
    IncidentState,
    IncidentSummary,
    event_date,
    resolve_report,
)
from streams.tallies import (
    Contribution,
    TallyAggregation,
    apply_moves,
    contributions_for,
    fold_into_base,
    folded_in,
    rebuild,
    scopes_for,
    tally_key,
    tally_moves,
    window_from_stored,
    window_keys,
    windows_for,
)

__all__ = [
    "BATCH_MAX",
    "RECENT_EVENTS_KEPT",
    "ExtractorHolder",
    "TALLY_BOOK",
    "TableCache",
    "TallyBook",
    "consume_batches",
    "dead_letter_for",
    "forget_caches",
    "handle_article",
    "handle_batch",
    "handle_contribution",
    "handle_event_record",
    "partition_for_key",
    "recent_head_key",
    "recent_slot_key",
    "register",
    "send_to",
]

if TYPE_CHECKING:
    from streams.app import Topology

log = logging.getLogger(__name__)

#: how many of its latest event records each partition of ``events`` keeps for
#: ``/api/events/recent`` (a ring of slots in ``recent_events``: see ``_remember_recent``).
RECENT_EVENTS_KEPT = 500
#: the stateful agents take up to BATCH_MAX messages, waiting at most
#: ``settings.batch_within_ms`` for more: each table key and each upserted output key is
#: then written once per batch and partition, not once per message (docs/STREAMING.md, "Batches").
BATCH_MAX = 1000


_PARTITIONER = DefaultPartitioner()


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class ExtractorHolder:
    """Loads the extractor (and its gazetteer) once per worker, off the event loop."""

    def __init__(self, topo: Topology) -> None:
        self._topo = topo
        self._extractor: Any = None
        self._lock = asyncio.Lock()
        self._failed = False

    @property
    def status(self) -> str:
        """``ready``, ``loading`` or ``failed`` (reported by ``/health``)."""
        if self._extractor is not None:
            return "ready"
        return "failed" if self._failed else "loading"

    def load(self) -> Any:
        from extraction import Extractor
        from extraction.geo import Gazetteer

        started = time.monotonic()
        extractor = Extractor(gazetteer=Gazetteer.load(self._topo.settings.gazetteer_cache_dir))
        log.info("extractor loaded in %.1fs", time.monotonic() - started)
        return extractor

    def preload(self) -> None:
        """Load now, blocking (before the worker starts: a load on a running worker holds the
        GIL for seconds and starves the Kafka consumer thread's heartbeats)."""
        started = time.monotonic()
        print("crisis-stream: loading the extractor (gazetteer)...", file=sys.stderr, flush=True)
        try:
            self._extractor = self.load()
        except Exception:  # the articles then go to the dead-letter topic as extraction_failed
            self._failed = True
            traceback.print_exc()
            return
        print(f"crisis-stream: extractor loaded in {time.monotonic() - started:.1f}s", file=sys.stderr, flush=True)

    def reset(self, extractor: Any = None) -> None:
        """Forget the loaded extractor, or use ``extractor`` instead (tests)."""
        self._extractor = extractor

    async def get(self) -> Any:
        if self._extractor is None:
            async with self._lock:
                if self._extractor is None:
                    try:
                        self._extractor = await asyncio.get_running_loop().run_in_executor(None, self.load)
                    except Exception:
                        self._failed = True
                        raise
        return self._extractor


def _text_or_base64(data: bytes | None) -> tuple[str | None, str]:
    if data is None:
        return None, "utf-8"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return base64.b64encode(data).decode("ascii"), "base64"


def dead_letter_for(event: faust.EventT, reason: str, error: BaseException | str) -> DeadLetter:
    """A ``DeadLetter`` keeping the message whole, with where it came from and why it failed."""
    message = event.message
    key, _ = _text_or_base64(message.key if isinstance(message.key, bytes | None) else str(message.key).encode())
    raw = message.value if isinstance(message.value, bytes) else dumps(message.value)
    value, encoding = _text_or_base64(raw)
    return DeadLetter(
        reason=reason,  # type: ignore[arg-type]
        error=error if isinstance(error, str) else f"{type(error).__name__}: {error}",
        original_key=key,
        original_value=value or "",
        value_encoding=encoding,  # type: ignore[arg-type]
        topic=message.topic,
        partition=message.partition,
        offset=message.offset,
        failed_at=_utcnow(),
    )


async def _send_dead_letter(topic: Any, event: faust.EventT, reason: str, error: BaseException | str) -> None:
    letter = dead_letter_for(event, reason, error)
    log.warning(
        "dead letter %s from %s[%s]@%s: %s", reason, letter.topic, letter.partition, letter.offset, letter.error
    )
    await send_to(topic, event.message.key, dump_model(letter))


async def send_to(topic: Any, key: bytes | None, value: bytes) -> None:
    """Send one message to ``topic``.

    A faust topic's message goes straight to faust's producer (``Producer.send``: the app's
    one aiokafka producer, which faust flushes before it commits any offset, so crash safety
    is that of ``Topic.send``). What ``Topic.send`` adds on the way, per message, is a
    ``FutureMessage``, send sensors and a completion callback that nothing here reads, for
    ~12 outputs per article. Anything else (a batch's outbox, a test double) gets its own
    ``send``."""
    if isinstance(topic, faust.topics.Topic):
        await topic.app.producer.send(topic.get_topic_name(), key, value, None, None, None)
    else:
        await topic.send(key=key, value=value)


def _article_input(article: Article) -> Any:
    from extraction import ArticleInput

    return ArticleInput(
        id=article.id,
        text=article.body,
        title=article.title,
        published=article.published_at.date(),
        published_at=article.published_at,
        source=article.source,
        url=article.url,
    )


async def handle_article(topo: Topology, extractors: ExtractorHolder, event: faust.EventT) -> int:
    """Decode, validate and extract one article message; returns the number of events sent."""
    raw = event.value
    try:
        data = loads(raw)
    except (orjson.JSONDecodeError, TypeError) as exc:
        await _send_dead_letter(topo.dead_letter_topic, event, "invalid_json", exc)
        return 0
    try:
        article = Article.model_validate(data)
    except pydantic.ValidationError as exc:
        await _send_dead_letter(topo.dead_letter_topic, event, "invalid_article", str(exc))
        return 0
    try:
        extractor = await extractors.get()
        records = extractor.extract(_article_input(article)).events
    except Exception as exc:  # any extractor bug is data for the dead-letter topic, not a crash
        await _send_dead_letter(topo.dead_letter_topic, event, "extraction_failed", exc)
        return 0
    for record in records:
        await send_to(topo.events_topic, record.region_key.encode(), dump_model(record))
    return len(records)


#: parsed incident states by incident id, with the fingerprint of the stored value they come
#: from: a busy region's open incidents are read for every report that may join them, and
#: parsing one (pydantic, every report in it) costs far more than reading it.
_PARSED_STATES: OrderedDict[str, tuple[tuple[Any, ...], IncidentState]] = OrderedDict()
PARSED_STATES_MAX = 512


def _fingerprint(data: dict[str, Any]) -> tuple[Any, ...]:
    # an incident's state is a function of its reports (rebuilt from them in order), and its
    # revision moves whenever it changes: same id, revision and report ids = same state
    incident = data["incident"]
    return incident.get("revision"), tuple(incident.get("report_ids") or ()), len(data["reports"])


def _remember_state(incident_id: str, data: dict[str, Any], state: IncidentState) -> None:
    _PARSED_STATES[incident_id] = (_fingerprint(data), state)
    _PARSED_STATES.move_to_end(incident_id)
    while len(_PARSED_STATES) > PARSED_STATES_MAX:
        _PARSED_STATES.popitem(last=False)


#: what matching reads of each incident (``IncidentSummary``), by incident id: small, read
#: from the stored JSON without pydantic, and kept for many more incidents than the parsed
#: states above (a report is matched against every open incident of its region within the
#: date window; only the one it joins is parsed whole). Written through on every incident
#: write, cleared with the table caches on every rebalance.
_SUMMARIES: OrderedDict[str, IncidentSummary] = OrderedDict()
SUMMARIES_MAX = 20_000


def _remember_summary(summary: IncidentSummary) -> None:
    _SUMMARIES[summary.incident_id] = summary
    _SUMMARIES.move_to_end(summary.incident_id)
    while len(_SUMMARIES) > SUMMARIES_MAX:
        _SUMMARIES.popitem(last=False)


def _load_summary(topo: Topology, incident_id: str) -> IncidentSummary | None:
    hit = _SUMMARIES.get(incident_id)
    if hit is not None:
        _SUMMARIES.move_to_end(incident_id)
        return hit
    data = topo.incidents_by_id.get(incident_id)
    if data is None:
        return None
    summary = IncidentSummary.from_state_json(data)
    _remember_summary(summary)
    return summary


class TallyBook:
    """The window sums of the contribution partitions this worker holds, in memory.

    Derived, never trusted from storage: a window's sums are its *base* (the incidents that
    have expired from the state, folded in for good, stored with the window in
    ``tallies_by_key``) plus the live contributions in ``contributions_by_key`` (the truth
    for every incident still within the retention). Built at the first contribution after
    every assignment, then moved by ``old -> new`` differences read from that same table,
    message by message. A crash between a contribution's write and its windows' writes
    cannot leave them out of step: the next worker rebuilds the sums from the store.

    Only windows with live contributions are held after a rebuild; a window whose
    incidents have all expired is read from its stored copy when something touches it, and
    is dropped from memory once its last live incident is folded. So memory and the rebuild
    scale with the retention, not with the history.
    """

    def __init__(self) -> None:
        self._states: dict[str, dict[str, Any]] | None = None
        #: per contributions partition, the newest incident day its folded markers were
        #: last swept at, since the last assignment (``_sweep_folded``)
        self.swept_day: dict[int, dt.date] = {}

    @property
    def ready(self) -> bool:
        return self._states is not None

    def clear(self) -> None:
        self._states = None
        self.swept_day.clear()

    def states(self, topo: Topology) -> dict[str, dict[str, Any]]:
        if self._states is None:
            started = time.monotonic()
            contributions = [Contribution.from_json(v) for _, v in topo.contributions_by_key.items()
                             if v is not None and not _is_folded(v)]
            # The stored windows are read by iterating the table: a faust table read by key inside
            # a batch looks only in the partition of the current message, and these windows are
            # spread over every contributions partition this worker holds.
            needed = window_keys(contributions)
            states = rebuild(contributions, {k: v for k, v in topo.tallies_by_key.items() if v and k in needed})
            self._states = states
            log.info("tally windows rebuilt from %d stored contributions: %d windows in %.2fs", len(contributions),
                     len(states), time.monotonic() - started)
        return self._states

    def window(self, topo: Topology, scope: str, kind: WindowKind, start: dt.date,
               end: dt.date) -> dict[str, Any] | None:
        """The window's state (``None``: no such window yet), loading a base-only window."""
        states = self.states(topo)
        key = tally_key(scope, kind, start)
        state = states.get(key)
        if state is None:
            # read in the batch of the window's own scope: the current message's partition
            stored = topo.tallies_by_key.get(key)
            if stored:
                state = states[key] = window_from_stored(stored, scope, kind, start, end)
        return state

    def get(self, key: str) -> dict[str, Any] | None:
        return None if self._states is None else self._states.get(key)

    def forget(self, key: str) -> None:
        if self._states is not None:
            self._states.pop(key, None)


#: this worker's window sums (``TallyBook``); cleared with the caches on every rebalance.
TALLY_BOOK = TallyBook()


def forget_caches() -> None:
    """Drop the parsed incident states, summaries and window sums (on every rebalance, as a
    restarted worker would; between tests that run several topologies in one process)."""
    _PARSED_STATES.clear()
    _SUMMARIES.clear()
    TALLY_BOOK.clear()


def _load_state(topo: Topology, incident_id: str) -> IncidentState | None:
    data = topo.incidents_by_id.get(incident_id)
    if data is None:
        return None
    hit = _PARSED_STATES.get(incident_id)
    if hit is not None and hit[0] == _fingerprint(data):
        _PARSED_STATES.move_to_end(incident_id)
        return hit[1]
    state = IncidentState.from_json(data)
    _remember_state(incident_id, data, state)
    return state


async def _send_contributions(topo: Topology, before: Incident | None, after: Incident) -> None:
    """Send the incident's contribution to every scope it counts (or counted) in."""
    news = {c.scope: c for c in contributions_for(after)}
    scopes = list(dict.fromkeys([*(scopes_for(before) if before else []), *news]))
    for scope in scopes:
        contribution = news.get(scope)
        payload = {
            "scope": scope,
            "incident_id": after.incident_id,
            "contribution": None if contribution is None else contribution.to_json(),
        }
        await send_to(topo.contributions_topic, scope.encode(), dumps(payload))


async def handle_event_record(topo: Topology, event: faust.EventT) -> str:
    """Resolve one report into its incident; returns what happened (for logs and tests)."""
    try:
        report = EventRecord.model_validate_json(event.value)
    except (ValueError, TypeError, pydantic.ValidationError) as exc:
        await _send_dead_letter(topo.dead_letter_topic, event, "processing_failed", exc)
        return "invalid"
    region = report.region_key
    known = topo.incident_id_by_report.get(report.event_id)
    state = _load_state(topo, known) if known is not None else None
    if state is not None and state.has_report(report.event_id):
        # Seen before: change nothing. But a crash may have come after the incident's write and
        # before the rest (faust writes each table key to the changelog on its own): make sure
        # the region's index lists it, and resend its contributions (a no-op where they landed).
        index = list(topo.incident_index_by_region.get(region) or [])
        if all(i != known for i, _ in index):
            topo.incident_index_by_region[region] = [*index, [known, state.incident.occurred_on.isoformat()]]
        await send_to(topo.incidents_topic, known.encode(), dump_model(state.incident))
        await _send_contributions(topo, state.incident, state.incident)
        return "duplicate"
    # (a report recorded in incident_id_by_report but missing from its incident's state is
    # resolved again below: the incident state is the source of truth)
    when = event_date(report)
    if when is None:
        await _send_dead_letter(topo.dead_letter_topic, event, "processing_failed", "no event or publication date")
        return "undated"
    # Stream time per partition (as Kafka Streams keeps it per task): the newest event date
    # this partition of ``events`` has seen, whatever the region.
    watermark_key = str(event.message.partition)
    watermark_iso = topo.watermark_by_partition.get(watermark_key)
    watermark = dt.date.fromisoformat(watermark_iso) if watermark_iso else None
    if watermark is not None:
        horizon = watermark - dt.timedelta(days=topo.settings.retention_days)
        if when < horizon:
            letter = dead_letter_for(
                event, "too_late", f"event date {when} is before {horizon}: {topo.settings.retention_days} "
                f"days before the newest event date {watermark} seen on partition {watermark_key}"
            )
            await send_to(topo.late_topic, event.message.key, dump_model(letter))
            return "late"
    # A misread future date must not push the partition's stream time ahead and make every
    # later report "too late": stream time never passes the day after publication.
    advance = when
    if report.published_at is not None:
        advance = min(when, report.published_at.date() + dt.timedelta(days=1))
    if watermark is None or advance > watermark:
        watermark = advance
        topo.watermark_by_partition[watermark_key] = watermark.isoformat()
        await _expire_partition(topo, event.message.partition, watermark, but=region)
    index: list[list[str]] = list(topo.incident_index_by_region.get(region) or [])
    candidates = [
        summary
        for incident_id, day in index
        if abs((dt.date.fromisoformat(day) - when).days) <= MATCH_WINDOW_DAYS
        and (summary := _load_summary(topo, incident_id)) is not None
    ]
    resolution = resolve_report(report, candidates, now=_utcnow(), load=lambda iid: _load_state(topo, iid),
                                keep=topo.settings.incident_reports_kept)
    incident = resolution.state.incident
    stored = resolution.state.to_json()
    topo.incidents_by_id[incident.incident_id] = stored
    _remember_state(incident.incident_id, stored, resolution.state)
    _remember_summary(IncidentSummary.from_state_json(stored))
    topo.incident_id_by_report[report.event_id] = incident.incident_id
    # keep the region's index to incidents a new report could still join; expire the others
    entries = await _expire_from_index(topo, index, _expiry_horizon(topo, watermark))
    entries[incident.incident_id] = incident.occurred_on.isoformat()
    topo.incident_index_by_region[region] = [[i, d] for i, d in entries.items()]
    _remember_recent(topo, event.message.partition, report)
    await send_to(topo.incidents_topic, incident.incident_id.encode(), dump_model(incident))
    await _send_contributions(topo, resolution.previous, incident)
    return "merged" if resolution.previous is not None else "opened"


def recent_head_key(partition: int) -> str:
    """``recent_events`` key of a partition's count of event records received so far."""
    return f"{partition}:head"


def recent_slot_key(partition: int, seq: int) -> str:
    """``recent_events`` key of the slot holding a partition's ``seq``-th event record."""
    return f"{partition}:{seq % RECENT_EVENTS_KEPT}"


def _remember_recent(topo: Topology, partition: int, report: EventRecord) -> None:
    """Keep the report among its partition's latest ``RECENT_EVENTS_KEPT`` (for queries).

    A ring of slots, one record each, and a head counter: each report costs one small write.
    (Until 2026-11-24 each region kept a list of its latest 20 and rewrote it whole: ~40 KB
    per write, 40% of the bytes the workers produced.) Each slot carries its sequence number,
    so a reader skips a slot a crash left behind the head (``web.local_recent_events``).
    Duplicates never reach here, so a redelivered batch rewrites the same slots."""
    head = recent_head_key(partition)
    seq = int(topo.recent_events.get(head) or 0)
    topo.recent_events[recent_slot_key(partition, seq)] = {"seq": seq, "event": report.model_dump(mode="json")}
    topo.recent_events[head] = seq + 1


def partition_for_key(key: str, partitions: int) -> int:
    """The partition of a region or scope key (the producer's default, murmur2, partitioner)."""
    every = list(range(partitions))
    return int(_PARTITIONER(key.encode(), every, every))


def _expiry_horizon(topo: Topology, watermark: dt.date) -> dt.date:
    """Incidents dated before this can no longer change: a report that could join one (dated
    within ``MATCH_WINDOW_DAYS`` of it) is older than the retention, so it goes to the late topic."""
    return watermark - dt.timedelta(days=topo.settings.retention_days + MATCH_WINDOW_DAYS)


async def _expire_from_index(topo: Topology, index: Sequence[Sequence[str]], horizon: dt.date) -> dict[str, str]:
    """Expire the index's incidents dated before ``horizon``; returns the others (id -> day)."""
    kept: dict[str, str] = {}
    for incident_id, day in index:
        if dt.date.fromisoformat(day) >= horizon:
            kept[incident_id] = day
        else:
            await _expire_incident(topo, incident_id)
    return kept


async def _expire_incident(topo: Topology, incident_id: str) -> None:
    """Drop an incident that can no longer change from this worker's state.

    Its last version stays on the (compacted) incidents topic, and its figures stay in the
    tallies: each scope's contribution is sent once more, marked ``expire``, for the tally
    side to fold into its windows' bases. Its report ids are forgotten too: a report of it
    delivered again is older than the retention and goes to the late topic."""
    data = topo.incidents_by_id.get(incident_id)
    if data is None:  # expired already (a batch redelivered after a crash mid-flush)
        return
    incident = Incident.model_validate(data["incident"])
    for contribution in contributions_for(incident):
        payload = {"scope": contribution.scope, "incident_id": incident_id,
                   "contribution": contribution.to_json(), "expire": True}
        await send_to(topo.contributions_topic, contribution.scope.encode(), dumps(payload))
    for report_id in incident.report_ids:
        topo.incident_id_by_report.pop(report_id, None)
    topo.incidents_by_id.pop(incident_id, None)
    _PARSED_STATES.pop(incident_id, None)
    _SUMMARIES.pop(incident_id, None)


async def _expire_partition(topo: Topology, partition: int, watermark: dt.date, *, but: str) -> None:
    """When a partition's stream time moves on, expire what every one of its regions holds
    beyond the retention (regions that get no new report would otherwise keep it forever);
    ``but`` is the region being written, which prunes its own index."""
    horizon = _expiry_horizon(topo, watermark)
    stale = [
        (region, index)
        for region, index in topo.incident_index_by_region.items()
        if region != but and index and any(dt.date.fromisoformat(d) < horizon for _, d in index)
        and partition_for_key(region, topo.settings.partitions) == partition
    ]
    for region, index in stale:
        kept = await _expire_from_index(topo, index, horizon)
        topo.incident_index_by_region[region] = [[i, d] for i, d in kept.items()]


async def handle_contribution(topo: Topology, event: faust.EventT) -> int:
    """Replace one incident's contribution to one scope; returns the number of windows moved.

    A message with ``"expire": true`` comes when the incident has left the retention on the
    events side (no report can change it any more): its final contribution is applied as
    usual, then folded into the base of each of its windows, and a small *folded* marker
    replaces it in the store. Any later message about that incident (a batch redelivered
    after a crash) finds the marker and changes nothing."""
    payload = loads(event.value)
    scope, incident_id = payload["scope"], payload["incident_id"]
    key = f"{scope}|{incident_id}"
    stored = topo.contributions_by_key.get(key)
    if _is_folded(stored):
        return 0
    old = None if stored is None else Contribution.from_json(stored)
    if old is not None and _listed_as_folded(topo, old):
        # a fold whose window writes landed and whose marker did not (a crash between them):
        # the windows' bases hold the incident's final figures already; finish the fold
        topo.contributions_by_key[key] = _folded_marker(old)
        return 0
    new = None if payload["contribution"] is None else Contribution.from_json(payload["contribution"])
    moves = tally_moves(old, new)
    try:
        moved = await _apply_contribution(topo, scope, key, new, moves) if moves else 0
        if payload.get("expire"):
            _fold(topo, key, new)
        if new is not None:
            _sweep_folded(topo, event.message.partition, new.day)
        return moved
    except BaseException:
        # The sums may have moved without the contribution being stored (or the reverse):
        # rebuild them from the table (as this batch sees it) at the next contribution.
        TALLY_BOOK.clear()
        raise


def _is_folded(stored: Any) -> bool:
    return bool(stored) and bool(stored.get("folded"))


def _folded_marker(contribution: Contribution) -> dict[str, Any]:
    return {"folded": True, "day": contribution.day.isoformat()}


def _listed_as_folded(topo: Topology, contribution: Contribution) -> bool:
    """Whether a window of the (stored) contribution lists its incident as folded in its base."""
    for kind, start, end in windows_for(contribution.day):
        state = TALLY_BOOK.window(topo, contribution.scope, kind, start, end)
        if state is not None and folded_in(state, contribution.incident_id):
            return True
    return False


def _fold(topo: Topology, key: str, contribution: Contribution | None) -> None:
    """Fold an expired incident's (stored) contribution into its windows' bases, then replace
    it with a folded marker.

    The windows are written before the marker (``_BUFFERED_TABLES`` order): a crash between
    leaves the contribution stored and listed as folded by the bases, which the rebuild skips."""
    if contribution is None:
        topo.contributions_by_key.pop(key, None)
        return
    committed = getattr(topo.contributions_by_key, "committed", topo.contributions_by_key.get)

    def still_stored(incident_id: str) -> bool:
        value = committed(f"{contribution.scope}|{incident_id}")
        return value is not None and not _is_folded(value)

    for kind, start, end in windows_for(contribution.day):
        state = TALLY_BOOK.window(topo, contribution.scope, kind, start, end)
        if state is None:  # cannot be: the contribution was just applied to it
            raise RuntimeError(f"no window {tally_key(contribution.scope, kind, start)} for a live contribution")
        folded = fold_into_base(state, contribution, still_stored)
        wkey = tally_key(contribution.scope, kind, start)
        topo.tallies_by_key[wkey] = folded
        if folded["incidents"] == folded["base"]["incidents"]:
            TALLY_BOOK.forget(wkey)  # only expired incidents left: read from the store if touched
        else:
            TALLY_BOOK.states(topo)[wkey] = folded
    topo.contributions_by_key[key] = _folded_marker(contribution)


#: folded markers are kept this many times the retention (in event days, past the newest
#: incident day a contributions partition has seen): far longer than any redelivery.
FOLDED_MARKER_RETENTIONS = 2


#: sweep a partition's markers when its newest incident day has moved on this many days
#: since the last sweep (a sweep reads the whole table: not on every new day of a replay).
FOLDED_SWEEP_EVERY_DAYS = 7


def _sweep_folded(topo: Topology, partition: int, day: dt.date) -> None:
    """When a contributions partition's newest incident day has moved on, delete its folded
    markers that are older than ``FOLDED_MARKER_RETENTIONS`` retentions before it."""
    swept = TALLY_BOOK.swept_day.get(partition)
    if swept is not None and (day - swept).days < FOLDED_SWEEP_EVERY_DAYS:
        return
    TALLY_BOOK.swept_day[partition] = day
    horizon = (day - dt.timedelta(days=FOLDED_MARKER_RETENTIONS * topo.settings.retention_days + MATCH_WINDOW_DAYS)
               ).isoformat()
    stale = [key for key, value in topo.contributions_by_key.items()
             if _is_folded(value) and value["day"] < horizon
             and partition_for_key(key.rsplit("|", 1)[0], topo.settings.partitions) == partition]
    for key in stale:
        topo.contributions_by_key.pop(key, None)


async def _apply_contribution(topo: Topology, scope: str, key: str, new: Contribution | None,
                              moves: list[Any]) -> int:
    book = TALLY_BOOK.states(topo)
    states = {tally_key(s, k, start): TALLY_BOOK.window(topo, s, k, start, end) for s, k, start, end, *_ in moves}
    changed = apply_moves({k: v for k, v in states.items() if v is not None}, moves)
    now = _utcnow()
    for tkey, state in changed.items():
        state["updated_at"] = now.isoformat()
        book[tkey] = state
        topo.tallies_by_key[tkey] = state
    # Index and publish every window touched, not only the changed ones: after a crash the
    # window writes may have landed while these did not (the redelivery then changes no window).
    touched = {k: changed.get(k) or v for k, v in states.items() if changed.get(k) or v}
    scope_info = dict(topo.scopes_by_scope.get(scope) or {"region": scope, "windows": {}})
    windows: dict[str, list[str]] = {k: list(v) for k, v in scope_info.get("windows", {}).items()}
    for state in touched.values():
        starts = windows.setdefault(state["window"], [])
        if state["window_start"] not in starts:
            starts.append(state["window_start"])
            starts.sort()
    updated_info = {**scope_info, "windows": windows}
    if new is not None:
        updated_info["country"] = new.country or scope_info.get("country")
        updated_info["admin1"] = new.admin1 or scope_info.get("admin1")
    if updated_info != topo.scopes_by_scope.get(scope):
        topo.scopes_by_scope[scope] = updated_info
    if new is None:
        topo.contributions_by_key.pop(key, None)
    else:
        topo.contributions_by_key[key] = new.to_json()
    defer = getattr(topo.tallies_topic, "defer", None)
    for tkey, state in touched.items():
        def tally_value(state: dict[str, Any] = state) -> bytes:
            updated_at = dt.datetime.fromisoformat(state["updated_at"]) if state.get("updated_at") else now
            return dump_model(TallyAggregation.result(state, updated_at=updated_at))

        if defer is not None:  # in a batch: only the window's last state is published, computed once
            defer(tkey.encode(), tally_value)
        else:
            await send_to(topo.tallies_topic, tkey.encode(), tally_value())
    return len(changed)


_DELETED = object()


class TableCache:
    """Recently read or written table values, per table, shared by the batches of one worker
    (bounded, least recently used first out).

    Safe because a table key is only ever written by the worker that owns its partition, and
    always through a batch (which writes through this cache): between two rebalances nothing
    else changes a cached key. ``clear()`` runs on every partition assignment and revocation
    (faust then restores the tables from their changelogs; a partition that comes back may
    have been written by another worker meanwhile)."""

    def __init__(self, max_per_table: int = 1024, limits: dict[str, int] | None = None) -> None:
        self._max = max_per_table
        self._limits = limits or {}
        self._tables: dict[str, OrderedDict[Any, Any]] = {}

    def get(self, table: str, key: Any) -> tuple[bool, Any]:
        values = self._tables.get(table)
        if values is None or key not in values:
            return False, None
        values.move_to_end(key)
        return True, values[key]

    def put(self, table: str, key: Any, value: Any) -> None:
        values = self._tables.setdefault(table, OrderedDict())
        values[key] = value
        values.move_to_end(key)
        if len(values) > self._limits.get(table, self._max):
            values.popitem(last=False)

    def clear(self) -> None:
        self._tables.clear()


class _BufferedTable:
    """A table seen through one batch: reads go through (and are remembered), writes are kept
    and reach the table once per key at ``flush`` (the last value wins).

    Why: every faust table write is a changelog message and a RocksDB put; a batch of reports
    about one region rewrites its index, its recent events and its incidents many times, and a
    batch of contributions rewrites the same window states. Sequential semantics are kept:
    a read after a write in the same batch sees the write."""

    def __init__(self, table: Any, name: str = "", cache: TableCache | None = None) -> None:
        self._table = table
        self._name = name
        self._cache = cache
        self._values: dict[Any, Any] = {}
        self._dirty: dict[Any, None] = {}

    def get(self, key: Any, default: Any = None) -> Any:
        try:
            value = self._values[key]
        except KeyError:
            hit, value = (False, None) if self._cache is None else self._cache.get(self._name, key)
            if not hit:
                value = self._table.get(key)
                if self._cache is not None:
                    self._cache.put(self._name, key, value)
            self._values[key] = value
        return default if value is None or value is _DELETED else value

    def __setitem__(self, key: Any, value: Any) -> None:
        self._values[key] = value
        self._dirty[key] = None

    def committed(self, key: Any) -> Any:
        """The value as written to the table before this batch (its own writes not seen)."""
        hit, value = (False, None) if self._cache is None else self._cache.get(self._name, key)
        if not hit:
            value = self._table.get(key)
        return value

    def items(self) -> Iterator[tuple[Any, Any]]:
        """The table's items as this batch sees them (its own writes over the table's)."""
        for key, value in self._table.items():
            if key not in self._dirty:
                yield key, value
        for key in self._dirty:
            value = self._values[key]
            if value is not _DELETED:
                yield key, value

    def pop(self, key: Any, default: Any = None) -> Any:
        value = self.get(key, default)
        self._values[key] = _DELETED
        self._dirty[key] = None
        return value

    async def flush(self, partition: int) -> int:
        """Write the batch's changes to the table: its store and changelog ``partition`` (the
        partition of the events that made them)."""
        direct = isinstance(self._table, faust.tables.Table)
        last: Any = None
        for key in self._dirty:
            value = self._values[key]
            if value is _DELETED:
                self._table.pop(key, None)
            elif direct:
                last = await _write_through(self._table, partition, key, value)
            else:
                self._table[key] = value
            if self._cache is not None:
                self._cache.put(self._name, key, None if value is _DELETED else value)
        if last is not None:
            # faust keeps, in each store partition, the offset of the last changelog record it
            # holds (a restore reads the changelog from there); once per flush is enough, as a
            # partition's records are acknowledged in order (an older offset only means a
            # longer replay of records the store already has).
            last.add_done_callback(self._table._on_changelog_sent)
        written = len(self._dirty)
        self._dirty.clear()
        return written


async def _write_through(table: Any, partition: int, key: Any, value: Any) -> Any:
    """``table[key] = value`` without faust's per-write machinery; returns the changelog send's
    future.

    faust's write encodes the value twice (store, changelog), queues the changelog record in
    its producer buffer (a ``FutureMessage`` a task then sends) and sets the persisted
    offset (a RocksDB write) on every record's acknowledgement. Here: one encoding, the store
    write, and the record handed to faust's producer at once, before the batch is acked (faust
    flushes the producer before any commit, as for its own writes). The store stays keyed by
    the current event's partition (``_current_event``), as faust's write would; our tables
    are neither windowed nor expiring, so no key TTL bookkeeping is skipped."""
    store = table.data
    if isinstance(store, faust.stores.base.SerializedStore):
        key_bytes, value_bytes = store._encode_key(key), store._encode_value(value)
        store._set(key_bytes, value_bytes)
    else:  # the in-memory store keeps Python values
        store[key] = value
        key_bytes, value_bytes = store._encode_key(key), store._encode_value(value)
    return await table.app.producer.send(table.changelog_topic.get_topic_name(), key_bytes, value_bytes,
                                         partition, None, None)


class _Outbox:
    """Messages for one output topic, kept until the end of the batch. With a ``dedupe`` key
    only the last value of each key is sent (on the compacted topics what compaction would
    keep anyway; a contribution is an incident's full state for its scope, so its last one
    suffices); with no ``dedupe`` every message is sent, in order."""

    def __init__(self, topic: Any, dedupe: Callable[[bytes | None, bytes], Any] | None = None) -> None:
        self._topic = topic
        self._dedupe = dedupe
        self._messages: dict[Any, tuple[bytes | None, bytes | Callable[[], bytes]]] = {}

    async def send(self, *, key: bytes | None = None, value: bytes, **_: Any) -> None:
        ident = len(self._messages) if self._dedupe is None else self._dedupe(key, value)
        self._messages.pop(ident, None)  # a newer value goes after the messages sent since
        self._messages[ident] = (key, value)

    def defer(self, key: bytes, make_value: Callable[[], bytes]) -> None:
        """Send what ``make_value()`` returns at flush, unless a newer value for ``key`` comes
        first (the value is computed once, for the message actually sent)."""
        ident = key if self._dedupe is _by_key else len(self._messages)
        self._messages.pop(ident, None)
        self._messages[ident] = (key, make_value)

    async def flush(self) -> int:
        for key, value in self._messages.values():
            await send_to(self._topic, key, value if isinstance(value, bytes) else value())
        sent = len(self._messages)
        self._messages.clear()
        return sent


def _by_key(key: bytes | None, _: bytes) -> Any:
    return key


def _by_scope_and_incident(key: bytes | None, value: bytes) -> Any:
    # a contribution is an incident's full state for the scope: only the last one matters
    return key, loads(value)["incident_id"]


#: flushed in this order. The region index last on the events side: it lists the incidents
#: to expire, so a crash mid-flush leaves them listed and the redelivery expires them again.
#: The windows before the contributions on the tally side: a window's base must hold an
#: expired incident before its contribution is deleted (``_fold``).
_BUFFERED_TABLES = ("recent_events", "incidents_by_id", "incident_id_by_report", "watermark_by_partition",
                    "incident_index_by_region", "tallies_by_key", "contributions_by_key", "scopes_by_scope")


@contextlib.contextmanager
def _current_event(event: Any) -> Iterator[None]:
    """Make ``event`` faust's current event: a table write goes to the changelog partition (and
    the RocksDB partition) of the current event, and each group of a batch must write to its own
    partition, whatever faust last set."""
    try:
        ref = weakref.ref(event)
    except TypeError:  # plain test doubles without weak references: dict tables ignore it
        yield
        return
    token = faust.streams._current_event.set(ref)
    try:
        yield
    finally:
        faust.streams._current_event.reset(token)


async def handle_batch(
    topo: Topology,
    handler: Callable[[Topology, Any], Awaitable[Any]],
    events: Sequence[Any],
    cache: TableCache | None = None,
) -> list[Any]:
    """Run ``handler`` over a batch of events, one partition at a time, in order within each
    partition; table writes and upserted outputs (incidents, contributions, tallies) are
    coalesced per partition and written when the partition's messages are all handled.

    Crash safety is unchanged: faust acks the batch only after this returns, so a crash
    redelivers the whole batch over whatever subset of its writes landed, and each handler
    is idempotent over partial writes (docs/STREAMING.md). ``cache`` keeps table values from
    one batch to the next (``TableCache``). Returns the handler's results."""
    groups: dict[int, list[Any]] = {}
    for event in events:
        groups.setdefault(event.message.partition, []).append(event)
    results: list[Any] = []
    for group in groups.values():
        tables = {name: _BufferedTable(getattr(topo, name), name, cache) for name in _BUFFERED_TABLES}
        outboxes = {
            "incidents_topic": _Outbox(topo.incidents_topic, _by_key),
            "tallies_topic": _Outbox(topo.tallies_topic, _by_key),
            "contributions_topic": _Outbox(topo.contributions_topic, _by_scope_and_incident),
        }
        view = dataclasses.replace(topo, **tables, **outboxes)
        for event in group:
            with _current_event(event):
                results.append(await _guarded(view, handler, event))
        with _current_event(group[-1]):
            for table in tables.values():
                await table.flush(group[-1].message.partition)
        # outputs after the state they come from, as the per-message handlers do
        for outbox in outboxes.values():
            await outbox.flush()
    return results


async def _guarded(topo: Topology, handler: Callable[[Topology, Any], Awaitable[Any]], event: Any) -> Any:
    try:
        return await handler(topo, event)
    except Exception as exc:  # a bug on one message must not stop the partition's stream
        message = event.message
        log.exception("%s failed on %s[%s]@%s", getattr(handler, "__name__", handler), message.topic,
                      message.partition, message.offset)
        await _send_dead_letter(topo.dead_letter_topic, event, "processing_failed", exc)
        return "failed"


def _exit_now(exc: BaseException) -> None:
    log.critical("exiting now, without committing (%s: %s)", type(exc).__name__, exc)
    logging.shutdown()
    os._exit(70)  # EX_SOFTWARE


async def consume_batches(
    batches: AsyncIterator[Sequence[Any]],
    handle: Callable[[Sequence[Any]], Awaitable[Any]],
    crash: Callable[[BaseException], Awaitable[None]],
) -> None:
    """Handle each batch; when a batch fails as a whole (writing its tables or outputs, not one
    message's error: those are dead letters), crash the worker.

    Why not go on: the failed batch is not acked, and faust would restart the agent on the
    *next* messages, leaving the tallies without that batch until some later restart. A
    crashed worker exits non-zero; its supervisor (compose ``restart:``, systemd, k8s)
    restarts it and the batch is redelivered from the last commit, idempotently."""
    async for events in batches:
        try:
            await handle(events)
        except Exception as exc:
            log.critical("a batch of %d messages could not be written (%s: %s): stopping the worker, "
                         "the batch is redelivered after restart", len(events), type(exc).__name__, exc)
            await crash(exc)
            raise


def register(app: faust.App, topo: Topology, extractors: ExtractorHolder) -> dict[str, Any]:
    """Attach the agents (and the extractor warm-up task) to ``app``; returns the agents by name."""

    @app.agent(topo.articles_topic, name="process_articles")
    async def process_articles(stream: faust.StreamT) -> None:
        async for event in stream.events():
            await handle_article(topo, extractors, event)

    # incident states hold every report: fewer of them (the worker's RSS budget is 400 MB)
    cache = TableCache(limits={"incidents_by_id": PARSED_STATES_MAX})

    async def forget_cached_tables(*_: Any, **__: Any) -> None:
        cache.clear()
        forget_caches()

    app.on_partitions_revoked.connect(forget_cached_tables)
    app.on_partitions_assigned.connect(forget_cached_tables)

    within_s = topo.settings.batch_within_ms / 1000

    async def crash_worker(exc: BaseException) -> None:
        # Exit at once, as kill -9 would (safe: nothing of the batch is committed, and every
        # handler is idempotent). Not faust's graceful crash: its stop commits the offsets
        # acked so far, and `take_events` acks the failed batch's events in its `finally`
        # when its generator is closed, so a graceful stop could commit past the batch that
        # was not written (seen once under load: the restarted worker never got the batch).
        # faust's stop after a crash could also hang (seen: stopping the consumer).
        _exit_now(exc)

    @app.agent(topo.events_topic, name="resolve_incidents")
    async def resolve_incidents(stream: faust.StreamT) -> None:
        await consume_batches(stream.take_events(BATCH_MAX, within=within_s),
                              lambda events: handle_batch(topo, handle_event_record, events, cache), crash_worker)

    @app.agent(topo.contributions_topic, name="tally_contributions")
    async def tally_contributions(stream: faust.StreamT) -> None:
        await consume_batches(stream.take_events(BATCH_MAX, within=within_s),
                              lambda events: handle_batch(topo, handle_contribution, events, cache), crash_worker)

    @app.task
    async def declare_output_topics() -> None:
        # faust declares only the topics it consumes; the ones we only write to would
        # otherwise be auto-created by the broker with its default partition count.
        for topic in (topo.incidents_topic, topo.tallies_topic, topo.dead_letter_topic, topo.late_topic):
            await topic.maybe_declare()

    @app.task
    async def warm_up_extractor() -> None:
        try:
            await extractors.get()
        except Exception:  # the article agent reports it per article, as extraction_failed
            log.exception("loading the extractor failed")

    return {
        "process_articles": process_articles,
        "resolve_incidents": resolve_incidents,
        "tally_contributions": tally_contributions,
    }
