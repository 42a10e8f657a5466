"""Streaming speed and memory: articles/s from ``articles`` to ``tallies``, latency, worker RSS.

Everything runs on 127.0.0.1: a local Apache Kafka (``streams.localkafka``) started here
unless ``--bootstrap`` names a loopback broker, and subprocesses this benchmark starts and
stops (whole process groups, in ``finally``). Every wait has a deadline.

CEILING (same run, same broker, same messages): a bare aiokafka pass-through process
(consume ``in``, produce the same bytes to ``out``; a consumer group like the worker's),
measured exactly like the pipeline below. Ratios are pipeline / ceiling.

Method, per phase (the worker is ``python -m streams worker`` with a fresh app id, fresh
topic names and a fresh data dir; ``--partitions`` partitions everywhere):

* warm-up: a few articles are processed first so the extractor is loaded and first-use
  costs are paid before anything is timed.
* throughput: ``--n`` distinct synthetic articles (several countries and regions) are
  published as fast as the producer goes. The run ends when the worker's consumer group
  has no lag on the topics it consumes (articles, events, contributions; committed offsets,
  committed every second) and no tally update arrived for ``QUIET_S``. Sustained articles/s =
  n / (last tally update observed on ``tallies`` - first publish).
* latency: articles at a fixed ``--rate`` for ``--latency-seconds``; every
  ``--probe-every``-th is a PROBE. A tally record does not name the articles behind it, so a
  probe is built to open a tally nobody else touches: one event (no other figures in the
  text), a region of its own on a date of its own (``>= 3`` days from any other probe of
  that region, so incident resolution cannot merge them, and outside the date range of
  every other article). Which region and date the worker will give it is predicted with
  the same extraction core in this process; probes predicted to have no admin1 region or
  more than one event are not used. A probe's latency is from just before its send to the
  first record of its ``region|day|date`` tally observed on ``tallies``. A probe whose tally
  was seen before it was sent (a mis-resolved filler got there first) is discarded and
  counted. Publish -> first event record (``events``, by article id) is reported too.
* memory: RSS (psutil) of the worker process and its children, after warm-up and at the
  peak of the run; baseline: the pass-through process.

Usage: ``python bench/bench_pipeline.py [--n 5000] [--rate 100] [--latency-seconds 30] [--json]``
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime as dt
import ipaddress
import os
import random
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

THIS_FILE = Path(__file__).resolve()
BENCH_DIR = THIS_FILE.parent
REPO_ROOT = BENCH_DIR.parent
for _p in (str(BENCH_DIR), str(REPO_ROOT)):
    if _p not in sys.path:
        sys.path.insert(0, _p)

import orjson  # noqa: E402
import psutil  # noqa: E402
from corpus import (  # noqa: E402
    PLACES,
    Figure,
    SyntheticArticle,
    machine_info,
    make_article,
    percentile,
    print_report,
    runqueue_wait_s,
    synthetic_articles,
)

__all__ = ["Probe", "main", "plan_probes", "total_lag"]

GOAL_ARTICLES_PER_S = 500
GOAL_WORKER_RSS_MB = 400
QUIET_S = 3.0  # no tally update for this long (and no lag) = the worker is done
PROCESS_READY_TIMEOUT_S = 180.0
STOP_TIMEOUT_S = 20.0
LATENCY_DRAIN_S = 60.0  # the ceiling's drain after the last paced send (the worker gets --phase-timeout)
MATCH_SPACING_DAYS = 3  # > the incident matcher's window (2 days): probes never merge
#: probes live in the last 56 days before PROBE_END; every other article 60-85 days before it,
#: all inside the worker's 90-day retention of the newest event date.
PROBE_END = dt.date(2024, 6, 30)
PROBE_DAYS = 56
FILLER_START = PROBE_END - dt.timedelta(days=85)
FILLER_DAYS = 25
STEADY_PROBES = 60  # probes of the half-rate latency phase


# --------------------------------------------------------------------------- pure helpers
@dataclass(frozen=True, slots=True)
class Probe:
    article: SyntheticArticle
    region: str
    day: dt.date

    @property
    def tally_key(self) -> str:
        return f"{self.region}|day|{self.day.isoformat()}"


def plan_probes(
    count: int,
    predict: Callable[[SyntheticArticle], tuple[str, dt.date] | None],
    seed: int = 7,
    *,
    end: dt.date = PROBE_END,
    days: int = PROBE_DAYS,
    spacing: int = MATCH_SPACING_DAYS,
    max_candidates: int | None = None,
) -> tuple[list[Probe], int]:
    """Up to ``count`` probe articles whose predicted ``(region, day)`` tallies are their own:
    an admin1 region (``XX-YY``), at least ``spacing`` days from every other probe of that
    region. ``predict`` gives an article's single (region key, event date), or None when it
    has none or several. Returns the probes and how many candidates were rejected."""
    rng = random.Random(seed)
    slots = [end - dt.timedelta(days=d) for d in range(0, days, spacing)]
    used: dict[str, list[dt.date]] = {}
    probes: list[Probe] = []
    rejected = 0
    budget = max_candidates if max_candidates is not None else 3 * count + 50
    places = list(PLACES)
    i = 0
    while len(probes) < count and i < budget:
        place = places[i % len(places)]
        day = slots[(i // len(places)) % len(slots)]
        i += 1
        art = make_article(random.Random(rng.getrandbits(64)), f"probe-{seed}-{i:05d}", place, day,
                           rng.choice(("car_bomb", "airstrike", "shelling", "suicide", "clash")),
                           published=day, distractors=False)
        got = predict(art)
        if got is None or "-" not in got[0]:
            rejected += 1
            continue
        region, when = got
        if any(abs((when - other).days) < spacing for other in used.get(region, [])):
            rejected += 1
            continue
        used.setdefault(region, []).append(when)
        probes.append(Probe(art, region, when))
    return probes, rejected


def total_lag(committed: dict[tuple[str, int], int], ends: dict[tuple[str, int], int]) -> int:
    """Messages not yet committed by the group over the given partitions (missing commit = 0)."""
    return sum(max(0, end - committed.get(tp, 0)) for tp, end in ends.items())


def _ms(values: Sequence[float], q: float) -> float | None:
    p = percentile(values, q)
    return None if p is None else p * 1000


# --------------------------------------------------------------------------- processes
def _loopback(bootstrap: str) -> None:
    for hp in bootstrap.split(","):
        host = hp.rsplit(":", 1)[0].strip("[] ")
        if host != "localhost" and not ipaddress.ip_address(host).is_loopback:
            raise SystemExit(f"refusing to benchmark against {hp}: only 127.0.0.1 brokers")


def _spawn(cmd: list[str], env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    with open(log, "ab") as out:
        return subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                env=env, cwd=str(REPO_ROOT), start_new_session=True)


def _stop(proc: subprocess.Popen[bytes] | None) -> None:
    """SIGTERM the process group, SIGKILL it if it lingers; idempotent."""
    if proc is None:
        return
    if proc.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=STOP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            pass
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signal.SIGKILL)
    with contextlib.suppress(subprocess.TimeoutExpired):
        proc.wait(timeout=10)


def _tree_rss_mb(pid: int) -> float | None:
    try:
        p = psutil.Process(pid)
        procs = [p, *p.children(recursive=True)]
        return sum(x.memory_info().rss for x in procs if x.is_running()) / 2**20
    except psutil.Error:
        return None


def _tree_cpu_s(pid: int) -> float | None:
    """User + system CPU seconds of a process and its children so far."""
    try:
        p = psutil.Process(pid)
        total = 0.0
        for x in (p, *p.children(recursive=True)):
            t = x.cpu_times()
            total += t.user + t.system
        return total
    except psutil.Error:
        return None


def _env(extra: dict[str, str]) -> dict[str, str]:
    keep = ("CRISIS_STREAM_CACHE", "CRISIS_STREAM_GAZETTEER_CACHE_DIR")  # caches, not settings of this run
    env = {k: v for k, v in os.environ.items() if not k.startswith("CRISIS_STREAM_") or k in keep}
    env["PYTHONPATH"] = os.pathsep.join(x for x in (str(REPO_ROOT), os.environ.get("PYTHONPATH", "")) if x)
    env.update(extra)
    return env


def _log_has(path: Path, marker: bytes) -> bool:
    try:
        return marker in path.read_bytes()
    except OSError:
        return False


def _tail(path: Path, lines: int = 30) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return ""


# --------------------------------------------------------------------------- kafka helpers
class Observer:
    """Consumes topics from their current end, recording when each key first arrived."""

    def __init__(self, bootstrap: str, topics: Sequence[str], partitions: int, *,
                 parse_article_ids: Sequence[str] = ()) -> None:
        self.bootstrap = bootstrap
        self.topics = list(topics)
        self.partitions = partitions
        self.parse = set(parse_article_ids)
        self.first_seen: dict[str, dict[str, float]] = {t: {} for t in topics}
        self.count: dict[str, int] = dict.fromkeys(topics, 0)
        self.last_at: dict[str, float] = dict.fromkeys(topics, 0.0)
        self._task: asyncio.Task[None] | None = None
        self._consumer: Any = None
        #: a second, unassigned consumer for end offsets (lag checks); lives as long as the observer
        self.meta: Any = None

    async def start(self) -> None:
        from aiokafka import AIOKafkaConsumer, TopicPartition

        self._consumer = AIOKafkaConsumer(bootstrap_servers=self.bootstrap, enable_auto_commit=False,
                                          fetch_max_wait_ms=10, auto_offset_reset="latest",
                                          max_partition_fetch_bytes=8 * 1024 * 1024)
        await self._consumer.start()
        tps = [TopicPartition(t, p) for t in self.topics for p in range(self.partitions)]
        self._consumer.assign(tps)
        await self._consumer.seek_to_end(*tps)
        for tp in tps:  # resolve the end offsets now, so "from now on" means now
            await self._consumer.position(tp)
        self.meta = AIOKafkaConsumer(bootstrap_servers=self.bootstrap, enable_auto_commit=False)
        await self.meta.start()
        self._task = asyncio.create_task(self._run())

    async def _run(self) -> None:
        clock = time.monotonic
        while True:
            batches = await self._consumer.getmany(timeout_ms=50, max_records=2000)
            now = clock()
            for tp, msgs in batches.items():
                seen = self.first_seen[tp.topic]
                self.count[tp.topic] += len(msgs)
                self.last_at[tp.topic] = now
                parse = tp.topic in self.parse
                for m in msgs:
                    if parse:
                        with contextlib.suppress(Exception):
                            key = orjson.loads(m.value)["article_id"]
                            seen.setdefault(key, now)
                    else:
                        seen.setdefault(m.key.decode() if m.key else "", now)

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._task
        await asyncio.sleep(0)  # aiokafka: a consumer stopped before its tasks ever ran raises CancelledError
        for consumer in (self._consumer, self.meta):
            if consumer is not None:
                await consumer.stop()


async def _producer(bootstrap: str) -> Any:
    from aiokafka import AIOKafkaProducer

    prod = AIOKafkaProducer(bootstrap_servers=bootstrap, linger_ms=5, max_batch_size=256 * 1024,
                            max_request_size=8 * 1024 * 1024)
    await prod.start()
    return prod


async def _publish_burst(prod: Any, topic: str, items: Sequence[tuple[bytes, bytes]]) -> tuple[float, float]:
    """Send everything as fast as the producer takes it; (first send, last ack) monotonic."""
    t0 = time.monotonic()
    futures = [await prod.send(topic, value=v, key=k) for k, v in items]
    await asyncio.gather(*futures)
    return t0, time.monotonic()


async def _publish_paced(prod: Any, topic: str, items: Sequence[tuple[bytes, bytes]], rate: float,
                         sent_at: dict[str, float]) -> None:
    """Send item i at start + i / rate (never faster), recording each key's send time."""
    start = time.monotonic()
    futures = []
    for i, (k, v) in enumerate(items):
        delay = start + i / rate - time.monotonic()
        if delay > 0:
            await asyncio.sleep(delay)
        sent_at[k.decode()] = time.monotonic()
        futures.append(await prod.send(topic, value=v, key=k))
    await asyncio.gather(*futures)


async def _group_lag(bootstrap: str, group: str, topics: Sequence[str], partitions: int, consumer: Any) -> int:
    """The group's lag over every partition of ``topics`` (committed offsets; none = 0)."""
    from aiokafka import TopicPartition
    from aiokafka.admin import AIOKafkaAdminClient

    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        offsets = await admin.list_consumer_group_offsets(group)
    finally:
        await admin.close()
    committed = {(tp.topic, tp.partition): om.offset for tp, om in offsets.items() if om.offset >= 0}
    tps = [TopicPartition(t, p) for t in topics for p in range(partitions)]
    ends = await consumer.end_offsets(tps)
    return total_lag(committed, {(tp.topic, tp.partition): off for tp, off in ends.items()})


async def _wait_done(bootstrap: str, group: str, topics: Sequence[str], partitions: int, observer: Observer,
                     out_topic: str, deadline: float, *, expect: int | None = None) -> bool:
    """Until ``expect`` messages arrived on ``out_topic``, or (no ``expect``) the group has no
    lag and ``out_topic`` has been quiet for QUIET_S. False when the deadline came first."""
    while time.monotonic() < deadline:
        if expect is not None:
            if observer.count[out_topic] >= expect:
                return True
        else:
            last = observer.last_at[out_topic]
            if last and time.monotonic() - last >= QUIET_S:
                if await _group_lag(bootstrap, group, topics, partitions, observer.meta) == 0:
                    return True
        await asyncio.sleep(0.25)
    return False


class RssSampler:
    """Samples a process tree's RSS every half second; keeps the peak."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.peak = 0.0
        self.last: float | None = None
        self._task: asyncio.Task[None] | None = None

    def sample(self) -> float | None:
        rss = _tree_rss_mb(self.pid)
        if rss is not None:
            self.last = rss
            self.peak = max(self.peak, rss)
        return rss

    async def _run(self) -> None:
        while True:
            self.sample()
            await asyncio.sleep(0.5)

    def start(self) -> None:
        self._task = asyncio.create_task(self._run())

    async def stop(self) -> None:
        if self._task:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task


# --------------------------------------------------------------------------- the pass-through
async def _passthrough(bootstrap: str, src: str, dst: str, group: str) -> None:
    """The ceiling: consume ``src`` in a group, produce the same bytes to ``dst``."""
    from aiokafka import AIOKafkaConsumer, AIOKafkaProducer

    consumer = AIOKafkaConsumer(src, bootstrap_servers=bootstrap, group_id=group, auto_offset_reset="earliest",
                                enable_auto_commit=True, auto_commit_interval_ms=1000,
                                max_partition_fetch_bytes=8 * 1024 * 1024)
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, linger_ms=5, max_batch_size=256 * 1024,
                                max_request_size=8 * 1024 * 1024)
    await producer.start()
    await consumer.start()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    try:
        ready = False
        while not stop.is_set():
            batches = await consumer.getmany(timeout_ms=100, max_records=1000)
            if not ready and consumer.assignment():
                print("READY", flush=True)
                ready = True
            futures = [await producer.send(dst, value=m.value, key=m.key) for msgs in batches.values() for m in msgs]
            if futures:
                await asyncio.gather(*futures)
    finally:
        await consumer.stop()
        await producer.stop()


async def _wait_passthrough_ready(log: Path, proc: subprocess.Popen[bytes], deadline: float) -> None:
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"pass-through exited with {proc.returncode}:\n{_tail(log)}")
        if _log_has(log, b"READY"):
            return
        await asyncio.sleep(0.1)
    raise RuntimeError(f"pass-through not ready:\n{_tail(log)}")


# --------------------------------------------------------------------------- phases
@dataclass
class PhaseResult:
    rate: float | None = None
    elapsed: float | None = None
    publish_s: float | None = None
    latencies: list[float] = field(default_factory=list)
    event_latencies: list[float] = field(default_factory=list)
    completed: bool = False
    notes: list[str] = field(default_factory=list)


def _article_items(articles: Sequence[SyntheticArticle]) -> list[tuple[bytes, bytes]]:
    return [(a.id.encode(), orjson.dumps(a.article_json())) for a in articles]


async def run_ceiling(bootstrap: str, args: argparse.Namespace, work: Path, run_id: str,
                      burst: list[tuple[bytes, bytes]], paced: list[tuple[bytes, bytes]]) -> dict[str, Any]:
    from streams.localkafka import create_topics

    src, dst, group = f"bench-{run_id}-pt-in", f"bench-{run_id}-pt-out", f"bench-{run_id}-pt"
    create_topics(bootstrap, [src, dst], partitions=args.partitions)
    log = work / "passthrough.log"
    cmd = [sys.executable, str(THIS_FILE), "--passthrough", "--bootstrap", bootstrap,
           "--pt-in", src, "--pt-out", dst, "--pt-group", group]
    proc = _spawn(cmd, _env({}), log)
    prod = observer = None
    out: dict[str, Any] = {}
    try:
        await _wait_passthrough_ready(log, proc, time.monotonic() + PROCESS_READY_TIMEOUT_S)
        out["rss_idle_mb"] = _tree_rss_mb(proc.pid)
        sampler = RssSampler(proc.pid)
        sampler.start()
        observer = Observer(bootstrap, [dst], args.partitions)
        await observer.start()
        prod = await _producer(bootstrap)
        cpu0 = _tree_cpu_s(proc.pid)
        t0, t_acked = await _publish_burst(prod, src, burst)
        done = await _wait_done(bootstrap, group, [src], args.partitions, observer, dst,
                                time.monotonic() + args.phase_timeout, expect=len(burst))
        last = observer.last_at[dst]
        cpu1 = _tree_cpu_s(proc.pid)
        if cpu0 is not None and cpu1 is not None and last > t0:
            out["cpu_pct"] = 100 * (cpu1 - cpu0) / (last - t0)
            out["cpu_ms_per_msg"] = 1000 * (cpu1 - cpu0) / len(burst)
        out["throughput"] = len(burst) / (last - t0) if done and last > t0 else None
        out["publish_s"] = t_acked - t0
        out["throughput_done"] = done
        sent_at: dict[str, float] = {}
        base = observer.count[dst]
        await _publish_paced(prod, src, paced, args.rate, sent_at)
        await _wait_done(bootstrap, group, [src], args.partitions, observer, dst,
                         time.monotonic() + LATENCY_DRAIN_S, expect=base + len(paced))
        seen = observer.first_seen[dst]
        out["latencies"] = [seen[k] - t for k, t in sent_at.items() if k in seen]
        out["latency_missing"] = sum(1 for k in sent_at if k not in seen)
        sampler.sample()
        await sampler.stop()
        out["rss_peak_mb"] = sampler.peak
    finally:
        if prod is not None:
            await prod.stop()
        if observer is not None:
            await observer.stop()
        _stop(proc)
    return out


async def _latency_phase(prod: Any, observer: Observer, names: dict[str, str], items: list[tuple[bytes, bytes]],
                         probes: list[Probe], rate: float, drain_s: float) -> dict[str, Any]:
    """Send ``items`` at ``rate``; each probe's latency is send -> first record of its tally."""
    tallies = names["tallies"]
    sent_at: dict[str, float] = {}
    seen_before = set(observer.first_seen[tallies])
    await _publish_paced(prod, names["articles"], items, rate, sent_at)
    keys = {p.tally_key: p.article.id for p in probes}
    drain = time.monotonic() + drain_s  # an overloaded worker drains its backlog first
    while time.monotonic() < drain:
        if keys.keys() <= observer.first_seen[tallies].keys():
            break
        await asyncio.sleep(0.25)
    seen = observer.first_seen[tallies]
    ev_seen = observer.first_seen[names["events"]]
    lat, collided, missing = [], 0, 0
    for key, ident in keys.items():
        t_send = sent_at.get(ident)
        if t_send is None:
            continue
        if key in seen_before or (key in seen and seen[key] < t_send):
            collided += 1
        elif key in seen:
            lat.append(seen[key] - t_send)
        else:
            missing += 1
    return {"latencies": lat, "event_latencies": [ev_seen[k] - t for k, t in sent_at.items() if k in ev_seen],
            "latency_probes": len(keys), "latency_collided": collided, "latency_missing": missing}


def _predictor() -> Callable[[SyntheticArticle], tuple[str, dt.date] | None]:
    """(region key, event date) the worker will give an article, by the same extraction core."""
    from extraction import ArticleInput, Extractor
    from extraction.geo import Gazetteer
    from streams.incidents import event_date

    extractor = Extractor(gazetteer=Gazetteer.load())

    def predict(a: SyntheticArticle) -> tuple[str, dt.date] | None:
        pub = dt.datetime.combine(a.published, dt.time(9, 30), tzinfo=dt.UTC)
        events = extractor.extract(ArticleInput(id=a.id, text=a.text, title=a.title, published=a.published,
                                                published_at=pub, source=a.source, url=a.url)).events
        if len(events) != 1:
            return None
        when = event_date(events[0])
        return None if when is None else (events[0].region_key, when)

    return predict


async def _wait_worker_ready(port: int, proc: subprocess.Popen[bytes], log: Path, deadline: float) -> None:
    url = f"http://127.0.0.1:{port}/health"
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"worker exited with {proc.returncode}:\n{_tail(log)}")
        try:
            body = await asyncio.to_thread(_http_get, url)
            if body and body.get("assigned_partitions", 0) > 0:
                return
        except Exception:  # not up yet
            pass
        await asyncio.sleep(0.5)
    raise RuntimeError(f"worker not ready after {PROCESS_READY_TIMEOUT_S:.0f}s:\n{_tail(log)}")


def _http_get(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=3) as resp:
        return orjson.loads(resp.read())


async def run_pipeline(bootstrap: str, args: argparse.Namespace, work: Path, run_id: str,
                       warm: list[tuple[bytes, bytes]], burst: list[tuple[bytes, bytes]],
                       paced: list[tuple[bytes, bytes]], probes: list[Probe],
                       steady_probes: list[Probe]) -> dict[str, Any]:
    from streams.localkafka import create_topics, free_port

    names = {k: f"bench-{run_id}-{k}" for k in ("articles", "events", "incidents", "tallies", "dead-letter", "late")}
    app_id = f"bench-{run_id}"
    port = free_port()
    create_topics(bootstrap, [names["articles"], names["events"], names["incidents"], names["tallies"],
                              names["dead-letter"], names["late"]], partitions=args.partitions)
    env = _env({
        "KAFKA_BOOTSTRAP_SERVERS": bootstrap, "CRISIS_STREAM_APP_ID": app_id,
        "CRISIS_STREAM_WEB_PORT": str(port), "CRISIS_STREAM_DATA_DIR": str(work / "worker"),
        "CRISIS_STREAM_PARTITIONS": str(args.partitions),
        "CRISIS_STREAM_ARTICLES_TOPIC": names["articles"], "CRISIS_STREAM_EVENTS_TOPIC": names["events"],
        "CRISIS_STREAM_INCIDENTS_TOPIC": names["incidents"], "CRISIS_STREAM_TALLIES_TOPIC": names["tallies"],
        "CRISIS_STREAM_DEAD_LETTER_TOPIC": names["dead-letter"], "CRISIS_STREAM_LATE_TOPIC": names["late"],
    })
    consumed = [names["articles"], names["events"], f"{names['tallies']}.contributions"]
    log = work / "worker.log"
    t_spawn = time.monotonic()
    for item in args.worker_env:
        key, _, value = item.partition("=")
        env[key] = value
    profile = [] if not args.profile_worker else ["-m", "cProfile", "-o", str(work / "worker.prof")]
    target = shlex.split(args.worker_module) if args.worker_module else ["-m", "streams"]
    proc = _spawn([sys.executable, *profile, *target, "worker", "-l", "info"], env, log)
    prod = observer = None
    sampler: RssSampler | None = None
    out: dict[str, Any] = {"log": str(log)}
    try:
        await _wait_worker_ready(port, proc, log, time.monotonic() + PROCESS_READY_TIMEOUT_S)
        out["ready_s"] = time.monotonic() - t_spawn
        sampler = RssSampler(proc.pid)
        sampler.start()
        observer = Observer(bootstrap, [names["tallies"], names["events"], names["dead-letter"]],
                            args.partitions, parse_article_ids=[names["events"]])
        await observer.start()
        prod = await _producer(bootstrap)

        # warm-up (not timed): the extractor loads, tables and topics see their first writes
        await _publish_burst(prod, names["articles"], warm)
        warm_done = await _wait_done(bootstrap, app_id, consumed, args.partitions, observer, names["tallies"],
                                     time.monotonic() + args.phase_timeout)
        out["warm_done"] = warm_done
        await asyncio.sleep(1.0)
        out["rss_ready_mb"] = sampler.sample()

        # throughput
        events_before = observer.count[names["events"]]
        dl_before = observer.count[names["dead-letter"]]
        cpu0, wait0 = _tree_cpu_s(proc.pid), runqueue_wait_s(proc.pid)
        t0, t_acked = await _publish_burst(prod, names["articles"], burst)
        done = await _wait_done(bootstrap, app_id, consumed, args.partitions, observer, names["tallies"],
                                time.monotonic() + args.phase_timeout)
        last = observer.last_at[names["tallies"]]
        cpu1, wait1 = _tree_cpu_s(proc.pid), runqueue_wait_s(proc.pid)
        if cpu0 is not None and cpu1 is not None and last > t0:
            out["cpu_pct"] = 100 * (cpu1 - cpu0) / (last - t0)
            out["cpu_ms_per_msg"] = 1000 * (cpu1 - cpu0) / len(burst)
        if wait0 is not None and wait1 is not None and last > t0:
            out["runqueue_wait_pct"] = 100 * (wait1 - wait0) / (last - t0)
        out["throughput"] = len(burst) / (last - t0) if last > t0 else None
        out["throughput_done"] = done
        out["publish_s"] = t_acked - t0
        burst_ids = {k.decode() for k, _ in burst}
        out["articles_with_events"] = len(burst_ids & observer.first_seen[names["events"]].keys())
        out["events"] = observer.count[names["events"]] - events_before
        out["dead_letters"] = observer.count[names["dead-letter"]] - dl_before
        out["tally_updates"] = observer.count[names["tallies"]]

        # latency at a fixed rate
        out.update(await _latency_phase(prod, observer, names, paced, probes, args.rate, args.phase_timeout))

        # and at half the sustained rate, where the queue stays short (when 100/s was too much)
        rate = out.get("throughput")
        if args.steady_seconds > 0 and rate and rate < 2 * args.rate and steady_probes:
            await _wait_done(bootstrap, app_id, consumed, args.partitions, observer, names["tallies"],
                             time.monotonic() + args.phase_timeout)
            steady_rate = max(1.0, rate / 2)
            total = max(len(steady_probes), int(steady_rate * args.steady_seconds))
            every = max(1, total // len(steady_probes))
            items = _article_items(_paced_schedule(steady_probes, total, every, args.seed + 4, prefix="steady"))
            steady = await _latency_phase(prod, observer, names, items, steady_probes, steady_rate,
                                          args.phase_timeout)
            out["steady_rate"] = steady_rate
            out.update({f"steady_{k}": v for k, v in steady.items()})
        sampler.sample()
        out["rss_peak_mb"] = sampler.peak
        out["rss_end_mb"] = sampler.last
    finally:
        if sampler is not None:
            await sampler.stop()
        if prod is not None:
            await prod.stop()
        if observer is not None:
            await observer.stop()
        _stop(proc)
        if args.profile_worker:
            _print_profile(work / "worker.prof")
    return out


def _print_profile(path: Path, top: int = 30) -> None:
    import pstats

    if not path.exists():
        sys.stderr.write(f"no worker profile at {path} (the worker did not exit cleanly)\n")
        return
    stats = pstats.Stats(str(path), stream=sys.stderr)
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)


# --------------------------------------------------------------------------- main
@contextlib.contextmanager
def _broker(bootstrap: str | None, work: Path) -> Iterator[str]:
    if bootstrap:
        _loopback(bootstrap)
        yield bootstrap
        return
    from streams.localkafka import LocalKafka

    kafka = LocalKafka(data_dir=work / "kafka", heap="512m", log_level="WARN")
    kafka.start()
    try:
        yield kafka.bootstrap
    finally:
        kafka.stop()


def _paced_schedule(probes: list[Probe], total: int, every: int, seed: int, *,
                    prefix: str = "lat") -> list[SyntheticArticle]:
    """``total`` articles with probe i at position i * every; fillers elsewhere."""
    fillers = iter(synthetic_articles(total, seed, start=FILLER_START, days=FILLER_DAYS, prefix=prefix))
    out: list[SyntheticArticle] = []
    pi = 0
    for i in range(total):
        if i % every == every - 1 and pi < len(probes):
            out.append(probes[pi].article)
            pi += 1
        else:
            out.append(next(fillers))
    return out


async def _amain(args: argparse.Namespace) -> tuple[list[Figure], list[str], dict[str, Any]]:
    notes: list[str] = []
    run_id = uuid.uuid4().hex[:8]
    work = Path(tempfile.mkdtemp(prefix="crisis-bench-"))
    total_paced = int(args.rate * args.latency_seconds)
    burst_articles = synthetic_articles(args.n, args.seed, start=FILLER_START, days=FILLER_DAYS, prefix="tp")
    burst = _article_items(burst_articles)
    warm = _article_items(synthetic_articles(args.warmup, args.seed + 1, start=FILLER_START, days=FILLER_DAYS,
                                             prefix="warm"))
    probes: list[Probe] = []
    steady_probes: list[Probe] = []
    if not args.ceiling_only:
        t = time.monotonic()
        want = max(1, total_paced // args.probe_every)
        planned, rejected = plan_probes(want + STEADY_PROBES, _predictor(), seed=args.seed + 2)
        probes, steady_probes = planned[:want], planned[want:]
        notes.append(f"probes: {len(probes)} planned ({rejected} candidates rejected) in "
                     f"{time.monotonic() - t:.1f} s")
    paced = _article_items(_paced_schedule(probes, total_paced, args.probe_every, args.seed + 3))
    raw = {}
    try:
        with _broker(args.bootstrap, work) as bootstrap:
            ceiling = await run_ceiling(bootstrap, args, work, run_id, burst, paced)
            raw["ceiling"] = ceiling
            pipe: dict[str, Any] = {}
            if not args.ceiling_only:
                try:
                    pipe = await run_pipeline(bootstrap, args, work, run_id, warm, burst, paced, probes,
                                              steady_probes)
                except Exception as exc:  # reported as n/a figures, with the reason
                    notes.append(f"pipeline failed: {type(exc).__name__}: {str(exc)[:1500]}")
            raw["pipeline"] = pipe
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
        else:
            notes.append(f"work dir kept: {work}")

    ceil_lat = ceiling.get("latencies", [])
    pipe_lat = pipe.get("latencies", [])
    figures = [
        Figure("pipeline.articles_per_s", pipe.get("throughput"), "articles/s", "ceiling.msgs_per_s",
               ceiling.get("throughput"), goal=f">= {GOAL_ARTICLES_PER_S}",
               note=f"{args.n} articles, first publish -> last tally update"),
        Figure("pipeline.p50_ms", _ms(pipe_lat, 50), "ms", "ceiling.p50_ms", _ms(ceil_lat, 50),
               note=f"publish -> tally, {args.rate:g}/s for {args.latency_seconds:g} s"),
        Figure("pipeline.p99_ms", _ms(pipe_lat, 99), "ms", "ceiling.p99_ms", _ms(ceil_lat, 99),
               note=f"{len(pipe_lat)} probes"),
        Figure("pipeline.steady_p99_ms", _ms(pipe.get("steady_latencies", []), 99), "ms", "ceiling.p99_ms",
               _ms(ceil_lat, 99), note=f"publish -> tally at {pipe.get('steady_rate') or 0:.0f}/s (half the "
               f"sustained rate, {args.steady_seconds:g} s), {len(pipe.get('steady_latencies', []))} probes"),
        Figure("pipeline.event_p99_ms", _ms(pipe.get("event_latencies", []), 99), "ms", "ceiling.p99_ms",
               _ms(ceil_lat, 99), note="publish -> first event record (first hop)"),
        Figure("worker.rss_ready_mb", pipe.get("rss_ready_mb"), "MB", "passthrough.rss_mb",
               ceiling.get("rss_idle_mb"), goal=f"<= {GOAL_WORKER_RSS_MB}", note="after warm-up, gazetteer loaded"),
        Figure("worker.rss_peak_mb", pipe.get("rss_peak_mb"), "MB", "passthrough.rss_peak_mb",
               ceiling.get("rss_peak_mb"), goal=f"<= {GOAL_WORKER_RSS_MB}"),
        Figure("worker.cpu_pct", pipe.get("cpu_pct"), "% of a core", "passthrough.cpu_pct", ceiling.get("cpu_pct"),
               note="during the throughput phase; ~100 = CPU-bound in one Python process"),
        Figure("worker.cpu_ms_per_article", pipe.get("cpu_ms_per_msg"), "ms", "passthrough.cpu_ms_per_msg",
               ceiling.get("cpu_ms_per_msg"), note="worker CPU time / articles, throughput phase"),
        Figure("worker.runqueue_wait_pct", pipe.get("runqueue_wait_pct"), "% of wall",
               note="worker threads runnable but waiting for a CPU (schedstat): high = the machine is the limit"),
        Figure("worker.ready_s", pipe.get("ready_s"), "s", note="spawn -> /health with assigned partitions"),
    ]
    if ceiling.get("publish_s") is not None:
        notes.append(f"burst publish of {args.n} articles took {ceiling['publish_s']:.2f} s (ceiling run), "
                     f"{pipe.get('publish_s') or float('nan'):.2f} s (pipeline run)")
    if pipe:
        notes.append(f"throughput phase: complete={pipe.get('throughput_done')}, articles with events "
                     f"{pipe.get('articles_with_events')}/{args.n}, events {pipe.get('events')}, "
                     f"dead letters {pipe.get('dead_letters')}, tally updates {pipe.get('tally_updates')}")
        notes.append(f"latency probes: {pipe.get('latency_probes')} sent, {len(pipe_lat)} measured, "
                     f"{pipe.get('latency_collided')} discarded (tally seen before send), "
                     f"{pipe.get('latency_missing')} never seen within {args.phase_timeout:.0f} s of the last send")
    rate = pipe.get("throughput")
    if rate is not None and rate < args.rate:
        notes.append(f"offered load {args.rate:g}/s is above the sustained {rate:.0f}/s: the latency phase "
                     f"measures a growing queue (latency rises through the run), not steady-state latency")
    if ceiling.get("latency_missing"):
        notes.append(f"ceiling: {ceiling['latency_missing']} paced messages never seen")
    notes.append(f"partitions {args.partitions}; worker store: settings default; broker: local Kafka "
                 f"{'(given)' if args.bootstrap else 'started by this run'}; bench, broker, worker share the machine")
    return figures, notes, raw


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="bench_pipeline", description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=5000, help="articles in the throughput phase")
    ap.add_argument("--rate", type=float, default=100.0, help="articles/s in the latency phase")
    ap.add_argument("--latency-seconds", type=float, default=30.0)
    ap.add_argument("--probe-every", type=int, default=10, help="every k-th paced article is a probe")
    ap.add_argument("--steady-seconds", type=float, default=15.0,
                    help="a second latency phase at half the sustained rate when --rate was too much (0: skip)")
    ap.add_argument("--warmup", type=int, default=50)
    ap.add_argument("--partitions", type=int, default=4)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--bootstrap", default=None, help="a loopback broker to use instead of starting one")
    ap.add_argument("--phase-timeout", type=float, default=600.0, help="deadline of each phase, seconds")
    ap.add_argument("--ceiling-only", action="store_true", help="measure the pass-through only")
    ap.add_argument("--keep", action="store_true", help="keep the work dir (logs) for inspection")
    ap.add_argument("--worker-env", action="append", default=[], metavar="KEY=VALUE",
                    help="extra environment for the worker (e.g. CRISIS_STREAM_STORE=memory://); repeatable")
    ap.add_argument("--worker-module", default=None, metavar="ARGS",
                    help="what follows the interpreter instead of '-m streams' (a variant worker script to "
                         "compare); 'worker -l info' is appended")
    ap.add_argument("--profile-worker", action="store_true",
                    help="run the worker under cProfile and print its hot spots to stderr (slows it)")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--passthrough", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--pt-in", help=argparse.SUPPRESS)
    ap.add_argument("--pt-out", help=argparse.SUPPRESS)
    ap.add_argument("--pt-group", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.passthrough:
        _loopback(args.bootstrap)
        asyncio.run(_passthrough(args.bootstrap, args.pt_in, args.pt_out, args.pt_group))
        return 0
    if args.bootstrap:
        _loopback(args.bootstrap)

    def on_term(*_: object) -> None:
        # SIGTERM would end the process without running any ``finally``: turn it into the
        # interrupt asyncio.run cancels on, so the broker and the worker are stopped.
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, on_term)
    info = machine_info()
    figures, notes, _ = asyncio.run(_amain(args))
    print_report("bench_pipeline", figures, info, as_json=args.json, notes=notes)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
