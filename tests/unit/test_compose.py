"""docker-compose.yml and the Dockerfile agree with the code: our services set only the
environment variables the settings read, with values the settings accept, and refer to files
that exist. No Docker engine is needed: the files are parsed, not run."""

from __future__ import annotations

import base64
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import AliasChoices

from streams.settings import Settings

REPO = Path(__file__).resolve().parents[2]
COMPOSE = REPO / "docker-compose.yml"
DOCKERFILE = REPO / "Dockerfile"
OUR_SERVICES = ("worker", "seeds")
#: Variables of the Python runtime and pip, set in the Dockerfile, not settings of ours.
RUNTIME_PREFIXES = ("PYTHON", "PIP_")


def _compose() -> dict[str, Any]:
    return yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))


def _service(name: str) -> dict[str, Any]:
    return _compose()["services"][name]


def _environment(service: dict[str, Any]) -> dict[str, str]:
    """Compose allows a mapping or a list of ``NAME=value``; values become strings in the container."""
    env = service.get("environment") or {}
    if isinstance(env, list):
        env = dict(item.split("=", 1) for item in env)
    return {str(k): "" if v is None else str(v) for k, v in env.items()}


def _settings_variables() -> set[str]:
    """Every environment variable name streams.settings.Settings reads."""
    prefix = Settings.model_config.get("env_prefix", "")
    names: set[str] = set()
    for field_name, field in Settings.model_fields.items():
        alias = field.validation_alias
        if isinstance(alias, AliasChoices):
            names.update(str(choice) for choice in alias.choices)
        elif isinstance(alias, str):
            names.add(alias)
        else:
            names.add(f"{prefix}{field_name}".upper())
    return names


def _settings_from(env: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> Settings:
    for name in _settings_variables():
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return Settings()


def _dockerfile_env() -> dict[str, str]:
    """``ENV A=1 B=2`` instructions (with line continuations) of the Dockerfile."""
    text = DOCKERFILE.read_text(encoding="utf-8").replace("\\\n", " ")
    env: dict[str, str] = {}
    for line in text.splitlines():
        if line.startswith("ENV "):
            env.update(dict(re.findall(r"(\w+)=(\S+)", line)))
    return env


def test_compose_file_parses_and_has_the_three_services() -> None:
    assert {"kafka", "worker", "seeds"} <= set(_compose()["services"])


def test_kafka_is_the_official_image_at_a_pinned_4x_tag_in_kraft_mode() -> None:
    kafka = _service("kafka")
    assert re.fullmatch(r"apache/kafka:4\.\d+\.\d+", kafka["image"]), kafka["image"]
    env = _environment(kafka)
    assert set(env["KAFKA_PROCESS_ROLES"].split(",")) == {"broker", "controller"}
    assert env["KAFKA_CONTROLLER_QUORUM_VOTERS"].startswith(f"{env['KAFKA_NODE_ID']}@")
    assert env["KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS"] == "0"


def test_kafka_cluster_id_is_a_base64url_uuid_as_kraft_storage_requires() -> None:
    cluster_id = _environment(_service("kafka"))["CLUSTER_ID"]
    assert len(base64.urlsafe_b64decode(cluster_id + "==")) == 16


@pytest.mark.parametrize("service", OUR_SERVICES)
def test_our_services_set_only_variables_the_settings_read(service: str) -> None:
    unknown = set(_environment(_service(service))) - _settings_variables()
    assert unknown == set(), f"{service} sets variables streams.settings ignores: {sorted(unknown)}"


@pytest.mark.parametrize("service", OUR_SERVICES)
def test_our_services_environment_values_are_accepted_by_the_settings(
    service: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = _settings_from(_environment(_service(service)), monkeypatch)
    assert settings.kafka_bootstrap_servers


def test_dockerfile_sets_only_runtime_variables_and_settings() -> None:
    env = _dockerfile_env()
    assert env, "the Dockerfile sets the data directories"
    ours = {k for k in env if not k.startswith(RUNTIME_PREFIXES)}
    assert ours - _settings_variables() == set()


@pytest.mark.parametrize("service", OUR_SERVICES)
def test_our_services_reach_kafka_on_an_advertised_listener(service: str) -> None:
    advertised = _environment(_service("kafka"))["KAFKA_ADVERTISED_LISTENERS"]
    addresses = {listener.split("://", 1)[1] for listener in advertised.split(",")}
    bootstrap = _environment(_service(service))["KAFKA_BOOTSTRAP_SERVERS"]
    assert set(bootstrap.split(",")) <= addresses
    assert "kafka" in _service(service)["depends_on"] or "worker" in _service(service)["depends_on"]


def test_worker_web_port_is_published_and_listens_beyond_loopback(monkeypatch: pytest.MonkeyPatch) -> None:
    worker = _service("worker")
    settings = _settings_from(_environment(worker), monkeypatch)
    # Inside a container, a server bound to 127.0.0.1 is unreachable through a published port.
    assert settings.web_host == "0.0.0.0"
    container_ports = {str(p).rsplit(":", 1)[-1].split("/")[0] for p in worker.get("ports", [])}
    assert str(settings.web_port) in container_ports
    host_sides = [str(p).rsplit(":", 1)[0] for p in worker["ports"]]
    assert all(h.startswith("127.0.0.1:") for h in host_sides), "publish the read-only API on loopback only"


def test_worker_and_seeds_build_from_the_dockerfile_at_the_repo_root() -> None:
    for name in OUR_SERVICES:
        build = _service(name)["build"]
        context = REPO / (build if isinstance(build, str) else build.get("context", "."))
        dockerfile = "Dockerfile" if isinstance(build, str) else build.get("dockerfile", "Dockerfile")
        assert (context / dockerfile).resolve() == DOCKERFILE.resolve()
    text = DOCKERFILE.read_text(encoding="utf-8")
    assert re.search(r"^FROM python:3\.11-slim\b", text, re.M)
    assert re.search(r"^RUN pip install \.$", text, re.M)
    assert '"python", "-m", "streams", "worker"' in text


def test_dockerfile_copies_every_package_the_project_installs() -> None:
    import tomllib

    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    packages = {p.rstrip("*") for p in project["tool"]["setuptools"]["packages"]["find"]["include"]}
    copied = set(re.findall(r"^COPY (\w+) \./\1$", DOCKERFILE.read_text(encoding="utf-8"), re.M))
    assert packages <= copied
    assert "seeds" in copied, "the seeds service replays files baked into the image"


def test_image_prebuilds_the_gazetteer_where_the_worker_looks_for_it() -> None:
    text = DOCKERFILE.read_text(encoding="utf-8")
    cache_dir = _dockerfile_env()["CRISIS_STREAM_GAZETTEER_CACHE_DIR"]
    assert f"Gazetteer.load(Path('{cache_dir}'))" in text
    assert _environment(_service("worker"))["CRISIS_STREAM_GAZETTEER_CACHE_DIR"] == cache_dir


def test_worker_command_runs_the_streams_worker() -> None:
    assert _service("worker")["command"][:4] == ["python", "-m", "streams", "worker"]


def test_seeds_service_replays_a_seed_file_that_exists() -> None:
    command = _service("seeds")["command"]
    assert command[:4] == ["python", "-m", "streams", "replay"]
    paths = [arg for arg in command[4:] if not arg.startswith("-")]
    assert paths, "replay needs a file"
    for path in paths:
        assert (REPO / path).is_file(), path
        assert path.startswith("seeds/")
    assert _service("seeds")["depends_on"]["worker"]["condition"] == "service_healthy"


def test_worker_healthcheck_asks_the_health_endpoint_on_the_web_port(monkeypatch: pytest.MonkeyPatch) -> None:
    worker = _service("worker")
    settings = _settings_from(_environment(worker), monkeypatch)
    probe = " ".join(worker["healthcheck"]["test"])
    assert f":{settings.web_port}/health" in probe
