"""Sentence splitting with character offsets into the original text.

One compiled regex finds every candidate boundary (end punctuation followed by space and a
capital or digit, a blank line, or a line break before a capital); the Python loop only
looks at those candidates (about one per sentence) to undo the false ones: a full stop
after an abbreviation ("Mr."), an initial ("J. Smith"), or "a.m."/"p.m." before the day
it belongs to.

Speed (every article passes here once; the rest of the core reads the result):

* Texts without "!" or "?" (most news) are scanned by two patterns that open with one
  literal character ("." and a line break), which the engine finds several times faster
  than a character class; their matches are merged in order (``_boundaries``).
* The stops that may close an abbreviation, an initial or "a.m." are found in one pass over
  the reversed text (``_MAY_JOIN``: a word before a stop reads stop-first there); only
  those get the exact word test (``_joins``).
* ``Sentence`` stores its ``end`` and is filled slot by slot (it stays a frozen dataclass).

``longest_first`` writes a word list as a prefix-tree regex; dates and taxonomy use it.
``blank_markup`` reads an HTML fragment as text of the same length (feeds send both).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import FrozenInstanceError, dataclass, field

__all__ = ["MAX_SENTENCE_CHARS", "Sentence", "blank_markup", "longest_first", "split_sentences"]

# An HTML tag, comment or character reference (a feed's body may be an HTML fragment).
_MARKUP = re.compile(r"<(?:[a-zA-Z/][^<>]{0,300}|!--.{0,300}?--)>|&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});")
# Tags that end a block of text (a paragraph, a line, a list item, a heading, a cell).
_BLOCK_TAG = re.compile(r"</?(?:p|br|div|li|ul|ol|h[1-6]|tr|td|th|table|blockquote|section|article|header)\b",
                        re.IGNORECASE)


def _blank(m: re.Match[str]) -> str:
    piece = m.group(0)
    if piece[0] == "<":
        # a block tag is a line break (a sentence may end there); any other tag is space
        return ("\n" if _BLOCK_TAG.match(piece) else " ") + " " * (len(piece) - 1)
    char = html.unescape(piece)
    if len(char) != 1 or char.isspace():
        char = " "  # (&nbsp; and unknown names read as a space)
    return char + " " * (len(piece) - 1)


def blank_markup(text: str) -> str:
    """``text`` with every HTML tag blanked (a line break for a block tag, else spaces) and
    every character reference ("&amp;", "&#8212;") decoded and padded with spaces: the same
    length, so offsets into it are offsets into the text as sent.

    >>> blank_markup("<p>12&nbsp;killed</p>")
    '\\n  12      killed\\n   '
    """
    if "<" not in text and "&" not in text:
        return text
    return _MARKUP.sub(_blank, text)

# Abbreviations after which a full stop does not end a sentence.
_ABBREV = {
    "mr", "mrs", "ms", "dr", "gen", "col", "lt", "sgt", "capt", "maj", "st", "jr", "sr", "no",
    "vs", "u.s", "u.n", "u.k", "e.g", "i.e", "approx", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec", "gov", "rep", "sen", "prof", "inc", "co", "corp",
    "ft", "mt", "ave", "blvd", "rd", "dept", "brig", "adm", "cpl", "pvt", "lt.col",
}
# A boundary: end punctuation, closing quotes, space, then a capital or digit (perhaps after
# opening quotes); a blank line; a line break before a capital. Every match starts with
# one character of [.!?\n] and the branches test which one by lookbehind: a pattern that
# starts with one character class lets the engine skip to candidates (twice as fast as
# the same branches written side by side, which it tries at every position).
_BOUNDARY = re.compile(
    r"[.!?\n](?:(?<=[.!?])[\"'\u201d\u2019)]*\s+(?=[\"'\u201c\u2018(]*[A-Z0-9])|(?<=\n)\s*\n|(?<=\n)(?=[A-Z\"\u201c]))"
)
# Hard-wrapped text (wire copy with a line break every ~70 characters): a single line break
# is only a wrap, never a sentence end.
_BOUNDARY_WRAPPED = re.compile(r"[.!?\n](?:(?<=[.!?])[\"'\u201d\u2019)]*\s+(?=[\"'\u201c\u2018(]*[A-Z0-9])|(?<=\n)\s*\n)")
# Most texts have no "!" or "?": then the same boundaries are found by two patterns that
# each open with one literal character, which the engine finds several times faster than
# a character class; their matches never overlap wrongly (see ``_boundaries``).
_STOP_BOUNDARY = re.compile(r"\.[\"'\u201d\u2019)]*\s+(?=[\"'\u201c\u2018(]*[A-Z0-9])")
_LINE_BOUNDARY = re.compile(r"\n\s*\n|\n(?=[A-Z\"\u201c])")
_LINE_BOUNDARY_WRAPPED = re.compile(r"\n\s*\n")
# What follows a clock time inside the same sentence: a weekday, a month, a time zone.
_AFTER_TIME = re.compile(
    r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\b|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b\.?"
    r"|(?:GMT|UTC|EST|EDT|CST|CDT|MST|MDT|PST|PDT|ET|CT|PT|local\s+time)\b|\d"
)
_CLOSERS = "\"'\u201d\u2019)"
# The word before a full stop, read backwards: matched on the reversed text from the stop.
_WORD_REVERSED = re.compile(r"[A-Za-z.]+")
# How far back the word before a full stop is read.
_WORD_REACH = 40


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence: its stripped ``text`` and the offset of ``text[0]`` in the article.

    ``end`` (``start + len(text)``) is stored, not computed: every stage reads it often.
    """

    text: str
    start: int  # offset of text[0] in the article
    end: int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "end", self.start + len(self.text))


# split_sentences makes ~25 sentences per article: ``_add`` fills the slots directly (the frozen
# dataclass's __init__ and __post_init__ cost twice as much).
_new_sentence = object.__new__
_set_text = Sentence.text.__set__  # type: ignore[attr-defined]
_set_start = Sentence.start.__set__  # type: ignore[attr-defined]
_set_end = Sentence.end.__set__  # type: ignore[attr-defined]
assert issubclass(FrozenInstanceError, AttributeError)


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences, keeping each one's offset into ``text``.

    >>> [s.text for s in split_sentences("Two died. Mr. Ali said so.\\n\\nNext para")]
    ['Two died.', 'Mr. Ali said so.', 'Next para']
    """
    out: list[Sentence] = []
    pos = 0
    reversed_text = ""
    joins: set[int] | None = None
    n = len(text)
    for cut, end in _boundaries(text):
        if text[cut] != "\n":
            cut += 1  # the punctuation stays with its sentence
            if text[cut] in _CLOSERS:
                # Closing quotes after the stop: the sentence ends at the stop and the next
                # one starts after the space (the closers go with neither).
                _add(out, text, pos, cut)
                pos = end
                continue
        # A blank separator (space or line breaks): the sentence runs to the match's end.
        # Only the word before a full stop can undo the cut; a blank line always cuts.
        if cut and text[cut - 1] == ".":
            if joins is None:
                reversed_text = text[::-1]
                joins = {j.start() for j in _MAY_JOIN.finditer(reversed_text)}
            if n - cut in joins and "\n\n" not in text[cut:end] and _joins(text, reversed_text, pos, cut, end):
                continue
        _add(out, text, pos, end)
        pos = end
    _add(out, text, pos, n)
    return out


def _boundaries(text: str) -> list[tuple[int, int]]:
    """The spans of the candidate boundaries, in order, as ``_BOUNDARY`` (or, in
    hard-wrapped text, ``_BOUNDARY_WRAPPED``) finds them."""
    # The wrapped patterns lack only the branch that cuts at a single line break before a
    # capital (the one kind of match one character long). Where the plain pattern makes no
    # such cut, both find the same matches, so whether the text is hard-wrapped is only
    # decided (it reads every line) when one was made: most texts break lines in pairs.
    if "!" in text or "?" in text:
        spans = [m.span() for m in _BOUNDARY.finditer(text)]
        if any(e - s == 1 for s, e in spans) and _hard_wrapped(text):
            spans = [m.span() for m in _BOUNDARY_WRAPPED.finditer(text)]
        return spans
    stops = [m.span() for m in _STOP_BOUNDARY.finditer(text)]
    if "\n" not in text:
        return stops
    # Merge the two sorted lists, dropping a line break inside a stop's match (its
    # trailing space). A match of either kind never reaches past a character that is not
    # space, and each begins on one, so nothing else differs from one combined scan.
    lines = [m.span() for m in _LINE_BOUNDARY.finditer(text)]
    if any(e - s == 1 for s, e in lines) and _hard_wrapped(text):
        lines = [m.span() for m in _LINE_BOUNDARY_WRAPPED.finditer(text)]
    out: list[tuple[int, int]] = []
    last = 0
    for span in sorted(stops + lines):
        if span[0] >= last:
            out.append(span)
            last = span[1]
    return out


def _joins(text: str, reversed_text: str, pos: int, cut: int, end: int) -> bool:
    """True when the full stop before ``cut`` does not end the sentence: it closes an
    abbreviation ("Mr."), an initial ("J. Smith"), or "a.m."/"p.m." before its day."""
    i = len(text) - cut
    run = _WORD_REVERSED.match(reversed_text, i).end() - i  # type: ignore[union-attr]
    # (the run never reaches back past ``pos``: a sentence starts after a space)
    word = text[cut - min(run, _WORD_REACH):cut]
    core = word.rstrip(".")
    if core.lower() in _ABBREV:
        return True
    low = word.lower()
    if (low == "a.m." or low == "p.m.") and _AFTER_TIME.match(text, end):
        return True  # "at 2 a.m. Aug. 29", "9 p.m. Sunday": the time goes on with its day
    return len(core) == 1 and cut > pos  # an initial


# The longest sentence kept whole. News sentences stay under ~650 characters (both
# evaluation files); the rules read a sentence in time that grows with its length times its
# figures, so a text without sentence ends (a crawl's run-on table, a hostile message)
# is cut into pieces of at most this length, at the last space before it.
MAX_SENTENCE_CHARS = 2000


def _add(out: list[Sentence], text: str, start: int, end: int) -> None:
    """Append ``text[start:end]`` stripped, with its offset, unless it is blank (pieces of
    at most ``MAX_SENTENCE_CHARS`` when it is longer)."""
    while end - start > MAX_SENTENCE_CHARS:
        cut = text.rfind(" ", start + MAX_SENTENCE_CHARS // 2, start + MAX_SENTENCE_CHARS)
        if cut == -1:
            cut = start + MAX_SENTENCE_CHARS
        _add(out, text, start, cut)
        start = cut
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped:
        if stripped[0] != chunk[0]:  # leading space (rare): the sentence starts after it
            start += len(chunk) - len(chunk.lstrip())
        s = _new_sentence(Sentence)
        _set_text(s, stripped)
        _set_start(s, start)
        _set_end(s, start + len(stripped))
        out.append(s)


def _hard_wrapped(text: str) -> bool:
    """True when most lines of a multi-line text are 55-85 characters long (wire copy)."""
    if text.count("\n") < 4:
        return False
    lines = [len(line) for line in text.split("\n") if line and not line.isspace()]
    if len(lines) < 4:
        return False
    wrapped = sum(1 for n in lines if 55 <= n <= 85)
    return wrapped >= 0.6 * len(lines)


def longest_first(words: Iterable[str], *, fold_case: bool = False) -> str:
    """A regex source matching, at the leftmost place where any of ``words`` starts, the
    longest of them: what ``"|".join(sorted(words, key=len, reverse=True))`` (escaped)
    matches, also when followed by a lookahead that may reject a longer word.

    It is written as a prefix tree (``A(?:DF|Q(?:AP|IM))``): CPython tries the branches
    of an alternation one by one at every candidate character, and the tree has one
    branch per distinct next character, so long word lists scan several times faster.

    With ``fold_case`` the words are matched in any case, ASCII letters only (``[mM][rR]``;
    the ``re.IGNORECASE`` flag would also fold some non-ASCII letters).

    >>> import re
    >>> re.findall(longest_first(["Mar", "March", "May"]), "March, May, Mars")
    ['March', 'May', 'Mar']
    """
    tree: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = tree
        for ch in word.lower() if fold_case else word:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here

    def char(ch: str) -> str:
        if fold_case and "a" <= ch <= "z":
            return f"[{ch}{ch.upper()}]"
        return re.escape(ch)

    def branch(node: dict[str, dict]) -> str:  # type: ignore[type-arg]
        alts = [char(ch) + branch(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        # greedy: a longer word is tried first, then the word that ends here
        return f"(?:{body})?" if "" in node else body

    return branch(tree)


# Full stops that may not end a sentence, found in one pass over the reversed text (where a
# word before a stop reads stop-first, so the engine jumps from one "." to the next): the
# stop(s) of an abbreviation, a one-letter word or "a.m."/"p.m." closing a word of letters
# and dots, and any run of 34 or more stops (a 40-character word cut short could end in an
# abbreviation). A superset: ``_joins`` decides. The other boundaries skip the word test.
_MAY_JOIN = re.compile(
    r"\.(?:\.*(?:" + longest_first((a[::-1] for a in _ABBREV), fold_case=True) + r"|[A-Za-z])(?![A-Za-z.])"
    r"|[Mm]\.[AaPp](?![A-Za-z.])|\.{33,})"
)
