"""A ratchet on extraction accuracy: no field may fall below what has been reached.

Runs the real extraction on both development files in ``../shared/eval`` (CI puts them
beside the repo) and compares every (file, slice, field) cell with the floor in
``eval_floor.json``. Floors are reached scores rounded down a little; raise them when
accuracy improves. No single item is asserted: only the aggregate per cell.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extraction import evaluate

FLOOR_FILE = Path(__file__).with_name("eval_floor.json")


@pytest.fixture(scope="module")
def reports(shared_dir: Path) -> dict[str, evaluate.Report]:
    from extraction.core import Extractor
    from extraction.geo import Gazetteer

    eval_dir = shared_dir / "eval"
    floors = json.loads(FLOOR_FILE.read_text(encoding="utf-8"))
    missing = [name for name in floors if not (eval_dir / name).is_file()]
    if missing:
        pytest.fail(f"evaluation files missing from {eval_dir}: {', '.join(missing)}")
    gazetteer = Gazetteer.load()
    extractor = Extractor(gazetteer=gazetteer)
    out = {}
    for name in floors:
        items = evaluate.read_jsonl(eval_dir / name)
        out[name] = evaluate.score(items, evaluate.run_extraction(items, extractor), gazetteer=gazetteer)
    return out


def _floor_cells() -> list[tuple[str, str, str, float]]:
    floors = json.loads(FLOOR_FILE.read_text(encoding="utf-8"))
    return [
        (name, slice_, field, floor)
        for name, slices in floors.items()
        for slice_, fields in slices.items()
        for field, floor in fields.items()
    ]


def test_floor_file_names_only_known_fields() -> None:
    unknown = {f for _, _, f, _ in _floor_cells()} - set(evaluate.FIELDS)
    assert not unknown, f"eval_floor.json names unknown fields: {sorted(unknown)}"


def test_no_field_drops_below_its_floor(reports: dict[str, evaluate.Report]) -> None:
    drops = []
    for name, slice_, field, floor in _floor_cells():
        got = reports[name].accuracy(slice_, field)
        if got is None:
            drops.append(f"{name} {slice_} {field}: no item scored (floor {floor})")
        elif got < floor:
            drops.append(f"{name} {slice_} {field}: {got:.3f} < floor {floor}")
    assert not drops, "accuracy fell below the ratchet:\n" + "\n".join(drops)
