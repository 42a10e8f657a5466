"""The local broker launcher starts a real Kafka 4.x, answers, and leaves nothing behind."""

from __future__ import annotations

import asyncio
import os
import subprocess
from pathlib import Path

import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer

from streams.localkafka import KAFKA_VERSION, LocalKafka, create_topics, ensure_kafka_libs

pytestmark = pytest.mark.broker

RECEIVE_TIMEOUT_S = 30


def _java_processes_using(path: Path) -> list[str]:
    out = subprocess.run(["ps", "-ww", "-eo", "pid,args"], capture_output=True, text=True, check=True).stdout
    return [line for line in out.splitlines() if "java" in line and str(path) in line]


def test_pinned_version_is_kafka_4() -> None:
    assert KAFKA_VERSION.split(".")[0] == "4"


def test_fetched_jars_are_cached_and_include_the_broker() -> None:
    libs = ensure_kafka_libs()
    assert (libs / f"kafka_2.13-{KAFKA_VERSION}.jar").is_file()
    assert ensure_kafka_libs() == libs  # second call: cache hit, same place


def test_broker_round_trips_a_message_and_stops_without_stray_java(tmp_path: Path) -> None:
    data = tmp_path / "kafka"
    kafka = LocalKafka(data_dir=data)
    with kafka:
        pid = kafka.pid
        assert pid is not None
        create_topics(kafka.bootstrap, ["roundtrip"], partitions=2)
        got = asyncio.run(_round_trip(kafka.bootstrap, "roundtrip", b"hello"))
        assert got == b"hello"
        assert _java_processes_using(data), "the broker should be a java process using its data dir"
    assert not os.path.exists(f"/proc/{pid}") or _is_zombie(pid)
    assert _java_processes_using(data) == []


def test_restart_on_the_same_data_dir_keeps_topics(tmp_path: Path) -> None:
    data = tmp_path / "kafka"
    port = None
    with LocalKafka(data_dir=data) as kafka:
        port = kafka.port
        create_topics(kafka.bootstrap, ["kept"])
    kafka2 = LocalKafka(port=port, data_dir=data)
    try:
        kafka2.start()
        topics = asyncio.run(_list_topics(kafka2.bootstrap))
        assert "kept" in topics
    finally:
        kafka2.stop()
    assert _java_processes_using(data) == []


def test_session_broker_fixture_answers(kafka_bootstrap: str) -> None:
    topics = asyncio.run(_list_topics(kafka_bootstrap))
    assert isinstance(topics, set)


def _is_zombie(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/status").read_text().find("State:\tZ") >= 0
    except FileNotFoundError:
        return True


async def _round_trip(bootstrap: str, topic: str, payload: bytes) -> bytes:
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap)
    await producer.start()
    try:
        await producer.send_and_wait(topic, payload, key=b"k")
    finally:
        await producer.stop()
    consumer = AIOKafkaConsumer(topic, bootstrap_servers=bootstrap, auto_offset_reset="earliest",
                                group_id="roundtrip-test")
    await consumer.start()
    try:
        msg = await asyncio.wait_for(consumer.getone(), RECEIVE_TIMEOUT_S)
        return msg.value
    finally:
        await consumer.stop()


async def _list_topics(bootstrap: str) -> set[str]:
    from aiokafka.admin import AIOKafkaAdminClient

    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        return set(await admin.list_topics())
    finally:
        await admin.close()


def test_cluster_ids_never_look_like_command_line_options() -> None:
    from streams.localkafka import _new_cluster_id

    ids = {_new_cluster_id() for _ in range(2000)}
    assert len(ids) == 2000
    assert not any(i.startswith("-") for i in ids)
