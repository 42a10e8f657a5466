"""The ``extract`` command's contract: one line out per line in, in order, errors as data."""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from extraction.cli import article_input_from, extract_lines, main_extract
from extraction.core import ArticleInput


class _Result:
    def __init__(self, article: ArticleInput) -> None:
        self.article = article

    def to_json(self) -> dict:
        a = self.article
        return {
            "id": a.id,
            "events": [],
            "totals": {"killed": None, "wounded": None, "displaced": None},
            "primary": {
                "country": None,
                "event_date": a.published.isoformat() if a.published else None,
                "title": a.title,
                "text": a.text,
            },
        }


class _EchoExtractor:
    """Stands in for the pipeline: the contract is about lines, not about extraction."""

    def extract(self, article: ArticleInput) -> _Result:
        if "boom" in article.text:
            raise RuntimeError("the core failed on this article")
        return _Result(article)


def _run(lines: list[str], tmp_path: Path) -> list[dict]:
    src = tmp_path / "in.jsonl"
    dst = tmp_path / "out.jsonl"
    src.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    code = main_extract(["--input", str(src), "--output", str(dst)], extractor=_EchoExtractor())
    assert code == 0
    return [json.loads(x) for x in dst.read_text(encoding="utf-8").splitlines()]


def test_output_keeps_input_order_one_line_per_line(tmp_path: Path) -> None:
    lines = [json.dumps({"id": f"a{i}", "text": f"text {i}"}) for i in range(20)]
    out = _run(lines, tmp_path)
    assert [o["id"] for o in out] == [f"a{i}" for i in range(20)]


def test_bad_lines_give_id_and_error_and_the_run_goes_on(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "ok1", "text": "fine"}),
        "{not json",
        json.dumps({"id": "no-text"}),
        json.dumps({"text": "no id"}),
        json.dumps(["a", "list"]),
        json.dumps({"id": "fails", "text": "boom"}),
        json.dumps({"id": "bad-date", "text": "x", "published": "yesterday"}),
        "",
        json.dumps({"id": "ok2", "text": "fine"}),
    ]
    out = _run(lines, tmp_path)
    assert len(out) == len(lines)
    assert [o["id"] for o in out] == ["ok1", None, "no-text", None, None, "fails", "bad-date", None, "ok2"]
    assert all("error" in o and o["error"] for o in out[1:8])
    assert "events" in out[0] and "events" in out[-1]
    assert "extraction failed" in out[5]["error"]


def test_output_line_carries_every_contract_key(tmp_path: Path) -> None:
    (out,) = _run([json.dumps({"id": "x", "text": "t"})], tmp_path)
    assert set(out) == {"id", "events", "totals", "primary"}
    assert set(out["totals"]) == {"killed", "wounded", "displaced"}
    assert {"country", "admin1", "admin1_code", "location", "event_date", "event_type"} <= set(out["primary"])


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        pytest.param({"id": "1", "text": "t"}, ArticleInput(id="1", text="t"), id="text"),
        pytest.param({"id": "1", "body": "b"}, ArticleInput(id="1", text="b"), id="body-for-text"),
        pytest.param({"id": 7, "text": "t"}, ArticleInput(id="7", text="t"), id="numeric-id"),
        pytest.param({"id": "1", "text": "t", "title": "T"}, ArticleInput(id="1", text="t", title="T"),
                     id="title"),
        pytest.param({"id": "1", "text": "t", "published": "2017-11-05"},
                     ArticleInput(id="1", text="t", published=dt.date(2017, 11, 5)), id="published-date"),
        pytest.param(
            {"id": "1", "text": "t", "published_at": "2017-11-05T22:10:00Z"},
            ArticleInput(id="1", text="t", published=dt.date(2017, 11, 5),
                         published_at=dt.datetime(2017, 11, 5, 22, 10, tzinfo=dt.UTC)),
            id="published_at-datetime",
        ),
        pytest.param(
            {"id": "1", "text": "t", "published": "2017-11-05 08:00:00"},
            ArticleInput(id="1", text="t", published=dt.date(2017, 11, 5),
                         published_at=dt.datetime(2017, 11, 5, 8, tzinfo=dt.UTC)),
            id="naive-datetime-is-utc",
        ),
        pytest.param(
            {"id": "1", "text": "t", "published": "Sun, 05 Nov 2017 22:10:00 GMT"},
            ArticleInput(id="1", text="t", published=dt.date(2017, 11, 5),
                         published_at=dt.datetime(2017, 11, 5, 22, 10, tzinfo=dt.UTC)),
            id="rfc2822-from-feeds",
        ),
        pytest.param({"id": "1", "text": "t", "source": "wire", "url": "http://x"},
                     ArticleInput(id="1", text="t", source="wire", url="http://x"), id="source-url"),
    ],
)
def test_input_variants_are_accepted(line: dict, expected: ArticleInput) -> None:
    assert article_input_from(line) == expected


def test_published_reaches_the_extractor(tmp_path: Path) -> None:
    (out,) = _run([json.dumps({"id": "x", "text": "t", "published_at": "2020-04-28T10:00:00+02:00"})], tmp_path)
    assert out["primary"]["event_date"] == "2020-04-28"


def test_lines_are_extracted_lazily_as_they_arrive() -> None:
    seen: list[str] = []

    def feed() -> Iterator[bytes]:
        for i in range(3):
            seen.append(f"read {i}")
            yield json.dumps({"id": str(i), "text": "t"}).encode()

    for out in extract_lines(_EchoExtractor(), feed()):
        seen.append(f"wrote {out['id']}")
    assert seen == ["read 0", "wrote 0", "read 1", "wrote 1", "read 2", "wrote 2"]


def test_stdin_to_stdout_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(b'{"id": "s", "text": "t"}\n'))
    stdout = io.TextIOWrapper(io.BytesIO())
    monkeypatch.setattr("sys.stdin", stdin)
    monkeypatch.setattr("sys.stdout", stdout)
    assert main_extract([], extractor=_EchoExtractor()) == 0
    stdout.flush()
    assert json.loads(stdout.buffer.getvalue())["id"] == "s"


def test_unreadable_input_is_an_io_failure(tmp_path: Path) -> None:
    assert main_extract(["--input", str(tmp_path / "absent.jsonl")], extractor=_EchoExtractor()) != 0
