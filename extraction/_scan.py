"""Helpers that let a regular expression be tried only where it can match.

Python's ``re`` engine, searching a pattern that has no literal first character, starts a
full match attempt at every position of the text (tens of nanoseconds each). Most of the
figure rules in ``extraction.figures`` look for a few rare words in a sentence, so nearly
all of those attempts fail. Cheaper ways to get exactly the same matches:

* **Anchored matching** (`finditer_at`): find the few positions where a match can start with
  ``str.find`` (C speed) and call ``pattern.match`` only there, in increasing order, skipping
  positions inside the previous match. This gives the very matches ``pattern.finditer``
  would, provided the positions tried include every position where a match can start (more
  positions are harmless: a match attempt there fails or is the leftmost match anyway).
  ``pattern.match(s, pos)`` still sees the text before ``pos``, so look-behinds and ``\\b``
  behave as in a search over the whole string.
* **Pivot patterns** (`pivot_pattern`): a pattern that finds any of many words inside a
  text starts its match at a character that is rare in English and present in every word
  (its *pivot*), then checks the rest of the word around it. The engine skips, in C, every
  position whose character is no pivot (about 85% of a text with the pivots "d", "l", "s",
  "u"), where a pattern starting at each word's first letter makes it try almost every
  position.
* **Word-start patterns** (`WordStartPattern`): a pattern whose every match begins at the
  start of a word (``\\b`` then a letter or digit) is searched as "a character outside
  [a-z0-9_] that is no word character, then the pattern": the engine skips in C to the
  next space or sign instead of testing ``\\b`` at every position, and the match it finds
  is redone with the original pattern so callers get the same match object.
* **First characters** (`first_chars`): the characters a pattern's match can begin with,
  read from the parsed pattern, so an alternation of several patterns can be split into
  one smaller alternation per first character (the others cannot match there).
* **Occurrence lists** (`occurrences`): every index of a few substrings, used to build
  those positions.

Nothing here knows about casualties; ``figures.py`` decides which positions a rule needs.
"""

from __future__ import annotations

import re
import re._constants as _c
import re._parser as _parser
from collections.abc import Callable, Iterable

__all__ = [
    "WordStartPattern",
    "finditer_at",
    "first_chars",
    "occurrences",
    "pivot_pattern",
    "space_run_start",
    "substring_test",
]


def occurrences(s: str, needles: Iterable[str], out: list[int] | None = None) -> list[int]:
    """Every index of every needle in ``s`` (overlapping; unsorted, may repeat), appended to ``out``."""
    res: list[int] = [] if out is None else out
    find = s.find
    for needle in needles:
        i = find(needle)
        while i != -1:
            res.append(i)
            i = find(needle, i + 1)
    return res


def space_run_start(s: str, k: int, comma: bool = True) -> int:
    """The leftmost start of ``,?\\s*`` ending at ``k``: where a pattern that begins with
    optional comma and white space may start a match whose next character is ``s[k]``."""
    j = k
    while j > 0 and s[j - 1].isspace():  # ``\\s`` and ``str.isspace`` agree on every character
        j -= 1
    if comma and j > 0 and s[j - 1] == ",":
        j -= 1
    return j


def finditer_at(pattern: re.Pattern[str], s: str, starts: Iterable[int]) -> list[re.Match[str]]:
    """What ``pattern.finditer(s)`` yields, trying ``pattern.match`` only at ``starts``.

    ``starts`` must include every position where ``pattern`` can begin a match (extra ones
    are fine); ``pattern`` must never match the empty string.
    """
    out: list[re.Match[str]] = []
    match = pattern.match
    end = 0
    for p in sorted(set(starts)):
        if p < end:
            continue  # inside the previous match: finditer resumes after it
        m = match(s, p)
        if m is not None:
            out.append(m)
            end = m.end()
    return out


# Letters by how often they occur in English text, most frequent first: the rarest
# character of a word is its best pivot. Anything not listed (digits, signs) counts as rare;
# white space as the most frequent.
_BY_FREQUENCY = " etaoinshrdlcumwfgypbvkjxqz"


def _rarest(w: str) -> int:
    return min(range(len(w)), key=lambda k: -_BY_FREQUENCY.find(w[k]) if w[k] in _BY_FREQUENCY else -99)


def substring_test(words: Iterable[str]) -> re.Pattern[str]:
    """A pattern whose ``search`` finds a match exactly when one of ``words`` occurs in the
    text (``any(w in text for w in words)`` in one pass; a space in a word matches any one
    white-space character): each word is found from its rarest
    character, so the engine skips most positions in C instead of ``str.__contains__``
    scanning the text once per word."""
    return re.compile(pivot_pattern(words, None))


def pivot_pattern(words: Iterable[str], pivots: str | None) -> str:
    """A regular expression that matches, at a pivot character, wherever one of ``words``
    occurs (anywhere, also inside a longer word). Each word's first character in
    ``pivots`` is its pivot (with ``pivots`` None: its rarest character); the match starts
    there and ends at the word's end, and a look-behind checks the part before the pivot.
    Alternatives are factored by common prefix so the engine compares one character per
    branch."""
    groups: dict[str, dict] = {}
    for w in words:
        i = _rarest(w) if pivots is None else next((k for k, c in enumerate(w) if c in pivots), None)
        if i is None:
            raise ValueError(f"{w!r} has no pivot character from {pivots!r}")
        node = groups.setdefault(w[i], {})
        for c in w[i + 1:]:
            node = node.setdefault(c, {})
        node.setdefault("", []).append(w)

    def emit(node: dict) -> str:
        parts = [_literal(c) + emit(sub) for c, sub in sorted(node.items()) if c]
        parts += ["(?<=" + _literal(w) + ")" for w in node.get("", [])]
        return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"

    return "|".join(_literal(c) + emit(node) for c, node in sorted(groups.items()))


def _literal(text: str) -> str:
    """``text`` as a pattern in which a space matches any one white-space character, as the
    rules' ``\\s`` do: a hint "across the" must also be found in hard-wrapped copy
    ("across\\nthe"), or the rule it guards would never run there."""
    return re.escape(text).replace("\\ ", r"\s")


class WordStartPattern:
    """``pattern`` with the same ``search``/``finditer`` results, found faster.

    Only for patterns whose every match starts at a word start (each alternative opens
    with ``\\b`` and a word character) and is never empty: a match then starts either at
    the search position or right after a non-word character, which ``[^a-z0-9_](?<!\\w)``
    finds (the class lets through every non-word character; the look-behind drops the word
    characters it also lets through). The class is case-sensitive even when ``pattern``
    ignores case, so the engine can use it to skip positions.
    """

    __slots__ = ("_after", "_match", "pattern")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self._match = pattern.match
        self._after: Callable[[str, int, int], re.Match[str] | None] | None = None  # compiled on first use

    def search(self, s: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        """The leftmost match in ``s[pos:endpos]``, as ``pattern.search`` finds it."""
        end = len(s) if endpos is None else endpos
        m = self._match(s, pos, end)
        if m is not None:
            return m
        after = self._after
        if after is None:
            p = self.pattern
            after = self._after = re.compile(rf"(?-i:[^a-z0-9_])(?<!\w)(?:{p.pattern})", p.flags).search
        a = after(s, pos, end)
        return None if a is None else self._match(s, a.start() + 1, end)

    def finditer(self, s: str, pos: int = 0, endpos: int | None = None) -> list[re.Match[str]]:
        """Every match, left to right and non-overlapping, as ``pattern.finditer`` gives them."""
        out: list[re.Match[str]] = []
        m = self.search(s, pos, endpos)
        while m is not None:
            out.append(m)
            m = self.search(s, m.end(), endpos)
        return out


def first_chars(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Every character a match of ``pattern`` can begin with, or None when that is not a
    small known set (a class like ``\\w``, a negated class, a case-insensitive letter, a
    pattern that can match the empty string). Zero-width assertions are skipped: they
    constrain where a match starts, not with what."""
    if flags & re.IGNORECASE:
        return None
    try:  # ``re._parser`` is the standard library's own parser, but not a public interface:
        chars, empty = _first_of(_parser.parse(pattern, flags))
    except Exception:  # if it ever changes shape, "unknown" keeps every caller correct
        return None
    return None if chars is None or empty else frozenset(chars)


def _first_of(items: Iterable[tuple]) -> tuple[set[str] | None, bool]:
    """(first characters, whether ``items`` can match the empty string)."""
    acc: set[str] = set()
    for op, av in items:
        chars, empty = _first_of_item(op, av)
        if chars is None:
            return None, False
        acc |= chars
        if not empty:
            return acc, False
    return acc, True


def _first_of_item(op: object, av: object) -> tuple[set[str] | None, bool]:
    if op is _c.LITERAL:
        return {chr(av)}, False  # type: ignore[arg-type]
    if op is _c.IN:
        chars: set[str] = set()
        for kind, value in av:  # type: ignore[attr-defined]
            if kind is _c.LITERAL:
                chars.add(chr(value))
            elif kind is _c.RANGE and value[1] - value[0] < 128:
                chars.update(chr(x) for x in range(value[0], value[1] + 1))
            else:
                return None, False  # negation, category (\\d, \\s), wide range
        return chars, False
    if op is _c.BRANCH:
        acc: set[str] = set()
        any_empty = False
        for alt in av[1]:  # type: ignore[index]
            chars_alt, empty = _first_of(alt)
            if chars_alt is None:
                return None, False
            acc |= chars_alt
            any_empty = any_empty or empty
        return acc, any_empty
    if op is _c.SUBPATTERN:
        if av[1] or av[2]:  # type: ignore[index]
            return None, False  # scoped flags (case-insensitive parts)
        return _first_of(av[3])  # type: ignore[index]
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        lo, _hi, item = av  # type: ignore[misc]
        chars, empty = _first_of(item)
        return chars, empty or lo == 0
    if op is _c.ATOMIC_GROUP:
        return _first_of(av)  # type: ignore[arg-type]
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return set(), True
    return None, False
