"""The place resolver's per-process memos are bounded and change nothing but speed: a
long-running worker meets names it has never seen for as long as it runs, so every memo
starts over at its limit, and an extraction with the memos starting over constantly gives
exactly what one with room for everything gives."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import extraction.geo.resolve as resolve
from extraction.cli import article_input_from
from extraction.core import Extractor
from extraction.geo import Gazetteer

SEEDS = Path(__file__).resolve().parents[2] / "seeds" / "articles.jsonl"


def _articles() -> list[dict]:
    return [json.loads(line) for line in SEEDS.read_text(encoding="utf-8").splitlines() if line.strip()]


def _extract_all(extractor: Extractor, articles: list[dict]) -> list[str]:
    return [repr(extractor.extract(article_input_from(a))) for a in articles]


def _memo_sizes() -> dict[str, int]:
    sizes = {k: len(v) for k, v in resolve._MEMO.items() if k != "index"}  # type: ignore[arg-type]
    sizes["plain"] = len(resolve._PLAIN_CACHE)
    sizes["folded"] = len(resolve._FOLDED)
    return sizes


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(gazetteer=Gazetteer.load())


def test_memos_starting_over_constantly_change_no_output(extractor: Extractor,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    articles = _articles()
    assert len(articles) >= 30
    roomy = _extract_all(extractor, articles)
    monkeypatch.setattr(resolve, "_MEMO_MAX", 8)
    monkeypatch.setattr(resolve, "_RUN_MEMO_MAX", 16)
    monkeypatch.setattr(resolve, "_WORD_MEMO_MAX", 32)
    resolve._MEMO.clear()
    tight = _extract_all(extractor, articles)
    assert tight == roomy


def test_no_memo_grows_past_its_limit(extractor: Extractor, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(resolve, "_MEMO_MAX", 8)
    monkeypatch.setattr(resolve, "_RUN_MEMO_MAX", 16)
    monkeypatch.setattr(resolve, "_WORD_MEMO_MAX", 32)
    resolve._MEMO.clear()
    resolve._PLAIN_CACHE.clear()
    resolve._FOLDED.clear()
    largest: dict[str, int] = {}
    for article in _articles():
        extractor.extract(article_input_from(article))
        for name, n in _memo_sizes().items():
            largest[name] = max(largest.get(name, 0), n)
    # Most memos are checked before each insertion (at most their limit + 1 entries); the
    # per-name ones of a text's plan once per article (their limit + one article's names).
    limits = {"runs": 16 + 1, "runs_upper": 16 + 1, "miss": 32 + 1, "words": 32 + 1, "plain": 32 + 1,
              "folded": 32 + 1}
    assert largest["runs"] > 0 and largest["words"] > 0, "the seeds name places: the memos were used"
    for name, n in largest.items():
        assert n <= limits.get(name, 8 + 40), (name, n)



def test_ends_before_finds_every_offset_where_a_name_before_the_word_would_end() -> None:
    text = "Memphis police said; later Memphis police and Dallas Police spoke."
    assert resolve._ends_before(text, " police") == {7, 34}
    assert resolve._ends_before(text, " Police") == {52}
    assert resolve._ends_before(text, " sheriff") == set()
