"""Extraction core speed: articles per second on one core, latency per article, memory, start-up.

Method (all in one run, on one pinned core, so ratios hold even on a busy machine):

* Corpus (the headline): distinct seed-length news reports as JSON lines
  (``corpus.varied_bench_corpus``), every sentence composed from parts so that, as in real
  news, few sentences repeat across the corpus (its repeat rate is printed);
  optionally ``../shared/eval`` articles among them (``--with-eval``, read at run time).
  Warm-up articles are other ones.
* Templated corpus (secondary, ``extract.templated_*``): the older corpus
  (``corpus.bench_corpus``: the seed article, ``seeds/articles.jsonl``, template reports
  whose sentences mostly repeat), timed after the headline in the same process, so runs
  stay comparable with the figures measured before the varied corpus existed.
* FLOOR: for every article, decode the JSON line (orjson) and split it into sentences
  (``extraction.text.split_sentences``): the least any extraction must do. Measured on
  each corpus.
* Extraction: decode the same line, validate it into an ``ArticleInput``
  (``extraction.cli.article_input_from``, what the CLI and worker do) and
  ``Extractor.extract`` it. Serialising the result is not included (the pipeline
  benchmark covers it). Articles/s is the loop's wall time over the articles; p50/p99
  are per article.
* Places: two more passes over fresh articles of the headline corpus's kind (not seen by
  the process before, so no memo helps): one with the gazetteer wrapped in a timing proxy
  (time inside ``Gazetteer`` methods / total), one with ``gazetteer=None`` interleaved with
  the loaded extractor (the difference is the whole cost of places, including what the
  core does around them).
* Memory: RSS (psutil) of this process before loading, after ``Gazetteer.load()`` and
  ``Extractor(...)``, and after the run.
* Start-up: a fresh ``python`` subprocess (same core) importing the core, loading the
  gazetteer (its cache already built) and constructing the extractor; wall time from spawn
  to its "ready" line. Baseline: the same subprocess doing nothing.

Usage: ``python bench/bench_extract.py [--n 2000] [--warmup 50] [--templated-n N] [--json] [--profile]``.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
for _p in (str(BENCH_DIR), str(BENCH_DIR.parent)):
    if _p not in sys.path:
        sys.path.insert(0, _p)

import orjson  # noqa: E402
import psutil  # noqa: E402
from corpus import (  # noqa: E402
    Figure,
    bench_corpus,
    load_eval_articles,
    machine_info,
    percentile,
    print_report,
    release_generator,
    runqueue_wait_s,
    sentence_repeat_rate,
    varied_bench_corpus,
    varied_corpus,
)

__all__ = ["main", "pin_to_one_core"]

GOAL_ARTICLES_PER_S = 1000
GOAL_RSS_MB = 300
GOAL_STARTUP_S = 1.0
GOAL_GEO_SHARE_PCT = 100 / 3

_STARTUP_CHILD = r"""
import sys, time
t0 = time.perf_counter()
if sys.argv[1] == "load":
    from extraction import Extractor
    from extraction.geo import Gazetteer
    t1 = time.perf_counter()
    g = Gazetteer.load()
    t2 = time.perf_counter()
    e = Extractor(gazetteer=g)
    t3 = time.perf_counter()
else:
    t1 = t2 = t3 = t0
import psutil
rss = psutil.Process().memory_info().rss
print("READY", t1 - t0, t2 - t1, t3 - t2, rss, flush=True)
"""


def pin_to_one_core(cpu: int | None = None) -> int | None:
    """Pin this process (and children it spawns later) to one CPU; returns which, or None
    where the OS has no affinity call."""
    if not hasattr(os, "sched_setaffinity"):
        return None
    allowed = sorted(os.sched_getaffinity(0))
    chosen = cpu if cpu is not None and cpu in allowed else allowed[-1]
    os.sched_setaffinity(0, {chosen})
    return chosen


def _rss_mb() -> float:
    return psutil.Process().memory_info().rss / 2**20


class _TimedGazetteer:
    """Forwards every attribute to the real gazetteer, timing its method calls by name."""

    def __init__(self, inner: Any) -> None:
        self._inner = inner
        self.seconds: Counter[str] = Counter()
        self.calls: Counter[str] = Counter()

    def __getattr__(self, name: str) -> Any:
        attr = getattr(self._inner, name)
        if not callable(attr):
            return attr
        seconds, calls, clock = self.seconds, self.calls, time.perf_counter

        def timed(*args: Any, **kwargs: Any) -> Any:
            t = clock()
            try:
                return attr(*args, **kwargs)
            finally:
                seconds[name] += clock() - t
                calls[name] += 1

        return timed


def _corpus_stats(lines: list[bytes]) -> tuple[float, float]:
    """(mean characters, % of sentences repeated in the corpus) of JSON-line articles."""
    texts = [orjson.loads(x)["text"] for x in lines]
    return sum(map(len, texts)) / max(1, len(texts)), 100 * sentence_repeat_rate(texts)


def _floor(lines: list[bytes]) -> tuple[float, list[float]]:
    from extraction.text import split_sentences

    per: list[float] = []
    clock = time.perf_counter
    start = clock()
    for line in lines:
        t = clock()
        obj = orjson.loads(line)
        split_sentences(obj["text"])
        per.append(clock() - t)
    return clock() - start, per


def _extract_pass(extractor: Any, lines: list[bytes], deadline: float) -> tuple[float, list[float], int, str | None]:
    """(wall seconds, per-article seconds, errors, first error) over ``lines`` until ``deadline``."""
    from extraction.cli import article_input_from

    per: list[float] = []
    errors = 0
    first_error: str | None = None
    clock = time.perf_counter
    start = clock()
    for line in lines:
        t = clock()
        try:
            extractor.extract(article_input_from(orjson.loads(line)))
        except NotImplementedError:
            raise
        except Exception as exc:  # counted and reported: a benchmark must not hide failures
            errors += 1
            first_error = first_error or f"{type(exc).__name__}: {exc}"
        per.append(clock() - t)
        if t > deadline:
            break
    return clock() - start, per, errors, first_error


def _interleaved(a: Any, b: Any, lines: list[bytes]) -> tuple[float, float]:
    """Seconds ``a`` and ``b`` take over the same articles, each article extracted by both in
    turn (order alternating), so a machine that gets busier mid-run slows both alike."""
    from extraction.cli import article_input_from

    clock = time.perf_counter
    spent = [0.0, 0.0]
    for i, line in enumerate(lines):
        for which in ((0, 1) if i % 2 == 0 else (1, 0)):
            t = clock()
            (a if which == 0 else b).extract(article_input_from(orjson.loads(line)))
            spent[which] += clock() - t
    return spent[0], spent[1]


def _startup(runs: int) -> tuple[float | None, float | None, dict[str, float]]:
    """Median wall seconds to "ready" for the loading child and the empty child, plus the
    loading child's own split (import, load, construct seconds; RSS MB)."""
    if runs <= 0:
        return None, None, {}
    loads, empties, splits = [], [], []
    for _ in range(runs):
        w, parts = _startup_child("load")
        loads.append(w)
        splits.append(parts)
        empties.append(_startup_child("empty")[0])
    mid = sorted(range(runs), key=lambda i: loads[i])[runs // 2]
    imp, load, construct, rss = splits[mid]
    detail = {"import_s": imp, "load_s": load, "construct_s": construct, "rss_mb": rss / 2**20}
    return percentile(loads, 50), percentile(empties, 50), detail


def _startup_child(mode: str) -> tuple[float, list[float]]:
    """Spawn the start-up child; (wall seconds to its READY line, its own timings)."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(BENCH_DIR.parent), env.get("PYTHONPATH", "")) if p)
    t = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", _STARTUP_CHILD, mode], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=env, cwd=str(BENCH_DIR.parent))
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline().decode()
        wall = time.perf_counter() - t
        _, err = proc.communicate(timeout=300)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    if not line.startswith("READY"):
        raise RuntimeError(f"start-up child failed: {err.decode(errors='replace')[-2000:]}")
    return wall, [float(x) for x in line.split()[1:]]


def _profile(extractor: Any, lines: list[bytes], top: int = 25) -> str:
    from extraction.cli import article_input_from

    prof = cProfile.Profile()
    prof.enable()
    for line in lines:
        try:
            extractor.extract(article_input_from(orjson.loads(line)))
        except Exception:  # profiling only; the timed pass counts errors
            pass
    prof.disable()
    buf = io.StringIO()
    stats = pstats.Stats(prof, stream=buf)
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)
    return buf.getvalue()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="bench_extract", description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=2000, help="articles in the timed pass (distinct)")
    ap.add_argument("--warmup", type=int, default=50, help="articles extracted before timing (other ones)")
    ap.add_argument("--json", action="store_true", help="one JSON object instead of FIGURE lines")
    ap.add_argument("--seed", type=int, default=1, help="synthetic corpora seed")
    ap.add_argument("--templated-n", type=int, default=None,
                    help="articles in the secondary templated-corpus pass (default: --n; 0 skips it)")
    ap.add_argument("--with-eval", action="store_true", help="add ../shared/eval articles (read at run time)")
    ap.add_argument("--geo-n", type=int, default=500, help="articles in each place-resolution pass (fresh ones)")
    ap.add_argument("--startup-runs", type=int, default=3, help="fresh-process start-up runs (0: skip)")
    ap.add_argument("--cpu", type=int, default=None, help="CPU to pin to (default: the last allowed one)")
    ap.add_argument("--max-seconds", type=float, default=120.0, help="time budget of the timed pass")
    ap.add_argument("--profile", action="store_true", help="print a cProfile of extraction to stderr")
    args = ap.parse_args(argv)

    cpu = pin_to_one_core(args.cpu)
    info = machine_info()
    info["pinned_cpu"] = cpu
    notes: list[str] = [f"pinned to CPU {cpu} (os.sched_setaffinity)" if cpu is not None
                        else "not pinned: no os.sched_setaffinity here"]
    figures: list[Figure] = []

    # Headline corpus: varied news reports (few repeated sentences, as in news); warm-up and
    # place passes get other articles of the same kind (other seeds), so no memo helps them.
    # The other corpora are made after the memory figures, which so count only this one.
    lines, mix = varied_bench_corpus(args.n, args.seed, with_eval=args.with_eval)
    warm_lines = varied_corpus(args.warmup, args.seed + 1000, prefix="warm")
    release_generator()  # its place tables: not part of what extraction holds

    # The gazetteer cache is built on first use; build it (if missing) in a throwaway process so
    # every figure below is for a warm cache and this process's RSS never includes the build.
    try:
        prime_s = _startup_child("load")[0]
        if prime_s > 3 * GOAL_STARTUP_S:
            notes.append(f"first load in this run took {prime_s:.1f} s: the gazetteer cache was (re)built")
    except Exception as exc:
        notes.append(f"priming the gazetteer cache failed: {exc}")

    rss_before = _rss_mb()
    floor_wall, floor_per = _floor(lines)
    floor_rate = len(lines) / floor_wall if floor_wall else None

    from extraction import Extractor
    from extraction.geo import Gazetteer

    t = time.perf_counter()
    gazetteer = Gazetteer.load()
    extractor = Extractor(gazetteer=gazetteer)
    load_s = time.perf_counter() - t
    from extraction.cli import settle_heap

    settle_heap()  # as the extract command and the worker do after loading
    rss_load = _rss_mb()
    notes.append(f"in-process Gazetteer.load + Extractor: {load_s:.2f} s (warm cache); then gc.collect + "
                 "gc.freeze, as the extract command and the worker do")

    available = True
    try:
        _extract_pass(extractor, warm_lines, deadline=time.perf_counter() + args.max_seconds)
    except NotImplementedError as exc:
        available = False
        notes.append(f"extraction not available yet: NotImplementedError({exc})")

    wall = None
    cpu_ms = None
    waited_pct = None
    per: list[float] = []
    if available:
        deadline = time.perf_counter() + args.max_seconds
        wait0 = runqueue_wait_s()
        cpu0 = time.process_time()
        wall, per, errors, first_error = _extract_pass(extractor, lines, deadline)
        cpu_ms = (time.process_time() - cpu0) / max(1, len(per)) * 1000
        wait1 = runqueue_wait_s()
        if wait0 is not None and wait1 is not None and wall:
            waited_pct = 100 * (wait1 - wait0) / wall
        if len(per) < len(lines):
            notes.append(f"time budget hit: {len(per)} of {len(lines)} articles timed")
        if errors:
            notes.append(f"{errors} of {len(per)} articles raised; first: {first_error}")
    rss_run = _rss_mb()
    rate = len(per) / wall if wall else None

    def ms(values: list[float], q: float) -> float | None:
        p = percentile(values, q)
        return None if p is None else p * 1000

    chars, repeat_pct = _corpus_stats(lines)
    notes.insert(1, f"corpus (headline): {len(lines)} distinct varied news reports, mean {chars:,.0f} chars, "
                 f"{repeat_pct:.1f}% of sentences repeated in the corpus; mix {mix}")
    templated_n = args.n if args.templated_n is None else args.templated_n
    tpl_lines, tpl_mix = bench_corpus(templated_n, args.seed) if templated_n > 0 else ([], {})
    tpl_warm = bench_corpus(args.warmup + 5, args.seed + 1000)[0][5:] if templated_n > 0 else []
    tpl_chars, tpl_repeat_pct = _corpus_stats(tpl_lines) if tpl_lines else (None, None)
    if tpl_lines:
        notes.append(f"templated corpus (secondary): {len(tpl_lines)} distinct articles, mean {tpl_chars:,.0f} chars, "
                     f"{tpl_repeat_pct:.1f}% of sentences repeated in the corpus; mix {tpl_mix}")

    mean_ms = (wall / len(per) * 1000) if wall and per else None
    floor_mean_ms = floor_wall / len(lines) * 1000 if lines else None
    figures += [
        Figure("extract.articles_per_s", rate, "articles/s", "floor.articles_per_s", floor_rate,
               goal=f">= {GOAL_ARTICLES_PER_S}",
               note=f"one core; varied news corpus, mean {chars:,.0f} chars, {repeat_pct:.1f}% repeated sentences"),
        Figure("extract.ms_per_article", mean_ms, "ms", "floor.ms_per_article", floor_mean_ms,
               note="ratio = extraction cost / floor cost" + (
                   f"; CPU {cpu_ms:.2f} ms/article (process time: what to compare on a busy machine)" if cpu_ms else "")),
        Figure("extract.p50_ms", ms(per, 50), "ms", "floor.p50_ms", ms(floor_per, 50)),
        Figure("extract.p99_ms", ms(per, 99), "ms", "floor.p99_ms", ms(floor_per, 99)),
        Figure("extract.runqueue_wait_pct", waited_pct, "% of wall",
               note="runnable but waiting for the pinned CPU during the timed pass: high = a busy machine, "
                    "the figures above are lower bounds"),
        Figure("corpus.sentence_repeat_pct", repeat_pct, "%", "corpus.templated_sentence_repeat_pct" if tpl_lines
               else None, tpl_repeat_pct,
               note="share of the headline corpus's sentences whose exact text occurs more than once in it "
                    "(per-process memos profit from repeats; news: 2-7%)"),
        Figure("corpus.mean_chars", chars, "chars", "corpus.templated_mean_chars" if tpl_lines else None, tpl_chars),
    ]

    # The templated corpus (the headline until 2026-11-24), timed after its own warm-up in the
    # same process: a secondary figure, to read today's runs against older ones. No goal: its
    # repeated sentences flatter the core (see corpus.sentence_repeat_pct).
    if available and tpl_lines:
        tpl_floor_wall, _ = _floor(tpl_lines)
        _extract_pass(extractor, tpl_warm, deadline=time.perf_counter() + args.max_seconds)
        cpu0 = time.process_time()
        tpl_wall, tpl_per, tpl_errors, _ = _extract_pass(extractor, tpl_lines, time.perf_counter() + args.max_seconds)
        tpl_cpu_ms = (time.process_time() - cpu0) / max(1, len(tpl_per)) * 1000
        tpl_rate = len(tpl_per) / tpl_wall if tpl_wall else None
        flatters = f"; {tpl_rate / rate:.2f}x the headline extract.articles_per_s" if tpl_rate and rate else ""
        if cpu_ms and tpl_cpu_ms:
            flatters += f" (by CPU time {cpu_ms / tpl_cpu_ms:.2f}x)"
        figures.append(Figure(
            "extract.templated_articles_per_s", tpl_rate, "articles/s", "floor.templated_articles_per_s",
            len(tpl_lines) / tpl_floor_wall if tpl_floor_wall else None,
            note=f"older templated corpus, for comparison with past runs (no goal: {tpl_repeat_pct:.0f}% of its "
                 f"sentences repeat); {tpl_wall / max(1, len(tpl_per)) * 1000:.2f} ms/article (CPU {tpl_cpu_ms:.2f}), p99 "
                 f"{(percentile(tpl_per, 99) or 0) * 1000:.2f} ms{flatters}"
                 + (f"; {tpl_errors} articles raised" if tpl_errors else "")))

    # News articles this process has not seen (../shared/eval/articles-dev.jsonl, read at run
    # time): the check that the headline corpus costs what real news text costs. Per 1,000
    # characters beside the headline corpus's own cost, so the two lengths compare.
    real = [] if args.with_eval or not available else [orjson.dumps(a) for a in load_eval_articles()]
    if real:
        real_wall, real_per, _, _ = _extract_pass(extractor, real, time.perf_counter() + 120)
        real_chars = sum(len(orjson.loads(line).get("text") or "") for line in real[: len(real_per)])
        syn_chars = sum(len(orjson.loads(line).get("text") or orjson.loads(line).get("body") or "")
                        for line in lines[: len(per)])
        real_kc = real_wall * 1000 / (real_chars / 1000) if real_chars else None
        syn_kc = wall * 1000 / (syn_chars / 1000) if wall and syn_chars else None
        figures.append(Figure(
            "extract.unseen_news_ms_per_1000_chars", real_kc, "ms", "extract.corpus_ms_per_1000_chars", syn_kc,
            note=f"{len(real_per)} news articles never seen by this process, mean {real_chars / len(real_per):,.0f} "
                 f"chars, {real_wall / len(real_per) * 1000:.2f} ms each; at this cost a 3,500-character article "
                 f"takes ~{3.5 * real_kc:.1f} ms" if real_kc else ""))
    elif args.with_eval:
        notes.append("unseen-news figure skipped: --with-eval puts those articles in the timed corpus")

    # Places: time inside the gazetteer, and the whole cost of places (None vs loaded), each on
    # articles of the headline corpus's kind that this process has not seen yet (memos would
    # make places look cheaper on articles already extracted).
    geo_n = max(1, args.geo_n)
    geo_lines = varied_corpus(geo_n, args.seed + 2000, prefix="geo")
    geo_lines_b = varied_corpus(geo_n, args.seed + 3000, prefix="geo")
    release_generator()
    share = resolve_share = none_ms = loaded_ms = None
    calls_note = ""
    if available:
        timed = _TimedGazetteer(gazetteer)
        wall_t, per_t, _, _ = _extract_pass(Extractor(gazetteer=timed), geo_lines, time.perf_counter() + 60)
        if wall_t:
            resolve_share = 100 * sum(timed.seconds.values()) / wall_t
            calls_note = ", ".join(f"{k} {v / len(per_t) * 1e3:.3f} ms x{timed.calls[k] / len(per_t):.1f}/article"
                                   for k, v in timed.seconds.most_common())
        try:
            loaded_s, none_s = _interleaved(extractor, Extractor(gazetteer=None), geo_lines_b)
            loaded_ms = loaded_s / len(geo_lines_b) * 1000
            none_ms = none_s / len(geo_lines_b) * 1000
            share = 100 * max(0.0, loaded_ms - none_ms) / loaded_ms
        except Exception as exc:  # an extractor that needs its gazetteer: report, do not fail
            notes.append(f"gazetteer=None pass failed: {type(exc).__name__}: {exc}")
    figures += [
        Figure("geo.resolve_share_pct", resolve_share, "%", goal=f"<= {GOAL_GEO_SHARE_PCT:.1f}",
               note=f"time inside Gazetteer methods / extraction time; {calls_note}".rstrip("; ")),
        Figure("geo.places_share_pct", share, "%", goal=f"<= {GOAL_GEO_SHARE_PCT:.1f}",
               note="(loaded - gazetteer=None) / loaded, interleaved per article"),
        Figure("extract.no_gazetteer_ms_per_article", none_ms, "ms", "extract.gazetteer_ms_per_article",
               loaded_ms),
    ]

    figures += [
        Figure("rss.after_load_mb", rss_load, "MB", "rss.before_load_mb", rss_before, goal=f"<= {GOAL_RSS_MB}",
               note="this process, psutil RSS"),
        Figure("rss.after_run_mb", rss_run, "MB", "rss.before_load_mb", rss_before, goal=f"<= {GOAL_RSS_MB}",
               note=f"after the headline pass ({len(per)} articles): the core's per-process memos grow with the "
                    "names they have not seen (rss.after_run_mb - rss.after_load_mb)"),
    ]

    try:
        start_s, empty_s, detail = _startup(args.startup_runs)
    except Exception as exc:
        start_s = empty_s = None
        detail = {}
        notes.append(f"start-up measurement failed: {exc}")
    if args.startup_runs > 0:
        split = (f"import {detail['import_s']:.2f} s, Gazetteer.load {detail['load_s']:.2f} s, "
                 f"Extractor() {detail['construct_s']:.3f} s" if detail else "")
        figures += [
            Figure("startup.s", start_s, "s", "startup.bare_python_s", empty_s, goal=f"<= {GOAL_STARTUP_S}",
                   note=f"fresh subprocess to ready, median of {args.startup_runs}; {split}"),
            Figure("startup.rss_mb", detail.get("rss_mb"), "MB", goal=f"<= {GOAL_RSS_MB}",
                   note="fresh subprocess with everything loaded"),
        ]

    if args.profile and available:
        sys.stderr.write(_profile(extractor, lines[: min(len(lines), 300)]))

    print_report("bench_extract", figures, info, as_json=args.json, notes=notes)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
