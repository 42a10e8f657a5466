"""`make run` (scripts/run.py) stops everything it started when it is told to stop.

Ctrl-C was handled; a `kill` or a closed terminal (SIGTERM, SIGHUP) left the broker and the
worker running, since each runs in a session of its own. Here the script starts its own
broker and worker, is sent the signal once the worker answers, and must exit with nothing of
its run left behind.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from streams.localkafka import free_port
from tests.integration.worker_harness import REPO_ROOT, WORKER_READY_TIMEOUT_S, http_get, wait_until

pytestmark = pytest.mark.broker

RUN_DIR = REPO_ROOT / ".cache" / "run"
#: the script's own stop: SIGTERM to the worker (up to 30 s), then the broker
STOP_TIMEOUT_S = 90.0


def _processes_of_the_run() -> list[int]:
    """The run's broker (its data dir is under RUN_DIR) and worker (its environment names its
    data dir there): other tests' workers, alive meanwhile, are none of them."""
    worker_env = f"CRISIS_STREAM_DATA_DIR={RUN_DIR / 'worker'}".encode()
    found = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            cmdline = (proc / "cmdline").read_bytes()
            environ = (proc / "environ").read_bytes()
        except OSError:  # gone meanwhile, or not ours
            continue
        if str(RUN_DIR).encode() in cmdline or worker_env in environ.split(b"\0"):
            found.append(int(proc.name))
    return found


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP], ids=["sigterm", "sighup"])
def test_run_stops_its_broker_and_worker_on_a_signal(sig: signal.Signals) -> None:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "KAFKA_BOOTSTRAP_SERVERS"}  # it starts its own
    proc = subprocess.Popen([sys.executable, str(REPO_ROOT / "scripts" / "run.py"), "--web-port", str(port)],
                            cwd=REPO_ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            start_new_session=True)
    try:
        wait_until(lambda: http_get(f"http://127.0.0.1:{port}/health")[0] == 200 or proc.poll() is not None,
                   WORKER_READY_TIMEOUT_S, "the run's worker to answer")
        assert proc.poll() is None, proc.stdout.read().decode(errors="replace") if proc.stdout else ""
        assert _processes_of_the_run(), "the run's broker and worker should be up"
        proc.send_signal(sig)
        proc.wait(timeout=STOP_TIMEOUT_S)
        assert _processes_of_the_run() == []
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=30)
        for pid in _processes_of_the_run():  # never leave a stray broker or worker to the next test
            os.kill(pid, signal.SIGKILL)
