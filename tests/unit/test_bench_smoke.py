"""The benchmarks run and print their figures; nothing here asserts on a timing.

``bench_extract`` runs for real on a handful of articles (no broker). ``bench_pipeline``
needs a broker, so here only its pure parts run: probe planning, lag arithmetic, when a
group of workers counts as settled, and its command line; the broker run belongs with the
integration tests.
"""

from __future__ import annotations

import datetime as dt
import importlib
import os
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import orjson
import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
BENCH = REPO_ROOT / "bench"
FIGURE_LINE = re.compile(r"^FIGURE (?P<name>[a-z0-9_.]+) = (?P<value>n/a|[0-9][0-9,]*(?:\.[0-9]+)?(?:e[-+]?\d+)?) \S")
EXTRACT_FIGURES = {
    "extract.articles_per_s", "extract.ms_per_article", "extract.p50_ms", "extract.p99_ms",
    "extract.runqueue_wait_pct", "extract.templated_articles_per_s", "corpus.sentence_repeat_pct",
    "corpus.mean_chars",
    "geo.resolve_share_pct", "geo.places_share_pct", "rss.after_load_mb", "rss.after_run_mb",
    "startup.s", "startup.rss_mb",
}
RUN_TIMEOUT_S = 300


def _run(script: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(x for x in (str(REPO_ROOT), env.get("PYTHONPATH", "")) if x)
    return subprocess.run([sys.executable, str(BENCH / script), *args], capture_output=True, text=True,
                          timeout=RUN_TIMEOUT_S, cwd=str(REPO_ROOT), env=env, check=False)


@pytest.fixture
def bench_module(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.syspath_prepend(str(BENCH))

    def load(name: str) -> ModuleType:
        return importlib.import_module(name)

    return load


def test_extract_benchmark_prints_every_figure_beside_its_baseline() -> None:
    proc = _run("bench_extract.py", "--n", "6", "--warmup", "2", "--geo-n", "3", "--startup-runs", "1")
    assert proc.returncode == 0, proc.stderr
    lines = [line for line in proc.stdout.splitlines() if line.startswith("FIGURE ")]
    assert all(FIGURE_LINE.match(line) for line in lines), lines
    names = {FIGURE_LINE.match(line)["name"] for line in lines}
    assert EXTRACT_FIGURES <= names
    throughput = next(line for line in lines if line.startswith("FIGURE extract.articles_per_s "))
    assert "baseline floor.articles_per_s = " in throughput and "| ratio " in throughput
    assert any(line.startswith("NOTE pinned to CPU") or line.startswith("NOTE not pinned") for line in
               proc.stdout.splitlines())


def test_extract_benchmark_json_lists_figures_with_ratio_and_machine() -> None:
    proc = _run("bench_extract.py", "--n", "4", "--warmup", "1", "--geo-n", "2", "--startup-runs", "0", "--json")
    assert proc.returncode == 0, proc.stderr
    data = orjson.loads(proc.stdout)
    assert data["benchmark"] == "bench_extract"
    assert {"cpu", "cores", "python", "loadavg_1m", "date_utc"} <= data["machine"].keys()
    by_name = {f["name"]: f for f in data["figures"]}
    assert {"extract.articles_per_s", "extract.p99_ms", "rss.after_load_mb"} <= by_name.keys()
    floor = by_name["extract.ms_per_article"]
    assert floor["baseline_name"] == "floor.ms_per_article"
    assert {"value", "unit", "baseline", "ratio", "goal", "ok"} <= floor.keys()


def test_extract_benchmark_judges_the_goal_on_the_varied_corpus_only() -> None:
    proc = _run("bench_extract.py", "--n", "4", "--warmup", "1", "--geo-n", "2", "--startup-runs", "0", "--json")
    assert proc.returncode == 0, proc.stderr
    by_name = {f["name"]: f for f in orjson.loads(proc.stdout)["figures"]}
    assert by_name["extract.articles_per_s"]["goal"] == ">= 1000"
    assert "varied news corpus" in by_name["extract.articles_per_s"]["note"]
    templated = by_name["extract.templated_articles_per_s"]
    assert templated["goal"] is None and templated["ok"] is None
    assert templated["baseline_name"] == "floor.templated_articles_per_s"


def test_synthetic_corpus_is_deterministic_seed_length_and_valid_articles(bench_module) -> None:
    from schemas import Article

    corpus = bench_module("corpus")
    first = corpus.synthetic_articles(20, seed=3)
    again = corpus.synthetic_articles(20, seed=3)
    assert [a.text for a in first] == [a.text for a in again]
    assert len({a.id for a in first}) == 20
    assert all(3000 <= len(a.text) <= 4200 for a in first)
    for a in first:
        Article.model_validate(a.article_json())


def test_varied_corpus_is_deterministic_distinct_seed_length_and_rarely_repeats_a_sentence(bench_module) -> None:
    from extraction.cli import article_input_from

    corpus = bench_module("corpus")
    lines = corpus.varied_corpus(60, seed=3)
    assert lines == corpus.varied_corpus(60, seed=3)
    assert lines != corpus.varied_corpus(60, seed=4)
    rows = [orjson.loads(line) for line in lines]
    assert len({r["id"] for r in rows}) == len({r["text"] for r in rows}) == 60
    assert 3000 <= sum(len(r["text"]) for r in rows) / 60 <= 4000
    assert all(article_input_from(r).text == r["text"] for r in rows)
    assert corpus.sentence_repeat_rate([r["text"] for r in rows]) <= 0.10


def test_sentence_repeat_rate_counts_every_occurrence_of_a_repeated_sentence(bench_module) -> None:
    rate = bench_module("corpus").sentence_repeat_rate
    assert rate(["Two died. Police said so.", "Three died. Police said so."]) == 0.5
    assert rate(["One died.", "Two died."]) == 0.0


def test_varied_bench_corpus_spreads_the_eval_articles_among_the_varied_ones(bench_module) -> None:
    corpus = bench_module("corpus")
    lines, mix = corpus.varied_bench_corpus(12, seed=1)
    assert len(lines) == 12 and mix == {"varied": 12, "eval": 0}
    if corpus.EVAL_ARTICLES.exists():
        lines, mix = corpus.varied_bench_corpus(12, seed=1, with_eval=True)
        assert len(lines) == 12 and mix == {"varied": 9, "eval": 3}


def test_bench_corpus_mixes_the_seed_article_with_synthetic_ones(bench_module) -> None:
    corpus = bench_module("corpus")
    lines, mix = corpus.bench_corpus(12, seed=1)
    assert len(lines) == 12
    assert sum(mix.values()) == 12
    assert all(orjson.loads(line)["text"] for line in lines)


def test_probes_get_admin1_tallies_of_their_own_spaced_past_the_merge_window(bench_module) -> None:
    pipeline = bench_module("bench_pipeline")

    def predict(article):  # stands in for the extraction core: region from the place
        if article.place.iso2 == "SO":
            return (article.place.iso2, article.event_date)  # country precision only: not a probe
        return (f"{article.place.iso2}-{article.place.admin1[:3].upper()}", article.event_date)

    probes, rejected = pipeline.plan_probes(80, predict, seed=5)
    assert len(probes) == 80
    assert rejected > 0
    assert len({p.tally_key for p in probes}) == 80
    by_region: dict[str, list[dt.date]] = {}
    for p in probes:
        assert "-" in p.region and p.tally_key == f"{p.region}|day|{p.day.isoformat()}"
        by_region.setdefault(p.region, []).append(p.day)
    for days in by_region.values():
        days.sort()
        assert all((b - a).days >= pipeline.MATCH_SPACING_DAYS for a, b in zip(days, days[1:], strict=False))


def test_group_lag_counts_partitions_without_a_commit_from_zero(bench_module) -> None:
    pipeline = bench_module("bench_pipeline")
    ends = {("articles", 0): 10, ("articles", 1): 5, ("events", 0): 7}
    assert pipeline.total_lag({("articles", 0): 10, ("articles", 1): 5}, ends) == 7
    assert pipeline.total_lag({("articles", 0): 10, ("articles", 1): 5, ("events", 0): 7}, ends) == 0


def test_worker_group_is_settled_only_when_stable_and_every_partition_is_held_once(bench_module) -> None:
    settled = bench_module("bench_pipeline").group_settled
    assert settled("Stable", [22, 23], [22, 23], 45)
    assert settled("Stable", [45], [45], 45)
    assert not settled("PreparingRebalance", [0, 45], [0, 45], 45)  # the second worker is joining
    assert not settled("Stable", [45], [0, 45], 45)  # one member only: a worker has not joined
    assert not settled("Stable", [22, 23], [45, 23], 45)  # a worker still holds what was taken from it
    assert not settled("Stable", [22, 23], [22, 23], None)  # subscription not known yet


def test_pipeline_benchmark_refuses_more_workers_than_partitions() -> None:
    proc = _run("bench_pipeline.py", "--bootstrap", "127.0.0.1:9", "--workers", "5", "--partitions", "4")
    assert proc.returncode != 0
    assert "--workers must be 1..--partitions" in proc.stderr


def test_run_all_renames_the_one_worker_figures_for_comparison(bench_module) -> None:
    run_all = bench_module("run_all")
    result = {"benchmark": "bench_pipeline", "notes": [], "figures": [
        {"name": "pipeline.articles_per_s", "value": 120.0, "unit": "articles/s", "goal": ">= 500", "ok": False},
        {"name": "pipeline.p99_ms", "value": None, "unit": "ms", "goal": None, "ok": None},
    ]}
    rows = run_all.one_worker_rows(result)
    assert rows["benchmark"] == "bench_pipeline --workers 1"
    assert [(f["name"], f["goal"], f["ok"]) for f in rows["figures"]] == [
        ("workers1.pipeline.articles_per_s", None, None)]
    assert "| `workers1.pipeline.articles_per_s` | 120 articles/s |" in run_all.markdown_table([rows])


def test_pipeline_benchmark_refuses_brokers_off_loopback() -> None:
    proc = _run("bench_pipeline.py", "--bootstrap", "10.1.2.3:9092", "--ceiling-only", "--n", "1")
    assert proc.returncode != 0
    assert "only 127.0.0.1" in proc.stderr + proc.stdout


def test_run_all_prints_a_summary_table_of_the_extraction_figures(tmp_path: Path) -> None:
    proc = _run("run_all.py", "--skip-pipeline", "--results", str(tmp_path / "latest.json"), "--extract-args",
                "--n 4 --warmup 1 --geo-n 2 --startup-runs 0")
    assert proc.returncode == 0, proc.stderr
    assert "| figure | value | baseline (same run) | ratio | goal |" in proc.stdout
    assert "| `extract.articles_per_s` |" in proc.stdout
    templated = next(row for row in proc.stdout.splitlines() if row.startswith("| `extract.templated_articles_per_s` |"))
    assert templated.endswith("|  |  |")  # no goal, no PASS/FAIL: the goal is judged on the headline only
    assert orjson.loads((tmp_path / "latest.json").read_bytes())[0]["benchmark"] == "bench_extract"
