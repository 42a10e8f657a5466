"""Quantity phrases parse into conservative ranges (docs/FIGURES.md has the table)."""

from __future__ import annotations

import pytest

from extraction.numbers import find_quantities, parse_number, parse_quantity

# (phrase, min, max, best, vague)
QUANTITIES = [
    pytest.param("7", 7, 7, 7, False, id="digits"),
    pytest.param("1,200", 1200, 1200, 1200, False, id="thousands-separator"),
    pytest.param("1.2 million", 1_200_000, 1_200_000, 1_200_000, False, id="decimal-scale"),
    pytest.param("3.500", 3500, 3500, 3500, False, id="dot-groups-thousands"),
    pytest.param("1.250.000", 1_250_000, 1_250_000, 1_250_000, False, id="dots-group-millions"),
    pytest.param("1.500 million", 1_500_000, 1_500_000, 1_500_000, False, id="dot-before-a-scale-is-a-decimal"),
    pytest.param("2 300", 2300, 2300, 2300, False, id="space-groups-thousands"),
    pytest.param("12\u202f500", 12500, 12500, 12500, False, id="narrow-space-groups-thousands"),
    pytest.param("more than seven million", 7_000_000, None, 7_000_000, False, id="word-with-scale"),
    pytest.param("seven thousand", 7000, 7000, 7000, False, id="word-with-thousand"),
    pytest.param("eleven", 11, 11, 11, False, id="word"),
    pytest.param("twenty-three", 23, 23, 23, False, id="hyphenated-word"),
    pytest.param("two hundred and fifty", 250, 250, 250, False, id="words-with-and"),
    pytest.param("a dozen", 12, 12, 12, False, id="a-dozen"),
    pytest.param("two dozen", 24, 24, 24, False, id="two-dozen"),
    pytest.param("at least 30", 30, None, 30, False, id="at-least"),
    pytest.param("al menos 8", 8, None, 8, False, id="spanish-al-menos"),
    pytest.param("au moins 12", 12, None, 12, False, id="french-au-moins"),
    pytest.param("plus de 5 000", 5000, None, 5000, False, id="french-plus-de-with-spaced-thousands"),
    pytest.param("más de 300", 300, None, 300, False, id="spanish-mas-de"),
    pytest.param("unos 200", 200, 200, 200, False, id="spanish-unos-is-about"),
    pytest.param("more than 20", 20, None, 20, False, id="more-than"),
    pytest.param("over 5,000", 5000, None, 5000, False, id="over"),
    pytest.param("up to 800", 0, 800, 800, False, id="up-to"),
    pytest.param("nearly 90", 90, 90, 90, False, id="nearly"),
    pytest.param("almost 40", 40, 40, 40, False, id="almost"),
    pytest.param("about 15", 15, 15, 15, False, id="about"),
    pytest.param("an estimated 6,000", 6000, 6000, 6000, False, id="an-estimated"),
    pytest.param("some 300", 300, 300, 300, False, id="some"),
    pytest.param("around 45", 45, 45, 45, False, id="around"),
    pytest.param("dozens", 12, None, 12, True, id="dozens"),
    pytest.param("scores", 20, None, 20, True, id="scores"),
    pytest.param("hundreds", 100, None, 100, True, id="hundreds"),
    pytest.param("thousands", 1000, None, 1000, True, id="thousands"),
    pytest.param("tens of thousands", 10_000, None, 10_000, True, id="tens-of-thousands"),
    pytest.param("several", 3, 9, 3, True, id="several"),
    pytest.param("a few", 2, 5, 2, True, id="a-few"),
    pytest.param("a handful", 2, 5, 3, True, id="a-handful"),
    pytest.param("many", 2, None, 2, True, id="many"),
    pytest.param("10 to 15", 10, 15, 10, False, id="range-to"),
    pytest.param("10-15", 10, 15, 10, False, id="range-hyphen"),
    pytest.param("between 10 and 15", 10, 15, 10, False, id="range-between"),
    pytest.param("from 300 to 400", 300, 400, 300, False, id="range-from"),
    pytest.param("a couple of dozen", 24, 24, 24, False, id="couple-of-dozen"),
    pytest.param("a couple dozen", 24, 24, 24, False, id="couple-dozen"),
]


@pytest.mark.parametrize(("phrase", "lo", "hi", "best", "vague"), QUANTITIES)
def test_quantity_phrase_parses_to_conservative_range(phrase: str, lo: int, hi: int | None, best: int,
                                                      vague: bool) -> None:
    r = parse_quantity(phrase)
    assert r is not None
    assert (r.min, r.max, r.best, r.vague) == (lo, hi, best, vague)
    assert r.text == phrase


def test_non_quantity_is_none() -> None:
    assert parse_quantity("the police") is None
    assert parse_number("soldiers") is None


def test_quantities_are_found_with_their_spans() -> None:
    text = "killing 10 soldiers and wounding at least three"
    found = [(text[a:b], r.best) for a, b, r in find_quantities(text)]
    assert found == [("10", 10), ("at least three", 3)]
