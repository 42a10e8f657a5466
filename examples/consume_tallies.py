"""A downstream consumer of the ``tallies`` topic: the current tally of every region and
window, each record checked against the published schema (``schemas.RegionTally``).

What a consumer needs to know (docs/STREAMING.md has the rest):

* ``tallies`` is compacted and carries upserts: the key is ``<region>|<window>|<start>``
  and the last record of a key is its current state. Read from the beginning and keep the
  last value per key; a revised tally simply arrives again under its key.
* ``revision`` grows with every change published for a key: keep the record with the
  highest one (a key's records are in one partition, in order, so this only guards
  against replays from elsewhere).
* ``schema_version`` is 1. A record of a newer version, or one that does not validate, is
  reported on stderr and skipped, never guessed at.

Run: ``python examples/consume_tallies.py --bootstrap 127.0.0.1:9092 --idle-exit 5``
(prints JSON lines, one per key, when no record has come for 5 s). Without ``--idle-exit``
it keeps following the topic and prints each record as it arrives.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
from collections.abc import Sequence
from pathlib import Path

import pydantic
from aiokafka import AIOKafkaConsumer

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from a checkout

from schemas import RegionTally  # noqa: E402
from schemas.json_codec import dumps  # noqa: E402
from schemas.records import SCHEMA_VERSION  # noqa: E402


async def consume(bootstrap: str, topic: str, idle_exit: float | None) -> dict[str, RegionTally]:
    """Read ``topic`` from the beginning; the latest valid tally per key."""
    consumer = AIOKafkaConsumer(topic, bootstrap_servers=bootstrap, auto_offset_reset="earliest",
                                enable_auto_commit=False, group_id=None)
    latest: dict[str, RegionTally] = {}
    await consumer.start()
    try:
        while True:
            batches = await consumer.getmany(timeout_ms=int(1000 * (idle_exit or 1.0)))
            if not batches and idle_exit is not None:
                return latest
            for records in batches.values():
                for record in records:
                    key = record.key.decode() if record.key else ""
                    try:
                        tally = RegionTally.model_validate_json(record.value or b"")
                    except pydantic.ValidationError as exc:
                        print(f"skipped {record.topic}/{record.partition}@{record.offset} ({key}): "
                              f"{exc.error_count()} schema errors", file=sys.stderr)
                        continue
                    if tally.schema_version > SCHEMA_VERSION:
                        print(f"skipped {key}: schema_version {tally.schema_version} is newer than "
                              f"{SCHEMA_VERSION}", file=sys.stderr)
                        continue
                    known = latest.get(key)
                    if known is None or tally.revision >= known.revision:
                        latest[key] = tally
                        if idle_exit is None:
                            sys.stdout.buffer.write(dumps(tally) + b"\n")
                            sys.stdout.flush()
    finally:
        await consumer.stop()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bootstrap", default=os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"))
    parser.add_argument("--topic", default="tallies")
    parser.add_argument("--idle-exit", type=float, default=None, metavar="SECONDS",
                        help="print the latest tally per key and stop after this long without a record")
    args = parser.parse_args(argv)
    latest = asyncio.run(consume(args.bootstrap, args.topic, args.idle_exit))
    if args.idle_exit is not None:
        for key in sorted(latest):
            sys.stdout.buffer.write(dumps(latest[key]) + b"\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
