"""Run every benchmark and print one summary table (``make bench``).

Each benchmark runs as its own process with ``--json``; the summary lists every figure
beside its same-run baseline, the ratio and the goal. The pipeline figures are those of the
default worker group (``bench_pipeline.py --workers 2``, one worker per core); then, unless
``--no-compare``, a throughput-only run with ``--workers 1`` (1-2 minutes more) adds
``workers1.*`` rows: the same figures for one worker, to read the scale-out against. ``--update-readme`` writes the table
into ``bench/README.md`` (between the ``bench:latest`` markers) with the date and machine;
the raw results also go to ``.cache/bench/latest.json``.

Goals are judged by each benchmark on its headline figures (a figure's ``goal``/``ok``);
this script only lists them. For extraction the goal is ``extract.articles_per_s``, on
the varied news corpus; ``extract.templated_articles_per_s`` (the older templated corpus,
kept to compare with past runs) has no goal, so its row shows no PASS/FAIL.

    python bench/run_all.py                  # full runs (several minutes)
    python bench/run_all.py --quick          # small runs, a check that everything works
    python bench/run_all.py --update-readme
    python bench/run_all.py --no-compare     # no --workers 1 comparison run
"""

from __future__ import annotations

import argparse
import shlex
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import orjson

BENCH_DIR = Path(__file__).resolve().parent
REPO_ROOT = BENCH_DIR.parent
README = BENCH_DIR / "README.md"
RESULTS = REPO_ROOT / ".cache" / "bench" / "latest.json"
BEGIN, END = "<!-- bench:latest:begin -->", "<!-- bench:latest:end -->"
RUN_TIMEOUT_S = 1800
STOP_TIMEOUT_S = 90  # a benchmark's own clean-up (worker, broker) after SIGTERM

__all__ = ["main", "markdown_table", "one_worker_rows", "run_benchmark"]

QUICK = {
    "bench_extract.py": ["--n", "200", "--warmup", "20", "--geo-n", "100", "--startup-runs", "1"],
    "bench_pipeline.py": ["--n", "300", "--latency-seconds", "5", "--warmup", "20"],
}
#: The comparison run: one worker, throughput phase only (the latency phases would double
#: the pipeline's time for figures the scale-out hardly explains).
ONE_WORKER_ARGS = ["--workers", "1", "--latency-seconds", "0"]
ONE_WORKER_FIGURES = ("pipeline.articles_per_s", "worker.cpu_pct", "worker.cpu_ms_per_article",
                      "worker.runqueue_wait_pct", "worker.rss_peak_mb", "worker.ready_s")


def run_benchmark(script: str, extra: list[str]) -> dict[str, Any]:
    """Run one benchmark with ``--json``; its parsed output, or an ``error`` entry."""
    cmd = [sys.executable, str(BENCH_DIR / script), "--json", *extra]
    started = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=str(REPO_ROOT))
    try:
        stdout, stderr = proc.communicate(timeout=RUN_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        proc.terminate()  # SIGTERM first: the benchmark then stops the broker and worker it started
        try:
            proc.communicate(timeout=STOP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.communicate()
        return {"benchmark": script, "error": f"timed out after {RUN_TIMEOUT_S} s", "figures": []}
    except BaseException:
        proc.terminate()
        proc.wait(timeout=STOP_TIMEOUT_S)
        raise
    if proc.returncode != 0:
        return {"benchmark": script, "error": f"exit {proc.returncode}: {stderr[-2000:]}", "figures": []}
    try:
        data = orjson.loads(stdout)
    except orjson.JSONDecodeError:
        return {"benchmark": script, "error": f"no JSON on stdout: {stdout[-500:]}", "figures": []}
    data["seconds"] = round(time.monotonic() - started, 1)
    return data


def one_worker_rows(result: dict[str, Any]) -> dict[str, Any]:
    """The ``--workers 1`` run as comparison rows: its ONE_WORKER_FIGURES renamed
    ``workers1.<figure>``, without goals (the goals are judged on the default run)."""
    figures = []
    for f in result.get("figures", []):
        if f["name"] in ONE_WORKER_FIGURES:
            figures.append({**f, "name": f"workers1.{f['name']}", "goal": None, "ok": None})
    return {**result, "benchmark": "bench_pipeline --workers 1", "figures": figures}


def _fmt(v: Any) -> str:
    if v is None:
        return "n/a"
    if isinstance(v, float):
        if abs(v) >= 100:
            return f"{v:,.0f}"
        if abs(v) >= 1:
            return f"{v:.2f}"
        return f"{v:.3g}"
    return str(v)


def markdown_table(results: list[dict[str, Any]]) -> str:
    """Every figure as a Markdown table row: figure, value, baseline, ratio, goal, status."""
    rows = ["| figure | value | baseline (same run) | ratio | goal | |", "| --- | --- | --- | --- | --- | --- |"]
    for res in results:
        for f in res.get("figures", []):
            base = f"{f['baseline_name']} = {_fmt(f['baseline'])} {f['unit']}" if f.get("baseline_name") else ""
            status = "" if f.get("ok") is None else ("PASS" if f["ok"] else "FAIL")
            rows.append(f"| `{f['name']}` | {_fmt(f['value'])} {f['unit']} | {base} | {_fmt(f.get('ratio'))} "
                        f"| {f.get('goal') or ''} | {status} |")
        if res.get("error"):
            error = " ".join(res["error"].split())[-300:].replace("|", "/")
            rows.append(f"| `{res['benchmark']}` | error | {error} | | | |")
    return "\n".join(rows)


def _machine_line(results: list[dict[str, Any]]) -> str:
    m = next((r["machine"] for r in results if r.get("machine")), {})
    if not m:
        return ""
    return (f"Measured {m.get('date_utc')} on {m.get('cpu')} ({m.get('cores')} cores, {m.get('mem_gib')} GiB), "
            f"Python {m.get('python')}, {m.get('platform')}; load average at start {m.get('loadavg_1m')}.")


def _update_readme(block: str) -> bool:
    text = README.read_text(encoding="utf-8")
    if BEGIN not in text or END not in text:
        return False
    head, _, rest = text.partition(BEGIN)
    _, _, tail = rest.partition(END)
    README.write_text(f"{head}{BEGIN}\n{block}\n{END}{tail}", encoding="utf-8")
    return True


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="run_all", description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="small runs (a working check, not figures to quote)")
    ap.add_argument("--skip-pipeline", action="store_true", help="extraction only (no broker)")
    ap.add_argument("--extract-args", default="", help="extra arguments for bench_extract.py")
    ap.add_argument("--pipeline-args", default="", help="extra arguments for bench_pipeline.py")
    ap.add_argument("--no-compare", action="store_true",
                    help="skip the throughput-only --workers 1 run printed beside the default worker group's")
    ap.add_argument("--update-readme", action="store_true", help="write the table into bench/README.md")
    ap.add_argument("--results", type=Path, default=RESULTS, help="where the raw JSON results go")
    args = ap.parse_args(argv)

    plan: list[tuple[str, list[str], bool]] = [("bench_extract.py", shlex.split(args.extract_args), False)]
    if not args.skip_pipeline:
        plan.append(("bench_pipeline.py", shlex.split(args.pipeline_args), False))
        if not args.no_compare:  # last, so --workers 1 overrides a --workers in --pipeline-args
            plan.append(("bench_pipeline.py", [*shlex.split(args.pipeline_args), *ONE_WORKER_ARGS], True))
    results = []
    for script, extra, compare in plan:
        argv_extra = (QUICK[script] if args.quick else []) + extra
        print(f"running {script} {' '.join(argv_extra)} ...", file=sys.stderr, flush=True)
        result = run_benchmark(script, argv_extra)
        results.append(one_worker_rows(result) if compare else result)

    table = markdown_table(results)
    machine = _machine_line(results)
    notes = [f"- {r['benchmark']}: {n}" for r in results for n in r.get("notes", [])]
    block = "\n".join([machine, "", table, "", *notes])
    print(block)
    args.results.parent.mkdir(parents=True, exist_ok=True)
    args.results.write_bytes(orjson.dumps(results, option=orjson.OPT_INDENT_2))
    if args.update_readme and not _update_readme(block):
        print(f"no {BEGIN} ... {END} markers in {README}", file=sys.stderr)
        return 1
    return 1 if any(r.get("error") for r in results) else 0


if __name__ == "__main__":
    raise SystemExit(main())
