"""Streaming speed and memory: articles/s from ``articles`` to ``tallies``, latency, worker RSS.

Everything runs on 127.0.0.1: a local Apache Kafka (``streams.localkafka``) started here
unless ``--bootstrap`` names a loopback broker, and subprocesses this benchmark starts and
stops (whole process groups, in ``finally``). Every wait has a deadline.

CEILING (same run, same broker, same messages): a bare aiokafka pass-through process
(consume ``in``, produce the same bytes to ``out``; a consumer group like the worker's),
measured exactly like the pipeline below. Ratios are pipeline / ceiling.

Method, per phase. The pipeline is ``--workers`` (default 2, one per core of the 2-core
target machine) ``python -m streams worker`` processes of one fresh app id (one consumer
group), with fresh topic names, ``--partitions`` partitions everywhere (default 4: 2 workers
get 2 each), and each its own web port and data dir; they start together, and nothing is
sent before every worker is up and the group has settled (the coordinator says Stable with
one member per worker, and the workers' ``/health`` ``assigned_partitions`` add up to every
partition of the subscribed topics, what one worker alone gets).

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
* memory: RSS (psutil) of each worker process and its children, after warm-up and at the
  peak of the run; the figure is the largest worker's (the goal is per worker), a note gives
  each; baseline: the pass-through process.
* CPU: CPU seconds and runqueue wait (schedstat) of every worker during the throughput
  phase, summed over the workers (per article, and per wall second: % of a core).

Usage: ``python bench/bench_pipeline.py [--n 5000] [--rate 100] [--latency-seconds 30] [--workers 2] [--json]``
(``--latency-seconds 0``: the throughput phase only.)
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
    varied_articles,
)

__all__ = ["Probe", "group_settled", "main", "plan_probes", "total_lag"]

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
#: One worker per core of the 2-core machine the goals are set for: each worker is one Python
#: process (one core at most), so this is the scale-out the service is built for; fixed rather
#: than os.cpu_count() so runs on other machines stay comparable. 4 partitions: 2 each.
DEFAULT_WORKERS = 2
POLL_S = 0.5  # /health and group polls while the workers start
SETTLE_POLLS = 3  # the group counts as settled after this many agreeing polls in a row


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


def _fmt(v: float | None) -> str:
    return "n/a" if v is None else f"{v:.1f}"


def group_settled(state: str, member_partitions: Sequence[int], worker_partitions: Sequence[int],
                  expected: int | None) -> bool:
    """Whether a consumer group of ``len(worker_partitions)`` workers has settled: the
    coordinator says ``Stable`` with one member per worker, every worker holds partitions
    (its /health ``assigned_partitions``), and both the members' assignments and the workers'
    counts add up to ``expected`` (every partition of the subscribed topics, what a lone
    worker gets): none left unassigned, none still held by a worker it was taken from."""
    return (state == "Stable" and len(member_partitions) == len(worker_partitions)
            and min(worker_partitions, default=0) > 0 and expected is not None
            and sum(worker_partitions) == sum(member_partitions) == expected)


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


def _stop_all(procs: Sequence[subprocess.Popen[bytes]]) -> None:
    """SIGTERM every process group first (they shut down side by side), then ``_stop`` each:
    SIGKILL whatever lingers past STOP_TIMEOUT_S."""
    for proc in procs:
        if proc.poll() is None:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(proc.pid, signal.SIGTERM)
    deadline = time.monotonic() + STOP_TIMEOUT_S
    for proc in procs:
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(timeout=max(0.1, deadline - time.monotonic()))
    for proc in procs:
        _stop(proc)


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


def _broker_cpu_s(args: argparse.Namespace) -> float | None:
    """CPU seconds used so far by the broker this run started (None: an outside broker)."""
    pid = getattr(args, "broker_pid", None)
    return None if pid is None else _tree_cpu_s(pid)


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
                     out_topic: str, deadline: float, *, expect: int | None = None,
                     check: Callable[[], None] | None = None) -> bool:
    """Until ``expect`` messages arrived on ``out_topic``, or (no ``expect``) the group has no
    lag and ``out_topic`` has been quiet for QUIET_S. False when the deadline came first;
    ``check`` raises when waiting is pointless (a worker exited)."""
    while time.monotonic() < deadline:
        if check is not None:
            check()
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
        broker0 = _broker_cpu_s(args)
        t0, t_acked = await _publish_burst(prod, src, burst)
        done = await _wait_done(bootstrap, group, [src], args.partitions, observer, dst,
                                time.monotonic() + args.phase_timeout, expect=len(burst))
        last = observer.last_at[dst]
        cpu1 = _tree_cpu_s(proc.pid)
        broker1 = _broker_cpu_s(args)
        if broker0 is not None and broker1 is not None:
            out["broker_cpu_ms_per_msg"] = 1000 * (broker1 - broker0) / len(burst)
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


# --------------------------------------------------------------------------- the worker group
@dataclass
class Worker:
    """One ``streams worker`` process of the benchmark's consumer group."""

    index: int
    proc: subprocess.Popen[bytes]
    port: int
    log: Path
    spawned_at: float
    ready_at: float | None = None  # first /health with partitions assigned
    assigned: int | None = None  # /health assigned_partitions once the group settled
    sampler: RssSampler | None = None

    def check_alive(self) -> None:
        if self.proc.poll() is not None:
            raise RuntimeError(f"worker {self.index} (port {self.port}) exited with {self.proc.returncode}:\n"
                               f"{_tail(self.log)}")


def _check_alive(workers: Sequence[Worker]) -> None:
    for w in workers:
        w.check_alive()


def _http_get(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=3) as resp:
        return orjson.loads(resp.read())


def _health(port: int) -> dict[str, Any] | None:
    """A worker's /health body, or None while it does not answer."""
    try:
        body = _http_get(f"http://127.0.0.1:{port}/health")
    except Exception:  # not up yet, or busy past the timeout
        return None
    return body if isinstance(body, dict) else None


def _assignments_in_log(log: Path) -> int:
    """How many assignments (one per rebalance the worker took part in) its log records."""
    try:
        return log.read_bytes().count(b"Setting newly assigned partitions")
    except OSError:
        return 0


async def _describe_group(admin: Any, group: str) -> tuple[str, list[int], set[str]]:
    """The group coordinator's view: state, partitions assigned to each member, and the topics
    the members subscribe to (source topics, table changelogs, faust's leader topic)."""
    from aiokafka.coordinator.protocol import ConsumerProtocolMemberAssignment, ConsumerProtocolMemberMetadata

    described = (await admin.describe_consumer_groups([group]))[0].to_object()["groups"][0]
    counts: list[int] = []
    topics: set[str] = set()
    for member in described["members"]:
        # While the group rebalances, metadata and assignment are empty bytes: nothing to decode.
        with contextlib.suppress(Exception):
            topics.update(ConsumerProtocolMemberMetadata.decode(member["member_metadata"]).subscription)
        try:
            assignment = ConsumerProtocolMemberAssignment.decode(member["member_assignment"]).assignment
            counts.append(sum(len(parts) for _, parts in assignment))
        except Exception:
            counts.append(0)
    return described["state"], counts, topics


async def _wait_group_settled(bootstrap: str, group: str, workers: Sequence[Worker], consumed: Sequence[str],
                              deadline: float) -> dict[str, Any]:
    """Until every worker answers /health with partitions assigned AND the group has settled:
    the coordinator says ``Stable`` with one member per worker, the members' assignments and
    the sum of the workers' ``assigned_partitions`` both equal every partition of the topics
    the group subscribes to (what one worker alone gets: no partition unassigned or held
    twice), unchanged over SETTLE_POLLS polls. A worker that joins late makes the group
    rebalance; this waits that out, so no phase starts on a half-assigned group."""
    from aiokafka.admin import AIOKafkaAdminClient

    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    state, members, assigned, expected = "unknown", [], [0] * len(workers), None
    states: list[str] = []
    streak, last = 0, None
    try:
        while time.monotonic() < deadline:
            _check_alive(workers)
            bodies = await asyncio.gather(*(asyncio.to_thread(_health, w.port) for w in workers))
            now = time.monotonic()
            assigned = [int(b.get("assigned_partitions") or 0) if b else 0 for b in bodies]
            for w, n in zip(workers, assigned, strict=True):
                if n > 0 and w.ready_at is None:
                    w.ready_at = now
            state, members, subscribed = await _describe_group(admin, group)
            if not states or states[-1] != state:
                states.append(state)
            if subscribed:
                described = await admin.describe_topics(sorted(subscribed | set(consumed)))
                expected = sum(len(t["partitions"]) for t in described)
            settled = group_settled(state, members, assigned, expected)
            streak = streak + 1 if settled and assigned == last else int(settled)
            last = assigned
            if streak >= SETTLE_POLLS:
                for w, n in zip(workers, assigned, strict=True):
                    w.assigned = n
                return {"expected_partitions": expected, "assigned": assigned, "group_states": states}
            await asyncio.sleep(POLL_S)
    finally:
        await admin.close()
    tails = "\n".join(f"--- worker {w.index}:\n{_tail(w.log, 15)}" for w in workers)
    raise RuntimeError(f"consumer group not settled after {PROCESS_READY_TIMEOUT_S:.0f}s: state {state}, "
                       f"member assignments {members}, /health assigned_partitions {assigned}, expected "
                       f"{expected} in all\n{tails}")


def _spread(values: Sequence[float | None], how: Callable[[Sequence[float]], float]) -> float | None:
    """``how`` (sum, max) over the workers' values; None when any worker's is missing."""
    if not values or any(v is None for v in values):
        return None
    return how([v for v in values if v is not None])


def _free_ports(n: int) -> list[int]:
    from streams.localkafka import free_port

    ports: list[int] = []
    for _ in range(50 * n):
        if len(ports) == n:
            break
        port = free_port()
        if port not in ports:
            ports.append(port)
    if len(ports) < n:
        raise RuntimeError(f"could not find {n} distinct free ports")
    return ports


async def run_pipeline(bootstrap: str, args: argparse.Namespace, work: Path, run_id: str,
                       warm: list[tuple[bytes, bytes]], burst: list[tuple[bytes, bytes]],
                       paced: list[tuple[bytes, bytes]], probes: list[Probe],
                       steady_probes: list[Probe]) -> dict[str, Any]:
    from streams.localkafka import create_topics

    names = {k: f"bench-{run_id}-{k}" for k in ("articles", "events", "incidents", "tallies", "dead-letter", "late")}
    app_id = f"bench-{run_id}"
    create_topics(bootstrap, [names["articles"], names["events"], names["incidents"], names["tallies"],
                              names["dead-letter"], names["late"]], partitions=args.partitions)
    base_env = _env({
        "KAFKA_BOOTSTRAP_SERVERS": bootstrap, "CRISIS_STREAM_APP_ID": app_id,
        "CRISIS_STREAM_PARTITIONS": str(args.partitions),
        "CRISIS_STREAM_ARTICLES_TOPIC": names["articles"], "CRISIS_STREAM_EVENTS_TOPIC": names["events"],
        "CRISIS_STREAM_INCIDENTS_TOPIC": names["incidents"], "CRISIS_STREAM_TALLIES_TOPIC": names["tallies"],
        "CRISIS_STREAM_DEAD_LETTER_TOPIC": names["dead-letter"], "CRISIS_STREAM_LATE_TOPIC": names["late"],
    })
    for item in args.worker_env:
        key, _, value = item.partition("=")
        base_env[key] = value
    consumed = [names["articles"], names["events"], f"{names['tallies']}.contributions"]
    target = shlex.split(args.worker_module) if args.worker_module else ["-m", "streams"]
    ports = _free_ports(args.workers)
    workers: list[Worker] = []
    prod = observer = None
    out: dict[str, Any] = {}
    try:
        # Every worker at once, same app id (one consumer group), each its own web port and
        # state dir: the way the service scales out over the partitions.
        for i, port in enumerate(ports):
            env = {**base_env, "CRISIS_STREAM_WEB_PORT": str(port),
                   "CRISIS_STREAM_DATA_DIR": str(work / f"worker-{i}")}
            profile = (["-m", "cProfile", "-o", str(work / "worker-0.prof")]
                       if args.profile_worker and i == 0 else [])
            log = work / f"worker-{i}.log"
            workers.append(Worker(i, _spawn([sys.executable, *profile, *target, "worker", "-l", "info"], env, log),
                                  port, log, time.monotonic()))
        out["log"] = [str(w.log) for w in workers]
        t_spawn = workers[0].spawned_at
        group = await _wait_group_settled(bootstrap, app_id, workers, consumed,
                                          time.monotonic() + PROCESS_READY_TIMEOUT_S)
        out["ready_s"] = time.monotonic() - t_spawn
        out["group"] = group
        settled_assignments = [_assignments_in_log(w.log) for w in workers]
        for w in workers:
            w.sampler = RssSampler(w.proc.pid)
            w.sampler.start()

        def alive() -> None:
            _check_alive(workers)

        observer = Observer(bootstrap, [names["tallies"], names["events"], names["dead-letter"]],
                            args.partitions, parse_article_ids=[names["events"]])
        await observer.start()
        prod = await _producer(bootstrap)

        # warm-up (not timed): the extractor loads, tables and topics see their first writes
        await _publish_burst(prod, names["articles"], warm)
        warm_done = await _wait_done(bootstrap, app_id, consumed, args.partitions, observer, names["tallies"],
                                     time.monotonic() + args.phase_timeout, check=alive)
        out["warm_done"] = warm_done
        await asyncio.sleep(1.0)
        rss_ready = [w.sampler.sample() for w in workers if w.sampler is not None]
        out["rss_ready_mb"] = _spread(rss_ready, max)
        bodies = await asyncio.gather(*(asyncio.to_thread(_health, w.port) for w in workers))
        extractors = [(b or {}).get("extractor", "no answer") for b in bodies]

        # throughput
        events_before = observer.count[names["events"]]
        dl_before = observer.count[names["dead-letter"]]
        cpu0 = [_tree_cpu_s(w.proc.pid) for w in workers]
        wait0 = [runqueue_wait_s(w.proc.pid) for w in workers]
        broker0 = _broker_cpu_s(args)
        t0, t_acked = await _publish_burst(prod, names["articles"], burst)
        done = await _wait_done(bootstrap, app_id, consumed, args.partitions, observer, names["tallies"],
                                time.monotonic() + args.phase_timeout, check=alive)
        last = observer.last_at[names["tallies"]]
        cpu1 = [_tree_cpu_s(w.proc.pid) for w in workers]
        wait1 = [runqueue_wait_s(w.proc.pid) for w in workers]
        broker1 = _broker_cpu_s(args)
        if broker0 is not None and broker1 is not None:
            out["broker_cpu_ms_per_msg"] = 1000 * (broker1 - broker0) / len(burst)
        cpu = [None if a is None or b is None else b - a for a, b in zip(cpu0, cpu1, strict=True)]
        wait = [None if a is None or b is None else b - a for a, b in zip(wait0, wait1, strict=True)]
        wall = last - t0 if last > t0 else None
        cpu_sum, wait_sum = _spread(cpu, sum), _spread(wait, sum)
        if cpu_sum is not None and wall:
            out["cpu_pct"] = 100 * cpu_sum / wall
            out["cpu_ms_per_msg"] = 1000 * cpu_sum / len(burst)
        if wait_sum is not None and wall:
            out["runqueue_wait_pct"] = 100 * wait_sum / wall
        out["throughput"] = len(burst) / wall if wall else None
        out["throughput_done"] = done
        out["publish_s"] = t_acked - t0
        burst_ids = {k.decode() for k, _ in burst}
        out["articles_with_events"] = len(burst_ids & observer.first_seen[names["events"]].keys())
        out["events"] = observer.count[names["events"]] - events_before
        out["dead_letters"] = observer.count[names["dead-letter"]] - dl_before
        out["tally_updates"] = observer.count[names["tallies"]]

        # latency at a fixed rate (--latency-seconds 0: throughput only)
        if paced:
            out.update(await _latency_phase(prod, observer, names, paced, probes, args.rate, args.phase_timeout))

        # and at half the sustained rate, where the queue stays short (when 100/s was too much)
        rate = out.get("throughput")
        if paced and args.steady_seconds > 0 and rate and rate < 2 * args.rate and steady_probes:
            await _wait_done(bootstrap, app_id, consumed, args.partitions, observer, names["tallies"],
                             time.monotonic() + args.phase_timeout, check=alive)
            steady_rate = max(1.0, rate / 2)
            total = max(len(steady_probes), int(steady_rate * args.steady_seconds))
            every = max(1, total // len(steady_probes))
            items = _paced_schedule(steady_probes, total, every, args.seed + 4, prefix="steady", corpus=args.corpus)
            steady = await _latency_phase(prod, observer, names, items, steady_probes, steady_rate,
                                          args.phase_timeout)
            out["steady_rate"] = steady_rate
            out.update({f"steady_{k}": v for k, v in steady.items()})
        alive()
        peaks = []
        for w in workers:
            if w.sampler is not None:
                w.sampler.sample()
                peaks.append(w.sampler.peak)
        out["rss_peak_mb"] = _spread(peaks, max)
        out["workers"] = [
            {"index": w.index, "port": w.port, "pid": w.proc.pid,
             "ready_s": None if w.ready_at is None else w.ready_at - w.spawned_at,
             "assigned_partitions": w.assigned, "extractor": ext,
             "rss_ready_mb": r, "rss_peak_mb": w.sampler.peak if w.sampler else None,
             "cpu_s": c, "runqueue_wait_s": q,
             "rebalances_during_run": _assignments_in_log(w.log) - a0}
            for w, ext, r, c, q, a0 in zip(workers, extractors, rss_ready, cpu, wait, settled_assignments,
                                          strict=True)
        ]
    finally:
        for w in workers:
            if w.sampler is not None:
                await w.sampler.stop()
        if prod is not None:
            await prod.stop()
        if observer is not None:
            await observer.stop()
        _stop_all([w.proc for w in workers])
        if args.profile_worker:
            _print_profile(work / "worker-0.prof")
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
def _broker(bootstrap: str | None, work: Path, *, quick_start: bool = False) -> Iterator[tuple[str, int | None]]:
    """The broker's address, and its pid when this run started it (for its CPU time)."""
    if bootstrap:
        _loopback(bootstrap)
        yield bootstrap, None
        return
    from streams.localkafka import LocalKafka

    kafka = LocalKafka(data_dir=work / "kafka", heap="512m", log_level="WARN", quick_start=quick_start)
    kafka.start()
    try:
        yield kafka.bootstrap, kafka.pid
    finally:
        kafka.stop()


def _paced_schedule(probes: list[Probe], total: int, every: int, seed: int, *, prefix: str = "lat",
                    corpus: str = "varied") -> list[tuple[bytes, bytes]]:
    """``total`` articles with probe i at position i * every; fillers (from ``corpus``) elsewhere."""
    fillers = iter(_filler_items(total, seed, prefix, corpus))
    out: list[tuple[bytes, bytes]] = []
    pi = 0
    for i in range(total):
        if i % every == every - 1 and pi < len(probes):
            out.extend(_article_items([probes[pi].article]))
            pi += 1
        else:
            out.append(next(fillers))
    return out


def _varied_article_json(line: dict[str, Any]) -> dict[str, Any]:
    """A ``varied_articles`` line as an ``Article`` record (as ``SyntheticArticle.article_json``)."""
    return {"id": line["id"], "source": line["source"], "url": line["url"], "title": line["title"],
            "body": line["text"], "language": "en", "published_at": f"{line['published']}T09:30:00Z",
            "received_at": None}


def _filler_items(n: int, seed: int, prefix: str, corpus: str) -> list[tuple[bytes, bytes]]:
    """``n`` articles dated within the filler days: distinct composed news (``varied``: the
    extraction benchmark's headline corpus, few repeated sentences, so the workers' memos do
    not flatter) or the templated reports (``templated``: the corpus of runs before 2026-11-24)."""
    if corpus == "templated":
        return _article_items(synthetic_articles(n, seed, start=FILLER_START, days=FILLER_DAYS, prefix=prefix))
    # published up to 5 days after the event: publication days start 5 days in
    lines = varied_articles(n, seed, prefix=prefix, start=FILLER_START + dt.timedelta(days=5), days=FILLER_DAYS - 5)
    return [(a["id"].encode(), orjson.dumps(_varied_article_json(a))) for a in lines]


async def _amain(args: argparse.Namespace) -> tuple[list[Figure], list[str], dict[str, Any]]:
    notes: list[str] = []
    run_id = uuid.uuid4().hex[:8]
    work = Path(tempfile.mkdtemp(prefix="crisis-bench-"))
    total_paced = int(args.rate * args.latency_seconds)
    burst = _filler_items(args.n, args.seed, "tp", args.corpus)
    warm = _filler_items(args.warmup, args.seed + 1, "warm", args.corpus)
    probes: list[Probe] = []
    steady_probes: list[Probe] = []
    if not args.ceiling_only and total_paced > 0:
        t = time.monotonic()
        want = max(1, total_paced // args.probe_every)
        planned, rejected = plan_probes(want + STEADY_PROBES, _predictor(), seed=args.seed + 2)
        probes, steady_probes = planned[:want], planned[want:]
        notes.append(f"probes: {len(probes)} planned ({rejected} candidates rejected) in "
                     f"{time.monotonic() - t:.1f} s")
    paced = _paced_schedule(probes, total_paced, args.probe_every, args.seed + 3, corpus=args.corpus)
    raw = {}
    try:
        with _broker(args.bootstrap, work, quick_start=args.broker_quick_start) as (bootstrap, broker_pid):
            args.broker_pid = broker_pid
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
    nw = f"{args.workers} worker{'s' if args.workers > 1 else ''}"
    figures = [
        Figure("pipeline.articles_per_s", pipe.get("throughput"), "articles/s", "ceiling.msgs_per_s",
               ceiling.get("throughput"), goal=f">= {GOAL_ARTICLES_PER_S}",
               note=f"{args.n} articles, first publish -> last tally update, {nw}"),
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
               ceiling.get("rss_idle_mb"), goal=f"<= {GOAL_WORKER_RSS_MB}",
               note="after warm-up, gazetteer loaded; the largest worker"),
        Figure("worker.rss_peak_mb", pipe.get("rss_peak_mb"), "MB", "passthrough.rss_peak_mb",
               ceiling.get("rss_peak_mb"), goal=f"<= {GOAL_WORKER_RSS_MB}",
               note="the largest worker's peak (the goal is per worker)"),
        Figure("worker.cpu_pct", pipe.get("cpu_pct"), "% of a core", "passthrough.cpu_pct", ceiling.get("cpu_pct"),
               note=f"sum over {nw}, throughput phase; ~100 per worker = each CPU-bound in one Python process"),
        Figure("worker.cpu_ms_per_article", pipe.get("cpu_ms_per_msg"), "ms", "passthrough.cpu_ms_per_msg",
               ceiling.get("cpu_ms_per_msg"), note=f"CPU time summed over {nw} / articles, throughput phase"),
        Figure("broker.cpu_ms_per_article", pipe.get("broker_cpu_ms_per_msg"), "ms",
               "passthrough.broker_cpu_ms_per_msg", ceiling.get("broker_cpu_ms_per_msg"),
               note="the broker's CPU time / articles, throughput phase (it shares the 2 cores with the workers)"),
        Figure("worker.runqueue_wait_pct", pipe.get("runqueue_wait_pct"), "% of wall",
               note=f"sum over {nw} of the time their threads were runnable but waiting for a CPU (schedstat) "
                    f"/ wall, throughput phase; same scale as worker.cpu_pct: high = the machine is the limit"),
        Figure("worker.ready_s", pipe.get("ready_s"), "s",
               note=f"spawn -> all {nw} up and the consumer group settled (every partition assigned)"),
    ]
    if ceiling.get("publish_s") is not None:
        notes.append(f"burst publish of {args.n} articles took {ceiling['publish_s']:.2f} s (ceiling run), "
                     f"{pipe.get('publish_s') or float('nan'):.2f} s (pipeline run)")
    if pipe:
        notes.append(f"throughput phase: complete={pipe.get('throughput_done')}, articles with events "
                     f"{pipe.get('articles_with_events')}/{args.n}, events {pipe.get('events')}, "
                     f"dead letters {pipe.get('dead_letters')}, tally updates {pipe.get('tally_updates')}")
    if pipe and total_paced:
        notes.append(f"latency probes: {pipe.get('latency_probes')} sent, {len(pipe_lat)} measured, "
                     f"{pipe.get('latency_collided')} discarded (tally seen before send), "
                     f"{pipe.get('latency_missing')} never seen within {args.phase_timeout:.0f} s of the last send")
    notes.append(f"corpus: {args.corpus} (throughput phase and latency fillers; latency probes are templated "
                 "one-event articles)")
    if not total_paced:
        notes.append("--latency-seconds 0: throughput only, no latency phases")
    rate = pipe.get("throughput")
    if total_paced and rate is not None and rate < args.rate:
        notes.append(f"offered load {args.rate:g}/s is above the sustained {rate:.0f}/s: the latency phase "
                     f"measures a growing queue (latency rises through the run), not steady-state latency")
    for w in pipe.get("workers", []):
        notes.append(f"worker {w['index']}: {w['assigned_partitions']} partitions assigned, /health after "
                     f"{_fmt(w['ready_s'])} s, extractor {w['extractor']}, RSS {_fmt(w['rss_ready_mb'])} MB after "
                     f"warm-up / {_fmt(w['rss_peak_mb'])} MB peak, CPU {_fmt(w['cpu_s'])} s and runqueue wait "
                     f"{_fmt(w['runqueue_wait_s'])} s in the throughput phase, rebalances during the run "
                     f"{w['rebalances_during_run']}")
    if pipe.get("group"):
        g = pipe["group"]
        first = min((w["ready_s"] for w in pipe.get("workers", []) if w["ready_s"] is not None), default=None)
        notes.append(f"consumer group: {nw} share {g['expected_partitions']} partitions "
                     f"(source topics, table changelogs, faust's leader topic) as {g['assigned']}; states seen "
                     f"while starting: {' -> '.join(g['group_states'])}; first worker assigned after "
                     f"{_fmt(first)} s, group settled after {_fmt(pipe.get('ready_s'))} s")
    if any(w["rebalances_during_run"] for w in pipe.get("workers", [])):
        notes.append("WARNING: the group rebalanced during the measured phases: figures include the pause")
    if args.profile_worker:
        notes.append("--profile-worker: worker 0 only runs under cProfile (the profile is of its share of the "
                     "partitions); the figures are slowed by it")
    if ceiling.get("latency_missing"):
        notes.append(f"ceiling: {ceiling['latency_missing']} paced messages never seen")
    notes.append(f"partitions {args.partitions}, workers {args.workers}; worker store: settings default; broker: local Kafka "
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
    ap.add_argument("--workers", type=int, default=DEFAULT_WORKERS,
                    help="worker processes in the consumer group (default: one per core of the 2-core target "
                         "machine); at most --partitions")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--broker-quick-start", action="store_true",
                    help="run the broker with the C1-only JIT the tests use (default: the full JIT, as under load)")
    ap.add_argument("--corpus", choices=("varied", "templated"), default="varied",
                    help="the articles of the throughput phase and the latency fillers (probes are templated)")
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
    if not 1 <= args.workers <= args.partitions:
        ap.error(f"--workers must be 1..--partitions ({args.partitions}): a worker without partitions idles")

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
