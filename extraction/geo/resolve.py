"""Where an event happened: one scan of the text for place mentions, then a vote.

1. **Scan.** One precompiled regex finds runs of capitalised words (every word in an
   all-upper-case text); inside a run the longest n-gram whose folded key is a country,
   demonym, admin1 region or place is taken (greedy, left to right). A prefix set stops an
   n-gram as soon as it can no longer become a name, so the scan is linear, and most runs
   (one word, no name) cost two dictionary lookups.
2. **Filter.** Stop words, blocked names (rivers, seas, organisations), names after a
   person's title, capitalised words the text also writes in lower case, addresses,
   actors ("Taliban militants") and fragments of longer capitalised runs (people's names)
   are dropped or down-weighted.
3. **Evidence.** Countries (names, demonyms), containers ("Place, Country", "Place, St.",
   "(Place, Region)") and every place mention -- spread over its namesakes by population
   -- build country and admin1 evidence, weighted by where they stand: the anchor sentence
   most, then the title and lead, the body and the dateline (where the reporter is).
4. **Resolve.** Each place mention picks its candidate by container, evidence from the
   other names, population and spelling; mentions then vote for (country, admin1)
   regions; the best region wins and its best-placed mention gives the name, point and
   precision. See docs/GEO.md.

How the work is split (speed; the core resolves once per event, ~1.8 times per article):

* Per process (memoised, ``_MEMO``): per word, its folded form, skeleton and what it is
  as a one-word name (``_word_info``: a new run of known words costs no folding and few
  index lookups); what a run of capitalised words decides alone (``_run_matches``),
  one-word runs that are no name, and per name its evidence spread, candidate rows and
  trust before the text's evidence.
* Per text (``_Plan``, kept for the text's next calls): the scan and containers, each
  mention's weight without and with the anchor factor, and the mentions grouped by name
  (one piece of evidence) and by setting (one choice of namesake).
* Per call (``_vote``): which mentions the anchor lifts, then the evidence sums, the
  choices and the vote. Sums run in mention order, exactly as one pass over the mentions
  would, so reuse never changes an answer.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from extraction.geo.distance import km_between
from extraction.geo.fold import (
    _TOKEN_SYNONYMS,
    REWRITTEN_TOKENS,
    drop_articles,
    fold_key,
    fold_plain,
    fold_tokens,
    token_skeleton,
)
from extraction.geo.index import PlaceIndex
from extraction.geo.lexicon import (
    ACTOR_NOUNS,
    ADMIN1_ABBREVIATIONS,
    ADMIN_WORDS,
    BLOCKED_NAMES,
    CITY_QUARTERS,
    CONNECTORS,
    DISTRICT_WORD_COUNTRIES,
    DISTRICT_WORDS,
    FUNCTION_WORDS,
    NON_EVENT_BEFORE,
    ORG_NOUNS,
    PERSON_TITLES,
    PLACE_SPELLINGS,
    QUALIFIED_ADMIN1,
    STOPWORDS,
    STREET_WORDS,
    THING_NOUNS,
    US_STATE_ABBREV,
    WORD_NAMES,
)
from extraction.text import Sentence
from schemas import Location, LocationPrecision

__all__ = ["Mention", "resolve_location", "scan"]

_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
# A dateline: "BEIRUT (Reuters) -", "Beirut:", "SAN SALVADOR, 12 JAN 90 (RADIO) --".
_DATELINE = re.compile(
    r"\s*([A-Z][A-Za-z'’.\- ]{1,40}?)(?:,\s*[^\n:]{0,40}?)?\s*(?:\([^)\n]{1,40}\)\s*)?(?::|--|—|–|-\s)",
)
# "Marksville, La." / "LOUISVILLE, KY (WAVE)" / "Reading, Pa.": a US state after a name.
_AP_ABBREV = sorted(US_STATE_ABBREV, key=len, reverse=True)  # written with a dot
_US_STATE = re.compile(  # (the look-ahead lets most commas fail before the alternation)
    r",\s?(?=[A-Z])(?:(" + "|".join(re.escape(a.title()).replace("\\.", "\\.\\s?") for a in _AP_ABBREV)
    + r")\.|([A-Z]{2})(?![\w-]))"
)
# After a country name or demonym, a nationality or an institution, not a place: "five
# United States citizens", "Turkish forces", "the Iraqi government".
_TROOPS = frozenset({"troops", "soldiers", "military", "jets", "warplanes", "aircraft", "navy",
                     "police", "officials", "authorities", "government", "regime", "embassy",
                     "citizen", "citizens", "nationals", "national", "personnel", "servicemen",
                     "service", "contractors", "diplomats", "diplomat", "tourists", "workers",
                     "ambassador", "officers", "forces", "army", "air"})
_COMPASS = frozenset({"northern", "southern", "eastern", "western", "northeastern", "northwestern",
                      "southeastern", "southwestern", "north-eastern", "north-western",
                      "south-eastern", "south-western"})
_FACILITIES = frozenset({"hospital", "mosque", "church", "school", "university", "hotel", "bank", "stadium",
                         "prison", "cathedral", "temple", "madrasa", "college",
                         # "the Punch newspaper", "the Sabah daily": a paper's name
                         "newspaper", "daily", "magazine", "broadcaster", "weekly", "tabloid"})
_NOT_IN_NAMES = frozenset({"of", "on", "upon", "in", "y", "e", "en", "am", "im", "sur", "op", "aan", "zu"})
_COMPASS_AREA = _COMPASS | {"central", "northeast", "northwest", "southeast", "southwest", "rural", "remote"}
_COMPASS_PART = r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)"
# a part of the country a dateline names: "the country's restive northwest", "the north of the country"
_COUNTRY_PART = re.compile(
    r"the country['’]s (?:(?:restive|volatile|remote|troubled|conflict-hit|mountainous|far) )?(?:far[- ])?"
    + _COMPASS_PART + r"(?:ern)?\b|the (?:far[- ])?(?:" + _COMPASS_PART[3:-1] + r"|centre|center) of the country\b")
# "St. Louis", and in an upper-case dateline "ST. LOUIS (AP) -" (not "Lewes")
_ABBREV_SAINT = frozenset({"St. ", "Mt. ", "Ft. ", "ST. ", "MT. ", "FT. "})
_AGE_AFTER = re.compile(r", \d{1,3},")  # (not "In North Waziristan, 12 militants were killed")
# A capitalised run that speaks ("Marion Jones told reporters", "Windsor Smith said") or is
# described as a person ("Jackson, the fire chief,", "Victoria, a 34-year-old mother") is a
# person, not the town of that name ("Kherson, the regional capital" stays a place).
_SPEECH_AFTER = re.compile(
    r" (?:said|says|told|tells|added|adds|confirmed|explained|noted|wrote|tweeted|stated|recalled"
    r"|testified|insisted|warned|asked|replied)\b")
_PERSON_APPOSITION = re.compile(
    r", (?:a|an|the|his|her|their|our) (?:[\w'’.-]+ ){0,3}?(?:\d+-year-old|[a-z]+-year-old|spokesman"
    r"|spokeswoman|spokesperson|chief|leader|commander|mother|father|son|daughter|wife|husband|brother"
    r"|sister|officer|official|director|head|minister|governor|mayor|farmer|teacher|student|nurse|doctor"
    r"|activist|journalist|reporter|analyst|lawyer|owner|manager|president|secretary|founder|chairman"
    r"|uncle|aunt|cousin|grandmother|grandfather|widow|colleague|friend|neighbou?r)\b")
# What only befalls or is done by a person, right after a name ("Jackson was shot dead",
# "Madison and her brother were wounded", "Chelsea told police", "Paris was among the 14
# people killed"): the name is a person's (a town is shelled or hit, never shot or stabbed).
_PERSON_PREDICATE = re.compile(
    r"(?:, who (?:was|is|had|has)\b"
    r"| (?:(?:was|were|is|had been|has been) (?:(?:[a-z]+ly|later|also|both|then) )?(?:(?:shot|stabbed|strangled|beaten|killed|murdered|wounded|injured|hurt"
    r"|arrested|found dead|pronounced dead|taken to|rushed to|hospitali[sz]ed|charged|survived)\b"
    r"|among (?:the|those) (?:\d[\d,]* )?(?:dead|killed|victims|injured|wounded|people|passengers|casualties)\b)"
    r"|and (?:her|his) |told (?:police|officers|detectives|investigators|reporters|relatives|the court)\b"
    r"|(?:died|dies)\b))")
# People who study events from afar, after a town's name: "Oxford researchers estimate",
# "Harvard scientists say" name where they work, not where anyone died ("Buffalo police"
# and "Gaza doctors" are on the scene and keep their town).
_STUDY_NOUNS = frozenset({"researchers", "researcher", "scientists", "scientist", "economists", "economist",
                          "academics", "scholars", "epidemiologists", "statisticians", "modellers", "modelers",
                          "historians", "demographers", "climatologists"})
# a conjunction before an English word that names a place, with a lower-case noun after it:
# "and Energy officials promised", "but Mission staff" (not "and Buffalo on Sunday")
_CONJUNCTIONS = frozenset({"and", "or", "but", "while", "as", "so", "then", "yet"})
_DWELLERS = frozenset({"residents", "people", "inhabitants", "citizens", "locals", "families", "police"})
_PREDICATE_STARTS = frozenset(" ,")
# what only a person has, after a possessive name: "Lincoln's body", "Sydney's family"
_PERSON_POSSESSED = re.compile(
    r" (?:body|family|relatives|parents|mother|father|husband|wife|brother|sister|son|daughter"
    r"|boyfriend|girlfriend|killer|funeral)\b")
# words before a run that make it a place, not a person ("In Mobile, a mother of two ...")
_LOCATIVE_BEFORE = frozenset({"in", "at", "near", "from", "to", "of", "outside", "inside", "around", "across",
                              "into", "toward", "towards", "on", "off", "over", "through", "within", "by",
                              "between", "for", "under", "via"})
# a place "in" which someone was arrested or born is not where the killing happened
_NOT_SCENE_IN = ("arrested ", "detained ", "captured ", "apprehended ", "jailed ", "booked ", "born ")
_OF_ROMANCE = frozenset({"de", "du", "del", "do", "da"})  # "of" in French, Spanish, Portuguese
_QUALIFIED_NAMES = frozenset(name for _cc, name in QUALIFIED_ADMIN1)
_QUALIFIER_AFFIXES = frozenset({"administered", "controlled", "held", "occupied"})
# a wire story's credits: the names after them are its reporters and editors
_BYLINE = re.compile(r"(?:Reporting|Writing|Editing|Additional [Rr]eporting|Compiled|Photos?|Video|Graphics?"
                     r"|Illustrations?|Produced|Translated|Research|Words) by ")
# a distance before "of"/"from" ("30 km south of", "12 miles from"): ends where "of" starts
_DISTANCE_BEFORE = re.compile(r"\d\s*-?\s*(?:km|kms|kilomet(?:er|re)s?|miles?)\b[^.;\n]{0,25}$")
# words that start a football club's name before its city's ("Real Madrid", "Inter Milan")
_CLUB_BEFORE = frozenset({"real", "atletico", "inter", "borussia", "sporting", "dynamo", "dinamo", "olympique"})
_MERCENARIES = frozenset({"mercenaries", "mercenary", "paramilitaries", "instructors", "advisers", "advisors"})
_AFFIX_ACTOR = re.compile(r"-(?:led|backed|based|supported|allied|owned|born|affiliated|sponsored)\b")
_POSSESSIVE = re.compile(r"['’]s$", re.IGNORECASE)
# "the city's X", "the capital's X": a part of the city the text is about
_PART_OF = re.compile(r"(?:city|town|capital)['’]s $")
_QUARTER_WORDS = frozenset({"neighborhood", "neighbourhood", "subdivision"})
# "a Phoenix man", "the Flint teen": where a person lives
_HOME_NOUNS = frozenset({
    "man", "men", "woman", "women", "boy", "boys", "girl", "girls", "teen", "teens", "teenager",
    "teenagers", "youth", "resident", "residents", "native", "couple", "mother", "father", "toddler"})
_MAX_NGRAM = 6  # words in the longest name tried
_ANCHOR_WEIGHT = 3.0  # a place in the event's own sentence
# The dateline is where the reporter files from: as good as the body text, below the lead
# (local news is filed from its town; wire copy from a capital far from the event).
_DATELINE_WEIGHT = 1.0
_DATELINE_SHADOWED = 0.4  # ... when the event's sentences name another place
_CREDIBLE_POP = 15_000  # a one-word town this big is a place, not a word's echo
_SOFT_TOP = 8  # namesakes that carry evidence (the most populous)
_SMALL_PRIOR = math.sqrt(50_000)  # "small town" for a one-word name's evidence
# The answer's name: a place the text names inside the winning region beats the region's
# own name unless the region mention weighs over five times more ("near Niono in Mali's
# Segou region" is Niono). Dev location name: 1.3 -> .456/.616 (dev/articles), 5 -> .505/.636.
_PLACE_OVER_REGION = 5.0
_HOME_ONLY = 0.2  # (articles-dev: 0.2 and 0.5 alike)
# In US news a town the text names beats the county it lies in unless the county's mention
# weighs over ten times more ("CAMDEN - ... the Camden County Prosecutor's Office said" is
# Camden): GVA, like the local news it reads, files the town (articles-dev location: 3 and
# 5 gain less than 10; above 10 nothing more).
_TOWN_OVER_DISTRICT = 10.0
# A named US city this big files the small places within _QUARTER_KM of its centre as its
# quarters ("South Shore" beside "Chicago police"; "Reseda" is 32 km from Los Angeles' centre)
_QUARTER_CITY_POP = 300_000
_QUARTER_KM = 15.0  # (10 km misses Chicago's South Side; 20 km takes in separate suburbs)
_QUARTERS_CITY_POP = 100_000  # a US dateline city this big has named quarters
_NAMESAKE_CITY_POP = 50_000  # a city this big known by a region's name is the region's namesake
_QUARTERED_POP = 1_000_000  # a city this big: a name before it is one of its quarters
_MIN_VOTE = 0.25  # below this, and no country named: no location rather than a guess
_ASCII_LOWER = b"abcdefghijklmnopqrstuvwxyz"
# Where the wounded were taken is not where the event was ("died at a hospital in Plano").
_CARE_BEFORE = re.compile(r"\b(?:hospitals?|medical|clinic|morgue|taken|transported|airlifted|flown)\b", re.IGNORECASE)


@dataclass(slots=True)
class Mention:
    """One name found in the text (or title: ``in_title``)."""

    start: int
    end: int
    surface: str
    kind: str  # "country" | "demonym" | "place"
    cc: str | None = None  # for countries and demonyms
    ids: tuple[int, ...] = ()  # for places: index entry ids (places and admin1 regions)
    admin_hint: bool = False
    single: bool = False  # one token
    fragment: bool = False  # part of a longer capitalised run (a person's name?)
    in_title: bool = False
    container_cc: str | None = None
    container_adm: int | None = None
    negated: bool = False  # "the border with Syria"
    actor: bool = False  # "Turkish forces": a nationality as an actor, maybe abroad
    part_of: bool = False  # "the city's Englewood neighborhood"
    state_only: bool = False  # "Marksville, La.": a US state written as a postal code
    container_adms: list[int] | None = None  # regions a shared container name may mean
    container_of: bool = False  # this region is another name's container
    parenthesised: bool = False  # "(Khabb wa ash Shaaf, Al Jawf)": the region, spelled out
    void: bool = False  # "(Tirunelveli, TN)": a postal code that is no US state here
    home: bool = False  # "a Phoenix man": where a person lives
    landmark: bool = False  # "30 km south of Mogadishu": measured from, never the answer's place


_PLAIN_CACHE: dict[str, str] = {}
_PLANS: dict[tuple[str, str], _Plan] = {}  # the last text's plan, per process
# The core resolves an article's events one after another, so one plan is all it reuses;
# keeping older ones alive only makes the garbage collector walk their mentions again.
_PLAN_SLOTS = 1


def _plain(word: str) -> str:
    """A word folded for lookup: lower case, possessive and diacritics off (memoised)."""
    p = _PLAIN_CACHE.get(word)
    if p is None:
        if len(word) > 1 and word[-1] in "sSſ" and word[-2] in "'’" or "\n" in word:
            w = _POSSESSIVE.sub("", word)
        else:
            w = word  # (no possessive: most words; no regex call)
        p = w.lower() if w.isascii() and "'" not in w else fold_plain(w).replace(" ", "")
        if len(_PLAIN_CACHE) > _WORD_MEMO_MAX:
            _PLAIN_CACHE.clear()
        _PLAIN_CACHE[word] = p
    return p


def _key(toks: list[str]) -> str:
    """The index key of an n-gram of folded words (``fold.key_of_tokens``, cached parts)."""
    if len(toks) == 1:
        return token_skeleton(toks[0])
    return "".join([token_skeleton(t) for t in drop_articles(toks)])


def _is_upper_text(text: str) -> bool:
    """An all-upper-case text (MUC wire copy): under 3% lower-case letters in its start."""
    sample = text[:800]
    raw = sample.encode("utf-8", "surrogatepass")  # (bytes.translate is a C table lookup)
    lower = len(raw) - len(raw.translate(None, _ASCII_LOWER))
    return bool(sample) and lower < 0.03 * len(sample)


_UPPERS = "A-ZÀ-ÖØ-ÞĀ-ſḀ-ỿ"
# A run of capitalised words joined by a space or hyphen, with up to two short lower-case
# words inside ("Deir ez-Zor", "Rio de Janeiro", "Port-au-Prince"); the scan then checks
# those are connectors. No \b or look-behind: they stop the regex engine's fast scan.
_RUN = re.compile(
    "[" + _UPPERS + "][\\w'’]*(?:[ -](?:[a-z]{1,5}[ -]){0,2}(?:[dl]['’])?[" + _UPPERS + "][\\w'’]*)*"
)
# In an all-upper-case text every word is "capitalised": runs end at punctuation.
_RUN_UPPER = re.compile(r"[A-Z][A-Z'’]*(?:[ -][A-Z][A-Z'’]*)*")
_AFTER_STREET = re.compile(r" (?:in|near|at|on|outside) (?=[A-Z])")
_NEXT_WORD = re.compile(r"[ -]([^\W\d_]+)")


def _prev_word(text: str, pos: int) -> tuple[str, int]:
    """The word right before ``pos`` (one or two spaces between, an abbreviation's dot
    allowed) and its start, or ``("", -1)``."""
    lo = pos - 24 if pos > 24 else 0
    k = pos - 1
    if k < lo or text[k] != " ":
        return "", -1
    k -= 1
    if k >= lo and text[k] == " ":
        k -= 1
        if k >= lo and text[k] == " ":
            return "", -1
    while k >= lo and text[k] == ".":
        k -= 1
    if k < lo or not text[k].isalpha():
        return "", -1
    e = k + 1
    # (usually a space before the word: one split instead of a loop over its letters)
    w = text[lo:e].rsplit(None, 1)[-1]
    if w.isalpha():
        return w, e - len(w)
    while k >= lo and text[k].isalpha():
        k -= 1
    return text[k + 1:e], k + 1


def _reset_memo(index: PlaceIndex) -> None:
    """Start the per-process memo over for ``index``."""
    _MEMO.clear()
    _MEMO["index"] = index
    _MEMO["miss"] = set()
    _MEMO["words"] = {}  # per word: see _word_info
    _MEMO["runs"] = {}
    _MEMO["runs_upper"] = {}
    _MEMO["quarters"] = _quarter_spellings(index)


def _quarter_spellings(index: PlaceIndex) -> tuple[frozenset[int], dict[str, frozenset[str]]]:
    """The cities ``lexicon.CITY_QUARTERS`` names, and per key of a quarter its spellings
    (folded words): a quarter is read as its city only when spelled so."""
    by_key: dict[str, set[str]] = {}
    cities: set[int] = set()
    for spelling, (cc, main) in CITY_QUARTERS.items():
        plains = [_plain(w) for w in spelling.replace("-", " ").split()]
        k = _key(plains)
        by_key.setdefault(k, set()).add(" ".join(plains))
        hit = index.names.get(k, ())
        for e in (hit,) if isinstance(hit, int) else hit:
            if e < index.n_places and index.place_name[e] == main and index.cc_list[index.place_cc[e]] == cc:
                cities.add(e)
    return frozenset(cities), {k: frozenset(v) for k, v in by_key.items()}


def scan(index: PlaceIndex, text: str, upper: bool, offset: int = 0,
         in_title: bool = False) -> list[Mention]:
    """Every country, demonym and place name in ``text`` (greedy longest match).

    What a run's text alone decides (its words, names and their flags) comes from a per
    process memo (``_run_matches``); here only what depends on the text around a run is
    checked: the word before and after, a sentence start, the headline.
    """
    title_end = -1  # (computed when first needed)
    lowered: dict[str, bool] = {}  # names the text also writes in lower case
    out: list[Mention] = []
    singles: list[tuple[Mention, str]] = []  # one-word places and their folded word
    tails: list[tuple[int, int, str]] = []  # two- or three-word capitalised runs: span, last word
    us_towns: dict[str, tuple[int, ...]] = {}  # country names this text uses for US towns
    resort = False
    if _MEMO.get("index") is not index:
        _reset_memo(index)
    miss: set[str] = _MEMO["miss"]  # type: ignore[assignment]
    memo: dict = _MEMO["runs_upper" if upper else "runs"]  # type: ignore[assignment]
    words: dict = _MEMO["words"]  # type: ignore[assignment]
    if len(memo) > _RUN_MEMO_MAX or len(miss) > _WORD_MEMO_MAX:
        memo.clear()
        miss.clear()
    pc = _PLAIN_CACHE
    for run in (_RUN_UPPER if upper else _RUN).finditer(text):
        rtext = run.group()
        if not upper and text.startswith(", ", run.end()):
            # "Independence, Missouri", "in Paradise, Nev.": a stop word (never a place
            # alone) that names a town of the region or country after it
            sp = rtext.rfind(" ")
            last = rtext[sp + 1:]
            if last.lower() in STOPWORDS and (sp < 0 or rtext[rtext.rfind(" ", 0, sp) + 1:sp].lower() in FUNCTION_WORDS):
                ids = _town_in_container(index, last, text, run.end())
                if ids:
                    out.append(Mention(run.end() - len(last) + offset, run.end() + offset, last, "place",
                                       None, ids, single=True, in_title=in_title))
                    resort = True  # (appended before the run's own names, if any)
        if rtext in miss:
            continue  # one word already known to be no name (most runs)
        rs = run.start()
        if rs > 0 and text[rs - 1].isalnum():
            continue  # inside a word
        if rs >= 4 and text[rs - 2] == "." and text[rs - 4:rs] in _ABBREV_SAINT:
            rs -= 4
            rtext = text[rs:run.end()]
            got = memo.get(rtext)
        else:
            got = memo.get(rtext)
            if got is None and " " not in rtext and "-" not in rtext:
                # one word: nothing to do unless it is a name
                info = words.get(rtext) or _word_info(index, rtext)
                if info[0] in _NEVER_ALONE or info[3] is None:
                    miss.add(rtext)
                    continue
        if got is None:
            got = memo[rtext] = _run_matches(index, rtext, upper)
        person_tail, last_word, matches = got
        if matches and not upper and _BYLINE.match(rtext):
            continue  # "(Reporting by Austin Ramzy and Sydney Lee; Writing by Jackson Webb)": people
        if rs > 1 and text[rs - 1] == " " and text[rs - 2].isalpha():
            # (``_prev_word``'s common case inline: one space, then a word after a space)
            e = rs - 1
            lo = rs - 24 if rs > 24 else 0
            sp = text.rfind(" ", lo, e)
            pw = text[sp + 1 if sp >= 0 else lo:e]
            if pw.isalpha():
                pstart = e - len(pw)
            else:
                pw, pstart = _prev_word(text, rs)
            prev = (pc.get(pw) or _plain(pw)) if pw else ""
        elif rs > 0 and text[rs - 1] == " ":
            pw, pstart = _prev_word(text, rs)
            prev = (pc.get(pw) or _plain(pw)) if pw else ""
        else:
            pw, pstart, prev = "", -1, ""
        if prev in PERSON_TITLES and not upper and pw[0].isupper():
            # "President Bashar Al Assad", "Sgt. Moore": the run is a person
            if last_word is not None:
                tails.append((-1, -1, last_word))
            continue
        prev2 = ""
        if prev in _OF_ROMANCE:
            # "la province du Soum", "el estado de Veracruz": the admin word before "de"
            pw2, _ = _prev_word(text, pstart)
            prev2 = _plain(pw2) if pw2 else ""
        elif prev == "of":
            pw2, _ = _prev_word(text, pstart)
            prev2 = _plain(pw2) if pw2 else ""
            if prev2 == "block":
                # "the 16300 block of West Chicago": a street; but a run joined over a small
                # word goes on after it ("block of Madison Street in Chicago": Chicago)
                cut = _AFTER_STREET.search(rtext)
                if cut is None:
                    continue
                matches = tuple(mt for mt in matches if mt[0] >= cut.end())
                if not matches:
                    continue
        re_ = run.end()
        if text.startswith(", ", re_) and text[re_ + 2:re_ + 3].isdigit() and not upper \
                and (" " in rtext or prev not in _LOCATIVE_BEFORE) and _AGE_AFTER.match(text, re_):
            # "Georgia Brown, 41, was found dead", "Chelsea, 19, was among the dead": a person
            # and her age (her surname alone later is her too: "Bennett said" is no Bennett,
            # Colorado); not "in Kabul, 12, ..."
            if last_word is not None:
                tails.append((-1, -1, last_word))
            continue
        if not upper and matches and prev not in _LOCATIVE_BEFORE and matches[0][8] not in _LOCATIVE_BEFORE and (
                (person_tail is not None and all(mt[6] for mt in matches) and _SPEECH_AFTER.match(text, re_))
                or (text.startswith(", ", re_) and _PERSON_APPOSITION.match(text, re_))
                or (text[re_:re_ + 1] in _PREDICATE_STARTS and _PERSON_PREDICATE.match(text, re_))
                or (rtext[-2:] in ("'s", "’s") and _PERSON_POSSESSED.match(text, re_))):
            # "Marion Jones told reporters", "Jackson, the fire chief, said", "Jackson was
            # shot dead": a person
            if last_word is not None:
                tails.append((-1, -1, last_word))
            continue
        if person_tail is not None:
            tails.append((rs + person_tail[0], rs + person_tail[1], last_word))  # "Codrick Beal": a person?
        for s_off, e_off, surface, kind, hit, single, fragment, nxt, before, at_end, first, acronym, regional, \
                word in matches:
            start = rs + s_off
            end = rs + e_off
            if at_end:
                # (the next word follows a space or hyphen; most names end at punctuation)
                nm = _NEXT_WORD.match(text, end) if text[end:end + 1] in (" ", "-") else None
                nxt = (pc.get(w := nm.group(1)) or _plain(w)) if nm else ""
                if kind == "place" and (nxt in ACTOR_NOUNS or nxt in THING_NOUNS or nxt in _STUDY_NOUNS):
                    # "Taliban militants": an actor; "Marburg virus", "Grad rockets": a thing;
                    # "Oxford researchers": where they work
                    continue
            if first:
                before = prev
            elif before == "little":
                continue  # "Little Haiti", "Little Havana", "Little Saigon": a city's quarter
            elif before in _CLUB_BEFORE:
                continue  # "Real Madrid", "Inter Milan", "Borussia Dortmund": a football club
            if kind == "place" and before == "the" and nxt in _FACILITIES:
                continue  # "the Al-Shifa hospital", "the Serena hotel": a building's name
            if kind == "country" and nxt in ADMIN_WORDS:
                # "Niger State", "Gaza province", "Mexico State": a region named like a country
                regions = _named_entries(index, surface, "regions")
                if regions:
                    kind, hit = "place", regions
            elif kind == "country" and (text[end:end + 1] == "," or surface in us_towns):
                # "Lebanon, Pa.", "COLUMBIA, Mo.": a US town named like a country, and
                # the same name again later in the text
                towns = us_towns.get(surface)
                if towns is None and _us_state_follows(index, text, end):
                    towns = us_towns[surface] = _named_entries(index, surface, "us_towns")
                if towns:
                    kind, hit = "place", towns
            if kind == "place" and single and (pc.get(surface) or _plain(surface)) in _QUALIFIED_NAMES:
                # "Pakistani Kashmir", "Pakistan-administered Kashmir": the qualifier's region
                q = _qualified_region(index, text, start, surface, before if not first else prev)
                if q >= 0:
                    hit = (q,)
            if kind == "place":
                if single and not upper:
                    if acronym and start > 0 and text[start - 1] != "\n" and surface not in _PLACE_ACRONYMS:
                        continue  # an acronym in mixed-case text ("STO", "LNA"); "ROME (AP) -" is not
                    # "Reading" the place vs "reading" the word: a capitalised word at a line or
                    # sentence start, or in a title-case headline, that the text also writes in
                    # lower case is a word.
                    # (the two characters before: a line break, or a sentence's end)
                    if start >= 2:
                        # (a semicolon starts a clause as a full stop does: "...; Mobile teams")
                        at_start = text[start - 2] in ".!?:;\"“\n" or text[start - 1] == "\n"
                    else:
                        at_start = start == 0 or text[0] in ".!?:\"“\n"
                    if at_start or (
                            start < 601  # (a headline lies in the first 600 characters)
                            and start < (title_end if title_end >= 0 else (title_end := _title_case_head(text)))):
                        lower = lowered.get(surface)
                        if lower is None:
                            lower = lowered[surface] = _written_lower(text, surface)
                        if lower:
                            continue
                        if word in WORD_NAMES and not _word_name_placed(text, surface, start, end) \
                                and not (_in_headline(text, start, in_title) and _notable_town(index, surface, hit)):
                            # "Mobile clinics reached ...", "Shares in the airline ..." (a headline
                            # keeps a city: "Buffalo supermarket shooting: 10 dead" is Buffalo)
                            continue
                    elif word in WORD_NAMES and start >= 2 and text[start - 2] in "-—–" and text[start - 1] == " " \
                            and not _word_name_placed(text, surface, start, end):
                        continue  # "BEIRUT (Reuters) - Mobile phone networks were cut ..."
                    elif word in WORD_NAMES and prev in _CONJUNCTIONS and (nm := _NEXT_WORD.match(text, end)) \
                            and (w := nm.group(1)).islower() and w not in FUNCTION_WORDS and w not in _DWELLERS \
                            and not _word_name_placed(text, surface, start, end):
                        continue  # "..., and Energy officials promised an inquiry": a word
                    elif word in WORD_NAMES and not first and before in STOPWORDS and before not in FUNCTION_WORDS \
                            and not _word_name_placed(text, surface, start, end):
                        continue  # "Golden Dawn supporters": a party's name, no Fajar (Singapore)
                mention = Mention(start + offset, end + offset, surface, kind, None, hit, False, single,
                                  fragment, in_title)
                # "Deir Al Zor province", "province of Deir Al Zor"
                if nxt in ADMIN_WORDS or nxt in DISTRICT_WORDS or (first and prev2 in ADMIN_WORDS):
                    mention.admin_hint = True
                    ccs = DISTRICT_WORD_COUNTRIES.get(nxt)
                    if ccs is not None:
                        # "Safi tehsil", "Sadar upazila": only those countries' namesakes,
                        # and none at all rather than one abroad
                        ecc = index.entry_columns()[0]
                        mention.ids = tuple(e for e in hit if ecc[e] in ccs)  # type: ignore[union-attr]
                        if not mention.ids:
                            continue
                elif regional and before in _COMPASS:
                    mention.admin_hint = True  # "northern Ontario": a region's part, not the city
                elif nxt == "valley" and single:
                    # "the Tirah Valley" is no Tehran: a valley's namesakes spelled as written
                    mention.ids = _valley_namesakes(index, surface, hit) or hit  # type: ignore[assignment]
                if before in NON_EVENT_BEFORE or (
                        first and before == "in" and text.endswith(_NOT_SCENE_IN, max(0, pstart - 12), pstart)):
                    mention.negated = True  # "fled to Turkey", "was arrested in Nashville after ..."
                elif first and (before == "of" or before == "from") \
                        and _DISTANCE_BEFORE.search(text, max(0, pstart - 40), pstart):
                    # "30 km south of Mogadishu", "25 miles north of Seattle": a landmark to
                    # measure from, not where the event happened
                    mention.negated = mention.landmark = True
                if start >= 3 and text[start - 2] == "s" and text[start - 3:start - 1] in ("'s", "’s") \
                        and _PART_OF.search(text, max(0, start - 12), start):
                    mention.part_of = True  # "the city's Englewood neighborhood"
                elif nxt in _QUARTER_WORDS:
                    mention.part_of = True  # "in the Broadmoor neighborhood": a quarter of the dateline's city
                elif nxt in _HOME_NOUNS and not upper:
                    mention.home = True
                if single:
                    singles.append((mention, word))
            else:
                mention = Mention(start + offset, end + offset, surface, kind, hit, (), False, single,
                                  fragment, in_title)
                if nxt in ADMIN_WORDS or (first and prev2 in ADMIN_WORDS):
                    mention.admin_hint = True
                if before in NON_EVENT_BEFORE:
                    mention.negated = True
                if _AFFIX_ACTOR.match(text, end) or nxt in _MERCENARIES:
                    # "Saudi-led coalition", "US-backed forces": actors; "Russian mercenaries"
                    # fight abroad by definition ("Malian troops and Russian mercenaries")
                    mention.negated = True
                elif nxt in ACTOR_NOUNS or nxt in _TROOPS:
                    mention.actor = True  # "Turkish forces": an actor, maybe abroad
            out.append(mention)
    if tails:
        # A surname that the text also writes after a first name ("Campbell" after "Donna
        # Campbell") is a person, unless that whole run was itself a place ("Harris County").
        spans = {(m.start, m.end) for m in out}
        person = {tail for a, b, tail in tails if (a + offset, b + offset) not in spans}
        for m, word in singles:
            if word in person:
                m.fragment = True
    if resort:
        out.sort(key=lambda m: m.start)
    return out


def _qualified_region(index: PlaceIndex, text: str, start: int, surface: str, before: str) -> int:
    """The region entry ``lexicon.QUALIFIED_ADMIN1`` gives ``surface`` after a country's
    qualifier ("Pakistani Kashmir", "Pakistan-administered Kashmir"), else -1."""
    if before in _QUALIFIER_AFFIXES:
        # "Pakistan-administered": the word before the hyphen
        hy = start - len(before) - 2
        if hy < 1 or text[hy] != "-":
            return -1
        head = _TOKEN.findall(text, max(0, hy - 30), hy)
        if not head:
            return -1
        k = fold_key(head[-1])
    else:
        k = fold_key(before) if before else ""
    cc = index.countries.get(k) or index.demonyms.get(k)
    code = QUALIFIED_ADMIN1.get((cc, _plain(surface))) if cc else None
    a = index.adm_by_code.get(code, -1) if code else -1
    return index.n_places + a if a >= 0 else -1


def _named_entries(index: PlaceIndex, surface: str, which: str) -> tuple[int, ...]:
    """The entries a country's name also names, of one kind: ``"regions"`` (admin1 regions:
    "Niger" State, Nigeria) or ``"us_towns"`` (US towns with a point: "Lebanon",
    Pennsylvania). (memoised per kind and spelling; bounded by the countries' names)"""
    memo: dict = _MEMO.setdefault("named_" + which, {})  # type: ignore[assignment]
    got = memo.get(surface)
    if got is None:
        ids = index.names.get(fold_key(surface), ())
        if isinstance(ids, int):
            ids = (ids,)
        n = index.n_places
        if which == "regions":
            got = tuple(e for e in ids if e >= n)
        else:
            got = tuple(e for e in ids if e < n and index.cc_list[index.place_cc[e]] == "US"
                        and index.place_lat[e] == index.place_lat[e])
        memo[surface] = got
    return got


_STATE_NAME = re.compile(r",\s?([A-Z][a-z]+(?: [A-Z][a-z]+)?)")


def _us_state_follows(index: PlaceIndex, text: str, end: int) -> bool:
    """Does a US state ("Lebanon, Pa.", "Mexico, MO", "Peru, Indiana") follow ``end``?"""
    m = _US_STATE.match(text, end)
    if m is not None:
        return (m.group(1) or m.group(2)).replace(" ", "").lower() in index.us_abbrev
    m = _STATE_NAME.match(text, end)
    if m is None:
        return False
    names = _MEMO.get("us_state_names")
    if names is None:
        names = _MEMO["us_state_names"] = frozenset(
            index.adm_name[a] for a in set(index.us_abbrev.values()))
    return m.group(1) in names  # type: ignore[operator]


def _word_name_placed(text: str, surface: str, start: int, end: int) -> bool:
    """Is an English word that is also a place name ("Mobile", "Split"), capitalised at a
    sentence start or in a headline, the place all the same: written in capitals ("NICE,
    France (AP) -"), a container after it ("Mobile, Ala.", "Split, Croatia"), its city's
    police ("Buffalo police said"), or named again elsewhere than at a sentence start?"""
    if surface.isupper():
        return True
    nxt = text[end:end + 2]
    if nxt[:1] == "," and text[end + 2:end + 3].isupper():
        return True
    if text.startswith(" police", end):
        return True
    i = text.find(surface)
    n = len(surface)
    while i >= 0:
        if i != start and not text[i + n:i + n + 1].isalnum() and (i == 0 or not text[i - 1].isalnum()) \
                and i >= 2 and text[i - 2] not in ".!?:;\"“\n" and text[i - 1] != "\n":
            return True
        i = text.find(surface, i + 1)
    return False


_CONTAINER_WORDS = re.compile(r"[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2}")


def _town_in_container(index: PlaceIndex, word: str, text: str, end: int) -> tuple[int, ...]:
    """The namesakes of a stop word that names towns ("Independence", "Paradise", "Sale",
    "Hope") lying in the US state, region, district or country named right after it and a
    comma ("Independence, Missouri", "Union, N.J.", "Sale, Greater Manchester"); () if none."""
    p = _PLAIN_CACHE.get(word) or _plain(word)
    if p not in STOPWORDS:
        return ()
    hit = index.names.get(token_skeleton(p))
    if hit is None:
        return ()
    m = _CONTAINER_WORDS.match(text, end + 2)
    if m is None:
        return ()
    ids = hit if isinstance(hit, tuple) else (hit,)
    ecc, eadm = index.entry_columns()
    n_places = index.n_places
    words = m.group().split(" ")
    for n in range(len(words), 0, -1):
        name = " ".join(words[:n])
        plain = fold_plain(name)
        k = fold_key(name)
        cc = index.countries.get(k)
        adms: set[int] = set()
        if cc is None:
            a = index.us_abbrev.get(plain.replace(" ", ""))
            if a is not None:
                adms.add(a)
            got = index.names.get(k)
            for e in (got if isinstance(got, tuple) else (got,)) if got is not None else ():
                # a region, or a district (no point) standing for its region
                if e >= n_places or index.place_lat[e] != index.place_lat[e]:
                    adms.add(eadm[e])
            if not adms:
                continue
        towns = tuple(e for e in ids if e < n_places and index.place_lat[e] == index.place_lat[e]
                      and _spelled_as(index, word, (e,))
                      and (ecc[e] == cc if cc is not None else eadm[e] in adms))
        return towns
    return ()


def _in_headline(text: str, start: int, in_title: bool) -> bool:
    """Does ``start`` lie in the title, or in a first line that is a headline (no closing
    full stop, a line break after it)?"""
    if in_title:
        return True
    nl = text.find("\n")
    return start < nl < 300 and not text[:nl].rstrip().endswith(".")


def _notable_town(index: PlaceIndex, surface: str, ids: tuple[int, ...]) -> bool:
    """Is one of the namesakes spelled as ``surface`` a town of 100,000+ ("Buffalo",
    "Mobile", "Nice"; not "Shares", a Persian village's alternate name)?"""
    pop = index.place_pop
    n_places = index.n_places
    return any(e < n_places and pop[e] >= 100_000 and _spelled_as(index, surface, (e,)) for e in ids)


def _written_lower(text: str, word: str) -> bool:
    """Does the text also write ``word`` in lower case ("reading" beside "Reading")?
    (A dateline's "MOGADISHU" beside the body's "Mogadishu" is no such case.)"""
    lw = " " + word.lower()
    # (one pass over the text, not one per following character: most words are absent)
    n = len(lw)
    i = text.find(lw)
    while i >= 0:
        if text[i + n:i + n + 1] in (" ", ",", "."):
            return True
        i = text.find(lw, i + 1)
    return False


_MEMO: dict[str, object] = {}  # per index: words that are no name, each run's matches, spreads
# Entries each memo keeps before it starts over: this bounds a long-running worker's memory
# (names never seen before keep coming), and the names news uses recur, so a small memo
# holds nearly all of them. Measured on 8,000 varied articles (2026-11-24): memos and RSS
# grew ~120 MB over the loaded size with 20,000 / 100,000 / 200,000 entries (per name / per
# capitalised run / per word), ~45 MB with the values below, ~25 MB with a tenth of them;
# CPU per article the same within noise but for the tenth (+7%); outputs byte-identical.
_MEMO_MAX = 10_000  # per name: candidate rows, spreads, evidence, groups, spellings
_RUN_MEMO_MAX = 30_000  # per capitalised run (each of mixed- and upper-case text)
_WORD_MEMO_MAX = 50_000  # per word: folded forms, what a word is, words that are no name


def _spread(index: PlaceIndex, ecc: list[str], eadm: list[int], ids: tuple[int, ...],
            container_cc: str | None) -> tuple[tuple[tuple[str, float], ...], tuple[tuple[int, float], ...],
                                               bool, bool, frozenset[str]]:
    """How a name's evidence spreads over its namesakes' countries and regions (shares by
    the square root of population; the most populous namesakes carry nearly all of it),
    whether all its namesakes are small, whether one big namesake dominates, and the
    countries of its region namesakes. Depends on the name only, so it is memoised."""
    n_places = index.n_places
    place_pop = index.place_pop
    cands: Sequence[int] = ids
    if container_cc is not None:
        cands = [e for e in ids if ecc[e] == container_cc] or ids
    if len(cands) > _SOFT_TOP:
        cands = [*cands[:_SOFT_TOP], *[e for e in cands[_SOFT_TOP:] if e >= n_places]]
    region = max(cands) >= n_places  # (most names have no region namesake)
    if region:
        prior = [600.0 if e >= n_places else math.sqrt(place_pop[e] + 100) for e in cands]
    else:
        prior = [math.sqrt(place_pop[e] + 100) for e in cands]
    total = sum(prior)
    top = max(prior)
    ccs: dict[str, float] = {}
    adms: dict[int, float] = {}
    for e, q in zip(cands, prior, strict=True):
        cc = ecc[e]
        a = eadm[e]
        ccs[cc] = ccs.get(cc, 0.0) + q
        if a >= 0:
            adms[a] = adms.get(a, 0.0) + q
    lead = cands[prior.index(top)]
    big = top / total > 0.8 and (lead >= n_places or place_pop[lead] >= 100_000)
    return (tuple([(cc, q / total) for cc, q in ccs.items()]), tuple([(a, q / total) for a, q in adms.items()]),
            top < _SMALL_PRIOR, big, frozenset([ecc[e] for e in cands if e >= n_places]) if region else _NO_CCS)


_NO_CCS: frozenset[str] = frozenset()


# compass points abbreviated before a city's name ("SE Portland"): no person's initials
_COMPASS_ABBREV = frozenset({"NE", "NW", "SE", "SW"})


def _run_matches(index: PlaceIndex, rtext: str, upper: bool) -> tuple[
        tuple[int, int] | None, str | None, tuple[tuple, ...]]:
    """What a run of capitalised words decides alone (memoised per run text by the scan):
    the span of a two- or three-word person-like run, the run's last word (folded), and
    per name (greedy longest match): its offsets in the run, surface, kind, entry ids
    (places) or country, one word?, fragment?, the next word inside the run ("" at its
    end: look in the text), the word before inside the run (None: look in the text), at
    the run's end?, the run's first name?, acronym-shaped?, has a region namesake?, its
    folded word."""
    n_places = index.n_places
    names = index.names
    countries = index.countries
    demonyms = index.demonyms
    prefixes = index.prefixes
    if _MEMO.get("index") is not index:
        _reset_memo(index)
    wi: dict = _MEMO["words"]  # type: ignore[assignment]
    starts: list[int] = []
    words: list[str] = []
    # Most runs are letters joined by single spaces or hyphens (the run pattern allows no
    # other separator and no two in a row): their words are what ``_TOKEN`` finds, split
    # without a regex.
    pos = 0
    for w in rtext.replace("-", " ").split(" "):
        if not w.isalpha():
            starts = []
            words = []
            for m in _TOKEN.finditer(rtext):
                if w := m.group():
                    starts.append(m.start())
                    words.append(w)
            break
        starts.append(pos)
        words.append(w)
        pos += len(w) + 1
    infos = [wi.get(w) or _word_info(index, w) for w in words]
    n = len(words)
    plains = [f[0] for f in infos]
    caps = [True] * n if upper else [f[1] for f in infos]
    # (not "Pakistan's Balochistan": a possessive ends the name before it, no person's name)
    person_tail = (2 <= n <= 3 and not upper and all(caps) and STOPWORDS.isdisjoint(plains)
                   and not any(_POSSESSIVE.search(w) for w in words[:-1])
                   and words[0] not in _COMPASS_ABBREV)  # "SW Atlanta", "NE Minneapolis"
    tail_at = 0
    if not person_tail and n > 3 and not upper and caps[-1] and caps[-2]:
        # "Police said that Ackeem Davis": the run joined over small words; its capitalised
        # tail may be a person's name all the same
        # (its first word no name of any kind: "in Afghan Ghazni province" is no person)
        tail_at = n - 2
        while tail_at > 0 and caps[tail_at - 1]:
            tail_at -= 1
        person_tail = (n - tail_at <= 3 and infos[tail_at][3] is None and STOPWORDS.isdisjoint(plains[tail_at:])
                       and not any(_POSSESSIVE.search(w) for w in words[tail_at:-1]))
    matches: list[tuple] = []
    i = 0
    while i < n:
        if not caps[i] or infos[i][6]:
            i += 1  # (a word that starts no name: most)
            continue
        p0 = plains[i]
        titled = p0 in PERSON_TITLES
        best: tuple[int, str, object] | None = None
        # the n-gram's key built word by word while no word is one ``drop_articles`` may
        # drop or rewrite (most n-grams); else ``_key`` of all its words
        _, _, sk0, kind0, hit0, extend, _ = infos[i]
        simple = sk0 is not None
        joined = sk0 if simple else ""
        j = i + 1
        if p0 in CONNECTORS and j < n:
            extend = True  # "Deir Al Zor": a name does not end on its article
        elif kind0 is not None:
            best = (j, kind0, hit0)  # (the first word alone: its key is its skeleton)
        if extend:
            stop = n if n - i < _MAX_NGRAM else i + _MAX_NGRAM
            while j < stop:
                p = plains[j]
                if simple:
                    sk = infos[j][2]
                    if sk is None:
                        simple = False
                    else:
                        joined += sk
                j += 1
                if p in CONNECTORS and j < n:
                    continue
                if not caps[j - 1]:
                    break
                k = joined if simple else _key(plains[i:j])  # (two words or more here)
                hit = countries.get(k)
                if hit is not None:
                    best = (j, "country", hit)
                elif (hit := demonyms.get(k)) is not None:
                    best = (j, "demonym", hit)
                elif (hit := names.get(k)) is not None:
                    best = (j, "place", hit)
                if k not in prefixes:
                    break
        if titled and (best is None or best[0] - i < 2):
            # "President Bashar Al Assad": a person's name follows the title; but "Prince
            # George's County", "Prince Rupert" are names starting with a title
            if not upper:
                # (the name ends at a small word that is no part of a name: "Sheikh Maqsoud
                # in Aleppo", "Governor of Kano")
                i += 1
                while i < n and (caps[i] or (plains[i] in CONNECTORS and plains[i] not in _NOT_IN_NAMES)):
                    i += 1
                continue
            i += 4  # upper case: runs are whole clauses; skip the title and a name
            continue
        if best is None:
            i += 1
            continue
        j, kind, hit = best
        i0 = i
        i = j
        # What the run alone decides about the match (the text around it is checked by
        # the scan): blocked names, function words, addresses, actors, name fragments.
        single = j - i0 == 1  # "Al Qaim", "Ar Rutba": an article makes a name specific
        plain = plains[i0] if single else " ".join(plains[i0:j])
        if plain in BLOCKED_NAMES or (single and plain in STOPWORDS):
            continue
        first = plains[i0]
        if (first in FUNCTION_WORDS
                and not (len(first) == 2 and j - i0 > 1 and plains[i0 + 1].startswith(first[1]))) \
                or plains[j - 1] in FUNCTION_WORDS:
            continue  # ("An Nuqat", "As Sukhnah": an assimilated Arabic article is kept)
        nxt = plains[j] if j < n else ""
        if kind == "place" and (nxt in ACTOR_NOUNS or nxt in THING_NOUNS):
            continue  # "Taliban militants", "Sharqiya Army": an actor; "Hendra Virus": a thing
        if kind == "place" and single and plain in _CLUB_BEFORE and j < n and caps[j]:
            continue  # "Real Madrid": "Real" is no town of Portugal here
        if kind == "place" and nxt in ORG_NOUNS and caps[j] and not _POSSESSIVE.search(words[j - 1]):
            continue  # "Oxford Economics", "Sky News": a company's name (not "Michigan's News Leader")
        if kind == "place" and ((j < n and caps[j] and nxt in STREET_WORDS) or plains[j - 1] in STREET_WORDS):
            continue  # "Shawnee Street", "Park Avenue": an address (not "the Halba road")
        fragment = False
        # A fragment of a longer capitalised run ("Rami Abdul Rahman") is likely a person.
        if kind == "place" and not upper:
            k = i0 - 1
            while k > 0 and not caps[k] and plains[k] in CONNECTORS:
                if plains[k] == "of":
                    k = -1  # "Shelling of El Fasher", "Governor of Kano": the place itself
                    break
                k -= 1  # "Umm al-Karami": the name goes on through its article
            # (not before a name it possesses: "Jonglei's Pibor county" is no person's name)
            fragment = _name_word(words, plains, caps, k) or (
                words[j - 1][-2:] not in ("'s", "’s") and _name_word(words, plains, caps, j))
        elif kind == "country" and not upper and single and _name_word(words, plains, caps, j) \
                and not _POSSESSIVE.search(words[i0]):
            fragment = True  # "Jordan Smith": a first name
        elif kind == "demonym" and not upper and single and _name_word(words, plains, caps, i0 - 1) \
                and _name_word(words, plains, caps, j):
            fragment = True  # "Datu Saudi Ampatuan": a word inside a longer proper name
        s_off = starts[i0]
        e_off = starts[j - 1] + len(words[j - 1])
        surface = rtext[s_off:e_off]
        if kind == "place" and not isinstance(hit, tuple):
            hit = (hit,)
        if kind == "place" and not _MEMO["quarters"][0].isdisjoint(hit):  # type: ignore[index]
            # a city's quarter ("Orangi", Karachi) only as spelled: "Orange" is no Karachi
            spelled = _MEMO["quarters"][1].get(_key(plains[i0:j]))  # type: ignore[index]
            if spelled is not None and plain not in spelled:
                hit = tuple(e for e in hit if e not in _MEMO["quarters"][0])  # type: ignore[index]
                if not hit:
                    continue
        matches.append((s_off, e_off, surface, kind, hit, single, fragment, nxt,
                        plains[i0 - 1] if i0 > 0 else None, j >= n, i0 == 0,
                        len(surface) <= 4 and surface.isupper(),
                        kind == "place" and max(hit) >= n_places,  # type: ignore[arg-type]  (a region id)
                        first))
    return ((starts[tail_at], starts[-1] + len(words[-1])) if person_tail else None, plains[-1] if words else None,
            tuple(matches))


def _word_info(index: PlaceIndex, w: str) -> tuple[str, bool, str | None, str | None, object, bool, bool]:
    """What a run's n-gram search needs of one word (memoised per index): the word folded
    (``_plain``), whether it is capitalised ("d'Ivoire", "l'Est": an elided French
    article before a capital counts), its skeleton if ``drop_articles`` keeps the folded
    word as it is (else None), and as a one-word n-gram (key: its skeleton) the kind and
    index hit of the name it is (None, None if none), whether a longer name starts with
    it, and whether the n-gram search may pass it by as a run's first word (no name
    either way, not an article, not a person's title)."""
    p = _PLAIN_CACHE.get(w) or _plain(w)
    k = token_skeleton(p)
    sk = None if p in REWRITTEN_TOKENS or (len(p) > 4 and p[0] in "aeu") else k
    kind: str | None = None
    hit: object = index.countries.get(k)
    if hit is not None:
        kind = "country"
    elif (hit := index.demonyms.get(k)) is not None:
        kind = "demonym"
    elif (hit := index.names.get(k)) is not None:
        kind = "place"
    if kind is not None and kind != "place" and p not in index.country_spellings:
        # a word that only folds like a country or nationality and is spelled as a town of
        # 15,000+ is the town: "Male" (Maldives) is no "Mali", "Thies" (Senegal) no "Thais",
        # "Ma'an" (Jordan) no "Man", "Uman" (Ukraine) no "Oman"
        towns = index.names.get(k)
        if towns is not None:
            towns = towns if isinstance(towns, tuple) else (towns,)
            n_places = index.n_places
            if any(e < n_places and index.place_pop[e] >= 15_000
                   and fold_plain(index.place_name[e]).replace(" ", "") == p
                   for e in towns):
                kind, hit = "place", towns
    words: dict = _MEMO["words"]  # type: ignore[assignment]
    if len(words) > _WORD_MEMO_MAX:
        words.clear()
    prefix = k in index.prefixes
    info = words[w] = (p, w[0].isupper() or w[1:2] in ("'", "’"), sk, kind, hit, prefix,
                       # starts no name: no name alone, no longer one, not an article or a title
                       kind is None and not prefix and p not in CONNECTORS and p not in PERSON_TITLES)
    return info


# One word that is never a place by itself (checked before any lookup: most runs are one).
_NEVER_ALONE = STOPWORDS | FUNCTION_WORDS | {b for b in BLOCKED_NAMES if " " not in b}


def _name_word(words: list[str], plains: list[str], caps: list[bool], k: int) -> bool:
    """Is run word ``k`` a capitalised word that is neither a stop word nor an admin word
    (so the match beside it is part of a longer proper name)?"""
    if k < 0 or k >= len(words) or not caps[k]:
        return False
    p = plains[k]
    if len(p) <= 5 and words[k].isupper():
        return False  # an acronym ("APS Peshawar") does not make a person's name
    if words[k][-2:] in ("'s", "’s"):
        return False  # "Congo's South Kivu": the possessive ends the name before it
    return p not in STOPWORDS and p not in ADMIN_WORDS and p not in CONNECTORS


def _dateline_span(text: str) -> tuple[int, int]:
    """Where the dateline is ("BEIRUT (Reuters) -", "Beirut:", "SAN SALVADOR, 12 JAN 90
    (RADIO) --"): at the start of the text or of one of its first paragraphs (crawled
    articles open with their headline); (-1, -1) if none."""
    pos = 0
    for _ in range(4):
        m = _DATELINE.match(text, pos)
        if m:
            head = m.group(1).strip()
            words = head.split()
            # a dateline is a short name, not a sentence ("Police said:", "Update:" are
            # not one; "NEW YORK --", "PORT SUDAN (AP) -", "Port Moresby:" are)
            if head and len(words) <= 4 and not any(w[0].islower() for w in words) \
                    and not all(w.lower().strip(".") in STOPWORDS for w in words):
                return m.start(1), m.end()
        nl = text.find("\n", pos, pos + 400)
        if nl < 0:
            break
        pos = nl + 1
        while pos < len(text) and text[pos] in "\n\r \t":
            pos += 1
    return -1, -1


@dataclass(slots=True)
class _Plan:
    """What every resolution of one text shares (the core calls once per event, each with
    its own anchor): the mentions, and what about them does not depend on the anchor.

    Per mention (parallel lists, mention order): base weights without and with the anchor
    factor, whether it is the dateline. Place mentions are grouped twice: by *name* (the
    same namesakes: one piece of evidence, spread over countries and regions as
    precomputed here) and by *setting* (name, spelling, containers, flags: the same choice
    of namesake and the same trust), so a resolution does the per-name and per-setting work
    once however often a name recurs.
    """

    index: PlaceIndex
    sentences: Sequence[Sentence]  # the sentences it was made with
    mentions: list[Mention]
    upper: bool
    dl_end: int
    lead_end: int
    w_plain: list[float]
    lifts: list[tuple[int, int, float]]  # (mention, start, weight with the anchor factor)
    dateline: list[bool]
    shadow_starts: list[int]  # places that shadow the dateline when the event names them
    # evidence, in mention order: (mention, country or None, container region, container
    # country, name index where this is the name's first mention else -1); only mentions
    # that add evidence (a repeated name without a container adds none)
    ev_ops: list[tuple[int, str | None, int | None, str | None, int]]
    # per name: (stated region or -1, small-town discount, ((country, share, strong),...),
    # ((region, share),...), credible); and its place mentions
    names: list[tuple[int, bool, tuple[tuple[str, float, bool], ...], tuple[tuple[int, float], ...], bool]]
    name_members: list[list[int]]
    groups: list[tuple]  # per setting: see _Group
    group_of: list[int]  # per mention: its setting index, -1 for countries and demonyms
    # place mentions that may give the answer's name (not a container, not a bare state)
    answer_cands: list[tuple[int, int]]
    # answers already given, by what sets one call apart: the anchor's lifted mentions and
    # whether the dateline is shadowed
    answers: dict[tuple, Location]
    text: str = ""
    unlisted: dict[tuple[int, int], str] | None = None  # per (mention, region): the unlisted place before it
    # a US city of 100,000+ in the dateline: its state (else -1); a name the text does not
    # pin, small and in another state, or abroad with nothing else for that country, is
    # then likely one of the city's quarters ("KANSAS CITY, Mo. -- ... in the Northland")
    us_dl_adm: int = -1
    us_named: frozenset[int] = frozenset()  # (then) US states the text names ("southern Maine")
    homes: bool = False  # a place is named as a person's home ("a Phoenix man")
    # "near the border with Mali" after "NIAMEY -": the dateline's borderlands, not its region
    border_starts: tuple[int, ...] = ()
    # sentence starts, and per sentence (bisect position): the countries of the
    # nationalities and forces it names
    # (filled when first asked: see _abroad_of_nationals)
    nationals: tuple[list[int], dict[int, set[str]]] | None = None


class _Group(NamedTuple):
    """One setting of a name: its mentions resolve to the same namesake with the same trust.
    (The plan stores plain tuples of this layout: the resolution unpacks them once per call.)"""

    choice: int  # the first setting with the same name, spelling, admin word and containers:
    #              the same name in the same setting resolves alike (a choice is made once)
    name: int
    m: Mention  # its first mention
    single: bool
    admin_hint: bool
    container_cc: str | None
    container_adm: int | None
    fuzzy: bool
    fixed: int  # the one namesake, or -1 when there is a choice
    rows: tuple[tuple[int, str, int, float, bool, float, float, float], ...] | None  # see _rows
    rows_static: bool  # every row's bonuses hold as precomputed (see _rows)
    conf0: float  # with one namesake: its trust before the text's evidence (_base_conf), else -1
    confs: dict[int, float] | None  # with several: the same per namesake, filled as chosen


def _rows(index: PlaceIndex, ecc: list[str], eadm: list[int], m: Mention) -> tuple[tuple, bool]:
    """A setting's candidate rows: (entry, country, region, prior, skippable, container-country
    bonus, container-region bonus, spelling bonus). The prior is the log population; a
    region's 5, or 9.5 with an admin word beside it; with the word, a district fits and a
    town does not. The bonuses are added in this order (a
    bonus that does not apply is 0.0, which adds exactly nothing). ``skippable``: a small
    namesake past the most populous, left out when nothing points at its country. The
    spelling bonus counts for a name's first 12 town candidates that are not left out, so
    it is static only when there are at most 12 rows (second value)."""
    key = (m.ids, m.surface, m.admin_hint, m.single, m.container_cc, m.container_adm,
           tuple(m.container_adms) if m.container_adms is not None else None)
    memo: dict = _MEMO.setdefault("rows", {})  # type: ignore[assignment]
    got = memo.get(key)
    if got is not None:
        return got
    if len(memo) > _MEMO_MAX // 2:
        memo.clear()
    n_places = index.n_places
    place_pop = index.place_pop
    place_lat = index.place_lat
    place_name = index.place_name
    adm_spellings = index.adm_spellings
    spellings = index.place_spellings
    single = m.single
    admin_hint = m.admin_hint
    cont_cc = m.container_cc
    cont_adm = m.container_adm
    cont_adms = m.container_adms
    # spelled as GeoNames' main name (articles, case and diacritics aside; the spelling
    # bonus counts for one-word names only, so only their namesakes' names are folded):
    # the surface folded once, not per candidate
    surface = m.surface
    folded = _folded(surface) if single else ""
    fold_memo = _FOLDED
    rows = []
    # (regions holding a town of that name -- its main name by skeleton, or a city known by
    # it: "Marib", "Idleb", "Derna" for Darnah; not "Maryland City", a small town that an
    # alternate name ties to "Maryland")
    if single and m.ids[-1] >= n_places:  # (only a region namesake asks: most names have none)
        town_adms = {eadm[e] for e in m.ids if e < n_places and (
            place_pop[e] >= _NAMESAKE_CITY_POP or _folded(place_name[e]) == folded)}
    else:
        town_adms = ()
    # A one-word name of one region: with no city of 50,000+ of its country spelled so
    # ("Washington" stays the capital, not the state) or inside it, its prior grows with
    # its people.
    # (Regions of one name in several countries keep the flat prior: most populous
    # country first, "Punjab" India's.)
    # (Nor several: but one ten times as populous as every other is the one news means, "in
    # Victoria" Australia's state, not Malta's Gozo, also called Victoria.)
    grow = single and m.ids[-1] >= n_places and not admin_hint
    r = -1
    if grow:
        regions = [e for e in m.ids if e >= n_places]
        r = max(regions, key=lambda e: _region_prior(index, eadm[e]))
        grow = all(e == r or _region_prior(index, eadm[e]) + 1.0 <= _region_prior(index, eadm[r]) for e in regions)
    if grow:
        # ("Idleb" stays the city of Idlib inside it: the sources' spelling)
        grow = not any(e < n_places and place_pop[e] >= _NAMESAKE_CITY_POP and ecc[e] == ecc[r]
                       and (eadm[e] == eadm[r] or _folded(place_name[e]) == folded) for e in m.ids)
    seat = _district_seat(index, ecc, eadm, m.ids) if single and not admin_hint else -1
    for rank, e in enumerate(m.ids):
        cc = ecc[e]
        a = eadm[e]
        if e >= n_places:
            s = 9.5 if admin_hint else 5.0  # a region
            if grow and e == r:
                # a populous region outweighs a town abroad spelled alike ("in Virginia" is
                # no town of South Africa, "off Bali" none of India): a third of the people
                # of its towns (at least a 100,000 town's)
                s = max(s, _region_prior(index, a))
            # "Queensland", "Kasai": a region spelled as the text writes it earns the same
            # spelling bonus as a town, or a small namesake town abroad spelled alike wins;
            # not against a town inside it ("Marib" the town stays the town)
            b_exact = 2.0 if (single and a >= 0 and folded in adm_spellings[a]
                              and a not in town_adms) else 0.0
            skip = False
        else:
            s = math.log10(place_pop[e] + 10)
            if e == seat:
                s += 1.0
            if admin_hint:
                # "Sulu province": a district or province below admin1 fits the word
                # (no point in the inputs: NaN latitude); a town does not
                s += 1.5 if place_lat[e] != place_lat[e] else -1.5
            # "Samarra" is not "Samara"
            if single:
                # (a name written as the text writes it folds alike: no fold needed)
                name = place_name[e]
                b_exact = 2.0 if name == surface or folded == (fold_memo.get(name) or _folded(name)) \
                    or (e in spellings and folded in spellings[e]) else 0.0  # "Derna" for Darnah
            else:
                b_exact = 0.0
            skip = rank >= _SOFT_TOP
        b_cc = (6.0 if cc == cont_cc else -6.0) if cont_cc is not None else 0.0
        if cont_adm is not None:
            b_adm = 6.0 if a == cont_adm else -3.0
        else:
            b_adm = 4.0 if cont_adms is not None and a in cont_adms else 0.0
        rows.append((e, cc, a, s, skip, b_cc, b_adm, b_exact))
    got = memo[key] = (tuple(rows), len(rows) <= 12)
    return got


_REGION_POP: list[object] = [None, None]  # (index, per region: log10 of a third of its towns' people)


def _district_seat(index: PlaceIndex, ecc: list[str], eadm: list[int], ids: tuple[int, ...]) -> int:
    """The namesake town whose district bears its name in its region (the district's seat:
    cities500 counts the town's people only, "Hangu", 36,000, of Pakistan's Hangu district)
    when it has bigger namesakes and every one is a town that is no seat, or -1. Its prior then counts it ten
    times. Not against a US town (a US county rarely bears its seat's name, so the sign is
    missing there: "Toledo" stays Ohio's), nor against a town inside a region of its name
    ("Tripoli" stays Libya's, not Lebanon's district seat)."""
    n_places = index.n_places
    place_lat = index.place_lat
    place_pop = index.place_pop
    districts = {(ecc[e], eadm[e]) for e in ids if e < n_places and place_lat[e] != place_lat[e]}
    if not districts:
        return -1  # (most names)
    regions = {eadm[e] for e in ids if e >= n_places}
    seat = -1
    for e in ids:
        if e >= n_places or place_lat[e] != place_lat[e]:
            continue
        if (ecc[e], eadm[e]) in districts:
            seat = e
            break
    if seat < 0:
        return -1
    pop = place_pop[seat]
    bigger = [e for e in ids if e < n_places and place_pop[e] > pop and place_lat[e] == place_lat[e]]
    if not bigger or any(ecc[e] == "US" or eadm[e] in regions or (ecc[e], eadm[e]) in districts for e in bigger):
        return -1
    return seat


def _region_prior(index: PlaceIndex, a: int) -> float:
    """A region's population prior: log10 of a third of the people of its towns in the
    index (computed once per index when first needed)."""
    if _REGION_POP[0] is not index:
        sums = [0] * (len(index.adm_cc) + 1)  # (the last: places with no region)
        for b, lat, pop in zip(index.place_adm, index.place_lat, index.place_pop, strict=True):
            if lat == lat:  # (towns, not districts)
                sums[b] += pop
        _REGION_POP[:] = [index, [math.log10(v / 3.0 + 1.0) for v in sums]]
    return _REGION_POP[1][a] if a >= 0 else 0.0  # type: ignore[index]


def _chain(m: Mention, w: float) -> float:
    """A mention's weight from its positional weight ``w``: what it is and how it is said."""
    if m.kind == "demonym":
        w *= 0.4
    if m.negated:
        w *= 0.25
    elif m.actor:
        w *= 0.5
    if m.fragment:
        w *= 0.15
    if m.parenthesised:
        w *= 1.5  # "(Khabb wa ash Shaaf, Al Jawf)": the region, spelled out
    return 0.0 if m.void else w


def _make_plan(index: PlaceIndex, text: str, sentences: Sequence[Sentence], title: str,
               upper: bool) -> _Plan:
    """Scan ``text`` (and ``title``) and precompute everything its resolutions share
    (one pass over the mentions once containers are known)."""
    mentions = scan(index, text, upper)
    if not upper:
        mentions += _us_state_mentions(index, text)
    if ("K" in text and ("&K" in text or "AJK" in text or "KPK" in text)) or "FATA" in text \
            or "NWFP" in text:  # (a cheap test before the full pattern)
        mentions += _abbreviation_mentions(index, text)
    if title:
        mentions += scan(index, title, _is_upper_text(title), offset=0, in_title=True)
    dl_start, dl_end = _dateline_span(text)
    lead_end = _lead_end(text, sentences, dl_end)
    site_a, site_b = _site_name_span(text)
    title_a, title_b = _site_name_span(title + "\n") if title else (0, 0)
    _containers(index, mentions, text, dl_end)

    ecc, eadm = index.entry_columns()
    n_places = index.n_places
    spread: dict = _MEMO.setdefault("spread", {})  # type: ignore[assignment]
    name_memo: dict = _MEMO.setdefault("name_ev", {})  # type: ignore[assignment]
    group_memo: dict = _MEMO.setdefault("groups", {})  # type: ignore[assignment]
    if len(spread) > _MEMO_MAX or len(name_memo) > _MEMO_MAX or len(group_memo) > _MEMO_MAX:
        spread.clear()
        name_memo.clear()
        group_memo.clear()
    w_plain: list[float] = []
    lifts: list[tuple[int, int, float]] = []
    dateline: list[bool] = []
    dl_cc: set[str | None] = set()  # countries named in the dateline
    shadowing: list[Mention] = []  # places after the dateline that may shadow it
    country_shadow: list[int] = []  # "central Mali" after "BAMAKO, Mali -": elsewhere in it
    border_starts: list[int] = []  # "near the border with Mali" after "NIAMEY -"
    us_dl_adm = -1
    name_ix: dict[tuple[int, ...], int] = {}
    names: list = []
    name_members: list[list[int]] = []
    group_ix: dict[tuple, int] = {}
    choice_ix: dict[tuple, int] = {}
    groups: list[tuple] = []
    group_of: list[int] = []
    ev_ops: list = []
    answer_cands: list[tuple[int, int]] = []
    for i, m in enumerate(mentions):
        # Positional weights: title 1.5, the publisher's name 0.6, the dateline (where the
        # reporter files from: the event's place only when nothing else is named) 1, lead
        # 1.5. The anchor sentence lifts what it names (x3), except nationalities and actors.
        w = 1.0
        dl = False
        start = m.start
        place = m.kind == "place"
        if m.in_title:
            w = 0.6 if title_a <= start < title_b else 1.5
        elif site_a <= start < site_b:
            w = 0.6  # "... in Antioch shooting - WBRC FOX6 News - Birmingham, AL": the publisher
        elif dl_start <= start < dl_end and start < dl_start + 60:
            w = _DATELINE_WEIGHT
            dl = True
        elif start < lead_end:
            w = 1.5
        plain = m.kind != "demonym" and not (m.negated or m.actor or m.fragment or m.parenthesised or m.void)
        w_plain.append(w if plain else _chain(m, w))
        if not m.in_title and m.kind != "demonym" and not m.negated and not m.actor:
            lifts.append((i, start, w * _ANCHOR_WEIGHT if plain else _chain(m, w * _ANCHOR_WEIGHT)))
        dateline.append(dl)
        if not m.in_title and dl_end > 0:
            if dl_start <= start < dl_end:
                dl_cc.add(ecc[m.ids[0]] if place else m.cc)
                if place and us_dl_adm < 0 and ecc[m.ids[0]] == "US" and m.ids[0] < n_places \
                        and index.place_pop[m.ids[0]] >= _QUARTERS_CITY_POP:
                    us_dl_adm = m.container_adm if m.container_adm is not None else eadm[m.ids[0]]
            elif place and start >= dl_end and not (m.fragment or m.negated or m.part_of or m.home):
                shadowing.append(m)
            elif m.kind == "country" and start >= dl_end and m.cc in dl_cc and not m.negated \
                    and _plain(_prev_word(text, start)[0]) in _COMPASS_AREA:
                # "BAMAKO, Mali (AP) - ... in Ogossagou, central Mali": the event is elsewhere
                # in the country (a place the gazetteer may lack), not in the capital
                country_shadow.append(start)
            elif m.kind == "country" and m.negated and start >= dl_end and m.cc not in dl_cc \
                    and text.endswith("border with ", max(0, start - 12), start):
                border_starts.append(start)  # "NIAMEY - ... near the border with Mali"
            elif m.kind == "country" and start >= dl_end and dl_cc and m.cc not in dl_cc \
                    and not (m.negated or m.actor or m.fragment) \
                    and _plain(_prev_word(text, start)[0]) in _COMPASS_AREA:
                # "DAKAR, Senegal (AP) - ... in western Niger": a part of another country is
                # the scene, not the capital the reporter files from
                country_shadow.append(start)
        if not place:
            group_of.append(-1)
            ev_ops.append((i, m.cc, None, None, -1))
            continue
        # Names (one piece of evidence each) and settings (one choice each), in order of
        # first mention.
        ids = m.ids
        k = name_ix.get(ids)
        first = -1
        if k is None:
            # The name's evidence: its weight (set per call) spread over its namesakes.
            k = first = name_ix[ids] = len(names)
            name_members.append([])
            nkey = (ids, m.container_cc, m.single, m.admin_hint)
            entry = name_memo.get(nkey)
            if entry is None:
                stated = ids[0] - n_places if m.admin_hint and len(ids) == 1 and ids[0] >= n_places else -1
                sp = spread.get((ids, m.container_cc))
                if sp is None:
                    sp = spread[(ids, m.container_cc)] = _spread(index, ecc, eadm, ids, m.container_cc)
                cc_share, adm_share, small, big, region_ccs = sp
                entry = name_memo[nkey] = (
                    stated,
                    # one word whose namesakes are all small towns: any English word matches a
                    # village in England or the US, so it says little about where the text is
                    m.single and m.container_cc is None and small,
                    tuple((cc, q, not m.single or big or (m.admin_hint and cc in region_ccs)) for cc, q in cc_share),
                    adm_share,
                    not m.single or big or m.admin_hint,
                )
            names.append(entry)
        name_members[k].append(i)
        if first >= 0 or m.container_adm is not None or m.container_cc is not None:
            ev_ops.append((i, None, m.container_adm, m.container_cc, first))
        setting = (k, m.surface, m.admin_hint, m.container_cc, m.container_adm, m.single, m.fragment)
        g = group_ix.get(setting)
        if g is None:
            g = group_ix[setting] = len(groups)
            choice = choice_ix.setdefault(setting[:5], g)
            gkey = (ids, *setting[1:], upper, tuple(m.container_adms) if m.container_adms is not None else None)
            static = group_memo.get(gkey)
            if static is None:
                # A short word matched through the transliteration skeleton only ("DELAY" ~
                # "Dilli", "Teen" ~ "Tain", "Kinda" ~ "Kenda") is likely a word's echo; longer
                # names vary in spelling for real ("Idleb", "Ar-Raqqa").
                fuzzy = m.single and (len(m.surface) <= 5 or upper or m.fragment) \
                    and not _spelled_as(index, m.surface, ids)  # ("Umm al-Karami" ~ "Karamay")
                if len(ids) == 1:
                    static = (fuzzy, ids[0], None, True,
                              _base_conf(index, ids[0], m.admin_hint, m.single, upper, m.container_cc is None,
                                         fuzzy, len(m.surface) <= 4), None)
                else:
                    static = (fuzzy, -1, *_rows(index, ecc, eadm, m), -1.0, {})
                group_memo[gkey] = static
            groups.append((choice, k, m, m.single, m.admin_hint, m.container_cc, m.container_adm, *static))
        group_of.append(g)
        if not m.container_of and not m.state_only and not m.landmark:
            answer_cands.append((i, g))
    # The event's own sentences (the anchor's, else the lead) may credibly name another
    # place of the dateline's country ("KYIV -- ... a strike on Zaporizhzhia", "ADEN, Yemen
    # -- ... in Taiz"): then the dateline is only where the reporter files from. Which
    # mentions would do so depends on the text alone; whether they lie in the event's
    # sentences is decided per call. (A place abroad competes by weight alone.)
    shadow_starts: list[int] = []
    us_named: frozenset[int] = frozenset()
    if us_dl_adm < 0 and not upper and "olice" in text:
        # "..., Memphis police said": the city's own police speak for the place, as its
        # dateline would (only a name right before " police" is looked at: most are not)
        police = _ends_before(text, " police") | _ends_before(text, " Police")
        for m in mentions:
            if m.end not in police:
                continue
            e = m.ids[0] if m.kind == "place" and m.ids else -1
            if 0 <= e < n_places and not m.in_title and ecc[e] == "US" \
                    and index.place_pop[e] >= _QUARTERS_CITY_POP:
                us_dl_adm = m.container_adm if m.container_adm is not None else eadm[e]
                break
    if us_dl_adm >= 0:
        us_named = frozenset(e - n_places for m in mentions if m.kind == "place" for e in m.ids
                             if e >= n_places and index.adm_cc[e - n_places] == "US"
                             and _folded(m.surface) in index.adm_spellings[e - n_places])
    if dl_cc:
        for m in shadowing:
            credible, countries = _credible(index, ecc, m.ids)
            if (credible or not m.single or m.admin_hint) and not dl_cc.isdisjoint(countries) \
                    and not (us_dl_adm >= 0 and _quarter_like(index, m, us_dl_adm, us_named)):
                shadow_starts.append(m.start)
        if "the country" in text:
            # "ISLAMABAD, Pakistan - ... in the country's northwest", "in the north of the
            # country": elsewhere in the dateline's country, as "in northwestern Pakistan"
            country_shadow.extend(mt.start() for mt in _COUNTRY_PART.finditer(text, dl_end))
        if country_shadow:
            shadow_starts = sorted(shadow_starts + country_shadow)
    return _Plan(index, sentences, mentions, upper, dl_end, lead_end, w_plain, lifts, dateline, shadow_starts,
                 ev_ops, names, name_members, groups, group_of, answer_cands, {}, text, None, us_dl_adm,
                 us_named, any(m.home for m in mentions), tuple(border_starts) if dl_cc else ())


def _ends_before(text: str, word: str) -> set[int]:
    """The offsets at which ``word`` occurs in ``text`` (where a name right before it ends)."""
    found = set()
    i = text.find(word)
    while i >= 0:
        found.add(i)
        i = text.find(word, i + 1)
    return found


def _quarter_like(index: PlaceIndex, m: Mention, dl_adm: int, named: frozenset[int]) -> bool:
    """Under a big US city's dateline, may ``m`` be one of its quarters: not pinned by a
    container or an admin word, no region, and every US namesake a small place in another
    state the text does not name ("Mid City", "Five Points", "Overtown")?"""
    if m.container_cc is not None or m.admin_hint:
        return False
    n_places = index.n_places
    us = [e for e in m.ids if (e < n_places and index.cc_list[index.place_cc[e]] == "US")
          or (e >= n_places and index.adm_cc[e - n_places] == "US")]
    return all(e < n_places and index.place_adm[e] != dl_adm and index.place_pop[e] < _QUARTERS_CITY_POP
               and index.place_adm[e] not in named for e in us)


def _credible(index: PlaceIndex, ecc: list[str], ids: tuple[int, ...]) -> tuple[bool, frozenset[str]]:
    """Is a one-word name credibly a place, not a word's echo (a region, or a town of at
    least ``_CREDIBLE_POP``; several words or an admin word beside it also make it one), and
    the countries of its most populous namesakes. (memoised per name)"""
    memo: dict = _MEMO.setdefault("credible", {})  # type: ignore[assignment]
    got = memo.get(ids)
    if got is None:
        n_places = index.n_places
        pop = index.place_pop
        if len(memo) > _MEMO_MAX:
            memo.clear()
        got = memo[ids] = (
            max(ids) >= n_places or any(e < n_places and pop[e] >= _CREDIBLE_POP for e in ids[:_SOFT_TOP]),
            frozenset(ecc[e] for e in ids[:_SOFT_TOP]))
    return got


_LOCATIONS: dict[tuple, Location] = {}  # (records are frozen: equal answers share one)


def _location(*args: object) -> Location:
    """``Location(name, country, admin1, admin1_code, lat, lon, geonames_id, precision)``,
    memoised (validating a record costs more than the lookup)."""
    loc = _LOCATIONS.get(args)
    if loc is None:
        if len(_LOCATIONS) > 5_000:
            _LOCATIONS.clear()
        name, country, admin1, code, lat, lon, gid, precision = args
        loc = _LOCATIONS[args] = Location(name=name, country=country, admin1=admin1, admin1_code=code,
                                          lat=lat, lon=lon, geonames_id=gid, precision=precision)
    return loc


def _base_conf(index: PlaceIndex, e: int, admin_hint: bool, single: bool, upper: bool,
               no_container: bool, fuzzy: bool, short: bool) -> float:
    """How far a mention resolved to entry ``e`` is trusted before the text's other evidence:
    regions and districts stated as such, town size, several words, a skeleton-only match.
    (Kept with each setting: ``_Group.confs``.)"""
    if e >= index.n_places:
        conf = 1.5 if admin_hint else 1.2
    else:
        pop = index.place_pop[e]
        conf = min(1.0, max(0.3, 0.35 + 0.1 * math.log10(pop + 1)))
        if admin_hint and index.place_lat[e] != index.place_lat[e]:
            conf = 1.2  # "Sulu province", "Andar district": a district stated as such
        if not single:
            conf = min(1.0, conf + 0.25)
        elif upper and pop < 20000 and no_container:
            conf *= 0.3  # upper-case text: any word may match a village
    if fuzzy:
        conf *= 0.2 if upper or short else 0.6
    return conf


def resolve_location(
    index: PlaceIndex,
    text: str,
    sentences: Sequence[Sentence],
    anchor: tuple[int, int] | None = None,
    title: str = "",
) -> Location:
    """Where the event described near ``anchor`` (or the text's main event) happened."""
    if "\ufffd" in text:
        # a crawl that lost its encoding writes "Cote d\ufffdIvoire": most lost characters
        # are apostrophes (one character for one keeps every offset)
        text = text.replace("\ufffd", "'")
    # The core resolves once per event of an article (each with its anchor): the plan of
    # one text (scan, containers, dateline, lead, static weights) is kept for the next calls.
    plan = _PLANS.get((text, title))
    if plan is None or plan.index is not index or (
            # (the plan depends on the sentences only through the lead's end)
            plan.sentences is not sentences and _lead_end(text, sentences, plan.dl_end) != plan.lead_end):
        plan = _make_plan(index, text, sentences, title, _is_upper_text(text))
        if len(_PLANS) >= _PLAN_SLOTS:
            _PLANS.clear()
        _PLANS[(text, title)] = plan
    if not plan.mentions:
        return Location()

    # Weights: the anchor sentence lifts what it names, unless the dateline is shadowed
    # (the event's sentences name another place of its country: the dateline is then only
    # where the reporter files from, and its vote is scaled down).
    dl_end = plan.dl_end
    dateline = plan.dateline
    shadowed = False
    if dl_end > 0 and plan.shadow_starts:
        ev_start, ev_end = anchor if anchor is not None else (dl_end, plan.lead_end)
        shadowed = any(ev_start <= s < ev_end for s in plan.shadow_starts)
        if (not shadowed and anchor is not None and ev_start < dl_end < ev_end
                and not any(dl_end <= m.start < ev_end and m.kind == "place" for m in plan.mentions)):
            # "OUAGADOUGOU (Reuters) - Gunmen killed 14 people on Sunday. The attack took
            # place in Solhan, ...": a lead that names no place but the dateline's (a country
            # at most: "in western Nepal") is placed by the sentence after it
            nxt = next((x for x in sentences if x.start >= ev_end), None)
            if nxt is not None and any(nxt.start <= s < nxt.end and not _CARE_BEFORE.search(text, max(nxt.start, s - 40), s)
                                       for s in plan.shadow_starts):
                shadowed = True
                anchor = (ev_start, nxt.end)
    border = False
    if dl_end > 0 and plan.border_starts and not shadowed:
        # the dateline's country still counts in full; only its region needs another name
        ev_start, ev_end = anchor if anchor is not None else (dl_end, plan.lead_end)
        border = any(ev_start <= s < ev_end for s in plan.border_starts)
    wts = plan.w_plain
    lifted: list[int] = []
    if anchor is not None:
        a0, a1 = anchor
        wts = list(wts)
        for i, start, w in plan.lifts:
            if a0 <= start < a1 and not (shadowed and dateline[i]):
                wts[i] = w
                lifted.append(i)
    # (two events of one text whose anchors lift the same names get the same answer)
    answer_key = (shadowed, border, *lifted)
    known = plan.answers.get(answer_key)
    if known is not None:
        return known
    loc = _vote(plan, index, wts, shadowed, border)
    plan.answers[answer_key] = loc
    return loc


def _vote(plan: _Plan, index: PlaceIndex, wts: list[float], shadowed: bool, border: bool = False) -> Location:
    """The answer for one set of mention weights (see the module docstring, 3-4); ``border``:
    the dateline's region stands only when another name votes for it."""
    mentions = plan.mentions
    n_places = index.n_places
    ecc, eadm = index.entry_columns()
    upper = plan.upper
    dateline = plan.dateline
    us_dl_adm = plan.us_dl_adm

    # Evidence. Hard: countries, demonyms, containers, unambiguous names. Soft: every
    # place mention spreads its weight over its candidates by population, so namesakes
    # that agree with the rest of the text ("Brentwood" beside "San Francisco") win.
    # "Strong" evidence leaves out lone one-word small places: any word may match a
    # village somewhere. A name repeated is one piece of evidence (its best-placed
    # mention), entered where the name is first mentioned.
    ev_cc: dict[str, float] = {}
    ev_adm: dict[int, float] = {}
    strong: dict[str, float] = {}
    strong_adm: dict[int, float] = {}
    n_names = len(plan.names)
    name_members = plan.name_members
    own_c: list[dict[str, float]] = [{}] * n_names  # each name's own share of the evidence
    own_a: list[dict[int, float]] = [{}] * n_names
    own_strong: list[dict[str, float]] = [{}] * n_names
    own_strong_a: list[dict[int, float]] = [{}] * n_names
    for i, cc, cont_adm, cont_cc, k in plan.ev_ops:
        w = wts[i]
        if cc is not None:
            ev_cc[cc] = ev_cc.get(cc, 0.0) + w
            strong[cc] = strong.get(cc, 0.0) + w
            continue
        if cont_adm is not None:
            ev_adm[cont_adm] = ev_adm.get(cont_adm, 0.0) + w
        if cont_cc is not None:
            ev_cc[cont_cc] = ev_cc.get(cont_cc, 0.0) + w
            strong[cont_cc] = strong.get(cont_cc, 0.0) + w
        if k < 0:
            continue  # this name's evidence is already in
        stated, small, cc_share, adm_share, credible = plan.names[k]
        members = name_members[k]  # the name's weight: its best-placed mention's
        w = wts[members[0]] if len(members) == 1 else max([wts[j] for j in members])
        if stated >= 0:
            # "Marksville, La.", "Anbar province": the region is stated outright
            ev_adm[stated] = ev_adm.get(stated, 0.0) + 0.5 * w
        if small:
            w *= 0.3
        oc = own_c[k] = {}
        osc: dict[str, float] = {}
        for cc2, q, is_strong in cc_share:
            v = oc[cc2] = w * q
            ev_cc[cc2] = ev_cc.get(cc2, 0.0) + 0.5 * v
            if is_strong:
                strong[cc2] = strong.get(cc2, 0.0) + 0.5 * v
                osc[cc2] = 0.5 * v
        own_strong[k] = osc
        oa = own_a[k] = {}
        osa: dict[int, float] = {}
        for a, q in adm_share:
            v = oa[a] = w * q
            ev_adm[a] = ev_adm.get(a, 0.0) + 0.5 * v
            if credible:
                strong_adm[a] = strong_adm.get(a, 0.0) + 0.5 * v
                osa[a] = 0.5 * v
        own_strong_a[k] = osa
    max_cc = max(ev_cc.values(), default=0.0) or 1.0
    max_adm = max(ev_adm.values(), default=0.0) or 1.0
    any_strong = max(strong.values(), default=0.0) > 0.2
    # each country's two most credibly evidenced regions (for the namesake check below)
    top_adm: dict[str, list[tuple[float, int]]] = {}
    for b, v in strong_adm.items():
        if v > 0.5:
            lst = top_adm.setdefault(ecc[n_places + b], [])
            lst.append((v, b))
            if len(lst) > 2:
                lst.sort(reverse=True)
                del lst[2:]

    # Resolve each setting of a name to one entry, and how much to trust it. (When
    # scoring a name's candidates, the name's own evidence is left out.)
    key_g: list[tuple[str, int]] = []  # per setting: the (country, region) it votes for
    best_g: list[int] = []  # per setting: the entry chosen
    conf_g: list[float] = []  # per setting: the trust in it
    name_g: list[int] = []
    for choice, k, m, single, admin_hint, cont_cc, cont_adm, fuzzy, fixed, rows, rows_static, conf, confs \
            in plan.groups:
        name_g.append(k)
        e = fixed
        if e < 0 and choice < len(best_g):
            e = best_g[choice]  # the same name in the same setting resolves alike
        if e < 0:
            oc = own_c[k]
            oa = own_a[k]
            best_s = -1e9
            if rows_static:
                for c, cc, a, s, skip, b_cc, b_adm, b_exact in rows:  # type: ignore[union-attr]
                    v = ev_cc.get(cc)
                    if v is not None:
                        s += 6.0 * (v - 0.5 * oc.get(cc, 0.0)) / max_cc
                    elif skip:
                        continue  # a small namesake where nothing points: it cannot win
                    # (a country or region without evidence adds 0.0: nothing to add; the
                    # name's own share is part of the evidence, so it has none there either;
                    # no region -1 has evidence)
                    v = ev_adm.get(a)
                    if v is not None:
                        s += 4.0 * (v - 0.5 * oa.get(a, 0.0)) / max_adm
                    s = s + b_cc + b_adm + b_exact
                    if s > best_s:
                        best_s = s
                        e = c
            else:
                k_exact = 0  # (the spelling counts for the first 12 towns not left out)
                for c, cc, a, s, skip, b_cc, b_adm, b_exact in rows:  # type: ignore[union-attr]
                    v = ev_cc.get(cc)
                    if v is not None:
                        s += 6.0 * (v - 0.5 * oc.get(cc, 0.0)) / max_cc
                    elif skip:
                        continue
                    v = ev_adm.get(a)
                    if v is not None:
                        s += 4.0 * (v - 0.5 * oa.get(a, 0.0)) / max_adm
                    s = s + b_cc + b_adm
                    if c >= n_places:
                        # a region's spelling counts whatever its rank: "Maine" is the
                        # state, not Minya (Egypt), although a dozen towns fold alike
                        s += b_exact
                    elif single and k_exact < 12:
                        k_exact += 1
                        s += b_exact
                    if s > best_s:
                        best_s = s
                        e = c
        best_g.append(e)
        cc = ecc[e]
        a = eadm[e]
        key_g.append((cc, a))
        if fixed < 0:
            conf = confs.get(e)  # type: ignore[union-attr]
            if conf is None:
                conf = confs[e] = _base_conf(  # type: ignore[index]
                    index, e, admin_hint, single, upper, cont_cc is None, fuzzy, len(m.surface) <= 4)
        # Nothing else strong points at this country: a namesake far away?
        # (a name's own credibility -- a region's name, several words, a big city -- counts
        # as support, unless it only matched through the skeleton)
        support = strong.get(cc, 0.0) - (own_strong[k].get(cc, 0.0) if fuzzy else 0.0)
        if support <= 0.05 and cont_cc is None:
            if single:
                conf *= 0.25 if any_strong else (0.4 if fuzzy else 0.7)
            else:
                conf *= 0.5 if any_strong else 0.85
            if any_strong and e < n_places and not upper and index.place_pop[e] < _CREDIBLE_POP \
                    and _abroad_of_nationals(plan, index, ecc, m, e):
                conf *= 0.1
        elif single and e < n_places and cont_cc is None and not admin_hint \
                and index.place_pop[e] < _QUARTERS_CITY_POP:
            # The country is right but nothing credible points at this region while
            # another region of it is: a namesake, or a neighbourhood of the city named
            # in the dateline ("CHICAGO -- A shooting in Brainerd"). Not a city of 100,000+:
            # a wire roundup's first strike ("struck Odesa ... In the Dnipropetrovsk
            # region, ... in Nikopol") is no echo of the second's region.
            osa = own_strong_a[k]
            if strong_adm.get(a, 0.0) - osa.get(a, 0.0) <= 0.05 and any(
                    b != a and v - osa.get(b, 0.0) > 0.5 for v, b in top_adm.get(cc, ())):
                conf *= 0.5
        if us_dl_adm >= 0 and cont_cc is None and not admin_hint and a != us_dl_adm:
            # under a big US city's dateline: a small namesake in another state, or a place
            # abroad, that nothing else supports is likely one of the city's quarters
            if cc != "US":
                if strong.get(cc, 0.0) - own_strong[k].get(cc, 0.0) <= 0.05:
                    conf *= 0.2
            elif e < n_places and index.place_pop[e] < _QUARTERS_CITY_POP and a not in plan.us_named \
                    and strong_adm.get(a, 0.0) - own_strong_a[k].get(a, 0.0) <= 0.05:
                conf *= 0.2
        if cont_cc is not None or cont_adm is not None:
            if cc != cont_cc or (cont_adm is not None and a != cont_adm):
                conf *= 0.1  # no namesake inside its stated region: the region speaks for it
            else:
                conf += 0.3
        conf_g.append(conf)
    group_of = plan.group_of
    final = [w if g < 0 else w * conf_g[g] for w, g in zip(wts, group_of, strict=True)]
    if plan.homes:
        # "A Texas man died ... in Tulsa", "DALLAS - A Florida teenager was shot": a region
        # named only as a person's home is no scene when the text names a place otherwise
        others = any(g >= 0 and not mentions[i].home and final[i] > 0.0 for i, g in enumerate(group_of))
        if others:
            for i, m in enumerate(mentions):
                g = group_of[i]
                if m.home and g >= 0 and best_g[g] >= n_places:
                    final[i] *= _HOME_ONLY

    # Vote for regions.
    votes: dict[tuple[str, int], float] = {}
    cc_votes: dict[str, float] = {}
    # A repeated name's later mentions add half: salience, without letting one echo
    # ("Academy" three times) outvote two different names.
    voted = [False] * n_names
    heard: set[tuple[str, int]] = set()  # (when the dateline is shadowed) regions voted for by others
    # (heaviest first; equal weights keep the text's order: the sort is stable)
    for i in sorted(range(len(mentions)), key=final.__getitem__, reverse=True):
        g = group_of[i]
        if g >= 0:
            key = key_g[g]
            k = name_g[g]
            w = 0.5 * final[i] if voted[k] else final[i]
            if shadowed:
                if dateline[i]:
                    w *= _DATELINE_SHADOWED  # the dateline: a small vote for the event's place
                else:
                    heard.add(key)
            elif border and not dateline[i]:
                heard.add(key)
            voted[k] = True
            votes[key] = votes.get(key, 0.0) + w
            cc = key[0]
            cc_votes[cc] = cc_votes.get(cc, 0.0) + w
        else:
            cc = mentions[i].cc  # type: ignore[assignment]
            cc_votes[cc] = cc_votes.get(cc, 0.0) + 0.6 * final[i]
    if not cc_votes:
        return Location()
    country = max(cc_votes, key=cc_votes.get)  # type: ignore[arg-type]
    if cc_votes[country] < _MIN_VOTE and not any(
        (dateline[i] or (m.kind != "place" and not m.negated))
        and (m.cc == country or (group_of[i] >= 0 and key_g[group_of[i]][0] == country))
        for i, m in enumerate(mentions)
    ):
        return Location()  # only weak hints (a fragment of a name, a word's echo)
    regions = {a: v for (cc, a), v in votes.items() if cc == country and a >= 0}
    if shadowed or border:
        # the event is elsewhere in the dateline's country: not in the dateline's region
        # unless another name puts it there ("BAMAKO, Mali - ... in central Mali": Mali)
        regions = {a: v for a, v in regions.items() if (country, a) in heard}
    if not regions:
        name, gid = index.country_names.get(country, (None, 0))
        if shadowed and not upper:
            # "in Ogossagou, central Mali": the village the gazetteer lacks names the place
            for i, m in enumerate(mentions):
                if m.kind == "country" and m.cc == country and not dateline[i]:
                    unlisted = _unlisted_before(plan, i)
                    if unlisted:
                        return _location(unlisted, country, None, None, None, None, None,
                                         LocationPrecision.COUNTRY)
        return _location(name, country, None, None, None, None, gid or None, LocationPrecision.COUNTRY)
    adm = max(regions, key=regions.get)  # type: ignore[arg-type]
    # The most specific, best-placed mention inside the winning region.
    win = (country, adm)
    best_i = -1
    best_e = -1
    best_s = -1.0
    town_i = town_e = -1
    town_s = -1.0
    us = country == "US"
    # a place the text names only as a person's home ("Mesa police ... a Phoenix man") yields
    # to the places it names otherwise: it votes for its region, but it is rarely the scene
    named: set[int] | None = {best_g[g] for i, g in plan.answer_cands if not mentions[i].home} \
        if plan.homes else None
    for i, g in plan.answer_cands:
        if key_g[g] != win:
            continue
        e = best_g[g]
        s = final[i] * (_PLACE_OVER_REGION if e < n_places else 1.0)
        if named is not None and mentions[i].home and e not in named:
            s *= _HOME_ONLY
        if s > best_s:
            best_s = s
            best_i = i
            best_e = e
        if us and s > town_s and e < n_places and index.place_lat[e] == index.place_lat[e]:
            town_s = s
            town_i = i
            town_e = e
    # a US county won: the town the text names in its state, unless far less salient
    # (elsewhere districts stay: ACLED and GTD file "Sangin district", not Lashkar Gah)
    if town_e >= 0 and 0 <= best_e < n_places \
            and index.place_lat[best_e] != index.place_lat[best_e] and town_s * _TOWN_OVER_DISTRICT >= best_s:
        best_i = town_i
        best_e = town_e
    if us and 0 <= best_e < n_places and index.place_pop[best_e] < _QUARTER_CITY_POP:
        # "CHICAGO - ... in South Shore", "Kensington" beside "Philadelphia police": a small
        # place near a big city the text names is one of its quarters, filed under the city
        best_e, best_i = _city_of_quarter(plan, index, best_e, best_i, key_g, best_g, win)
    code = index.adm_code[adm]
    admin_name = index.adm_name[adm]
    reg_i = best_i
    if best_i < 0 and not upper:
        # the region named only as another name's container ("Kalay, Logar, Afghanistan")
        reg_i = next((i for i, m in enumerate(mentions)
                      if m.container_of and group_of[i] >= 0 and key_g[group_of[i]] == win), -1)
    if reg_i >= 0 and not upper and (
            best_e < 0 or best_e >= n_places or index.place_lat[best_e] != index.place_lat[best_e]
            or (mentions[best_i].container_cc is not None and index.place_pop[best_e] < _QUARTERED_POP)) \
            and (mentions[reg_i].admin_hint  # ("Kuriga, Kaduna state": the state, not the city)
                 or not any(e < n_places and index.place_pop[e] >= _QUARTERED_POP and eadm[e] == adm
                            for e in mentions[reg_i].ids)):
        # "in Echkan, Logar, Afghanistan", "residents of Daret Azza in Aleppo": a village the
        # gazetteer lacks, right before the region, district or town ("Dehzak, Farah,
        # Afghanistan") it lies in, is the place; not before a city (or a region named like
        # its city), where it is a quarter the sources file under the city ("Taimani, Kabul")
        name = _unlisted_before(plan, reg_i, adm) or (_paren_head(plan, reg_i, adm) if best_i < 0 else "")
        if name:
            return _location(name, country, admin_name, code, None, None, None, LocationPrecision.ADMIN1)
    if best_i < 0 or best_e >= n_places:
        return _location(admin_name, country, admin_name, code, None, None, index.adm_gid[adm] or None,
                         LocationPrecision.ADMIN1)
    e = best_e
    # The name as the text writes it ("Al Bukamal"; the GeoNames id pins the place), unless
    # the text shouts it ("NEW ORLEANS -"): then GeoNames' spelling.
    surface = mentions[best_i].surface
    if e in _MEMO["quarters"][0]:  # type: ignore[index]
        # "the Orangi area of Karachi": a quarter the text places in its city is filed
        # under the city, as the sources do
        quarters = _MEMO["quarters"][1]  # type: ignore[index]
        for i2, g2 in plan.answer_cands:
            s2 = mentions[i2].surface
            if best_g[g2] == e and _key([_plain(w) for w in s2.replace("-", " ").split()]) not in quarters:
                surface = s2
                break
    spelled: dict = _MEMO.setdefault("answer_names", {})  # type: ignore[assignment]
    name = spelled.get((surface, e))
    if name is None:
        if len(spelled) > _MEMO_MAX:
            spelled.clear()
        name = _POSSESSIVE.sub("", surface)
        if name.isupper() and len(name) > 3:
            name = index.place_name[e]
        name = spelled[(surface, e)] = name or index.place_name[e]
    points: dict = _MEMO.setdefault("points", {})  # type: ignore[assignment]
    point = points.get(e)
    if point is None:
        if len(points) > _MEMO_MAX:
            points.clear()
        lat = index.place_lat[e]
        lon = index.place_lon[e]
        point = points[e] = (None if math.isnan(lat) else round(lat, 5), None if math.isnan(lon) else round(lon, 5),
                             index.place_gid[e] or None)
    return _location(name, country, admin_name, code, *point, LocationPrecision.PLACE)


_ABROAD_KM = 2000.0  # a village this far from the country of its sentence's nationals
_CENTRES: list[object] = [None, None]  # (index, its countries' centres)


def _abroad_of_nationals(plan: _Plan, index: PlaceIndex, ecc: list[str], m: Mention, e: int) -> bool:
    """Whether a small place that nothing else supports lies far from the country of a
    nationality or single-country force its sentence names, which has no namesake of it:
    "Malian troops killed 30 civilians in Moura" is no Moura, Portugal; "seized Rubaya
    after clashes with the FARDC" no village of Romania. The country is then the better
    answer (the gazetteer lacks the town)."""
    got = plan.nationals
    if got is None:
        starts = [s.start for s in plan.sentences] or [0]
        by_sent: dict[int, set[str]] = {}
        for x in plan.mentions:
            if x.kind == "demonym" and x.cc and not x.negated and not x.in_title:
                by_sent.setdefault(bisect_right(starts, x.start), set()).add(x.cc)
        got = plan.nationals = (starts, by_sent)
    starts, by_sent = got
    if not by_sent:
        return False
    nationals = by_sent.get(bisect_right(starts, m.start))
    if not nationals:
        return False
    own = {ecc[i] for i in m.ids}
    centres = _country_centres(index)
    lat, lon = index.place_lat[e], index.place_lon[e]
    for cc in nationals:
        if cc in own or cc not in centres:
            continue
        clat, clon = centres[cc]
        if km_between(lat, lon, math.degrees(clat), math.degrees(clon)) > _ABROAD_KM:
            return True
    return False


def _country_centres(index: PlaceIndex) -> dict[str, tuple[float, float]]:
    """Each country's centre (radians): the mean direction of its places of 5,000+,
    computed once per index when first needed (the rule above is rare)."""
    if _CENTRES[0] is index:
        return _CENTRES[1]  # type: ignore[return-value]
    sums: dict[int, list[float]] = {}
    cos = math.cos
    sin = math.sin
    rad = math.radians
    for lat, lon, pop, k in zip(index.place_lat, index.place_lon, index.place_pop, index.place_cc, strict=True):
        if pop < 5000 or lat != lat:
            continue
        la = rad(lat)
        lo = rad(lon)
        acc = sums.get(k)
        if acc is None:
            acc = sums[k] = [0.0, 0.0, 0.0]
        c = cos(la)
        acc[0] += c * cos(lo)
        acc[1] += c * sin(lo)
        acc[2] += sin(la)
    centres = {index.cc_list[k]: (math.atan2(z, math.hypot(x, y)), math.atan2(y, x))
               for k, (x, y, z) in sums.items()}
    _CENTRES[:] = [index, centres]  # (a fixed table, not a memo that grows)
    return centres


def _city_of_quarter(plan: _Plan, index: PlaceIndex, e: int, i: int, key_g: list[tuple[str, int]],
                     best_g: list[int], win: tuple[str, int]) -> tuple[int, int]:
    """The big city (entry, mention) the text names whose quarter place ``e`` lies in, else
    ``(e, i)``: within _QUARTER_KM of it and a fifth of its size or less."""
    lat = index.place_lat[e]
    lon = index.place_lon[e]
    pop = index.place_pop[e]
    n_places = index.n_places
    city = -1
    at = -1
    for j, g in plan.answer_cands:
        c = best_g[g]
        if c == e or c >= n_places or key_g[g] != win:
            continue
        if city >= 0:
            if c == city and ((sf := plan.mentions[j].surface) == index.place_name[c] or sf.isupper()):
                at = j  # the city's own name, not "Philly"
                break
            continue
        cpop = index.place_pop[c]
        if cpop < _QUARTER_CITY_POP or cpop < 5 * pop:
            continue
        if km_between(lat, lon, index.place_lat[c], index.place_lon[c]) <= _QUARTER_KM:
            city = c
            at = j
    if city < 0:
        return e, i
    text = plan.text
    group_of = plan.group_of
    for j, m in enumerate(plan.mentions):
        g = group_of[j]
        if g >= 0 and best_g[g] == e and (
                plan.dateline[j] or m.container_adm is not None or _US_STATE.match(text, m.end) is not None
                or text[m.end:m.end + 7] in (" police", " Police")):
            return e, i  # "BEECH GROVE, Ind.", "Cicero police": a town of its own
    return city, at


# A capitalised name after "in", "at", "near", "of", then (maybe a place word and) a comma
# or "in": what stands right before a region's name when it contains that place.
_NAME = (r"[A-Z][^\W\d_]*(?:['’-][^\W\d_]+)*(?:\s+(?:(?:de|del|la|las|los|el|al|ad|as|ash|ar|an|wa|du|des|do|da"
         r"|dos)\s+)?[A-Z][^\W\d_]*(?:['’-][^\W\d_]+)*){0,3}")  # ("Huanzantlan del Rio")
_UNLISTED = re.compile(
    r"\b(?:in|at|near|of|outside)\s+(?:Barangay\s+|Brgy\.?\s+)?(" + _NAME + r")"
    r"(?:\s+(?:village|district|area|town|township|city|camp|subdistrict|sub-district))?(?:,\s*|\s+in\s+(?:the\s+)?)"
    r"(?:[A-Z][^\W\d_]+(?:\s[A-Z][^\W\d_]+)?['’]s\s+)?"  # ("in Sarmada in Syria's Idlib province")
    r"(?:(?:central|northern|southern|eastern|western|north-?eastern|north-?western|south-?eastern|south-?western)\s+)?$")
# GTD's "attacked Halkanok, Takhar, Afghanistan": before a region that a country follows,
# any lower-case word may precede the place
_UNLISTED_CHAIN = re.compile(
    r"(?<![^\W\d_])[a-z]+\s+(" + _NAME + r")(?:\s+(?:village|district|area|town|city|camp))?,\s*$")


_PAREN_HEAD = re.compile(r"(" + _NAME + r")(?:\s+(?:village|district|area|town|city|camp))?\s*\($")


def _paren_head(plan: _Plan, i: int, adm: int) -> str:
    """The place named right before the parenthesis that holds mention ``i`` ("Solhan (Seno,
    Sahel)", "Vovchansk (Chuhuiv, Kharkiv)": the source's own place, its district and region),
    if the gazetteer has no namesake of it inside that region; else ""."""
    text = plan.text
    m = plan.mentions[i]
    opening = text.rfind("(", max(0, m.start - 60), m.start)
    if opening < 0 or ")" in text[opening:m.start]:
        return ""
    hit = _PAREN_HEAD.search(text, max(0, opening - 60), opening + 1)
    if hit is None:
        return ""
    a, b = hit.span(1)
    name = hit.group(1)
    if any(_plain(w) in STOPWORDS or _plain(w) in FUNCTION_WORDS or _plain(w) in PERSON_TITLES
           for w in name.split()):
        return ""
    if _known_inside(plan, a, b, adm):
        return ""
    return name


def _known_inside(plan: _Plan, a: int, b: int, adm: int) -> bool:
    """Does a name the gazetteer knows inside region ``adm`` (any region: -1) start in
    ``a:b``? (parts of a longer unknown name are only fragments: "Sheykhan Kalay"; a name
    that only echoes a place elsewhere is no such name: "Kuriga, Kaduna" ~ Khouribga)"""
    index = plan.index
    n_places = index.n_places
    for x in plan.mentions:
        if a <= x.start < b and not x.fragment:
            inside = x.container_adm if adm < 0 else adm
            if inside is None or any((index.place_adm[e] if e < n_places else e - n_places) == inside
                                     for e in x.ids):
                return True
    return False


def _unlisted_before(plan: _Plan, i: int, adm: int = -1) -> str:
    """The name of a place the gazetteer lacks written right before mention ``i`` (a region
    or district; inside region ``adm``) as a place inside it, or "". (memoised per plan)"""
    memo = plan.unlisted
    if memo is None:
        memo = plan.unlisted = {}
    got = memo.get((i, adm))
    if got is not None:
        return got
    got = ""
    m = plan.mentions[i]
    if not m.in_title:
        lo = max(0, m.start - 80)
        hit = _UNLISTED.search(plan.text, lo, m.start)
        if (hit is None or hit.end() != m.start) and m.container_cc is not None:
            hit = _UNLISTED_CHAIN.search(plan.text, lo, m.start)
        if hit is not None and hit.end() == m.start and (
                "," in hit.group() or max(m.ids) >= plan.index.n_places):
            # (not "Zinar in Tell Abiad countryside": a village "in" a district, unless after
            # a comma, may be a part of it the source files under the district)
            a, b = hit.span(1)
            name = hit.group(1)
            plains = [_plain(w) for w in name.split()]
            # (a name the gazetteer knows is its own mention; parts of a longer unknown
            # name are only fragments: "Sheykhan Kalay")
            if not _known_inside(plan, a, b, adm) and not any(
                    p in STOPWORDS or p in FUNCTION_WORDS or p in ADMIN_WORDS or p in DISTRICT_WORDS
                    or p in PERSON_TITLES for p in plains):
                got = name
    memo[(i, adm)] = got
    return got


_LOWER_AFTER_SPACE = re.compile(" [a-z]")  # a word starting in lower case (after a space)


def _title_case_head(text: str) -> int:
    """End of the text's leading title-case headline lines ("Teen Hurt In Drive-By
    Shooting"), where capitals carry no signal; 0 if the text starts otherwise."""
    if len(text) > 200 and text.find("\n", 0, 201) < 0:
        return 0  # a first line this long is a paragraph, not a headline
    # Most first lines are sentences: when the words after a space that start in lower case
    # are clearly more than 30% of all words, the count below would fail the first line.
    # (A margin of one word keeps this exact despite float rounding in 0.7 * len(words).)
    first = text[:600].partition("\n")[0]
    if len(first) <= 200 and len(_LOWER_AFTER_SPACE.findall(first)) > 0.3 * len(first.split()) + 1:
        return 0
    end = 0
    for line in text[:600].split("\n")[:3]:
        if len(line) > 200:
            break
        words = [w for w in line.split() if w[:1].isalpha()]
        if words and sum(1 for w in words if w[0].isupper()) < 0.7 * len(words):
            break
        end += len(line) + 1
    return end


_FOLDED: dict[str, str] = {}


# towns' upper-case news spellings ("NYC"), read even in mixed-case text
_PLACE_ACRONYMS = frozenset(k for k in PLACE_SPELLINGS if k.isupper())


def _folded(name: str) -> str:
    """``fold_tokens`` joined, memoised (names recur across articles)."""
    f = _FOLDED.get(name)
    if f is None:
        if len(_FOLDED) > _WORD_MEMO_MAX:
            _FOLDED.clear()
        if name.isalnum() and name.isascii():
            # one plain word (most names): ``fold_tokens`` lower-cases it, drops no
            # article (an article is never the last word) and maps a synonym
            f = name.lower()
            f = _FOLDED[name] = _TOKEN_SYNONYMS.get(f, f)
        else:
            f = _FOLDED[name] = "".join(fold_tokens(name))
    return f


def _spelled_as(index: PlaceIndex, surface: str, ids: tuple[int, ...]) -> bool:
    """Is ``surface`` spelled as one of its candidates is named (a place's main name or
    news spelling, any of a region's names), not only skeleton-equal? (memoised per name and spelling)"""
    memo: dict = _MEMO.setdefault("spelled", {})  # type: ignore[assignment]
    got = memo.get((surface, ids))
    if got is not None:
        return got
    if len(memo) > _MEMO_MAX:
        memo.clear()
    folded = _folded(surface)
    n_places = index.n_places
    place_name = index.place_name
    got = False
    for e in ids[:12]:
        if e >= n_places:
            if folded in index.adm_spellings[e - n_places]:
                got = True
                break
        elif (name := place_name[e]) == surface or folded == _folded(name) \
                or folded in index.place_spellings.get(e, ()):
            got = True  # (a name written as the text writes it folds alike; "NYC")
            break
    else:
        got = any(folded in index.adm_spellings[e - n_places] for e in ids[12:] if e >= n_places)
    memo[(surface, ids)] = got
    return got


def _valley_namesakes(index: PlaceIndex, surface: str, ids: tuple[int, ...]) -> tuple[int, ...]:
    """The namesakes a valley can be named after ("Swat valley", "the Kathmandu Valley"):
    those spelled as the text writes it, not a capital that only folds alike ("Tirah" ~
    Tehran; what is left is a hamlet of the West Bank, At Tirah, that a nationality or any
    other place of the text outweighs)."""
    folded = _folded(surface)
    n_places = index.n_places
    place_name = index.place_name
    out = []
    for e in ids:
        if e >= n_places:
            if folded in index.adm_spellings[e - n_places]:
                out.append(e)
        elif (name := place_name[e]) == surface or folded == _folded(name) \
                or folded in index.place_spellings.get(e, ()):
            out.append(e)
    return tuple(out)


_ABBREV_RE = re.compile(
    r"(?<![\w&])(" + "|".join(re.escape(a) for a in ADMIN1_ABBREVIATIONS) + r")(?![\w&])")


def _abbreviation_mentions(index: PlaceIndex, text: str) -> list[Mention]:
    """"(Poonch district, J&K)", "in AJK": regions written as abbreviations."""
    out: list[Mention] = []
    for m in _ABBREV_RE.finditer(text):
        adm = index.adm_by_code.get(ADMIN1_ABBREVIATIONS[m.group(1)])
        if adm is not None:
            out.append(Mention(m.start(), m.end(), m.group(), "place", ids=(index.n_places + adm,),
                               admin_hint=True))
    return out


def _us_state_mentions(index: PlaceIndex, text: str) -> list[Mention]:
    """"Marksville, La." / "LOUISVILLE, KY (WAVE)": the state, as an admin1 mention."""
    out: list[Mention] = []
    n_places = index.n_places
    for m in _US_STATE.finditer(text):
        if m.start() == 0 or not (text[m.start() - 1].isalpha() or text[m.start() - 1] == "."):
            continue  # "Marksville, La.": a name right before the comma
        ab = (m.group(1) or m.group(2)).replace(" ", "").lower()
        adm = index.us_abbrev.get(ab)
        if adm is None:
            continue
        men = Mention(m.start(), m.end(), m.group(), "place", ids=(n_places + adm,),
                      admin_hint=True)
        men.state_only = True
        out.append(men)
    return out


_IN_CONTAINER = re.compile(
    r"\s+(?:neighbou?rhood|village|town|district|area|suburb|quarter|sub-district|subdistrict)"
    r"\s+(?:in|of)\s+(?:the\s+)?"
)
_BARE_IN = re.compile(r" in (?:the )?")  # "Mamond in Bajaur": only before a region or district
_PAREN_TAIL = re.compile(r"\s*(?:(?:area|village|town|city|district|camp|neighbou?rhood|region)\s*)?\($")


def _containers(index: PlaceIndex, mentions: list[Mention], text: str, dl_end: int) -> None:
    """Pin "Aleppo, Syria", "Marksville, La.", "Bir Al-Abd (Bir Al-Abd, North Sinai)",
    "Mafraq ar Ruwayk area (Marib)": the region or country right after a place contains it."""
    n_places = index.n_places
    adm_cc = index.adm_cc
    body = [m for m in mentions if not m.in_title]
    by_start = {m.start: m for m in body}
    for idx, m in enumerate(body):
        if m.kind != "place" or m.state_only:
            continue
        nxt: Mention | None = None
        after = text[m.end:m.end + 1]
        # (both "in" patterns start with a space: most names are followed by none)
        spaced = after.isspace()
        if after == ",":
            k = m.end + 1
            while k < len(text) and text[k] == " ":
                k += 1
            nxt = by_start.get(k)
            if nxt is None and text[k:k + 1].isupper():
                # "Badan, Mamond in Bajaur": a tehsil the gazetteer lacks between the village
                # and its district; the district contains both (Ba'dan, Yemen is no answer)
                j = k + 1
                while j < len(text) and (text[j].isalpha() or text[j] == "-"):
                    j += 1
                if (im := _BARE_IN.match(text, j)) is not None:
                    far = by_start.get(im.end())
                    if far is not None and _in_district(index, m, far, text):
                        continue
        elif spaced and (im := _IN_CONTAINER.match(text, m.end)) is not None:
            nxt = by_start.get(im.end())  # "Al-Jami'ya neighborhood in Idleb city"
        elif spaced and (im := _BARE_IN.match(text, m.end)) is not None:
            nxt = by_start.get(im.end())
            if nxt is not None and not _bare_in_container(index, nxt, text):
                nxt = None
            elif nxt is not None and _in_district(index, m, nxt, text):
                continue
        elif idx + 1 < len(body):
            # "X (Y)", "X area (Z, Y)": the last name inside the parenthesis
            opening = text.find("(", m.end, m.end + 30)
            close = text.find(")", m.end, m.end + 120) if opening >= 0 else -1
            if 0 <= opening < close and _PAREN_TAIL.match(text, m.end, opening + 1):
                inside = [o for o in body[idx + 1:] if opening < o.start < close]
                if inside:
                    nxt = inside[-1]
                    nxt.parenthesised = True
                    for o in inside[:-1]:
                        if o.kind == "place":
                            o.container_of = True  # "Solhan (Seno, Sahel)": Seno is the district
        if nxt is None and idx > 0:
            # "Yemen's Marib", "Congo's South Kivu", "Miami's Liberty City": the possessive
            # name before contains this one
            prv = body[idx - 1]
            if prv.end + 1 == m.start and text[prv.end - 2:prv.end] in ("'s", "’s") \
                    and prv.end > dl_end:  # (not "KYIV's" in a dateline)
                if prv.kind == "country":
                    if any(adm_cc[e - n_places] == prv.cc if e >= n_places
                           else index.cc_list[index.place_cc[e]] == prv.cc for e in m.ids):
                        m.container_cc = prv.cc  # (a name with no namesake there: a loose "Congo")
                elif prv.kind == "place" and prv.ids[0] < n_places \
                        and index.place_pop[prv.ids[0]] >= 100_000 and index.place_adm[prv.ids[0]] >= 0:
                    m.container_adm = index.place_adm[prv.ids[0]]
                    m.container_cc = index.adm_cc[m.container_adm]
                continue
        if nxt is None or nxt is m:
            continue
        if nxt.state_only and not any(
                e < n_places and index.cc_list[index.place_cc[e]] == "US" for e in m.ids):
            nxt.void = True  # "(Tirunelveli, TN)": Tamil Nadu, not Tennessee
            continue
        if nxt.kind == "country":
            m.container_cc = nxt.cc
        elif nxt.kind == "place":
            adm = [e - n_places for e in nxt.ids if e >= n_places]
            if len(adm) > 1 and not nxt.state_only:
                # several regions share the name: prefer one where the place has a namesake
                own = {index.place_adm[e] for e in m.ids if e < n_places}
                adm = [a for a in adm if a in own] or adm
            if adm and (len(adm) == 1 or nxt.state_only):
                m.container_adm = adm[0]
                m.container_cc = adm_cc[adm[0]]
                nxt.container_of = True
            elif adm:
                m.container_adms = adm
            else:
                # "Parachinar, Kurram agency", "Marawi, Lanao del Sur": a district after a town
                # of its region contains it (the town is the more specific place)
                district = [e for e in nxt.ids if index.place_lat[e] != index.place_lat[e]]
                if district:
                    district = _districts_of(index, district, m)
                if district and (nxt.admin_hint or len(district) == len(nxt.ids) or _country_follows(text, nxt, by_start)) \
                        and len({index.place_adm[e] for e in district}) == 1:
                    a = index.place_adm[district[0]]
                    if a >= 0 and any(e < n_places and index.place_lat[e] == index.place_lat[e]
                                      and index.place_adm[e] == a for e in m.ids):
                        m.container_adm = a
                        m.container_cc = adm_cc[a]
                        nxt.container_of = True


def _bare_in_container(index: PlaceIndex, nxt: Mention, text: str) -> bool:
    """Whether a name after a bare "in" can contain a place: a region or district ("Mamond
    in Bajaur", "Arbinda in Soum province"), not a town ("Dallas in Houston") nor a
    possessed name ("Kalehe in Congo's South Kivu": the possessive contains it)."""
    if nxt.kind != "place" or nxt.state_only or text[nxt.end - 2:nxt.end] in ("'s", "’s"):
        return False
    n_places = index.n_places
    district = [e for e in nxt.ids if e >= n_places or index.place_lat[e] != index.place_lat[e]]
    return len(district) == len(nxt.ids) or (nxt.admin_hint and bool(district))


def _in_district(index: PlaceIndex, m: Mention, nxt: Mention, text: str) -> bool:
    """Pin ``m`` to the region of the district ``nxt`` after a bare "in" when that district
    (of its namesakes, those where ``m`` has one) lies in one region; whether it did."""
    if not _bare_in_container(index, nxt, text):
        return False
    n_places = index.n_places
    district = [e for e in nxt.ids if e >= n_places or index.place_lat[e] != index.place_lat[e]]
    if not all(e < n_places for e in district):
        return False
    district = _districts_of(index, district, m)
    if len({index.place_adm[e] for e in district}) != 1 or index.place_adm[district[0]] < 0:
        return False
    m.container_adm = index.place_adm[district[0]]  # a district: its region
    m.container_cc = index.adm_cc[m.container_adm]
    if any(e < n_places and index.place_adm[e] == m.container_adm for e in m.ids):
        nxt.container_of = True  # "Arbinda in Soum province": the town is the place
    return True


def _country_follows(text: str, m: Mention, by_start: dict[int, Mention]) -> bool:
    """Is ``m`` followed by ", <Country>" (GTD's "Jolo, Sulu, Philippines": the middle name
    is the province)?"""
    if text[m.end:m.end + 1] != ",":
        return False
    k = m.end + 1
    while k < len(text) and text[k] == " ":
        k += 1
    nxt = by_start.get(k)
    return nxt is not None and nxt.kind == "country"


def _districts_of(index: PlaceIndex, district: list[int], m: Mention) -> list[int]:
    """Of namesake districts, those in a region where ``m`` has a namesake (all when none
    is): "Arbinda in Soum province" is Burkina Faso's Soum, not Yemen's."""
    own = {index.place_adm[e] for e in m.ids if e < index.n_places}
    return [e for e in district if index.place_adm[e] in own] or district


_SITE_SEP = re.compile(r" (?:-|\||«|–|—) ")


def _site_name_span(text: str) -> tuple[int, int]:
    """The publisher's name crawled into a first-line title ("Teen hurt in shooting -
    WSMV Channel 4"): after the title's last separator, as a span; (0, 0) if none."""
    end = text.find("\n")
    if end < 0 or end > 300:
        return 0, 0
    seps = list(_SITE_SEP.finditer(text, 0, end))
    if not seps:
        return 0, 0
    a = seps[-1].end()
    if end - a > 80 or text[a:end].rstrip()[-1:] in ".!?\"”":
        # a lead paragraph after a dateline's dash ("KABUL (AP) — A bomber struck ... in
        # Herat on Friday."), not a publisher's short name
        return 0, 0
    return a, end


def _lead_end(text: str, sentences: Sequence[Sentence], dl_end: int) -> int:
    """End offset of the lead: the first two sentences after the dateline."""
    count = 0
    for s in sentences:
        if s.end <= dl_end:
            continue
        count += 1
        if count == 2:
            return s.end
    return min(len(text), max(dl_end, 0) + 400)
