"""Shared fixtures: the real Kafka broker (one per test session) and paths."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED_DIR = REPO_ROOT.parent / "shared"


@pytest.fixture(scope="session")
def kafka_bootstrap(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Bootstrap address of a real Apache Kafka 4.x broker.

    ``KAFKA_BOOTSTRAP_SERVERS`` set means: use that cluster. Otherwise one local KRaft
    broker is started for the whole session and stopped at its end.
    """
    external = os.environ.get("KAFKA_BOOTSTRAP_SERVERS")
    if external:
        yield external
        return
    from streams.localkafka import LocalKafka

    kafka = LocalKafka(data_dir=tmp_path_factory.mktemp("kafka"))
    kafka.start()
    try:
        yield kafka.bootstrap
    finally:
        kafka.stop()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """``../shared`` beside the repo (CI puts it there); its absence is an error, not a skip."""
    if not SHARED_DIR.is_dir():
        pytest.fail(f"{SHARED_DIR} is missing: the evaluation data and seed article live there")
    return SHARED_DIR
