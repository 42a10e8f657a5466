"""A real Apache Kafka 4.x broker on 127.0.0.1 for development and tests.

Fetches ``org.apache.kafka:kafka_2.13`` (a pinned version) and its runtime dependencies
from Maven Central with the machine's Maven into a cache directory shared between
checkouts, formats KRaft storage, runs one combined broker+controller node on loopback
with a small heap, waits until it answers metadata requests, and stops it cleanly (the
whole process group, always). ``KAFKA_BOOTSTRAP_SERVERS`` set means: use that cluster,
start nothing (see ``broker_from_env``).

    with LocalKafka(port=free_port(), data_dir=tmp) as kafka:
        print(kafka.bootstrap)        # "127.0.0.1:PORT"
"""

from __future__ import annotations

import argparse
import asyncio
import atexit
import base64
import contextlib
import fcntl
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator, Sequence
from pathlib import Path

__all__ = [
    "KAFKA_VERSION",
    "KafkaLaunchError",
    "LocalKafka",
    "cache_root",
    "create_topics",
    "ensure_kafka_libs",
    "free_port",
    "main",
]

KAFKA_VERSION = "4.1.1"
LOG4J_VERSION = "2.24.3"  # the log4j2 that kafka_2.13 4.1.1 depends on; adds the SLF4J binding
READY_TIMEOUT_S = 90.0
STOP_TIMEOUT_S = 20.0
FETCH_TIMEOUT_S = 600.0

_POM = """<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>crisis-stream</groupId>
  <artifactId>kafka-runtime</artifactId>
  <version>1</version>
  <dependencies>
    <dependency>
      <groupId>org.apache.kafka</groupId>
      <artifactId>kafka_2.13</artifactId>
      <version>{kafka}</version>
    </dependency>
    <dependency>
      <groupId>org.apache.logging.log4j</groupId>
      <artifactId>log4j-slf4j-impl</artifactId>
      <version>{log4j}</version>
    </dependency>
  </dependencies>
</project>
"""

_LOG4J2 = """status = warn
appender.file.type = File
appender.file.name = file
appender.file.fileName = {log}
appender.file.layout.type = PatternLayout
appender.file.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = {level}
rootLogger.appenderRef.file.ref = file
logger.kafka.name = kafka
logger.kafka.level = {level}
logger.apache.name = org.apache.kafka
logger.apache.level = {level}
"""


class KafkaLaunchError(RuntimeError):
    """The local broker could not be fetched, started or reached."""


def cache_root() -> Path:
    """Where fetched artifacts live: ``$CRISIS_STREAM_CACHE`` or ``~/.cache/crisis-stream``."""
    env = os.environ.get("CRISIS_STREAM_CACHE")
    return Path(env) if env else Path.home() / ".cache" / "crisis-stream"


def free_port() -> int:
    """A TCP port on 127.0.0.1 that was free a moment ago."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def ensure_kafka_libs(version: str = KAFKA_VERSION, root: Path | None = None) -> Path:
    """Directory of the broker's jars, fetched once with Maven and cached (file-locked, so
    parallel test processes fetch once)."""
    root = root or cache_root()
    libs = root / f"kafka-{version}" / "libs"
    done = libs.parent / ".complete"
    if done.exists():
        return libs
    libs.parent.mkdir(parents=True, exist_ok=True)
    with open(libs.parent / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if done.exists():
            return libs
        mvn = shutil.which("mvn")
        if mvn is None:
            raise KafkaLaunchError("Maven (mvn) is not on PATH: install it (Debian package 'maven')")
        if shutil.which("java") is None:
            raise KafkaLaunchError("java is not on PATH: Kafka 4.x needs a JDK 17")
        with tempfile.TemporaryDirectory() as tmp:
            pom = Path(tmp) / "pom.xml"
            pom.write_text(_POM.format(kafka=version, log4j=LOG4J_VERSION))
            staging = libs.parent / "libs.partial"
            shutil.rmtree(staging, ignore_errors=True)
            cmd = [mvn, "-q", "-B", "-f", str(pom), "dependency:copy-dependencies",
                   f"-DoutputDirectory={staging}", "-DincludeScope=runtime"]
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=FETCH_TIMEOUT_S, check=False)
            if proc.returncode != 0:
                raise KafkaLaunchError(
                    f"fetching kafka_2.13:{version} from Maven Central failed:\n{proc.stdout}\n{proc.stderr}"
                )
            if not any(staging.glob(f"kafka_2.13-{version}.jar")):
                raise KafkaLaunchError(f"Maven ran but kafka_2.13-{version}.jar is missing in {staging}")
            shutil.rmtree(libs, ignore_errors=True)
            staging.rename(libs)
        done.write_text(version)
    return libs


class LocalKafka:
    """One Kafka node (broker + KRaft controller) on 127.0.0.1, owned by this process."""

    def __init__(
        self,
        port: int | None = None,
        data_dir: Path | None = None,
        *,
        controller_port: int | None = None,
        heap: str = "384m",
        log_level: str = "INFO",
        extra_config: dict[str, str] | None = None,
        quick_start: bool = True,
    ) -> None:
        self.port = port or free_port()
        self.controller_port = controller_port or free_port()
        self._own_dir = data_dir is None
        self.data_dir = Path(data_dir) if data_dir else Path(tempfile.mkdtemp(prefix="crisis-kafka-"))
        self.heap = heap
        self.log_level = log_level
        self.extra_config = dict(extra_config or {})
        #: C1-only JIT: starts ~1 s sooner, for the tests' short-lived brokers; a broker under
        #: sustained load (the benchmark, the main job) wants the optimizing compiler (C2).
        self.quick_start = quick_start
        self.process: subprocess.Popen[bytes] | None = None
        self._lock = threading.Lock()

    @property
    def bootstrap(self) -> str:
        return f"127.0.0.1:{self.port}"

    @property
    def log_file(self) -> Path:
        return self.data_dir / "server.log"

    def config(self) -> dict[str, str]:
        cfg = {
            "process.roles": "broker,controller",
            "node.id": "1",
            "controller.quorum.voters": f"1@127.0.0.1:{self.controller_port}",
            "listeners": f"PLAINTEXT://127.0.0.1:{self.port},CONTROLLER://127.0.0.1:{self.controller_port}",
            "advertised.listeners": f"PLAINTEXT://127.0.0.1:{self.port}",
            "controller.listener.names": "CONTROLLER",
            "listener.security.protocol.map": "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
            "inter.broker.listener.name": "PLAINTEXT",
            "log.dirs": str(self.data_dir / "logs"),
            "num.partitions": "1",
            "offsets.topic.replication.factor": "1",
            "offsets.topic.num.partitions": "4",
            "transaction.state.log.replication.factor": "1",
            "transaction.state.log.min.isr": "1",
            "transaction.state.log.num.partitions": "4",
            "share.coordinator.state.topic.replication.factor": "1",
            "share.coordinator.state.topic.min.isr": "1",
            # Tests start and stop consumer groups constantly: no initial rebalance delay.
            "group.initial.rebalance.delay.ms": "0",
            "auto.create.topics.enable": "true",
            "log.retention.hours": "-1",
            # One network thread and two request handlers (Kafka's defaults: 3 and 8): the
            # broker shares a 2-core machine with the workers, and each request is handed
            # between fewer threads (fewer wake-ups). On warmed brokers (bench_pipeline, runs
            # alternated) the broker's CPU per article fell in all 9 pairs (median -22%), the
            # workers' ~4%, latency no worse; a freshly started broker shows no gain, its JIT
            # compiling dominates (numbers in the commit message that set these).
            "num.network.threads": "1",
            "num.io.threads": "2",
        }
        cfg.update(self.extra_config)
        return cfg

    # -- lifecycle -----------------------------------------------------------------------
    def start(self, timeout: float = READY_TIMEOUT_S) -> LocalKafka:
        with self._lock:
            if self.process is not None:
                return self
            libs = ensure_kafka_libs()
            self.data_dir.mkdir(parents=True, exist_ok=True)
            props = self.data_dir / "server.properties"
            props.write_text("".join(f"{k}={v}\n" for k, v in self.config().items()))
            log4j = self.data_dir / "log4j2.properties"
            log4j.write_text(_LOG4J2.format(log=self.log_file, level=self.log_level))
            classpath = f"{libs}/*"
            java = shutil.which("java") or "java"
            jvm = [java, f"-Xmx{self.heap}", f"-Xms{self.heap}", "-XX:+UseSerialGC",
                   *(["-XX:TieredStopAtLevel=1"] if self.quick_start else []), "-Djava.awt.headless=true",
                   f"-Dlog4j2.configurationFile={log4j}", "-cp", classpath]
            if not (self.data_dir / "logs" / "meta.properties").exists():
                cluster_id = _new_cluster_id()
                fmt = subprocess.run(
                    [*jvm, "kafka.tools.StorageTool", "format", "-t", cluster_id, "-c", str(props)],
                    capture_output=True, text=True, timeout=120, check=False,
                )
                if fmt.returncode != 0:
                    raise KafkaLaunchError(f"formatting KRaft storage failed:\n{fmt.stdout}\n{fmt.stderr}")
            out = open(self.data_dir / "stdout.log", "ab")
            self.process = subprocess.Popen(
                [*jvm, "kafka.Kafka", str(props)],
                stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                start_new_session=True,  # own process group: stop() kills all of it
            )
            out.close()
            atexit.register(self.stop)
        try:
            self.wait_ready(timeout)
        except BaseException:
            self.stop()
            raise
        return self

    def wait_ready(self, timeout: float = READY_TIMEOUT_S) -> None:
        """Block until the broker answers a metadata request (or fail with its log tail)."""
        deadline = time.monotonic() + timeout
        last_error: BaseException | None = None
        while time.monotonic() < deadline:
            if self.process is not None and self.process.poll() is not None:
                raise KafkaLaunchError(f"kafka exited with {self.process.returncode}:\n{self._log_tail()}")
            if not _port_open("127.0.0.1", self.port):
                time.sleep(0.2)
                continue
            try:
                _run_async(_describe_cluster(self.bootstrap, wait_s=5.0))
                return
            except Exception as exc:  # not up yet
                last_error = exc
                time.sleep(0.3)
        raise KafkaLaunchError(
            f"kafka at {self.bootstrap} not ready after {timeout:.0f}s ({last_error!r}):\n{self._log_tail()}"
        )

    def stop(self) -> None:
        """Stop the broker and every process of its group; idempotent."""
        with self._lock:
            proc, self.process = self.process, None
        if proc is None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=STOP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)
        # Anything left in the group (there should be nothing) goes too.
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(proc.pid, signal.SIGKILL)
        with contextlib.suppress(Exception):
            atexit.unregister(self.stop)

    def cleanup(self) -> None:
        """Stop, and remove the data directory if this object created it."""
        self.stop()
        if self._own_dir:
            shutil.rmtree(self.data_dir, ignore_errors=True)

    @property
    def pid(self) -> int | None:
        return None if self.process is None else self.process.pid

    def __enter__(self) -> LocalKafka:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.cleanup()

    def _log_tail(self, lines: int = 40) -> str:
        chunks = []
        for name in ("stdout.log", "server.log"):
            path = self.data_dir / name
            if path.exists():
                chunks.append(f"--- {name}\n" + "\n".join(path.read_text(errors="replace").splitlines()[-lines:]))
        return "\n".join(chunks)


def _new_cluster_id() -> str:
    """A KRaft cluster id (base64url of a UUID). Like Kafka's own ``Uuid.randomUuid`` it
    never starts with '-', which the storage tool would read as an option."""
    while True:
        cid = base64.urlsafe_b64encode(uuid.uuid4().bytes).decode().rstrip("=")
        if not cid.startswith("-"):
            return cid


def _port_open(host: str, port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.settimeout(0.5)
        return s.connect_ex((host, port)) == 0


def _run_async(coro: object) -> object:
    """Run a coroutine to completion even when called from inside a running event loop."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coro)  # type: ignore[arg-type]
    result: dict[str, object] = {}

    def target() -> None:
        try:
            result["value"] = asyncio.run(coro)  # type: ignore[arg-type]
        except BaseException as exc:
            result["error"] = exc

    t = threading.Thread(target=target)
    t.start()
    t.join()
    if "error" in result:
        raise result["error"]  # type: ignore[misc]
    return result.get("value")


async def _describe_cluster(bootstrap: str, wait_s: float) -> object:
    from aiokafka.admin import AIOKafkaAdminClient

    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap, request_timeout_ms=int(wait_s * 1000))
    try:
        await asyncio.wait_for(admin.start(), wait_s)
        return await asyncio.wait_for(admin.describe_cluster(), wait_s)
    finally:
        await admin.close()


#: how long a new topic may take until every partition's leader answers
TOPIC_READY_TIMEOUT_S = 30.0


async def ensure_topics(bootstrap: str, names: Sequence[str], partitions: int, replication_factor: int = 1
                        ) -> list[str]:
    """Create the topics the cluster lacks, with ``partitions`` (one another client creates
    meanwhile is taken as it is), and wait until every partition's leader of each created
    topic answers: a send before that is refused and retried, noisily. Returns the names
    created. Why create at all: a broker that auto-creates topics would give a topic first
    written by a producer its default partition count (1 on the local broker), and scale-out
    is per partition."""
    from aiokafka import AIOKafkaConsumer, TopicPartition
    from aiokafka.admin import AIOKafkaAdminClient, NewTopic
    from aiokafka.errors import KafkaError, TopicAlreadyExistsError

    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        new = [n for n in dict.fromkeys(names) if n not in existing]
        if new:
            with contextlib.suppress(TopicAlreadyExistsError):
                await admin.create_topics([NewTopic(n, partitions, replication_factor) for n in new])
    finally:
        await admin.close()
    if not new:
        return new
    # (asking for the end offsets goes to the same leaders a producer would write to)
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False)
    await consumer.start()
    try:
        deadline = time.monotonic() + TOPIC_READY_TIMEOUT_S
        while True:
            try:
                await consumer.end_offsets([TopicPartition(n, i) for n in new for i in range(partitions)])
                return new
            except KafkaError:
                if time.monotonic() > deadline:
                    raise KafkaLaunchError(f"topics {new} not ready after {TOPIC_READY_TIMEOUT_S:.0f}s") from None
                await asyncio.sleep(0.1)
    finally:
        await consumer.stop()


def create_topics(bootstrap: str, names: Sequence[str], partitions: int = 1) -> None:
    """``ensure_topics`` for synchronous callers (tests, benchmarks, scripts)."""
    _run_async(ensure_topics(bootstrap, names, partitions))


@contextlib.contextmanager
def broker_from_env(data_dir: Path | None = None) -> Iterator[str]:
    """Yield a bootstrap address: ``KAFKA_BOOTSTRAP_SERVERS`` if set, else a local broker
    started here (and stopped on exit)."""
    external = os.environ.get("KAFKA_BOOTSTRAP_SERVERS")
    if external:
        yield external
        return
    with LocalKafka(data_dir=data_dir) as kafka:
        yield kafka.bootstrap


def main(argv: list[str] | None = None) -> int:
    """``python -m streams kafka``: fetch (once) and run a local broker until Ctrl-C."""
    parser = argparse.ArgumentParser(prog="python -m streams kafka", description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=9092)
    parser.add_argument("--data-dir", type=Path, default=None,
                        help="broker data (default: a fresh temporary directory)")
    parser.add_argument("--fetch-only", action="store_true", help="fetch the jars into the cache and exit")
    args = parser.parse_args(argv)
    if args.fetch_only:
        print(ensure_kafka_libs())
        return 0
    kafka = LocalKafka(port=args.port, data_dir=args.data_dir, quick_start=False)  # long-lived: full JIT
    started = time.monotonic()
    kafka.start()
    print(f"kafka {KAFKA_VERSION} ready at {kafka.bootstrap} in {time.monotonic() - started:.1f}s "
          f"(data {kafka.data_dir}); Ctrl-C stops it", flush=True)
    stop = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.set())
    try:
        while not stop.is_set() and kafka.process is not None and kafka.process.poll() is None:
            stop.wait(0.5)
    finally:
        kafka.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
