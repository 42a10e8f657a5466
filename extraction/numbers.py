"""Quantities of people as written in news text, parsed into ``Range`` values.

A focused parser: digits with separators ("1,200", "1.2 million"), English number words
("two hundred and fifty", "a dozen", "eleven"), qualifiers ("at least", "more than",
"up to", "an estimated"), vague quantities ("dozens", "hundreds", "several") and ranges
("10 to 15", "10-15", "between 10 and 15"). The convention table for vague words and
qualifiers is documented in docs/FIGURES.md; ``best`` is always the conservative figure
an analyst would report.

``QUANTITY_PATTERN`` is the regular-expression source that finds such phrases inside a
sentence; ``parse_quantity`` turns one phrase into a ``Range``.

>>> parse_quantity("at least 1,200").best
1200
>>> r = parse_quantity("dozens"); (r.min, r.max, r.best, r.vague)
(12, None, 12, True)
>>> parse_quantity("two hundred and fifty").best
250
>>> r = parse_quantity("between 10 and 15"); (r.min, r.max, r.best)
(10, 15, 10)
>>> parse_quantity("an estimated 1.2 million").best
1200000
"""

from __future__ import annotations

import re
from functools import lru_cache

from schemas import Range

__all__ = [
    "QUALIFIER_PATTERN",
    "QUANTITY_PATTERN",
    "ROMANCE_UNITS",
    "VAGUE_QUANTITIES",
    "find_quantities",
    "parse_number",
    "parse_quantity",
]

_UNITS = {
    "zero": 0, "no": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
# Spanish, French and Portuguese number words ("tres muertos", "trois morts", "cinco feridos").
# Left out: words that are also English or a name in English copy ("once", "sept", "seize",
# "dix" as in Fort Dix), Spanish "dos", also the Portuguese "of the" ("Jaboatao dos Guararapes",
# "um dos feridos"), and the words for one ("un", "une", "um": "UN peacekeepers").
ROMANCE_UNITS = {
    "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8, "nueve": 9, "diez": 10,
    "doce": 12, "trece": 13, "catorce": 14, "quince": 15, "veinte": 20, "treinta": 30,
    "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "huit": 8, "neuf": 9, "onze": 11, "douze": 12, "treize": 13,
    "quatorze": 14, "quinze": 15, "vingt": 20, "trente": 30,
    "dois": 2, "duas": 2, "tr\u00eas": 3, "quatro": 4, "sete": 7, "oito": 8, "nove": 9, "dez": 10, "treze": 13,
    "vinte": 20, "trinta": 30,
}
_UNITS.update(ROMANCE_UNITS)
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}

# Vague quantities: (min, max, best). ``best`` is the conservative lower bound, the way
# ACLED codes "dozens" as 12 and "hundreds" as 100 (see docs/FIGURES.md for the table and
# its sources). Keys are normalised to single spaces and lower case.
VAGUE_QUANTITIES: dict[str, tuple[int, int | None, int]] = {
    "a couple": (2, 3, 2),
    "a couple of": (2, 3, 2),
    "a few": (2, 5, 2),
    "few": (2, 5, 2),
    "a handful": (2, 5, 3),
    "a handful of": (2, 5, 3),
    "several": (3, 9, 3),
    "a number of": (2, None, 2),
    "many": (2, None, 2),
    "numerous": (2, None, 2),
    "dozens": (12, None, 12),
    "dozens of": (12, None, 12),
    "scores": (20, None, 20),
    "scores of": (20, None, 20),
    "hundreds": (100, None, 100),
    "hundreds of": (100, None, 100),
    "thousands": (1000, None, 1000),
    "thousands of": (1000, None, 1000),
    "tens of thousands": (10_000, None, 10_000),
    "tens of thousands of": (10_000, None, 10_000),
    "hundreds of thousands": (100_000, None, 100_000),
    "hundreds of thousands of": (100_000, None, 100_000),
    "millions": (1_000_000, None, 1_000_000),
    "millions of": (1_000_000, None, 1_000_000),
}

_W_UNIT = "|".join(sorted(_UNITS.keys() - {"no"}, key=len, reverse=True))
_W_TENS = "|".join(_TENS)
_W_ANY = rf"(?:{_W_TENS})(?:[\s-](?:{_W_UNIT}))?|{_W_UNIT}|hundred|thousand|million|billion"
# A run of number words; "and" only after a scale word ("two hundred and fifty").
_WORDS = (
    rf"(?:(?:a|one)\s+(?:hundred|thousand|million)|{_W_ANY})"
    rf"(?:(?:[\s-]+|(?:(?<=hundred)|(?<=thousand)|(?<=million))\s+and\s+)(?:{_W_ANY}))*"
)
_DIGITS = (r"\d{1,3}(?:,\d{3})+(?!\d)|[1-9]\d{0,2}(?:\.\d{3}){2,}(?![\d.])"
           # "2 300 sans-abri": a (narrow) space groups thousands in French copy
           r"|[1-9]\d{0,2}(?:[ \u00a0\u202f]\d{3})+(?![\d.,])|\d+(?:\.\d+)?")
_DOT_THOUSANDS = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+")
_SCALE_SUFFIX = r"(?:\s*(?:million|billion|thousand|hundred|mn|bn|m)\b)?"
_DOZEN = rf"(?:half\s+a|a\s+couple(?:\s+of)?|a|(?:{_W_UNIT}|\d+))\s+dozen"
_VAGUE = (
    r"tens\s+of\s+thousands|hundreds\s+of\s+thousands|dozens|scores|hundreds|thousands|millions"
    r"|several|a\s+few|a\s+handful|a\s+couple|a\s+number|numerous|many"
)
_NUM = rf"(?:{_DOZEN}|(?:{_DIGITS}){_SCALE_SUFFIX}|{_WORDS})"
_QUAL = (
    r"at\s+least|at\s+most|more\s+than|less\s+than|fewer\s+than|no\s+fewer\s+than|no\s+less\s+than"
    r"|not\s+less\s+than|over|under|up\s+to|nearly|almost|about|approximately|approx\.|around"
    r"|roughly|some|an\s+estimated|estimated|as\s+many\s+as|close\s+to|upwards\s+of|well\s+over"
    r"|a\s+total\s+of|total\s+of|a\s+further|an\s+additional|additional|another|only|just|the|all|a\s+maximum\s+of|a\s+minimum\s+of"
    # Spanish, French, Portuguese: "al menos 8 muertos", "au moins 12 morts", "plus de 5 000"
    r"|al\s+menos|por\s+lo\s+menos|au\s+moins|pelo\s+menos|m[a\u00e1]s\s+de|plus\s+de|mais\s+de"
    r"|cerca\s+de|unos|unas|environ|pr[e\u00e8]s\s+de|quelque"
)
QUALIFIER_PATTERN = _QUAL  # the words that may precede a number ("at least", "an estimated")
_RANGE_SEP = r"\s*(?:-|\u2013|\u2014|to|or)\s*"

# Source text of the phrase finder; groups are named with a ``q_`` prefix so the pattern
# can be embedded in larger ones.
QUANTITY_PATTERN = (
    rf"(?:(?:{_QUAL})\s+){{0,2}}"
    rf"(?:between\s+{_NUM}\s+and\s+{_NUM}|from\s+{_NUM}\s+to\s+{_NUM}"
    rf"|{_NUM}(?:{_RANGE_SEP}{_NUM}(?![\w-]))?|(?:{_VAGUE})(?:\s+of)?)"
    r"(?![\w])"
)

_QUANTITY = re.compile(QUANTITY_PATTERN, re.IGNORECASE)
_NUM_RE = re.compile(_NUM, re.IGNORECASE)
_QUAL_RE = re.compile(rf"^(?:(?:{_QUAL})\s+)+", re.IGNORECASE)
_SPACES = re.compile(r"\s+")
# The parser's own patterns, compiled once (a pattern built or looked up per call costs more
# than the match: the range pattern alone is several thousand characters).
_DOZEN_RE = re.compile(r"(half a|a couple of|a couple|a|\S+) dozen")
_DIGITS_RE = re.compile(rf"({_DIGITS})\s*(million|billion|thousand|hundred|mn|bn|m)?")
_RANGE_RE = re.compile(rf"(?:between ({_NUM}) and ({_NUM})|from ({_NUM}) to ({_NUM})|({_NUM}){_RANGE_SEP}({_NUM}))",
                       re.IGNORECASE)
_WORD_GAPS = re.compile(r"[\s-]+")
_SCALE_END = re.compile(r"(million|thousand|billion)$")
_LOWER_BOUNDS = ("at least", "more than", "over", "no fewer than", "no less than", "not less than",
                 "upwards of", "well over", "a minimum of", "al menos", "por lo menos", "au moins", "pelo menos",
                 "mas de", "m\u00e1s de", "plus de", "mais de")
_UPPER_BOUNDS = ("at most", "up to", "less than", "fewer than", "under", "as many as", "a maximum of")


def parse_number(phrase: str) -> int | None:
    """The integer a number phrase (digits or words, no qualifier) denotes, or None.

    >>> parse_number("twenty-five"), parse_number("1.5 million"), parse_number("a dozen")
    (25, 1500000, 12)
    """
    s = _SPACES.sub(" ", phrase.strip().lower())
    if not s:
        return None
    m = _DOZEN_RE.fullmatch(s) if s.endswith(" dozen") else None
    if m:
        head = m.group(1)
        if head == "half a":
            return 6
        if head.startswith("a couple"):
            return 24  # "a couple of dozen": two dozen, as the phrase says
        if head == "a":
            return 12
        n = parse_number(head)
        return None if n is None else n * 12
    m = _DIGITS_RE.fullmatch(s)
    if m:
        digits = m.group(1)
        if not m.group(2) and _DOT_THOUSANDS.fullmatch(digits):
            # "3.500 personas", "1.200 familias": a dot groups thousands in Spanish, French,
            # German and Portuguese copy; a decimal with exactly three places and no scale
            # word is no count of people in English news
            return int(digits.replace(".", ""))
        value = float(digits.replace(",", "").replace(" ", "").replace("\u00a0", "").replace("\u202f", ""))
        scale = m.group(2)
        if scale:
            value *= {"mn": 1e6, "m": 1e6, "bn": 1e9}.get(scale, _SCALES.get(scale, 1))
        return int(round(value))
    return _parse_words(s)


def _parse_words(s: str) -> int | None:
    total = 0
    current = 0
    seen = False
    for tok in _WORD_GAPS.split(s):
        if tok in ("and", ""):
            continue
        if tok in ("a", "one") and not seen:
            current = 1
            seen = True
        elif tok in _UNITS:
            current += _UNITS[tok]
            seen = True
        elif tok in _TENS:
            current += _TENS[tok]
            seen = True
        elif tok == "hundred":
            current = (current or 1) * 100
            seen = True
        elif tok in ("thousand", "million", "billion"):
            total += (current or 1) * _SCALES[tok]
            current = 0
            seen = True
        else:
            return None
    return total + current if seen else None


@lru_cache(maxsize=4096)
def parse_quantity(phrase: str) -> Range | None:
    """A ``Range`` for one quantity phrase, or None if it is not one.

    >>> r = parse_quantity("more than 20"); (r.min, r.max, r.best)
    (20, None, 20)
    >>> r = parse_quantity("up to 7,800"); (r.min, r.max, r.best)
    (0, 7800, 7800)
    >>> parse_quantity("ten-15").max
    15
    """
    text = phrase.strip()
    s = _SPACES.sub(" ", text.lower())
    qual = ""
    m = _QUAL_RE.match(s)
    if m:
        qual = m.group(0).strip()
        s = s[m.end():]
    if not s:
        return None
    # Vague words.
    key = s.removesuffix(" of") if s.endswith(" of") and s not in VAGUE_QUANTITIES else s
    if s in VAGUE_QUANTITIES or key in VAGUE_QUANTITIES:
        lo, hi, best = VAGUE_QUANTITIES.get(s) or VAGUE_QUANTITIES[key]
        return Range(min=lo, max=hi, best=best, text=text, vague=True)
    n = parse_number(s)
    if n is not None:
        return _qualified(n, qual, text)
    # Ranges.
    rm = _RANGE_RE.fullmatch(s)
    if rm:
        parts = [g for g in rm.groups() if g is not None]
        a, b = parse_number(parts[0]), parse_number(parts[1])
        if a is not None and b is not None:
            if b < a and _looks_like_shared_scale(parts[1]):
                b = a  # "2-3 million": the scale belongs to both; keep it safe
            lo, hi = min(a, b), max(a, b)
            return Range(min=lo, max=hi, best=lo, text=text, vague=False)
    n = parse_number(s)
    if n is None:
        return None
    return _qualified(n, qual, text)


def _looks_like_shared_scale(part: str) -> bool:
    return bool(_SCALE_END.search(part))


def _qualified(n: int, qual: str, text: str) -> Range:
    q = _SPACES.sub(" ", qual)
    if q.endswith(_LOWER_BOUNDS):
        return Range(min=n, max=None, best=n, text=text, vague=False)
    if q.endswith(_UPPER_BOUNDS):
        return Range(min=0, max=n, best=n, text=text, vague=False)
    return Range(min=n, max=n, best=n, text=text, vague=False)


def find_quantities(text: str) -> list[tuple[int, int, Range]]:
    """Every quantity phrase in ``text`` as ``(start, end, Range)``.

    >>> [(s, e, r.best) for s, e, r in find_quantities("killing 10 soldiers and wounding three")]
    [(8, 10, 10), (33, 38, 3)]
    """
    out: list[tuple[int, int, Range]] = []
    for m in _QUANTITY.finditer(text):
        r = parse_quantity(m.group(0))
        if r is not None:
            out.append((m.start(), m.end(), r))
    return out
