"""The seed articles are valid input, the malformed ones fail for their stated reason, and
the hand-computed expectations agree with the articles they describe."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from schemas import Article, EventType, json_codec

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
ARTICLES = SEEDS / "articles.jsonl"
MALFORMED = SEEDS / "malformed.jsonl"
MALFORMED_EXPECTED = SEEDS / "malformed.expected.json"
EXPECTED = SEEDS / "expected.json"
METRICS = ("killed", "wounded", "displaced")
#: The newsroom mix the seeds promise (ISO 3166-1 codes of incidents' countries).
#: Number words the seeds spell out instead of digits.
NUMBER_WORDS = {10: "ten", 11: "eleven", 12: "twelve", 13: "thirteen", 14: "fourteen", 15: "fifteen",
                16: "sixteen", 17: "seventeen", 18: "eighteen", 19: "nineteen", 20: "twenty", 31: "thirty-one"}
PROMISED_COUNTRIES = {"SY", "IQ", "YE", "AF", "NG", "SO", "CD", "SD", "UA", "MM", "PK", "ML", "BF", "PH", "TR", "BD"}


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def _articles() -> list[Article]:
    return [Article.model_validate_json(line) for line in _lines(ARTICLES)]


def _expected() -> dict[str, Any]:
    return json.loads(EXPECTED.read_text(encoding="utf-8"))


def _malformed_cases() -> list[Any]:
    lines = _lines(MALFORMED)
    meta = json.loads(MALFORMED_EXPECTED.read_text(encoding="utf-8"))["lines"]
    assert [m["line"] for m in meta] == list(range(1, len(lines) + 1)), "one description per malformed line"
    return [pytest.param(lines[m["line"] - 1], m, id=f"line{m['line']}-{m['error_type']}") for m in meta]


@pytest.mark.parametrize("number,line", list(enumerate(_lines(ARTICLES), 1)))
def test_every_seed_line_is_a_valid_article(number: int, line: str) -> None:
    article = Article.model_validate_json(line)
    assert article.language == "en"
    assert article.published_at.utcoffset() is not None, f"line {number}: published_at must carry a time zone"
    assert article.url and article.url.startswith("https://"), f"line {number}: url"


def test_there_are_at_least_forty_seed_articles_with_unique_ids() -> None:
    ids = [a.id for a in _articles()]
    assert len(ids) >= 40
    duplicates = [i for i, n in Counter(ids).items() if n > 1]
    assert duplicates == []


def test_seed_articles_are_in_publication_order() -> None:
    times = [a.published_at for a in _articles()]
    assert times == sorted(times)


def test_received_at_when_present_is_not_before_publication() -> None:
    late = [a.id for a in _articles() if a.received_at is not None and a.received_at < a.published_at]
    assert late == []


def test_seed_articles_decode_through_the_project_json_codec() -> None:
    """The worker decodes with ``schemas.json_codec``; the seeds must survive the same path."""
    raw = ARTICLES.read_bytes().splitlines()
    assert [Article.model_validate(json_codec.loads(b)).id for b in raw] == [a.id for a in _articles()]


@pytest.mark.parametrize("line,meta", _malformed_cases())
def test_every_malformed_line_fails_for_its_stated_reason(line: str, meta: dict[str, Any]) -> None:
    try:
        decoded = json_codec.loads(line.encode("utf-8"))
    except ValueError:
        assert meta["dead_letter_reason"] == "invalid_json", meta["why"]
        return
    assert meta["dead_letter_reason"] == "invalid_article", f"{meta['why']}: the line is valid JSON"
    with pytest.raises(ValidationError) as caught:
        Article.model_validate(decoded)
    first = caught.value.errors()[0]
    assert first["type"] == meta["error_type"], meta["why"]
    loc = ".".join(str(p) for p in first["loc"]) or None
    assert loc == meta["error_loc"], meta["why"]
    assert str(caught.value), "the error must say something readable"


def test_malformed_lines_cover_both_dead_letter_reasons() -> None:
    meta = json.loads(MALFORMED_EXPECTED.read_text(encoding="utf-8"))["lines"]
    assert {m["dead_letter_reason"] for m in meta} == {"invalid_json", "invalid_article"}
    assert {"missing", "timezone_aware", "string_too_short", "model_type"} <= {m["error_type"] for m in meta}


def test_expected_incidents_reference_existing_articles() -> None:
    ids = {a.id for a in _articles()}
    expected = _expected()
    referenced = [a for inc in expected["incidents"] for a in inc["article_ids"]]
    referenced += [n["article_id"] for n in expected["non_events"]]
    assert [a for a in referenced if a not in ids] == []


def test_every_seed_article_is_either_an_incident_report_or_a_non_event() -> None:
    expected = _expected()
    with_incident = {a for inc in expected["incidents"] for a in inc["article_ids"]}
    non_events = {n["article_id"] for n in expected["non_events"]}
    assert with_incident.isdisjoint(non_events)
    assert with_incident | non_events == {a.id for a in _articles()}


def test_expected_incidents_use_the_taxonomy_and_iso_region_codes() -> None:
    for inc in _expected()["incidents"]:
        assert EventType(inc["event_type"]), inc["key"]
        assert inc["region"].startswith(inc["country"] + "-"), inc["key"]
        dt.date.fromisoformat(inc["event_date"])
        assert set(inc["vague"]) <= {*METRICS, "displaced_households"}, inc["key"]


def test_incidents_happen_on_or_before_their_first_publication_day() -> None:
    published = {a.id: a.published_at.date() for a in _articles()}
    for inc in _expected()["incidents"]:
        first = min(published[a] for a in inc["article_ids"])
        happened = dt.date.fromisoformat(inc["event_date"])
        assert dt.timedelta(0) <= first - happened <= dt.timedelta(days=3), inc["key"]


def test_seeds_span_the_promised_countries_and_kinds_of_event() -> None:
    incidents = _expected()["incidents"]
    assert PROMISED_COUNTRIES <= {inc["country"] for inc in incidents}
    kinds = {inc["event_type"] for inc in incidents}
    assert {"bombing", "suicide_attack", "airstrike", "shelling", "armed_clash", "attack_on_civilians",
            "abduction", "flood", "earthquake", "storm", "landslide", "displacement"} <= kinds


def test_seeds_include_one_incident_told_by_three_outlets_and_toll_updates() -> None:
    articles = {a.id: a for a in _articles()}
    incidents = _expected()["incidents"]
    multi_source = [inc for inc in incidents if len({articles[a].source for a in inc["article_ids"]}) >= 3]
    assert multi_source, "one incident must be reported by three different outlets"
    updates = [inc for inc in incidents
               if any("rise" in articles[a].title.lower() for a in inc["article_ids"]) and len(inc["article_ids"]) > 1]
    assert len(updates) >= 2, "two incidents must have a 'death toll rises' follow-up"


def test_expected_figures_appear_in_the_articles_they_come_from() -> None:
    """Every exact figure of 10 or more is written somewhere in the incident's articles (as
    digits or a number word), unless the note explains it as a sum of parts."""
    articles = {a.id: a for a in _articles()}
    for inc in _expected()["incidents"]:
        text = " ".join(articles[a].title + " " + articles[a].body for a in inc["article_ids"]).lower()
        for metric in METRICS:
            value = inc[metric]
            if value is None or value < 10 or metric in inc["vague"]:
                continue
            written = {f"{value:,}", str(value), NUMBER_WORDS.get(value, str(value))}
            summed = f"-> {value}" in inc["note"] and "+" in inc["note"]
            assert summed or any(w in text for w in written), f"{inc['key']}: {metric} {value}"


def test_tallies_by_region_day_are_the_sums_of_the_expected_incidents() -> None:
    expected = _expected()
    sums: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys((*METRICS, "incidents", "reports"), 0))
    for inc in expected["incidents"]:
        day = sums[f"{inc['region']}|{inc['event_date']}"]
        for metric in METRICS:
            day[metric] += inc[metric] or 0
        day["incidents"] += 1
        day["reports"] += inc["reports"]
    assert dict(sums) == expected["tallies_by_region_day"]


def test_reports_count_one_event_record_per_incident_per_article() -> None:
    for inc in _expected()["incidents"]:
        assert inc["reports"] == len(inc["article_ids"]), inc["key"]


def test_per_article_expectations_cover_every_article_and_incident_report() -> None:
    expected = _expected()
    by_article = expected["articles"]["events_by_article"]
    assert set(by_article) == {a.id for a in _articles()}
    reports = Counter(e["incident"] for events in by_article.values() for e in events)
    assert reports == {inc["key"]: inc["reports"] for inc in expected["incidents"]}


def test_incident_figures_follow_from_their_reports_updates_replace_else_the_largest_stands() -> None:
    expected = _expected()
    reports: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for events in expected["articles"]["events_by_article"].values():
        for event in events:
            reports[event["incident"]].append(event)
    for inc in expected["incidents"]:
        mine = reports[inc["key"]]
        assert {(e["region"], e["event_date"], e["event_type"]) for e in mine} == {
            (inc["region"], inc["event_date"], inc["event_type"])}, inc["key"]
        updates = [e for e in mine if e["figure_kind"] == "update"]
        for metric in METRICS:
            if updates:
                merged = updates[-1][metric]
            else:
                values = [e[metric] for e in mine if e[metric] is not None]
                merged = max(values) if values else None
            assert merged == inc[metric], f"{inc['key']}: {metric}"


def test_duplicates_are_redeliveries_of_seed_articles() -> None:
    originals = {a.id: a for a in _articles()}
    expected = _expected()["duplicates"]
    resent = [Article.model_validate_json(line) for line in _lines(SEEDS / "duplicates.jsonl")]
    assert [a.id for a in resent] == expected["article_ids"]
    for article in resent:
        original = originals[article.id]
        assert article.model_dump(exclude={"received_at"}) == original.model_dump(exclude={"received_at"})


def test_the_late_article_is_older_than_the_retention_before_the_newest_event() -> None:
    expected = _expected()
    late = expected["late"]
    (article,) = [Article.model_validate_json(line) for line in _lines(SEEDS / "late.jsonl")]
    assert article.id == late["article_id"] and article.id not in {a.id for a in _articles()}
    newest = max(dt.date.fromisoformat(inc["event_date"]) for inc in expected["incidents"])
    happened = dt.date.fromisoformat(late["event_date"])
    retention_days = 90  # streams.settings.Settings.retention_days default
    assert (newest - happened).days > retention_days
    assert dt.timedelta(0) <= article.published_at.date() - happened <= dt.timedelta(days=1)
