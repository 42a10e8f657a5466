"""Scoring rules: only annotated fields, null-as-zero, knowable dates, admin1 spellings, types."""

from __future__ import annotations

from typing import Any

import pytest

from extraction.evaluate import OVERALL, date_is_knowable, fold, score, types_for
from schemas import EventType


def _item(ident: str, text: str = "Some text.", annotated: tuple[str, ...] = (), **gold: Any) -> dict:
    return {"id": ident, "text": text, "published": None, "gold": gold, "annotated": list(annotated)}


def _pred(ident: str, killed: int | None = None, **primary: Any) -> dict:
    totals = {"killed": None if killed is None else {"min": killed, "max": killed, "best": killed},
              "wounded": None, "displaced": None}
    return {"id": ident, "events": [], "totals": totals, "primary": primary}


def test_fields_not_annotated_are_not_scored() -> None:
    report = score([_item("a:1", annotated=("killed",), killed=2, wounded=5)], [_pred("a:1", killed=2)])
    assert report.accuracy("a", "killed") == 1.0
    assert report.accuracy("a", "wounded") is None


def test_annotated_null_gold_is_not_scored() -> None:
    report = score([_item("a:1", annotated=("admin1",), admin1=None)], [_pred("a:1", admin1="X")])
    assert report.accuracy(OVERALL, "admin1_all") is None


def test_null_total_counts_as_zero_when_gold_is_zero() -> None:
    report = score([_item("a:1", annotated=("killed",), killed=0)], [_pred("a:1", killed=None)])
    assert report.accuracy("a", "killed") == 1.0
    assert report.accuracy("a", "killed_pos") is None


def test_null_total_is_wrong_when_gold_is_positive() -> None:
    report = score([_item("a:1", annotated=("killed",), killed=3)], [_pred("a:1", killed=None)])
    assert report.accuracy("a", "killed") == 0.0
    assert report.accuracy("a", "killed_pos") == 0.0


def test_error_lines_and_missing_predictions_are_wrong_and_counted() -> None:
    items = [_item("a:1", annotated=("killed",), killed=0), _item("a:2", annotated=("killed",), killed=0)]
    report = score(items, [{"id": "a:1", "error": "boom"}])
    assert report.accuracy("a", "killed") == 0.0
    assert report.errors["a"] == 1 and report.missing["a"] == 1


def test_slices_follow_the_id_prefix_and_overall_pools_them() -> None:
    items = [_item("a:1", annotated=("killed",), killed=1), _item("b:1", annotated=("killed",), killed=1)]
    report = score(items, [_pred("a:1", killed=1), _pred("b:1", killed=2)])
    assert (report.accuracy("a", "killed"), report.accuracy("b", "killed")) == (1.0, 0.0)
    assert report.accuracy(OVERALL, "killed") == 0.5
    assert report.cells[OVERALL]["killed"].n == 2


def test_date_scored_as_knowable_only_when_the_text_or_item_dates_it() -> None:
    items = [
        _item("a:1", "On 28 April 2020, a clash.", ("event_date",), event_date="2020-04-28"),
        _item("a:2", "A clash.", ("event_date",), event_date="2020-04-28"),
    ]
    report = score(items, [_pred("a:1", event_date="2020-04-28"), _pred("a:2", event_date=None)])
    assert report.accuracy("a", "date") == 1.0
    assert report.accuracy("a", "date_all") == 0.5


@pytest.mark.parametrize(
    ("text", "published", "knowable"),
    [
        pytest.param("On 28 April 2020, x.", None, True, id="day-month-name"),
        pytest.param("SAN SALVADOR, 12 JAN 90 (RADIO) -- x", None, True, id="muc-dateline"),
        pytest.param("x on April 28, y", None, True, id="month-day"),
        pytest.param("06/21/2018: Assailants attacked", None, True, id="slash-date"),
        pytest.param("Reported 2020-04-28.", None, True, id="iso"),
        pytest.param("Militants attacked a post.", None, False, id="no-date"),
        pytest.param("Militants attacked on Saturday.", "2017-11-05", True, id="published"),
        pytest.param("Protests in May were calm.", None, False, id="month-alone"),
    ],
)
def test_date_knowable_rule(text: str, published: str | None, knowable: bool) -> None:
    assert date_is_knowable({"text": text, "published": published}) is knowable


@pytest.mark.parametrize(
    ("gold", "predicted"),
    [
        pytest.param("Idleb", "idleb", id="case"),
        pytest.param("Rural Damascus", "Rural Damascus Governorate", id="governorate-suffix"),
        pytest.param("Al Hasakah", "Hasakah", id="arabic-article"),
        pytest.param("Khyber Pakhtunkhwa", "Khyber-Pakhtunkhwa", id="hyphen"),
        pytest.param("Sao Paulo", "São Paulo", id="diacritics"),
    ],
)
def test_admin1_names_match_across_spellings(gold: str, predicted: str) -> None:
    report = score([_item("a:1", annotated=("admin1",), admin1=gold, country="XX")],
                   [_pred("a:1", admin1=predicted)])
    assert report.accuracy("a", "admin1_all") == 1.0


class _Gazetteer:
    def admin1_code_for(self, name: str, country: str | None) -> str | None:
        return {"idleb": "SY-ID", "idlib": "SY-ID", "aleppo": "SY-HL"}.get(fold(name))


def test_admin1_compared_by_code_when_the_gazetteer_knows_the_gold_name() -> None:
    items = [_item("a:1", annotated=("admin1",), admin1="Idleb", country="SY"),
             _item("a:2", annotated=("admin1",), admin1="Idleb", country="SY")]
    preds = [_pred("a:1", admin1="Idlib", admin1_code="SY-ID"), _pred("a:2", admin1="Idleb", admin1_code="SY-HL")]
    report = score(items, preds, gazetteer=_Gazetteer())
    assert report.cells["a"]["admin1_all"].correct == 1


def test_admin1_named_score_needs_the_region_or_place_in_the_text() -> None:
    items = [
        _item("a:1", "Clashes in Maarat al-Numan.", ("admin1",), admin1="Idleb", location="Maarat al-Numan"),
        _item("a:2", "Clashes in the north.", ("admin1",), admin1="Idleb", location="Kafr Nabl"),
    ]
    report = score(items, [_pred("a:1", admin1="Idleb"), _pred("a:2", admin1="Idleb")])
    assert report.cells["a"]["admin1"].n == 1
    assert report.cells["a"]["admin1_all"].n == 2


@pytest.mark.parametrize(
    ("label", "agreeing", "disagreeing"),
    [
        pytest.param("Battles", EventType.ARMED_CLASH, EventType.PROTEST, id="acled-battles"),
        pytest.param("Explosions/Remote violence", EventType.AIRSTRIKE, EventType.ARMED_CLASH, id="acled-remote"),
        pytest.param("Violence against civilians", EventType.ABDUCTION, EventType.BOMBING, id="acled-vac"),
        pytest.param("Battle-No change of territory", EventType.ARMED_CLASH, EventType.RIOT, id="acled-2015"),
        pytest.param("Riots/Protests", EventType.RIOT, EventType.FLOOD, id="acled-2015-riots"),
        pytest.param("Bombing/Explosion", EventType.SUICIDE_ATTACK, EventType.ABDUCTION, id="gtd-bombing"),
        pytest.param("Hostage Taking (Kidnapping)", EventType.ABDUCTION, EventType.BOMBING, id="gtd-kidnap"),
        pytest.param("Disasters", EventType.FLOOD, EventType.ARMED_CLASH, id="idmc-disasters"),
        pytest.param("Conflict and violence", EventType.ARMED_CLASH, EventType.FLOOD, id="idmc-conflict"),
    ],
)
def test_source_type_labels_map_to_families(label: str, agreeing: EventType, disagreeing: EventType) -> None:
    family = types_for(label)
    assert family is not None and agreeing in family and disagreeing not in family


def test_unknown_type_labels_are_not_scored_but_counted() -> None:
    report = score([_item("g:1", annotated=("event_type",), event_type="Unknown")],
                   [_pred("g:1", event_type="other")])
    assert report.accuracy("g", "type") is None
    assert report.unmapped_types == {"Unknown": 1}


def test_location_accepts_either_part_of_a_two_place_gold_name() -> None:
    items = [_item("a:1", annotated=("location",), location="Reading (Sinking Spring)")]
    report = score(items, [_pred("a:1", location={"name": "Sinking Spring"})])
    assert report.accuracy("a", "location") == 1.0


def test_report_renders_a_table_and_json() -> None:
    report = score([_item("a:1", annotated=("killed",), killed=1)], [_pred("a:1", killed=1)])
    assert "killed exact" in report.table() and "1.000 (1)" in report.table()
    assert report.to_json()["slices"]["a"]["killed"] == {"correct": 1, "n": 1, "accuracy": 1.0}


def test_by_source_adds_a_group_per_slice_and_source() -> None:
    item = _item("a:1", annotated=("killed",), killed=1)
    item["source"] = {"repo": "owner/some-repo", "dataset": "Some dataset (long description)"}
    report = score([item], [_pred("a:1", killed=1)], by_source=True)
    assert report.accuracy("a / some-repo", "killed") == 1.0
    assert report.accuracy("a", "killed") == 1.0


@pytest.mark.parametrize(
    ("gold", "predicted", "agrees"),
    [
        pytest.param("Saint Louis", "St. Louis", True, id="st-is-saint"),
        pytest.param("Mount Vernon", "Mt. Vernon", True, id="mt-is-mount"),
        pytest.param("Cache (county)", "Cache County", True, id="a-county-named-beside-its-name"),
        pytest.param("Orange", "Orange County", False, id="a-county-is-not-the-town-of-its-name"),
        pytest.param("Chaco and Corrientes", "Corrientes", True, id="free-text-gold-names-several-places"),
        pytest.param("Saint Paul", "St. Louis", False, id="another-saint-is-another-place"),
    ],
)
def test_location_names_agree_across_spellings_of_one_place(gold: str, predicted: str, agrees: bool) -> None:
    report = score([_item("a:1", annotated=("location",), location=gold)],
                   [_pred("a:1", location={"name": predicted})])
    assert report.accuracy("a", "location") == (1.0 if agrees else 0.0)
