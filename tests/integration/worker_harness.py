"""Run ``python -m streams worker`` as a subprocess against a real broker, and talk to it.

Every wait is bounded by a named constant. A worker runs in its own process group and is
always killed with its group (``WorkerProcess.stop`` in a ``finally``), so no stray worker
survives a test.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

REPO_ROOT = Path(__file__).resolve().parents[2]

#: a worker takes ~5-30 s from start to "Worker ready" on a 2-core machine.
WORKER_READY_TIMEOUT_S = 150.0
#: SIGTERM first (faust flushes and commits), SIGKILL after this.
WORKER_STOP_TIMEOUT_S = 30.0
#: an article published -> its effect visible in the HTTP API.
PIPELINE_TIMEOUT_S = 90.0
POLL_INTERVAL_S = 0.5
HTTP_TIMEOUT_S = 10.0

T = TypeVar("T")


def unique_prefix(label: str) -> str:
    return f"{label}-{uuid.uuid4().hex[:8]}"


def pipeline_env(bootstrap: str, prefix: str, *, partitions: int, store: str | None = None) -> dict[str, str]:
    """Settings env vars for a pipeline with its own app id and topics (shared by its workers).

    The store is ``CRISIS_STREAM_STORE`` when set (``memory://`` runs the suite in memory),
    else RocksDB."""
    store = store or os.environ.get("CRISIS_STREAM_STORE") or "rocksdb://"
    return {
        "KAFKA_BOOTSTRAP_SERVERS": bootstrap,
        "CRISIS_STREAM_APP_ID": prefix,
        "CRISIS_STREAM_ARTICLES_TOPIC": f"{prefix}.articles",
        "CRISIS_STREAM_EVENTS_TOPIC": f"{prefix}.events",
        "CRISIS_STREAM_INCIDENTS_TOPIC": f"{prefix}.incidents",
        "CRISIS_STREAM_TALLIES_TOPIC": f"{prefix}.tallies",
        "CRISIS_STREAM_DEAD_LETTER_TOPIC": f"{prefix}.articles.dead-letter",
        "CRISIS_STREAM_LATE_TOPIC": f"{prefix}.events.late",
        "CRISIS_STREAM_PARTITIONS": str(partitions),
        "CRISIS_STREAM_STORE": store,
    }


def wait_until(check: Callable[[], T | None], timeout: float, what: str) -> T:
    """Poll ``check`` until it returns something truthy; fail naming ``what`` after ``timeout``."""
    deadline = time.monotonic() + timeout
    last_error: BaseException | None = None
    while True:
        try:
            result = check()
            if result:
                return result
        except (OSError, ValueError, KeyError, AssertionError) as exc:  # not there yet
            last_error = exc
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out after {timeout:.0f}s waiting for {what} (last error: {last_error!r})")
        time.sleep(POLL_INTERVAL_S)


def _json_or_text(body: bytes) -> Any:
    try:
        return json.loads(body or b"null")
    except ValueError:
        return body.decode(errors="replace")


def http_get(url: str) -> tuple[int, Any]:
    """(status, JSON body, or the text when the body is not JSON)."""
    try:
        with urllib.request.urlopen(url, timeout=HTTP_TIMEOUT_S) as resp:
            return resp.status, _json_or_text(resp.read())
    except urllib.error.HTTPError as exc:
        return exc.code, _json_or_text(exc.read())


@dataclass
class WorkerProcess:
    """One ``python -m streams worker`` subprocess with its own web port and data dir."""

    env: dict[str, str]
    web_port: int
    data_dir: Path
    log_path: Path
    process: subprocess.Popen[bytes] | None = None
    starts: list[float] = field(default_factory=list)
    log_offset: int = 0  # where the current run's log begins (the log file is appended to)
    #: the module run as the worker (a fault-injecting double in tests/integration/ for some tests)
    module: str = "streams"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.web_port}"

    def command(self) -> list[str]:
        """The worker's command line (a subclass may run it another way)."""
        return [sys.executable, "-m", self.module, "worker", "-l", "info", "--web-port", str(self.web_port)]

    def process_env(self) -> dict[str, str]:
        """The worker's environment: ours, the pipeline's, its port and data dir."""
        return {
            **os.environ,
            **self.env,
            "CRISIS_STREAM_WEB_PORT": str(self.web_port),
            "CRISIS_STREAM_DATA_DIR": str(self.data_dir),
            "PYTHONPATH": str(REPO_ROOT),
            "PYTHONUNBUFFERED": "1",
        }

    def start(self) -> WorkerProcess:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.log_offset = self.log_path.stat().st_size if self.log_path.exists() else 0
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(
                self.command(), cwd=REPO_ROOT, env=self.process_env(), stdout=log, stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,  # its own process group, killed as a whole
            )
        self.starts.append(time.monotonic())
        return self

    def log_text(self) -> str:
        """This run's log."""
        if not self.log_path.exists():
            return ""
        with self.log_path.open("rb") as fh:
            fh.seek(self.log_offset)
            return fh.read().decode(errors="replace")

    def wait_ready(self, timeout: float = WORKER_READY_TIMEOUT_S) -> float:
        """Wait for "Worker ready" and a /health with assigned partitions and a loaded extractor;
        returns seconds taken."""
        def ready() -> bool:
            assert self.process is not None
            if self.process.poll() is not None:
                raise RuntimeError(f"worker exited with {self.process.returncode}:\n{self.log_text()[-4000:]}")
            if "Worker ready" not in self.log_text():
                return False
            status, body = http_get(f"{self.url}/health")
            if status == 200 and body.get("extractor") == "failed":
                raise RuntimeError(f"the worker could not load the extractor:\n{self.log_text()[-4000:]}")
            return status == 200 and body["assigned_partitions"] > 0 and body.get("extractor") == "ready"

        try:
            wait_until(ready, timeout, f"worker on port {self.web_port} to be ready")
        except TimeoutError as exc:
            raise TimeoutError(f"{exc}\n--- worker log tail ---\n{self.log_text()[-4000:]}") from None
        return time.monotonic() - self.starts[-1]

    def stop(self) -> None:
        """SIGTERM the process group, SIGKILL it after WORKER_STOP_TIMEOUT_S."""
        proc, self.process = self.process, None
        if proc is None or proc.poll() is not None:
            return
        try:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=WORKER_STOP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=WORKER_STOP_TIMEOUT_S)
        except ProcessLookupError:
            pass
        finally:
            try:  # anything the worker left in its group
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass

    def kill(self) -> None:
        """SIGKILL the process group: a crash, no flush, no commit."""
        proc, self.process = self.process, None
        if proc is None or proc.poll() is not None:
            return
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.wait(timeout=WORKER_STOP_TIMEOUT_S)

    def get(self, path: str) -> tuple[int, Any]:
        return http_get(f"{self.url}{path}")


def _run(coro: Any) -> Any:
    return asyncio.run(coro)


def produce(bootstrap: str, topic: str, items: Iterable[tuple[bytes | None, bytes]]) -> None:
    """Publish (key, value) pairs and wait for the broker's acks."""
    from aiokafka import AIOKafkaProducer

    async def go() -> None:
        producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all")
        await producer.start()
        try:
            for key, value in items:
                await producer.send_and_wait(topic, value=value, key=key)
        finally:
            await producer.stop()

    _run(go())


#: reading a topic back: stop after this long without a new message.
CONSUME_IDLE_S = 3.0


def consume_all(bootstrap: str, topic: str, *, min_count: int = 1,
                timeout: float = PIPELINE_TIMEOUT_S) -> list[Any]:
    """Every record of ``topic`` from the beginning, once at least ``min_count`` arrived and
    the topic went quiet (bounded by ``timeout``)."""
    from aiokafka import AIOKafkaConsumer

    async def go() -> list[Any]:
        consumer = AIOKafkaConsumer(topic, bootstrap_servers=bootstrap, auto_offset_reset="earliest",
                                    enable_auto_commit=False, group_id=None)
        await consumer.start()
        records: list[Any] = []
        deadline = time.monotonic() + timeout
        try:
            while time.monotonic() < deadline:
                batch = await consumer.getmany(timeout_ms=int(CONSUME_IDLE_S * 1000))
                fresh = [r for rs in batch.values() for r in rs]
                records.extend(fresh)
                if not fresh and len(records) >= min_count:
                    break
        finally:
            await consumer.stop()
        return records

    return _run(go())


def article(article_id: str, body: str, published_at: str, source: str = "outlet-a", title: str = "") -> bytes:
    return json.dumps({"id": article_id, "source": source, "title": title, "body": body,
                       "published_at": published_at}).encode()


def consumer_lag(bootstrap: str, group: str, topics: Iterable[str]) -> dict[str, int]:
    """Messages of ``topics`` the consumer group has not committed yet, per topic. faust
    commits an offset only once the event is processed (acked), so zero lag on every topic a
    pipeline reads means everything published so far has been fully processed."""
    from aiokafka import AIOKafkaConsumer, TopicPartition
    from aiokafka.admin import AIOKafkaAdminClient

    async def go() -> dict[str, int]:
        admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
        consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, group_id=None)
        await admin.start()
        await consumer.start()
        try:
            committed = await admin.list_consumer_group_offsets(group)
            lag: dict[str, int] = {}
            for topic in topics:
                parts = consumer.partitions_for_topic(topic) or set()
                if not parts:
                    await consumer._client.force_metadata_update()  # a topic created a moment ago
                    parts = consumer.partitions_for_topic(topic) or set()
                tps = [TopicPartition(topic, p) for p in parts]
                ends = await consumer.end_offsets(tps) if tps else {}
                lag[topic] = sum(
                    end - (committed[tp].offset if tp in committed and committed[tp].offset >= 0 else 0)
                    for tp, end in ends.items()
                )
            return lag
        finally:
            await consumer.stop()
            await admin.close()

    return _run(go())


def wait_processed(bootstrap: str, env: dict[str, str], timeout: float = PIPELINE_TIMEOUT_S) -> None:
    """Wait until the pipeline's app has committed everything on the topics it consumes."""
    prefix = env["CRISIS_STREAM_APP_ID"]
    topics = [env["CRISIS_STREAM_ARTICLES_TOPIC"], env["CRISIS_STREAM_EVENTS_TOPIC"],
              f"{env['CRISIS_STREAM_TALLIES_TOPIC']}.contributions"]

    def settled() -> bool:
        # twice in a row: an article processed just now may still be producing its events
        first = consumer_lag(bootstrap, prefix, topics)
        if any(first.values()):
            return False
        time.sleep(POLL_INTERVAL_S * 4)
        return not any(consumer_lag(bootstrap, prefix, topics).values())

    wait_until(settled, timeout, f"{prefix} to process everything published")


#: publishing a JSONL file with ``python -m streams replay``.
REPLAY_TIMEOUT_S = 120.0


@contextmanager
def running_worker(bootstrap: str, base: Path, prefix: str, *, partitions: int,
                   extra_env: dict[str, str] | None = None) -> Iterator[WorkerProcess]:
    """One ready worker of a fresh pipeline (own app id and topics, settings ``extra_env``
    on top), stopped on exit."""
    from streams.localkafka import free_port

    env = {**pipeline_env(bootstrap, prefix, partitions=partitions), **(extra_env or {})}
    worker = WorkerProcess(env, web_port=free_port(), data_dir=base / "worker", log_path=base / "worker.log")
    try:
        worker.start()
        worker.wait_ready()
        yield worker
    finally:
        worker.stop()


def replay_file(bootstrap: str, env: dict[str, str], path: Path) -> None:
    """Publish a JSONL file to the pipeline's ``articles`` topic the way operators do."""
    result = subprocess.run(
        [sys.executable, "-m", "streams", "replay", str(path), "--bootstrap", bootstrap,
         "--topic", env["CRISIS_STREAM_ARTICLES_TOPIC"], "--no-progress"],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=REPLAY_TIMEOUT_S, check=False,
        env={"PYTHONPATH": str(REPO_ROOT), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
