"""Reproduce (or rule out) the stall of a worker restarted after ``kill -9``.

One local broker for the whole run; per round a fresh pipeline (own app id and topics): a
worker starts, the seed articles are replayed and processed, copies of them are replayed,
the worker is killed with SIGKILL as soon as the copies start moving tallies (as
``test_worker_killed_mid_stream_restarts_without_double_counting`` does), restarted ONCE
with the same data dir, and must then process everything published within ``--stall-after``
seconds of being ready. A round that does not is a stall: the worker gets SIGUSR1 (mode
logs the stack of every task) and its log is kept under ``--out``.

    PYTHONPATH=. .venv/bin/python scripts/repro_crash_restart.py --rounds 10
    PYTHONPATH=. .venv/bin/python scripts/repro_crash_restart.py --rounds 3 --worker-log-level debug

Every wait is bounded; the broker and every worker run in their own process groups and are
killed in ``finally`` blocks.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from streams.localkafka import LocalKafka, free_port  # noqa: E402
from tests.integration.worker_harness import (  # noqa: E402
    WorkerProcess,
    consumer_lag,
    pipeline_env,
    replay_file,
    unique_prefix,
    wait_processed,
    wait_until,
)

SEEDS = REPO_ROOT / "seeds"
COPIES = 4
#: seeds replayed and processed by the first worker.
SEED_PROCESSING_TIMEOUT_S = 180.0
#: the copies must start moving tallies within this.
COPIES_START_TIMEOUT_S = 90.0
#: lag sampled this often after the restarted worker is ready.
LAG_POLL_S = 2.0


class LoggedWorker(WorkerProcess):
    """The harness's worker with a chosen log level."""

    log_level: str = "info"
    #: mode's DEVLOG: faust's ``log.dev`` lines (seeks, dropped messages, commits) at info level
    devlog: bool = False
    #: run the worker through this script instead of ``-m streams`` (debug aids)
    wrapper: list[str] | None = None

    def command(self) -> list[str]:
        return [sys.executable, *(self.wrapper or ["-m", "streams"]), "worker", "-l", self.log_level,
                "--web-port", str(self.web_port)]

    def process_env(self) -> dict[str, str]:
        return {**super().process_env(), **({"DEVLOG": "1"} if self.devlog else {})}

    def start(self) -> LoggedWorker:
        with self.log_path.open("ab") as log:  # where each run begins in the appended log
            log.write(f"\n===== repro: worker start at {time.time():.3f} =====\n".encode())
        super().start()
        return self


def day_tallies(worker: WorkerProcess) -> dict[str, Any]:
    status, body = worker.get("/api/regions")
    assert status == 200
    out = {}
    for r in body["regions"]:
        status, tallies = worker.get(f"/api/tallies?region={r['region']}&window=day")
        assert status == 200
        out.update({f"{r['region']}|{t['window_start']}": t for t in tallies["tallies"]})
    return out


def write_copies(path: Path, round_no: int) -> int:
    lines = (SEEDS / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    n = 0
    with path.open("w", encoding="utf-8") as fh:
        for copy in range(COPIES):
            for line in lines:
                data = json.loads(line)
                fh.write(json.dumps({**data, "id": f"{data['id']}-r{round_no}c{copy}"}) + "\n")
                n += 1
    return n


def partition_lag(bootstrap: str, group: str, topics: list[str]) -> dict[str, int]:
    """``topic[partition]`` -> end offset minus committed offset, for partitions with lag."""
    import asyncio

    from aiokafka import AIOKafkaConsumer, TopicPartition
    from aiokafka.admin import AIOKafkaAdminClient

    async def go() -> dict[str, int]:
        admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
        consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, group_id=None)
        await admin.start()
        await consumer.start()
        try:
            committed = await admin.list_consumer_group_offsets(group)
            out = {}
            for topic in topics:
                if not consumer.partitions_for_topic(topic):
                    await consumer._client.force_metadata_update()  # a topic created a moment ago
                tps = [TopicPartition(topic, p) for p in (consumer.partitions_for_topic(topic) or ())]
                for tp, end in (await consumer.end_offsets(tps) if tps else {}).items():
                    c = committed[tp].offset if tp in committed and committed[tp].offset >= 0 else 0
                    if end - c:
                        out[f"{tp.topic.rsplit('.', 1)[-1]}[{tp.partition}]"] = end - c
            return out
        finally:
            await consumer.stop()
            await admin.close()

    return asyncio.run(go())


def lag_topics(env: dict[str, str]) -> list[str]:
    return [env["CRISIS_STREAM_ARTICLES_TOPIC"], env["CRISIS_STREAM_EVENTS_TOPIC"],
            f"{env['CRISIS_STREAM_TALLIES_TOPIC']}.contributions"]


def new_worker(bootstrap: str, base: Path, round_no: int, args: argparse.Namespace) -> LoggedWorker:
    """A worker of a fresh pipeline (own app id and topics), not started."""
    env = pipeline_env(bootstrap, unique_prefix(f"repro{round_no}"), partitions=args.partitions)
    base.mkdir(parents=True, exist_ok=True)
    worker = LoggedWorker(env, web_port=free_port(), data_dir=base / "worker", log_path=base / "worker.log")
    worker.log_level = args.worker_log_level
    worker.devlog = args.devlog
    worker.wrapper = [str(args.worker_wrapper)] if args.worker_wrapper else None
    return worker


def one_round(bootstrap: str, worker: LoggedWorker, round_no: int, args: argparse.Namespace,
              *, keep_running: bool = False) -> dict[str, Any]:
    """Seeds (on a worker that is not running yet), copies, kill -9 mid-stream, one restart, drain.

    ``keep_running``: leave the restarted worker running (the next round reuses it, as the
    seed tests reuse one worker for several tests before the crash test)."""
    env = worker.env
    prefix = env["CRISIS_STREAM_APP_ID"]
    result: dict[str, Any] = {"round": round_no, "prefix": prefix, "log": str(worker.log_path)}
    try:
        if worker.process is None:
            worker.start()
            worker.wait_ready()
            replay_file(bootstrap, env, SEEDS / "articles.jsonl")
            try:
                wait_processed(bootstrap, env, SEED_PROCESSING_TIMEOUT_S)
            except TimeoutError:  # the same stall, on a worker's first start
                result["first_start_stalled"] = True
                result["lag_at_stall"] = partition_lag(bootstrap, prefix, lag_topics(env))
                worker.stop()
                return result
            for extra in ("malformed.jsonl", "duplicates.jsonl", "late.jsonl"):  # as the seed tests do
                replay_file(bootstrap, env, SEEDS / extra)
                wait_processed(bootstrap, env, SEED_PROCESSING_TIMEOUT_S)
        before = day_tallies(worker)
        copies = worker.log_path.parent / f"copies{round_no}.jsonl"
        write_copies(copies, round_no)
        replay_file(bootstrap, env, copies)
        wait_until(lambda: day_tallies(worker) != before, COPIES_START_TIMEOUT_S, "the copies to move tallies")
        lag_at_kill = consumer_lag(bootstrap, prefix, lag_topics(env))
        worker.kill()
        result["lag_at_kill"] = lag_at_kill
        delay = random.uniform(*args.restart_delay) if isinstance(args.restart_delay, tuple) else args.restart_delay
        result["restart_delay_s"] = round(delay, 1)
        time.sleep(delay)
        worker.start()
        ready_s = worker.wait_ready()
        result["ready_s"] = round(ready_s, 1)
        t0 = time.monotonic()
        timeline: list[tuple[float, dict[str, int]]] = []
        empty_in_a_row = 0
        while time.monotonic() - t0 < args.stall_after and empty_in_a_row < 2:
            lag = partition_lag(bootstrap, prefix, lag_topics(env))
            if not timeline or timeline[-1][1] != lag:
                timeline.append((round(time.monotonic() - t0, 1), lag))
            empty_in_a_row = 0 if lag else empty_in_a_row + 1
            time.sleep(LAG_POLL_S)
        result["lag_timeline"] = timeline
        if empty_in_a_row >= 2:
            result["stalled"] = False
            result["drain_s"] = timeline[-1][0]
        else:
            result["stalled"] = True
            result["lag_at_stall"] = timeline[-1][1]
            if worker.process is not None:  # mode logs every task's stack on SIGUSR1
                os.kill(worker.process.pid, signal.SIGUSR1)
                time.sleep(5)
    except Exception as exc:  # a round that fails otherwise is reported, not counted as a stall
        result["error"] = f"{type(exc).__name__}: {str(exc)[:2000]}"
    if not keep_running or result.get("stalled") or "error" in result:
        worker.stop()
    return result


def _delay(text: str) -> float | tuple[float, float]:
    if "-" in text.strip("-"):
        low, high = text.split("-", 1)
        return float(low), float(high)
    return float(text)


TABLES = ("incidents_by_id", "incident_index_by_region", "incident_id_by_report", "watermark_by_partition",
          "recent_events_by_region", "contributions_by_key", "tallies_by_key", "scopes_by_scope")


def missing_topic_round(bootstrap: str, worker: LoggedWorker, round_no: int,
                        args: argparse.Namespace) -> dict[str, Any]:
    """The mechanism on its own, deterministically: every topic of the pipeline exists
    except ``articles`` and faust may not declare topics (``TOPIC_ALLOW_DECLARE=false``), so
    the leader assigns without ``articles``; the topic is created once the worker is ready,
    and the seeds replayed to it must be processed within ``--stall-after`` seconds."""
    from streams.localkafka import create_topics

    env = worker.env
    prefix = env["CRISIS_STREAM_APP_ID"]
    result: dict[str, Any] = {"round": round_no, "mode": "missing-topic", "prefix": prefix,
                              "log": str(worker.log_path)}
    others = [env["CRISIS_STREAM_EVENTS_TOPIC"], f"{env['CRISIS_STREAM_TALLIES_TOPIC']}.contributions",
              f"{prefix}-__assignor-__leader", *(f"{prefix}-{t}-changelog" for t in TABLES)]
    try:
        create_topics(bootstrap, others, partitions=args.partitions)
        worker.env = {**env, "TOPIC_ALLOW_DECLARE": "false"}
        worker.start()
        worker.wait_ready()
        result["partial_assignment_logged"] = "Ignoring missing topic" in worker.log_text()
        create_topics(bootstrap, [env["CRISIS_STREAM_ARTICLES_TOPIC"]], partitions=args.partitions)
        replay_file(bootstrap, env, SEEDS / "articles.jsonl")
        t0 = time.monotonic()
        try:
            wait_processed(bootstrap, env, args.stall_after)
            result["stalled"] = False
            result["drain_s"] = round(time.monotonic() - t0, 1)
        except TimeoutError:
            result["stalled"] = True
            result["lag_at_stall"] = partition_lag(bootstrap, prefix, lag_topics(env))
    except Exception as exc:
        result["error"] = f"{type(exc).__name__}: {str(exc)[:2000]}"
    finally:
        worker.stop()
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--partitions", type=int, default=4)
    parser.add_argument("--stall-after", type=float, default=90.0,
                        help="seconds after 'ready' within which everything must be processed")
    parser.add_argument("--restart-delay", type=_delay, default=0.0,
                        help="seconds between kill -9 and restart: a number, or LOW-HIGH for a random one per round")
    parser.add_argument("--worker-log-level", default="info")
    parser.add_argument("--devlog", action="store_true", help="DEVLOG=1 in the worker (faust's dev log lines)")
    parser.add_argument("--same-pipeline", action="store_true",
                        help="one pipeline and worker for all rounds (state and uptime accumulate)")
    parser.add_argument("--worker-wrapper", type=Path, default=None,
                        help="a Python script that runs `python -m streams` itself (e.g. to log faust internals)")
    parser.add_argument("--missing-topic", action="store_true",
                        help="no kill: a worker assigned before its articles topic exists (the mechanism alone)")
    parser.add_argument("--cpu-hogs", type=int, default=0,
                        help="busy-loop processes running meanwhile (a loaded CI machine)")
    parser.add_argument("--out", type=Path, default=None, help="directory for logs (default: a temp dir)")
    parser.add_argument("--bootstrap", default=None, help="use this broker instead of starting one")
    args = parser.parse_args(argv)
    if not 1 <= args.rounds <= 30:
        parser.error("--rounds must be 1..30")
    out = args.out or Path(tempfile.mkdtemp(prefix="repro-crash-"))
    out.mkdir(parents=True, exist_ok=True)
    print(f"logs under {out}", flush=True)
    kafka = None
    hogs = [subprocess.Popen([sys.executable, "-c", "while True: pass"], start_new_session=True)
            for _ in range(max(0, min(args.cpu_hogs, 4)))]
    try:
        if args.bootstrap:
            bootstrap = args.bootstrap
        else:
            kafka = LocalKafka(data_dir=out / "kafka")
            kafka.start()
            bootstrap = kafka.bootstrap
            print(f"broker {bootstrap} pid {kafka.pid}", flush=True)
        results = []
        worker = None
        try:
            for i in range(args.rounds):
                if worker is None or worker.process is None or not args.same_pipeline:
                    worker = new_worker(bootstrap, out / f"round{i:02d}", i, args)
                if args.missing_topic:
                    r = missing_topic_round(bootstrap, worker, i, args)
                else:
                    r = one_round(bootstrap, worker, i, args, keep_running=args.same_pipeline)
                results.append(r)
                print(json.dumps(r), flush=True)
        finally:
            if worker is not None:
                worker.stop()
        counted = [r for r in results if "error" not in r and "stalled" in r]
        stalls = sum(r["stalled"] for r in counted)
        first = sum(bool(r.get("first_start_stalled")) for r in results)
        errors = sum("error" in r for r in results)
        print(f"STALLS {stalls}/{len(counted)} rounds (after a restart, or --missing-topic); first-start stalls {first}/{len(results)} "
              f"workers; errors {errors}", flush=True)
        return 1 if stalls or first else 0
    finally:
        for hog in hogs:
            hog.kill()
            hog.wait()
        if kafka is not None:
            kafka.stop()


if __name__ == "__main__":
    raise SystemExit(main())
