"""Two workers of one app (same app id, separate web ports and data dirs) share two partitions:
every region's tally is still right, and queries sent to either worker answer."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from aiokafka.partitioner import DefaultPartitioner

from streams.localkafka import free_port
from tests.integration.worker_harness import (
    PIPELINE_TIMEOUT_S,
    WORKER_READY_TIMEOUT_S,
    WorkerProcess,
    article,
    pipeline_env,
    produce,
    unique_prefix,
    wait_until,
)

pytestmark = pytest.mark.broker

PARTITIONS = 2
# (article id, city, admin1 code, killed), all "on Saturday" 2024-03-09 (published Sunday)
REPORTS = [
    ("so-kirkuk", "Kirkuk", "IQ-KI", 26),
    ("so-mosul", "Mosul", "IQ-NI", 11),
    ("so-basra", "Basra", "IQ-BA", 4),
    ("so-najaf", "Najaf", "IQ-NA", 7),
    ("so-ramadi", "Ramadi", "IQ-AN", 3),
    ("so-tikrit", "Tikrit", "IQ-SD", 5),
]
DAY = "2024-03-09"


@pytest.fixture(scope="module")
def workers(kafka_bootstrap: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[list[WorkerProcess]]:
    prefix = unique_prefix("scale")
    base = tmp_path_factory.mktemp(prefix)
    env = pipeline_env(kafka_bootstrap, prefix, partitions=PARTITIONS)
    pair = [WorkerProcess(env, web_port=free_port(), data_dir=base / f"w{i}", log_path=base / f"w{i}.log")
            for i in (1, 2)]
    try:
        for w in pair:
            w.start()
        for w in pair:
            w.wait_ready()

        def both_assigned() -> bool:
            # after the second worker joins, the group rebalances: wait until each owns partitions
            return all(w.get("/health")[1]["assigned_partitions"] > 0 for w in pair)

        wait_until(both_assigned, WORKER_READY_TIMEOUT_S, "both workers to own partitions")
        produce(kafka_bootstrap, env["CRISIS_STREAM_ARTICLES_TOPIC"], [
            (aid.encode(), article(aid, f"A car bomb killed {n} people in {city}, Iraq, on Saturday.",
                                   "2024-03-10T08:00:00Z"))
            for aid, city, _, n in REPORTS
        ])
        yield pair
    finally:
        for w in pair:
            w.stop()


def test_regions_spread_over_both_partitions() -> None:
    partitioner = DefaultPartitioner()
    parts = list(range(PARTITIONS))
    assert {partitioner(code.encode(), parts, parts) for _, _, code, _ in REPORTS} == set(parts)


@pytest.mark.parametrize("asked", [0, 1], ids=["asking-worker-1", "asking-worker-2"])
def test_every_region_tally_is_right_from_either_worker(workers: list[WorkerProcess], asked: int) -> None:
    worker = workers[asked]
    for _, _, code, killed in REPORTS:
        def check(code: str = code, killed: int = killed) -> bool:
            status, body = worker.get(f"/api/tallies?region={code}&window=day")
            return status == 200 and [(t["window_start"], t["killed"]["best"], t["incidents"])
                                      for t in body["tallies"]] == [(DAY, killed, 1)]

        wait_until(check, PIPELINE_TIMEOUT_S, f"{code} tally via worker {asked + 1}")
    total = sum(n for *_, n in REPORTS)

    def country() -> bool:
        status, body = worker.get("/api/tallies?region=IQ&window=day")
        return status == 200 and body["tallies"][0]["killed"]["best"] == total

    wait_until(country, PIPELINE_TIMEOUT_S, "the country tally summed over both partitions")


@pytest.mark.parametrize("asked", [0, 1], ids=["asking-worker-1", "asking-worker-2"])
def test_fan_out_queries_merge_both_workers(workers: list[WorkerProcess], asked: int) -> None:
    worker = workers[asked]
    expected_regions = {code for _, _, code, _ in REPORTS} | {"IQ"}

    def regions() -> bool:
        status, body = worker.get("/api/regions")
        return status == 200 and {r["region"] for r in body["regions"]} == expected_regions

    wait_until(regions, PIPELINE_TIMEOUT_S, "every region listed")
    status, top = worker.get("/api/tallies/top?window=day&metric=killed&limit=3")
    assert status == 200 and top["as_of"] == DAY
    assert [t["region"] for t in top["regions"]] == ["IQ", "IQ-KI", "IQ-NI"]
    status, recent = worker.get(f"/api/events/recent?limit={len(REPORTS) + 5}")
    assert status == 200 and {e["article_id"] for e in recent["events"]} == {aid for aid, *_ in REPORTS}
    status, incidents = worker.get("/api/incidents?region=IQ-NA")
    assert status == 200 and incidents["incidents"][0]["killed"]["best"] == 7
    status, detail = worker.get(f"/api/incidents/{incidents['incidents'][0]['incident_id']}")
    assert status == 200 and detail["reports"][0]["article_id"] == "so-najaf"
    status, country = worker.get(f"/api/incidents?region=IQ&limit={len(REPORTS) + 5}")
    assert status == 200 and {i["region"] for i in country["incidents"]} == {code for _, _, code, _ in REPORTS}
    assert worker.get("/api/incidents?region=SY")[0] == 404
