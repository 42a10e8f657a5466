"""Operator commands: ``replay`` (publish a JSONL of articles) and ``tallies`` (query tallies).

``python -m streams replay PATH [--rate N/s] [--bootstrap HOST:PORT] [--topic NAME]``
publishes every line of PATH to the articles topic, keyed by the article's ``id``. A line
that is not JSON (or has no ``id``) is published exactly as it is, with no key: that is how
the dead-letter path is exercised on purpose.

``python -m streams tallies [--window 7d] [--region SY-DY] [--metric killed] [--url URL]``
prints the region's tallies (or, without ``--region``, the top regions) as a table, from a
worker's HTTP API.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from schemas.json_codec import loads

__all__ = ["RANGE_LEGEND", "format_range", "main", "read_lines", "replay", "render_tallies"]

#: how long ``tallies`` waits for the worker's answer.
HTTP_TIMEOUT_S = 15.0


def read_lines(path: Path) -> Iterator[tuple[bytes | None, bytes]]:
    """(key, value) per non-empty line: key is the article id when the line is a JSON object
    with an ``id``, else ``None`` (the line goes out as it is)."""
    with path.open("rb") as fh:
        for raw in fh:
            line = raw.rstrip(b"\r\n")
            if not line.strip():
                continue
            try:
                data = loads(line)
            except ValueError:
                yield None, line
                continue
            key = data.get("id") if isinstance(data, dict) else None
            yield (str(key).encode() if key is not None else None), line


#: messages in flight before the replay waits for their acknowledgements (bounds memory;
#: the idempotent producer keeps them in order)
REPLAY_WINDOW = 500


async def replay(path: Path, bootstrap: str, topic: str, rate: float | None, progress: bool = True, *,
                 partitions: int = 4, replication_factor: int = 1) -> int:
    """Publish ``path`` to ``topic`` (created with ``partitions`` if missing); returns the
    number of messages sent. Sends are pipelined (up to ``REPLAY_WINDOW`` unacknowledged),
    so a large file goes at the broker's pace, not one round trip per line."""
    from aiokafka import AIOKafkaProducer
    from tqdm import tqdm

    from streams.localkafka import ensure_topics

    items = list(read_lines(path))
    await ensure_topics(bootstrap, [topic], partitions, replication_factor)
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all", enable_idempotence=True)
    await producer.start()
    sent = 0
    started = time.monotonic()
    pending: list[asyncio.Future[Any]] = []
    try:
        with tqdm(total=len(items), unit="msg", disable=not progress, desc=f"replay -> {topic}") as bar:
            for key, value in items:
                pending.append(await producer.send(topic, value=value, key=key))
                sent += 1
                if len(pending) >= REPLAY_WINDOW or rate:
                    await asyncio.gather(*pending)  # acknowledged: counted as published
                    bar.update(len(pending))
                    pending.clear()
                if rate:
                    ahead = sent / rate - (time.monotonic() - started)
                    if ahead > 0:
                        await asyncio.sleep(ahead)
            await asyncio.gather(*pending)
            bar.update(len(pending))
            pending.clear()
    finally:
        await producer.stop()
    return sent


def _fetch(url: str) -> Any:
    try:
        with urllib.request.urlopen(url, timeout=HTTP_TIMEOUT_S) as resp:  # noqa: S310 (operator-given URL)
            return loads(resp.read())
    except urllib.error.HTTPError as exc:
        body = exc.read()
        try:
            message = loads(body).get("error", body.decode(errors="replace"))
        except ValueError:
            message = body.decode(errors="replace")
        raise SystemExit(f"{url}: HTTP {exc.code}: {message}") from None
    except urllib.error.URLError as exc:
        raise SystemExit(f"{url}: {exc.reason}") from None


def format_range(r: dict[str, Any] | None) -> str:
    """A Range's JSON as operators read it: ``26``, ``12+`` (at least 12, no upper bound),
    ``~12+`` (vague: "dozens"), ``30 (26–40)`` (best, then min–max)."""
    if not r:
        return "0"
    best, lo, hi = r.get("best", 0), r.get("min", 0), r.get("max")
    vague = "~" if r.get("vague") else ""
    if hi == lo == best:
        return f"{vague}{best:,}"
    if hi is None and lo == best:
        return f"{vague}{best:,}+"
    return f"{vague}{best:,} ({lo:,}–{'?' if hi is None else f'{hi:,}'})"


#: the legend of ``format_range``, for table captions.
RANGE_LEGEND = 'N+ at least N · ~ vague ("dozens") · best (min–max)'


def render_tallies(title: str, tallies: Sequence[dict[str, Any]]) -> Any:
    """A rich table of RegionTally JSON rows."""
    from rich.table import Table

    table = Table(title=title, caption=RANGE_LEGEND)
    for column in ("region", "admin1", "window", "start", "end", "killed", "wounded", "displaced", "incidents",
                   "reports", "rev"):
        table.add_column(column, justify="right" if column in {"incidents", "reports", "rev"} else "left")
    for t in tallies:
        table.add_row(t["region"], t.get("admin1") or "", t["window"], t["window_start"], t["window_end"],
                      format_range(t["killed"]), format_range(t["wounded"]), format_range(t["displaced"]),
                      str(t["incidents"]), str(t["reports"]), str(t["revision"]))
    return table


def _tallies(args: argparse.Namespace) -> int:
    from rich.console import Console

    base = args.url.rstrip("/")
    if args.region:
        query = {"window": args.window, "region": args.region}
        body = _fetch(f"{base}/api/tallies?{urllib.parse.urlencode(query)}")
        title = f"{args.region}: {args.window} tallies"
        rows = body["tallies"]
    else:
        query = {"window": args.window, "metric": args.metric, "limit": str(args.limit)}
        body = _fetch(f"{base}/api/tallies/top?{urllib.parse.urlencode(query)}")
        title = (f"top {args.limit} by {args.metric}, {args.window} window containing {body['as_of']}"
                 if body["as_of"] else "no tallies yet")
        rows = body["regions"]
    Console().print(render_tallies(title, rows))
    return 0


def _rate(text: str) -> float:
    """``20``, ``20/s`` or ``0.5/s`` -> messages per second."""
    value = text.strip().removesuffix("/s")
    try:
        rate = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"rate must be N or N/s, not {text!r}") from None
    if rate <= 0:
        raise argparse.ArgumentTypeError("rate must be positive")
    return rate


def main(argv: Sequence[str]) -> int:
    """``replay`` or ``tallies`` (called by ``python -m streams``)."""
    from streams.settings import get_settings

    settings = get_settings()
    parser = argparse.ArgumentParser(prog="python -m streams")
    sub = parser.add_subparsers(dest="command", required=True)
    rp = sub.add_parser("replay", help="publish a JSONL file of articles to the articles topic")
    rp.add_argument("path", type=Path)
    rp.add_argument("--rate", type=_rate, default=None,
                    help="messages per second, e.g. 20 or 20/s (default: as fast as possible)")
    rp.add_argument("--bootstrap", default=settings.kafka_bootstrap_servers)
    rp.add_argument("--topic", default=settings.articles_topic)
    rp.add_argument("--no-progress", action="store_true")
    tp = sub.add_parser("tallies", help="print tallies as a table")
    tp.add_argument("--window", default="7d", choices=["day", "7d", "30d"])
    tp.add_argument("--region", default=None)
    tp.add_argument("--metric", default="killed", choices=["killed", "wounded", "displaced"])
    tp.add_argument("--limit", type=int, default=10)
    tp.add_argument("--url", default=f"http://{settings.web_host}:{settings.web_port}")
    args = parser.parse_args(list(argv))
    if args.command == "replay":
        sent = asyncio.run(replay(args.path, args.bootstrap, args.topic, args.rate, progress=not args.no_progress,
                                  partitions=settings.partitions, replication_factor=settings.replication_factor))
        print(f"published {sent} messages to {args.topic}", file=sys.stderr)
        return 0
    return _tallies(args)
