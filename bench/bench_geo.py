"""Gazetteer speed and memory: load time, RSS after load, resolutions per second.

Method (one run, so the ratios hold on a busy machine):

* Load: ``Gazetteer.load()`` in a fresh subprocess with the cache already built (the
  first call builds it), wall time from before the import to after the load, and that
  process's RSS after the load. Baseline: the same subprocess importing only the schemas.
* Resolve: ``Gazetteer.resolve(text, sentences)`` over seed-length texts: the project
  seed article (``../shared/seeds``) and synthetic ~3,500-character reports
  (``bench.corpus.synthetic_articles``), sentences split beforehand (the core does that
  anyway). Baseline: tokenising the same texts with the resolver's own token regex
  (``re.finditer`` over every word), the least any place scan must do.
* Timing: CPU time of this process (``time.process_time``), best of ``--rounds`` passes;
  p50/p99 per article are wall time over all passes.
* Goal: resolve() within a third of the extraction budget (1,000 articles/s/core), i.e.
  >= 3,000 resolutions/s (<= ~333 microseconds per article).

Usage: ``python bench/bench_geo.py [--n 400] [--rounds 5] [--json]``.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.corpus import (  # noqa: E402
    Figure,
    load_seed_article,
    machine_info,
    percentile,
    print_report,
    synthetic_articles,
)
from extraction.geo import Gazetteer  # noqa: E402
from extraction.geo.resolve import _TOKEN  # noqa: E402
from extraction.text import split_sentences  # noqa: E402

_LOAD_SNIPPET = """
import time, sys
t0 = time.perf_counter()
sys.path.insert(0, {repo!r})
{body}
elapsed = time.perf_counter() - t0
import psutil
print(elapsed, psutil.Process().memory_info().rss)
"""


def _subprocess_load(body: str) -> tuple[float, float]:
    code = _LOAD_SNIPPET.format(repo=str(REPO), body=body)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    secs, rss = out.stdout.split()
    return float(secs), float(rss) / 2**20


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=400, help="synthetic articles")
    ap.add_argument("--rounds", type=int, default=5, help="timed passes over the texts")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    Gazetteer.load()  # build the cache once, outside the timings
    load_s, load_rss = min(
        (_subprocess_load("from extraction.geo import Gazetteer\ng = Gazetteer.load()") for _ in range(3)),
        key=lambda r: r[0],
    )
    base_s, base_rss = min((_subprocess_load("import schemas") for _ in range(3)), key=lambda r: r[0])

    texts = [a.text for a in synthetic_articles(args.n, seed=7)]
    seed = load_seed_article()
    if seed is not None:
        texts = [seed["text"], *texts]
    prepared = [(t, split_sentences(t)) for t in texts]
    mean_len = sum(len(t) for t in texts) / len(texts)

    g = Gazetteer.load()
    for t, s in prepared[:50]:  # warm the folding caches as a long-running worker would
        g.resolve(t, s)
    # CPU time (process_time), best round of each: the least disturbed by other processes
    # on a shared machine (wall time there mostly measures the scheduler).
    per_article: list[float] = []
    resolve_s = tok_s = float("inf")
    clock = time.process_time
    for _ in range(args.rounds):
        t0 = clock()
        for t, s in prepared:
            a = time.perf_counter()
            g.resolve(t, s)
            per_article.append(time.perf_counter() - a)
        resolve_s = min(resolve_s, clock() - t0)
        t0 = clock()
        for t, _s in prepared:
            for _m in _TOKEN.finditer(t):
                pass
        tok_s = min(tok_s, clock() - t0)
    n_res = len(prepared)

    figures = [
        Figure("geo.load_s", load_s, "s", "import_schemas_s", base_s, "<= 1.0",
               note="fresh process, cache built"),
        Figure("geo.rss_after_load_mb", load_rss, "MB", "import_schemas_rss_mb", base_rss, "<= 300"),
        Figure("geo.resolutions_per_s", n_res / resolve_s, "articles/s", "tokenize_per_s",
               n_res / tok_s, ">= 3000", note=f"{len(texts)} texts, mean {mean_len:.0f} chars"),
        Figure("geo.resolve_p50_us", (percentile(per_article, 50) or 0) * 1e6, "us"),
        Figure("geo.resolve_p99_us", (percentile(per_article, 99) or 0) * 1e6, "us"),
    ]
    print_report("bench_geo", figures, machine_info(), as_json=args.json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
