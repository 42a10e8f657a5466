"""Run ``python -m streams worker ...`` with faust's offset bookkeeping traced (a debug aid).

Used by ``scripts/repro_crash_restart.py --worker-wrapper scripts/repro_trace_worker.py``:
logs (as WARNING lines starting with ``TRACE``) every ``Consumer.perform_seek`` with its
caller and the read offsets it leaves, every gap faust records in a partition's offsets,
and every commit computation whose acked list holds duplicates or advances by a single
offset while more offsets are acked (the "commit crawl" in docs/STREAMING.md).
"""

from __future__ import annotations

import logging
import runpy
import sys
import traceback
from typing import Any

import faust.transport.consumer as consumer_module

__all__: list[str] = []

log = logging.getLogger("trace")
Consumer: Any = consumer_module.Consumer
_add_gap = Consumer._add_gap
_perform_seek = Consumer.perform_seek
_new_offset = Consumer._new_offset


async def add_gap(self: Any, tp: Any, offset_from: int, offset_to: int) -> None:
    log.warning("TRACE add_gap %s %s..%s committed=%s", tp, offset_from, offset_to, self._committed_offset.get(tp))
    await _add_gap(self, tp, offset_from, offset_to)


async def perform_seek(self: Any) -> None:
    stack = "".join(traceback.format_stack(limit=6)[:-1]).replace("\n", " | ")
    log.warning("TRACE perform_seek flow_active=%s from %s", self.flow_active, stack[-600:])
    await _perform_seek(self)
    log.warning("TRACE perform_seek done read_offset=%s",
                {f"{k.topic}[{k.partition}]": v for k, v in self._read_offset.items() if "changelog" not in k.topic})


def new_offset(self: Any, tp: Any) -> int | None:
    before = list(self._acked[tp])
    result = _new_offset(self, tp)
    crawl = result is not None and len(before) > 1 and result - min(before) == 1
    if before and (len(set(before)) != len(before) or crawl):
        log.warning("TRACE new_offset %s -> %s committed=%s acked(n=%d distinct=%d)=%s gap=%s", tp, result,
                    self._committed_offset.get(tp), len(before), len(set(before)), sorted(before)[:12],
                    self._gap.get(tp))
    return result


def main() -> None:
    Consumer._add_gap = add_gap
    Consumer.perform_seek = perform_seek
    Consumer._new_offset = new_offset
    sys.argv = ["streams", *sys.argv[1:]]
    runpy.run_module("streams", run_name="__main__")


if __name__ == "__main__":
    main()
