"""Event dates: explicit dates and relative phrases resolved against the publication date.

One precompiled regex finds every date-like phrase in the text (explicit dates in the
usual news forms, numeric dates, weekdays with their modifiers, "yesterday", "last week",
"earlier this month", ...). Each mention is resolved against a base date (the publication
date, else the date of a wire dateline such as ``SAN SALVADOR, 12 JAN 90 (RADIO) --``),
then judged by where it sits and what surrounds it: a date in the event's own sentence
(``anchor``) beats one in the lead, which beats one further down; a date next to a funeral,
a court hearing, a "published"/"updated" stamp, a birth date or a "since 2014" is not the
event's. When no mention survives, the publication date stands in, with precision
``publication``. Conventions (documented in docs/TAXONOMY.md, "Event dates"):

* A weekday means the most recent such day on or before the publication date: "Saturday"
  in an article published on a Saturday is that same day (news uses "today" for nothing
  else; a week-old event would be dated). "last Saturday" is strictly before it.
* ``a/b/yyyy`` is read as month/day when that is the only valid reading or the text is a
  GTD-style summary (``06/21/2018:`` first); otherwise the reading on or before the
  publication date and closest to it wins; with no publication date, day/month.
* A date without a year takes the publication year, or the year before when that would
  put it more than a week after publication.

Spanish, French and Portuguese dates ("ayer", "el pasado domingo", "samedi soir", "12 de
marzo de 2026", "nesta segunda-feira") have their own case-folded trigger, run only on texts
where no English date word was found and whose head reads as one of these languages.

No ``dateparser`` here: the hand-written core resolves every phrase it matches in a few
microseconds, and dateparser's whole-text search finds false dates.

Speed: the core asks once per event of an article, with the same text and sentences.
Everything that does not depend on the event's anchor is kept for the article's next
event (``_Article``: the text as read, base date, dateline, sentence lookups; ``_Facts``:
each mention's sentence and the anchor-free part of its score; the spans already read).
A mention whose best possible score cannot beat the best so far is not scored
(``_MAX_PREFIX``). The words around a mention are read as ASCII bytes.

>>> import datetime as dt
>>> from extraction.text import split_sentences
>>> text = "Two people were shot dead on Saturday night in Sutherland Springs."
>>> resolve_event_date(text, split_sentences(text), dt.date(2017, 11, 5)).date
datetime.date(2017, 11, 4)
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections.abc import Sequence
from operator import itemgetter
from typing import NamedTuple

from extraction.numbers import ROMANCE_UNITS
from extraction.text import Sentence, longest_first
from schemas import EventDate

__all__ = ["DateMention", "find_date_mentions", "resolve_event_date"]

_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9,
    "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12,
    "december": 12,
}
_WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}
_RELATIVE_WORDS = ("yesterday", "today", "tonight", "overnight", "last", "this", "past", "ago", "weekend")
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a couple of": 2, "a few": 3,
    "several": 3,
}


def _alternation(words: object) -> str:
    return "|".join(sorted((str(w).capitalize() for w in words), key=len, reverse=True))  # type: ignore[attr-defined]


# Why triggers: one big regex with optional prefixes costs ~1 ms per article in CPython
# (every position tries every branch). A case-sensitive alternation of capitalised words
# scans at a few ns per character; each hit is then read with small anchored regexes.
# Month and weekday names are capitalised in mixed-case English; all-caps wire texts are
# title-cased first (same length, same offsets). Lower-case relative words are found with
# str.find.
_MONTH_ALT = _alternation(_MONTHS)
# Holidays that name one day: (month, day) for fixed dates, a rule for the movable ones.
# A holiday is read as the event's day only where it is used as a date: with "Eve", "Day"
# or a part of day after it, or after "on" ("on Christmas"); "a Christmas party" dates
# nothing. "Independence Day" is left out: it is a different day in every country.
_HOLIDAYS = ("Christmas", "New Year", "Thanksgiving", "Halloween", "Easter", "Fourth of July", "Labor Day",
             "Memorial Day", "Mother's Day", "Father's Day", "Valentine's Day")
# (as a prefix tree: ``longest_first`` matches what the longest-first alternation does)
_TRIGGER = re.compile(
    rf"(?:{longest_first([*(w.capitalize() for w in [*_MONTHS, *_WEEKDAYS, *_RELATIVE_WORDS]), *_HOLIDAYS])})"
    r"(?![a-z])"
)
# What each trigger (as written, capitalised) is.
_TRIGGER_KIND = {
    **{w.capitalize(): "relative" for w in _RELATIVE_WORDS}, **{w.capitalize(): "weekday" for w in _WEEKDAYS},
    **{w.capitalize(): "month" for w in _MONTHS}, **dict.fromkeys(_HOLIDAYS, "holiday"),
}
_PART_OF_DAY = r"(?:morning|afternoon|evening|night)"
# What must follow each holiday for it to date something, and the day it then names.
_HOLIDAY_AFTER = {
    "Christmas": re.compile(rf"\s+(?:(?P<eve>Eve)|Day|{_PART_OF_DAY})\b"),
    "New Year": re.compile(rf"['’]s(?:\s+(?:(?P<eve>Eve)|Day|{_PART_OF_DAY}))\b"),
    "Thanksgiving": re.compile(rf"\s+(?:Day|{_PART_OF_DAY})\b"),
    "Halloween": re.compile(rf"\s+{_PART_OF_DAY}\b"),
    "Easter": re.compile(rf"\s+(?:Sunday|{_PART_OF_DAY})\b"),
}
_HOLIDAY_ON = re.compile(r"(?:^|\W)on\s+$", re.IGNORECASE)
_HOLIDAY_WEEKEND = re.compile(r"\s+weekend\b", re.IGNORECASE)
_FIXED_HOLIDAYS = {"Christmas": (12, 25), "Christmas Eve": (12, 24), "New Year": (1, 1), "New Year Eve": (12, 31),
                   "Halloween": (10, 31), "Fourth of July": (7, 4), "Valentine's Day": (2, 14)}
_DAY_BEFORE = re.compile(r"(?<![\d.,/])(\d{1,2})(?:st|nd|rd|th)?(?:\s+(?:of\s+)?|(?P<dash>-))$", re.IGNORECASE)
_DAY_AFTER = re.compile(
    # (a range of days reads as its last, as "26-27 February" does: "February 26-27")
    r"\.?\s+(?:\d{1,2}\s*[-\u2013]\s*(?=\d{1,2}(?!\d)))?"
    r"(\d{1,2})(?:st|nd|rd|th)?(?![\d:]|\s*(?:%|percent|per\s+cent|-|[ap]\.?m\b))"
    r"(?:,?\s+((?:1[89]|20)\d\d)(?!\d))?",
    re.IGNORECASE,
)
# Two-digit years only in the wire dateline form ("12 JAN 90 (RADIO"), so "on 3 May 12
# people died" keeps no year.
_YEAR_AFTER = re.compile(r"\.?,?\s+((?:1[89]|20)\d\d)(?!\d)|\.?\s+(\d\d)(?=\s*[(\[\-\u2013\u2014])")
_EXPLICIT_AFTER_WEEKDAY = re.compile(
    rf",?\s+(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?)?(?:{longest_first(m.capitalize() for m in _MONTHS)})(?![a-z])"
)
_PART_OF_MONTH_BEFORE = re.compile(r"(?:^|\W)(early|mid|late)(?:-|\s+)$", re.IGNORECASE)
_WEEKDAY_MOD = re.compile(r"(?:^|\W)(last|this\s+past|past|next|this|coming)\s+$", re.IGNORECASE)
# The last letter of every word _WEEKDAY_MOD looks for, in the cases it matches ("ſ" folds
# to "s"): most weekdays follow another word ("on Monday") and skip the regex.
_MOD_LAST_LETTERS = frozenset("tTsS\u017fgG")
_RELATIVE_AT = re.compile(
    r"(?:(?P<yest>yesterday)|(?P<today>today|tonight|this\s+(?:morning|afternoon|evening))"
    r"|(?P<lastnight>last\s+night|overnight)|(?P<weekend>(?:last|this\s+past|past|this)\s+weekend"
    # "over the weekend", "at the weekend" (not "the coming weekend", "next weekend")
    r"|(?<=over\sthe\s)weekend|(?<=at\sthe\s)weekend|(?<=on\sthe\s)weekend|(?<=during\sthe\s)weekend)"
    r"|(?P<lastweek>(?:last|past)\s+week)|(?P<thisweek>this\s+week)|(?P<lastmonth>last\s+month)"
    r"|(?P<thismonth>this\s+month)|(?P<ago>ago))(?![a-z])",
    re.IGNORECASE,
)
# After "last", "this" or "past", _RELATIVE_AT needs space and one of morning, afternoon,
# evening, night, week(end), month or "past" (these letters have no other case forms).
_NEED_TIME_WORD = frozenset({"last", "this", "past"})
_TIME_WORD_AFTER = re.compile(r"\s+[mMaAeEwWnNpP]")
_DAY_BEFORE_YESTERDAY = re.compile(r"day\s+before\s+$", re.IGNORECASE)
# "died Sunday, a day after he was shot": the day named is the death's; the event is the
# shooting N days before (only when a hurt word follows, not "a day after his birthday").
_DAYS_AFTER_HURT = re.compile(
    r",?\s+(a|one|two|three|four|five|\d)\s+days?\s+after\s+(?:(?:he|she|they|being|the|a|an|his|her)\s+)?"
    r"(?:(?:was|were|had\s+been|got|\w+)\s+)?(?:shot|wounded|stabbed|injured|hurt|beaten|struck|attacked"
    r"|the\s+(?:shooting|stabbing|attack|crash|assault))\b",
    re.IGNORECASE,
)
# "early Saturday", "1:30 a.m. Saturday": the small hours of that day.
_EARLY_HOURS_BEFORE = re.compile(r"(?:\bearly|\d\s*a\.?m\.?,?)\s+(?:on\s+)?$", re.IGNORECASE)
_AGO_AMOUNT = re.compile(
    r"(?:^|\W)(\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a\s+couple\s+of"
    r"|a\s+few|several)\s+(days?|weeks?|months?|years?)\s+$",
    re.IGNORECASE,
)
_SLASH = re.compile(r"/(\d{1,2})/(\d{4}|\d{2})(?![\d/])")
# "on the 21st", "the night of the 20th": a day of the month alone (the regex opens on a
# literal, which the re module skips to fast); read only after "on" or "<part of day> of"
# and before a pause or a joining word ("on the 3rd floor" is a floor).
_ORDINAL_DAY = re.compile(r" the ([1-9]|[12]\d|3[01])(?:st|nd|rd|th)\b")
_ORDINAL_BEFORE = re.compile(r"(?:^|\W)(?:on|(?:night|morning|evening|afternoon|early\s+hours)\s+of)$",
                             re.IGNORECASE)
_ORDINAL_AFTER = re.compile(
    r"\s*(?:[,.;:)]|$)|\s+(?:at|in|when|and|as|after|while|near|around|before|of\s+(?:this|last|the)\s+month)\b"
)
# "21-Nov-2026", "21-Nov-26": the year joined to the month by a dash.
_DASH_YEAR = re.compile(r"-((?:19|20)\d\d|\d\d)(?![\d-])")
_DOTTED = re.compile(r"\.([01]?\d)\.((?:19|20)\d\d)(?!\d|\.\d)")
_ISO = re.compile(r"-([01]\d)-([0-3]\d)(?![\d-])")
_WORD = re.compile(r"[a-z]+")

# A wire dateline: "SAN SALVADOR, 12 JAN 90 (RADIO ...) --", "BEIRUT, March 3 (Reuters) -",
# "NAIROBI, Kenya, Sept 3 (Reuters) -" (a country or state after the city).
_DATELINE = re.compile(
    rf"\s*[A-Z][A-Za-z .'\-]{{1,40}}(?:\([A-Za-z .]+\))?(?:,\s*[A-Z][A-Za-z .'\-]{{1,30}})?,\s*(?:\d{{1,2}}\s+(?:{_MONTH_ALT})\.?\s+(?:\d{{4}}|\d\d)"
    rf"|(?:{_MONTH_ALT})\.?\s+\d{{1,2}}(?:,\s+\d{{4}})?)\s*(?:\(|--|-|\u2014|\u2013)",
    re.IGNORECASE,
)
# A GTD-style summary begins with its event date: "06/21/2018: Assailants ...".
_SUMMARY_DATE = re.compile(r"\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*:")

# Words just before a date that mark it as not the event's. Stamps veto; the rest weigh.
_STAMP_WORDS = frozenset({"published", "updated", "update", "posted", "modified", "copyright", "dob", "born",
                          "pubdate", "edition", "issue"})
_NOT_EVENT_WORDS = frozenset({
    "funeral", "funerals", "memorial", "vigil", "vigils", "visitation", "burial", "wake", "services",
    "court", "hearing", "arraigned", "arraignment", "trial", "sentenced", "sentencing", "bond", "bail",
    "indicted", "scheduled", "planned", "expected", "will", "would", "due", "slated", "conference",
    "meeting", "until", "through", "till", "rally", "buried", "laid", "autopsy", "gofundme", "fundraiser",
    "mourners", "mourned", "mourn",
})
# Reporting around a date: when it was said, found out or followed up, often not the event.
_REPORT_WORDS = frozenset({
    "said", "says", "told", "announced", "reported", "confirmed", "stated", "added", "statement",
    "release", "tweeted", "identified", "released", "arrested", "booked", "charged", "custody",
    "apprehended", "surrendered", "died", "dies", "succumbed", "investigating", "searching",
    "continued", "continue", "remained", "underway", "update", "interview", "unclear", "comment",
    "comments", "spoke", "speaking", "asked", "wrote", "posted", "filed", "news",
    # Spanish, French, Portuguese, as _ascii_words reads them (an accented letter splits the
    # word: "informó" is "inform", "annoncé" "annonc"): "informó el martes", "a annoncé mardi"
    "dijo", "dijeron", "inform", "informaron", "indic", "anunci", "declar", "confirm", "afirm", "explic",
    "annonc", "indiqu", "affirm", "disse", "disseram", "informou", "afirmou", "declarou", "anunciou",
    "confirmou",
})
# The attribution that closes a sentence ("... shot Sunday evening, police said."): it says
# who told of the event, not when they spoke; also with the day they spoke ("... late on
# Saturday, police said on Monday.": Saturday is the event's day, Monday the statement's).
_ATTRIBUTION_AFTER = re.compile(
    r"\s*(?:(?:morning|afternoon|evening|night)\s*)?,\s*(?:[\w.'\u2019-]+\s+){1,4}(?:said|says)"
    r"(?:\s+(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))?\s*(?:[.\n]|$)",
    re.IGNORECASE,
)
# After a date that opens its line: a clock time or a dash, the mark of a stamp or dateline.
_STAMP_AFTER = re.compile(r"\s*(?:$|\n|@|\d{1,2}:\d\d|-|\u2013|\u2014|\|)")
_YEAR_HINT = re.compile(r"(?<!\d)(?:19[5-9]\d|20\d\d)(?!\d)")
_HANDLE_BEFORE = re.compile(r"\(@\w+\)\s*$")
_YEAR_IN = re.compile(r"\d{4}")
_HAPPEN_WORDS = frozenset({"occurred", "happened", "erupted", "unfolded", "broke"})
_PART_WORDS = frozenset({"morning", "afternoon", "evening", "night", "overnight"})
_CLOCK_WORDS = frozenset({"m", "pm", "am", "noon", "midnight", "clock"})
_NOT_EVENT_AFTER = frozenset({
    "funeral", "memorial", "vigil", "visitation", "hearing", "court", "arraignment", "conference",
    "services", "service", "meeting", "rally", "issue", "edition", "bury", "mourn",
})
_SAID_WORDS = frozenset({"said", "says", "told", "announced", "reported", "confirmed", "stated", "added",
                         "statement", "release", "tweeted"})
_EVENT_WORDS = frozenset({
    "shooting", "shootings", "shot", "shots", "gunfire", "gunman", "gunmen", "fired", "fire", "opened",
    "killed", "killing", "killings", "slain", "murder", "murdered", "stabbed", "stabbing", "attack",
    "attacked", "attacks", "ambush", "ambushed", "bomb", "bombing", "bombed", "blast", "explosion",
    "exploded", "clash", "clashes", "clashed", "fighting", "raid", "raided", "strike", "strikes",
    "airstrike", "airstrikes", "shelling", "shelled", "wounded", "wounding", "injured", "injuring",
    "dead", "death", "incident", "happened", "occurred", "responded", "struck", "erupted",
    "abducted", "kidnapped", "protest", "protested", "protesters", "rally", "riot", "rioting",
    "flood", "floods", "flooding", "earthquake", "quake", "storm", "landslide", "crash", "massacre",
    "operation", "offensive", "assault", "firefight", "gunfight", "shootout", "bombardment", "skirmish",
    # Spanish, French, Portuguese (read as _REPORT_WORDS are)
    "murieron", "muertos", "muertas", "asesinados", "asesinadas", "heridos", "ataque", "atentado", "tiroteo",
    "balacera", "enfrentamiento", "enfrentamientos", "combates", "masacre", "mataron", "inundaciones",
    "morts", "mortes", "attaque", "attentat", "fusillade", "embuscade", "affrontements", "combats",
    "mortos", "mortas", "morreram", "assassinados", "feridos", "chacina", "tiroteio", "mataram", "matou",
    "baleados", "explos",
})

# The same word sets as bytes, for words read with _ascii_words.
_STAMP_B, _NOT_EVENT_B, _REPORT_B, _HAPPEN_B, _PART_B, _CLOCK_B, _NOT_EVENT_AFTER_B, _EVENT_WORDS_B = (
    frozenset(w.encode() for w in words)
    for words in (_STAMP_WORDS, _NOT_EVENT_WORDS, _REPORT_WORDS, _HAPPEN_WORDS, _PART_WORDS, _CLOCK_WORDS,
                  _NOT_EVENT_AFTER, _EVENT_WORDS)
)
_SAID_B = frozenset(w.encode() for w in _SAID_WORDS)
# Every byte but a-z becomes a space (what separates the words of ``_WORD``).
_NOT_AZ_TO_SPACE = bytes(c if 97 <= c <= 122 else 32 for c in range(256))


def _ascii_words(text: str) -> list[bytes]:
    """``_WORD.findall(text.lower())`` as bytes, three times faster: every character
    outside a-z (non-ASCII ones encode as ``?``) becomes a space, then the bytes split."""
    return text.lower().encode("ascii", "replace").translate(_NOT_AZ_TO_SPACE).split()


# Publication dates outside this span are not used as a base (see resolve_event_date).
_MIN_BASE, _MAX_BASE = dt.date(100, 1, 1), dt.date(9998, 12, 31)

# Characters read from the top of a long text (the anchor's neighbourhood is read too).
_READ_HEAD = 2000

# Mentions scored beyond those near the anchor: the event's date is told early.
_MAX_SCORED = 6

_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}


class DateMention(NamedTuple):
    """A date phrase found in the text and what it resolves to (a tuple: cheap to make)."""

    date: dt.date
    precision: str  # day, week, month, year
    start: int
    end: int
    text: str
    explicit: bool  # written as a calendar date, not relative to the publication date


def _year_for(month: int, day: int, base: dt.date | None) -> int | None:
    """The year of a date written without one: the base's, or the year before when the
    date would fall more than a week after the base."""
    if base is None:
        return None
    try:
        candidate = dt.date(base.year, month, day)
    except ValueError:
        return None
    return base.year - 1 if candidate > base + dt.timedelta(days=7) else base.year


def _safe_date(year: int | None, month: int, day: int) -> dt.date | None:
    if year is None:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _two_digit_year(yy: str) -> int:
    n = int(yy)
    return 1900 + n if n >= 50 else 2000 + n


def _weekday_before(base: dt.date, weekday: int, strictly: bool) -> dt.date:
    key = (base, weekday, strictly)
    date = _WEEKDAY_BEFORE.get(key)
    if date is None:
        back = (base.weekday() - weekday) % 7
        if back == 0 and strictly:
            back = 7
        if len(_WEEKDAY_BEFORE) >= 4096:
            _WEEKDAY_BEFORE.clear()
        date = _WEEKDAY_BEFORE[key] = base - dt.timedelta(days=back)
    return date


# (base, weekday, strictly) -> date: articles of one day ask the same few questions
_WEEKDAY_BEFORE: dict[tuple[dt.date, int, bool], dt.date] = {}


def _month_start(base: dt.date, shift: int) -> dt.date:
    index = base.year * 12 + base.month - 1 + shift
    return dt.date(index // 12, index % 12 + 1, 1)


def _numeric(a: int, b: int, year: int, base: dt.date | None, summary_style: bool) -> dt.date | None:
    """``a/b/year``: month/day or day/month, whichever is valid, then by context."""
    mdy = _safe_date(year, a, b)
    dmy = _safe_date(year, b, a)
    if mdy is None or dmy is None or mdy == dmy:
        return mdy or dmy
    if summary_style:
        return mdy
    if base is not None:
        on_or_before = [d for d in (mdy, dmy) if d <= base + dt.timedelta(days=1)]
        if on_or_before:
            return max(on_or_before)
    return dmy


def _month_mention(w: str, s: int, e: int, base: dt.date | None) -> DateMention | None:
    month = _MONTHS[w[s:e].lower()]
    before = w[max(0, s - 14):s]
    m = _DAY_BEFORE.search(before)
    if m:
        day = int(m.group(1))
        start = s - len(before) + m.start(1)
        y = _DASH_YEAR.match(w, e) if m.group("dash") else _YEAR_AFTER.match(w, e)
        if y and m.group("dash"):
            year, end = int(y.group(1)) if len(y.group(1)) == 4 else _two_digit_year(y.group(1)), y.end()
        elif y:
            year = int(y.group(1)) if y.group(1) else _two_digit_year(y.group(2))
            end = y.end()
        else:
            year, end = _year_for(month, day, base), e
        date = _safe_date(year, month, day)
        return None if date is None else DateMention(date, "day", start, end, w[start:end], True)
    m = _DAY_AFTER.match(w, e)
    if m:
        day = int(m.group(1))
        year = int(m.group(2)) if m.group(2) else _year_for(month, day, base)
        date = _safe_date(year, month, day)
        return None if date is None else DateMention(date, "day", s, m.end(), w[s:m.end()], True)
    m = _YEAR_AFTER.match(w, e)
    if m and m.group(1):
        date = dt.date(int(m.group(1)), month, 1)
        return DateMention(date, "month", s, m.end(), w[s:m.end()], True)
    m = _PART_OF_MONTH_BEFORE.search(w, max(0, s - 8), s)
    if m:
        # "in mid-November", "early March": the month, in the year that puts it last before the base
        year = _year_for(month, 1, base)
        if year is not None:
            return DateMention(dt.date(year, month, 1), "month", m.start(1), e, w[m.start(1):e], True)
    return None


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The ``n``-th ``weekday`` of the month (``n`` = -1: the last one)."""
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


def _easter(year: int) -> dt.date:
    """Western Easter Sunday (the anonymous Gregorian computus, Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    m = (32 + 2 * e + 2 * i - h - k) % 7
    n = (a + 11 * h + 22 * m) // 451
    month, day = divmod(h + m - 7 * n + 114, 31)
    return dt.date(year, month, day + 1)


def _holiday_in(name: str, year: int) -> dt.date:
    fixed = _FIXED_HOLIDAYS.get(name)
    if fixed is not None:
        return dt.date(year, *fixed)
    if name == "Thanksgiving":
        return _nth_weekday(year, 11, 3, 4)  # US: the fourth Thursday of November
    if name == "Labor Day":
        return _nth_weekday(year, 9, 0, 1)  # US: the first Monday of September
    if name == "Memorial Day":
        return _nth_weekday(year, 5, 0, -1)  # US: the last Monday of May
    if name == "Mother's Day":
        return _nth_weekday(year, 5, 6, 2)  # US: the second Sunday of May
    if name == "Father's Day":
        return _nth_weekday(year, 6, 6, 3)  # US: the third Sunday of June
    return _easter(year)


def _holiday_mention(w: str, s: int, e: int, base: dt.date | None) -> DateMention | None:
    """"on Christmas Eve", "New Year's Day", "Thanksgiving night", "the Fourth of July": the
    most recent such day on or before the base date (a week's grace, as for a date without
    a year); a "... weekend" is not one day."""
    name = w[s:e]
    if base is None or _HOLIDAY_WEEKEND.match(w, e):
        return None
    after = _HOLIDAY_AFTER.get(name)
    end = e
    if after is not None:
        m = after.match(w, e)
        if m is not None:
            end = m.end()
            if "eve" in after.groupindex and m.group("eve"):
                name += " Eve"
        elif not _HOLIDAY_ON.search(w, max(0, s - 6), s) or name == "New Year":
            return None
    date = _holiday_in(name, base.year)
    if date > base + dt.timedelta(days=7):
        date = _holiday_in(name, base.year - 1)
    return DateMention(date, "day", s, end, w[s:end], False)


def _weekday_mention(w: str, s: int, e: int, base: dt.date | None) -> DateMention | None:
    if base is None or _EXPLICIT_AFTER_WEEKDAY.match(w, e):
        return None  # "Tuesday, November 3, 2015": the month trigger reads the date
    before = w[max(0, s - 16):s]
    word = before.rstrip()
    # (the modifier ends in a space and one of its letters)
    m = _WEEKDAY_MOD.search(before) if len(word) < len(before) and word[-1:] in _MOD_LAST_LETTERS else None
    mod = " ".join(m.group(1).lower().split()) if m else ""
    if mod in {"next", "coming"}:
        return None
    strictly = mod in {"last", "past", "this past"}
    start = s - len(before) + m.start(1) if m and mod != "this" else s
    date = _weekday_before(base, _WEEKDAYS[w[s:e].lower()], strictly)
    return DateMention(date, "day", start, e, w[start:e], False)


def _relative_mention(w: str, s: int, base: dt.date | None) -> DateMention | None:
    if base is None:
        return None
    m = _RELATIVE_AT.match(w, s)
    if m is None:
        return None
    day = dt.timedelta(days=1)
    kind = m.lastgroup
    start, end = s, m.end()
    if kind == "yest":
        if _DAY_BEFORE_YESTERDAY.search(w[max(0, s - 16):s]):
            return DateMention(base - 2 * day, "day", s, end, w[s:end], False)
        date, precision = base - day, "day"
    elif kind == "today":
        if w[max(0, s - 4):s].lower() == "ago ":
            return None  # "a week ago today": read with "ago"
        date, precision = base, "day"
    elif kind == "lastnight":
        date, precision = base - day, "day"  # said on the publication day: the evening before
    elif kind == "weekend":
        date, precision = _weekday_before(base, 5, strictly=False), "week"
    elif kind == "lastweek":
        date, precision = base - 7 * day, "week"
    elif kind == "thisweek":
        date, precision = base, "week"
    elif kind == "lastmonth":
        date, precision = _month_start(base, -1), "month"
    elif kind == "thismonth":
        date, precision = _month_start(base, 0), "month"
    else:  # "N days ago"
        before = w[max(0, s - 24):s]
        a = _AGO_AMOUNT.search(before)
        if a is None:
            return None
        raw = " ".join(a.group(1).lower().split())
        n = int(raw) if raw.isdigit() else _NUMBER_WORDS[raw]
        unit = a.group(2).lower().rstrip("s")
        start = s - len(before) + a.start(1)
        if unit == "day":
            date, precision = base - n * day, "day"
        elif unit == "week":
            date, precision = base - 7 * n * day, "week"
            if w[end:end + 6].lower() == " today":
                # "a week ago today": that very weekday
                date, precision, end = base - 7 * n * day, "day", end + 6
        elif unit == "month":
            date, precision = _month_start(base, -n), "month"
        else:
            date, precision = dt.date(base.year - n, 1, 1), "year"
    return DateMention(date, precision, start, end, w[start:end], False)


def _ordinal_day_mention(w: str, m: re.Match[str], base: dt.date) -> DateMention | None:
    """"on the 21st": the most recent 21st on or before the base (this month or the last)."""
    s = m.start()
    if not _ORDINAL_BEFORE.search(w, max(0, s - 20), s) or not _ORDINAL_AFTER.match(w, m.end()):
        return None
    day = int(m.group(1))
    date = _safe_date(base.year, base.month, day) if day <= base.day else None
    if date is None:
        last = _month_start(base, -1)
        date = _safe_date(last.year, last.month, day)
    if date is None:
        return None
    return DateMention(date, "day", s + 1, m.end(), w[s + 1:m.end()], False)


def _before_days_after(w: str, mention: DateMention) -> DateMention:
    """The mention moved back N days when "N days after he was shot" follows it."""
    m = _DAYS_AFTER_HURT.match(w, mention.end)
    if m is None:
        return mention
    raw = m.group(1).lower()
    n = 1 if raw == "a" else int(raw) if raw.isdigit() else _NUMBER_WORDS[raw]
    return mention._replace(date=mention.date - dt.timedelta(days=n))


def _work_text(text: str) -> str:
    """Wire texts in capitals are read title-cased: "12 JAN 90" as "12 Jan 90"."""
    head = text[:300]
    # (a lower-case "e", "a" or "t" already tells mixed case, without upper-casing the head)
    if "e" not in head and "a" not in head and "t" not in head and head.upper() == head:
        titled = text.title()
        if len(titled) == len(text):  # offsets must stay valid
            return titled
    return text


def find_date_mentions(text: str, base: dt.date | None) -> list[DateMention]:
    """Every date phrase in ``text`` that resolves against ``base``, in text order."""
    return _find(_work_text(text), base)


def _find(w: str, base: dt.date | None, spans: Sequence[tuple[int, int]] | None = None) -> list[DateMention]:
    """Mentions in ``w``, read only inside ``spans`` (all of ``w`` by default)."""
    # The core reads one article once per event: the opening span is the same each time,
    # so what was found in a span is kept (mentions are tuples; the key is the whole input).
    summary_style: bool | None = None
    year_base = base
    out: list[DateMention] = []
    for lo, hi in spans or [(0, len(w))]:
        key = (w, lo, hi, base)
        got = _SPAN_MEMO.get(key)
        if got is None:
            if summary_style is None:
                summary_style = _SUMMARY_DATE.match(w) is not None
                # Without a publication date, "on 27 October" takes the year the text names elsewhere.
                if base is None:
                    hint = _YEAR_HINT.search(w)
                    year_base = dt.date(int(hint.group(0)), 12, 31) if hint else None
            found: list[DateMention] = []
            if not _find_in(w, lo, hi, base, year_base, summary_style, found) and _is_romance(w):
                # (English words found: an English text; the check costs a few microseconds)
                _find_romance(w, lo, hi, base, year_base, found)
                found.sort(key=_START)
            if len(_SPAN_MEMO) >= 16:
                _SPAN_MEMO.clear()
            got = _SPAN_MEMO[key] = tuple(found)
        out.extend(got)
    out.sort(key=_START)
    return out


_START = itemgetter(2)  # DateMention.start, read in C
_SPAN_MEMO: dict[tuple[str, int, int, dt.date | None], tuple[DateMention, ...]] = {}


def _find_in(w: str, lo: int, hi: int, base: dt.date | None, year_base: dt.date | None, summary_style: bool,
             out: list[DateMention]) -> bool:
    """Add the mentions in ``w[lo:hi]`` to ``out``; True when one is written in English words."""
    for m in _TRIGGER.finditer(w, lo, hi):
        s, e = m.span()
        kind = _TRIGGER_KIND[m.group(0)]
        if kind == "month":
            mention = _month_mention(w, s, e, year_base)
        elif kind == "weekday":
            mention = _weekday_mention(w, s, e, base)
        elif kind == "holiday":
            mention = _holiday_mention(w, s, e, year_base)
        else:
            mention = _relative_mention(w, s, base)
        if mention is not None:
            if mention.precision == "day" and "after" in w[mention.end:mention.end + 20]:
                mention = _before_days_after(w, mention)
            out.append(mention)
    if base is not None:
        for word in _RELATIVE_WORDS:
            i = w.find(word, lo, hi)
            # "last", "this", "past" date nothing unless a time word follows ("last week")
            follow = _TIME_WORD_AFTER.match if word in _NEED_TIME_WORD else None
            while i != -1:
                j = i + len(word)
                if (i == 0 or not w[i - 1].isalpha()) and not w[j:j + 1].isalpha() and (
                    follow is None or follow(w, j)
                ):
                    mention = _relative_mention(w, i, base)
                    if mention is not None:
                        out.append(mention)
                i = w.find(word, i + 1, hi)
        if not out:
            # (only where no other date word is: the scan costs ~2 us, and a text that
            # names the 21st names it with its month or weekday as a rule)
            for m in _ORDINAL_DAY.finditer(w, lo, hi):
                mention = _ordinal_day_mention(w, m, base)
                if mention is not None:
                    out.append(mention)
    in_words = bool(out)
    if w.find("/", lo, hi) != -1:
        for m in _SLASH.finditer(w, lo, hi):
            s = m.start()
            j = s
            while j > 0 and s - j < 2 and w[j - 1].isdigit():
                j -= 1
            if j == s or (j > 0 and w[j - 1] in "0123456789/."):
                if s >= 4 and len(m.group(2)) == 2 and w[s - 4:s - 2] in {"19", "20"} and w[s - 4:s].isdigit() and (
                    s == 4 or w[s - 5] not in "0123456789/."
                ):
                    # "2026/11/21": year first, then month and day (East Asian and some wire copy)
                    date = _safe_date(int(w[s - 4:s]), int(m.group(1)), int(m.group(2)))
                    if date is not None:
                        out.append(DateMention(date, "day", s - 4, m.end(), w[s - 4:m.end()], True))
                continue
            year = int(m.group(2))
            year = _two_digit_year(m.group(2)) if year < 100 else year
            date = _numeric(int(w[j:s]), int(m.group(1)), year, base, summary_style)
            if date is not None:
                out.append(DateMention(date, "day", j, m.end(), w[j:m.end()], True))
    for m in _DOTTED.finditer(w, lo, hi):
        # "28.04.2020": day first (the dotted form is European; US writing never uses it)
        s = m.start()
        j = s
        while j > 0 and s - j < 2 and w[j - 1].isdigit():
            j -= 1
        if j == s or (j > 0 and w[j - 1] in "0123456789."):
            continue
        date = _safe_date(int(m.group(2)), int(m.group(1)), int(w[j:s]))
        if date is not None:
            out.append(DateMention(date, "day", j, m.end(), w[j:m.end()], True))
    if w.find("-", lo, hi) != -1:
        for m in _ISO.finditer(w, lo, hi):
            s = m.start()
            if s < 4 or not w[s - 4:s].isdigit() or w[s - 4:s - 2] not in {"19", "20"} or (
                s > 4 and w[s - 5] in "0123456789-"
            ):
                continue
            date = _safe_date(int(w[s - 4:s]), int(m.group(1)), int(m.group(2)))
            if date is not None:
                out.append(DateMention(date, "day", s - 4, m.end(), w[s - 4:m.end()], True))
    return in_words


# Spanish, French and Portuguese (the core reads their casualty reports): "ayer", "hier",
# "ontem", "el pasado domingo", "samedi soir", "nesta segunda-feira", "la semana pasada",
# "il y a deux jours". Their weekday and month names are lower case, so they have their own
# trigger (a case-folded prefix tree), run only on texts whose head reads as one of these
# languages: English copy never pays for it.
_ROMANCE_HINTS = frozenset({
    "de", "el", "la", "los", "las", "del", "en", "y", "que", "con", "al", "un", "su", "fue",
    "le", "les", "des", "du", "au", "et", "dans", "une", "par", "sur", "ont", "est", "il", "\u00e0", "pour",
    "da", "do", "um", "uma", "em", "das", "os", "ao", "foi", "com", "por", "para", "na",
})
_ROMANCE_WEEKDAYS = {
    "lunes": 0, "martes": 1, "mi\u00e9rcoles": 2, "miercoles": 2, "jueves": 3, "viernes": 4, "s\u00e1bado": 5,
    "sabado": 5, "domingo": 6,
    "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6,
    "segunda-feira": 0, "ter\u00e7a-feira": 1, "terca-feira": 1, "quarta-feira": 2, "quinta-feira": 3,
    "sexta-feira": 4,
}
# Portuguese weekdays without "-feira" ("nesta segunda") also mean "second", "fifth", ...:
# read only after "nesta" / "desta".
_PT_SHORT_WEEKDAYS = {"segunda": 0, "ter\u00e7a": 1, "terca": 1, "quarta": 2, "quinta": 3, "sexta": 4}
_PT_SHORT_BEFORE = re.compile(r"(?:^|\W)(?:nesta|desta)\s+$", re.IGNORECASE)
# Days back from the base: yesterday, last night, the day before yesterday, today.
_ROMANCE_DAYS_BACK = {
    "ayer": 1, "anoche": 1, "anteayer": 2, "antier": 2, "anteanoche": 2, "hoy": 0,
    "hier": 1, "avant-hier": 2, "aujourd'hui": 0, "aujourd\u2019hui": 0,
    "ontem": 1, "anteontem": 2, "hoje": 0,
}
_ROMANCE_AGO = ("hace", "il y a", "h\u00e1")
# "el pasado día 14", "no dia 14": a day of the month alone, as "on the 21st" (with its month
# after it, "el día 14 de marzo", the month trigger reads it).
_ROMANCE_DAY_WORDS = ("d\u00eda", "dia")
# (not before a plural, "durante el día 3 personas murieron": a count; verbs after a date,
# "dejó", "murieron", "deixou", do not end in "s")
_ROMANCE_DAY_OF_MONTH = re.compile(
    r"\s+([1-9]|[12]\d|3[01])(?!\d|\s*(?:de|del|do)\s+[^\W\d]|\s+[^\W\d]+s\b)", re.IGNORECASE
)
# Month names, read as a date only after a day ("12 de marzo", "1er mars", "3 de março de
# 2026") or before a year ("marzo de 2026": the month).
_ROMANCE_MONTHS = {
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7, "agosto": 8,
    "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
    "janvier": 1, "f\u00e9vrier": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
    "ao\u00fbt": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "d\u00e9cembre": 12, "decembre": 12,
    "janeiro": 1, "fevereiro": 2, "mar\u00e7o": 3, "marco": 3, "maio": 5, "junho": 6, "julho": 7,
    "setembro": 9, "outubro": 10, "dezembro": 12,
}
# A Spanish, French or Portuguese wire dateline: "KINSHASA, 17 mars 2026 (AFP) -",
# "MADRID, 17 de marzo (EFE).-", "BOGOTÁ, 3 de março de 2026 (Lusa) -" (an agency in brackets).
_ROMANCE_DATELINE = re.compile(
    r"\s*[A-Z\u00c0-\u00de][\w .'\-]{1,40}(?:,\s*[A-Z\u00c0-\u00de][\w .'\-]{1,30})?,\s*\d{1,2}(?:er|\u00ba)?\s+"
    rf"(?:de\s+)?(?:{longest_first(_ROMANCE_MONTHS, fold_case=True)})\.?(?:\s+(?:de\s+)?\d{{4}})?"
    r"\s*\([^()\n]{2,30}\)\s*\.?\s*(?:--|-|\u2014|\u2013)"
)
_ROMANCE_DAY_BEFORE = re.compile(r"(?<![\d.,/])(\d{1,2})(?:er|\u00ba|\u00b0|o)?\s+(?:de\s+)?$", re.IGNORECASE)
# "a mediados de marzo", "fin mars", "début mars", "mi-mars", "no início de março": the month.
_ROMANCE_PART_OF_MONTH = re.compile(
    r"(?:^|\W)(mediados|finales|principios|comienzos|inicios|fines|fin|d\u00e9but|debut|mi|in\u00edcio|inicio"
    r"|meados|final|fins)(?:\s+(?:de|del|do)\s+|\s+|-)$",
    re.IGNORECASE,
)
_ROMANCE_YEAR_AFTER = re.compile(r"\s+(?:de\s+|del\s+)?((?:19|20)\d\d)(?!\d)", re.IGNORECASE)
_ROMANCE_PERIODS = ("semana", "semaine", "mes", "mois", "m\u00eas")
# "el (pasado) fin de semana", "ce week-end", "no fim de semana": its Saturday, as "over the
# weekend" (never "el próximo fin de semana", "le week-end prochain").
_ROMANCE_WEEKENDS = ("fin de semana", "fim de semana", "week-end", "weekend")
_ROMANCE_TRIGGER = re.compile(
    r"(?<![\w'\u2019-])(?:"
    + longest_first([*_ROMANCE_WEEKDAYS, *_PT_SHORT_WEEKDAYS, *_ROMANCE_DAYS_BACK, *_ROMANCE_AGO,
                     *_ROMANCE_PERIODS, *_ROMANCE_WEEKENDS, *_ROMANCE_MONTHS, *_ROMANCE_DAY_WORDS],
                    fold_case=True)
    + r")(?![\w'\u2019-])"
)
# "el pasado domingo", "no último sábado"; "el domingo pasado", "samedi dernier", "sábado passado";
# "el próximo lunes", "lundi prochain", "la semana que viene" are never the event.
_ROMANCE_MOD_BEFORE = re.compile(
    r"(?:^|\W)(pasado|pasada|\u00faltimo|ultimo|\u00faltima|ultima|pr\u00f3ximo|proximo|pr\u00f3xima|proxima)\s+$",
    re.IGNORECASE,
)
_ROMANCE_MOD_AFTER = re.compile(
    r"\s+(pasado|pasada|passado|passada|dernier|derni\u00e8re|derniere|pass\u00e9e|passee|anterior"
    r"|prochain|prochaine|que\s+viene|que\s+vem|pr\u00f3ximo|proximo|pr\u00f3xima|proxima)(?!\w)",
    re.IGNORECASE,
)
_ROMANCE_NEXT = frozenset({"pr\u00f3ximo", "proximo", "pr\u00f3xima", "proxima", "prochain", "prochaine", "que viene",
                           "que vem"})
# "this week / month": "esta semana", "cette semaine", "nesta semana", "este mes", "ce mois-ci".
_ROMANCE_THIS_BEFORE = re.compile(r"(?:^|\W)(?:esta|este|cette|ce|nesta|neste|desta|deste)\s+$", re.IGNORECASE)
# A weekday followed by its date ("el domingo 8 de marzo", "le samedi 7 mars") is read by
# the month trigger.
_ROMANCE_DAY_NUMBER_AFTER = re.compile(r",?\s+\d{1,2}(?:er|\u00ba|\u00b0)?\s+(?:de\s+)?[^\W\d]")
_ROMANCE_AGO_AMOUNT = re.compile(
    r"\s+(\d{1,2}|un|una|une|um|uma|dos|deux|dois|duas|[^\W\d]+)\s+"
    r"(d\u00edas?|dias?|jours?|semanas?|semaines?|meses|mes|mois|m\u00eas|a\u00f1os?|anos?|ans?)(?!\w)",
    re.IGNORECASE,
)
_ROMANCE_ONE = frozenset({"un", "una", "une", "um", "uma"})
_ROMANCE_TWO = frozenset({"dos", "deux", "dois", "duas"})


# What may stand before a capitalised day or month word: the start of a sentence or a quote.
_ROMANCE_OPENERS = frozenset(("", ".", "!", "?", ":", "\n", '"', "\u00ab", "\u201c", "(", "-", "\u2014", "\u2013"))


def _is_romance(w: str) -> bool:
    """True when the head of ``w`` holds two Spanish, French or Portuguese function words
    (or one and an accented letter)."""
    last = _ROMANCE_LAST
    if last[0] is not w:  # (asked again for each event of the article)
        head = w[:200].lower()
        last[0], last[1] = w, len(_ROMANCE_HINTS.intersection(head.split())) + (not head.isascii()) >= 2
    return last[1]  # type: ignore[return-value]


_ROMANCE_LAST: list[object] = [None, False]  # the text asked last, its answer


def _romance_number(word: str) -> int | None:
    word = word.lower()
    if word.isdigit():
        return int(word)
    if word in _ROMANCE_ONE:
        return 1
    if word in _ROMANCE_TWO:
        return 2
    return ROMANCE_UNITS.get(word)


def _romance_month(w: str, s: int, e: int, month: int, year_base: dt.date | None) -> DateMention | None:
    """"12 de marzo (de 2026)", "1er mars 2026", "3 de março"; "marzo de 2026" (the month)."""
    before = _ROMANCE_DAY_BEFORE.search(w, max(0, s - 10), s)
    year = _ROMANCE_YEAR_AFTER.match(w, e)
    if before is None:
        if year is not None:
            return DateMention(dt.date(int(year.group(1)), month, 1), "month", s, year.end(), w[s:year.end()], True)
        part = _ROMANCE_PART_OF_MONTH.search(w, max(0, s - 18), s)
        y = None if part is None else _year_for(month, 1, year_base)
        if y is None:
            return None
        return DateMention(dt.date(y, month, 1), "month", part.start(1), e, w[part.start(1):e], True)
    day, start = int(before.group(1)), before.start(1)
    end = year.end() if year else e
    date = _safe_date(int(year.group(1)) if year else _year_for(month, day, year_base), month, day)
    return None if date is None else DateMention(date, "day", start, end, w[start:end], True)


def _romance_modifier(w: str, s: int, e: int) -> tuple[int, int, str | None]:
    """The word ``w[s:e]`` (a weekday or a weekend) with its modifier ("el pasado domingo",
    "samedi dernier", "nesta segunda"): the span widened to the modifier, and the modifier
    lower-cased with single spaces (None when there is none)."""
    mod = _ROMANCE_MOD_BEFORE.search(w, max(0, s - 10), s)
    if mod is not None:
        return mod.start(1), e, " ".join(mod.group(1).lower().split())
    mod = _ROMANCE_MOD_AFTER.match(w, e)
    if mod is not None:
        return s, mod.end(), " ".join(mod.group(1).lower().split())
    return s, e, None


def _find_romance(w: str, lo: int, hi: int, base: dt.date | None, year_base: dt.date | None,
                  out: list[DateMention]) -> None:
    """Spanish, French and Portuguese dates, weekdays and relative phrases in ``w[lo:hi]``."""
    day = dt.timedelta(days=1)
    for m in _ROMANCE_TRIGGER.finditer(w, lo, hi):
        s, e = m.span()
        if w[s].isupper() and w[max(0, s - 3):s].rstrip()[-1:] not in _ROMANCE_OPENERS:
            continue  # these languages write their days and months in lower case: a name ("Santo Domingo")
        word = m.group(0).lower()
        start, end = s, e
        month = _ROMANCE_MONTHS.get(word)
        if month is not None:
            mention = _romance_month(w, s, e, month, year_base)
            if mention is not None:
                out.append(mention)
            continue
        if base is None:
            continue
        if word in _ROMANCE_DAYS_BACK:
            out.append(DateMention(base - _ROMANCE_DAYS_BACK[word] * day, "day", s, e, w[s:e], False))
            continue
        if word in _ROMANCE_WEEKDAYS or word in _PT_SHORT_WEEKDAYS:
            weekday = _ROMANCE_WEEKDAYS.get(word)
            if weekday is None:
                if not _PT_SHORT_BEFORE.search(w, max(0, s - 8), s):
                    continue
                weekday = _PT_SHORT_WEEKDAYS[word]
            if _ROMANCE_DAY_NUMBER_AFTER.match(w, e):
                continue
            start, end, mod = _romance_modifier(w, s, e)
            if mod in _ROMANCE_NEXT:
                continue
            date = _weekday_before(base, weekday, strictly=mod is not None)
            out.append(DateMention(date, "day", start, end, w[start:end], False))
            continue
        if word in _ROMANCE_DAY_WORDS:
            d = _ROMANCE_DAY_OF_MONTH.match(w, e)
            if d is not None:
                n = int(d.group(1))
                date = _safe_date(base.year, base.month, n) if n <= base.day else None
                if date is None:
                    last = _month_start(base, -1)
                    date = _safe_date(last.year, last.month, n)
                if date is not None:
                    out.append(DateMention(date, "day", s, d.end(), w[s:d.end()], False))
            continue
        if word in _ROMANCE_WEEKENDS:
            start, end, mod = _romance_modifier(w, s, e)
            if mod in _ROMANCE_NEXT:
                continue
            out.append(DateMention(_weekday_before(base, 5, strictly=False), "week", start, end, w[start:end], False))
            continue
        if word in _ROMANCE_PERIODS:
            week = word.startswith("sem")
            mod = _ROMANCE_MOD_AFTER.match(w, e)
            if mod is not None:
                if " ".join(mod.group(1).lower().split()) in _ROMANCE_NEXT:
                    continue
                end = mod.end()
                date, precision = (base - 7 * day, "week") if week else (_month_start(base, -1), "month")
            elif _ROMANCE_THIS_BEFORE.search(w, max(0, s - 8), s):
                date, precision = (base, "week") if week else (_month_start(base, 0), "month")
            else:
                continue
            out.append(DateMention(date, precision, start, end, w[start:end], False))
            continue
        # "hace tres días", "il y a deux jours", "há dois dias"
        a = _ROMANCE_AGO_AMOUNT.match(w, e)
        if a is None:
            continue
        n = _romance_number(a.group(1))
        if n is None:
            continue
        unit = a.group(2).lower()[:2]
        end = a.end()
        if unit in {"d\u00ed", "di", "jo"}:
            date, precision = base - n * day, "day"
        elif unit == "se":
            date, precision = base - 7 * n * day, "week"
        elif unit in {"me", "mo", "m\u00ea"}:
            date, precision = _month_start(base, -n), "month"
        else:
            date, precision = dt.date(base.year - n, 1, 1), "year"
        out.append(DateMention(date, precision, start, end, w[start:end], False))


def _dateline(w: str) -> tuple[dt.date | None, int]:
    """The date of a wire dateline at the top of the text and where the dateline ends."""
    m = _DATELINE.match(w, 0, 200)
    if not m:
        m = _ROMANCE_DATELINE.match(w, 0, 200) if w.find("(", 0, 100) != -1 else None
        if not m:
            return None, 0
        for t in _ROMANCE_TRIGGER.finditer(w, 0, m.end()):
            month = _ROMANCE_MONTHS.get(t.group(0).lower())
            mention = None if month is None else _romance_month(w, t.start(), t.end(), month, None)
            if mention is not None and mention.precision == "day":
                return mention.date, m.end()
        return None, m.end()
    mentions = [x for x in _find(w[:m.end()], None) if x.precision == "day"]
    return (mentions[0].date if mentions else None), m.end()


class _Article:
    """Everything about one article that does not depend on the event's anchor: the text
    as read, the base date, the dateline, an answer that holds for every event (a GTD
    summary date, an unusable publication date), the sentence lookups, the fallback date,
    and what each mention found so far brings to any event (``_Facts``).

    The core resolves every event of an article with the same text and sentences, so
    ``resolve_event_date`` keeps the last article's ``_Article`` and only adds, per event,
    what the anchor changes: the spans read and the distance terms of the score.
    """

    __slots__ = ("text", "sentences", "published", "w", "base", "latest", "line_end", "settled", "starts",
                 "head", "_event", "facts", "_fallback")

    def __init__(self, text: str, sentences: Sequence[Sentence], published: dt.date | None) -> None:
        self.text = text
        self.sentences = sentences
        self.published = published
        w = self.w = _work_text(text)
        summary = _SUMMARY_DATE.match(text)
        line_date, self.line_end = _dateline(w)
        base = self.base = published or line_date
        self.settled: EventDate | None = None
        self.latest: dt.date | None = None
        if base is not None and not _MIN_BASE <= base <= _MAX_BASE:
            # Date arithmetic near year 1 or 9999 would overflow; no news is dated there.
            self.settled = EventDate(date=base, precision="publication", text=None)
        else:
            if base is not None:
                self.latest = base + dt.timedelta(days=1)  # later than this: a future date
            if summary:
                # A GTD-style summary states its event date first: that is the date.
                date = _numeric(int(summary.group(1)), int(summary.group(2)), int(summary.group(3)), base, True)
                if date is not None:
                    self.settled = EventDate(date=date, precision="day", text=summary.group(0).strip(" :"))
        self.starts = [s.start for s in sentences]
        self.head = self._head()
        self._event: dict[int, bool] = {}
        self.facts: dict[DateMention, _Facts] = {}
        self._fallback: EventDate | None = None

    def _head(self) -> int:
        """Where the opening read of a long text ends: on the end of the sentence that holds
        the ``_READ_HEAD``-th character, so a date phrase is not cut in two."""
        head = _READ_HEAD
        i = bisect_right(self.starts, head) - 1
        if i >= 0 and head < self.sentences[i].end:
            head = self.sentences[i].end
        return head

    def spans(self, anchor: tuple[int, int] | None) -> list[tuple[int, int]]:
        """Where to look in a long text: its opening and the anchor with a sentence either
        side. The event's date is told early or beside the toll; dates deep in long
        articles are background (and would cost time to read)."""
        w = self.w
        if len(w) <= _READ_HEAD:
            return [(0, len(w))]
        head = self.head
        spans = [(0, head)]
        sentences = self.sentences
        if anchor is not None and sentences:
            i = max(bisect_right(self.starts, anchor[0]) - 1, 0)
            lo = sentences[max(i - 1, 0)].start
            hi = sentences[min(i + 1, len(sentences) - 1)].end
            if hi > head:
                spans.append((max(lo, head), hi))
        return spans

    def index(self, pos: int) -> int:
        """The sentence that holds offset ``pos`` (0 without sentences)."""
        i = bisect_right(self.starts, pos) - 1
        return i if i > 0 else 0

    def start_of(self, i: int) -> int:
        """Where sentence ``i`` really starts: a split after "p.m." or "a.m." is undone
        (the splitter cuts "at 9 p.m. Sunday"), since the date belongs to that clause."""
        while i > 0 and self.sentences[i - 1].text[-4:].lower() in {"a.m.", "p.m."}:
            i -= 1
        return self.starts[i]

    def is_event(self, i: int) -> bool:
        """True when sentence ``i`` tells of violence or a disaster."""
        if i not in self._event:
            self._event[i] = bool(self.sentences) and not _EVENT_WORDS_B.isdisjoint(_ascii_words(self.sentences[i].text))
        return self._event[i]

    def first_event(self) -> int | None:
        for i in range(len(self.sentences)):
            if self.is_event(i):
                return i
        return None

    def fallback(self) -> EventDate:
        """No date in the text: the publication (or dateline) date, else nothing."""
        if self._fallback is None:
            base = self.base
            self._fallback = EventDate() if base is None else EventDate(date=base, precision="publication", text=None)
        return self._fallback


class _Facts:
    """What one mention brings to any event of its article: its sentence, its score
    before the anchor's terms (scored when first needed), the terms after them, and the
    ``EventDate`` it makes when chosen."""

    __slots__ = ("sent_i", "tenths", "old", "_prefix", "scored", "_answer")

    def __init__(self, mention: DateMention, art: _Article) -> None:
        self.sent_i = art.index(mention.start)
        self.tenths = min(self.sent_i, 20) * 0.1  # farther down, less likely
        self.old = art.base is not None and (art.base - mention.date).days > 366
        self._prefix: float | None = None
        self.scored = False
        self._answer: EventDate | None = None

    def prefix(self, mention: DateMention, art: _Article) -> float | None:
        if not self.scored:
            self._prefix, self.scored = _score_prefix(mention, art), True
        return self._prefix

    def answer(self, mention: DateMention, text: str) -> EventDate:
        if self._answer is None:
            self._answer = EventDate(date=mention.date, precision=mention.precision,  # type: ignore[arg-type]
                                     text=text[mention.start:mention.end])
        return self._answer


# The most _score_prefix can give: the sum of its positive terms (event sentence 1.5,
# event words 1.5, clock time 2.0). Keep it in step: resolve_event_date skips a mention
# whose score cannot reach the best one so far.
_MAX_PREFIX = 5.0


def _score_prefix(mention: DateMention, art: _Article) -> float | None:
    """How likely the mention is the event's date, before the anchor's terms; None when it
    clearly is not. ``resolve_event_date`` adds the rest in a fixed order (the sum must
    come out the same to the last bit whichever event asks). At most ``_MAX_PREFIX``."""
    w = art.w
    sentences = art.sentences
    start, end, explicit = mention.start, mention.end, mention.explicit
    if sentences:
        sent_i = art.index(start)
        sent_start = art.start_of(sent_i)
    else:
        sent_i = sent_start = 0
    if art.latest is not None and mention.date > art.latest:
        return None  # a future date: a hearing, a funeral, a deadline
    # the last words before the mention in its sentence, the first ones after it
    before = _ascii_words(w[sent_start if sent_start > start - 50 else start - 50:start])[-5:]
    last3 = before[-3:]
    if not _STAMP_B.isdisjoint(last3) or b"as of" in b" ".join(last3):
        return None
    if explicit and _HANDLE_BEFORE.search(w, start - 40 if start > 40 else 0, start):
        return None  # "— Name (@handle) October 21, 2016": an embedded post's stamp
    tail = w[end:end + 40]
    if explicit and _STAMP_AFTER.match(tail) and _line_is_stamp(w, mention):
        return None  # "January 22, 2013 2:44 PM" alone on its line: the page's stamp
    after = _ascii_words(tail)[:4]
    if after and after[0] in _PART_B:
        after = after[1:]
    score = 0.0
    if not _NOT_EVENT_B.isdisjoint(before) or not _NOT_EVENT_AFTER_B.isdisjoint(after[:2]):
        score -= 4.0
    if before and (before[-1] == b"since" or before[-1] == b"by"):
        score -= 2.0  # "since Saturday", "by Monday afternoon": a running state or a deadline
    if _inside_quote(w, start):
        score -= 1.5  # a quotation: someone speaking, often of something else
    clock = not _CLOCK_B.isdisjoint(last3)
    report_after = not _REPORT_B.isdisjoint(after[:3]) and _ATTRIBUTION_AFTER.match(tail) is None
    if not report_after and not explicit and (not before or before == [b"on"]) and (
        "report" in (long_tail := w[end:end + 90]) or "announc" in long_tail or "said" in long_tail
    ):
        # "On Tuesday evening the sheriff's office reported ...": the day opens a sentence
        # whose verb is a report (no event word before it): the day of the statement.
        for word in _ascii_words(long_tail)[:9]:
            if word in _SAID_B:
                report_after = True
                break
            if word in _EVENT_WORDS_B:
                break
    if not _REPORT_B.isdisjoint(before) or report_after:
        # "police said Tuesday", "was arrested by police on Friday"; after a clock time
        # ("At 6:45 p.m. Monday, police reported finding ...") the report is of the event.
        score -= 1.0 if clock else 2.5
        if not clock and before and before[-1] in _SAID_B:
            score -= 1.0  # "officials announced Friday": the day of the statement itself
    if sentences and art.is_event(sent_i):
        score += 1.5
    # ("The attack took place on Tuesday": as "happened")
    happened = not _HAPPEN_B.isdisjoint(before) or (b"place" in last3 and b"took" in before)
    if happened or not _EVENT_WORDS_B.isdisjoint(last3) or not _EVENT_WORDS_B.isdisjoint(after[:2]):
        # "a shooting Thursday night", "Saturday's attack", "which occurred just before 2 a.m. Aug. 29"
        score += 1.5 if happened else 1.0
    if clock:
        score += 2.0  # "around 6:30 p.m. Saturday": a clock time dates a happening, not a statement
    elif b"early" in before[-2:] or b"late" in before[-2:] or w[end:end + 12].lstrip().lower().startswith(
        ("morning", "afternoon", "evening", "night")
    ):
        score += 1.0  # "late Friday", "Saturday night"
    score -= _PRECISION_RANK[mention.precision] * 2.5
    if explicit and sent_i == 0 and sentences and "\n" in w[:sentences[0].end + 2] and _YEAR_IN.search(mention.text):
        score -= 2.0  # a full date in the headline line is the page's date, as a rule
    return score


def _same_night(art: _Article, mentions: Sequence[DateMention], chosen: DateMention) -> DateMention:
    """"last night" said on the publication day is the night before it; when the text also
    puts the event "early Saturday morning" or at "1:30 a.m. Saturday" on the publication
    day, it happened after midnight: that day (GVA dates the calendar day)."""
    if chosen.text.lower() not in {"last night", "overnight"}:
        return chosen
    w = art.w
    for m in mentions:
        if m.date != art.base or m.start < art.line_end or m.text.lower() not in _WEEKDAYS:
            # (a weekday only: "until early this morning" closes a night that began before)
            continue
        if _EARLY_HOURS_BEFORE.search(w, max(0, m.start - 16), m.start):
            return m
    return chosen


def _inside_quote(w: str, pos: int) -> bool:
    """True when ``pos`` sits inside quotation marks opened earlier in its paragraph."""
    seg = w[w.rfind("\n", 0, pos) + 1:pos]
    return seg.count("\u201c") > seg.count("\u201d") or seg.count('"') % 2 == 1


def _line_is_stamp(w: str, mention: DateMention) -> bool:
    """True when the date opens its line: a byline or page stamp, not prose."""
    line_start = w.rfind("\n", 0, mention.start) + 1
    return not w[line_start:mention.start].strip(" \t([|-:,")


# The article read last (see _Article): the core asks once per event of the same article.
_LAST_ARTICLE: list[_Article | None] = [None]


def resolve_event_date(
    text: str,
    sentences: Sequence[Sentence],
    published: dt.date | None,
    anchor: tuple[int, int] | None = None,
) -> EventDate:
    """The date the event in ``text`` happened, preferring phrases near ``anchor`` (the
    character span of the sentence that carries the event's figures).

    Falls back to ``published`` with precision ``publication``; with neither a date in the
    text nor a publication date, returns an empty ``EventDate`` (precision ``unknown``).
    """
    art = _LAST_ARTICLE[0]
    if art is None or art.text is not text or art.sentences is not sentences or art.published != published:
        art = _LAST_ARTICLE[0] = _Article(text, sentences, published)
    if art.settled is not None:
        return art.settled
    base = art.base
    mentions = _find(art.w, base, art.spans(anchor))
    if mentions:
        anchor_i = art.index(anchor[0]) if anchor is not None and sentences else art.first_event()
        best: tuple[float, int] | None = None
        chosen: DateMention | None = None
        facts = art.facts
        for n, mention in enumerate(mentions):
            if mention.start < art.line_end:
                continue  # the dateline dates the report, not the event
            fact = facts.get(mention)
            if fact is None:
                fact = facts[mention] = _Facts(mention, art)
            sent_i = fact.sent_i
            if n >= _MAX_SCORED and (anchor_i is None or abs(sent_i - anchor_i) > 1):
                continue  # far down a long article and away from the event: background
            near = 0.0  # the anchor's terms
            if anchor_i is not None:
                distance = abs(sent_i - anchor_i)
                near = 3.0 if distance == 0 else 1.5 if distance == 1 else 0.0
            if best is not None and not fact.scored and (
                _MAX_PREFIX + near - fact.tenths - (2.0 if fact.old else 0.0) < best[0] - 1e-9
            ):
                # Even its best possible score cannot beat the best so far (and a tie goes
                # to the earlier mention): not worth scoring.
                continue
            value = fact.prefix(mention, art)
            if value is None:
                continue
            # The anchor's terms, then the rest, in this order (see _score_prefix).
            if anchor_i is not None:
                value += near
                if sent_i > anchor_i + 1:
                    value -= 0.5
            value -= fact.tenths
            if fact.old:
                value -= 2.0  # background: an older incident, an anniversary
            key = (value, -mention.start)
            if best is None or key > best:
                best, chosen = key, mention
        if chosen is not None and best is not None and best[0] > -3.0:
            if base is not None and chosen.date == base - dt.timedelta(days=1) and chosen.text[:1] in "lLoO":
                chosen = _same_night(art, mentions, chosen)
                if chosen not in facts:
                    facts[chosen] = _Facts(chosen, art)
            return facts[chosen].answer(chosen, text)
    return art.fallback()
