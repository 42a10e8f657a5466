"""Helpers that let a regular expression be tried only where it can match.

Python's ``re`` engine, searching a pattern that has no literal first character, starts a
full match attempt at every position of the text (tens of nanoseconds each). Most of the
figure rules in ``extraction.figures`` look for a few rare words in a sentence, so nearly
all of those attempts fail. Two cheaper ways to get exactly the same matches:

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
* **Occurrence lists** (`occurrences`): every index of a few substrings, used to build
  those positions.

Nothing here knows about casualties; ``figures.py`` decides which positions a rule needs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["WordStartPattern", "finditer_at", "occurrences", "pivot_pattern", "space_run_start"]


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


def pivot_pattern(words: Iterable[str], pivots: str) -> str:
    """A regular expression that matches, at a pivot character, wherever one of ``words``
    occurs (anywhere, also inside a longer word). Each word's first character in
    ``pivots`` is its pivot; the match starts there and ends at the word's end, and a
    look-behind checks the part before the pivot. Alternatives are factored by common
    prefix so the engine compares one character per branch."""
    groups: dict[str, dict] = {}
    for w in words:
        i = next((k for k, c in enumerate(w) if c in pivots), None)
        if i is None:
            raise ValueError(f"{w!r} has no pivot character from {pivots!r}")
        node = groups.setdefault(w[i], {})
        for c in w[i + 1:]:
            node = node.setdefault(c, {})
        node.setdefault("", []).append(w)

    def emit(node: dict) -> str:
        parts = [re.escape(c) + emit(sub) for c, sub in sorted(node.items()) if c]
        parts += ["(?<=" + re.escape(w) + ")" for w in node.get("", [])]
        return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"

    return "|".join(re.escape(c) + emit(node) for c, node in sorted(groups.items()))


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
        self._after = re.compile(rf"(?-i:[^a-z0-9_])(?<!\w)(?:{pattern.pattern})", pattern.flags).search

    def search(self, s: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        """The leftmost match in ``s[pos:endpos]``, as ``pattern.search`` finds it."""
        end = len(s) if endpos is None else endpos
        m = self._match(s, pos, end)
        if m is not None:
            return m
        a = self._after(s, pos, end)
        return None if a is None else self._match(s, a.start() + 1, end)

    def finditer(self, s: str, pos: int = 0, endpos: int | None = None) -> list[re.Match[str]]:
        """Every match, left to right and non-overlapping, as ``pattern.finditer`` gives them."""
        out: list[re.Match[str]] = []
        m = self.search(s, pos, endpos)
        while m is not None:
            out.append(m)
            m = self.search(s, m.end(), endpos)
        return out
