"""Sentence splitting with character offsets into the original text."""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Sentence", "split_sentences"]

# Abbreviations after which a full stop does not end a sentence.
_ABBREV = {
    "mr", "mrs", "ms", "dr", "gen", "col", "lt", "sgt", "capt", "maj", "st", "jr", "sr", "no",
    "vs", "u.s", "u.n", "u.k", "e.g", "i.e", "approx", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec", "gov", "rep", "sen", "prof", "inc", "co", "corp",
    "ft", "mt", "ave", "blvd", "rd", "dept", "brig", "adm", "cpl", "pvt", "lt.col",
}
# The match starts at the end punctuation (or a newline) so the engine can skip quickly to
# candidate characters instead of trying a lookbehind at every position.
_BOUNDARY = re.compile(r"[.!?][\"'\u201d\u2019)]*\s+(?=[\"'\u201c\u2018(]*[A-Z0-9])|\n\s*\n|\n(?=[A-Z\"\u201c])")
# Hard-wrapped text (wire copy with a line break every ~70 characters): a single line break
# is only a wrap, never a sentence end.
_BOUNDARY_WRAPPED = re.compile(r"[.!?][\"'\u201d\u2019)]*\s+(?=[\"'\u201c\u2018(]*[A-Z0-9])|\n\s*\n")
# What follows a clock time inside the same sentence: a weekday, a month, a time zone.
_AFTER_TIME = re.compile(
    r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\b|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b\.?"
    r"|(?:GMT|UTC|EST|EDT|CST|CDT|MST|MDT|PST|PDT|ET|CT|PT|local\s+time)\b|\d"
)
_CLOSERS = "\"'\u201d\u2019)"
_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.")


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str
    start: int  # offset of text[0] in the article

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences, keeping each one's offset into ``text``.

    >>> [s.text for s in split_sentences("Two died. Mr. Ali said so.\\n\\nNext para")]
    ['Two died.', 'Mr. Ali said so.', 'Next para']
    """
    out: list[Sentence] = []
    pos = 0
    boundary = _BOUNDARY_WRAPPED if _hard_wrapped(text) else _BOUNDARY
    for m in boundary.finditer(text):
        sep = m.group(0)
        cut = m.start()
        if sep[0] in ".!?":
            cut += 1  # the punctuation stays with its sentence
            sep = sep[1:]
        blank = sep.strip() == ""
        # Only the last word before the cut matters: look at a short tail, not the whole head.
        # an abbreviation only matters before a full stop; a blank line always ends a sentence
        word = _last_word(text, max(pos, cut - 40), cut) if blank and text[cut - 1:cut] == "." else ""
        if word and word.rstrip(".").lower() in _ABBREV:
            continue
        if word.lower() in ("a.m.", "p.m.") and _AFTER_TIME.match(text, m.end()):
            continue  # "at 2 a.m. Aug. 29", "9 p.m. Sunday": the time goes on with its day
        if word and len(word.rstrip(".")) == 1 and text[cut - 1:cut] == "." and cut > pos:
            continue  # an initial ("J. Smith")
        _append(out, text, pos, m.end() if blank else cut)
        pos = m.end()
    _append(out, text, pos, len(text))
    return out


def _hard_wrapped(text: str) -> bool:
    """True when most lines of a multi-line text are 55-85 characters long (wire copy)."""
    if text.count("\n") < 4:
        return False
    lines = [len(line) for line in text.split("\n") if line.strip()]
    if len(lines) < 4:
        return False
    wrapped = sum(1 for n in lines if 55 <= n <= 85)
    return wrapped >= 0.6 * len(lines)


def _last_word(text: str, lo: int, hi: int) -> str:
    """The run of letters and dots that ends ``text[lo:hi]`` before closing quotes ("Mr.")."""
    tail = text[lo:hi].rstrip(_CLOSERS)
    i = len(tail)
    while i > 0 and tail[i - 1] in _WORD_CHARS:
        i -= 1
    return tail[i:]


def _append(out: list[Sentence], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if not stripped:
        return
    lead = len(chunk) - len(chunk.lstrip())
    out.append(Sentence(stripped, start + lead))
