"""Name folding: one lookup key for the spellings news and GeoNames give one place.

``fold_key("Deir Al Zor") == fold_key("Dayr az Zawr") == fold_key("Deir ez-Zor")``.

The key is built in three steps, the same for gazetteer names (at index build) and for
text n-grams (at resolve time), so any merge it makes is symmetric:

1. diacritics stripped, lower case, apostrophes and ayn/hamza marks removed, every other
   non-alphanumeric character a token break;
2. Arabic articles dropped: ``al``/``ul`` always, an assimilated article (``az Zawr``,
   ``ash-Sham``, ``ad Dawr``) when the next token starts with its consonant, ``el-`` when it
   was hyphen-attached, and a fused assimilated article inside a multiword name
   (``Deir Ezzor``);
3. a transliteration skeleton of each token, the skeletons joined without spaces: vowel digraphs merged
   (``ei``/``ay``/``ai`` -> ``i``, ``ou``/``aw``/``oo`` -> ``u``), ``o``/``u`` and ``e``/``i``
   merged, ``q`` -> ``k``, ``ph`` -> ``f``, doubled letters single, a final ``h`` after a
   vowel dropped (``Raqqah`` = ``Raqqa``).
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["REWRITTEN_TOKENS", "drop_articles", "fold_key", "fold_plain", "fold_tokens", "key_of_tokens", "token_skeleton"]

# Letters NFKD does not decompose into a base letter plus a combining mark.
_SPECIAL = str.maketrans({
    "ı": "i", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "ł": "l", "Ł": "l", "ß": "ss",
    "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "þ": "th", "ð": "d", "ħ": "h", "ŧ": "t",
    "ŋ": "n", "ə": "a", "Ə": "a", "ɨ": "i",
})
# Apostrophes, ayn and hamza marks vanish inside a word ("Qa'im" = "Qaim").
_QUOTES = re.compile(r"['’‘`´ʿʾʼʻ\u02b9\u02c8]")
_NONWORD = re.compile(r"[^a-z0-9]+")

_ARTICLE_ALWAYS = frozenset({"al", "ul"})
# a/e/u + a sun letter: the Arabic article assimilated to the next word's first consonant.
_ASSIMILATED = frozenset({
    "ad", "ed", "ud", "ar", "er", "ur", "as", "es", "us", "az", "ez", "uz", "at", "et", "ut",
    "an", "en", "un", "ash", "esh", "ush", "adh", "edh", "ath", "eth", "ats",
})
_FUSED = re.compile(r"^[aeu]([dtrszn])\1(?=[a-z]{2})")

# Vowel digraphs and letter classes merged by transliteration (order matters).
_SKELETON_STEPS = (
    (re.compile(r"ph"), "f"),
    (re.compile(r"q"), "k"),
    (re.compile(r"ck"), "k"),
    (re.compile(r"(ei|ey|ay|ai|ee|ie)"), "i"),
    (re.compile(r"(ou|aw|oo|ow)"), "u"),
    (re.compile(r"o"), "u"),
    (re.compile(r"e"), "i"),
    (re.compile(r"y"), "i"),
    (re.compile(r"(.)\1+"), r"\1"),
    (re.compile(r"(?<=[aiu])h$"), ""),
)
_EL_HYPHEN = re.compile(r"\b[ae]l-(?=[a-z])")
_TOKEN_SYNONYMS = {"saint": "st", "sainte": "ste", "mount": "mt", "fort": "ft"}
# The tokens ``drop_articles`` may drop or rewrite (articles, synonyms). An n-gram with none
# of these and no token of five letters or more starting a/e/u (a fused article) keeps its
# tokens, so its key is their skeletons joined (the resolver builds it word by word).
REWRITTEN_TOKENS = _ARTICLE_ALWAYS | _ASSIMILATED | frozenset(_TOKEN_SYNONYMS)


def fold_plain(s: str) -> str:
    """Lower case, diacritics and apostrophes removed, other punctuation to spaces."""
    if not s.isascii():
        s = s.translate(_SPECIAL)
        s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
    s = _QUOTES.sub("", s.lower())
    return _NONWORD.sub(" ", s).strip()


def fold_tokens(s: str) -> list[str]:
    """Folded tokens of a name with Arabic articles dropped (steps 1 and 2 above)."""
    if not s.isascii():
        s = s.translate(_SPECIAL)
        s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
        s = _QUOTES.sub("", s.lower())
    else:
        s = s.lower()
        if "'" in s or "`" in s:  # (the only ASCII characters of ``_QUOTES``)
            s = _QUOTES.sub("", s)
        elif s.replace(" ", "").isalnum():
            # letters, digits and spaces only (most names): split on the spaces
            return drop_articles(s.split())
    # "el-Arish": a hyphen-attached el is an article; a free-standing "El" (El Paso) is kept.
    if "-" in s:
        s = _EL_HYPHEN.sub("al ", s)
    return drop_articles([t for t in _NONWORD.split(s) if t])


_SKEL_CACHE: dict[str, str] = {}
_DIGRAPH_I = _SKELETON_STEPS[3][0]
_DIGRAPH_U = _SKELETON_STEPS[4][0]
_DOUBLED = _SKELETON_STEPS[8][0]


def _one_of_run(m: re.Match[str]) -> str:
    """``_DOUBLED``'s replacement: the run's letter once. (A function, not the template
    ``r"\\1"``: a template costs a call into the ``re`` module's Python code on every
    ``sub``, match or not; a function is called only per doubled letter.)"""
    return m.group(1)


def token_skeleton(t: str) -> str:
    """The transliteration skeleton of one folded token (memoised: news reuses names)."""
    sk = _SKEL_CACHE.get(t)
    if sk is None:
        # ``_SKELETON_STEPS`` in order, the literal ones as str.replace (the same
        # leftmost non-overlapping replacement, without a regex call each)
        sk = t.replace("ph", "f").replace("q", "k").replace("ck", "k")
        sk = _DIGRAPH_I.sub("i", sk)
        sk = _DIGRAPH_U.sub("u", sk).replace("o", "u").replace("e", "i").replace("y", "i")
        sk = _DOUBLED.sub(_one_of_run, sk)
        if len(sk) > 1 and sk[-1] == "h" and sk[-2] in "aiu":
            sk = sk[:-1]
        if len(_SKEL_CACHE) > 50_000:  # (bounds memory: see resolve._WORD_MEMO_MAX)
            _SKEL_CACHE.clear()
        _SKEL_CACHE[t] = sk
    return sk


def drop_articles(raw: list[str]) -> list[str]:
    """Folded tokens without Arabic articles (step 2 above); ``raw`` is already folded."""
    out: list[str] = []
    n = len(raw)
    for i, t in enumerate(raw):
        if i + 1 < n:
            if t in _ARTICLE_ALWAYS:
                continue
            if t in _ASSIMILATED:
                nxt = raw[i + 1]
                if nxt.startswith(t[1:]) and (i > 0 or len(nxt) > 2):
                    continue
        if out and len(t) > 4 and t[0] in "aeu":
            t = _FUSED.sub(r"\1", t)
        out.append(_TOKEN_SYNONYMS.get(t, t))
    return out


def key_of_tokens(raw: list[str]) -> str:
    """The lookup key of a name given as folded tokens (articles still in)."""
    return "".join([token_skeleton(t) for t in drop_articles(raw)])


def fold_key(s: str) -> str:
    """The lookup key of a place name (all three steps); empty for a name with no letters."""
    return "".join([token_skeleton(t) for t in fold_tokens(s)])
