"""Check that a speed change left extraction output unchanged, byte for byte.

``--write DIR`` runs the extractor over every corpus we have (the evaluation files read from
``../shared/eval`` at run time, the project's seeds, and the synthetic benchmark corpus) and
stores each output line; ``--check DIR`` runs it again and lists every line that differs.
The stored files stay outside the repository (they hold output derived from ../shared).

    PYTHONPATH=. .venv/bin/python bench/extract_golden.py --write /tmp/golden
    PYTHONPATH=. .venv/bin/python bench/extract_golden.py --check /tmp/golden
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path

import orjson

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from corpus import bench_corpus  # noqa: E402

from extraction.cli import extract_object, extract_one  # noqa: E402
from extraction.core import Extractor  # noqa: E402
from extraction.evaluate import read_jsonl  # noqa: E402
from extraction.geo import Gazetteer  # noqa: E402

SHARED_EVAL = ROOT.parent / "shared" / "eval"
_EVAL_KEYS = ("id", "text", "body", "title", "published", "published_at", "url", "source")


def corpora(n_synthetic: int) -> Iterator[tuple[str, list[tuple[str, object]]]]:
    """(name, [(kind, input)]) for every corpus; kind ``obj`` or ``line``."""
    for name in ("dev.jsonl", "articles-dev.jsonl"):
        path = SHARED_EVAL / name
        if path.exists():
            items = [{k: it[k] for k in _EVAL_KEYS if it.get(k) is not None} for it in read_jsonl(path)]
            yield name, [("obj", it) for it in items]
    for name in ("articles.jsonl", "duplicates.jsonl", "late.jsonl", "malformed.jsonl"):
        path = ROOT / "seeds" / name
        if path.exists():
            yield f"seeds-{name}", [("line", line) for line in path.read_bytes().splitlines() if line.strip()]
    lines, _ = bench_corpus(n_synthetic)
    yield "bench-corpus.jsonl", [("line", line) for line in lines]


def outputs(extractor: Extractor, items: list[tuple[str, object]]) -> list[bytes]:
    out = []
    for kind, value in items:
        result = extract_object(extractor, value) if kind == "obj" else extract_one(extractor, value)  # type: ignore[arg-type]
        out.append(orjson.dumps(result, option=orjson.OPT_SORT_KEYS))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--write", type=Path, metavar="DIR")
    mode.add_argument("--check", type=Path, metavar="DIR")
    parser.add_argument("--n", type=int, default=1000, help="synthetic articles (default 1000)")
    parser.add_argument("--show", type=int, default=3, help="differing lines to print per corpus")
    args = parser.parse_args(argv)
    extractor = Extractor(gazetteer=Gazetteer.load())
    bad = 0
    for name, items in corpora(args.n):
        got = outputs(extractor, items)
        if args.write:
            args.write.mkdir(parents=True, exist_ok=True)
            (args.write / name).write_bytes(b"\n".join(got) + b"\n")
            print(f"wrote {len(got):5d} lines  {name}")
            continue
        path = args.check / name
        want = path.read_bytes().splitlines() if path.exists() else []
        diffs = [i for i in range(max(len(got), len(want)))
                 if i >= len(got) or i >= len(want) or got[i] != want[i]]
        bad += len(diffs)
        print(f"{'SAME' if not diffs else 'DIFF'} {len(got):5d} lines  {len(diffs):4d} differ  {name}")
        for i in diffs[: args.show]:
            print(f"  line {i + 1}:\n    want {want[i][:600] if i < len(want) else b'<missing>'!r}\n"
                  f"    got  {got[i][:600] if i < len(got) else b'<missing>'!r}")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
