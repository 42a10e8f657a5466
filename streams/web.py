"""Operators' HTTP API on the faust web server (read-only; /work/notes/http-api.md).

Queries by region (tallies, incidents) are answered by the worker that owns the region's
partition: any other worker forwards the request there (``owner_url``: the same murmur2
partitioner the producer used for the key, looked up in faust's table assignment).
Queries over every region (regions, top tallies, recent events) fan out to every worker in
the assignment and merge. The ``/api/_local/...`` endpoints are the per-worker halves.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import mimetypes
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import aiohttp
import faust
from faust.web import Request, Response, View

from schemas.json_codec import dumps, loads
from streams.agents import RECENT_EVENTS_KEPT, TALLY_BOOK, partition_for_key, recent_head_key, recent_slot_key
from streams.incidents import IncidentState, region_of_incident_id
from streams.tallies import WINDOW_KINDS, TallyAggregation, tally_key, window_for

if TYPE_CHECKING:
    from streams.app import Topology

__all__ = [
    "FORWARDED_HEADER",
    "METRIC_NAMES",
    "STATIC_DIR",
    "local_incident",
    "local_incidents",
    "local_latest_date",
    "local_recent_events",
    "local_regions",
    "local_tallies",
    "local_top",
    "owner_url",
    "register",
]

log = logging.getLogger(__name__)

STATIC_DIR = Path(__file__).resolve().parent / "static"
FORWARDED_HEADER = "X-Crisis-Stream-Forwarded"
METRIC_NAMES = ("killed", "wounded", "displaced")
#: a forwarded or fanned-out request that takes longer than this fails with 503.
PEER_TIMEOUT_S = 10.0
MAX_LIMIT = 1000
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


class BadRequest(ValueError):
    """A bad query parameter (answered with 400)."""


# ---------------------------------------------------------------- local (per-worker) queries


def _tally_json(state: Mapping[str, Any]) -> dict[str, Any]:
    updated_at = dt.datetime.fromisoformat(state["updated_at"]) if state.get("updated_at") else _EPOCH
    return TallyAggregation.result(state, updated_at=updated_at).model_dump(mode="json")


def _window_state(topo: Topology, key: str) -> Mapping[str, Any] | None:
    """A window's state: the worker's sums when built (``TALLY_BOOK``), else the copy last
    published (right after an assignment, before the first contribution rebuilds the sums)."""
    if TALLY_BOOK.ready:
        # a window whose incidents have all expired is not held in memory: its stored copy
        # is its final state
        state = TALLY_BOOK.get(key)
        if state is not None:
            return state
    return topo.tallies_by_key.get(key)


def local_tallies(topo: Topology, region: str, window: str, start: dt.date | None,
                  end: dt.date | None) -> list[dict[str, Any]] | None:
    """The region's tallies of one window kind held by this worker (``None``: unknown region)."""
    info = topo.scopes_by_scope.get(region)
    if info is None:
        return None
    out = []
    for start_iso in info.get("windows", {}).get(window, []):
        w_start = dt.date.fromisoformat(start_iso)
        w_end = window_for(window, w_start)[1]  # type: ignore[arg-type]
        if (start is not None and w_end <= start) or (end is not None and w_start > end):
            continue
        state = _window_state(topo, tally_key(region, window, w_start))  # type: ignore[arg-type]
        if state is not None:
            out.append(_tally_json(state))
    return out


def local_regions(topo: Topology) -> list[dict[str, Any]]:
    return [
        {"region": scope, "country": info.get("country"), "admin1": info.get("admin1")}
        for scope, info in topo.scopes_by_scope.items()
        if info is not None
    ]


def local_latest_date(topo: Topology) -> dt.date | None:
    latest: dt.date | None = None
    for info in topo.scopes_by_scope.values():
        days = (info or {}).get("windows", {}).get("day") or []
        if days:
            day = dt.date.fromisoformat(days[-1])
            latest = day if latest is None or day > latest else latest
    return latest


def local_top(topo: Topology, window: str, metric: str, as_of: dt.date) -> list[dict[str, Any]]:
    start = window_for(window, as_of)[0]  # type: ignore[arg-type]
    out = []
    for scope in list(topo.scopes_by_scope.keys()):
        state = _window_state(topo, tally_key(scope, window, start))  # type: ignore[arg-type]
        if state is not None and state["incidents"]:
            out.append(_tally_json(state))
    return out


def local_incident(topo: Topology, incident_id: str) -> dict[str, Any] | None:
    data = topo.incidents_by_id.get(incident_id)
    if data is None:
        return None
    state = IncidentState.from_json(data)
    # every report is in ``report_ids``; the oldest of a big incident are kept as ids only
    return {**state.incident.model_dump(mode="json"), "reports": [r.model_dump(mode="json") for r in state.reports],
            "retired_reports": state.retired}


def is_country_scope(region: str) -> bool:
    """``SY`` (a country: its incidents live under ``SY`` and every ``SY-..`` region key)."""
    return len(region) == 2 and region.isalpha() and region.isupper()


def _newest_first(incidents: list[dict[str, Any]], limit: int) -> list[dict[str, Any]]:
    incidents.sort(key=lambda i: (i["occurred_on"], i["last_seen"], i["incident_id"]), reverse=True)
    return incidents[:limit]


def _newest_events_first(events: list[dict[str, Any]], limit: int) -> list[dict[str, Any]]:
    events.sort(key=lambda e: (e.get("published_at") or "", e["event_id"]), reverse=True)
    return events[:limit]


def local_incidents(topo: Topology, region: str, limit: int) -> list[dict[str, Any]] | None:
    """The newest incidents of ``region`` held here; for a country, of every region of it
    held here (``None``: this worker holds no incident of it)."""
    if is_country_scope(region):
        keys = [k for k in topo.incident_index_by_region.keys() if k == region or k.startswith(f"{region}-")]
    else:
        keys = [region] if topo.incident_index_by_region.get(region) is not None else []
    if not keys:
        return None
    incidents = []
    for key in keys:
        for incident_id, _ in topo.incident_index_by_region.get(key) or []:
            data = topo.incidents_by_id.get(incident_id)
            if data is not None:
                incidents.append(data["incident"])
    return _newest_first(incidents, limit)


def local_recent_events(topo: Topology, limit: int) -> list[dict[str, Any]]:
    """The latest ``limit`` event records each local partition of ``events`` received (at
    most ``RECENT_EVENTS_KEPT``), newest publication first.

    Reads only those slots (a table read finds a key in the partitions this worker holds and
    nothing elsewhere). A slot whose sequence number is not the one expected was left behind
    the head by a crash, and an event a crash let into two slots is listed once."""
    events: dict[str, dict[str, Any]] = {}
    table = topo.recent_events
    for partition in range(topo.settings.partitions):
        head = table.get(recent_head_key(partition))
        if not head:
            continue
        for seq in range(int(head) - 1, max(int(head) - min(limit, RECENT_EVENTS_KEPT), 0) - 1, -1):
            slot = table.get(recent_slot_key(partition, seq))
            if slot is not None and slot.get("seq") == seq:
                events.setdefault(slot["event"]["event_id"], slot["event"])
    return _newest_events_first(list(events.values()), limit)


# ---------------------------------------------------------------- routing


def owner_url(app: faust.App, table: Any, key: str, partitions: int) -> str | None:
    """The web URL of the worker holding ``key``'s partition of ``table`` (None: unassigned).

    The events and contributions topics are keyed by raw UTF-8 region keys and partitioned
    by the producer's default (murmur2) partitioner; tables are co-partitioned with them.
    """
    partition = partition_for_key(key, partitions)
    topic = table.changelog_topic.get_topic_name()
    for url, topics in app.router.tables_metadata().items():
        if partition in topics.get(topic, ()):
            return str(url)
    return None


def _same_url(a: str, b: str) -> bool:
    from yarl import URL

    ua, ub = URL(a), URL(b)
    return (ua.host, ua.port) == (ub.host, ub.port)


def _peers(app: faust.App) -> list[str]:
    urls = {str(u) for u in app.router.tables_metadata()}
    return sorted(u for u in urls if not _same_url(u, str(app.conf.canonical_url)))


async def _peer_get(app: faust.App, url: str, path: str, params: Mapping[str, str]) -> tuple[int, bytes]:
    timeout = aiohttp.ClientTimeout(total=PEER_TIMEOUT_S)
    async with app.http_client.get(
        url.rstrip("/") + path, params=dict(params), headers={FORWARDED_HEADER: "1"}, timeout=timeout
    ) as resp:
        return resp.status, await resp.read()


# ---------------------------------------------------------------- parameters


def _window(q: Mapping[str, str], default: str | None = None) -> str:
    window = q.get("window", default)
    if window not in WINDOW_KINDS:
        raise BadRequest(f"window must be one of {', '.join(WINDOW_KINDS)}")
    return window


def _date(q: Mapping[str, str], name: str) -> dt.date | None:
    value = q.get(name)
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise BadRequest(f"{name} must be a date YYYY-MM-DD") from None


def _limit(q: Mapping[str, str], default: int) -> int:
    try:
        limit = int(q.get("limit", default))
    except ValueError:
        raise BadRequest("limit must be an integer") from None
    if not 1 <= limit <= MAX_LIMIT:
        raise BadRequest(f"limit must be between 1 and {MAX_LIMIT}")
    return limit


def _required(q: Mapping[str, str], name: str) -> str:
    value = q.get(name)
    if not value:
        raise BadRequest(f"{name} is required")
    return value


# ---------------------------------------------------------------- views


def register(app: faust.App, topo: Topology, extractors: Any = None) -> None:
    """Attach the operators' HTTP views to ``app``."""
    partitions = topo.settings.partitions

    class JsonView(View):
        def ok(self, body: Any, status: int = 200) -> Response:
            return self.bytes(dumps(body), content_type="application/json", status=status)

        def fail(self, status: int, message: str) -> Response:
            return self.ok({"error": message}, status=status)

        async def routed(self, request: Request, table: Any, key: str) -> Response | None:
            """Forward to the owner of ``key`` unless that is us (``None``: answer here)."""
            if request.headers.get(FORWARDED_HEADER):
                return None
            url = owner_url(app, table, key, partitions)
            if url is None:
                return self.fail(503, "partitions are not assigned yet")
            if _same_url(url, str(app.conf.canonical_url)):
                return None
            try:
                status, body = await _peer_get(app, url, request.path, request.query)
            except (TimeoutError, aiohttp.ClientError) as exc:
                return self.fail(503, f"owner {url} did not answer: {exc}")
            return self.bytes(body, content_type="application/json", status=status)

        async def fan_out(self, request: Request, path: str, params: Mapping[str, str]) -> list[Any]:
            """Bodies of ``path`` from every other worker (not forwarded further)."""
            if request.headers.get(FORWARDED_HEADER):
                return []
            peers = _peers(app)
            results = await asyncio.gather(*(_peer_get(app, u, path, params) for u in peers), return_exceptions=True)
            bodies = []
            for url, result in zip(peers, results, strict=True):
                if isinstance(result, BaseException) or result[0] != 200:
                    raise ConnectionError(f"worker {url} did not answer {path}: {result!r}")
                bodies.append(loads(result[1]))
            return bodies

        async def dispatch(self, request: Any) -> Any:
            try:
                return await super().dispatch(request)
            except BadRequest as exc:
                return self.fail(400, str(exc))
            except ConnectionError as exc:
                return self.fail(503, str(exc))

    @app.page("/health")
    class Health(JsonView):
        async def get(self, request: Request) -> Response:
            try:
                assigned = len(app.consumer.assignment())
            except Exception:  # consumer not started yet
                assigned = 0
            url = app.conf.canonical_url
            return self.ok({"status": "ok", "app": app.conf.id, "worker": f"{url.host}:{url.port}",
                            "assigned_partitions": assigned,
                            "extractor": extractors.status if extractors is not None else "unknown"})

    @app.page("/api/regions")
    class Regions(JsonView):
        async def get(self, request: Request) -> Response:
            regions = local_regions(topo)
            for body in await self.fan_out(request, "/api/regions", {}):
                regions.extend(body["regions"])
            unique = {r["region"]: r for r in regions}
            return self.ok({"regions": [unique[k] for k in sorted(unique)]})

    @app.page("/api/tallies")
    class Tallies(JsonView):
        async def get(self, request: Request) -> Response:
            q = request.query
            region, window = _required(q, "region"), _window(q)
            start, end = _date(q, "from"), _date(q, "to")
            routed = await self.routed(request, topo.scopes_by_scope, region)
            if routed is not None:
                return routed
            tallies = local_tallies(topo, region, window, start, end)
            if tallies is None:
                return self.fail(404, f"unknown region {region!r}")
            return self.ok({"region": region, "window": window, "tallies": tallies})

    @app.page("/api/_local/latest")
    class LocalLatest(JsonView):
        async def get(self, request: Request) -> Response:
            latest = local_latest_date(topo)
            return self.ok({"latest": latest.isoformat() if latest else None})

    @app.page("/api/_local/top")
    class LocalTop(JsonView):
        async def get(self, request: Request) -> Response:
            q = request.query
            as_of = _date(q, "as_of")
            if as_of is None:
                raise BadRequest("as_of is required")
            return self.ok({"regions": local_top(topo, _window(q), _required(q, "metric"), as_of)})

    @app.page("/api/tallies/top")
    class TalliesTop(JsonView):
        async def get(self, request: Request) -> Response:
            q = request.query
            window, limit = _window(q, "7d"), _limit(q, 10)
            metric = q.get("metric", "killed")
            if metric not in METRIC_NAMES:
                raise BadRequest(f"metric must be one of {', '.join(METRIC_NAMES)}")
            as_of = _date(q, "as_of")
            if as_of is None:
                dates = [local_latest_date(topo)]
                for body in await self.fan_out(request, "/api/_local/latest", {}):
                    dates.append(dt.date.fromisoformat(body["latest"]) if body["latest"] else None)
                known = [d for d in dates if d is not None]
                as_of = max(known) if known else None
            if as_of is None:
                return self.ok({"window": window, "metric": metric, "as_of": None, "regions": []})
            params = {"window": window, "metric": metric, "as_of": as_of.isoformat()}
            regions = local_top(topo, window, metric, as_of)
            for body in await self.fan_out(request, "/api/_local/top", params):
                regions.extend(body["regions"])
            regions.sort(key=lambda t: (-t[metric]["best"], t["region"]))
            return self.ok({"window": window, "metric": metric, "as_of": as_of.isoformat(),
                            "regions": regions[:limit]})

    @app.page("/api/incidents/{incident_id}")
    class IncidentDetail(JsonView):
        async def get(self, request: Request, incident_id: str) -> Response:
            region = region_of_incident_id(incident_id)
            if region is None:
                return self.fail(404, f"unknown incident {incident_id!r}")
            routed = await self.routed(request, topo.incident_index_by_region, region)
            if routed is not None:
                return routed
            found = local_incident(topo, incident_id)
            if found is None:
                return self.fail(404, f"unknown incident {incident_id!r}")
            return self.ok(found)

    @app.page("/api/incidents")
    class Incidents(JsonView):
        async def get(self, request: Request) -> Response:
            q = request.query
            region, limit = _required(q, "region"), _limit(q, 50)
            if is_country_scope(region):
                # a country's regions are spread over the partitions: ask every worker
                found = local_incidents(topo, region, limit)
                if request.headers.get(FORWARDED_HEADER):  # a peer asks for our part only
                    return self.ok({"incidents": found or [], "held": found is not None})
                incidents, held = list(found or []), found is not None
                for body in await self.fan_out(request, "/api/incidents", {"region": region, "limit": str(limit)}):
                    incidents.extend(body["incidents"])
                    held = held or bool(body.get("held"))
                if not held:
                    return self.fail(404, f"unknown region {region!r}")
                return self.ok({"incidents": _newest_first(incidents, limit)})
            routed = await self.routed(request, topo.incident_index_by_region, region)
            if routed is not None:
                return routed
            incidents = local_incidents(topo, region, limit)
            if incidents is None:
                return self.fail(404, f"unknown region {region!r}")
            return self.ok({"incidents": incidents})

    @app.page("/api/events/recent")
    class RecentEvents(JsonView):
        async def get(self, request: Request) -> Response:
            limit = _limit(request.query, 50)
            events = local_recent_events(topo, limit)
            for body in await self.fan_out(request, "/api/events/recent", {"limit": str(limit)}):
                events.extend(body["events"])
            return self.ok({"events": _newest_events_first(events, limit)})

    def _static(name: str) -> Response | None:
        path = (STATIC_DIR / name).resolve()
        if path.parent != STATIC_DIR or not path.is_file():
            return None
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return app.web.bytes(path.read_bytes(), content_type=content_type)

    @app.page("/dashboard")
    class Dashboard(JsonView):
        async def get(self, request: Request) -> Response:
            return _static("dashboard.html") or self.fail(404, "the dashboard is not installed")

    @app.page("/static/{name}")
    class Static(JsonView):
        async def get(self, request: Request, name: str) -> Response:
            return _static(name) or self.fail(404, f"no static file {name!r}")
