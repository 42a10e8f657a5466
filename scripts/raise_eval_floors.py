"""Raise the accuracy ratchet (tests/unit/eval_floor.json) to what extraction reaches now.

Each floor becomes max(old floor, reached - max(0.01, 1/n)) rounded down to two decimals:
a floor never goes down, and a one-item wobble in a small slice does not trip it.
Run after an accuracy improvement:  .venv/bin/python scripts/raise_eval_floors.py
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from extraction import evaluate  # noqa: E402
from extraction.core import Extractor  # noqa: E402
from extraction.geo import Gazetteer  # noqa: E402

FLOOR_FILE = REPO / "tests" / "unit" / "eval_floor.json"
EVAL_DIR = REPO.parent / "shared" / "eval"


def main() -> int:
    floors = json.loads(FLOOR_FILE.read_text(encoding="utf-8"))
    gazetteer = Gazetteer.load()
    extractor = Extractor(gazetteer=gazetteer)
    for name, slices in floors.items():
        items = evaluate.read_jsonl(EVAL_DIR / name)
        report = evaluate.score(items, evaluate.run_extraction(items, extractor), gazetteer=gazetteer)
        for slice_, fields in slices.items():
            for field_, old in fields.items():
                cell = report.cells.get(slice_, {}).get(field_)
                if cell is None or not cell.n:
                    continue
                margin = max(0.01, 1 / cell.n)
                new = max(old, math.floor(max(0.0, cell.accuracy - margin) * 100) / 100)
                if new != old:
                    print(f"{name} {slice_} {field_}: {old} -> {new} (reached {cell.accuracy:.3f}, n={cell.n})")
                fields[field_] = new
    FLOOR_FILE.write_text(json.dumps(floors, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
