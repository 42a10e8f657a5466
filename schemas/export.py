"""Export the JSON Schema of every record to ``schemas/json/<Record>.json``.

``python -m schemas.export`` writes them; ``python -m schemas.export --check`` exits 1 when
a file is missing or stale (``tests/unit/test_schema_export.py`` fails the same way).
Downstream consumers validate topic values against these files.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from pydantic import BaseModel

from schemas.records import SCHEMA_VERSION, Article, DeadLetter, EventRecord, Incident, Range, RegionTally

__all__ = ["JSON_DIR", "RECORDS", "main", "rendered", "stale_files"]

JSON_DIR = Path(__file__).resolve().parent / "json"
#: the records that cross a topic (and Range, the shape every figure takes)
RECORDS: tuple[type[BaseModel], ...] = (Article, EventRecord, Incident, RegionTally, DeadLetter, Range)


def rendered() -> dict[str, str]:
    """File name -> JSON Schema text, for every record (stable formatting, trailing newline)."""
    out = {}
    for model in RECORDS:
        schema = model.model_json_schema(mode="serialization")
        schema = {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": f"crisis-stream/{model.__name__}/v{SCHEMA_VERSION}",
            **schema,
        }
        out[f"{model.__name__}.json"] = json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    return out


def stale_files(directory: Path = JSON_DIR) -> list[str]:
    """Names of schema files that are missing or differ from the models."""
    return [name for name, text in rendered().items()
            if not (directory / name).is_file() or (directory / name).read_text(encoding="utf-8") != text]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m schemas.export", description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if any exported schema is stale")
    parser.add_argument("--dir", type=Path, default=JSON_DIR)
    args = parser.parse_args(argv)
    if args.check:
        stale = stale_files(args.dir)
        for name in stale:
            print(f"stale: {args.dir / name} (run python -m schemas.export)", file=sys.stderr)
        return 1 if stale else 0
    args.dir.mkdir(parents=True, exist_ok=True)
    for name, text in rendered().items():
        (args.dir / name).write_text(text, encoding="utf-8")
        print(args.dir / name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
