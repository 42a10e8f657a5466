"""State beyond the retention expires on a real broker, and the tallies keep their figures.

One worker with a 10-day retention and two partitions: Kirkuk (IQ-KI) and Mosul (IQ-NI) share
an events partition, so one stream time; the country scope (IQ) is on the other partition, so
the rebuild after the restart reads windows (and their bases) of both.
Incidents on 9, 10 and 19 March, then a report dated 3 April: stream time moves past them by
more than the retention plus the 2-day match window, so they leave the worker's state (their
figures folded into their windows) while every tally stays what it was, across a restart that
restores everything from the changelogs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.integration.worker_harness import (
    PIPELINE_TIMEOUT_S,
    WorkerProcess,
    article,
    consume_all,
    produce,
    running_worker,
    unique_prefix,
    wait_processed,
    wait_until,
)

pytestmark = pytest.mark.broker

RETENTION_DAYS = 10


@pytest.fixture()
def worker(kafka_bootstrap: str, tmp_path: Path) -> Iterator[WorkerProcess]:
    with running_worker(kafka_bootstrap, tmp_path, unique_prefix("expiry"), partitions=2,
                        extra_env={"CRISIS_STREAM_RETENTION_DAYS": str(RETENTION_DAYS)}) as process:
        yield process


def _publish(bootstrap: str, worker: WorkerProcess, article_id: str, body: str, published_at: str) -> None:
    produce(bootstrap, worker.env["CRISIS_STREAM_ARTICLES_TOPIC"],
            [(article_id.encode(), article(article_id, body, published_at))])


def _tallies(worker: WorkerProcess) -> dict[tuple[str, str], list[dict[str, Any]]]:
    status, body = worker.get("/api/regions")
    assert status == 200
    out = {}
    for region in body["regions"]:
        for window in ("day", "7d", "30d"):
            status, tallies = worker.get(f"/api/tallies?region={region['region']}&window={window}")
            assert status == 200
            out[(region["region"], window)] = [
                {k: t[k] for k in ("window_start", "killed", "incidents", "reports")} for t in tallies["tallies"]]
    return out


def _incident_ids(worker: WorkerProcess, region: str) -> list[str]:
    status, body = worker.get(f"/api/incidents?region={region}")
    assert status == 200, body
    return [i["incident_id"] for i in body["incidents"]]


def _killed(tallies: dict[tuple[str, str], list[dict[str, Any]]], region: str, window: str, start: str) -> int:
    return next(t["killed"]["best"] for t in tallies[(region, window)] if t["window_start"] == start)


def test_incidents_beyond_the_retention_expire_and_every_tally_keeps_its_figures(
        kafka_bootstrap: str, worker: WorkerProcess) -> None:
    _publish(kafka_bootstrap, worker, "kirkuk-bomb", "A car bomb killed 26 people in Kirkuk, Iraq, on Saturday.",
             "2024-03-10T08:00:00Z")
    _publish(kafka_bootstrap, worker, "mosul-raid", "Gunmen killed 7 people in Mosul, Iraq, on Sunday.",
             "2024-03-10T20:00:00Z")
    _publish(kafka_bootstrap, worker, "mosul-ambush", "Gunmen killed 5 people in Mosul, Iraq, on Tuesday.",
             "2024-03-20T08:00:00Z")
    wait_processed(kafka_bootstrap, worker.env)
    [kirkuk_old] = _incident_ids(worker, "IQ-KI")
    mosul_old = _incident_ids(worker, "IQ-NI")
    assert len(mosul_old) == 2
    assert worker.get(f"/api/incidents/{kirkuk_old}")[0] == 200
    before = _tallies(worker)
    assert _killed(before, "IQ", "30d", "2024-02-17") == 33
    assert _killed(before, "IQ", "30d", "2024-03-18") == 5

    # Wednesday 3 April in Kirkuk: stream time passes 9, 10 and 19 March + 10 days + the 2-day match window
    _publish(kafka_bootstrap, worker, "kirkuk-later",
             "A roadside bomb killed 4 soldiers in Kirkuk, Iraq, on Wednesday.", "2024-04-04T08:00:00Z")
    wait_processed(kafka_bootstrap, worker.env)
    wait_until(lambda: _incident_ids(worker, "IQ-NI") == [] or None, PIPELINE_TIMEOUT_S,
               "the old Mosul incidents to expire (their region got no new report)")
    assert all(worker.get(f"/api/incidents/{i}")[0] == 404 for i in [kirkuk_old, *mosul_old])
    assert len(_incident_ids(worker, "IQ-KI")) == 1
    after = _tallies(worker)
    for key, windows in before.items():  # every old window keeps its figures
        if key != ("IQ", "30d"):
            assert [t for t in after[key] if t["window_start"] in {w["window_start"] for w in windows}] == windows
    assert _killed(after, "IQ", "30d", "2024-02-17") == 33
    assert _killed(after, "IQ", "30d", "2024-03-18") == 5 + 4  # one expired incident, one live

    # a report of an expired incident delivered again is too late: it goes to the late topic
    _publish(kafka_bootstrap, worker, "kirkuk-bomb", "A car bomb killed 26 people in Kirkuk, Iraq, on Saturday.",
             "2024-03-10T08:00:00Z")
    late = consume_all(kafka_bootstrap, worker.env["CRISIS_STREAM_LATE_TOPIC"], min_count=1)
    assert [m for m in late if b"too_late" in m.value]
    wait_processed(kafka_bootstrap, worker.env)
    assert _tallies(worker) == after

    # a restart from an empty data dir rebuilds the windows from their bases and the live incidents
    worker.stop()
    worker.data_dir = worker.data_dir.parent / f"fresh-{dt.datetime.now(dt.UTC):%H%M%S%f}"
    worker.start()
    worker.wait_ready()
    assert _tallies(worker) == after
    _publish(kafka_bootstrap, worker, "mosul-new", "Gunmen killed 3 people in Mosul, Iraq, on Tuesday.",
             "2024-04-03T09:00:00Z")

    def mosul_counted() -> dict[tuple[str, str], list[dict[str, Any]]] | None:
        t = _tallies(worker)
        return t if [w for w in t[("IQ-NI", "day")] if w["window_start"] == "2024-04-02"] else None

    now = wait_until(mosul_counted, PIPELINE_TIMEOUT_S, "the new Mosul incident")
    assert _killed(now, "IQ", "30d", "2024-03-18") == 5 + 4 + 3  # rebuilt on the expired incident's base
    assert _killed(now, "IQ-NI", "30d", "2024-03-18") == 5 + 3
    assert _killed(now, "IQ", "30d", "2024-02-17") == 33
