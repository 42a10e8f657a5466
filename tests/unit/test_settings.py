"""One settings object reads the environment; bad values fail with a clear error."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from streams.settings import Settings


def test_defaults_bind_to_loopback_and_name_the_topics(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KAFKA_BOOTSTRAP_SERVERS", raising=False)
    s = Settings()
    assert s.web_host == "127.0.0.1"
    assert (s.articles_topic, s.events_topic, s.incidents_topic, s.tallies_topic, s.dead_letter_topic) == (
        "articles", "events", "incidents", "tallies", "articles.dead-letter")
    assert s.retention_days == 90


def test_kafka_bootstrap_servers_is_read_without_prefix(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:19092")
    assert Settings().kafka_bootstrap_servers == "127.0.0.1:19092"


def test_prefixed_variables_override_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CRISIS_STREAM_PARTITIONS", "2")
    monkeypatch.setenv("CRISIS_STREAM_WEB_PORT", "7000")
    s = Settings()
    assert (s.partitions, s.web_port) == (2, 7000)


@pytest.mark.parametrize(("var", "value"), [("CRISIS_STREAM_PARTITIONS", "0"),
                                            ("CRISIS_STREAM_WEB_PORT", "http"),
                                            ("CRISIS_STREAM_RETENTION_DAYS", "-3")])
def test_invalid_values_are_rejected_with_the_field_named(monkeypatch: pytest.MonkeyPatch, var: str,
                                                          value: str) -> None:
    monkeypatch.setenv(var, value)
    with pytest.raises(ValidationError, match=var.removeprefix("CRISIS_STREAM_").lower()):
        Settings()


def test_settings_are_frozen() -> None:
    with pytest.raises(ValidationError):
        Settings().partitions = 9  # type: ignore[misc]


def test_other_workers_reach_this_one_at_its_host_and_port_unless_told_otherwise(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from streams.settings import canonical_url

    monkeypatch.setenv("CRISIS_STREAM_WEB_PORT", "6070")
    assert canonical_url(Settings()) == "http://127.0.0.1:6070"
    monkeypatch.setenv("CRISIS_STREAM_WEB_HOST", "0.0.0.0")
    monkeypatch.setenv("CRISIS_STREAM_WEB_CANONICAL_URL", "http://worker-2:6070")
    assert canonical_url(Settings()) == "http://worker-2:6070"
