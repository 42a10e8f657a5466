"""The extraction core never imports the stream framework (faust, aiokafka)."""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys
from pathlib import Path

import extraction

ROOT = Path(__file__).resolve().parents[2]


def _submodules() -> list[str]:
    return sorted(m.name for m in pkgutil.walk_packages(extraction.__path__, prefix="extraction."))


def test_importing_every_extraction_module_loads_no_kafka_framework() -> None:
    modules = ["extraction", *_submodules()]
    code = (
        "import importlib, json, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in ('faust', 'aiokafka'))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True,
                         env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert json.loads(out.stdout.strip().splitlines()[-1]) == []
    assert "extraction.core" in modules and "extraction.figures" in modules
