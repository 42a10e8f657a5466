"""The one settings object. Every option reads one environment variable (named below);
nothing else in the code reads the environment."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import AliasChoices, Field
from pydantic_settings import BaseSettings, SettingsConfigDict

__all__ = ["REPO_ROOT", "Settings", "canonical_url", "get_settings"]

REPO_ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    """crisis-stream settings; environment variables are ``CRISIS_STREAM_<FIELD>`` unless
    another name is given (``KAFKA_BOOTSTRAP_SERVERS``)."""

    model_config = SettingsConfigDict(env_prefix="CRISIS_STREAM_", frozen=True, extra="ignore")

    #: Kafka cluster. KAFKA_BOOTSTRAP_SERVERS set means: use that cluster, start nothing.
    kafka_bootstrap_servers: str = Field(
        default="127.0.0.1:9092",
        validation_alias=AliasChoices("KAFKA_BOOTSTRAP_SERVERS", "CRISIS_STREAM_KAFKA_BOOTSTRAP_SERVERS"),
    )
    #: faust app id: consumer group and prefix of changelog topics (CRISIS_STREAM_APP_ID).
    app_id: str = "crisis-stream"
    articles_topic: str = "articles"
    events_topic: str = "events"
    incidents_topic: str = "incidents"
    tallies_topic: str = "tallies"
    dead_letter_topic: str = "articles.dead-letter"
    late_topic: str = "events.late"
    #: partitions for the keyed topics and tables (region-keyed): the unit of scale-out.
    partitions: int = Field(default=4, ge=1)
    replication_factor: int = Field(default=1, ge=1)
    #: faust table store: "rocksdb://" (persistent, restored from changelog) or "memory://".
    store: str = "rocksdb://"
    #: RocksDB memory of all tables of one worker (block cache, memtables charged to it: half
    #: at most), however many partitions it holds (streams/store.py).
    rocksdb_memory_mb: int = Field(default=64, ge=4)
    #: worker state directory (faust datadir); per worker when several run on one machine.
    data_dir: Path = REPO_ROOT / ".cache" / "worker"
    #: HTTP for operators; bound to loopback by default, read-only.
    web_host: str = "127.0.0.1"
    web_port: int = Field(default=6066, ge=0, le=65535)
    #: the URL other workers reach this one's HTTP API at (routed and fanned-out queries);
    #: default ``http://<web_host>:<web_port>``. Set it when web_host is 0.0.0.0 (containers).
    web_canonical_url: str | None = None
    #: late reports older than this (event time vs the newest event time seen) go to the late topic.
    retention_days: int = Field(default=90, ge=1)
    #: reports an incident keeps whole (with evidence); older ones keep their ids, source,
    #: type and place names only (streams/incidents.py ``retire_reports``: bounds the state).
    incident_reports_kept: int = Field(default=100, ge=1)
    #: the stateful agents wait at most this long for more messages to batch (each of the two
    #: stateful hops adds up to this much latency at low rates; larger = fewer table writes).
    batch_within_ms: int = Field(default=50, ge=1, le=10_000)
    #: gazetteer cache (built once from packaged GeoNames data).
    gazetteer_cache_dir: Path | None = None
    log_level: str = "info"


def canonical_url(settings: Settings) -> str:
    """Where other workers reach this worker's HTTP API."""
    return settings.web_canonical_url or f"http://{settings.web_host}:{settings.web_port}"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
