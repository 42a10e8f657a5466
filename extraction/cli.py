"""The offline commands: ``python -m streams extract`` and ``python -m streams eval``.

``extract`` reads JSON lines (``id`` and ``text`` or ``body``; optionally ``title``,
``published`` / ``published_at``, ``source``, ``url``) and writes one JSON line per input
line, in order: ``{"id", "events", "totals", "primary"}``, or ``{"id", "error"}`` for a
line that cannot be extracted (the run goes on). It streams: one line is read, extracted
and written before the next is read. The exit code is 0 unless reading or writing fails.

``eval`` scores the extraction (or an existing predictions file) against gold files in
the format of ``../shared/eval`` (see docs/EVAL.md and :mod:`extraction.evaluate`).
"""

from __future__ import annotations

import argparse
import datetime as dt
import email.utils
import gc
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any, Protocol

from extraction.core import ArticleInput
from schemas import json_codec

__all__ = [
    "BadLine",
    "article_input_from",
    "extract_lines",
    "extract_object",
    "extract_one",
    "main_eval",
    "main_extract",
    "settle_heap",
]

PRIMARY_KEYS = ("country", "admin1", "admin1_code", "location", "event_date", "event_type")
TOTAL_KEYS = ("killed", "wounded", "displaced")


class BadLine(ValueError):
    """An input line that is not a usable article (the message says why)."""


class _Extracts(Protocol):
    def extract(self, article: ArticleInput) -> Any: ...


def _parse_when(value: Any, key: str) -> tuple[dt.date | None, dt.datetime | None]:
    """A ``published`` value as (date, aware datetime or None): a date alone stays a date."""
    if value is None or value == "":
        return None, None
    if not isinstance(value, str):
        raise BadLine(f"{key!r} must be an ISO date or datetime string, got {type(value).__name__}")
    raw = value.strip()
    try:
        if len(raw) == 10:
            return dt.date.fromisoformat(raw), None
        stamp = dt.datetime.fromisoformat(raw.replace(" ", "T", 1) if "T" not in raw else raw)
    except ValueError:
        try:
            # RSS feeds write RFC 2822 ("Sun, 05 Nov 2017 10:00:00 GMT").
            stamp = email.utils.parsedate_to_datetime(raw)
        except (TypeError, ValueError, IndexError):
            raise BadLine(f"{key!r} is not an ISO 8601 or RFC 2822 date: {raw[:40]!r}") from None
    if stamp.tzinfo is None:
        # A feed that omits the offset means UTC in every source we read; the schema wants aware.
        stamp = stamp.replace(tzinfo=dt.UTC)
    return stamp.date(), stamp


def article_input_from(obj: Any) -> ArticleInput:
    """Validate one decoded JSON line and turn it into an ``ArticleInput``.

    Raises ``BadLine`` with a clear message when the line is not a usable article.
    """
    if not isinstance(obj, dict):
        raise BadLine(f"expected a JSON object, got {type(obj).__name__}")
    ident = obj.get("id")
    if isinstance(ident, int) and not isinstance(ident, bool):
        ident = str(ident)
    if not isinstance(ident, str) or not ident.strip():
        raise BadLine("missing 'id' (a non-empty string)")
    text = obj.get("text")
    if text is None:
        text = obj.get("body")
    if not isinstance(text, str) or not text.strip():
        raise BadLine("missing 'text' (or 'body'): a non-empty string")
    title = obj.get("title") or ""
    if not isinstance(title, str):
        raise BadLine("'title' must be a string")
    pub_date, pub_at = _parse_when(obj.get("published_at"), "published_at")
    if pub_date is None:
        pub_date, pub_at = _parse_when(obj.get("published"), "published")
    source = obj.get("source")
    url = obj.get("url")
    return ArticleInput(
        id=ident,
        text=text,
        title=title,
        published=pub_date,
        published_at=pub_at,
        source=source if isinstance(source, str) else None,
        url=url if isinstance(url, str) else None,
    )


def _id_of(obj: Any) -> str | None:
    if isinstance(obj, dict):
        ident = obj.get("id")
        if isinstance(ident, str):
            return ident
        if isinstance(ident, int) and not isinstance(ident, bool):
            return str(ident)
    return None


def _complete(out: dict[str, Any]) -> dict[str, Any]:
    """Every key of the contract present, even if the core leaves one out."""
    totals = out.setdefault("totals", {})
    for key in TOTAL_KEYS:
        totals.setdefault(key, None)
    primary = out.setdefault("primary", {})
    for key in PRIMARY_KEYS:
        primary.setdefault(key, None)
    out.setdefault("events", [])
    return out


def extract_one(extractor: _Extracts, raw: bytes | str) -> dict[str, Any]:
    """One input line to one output object; never raises (errors become ``error`` lines)."""
    if not raw.strip():
        return {"id": None, "error": "empty line"}
    try:
        obj = json_codec.loads(raw)
    except ValueError as exc:
        return {"id": None, "error": f"not valid JSON: {exc}"}
    return extract_object(extractor, obj)


def extract_object(extractor: _Extracts, obj: Any) -> dict[str, Any]:
    """One decoded input object to one output object; never raises."""
    try:
        article = article_input_from(obj)
        return _complete(extractor.extract(article).to_json())
    except BadLine as exc:
        return {"id": _id_of(obj), "error": str(exc)}
    except Exception as exc:  # the run must go on: any extraction failure is a line's error
        return {"id": _id_of(obj), "error": f"extraction failed: {type(exc).__name__}: {exc}"}


def extract_lines(extractor: _Extracts, lines: Iterable[bytes | str]) -> Iterator[dict[str, Any]]:
    """Lazily map input lines to output objects, one for one, in order."""
    for raw in lines:
        yield extract_one(extractor, raw)


def _load_extractor() -> _Extracts:
    # Imported here so ``--help`` and argument errors stay instant.
    from extraction.core import Extractor
    from extraction.geo import Gazetteer

    extractor = Extractor(gazetteer=Gazetteer.load())
    settle_heap()
    return extractor


def settle_heap() -> None:
    """After loading, for a long run: collect once, then move every object alive now (the
    gazetteer's large heap of long-lived objects) out of the collector's sight, so later
    collections do not walk it again and again (about 4% of extraction time). The worker
    does the same after its preload (``streams.app``)."""
    gc.collect()
    gc.freeze()


def _extract_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m streams extract",
        description="Extract events from JSON lines: one output line per input line, in order.",
    )
    parser.add_argument("--input", "-i", type=Path, help="JSON lines to read (default: stdin)")
    parser.add_argument("--output", "-o", type=Path, help="where to write JSON lines (default: stdout)")
    return parser


def main_extract(argv: list[str], *, extractor: _Extracts | None = None) -> int:
    """``extract`` command. ``extractor`` lets tests inject a stand-in for the real pipeline."""
    args = _extract_parser().parse_args(argv)
    try:
        src: IO[bytes] = open(args.input, "rb") if args.input else sys.stdin.buffer  # noqa: SIM115
    except OSError as exc:
        print(f"extract: cannot read {args.input}: {exc}", file=sys.stderr)
        return 2
    try:
        dst: IO[bytes] = open(args.output, "wb") if args.output else sys.stdout.buffer  # noqa: SIM115
    except OSError as exc:
        print(f"extract: cannot write {args.output}: {exc}", file=sys.stderr)
        src.close()
        return 2
    try:
        ex = extractor if extractor is not None else _load_extractor()
        # Flush per line on a pipe so a downstream reader sees results as they come.
        interactive = args.output is None
        for out in extract_lines(ex, src):
            dst.write(json_codec.dumps(out))
            dst.write(b"\n")
            if interactive:
                dst.flush()
        dst.flush()
    except BrokenPipeError:
        return 1
    except OSError as exc:
        print(f"extract: I/O error: {exc}", file=sys.stderr)
        return 1
    finally:
        if args.input:
            src.close()
        if args.output:
            dst.close()
    return 0


def _eval_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m streams eval",
        description="Score extraction against gold JSON lines (only each item's 'annotated' fields).",
    )
    parser.add_argument("--gold", action="append", type=Path, required=True,
                        help="gold JSON lines (repeatable: each file is scored and reported apart)")
    parser.add_argument("--predictions", type=Path,
                        help="existing extract output to score instead of running extraction "
                             "(one gold file only)")
    parser.add_argument("--by-source", action="store_true",
                        help="also break each slice down by the item's source dataset")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    return parser


def main_eval(argv: list[str]) -> int:
    """``eval`` command: per-field accuracy by slice (id prefix) and overall."""
    from extraction import evaluate

    args = _eval_parser().parse_args(argv)
    if args.predictions and len(args.gold) > 1:
        print("eval: --predictions goes with exactly one --gold file", file=sys.stderr)
        return 2
    reports: dict[str, evaluate.Report] = {}
    extractor: Any = None
    gazetteer: Any = None
    try:
        for gold_path in args.gold:
            items = evaluate.read_jsonl(gold_path)
            if args.predictions:
                predictions = evaluate.read_jsonl(args.predictions)
            else:
                if extractor is None:
                    extractor = _load_extractor()
                    gazetteer = getattr(extractor, "gazetteer", None)
                predictions = evaluate.run_extraction(items, extractor)
            if gazetteer is None:
                gazetteer = _try_gazetteer()
            reports[gold_path.name] = evaluate.score(
                items, predictions, gazetteer=gazetteer, by_source=args.by_source
            )
    except OSError as exc:
        print(f"eval: {exc}", file=sys.stderr)
        return 2
    if args.json:
        sys.stdout.buffer.write(json_codec.dumps({k: r.to_json() for k, r in reports.items()}))
        sys.stdout.buffer.write(b"\n")
    else:
        for name, report in reports.items():
            print(report.table(title=name))
            print()
    return 0


def _try_gazetteer() -> Any:
    """The gazetteer for admin1 spelling variants; scoring falls back to folded names without it."""
    try:
        from extraction.geo import Gazetteer

        return Gazetteer.load()
    except Exception as exc:  # scoring still works on folded names
        print(f"eval: gazetteer unavailable ({exc}); admin1 compared by folded name only", file=sys.stderr)
        return None
