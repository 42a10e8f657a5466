"""Scoring extraction output against gold files (the format of ``../shared/eval``).

Only the fields an item lists in ``annotated`` are scored, and an annotated field whose
gold value is ``null`` ("the source gives no value") is skipped. Items are grouped into
slices by their id prefix (``acled-2020:123`` is in slice ``acled-2020``) and overall.
The rules (null-as-zero, which items count for the date and admin1 scores, the event-type
families per source taxonomy) are written down in docs/EVAL.md.

>>> report = score([{"id": "s:1", "text": "x", "gold": {"killed": 0}, "annotated": ["killed"]}],
...                [{"id": "s:1", "totals": {"killed": None}, "primary": {}}])
>>> report.accuracy("overall", "killed")
1.0
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from schemas import EventType, json_codec

__all__ = [
    "FIELDS",
    "FIELD_LABELS",
    "OVERALL",
    "TYPE_FAMILIES",
    "Cell",
    "Report",
    "date_is_knowable",
    "fold",
    "read_jsonl",
    "run_extraction",
    "score",
    "types_for",
]

OVERALL = "overall"

# Field keys, in table order, with the words the bar tables use.
FIELD_LABELS: dict[str, str] = {
    "killed": "killed exact",
    "killed_pos": "killed exact, gold > 0",
    "wounded": "wounded exact",
    "displaced": "displaced exact",
    "date": "event date exact (date knowable)",
    "date_all": "event date exact (all dated)",
    "country": "country",
    "admin1": "admin1 (text names it)",
    "admin1_all": "admin1 (all)",
    "location": "location name (informative)",
    "type": "event type family (informative)",
}
FIELDS = tuple(FIELD_LABELS)

E = EventType
_VIOLENCE = frozenset({
    E.ARMED_CLASH, E.AIRSTRIKE, E.SHELLING, E.BOMBING, E.SUICIDE_ATTACK, E.ATTACK_ON_CIVILIANS,
    E.ABDUCTION, E.TERRITORIAL_CHANGE, E.RIOT,
})
_REMOTE = frozenset({E.AIRSTRIKE, E.SHELLING, E.BOMBING, E.SUICIDE_ATTACK})
_DISASTER = frozenset({
    E.FLOOD, E.EARTHQUAKE, E.STORM, E.LANDSLIDE, E.WILDFIRE, E.DROUGHT, E.OTHER_DISASTER,
})

# Each source taxonomy's label -> the project's types that agree with it. Keys are folded
# (see ``fold``). ACLED 2020 top-level event types (ACLED Codebook 2019, "Event types"),
# the pre-2019 ACLED types of the 2015 export, GTD ``attacktype1_txt`` (GTD Codebook, 2.1),
# and the IDMC IDETECT tags. A label missing here, or "Unknown", is not scored.
TYPE_FAMILIES: dict[str, frozenset[EventType]] = {
    # ACLED 2020
    "battles": frozenset({E.ARMED_CLASH, E.TERRITORIAL_CHANGE}),
    "explosions remote violence": _REMOTE,
    "violence against civilians": frozenset({E.ATTACK_ON_CIVILIANS, E.ABDUCTION}),
    "protests": frozenset({E.PROTEST}),
    "riots": frozenset({E.RIOT}),
    "strategic developments": frozenset({E.OTHER, E.TERRITORIAL_CHANGE}),
    # ACLED before 2019 (the 2015 export)
    "battle no change of territory": frozenset({E.ARMED_CLASH}),
    "battle government regains territory": frozenset({E.TERRITORIAL_CHANGE, E.ARMED_CLASH}),
    "battle non state actor overtakes territory": frozenset({E.TERRITORIAL_CHANGE, E.ARMED_CLASH}),
    "remote violence": _REMOTE,
    "riots protests": frozenset({E.PROTEST, E.RIOT}),
    "strategic development": frozenset({E.OTHER, E.TERRITORIAL_CHANGE}),
    "headquarters or base established": frozenset({E.TERRITORIAL_CHANGE, E.OTHER}),
    "non violent transfer of territory": frozenset({E.TERRITORIAL_CHANGE}),
    # GTD attacktype1_txt
    "assassination": frozenset({E.ATTACK_ON_CIVILIANS, E.BOMBING, E.SUICIDE_ATTACK}),
    "armed assault": frozenset({E.ATTACK_ON_CIVILIANS, E.ARMED_CLASH}),
    "bombing explosion": frozenset({E.BOMBING, E.SUICIDE_ATTACK, E.SHELLING}),
    "hijacking": frozenset({E.ABDUCTION}),
    "hostage taking barricade incident": frozenset({E.ABDUCTION}),
    "hostage taking kidnapping": frozenset({E.ABDUCTION}),
    "facility infrastructure attack": frozenset({E.ATTACK_ON_CIVILIANS, E.BOMBING, E.OTHER}),
    "unarmed assault": frozenset({E.ATTACK_ON_CIVILIANS}),
    # IDMC IDETECT tags
    "disasters": _DISASTER,
    "conflict and violence": _VIOLENCE,
}


def types_for(label: str | None) -> frozenset[EventType] | None:
    """The project types that agree with a source's type label; None when unscorable."""
    if not label:
        return None
    return TYPE_FAMILIES.get(fold(label))


# --- text folding -------------------------------------------------------------------------

_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_ADMIN_WORDS = re.compile(
    r"^(?:(?:province|governorate|state|region|department|prefecture|oblast|district|county)"
    r"\s+of\s+)|\s+(?:province|governorate|state|region|department|prefecture|oblast|division)$"
)
_ARTICLE = re.compile(r"(?:^|(?<= ))(?:al|el|ad|ar|as|ash|at|az|ed|en|er|es|et|ez)\s")


def fold(text: str) -> str:
    """Lower case, no diacritics, runs of non-alphanumerics as one space.

    >>> fold("Deir ez-Zor  Governorate")
    'deir ez zor governorate'
    """
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    return _NON_ALNUM.sub(" ", plain).strip()


def _fold_admin(name: str) -> str:
    """An admin1 name without the words that vary between gazetteers, nor Arabic articles.

    >>> _fold_admin("Al Hasakah Governorate") == _fold_admin("Hasakah")
    True
    """
    folded = _ADMIN_WORDS.sub("", fold(name)).strip()
    return _ARTICLE.sub("", folded).strip()


def _names_in(haystack_folded: str, name: str | None) -> bool:
    """Whether folded ``name`` occurs in a folded text on word boundaries."""
    if not name:
        return False
    needle = fold(name)
    if len(needle) < 2:
        return False
    return f" {needle} " in f" {haystack_folded} "


def _place_parts(name: str | None) -> list[str]:
    """A gold place as its alternatives: "Reading (Sinking Spring)" names two places."""
    if not name:
        return []
    parts = [p.strip() for p in re.split(r"[()/;,]", name)]
    return [p for p in parts if p]


# --- which items a field is scored on ------------------------------------------------------

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_KNOWABLE_DATE = re.compile(
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\b"  # 28 April, 12 JAN 90
    rf"|\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b"  # April 28
    r"|\b\d{1,2}/\d{1,2}/\d{2,4}\b"  # 06/21/2018
    r"|\b\d{4}-\d{2}-\d{2}\b",  # 2020-04-28
    re.IGNORECASE,
)


def date_is_knowable(item: Mapping[str, Any]) -> bool:
    """True when the event date can be known: the text writes a date or the item is dated."""
    if item.get("published") or item.get("published_at"):
        return True
    return bool(_KNOWABLE_DATE.search(item.get("text") or item.get("body") or ""))


def _admin1_named(item: Mapping[str, Any], gold: Mapping[str, Any]) -> bool:
    """True when the text (or title) names the gold region or the gold place."""
    text = fold(" ".join(str(item.get(k) or "") for k in ("title", "text", "body")))
    region = gold.get("admin1")
    if region and (_names_in(text, region) or _names_in(text, _fold_admin(region))):
        return True
    return any(_names_in(text, part) for part in _place_parts(gold.get("location")))


# --- comparing one field --------------------------------------------------------------------

def _best(prediction: Mapping[str, Any], key: str) -> int:
    """The predicted total's best value; a null total is 0 (docs/EVAL.md: "no figure")."""
    value = (prediction.get("totals") or {}).get(key)
    if isinstance(value, Mapping):
        best = value.get("best")
        return int(best) if best is not None else 0
    if isinstance(value, int):
        return value
    return 0


def _primary(prediction: Mapping[str, Any]) -> Mapping[str, Any]:
    return prediction.get("primary") or {}


def _location_name(value: Any) -> str | None:
    if isinstance(value, Mapping):
        return value.get("name")
    return value if isinstance(value, str) else None


def _admin1_agrees(gold_name: str, gold_country: str | None, primary: Mapping[str, Any],
                   gazetteer: Any) -> bool:
    pred_code = primary.get("admin1_code")
    pred_name = primary.get("admin1")
    if gazetteer is not None:
        gold_code = gazetteer.admin1_code_for(gold_name, gold_country)
        if gold_code and pred_code:
            return bool(gold_code == pred_code)
    if pred_name and _fold_admin(pred_name) == _fold_admin(gold_name):
        return True
    return False


# Place-name spellings that differ between gazetteers and coders, not between places:
# "St. Louis" = "Saint Louis", "Mt. Vernon" = "Mount Vernon", "Ft. Worth" = "Fort Worth".
_PLACE_WORD_SPELLINGS = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort"}
# Kinds a coder writes beside a name ("Cache (county)") where a gazetteer writes them in it
# ("Cache County").
_PLACE_KINDS = ("county", "parish", "borough")


def _fold_place(name: str) -> str:
    """A place name folded for comparison: ``fold`` with the spellings above made one.

    >>> _fold_place("St. Louis") == _fold_place("Saint Louis")
    True
    """
    return " ".join(_PLACE_WORD_SPELLINGS.get(w, w) for w in fold(name).split())


def _location_agrees(gold_name: str, predicted: str | None) -> bool:
    if not predicted:
        return False
    pred = _fold_place(predicted)
    if not pred:
        return False
    parts = [_fold_place(p) for p in _place_parts(gold_name)]
    for kind in _PLACE_KINDS:
        # "Cache (county)": the county named Cache, as the gazetteer's "Cache County"
        if kind in parts and pred.endswith(" " + kind):
            pred = pred[: -len(kind) - 1]
    if pred in parts:
        return True
    # Free-text gold places ("Chaco and Corrientes") agree with any place they name.
    return len(pred) >= 2 and any(f" {pred} " in f" {p} " for p in parts)


# --- the report -----------------------------------------------------------------------------

@dataclass(slots=True)
class Cell:
    correct: int = 0
    n: int = 0

    def add(self, ok: bool) -> None:
        self.n += 1
        self.correct += int(ok)

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.n if self.n else None


@dataclass(slots=True)
class Report:
    """Accuracy per slice (id prefix, plus ``overall``) and field, with n per cell."""

    cells: dict[str, dict[str, Cell]] = field(default_factory=dict)
    items: dict[str, int] = field(default_factory=dict)
    errors: dict[str, int] = field(default_factory=dict)
    missing: dict[str, int] = field(default_factory=dict)
    unmapped_types: dict[str, int] = field(default_factory=dict)

    def cell(self, slice_: str, field_: str) -> Cell:
        return self.cells.setdefault(slice_, {}).setdefault(field_, Cell())

    def accuracy(self, slice_: str, field_: str) -> float | None:
        """Accuracy of one cell; None when no item of the slice is scored on the field."""
        cell = self.cells.get(slice_, {}).get(field_)
        return None if cell is None else cell.accuracy

    @property
    def slices(self) -> list[str]:
        named = sorted(s for s in self.cells if s != OVERALL)
        return [*named, OVERALL] if OVERALL in self.cells else named

    def to_json(self) -> dict[str, Any]:
        return {
            "slices": {
                s: {
                    f: {"correct": c.correct, "n": c.n, "accuracy": c.accuracy}
                    for f, c in self.cells[s].items()
                }
                for s in self.slices
            },
            "items": dict(self.items),
            "errors": dict(self.errors),
            "missing_predictions": dict(self.missing),
            "unmapped_type_labels": dict(self.unmapped_types),
        }

    def table(self, title: str = "") -> str:
        """Fields as rows, slices as columns; each cell ``accuracy (n)``."""
        slices = self.slices
        label_w = max(len(v) for v in FIELD_LABELS.values())
        col_w = max(13, *(len(s) for s in slices)) + 2
        lines = []
        if title:
            lines.append(title)
        lines.append("field".ljust(label_w) + "".join(s.rjust(col_w) for s in slices))
        lines.append("-" * (label_w + col_w * len(slices)))
        for key, label in FIELD_LABELS.items():
            row = label.ljust(label_w)
            for s in slices:
                cell = self.cells.get(s, {}).get(key)
                text = "-" if cell is None or not cell.n else f"{cell.accuracy:.3f} ({cell.n})"
                row += text.rjust(col_w)
            lines.append(row)
        lines.append("items".ljust(label_w) + "".join(str(self.items.get(s, 0)).rjust(col_w) for s in slices))
        lines.append("errors".ljust(label_w) + "".join(str(self.errors.get(s, 0)).rjust(col_w) for s in slices))
        if any(self.missing.values()):
            lines.append("no prediction".ljust(label_w)
                         + "".join(str(self.missing.get(s, 0)).rjust(col_w) for s in slices))
        if self.unmapped_types:
            shown = ", ".join(f"{k} ({v})" for k, v in sorted(self.unmapped_types.items()))
            lines.append(f"type labels not scored: {shown}")
        return "\n".join(lines)


def _slice_of(item: Mapping[str, Any]) -> str:
    ident = str(item.get("id") or "")
    return ident.split(":", 1)[0] if ":" in ident else "other"


def _source_of(item: Mapping[str, Any]) -> str | None:
    """A short name for the item's source: its repository's name, else its dataset or
    source string, cut to fit a table column."""
    source = item.get("source")
    if isinstance(source, Mapping):
        name = str(source.get("repo") or source.get("dataset") or "")
        name = name.rsplit("/", 1)[-1]
    else:
        name = source if isinstance(source, str) else ""
    name = name.split(" (", 1)[0].strip()
    return name[:24] or None


def score(
    items: Iterable[Mapping[str, Any]],
    predictions: Mapping[str, Mapping[str, Any]] | Iterable[Mapping[str, Any]],
    *,
    gazetteer: Any = None,
    by_source: bool = False,
) -> Report:
    """Score predictions (extract output lines, matched by id) against gold items.

    ``gazetteer`` (an ``extraction.geo.Gazetteer``) lets admin1 spellings from the source
    ("Idleb") match the predicted ISO 3166-2 code; without it, folded names are compared.
    A missing prediction, or an ``error`` line, is wrong on every field it is scored on.
    """
    if isinstance(predictions, Mapping):
        by_id: Mapping[str, Mapping[str, Any]] = predictions
    else:
        by_id = {str(p.get("id")): p for p in predictions if p.get("id") is not None}
    report = Report()
    for item in items:
        groups = [_slice_of(item), OVERALL]
        if by_source and (src := _source_of(item)):
            groups.append(f"{groups[0]} / {src}")
        pred = by_id.get(str(item.get("id")))
        failed = pred is None or "error" in pred
        for g in groups:
            report.items[g] = report.items.get(g, 0) + 1
            if pred is None:
                report.missing[g] = report.missing.get(g, 0) + 1
            elif "error" in pred:
                report.errors[g] = report.errors.get(g, 0) + 1
        results = _score_item(item, {} if failed else pred, failed, gazetteer, report)
        for field_, ok in results:
            for g in groups:
                report.cell(g, field_).add(ok)
    return report


def _score_item(item: Mapping[str, Any], pred: Mapping[str, Any], failed: bool, gazetteer: Any,
                report: Report) -> list[tuple[str, bool]]:
    gold = item.get("gold") or {}
    annotated = set(item.get("annotated") or ())
    primary = _primary(pred)
    out: list[tuple[str, bool]] = []

    def scored(key: str) -> bool:
        return key in annotated and gold.get(key) is not None

    for key in ("killed", "wounded", "displaced"):
        if scored(key):
            ok = not failed and _best(pred, key) == int(gold[key])
            out.append((key, ok))
            if key == "killed" and int(gold[key]) > 0:
                out.append(("killed_pos", ok))
    if scored("event_date"):
        predicted = primary.get("event_date")
        ok = not failed and isinstance(predicted, str) and predicted[:10] == str(gold["event_date"])[:10]
        out.append(("date_all", ok))
        if date_is_knowable(item):
            out.append(("date", ok))
    if scored("country"):
        predicted = primary.get("country")
        out.append(("country", not failed and isinstance(predicted, str)
                    and predicted.upper() == str(gold["country"]).upper()))
    if scored("admin1"):
        ok = not failed and _admin1_agrees(str(gold["admin1"]), gold.get("country"), primary, gazetteer)
        out.append(("admin1_all", ok))
        if _admin1_named(item, gold):
            out.append(("admin1", ok))
    if scored("location"):
        name = _location_name(primary.get("location"))
        out.append(("location", not failed and _location_agrees(str(gold["location"]), name)))
    if scored("event_type"):
        family = types_for(str(gold["event_type"]))
        if family is None:
            label = str(gold["event_type"])
            report.unmapped_types[label] = report.unmapped_types.get(label, 0) + 1
        else:
            out.append(("type", not failed and primary.get("event_type") in family))
    return out


# --- I/O helpers ----------------------------------------------------------------------------

def read_jsonl(path: Path | str) -> list[dict[str, Any]]:
    """Every non-blank line of a JSON-lines file, decoded."""
    with open(path, "rb") as fh:
        return [json_codec.loads(line) for line in fh if line.strip()]


def run_extraction(items: Iterable[Mapping[str, Any]], extractor: Any) -> dict[str, dict[str, Any]]:
    """Extract each gold item as the ``extract`` command would; predictions keyed by id."""
    from extraction.cli import extract_object  # the command's own line handling

    out: dict[str, dict[str, Any]] = {}
    for item in items:
        line = {k: item.get(k) for k in ("id", "text", "body", "title", "published", "published_at", "url")
                if item.get(k) is not None}
        src = item.get("source")
        if isinstance(src, str):
            line["source"] = src
        pred = extract_object(extractor, line)
        out[str(item.get("id"))] = pred
    return out
