"""Where extraction time goes on news articles the process has not seen.

The synthetic benchmark corpus repeats template sentences, and the extraction core keeps
per-process memos (place-name runs, actor spellings); so its profile is not the profile of a
live feed. This warms a process up on other text (``../shared/eval/dev.jsonl`` and synthetic
articles), then profiles one pass over ``../shared/eval/articles-dev.jsonl`` (read at run
time, never copied), and prints the cumulative and own-time tables and the share of places.

    PYTHONPATH=. .venv/bin/python bench/profile_unseen_news.py [--top 30]
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import pstats
import sys
from pathlib import Path

import orjson

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from corpus import bench_corpus  # noqa: E402

from extraction.cli import article_input_from  # noqa: E402
from extraction.core import Extractor  # noqa: E402
from extraction.evaluate import read_jsonl  # noqa: E402
from extraction.geo import Gazetteer  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval"
_KEYS = ("id", "text", "body", "title", "published", "published_at")


def _lines(path: Path) -> list[bytes]:
    return [orjson.dumps({k: it[k] for k in _KEYS if it.get(k) is not None}) for it in read_jsonl(path)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--top", type=int, default=30)
    args = parser.parse_args(argv)
    if not (EVAL / "articles-dev.jsonl").exists():
        print(f"no {EVAL / 'articles-dev.jsonl'}: nothing to profile", file=sys.stderr)
        return 2
    extractor = Extractor(gazetteer=Gazetteer.load())
    gc.collect()
    gc.freeze()
    warm = _lines(EVAL / "dev.jsonl") if (EVAL / "dev.jsonl").exists() else []
    for line in [*warm, *bench_corpus(200, seed=9)[0]]:
        extractor.extract(article_input_from(orjson.loads(line)))
    news = _lines(EVAL / "articles-dev.jsonl")
    profile = cProfile.Profile()
    profile.enable()
    for line in news:
        extractor.extract(article_input_from(orjson.loads(line)))
    profile.disable()
    stats = pstats.Stats(profile)
    total = sum(v[3] for k, v in stats.stats.items() if k[2] == "extract" and k[0].endswith("core.py"))  # type: ignore[attr-defined]
    places = sum(v[3] for k, v in stats.stats.items() if k[2] == "resolve" and k[0].endswith("geo/__init__.py"))  # type: ignore[attr-defined]
    stats.sort_stats("cumulative").print_stats(args.top)
    stats.sort_stats("tottime").print_stats(args.top // 2)
    if total:
        print(f"{len(news)} unseen news articles: {total / len(news) * 1000:.2f} ms each under the profiler; "
              f"places {100 * places / total:.0f}% of extraction time")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
