"""Faults on the real broker: a batch that cannot be written stops the worker, loses nothing.

The failing worker is the real one with its batch writes made to fail
(``tests/integration/failing_worker.py``). It must exit non-zero (so a supervisor restarts
it) instead of going on without the batch; the healthy worker started next on the same data
dir gets the batch again and the tally is right.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from streams.localkafka import free_port
from tests.integration.worker_harness import (
    PIPELINE_TIMEOUT_S,
    WorkerProcess,
    article,
    pipeline_env,
    produce,
    unique_prefix,
    wait_until,
)

pytestmark = pytest.mark.broker

#: the failing worker must be gone this long after the article is published
CRASH_TIMEOUT_S = 90.0


def test_a_batch_that_cannot_be_written_stops_the_worker_and_is_redelivered(kafka_bootstrap: str,
                                                                             tmp_path: Path) -> None:
    env = pipeline_env(kafka_bootstrap, unique_prefix("fault"), partitions=1)
    failing = WorkerProcess(env, web_port=free_port(), data_dir=tmp_path / "worker",
                            log_path=tmp_path / "failing.log", module="tests.integration.failing_worker")
    healthy = WorkerProcess(env, web_port=free_port(), data_dir=tmp_path / "worker", log_path=tmp_path / "healthy.log")
    try:
        failing.start()
        failing.wait_ready()
        produce(kafka_bootstrap, env["CRISIS_STREAM_ARTICLES_TOPIC"], [
            (b"fault-1", article("fault-1", "A car bomb killed 12 people in Kirkuk, Iraq, on Saturday.",
                                 "2024-03-10T08:00:00Z")),
        ])
        proc = failing.process
        assert proc is not None
        try:
            code = proc.wait(timeout=CRASH_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            pytest.fail(f"the worker went on after a batch failed:\n{failing.log_text()[-3000:]}")
        assert code != 0
        assert "could not be written" in failing.log_text()

        healthy.start()
        healthy.wait_ready()

        def tally() -> bool:
            status, body = healthy.get("/api/tallies?region=IQ-KI&window=day")
            return status == 200 and [(t["window_start"], t["killed"]["best"], t["incidents"])
                                      for t in body["tallies"]] == [("2024-03-09", 12, 1)]

        wait_until(tally, PIPELINE_TIMEOUT_S, "the failed batch redelivered to the restarted worker")
    finally:
        failing.stop()
        healthy.stop()
