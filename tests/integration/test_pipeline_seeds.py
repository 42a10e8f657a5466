"""The seed articles (seeds/) replayed through a worker on the real broker.

Extraction accuracy is measured elsewhere; here the distributed pipeline must agree exactly
with the same stateful code run in one process (``handle_event_record`` and
``handle_contribution`` over dict tables, fed the event records the worker published), must
agree with the hand-computed region-day tallies of ``seeds/expected.json`` except for the
extraction misses listed in ``KNOWN_EXTRACTION_MISSES``, must send every malformed line to
the dead-letter topic with the expected reason, must change nothing when articles are
delivered again, and must send the too-late article to ``events.late``. A worker killed with
SIGKILL mid-stream resumes after ONE restart, and a worker whose group was assigned before
one of its topics existed consumes that topic once it appears (docs/STREAMING.md, "Restart
after kill -9").
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from streams.tallies import TallyAggregation
from tests.integration.worker_harness import (
    REPO_ROOT,
    WorkerProcess,
    consume_all,
    pipeline_env,
    replay_file,
    running_worker,
    unique_prefix,
    wait_processed,
    wait_until,
)

pytestmark = pytest.mark.broker

SEEDS = REPO_ROOT / "seeds"
PARTITIONS = 4
METRICS = ("killed", "wounded", "displaced")
#: replaying the 47 seed articles and processing them (the worker's side of the bound).
SEED_PROCESSING_TIMEOUT_S = 180.0


@dataclass
class SeedRun:
    bootstrap: str
    env: dict[str, str]
    worker: WorkerProcess

    def replay(self, path: Path) -> None:
        replay_file(self.bootstrap, self.env, path)
        wait_processed(self.bootstrap, self.env, SEED_PROCESSING_TIMEOUT_S)

    def day_tallies(self) -> dict[str, dict[str, Any]]:
        """``region|day`` -> the worker's day tally, for every region it knows."""
        status, body = self.worker.get("/api/regions")
        assert status == 200
        out = {}
        for r in body["regions"]:
            status, tallies = self.worker.get(f"/api/tallies?region={r['region']}&window=day")
            assert status == 200
            out.update({f"{r['region']}|{t['window_start']}": t for t in tallies["tallies"]})
        return out


@pytest.fixture(scope="module")
def seed_run(kafka_bootstrap: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[SeedRun]:
    prefix = unique_prefix("seeds")
    base = tmp_path_factory.mktemp(prefix)
    with running_worker(kafka_bootstrap, base, prefix, partitions=PARTITIONS) as worker:
        run = SeedRun(kafka_bootstrap, worker.env, worker)
        run.replay(SEEDS / "articles.jsonl")
        yield run


def reference_day_tallies(run: SeedRun) -> dict[str, dict[str, int]]:
    """The same stateful code in one process over the event records the worker's extractor
    published on ``events`` (so extraction changes cannot make the two differ), one
    partition after the other (regions never share state across partitions)."""
    import asyncio

    from streams.agents import forget_caches, handle_contribution, handle_event_record
    from tests.unit.test_agents import Ev, Msg, dict_topology

    forget_caches()  # a fresh "worker" in this process
    records = consume_all(run.bootstrap, run.env["CRISIS_STREAM_EVENTS_TOPIC"])
    records.sort(key=lambda r: (r.partition, r.offset))
    topo = dict_topology()

    async def go() -> None:
        for r in records:
            sent_before = len(topo.contributions_topic.sent)
            await handle_event_record(topo, Ev(Msg("events", r.key, r.value, partition=r.partition, offset=r.offset)))
            for ckey, value in topo.contributions_topic.sent[sent_before:]:
                await handle_contribution(topo, Ev(Msg("contributions", ckey, value)))

    asyncio.run(go())
    out = {}
    for key, state in topo.tallies_by_key.items():
        scope, window, start = key.rsplit("|", 2)
        if window == "day" and state["incidents"]:
            tally = TallyAggregation.result(state, updated_at=dt.datetime.now(dt.UTC)).model_dump(mode="json")
            out[f"{scope}|{start}"] = summary(tally)
    return out


def summary(tally: dict[str, Any]) -> dict[str, int]:
    return {**{m: tally[m]["best"] for m in METRICS}, "incidents": tally["incidents"], "reports": tally["reports"]}


def test_worker_tallies_equal_the_in_process_reference(seed_run: SeedRun) -> None:
    expected = reference_day_tallies(seed_run)
    assert expected, "the extractor found no event in the seeds"
    got = {k: summary(t) for k, t in seed_run.day_tallies().items() if t["incidents"] > 0}
    assert got == expected


#: Region-days of seeds/expected.json the worker does not match yet. These are EXTRACTION
#: misses, not pipeline ones: the in-process reference above agrees with the worker on them
#: (a figure misread, a place resolved to another region, one event split in two). The
#: ratchet is strict: once extraction gets one right, its test fails until it is removed here.
KNOWN_EXTRACTION_MISSES: frozenset[str] = frozenset()
HAND_COMPUTED_FIELDS = (*METRICS, "incidents")


def hand_computed_day_tallies() -> dict[str, dict[str, int]]:
    """``region|day`` -> killed / wounded / displaced best and incidents, from seeds/expected.json."""
    expected = json.loads((SEEDS / "expected.json").read_text(encoding="utf-8"))["tallies_by_region_day"]
    return {key: {f: item[f] for f in HAND_COMPUTED_FIELDS} for key, item in expected.items()}


@pytest.fixture(scope="module")
def worker_day_tallies_after_seeds(seed_run: SeedRun) -> dict[str, dict[str, int]]:
    """The worker's region-day tallies right after the seed replay (before later tests add copies)."""
    return {key: {f: (t[f]["best"] if f in METRICS else t[f]) for f in HAND_COMPUTED_FIELDS}
            for key, t in seed_run.day_tallies().items() if t["incidents"] > 0}


@pytest.mark.parametrize("region_day", sorted(hand_computed_day_tallies()))
def test_worker_day_tally_equals_the_hand_computed_one(
    worker_day_tallies_after_seeds: dict[str, dict[str, int]], region_day: str
) -> None:
    want = hand_computed_day_tallies()[region_day]
    got = worker_day_tallies_after_seeds.get(region_day)
    if region_day in KNOWN_EXTRACTION_MISSES:
        assert got != want, f"{region_day} now matches seeds/expected.json: remove it from KNOWN_EXTRACTION_MISSES"
    else:
        assert got == want


def test_no_region_day_gets_a_tally_the_seeds_do_not_expect(
    worker_day_tallies_after_seeds: dict[str, dict[str, int]]
) -> None:
    """The non-event seeds (business, sport, a drill, a forecast, an obituary, an appeal, ...)
    add no tally anywhere: every region-day with an incident is a hand-computed one, and every
    country-day belongs to a country of those."""
    hand = hand_computed_day_tallies()
    regions = {key for key in worker_day_tallies_after_seeds if "-" in key.split("|", 1)[0]}
    countries = {key for key in worker_day_tallies_after_seeds if "-" not in key.split("|", 1)[0]}
    assert regions - hand.keys() == set()
    hand_countries = {f"{key.split('-', 1)[0]}|{key.split('|', 1)[1]}" for key in hand}
    assert countries - hand_countries == set()


def test_known_extraction_misses_are_region_days_of_the_seeds() -> None:
    assert KNOWN_EXTRACTION_MISSES <= hand_computed_day_tallies().keys()


def test_malformed_lines_go_to_dead_letter_with_their_reason(seed_run: SeedRun) -> None:
    lines = (SEEDS / "malformed.jsonl").read_text(encoding="utf-8").splitlines()
    expected = json.loads((SEEDS / "malformed.expected.json").read_text(encoding="utf-8"))["lines"]
    seed_run.replay(SEEDS / "malformed.jsonl")
    topic = seed_run.env["CRISIS_STREAM_DEAD_LETTER_TOPIC"]
    letters = [json.loads(r.value) for r in consume_all(seed_run.bootstrap, topic, min_count=len(expected))]
    by_value = {d["original_value"]: d for d in letters}
    for item in expected:
        letter = by_value[lines[item["line"] - 1]]
        assert letter["reason"] == item["dead_letter_reason"], item["why"]
        if item["error_loc"]:
            assert item["error_loc"] in letter["error"], item["why"]


def test_articles_delivered_again_change_nothing(seed_run: SeedRun) -> None:
    before = seed_run.day_tallies()
    seed_run.replay(SEEDS / "duplicates.jsonl")
    assert seed_run.day_tallies() == before


def test_too_late_article_goes_to_the_late_topic_and_moves_no_tally(seed_run: SeedRun) -> None:
    before = seed_run.day_tallies()
    seed_run.replay(SEEDS / "late.jsonl")
    late_id = json.loads((SEEDS / "late.jsonl").read_text(encoding="utf-8").splitlines()[0])["id"]

    def late_letters() -> list[dict[str, Any]]:
        records = consume_all(seed_run.bootstrap, seed_run.env["CRISIS_STREAM_LATE_TOPIC"], timeout=10)
        return [d for r in records if json.loads((d := json.loads(r.value))["original_value"])["article_id"] == late_id]

    letters = wait_until(late_letters, 60, "the late article on events.late")
    assert all(d["reason"] == "too_late" for d in letters)
    assert seed_run.day_tallies() == before


#: copies of the seed articles (new ids) replayed for the crash test
CRASH_COPIES = 4


def test_worker_killed_mid_stream_restarts_without_double_counting(seed_run: SeedRun, tmp_path: Path) -> None:
    before = seed_run.day_tallies()
    lines = (SEEDS / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    path = tmp_path / "copies.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for copy in range(CRASH_COPIES):
            for line in lines:
                fh.write(json.dumps({**json.loads(line), "id": f"{json.loads(line)['id']}-copy{copy}"}) + "\n")
    subprocess.run(
        [sys.executable, "-m", "streams", "replay", str(path), "--bootstrap", seed_run.bootstrap,
         "--topic", seed_run.env["CRISIS_STREAM_ARTICLES_TOPIC"], "--no-progress"],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=120, check=True,
        env={"PYTHONPATH": str(REPO_ROOT), "PATH": "/usr/bin:/bin"},
    )
    # kill -9 as soon as the copies start moving tallies: mid-stream, with work in flight
    wait_until(lambda: seed_run.day_tallies() != before, 60, "the copies to start changing tallies")
    seed_run.worker.kill()
    # ONE restart: it must resume processing on its own (it waits for the dead member's
    # session to expire before it is assigned, then recovers its tables from the changelogs)
    seed_run.worker.start()
    seed_run.worker.wait_ready()
    wait_processed(seed_run.bootstrap, seed_run.env, SEED_PROCESSING_TIMEOUT_S)
    got = {k: summary(t) for k, t in seed_run.day_tallies().items() if t["incidents"] > 0}
    assert got == reference_day_tallies(seed_run)


#: far below faust's default 5-minute metadata refresh, far above ours (CONSUMER_METADATA_MAX_AGE_S).
LATE_TOPIC_PROCESSING_TIMEOUT_S = 60.0


def test_worker_assigned_before_its_topic_exists_consumes_it_once_created(
    kafka_bootstrap: str, tmp_path: Path
) -> None:
    """The group leader assigns from the metadata it has: a topic created a moment too late
    is left out ("Ignoring missing topic"). Here that is forced: every topic of the pipeline
    exists except ``articles``, and faust may not create topics itself. Once ``articles``
    exists, a metadata refresh must rebalance the worker onto it, without a restart."""
    from streams.app import app as default_app
    from streams.localkafka import create_topics, free_port

    prefix = unique_prefix("latetopic")
    env = pipeline_env(kafka_bootstrap, prefix, partitions=PARTITIONS)
    topics = [env[f"CRISIS_STREAM_{name}_TOPIC"] for name in ("EVENTS", "INCIDENTS", "TALLIES", "DEAD_LETTER", "LATE")]
    topics += [f"{env['CRISIS_STREAM_TALLIES_TOPIC']}.contributions", f"{prefix}-__assignor-__leader"]
    topics += [f"{prefix}-{table}-changelog" for table in default_app.tables]
    create_topics(kafka_bootstrap, topics, partitions=PARTITIONS)
    worker = WorkerProcess({**env, "TOPIC_ALLOW_DECLARE": "false"}, web_port=free_port(),
                           data_dir=tmp_path / "worker", log_path=tmp_path / "worker.log")
    try:
        worker.start()
        worker.wait_ready()
        assert "Ignoring missing topic" in worker.log_text(), "the worker was assigned with every topic present"
        create_topics(kafka_bootstrap, [env["CRISIS_STREAM_ARTICLES_TOPIC"]], partitions=PARTITIONS)
        replay_file(kafka_bootstrap, env, SEEDS / "articles.jsonl")
        wait_processed(kafka_bootstrap, env, LATE_TOPIC_PROCESSING_TIMEOUT_S)
        status, body = worker.get("/api/regions")
        assert status == 200 and body["regions"]
    finally:
        worker.stop()
