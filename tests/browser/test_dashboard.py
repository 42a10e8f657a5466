"""The operators' dashboard in real headless Chromium: it renders what the API answers, reacts
to the controls, shows evidence with the figure spans highlighted, and says clearly when the
worker is unreachable or has no data yet.

The page is compared with the API of the target it is served from (the fake server, or a
real worker when DASHBOARD_BASE_URL is set), so the same tests hold for both.
"""

from __future__ import annotations

import os
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

# Fixtures and the fake server live in this directory's conftest.py; its classes are reached
# through fixtures (``target``, ``fake_target``), never imported: "conftest" is not a unique
# module name across the test tree.
STATIC_DIR = Path(__file__).resolve().parents[2] / "streams" / "static"
SCREENSHOT_DIR = Path(os.environ.get("DASHBOARD_SCREENSHOT_DIR", "/tmp"))
UI_TIMEOUT_S = 15.0
TOP_LIMIT = 15  # rows dashboard.js shows
TOP_FETCH = 200  # what dashboard.js asks /api/tallies/top for, before keeping one level
METRICS = ("killed", "wounded", "displaced")

pytestmark = pytest.mark.browser


# ---------------------------------------------------------------- helpers


def _wait(browser: Any, condition: Any, message: str) -> Any:
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(browser, UI_TIMEOUT_S, poll_frequency=0.1).until(lambda d: condition(d), message)


def _open(browser: Any, url: str) -> None:
    browser.get(url)
    _wait(browser, lambda d: d.execute_script("return document.body.dataset.state") not in (None, "loading"),
          "the dashboard never finished its first poll")


def _expected_figure(r: dict[str, Any] | None) -> dict[str, Any]:
    """How a Range must read in a table cell: best, its range, and the vague mark."""
    if r is None:
        return {"best": "—", "range": "", "vague": False}
    best = f"{r['best']:,}"
    if r["max"] is not None and r["min"] == r["max"]:
        span = ""
    elif r["max"] is None:
        span = f"(≥{r['min']:,})"
    else:
        span = f"({r['min']:,}–{r['max']:,})"
    return {"best": best, "range": span, "vague": bool(r["vague"])}


_READ_ROWS = """
return [...document.querySelectorAll('#top-body tr[data-region]')].map(tr => {
  const cell = (sel) => tr.querySelector(sel);
  const figure = (m) => {
    const td = tr.querySelector('td.' + m);
    const best = td.querySelector('.figure__best');
    const range = td.querySelector('.figure__range');
    return {best: best ? best.textContent : td.textContent.trim(),
            range: range ? range.textContent.trim() : '',
            vague: !!td.querySelector('.vague-mark')};
  };
  return {region: tr.dataset.region, admin1: cell('td.admin1').textContent, country: cell('td.country').textContent,
          killed: figure('killed'), wounded: figure('wounded'), displaced: figure('displaced'),
          incidents: cell('td.incidents').textContent, reports: cell('td.reports').textContent};
});
"""


def _rows(browser: Any) -> list[dict[str, Any]]:
    return browser.execute_script(_READ_ROWS)


def _expected_rows(body: dict[str, Any], level: str = "region") -> list[dict[str, Any]]:
    """The rows the table must show: the API's ranking, kept to one level (admin1 regions or
    countries, whose code is the country's), cut to TOP_LIMIT."""
    def at_level(t: dict[str, Any]) -> bool:
        return level == "all" or (level == "country") == (t["region"] == t["country"])

    return [
        {"region": t["region"], "admin1": "(whole country)" if t["region"] == t["country"] else t["admin1"] or "—",
         "country": t["country"] or "—", **{m: _expected_figure(t[m]) for m in METRICS},
         "incidents": f"{t['incidents']:,}", "reports": f"{t['reports']:,}"}
        for t in body["regions"] if at_level(t)
    ][:TOP_LIMIT]


def _table_shows(browser: Any, window: str, metric: str) -> bool:
    table = browser.find_element("id", "top-table")
    return (table.get_attribute("data-window"), table.get_attribute("data-metric")) == (window, metric) and bool(
        _rows(browser))


def _evidence_of(browser: Any) -> list[dict[str, Any]]:
    return browser.execute_script("""
      return [...document.querySelectorAll('#detail-body .evidence__sentence')].map(q => ({
        sentence: q.textContent,
        marks: [...q.querySelectorAll('mark')].map(m => ({text: m.textContent, field: m.dataset.field}))}));
    """)


# ---------------------------------------------------------------- the tests


def test_top_regions_table_lists_regions_in_api_order_with_their_figures(browser: Any, target: Any) -> None:
    _open(browser, target.page())
    _wait(browser, lambda d: _table_shows(d, "7d", "killed"), "the 7-day table never rendered")
    body = target.api("/api/tallies/top", window="7d", metric="killed", limit=TOP_FETCH)
    assert body["regions"], "the target has no tallies to show"
    assert _rows(browser) == _expected_rows(body)
    if target.fake is not None:
        # Ties (17 and 17) fall back to the region code, as the worker sorts them.
        assert [r["region"] for r in _rows(browser)] == ["NG-PL", "SO-SH", "CD-SK", "NG-BE", "BF-12", "PK-KP", "BD-B"]
        by_region = {r["region"]: r for r in _rows(browser)}
        assert by_region["BF-12"]["killed"] == {"best": "12", "range": "(≥12)", "vague": True}
        assert by_region["PK-KP"]["killed"] == {"best": "11", "range": "(11–13)", "vague": False}
        assert by_region["BD-B"]["displaced"] == {"best": "800,000", "range": "(≥800,000)", "vague": False}
        assert by_region["NG-BE"]["killed"] == {"best": "17", "range": "", "vague": False}
    caption = browser.find_element("id", "top-caption").text
    assert "by killed" in caption and "7-day window" in caption


def test_the_ranked_metric_column_is_marked_as_sorted(browser: Any, target: Any) -> None:
    _open(browser, target.page(metric="wounded"))
    _wait(browser, lambda d: _table_shows(d, "7d", "wounded"), "the wounded ranking never rendered")
    sorted_headers = browser.find_elements("css selector", "#top-table th[aria-sort='descending']")
    assert [h.get_attribute("data-metric") for h in sorted_headers] == ["wounded"]
    assert _rows(browser) == _expected_rows(target.api("/api/tallies/top", window="7d", metric="wounded", limit=TOP_FETCH))


def test_switching_the_window_requeries_and_rerenders(browser: Any, target: Any) -> None:
    from selenium.webdriver.support.ui import Select

    _open(browser, target.page())
    _wait(browser, lambda d: _table_shows(d, "7d", "killed"), "the 7-day table never rendered")
    before = _rows(browser)
    Select(browser.find_element("id", "window")).select_by_value("30d")
    _wait(browser, lambda d: _table_shows(d, "30d", "killed"), "the 30-day table never rendered")
    expected = _expected_rows(target.api("/api/tallies/top", window="30d", metric="killed", limit=TOP_FETCH))
    _wait(browser, lambda d: _rows(d) == expected, "the table does not show the 30-day tallies")
    assert "window=30d" in browser.current_url, "the choice is kept in the URL, so it can be shared"
    assert "30-day window" in browser.find_element("id", "top-caption").text
    if target.fake is not None:
        assert target.fake.seen("/api/tallies/top", window="30d", metric="killed")
        assert _rows(browser) != before


def test_level_selector_separates_countries_from_admin1_regions(browser: Any, target: Any) -> None:
    from selenium.webdriver.support.ui import Select

    _open(browser, target.page())
    _wait(browser, lambda d: _table_shows(d, "7d", "killed"), "the 7-day table never rendered")
    body = target.api("/api/tallies/top", window="7d", metric="killed", limit=TOP_FETCH)
    assert all(r["region"] != r["country"] for r in _rows(browser)), "admin1 regions by default"
    Select(browser.find_element("id", "level")).select_by_value("country")
    _wait(browser, lambda d: d.find_element("id", "top-table").get_attribute("data-level") == "country",
          "the level never switched")
    _wait(browser, lambda d: _rows(d) == _expected_rows(body, "country"), "the table does not show the countries")
    assert "level=country" in browser.current_url
    if target.fake is not None:
        assert [r["region"] for r in _rows(browser)] == ["NG"]
        assert _rows(browser)[0]["admin1"] == "(whole country)"
        assert "countr" in browser.find_element("id", "top-caption").text


def test_switching_the_metric_reorders_the_table(browser: Any, target: Any) -> None:
    from selenium.webdriver.support.ui import Select

    _open(browser, target.page())
    _wait(browser, lambda d: _table_shows(d, "7d", "killed"), "the 7-day table never rendered")
    Select(browser.find_element("id", "metric")).select_by_value("displaced")
    _wait(browser, lambda d: _table_shows(d, "7d", "displaced"), "the displaced ranking never rendered")
    expected = _expected_rows(target.api("/api/tallies/top", window="7d", metric="displaced", limit=TOP_FETCH))
    _wait(browser, lambda d: _rows(d) == expected, "the table does not follow the displaced ranking")
    if target.fake is not None:
        assert [r["region"] for r in _rows(browser)][:3] == ["BD-B", "CD-SK", "PK-KP"]


def test_clicking_an_event_shows_its_evidence_with_the_figure_span_highlighted(
    browser: Any, target: Any
) -> None:
    events = target.api("/api/events/recent", limit=30)["events"]
    figures = [e for e in events if any(ev["field"] in METRICS for ev in e["evidence"])]
    assert figures, "the target has no event with figure evidence"
    event = figures[0]
    _open(browser, target.page())
    button = _wait(
        browser,
        lambda d: d.find_elements("css selector", f"li.event[data-event-id='{event['event_id']}'] button"),
        "the event is not listed",
    )[0]
    button.click()
    _wait(browser, lambda d: d.find_element("id", "detail-body").get_attribute("data-id") == event["event_id"],
          "the event's details never opened")
    shown = _evidence_of(browser)
    for evidence in event["evidence"]:
        quote = next((s for s in shown if s["sentence"] == evidence["sentence"]), None)
        assert quote is not None, f"sentence not shown: {evidence['sentence']!r}"
        assert {"text": evidence["text"], "field": evidence["field"]} in quote["marks"]
    li = browser.find_element("css selector", f"li.event[data-event-id='{event['event_id']}']")
    assert "is-selected" in li.get_attribute("class")


def test_clicking_a_region_and_then_an_incident_shows_the_incident_evidence(
    browser: Any, target: Any
) -> None:
    _open(browser, target.page())
    _wait(browser, lambda d: _table_shows(d, "7d", "killed"), "the 7-day table never rendered")
    region = _rows(browser)[0]["region"]
    browser.find_element("css selector", f"#top-body tr[data-region='{region}'] th.region button").click()
    _wait(browser, lambda d: d.find_element("id", "detail-body").get_attribute("data-id") == region,
          "the region's details never opened")
    incidents = target.api("/api/incidents", region=region, limit=20)["incidents"]
    assert incidents, f"the target has no incident in {region}"
    history = browser.find_elements("css selector", "#detail-body table tbody tr")
    assert len(history) == len(target.api("/api/tallies", region=region, window="7d")["tallies"][-10:])
    incident_id = incidents[0]["incident_id"]
    browser.find_element("css selector", f"#detail-body li[data-incident-id='{incident_id}'] button").click()
    _wait(browser, lambda d: d.find_element("id", "detail-body").get_attribute("data-id") == incident_id,
          "the incident's details never opened")
    incident = target.api(f"/api/incidents/{incident_id}")
    marks = [m for quote in _evidence_of(browser) for m in quote["marks"]]
    evidence = incident["evidence"] or [e for r in incident["reports"] for e in r["evidence"]]
    assert {"text": evidence[0]["text"], "field": evidence[0]["field"]} in marks
    reports = browser.find_elements("css selector", "#detail-body li.report")
    assert [r.get_attribute("data-event-id") for r in reports] == [r["event_id"] for r in incident["reports"]]
    browser.save_screenshot(str(SCREENSHOT_DIR / "crisis-stream-dashboard-incident.png"))
    browser.find_element("css selector", "#detail-body button.back").click()
    _wait(browser, lambda d: d.find_element("id", "detail-body").get_attribute("data-id") == region,
          "the back button does not return to the region")


def test_worker_unreachable_state_appears_when_the_api_fails(
    browser: Any, target: Any, closed_port_url: str
) -> None:
    _open(browser, target.page(api=closed_port_url))
    banner = browser.find_element("id", "error-banner")
    assert banner.is_displayed()
    assert "Worker unreachable" in banner.text
    assert browser.find_element("id", "health").get_attribute("data-state") == "unreachable"
    assert browser.find_element("id", "health-text").text == "Worker unreachable"
    assert "No figures have been received yet" in banner.text
    assert "Worker unreachable" in browser.find_element("id", "top-body").text, "not a misleading 'waiting'"


def test_failures_mid_session_mark_the_figures_stale_and_recovery_clears_it(browser: Any, fake_target: Any) -> None:
    target, fake_api = fake_target, fake_target.fake
    _open(browser, target.page())
    _wait(browser, lambda d: _table_shows(d, "7d", "killed"), "the 7-day table never rendered")
    rows = _rows(browser)
    fake_api.mode = "down"
    _wait(browser, lambda d: d.find_element("id", "error-banner").is_displayed(), "no error banner after failures")
    assert browser.find_element("id", "last-update").get_attribute("data-state") == "stale"
    assert _rows(browser) == rows, "the last good figures stay visible while the worker is away"
    banner = browser.find_element("id", "error-banner").text
    assert "partitions are not assigned yet" in banner
    assert "from the last successful update" in banner
    fake_api.mode = "ok"
    _wait(browser, lambda d: not d.find_element("id", "error-banner").is_displayed(), "the banner never cleared")
    assert browser.find_element("id", "last-update").get_attribute("data-state") == "fresh"
    assert browser.find_element("id", "health").get_attribute("data-state") == "ok"


def test_waiting_for_data_state_before_any_article_is_processed(browser: Any, fake_target: Any) -> None:
    fake_target.fake.mode = "empty"
    _open(browser, fake_target.page())
    _wait(browser, lambda d: "Waiting for data" in d.find_element("id", "top-body").text, "no waiting state")
    assert "Waiting for data" in browser.find_element("id", "events-list").text
    assert browser.find_element("id", "health").get_attribute("data-state") == "starting"
    assert "loading the gazetteer" in browser.find_element("id", "health-text").text
    assert not browser.find_element("id", "error-banner").is_displayed()


def test_untrusted_text_from_articles_is_shown_as_text_never_as_html(browser: Any, fake_target: Any) -> None:
    _open(browser, fake_target.page())
    button = _wait(browser, lambda d: d.find_elements("css selector", "li.event[data-event-id='ev-hostile'] button"),
                   "the hostile event is not listed")[0]
    assert "<img src=x onerror=alert(1)>" in button.text
    button.click()
    _wait(browser, lambda d: d.find_element("id", "detail-body").get_attribute("data-id") == "ev-hostile",
          "the event's details never opened")
    detail = browser.find_element("id", "detail-body")
    assert "<script>alert('x')</script>" in detail.text
    assert browser.find_elements("css selector", "#events-list img, #detail-body img, #detail-body script, #detail-body b") == []
    assert browser.execute_script("return document.title").startswith("crisis-stream")


def test_controls_and_tables_are_labelled_for_assistive_technology(browser: Any, target: Any) -> None:
    _open(browser, target.page())
    for control in browser.find_elements("css selector", "#controls select, #controls input"):
        labels = browser.find_elements("css selector", f"label[for='{control.get_attribute('id')}']")
        assert labels and labels[0].text.strip(), f"{control.get_attribute('id')} has no label"
    assert browser.find_element("css selector", "#top-table caption").text
    headers = browser.find_elements("css selector", "#top-table thead th")
    assert headers and all(h.get_attribute("scope") == "col" for h in headers)
    assert browser.find_element("id", "error-banner").get_attribute("role") == "alert"
    assert browser.find_element("css selector", "html").get_attribute("lang") == "en"


def test_screenshot_of_the_dashboard_with_an_event_open(browser: Any, target: Any) -> None:
    _open(browser, target.page())
    _wait(browser, lambda d: _table_shows(d, "7d", "killed"), "the 7-day table never rendered")
    buttons = _wait(browser, lambda d: d.find_elements("css selector", "li.event button"), "no events listed")
    buttons[-1].click()
    _wait(browser, lambda d: d.find_elements("css selector", "#detail-body mark"), "no highlighted evidence")
    for name, scroll in (("crisis-stream-dashboard.png", "window.scrollTo(0, 0)"),
                         ("crisis-stream-dashboard-evidence.png", "document.getElementById('detail').scrollIntoView()")):
        browser.execute_script(scroll)
        path = SCREENSHOT_DIR / name
        assert browser.save_screenshot(str(path))
        assert path.stat().st_size > 20_000, f"{path} looks blank"


def test_screenshot_of_the_unreachable_state(browser: Any, target: Any, closed_port_url: str) -> None:
    _open(browser, target.page(api=closed_port_url))
    path = SCREENSHOT_DIR / "crisis-stream-dashboard-unreachable.png"
    assert browser.save_screenshot(str(path))
    assert path.stat().st_size > 10_000, f"{path} looks blank"


# ---------------------------------------------------------------- static checks (no browser needed)


class _Resources(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag in ("script", "img", "iframe", "source") and a.get("src"):
            self.urls.append(a["src"] or "")
        if tag == "link" and a.get("href"):
            self.urls.append(a["href"] or "")


def _static_text(name: str) -> str:
    return (STATIC_DIR / name).read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["dashboard.html", "dashboard.js", "dashboard.css"])
def test_dashboard_loads_nothing_from_outside_the_worker(name: str) -> None:
    text = _static_text(name)
    assert not re.search(r"(?:https?:)?//(?!news\.example)[a-z0-9.-]+\.[a-z]{2,}/", text.replace("http://127.0.0.1", "")), (
        f"{name} refers to an external host; the dashboard must work offline")
    assert "@import" not in text and "fonts.googleapis" not in text


def test_dashboard_html_refers_only_to_files_served_under_static() -> None:
    parser = _Resources()
    parser.feed(_static_text("dashboard.html"))
    assert sorted(parser.urls) == ["/static/dashboard.css", "/static/dashboard.js"]
    for url in parser.urls:
        assert (STATIC_DIR / Path(url).name).is_file()


def test_dashboard_js_never_inserts_api_text_as_html() -> None:
    js = _static_text("dashboard.js")
    assert not re.search(r"\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write", js)
