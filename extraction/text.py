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
_BOUNDARY = re.compile(r"(?<=[.!?])[\"'\u201d\u2019)]*\s+(?=[\"'\u201c\u2018(]*[A-Z0-9])|\n\s*\n|\n(?=[A-Z\"\u201c])")


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
    for m in _BOUNDARY.finditer(text):
        cut = m.start()
        head = text[pos:cut]
        word = re.search(r"([A-Za-z.]+)\.?[\"'\u201d\u2019)]*$", head)
        if word and m.group(0).strip() == "" and word.group(1).rstrip(".").lower() in _ABBREV:
            continue
        if word and len(word.group(1).rstrip(".")) == 1 and m.group(0).strip() == "" and head.endswith("."):
            continue  # an initial ("J. Smith")
        _append(out, text, pos, m.end() if m.group(0).strip() == "" else cut)
        pos = m.end()
    _append(out, text, pos, len(text))
    return out


def _append(out: list[Sentence], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if not stripped:
        return
    lead = len(chunk) - len(chunk.lstrip())
    out.append(Sentence(stripped, start + lead))
