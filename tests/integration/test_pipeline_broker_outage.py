"""The broker goes away and comes back: the worker waits, then goes on, counting nothing twice.

Operators restart Kafka (an upgrade, a host reboot). The worker must not need a restart of
its own: while the broker is down it retries; when the broker is back on the same address
with the same data, the articles published since are processed and the tallies from before
are unchanged. This test runs its own broker (the session's is shared by other tests).
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from streams.localkafka import LocalKafka, free_port
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

#: how long the broker stays down: longer than the clients' request timeouts' first retries,
#: shorter than the consumer session (the worker should not be thrown out of its group).
OUTAGE_S = 15.0


def _day_tallies(worker: WorkerProcess, region: str) -> list[tuple[str, int, int]] | None:
    status, body = worker.get(f"/api/tallies?region={region}&window=day")
    if status != 200:
        return None
    return [(t["window_start"], t["killed"]["best"], t["incidents"]) for t in body["tallies"]]


def test_worker_rides_out_a_broker_restart_and_goes_on_counting(tmp_path: Path) -> None:
    port = free_port()
    data = tmp_path / "kafka"
    kafka = LocalKafka(port=port, data_dir=data)
    kafka.start()
    env = pipeline_env(kafka.bootstrap, unique_prefix("outage"), partitions=2)
    worker = WorkerProcess(env, web_port=free_port(), data_dir=tmp_path / "worker", log_path=tmp_path / "worker.log")
    try:
        worker.start()
        worker.wait_ready()
        produce(kafka.bootstrap, env["CRISIS_STREAM_ARTICLES_TOPIC"], [
            (b"before", article("before", "A car bomb killed 12 people in Kirkuk, Iraq, on Saturday.",
                                "2024-03-10T08:00:00Z")),
        ])
        wait_until(lambda: _day_tallies(worker, "IQ-KI") == [("2024-03-09", 12, 1)], PIPELINE_TIMEOUT_S,
                   "the first article counted")

        kafka.stop()
        time.sleep(OUTAGE_S)
        assert worker.process is not None and worker.process.poll() is None, (
            f"the worker exited while the broker was down:\n{worker.log_text()[-3000:]}")
        kafka = LocalKafka(port=port, data_dir=data)
        kafka.start()

        produce(kafka.bootstrap, env["CRISIS_STREAM_ARTICLES_TOPIC"], [
            (b"after", article("after", "Gunmen killed 5 villagers in Mosul, Iraq, on Monday.",
                               "2024-03-12T08:00:00Z")),
            (b"before", article("before", "A car bomb killed 12 people in Kirkuk, Iraq, on Saturday.",
                                "2024-03-10T08:00:00Z")),  # delivered again: changes nothing
        ])
        try:
            wait_until(lambda: _day_tallies(worker, "IQ-NI") == [("2024-03-11", 5, 1)], PIPELINE_TIMEOUT_S,
                       "the article published after the restart counted")
        except TimeoutError as exc:
            raise TimeoutError(f"{exc}\n--- worker log tail ---\n{worker.log_text()[-4000:]}") from None
        assert _day_tallies(worker, "IQ-KI") == [("2024-03-09", 12, 1)]
        assert worker.process is not None and worker.process.poll() is None
    finally:
        worker.stop()
        kafka.stop()
