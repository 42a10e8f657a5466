"""A worker whose stateful batches cannot be written: a fault-injection double.

Run as ``python -m tests.integration.failing_worker worker ...`` (``WorkerProcess(module=...)``).
Every batch of the stateful agents fails as a whole, as when the changelog or the store
refuses writes; per-message handling is untouched. Used by ``test_pipeline_faults.py``.
"""

from __future__ import annotations

from typing import Any

import streams.agents as agents


async def _cannot_write(*_: Any, **__: Any) -> Any:
    raise OSError("injected fault: the batch's table writes failed")


agents.handle_batch = _cannot_write  # the agents look it up when each batch comes

if __name__ == "__main__":
    from streams.app import app

    app.main()
