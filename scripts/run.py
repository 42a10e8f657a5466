"""``make run``: the whole service on this machine, in one command.

Starts a local Apache Kafka (unless ``KAFKA_BOOTSTRAP_SERVERS`` is set), starts one worker,
replays ``seeds/articles.jsonl`` (and the malformed examples, which land on the dead-letter
topic), prints the per-region tallies as they arrive, then keeps serving until Ctrl-C,
which stops everything it started.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import orjson
from rich.console import Console
from rich.live import Live
from rich.table import Table

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from streams.cli import RANGE_LEGEND, format_range  # noqa: E402
from streams.localkafka import LocalKafka, free_port  # noqa: E402

WORKER_READY_TIMEOUT_S = 180.0
POLL_EVERY_S = 1.0
console = Console()


def _get(url: str) -> object | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as resp:
            return orjson.loads(resp.read())
    except (urllib.error.URLError, OSError, ValueError):
        return None


def _table(url: str, window: str) -> tuple[Table, int]:
    """The tallies table for the terminal, and how many regions it shows.

    Sized for an 80-column terminal: the window (the same for every row: the one holding
    ``as_of``) goes in the title, and a country's own row says so instead of an admin1 name."""
    data = _get(f"{url}/api/tallies/top?window={window}&metric=killed&limit=25") or {}
    rows = data.get("regions", []) if isinstance(data, dict) else []
    title = f"Tallies per region, {window} window"
    if rows:
        title += f" {rows[0].get('window_start')} to {rows[0].get('window_end')}"
    if data:
        title += f" (as of {data.get('as_of')}), most killed first"
    table = Table(title=title, caption=f"{RANGE_LEGEND}\n{url}/dashboard  ·  Ctrl-C stops everything")
    for col in ("region", "name", "killed", "wounded", "displaced", "incidents", "reports"):
        table.add_column(col, justify="left" if col in {"region", "name"} else "right", no_wrap=col == "name",
                         overflow="ellipsis", max_width=14 if col == "name" else None)
    for t in rows:
        name = t.get("admin1") or ("(country)" if t.get("region") == t.get("country") else "")
        table.add_row(t.get("region", ""), name, format_range(t.get("killed")), format_range(t.get("wounded")),
                      format_range(t.get("displaced")), str(t.get("incidents", 0)), str(t.get("reports", 0)))
    if not rows:
        table.add_row("(waiting for tallies…)", "", "", "", "", "", "")
    return table, len(rows)


def _interrupt(signum: int, _frame: object) -> None:
    raise KeyboardInterrupt(signal.Signals(signum).name)


def main() -> int:
    # A closed terminal (SIGHUP) or a `kill` (SIGTERM) stops everything this started, as
    # Ctrl-C does: the broker and the worker run in sessions of their own and would outlive us.
    signal.signal(signal.SIGTERM, _interrupt)
    signal.signal(signal.SIGHUP, _interrupt)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=Path, default=REPO / "seeds" / "articles.jsonl")
    parser.add_argument("--window", default="30d", choices=["day", "7d", "30d"])
    parser.add_argument("--web-port", type=int, default=int(os.environ.get("CRISIS_STREAM_WEB_PORT", "6066")))
    parser.add_argument("--once", action="store_true", help="exit after the seeds' tallies are shown")
    args = parser.parse_args()

    started = time.monotonic()
    kafka: LocalKafka | None = None
    worker: subprocess.Popen[bytes] | None = None
    env = dict(os.environ)
    # Each run starts a fresh broker, so the worker's table state must be fresh too: RocksDB
    # offsets kept from an earlier run's broker are ahead of the new changelogs and faust
    # refuses them (ConsistencyError). Earlier runs' directories are removed.
    run_dir = REPO / ".cache" / "run"
    shutil.rmtree(run_dir, ignore_errors=True)
    run_dir.mkdir(parents=True, exist_ok=True)
    try:
        if env.get("KAFKA_BOOTSTRAP_SERVERS"):
            console.print(f"using Kafka at {env['KAFKA_BOOTSTRAP_SERVERS']}")
        else:
            console.print("starting a local Apache Kafka (first run fetches it from Maven Central)…")
            kafka = LocalKafka(port=free_port(), data_dir=run_dir / f"kafka-{int(time.time())}")
            kafka.start()
            env["KAFKA_BOOTSTRAP_SERVERS"] = kafka.bootstrap
            console.print(f"kafka ready at {kafka.bootstrap} ({time.monotonic() - started:.1f}s)")
        env["CRISIS_STREAM_WEB_PORT"] = str(args.web_port)
        env.setdefault("CRISIS_STREAM_APP_ID", f"crisis-stream-run-{int(time.time())}")
        env.setdefault("CRISIS_STREAM_DATA_DIR", str(run_dir / "worker"))
        url = f"http://127.0.0.1:{args.web_port}"
        log = open(run_dir / "worker.log", "wb")
        worker = subprocess.Popen([sys.executable, "-m", "streams", "worker", "-l", "info"], cwd=REPO,
                                  env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        console.print(f"worker starting (log: {run_dir / 'worker.log'})…")
        deadline = time.monotonic() + WORKER_READY_TIMEOUT_S
        while _get(f"{url}/health") is None:
            if worker.poll() is not None or time.monotonic() > deadline:
                console.print(f"[red]worker did not come up; see {run_dir / 'worker.log'}[/red]")
                return 1
            time.sleep(POLL_EVERY_S)
        console.print(f"worker ready ({time.monotonic() - started:.1f}s); replaying {args.seeds}")
        for path in (args.seeds, args.seeds.with_name("malformed.jsonl")):
            if path.exists():
                subprocess.run([sys.executable, "-m", "streams", "replay", str(path)], cwd=REPO, env=env,
                               check=True)
        first_tally = None
        with Live(_table(url, args.window)[0], console=console, refresh_per_second=1) as live:
            while True:
                table, shown = _table(url, args.window)
                live.update(table)
                if first_tally is None and shown:
                    first_tally = time.monotonic() - started
                    live.console.print(f"first tally after {first_tally:.1f}s; dashboard: {url}/dashboard")
                    if args.once:
                        time.sleep(5)
                        live.update(_table(url, args.window)[0])
                        return 0
                if worker.poll() is not None:
                    console.print("[red]worker exited[/red]")
                    return 1
                time.sleep(POLL_EVERY_S)
    except KeyboardInterrupt:
        console.print("stopping…")
        return 0
    finally:
        if worker is not None and worker.poll() is None:
            os.killpg(worker.pid, signal.SIGTERM)
            try:
                worker.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(worker.pid, signal.SIGKILL)
        if kafka is not None:
            kafka.stop()


if __name__ == "__main__":
    sys.exit(main())
