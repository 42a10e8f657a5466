"""The whole pipeline on a real Kafka broker: one worker subprocess for the module.

Each test writes its own articles about its own region (and dates), so tests sharing the
worker do not disturb each other. Event dates stay within 2024-03-09..2024-05-23 (less than
the 90-day retention apart) except the one meant to be too late. The articles are deliberately simple sentences; the
pipeline's behaviour, not extraction accuracy, is under test here.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from aiokafka.partitioner import DefaultPartitioner

from tests.integration.worker_harness import (
    PIPELINE_TIMEOUT_S,
    REPO_ROOT,
    WorkerProcess,
    article,
    consume_all,
    produce,
    running_worker,
    unique_prefix,
    wait_until,
)

pytestmark = pytest.mark.broker

PARTITIONS = 2


@dataclass
class Pipeline:
    bootstrap: str
    env: dict[str, str]
    worker: WorkerProcess
    base: Path

    @property
    def articles_topic(self) -> str:
        return self.env["CRISIS_STREAM_ARTICLES_TOPIC"]

    def publish(self, *messages: tuple[str | None, bytes]) -> None:
        produce(self.bootstrap, self.articles_topic,
                [(None if key is None else key.encode(), value) for key, value in messages])

    def tally(self, region: str, window: str, start: str) -> dict[str, Any] | None:
        status, body = self.worker.get(f"/api/tallies?region={region}&window={window}")
        if status != 200:
            return None
        return next((t for t in body["tallies"] if t["window_start"] == start), None)

    def wait_tally(self, region: str, window: str, start: str, **expected: int) -> dict[str, Any]:
        def check() -> dict[str, Any] | None:
            t = self.tally(region, window, start)
            if t is None:
                return None
            got = {k: (t[k]["best"] if isinstance(t[k], dict) else t[k]) for k in expected}
            return t if got == expected else None

        return wait_until(check, PIPELINE_TIMEOUT_S, f"{region} {window} {start} tally {expected}")

    def snapshot(self) -> dict[str, Any]:
        """Every tally of every region, as the HTTP API serves them."""
        status, body = self.worker.get("/api/regions")
        assert status == 200
        out = {}
        for r in body["regions"]:
            for window in ("day", "7d", "30d"):
                status, tallies = self.worker.get(f"/api/tallies?region={r['region']}&window={window}")
                assert status == 200
                out[(r["region"], window)] = tallies["tallies"]
        return out


@pytest.fixture(scope="module")
def pipeline(kafka_bootstrap: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Pipeline]:
    prefix = unique_prefix("pipe")
    base = tmp_path_factory.mktemp(prefix)
    # (an incident keeps 4 reports whole here, so a dozen reports exercise retiring them)
    with running_worker(kafka_bootstrap, base, prefix, partitions=PARTITIONS,
                        extra_env={"CRISIS_STREAM_INCIDENT_REPORTS_KEPT": "4"}) as worker:
        yield Pipeline(kafka_bootstrap, worker.env, worker, base)


def same_partition_key(key: str, stem: str) -> str:
    """An article id that lands on the same ``articles`` partition as ``key`` (an ordering barrier)."""
    partitioner = DefaultPartitioner()
    parts = list(range(PARTITIONS))
    target = partitioner(key.encode(), parts, parts)
    return next(c for i in range(1000) if partitioner((c := f"{stem}-{i}").encode(), parts, parts) == target)


def test_three_outlets_reporting_one_bombing_count_once(pipeline: Pipeline) -> None:
    body = "A car bomb killed 26 people in Kirkuk, Iraq, on Saturday."
    pipeline.publish(*[
        (f"kirkuk-{outlet}", article(f"kirkuk-{outlet}", body, f"2024-03-10T0{i}:00:00Z", source=outlet))
        for i, outlet in enumerate(["outlet-a", "outlet-b", "outlet-c"], start=6)
    ])
    pipeline.wait_tally("IQ-KI", "day", "2024-03-09", killed=26, incidents=1, reports=3)
    pipeline.wait_tally("IQ", "7d", "2024-03-04", killed=26, incidents=1, reports=3)
    status, body_json = pipeline.worker.get("/api/incidents?region=IQ-KI")
    assert status == 200 and len(body_json["incidents"]) == 1
    incident = body_json["incidents"][0]
    assert incident["sources"] == ["outlet-a", "outlet-b", "outlet-c"]
    status, detail = pipeline.worker.get(f"/api/incidents/{incident['incident_id']}")
    assert status == 200 and len(detail["reports"]) == 3
    assert all(r["evidence"] for r in detail["reports"])


def test_a_big_incident_counts_every_report_once_and_keeps_the_oldest_as_ids(pipeline: Pipeline) -> None:
    first = "A suicide bomber killed 18 people at a market in Baqubah, Iraq, on Thursday."
    update = "The death toll from Thursday's market bombing in Baqubah, Iraq, has risen to 31, officials said."
    outlets = [f"outlet-{i:02d}" for i in range(12)]
    pipeline.publish(*[
        (f"baqubah-{i:02d}", article(f"baqubah-{i:02d}", update if i == 6 else first, f"2024-03-15T{8 + i:02d}:00:00Z",
                                    source=outlet))
        for i, outlet in enumerate(outlets)
    ])
    pipeline.wait_tally("IQ-DI", "day", "2024-03-14", killed=31, incidents=1, reports=12)
    status, listed = pipeline.worker.get("/api/incidents?region=IQ-DI")
    assert status == 200 and len(listed["incidents"]) == 1
    status, detail = pipeline.worker.get(f"/api/incidents/{listed['incidents'][0]['incident_id']}")
    assert status == 200
    assert len(detail["report_ids"]) == 12 and detail["sources"] == outlets
    assert detail["retired_reports"] and len(detail["reports"]) + len(detail["retired_reports"]) == 12
    assert len(detail["reports"]) <= 5
    assert detail["killed"]["best"] == 31 and detail["evidence"]
    # a retired report delivered again changes nothing (a later article on its partition: a barrier)
    again = detail["retired_reports"][0]["article_id"]
    index = int(again.rsplit("-", 1)[1])
    sentinel = same_partition_key(again, "baqubah-sentinel")
    pipeline.publish((again, article(again, update if index == 6 else first, f"2024-03-15T{8 + index:02d}:00:00Z",
                                     source=outlets[index])),
                     (sentinel, article(sentinel, "A bomb killed 2 people in Baqubah, Iraq, on March 20.",
                                        "2024-03-21T08:00:00Z")))
    pipeline.wait_tally("IQ-DI", "day", "2024-03-20", killed=2, incidents=1)
    pipeline.wait_tally("IQ-DI", "day", "2024-03-14", killed=31, incidents=1, reports=12)


def test_toll_update_replaces_the_first_figure(pipeline: Pipeline) -> None:
    pipeline.publish(("mosul-1", article("mosul-1", "A roadside bomb killed 26 people in Mosul, Iraq, on Monday.",
                                         "2024-04-16T08:00:00Z")))
    pipeline.wait_tally("IQ-NI", "day", "2024-04-15", killed=26, incidents=1)
    pipeline.publish(("mosul-2", article(
        "mosul-2", "The death toll from Monday's bombing in Mosul, Iraq, has risen to 40, officials said.",
        "2024-04-17T08:00:00Z", source="outlet-b")))
    pipeline.wait_tally("IQ-NI", "day", "2024-04-15", killed=40, incidents=1, reports=2)
    pipeline.wait_tally("IQ", "day", "2024-04-15", killed=40, incidents=1)


def test_same_article_twice_changes_nothing(pipeline: Pipeline) -> None:
    message = ("basra-1", article("basra-1", "A car bomb killed 12 people in Basra, Iraq, on Friday.",
                                  "2024-05-18T08:00:00Z"))
    pipeline.publish(message)
    before = pipeline.wait_tally("IQ-BA", "day", "2024-05-17", killed=12, incidents=1, reports=1)
    sentinel = same_partition_key("basra-1", "basra-sentinel")
    pipeline.publish(message, (sentinel, article(sentinel, "A car bomb killed 2 people in Basra, Iraq, on Friday.",
                                                 "2024-05-04T08:00:00Z")))
    # The sentinel follows the duplicate on the same partitions: once it shows, the duplicate is done.
    pipeline.wait_tally("IQ-BA", "day", "2024-05-03", killed=2, incidents=1)
    assert pipeline.tally("IQ-BA", "day", "2024-05-17") == before


def test_late_article_revises_its_past_day(pipeline: Pipeline) -> None:
    pipeline.publish(("ramadi-1", article("ramadi-1", "A car bomb killed 7 people in Ramadi, Iraq, on Wednesday.",
                                          "2024-05-23T08:00:00Z")))
    pipeline.wait_tally("IQ-AN", "day", "2024-05-22", killed=7, incidents=1)
    pipeline.publish(("ramadi-0", article("ramadi-0", "A car bomb killed 5 people in Ramadi, Iraq, on Wednesday.",
                                          "2024-04-04T08:00:00Z")))
    pipeline.wait_tally("IQ-AN", "day", "2024-04-03", killed=5, incidents=1)
    pipeline.wait_tally("IQ-AN", "7d", "2024-04-01", killed=5, incidents=1)
    assert pipeline.tally("IQ-AN", "day", "2024-05-22")["killed"]["best"] == 7  # type: ignore[index]


def test_too_late_article_goes_to_the_late_topic(pipeline: Pipeline) -> None:
    pipeline.publish(("tikrit-1", article("tikrit-1", "A car bomb killed 9 people in Tikrit, Iraq, on Thursday.",
                                          "2024-05-24T08:00:00Z")))
    pipeline.wait_tally("IQ-SD", "day", "2024-05-23", killed=9, incidents=1)
    pipeline.publish(("tikrit-0", article("tikrit-0", "A car bomb killed 3 people in Tikrit, Iraq, on Tuesday.",
                                          "2024-01-03T08:00:00Z")))
    records = consume_all(pipeline.bootstrap, pipeline.env["CRISIS_STREAM_LATE_TOPIC"])
    letters = [json.loads(r.value) for r in records]
    late = [d for d in letters if json.loads(d["original_value"])["article_id"] == "tikrit-0"]
    assert len(late) == 1 and late[0]["reason"] == "too_late"
    assert late[0]["topic"] == pipeline.env["CRISIS_STREAM_EVENTS_TOPIC"]
    assert "2024-01-02" in late[0]["error"]
    assert pipeline.tally("IQ-SD", "day", "2024-01-02") is None


def test_malformed_message_goes_to_dead_letter_and_the_next_is_processed(pipeline: Pipeline) -> None:
    pipeline.publish(
        ("bad-json", b"{not json"),
        ("najaf-1", article("najaf-1", "A car bomb killed 9 people in Najaf, Iraq, on Thursday.",
                            "2024-05-24T08:00:00Z")),
    )
    pipeline.wait_tally("IQ-NA", "day", "2024-05-23", killed=9, incidents=1)
    records = consume_all(pipeline.bootstrap, pipeline.env["CRISIS_STREAM_DEAD_LETTER_TOPIC"])
    bad_json = next(json.loads(r.value) for r in records if r.key == b"bad-json")
    assert bad_json["reason"] == "invalid_json"
    assert bad_json["original_value"] == "{not json" and bad_json["original_key"] == "bad-json"
    assert bad_json["topic"] == pipeline.articles_topic and bad_json["offset"] is not None
    assert bad_json["partition"] is not None and bad_json["error"]


def test_replay_publishes_bad_lines_as_they_are(pipeline: Pipeline, tmp_path: Path) -> None:
    lines = [
        "not json at all",
        '{"id": "bad-article", "source": "x"}',
        article("karbala-1", "A car bomb killed 5 people in Karbala, Iraq, on Sunday.",
                "2024-05-20T08:00:00Z").decode(),
    ]
    path = tmp_path / "articles.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "streams", "replay", str(path), "--bootstrap", pipeline.bootstrap,
         "--topic", pipeline.articles_topic, "--rate", "50/s"],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=120, check=False,
        env={"PYTHONPATH": str(REPO_ROOT), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    assert "published 3 messages" in result.stderr
    pipeline.wait_tally("IQ-KA", "day", "2024-05-19", killed=5, incidents=1)
    letters = [json.loads(r.value) for r in
               consume_all(pipeline.bootstrap, pipeline.env["CRISIS_STREAM_DEAD_LETTER_TOPIC"], min_count=3)]
    by_value = {d["original_value"]: d for d in letters}
    assert by_value["not json at all"]["reason"] == "invalid_json"
    assert by_value["not json at all"]["original_key"] is None
    bad_article = by_value['{"id": "bad-article", "source": "x"}']
    assert bad_article["reason"] == "invalid_article" and bad_article["original_key"] == "bad-article"
    assert "body" in bad_article["error"]


def test_replay_creates_a_missing_topic_with_the_configured_partitions(kafka_bootstrap: str, tmp_path: Path
                                                                        ) -> None:
    # (the local broker auto-creates topics with one partition: a replay before any worker
    # must not leave the articles topic unable to scale out)
    topic = f"{unique_prefix('replay')}.articles"
    lines = [json.dumps({"id": f"a{i}", "n": i}) for i in range(1200)]  # more than one send window
    path = tmp_path / "ordered.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "streams", "replay", str(path), "--bootstrap", kafka_bootstrap, "--topic", topic,
         "--no-progress"],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=120, check=False,
        env={"PYTHONPATH": str(REPO_ROOT), "PATH": "/usr/bin:/bin", "CRISIS_STREAM_PARTITIONS": "3"},
    )
    assert result.returncode == 0, result.stderr
    assert "published 1200 messages" in result.stderr
    assert "not found in cluster metadata" not in result.stderr
    records = consume_all(kafka_bootstrap, topic, min_count=1200)
    assert {r.partition for r in records} == {0, 1, 2}
    assert sorted(json.loads(r.value)["n"] for r in records) == list(range(1200))  # nothing lost or doubled
    for partition in (0, 1, 2):  # each partition holds its lines in the file's order
        ns = [json.loads(r.value)["n"] for r in sorted(records, key=lambda r: r.offset) if r.partition == partition]
        assert ns == sorted(ns)


def test_queries_reject_bad_parameters_and_unknown_keys(pipeline: Pipeline) -> None:
    assert pipeline.worker.get("/api/tallies?region=IQ-KI&window=year")[0] == 400
    assert pipeline.worker.get("/api/tallies?window=day")[0] == 400
    assert pipeline.worker.get("/api/tallies?region=ZZ-QQ&window=day")[0] == 404
    assert pipeline.worker.get("/api/incidents/IQ-KI~0000")[0] == 404
    status, top = pipeline.worker.get("/api/tallies/top?window=7d&metric=killed&as_of=2024-03-09")
    assert status == 200 and top["regions"][0]["killed"]["best"] == 26
    status, recent = pipeline.worker.get("/api/events/recent?limit=3")
    assert status == 200 and len(recent["events"]) == 3
    status, health = pipeline.worker.get("/health")
    assert status == 200 and health["status"] == "ok" and health["app"] == pipeline.env["CRISIS_STREAM_APP_ID"]


def test_dashboard_and_its_static_files_are_served_when_installed(pipeline: Pipeline) -> None:
    static = REPO_ROOT / "streams" / "static"
    if not (static / "dashboard.html").is_file():
        assert pipeline.worker.get("/dashboard")[0] == 404
        return
    with urllib.request.urlopen(f"{pipeline.worker.url}/dashboard", timeout=10) as resp:
        assert resp.status == 200 and resp.headers.get_content_type() == "text/html"
        assert resp.read() == (static / "dashboard.html").read_bytes()
    for path in sorted(static.iterdir()):
        with urllib.request.urlopen(f"{pipeline.worker.url}/static/{path.name}", timeout=10) as resp:
            assert resp.status == 200 and resp.read() == path.read_bytes()
    assert pipeline.worker.get("/static/..%2Fapp.py")[0] == 404


def test_tallies_command_prints_the_table(pipeline: Pipeline) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "streams", "tallies", "--window", "day", "--region", "IQ-KI",
         "--url", pipeline.worker.url],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=60, check=False,
        env={"PYTHONPATH": str(REPO_ROOT), "COLUMNS": "200", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    assert "IQ-KI" in result.stdout and "2024-03-09" in result.stdout and "26" in result.stdout


def _run_example_consumer(bootstrap: str, topic: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(REPO_ROOT / "examples" / "consume_tallies.py"), "--bootstrap", bootstrap,
         "--topic", topic, "--idle-exit", "3"],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=60, check=False,
    )


def test_example_consumer_reads_the_same_tallies_as_the_api(pipeline: Pipeline) -> None:
    result = _run_example_consumer(pipeline.env["KAFKA_BOOTSTRAP_SERVERS"], pipeline.env["CRISIS_STREAM_TALLIES_TOPIC"])
    assert result.returncode == 0, result.stderr
    consumed = {(t["region"], t["window"], t["window_start"]): t for t in map(json.loads, result.stdout.splitlines())}
    status, body = pipeline.worker.get("/api/tallies?region=IQ-KI&window=day")
    assert status == 200 and body["tallies"]
    for t in body["tallies"]:
        got = consumed[("IQ-KI", "day", t["window_start"])]
        assert (got["killed"], got["incidents"], got["revision"]) == (t["killed"], t["incidents"], t["revision"])


def test_example_consumer_skips_a_record_off_the_schema_and_goes_on(pipeline: Pipeline) -> None:
    topic = f"{pipeline.env['CRISIS_STREAM_APP_ID']}.consumer-check"
    good = {"region": "IQ-KI", "country": "IQ", "admin1": "Kirkuk", "window": "day", "window_start": "2024-03-09",
            "window_end": "2024-03-10", "killed": {"min": 4, "max": 4, "best": 4},
            "wounded": {"min": 0, "max": 0, "best": 0}, "displaced": {"min": 0, "max": 0, "best": 0},
            "incidents": 1, "reports": 1, "revision": 1, "updated_at": "2024-03-10T00:00:00Z"}
    produce(pipeline.env["KAFKA_BOOTSTRAP_SERVERS"], topic, [
        (b"IQ-KI|day|2024-03-09", b"{not json"),
        (b"IQ-KI|day|2024-03-09", json.dumps({**good, "killed": "many"}).encode()),
        (b"IQ-KI|day|2024-03-09", json.dumps(good).encode()),
    ])
    result = _run_example_consumer(pipeline.env["KAFKA_BOOTSTRAP_SERVERS"], topic)
    assert result.returncode == 0, result.stderr
    assert [json.loads(line)["killed"]["best"] for line in result.stdout.splitlines()] == [4]
    assert result.stderr.count("skipped") == 2


@pytest.mark.parametrize("fresh_data_dir", [False, True], ids=["same-data-dir", "restore-from-changelog"])
def test_restart_keeps_tallies_and_goes_on_counting(pipeline: Pipeline, fresh_data_dir: bool) -> None:
    before = pipeline.snapshot()
    assert before[("IQ-KI", "day")]
    pipeline.worker.stop()
    if fresh_data_dir:
        pipeline.worker.data_dir = pipeline.base / f"worker-fresh-{dt.datetime.now(dt.UTC):%H%M%S%f}"
    pipeline.worker.start()
    pipeline.worker.wait_ready()
    assert pipeline.snapshot() == before
    suffix = "b" if fresh_data_dir else "a"
    pipeline.publish((f"kirkuk-update-{suffix}", article(
        f"kirkuk-update-{suffix}",
        f"The death toll from Saturday's car bomb in Kirkuk, Iraq, has risen to {30 if fresh_data_dir else 28}.",
        f"2024-03-1{2 if fresh_data_dir else 1}T08:00:00Z", source=f"outlet-{suffix}")))
    pipeline.wait_tally("IQ-KI", "day", "2024-03-09", killed=30 if fresh_data_dir else 28, incidents=1)
