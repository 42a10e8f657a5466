"""Browser-test fixtures: real headless Chromium (Debian's ``chromium`` and ``chromium-driver``)
and a small fake of the worker's HTTP API that serves the dashboard from ``streams/static``.

The tests talk to a *target*: by default the fake server (canned JSON built from the
``schemas`` models); with ``DASHBOARD_BASE_URL=http://127.0.0.1:6066`` they run against a
real worker instead, comparing the page with what that worker's API answers. Tests that need
to control the data (empty state, failures, untrusted text) use ``fake_api`` directly.

Chromium missing is a failure, not a skip: CI installs it (scripts/install_chromium.sh).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import socket
import threading
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from schemas import (
    EventDate,
    EventRecord,
    EventType,
    Evidence,
    FigureKind,
    Incident,
    Location,
    LocationPrecision,
    Range,
    RegionTally,
)

REPO = Path(__file__).resolve().parents[2]
STATIC_DIR = REPO / "streams" / "static"
CHROMIUM = Path(os.environ.get("CHROMIUM_BIN", "/usr/bin/chromium"))
CHROMEDRIVER = Path(os.environ.get("CHROMEDRIVER_BIN", "/usr/bin/chromedriver"))
#: Point the browser tests at a running worker instead of the fake server.
BASE_URL_ENV = "DASHBOARD_BASE_URL"
#: Fast polling in tests, so re-renders show up within a second.
TEST_POLL_MS = 400
#: Bounded waits for anything the page does.
UI_TIMEOUT_S = 15.0
WINDOW_SIZE = (1400, 1000)
#: the live worker processes the replayed seeds within this bound.
LIVE_PROCESSING_TIMEOUT_S = 180.0

_CONTENT_TYPES = {".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8",
                  ".css": "text/css; charset=utf-8"}


# ---------------------------------------------------------------- canned data (schemas models)

AS_OF = dt.date(2025, 3, 30)
#: The windows containing AS_OF, as streams.tallies.window_for computes them.
WINDOWS = {
    "day": (dt.date(2025, 3, 30), dt.date(2025, 3, 31)),
    "7d": (dt.date(2025, 3, 24), dt.date(2025, 3, 31)),
    "30d": (dt.date(2025, 3, 13), dt.date(2025, 4, 12)),
}
UPDATED_AT = dt.datetime(2025, 3, 31, 6, 0, tzinfo=dt.UTC)
NONE = Range.exact(0)


def _vague(n: int, text: str) -> Range:
    return Range(min=n, max=None, best=n, text=text, vague=True)


def _at_least(n: int) -> Range:
    return Range(min=n, max=None, best=n, text=f"at least {n}", vague=False)


def _tally(region: str, country: str, admin1: str | None, window: str, killed: Range, wounded: Range = NONE,
           displaced: Range = NONE, incidents: int = 1, reports: int = 1) -> dict[str, Any]:
    start, end = WINDOWS[window]
    return RegionTally(region=region, country=country, admin1=admin1, window=window,  # type: ignore[arg-type]
                       window_start=start, window_end=end, killed=killed, wounded=wounded,
                       displaced=displaced, incidents=incidents, reports=reports, revision=incidents + reports,
                       updated_at=UPDATED_AT).model_dump(mode="json")


def _evidence(field_: str, sentence: str, phrase: str, sentence_start: int) -> Evidence:
    at = sentence.index(phrase)
    return Evidence(field=field_, text=phrase, start=sentence_start + at, end=sentence_start + at + len(phrase),  # type: ignore[arg-type]
                    sentence=sentence, sentence_start=sentence_start)


PLATEAU_FIRST = "Dozens of people were killed when gunmen attacked villages in the Bokkos area on Sunday, local leaders said."
PLATEAU_UPDATE = "The death toll from Sunday's attacks on villages in the Bokkos area has risen to 52, with 34 people wounded."
SHABELLE = "Five soldiers were killed and eight wounded in the fighting near Afgoye, an officer said."
UVIRA = "Floods killed at least 17 people and left some 4,500 people homeless in Uvira on Wednesday."
HOSTILE = "Witnesses said <b>bold</b> claims & <script>alert('x')</script> circulated after two people died."


def _event(event_id: str, article_id: str, source: str, etype: EventType, place: str, country: str,
           admin1: str, code: str, day: dt.date, published: dt.datetime, evidence: list[Evidence],
           kind: FigureKind = FigureKind.FIRST_REPORT, **figures: Range) -> EventRecord:
    return EventRecord(
        event_id=event_id, article_id=article_id, source=source,
        url=f"https://news.example/{article_id}", published_at=published, event_type=etype,
        location=Location(name=place, country=country, admin1=admin1, admin1_code=code,
                          precision=LocationPrecision.PLACE),
        occurred_on=EventDate(date=day, precision="day", text="on Sunday"),
        figure_kind=kind, evidence=evidence, confidence=0.8, extractor_version="test", **figures)


def canned_events() -> list[EventRecord]:
    """Recent events, newest first (as /api/events/recent answers)."""
    t = dt.datetime
    return [
        _event("ev-shabelle", "art-shabelle", "Horn Dispatch", EventType.ARMED_CLASH, "Afgoye", "SO",
               "Lower Shabelle", "SO-SH", dt.date(2025, 3, 30), t(2025, 3, 31, 5, tzinfo=dt.UTC),
               [_evidence("killed", SHABELLE, "Five soldiers were killed", 0),
                _evidence("wounded", SHABELLE, "eight wounded", 0)],
               killed=Range.exact(5, "Five soldiers"), wounded=Range.exact(8, "eight")),
        _event("ev-hostile", "art-hostile", "Test <i>Wire</i>", EventType.OTHER, "<img src=x onerror=alert(1)>",
               "SO", "Lower Shabelle", "SO-SH", dt.date(2025, 3, 29), t(2025, 3, 30, 9, tzinfo=dt.UTC),
               [_evidence("killed", HOSTILE, "two people died", 500)], killed=Range.exact(2, "two")),
        _event("ev-uvira", "art-uvira", "Great Lakes Monitor", EventType.FLOOD, "Uvira", "CD", "South Kivu",
               "CD-SK", dt.date(2025, 3, 26), t(2025, 3, 27, 7, tzinfo=dt.UTC),
               [_evidence("killed", UVIRA, "at least 17 people", 120),
                _evidence("displaced", UVIRA, "some 4,500 people", 120)],
               killed=_at_least(17), displaced=Range.exact(4500, "some 4,500")),
        _event("ev-plateau-2", "art-plateau-2", "Jos Herald", EventType.ATTACK_ON_CIVILIANS, "Bokkos", "NG",
               "Plateau", "NG-PL", dt.date(2025, 3, 23), t(2025, 3, 25, 11, tzinfo=dt.UTC),
               [_evidence("killed", PLATEAU_UPDATE, "has risen to 52", 0),
                _evidence("wounded", PLATEAU_UPDATE, "34 people wounded", 0)],
               kind=FigureKind.UPDATE, killed=Range.exact(52), wounded=Range.exact(34)),
        _event("ev-plateau-1", "art-plateau-1", "Jos Herald", EventType.ATTACK_ON_CIVILIANS, "Bokkos", "NG",
               "Plateau", "NG-PL", dt.date(2025, 3, 23), t(2025, 3, 24, 7, tzinfo=dt.UTC),
               [_evidence("killed", PLATEAU_FIRST, "Dozens of people were killed", 40)],
               killed=_vague(12, "Dozens")),
    ]


def canned_incidents() -> dict[str, dict[str, Any]]:
    """Incident JSON plus its reports, by incident id (``<region>~<suffix>`` like the worker's)."""
    events = {e.event_id: e for e in canned_events()}
    first, update = events["ev-plateau-1"], events["ev-plateau-2"]
    plateau = Incident(
        incident_id="NG-PL~2025-03-23~bokkos", region="NG-PL", country="NG",
        event_type=EventType.ATTACK_ON_CIVILIANS, occurred_on=dt.date(2025, 3, 23), location=update.location,
        killed=update.killed, wounded=update.wounded, report_ids=[first.event_id, update.event_id],
        article_ids=[first.article_id, update.article_id], sources=["Jos Herald"],
        evidence=list(update.evidence), first_seen=first.published_at, last_seen=update.published_at,
        revision=2)  # type: ignore[arg-type]
    shabelle_event = events["ev-shabelle"]
    shabelle = Incident(
        incident_id="SO-SH~2025-03-30~afgoye", region="SO-SH", country="SO", event_type=EventType.ARMED_CLASH,
        occurred_on=dt.date(2025, 3, 30), location=shabelle_event.location, killed=_at_least(25),
        wounded=Range.exact(8), report_ids=[shabelle_event.event_id], article_ids=[shabelle_event.article_id],
        sources=["Horn Dispatch"], evidence=list(shabelle_event.evidence),
        first_seen=shabelle_event.published_at, last_seen=shabelle_event.published_at)  # type: ignore[arg-type]
    return {
        plateau.incident_id: {**plateau.model_dump(mode="json"),
                              "reports": [first.model_dump(mode="json"), update.model_dump(mode="json")]},
        shabelle.incident_id: {**shabelle.model_dump(mode="json"), "reports": [shabelle_event.model_dump(mode="json")]},
    }


def canned_tallies() -> dict[str, list[dict[str, Any]]]:
    """Every region's tally of the window containing AS_OF, per window kind (unsorted)."""
    return {
        "day": [
            _tally("SO-SH", "SO", "Lower Shabelle", "day", _at_least(25), Range.exact(8)),
        ],
        "7d": [
            _tally("NG-PL", "NG", "Plateau", "7d", Range.exact(52), Range.exact(34), incidents=1, reports=2),
            _tally("SO-SH", "SO", "Lower Shabelle", "7d", _at_least(25), Range.exact(8)),
            _tally("NG-BE", "NG", "Benue", "7d", Range.exact(17), displaced=Range.exact(2000)),
            _tally("CD-SK", "CD", "South Kivu", "7d", _at_least(17), Range.exact(11), Range.exact(4500)),
            _tally("BF-12", "BF", "Sahel", "7d", _vague(12, "Dozens")),
            _tally("PK-KP", "PK", "Khyber Pakhtunkhwa", "7d", Range(min=11, max=13, best=11), Range.exact(14),
                   Range.exact(3000)),
            _tally("BD-B", "BD", "Chattogram", "7d", Range.exact(7), displaced=_at_least(800000)),
            # A country-wide scope (the sum over Nigeria's regions), as the worker also tallies.
            _tally("NG", "NG", None, "7d", Range.exact(69), Range.exact(34), Range.exact(2000), incidents=2, reports=3),
        ],
        "30d": [
            _tally("NG-PL", "NG", "Plateau", "30d", Range.exact(52), Range.exact(34), incidents=1, reports=2),
            _tally("IQ-BG", "IQ", "Baghdad", "30d", Range.exact(41), Range.exact(75), incidents=2, reports=3),
            _tally("NG-BO", "NG", "Borno", "30d", _at_least(30), displaced=_vague(100, "Hundreds")),
            _tally("SO-SH", "SO", "Lower Shabelle", "30d", _at_least(25), Range.exact(8)),
            _tally("TR-31", "TR", "Hatay", "30d", Range.exact(3), Range.exact(140), incidents=1, reports=2),
            _tally("NG", "NG", None, "30d", _at_least(82), Range.exact(34), _vague(100, "Hundreds"), incidents=2, reports=3),
        ],
    }


def region_history(region: str, window: str) -> list[dict[str, Any]]:
    """A region's tallies over several windows, oldest first (as /api/tallies answers)."""
    current = [t for t in canned_tallies()[window] if t["region"] == region]
    if not current:
        return []
    older = dict(current[0])
    span = (dt.date.fromisoformat(older["window_end"]) - dt.date.fromisoformat(older["window_start"])).days
    start = dt.date.fromisoformat(older["window_start"]) - dt.timedelta(days=span)
    older.update(window_start=start.isoformat(), window_end=(start + dt.timedelta(days=span)).isoformat(),
                 killed=Range.exact(3).model_dump(mode="json"), wounded=NONE.model_dump(mode="json"),
                 displaced=NONE.model_dump(mode="json"), incidents=1, reports=1)
    return [older, *current]


# ---------------------------------------------------------------- the fake server


@dataclass
class FakeApi:
    """The worker's HTTP API as canned JSON; ``mode`` switches failures on and off."""

    base_url: str = ""
    mode: str = "ok"  # "ok" | "down" (every API answer is a 503) | "empty" (nothing processed yet)
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def reset(self) -> None:
        with self.lock:
            self.mode = "ok"
            self.requests.clear()

    def seen(self, path: str, **query: str) -> bool:
        with self.lock:
            return any(p == path and all(q.get(k) == v for k, v in query.items()) for p, q in self.requests)

    # -- routing
    def answer(self, path: str, query: dict[str, str]) -> tuple[int, str, bytes]:
        if path == "/dashboard":
            return self._static("dashboard.html")
        if path.startswith("/static/"):
            return self._static(path.removeprefix("/static/"))
        with self.lock:
            self.requests.append((path, query))
            mode = self.mode
        if mode == "down":
            return _json(503, {"error": "partitions are not assigned yet"})
        empty = mode == "empty"
        if path == "/health":
            return _json(200, {"status": "ok", "app": "crisis-stream", "worker": "127.0.0.1:6066",
                               "assigned_partitions": 0 if empty else 4,
                               "extractor": "loading" if empty else "ready"})
        if path == "/api/tallies/top":
            return self._top(query, empty)
        if path == "/api/events/recent":
            limit = int(query.get("limit", "50"))
            events = [] if empty else [e.model_dump(mode="json") for e in canned_events()]
            return _json(200, {"events": events[:limit]})
        if path == "/api/tallies":
            region, window = query.get("region", ""), query.get("window", "")
            if window not in WINDOWS:
                return _json(400, {"error": "window must be one of day, 7d, 30d"})
            history = region_history(region, window)
            if not history and not any(t["region"] == region for ts in canned_tallies().values() for t in ts):
                return _json(404, {"error": f"unknown region {region!r}"})
            return _json(200, {"region": region, "window": window, "tallies": history})
        if path == "/api/incidents":
            region = query.get("region", "")
            found = [{k: v for k, v in inc.items() if k != "reports"} for inc in canned_incidents().values()
                     if inc["region"] == region]
            return _json(200, {"incidents": found})
        if path.startswith("/api/incidents/"):
            incident_id = urllib.parse.unquote(path.removeprefix("/api/incidents/"))
            incident = canned_incidents().get(incident_id)
            if incident is None:
                return _json(404, {"error": f"unknown incident {incident_id!r}"})
            return _json(200, incident)
        if path == "/api/regions":
            regions = {t["region"]: {"region": t["region"], "country": t["country"], "admin1": t["admin1"]}
                       for ts in canned_tallies().values() for t in ts}
            return _json(200, {"regions": [regions[k] for k in sorted(regions)]})
        return _json(404, {"error": f"no route {path}"})

    def _top(self, query: dict[str, str], empty: bool) -> tuple[int, str, bytes]:
        window, metric = query.get("window", "7d"), query.get("metric", "killed")
        if window not in WINDOWS or metric not in ("killed", "wounded", "displaced"):
            return _json(400, {"error": "bad window or metric"})
        if empty:
            return _json(200, {"window": window, "metric": metric, "as_of": None, "regions": []})
        limit = int(query.get("limit", "10"))
        regions = sorted(canned_tallies()[window], key=lambda t: (-t[metric]["best"], t["region"]))
        return _json(200, {"window": window, "metric": metric, "as_of": query.get("as_of") or AS_OF.isoformat(),
                           "regions": regions[:limit]})

    @staticmethod
    def _static(name: str) -> tuple[int, str, bytes]:
        path = (STATIC_DIR / name).resolve()
        if path.parent != STATIC_DIR or not path.is_file():
            return _json(404, {"error": f"no static file {name!r}"})
        return 200, _CONTENT_TYPES.get(path.suffix, "application/octet-stream"), path.read_bytes()


def _json(status: int, body: Any) -> tuple[int, str, bytes]:
    return status, "application/json", json.dumps(body).encode()


def _handler_for(api: FakeApi) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
            url = urllib.parse.urlsplit(self.path)
            query = dict(urllib.parse.parse_qsl(url.query))
            status, content_type, body = api.answer(url.path, query)
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (signature of the base)
            pass  # keep test output quiet

    return Handler


@pytest.fixture(scope="session")
def fake_api_server() -> Iterator[FakeApi]:
    api = FakeApi()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(api))
    server.daemon_threads = True
    api.base_url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, name="fake-api", daemon=True)
    thread.start()
    try:
        yield api
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def fake_api(fake_api_server: FakeApi) -> FakeApi:
    """The fake API, back in its normal state for each test."""
    fake_api_server.reset()
    return fake_api_server


# ---------------------------------------------------------------- the target


@dataclass
class DashboardTarget:
    """Where the dashboard under test is served, and its API (the oracle for the page)."""

    base_url: str
    fake: FakeApi | None

    def page(self, **query: str) -> str:
        query.setdefault("poll", str(TEST_POLL_MS))
        return f"{self.base_url}/dashboard?{urllib.parse.urlencode(query)}"

    def api(self, path: str, **query: Any) -> Any:
        url = f"{self.base_url}{path}"
        if query:
            url += "?" + urllib.parse.urlencode({k: v for k, v in query.items() if v not in (None, "")})
        with urllib.request.urlopen(url, timeout=UI_TIMEOUT_S) as response:  # noqa: S310 (loopback test URL)
            return json.loads(response.read())


@pytest.fixture(scope="session")
def live_worker_url(kafka_bootstrap: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real worker on the real broker with ``seeds/articles.jsonl`` replayed and processed:
    the dashboard as operators see it after ``make run``."""
    from tests.integration.worker_harness import replay_file, running_worker, unique_prefix, wait_processed

    prefix = unique_prefix("dashboard-live")
    base = tmp_path_factory.mktemp(prefix)
    with running_worker(kafka_bootstrap, base, prefix, partitions=2) as worker:
        replay_file(kafka_bootstrap, worker.env, REPO / "seeds" / "articles.jsonl")
        wait_processed(kafka_bootstrap, worker.env, LIVE_PROCESSING_TIMEOUT_S)
        yield worker.url


@pytest.fixture(params=["fake", "live"])
def target(request: pytest.FixtureRequest) -> DashboardTarget:
    """The fake API (canned data the tests know) and a live worker fed the seeds (the page
    compared with what the worker's own API answers). ``DASHBOARD_BASE_URL`` replaces the
    live worker with one you run yourself."""
    if request.param == "live":
        external = os.environ.get(BASE_URL_ENV)
        if external:
            if not re.fullmatch(r"https?://[^/]+", external.rstrip("/")):
                pytest.fail(f"{BASE_URL_ENV} must be a base URL like http://127.0.0.1:6066, not {external!r}")
            return DashboardTarget(base_url=external.rstrip("/"), fake=None)
        return DashboardTarget(base_url=request.getfixturevalue("live_worker_url"), fake=None)
    fake = request.getfixturevalue("fake_api")
    return DashboardTarget(base_url=fake.base_url, fake=fake)


@pytest.fixture
def fake_target(fake_api: FakeApi) -> DashboardTarget:
    """The fake server as a target, for tests that control the data whatever the target is."""
    return DashboardTarget(base_url=fake_api.base_url, fake=fake_api)


@pytest.fixture
def closed_port_url() -> str:
    """A loopback URL where nothing listens (the port is bound, then released)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}"


# ---------------------------------------------------------------- the browser


@pytest.fixture(scope="session")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """One headless Chromium for the session (each test loads the page afresh)."""
    missing = [str(p) for p in (CHROMIUM, CHROMEDRIVER) if not p.is_file()]
    if missing:
        pytest.fail(
            f"headless Chromium is required for the browser tests but {', '.join(missing)} is missing: "
            "run scripts/install_chromium.sh (Debian packages chromium and chromium-driver)",
            pytrace=False,
        )
    # Never let selenium-manager look for or download a driver: the path is given explicitly.
    os.environ["SE_OFFLINE"] = "true"
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--lang=en-US", "--force-prefers-reduced-motion",
                f"--window-size={WINDOW_SIZE[0]},{WINDOW_SIZE[1]}",
                f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(UI_TIMEOUT_S)
    try:
        yield driver
    finally:
        driver.quit()
