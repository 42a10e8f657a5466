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

import pytest

from streams.localkafka import free_port
from tests.integration.worker_harness import REPO_ROOT, WORKER_READY_TIMEOUT_S, http_get, wait_until

pytestmark = pytest.mark.broker

RUN_DIR = REPO_ROOT / ".cache" / "run"
#: the script's own stop: SIGTERM to the worker (up to 30 s), then the broker
STOP_TIMEOUT_S = 90.0


def _processes_of_the_run() -> list[str]:
    out = subprocess.run(["ps", "-ww", "-eo", "pid,args"], capture_output=True, text=True, check=True).stdout
    return [line for line in out.splitlines()
            if str(RUN_DIR) in line or ("streams worker" in line and str(REPO_ROOT) in line)]


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
        for line in _processes_of_the_run():  # never leave a stray broker or worker to the next test
            os.kill(int(line.split()[0]), signal.SIGKILL)
