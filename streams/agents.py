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
import datetime as dt
import logging
import sys
import time
import traceback
from typing import TYPE_CHECKING, Any

import faust
import orjson
import pydantic

from schemas import Article, DeadLetter, EventRecord, Incident
from schemas.json_codec import dump_model, dumps, loads
from streams.incidents import MATCH_WINDOW_DAYS, IncidentState, event_date, resolve_report
from streams.tallies import (
    Contribution,
    TallyAggregation,
    apply_moves,
    contributions_for,
    scopes_for,
    tally_key,
    tally_moves,
)

__all__ = [
    "RECENT_EVENTS_PER_REGION",
    "ExtractorHolder",
    "dead_letter_for",
    "handle_article",
    "handle_contribution",
    "handle_event_record",
    "register",
]

if TYPE_CHECKING:
    from streams.app import Topology

log = logging.getLogger(__name__)

#: how many latest event records each region keeps for ``/api/events/recent``.
RECENT_EVENTS_PER_REGION = 20


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
    await topic.send(key=event.message.key, value=dump_model(letter))


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
        await topo.events_topic.send(key=record.region_key.encode(), value=dump_model(record))
    return len(records)


def _load_state(topo: Topology, incident_id: str) -> IncidentState | None:
    data = topo.incidents_by_id.get(incident_id)
    return None if data is None else IncidentState.from_json(data)


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
        await topo.contributions_topic.send(key=scope.encode(), value=dumps(payload))


async def handle_event_record(topo: Topology, event: faust.EventT) -> str:
    """Resolve one report into its incident; returns what happened (for logs and tests)."""
    try:
        report = EventRecord.model_validate(loads(event.value))
    except (ValueError, pydantic.ValidationError) as exc:
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
        await topo.incidents_topic.send(key=known.encode(), value=dump_model(state.incident))
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
            await topo.late_topic.send(key=event.message.key, value=dump_model(letter))
            return "late"
    # A misread future date must not push the partition's stream time ahead and make every
    # later report "too late": stream time never passes the day after publication.
    advance = when
    if report.published_at is not None:
        advance = min(when, report.published_at.date() + dt.timedelta(days=1))
    if watermark is None or advance > watermark:
        watermark = advance
        topo.watermark_by_partition[watermark_key] = watermark.isoformat()
    index: list[list[str]] = list(topo.incident_index_by_region.get(region) or [])
    candidates = [
        state
        for incident_id, day in index
        if abs((dt.date.fromisoformat(day) - when).days) <= MATCH_WINDOW_DAYS
        and (state := _load_state(topo, incident_id)) is not None
    ]
    resolution = resolve_report(report, candidates, now=_utcnow())
    incident = resolution.state.incident
    topo.incidents_by_id[incident.incident_id] = resolution.state.to_json()
    topo.incident_id_by_report[report.event_id] = incident.incident_id
    # keep the region's index to incidents a new report could still join
    oldest = watermark - dt.timedelta(days=topo.settings.retention_days + MATCH_WINDOW_DAYS)
    entries = {i: d for i, d in index if dt.date.fromisoformat(d) >= oldest}
    entries[incident.incident_id] = incident.occurred_on.isoformat()
    topo.incident_index_by_region[region] = [[i, d] for i, d in entries.items()]
    recent = list(topo.recent_events_by_region.get(region) or [])
    recent.append(report.model_dump(mode="json"))
    topo.recent_events_by_region[region] = recent[-RECENT_EVENTS_PER_REGION:]
    await topo.incidents_topic.send(key=incident.incident_id.encode(), value=dump_model(incident))
    await _send_contributions(topo, resolution.previous, incident)
    return "merged" if resolution.previous is not None else "opened"


async def handle_contribution(topo: Topology, event: faust.EventT) -> int:
    """Replace one incident's contribution to one scope; returns the number of windows moved."""
    payload = loads(event.value)
    scope, incident_id = payload["scope"], payload["incident_id"]
    key = f"{scope}|{incident_id}"
    stored = topo.contributions_by_key.get(key)
    old = None if stored is None else Contribution.from_json(stored)
    new = None if payload["contribution"] is None else Contribution.from_json(payload["contribution"])
    moves = tally_moves(old, new)
    if not moves:
        return 0
    states = {tally_key(s, k, start): topo.tallies_by_key.get(tally_key(s, k, start)) for s, k, start, *_ in moves}
    changed = apply_moves({k: v for k, v in states.items() if v is not None}, moves)
    now = _utcnow()
    for tkey, state in changed.items():
        state["updated_at"] = now.isoformat()
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
    for tkey, state in touched.items():
        updated_at = dt.datetime.fromisoformat(state["updated_at"]) if state.get("updated_at") else now
        tally = TallyAggregation.result(state, updated_at=updated_at)
        await topo.tallies_topic.send(key=tkey.encode(), value=dump_model(tally))
    return len(changed)


def register(app: faust.App, topo: Topology, extractors: ExtractorHolder) -> dict[str, Any]:
    """Attach the agents (and the extractor warm-up task) to ``app``; returns the agents by name."""

    @app.agent(topo.articles_topic, name="process_articles")
    async def process_articles(stream: faust.StreamT) -> None:
        async for event in stream.events():
            await handle_article(topo, extractors, event)

    async def guarded(handler: Any, event: faust.EventT) -> None:
        try:
            await handler(topo, event)
        except Exception as exc:  # a bug on one message must not stop the partition's stream
            message = event.message
            log.exception("%s failed on %s[%s]@%s", handler.__name__, message.topic, message.partition,
                          message.offset)
            await _send_dead_letter(topo.dead_letter_topic, event, "processing_failed", exc)

    @app.agent(topo.events_topic, name="resolve_incidents")
    async def resolve_incidents(stream: faust.StreamT) -> None:
        async for event in stream.events():
            await guarded(handle_event_record, event)

    @app.agent(topo.contributions_topic, name="tally_contributions")
    async def tally_contributions(stream: faust.StreamT) -> None:
        async for event in stream.events():
            await guarded(handle_contribution, event)

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
