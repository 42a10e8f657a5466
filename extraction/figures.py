"""People killed, wounded and displaced, found in news text with their evidence.

One pass over the sentences that contain a casualty or displacement word (a cheap
precompiled trigger test skips the rest). In each such sentence, every casualty verb
("were killed", "killing", "died", "death toll rose to", "fled") is tied to the quantity
it counts: the subject on its left ("4 officers and 5 assailants were killed") or the
object on its right ("killing 10 soldiers and wounding 3"). Subset phrases ("including
eight assailants", "half of them children", parentheses) are blanked before matching so
they never add a second figure. Negations ("no casualties", "no one was hurt",
"unharmed") give explicit zeros. Each figure carries its role (victims or perpetrators),
whether it adds to earlier ones ("also", "another"), whether it updates a toll ("rose
to"), whether its sentence is background (an earlier incident, a campaign total) or
reports a separate incident. People *shot* are an internal field: those who did not die
become wounded in ``combine_figures``.

``combine_figures`` turns the figures of one event into one ``Range`` per field without
double counting: repeated mentions of the same toll count once (the largest stands),
"also"/"another" figures add, perpetrators are added to victims unless a figure already
covers both, and background figures never count. The conventions are in docs/FIGURES.md.

How the text is scanned (speed; every step gives exactly what a plain ``finditer`` or
``search`` of the same pattern would, see ``extraction/_scan.py``):

1. *Trigger pass*: one search of the whole lower-cased article for any trigger stem, each
   stem found from its "d", "l", "s" or "u" (``pivot_pattern``), jumping to the end of each
   sentence hit. Only hit sentences are read further.
2. *Candidate pass* (``_scan``): one pattern per sentence finds the words where a quantity
   or a casualty expression may start. It opens with the character before the word (the
   engine skips in C to spaces and signs) and branches on the word's first letter. Each
   candidate is then matched with ``_QUANT`` (from its earliest qualifier) or with the
   casualty expressions that can begin with its letter (``_VERBS_AT``). All later rules
   read these matches.
3. *Gates before patterns*: the sentence-wide rules (negations, subset phrases, background,
   dates, alternatives) first test, in one pass, for a word every match needs
   (``substring_test``), and run their pattern only then: from the character before a word
   (``WordStartPattern``) or only where a match can start (``finditer_at``). End-anchored
   subject patterns search only the last words that a match can cover.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import NamedTuple

from extraction._scan import (
    WordStartPattern,
    finditer_at,
    first_chars,
    occurrences,
    pivot_pattern,
    space_run_start,
    substring_test,
)
from extraction.numbers import QUANTITY_PATTERN, ROMANCE_UNITS, parse_quantity
from extraction.text import Sentence
from schemas import Evidence, FigureKind, Range

__all__ = [
    "FIELDS",
    "Figure",
    "combine_figures",
    "find_figures",
    "has_trigger",
]

FIELDS = ("killed", "wounded", "displaced", "displaced_households")

_I = re.IGNORECASE

# Cheap gate: a sentence without any of these substrings carries no figure. ``str.find``
# over the whole lower-cased text costs microseconds; a regular expression would scan
# every position of every sentence.
_TRIGGER_STEMS = (
    "kill", "dead", "died", "dies", "dying", "death", "fatal", "bod", "lives", "life", "slain", "murder", "shot",
    "shoot", "gunned", "behead", "executed", "massacr", "assassinat", "perish", "drown", "wound", "injur", "hurt",
    "casualt", "unharm", "unhurt", "unscath", "harmed", "displac", "fled", "flee", "evacu", "homeless", "shelter",
    "relief", "relocat", "idp", "toll", "lynch", "succumb", "hospitali", "homes", "forced", "safer", "accommodat",
    "slaying", "homicide", "condition", "uprooted", "refuge", "grazed", "on himself", "on herself", "for burns",
    "in tents", "makeshift", "higher ground", "into camps", "into evacuation", "living in the open",
    "sleeping in the open", "outdoors", "without a", "without homes", "staying in", "housed in", "desplaz", "alberg",
    "deplac", "d\u00e9plac", "sans abri", "sans-abri", "pdi", "muert", "morts", "mortos", "mortes", "tu\u00e9",
    "fallec", "herid", "bless\u00e9", "ferid", "lesionad", "murier", "muri\u00f3", "morreu", "falec", "perdieron la",
    # (every stem needs a "d", "l", "s" or "u": plural subjects end in "s", "pessoas morreram")
    "perderam a", "s morreram", "huyeron", "ont fui", "\u00e0 fuir", "desaloj", "desabrig", "\u00e9vacu", "obligaron",
    "oblig\u00f3", "obrigou", "for\u00e7ou a", "a huir", "abandonar sus", "deixar suas", "s ont p\u00e9ri", "s p\u00e9rirent", "d\u00e9c\u00e9d", "la mort", "by gunfire", "by a bullet", "by bullets", "by a stray", "by stray",
    "martyred", "martyrdom", "shahadat", "hosted", "lost", "struck in", "struck once", "struck twice", "striking h", "striking the", "striking a", "revised the number", "revised the figure",
    "lowered the number", "corrected the number",
    # (narrow: "taken to the hospital" alone is in many sentences that carry no figure)
    *(f"{aux} in {the}hospital" for aux in ("is", "are", "remains", "remained") for the in ("the ", "")),
    "sent to the hospital", "sent to a hospital", "to area hospitals", "to local hospitals",
    # "was hit in the leg" (the verb has no pivot letter: the body part stands in for it)
    *(f"in {d} {part}" for d in ("the", "his", "her")
      for part in ("head", "leg", "shoulder", "chest", "abdomen", "hand", "stomach", "buttock", "elbow", "ankle",
                   "wrist", "torso")),
)

_QP = QUANTITY_PATTERN
_QUANT = re.compile(rf"(?<![\w$£€.,-])(?=[a-z0-9])(?:{_QP})")

_BODY_PARTS = (r"head|face|neck|chest|back|arms?|legs?|foot|feet|hands?|shoulders?|stomach|abdomen|hips?|thighs?"
               r"|knees?|buttocks?|torso|side|elbows?|wrists?|ankles?|jaw|groin|lower\s+body|upper\s+body")
_IN_BODY_PART = (r"(?:once\s+|twice\s+|several\s+times\s+|multiple\s+times\s+)?in\s+(?:the|his|her)\s+"
                 r"(?:(?:left|right|upper|lower)\s+)?(?:" + _BODY_PARTS + ")")
# "the army lost three soldiers", "lost 3 of their own": a side's own dead, counted on the
# right (not "lost 40 houses", "lost two cows": only a count of people or "of their own")
_LOST_COUNT = (r"(?:at\s+least\s+|some\s+|about\s+|nearly\s+|more\s+than\s+|over\s+)?(?:\d[\d,]*|one|two|three|four"
               r"|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|twenty|thirty|forty|fifty|dozens|several"
               r"|scores|hundreds)\s+")
_LOST_PEOPLE = (_LOST_COUNT + r"(?:of\s+(?:their|its|his|her)\s+(?:own|men|fighters|comrades|soldiers|members)"
                r"|(?:[\w-]+\s+){0,2}?(?:soldiers|troops|men|fighters|officers|policemen|members|personnel"
                r"|servicemen|militants|comrades|guards|people|civilians|children|rebels|insurgents|commanders"
                r"|colleagues|relatives|sons|daughters|crew|lives)\b)")

# "taken to Mercy Memorial Hospital with ...": a person brought to a hospital
_TO_HOSPITAL = (r"(?:taken|rushed|transported|airlifted)\s+to\s+(?:an?\s+|the\s+)?(?:[\w'.-]+\s+){0,4}?"
                r"(?:hospitals?|medical\s+cent(?:er|re)|trauma\s+cent(?:er|re))\s+(?:[\w-]+\s+){0,4}?with\s+")

# Casualty and displacement expressions. Group name = field + "_" + mode, where mode is
# ``act`` (object on the right, else subject on the left), ``pas`` (subject on the left),
# ``toll`` (quantity on the right: "death toll rose to 40").
_VERB_SPECS: list[tuple[str, str]] = [
    ("killed_toll", r"(?:death|casualty|fatality|final)\s+tolls?|\btolls?\b|(?:total\s+)?fatalities(?=\s*:?\s*\d)"
                    r"|number\s+of\s+(?:the\s+)?(?:dead|deaths|fatalities|people\s+killed|those\s+killed)"
                    r"|(?:final|death)\s+count"
                    # "police later revised the number to two"
                    r"|(?:revised|lowered|corrected)\s+(?:the\s+)?(?:number|figure|toll|count)(?=\s+(?:down\s+)?to\b)"),
    ("killed_wrap", r"(?:beat|beaten|beating|stabbed|stabbing|burned|burnt|burning|hacked|hacking|bludgeoned"
                    r"|bludgeoning|shot|shooting|stoned|stoning|strangled|strangling|hanged|clubbed|clubbing)"
                    r"\s+(?:(?:a|an|the|his|her|their|two|three|four|five|\d+)\s+)?(?:[\w'-]+\s+){1,3}?(?:to\s+death|dead)"),
    # a suicide after a shooting: the perpetrator's death ("then turned the gun on himself")
    ("killed_self", r"turn(?:ed|ing|s)\s+(?:the|a|his|her)\s+(?:gun|weapon|rifle|pistol|handgun|shotgun|firearm)"
                    r"\s+on\s+(?:him|her)self|(?:taking|took|takes)\s+(?:his|her)\s+own\s+life"),
    ("killed_one", r"fatally\s+(?:shoots?|shot|shooting)\s+(?:him|her)?self|(?<=['\u2019]s\s)body\b"
                   # "His body was found under a bridge": one person dead
                   r"|(?<=\b(?:his|her)\s)body\s+(?:was|had\s+been|has\s+been)\s+(?:later\s+)?(?:found|discovered"
                   r"|recovered|pulled|dumped)"
                   r"|body\s+of\s+(?:a|an|the|one)\b(?!\s+(?:\w+\s+)?(?:water|evidence|work|knowledge|law))"),
    ("killed_act", r"(?:executed|executing)(?=\s+(?:at\s+least\s+)?(?:\d|one|two|three|four|five|six|seven|eight"
                   r"|nine|ten|a|an|his|her|their|several|dozens|scores|hundreds)\b)"
                   r"|(?:the\s+)?(?:fatal\s+(?:shooting|stabbing)|deaths?|killings?|murders?|slayings?|homicides?|bodies)\s+of|(?:accidentally\s+)?shot\s+(?:and\s+)?killed|shot\s+and\s+died|shot\s+dead|gunned\s+down"
                   # ("killing off the title hopes": an idiom, no one dies)
                   r"|(?:killed|killing|kills?)(?!\s+off\b)"
                   # "A man was shot in the head and killed": one verb, as "shot and killed"
                   r"|shot\s+(?:" + _IN_BODY_PART + r"|(?:multiple|several)\s+times|once|twice|repeatedly)\s+and\s+killed"
                   r"|murdered|murdering|beheaded|beheading|massacred|massacring"
                   r"|slaughtered|assassinated|claimed\s+the\s+li(?:ves|fe)\s+of|(?:stabbed|beat(?:en)?|burn(?:ed|t)"
                   r"|hacked|bludgeoned|shot|strangled|lynched)\s+to\s+death|lynched"
                   r"|(?:hacking|stabbing|beating|burning|bludgeoning|clubbing|stoning|strangling)\s+to\s+death"
                   r"|shooting\s+dead|lost(?=\s+" + _LOST_PEOPLE + ")"
                   # "militants martyred three policemen" (the passive "were martyred" is below)
                   r"|martyred(?=\s+(?:at\s+least\s+)?(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|a|an"
                   r"|his|her|their|several|dozens)\b)"),
    ("killed_pas", r"fatally(?!\s+(?:shot|wounded|injured|stabbed|hit|struck))|died|dies|dead|drowned|slain|perished|lost\s+(?:their|his|her)\s+li(?:ves|fe)|lives\s+were\s+lost"
                   r"|succumbed|executed|fatally\s+(?:shot|wounded|injured|stabbed|hit|struck)|deaths?|fatalities|fatality"
                   r"|bodies|lives"
                   # Pakistani and Kashmiri reports: "a soldier martyred", "two embraced martyrdom"
                   r"|martyred|embraced\s+(?:martyrdom|shahadat)"
                   # Spanish, French, Portuguese: "al menos 8 muertos", "12 morts", "3 personnes tuées"
                   r"|muert[oa]s|morts|mortos|mortes|tu\u00e9e?s|fallecid[oa]s"
                   # ... and their verbs: "12 personas murieron", "6 personnes ont p\u00e9ri", "5 pessoas morreram"
                   r"|murieron|muri\u00f3|fallecieron|falleci\u00f3|perdieron\s+la\s+vida|morreram|morreu|faleceram"
                   r"|faleceu|perderam\s+a\s+vida|p\u00e9ri(?:rent)?|d\u00e9c\u00e9d\u00e9e?s?|trouv\u00e9\s+la\s+mort"),
    ("wounded_act", r"(?:the\s+)?(?:injuring|wounding)\s+of|wounded|wounding|injured|injuring|injures|hurt|hurting"),
    ("wounded_pas", r"hospitali[sz]ed|treated\s+for\s+(?:\w+\s+){0,2}(?:wounds|injuries|burns)|(?:sustained|suffered|received)\s+(?:\w+\s+){0,2}(?:injuries|wounds)"
                    r"|survived\s+(?:the\s+attack\s+)?with\s+(?:\w+\s+){0,2}(?:injuries|wounds)"
                    r"|(?<=in\s)(?:critical|serious|stable|fair|good)\s+condition|injuries"
                    # Spanish, French, Portuguese: "30 heridos", "30 blessés", "30 feridos"
                    r"|herid[oa]s|bless\u00e9e?s|ferid[oa]s|lesionad[oa]s"
                    # a graze from a bullet is a gunshot injury (GVA counts it as one)
                    r"|grazed\s+by\s+(?:a\s+)?(?:stray\s+)?(?:bullet|gunfire|round)"
                    # "a 19-year-old man was grazed in the shooting"
                    r"|(?:(?<=was\s)|(?<=were\s))grazed"
                    # "a teenager was taken to a hospital with minor injuries" (gunshot wounds: shot_pas)
                    r"|" + _TO_HOSPITAL + r"(?!(?:[\w-]+\s+){0,2}(?:gunshot|gun\s+shot|bullet))(?:[\w-]+\s+){0,3}?(?:injuries|wounds)"
                    # "another man is in the hospital", "the victim remains in hospital" (not "was in the
                    # hospital visiting her mother")
                    r"|(?:(?<=was\s)|(?<=were\s))sent\s+to\s+(?:the\s+|a\s+|an\s+)?(?:area\s+|local\s+)?hospitals?"
                    r"|(?:(?<=\bis\s)|(?<=\bare\s)|(?<=\bremains\s)|(?<=\bremained\s))in\s+(?:the\s+)?hospital"
                    r"(?!\s+(?:visiting|to\s+visit|for\s+(?:a|an|the|his|her)\s))"),
    # "claimed the life of a boy and put a 15-month-old girl in the hospital", "sent three people
    # to the hospital": the people inside are wounded
    ("wounded_wrap", r"(?:put|puts|putting|sent|sends|sending)\s+(?:him|her|them|(?:(?:a|an|the|his|her|their|one|two"
                     r"|three|four|five|six|\d+)\s+)?(?:[\w'-]+\s+){0,2}?(?:people|persons?|m[ae]n|wom[ae]n|boys?|girls?"
                     r"|child|children|teens?|teenagers?|victims?|others|officers?|toddler|infant|baby|students?"
                     r"|bystanders?|brother|sister|son|daughter|mother|father))\s+(?:in|to)\s+(?:the\s+|a\s+|an\s+)?"
                     r"(?:area\s+|local\s+)?hospitals?"),
    ("wounded_one", r"(?:suffered|sustained|received|with)\s+an?\s+(?:minor\s+)?graze\s+wound"),
    ("shot_one", r"(?:suffered|suffering|sustained|received|receiving|with|treated\s+for|from)\s+(?:a|one)\s+(?:[\w-]+\s+)?"
                 r"(?:gunshot|gun\s+shot|bullet)\s+wound(?!s)"
                 # "one started shooting at the trooper, hitting him in the elbow"
                 r"|(?:hitting|striking)\s+(?:him|her|(?:the|a|an|his|her)\s+[\w-]+)\s+" + _IN_BODY_PART +
                 # "A Dallas man is recovering after being shot" (one: more are counted elsewhere)
                 r"|(?<=\bis\srecovering\s)after\s+being\s+shot|(?<=\bwas\srecovering\s)after\s+being\s+shot"),
    ("shot_act", r"(?:accidentally\s+)?(?:shoots|shooting\s+of|shooting|shot)"),
    # people hit by gunfire, counted on the left: "Five people were struck by gunfire", "two men
    # suffering from gunshot wounds"
    ("shot_pas", r"(?:struck|hit)\s+by\s+(?:gunfire|bullets|a\s+bullet|stray\s+bullets|a\s+stray\s+bullet)"
                 # "Both men were taken to Grady Memorial Hospital after being shot"
                 r"|(?:taken|rushed|transported|airlifted)\s+to\s+(?:an?\s+|the\s+)?(?:[\w'-]+\s+){0,4}?(?:hospitals?"
                 r"|medical\s+cent(?:er|re)|trauma\s+cent(?:er|re))\s+(?:\w+\s+){0,3}?after\s+(?:being|getting)\s+shot"
                 # "Her mother was also struck in the arm": hit by a bullet in a body part
                 r"|(?:struck|hit)\s+" + _IN_BODY_PART +
                 r"|suffering\s+from\s+(?:multiple\s+|apparent\s+)?(?:gunshot|gun\s+shot|bullet)\s+wounds"
                 # "Two men were rushed to a hospital with gunshot wounds" (one wound: shot_one)
                 r"|" + _TO_HOSPITAL + r"(?:multiple\s+|apparent\s+)?(?:gunshot|gun\s+shot|bullet)\s+wounds"),
    ("displaced_toll", r"number\s+of\s+(?:(?:people|persons|residents)\s+(?:displaced|evacuated|made\s+homeless"
                       r"|(?:(?:staying|sheltering|sheltered|housed|living)\s+)?in\s+(?:evacuation\s+(?:centres|centers|sites)"
                       r"|(?:relief\s+)?camps|(?:temporary\s+)?shelters))"
                       r"|displaced|evacuees|idps|evacuated|internally\s+displaced)"
                       r"(?:\s+(?:people|persons))?"
                       r"|(?:evacuation\s+total(?:\s+people)?|total\s+(?:displaced|evacuated|evacuees)|idps)(?=\s*:?\s*\d)"
                       # table rows: "Evacuated people: 3,450", "Persons in evacuation centres - 2,318"
                       r"|(?:(?:displaced|evacuated|relocated|homeless|sheltered)\s+(?:people|persons|individuals|population)"
                       r"|(?:people|persons|individuals)\s+(?:displaced|evacuated|relocated|in\s+(?:evacuation\s+(?:centres"
                       r"|centers|sites)|(?:relief\s+)?camps|shelters)))(?=\s*(?::|-|\u2013)\s*\d)"
                       r"|d[e\u00e9]plac[e\u00e9]e?s?\s+(?:individus?|personnes)(?=\s*(?::|-|\u2013)?\s*\d)"),
    ("displaced_act", r"(?:the\s+)?(?:evacuations?|relocation|displacement)\s+of|displaced|displacing|displaces"
                      r"|evacuated|evacuating|(?:to\s+)?evacuate|relocated|uprooted|forced|forcing|sheltered|sheltering|sent"
                      # "ont contraint 5 000 personnes \u00e0 fuir", "obligaron a evacuar a 800 familias"
                      r"|(?:contraint|forc\u00e9|oblig\u00e9)(?=\s+(?:[\w\u00e0-\u00fc'-]+\s+){1,5}?\u00e0\s+fuir\b)"
                      r"|(?:obligaron|oblig\u00f3|forzaron|forz\u00f3|obrigaram|obrigou|for\u00e7aram|for\u00e7ou)\s+a\s+"
                      r"(?:evacuar|huir|abandonar\s+sus\s+(?:hogares|casas|viviendas)|deixar\s+suas\s+casas)(?:\s+a)?"),
    ("displaced_pas", r"fled|flee|fleeing|have\s+fled|homeless|evacuees|idps|internally\s+displaced"
                      r"|(?<=in\s)relief\s+camps|(?<=in\s)(?:temporary\s+|evacuation\s+)?(?:shelters|camps|centres|centers)"
                      r"|(?:sought|took|taking|taken|seeking|sheltered)\s+(?:refuge|shelter)"
                      # "8,760 people are staying in 35 evacuation centers"
                      r"|(?:staying|sheltering|housed|living)\s+in\s+(?:\d[\d,]*\s+|several\s+|various\s+)"
                      r"(?:temporary\s+|evacuation\s+|relief\s+)?(?:shelters|camps|centres|centers|schools)"
                      r"|(?:camping|sleeping|living)\s+(?:in\s+the\s+open|outdoors|in\s+the\s+streets)"
                      r"|without\s+(?:homes|a\s+home|a\s+roof)"
                      # Spanish and French fragments: "4.500 personas desplazadas", "800 personnes déplacées"
                      r"|desplazad[oa]s|evacuad[oa]s|albergad[oa]s|d[e\u00e9]plac[e\u00e9]e?s|sans[\s-]+abris?|pdis?"
                      # "3.000 personas huyeron", "2 000 personnes ont fui", "1.200 desalojados e 300 desabrigados"
                      r"|huyeron|ont\s+(?:fui|\u00e9t\u00e9\s+\u00e9vacu\u00e9e?s)|desalojad[oa]s|desabrigad[oa]s"
                      r"|(?:left|leave|abandoned|lost)\s+their\s+homes|(?:out\s+of|from)\s+their\s+homes"
                      r"|took\s+shelter|taking\s+shelter|moved\s+to\s+(?:safer|higher|safe)\s+(?:places|areas|ground|locations)"
                      r"|(?:living|staying|sleeping|sheltering)\s+in\s+(?:tents|makeshift\s+(?:shelters|camps|tents))"
                      r"|moved\s+to\s+(?:an?\s+|the\s+)?(?:\w+\s+)?(?:relief\s+camps?|camps?|shelters?"
                      r"|evacuation\s+(?:centres?|centers?|sites?))"
                      r"|had\s+to\s+evacuate|without\s+shelter"
                      r"|accommodated\s+(?:at|in)\s+(?:\w+\s+){0,2}(?:evacuation\s+)?(?:centres|centers|shelters|camps)"
                      # "4,200 people remain in 23 evacuation centres", "are being hosted in schools"
                      r"|remain(?:s|ed)?\s+in\s+(?:\d[\d,]*\s+)?(?:temporary\s+|evacuation\s+|relief\s+)?(?:shelters"
                      r"|camps|centres|centers)"
                      r"|(?:being\s+)?hosted\s+(?:in|by|at)\s+(?:\w+\s+){0,2}(?:schools|churches|mosques|host\s+famil(?:y|ies)"
                      r"|relatives|shelters|camps|centres|centers)"),
]
_VERBS = re.compile(r"\b(?=[a-z])(?:" + "|".join(rf"(?P<{name}>(?:{pat})\b)" for name, pat in _VERB_SPECS) + ")")


class _VerbsByFirstChar(dict):
    """`_VERBS` for a word that begins with a given character: only the expressions that can
    begin with it, in the same order (the others fail there), so the engine does not try
    the whole alternation at every candidate word. Compiled on first use of a character
    (each costs about two milliseconds; import stays as fast as with `_VERBS` alone), and
    shared by the characters that keep the same expressions."""

    def __missing__(self, c: str) -> re.Pattern[str]:
        kept = tuple((name, pat) for name, pat, fc in _VERB_FIRSTS if fc is None or c in fc)
        pattern = _VERBS_KEPT.get(kept)
        if pattern is None:
            pattern = _VERBS_KEPT[kept] = re.compile(
                r"\b(?=[a-z])(?:" + "|".join(rf"(?P<{name}>(?:{pat})\b)" for name, pat in kept) + ")" if kept else r"(?!)")
        self[c] = pattern
        return pattern


_UPDATE_KIND = FigureKind.UPDATE  # (read from the enum class once: member lookups cost a call each)
_CUMULATIVE_KIND = FigureKind.CUMULATIVE
_FIRST_REPORT_KIND = FigureKind.FIRST_REPORT
_VERB_FIRSTS = [(name, pat, first_chars(pat)) for name, pat in _VERB_SPECS]
# group name -> (field, mode): "killed_pas" -> ("killed", "pas")
_VERB_FIELD_MODE = {name: tuple(name.rsplit("_", 1)) for name, _pat in _VERB_SPECS}
_VERBS_KEPT: dict[tuple[tuple[str, str], ...], re.Pattern[str]] = {}
_VERBS_AT = _VerbsByFirstChar()  # first character of a candidate word -> its pattern

# Negations that state an explicit zero. Group name says which fields become 0.
_NEGATIONS = re.compile(
    r"(?P<both>\bno\s+(?:\w+\s+){0,3}(?:casualties|casualty|one\s+(?:was\s+|were\s+)?(?:\w+\s+)?(?:hurt|harmed)"
    r"|deaths?\s+or\s+injur(?:y|ies)|fatalities\s+(?:or|and|nor)\s+injur(?:y|ies)"
    r"|injur(?:y|ies)\s+(?:or|and|nor)\s+(?:fatalities|deaths?|loss\s+of\s+li(?:fe|ves))|loss\s+of\s+life\s+or\s+injur\w+)"
    r"|\bneither\s+(?:injuries|fatalities|casualties|deaths)\s+nor\s+(?:injuries|fatalities|casualties|deaths)"
    r"|\bunharmed|\bunhurt|\bunscathed|\bwithout\s+(?:causing\s+)?(?:any\s+)?casualties"
    r"|\bzero\s+(?:losses|casualties)|\bnobody\s+(?:was\s+)?(?:\w+\s+)?(?:hurt|harmed)"
    # "rescued 120 people, and none were hurt", "45 fishermen, none of whom was harmed"
    r"|\bnone\s+(?:of\s+(?:them|whom|the\s+\w+)\s+)?(?:was|were|is|are|had\s+been|has\s+been|have\s+been)\s+"
    r"(?:\w+ly\s+)?(?:hurt|harmed))"
    r"|(?P<killed>\bno\s+(?:\w+\s+){0,2}(?:fatalities|fatality|deaths|loss(?:es)?\s+of\s+(?:li(?:fe|ves))|lives\s+(?:were\s+)?lost)"
    r"|\bno\s+(?:one|body)\s+(?:else\s+)?(?:was\s+|were\s+|has\s+been\s+)?(?:reported\s+)?(?:killed|dead)"
    r"|\bnobody\s+(?:was\s+)?(?:\w+\s+)?killed|\b(?:0|zero)\s+fatalities|\b(?:nobody|no\s+one)\s+(?:has\s+|had\s+)?died"
    r"|\bnone\s+(?:of\s+(?:them|whom|the\s+\w+)\s+)?(?:(?:was|were|had\s+been|has\s+been|have\s+been)\s+killed|died))"
    r"|(?P<wounded>\bno\s+(?:\w+\s+){0,2}(?:injuries|injury|wounded|injured)"
    r"|\bno\s+(?:one|body)\s+(?:else\s+)?(?:was\s+|were\s+)?(?:reported\s+)?(?:injured|wounded)"
    r"|\bnot\s+(?:seriously\s+)?(?:injured|hurt|wounded)"
    r"|\bnone\s+(?:of\s+(?:them|whom|the\s+\w+)\s+)?(?:was|were|is|are|had\s+been|has\s+been|have\s+been)\s+"
    r"(?:\w+ly\s+)?(?:injured|wounded))",
)

# Subset phrases: never a separate figure ("including 21 civilians", "half of them children").
_SUBSET = re.compile(
    r"\((?![^()]*\b(?:killed|dead|died|injured|wounded|evacuated|relocated|displaced|fatalities|homeless)\b)[^()]*\)"
    r"|\[[^\[\]]*\]"
    # "five people, including the prisoner, one civilian, and two assailants, were killed": an
    # enumeration whose only "and" is the last one lists the subset; "including three soldiers
    # and two contractors, and one pilot" (an "and" inside) ends the subset before ", and".
    # "were killed, including the bomber, and 19 others were injured": "N others" after the
    # last "and" opens a clause of its own, not the last item of the subset.
    r"|,?\s*\bincluding\s+(?:(?!\band\b|\bwhile\b|\bbut\b)[^;:.]){0,90}?,\s*and\s+(?!(?:[\w,-]+\s+){0,3}others\b)"
    # ("..., including the three attackers, and hundreds were injured": a clause of its own)
    r"(?!(?:[\w-]+\s+){0,3}(?:were|was)\s+(?:\w+\s+)?(?:injured|wounded|hurt)\b)"
    r"(?:(?!\band\b)[^;:.,]){0,40}?"
    r"(?=,?\s+(?:were|was|have\s+been|had\s+been|are|died|have\s+died)\s+(?:\w+\s+)?(?:killed|injured|wounded|dead|died|hurt))"
    r"|,?\s*\bincluding\s+(?:(?!\bwhile\b|\bbut\b|\bwhereas\b|,\s*and\b)[^;:.]){0,90}?"
    r"(?=\s+(?:were|was|have\s+been|had\s+been|are|died|have\s+died)\s+(?:\w+\s+)?(?:killed|injured|wounded|dead|died|hurt))"
    r"|,?\s*\b(?:including|includ(?:es|ed)|among\s+(?:them|whom|those|the\s+dead|the\s+victims|the\s+injured)"
    r"|(?<=,\s)of\s+(?:whom|which)|mostly|mainly|most\s+of\s+them|half\s+of\s+them|all\s+of\s+them"
    r"|many\s+of\s+them|some\s+of\s+them|the\s+majority|amongst\s+them"
    # "Nine civilians, six of them women, were killed" (not "two of them fatally": a count)
    r"|(?<=,\s)(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+of\s+them"
    r"(?!\s+(?:\w+ly|died|dead|killed|were|was|are|had|have|remain|later)\b))\b(?:[^,;:]|(?<=\d),(?=\d{3}))*"
    r"(?=,|;|:|$|\s+(?:were|was|have|had|are|died|killed))",
)


_OF_WHOM_DISPLACED = re.compile(r",?\s*of\s+(?:whom|which)\s+(?:[\w,.-]+\s+){1,4}?(?:were|have\s+been|had\s+been|are)\s+"
                                r"(?:\w+\s+)?(?:displaced|evacuated|relocated|made\s+homeless|left\s+homeless)\b")


# A count of another field closing a subset: "5 killed including 2 children and 9 wounded"
_AND_OTHER_COUNT = re.compile(
    r"\s+and\s+(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|dozens|scores|hundreds)\s+"
    r"(?:(?:others?|more|people|persons|were|have\s+been)\s+)*(?:wounded|injured|hurt)\b"
)


def _subset_matches(low: str) -> list[tuple[int, int]]:
    """The spans of ``_SUBSET.finditer(low)``, tried only where a subset phrase can start: at
    a bracket, or at the optional comma and white space before one of its opening words
    (found by ``str.find``; most sentences have one or two). A subset ends before a count of
    the wounded that closes it ("including 2 children and 9 wounded")."""
    starts = occurrences(low, "([")
    for k in occurrences(low, ("includ", "among", "mostly", "mainly")):
        starts.extend(range(space_run_start(low, k), k + 1))
    # "of whom", "of which", "the majority", "<most|half|all|many|some> of them": found by their
    # last word, walking back over the white space and the word before it.
    for t in occurrences(low, ("whom", "which", "majority", "them")):
        j = t
        while j > 0 and low[j - 1].isspace():
            j -= 1
        head = "the" if low[t] == "m" and low[t + 1] == "a" else "of"
        if j == t or j < len(head) or not low.startswith(head, j - len(head)):
            continue
        k = j - len(head)
        if low.startswith("them", t):  # the quantifier word before "of"
            while k > 0 and low[k - 1].isspace():
                k -= 1
            while k > 0 and (low[k - 1].isalnum() or low[k - 1] == "_"):
                k -= 1
        starts.extend(range(space_run_start(low, k), k + 1))
    found = finditer_at(_SUBSET, low, starts)
    if "affect" in low and "of wh" in low:
        # "12,000 people were affected, of whom 2,300 were displaced": the part is the only
        # displacement figure (those affected are no count of the displaced)
        found = [m for m in found if not (_OF_WHOM_DISPLACED.match(low, m.start())
                                          and "affect" in low[:m.start()])]
    spans = []
    for m in found:
        a, b = m.span()
        if " and " in low[a:b]:
            other = _AND_OTHER_COUNT.search(low, a, b)
            if other is not None:
                b = other.start()
        spans.append((a, b))
    return spans


# Words after a number that make it something other than a count of people.
_NON_PERSON = re.compile(
    r"^\s*(?:-|\s)?(?:(?:years?|yr|year-olds?|-year|months?|weeks?|days?|hours?|minutes?|seconds?|times|km|kms"
    r"|kilomet(?:er|re)s?|miles?|meters?|metres?|feet|ft|inches|%|percent|per\s+cent|a\.?m\b|p\.?m\b"
    r"|o'clock\b|shells?|rounds?|rockets?|missiles?|mortars?|bombs?|bullets?|shots|houses?|homes?|buildings?"
    r"|vehicles?|cars?|trucks?|shops?|villages?|towns?|districts?|provinces?|acres?|hectares?|tons?|tonnes?"
    r"|kg|kilograms?|pounds?|dollars?|euros?|rupees?|cases?|mm|calibre|caliber|block|st\b|nd\b|rd\b|th\b"
    r"|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|january|february|march|april|june|july|august"
    r"|september|october|november|december|attacks?|incidents?|explosions?|bursts?|airstrikes?|strikes?"
    r"|raids?|cattle|sheep|goats|animals|livestock|schools?|bridges?|structures?|dwellings?|shelters?"
    r"|(?:crime\s+)?scenes?|places|locations|spots|rooms|floors|blocks|counts?|charges?|warrants?"
    r"|camps?|sites?|centres?|centers?|points?|countries|states|counties|cities|regions|areas|percentages?"
    r"|rifles?|guns?|weapons?|grenades?|magazines?|warehouses?|hideouts?|positions?|posts?|checkpoints?"
    r"|magnitude|-magnitude|on\s+the\s+richter"
    # animals, jobs and things a business counts ("killed 3,000 cattle", "cut 3,000 jobs, killing
    # hopes", "sold 50 million records"): GTD, ACLED and IDMC count people only
    r"|cows|calves|chickens|hens|poultry|birds|fish|dolphins|whales|elephants|dogs|cats|horses|pigs|camels|donkeys"
    r"|buffalo(?:es)?|deer|rhinos?|bees|turtles|zombies|dragons|lions|penguins|monkeys|gorillas|hippos|lambs|rabbits"
    r"|sharks|snakes|crocodiles|leopards|cheetahs|wolves|jobs|records|copies|albums|tickets|votes|seats"
    r"|goals|flights|stores|branches|outlets|trees|species|units|shares|seabirds|wars|conflicts|battles|elections"
    # a proportion: "1 in 5 people", "one in ten children"
    r"|in\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten)\s+(?:people|persons|adults|children|residents"
    r"|women|men|households|families))\b"
    r"|%|:\d|\.\d|/|\s*\d|-[a-z]|'s\b)",
    _I,
)
_MONTH_BEFORE = re.compile(
    # (a month's name or abbreviation as a whole word: not "martyred 3", "declared 2 dead")
    r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?"
    r"|nov(?:ember)?|dec(?:ember)?)\.?\s*$|(?:no|number|#|\$|£|€|age|aged)\.?\s*$",
    _I,
)
_QUAL_HEAD = re.compile(r"^(?:(?:the|at\s+least|about|some|around|nearly)\s+)+", _I)
_AGE_BEFORE = re.compile(r"[A-Za-z.]+,\s*$")
_AGE_WORD_END = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.")


def _age_before(before: str) -> bool:
    """``_AGE_BEFORE.search(before) is not None`` without a search: a comma with only white
    space after it, right after a letter or a dot."""
    t = before.rstrip()
    return len(t) >= 2 and t[-1] == "," and t[-2] in _AGE_WORD_END

# A number after the first age of a list ("Two brothers, 14 and 16, were killed").
_AGE_LIST_BEFORE = re.compile(r"[A-Za-z.],\s*\d{1,2}(?:\s*,\s*\d{1,2})*(?:\s*,\s*|\s*,?\s+(?:and|&)\s+)$")
# ("McCloud, 34, of Houston" is an age; "12 passengers, 3 of whom were killed" is a count)
_AGE_AFTER = re.compile(r"\s*(?:,|;|\)|\(|\s+(?:all|of(?!\s+(?:whom|them|which|those|these)\b)|from|and|was|were|is"
                        r"|died|dies|who)\b|$)", _I)
_ADDRESS_AFTER = re.compile(r"\s+(?:[NSEW]\.?\s+|North\s+|South\s+|East\s+|West\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?"
                            r"\s+(?:St|Street|Ave|Avenue|Road|Rd|Drive|Dr|Boulevard|Blvd|Lane|Ln|Way|Court|Ct|Place"
                            r"|Pl|Highway|Hwy|Parkway|Pkwy|Circle|Terrace)\b")
_NOT_A_COUNT_BEFORE = re.compile(
    r"\b(?:(?:image|photo|picture|slide|page|part|chapter)\s+(?:\d+\s+of\s+)?|one\s+of\s+(?:the\s+)?|how\s+"
    r"|(?:members?|relatives)\s+of\s+"
    r"|ages?\s+(?:of\s+)?(?:between\s+)?|ages?\s+(?:of\s+)?(?:between\s+)?\d+\s+(?:and|to)\s+"
    r"|(?:news|channel|ch\.?|abc|cbs|nbc|fox|pix|cw)\s+|(?:jr|sr|ii|iii)\.?,?\s*|magnitude(?:\s+of)?\s+"
    # the whole of a proportion: the 5 of "1 in 5 people" (not "3 out of 10 hostages": a count)
    r"|(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+in\s+)$",
    _I,
)
_PARENT_OF = re.compile(r"\b(?:father|mother|parent|dad|mom|grandmother|grandfather|mum)\s+of\s+$", _I)
# The three "what stands before a number makes it no count" tests in one search.
_NOT_A_COUNT = re.compile(f"(?:{_MONTH_BEFORE.pattern})|(?:{_NOT_A_COUNT_BEFORE.pattern})|(?:{_PARENT_OF.pattern})", _I)
# The same tests on lower-cased text without IGNORECASE (2-3x faster in the engine).
_NON_PERSON_LOW = re.compile(_NON_PERSON.pattern)
# (every letter of `_NOT_A_COUNT` is lower case: on ASCII text, where lower case is exactly
# what IGNORECASE compares, searching the lower-cased text finds the same)
_NOT_A_COUNT_LOW = re.compile(_NOT_A_COUNT.pattern)
# Last words before a number for which _NOT_A_COUNT can match at all: the search itself
# tries a long alternation at every position, the word test costs a split.
_NOT_A_COUNT_WORDS = frozenset(
    "of the how age ages aged between and to no number news channel ch ch. abc cbs nbc fox pix cw jr sr ii iii magnitude "
    "jr. sr. ii. iii. in".split()
)
_MONTH_STEMS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def _may_not_count(before: str) -> bool:
    """Cheap pre-test for `_NOT_A_COUNT` on the text before a number: its last word."""
    tail = before.rstrip()
    if not tail:
        return False
    if tail[-1] in "#$\u00a3\u20ac":
        return True
    k = max(tail.rfind(" "), tail.rfind("\n"), tail.rfind("\t"))
    word = tail[k + 1:].lower().rstrip(",")
    return word in _NOT_A_COUNT_WORDS or word.startswith(_MONTH_STEMS)


def _not_a_count(before: str) -> bool:
    """``_NOT_A_COUNT.search(before) is not None``, on the lower-cased text when it is ASCII."""
    if before.isascii():
        return _NOT_A_COUNT_LOW.search(before.lower()) is not None
    return _NOT_A_COUNT.search(before) is not None


# (Portuguese "famílias"; "fam\ufffdlias" where a feed lost the accent's encoding)
_HOUSEHOLD = re.compile(r"\b(?:families|family|households?|fam[i\u00ed\ufffd]lias|familles|hogares|m[e\u00e9]nages)\b", _I)
_DWELLING = re.compile(r"\b(?:houses?|homes?|buildings?|dwellings?|shelters?|viviendas|casas|maisons|logements)\b", _I)
_PERP = re.compile(
    r"\b(?:assailants?|attackers?|gunm[ae]n|shooters?|bombers?|suspects?|perpetrators?|terrorists?|insurgents?"
    r"|militants?|hitm[ae]n|robbers?|himself|herself|themselves|gunmen|hijackers?|kidnappers?|abductors?)\b",
    _I,
)
_PERP_LOW = re.compile(_PERP.pattern)
_ADDITIVE_GAP = re.compile(r"\b(?:also|more|additional|further|too|as\s+well)\b", _I)
_ADDITIVE_OPENING = re.compile(r"^\W*(?:additionally|in\s+addition|also|separately,\s+another)\b", _I)
# (not "a second victim", "a third person": often one of a count already given)
_ADDITIVE_ONE = re.compile(r"(?:another|a\s+further|an\s+additional)\s+\w", _I)
_ADDITIVE_QUAL = re.compile(r"^(?:another|a\s+further|an\s+additional|additional)\b", _I)
_UPDATE = re.compile(
    r"\b(?:rose|risen|rises|rising|climbed|climbs|increased|jumped|reached|mounted|grew|went\s+up"
    r"|up\s+to|revised|now\s+stands|has\s+reached|raised|soared|surged|surges|fell|fallen|dropped|lowered"
    r"|decreased|corrected|updated)\b",
    _I,
)
# A toll that went past its figure: "topped 1,000", "surged past 1,000", "exceeded 5,000" (a
# lower bound, and a toll that rose). The substring test comes first: most tolls have none.
_WENT_PAST_HINT = substring_test(("top", "exceed", "pass", "past", "surpass", "cross", "above", "beyond")).search
_PAST_A_FIGURE = re.compile(r"\b(?:topped|topping|tops|exceeded|exceeding|exceeds|passed|passing|passes|surpassed"
                            r"|surpassing|surpasses|crossed|crossing|crosses|(?:\w+\s+)?past|(?:rose|climbed|risen|climbing"
                            r"|rising|gone|went|is|was|stood|stands|now)\s+(?:above|beyond))\s+(?:the\s+)?(?:mark\s+of\s+)?$")
# A toll said to be going to rise: what follows is no count of the dead ("the death toll could
# rise as rescuers search the rubble for 20 missing people", "is expected to climb to 50")
_TOLL_PROJECTED = re.compile(r"\b(?:could|may|might|(?:is|are|was|were)\s+(?:expected|likely|feared)\s+to|(?:expected"
                             r"|likely|feared)\s+to)\s+(?:\w+\s+)?(?:rise|climb|increase|grow|go\s+up|mount|reach)\b")
# A verb that revises the toll named right after it: "raising the death toll to 42",
# "Officials revised the death toll upward to 71", "lowered the death toll to 35 from 41".
# (the verbs of "bringing the toll to N", shared by the rules that read that clause)
_BRINGING_VERB = r"bringing|brings|brought|taking|takes|raising|pushing"
_REVISES_TOLL = re.compile(
    rf"\b(?:{_BRINGING_VERB}|raised|raises|revis(?:ed|ing|es)|lower(?:ed|ing|s)|updat(?:ed|ing|es)"
    r"|correct(?:ed|ing|s)|increas(?:ed|ing|es)|pushed|pushes|took)\s+"
    r"(?:the\s+|its\s+|their\s+)?(?:official\s+|overall\s+|total\s+)?$",
    _I,
)
# Earlier incidents: their figures never count.
_BACKGROUND = re.compile(
    r"\b(?:(?<!since\s)(?<!since\slate\s)(?<!since\searly\s)last\s+(?:year|month|week|summer|winter|spring|fall|autumn)|(?:years?|months?|weeks?|decades?|a\s+decade)\s+ago"
    r"|a\s+similar|similar\s+(?:\w+\s+)?(?:attacks?|floods?|flooding|incidents?|blasts?|bombings?|raids?|strikes?"
    r"|shootings?|disasters?|landslides?|earthquakes?|quakes?|storms?|explosions?|clashes|cyclones?|fires?|crashes)"
    r"|deadliest|worst|a\s+year\s+earlier|the\s+year\s+before|in\s+(?:19|20)\d\d"
    r"|the\s+previous\s+(?:week|month|year)"
    # "Earlier reports had said 5 died": a figure the article's own has replaced (not with a
    # later one in the same sentence: "initial reports said 5 died, but officials later ...")
    r"|^\W*(?:an?\s+|the\s+)?(?:earlier|initial|previous|preliminary)\s+(?:media\s+|news\s+|police\s+|official\s+)?"
    r"(?:reports?|figures?|tolls?|estimates?|counts?|accounts?)\s+(?:had\s+|have\s+)?(?:said|put|gave|given"
    r"|indicated|suggested|showed|stated|reported|placed)\b"
    r"(?![^.]*\b(?:later|but|now|however|since|revised|rose|risen|climbed|increased)\b)"
    # "The blast came days after a suicide attack in Kandahar killed 11": an earlier incident
    r"|(?:came|comes|follows|followed|occurred)\s+(?:just\s+|only\s+)?(?:\w+\s+)?(?:hours?|days?|weeks?|months?)"
    r"\s+after"
    r"|(?:years?|months?|weeks?|decades?)\s+(?:earlier|prior(?!\s+to)|before(?!\s+(?:the|a|an|his|her|their)\b))"
    r"|(?:had|have)\s+fled\s+(?:\w+\s+){0,3}?(?:earlier|previous|past)\s+(?:\w+\s+)?(?:fighting|violence|attacks"
    r"|clashes|floods|conflicts?|wars?|raids|offensives?)"
    r"|(?:from|in|by|during)\s+(?:the\s+)?(?:previous|past|prior)\s+(?:\w+\s+)?(?:floods?|attacks?|fighting|violence"
    r"|clashes|earthquakes?|quakes?|disasters?|storms?|cyclones?|wars?|conflicts?|raids?|bombings?|outbreaks?"
    r"|rounds?|droughts?|offensives?))\b",
)
# Running totals over a campaign or a season: not one event's deaths, but a displacement
# figure is a stock ("has displaced 1.2 million since 2014") and counts as such.
_CUMULATIVE = re.compile(
    r"\b(?:earlier\s+this\s+(?:year|month)|so\s+far\s+this\s+year"
    # "Heatwaves killed more than 110 people this summer": a season's running total
    r"|(?:this|so\s+far\s+this)\s+(?:summer|winter|spring|autumn|fall|(?:(?:monsoon|rainy|dry|fire|hurricane"
    r"|typhoon)\s+)?season)(?!['\u2019]s)"
    r"|since\s+(?:the\s+)?(?:start|beginning|war"
    r"|conflict|fighting|uprising|crisis|outbreak|insurgency|(?:19|20)\d\d|january|february|march|april|may|june"
    r"|july|august|september|october|november|december)|in\s+(?:recent\s+)?(?:years|months)|in\s+all\s+of"
    r"|since\s+(?:it|they)\s+began|this\s+year"
    # "have forced 18,000 people from their homes since late last month": a running total
    r"|since\s+(?:late\s+|early\s+)?last\s+(?:year|month|week)"
    # "At least 40 people have been shot in the city since Friday" (not "since Friday's attack")
    r"|since\s+(?:last\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|the\s+weekend)\b(?!['\u2019]s)"
    # "over the past three months", "in the last decade" (never hours or days: "in the past 24
    # hours" is how a lead reports one day's toll)
    r"|(?:over|in|during)\s+the\s+(?:past|last|previous)\s+(?:[\w-]+\s+){0,2}?(?:years?|months?|decades?)"
    r"|(?:past|last)\s+decade|for\s+(?:more\s+than\s+|over\s+|nearly\s+|almost\s+)?(?:\w+\s+)?(?:years|decades)"
    # a population stock, not people moved by this event
    r"|(?:are|remain|remained|were\s+still|are\s+still)\s+(?:internally\s+)?displaced|nationwide|countrywide"
    r"|across\s+the\s+(?:country|nation|region)|citywide|statewide"
    # "12 people were shot across the city over the weekend" (but "treated at hospitals
    # across the city" tells where this event's wounded went)
    r"|(?<!hospitals\s)(?<!clinics\s)(?<!shelters\s)(?<!schools\s)(?<!centres\s)(?<!centers\s)"
    r"across\s+the\s+(?:city|state|county)"
    r"|throughout\s+the\s+(?:country|war|conflict|city|state)"
    r"|during\s+the\s+(?:\w+\s+)?(?:war|conflict|insurgency)|(?:is|are|was)\s+home\s+to"
    r"|since\s+(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,3}?(?:began|begun|started|erupted|broke\s+out)"
    r"|(?:have|has)\s+been\s+killed\s+in\s+the\s+(?:\w+\s+)?(?:war|conflict|fighting)"
    r"|every\s+year|each\s+year|annually|per\s+year|a\s+year\s+on\s+average)\b",
)
# A date before the publication date ("in June 2022", "last May", "In November," in a March
# article): the sentence tells an earlier incident. Checked against the article's date.
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")
_MONTH_NUMBER = {m: i + 1 for i, m in enumerate(_MONTHS)} | {m[:3]: i + 1 for i, m in enumerate(_MONTHS)} | {"sept": 9}
_DATED = re.compile(
    r"\b(?<!as\s)(?P<prep>in|of|during|from|by|until|early|late|mid|last|the)[\s-]+(?:(?:early|late|mid)[\s-]+)?"
    r"(?:(?P<mon>" + "|".join(_MONTHS) + r"|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?"
    r"(?:\s+(?P<year1>(?:19|20)\d\d)\b|(?!\s*\d)\b)|(?P<year2>(?:19|20)\d\d)\b)"
    # "accused of killing four people in a 2023 shooting" (not "a 2010 black BMW")
    r"|\ba\s+(?P<year3>(?:19|20)\d\d)\s+(?:mass\s+)?(?:shooting|attack|bombing|massacre|earthquake|quake|floods?"
    r"|storm|cyclone|typhoon|hurricane|landslide|fire|raid|ambush|air\s*strike|blast|explosion|war|offensive)\b"
    # "killed between 1991 and 2002": a span of years
    r"|\bbetween\s+(?P<year4>(?:19|20)\d\d)\s+and\s+(?:19|20)\d\d\b"
)
# A party's own count, reported as its claim: the figure only when no one else gives one.
_CLAIM = re.compile(
    r"\ba\s+claim\s+(?:that|which)\b|\bclaim(?:ed|s|ing)?\s+(?:to\s+have|(?:that\s+)?(?:it|they)\s+(?:had|have|has))\s+"
    r"(?:\w+\s+)?(?:killed|wounded|injured)"
    # "The group said it had killed 47 soldiers, a figure that could not be independently verified"
    r"|\b(?:could|can)\s*(?:not|n't)\s+(?:be\s+)?(?:independently\s+)?(?:verif|confirm)"
    r"|\b(?:group|militants|insurgents|rebels|taliban|shabaab|jihadists|army|military)\s+(?:later\s+)?said\s+(?:that\s+)?"
    r"(?:it|they)\s+(?:had|have|has)\s+(?:\w+\s+)?(?:killed|wounded|injured)"
)
_CLAIM_HINT = substring_test(("claim", "verif", "confirm", " it ha", " they ha")).search
# A sentence that reports another incident of the same article ("In a separate attack, ...").
_SEPARATE = re.compile(
    r"\b(?:in\s+(?:a|another)\s+separate|separately(?=\s*,)|^\W*elsewhere\b|in\s+another\s+(?:incident|attack|shooting|bombing|raid"
    r"|clash|strike)|a\s+separate\s+(?:incident|attack|shooting|bombing|raid|clash|strike)"
    # "A second car bomb exploded hours later", "another bomb went off near a mosque"
    r"|(?:a|the)\s+second\s+(?:car\s+|roadside\s+|suicide\s+)?(?:bomb|blast|explosion|attack|airstrike|strike|raid"
    r"|shooting|bomber|bombing)"
    r"|another\s+(?:car\s+|roadside\s+|suicide\s+|missile\s+|drone\s+|air\s+)?(?:bomb|blast|explosion|airstrike|bombing"
    r"|strike|attack|raid)"
    # ("another strike on Odesa killed 2": a place or a target may stand before the verb)
    r"(?:\s+(?:on|in|near|at)\s+(?:the\s+)?[\w'-]+(?:\s+[\w'-]+)?)?"
    r"\s+(?:went\s+off|exploded|struck|hit|ripped|tore|targeted|killed|wounded|injured))\b"
    # a roundup's next place: "In neighbouring Sumy region, a drone attack killed two men"
    r"|^\W*in\s+(?:the\s+)?(?:neighbou?ring|nearby|adjacent)\s+[^,.]{2,40},"
    # another place's toll in a clause of its own: "..., while in Syria the death toll stood at 1,444"
    r"|(?<=while\s)in\s+(?!hospital|custody|detention|prison|jail|care)[a-z][\w'-]+(?:\s+[a-z][\w'-]+)?\s*,?\s+"
    r"(?:the\s+(?:death\s+)?toll|(?:at\s+least|more\s+than|some|another|over|nearly)?\s*\d)"
)
# Words that end a subject noun phrase: if one lies between a number and the verb, the
# number is not that verb's subject.
# (The words kept as a list: `_BREAK_WORD_HINT` is built from the same words.)
_BREAK_WORD_LIST = (
    "said", "says", "say", "told", "tells", r"reported\s+that", "when", "while", "after", "before", "because",
    "since", "but", "although", "though", "which", "that", "where", "if", "then", "attacked", "opened",
    "fired", "detonated", "stormed", "claimed", "targeted", "arrested", "raided", "carried", "launched",
    "clashed", "exploded", "struck", "hit", "attacking", "searching", "wanted", "charged", "accused", "by",
    "than", "affected", "damaged", "destroyed", "rescued", "missing", "stranded", "trapped", "arrested",
    "detained",
)
_BREAK = re.compile(r"\b(?:" + "|".join(_BREAK_WORD_LIST) + r")\b|[;:]", _I)
# Its words alone (every match at a word start), for `_has_break`.
_BREAK_WORDS = re.compile(_BREAK.pattern.removesuffix("|[;:]"), _I)


# Every break word as it is spelled (a match of `_BREAK_WORDS` holds one of them).
_BREAK_WORD_HINT = substring_test(w.split("\\")[0] for w in _BREAK_WORD_LIST).search


def _has_break(gap: str) -> bool:
    """``_BREAK.search(gap) is not None``: the signs by ``in``; the words only when one of them
    occurs in the lower-cased gap (decided so only for ASCII, where lower case is exactly
    what IGNORECASE compares), then from word starts."""
    if ";" in gap or ":" in gap:
        return True
    if gap.isascii() and _BREAK_WORD_HINT(gap.lower()) is None:
        return False
    return _BREAK_WORDS.search(gap) is not None


_SINGULAR_AUX = re.compile(
    r"\b(?:was|is|has\s+been|had\s+been|gets|got|has|had|remains|remained)\s+(?:[a-z]+ly\s+|later\s+|also\s+|then\s+|reportedly\s+"
    r"|subsequently\s+|allegedly\s+|found\s+|pronounced\s+|declared\s+|confirmed\s+|[a-z]+ed\s+and\s+|not\s+"
    r"|[a-z]+ed,\s+|critically\s+|seriously\s+|badly\s+|also\s+|in\s+"
    # "The bomber was the only one killed": the subject is the one
    r"|the\s+only\s+(?:one|person|victim|casualty|fatality)\s+|listed\s+)*$",
    _I,
)
_SINGULAR_SUBJECT = re.compile(
    r"(?:^|[\s,])(?:(?i:he|she|another)|(?:(?i:a|an|the|his|her|their|its|one|another)|[A-Z][a-z]+)\s+[\w'-]+(?:\s+[\w'-]+){0,3}"
    r"|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+(?:[a-z]+ly\s+|later\s+|also\s+|then\s+|reportedly\s+|subsequently\s+)*$"
)
# Every word `_SINGULAR_AUX` can read after its auxiliary ("was later found ..."), and more.
_AUX_TAIL_WORD = re.compile(r"[a-z]+ly|later|also|then|reportedly|subsequently|allegedly|found|pronounced|declared"
                            r"|[a-z]+ed,?|and|not|critically|seriously|badly|in|the|only|one|person|victim|casualty"
                            r"|fatality|listed", _I)


def _search_last_words(pattern: re.Pattern[str], text: str, tail_word: re.Pattern[str],
                       span: int) -> re.Match[str] | None:
    """``pattern.search(text)`` for a pattern whose matches end at the end of ``text`` and hold
    at most ``span - 1`` words before a run of trailing words ``tail_word`` matches: with ``k``
    such trailing words a match lies within the last ``k + span - 1`` words, so searching from
    before the last ``k + span`` finds the same (leftmost) match without trying every earlier
    position. Words are split on white space as ``\\s`` defines it."""
    words = text.split()
    k = 0
    while k < len(words) and tail_word.fullmatch(words[-1 - k]):
        k += 1
    n = k + span
    if len(words) <= n:
        return pattern.search(text)
    return pattern.search(text, len(text.rsplit(None, n)[0]))


def _singular_aux(head: str) -> re.Match[str] | None:
    """``_SINGULAR_AUX.search(head)``: a match is one or two auxiliary words and then words
    `_AUX_TAIL_WORD` matches, up to the end."""
    if head.isascii():
        # (only the match's start is read: the lower-cased head has the same offsets)
        return _search_last_words(_SINGULAR_AUX_LOW, head.lower(), _AUX_TAIL_WORD_LOW, 3)
    return _search_last_words(_SINGULAR_AUX, head, _AUX_TAIL_WORD, 3)


_ADVERB_WORD = re.compile(r"[a-z]+ly|later|also|then|reportedly|subsequently")


def _singular_subject(subj: str) -> re.Match[str] | None:
    """``_SINGULAR_SUBJECT.search(subj)``, searched only over the words a match can cover.
    A match ends at the end and holds one to five words (the first may follow a comma
    inside a word) and then the trailing adverbs; with ``k`` trailing adverb words it lies
    within the last ``k + 5`` words, so a search from before the last ``k + 6`` finds the
    same (leftmost) match without trying every earlier position."""
    return _search_last_words(_SINGULAR_SUBJECT, subj, _ADVERB_WORD, 6)


_STOP_AHEAD = (
    r"(?=\s+(?:in|at|on|with|near|during|after|from|and|who|whom|that|which|whose|as|while|inside|outside|by"
    r"|before|when|to|of|for|following|said|was|were|is|then|last|this|early|late|yesterday|today|earlier"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday|near|along|over|under|because|amid|over"
    # "shot the suspect several times": how often, not more of the object
    r"|(?:several|multiple|numerous|two|three|four|five|six|\d+)\s+times|once|twice|repeatedly)\b"
    r"|\s*[,.;:()\[\]\u2014-]|\s*$)"
)
_SINGULAR_OBJECT = re.compile(
    r"\s*(?:only\s+|also\s+)?(?:\d+-year-old\s+)?(?:(?P<fam>(?:a|an|the|his|her|their)\s+family\s+of\s+(?P<famq>\w+))"
    r"|(?P<self>himself|herself)|(?P<pron>him|her)(?![\w'])" + _STOP_AHEAD +
    r"|(?:a|an|one|his|her|its|their|the|another)\s+(?:[\w'-]+\s+){0,3}?(?P<head>[\w'-]+)" + _STOP_AHEAD +
    r"|(?-i:(?!(?:In|At|On|The|After|For|Of|During|From|With|By|And|Near|As|Outside|Inside|Before|Over|Police"
    r"|Officers|Saturday|Sunday|Monday|Tuesday|Wednesday|Thursday|Friday)\b)"
    r"(?P<name>[A-Z][a-z]+(?:\s+(?:al-|bin\s+|ibn\s+)?[A-Z][a-z]+){0,3}))" + _STOP_AHEAD +
    # all-capitals wire copy: a name of two to four words ("GENERAL GUSTAVO ALVAREZ MARTINEZ")
    r"|(?-i:(?!(?:IN|AT|ON|THE|AFTER|FOR|OF|DURING|FROM|WITH|BY|AND|OR|BUT|NEAR|AS|BEFORE|OVER|POLICE|SEVERAL"
    r"|MANY|SOME|ALL|TWO|THREE|FOUR|FIVE|WERE|WAS|IS|ARE|BE|BEEN|HAD|HAS|HAVE|WILL|WOULD|INCLUDE|INCLUDED"
    r"|INCLUDING|THAT|WHICH|WHO|WHEN|WHILE|LAST|THIS|YESTERDAY|TODAY|EARLIER)\b)(?P<uname>[A-Z][A-Z'-]+(?:\s+[A-Z][A-Z'-]+){1,3}))" + _STOP_AHEAD + ")",
    _I,
)
_NAME_AND = re.compile(r"(?:^|[,;:]\s*)(?-i:([A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}))\s+and\s+$")
_POSSESSIVE = re.compile(r"\s*(?:his|her|their|its|the)\s+", _I)
_AND_NEXT = re.compile(r"\s*,?\s*(?:and|as\s+well\s+as)\s+(?:then\s+)?(?:also\s+)?", _I)
_COMMA_NEXT = re.compile(r"\s*,\s*(?=(?:a|an|one|his|her|its|their|the|another)\s)", _I)
_IN_ADDITION = re.compile(
    rf"\bin\s+addition\s+to\s+(?:(?P<q>{_QP})\s+(?:suicide\s+)?\w+"
    r"|(?P<one>(?:the|an?)\s+(?:suicide\s+)?(?:assailant|attacker|bomber|gunman|perpetrator|shooter)))\b",
    _I,
)
# "18 people were killed, not counting the bomber": the count leaves the attackers out, and
# they died too (GTD counts perpetrators among the killed).
_PERP_LEFT_OUT = re.compile(
    r"\b(?:excluding|not\s+counting|not\s+including|besides|apart\s+from|except(?:\s+for)?|other\s+than)\s+"
    rf"(?:(?:the|both|all)\s+)?(?:(?P<q>{_QP})\s+)?(?:suicide\s+)?"
    r"(?P<who>assailants?|attackers?|bombers?|gunm[ae]n|perpetrators?|shooters?|militants?|hijackers?|himself|herself)\b",
    _I,
)
_EACH_SIDE = re.compile(r"(?:\s+[\w'-]+){0,3}?\s+(?:on|from)\s+(?:each|either)\s+side\b(?!\s+of\b)", _I)
_LEFT_OUT_HINTS = ("excluding", "not counting", "not including", "besides", "apart from", "except", "other than")
_CONNECTOR = re.compile(r"^(?:[\s\w',-]{0,64}?)(?:\s*,\s*|\s+)(?:and|as\s+well\s+as|plus|along\s+with|,)\s+(?:then\s+)?$|^\s*,\s*$", _I)


# Small patterns used in the hot path, compiled once.
_AT_TO_OF = re.compile(r"\bat\b|\bto\b|\bof\b")
_AND_SELF = re.compile(r"\s*,?\s+and\s+(?:then\s+)?(himself|herself)\b", _I)
_WHO_END = re.compile(r",?\s*\bwho\s*$")
_NONE_WORD = re.compile(r"\b(?:no|none|nobody|neither)\b", _I)
_PLURAL_SUBJECT = re.compile(r"(?<![s'])s$|\b(?:police|people|children|men|women|they)$", _I)
# Lower-case twins of IGNORECASE patterns whose letters are all lower case: on ASCII text,
# where lower case is exactly what IGNORECASE compares, they find the same spans in the
# lower-cased text (the engine is 2-3x faster without IGNORECASE).
_PLURAL_SUBJECT_LOW = re.compile(_PLURAL_SUBJECT.pattern)
_AUX_TAIL_WORD_LOW = re.compile(_AUX_TAIL_WORD.pattern)


def _none_word(s: str) -> bool:
    """``_NONE_WORD.search(s) is not None``; on ASCII text every match holds "no" or "neither"."""
    if s.isascii():
        low = s.lower()
        if "no" not in low and "neither" not in low:
            return False
    return _NONE_WORD.search(s) is not None


def _plural_subject(s: str) -> bool:
    """``_PLURAL_SUBJECT.search(s) is not None``."""
    if s.isascii():
        return _PLURAL_SUBJECT_LOW.search(s.lower()) is not None
    return _PLURAL_SUBJECT.search(s) is not None
_YEAR_OR_911 = re.compile(r"(?:19|20)\d\d|911")
_HOUSE_NUMBER = re.compile(r"\d{3,5}")
_TOTAL_WORD = re.compile(r"\btotal\b", _I)
_THE_GROUP = re.compile(r"\s*the\s+(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|hundreds)\b", _I)
_THE_PERP_GROUP = re.compile(
    r"\s*the\s+(?:\w+\s+)?(?:assailants?|attackers?|gunm[ae]n|bombers?|perpetrators?|hijackers?|militants?"
    r"|terrorists?|insurgents?)\b")
_NP_WORDS = re.compile(r"(?:\s+(?!and\b|or\b|were\b|was\b|in\b|on\b|at\b|as\b|who\b|by\b)[\w'-]+){0,4}", _I)
_OBJECT_GAP = re.compile(r"\s*(?:off\s+|up\s+|out\s+)?(?:(?:his|her|their|its)\s+)?|\s*,[^,;:]{0,60},\s*", _I)
_OF_WHOM = re.compile(r"\s+of\s+(?:whom|them|which|those)\b", _I)
_WORDS = re.compile(r"[\w'-]+")
_OF_THE = re.compile(r"\s+of\s+(?:the|those|these)\s+(?:\w+ly\s+)?", _I)
# "several of the wounded were in critical condition": part of a group already counted
_OF_THE_COUNTED = re.compile(r"\s+of\s+(?:the|those|these)\s+(?:\w+ly\s+)?(?:wounded|injured|dead|victims|casualties"
                             r"|killed|survivors|displaced|evacuees)\b", _I)
# "The families, about 7,000 people in all, have sought shelter": an apposition gives the figure
_APPOSITION_GAP = re.compile(r"\s*(?:(?:[\w'-]+\s+){0,3}?(?:in\s+all|in\s+total|altogether|all\s+told)"
                             # "400 families, about 2,000 persons, have been relocated"
                             r"|(?:people|persons|individuals|residents))\s*,"
                             r"\s*(?:[\w'-]+\s+){0,3}", _I)
_OF_WHICH_HEAD = re.compile(r"^\s+of\s+(?:which|whom)\b", _I)
_WERE_WAS = re.compile(r"\b(?:were|was)\b")
_COMMA_WORD = re.compile(r",\s*\S")
# "... and a civilian": one more. Not "and an unknown number of militants" (see `_AND_UNKNOWN`).
_AND_A = re.compile(r"\band\s+(?:a|an|another)\s+(?!(?:unknown|undetermined|unspecified|undisclosed|number|few"
                    r"|couple|dozen|handful)\b)", _I)
# "One officer and the assailant were killed": a singular person after the count, one more
_AND_THE_ONE = re.compile(r"\band\s+(?:the|his|her|their)\s+(?:[\w-]+\s+)?(?:assailant|attacker|gunman|bomber|driver"
                          r"|commander|pilot|guard|owner|shooter|perpetrator|suspect|militant|soldier|officer)\b", _I)
_AND_UNKNOWN = re.compile(r"\band\s+an?\s+(?:unknown|undetermined|unspecified|undisclosed)\s+number\b", _I)


@dataclass(frozen=True, slots=True)
class Figure:
    """One figure found in the text, with everything needed to combine it honestly."""

    field: str  # killed | wounded | displaced | displaced_households | shot
    value: Range
    start: int  # span of the phrase in the article text
    end: int
    sentence_index: int
    kind: FigureKind = FigureKind.FIRST_REPORT
    role: str = "victims"  # victims | perpetrators | mixed (a total that covers both)
    additive: bool = False  # "also", "another": adds to earlier figures
    background: bool = False  # an earlier incident or a campaign total: never counted
    separate: bool = False  # another incident reported in the same article: its own event
    negation: bool = False  # an explicit zero ("no casualties")
    claimed: bool = False  # a party's claim ("the insurgents claimed to have killed 32")
    incident: int = -1  # for a separate incident: the sentence that opened it
    transfer: bool = False  # "two of the wounded later died": deaths that were counted as wounded

    def evidence(self, text: str, sentences: Sequence[Sentence]) -> Evidence:
        """Where this figure came from, as offsets into the article text."""
        s = sentences[self.sentence_index]
        field = self.field if self.field != "shot" else "wounded"
        return Evidence(field=field, text=text[self.start:self.end], start=self.start, end=self.end,
                        sentence=s.text, sentence_start=s.start)


def has_trigger(sentence: str) -> bool:
    """True when ``sentence`` contains any casualty or displacement word (cheap gate)."""
    low = _lower(sentence)
    return any(stem in low for stem in _TRIGGER_STEMS)


def _mask(s: str, spans: Iterable[tuple[int, int]]) -> tuple[str, list[tuple[int, int, str]]]:
    """``s`` with ``spans`` blanked (same length), and the blanked pieces."""
    pieces: list[tuple[int, int, str]] = []
    out = s
    for a, b in spans:
        if b > a:
            pieces.append((a, b, s[a:b]))
            out = out[:a] + " " * (b - a) + out[b:]
    return out, pieces


@dataclass(slots=True)
class _Q:
    start: int
    end: int
    value: Range
    text: str


def _trie(words: Iterable[str]) -> str:
    """A regular expression matching any of ``words``, factored by common prefix so the
    engine tests one character per branch instead of one word per alternative."""
    root: dict[str, dict] = {}
    for w in words:
        node = root
        for c in w:
            node = node.setdefault(c, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        alts = [re.escape(c) + emit(sub) for c, sub in sorted(node.items()) if c]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 and "" not in node else "(?:" + "|".join(alts) + ")"
        return body + ("?" if "" in node else "")

    return emit(root)


# Word beginnings where a casualty expression (_VERB_SPECS) may start. A word that starts
# otherwise is never tried, so this list must cover every expression's first word; the
# unit tests and the evaluation guard it.
_VERB_STARTS = (
    "death", "casualt", "fatal", "toll", "beat", "stab", "burn", "hack", "bludgeon", "shot",
    "shoot", "ston", "strangl", "hanged", "club", "kill", "murder", "slay", "slain", "homicide", "gunned",
    "behead", "massacr", "slaughter", "assassin", "lynch", "died", "dies", "dead", "perish",
    "lives", "succumb", "executed", "bodies", "body", "drowned", "injur", "wound", "hurt", "hospitali", "sustain", "suffer",
    "receiv", "treated", "accidentally", "number", "evacu", "graze", "turn",
    "relocat", "displac", "uproot", "forced", "forcing", "shelter", "desplaz", "alberg", "deplac", "d\u00e9plac", "sans", "pdi",
    "sent", "fled", "flee", "homeless", "idp",
    "internally", "accommodated", "relief", "temporary", "camps", "centres", "centers", "martyred", "embraced",
    "muert", "morts", "mortos", "mortes", "tu\u00e9", "fallec", "herid", "bless\u00e9", "ferid", "lesionad",
    "huyeron", "desaloj", "desabrig", "contraint", "forc\u00e9", "oblig", "forz", "obrig", "for\u00e7",
    "murieron", "muri\u00f3", "morre", "falec", "perdieron", "perderam", "p\u00e9ri", "d\u00e9c\u00e9d", "trouv\u00e9",
)
# Common words that begin an expression only with a given next word: tried only then, so
# "have", "had", "left" or "good" elsewhere cost no match attempt. (words, what must follow)
_VERB_START_EXTRA: tuple[tuple[tuple[str, ...], str], ...] = (
    (("with",), r"\s+(?:a|one)\s"), (("from",), r"\s+(?:a|one|their)\s"), (("out",), r"\s+of\s"),
    (("final",), r"\s+(?:toll|count)"), (("total",), r"\s+(?:fatalities|displaced|evacuated|evacuees)"),
    (("claimed",), r"\s+the\s+li(?:ves|fe)\s"), (("lost",), r"\s+(?:(?:their|his|her)\s|" + _LOST_COUNT + ")"),
    (("left", "leave", "abandoned"), r"\s+their\s+homes"), (("have",), r"\s+fled"), (("had",), r"\s+to\s+evacuate"),
    (("took", "taking", "sought", "seeking"), r"\s+(?:refuge|shelter|(?:his|her)\s+own\s+life)"),
    (("taken", "rushed", "transported", "airlifted"), r"\s+(?:refuge|shelter|to\s)"), (("takes",), r"\s+(?:his|her)\s+own"),
    (("staying", "housed"), r"\s+in\s"), (("revised", "lowered", "corrected"), r"\s+(?:the\s+)?(?:number|figure|toll|count)\s"), (("survived",), r"\s+(?:the\s+attack\s+)?with\s"),
    (("people", "persons", "individuals"), r"\s+(?:displaced|evacuated|relocated|in\s+(?:evacuation|relief|camps|shelters"
                                           r"|temporary))"), (("camping",), r"\s"), (("moved",), r"\s+to\s"),
    (("without",), r"\s+(?:shelter|homes|a\s+home|a\s+roof)"), (("struck", "hit"), r"\s+(?:by\s+(?:gunfire|bullets|a\s+bullet|stray|a\s+stray)|in\s|once|twice|several|multiple)"),
    (("hitting", "striking"), r"\s+(?:him|her|the|a|an|his)\s"), (("living", "sleeping"), r"\s+(?:in\s+(?:tents|makeshift|the\s+open|the\s+streets|\d)|outdoors)"), (("critical", "serious", "stable", "fair", "good"), r"\s+condition"),
    (("in",), r"\s+(?:the\s+)?hospital\b"),
    (("remain", "remains", "remained"), r"\s+in\s"), (("being",), r"\s+hosted\s"), (("hosted",), r"\s+(?:in|by|at)\s"),
    (("after",), r"\s+being\s+shot"), (("ont",), r"\s+(?:fui\b|\u00e9t\u00e9\s+\u00e9vacu)"),
    (("put", "puts", "putting", "sends", "sending"), r"\s+(?:[\w'-]+\s+){1,4}?(?:in|to)\s"),
)
# Words that carry a number (a quantity is tried from its earliest qualifier backwards).
_NUMBER_STARTS = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty",
    "fourty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "thousand", "million", "billion",
    "dozen", "tens", "scores", "several", "few", "handful", "couple", "number", "numerous", "many",
    *ROMANCE_UNITS,
)


def _candidate_word() -> str:
    """The words where ``_scan`` tries a quantity or a casualty expression, as one pattern
    that branches on the first character: the engine compares one character per branch
    instead of trying the number words, the expression words and the guarded words in
    turn (most words are none). An empty group marks a number word or a digit, so
    ``m.lastindex`` tells a count from an expression; for a word that is both ("number")
    the count wins, as the number branch comes first."""
    by_char: dict[str, tuple[list[str], list[str], list[str]]] = {}
    for w in _NUMBER_STARTS:
        by_char.setdefault(w[0], ([], [], []))[0].append(w[1:])
    for w in _VERB_STARTS:
        by_char.setdefault(w[0], ([], [], []))[1].append(w[1:])
    for words, follow in _VERB_START_EXTRA:
        for w in words:
            by_char.setdefault(w[0], ([], [], []))[2].append(f"{re.escape(w[1:])}(?={follow})")
    branches = [r"\d()"]
    for c, (nums, verbs, extra) in sorted(by_char.items()):
        alts = ([f"{_trie(nums)}()"] if nums else []) + ([_trie(verbs)] if verbs else []) + extra
        branches.append(f"{c}(?:{'|'.join(alts)})")
    return "(?:" + "|".join(branches) + ")"


_CANDIDATE_WORD = _candidate_word()
# A candidate word at the start of the sentence ...
_CANDIDATE = re.compile(rf"(?<!\w){_CANDIDATE_WORD}")
# ... and every later one, found from the character before it: a pattern that opens with a
# character class lets the engine skip in C to the next character outside [a-z0-9_] (a space
# or a sign, one in five), where a look-behind at the start costs a match attempt at every
# position. The class holds every non-word character; the look-behind drops the few word
# characters it lets through (capitals, accented letters).
_CANDIDATE_AFTER = re.compile(rf"[^a-z0-9_](?<!\w){_CANDIDATE_WORD}")
# Last words of the qualifiers that may stand before a number ("at least", "an estimated").
_QUAL_WORDS = frozenset(
    "at least most more than less fewer no not over under up to nearly almost about approximately approx. around "
    "roughly some an estimated as many close upwards of well a total further additional another only just the "
    "all maximum minimum between from half "
    # Spanish, French, Portuguese ("al menos", "au moins", "más de", "cerca de", "environ")
    "al au por lo pelo menos moins de plus m\u00e1s mas mais cerca unos unas environ pr\u00e8s pres quelque".split()
)


def _scan(low: str) -> tuple[list[re.Match[str]], list[re.Match[str]]]:
    """Casualty expressions and quantities in a lower-cased sentence, each left to right and
    non-overlapping (what ``finditer`` would give), tried only at candidate words."""
    verbs: list[re.Match[str]] = []
    quants: list[re.Match[str]] = []
    verb_end = quant_end = 0
    verb_at = _VERBS_AT
    quant_match = _QUANT.match
    # A candidate at 0, then every later one (a match of _CANDIDATE_AFTER starts one before its
    # word). Same positions as ``_CANDIDATE.finditer``: a candidate's word is letters or a
    # digit, so no other candidate starts inside it or right at its end.
    first = _CANDIDATE.match(low)
    for c in _CANDIDATE_AFTER.finditer(low) if first is None else (first, *_CANDIDATE_AFTER.finditer(low)):
        st = c.start() if c is first else c.start() + 1
        if c.lastindex is not None:  # a number word or a digit
            if st >= quant_end:
                m = None
                for start in _qualifier_starts(low, st, quant_end):
                    m = quant_match(low, start)
                    if m is not None and m.end() > st:
                        break
                    m = None
                if m is None:
                    m = quant_match(low, st)
                if m is not None:
                    quants.append(m)
                    quant_end = m.end()
            if not low.startswith("number", st):
                continue  # only "number" ("number of displaced") is both a count and an expression
        if st >= verb_end:
            m = verb_at[low[st]].match(low, st)
            if m is not None:
                verbs.append(m)
                verb_end = m.end()
    return verbs, quants


def _has_verb(low: str) -> bool:
    """Whether ``_scan(low)`` finds a casualty expression: the first candidate word where one
    matches (quantities, which `_scan` also reads, never stop an expression from matching)."""
    first = _CANDIDATE.match(low)
    for c in _CANDIDATE_AFTER.finditer(low) if first is None else (first, *_CANDIDATE_AFTER.finditer(low)):
        st = c.start() if c is first else c.start() + 1
        if c.lastindex is not None and not low.startswith("number", st):
            continue  # a count only
        if _VERBS_AT[low[st]].match(low, st) is not None:
            return True
    return False


def _qualifier_starts(low: str, st: int, floor: int) -> list[int]:
    """Starts of the qualifier words just before ``st`` ("at least" in "at least 30"),
    earliest first: a quantity is matched from the earliest start that covers ``st``."""
    starts: list[int] = []
    pos = st
    for _ in range(6):
        end = pos
        while end > floor and low[end - 1] in " \n\t\r":
            end -= 1
        if end == pos or end <= floor:
            break
        begin = max(low.rfind(" ", 0, end), low.rfind("\n", 0, end), low.rfind("\t", 0, end)) + 1
        lead = begin
        while lead < end and not low[lead].isalnum():
            lead += 1  # "(total of 12": the bracket is not part of the word
        if lead < floor or low[lead:end] not in _QUAL_WORDS:
            break
        starts.append(lead)
        if lead != begin:
            break
        pos = begin
    starts.reverse()
    return starts


_SPACED_DASH_CAPITAL = re.compile(r"\s[-\u2013\u2014]\s+[A-Z]")


def _quantities(matches: Iterable[re.Match[str]], masked: str) -> list[_Q]:
    out: list[_Q] = []
    for m in matches:
        ms, me = m.span()
        txt = masked[ms:me]
        if " " in txt:
            dash = _SPACED_DASH_CAPITAL.search(txt)
            if dash is not None:
                # "SRINAGAR, India, May 3 - Two militants ...": a dateline's dash, not a range
                ms += dash.end() - 1
                txt = masked[ms:me]
        after = masked[me:me + 16]
        before = masked[max(0, ms - 24):ms]
        if _NON_PERSON_LOW.match(after.lower()) or (_may_not_count(before) and _not_a_count(before)):
            continue  # "5 km", "May 5", "a father of three", "image 2 of 9", "one of several"
        core = txt.strip()
        if core[:1].isalpha():  # (a qualifier to drop opens with a letter; most counts with a digit)
            core = _QUAL_HEAD.sub("", core)
        n_core = len(core)  # (the exact-length tests below first check the length)
        if 3 <= n_core <= 4 and _YEAR_OR_911.fullmatch(core):
            continue  # a year
        if core.isdigit() and _age_before(before) and _AGE_AFTER.match(after):
            continue  # "McCloud, 34, was found dead": an age
        if n_core <= 2 and core.isdigit() and "," in before and _AGE_LIST_BEFORE.search(before) \
                and _AGE_AFTER.match(after):
            continue  # "the men, 19 and 23, were found dead": every age of a list is an age
        if (3 <= n_core <= 5 and _HOUSE_NUMBER.fullmatch(core)
                and _ADDRESS_AFTER.match(after + masked[me + 16:me + 40])):
            continue  # a street address
        if txt.lower().strip() in ("one", "the one") and re.search(r"\b(?:no|any|every|each|the\s+only)\s*$",
                                                                   before, _I):
            continue  # "no one", "any one": not a count
        r = parse_quantity(txt)
        if r is None:
            continue
        out.append(_Q(ms, me, r, txt))
    return out


def _role(np_text: str) -> str:
    """Who a count is about, from the words around it: "mixed" for a total or a group
    already named ("a total of 12", "the three"), "perpetrators" for attackers, else victims."""
    low = np_text.lower()
    if "total" in low and _TOTAL_WORD.search(np_text):
        return "mixed"
    if "the" in low and _THE_GROUP.match(np_text):
        # "Three officers were killed. The two attackers were also killed": a group named by
        # an attacker noun is the attackers (kept apart from victims, never summed twice),
        # not a restated total of everyone
        return "perpetrators" if _THE_PERP_GROUP.match(low) else "mixed"
    if _PERP_LOW.search(low):
        return "perpetrators"
    return "victims"


def _coordinated_roles(items: list[tuple[_Q | None, int, int, str, str, bool]]
                       ) -> list[tuple[_Q | None, int, int, str, str, bool]]:
    """ "Four employees and the five attackers were killed": beside another count of its clause,
    "the five attackers" are the attackers (a group of its own), not a total of everyone."""
    if len(items) < 2:
        return items
    return [(q, a, b, np, "perpetrators" if role == "mixed" and _PERP_LOW.search((q.text if q else "").lower()
                                                                                 + " " + np.lower()) else role, add)
            for q, a, b, np, role, add in items]


def _upper_case(s: str) -> bool:
    """All-capitals wire copy (most letters upper case)."""
    letters = [c for c in s if c.isalpha()]
    return len(letters) >= 20 and sum(1 for c in letters if c.isupper()) >= 0.8 * len(letters)


def _title_case(s: str) -> bool:
    """A headline or caption in Title Case, where capitals say nothing about names."""
    words = re.findall(r"[A-Za-z][\w'-]*", s)
    if len(words) < 4:
        return False
    caps = sum(1 for w in words if w[0].isupper())
    return caps >= 0.6 * len(words)


_NEGATED_HINTS = ("not", "never", "n't", "without", "no one")
_NEGATED_VERB = re.compile(r"\b(?:not|never|n't|without|no\s+one)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
# Lower case or all capitals (wire copy), never "IS" (the Islamic State) in mixed case.
_PASSIVE_AUX = re.compile(
    r"\b(?:was|were|been|being|be|is|are|got|get|WAS|WERE|BEEN|BEING|BE|ARE|GOT|GET)\s+"
    r"(?:\w+ly\s+|also\s+|later\s+|reportedly\s+|then\s+|all\s+|both\s+|shot\s+and\s+|found\s+)*$"
)
_PERP_SUBSET = re.compile(
    r"\b(?:assailants?|attackers?|gunm[ae]n|shooters?|bombers?|suspects?|perpetrators?|killers?|own\s+life"
    r"|himself|herself|suicide)\b",
    re.IGNORECASE,
)


def _covers_perpetrator(subsets: list[tuple[int, int, str]], q_end: int, verb_end: int) -> bool:
    """A subset phrase right after the count or its verb names a perpetrator ("including the
    gunman", "including Syed, who took his own life"): the count already covers them."""
    for a, _b, piece in subsets:
        if q_end <= a <= max(verb_end + 6, q_end + 30) and _PERP_SUBSET.search(piece):
            return True
    return False


def _pronoun_role(np_text: str) -> str:
    """ "he died": a pronoun restates someone already counted, so it never adds."""
    return "mixed" if np_text.strip().lower() in ("he", "she") else _role(np_text)


def _field_for(field: str, np_text: str) -> str | None:
    """People vs households vs dwellings: a displacement count of families stays households."""
    if field == "displaced":
        head = " ".join(np_text.split()[:3])  # "189,800 residents living in houses" counts residents
        cut = _WHERE_TO.search(head)
        if cut is not None:  # "forcing 300,000 people into shelters": where they went is no dwelling count
            head = head[:cut.start()]
        if _HOUSEHOLD.search(head):
            return "displaced_households"
        if _DWELLING.search(head):
            return None
    elif field == "shot" and _HIT_THING.search(np_text):
        return None  # "her vehicle was also hit by bullets": no one was shot
    return field


# A player hurt in a game or in training is a sports report, not a casualty of an event: the
# people are named by their sport ("Two players were injured in the second half", "The
# quarterback was hurt in the first quarter"), and the sentence tells no violence or disaster
# (not "Two players were injured when fans threw flares onto the pitch").
_SPORTS_ROLE_HINTS = ("player", "striker", "keeper", "quarterback", "winger", "midfielder", "defender", "batsm",
                      "bowler", "pitcher", "jockey", "gymnast", "athlete", "skier", "squad")
_SPORTS_ROLE_HINT = substring_test(_SPORTS_ROLE_HINTS)
_SPORTS_ROLE = re.compile(r"\b(?:players?|strikers?|goalkeepers?|keepers?|quarterbacks?|wingers?|midfielders?"
                          r"|defenders?|batsm[ae]n|bowlers?|pitchers?|jockeys?|gymnasts?|athletes?|skiers?)\b", _I)
_SPORTS_VIOLENCE_HINT = substring_test((
    "attack", "bomb", "blast", "explo", "shoot", "shot", "gun", "stamped", "collaps", "crash", "fire", "riot",
    "clash", "violen", "stab", "assault", "flare", "missile", "thrown", "threw", "storm", "flood", "quake", "earthquake",
    "accident", "collision", "struck by", "hit by", "mob", "fight", "brawl", "beaten", "beat ", "police", "troops"))


# a result ("beat Kano Pillars 2-1", "were beaten 3-0"): that "beat" is no beating
_RESULT = re.compile(r"\b(?:beats?\s+(?:[\w.'-]+\s+){1,4}?|beaten\s+)\d{1,3}\s*[-\u2013]\s*\d{1,3}\b")


# "Four of the squad were hurt": a squad is a team only in a sentence that tells sport (a
# squad of soldiers or police is not)
_SPORTS_CONTEXT = re.compile(r"\b(?:coach|manager|match|cup|league|final|season|tournament|fixture|game|club"
                             r"|championship)\b")
# a knock in play ("a collision in training", "a collision during the match"), not a crash
_SPORTS_COLLISION = re.compile(r"\bcollision\s+(?:in|during|at)\s+(?:a\s+|the\s+|their\s+)?(?:training|practice"
                               r"|match|game|warm-up|tackle)\b")


def _sports_injury(low: str, np_text: str) -> bool:
    """A wounded count about players in a sentence that tells no violence (`_SPORTS_ROLE`)."""
    if _SPORTS_ROLE_HINT.search(low) is None:
        return False
    if _SPORTS_ROLE.search(np_text) is None and ("squad" not in low or _SPORTS_CONTEXT.search(low) is None):
        return False
    if "beat" in low:
        low = _RESULT.sub(" ", low)
    if "collision" in low:
        low = _SPORTS_COLLISION.sub(" ", low)
    return _SPORTS_VIOLENCE_HINT.search(low) is None


# A natural death told in an obituary or a tribute: an age, an illness, "peacefully", in a
# sentence that tells no violence, accident or disaster ("died on Sunday at the age of 87",
# "died of cancer", "died peacefully at home, aged 92"; not "a woman aged 80 died in the
# floods", "died of complications from his wounds").
_NATURAL_DEATH_HINTS = ("aged ", "age of", "died at ", "peaceful", "natural causes", "illness", "cancer", "heart",
                                      "stroke", "old age", "complications", "pneumonia", "dementia", "passed away",
                                      "survived by", "sleep", "tribute", "obituar", "leukemia", "leukaemia")
_NATURAL_DEATH_HINT = substring_test(_NATURAL_DEATH_HINTS)
_NATURAL_DEATH = re.compile(
    r"\b(?:at\s+the\s+age\s+of\s+\d|aged\s+\d|died\s+at\s+\d{2,3}\b(?![:.]\d|\s*(?:a\.?m|p\.?m|percent|%))|peacefully|(?:of|from)\s+natural\s+causes|(?:long|short|brief)\s+illness"
    r"|after\s+an?\s+illness|(?:of|from)\s+(?:\w+\s+)?(?:cancer|leuka?emia|a\s+heart\s+attack|heart\s+failure|a\s+stroke"
    r"|old\s+age|complications|pneumonia|dementia)|passed\s+away|is\s+survived\s+by|in\s+(?:his|her)\s+sleep"
    r"|tributes?\s+(?:poured|were\s+paid|flowed)|obituary)")
_VIOLENT_DEATH_HINT = substring_test((
    "kill", "shot", "shoot", "gun", "attack", "bomb", "blast", "explo", "crash", "accident", "collision", "fire",
    "flood", "storm", "quake", "cyclone", "hurricane", "landslide", "collaps", "drown", "stab", "murder", "wound",
    "injur", "struck", "hit by", "clash", "fight", "custody", "strike", "the war", "a war", "in war", "violen", "riot", " heat", " cold",
    "famine", "starv", "hunger", "outbreak", "epidemic", "cholera", "ebola", "covid", "virus", "poison", "overdose"))


def _natural_death(low: str) -> bool:
    """A death in this sentence is a natural one told in an obituary (`_NATURAL_DEATH`)."""
    return (_NATURAL_DEATH_HINT.search(low) is not None and _NATURAL_DEATH.search(low) is not None
            # ("died of a heart attack" is no attack)
            and _VIOLENT_DEATH_HINT.search(low.replace("heart attack", "")) is None)


# a life's history in an obituary: "who survived the genocide in which 800,000 were killed"
_SURVIVED_EARLIER = re.compile(r"\b(?:survived|survivors?\s+of|lived\s+through|escaped|witnessed)\s+(?:the\s+|a\s+)?"
                               r"(?:[\w-]+\s+){0,4}?(?:in\s+which|that|which|when|where)\b")

_SURVIVED_HINT = substring_test(("surviv", "lived through", "escaped", "witnessed")).search


def _obituary_history(low: str, at: int) -> bool:
    """A death count at ``at`` told as what the subject of an obituary once survived ("Marie,
    who survived the genocide in which 800,000 were killed, died on Sunday aged 80"): the
    sentence tells a natural death (an age, "passed away") and the count sits in a clause
    about an incident the person survived."""
    return (_SURVIVED_HINT(low, 0, at) is not None and _NATURAL_DEATH_HINT.search(low) is not None
            and _NATURAL_DEATH.search(low) is not None and _SURVIVED_EARLIER.search(low, 0, at) is not None)


# Casualties that were staged or told, not suffered: an exercise ("a mock evacuation of 500
# pupils", "The exercise simulated a chemical attack in which 200 people were injured",
# "actors played 40 dead"), or the plot of a work opened by its name ("The thriller opens with
# a bomb that kills 40 passengers", "The play is about the 20 miners who died", "In the series,
# a virus kills ..."; not "a film screening where a gunman killed 12": the frame verb must
# follow the work's name). A drill alone marks only displacement ("an evacuation drill"; a
# soldier killed during a drill is a death).
_WORKS = (r"film|movie|novel|thriller|series|miniseries|documentary|play|drama|book|sequel|episode|musical|opera"
          r"|epic|biopic|memoir|podcast|video\s+game|game|comic|graphic\s+novel|story|show|exhibition")
# (staging words anywhere; a work's name only at the sentence's start, where its frame is read)
_STAGED_HINTS = ("mock", "simulat", "drill", "role", "dumm", "mannequin", "play", "acting as", "posing as")
_STAGED_HINT = substring_test(_STAGED_HINTS)
_WORK_HINTS = ("film", "movie", "novel", "thriller", "series", "documentary", "play", "drama", "book", "sequel",
               "episode", "musical", "opera", "epic", "biopic", "memoir", "podcast", "game", "comic", "story", "show",
               "exhibition")
_WORK_HINT = substring_test(_WORK_HINTS).search
_STAGED = re.compile(
    r"\b(?:mock\s+(?:[\w-]+\s+)?(?:evacuations?|drills?|attacks?|crash(?:es)?|exercises?|disasters?|emergenc(?:y|ies)"
    r"|bomb(?:ings?|s)?|explosions?|fires?|scenarios?|casualties|victims|accidents?|raids?|hijack(?:ings?|s)?|hostage)"
    r"|simulat(?:ed|es|ing|ion)|role-?play(?:ed|ing)?|dummies|mannequins"
    # (not "survived by playing dead", "students playing football when a shell hit")
    r"|(?:actors|volunteers|extras)\s+(?:who\s+)?play(?:ed|ing)?|(?:acting|posing)\s+as\s+(?:the\s+)?(?:\w+\s+)?(?:dead"
    r"|wounded|injured|victims|casualties|evacuees)"
    r"|play(?:ed|ing)\s+(?:the\s+)?(?:roles?\s+of\s+)?(?:wounded|injured|victims|casualties|evacuees))\b")
_WORK_FRAME = re.compile(
    rf"\W*(?:(?:the|a|an|this|his|her|their|its)\s+)?(?:[\w'-]+\s+){{0,3}}?(?:{_WORKS})\s*,?\s+"
    r"(?:follows|tells|told|opens\s+(?:with|on)|(?:is|was)\s+about|depicts|recounts|centres\s+on|centers\s+on"
    r"|chronicles|portrays|imagines|dramati[sz]es|revisits|recreates|in\s+which)\b"
    rf"|\W*in\s+(?:the|this|his|her|their)\s+(?:new\s+|latest\s+|final\s+)?(?:{_WORKS})\b")
_DRILL = re.compile(r"\bdrills?\b")


def _staged(low: str) -> str | None:
    """"all" when the sentence's casualties were staged or told (`_STAGED`, `_WORK_FRAME`),
    "displaced" when it tells a drill (no one was displaced), else None. Called only for a
    sentence with one of the hint words."""
    if _WORK_HINT(low, 0, 80) is not None and _WORK_FRAME.match(low) is not None:
        return "all"
    if _STAGED_HINT.search(low) is None:
        return None
    if _STAGED.search(low) is not None:
        return "all"
    return "displaced" if "drill" in low and _DRILL.search(low) is not None else None


# Deaths feared or presumed, not confirmed ("are feared dead", "are missing and presumed dead",
# "are believed to have died", "feared drowned"): the words between the subject and the verb.
_FEARED_BEFORE = re.compile(
    r"(?:(?:are|were|is|was|remain|remained|have\s+been|had\s+been)\s+(?:still\s+)?)?"
    r"(?P<rest>(?:(?:missing|unaccounted\s+for)\s*,?\s+(?:and\s+)?(?:(?:are|were|is|was)\s+)?)?"
    r"(?:feared|presumed|believed|thought)\s+(?:to\s+(?:be|have\s+(?:been\s+)?)\s*)?)$", _I)
_QUANT_AFTER = re.compile(r"\s+(?:at\s+least\s+|some\s+|about\s+)?(?:\d|one|two|three|four|five|six|seven|eight|nine|ten"
                          r"|several|dozens|scores|hundreds)\b")
_WHERE_TO = re.compile(r"\b(?:into|to|in|at|from|out)\b", _I)
# Things and animals that casualty words take figuratively or literally, but that are no
# people: "The regulator killed the merger", "the rally was dead", "the party was wounded by
# the scandal", "The rugby side was dead and buried", "a dog was shot dead by police".
_THING_WORDS = (
    "agreement agreements airline album albums amendment amendments app apps avatar avatars batteries battery"
    " bid bids bill bills dividend dividends bond bonds brand brands buzz campaign career careers carmaker chain chance chances character"
    " characters companies company competition conversation currency deal deals debate defence"
    " defense demand dream dreams economies economy engine engines expansion exports feature features film films firm"
    " firms game games giant goal growth hope hopes idea ideas industries industry inflation initiative initiatives"
    " jobs joke law laws legislation lender lights line-up lineup market markets match matches measure measures merger"
    " mergers momentum mood motion motions movie movies output pact phone phones plan plans price prices product"
    " production products profit profits program programme programmes programs project projects proposal proposals"
    " rallies rally rating ratings rebound recovery reform reforms reputation retailer revenue revenues rule rules"
    " rumor rumors rumour rumours sales scheme schemes sector sectors shares show shows signal signals song songs "
    " start-up startup stock stocks stories story talks tax taxes tourism trade traffic treaty trend trends"
    " valuation venture vote yields"
 # animals and characters of games and films
    " animal animals bear bears bird birds bull bulls camel camels cat cats cattle chicken chickens cow cows crocodile"
    " crocodiles deer dog dogs dolphin dolphins donkey donkeys dragon dragons elephant elephants fish goat goats horse"
    " horses leopard leopards livestock monster monsters pet pets pig pigs poultry puppies puppy shark sharks sheep"
    " snake snakes tiger tigers whale whales wolf wolves zombie zombies seal seals sea-lion sea-lions penguin penguins"
    " turtle turtles lion lions hippo hippos rhino rhinos monkey monkeys gorilla gorillas buffalo buffaloes calf"
    " calves lamb lambs rabbit rabbits"
).split()
_THINGS = _trie(_THING_WORDS)
# a line, a side or a group is a thing only as a subject ("The rugby side was dead and buried",
# "the crowd was dead", "the party was wounded by the scandal"), not after a verb ("killed in
# line of duty", "killed a team of aid workers")
_SUBJECT_THINGS = _trie([*_THING_WORDS, "side", "line", "club", "coalition", "crowd", "party", "squad", "team",
                         "audience"])
# (the whole phrase, or its last words after a determiner: "Analysts said the rally"; not
# "fighters from each side")
def _head_pattern(nouns: str) -> re.Pattern[str]:
    """A noun phrase that ends in one of ``nouns``."""
    return re.compile(rf"(?:^\s*|\b(?:a|an|the|his|her|its|their|this|that|one)\s+)(?:[\w'-]+['\u2019]s\s+)?"
                      rf"(?:[\w'-]+\s+)?(?:{nouns})(?:\s+(?:in|at|on|from)\s+(?:the\s+)?[\w'-]+)?\s*$", _I)


_THING_HEAD = _head_pattern(_SUBJECT_THINGS)
_OBJECT_THING_HEAD = _head_pattern(_THINGS)
# ... and as the object of an active verb: "killing hopes of a quick recovery", "to kill the
# tax on fuel", "The heat is killing me" (no one dies; not "killed the bus driver": the thing
# must end the phrase)
_THING_OBJECT = re.compile(
    r"\s+(?:off\s+)?(?:(?:me|us|you|it)\b(?!\s+(?:all|both)\b)"
    r"|(?:(?:the|a|an|any|all|its|his|her|their|our|my|your|this|that|those|these)\s+)?(?:[\w'-]+['\u2019]s\s+)?"
    r"(?:(?:about|some|more\s+than|over|nearly|around|at\s+least|up\s+to)\s+)?(?:\d[\d,.]*\s+(?:million\s+|billion\s+"
    r"|thousand\s+)?|(?:dozens|hundreds|thousands|millions)\s+of\s+)?"
    # (one more word before the thing, but no preposition: "3 killed in attack on village")
    r"(?:(?!(?:in|on|at|by|during|near|from|with|after|before|inside|outside|as|while|when|and|or|into|to|of)\b)"
    rf"[\w'-]+\s+)?(?:{_THINGS})(?=\s+(?:with|in|on|of|and|at|for|off|by|before|after|that|which|as|to|from"
    r"|over|outright|altogether|dead|stone)\b|\s*[,.;:]|\s*$))",
    _I,
)
_THING_OBJECT_WORDS = frozenset((*_THING_WORDS, "me", "us", "you", "it"))
_WORD_EDGES = " ,.;:'\"()"


def _thing_object(masked: str, low_masked: str, ve: int) -> bool:
    """`_THING_OBJECT` matches after the verb ending at ``ve``; tried only when one of the
    next six words is a thing (a set lookup costs less than the pattern's attempts)."""
    if not any(w.strip(_WORD_EDGES) in _THING_OBJECT_WORDS for w in low_masked[ve:ve + 60].split()[:6]):
        return False
    return _THING_OBJECT.match(masked, ve) is not None


_HIT_THING = re.compile(r"\b(?:vehicles?|cars?|trucks?|vans?|suvs?|buses|bus|houses?|homes?|windows?|walls?|doors?"
                        r"|windshields?|buildings?|apartments?|businesses|stores?|shops?|roofs?)\s*$", _I)


def find_figures(text: str, sentences: Sequence[Sentence], published: dt.date | None = None) -> list[Figure]:
    """Every casualty and displacement figure in ``text``, in reading order. ``published``
    (the article's date) tells which dates in the text are earlier incidents."""
    figures: list[Figure] = []
    low_text = _lower(text)
    hits = _trigger_sentences(low_text, sentences)
    for idx in hits:
        sent = sentences[idx]
        figures.extend(_sentence_figures(sent.text, sent.start, idx, low_text[sent.start:sent.end], published))
    if " after " in low_text:
        _opening_after_an_earlier_incident(low_text, sentences, figures)
        if any(f.background for f in figures):
            _figure_before_an_after_clause(low_text, sentences, figures, published)
    figures.extend(_anaphoric_kills(text, low_text, sentences, figures, hits, published))
    bomber = _suicide_bombers(text, sentences, figures, published, low_text)
    if bomber is not None:
        figures.append(bomber)
    if any(f.background for f in figures) and "including" in low_text:
        _todays_part_of_a_running_total(text, low_text, sentences, figures)
    _other_day_is_separate(low_text, sentences, figures)
    _roundup_place_is_separate(text, sentences, figures)
    if " (" in text:
        _note_place_is_separate(text, sentences, figures)
    _continue_separate(text, sentences, figures)
    _last_week_lead_is_the_event(low_text, sentences, figures)
    _survivors_are_wounded(low_text, sentences, figures)
    _running_total_after_bringing(low_text, figures)
    _dated_clause_after_background(low_text, sentences, figures, published)
    _sheltered_part_of_displaced(low_text, figures)
    if any(f.field == "displaced_households" for f in figures):
        _people_beside_households(text, low_text, figures)
    _shooter_killed_after_his_victims(low_text, figures)
    if " of " in low_text and ("died" in low_text or "succumb" in low_text):
        _wounded_who_died(text, low_text, sentences, figures, published)
    # (the rules below read the figures first: a list of a few items costs less than a scan
    # of the whole text)
    killed = [f for f in figures if f.field == "killed"]
    if killed:
        if any(f.field == "wounded" for f in figures):
            _died_of_injuries_moves(text, low_text, sentences, figures)
            _the_wounded_one_died(text, figures)
        if any(f.role == "victims" and f.value.best == 1 for f in killed):
            _killed_by_police_is_the_suspect(text, low_text, sentences, figures)
    if "self" in low_text:
        _suicide_restated(text, low_text, sentences, figures)
    _next_ordinal_adds(low_text, sentences, figures)
    if "since " in low_text and _SINCE_DAY_HINT(low_text) is not None and any(
            f.background or f.kind == _CUMULATIVE_KIND for f in figures):
        _ongoing_incident_since_a_day(low_text, sentences, figures, published)
    if any(f.additive for f in figures):
        _addition_alone_is_a_floor(low_text, figures)
    # A stock ("4.8 million are internally displaced") is the article's figure only when the
    # article leads with it; further down it is context for the incident the lead reports.
    for i, f in enumerate(figures):
        if f.kind == _CUMULATIVE_KIND and f.sentence_index > 0 and not f.background:
            figures[i] = replace(f, background=True)
    return figures




# "since Monday", "since Friday evening": the running total of a few days
_SINCE_DAY = re.compile(r"\bsince\s+(?:early\s+|late\s+|last\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday"
                        r"|sunday)\b")
_SINCE_DAY_HINT = substring_test(("since mon", "since tue", "since wed", "since thu", "since fri", "since sat",
                                   "since sun", "since early", "since late", "since last")).search
# One ongoing incident in one place: a battle, an offensive, a siege, a flood, a storm, a fire.
_ONGOING = re.compile(r"\b(?:fighting|battle[sd]?|battling|clashes|offensive|siege|assault|bombardment|shelling"
                      r"|floods?|flooding|storm|cyclone|hurricane|typhoon|wildfires?|blaze|eruption|heatwave"
                      r"|heat\s+wave|downpours|torrential\s+rains?)\b")
# Many separate incidents told together: "40 people have been shot in the city since Friday".
_MANY_INCIDENTS = re.compile(r"\b(?:shootings|homicides|murders|stabbings|incidents|separate|gun\s+violence"
                             r"|violence|been\s+shot|were\s+shot|across|throughout|nationwide|countrywide|citywide)\b")

_KILLED_IN_THE_FIGHTING = re.compile(r"\s(?:have|has)\s+been\s+killed\s+in\s+the\s+(?:[\w-]+\s+)?fighting")


def _ongoing_incident_since_a_day(low_text: str, sentences: Sequence[Sentence], figures: list[Figure],
                                  published: dt.date | None) -> None:
    """ "Fighting since Friday has killed at least 30 civilians in El Fasher", "In total more
    than 50 people have been killed since Monday" in a report of one battle: an ongoing
    incident's running total over a few days is its current toll, a first report. It needs
    one ongoing incident (fighting, an offensive, a siege, a flood, a storm) named in the
    sentence or the article's lead, no words of many incidents ("40 people have been shot in
    the city since Friday", "shootings", "across the city" stay a running total), and no
    other mark of a running total or an earlier incident in the sentence."""
    lead_end = sentences[0].end
    for i, f in enumerate(figures):
        if f.negation or not (f.background or f.kind == _CUMULATIVE_KIND):
            continue
        sent = sentences[f.sentence_index]
        low = low_text[sent.start:sent.end]
        if _SINCE_DAY_HINT(low) is None:
            continue
        m = _SINCE_DAY.search(low)
        if m is None or _MANY_INCIDENTS.search(low) is not None:
            continue
        if _ONGOING.search(low) is None and (f.sentence_index == 0 or _ONGOING.search(low_text, 0, lead_end) is None
                                             or _MANY_INCIDENTS.search(low_text, 0, lead_end) is not None):
            continue
        rest = low[:m.start()] + " " * (m.end() - m.start()) + low[m.end():]
        if "been killed" in rest:
            # "since Monday" bounds "have been killed in the fighting" to a few days: this battle
            rest = _KILLED_IN_THE_FIGHTING.sub(" were killed in the fighting", rest)
        flags = _sentence_flags(rest, published)
        if flags.background or flags.cumulative:
            continue
        figures[i] = replace(f, background=False, kind=_FIRST_REPORT_KIND)

# "15 more", "another 12", "a further 3", "additional": words that add to a toll told elsewhere
_MORE_WORD = re.compile(r"\b(?:more|another|further|additional)\b")


def _addition_alone_is_a_floor(low_text: str, figures: list[Figure]) -> None:
    """ "15 more fighters were killed" with no earlier count of that field in the article: a
    follow-up that tells only the addition. ``FigureKind`` has no "addition" (an update would
    replace the incident's toll with 15), so the count stays a first report with an open upper
    bound: the incident's toll is at least 15, and the resolver's larger figure stands. Not
    when a count of another field comes before it ("killed 2 guards and 4 more were wounded":
    "more" is beside the dead), nor for "also" ("two officers were also wounded")."""
    for field in ("killed", "wounded"):
        fs = [f for f in figures if f.field == field and not f.background and not f.negation]
        if not fs or not all(f.additive and f.value.max is not None for f in fs):
            continue
        first = min(f.start for f in fs)
        if any(g.start < first and not g.background and not g.negation and g.field != field
               and g.field != "shot" for g in figures):
            continue
        if not all(_MORE_WORD.search(low_text, f.start, min(f.end + 30, len(low_text))) for f in fs):
            continue
        for i, f in enumerate(figures):
            if f in fs:
                v = f.value
                figures[i] = replace(f, value=Range(min=v.min, max=None, best=v.best, text=v.text, vague=v.vague))

# "A week after the floods that killed 14 people in the valley, residents ...", "Two days after a
# bomb that killed 9 in Quetta, gunmen shot dead 3 policemen": an opening time span after an
# incident that killed, up to its comma, tells an earlier incident.
_AFTER_OPENING = re.compile(
    r"\W*(?:(?:just|only|barely|less\s+than|more\s+than|nearly|almost|some)\s+)?(?:an?|one|two|three|four|five|six"
    r"|seven|eight|nine|ten|several|a\s+few|few|\d+)?\s*(?:hours?|days?|weeks?|months?|years?|decades?|a\s+day"
    r"|a\s+week|a\s+month|a\s+year)\s+after\s+[^,;]*?\b(?:that|which|who|in\s+which)\s+[^,;]*$")


def _opening_after_an_earlier_incident(low_text: str, sentences: Sequence[Sentence], figures: list[Figure]) -> None:
    """The figures of an opening "<time span> after <an incident that killed N>," are
    background when the article counts that field elsewhere: the sentence goes on to the
    article's own event. (Alone, "Two days after the attack that killed 9, police arrested
    three men" is a follow-up of that attack, which stays the event.)"""
    opening = []
    for i, f in enumerate(figures):
        if f.background:
            continue
        sent = sentences[f.sentence_index]
        head = low_text[sent.start:f.start]
        if " after " not in head[:60] or "," not in low_text[f.end:sent.end]:
            continue
        if _AFTER_OPENING.match(head) is not None:
            opening.append(i)
    for i in opening:
        f = figures[i]
        if any(g.field == f.field and not g.background and not g.negation and k not in opening
               for k, g in enumerate(figures)):
            figures[i] = replace(f, background=True)



# "..., two days after a similar attack killed 9", "..., an attack that followed weeks after
# raiders killed 9": a clause after the event's figure that tells an earlier incident.
_AFTER_CLAUSE = re.compile(
    r"[,;(\u2013\u2014]\s*(?:(?:just|only|barely|some|nearly|almost|less\s+than|more\s+than)\s+)?(?:(?:an?|one|two"
    r"|three|four|five|six|seven|eight|nine|ten|several|a\s+few|few|\d+)\s+)?(?:hours?|days?|weeks?|months?|years?)"
    r"\s+after\b"
    r"|[,;(\u2013\u2014]\s*(?:(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:that|which)\s+)?(?:came|comes|followed"
    r"|follows|occurred)\b")


def _figure_before_an_after_clause(low_text: str, sentences: Sequence[Sentence], figures: list[Figure],
                                   published: dt.date | None) -> None:
    """ "Gunmen killed 4 guards on Friday, two days after a similar attack killed 9": the
    background words mark the clause after "after"; a figure before that clause, whose
    words are not background, reports the event (the whole sentence was dropped)."""
    for i, f in enumerate(figures):
        if not f.background or f.negation:
            continue
        sent = sentences[f.sentence_index]
        low = low_text[sent.start:sent.end]
        if low.find(" after ", f.end - sent.start) < 0:
            continue
        m = _AFTER_CLAUSE.search(low, f.end - sent.start)
        if m is None or _sentence_flags(low[:m.start()], published).background:
            continue
        figures[i] = replace(f, background=False)

_ORDINAL_ONE = re.compile(r"(?:a|the)\s+(second|third|fourth|fifth|sixth)\s+(?:[\w-]+\s+)?"
                          r"(?:victim|person|man|woman|child|boy|girl|soldier|officer|passenger|worker|civilian|teen)\b")
_ORDINALS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6}
_ORDINAL_HINT = substring_test((" second ", " third ", " fourth ", " fifth ", " sixth ")).search


def _next_ordinal_adds(low_text: str, sentences: Sequence[Sentence], figures: list[Figure]) -> None:
    """ "Two people were killed ... A third victim died in hospital the next day": the ordinal
    right after the count told before is one more ("a second victim" after a count of two
    is one of them, and stays a restatement). Only in a text that spells an ordinal between
    single spaces (``_ORDINAL_HINT``)."""
    # The figures are tried first and the whole text only once one opens on an ordinal: a
    # few matches at known offsets cost less than a scan of the article, which nearly no
    # figure then needs.
    spelled: bool | None = None
    for i, f in enumerate(figures):
        if f.field not in ("killed", "wounded") or f.additive or f.background or f.negation or f.value.best != 1:
            continue
        m = _ORDINAL_ONE.match(low_text, f.start)
        if m is None or low_text[sentences[f.sentence_index].start:f.start].strip(" \n\"'\u201c"):
            continue  # (only a sentence that opens on it: not "a report that a second victim had died")
        if spelled is None:
            spelled = _ORDINAL_HINT(low_text) is not None
        if not spelled:
            return
        before = [g.value.best for g in figures if g.field == f.field and g.sentence_index < f.sentence_index
                  and not g.background and not g.negation and not g.separate]
        if before and max(before) == _ORDINALS[m.group(1)] - 1:
            figures[i] = replace(f, additive=True)


_LAST_WEEK = re.compile(r"\blast\s+week\b")
_PERSON_HEADS = (r"man|woman|boyfriend|girlfriend|husband|wife|father|mother|son|daughter|brother|sister|suspect"
                 r"|gunman|shooter|officer|teen|teenager|boy|girl|grandfather|grandmother|fiance|fiancee|partner"
                 r"|ex-boyfriend|ex-girlfriend|ex-husband|ex-wife|neighbor|neighbour")
# the subject of an active sentence ("A man shot his girlfriend ...", not "A woman was shot by ...")
_SUBJECT_HEAD = re.compile(
    rf"^\W*(?:[^\n]*?\s[-\u2013\u2014]{{1,2}}\s+)?(?:a|an|the|his|her)\s+(?:[\w'.-]+\s+){{0,3}}?({_PERSON_HEADS})\b"
    r"(?!,?\s+(?:was|were|is|had\s+been|has\s+been)\b)"
)
_AGENT_HEAD = re.compile(rf"\bby\s+(?:(?:his|her|their|a|an|the)\s+)?(?:[\w-]+\s+)?({_PERSON_HEADS})\b")
_RESTATED_HEAD = re.compile(rf"^(?:(?:the|a|an|one)\s+(?:[\w'-]+\s+){{0,2}}?({_PERSON_HEADS}|gunwoman|attacker|assailant)\b"
                            r"|(he|she)$)")
_ALWAYS_THE_PERPETRATOR = frozenset({"suspect", "gunman", "gunwoman", "shooter", "attacker", "assailant"})


def _suicide_restated(text: str, low_text: str, sentences: Sequence[Sentence], figures: list[Figure]) -> None:
    """A murder-suicide told twice: "A man shot his girlfriend and then killed himself. ...
    The man, 33, died at the scene." The later death is the perpetrator's, said again: it is
    marked a perpetrator figure (the same one person, not a second victim) when it names
    the suicide's subject ("her boyfriend ... turned the gun on himself" / "The boyfriend
    was pronounced dead"), the shooter ("the suspect", "the gunman"), or a man or woman of
    the suicide's gender ("himself" / "the man", "he")."""
    # ("turned the gun on himself" is read as a victim's death: it is the suicide all the same)
    suicides = [f for f in figures if f.field == "killed" and not f.background and not f.negation
                and "self" in low_text[f.start:f.end]
                and (f.role == "perpetrators" or low_text.startswith("turn", f.start))]
    if not suicides:
        return
    told = {f.sentence_index for f in suicides}
    first = {id(f) for f in suicides}
    seen: set[int] = set()
    for i, f in enumerate(figures):
        if id(f) in first:
            # one suicide said twice in one sentence (a crawled headline before the lead) is one
            again = f.sentence_index in seen
            seen.add(f.sentence_index)
            if f.role != "perpetrators" or again:
                figures[i] = replace(f, role="perpetrators", background=again)
                suicides[suicides.index(f)] = figures[i]
            continue
        # the same suicide told again ("... then killed himself" / "turned the gun on himself"):
        # a perpetrator's death; said twice in one sentence (a crawled headline), once
        if f.field == "killed" and f.role == "victims" and not f.background and "self" in low_text[f.start:f.end]:
            figures[i] = f = replace(f, role="perpetrators", background=f.sentence_index in told)
            told.add(f.sentence_index)
            suicides.append(f)
    if "suicide" in low_text:
        # "a shooting that left two people dead ... has been ruled a murder-suicide": the count
        # of a murder-suicide covers the one who killed himself
        for i, f in enumerate(figures):
            if (f.field == "killed" and f.role == "victims" and f.value.best >= 2 and not f.negation
                    and _MURDER_SUICIDE.search(low_text, sentences[f.sentence_index].start,
                                               sentences[f.sentence_index].end)):
                figures[i] = replace(f, role="mixed")
    heads: set[str] = set()
    genders: set[str] = set()
    for f in suicides:
        sent = sentences[f.sentence_index]
        low = low_text[sent.start:f.start]
        genders.add("m" if "himself" in low_text[f.start:f.end] else "f")
        for pattern in (_SUBJECT_HEAD.match(low), *_AGENT_HEAD.finditer(low)):
            if pattern is not None:
                heads.add(pattern.group(1))
    for i, f in enumerate(figures):
        if (f.field != "killed" or f.role != "victims" or f.background or f.negation or f.additive
                or f.value.best != 1 or f.value.max != 1):
            continue
        phrase = " ".join(low_text[f.start:f.end].split()).strip(" ,")
        if phrase == "one":  # "Officers found one woman dead": the count and its noun
            phrase = " ".join(low_text[f.start:f.end + 24].split()[:2])
        m = _RESTATED_HEAD.match(phrase)
        if m is None:
            continue
        head = m.group(1) or m.group(2)
        gender = "m" if head in ("man", "he") else "f" if head in ("woman", "she") else ""
        if head in _ALWAYS_THE_PERPETRATOR or head in heads or gender in genders:
            figures[i] = replace(f, role="perpetrators")
    # "A boy killed himself ... Officers found Ian Roe, 10, dead": a person named dead where the
    # suicide hurt no one else is the suicide told again by name
    named = [i for i, f in enumerate(figures)
             if f.field == "killed" and f.role == "victims" and not f.background and not f.negation
             and not f.separate and not f.additive and f.value.best == 1 and f.value.max == 1 and _NAME.fullmatch(text[f.start:f.end].strip())]
    if len(named) == 1 and not any(
            g.field in ("killed", "wounded", "shot") and g.role != "perpetrators" and not g.background
            and not g.negation and k != named[0] and "self" not in low_text[g.start:g.end]
            for k, g in enumerate(figures)):
        figures[named[0]] = replace(figures[named[0]], role="perpetrators")


_MURDER_SUICIDE = re.compile(r"\bmurder[\s-]+suicide\b")
_NAME = re.compile(r"(?!(?:He|She|The|This|That|Police|Officers|Authorities|Investigators)\b)"
                   r"[A-Z][a-z]+(?:\s+[A-Z]\.)?(?:\s+(?:[A-Z][a-z]+|[A-Z]'[A-Z][a-z]+|Mc[A-Z][a-z]+)){0,2}")
_OF_THE_HURT_DIED = re.compile(
    rf"\b(?P<q>{_QP})\s+of\s+(?:the|those|them|whom)\s*(?:\s(?:wounded|injured|victims|hurt"
    # ("One of the men who had been shot, 38, died"; not "one of the men" alone)
    r"|(?:men|women|people|victims|teens|teenagers|boys|girls)\s+who\s+(?:had\s+been|have\s+been|were|was)\s+"
    r"(?:shot|wounded|injured|hurt)))?"
    # ("One of them, a 25-year-old, later died")
    r"(?:\s*,\s*[^,.;]{1,40},)?\s+"
    r"(?:later\s+|also\s+|subsequently\s+|has\s+|have\s+|had\s+|since\s+)*(?:died|succumbed)\b"
)


def _wounded_who_died(text: str, low_text: str, sentences: Sequence[Sentence], figures: list[Figure],
                      published: dt.date | None) -> None:
    """ "The bomb killed four and wounded 23. Two of the wounded later died." (a part of a
    group already counted, so it was dropped): the part moves from the wounded to the dead
    (6 killed, 21 wounded). Only after a wounded or shot count."""
    hurt = [f for f in figures if f.field in ("wounded", "shot") and not f.negation and not f.background]
    if not hurt:
        return
    first = min(f.sentence_index for f in hurt)
    for k in range(first, len(sentences)):
        sent = sentences[k]
        # (the pattern opens with a quantity, tried at every word: run it only where it can end)
        if low_text.find("died", sent.start, sent.end) < 0 and low_text.find("succumbed", sent.start, sent.end) < 0:
            continue
        for m in _OF_THE_HURT_DIED.finditer(low_text, sent.start, sent.end):
            if not any(f.sentence_index < k or f.end <= m.start() for f in hurt if f.sentence_index <= k):
                continue
            if "whom" in m.group(0) and not any(map(low_text[max(sent.start, m.start() - 60):m.start()].__contains__,
                                                    ("injur", "wound", "hurt"))):
                continue  # ("All four victims were taken to hospital, one of whom died": not said to be the wounded)
            same = [i for i, f in enumerate(figures) if f.field == "killed" and m.start() <= f.start < m.end()]
            if same:  # the chain read it already ("One of the victims later died"): it is a move
                for i in same:
                    figures[i] = replace(figures[i], additive=True, transfer=True)
                continue
            value = parse_quantity(text[m.start("q"):m.end("q")])
            if value is None or value.best < 1:
                continue
            low = low_text[sent.start:sent.end]
            # "the killing of a man who died weeks after he and four others were wounded ... One of
            # the men who had been shot died": a death told before is the same one (a move only)
            additive = " who " not in m.group(0) or not any(
                f.field == "killed" and f.sentence_index < k and not f.background and not f.negation
                for f in figures)
            figures.append(Figure("killed", value, m.start("q"), m.end("q"), k, additive=additive, transfer=True,
                                  background=_is_background(low, published)))


_TODAYS_PART = re.compile(
    rf",?\s+including\s+(?P<q>{_QP})\s+(?:(?:people|persons|civilians|soldiers|others)\s+)?"
    r"(?:(?:in|over|during)\s+the\s+(?:past|last|previous)\s+(?:24|48|twenty-four)\s+hours|on\s+(?:monday|tuesday"
    r"|wednesday|thursday|friday|saturday|sunday)|today|yesterday|overnight|last\s+night|this\s+morning)\b")


def _todays_part_of_a_running_total(text: str, low_text: str, sentences: Sequence[Sentence],
                                    figures: list[Figure]) -> None:
    """ "62 people have been killed since January, including eight in the past 24 hours": the
    running total is background, its part told for the last day is this report's toll."""
    for f in list(figures):
        if not f.background or f.field not in ("killed", "wounded") or f.negation:
            continue
        sent = sentences[f.sentence_index]
        m = _TODAYS_PART.search(low_text, f.end, sent.end)
        if m is None or any(g.sentence_index == f.sentence_index and g.start == m.start("q") for g in figures):
            continue
        value = parse_quantity(text[m.start("q"):m.end("q")])
        if value is None or value.best < 1 or value.best >= f.value.best:
            continue
        figures.append(Figure(f.field, value, m.start("q"), m.end("q"), f.sentence_index, role=f.role))


_BY_POLICE = re.compile(
    r"\b(?:by|at)\s+(?:(?:an?|the|two|three|several)\s+)?(?:police\s+officers?|police|officers?|deputies|deputy|troopers?"
    r"|sheriff'?s\s+deputies|swat\s+officers)\b(?!['\u2019]|\s+(?:checkpoint|station|post|headquarters|academy"
    r"|department|chief|car|vehicle|custody|said))|\bofficer-involved\b|\bpolice\s+shooting\b")


def _killed_by_police_is_the_suspect(text: str, low_text: str, sentences: Sequence[Sentence],
                                     figures: list[Figure]) -> None:
    """ "A man was fatally shot by deputies", "killed in an officer-involved shooting after he
    pointed a rifle at deputies": a single person killed by the police is the suspect (GVA's
    subject-suspect), so a headline's "suspect dead" is him and not one more."""
    for i, f in enumerate(figures):
        if (f.field != "killed" or f.role != "victims" or f.value.best != 1 or f.additive or f.negation
                or f.background or text[f.start:f.end].split()[:1] not in (["A"], ["a"], ["An"], ["an"])):
            continue
        sent = sentences[f.sentence_index]
        if _BY_POLICE.search(low_text, f.end, min(sent.end, f.end + 160)) is not None:
            figures[i] = replace(f, role="perpetrators")


_HURT_AND_DIED = re.compile(r"(?:was|is)\s+(?:\w+ly\s+)?(?:injured|wounded|hurt)\b[^.;:]{0,60}?\band\s+"
                            r"(?:later\s+|subsequently\s+|then\s+)?(?:died|succumbed)\b", _I)
_HE_DIED = re.compile(r"(?:he|she)\s+(?:later\s+|also\s+|then\s+|subsequently\s+)?(?:died|succumbed)\b", _I)


def _the_wounded_one_died(text: str, figures: list[Figure]) -> None:
    """ "A man was wounded in the shooting. He later died at a hospital.": the one wounded
    person of the sentence before is the one who died (1 killed, no wounded). Only when that
    sentence counts no death (else "he" may be the dead man) and the wounded figure is a
    single person. Also within one sentence: "A man was injured in the blast and later died"."""
    for i, f in enumerate(figures):
        if (f.field == "wounded" and f.value.best == 1 and not f.additive and not f.negation and not f.background
                and (m := _HURT_AND_DIED.match(text, f.end)) is not None
                and text[f.start:f.end].split()[0].lower() in ("a", "an", "the", "one")):
            same = [g for g in figures if g.sentence_index == f.sentence_index and g is not f]
            if len(same) == 1 and same[0].field == "killed" and same[0].value.best == 1 and m.end() > same[0].start:
                figures[i] = replace(f, background=True)
    for i, f in enumerate(figures):
        if f.field != "killed" or f.negation or f.background or f.additive or not _HE_DIED.match(text, f.start):
            continue
        prev = [g for g in figures if g.sentence_index == f.sentence_index - 1 and not g.negation]
        hurt = [j for j, g in enumerate(figures) if g.sentence_index == f.sentence_index - 1
                and g.field == "wounded" and not g.negation and not g.background]
        if (len(hurt) != 1 or any(g.field in ("killed", "shot") for g in prev)
                or any(g.field == "killed" and g.sentence_index < f.sentence_index - 1 and not g.background
                       for g in figures)):
            continue
        w = figures[hurt[0]]
        if w.value.best != 1 or w.additive or _WORDS.match(text, w.start) is None \
                or text[w.start:w.end].split()[0].lower() not in ("a", "an", "the", "one"):
            continue
        figures[hurt[0]] = replace(w, background=True)
        figures[i] = replace(f, additive=True)


_DIED_OF_INJURIES = re.compile(r"\b(?:died|dies|succumbed)\s+(?:\w+\s+){0,3}?(?:of|from|to)\s+(?:his|her|their)\s+"
                               r"(?:[\w-]+\s+){0,2}?(?:injuries|wounds)\b")
_NEW_PERSON = re.compile(r"(?:a|an|another|one)\s", _I)


def _died_of_injuries_moves(text: str, low_text: str, sentences: Sequence[Sentence], figures: list[Figure]) -> None:
    """ "Three people were wounded in the shooting. A 22-year-old man later died of his
    injuries": one of the wounded died (2 wounded, 1 killed, as "one of the wounded later
    died"). Only a single person told as new ("a", "another", "one"; "The man died of his
    injuries" restates) after a wounded count of two or more in an earlier sentence."""
    wounded = [f for f in figures if f.field == "wounded" and not f.negation and not f.background
               and not f.separate and f.value.best >= 2]
    if not wounded:
        return
    if " injuries" not in low_text and " wounds" not in low_text:
        return
    first = min(f.sentence_index for f in wounded)
    for i, f in enumerate(figures):
        if (f.field != "killed" or f.sentence_index <= first or f.transfer or f.negation or f.background
                or f.separate or f.value.best != 1 or not _NEW_PERSON.match(text, f.start)):
            continue
        sent = sentences[f.sentence_index]
        m = _DIED_OF_INJURIES.search(low_text, f.end, sent.end)
        if m is not None and m.start() - f.end < 80:
            figures[i] = replace(f, additive=True, transfer=True)


_THEN_HE = re.compile(r"\b(?:before|after|until|when|then)\s+$")


def _shooter_killed_after_his_victims(low_text: str, figures: list[Figure]) -> None:
    """ "A gunman opened fire, killing 5 and injuring 8, before he was shot dead by police":
    "he" after the victims' count is the gunman, a death of its own (a pronoun is read as
    covering the victims when nothing tells whom it means)."""
    for i, f in enumerate(figures):
        if f.field != "killed" or f.role != "mixed" or f.value.best != 1 or f.background or f.negation:
            continue
        if not any(g.field == "killed" and g.role == "victims" and g.sentence_index == f.sentence_index
                   and g.end <= f.start and not g.negation for g in figures):
            continue
        if low_text[f.start:f.end].strip() in ("he", "she") and _THEN_HE.search(low_text, max(0, f.start - 16),
                                                                               f.start):
            figures[i] = replace(f, role="perpetrators")


_PEOPLE_WORDS = r"(?:people|persons|individuals|residents|inhabitants)\b"
# "540 households comprising 2,700 people", "400 families, about 2,000 persons,", "(2,700 people)"
_PEOPLE_AFTER_HOUSEHOLDS = re.compile(
    r"\s*(?:[\w-]+\s+)?(?:,\s*(?:or\s+)?|\(\s*|\s*(?:comprising|totall?ing|containing|consisting\s+of|with|of|soit)\s+)"
    rf"(?:(?:about|some|around|roughly|nearly|an\s+estimated|over|more\s+than|at\s+least|approximately)\s+)?(?P<q>{_QP})\s+"
    + _PEOPLE_WORDS
)
# "5,000 people from 1,100 households"
_PEOPLE_BEFORE_HOUSEHOLDS = re.compile(
    rf"(?P<q>{_QP})\s+{_PEOPLE_WORDS}\s+(?:from|in|of|belonging\s+to)\s+(?:(?:about|some|around|over|more\s+than)\s+)?$"
)


def _people_beside_households(text: str, low_text: str, figures: list[Figure]) -> None:
    """Households are kept apart; the people they number, stated beside them, are the
    displaced figure ("displaced 540 households comprising 2,700 people" = 2,700 people;
    "Over 400 families, about 2,000 persons, have been relocated"; "5,000 people from 1,100
    households have been evacuated")."""
    for f in list(figures):
        if f.field != "displaced_households" or f.negation:
            continue
        if any(g.field == "displaced" and g.sentence_index == f.sentence_index and not g.negation for g in figures):
            continue
        m = _PEOPLE_AFTER_HOUSEHOLDS.match(low_text, f.end + len(_HOUSEHOLD_NOUN.match(low_text, f.end).group(0)))
        if m is None:
            m = _PEOPLE_BEFORE_HOUSEHOLDS.search(low_text, max(0, f.start - 60), f.start)
        if m is None:
            continue
        value = parse_quantity(text[m.start("q"):m.end("q")])
        if value is not None:
            figures.append(replace(f, field="displaced", value=value, start=m.start("q"), end=m.end("q")))


_HOUSEHOLD_NOUN = re.compile(r"\s*(?:[\w-]+\s+)?(?:households?|families|family)\b|")
_WHERE_THEY_STAY = re.compile(
    r"\s*(?:[\w-]+\s+){0,2}?(?:are|were|remain|remained|have\s+been|had\s+been)?\s*(?:now\s+|still\s+)?"
    r"(?:staying|sheltering|sheltered|living|housed|accommodated|in)\s+(?:in\s+|at\s+)?(?:\w+\s+){0,3}?"
    r"(?:evacuation\s+cent(?:re|er)s?|relief\s+camps?|camps?|shelters?|schools|churches|mosques|centres|centers)\b"
)


def _sheltered_part_of_displaced(low_text: str, figures: list[Figure]) -> None:
    """ "forced its 200,000 residents to flee, and about 15,000 are staying in evacuation
    centres": where some of the displaced stay is a part of the figure the sentence already
    gave, not more people (it was added: 215,000)."""
    for i, f in enumerate(figures):
        if f.field != "displaced" or f.background or f.negation or f.additive:
            continue
        earlier = [g for g in figures[:i] if g.field == "displaced" and g.sentence_index == f.sentence_index
                   and not g.background and not g.negation and g.value.best > f.value.best]
        if earlier and _WHERE_THEY_STAY.match(low_text, f.end, f.end + 90):
            figures[i] = replace(f, background=True)


# A clause of its own dated by a day: ", and on Monday", "; late Sunday", ", but yesterday".
_DAY_CLAUSE = re.compile(
    r"(?:,\s*(?:and|but|while|before)\s+|;\s*)(?:then\s+)?(?:on\s+|late\s+|early\s+)?(?:on\s+)?"
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|overnight"
    r"|this\s+(?:morning|week))\b"
)


def _match_start(m: re.Match[str]) -> int:
    return m.start()


def _dated_clause_after_background(low_text: str, sentences: Sequence[Sentence], figures: list[Figure],
                                   published: dt.date | None) -> None:
    """ "Earlier this month, floods killed 40 in Bahia, and on Monday a landslide killed 6
    more": the background words mark the first clause; a later clause dated by a day of
    its own, with no background words, reports the event (the whole sentence was dropped)."""
    for i, f in enumerate(figures):
        if not f.background or f.negation:
            continue
        sent = sentences[f.sentence_index]
        low = low_text[sent.start:sent.end]
        m = max(_DAY_CLAUSE.finditer(low, 0, f.start - sent.start), key=_match_start, default=None)
        if m is None:
            continue
        head, tail = low[:m.start()], low[m.start():]
        if _sentence_flags(tail, published).background or not _sentence_flags(head, published).background:
            continue
        figures[i] = replace(f, background=False)


_BRINGING = re.compile(rf"\b(?:{_BRINGING_VERB})\s+(?:the\s+|its\s+|their\s+)"
                       r"(?:[\w'\u2019-]+\s+){0,12}?to\s+(?:(?:at\s+least|about|some|around|nearly|more\s+than|over"
                       r"|an\s+estimated)\s+)?$")


# what makes a running total wider than the event ("the number of displaced in the province",
# "the number killed this rainy season"); "bringing the death toll to 13" is the event's own
_WIDER = re.compile(r"\b(?:in\s+the|across|this\s+(?:year|season|month)|season|since|nationwide|countrywide|overall"
                    r"|so\s+far|province|country|region|state|district|nation|city|county|camps?)\b")


def _running_total_after_bringing(low_text: str, figures: list[Figure]) -> None:
    """ "displaced 14,000 people in the past week, bringing the number of displaced in the
    province to 1.4 million": the figure after "bringing ... to" is a wider running total
    when the sentence has already counted this event for that field with a figure of its
    own. After an addition ("3 more bodies were found, bringing the toll to 15") it is the
    event's updated total and stays."""
    for i, f in enumerate(figures):
        if f.background or f.negation or not (f.start > 12 and "to" in low_text[f.start - 12:f.start]):
            continue
        earlier = [g for g in figures[:i] if g.sentence_index == f.sentence_index and g.field == f.field
                   and not g.background and not g.negation and g.end <= f.start]
        if not earlier or any(g.additive or g.kind == _UPDATE_KIND for g in earlier):
            continue
        m = _BRINGING.search(low_text, max(earlier[-1].end, f.start - 120), f.start)
        if m is not None and _WIDER.search(m.group(0)):
            figures[i] = replace(f, background=True)


# Someone shot who is said to live: "was shot in the arm. She is expected to survive."
_SURVIVES = re.compile(
    r"\bexpected\s+to\s+(?:survive|recover|be\s+(?:ok|okay|all\s+right))|\bnon-?\s*life-?\s*threatening"
    r"|\bnot\s+(?:considered\s+)?life-?\s*threatening|\bin\s+(?:stable|fair|good)\s+condition"
    r"|\b(?:is|was|are)\s+recovering|\btreated\s+and\s+released|\bminor\s+injur|\bsurvived\b"
)
# the shot person is another than those counted before: "was also shot", "another man was shot"
_ALSO_SHOT = re.compile(r"\b(?:also|too)\s+(?:shot|struck|hit)\b")
_ANOTHER_SHOT = re.compile(r"\W*(?:another|a\s+second|a\s+third)\s+(?:[\w-]+\s+){0,3}?(?:was|were)\s+"
                           r"(?:also\s+)?(?:shot|struck|hit)\b"
                           # "A second person, a 17-year-old, showed up at a hospital with a gunshot wound"
                           r"|\W*(?:another|a\s+second|a\s+third)\s+(?:person|man|woman|victim|teen|teenager|boy|girl"
                           r"|male|female)\b[^.]{0,90}?\b(?:with|suffering\s+from)\s+(?:a\s+)?(?:gunshot|bullet)\s+wounds?")
# the subject of a clause after a death: "... killed Sunday and his friend was shot"
_OTHER_ONE_AFTER_AND = re.compile(r"[^,;:.]{0,40}?\band\s+((?:a|an|his|her|their|another|one)\s+[\w'-]+(?:\s+[\w'-]+){0,2}"
                                  r"\s+(?:was|is)\s+(?:also\s+)?(?:shot|struck|hit)\b)")
_BODY_PART_HIT = re.compile(r"(?:was|is)\s+(?:also\s+)?(?:shot|struck|hit)\s+" + _IN_BODY_PART + r"\b")
_SURVIVES_HINTS = ("expected", "threatening", "condition", "recovering", "released", "minor", "survived")
_SAME_PERSON_OPENING = re.compile(
    r"^\W*(?:he|she|the\s+(?:[\w-]+\s+){0,2}?(?:man|woman|boy|girl|teen|teenager|victim|child|officer|deputy"
    r"|trooper))\b"
)


def _survivors_are_wounded(low_text: str, sentences: Sequence[Sentence], figures: list[Figure]) -> None:
    """ "A 27-year-old man is dead. A woman was shot in the arm; she is expected to survive.":
    one person shot and said to live, in a sentence that counts no death, is wounded, not a
    shot to subtract the dead from (which gave 0 wounded). Read in the shot sentence after
    the figure, or in the next one when it opens on that person ("She", "The woman")."""
    for i, f in enumerate(figures):
        if f.field != "shot" or f.negation or f.background or f.value.best != 1 or f.value.max != 1:
            continue
        k = f.sentence_index
        if any(g.field == "killed" and g.sentence_index == k and not g.negation and not g.background
               and g.end <= f.start and (m := _OTHER_ONE_AFTER_AND.match(low_text, g.end, sentences[k].end))
               and m.start(1) == f.start for g in figures):
            # "A man was shot dead and his friend was shot in the arm": a clause of its own
            # after the death, with a subject of its own, tells another person, who lived
            figures[i] = replace(f, field="wounded")
            continue
        if any(g.field in ("killed", "wounded") and g.sentence_index == k and not g.negation for g in figures):
            continue  # (with a wounded count beside it, the person shot is most likely one of them)
        sent = sentences[k]
        low = low_text[f.end:sent.end]
        if "fatal" in low_text[sent.start:sent.end]:
            continue
        also = (_ALSO_SHOT.search(low_text, sent.start, f.end + 40) is not None
                or _ANOTHER_SHOT.match(low_text, sent.start) is not None)
        if also and not (k + 1 < len(sentences) and any(g.sentence_index == k + 1 and g.field == "killed"
                                                       for g in figures)):
            # "Her co-worker was also shot": someone besides the dead (who died "later" would
            # be counted in this or the next sentence), and besides the wounded counted before
            # ("A girl was wounded. Her mother was also struck in the arm" = 2)
            # (only beside single people counted in earlier sentences: after a count, or in the
            # sentence that named another, "also" restates one of those already counted)
            alone = all(g.value.best == 1 and g.sentence_index < k for g in figures
                        if g.field in ("wounded", "shot") and g is not f and not g.negation and not g.background
                        and (g.sentence_index, g.start) < (k, f.start))
            figures[i] = replace(f, field="wounded", additive=alone)
            continue
        if (low_text.startswith(("his ", "her ", "their "), f.start) and _BODY_PART_HIT.match(low_text, f.end)
                and any(g.field == "killed" and g.sentence_index < k and not g.negation and not g.background
                        for g in figures)
                and not any(g.sentence_index == k + 1 and g.field == "killed" for g in figures)):
            # "A man was shot dead. His friend was shot in the arm.": the dead man's kin or
            # friend, hit in a body part and not said to die, is another person, wounded
            figures[i] = replace(f, field="wounded")
            continue
        if not any(map(low.__contains__, _SURVIVES_HINTS)) or _SURVIVES.search(low) is None:
            if k + 1 >= len(sentences):
                continue
            nxt = sentences[k + 1]
            low = low_text[nxt.start:nxt.end]
            if (not any(map(low.__contains__, _SURVIVES_HINTS)) or _SAME_PERSON_OPENING.match(low) is None
                    or _SURVIVES.search(low) is None or any(g.sentence_index == k + 1 and g.field == "killed"
                                                            for g in figures)):
                continue
        figures[i] = replace(f, field="wounded")


def _last_week_lead_is_the_event(low_text: str, sentences: Sequence[Sentence], figures: list[Figure]) -> None:
    """ "Militants attacked a police post in Bannu last week, killing 5 officers.": when the
    lead is the only sentence with figures and its only mark of an earlier incident is "last
    week", the week is the event's (a weekly round-up, a late report), not background. (Not
    "last year", "in 2019", "a similar attack": anniversaries and context stay background.)"""
    if not figures or any(not f.background for f in figures if not f.negation):
        return
    lead = min(f.sentence_index for f in figures)
    if lead > 1 or any(f.sentence_index != lead for f in figures):
        return
    sent = sentences[lead]
    low = low_text[sent.start:sent.end]
    if "last week" not in low or _BACKGROUND.search(_LAST_WEEK.sub(" ", low)) is not None:
        return
    figures[:] = [replace(f, background=False) for f in figures]


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_OPENING_DAY = re.compile(r"^\W*(?:on|early|late|earlier|last)\s+(?:on\s+)?(" + "|".join(_WEEKDAYS) + r")\b")
_ANY_DAY = re.compile(r"\b(" + "|".join(_WEEKDAYS) + r")\b")


def _other_day_is_separate(low_text: str, sentences: Sequence[Sentence], figures: list[Figure]) -> None:
    """ "Strikes killed 3 people in the city on Friday. On Thursday, a strike on the port killed
    8.": a sentence that opens on another weekday than the lead's reports another incident."""
    counted = [f for f in figures if not f.background and not f.negation]
    if len(counted) < 2:
        return
    lead = counted[0].sentence_index
    s = sentences[lead]
    day = _ANY_DAY.search(low_text, s.start, s.end)
    if day is None:
        return
    for i, f in enumerate(figures):
        if f.sentence_index == lead or f.background or f.separate or f.additive or f.kind == _UPDATE_KIND:
            continue
        t = sentences[f.sentence_index]
        low = low_text[t.start:t.end]
        m = _OPENING_DAY.match(low)
        # "On Sunday, police said the attack had killed 12": the next day's report, not an incident
        if m is not None and m.group(1) != day.group(1) and not _SAID_IN.search(low, m.end(), m.end() + 50):
            # "Last Saturday, a man was shot and killed in the club's parking lot": an earlier
            # incident told as context (a week or so before), not one of this report's
            figures[i] = replace(f, background=True) if "last" in m.group(0) else replace(
                f, separate=True)


# "In Sumy region, a drone attack killed two men": a roundup's next place, opening its sentence,
# with an incident of its own (an indefinite subject or a count; not "In Kharkiv, the shelling
# also ...", the lead's incident again)
_OPENING_PLACE = re.compile(
    r"\W*In\s+(?:the\s+)?(?P<place>[A-Z][\w'\u2019-]+(?:[\s-]+[A-Z][\w'\u2019-]+){0,2})(?:\s+(?:region|province"
    r"|oblast|district|state|governorate|county|prefecture|department|municipality|area|city|town|village))?,\s+"
    r"(?:an?|another|at\s+least|\d|one|two|three|four|five|six|seven|eight|nine|ten|several|dozens"
    # a bare plural subject: "In Kaduna state, bandits abducted 30 students"
    r"|(?!officials|authorities|residents|witnesses|sources|reports)[a-z]+s(?=\s+(?!said|say|reported|told)))\s")


def _later_figures(figures: list[Figure]) -> Iterator[tuple[int, Figure]]:
    """The figures after the lead's sentence that may open another incident: counted, not yet
    separate, not an addition to or an update of the lead's (none when fewer than two count)."""
    counted = [f for f in figures if not f.background and not f.negation]
    if len(counted) < 2:
        return
    lead = counted[0].sentence_index
    for i, f in enumerate(figures):
        if f.sentence_index > lead and not (f.background or f.separate or f.additive or f.kind == _UPDATE_KIND):
            yield i, f


def _roundup_place_is_separate(text: str, sentences: Sequence[Sentence], figures: list[Figure]) -> None:
    """ "Russian shelling killed a woman in Kherson. In Sumy region, a drone attack killed two
    men.": a later sentence that opens on a place the article has not named before, and goes
    on to an incident of its own, is another incident."""
    for i, f in _later_figures(figures):
        t = sentences[f.sentence_index]
        if "In " not in text[t.start:t.start + 4]:
            continue
        m = _OPENING_PLACE.match(text, t.start, t.end)
        if m is not None and m.group("place") not in text[:t.start]:
            figures[i] = replace(f, separate=True)


# An event note's place with its province in brackets (ACLED, UCDP): "shelled Ganja (Ganja-Gazakh)"
_NOTE_PLACE = re.compile(r"\b([A-Z][\w'\u2019-]+(?:[\s-]+[A-Z][\w'\u2019-]+){0,2})\s+\([A-Z][^()]{1,60}\)")


def _note_place_is_separate(text: str, sentences: Sequence[Sentence], figures: list[Figure]) -> None:
    """ "On 4 October 2020, Armenian forces shelled Ganja (Ganja-Gazakh), killing 1 civilian.
    Azerbaijani forces shelled Martuni (Nagorno-Karabakh), killing 2.": in a note that places
    its lead by "Town (Province)", a later sentence placed the same way at a town not named
    before reports another incident (the two tolls add; they are not one restated)."""
    later = list(_later_figures(figures))
    if not later:
        return
    lead = sentences[next(f for f in figures if not f.background and not f.negation).sentence_index]
    if _NOTE_PLACE.search(text, lead.start, lead.end) is None:
        return
    for i, f in later:
        t = sentences[f.sentence_index]
        if "(" not in t.text:
            continue
        m = _NOTE_PLACE.search(text, t.start, f.start)
        if m is not None and m.group(1) not in text[:t.start]:
            figures[i] = replace(f, separate=True)


def _continue_separate(text: str, sentences: Sequence[Sentence], figures: list[Figure]) -> None:
    """ "In a separate attack, drones wounded five people. No one was killed there.": a
    sentence of the same paragraph right after a separate incident belongs to it."""
    opened: dict[int, int] = {}  # sentence index -> the sentence that opened its incident
    for f in figures:
        if f.separate:
            opened.setdefault(f.sentence_index, f.sentence_index)
    if not opened:
        return
    for i, f in enumerate(figures):
        k = f.sentence_index
        if f.separate:
            figures[i] = replace(f, incident=opened[k])
            continue
        prev = k - 1
        if f.background or prev not in opened or "\n" in text[sentences[prev].end:sentences[k].start]:
            continue
        opened.setdefault(k, opened[prev])
        figures[i] = replace(f, separate=True, incident=opened[prev])


_ANAPHOR_KILL = re.compile(
    r"\b(?:killed|executed|beheaded|shot\s+dead|murdered|slaughtered)\s+(?:all\s+(?:of\s+)?)?them\b"
    r"|\b(?:they|the\s+(?:hostages|captives|abductees|victims|kidnapped)|all\s+of\s+them|both\s+of\s+them)\s+"
    r"(?:were|had\s+been|have\s+been)\s+(?:later\s+|subsequently\s+|all\s+|then\s+)?"
    r"(?:killed|executed|beheaded|shot\s+dead|found\s+dead|murdered)\b"
)
_ANAPHOR_HINTS = ("them", "they", "hostages", "captives", "abductees", "victims", "kidnapped")
_CAPTURE_HINTS = ("abduct", "kidnap", "seized", "captured", "hostage")
# ``_ANAPHOR_HINT`` is ``substring_test(_ANAPHOR_HINTS).search``: any of the words in one pass.
_ANAPHOR_HINT = substring_test(_ANAPHOR_HINTS).search
_CAPTURED = re.compile(
    rf"\b(?:abducted|kidnapped|seized|captured|took\s+hostage|taken\s+hostage|held\s+hostage)\s+({_QP})"
)


def _anaphoric_kills(text: str, low_text: str, sentences: Sequence[Sentence], figures: list[Figure],
                     hits: list[int], published: dt.date | None = None) -> list[Figure]:
    """ "Gunmen abducted 9 drivers. They later killed them.": the killed are the abducted.
    Only when the sentence with the killing has no count of its own."""
    # (the rarer condition first: most texts say "they" or "them", few tell of a capture)
    if not any(map(low_text.__contains__, _CAPTURE_HINTS)):
        return []  # nobody was taken: no antecedent for "them"
    if "them" not in low_text and "hostages" not in low_text and "they" not in low_text:
        return []
    out: list[Figure] = []
    counted = {f.sentence_index for f in figures if f.field == "killed" and not f.negation}
    for idx in hits:  # the killing sentence has a trigger word
        if idx in counted:
            continue
        sent = sentences[idx]
        low = low_text[sent.start:sent.end]
        if _ANAPHOR_HINT(low) is None:
            continue
        m = _ANAPHOR_KILL.search(low)
        if m is None:
            continue
        for back in range(idx, max(-1, idx - 3), -1):
            prev = sentences[back]
            caps = list(_CAPTURED.finditer(low_text, prev.start,
                                           prev.end if back < idx else prev.start + m.start()))
            if caps:
                cap = caps[-1]  # the nearest capture before the killing
                value = parse_quantity(text[cap.start(1):cap.end(1)])
                if value is not None:
                    out.append(Figure("killed", value, sent.start + m.start(), sent.start + m.end(), idx,
                                      background=_is_background(low, published)))
                break
    return out


_SUICIDE = re.compile(
    rf"\b(?:(?P<q>{_QP})\s+|an?\s+|the\s+)(?:\w+\s+)?suicide\s+(?:car\s+|truck\s+)?(?:bombers?|attackers?)\b"
    # the blast told by its verb, or by the bomber's strike ("struck a mosque", "rammed a
    # truck into the gate", "attacked a base"): the bomber died either way
    r"(?=[^.]*\b(?:detonat\w*|blew\s+(?:himself|herself|themselves)\s+up|exploded|set\s+off|self-detonat\w*"
    r"|struck|rammed|attacked|targeted|drove\s+(?:[\w-]+\s+){1,6}?into)\b)"
    # "twin suicide bombings tore through ...", "a suicide car bombing killed 9": one bomber each
    r"|\b(?:(?P<q2>two|three|four|\d)\s+|(?P<twin>twin|double)\s+|an?\s+|the\s+)(?:car\s+|truck\s+|vest\s+)?"
    r"suicide\s+(?:car\s+|truck\s+)?bombings?\b(?=[^.]*\b(?:kill\w*|dead|died|tore|ripped|wound\w*|injur\w*)\b)",
    _I,
)
_SUICIDE_FAILED = re.compile(
    r"\b(?:arrested|detained|captured|apprehended|foiled|defused|thwarted|failed\s+to\s+(?:detonate|explode)"
    r"|before\s+(?:he|she|they)\s+could|survived|wounded\s+(?:suicide\s+)?(?:bomber|attacker))\b",
    _I,
)


def _suicide_bombers(text: str, sentences: Sequence[Sentence], figures: list[Figure],
                     published: dt.date | None = None, low_text: str | None = None) -> Figure | None:
    """A suicide bomber who detonated died, and ACLED and GTD count the bomber: when the text
    reports the blast but never the bomber's death, the bomber is added as one (perpetrator)
    death, explicitly marked by its evidence span."""
    if any(f.field == "killed" and f.role in ("perpetrators", "mixed") and not f.negation for f in figures):
        return None
    if low_text is None:
        low_text = _lower(text)
    if "suicide" not in low_text:
        return None
    for idx, sent in enumerate(sentences):
        if low_text.find("suicide", sent.start, sent.end) == -1:
            continue
        m = _SUICIDE.search(sent.text)
        if m is None:
            continue
        # (a failed or foiled attack anywhere in the text: no bomber died; searched only now,
        # as the whole text is long and most texts that say "suicide" report no bomber)
        if _SUICIDE_FAILED.search(text):
            return None
        q = m.group("q") or m.group("q2")
        value = parse_quantity(q) if q else Range.exact(2 if m.group("twin") else 1, m.group(0))
        if value is None or value.best > 5:
            return None
        return Figure("killed", value, sent.start + m.start(), sent.start + m.end(), idx,
                      role="perpetrators", additive=True, background=_is_background(sent.text.lower(), published))
    return None


# Any trigger stem, matched from its first "d", "l", "s" or "u" (every stem has one; together
# about 15% of the characters of English text): the engine skips every other position in C.
_TRIGGER_RE = re.compile(pivot_pattern(_TRIGGER_STEMS, "dlsu"))


def _trigger_sentences(low_text: str, sentences: Sequence[Sentence]) -> list[int]:
    """Indices of the sentences that contain a trigger stem, in order."""
    # One pass of the stems' pivot pattern over the text, jumping to the end of each sentence
    # hit. A stem never crosses a sentence boundary (only quotes, brackets and white space lie
    # between sentences), so the sentence that holds its pivot holds all of it.
    starts = [s.start for s in sentences]
    hit: list[int] = []
    search = _TRIGGER_RE.search
    m = search(low_text)
    while m is not None:
        i = m.start()
        k = bisect_right(starts, i) - 1
        if k >= 0 and i < sentences[k].end:
            hit.append(k)  # (increasing: the search only moves forward)
            m = search(low_text, sentences[k].end)  # one hit per sentence is enough
        else:
            m = search(low_text, i + 1)
    return hit


def _lower(text: str) -> str:
    """``text`` lower-cased with every offset kept (a few characters change length when
    lower-cased; those stay as they are)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def _is_background(low: str, published: dt.date | None = None) -> bool:
    """An earlier incident or a running total: a death or injury figure here never counts."""
    return (_BACKGROUND.search(low) is not None or _CUMULATIVE.search(low) is not None
            or _dated_before(low, published) or _told_past(low) or _rate(low))


# Rarer marks of an earlier incident, each searched only where its own words occur (a mark in
# `_BACKGROUND` is tried at every word of every sentence with a figure).
# A court case: the killings it tries are an earlier incident ("The gunman who killed 51
# worshippers lost his appeal", "found guilty of murdering seven babies", "The inquest heard").
_COURT_HINTS = ("appeal", "sentenced", "convicted", "jailed", "acquitted", "imprisoned", "guilty", "trial", "inquest",
                "jury", "juror")
_COURT_HINT = substring_test(_COURT_HINTS).search
_COURT = re.compile(
    r"\b(?:(?:lost|won|filed|launched|loses|wins|rejected|dismissed|upheld)\s+(?:his|her|their|an|the)\s+(?:\w+\s+)?appeal"
    r"|(?:was|were|been|is|are|being)\s+(?:\w+ly\s+)?(?:sentenced|convicted|jailed|acquitted|imprisoned)"
    r"|(?:court|judge|jury|tribunal)\s+(?:\w+\s+)?(?:jailed|sentenced|convicted|acquitted|imprisoned)"
    r"|(?:found|pleaded|pleads|plead)\s+(?:not\s+)?guilty|guilty\s+of|(?:went|go|goes|stood|stand|stands)\s+on\s+trial"
    r"|on\s+trial\s+for|(?:trial|retrial|inquest)\s+(?:of|into|opened|heard|began|resumed|was\s+told)|jury|jurors"
    r"|sentenced\s+(?:\w+\s+)?to)\b")
# A past decade: "the 20 miners who died in the 1960s pit disaster".
_DECADE = re.compile(r"\b(?:in|during|of|since)\s+the\s+(?:early\s+|late\s+|mid-?)?(?:19\d0|20[01]0)s\b")
# A world statistic or a yearly rate: "with 684,000 deaths globally", "eight million deaths a
# year" (not "in a year", "a year ago", "a year after the quake").
_RATE_HINTS = ("globally", "worldwide", "around the world", "across the world", "a year")
_RATE_HINT = substring_test(_RATE_HINTS).search
# A life story: "was wounded twice in his early career", "was injured as a child during his
# youth" (a biography or an obituary, not the article's event).
_LIFE_HINTS = ("career", "youth", "childhood", "lifetime")
_LIFE_HINT = substring_test(_LIFE_HINTS).search
_LIFE = re.compile(r"\b(?:in|during|early\s+in|earlier\s+in|later\s+in|over|throughout)\s+(?:his|her|their)\s+"
                   r"(?:[\w-]+\s+){0,2}?(?:career|youth|childhood|lifetime)\b")
_TOLD_HINT = substring_test((*_COURT_HINTS, *_RATE_HINTS, *_LIFE_HINTS, "0s")).search
_RATE = re.compile(
    r"\b(?:(?:deaths|people|lives|children|cases)\s+(?:globally|worldwide|around\s+the\s+world|across\s+the\s+world)"
    r"|(?<!\bin\s)(?<!\bfor\s)(?<!\bthan\s)(?<!\bnearly\s)(?<!\balmost\s)(?<!\bover\s)a\s+year"
    r"(?![\w-]|\s+(?:ago|earlier|after|before|later|since|old|on|of|to|in\s+which|when)\b))")


def _told_past(low: str) -> bool:
    """A court case, a past decade or a life story (`_COURT`, `_DECADE`, `_LIFE`): an earlier
    incident."""
    return ((_COURT_HINT(low) is not None and _COURT.search(low) is not None)
            or ("0s" in low and _DECADE.search(low) is not None)
            or (_LIFE_HINT(low) is not None and _LIFE.search(low) is not None))


def _rate(low: str) -> bool:
    """A world statistic or a yearly rate (`_RATE`): a running total."""
    return _RATE_HINT(low) is not None and _RATE.search(low) is not None


_MONTH_ALT = "|".join(_MONTHS) + "|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec"
# A full date: "March 3, 2019", "3 March 2019".
_FULL_DATE = re.compile(
    rf"\b(?:(?P<mon1>{_MONTH_ALT})\.?\s+(?P<day1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year1>(?:19|20)\d\d)"
    rf"|(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mon2>{_MONTH_ALT})\.?,?\s+(?P<year2>(?:19|20)\d\d))\b"
)


def _full_date_before(low: str, published: dt.date) -> bool:
    """A full date more than a month before the article's: an earlier incident (news reports
    an event within days; a lead dated "on March 3" of the same month is the event)."""
    for m in _FULL_DATE.finditer(low):
        mon = (m.group("mon1") or m.group("mon2") or "").rstrip(".")
        try:
            when = dt.date(int(m.group("year1") or m.group("year2")), _MONTH_NUMBER[mon],
                           int(m.group("day1") or m.group("day2")))
        except (KeyError, ValueError):
            continue
        if (published - when).days > 31:
            return True
    return False


def _may_be_dated(low: str) -> bool:
    """Cheap pre-test for `_dated_before`: a year (its first two digits), "last " or a month
    name written out (an abbreviated month counts only with a year). Substring tests run at
    C speed; any regular expression would scan the sentence position by position."""
    return _DATED_HINT(low) is not None


def _dated_before(low: str, published: dt.date | None) -> bool:
    """The sentence is anchored to a time before the article's: "in June 2022", "last May",
    "In November," (in a March article). Without the article's date only a month of a
    "last May" counts (a bare "in 2014" is `_BACKGROUND`'s)."""
    for m in _DATED.finditer(low):
        mon = m.group("mon")
        month = _MONTH_NUMBER.get(mon.rstrip(".")) if mon else None
        year_txt = m.group("year1") or m.group("year2") or m.group("year3") or m.group("year4")
        year = int(year_txt) if year_txt else None
        if m.group("prep") == "last" and month is not None and year is None:
            return True  # "last May"
        if published is None:
            continue  # "as at May 2015" in a report without a date may be its own date
        if year is not None:
            if year < published.year or (year == published.year and month is not None and month < published.month):
                return True
        elif (month is not None and m.group("prep") in ("in", "during", "early", "late", "mid")
              and (published.month - month) % 12 >= 2):
            # "In November," in a March article: November of an earlier year (the month just
            # before may still be the event's: "in late May" in a report of June 2)
            return True
    return published is not None and ("19" in low or "20" in low) and _full_date_before(low, published)


_BACKGROUND_HINTS = ("last ", "ago", "earlier", "this year", "this summer", "this winter", "this spring",
                     "this autumn", "this fall", "season", "since", "similar", "separate", "years", "months",
                     "deadliest", "worst", "in all of", "year before", "in 19", "in 20", "past", "decade", "displaced",
                     "nationwide", "countrywide", "throughout", "across the", "during the", "home to", "fled",
                     "earlier", "before", "prior", "been killed", "year", "annually", "previous week",
                     "previous month", "previous year", "hour after", "hours after", "day after",
                     "days after", "week after", "weeks after", "month after", "months after", "initial",
                     "preliminary")
# A word every `_BACKGROUND` match contains (most sentences with a background hint have none).
_PAST_HINTS = ("last", "ago", "similar", "deadliest", "worst", "earlier", "before", "19", "20", "prior", "fled",
               "previous", "past", "after", "initial", "preliminary")
# "no" alone is in "not", "now", "north", "known": every negation has "no" + space, "nobody" or "not ".
_NEGATION_HINTS = ("no ", "no\n", "nobody", "not ", "neither", "unharm", "unhurt", "unscath", "without", "zero",
                   "0 fatal", "none ")
_SUBSET_HINTS = ("(", "[", "includ", "among", "of wh", "mostly", "mainly", "of them", "majority")
_BACKGROUND_HINT = substring_test(_BACKGROUND_HINTS).search
_PAST_HINT = substring_test(_PAST_HINTS).search
_NEGATION_HINT = substring_test(_NEGATION_HINTS).search
_SUBSET_HINT = substring_test(_SUBSET_HINTS).search
_DATED_HINT = substring_test(("19", "20", "last ", *_MONTHS)).search


def _may_have_subset(low: str) -> bool:
    return _SUBSET_HINT(low) is not None


class _Flags(NamedTuple):  # (a tuple: made for every sentence with a figure, cheaply)
    past: bool  # an earlier incident
    cumulative: bool  # a running total
    background: bool  # either: deaths and injuries here never count
    separate: bool  # another incident of the same article
    claimed: bool  # a party's claim
    separate_from: int = 0  # where in the sentence the separate incident's clause begins


# "On Jan. 3, a man was killed ...": a day and month without a year.
_ON_DAY = re.compile(
    r"\bon\s+(?:\w+day,?\s+)?(?P<mon>" + "|".join(_MONTHS) + r"|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?"
    r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b(?!\s*,?\s*(?:19|20)\d\d)"
)


def _day_before(low: str, published: dt.date) -> bool:
    """ "On Jan. 3, a man was killed two blocks away" in a February article: a day more than a
    month before publication (its year the publication's, or the one before when the day
    would fall after it) is an earlier incident, as a full date is."""
    for m in _ON_DAY.finditer(low):
        month = _MONTH_NUMBER.get(m.group("mon"))
        if month is None:
            continue
        try:
            when = dt.date(published.year, month, int(m.group("day")))
        except ValueError:
            continue
        if when > published + dt.timedelta(days=7):
            try:
                when = dt.date(published.year - 1, month, int(m.group("day")))
            except ValueError:
                continue
        if (published - when).days > 31:
            return True
    return False


# a clause of its own opening right before "a separate ..." ("..., while a separate strike")
_SEPARATE_CLAUSE = re.compile(r"(?:,\s*|\s)(?:while|whereas|and|but)\s+$|;\s*$")


_LINK_OPENINGS = ("related:", "related stories", "related coverage", "read more:", "more from", "also read",
                  "see also", "recommended:", "trending:", "more news:", "you may also like", "related articles")


# "..., bringing the death toll from this year's floods to 27": a running total named in a
# clause of its own after the event's figure (`_running_total_after_bringing` reads it)
_BRINGING_CLAUSE = re.compile(rf"\b(?:{_BRINGING_VERB})\s+(?:the|its|their)\s+"
                              r"(?:[\w'\u2019-]+\s+){0,6}?$")
_BRINGING_HINT = substring_test(("bring", "brought", "raising", "taking", "takes", "pushing")).search


def _is_cumulative(low: str) -> bool:
    """A running total or a stock, unless its every mark sits in a "bringing the toll ... to"
    clause after the sentence's own figure: then that figure is the event's."""
    m = _CUMULATIVE.search(low)
    if m is None or _BRINGING_HINT(low) is None:
        return m is not None
    while m is not None:
        if _BRINGING_CLAUSE.search(low, max(0, m.start() - 80), m.start()) is None:
            return True
        m = _CUMULATIVE.search(low, m.end())
    return False


def _sentence_flags(low: str, published: dt.date | None) -> _Flags:
    """What kind of report a sentence with figures is (see `_Flags`)."""
    hinted = _BACKGROUND_HINT(low) is not None
    past = ((hinted and _PAST_HINT(low) is not None and _BACKGROUND.search(low) is not None)
            or ((published is not None or "last " in low) and _may_be_dated(low) and _dated_before(low, published))
            or (published is not None and "on " in low and _day_before(low, published)))
    if _TOLD_HINT(low) is not None:  # (one search for the words of both rarer tests)
        past = past or _told_past(low)
        cumulative = not past and (hinted and _is_cumulative(low) or _rate(low))
    else:
        cumulative = hinted and not past and _is_cumulative(low)
    # a crawled page's links to other stories: "RELATED: Two dead, three hurt in ... shooting"
    background = past or cumulative or low.lstrip(" \t\n*>-\u2022|").startswith(_LINK_OPENINGS)
    sep = (_SEPARATE.search(low) if not background and ("separate" in low or "another" in low or "elsewhere" in low
                                                         or "second" in low or "neigh" in low or "nearby" in low
                                                         or "adjacent" in low or "while in" in low) else None)
    claimed = _CLAIM_HINT(low) is not None and _CLAIM.search(low) is not None
    # "airstrikes killed 60 people, officials said, while a separate strike knocked out the
    # internet": the other incident is told in a clause after the figures; theirs is the lead's
    tail = sep.start() if sep is not None and _SEPARATE_CLAUSE.search(low, 0, sep.start()) else 0
    return _Flags(past, cumulative, background, sep is not None, claimed, tail)


def _sentence_figures(s: str, base: int, idx: int, low: str | None = None,
                      published: dt.date | None = None) -> list[Figure]:
    """The figures of one sentence ``s`` that starts at ``base`` in the article: negations,
    then each casualty expression tied to its object or subject counts."""
    if low is None:
        low = _lower(s)
    has_negation = _NEGATION_HINT(low) is not None
    # Subset phrases are blanked before the scan that counts; the unmasked text only decides
    # whether the sentence has a casualty expression at all (else, without a negation, it
    # yields nothing). Either way each text is scanned once.
    low_masked, subsets = _mask(low, _subset_matches(low)) if _may_have_subset(low) else (low, [])
    masked = s
    if subsets:
        if not has_negation and not _has_verb(low):
            return []  # a trigger word but no casualty expression: nothing to count
        for a, b, _piece in subsets:
            masked = masked[:a] + " " * (b - a) + masked[b:]
        verb_matches, quant_matches = _scan(low_masked)
    else:
        verb_matches, quant_matches = _scan(low)
        if not verb_matches and not has_negation:
            return []  # a trigger word but no casualty expression: nothing to count
    # Whether the sentence may tell no event (a drill, a plot, a forecast, an obituary, a sports
    # injury) is decided at its first count, in one search for the words of all those tests:
    # most sentences hold none of them, and half yield no count at all.
    maybe_not_happened: bool | None = None
    staged, maybe_hypothetical = None, False
    # The sentence's flags (background, separate, claim) are decided only once it yields a
    # figure: about half of the sentences with a trigger word yield none.
    flags: _Flags | None = None
    out: list[Figure] = []
    covered: list[tuple[int, int]] = []  # negation spans: their words are not verbs

    for m in (_NEGATIONS.finditer(low_masked) if has_negation else ()):
        which = m.lastgroup or "both"
        fields = ("killed", "wounded") if which == "both" else (which,)
        covered.append(m.span())
        flags = flags or _sentence_flags(low, published)
        for f in fields:
            out.append(Figure(f, Range.exact(0, m.group(0)), base + m.start(), base + m.end(), idx,
                              negation=True, background=flags.background,
                              separate=flags.separate and m.start() >= flags.separate_from))

    quants = _quantities(quant_matches, masked)
    used: set[int] = set()  # quantity starts already tied to a verb
    singulars: set[tuple[str, str]] = set()
    verbs = [v for v in verb_matches if not any(a <= v.start() < b for a, b in covered)] if covered else verb_matches
    prev_end = 0
    for vi, v in enumerate(verbs):
        vs, ve = v.span()
        field, mode = _VERB_FIELD_MODE[v.lastgroup]
        if (field == "displaced" and "to " in low_masked[max(0, vs - 24):vs]
                and _INTENT_BEFORE.search(masked, max(0, vs - 24), vs)):
            continue  # "two villagers who tried to flee were shot dead": no one fled
        if field == "wounded" and mode == "act" and _INJURED_WHO_DIED.match(masked, ve):
            continue  # "four more injured workers died": the dead, once wounded
        if mode == "act" and field != "displaced" and _thing_object(masked, low_masked, ve):
            prev_end = ve
            continue  # "killing hopes of a recovery", "killed the merger": no one is hurt
        if field == "shot" and low_masked.startswith(" down", ve) and not _QUANT_AFTER.match(low_masked, ve + 5):
            prev_end = ve
            continue  # "the plane was shot down", "the striker was shot down by critics" (not "shot down 20")
        if mode == "act" and v.group(0)[-2:].lower() == "of" and _OF_A_PERIOD.match(masked, ve):
            continue  # "the city's third homicide of the year": a count of killings, no victim
        next_start = verbs[vi + 1].start() if vi + 1 < len(verbs) else len(masked)
        objects = False  # (the people found are the verb's objects)
        # "Twelve miners are feared dead", "20 are missing and presumed dead": deaths not confirmed
        feared = None
        if field == "killed" and mode in ("pas", "act"):
            before = low_masked[max(0, vs - 70):vs]
            if "feared" in before or "presumed" in before or "believed" in before or "thought" in before:
                feared = _FEARED_BEFORE.search(masked, max(0, vs - 70), vs)
        found: list[tuple[_Q | None, int, int, str, str, bool]] = []  # q, start, end, np, role
        kind = _FIRST_REPORT_KIND
        if mode == "toll":
            q = _first_quant_after(quants, ve, min(len(masked), ve + 120), masked)
            if q is not None and ("could" in low_masked or "may" in low_masked or "might" in low_masked
                                  or "expected" in low_masked or "likely" in low_masked or "fear" in low_masked) and (
                    _TOLL_PROJECTED.search(low_masked, ve, q.start) is not None):
                q = None  # "the toll could rise as rescuers search for 20 missing people": no count yet
            if q is not None:
                gap = low_masked[ve:q.start]
                went_past = _WENT_PAST_HINT(gap) is not None and _PAST_A_FIGURE.search(gap) is not None
                kind = (_UPDATE_KIND if went_past or _UPDATE.search(masked[vs:q.start])
                        or _REVISES_TOLL.search(masked, max(0, vs - 40), vs) else _FIRST_REPORT_KIND)
                if went_past and q.value.max is not None:
                    # "the death toll topped 1,000": the figure is a floor, the toll above it
                    q = _Q(q.start, q.end, Range(min=q.value.min, max=None, best=q.value.best, text=q.value.text,
                                                 vague=q.value.vague), q.text)
                # ("later revised the number to two": the same people as the count it corrects)
                found.append((q, q.start, q.end, "", "victims" if low_masked.startswith(("revised", "lowered",
                                                                                      "corrected"), vs) else "mixed",
                              False))
                if ":" in masked[ve:q.start]:
                    # "Fatalities: 9 soldiers, 14 militants": the list after the colon adds up
                    end = q.end + len(_np_after(masked, q.end, next_start))
                    for q2 in quants:
                        if q2.start < end:
                            continue
                        if q2.start >= next_start or not _LIST_GAP.fullmatch(masked, end, q2.start):
                            break
                        found.append((q2, q2.start, q2.end, "", "mixed", False))
                        end = q2.end + len(_np_after(masked, q2.end, next_start))
        elif mode == "one":
            found.append((None, vs, ve, v.group(0), "victims", False))
        elif mode == "self":
            # (counted among the victims: a later "The boyfriend was pronounced dead" or the
            # person's name is the same death, and restatements of victims count once)
            if _SURVIVED_AFTER.search(masked, ve, ve + 90) is None:  # "... on himself and is in critical condition"
                found.append((None, vs, ve, v.group(0), "victims", False))
        elif mode == "wrap":
            inner = [q for q in quants if vs <= q.start < ve]
            if inner:
                q = inner[0]
                found.append((q, q.start, q.end, masked[q.end:ve], _role(masked[q.end:ve]), False))
            else:
                words = re.sub(r"\s+(?:to\s+death|dead)$", "", v.group(0), flags=_I).split()[1:]
                if words and not re.search(r"(?<![s'])s$|^(?:people|police|children|men|women|them)$",
                                           words[-1], _I):
                    found.append((None, vs, ve, " ".join(words), _role(" ".join(words)), False))
        else:
            obj: list[tuple[_Q | None, int, int, str, str, bool]] = []
            window = low_masked[max(0, vs - 12):vs]
            if any(map(window.__contains__, _NEGATED_HINTS)) and _NEGATED_VERB.search(masked, max(0, vs - 12), vs):
                prev_end = ve
                continue  # "but not killing him"
            if mode == "act" and feared is None and not _PASSIVE_AUX.search(masked, max(0, vs - 40), vs):
                # "was killed a short time later": a passive verb has no object
                obj = _object_chain(masked, quants, ve, next_start, field)
            if obj:
                found.extend(obj)
                objects = True
            elif field == "shot" and mode != "pas" and (not v.group(0).endswith("shot")
                                                        or not _PASSIVE_SHOT.search(masked, max(0, vs - 30), vs)):
                pass  # "started shooting", "witnessed the shooting": no one is counted as shot
            else:
                found.extend(_subject_chain(masked, quants, max(prev_end, _clause_start(masked, vs)),
                                            vs if feared is None else feared.start("rest"), v.group(0), field))
        if found and maybe_not_happened is None:
            maybe_not_happened = _NOT_HAPPENED_HINT(low) is not None
            if maybe_not_happened:
                staged = _staged(low)
                if staged == "all":
                    return []  # a drill, a simulation, a film's plot: nothing happened to anyone
                maybe_hypothetical = (_HYPOTHETICAL_HINT(low_masked) is not None
                                      or "of" in low_masked and _NOT_CARRIED_OUT_HINT(low_masked) is not None)
        if found and mode != "toll" and maybe_hypothetical and _hypothetical_before(masked, low_masked, vs, ve):
            prev_end = ve
            continue  # "an earthquake could kill up to 1,000", "plans to evacuate 10,000": not happened
        if (found and kind is _FIRST_REPORT_KIND and "later" in low_masked
                and all(q is not None and not additive and role != "perpetrators"
                        for q, _a, _b, _np, role, additive in found)
                and _CORRECTION.search(masked, _clause_start(masked, vs), vs)):
            # "an initial report said two died; police later said one": a correction (a count;
            # not "police later said the bomber also died", which adds one)
            kind = _UPDATE_KIND
        for q, a, b, np_text, role, additive in found:
            if q is not None:
                if q.start in used:
                    continue
                used.add(q.start)
            else:
                key = (field, " ".join(np_text.lower().split()))
                if key in singulars:
                    continue  # a headline repeated in one line names the same person twice
                if any(o.field == field and o.start < base + b and base + a < o.end for o in out):
                    continue  # "the killing of a 38-year-old man who died ...": the same person
                singulars.add(key)
                if ((_OBJECT_THING_HEAD if objects else _THING_HEAD).search(np_text) is not None
                        and ("seal" not in np_text.lower() or "SEAL" not in np_text and "navy" not in low)):
                    continue  # a thing or an animal is no person: "the bill was killed", "a dog was shot dead"
            if field == "killed" and mode == "pas" and maybe_not_happened and _natural_death(low_masked):
                continue  # "The actor died on Sunday at the age of 87": an obituary, no event
            if (field == "killed" and maybe_not_happened and _obituary_history(low_masked, a)):
                continue  # "..., who survived the genocide in which 800,000 were killed, died aged 80"
            if field == "wounded" and maybe_not_happened and _sports_injury(low_masked, np_text):
                continue  # "Two players were injured in the second half": a match report, no event
            f = _field_for(field, np_text)
            if f is None or staged is not None and f.startswith("displaced"):
                continue  # ("took part in an evacuation drill": no one was displaced)
            if (maybe_hypothetical and f.startswith("displaced")
                    and _PLAN_FOR_DISPLACED.search(masked, max(0, a - 90), a) is not None):
                continue  # "plans to resettle 50,000 displaced families": a plan for a population
            value = q.value if q is not None else Range.exact(1, masked[a:b])
            if feared is not None:
                # only a ceiling is known, as for "up to 30": min 0, the stated figure as best
                value = Range(min=0, max=value.max, best=value.best, text=value.text, vague=value.vague)
            if role == "victims" and q is not None and _covers_perpetrator(subsets, q.end, ve):
                role = "mixed"  # "at least four are dead, including the gunman": covers both
            if mode == "toll" and q is not None and _ADDITIVE_QUAL.match(q.text.strip()):
                additive = True
            flags = flags or _sentence_flags(low, published)
            bg = flags.past if f.startswith("displaced") else flags.background
            out.append(Figure(f, value, base + a, base + b, idx,
                              kind=_CUMULATIVE_KIND if flags.cumulative and not bg else kind, role=role,
                              additive=additive, background=bg, separate=flags.separate and a >= flags.separate_from,
                              claimed=flags.claimed))
        if not (field == "shot" and mode == "pas"):
            prev_end = ve  # ("was hit by gunfire and died": the subject is shared)
    if len(out) > 1 and (" or " in low_masked or _ALTERNATIVE_HINT(low_masked) is not None):
        _drop_alternatives(out, masked, base)
    if len(out) > 1 and " of " in low_masked:
        _drop_subsets(out, masked, base)
    # "In addition to the three bombers, one civilian was killed": the bombers died too.
    for m in (_IN_ADDITION.finditer(masked) if "addition" in low_masked else ()):
        q = parse_quantity(m.group("q")) if m.group("q") else Range.exact(1, m.group("one"))
        if q is not None and any(f.field == "killed" and not f.negation for f in out):
            a, b = m.span("q") if m.group("q") else m.span("one")
            flags = flags or _sentence_flags(low, published)
            out.append(Figure("killed", q, base + a, base + b, idx, role=_role(m.group(0)), additive=True,
                              background=flags.background, separate=flags.separate))
    if out and ("another" in low_masked or "further" in low_masked or "additional" in low_masked):
        # "Ten people died on Monday and another three on Tuesday": the verb is left out of
        # the second count, which adds to the field of the count before it
        for m in _ELLIPTIC_MORE.finditer(low_masked):
            before = [v for v in verbs if v.end() <= m.start()]
            if not before or any(f.start - base >= m.start() for f in out):
                continue
            field = _VERB_FIELD_MODE[before[-1].lastgroup][0]  # the nearest verb's
            prev = [f for f in out if f.field == field and f.end - base <= m.start() and not f.negation]
            if not prev or _has_break(masked[before[-1].end():m.start()]):
                continue
            last = prev[-1]
            q = parse_quantity(masked[m.start("q"):m.end("q")])
            if q is not None:
                # the two counts make one figure (so "Rebels killed 22 ... Ten died in Mbau and another
                # 12 in Kamango" is the same 22 again, not 34)
                out[out.index(last)] = replace(last, value=last.value + q)
    if "each side" in low_masked or "either side" in low_masked:
        # "3 dead on each side": a count per side of a clash of two sides
        for i, f in enumerate(out):
            m = _EACH_SIDE.match(masked, f.end - base)
            if m is not None and f.field in ("killed", "wounded") and not f.negation:
                out[i] = replace(f, value=f.value + f.value)
    if any(map(low_masked.__contains__, _LEFT_OUT_HINTS)):
        for m in _PERP_LEFT_OUT.finditer(masked):
            if m.group("q"):
                q = parse_quantity(m.group("q"))
            elif m.group("who").lower().endswith("s") and m.group("who").lower() not in ("gunmen",):
                q = None  # "excluding the attackers": how many is not said
            else:
                q = Range.exact(2 if m.group(0).lower().split()[-2:-1] == ["both"] else 1, m.group("who"))
            # ("No one was killed besides the bomber": the zero is everyone else)
            if q is not None and any(f.field == "killed" and (not f.negation or f.negation and f.end - base <= m.start()
                                                              and _has_verb(low_masked[f.start - base:m.start()]))
                                     for f in out):
                a, b = m.span("who")
                flags = flags or _sentence_flags(low, published)
                out.append(Figure("killed", q, base + a, base + b, idx, role="perpetrators", additive=True,
                                  background=flags.background, separate=flags.separate))
    return out


_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+|;\s*)")
# what ends a relative clause before the verb's own subject could follow ("a man who witnessed the
# attack said the victim ..."); its own verbs ("who fired at officers") do not
_SHOOTER_CLAUSE = re.compile(r"\bwho\s+(?:had\s+)?(?:fired|opened\s+fire|shot\s+at|pointed\s+a|attacked|stabbed|robbed"
                             r"|tried\s+to\s+rob)\b", _I)
_RELATIVE_BREAK = re.compile(r"\b(?:said|says|told|tells|when|while|because|although|though|but|then)\b|[;:]", _I)
_ELLIPTIC_MORE = re.compile(
    rf"\band\s+(?:another|a\s+further|an\s+additional)\s+(?P<q>{_QP})\s+(?:(?:people|persons|others)\s+)?"
    r"(?=(?:on|in|at|near|during|from|the\s+next|the\s+following)\b|$|[.,;])")
_OF_A_PERIOD = re.compile(r"\s+(?:the|this|last)\s+(?:year|month|week|weekend|day|season|decade)\b|\s+(?:19|20)\d\d\b",
                          _I)
_INJURED_WHO_DIED = re.compile(r"\s+(?:[a-z-]+\s+)?[a-z-]+s\s+(?:later\s+|also\s+|have\s+|had\s+)?(?:died|succumbed)\b",
                               _I)
_SURVIVED_AFTER = re.compile(r"\b(?:survived|surviv|critical|serious|stable|hospitali[sz]ed|hospital|expected|wounded"
                             r"|injured|recovering)", _I)


# A figure its clause gives as a later correction of an earlier one: it replaces it, up or down.
_CORRECTION = re.compile(r"\blater\s+(?:said|says|revised|corrected|lowered|put|confirmed|reported|updated)\b", _I)
_ALTERNATIVE = re.compile(
    r"\b(?:other|another|different|some|local|hospital|medical|rescue)\s+(?:sources?|reports?|officials?|media|outlets?)"
    r"|\baccording\s+to\s+(?:other|some|another)|\bwhile\s+(?:others?|some)\s+(?:said|put|reported|say)"
    r"|\bput\s+the\s+(?:toll|figure|number)|\bor\s+(?:as\s+many\s+as\s+)?$"
    r"|\bor\s+(?:if|whether)\s+(?:\w+\s+){0,3}$",
    _I,
)


# Every match of these opens at a word start: each is searched from the character before a
# word (extraction/_scan.py), with the same matches. Rebound here, after the last of them.
# (Measured one by one: only where this beats the plain search, on long spans.)
_NEGATIONS = WordStartPattern(_NEGATIONS)
_BREAK_WORDS = WordStartPattern(_BREAK_WORDS)
_BACKGROUND = WordStartPattern(_BACKGROUND)
_CUMULATIVE = WordStartPattern(_CUMULATIVE)
_ALTERNATIVE = WordStartPattern(_ALTERNATIVE)
_FULL_DATE = WordStartPattern(_FULL_DATE)

_ALTERNATIVE_HINTS = ("source", "report", "official", "media", "outlet", "according", "while", "put the")
_ALTERNATIVE_HINT = substring_test(_ALTERNATIVE_HINTS).search


def _drop_alternatives(out: list[Figure], masked: str, base: int) -> None:
    """Two tolls from different sources in one sentence ("25 were killed, but other sources
    reported at least 37") are alternatives, not two incidents: keep the conservative one."""
    if " or " not in masked and _ALTERNATIVE.search(masked) is None:
        return  # no second source named in the sentence: the usual case, decided in one search
    pos = [f for f in out if not f.negation and not f.additive]
    dropped: set[int] = set()  # ids: figures compare by value, and equal ones may be distinct
    for i, later in enumerate(pos):
        # the nearest earlier figure of the same field is the one a second source contradicts
        earlier = next((f for f in reversed(pos[:i]) if f.field == later.field and id(f) not in dropped), None)
        if earlier is None or id(later) in dropped:
            continue
        between = masked[earlier.end - base:later.start - base]
        if _ALTERNATIVE.search(between):
            dropped.add(id(later) if later.value.best >= earlier.value.best else id(earlier))
    if dropped:
        out[:] = [f for f in out if id(f) not in dropped]


def _drop_subsets(out: list[Figure], masked: str, base: int) -> None:
    """ "displaced 18,000 people, many of whom are sheltering in churches": a part of a group
    the sentence has already counted for the same field is not counted again."""
    kept: list[Figure] = []
    for f in out:
        a, b = f.start - base, f.end - base
        if masked[a:b].lower().endswith(" of"):
            b -= 3  # a vague quantity takes its "of" along ("many of"): read it with what follows
        # (only when that group is the nearest count before it: in "killed 4 people and
        # abducted 7 others, 2 of whom were later killed" the 2 are part of the 7)
        if (_OF_WHOM.match(masked, b) is not None and not f.negation
                and any(g.field == f.field and not g.negation and g.end - base <= a
                        and _QUANT.search(masked, g.end - base, max(g.end - base, a - 1)) is None for g in kept)):
            continue
        kept.append(f)
    out[:] = kept


def _clause_start(masked: str, verb_start: int) -> int:
    """Where the subject of a verb may begin: after the last strong break before it."""
    cut = max(masked.rfind(";", 0, verb_start), masked.rfind(":", 0, verb_start), masked.rfind(" - ", 0, verb_start),
              masked.rfind("\u2014", 0, verb_start))
    return cut + 1 if cut >= 0 else 0


def _first_quant_after(quants: list[_Q], lo: int, hi: int, masked: str) -> _Q | None:
    for q in quants:
        if lo <= q.start < hi:
            gap = masked[lo:q.start].lstrip(" :")
            if _has_break(gap) and not _AT_TO_OF.search(gap):
                return None
            return q
    return None


def _np_after(masked: str, pos: int, limit: int) -> str:
    """The few words after a quantity that say who was counted ("soldiers", "assailants")."""
    m = _NP_WORDS.match(masked, pos, limit)
    return m.group(0) if m else ""


# Singular people listed before a counted group that closes the list: "The council member,
# his wife and their three children" (the group is counted on its own).
_SINGULARS_BEFORE_GROUP = re.compile(
    # (after an opening time or place phrase: "On 5 May 2020, a woman and her 3 children")
    r"\s*(?:(?:on|in|at|during|late|early|yesterday|today|overnight|earlier|meanwhile)\b[^,;:()]{0,40},\s*"
    # (or after who found them: "Deputies found a woman and her two children dead")
    r"|(?:[\w'-]+\s+){1,3}?(?:found|discovered)\s+)?"
    r"((?:(?:the|a|an|his|her|their)\s+[\w'-]+(?:\s+(?!and\b)[\w'-]+)?\s*,\s*)*"
    r"(?:the|a|an|his|her|their)\s+[\w'-]+(?:\s+(?!and\b)[\w'-]+)?)\s*,?\s+and\s+(?:(?:his|her|their|its|the)\s+)?",
    _I,
)
# An item that is no singular person: a plural, or a clause ("The fighting erupted", "a fire broke out").
_PLURAL_ITEM = re.compile(r"(?<![s'])s$|\b(?:people|police|children|men|women|family|families)$|ed$"
                          r"|\b(?:went|broke|began|came|fell|hit|struck|ran|blew|off|out|up|down|over)$", _I)
# An active verb whose object the number is ("affected 20,000 people"): no subject of a later
# verb. (Not "left": "left 3 soldiers and 2 rebels dead" counts both.)
_OBJECT_VERB_BEFORE = re.compile(
    r"\b(?:affect(?:ed|ing)|kill(?:ed|ing)|injur(?:ed|ing)|wound(?:ed|ing)|damag(?:ed|ing)|destroy(?:ed|ing)"
    r"|displac(?:ed|ing)|evacuat(?:ed|ing)|rescu(?:ed|ing))\s+(?:(?:at\s+least|about|some|around"
    r"|nearly|almost|more\s+than|over|an\s+estimated|another)\s+)?$",
    _I,
)
# A verb group right after a coordinated object: it opens a clause of its own.
_PASSIVE_AFTER = re.compile(r"\s*,?\s*(?:were|was|are|is|have\s+been|had\s+been)\s+(?:\w+ly\s+|also\s+)?[a-z]+(?:ed|en|t)\b",
                            _I)
# "killed 43 people and 24 others are missing": the count after "and" opens a clause of its own
_MISSING_AFTER = re.compile(r"(?:\s+[\w'-]+){0,2}?\s+(?:were|was|are|is|remain|remained|have\s+been|had\s+been)\s+"
                            r"(?:still\s+)?(?:missing|unaccounted)\b", _I)


def _object_chain(masked: str, quants: list[_Q], lo: int, hi: int, field: str
                  ) -> list[tuple[_Q | None, int, int, str, str, bool]]:
    """Quantities right after an active verb: "killing 10 soldiers and 3 civilians"."""
    out: list[tuple[_Q | None, int, int, str, str, bool]] = []
    pos = lo
    first = True
    for q in quants:
        if q.start < pos:
            continue
        if q.start >= hi:
            break
        gap = masked[pos:q.start]
        if first:
            if not _OBJECT_GAP.fullmatch(gap):
                break
        elif (not _CONNECTOR.match(gap) or _has_break(gap)
              or _OF_WHOM.match(masked, q.end, q.end + 16)):
            break  # "shot two people, one of whom died": the part is not another group
        np_text = _np_after(masked, q.end, hi)
        if not first and (_SAID_AFTER.match(masked, q.end + len(np_text), hi) or _SAID_IN.search(np_text)):
            break  # "killed four militants, two officials said": the sources, not victims
        if not first and (_PASSIVE_AFTER.match(masked, q.end + len(np_text)) or _MISSING_AFTER.match(masked, q.end)):
            break  # "killed 5 soldiers and 3 civilians were wounded": the subject of a clause of its own
        out.append((q, q.start, q.end, np_text, _role(q.text + " " + np_text), bool(_ADDITIVE_QUAL.match(q.text.strip()))))
        pos = q.end + len(np_text)
        first = False
    if len(out) >= 3 and "," in masked[out[0][2]:out[1][1]]:
        # "killed 11 fighters, seven from the factions and four from the army": a breakdown
        parts = [item[0].value.best for item in out[1:] if item[0] is not None]
        if out[0][0] is not None and len(parts) == len(out) - 1 and sum(parts) == out[0][0].value.best:
            out = out[:1]
            pos = hi
    if out and field in ("killed", "wounded", "shot"):
        # a singular one after a counted group: "killing 11 police officers and a civilian"
        nxt = _AND_NEXT.match(masked, pos, hi)
        m = _SINGULAR_OBJECT.match(masked, nxt.end(), hi) if nxt is not None else None
        if m is not None and m.group("head") and not (re.search(r"(?<![s'])s$", m.group("head"), _I)
                                                      or m.group("head").lower() in _PLURAL_HEADS
                                                      # "and another 2 were wounded": a count, no one person
                                                      or _QUANT.fullmatch(m.group("head").lower())):
            a = m.start() + len(m.group(0)) - len(m.group(0).lstrip())
            np_text = m.group(0).strip()
            out.append((None, a, m.end(), np_text, _role(np_text), False))
            pos = m.end()
    if out:
        me = _AND_SELF.match(masked[pos:hi])
        if me and field == "killed":
            a = pos + me.start(1)
            out.append((None, a, a + len(me.group(1)), me.group(1), "perpetrators", False))
        return out
    if field not in ("killed", "wounded", "shot"):
        return out
    pos = lo
    res: list[tuple[_Q | None, int, int, str, str, bool]] = []
    commas_from = -1  # the first item joined by a bare comma, until an "and" closes the list
    for _ in range(4):
        m = _SINGULAR_OBJECT.match(masked, pos, hi)
        if res:
            # a counted group after a singular one: "a village chief and his two sons"
            det = _POSSESSIVE.match(masked, pos, hi)
            start = det.end() if det else pos
            while start < hi and masked[start] == " ":
                start += 1
            q = next((q for q in quants if q.start == start), None)
            if q is not None:
                np_text = _np_after(masked, q.end, hi)
                res.append((q, q.start, q.end, np_text, _role(q.text + " " + np_text), False))
                break
        if m is None and res and field in ("shot", "wounded") and res[-1][3].lower() in ("himself", "herself"):
            # "accidentally shot himself and cousin": a kin noun without its article
            kin = _BARE_KIN.match(masked, pos, hi)
            if kin is not None:
                res.append((None, kin.start(1), kin.end(1), kin.group(1), "victims", False))
            break
        if m is None:
            break
        if m.group("fam"):
            n = parse_quantity(m.group("famq"))
            if n is None:
                break
            res.append((_Q(m.start("famq"), m.end("famq"), n, m.group("famq")), m.start("famq"), m.end("famq"),
                        m.group("fam"), "victims", False))
        elif m.group("self"):
            res.append((None, m.start("self"), m.end("self"), m.group("self"),
                        "perpetrators" if field == "killed" else "victims", False))
        else:
            if m.group("uname") and not _upper_case(masked):
                break  # capitals in mixed-case text are acronyms, not names
            head = m.group("head") or m.group("name") or m.group("uname") or m.group("pron") or ""
            if m.group("name") and _title_case(masked):
                break  # "Shooting View Full Caption": in a headline every word looks like a name
            if m.group("head") and (re.search(r"(?<![s'])s$", head, _I) or head.lower() in _PLURAL_HEADS):
                break
            a = m.start() + len(m.group(0)) - len(m.group(0).lstrip())
            np_text = m.group(0).strip()
            res.append((None, a, m.end(), np_text, _role(np_text), False))
        end = m.end()
        if m.group("head") or m.group("name"):
            of = _OF_PLACE.match(masked, end, hi)
            if of is not None:  # "the village chief of Koumbri and his deputy"
                end = of.end()
        part = _BODY_PART_AFTER.match(masked, end, hi)
        if part is not None:  # "shooting himself in the hand, and his relative in the thigh"
            end = part.end()
        nxt = _AND_NEXT.match(masked, end, hi)
        if nxt is not None:
            commas_from = -1  # "and" closes a list
        else:
            nxt = _COMMA_NEXT.match(masked, m.end(), hi)
            if nxt is None:
                break
            if commas_from < 0:
                commas_from = len(res)
        pos = nxt.end()
    if commas_from >= 0:
        # items after a bare comma count only in a list closed by "and" ("a man, a woman and a
        # teenager"): "a man, a father of three, ..." is one man and his apposition
        del res[commas_from:]
    return res


# A casualty or flight that has not happened: a forecast, a hypothesis, a plan or a threat.
# Read in the words right before the verb: a modal that governs it ("could kill up to 1,000",
# "would have to be evacuated", "would have been killed"), or a modal and a verb of causing
# whose object it counts ("could force 200 million people from their homes", "could leave
# 100,000 homeless", "could prevent 10,000 deaths"), or a plan ("plans to evacuate 10,000",
# "threatens to displace 2 million"). Not "may have killed 30" (an uncertain report of a death
# that happened), nor a modal in another clause ("the blast, which could be heard for miles,
# killed 12"; "could trigger more slides where 12 people were killed").
_MODAL = r"(?:could|would|might|(?-i:may)|will|shall|(?:is|are)\s+going\s+to)"
# a plan, a threat or a capacity, before "to": "plans to evacuate", "is set to cause"
_PLAN_TO = (r"(?:plans?|planning|planned|ready|prepared|preparing|aims?|aiming|intends?|intending|expected|likely|set"
            r"|poised|threatens?|threatening|threatened|hopes?|hoping|wants?|seeks?|seeking|proposed|proposes?"
            r"|potential|capacity|power|enough|able)\s+to|capable\s+of")
_HYPOTHETICAL_BEFORE = re.compile(
    rf"\b(?:{_MODAL}\s+(?:(?:[a-z]+ly|also|still|not|then|soon|even|ultimately)\s+)*"
    r"(?:(?:(?:have\s+)?(?:to\s+)?be|have\s+to\s+be|need\s+to\s+be|be\s+forced\s+to|have\s+been|(?<!may\s)(?<!might\s)have)\s+)?"
    rf"|(?:{_MODAL}|{_PLAN_TO})\s+(?:(?:[a-z]+ly|also|still|not|even)\s+)*(?:force|forcing|leave|leaving|cause|causing"
    r"|prevent|preventing|displace|drive|send|put|see|result\s+in|lead\s+to|claim|require|render|make|trigger|affect)\b"
    r"(?:(?!\b(?:where|who|whom|which|that|when|after|since|because|while|as)\b)(?:[^,;:.]|(?<=\d)[,.](?=\d))){0,60}"
    rf"|(?:{_PLAN_TO})\s+(?:(?:be|have\s+to\s+be)\s+)?)$",
    _I,
)
# An evacuation not (yet) carried out, before its noun ("evacuation of"): "preparing for the
# possible evacuation of 40,000", "The plan calls for the evacuation of 200,000".
_NOT_CARRIED_OUT_BEFORE = re.compile(
    r"\b(?:(?:the|a|an|any)\s+(?:possible|potential|proposed|eventual|future|contingency)\s+"
    r"|(?:calls?|calling|called|provides?|providing|allows?)\s+for\s+(?:the\s+|an?\s+)?(?:possible\s+|mass\s+)?"
    r"|(?:plans?|preparations?|preparing|prepared|ready|readiness|drills?)\s+for\s+(?:the\s+|an?\s+)?(?:possible\s+"
    r"|mass\s+)?)$",
    _I,
)
# (per sentence first, then in the words before each verb)
_HYPOTHETICAL_HINTS = (
    "could", "would", "might", "may", "will", "shall", "going to", "plan", "ready", "prepar", "aim", "intend",
    "expected", "likely", "set ", "poised", "threaten", "hope", "hoping", "want", "seek", "propos", "potential", "capa",
    "power to", "enough to", "able to")
_HYPOTHETICAL_HINT = substring_test(_HYPOTHETICAL_HINTS).search
_NOT_CARRIED_OUT_HINTS = ("possible", "potential", "propos", "eventual", "future", "contingency", "for the", "for a",
                          "for mass")
_NOT_CARRIED_OUT_HINT = substring_test(_NOT_CARRIED_OUT_HINTS).search
# (the words of every test above and of `_natural_death` and `_sports_injury`)
_NOT_HAPPENED_HINT = substring_test((*_STAGED_HINTS, *_WORK_HINTS, *_HYPOTHETICAL_HINTS, *_NOT_CARRIED_OUT_HINTS,
                                     *_NATURAL_DEATH_HINTS, *_SPORTS_ROLE_HINTS)).search


# ... and a plan before a verb read with its "to" ("plans to evacuate 10,000")
_PLAN_BEFORE_TO = re.compile(r"\b(?:plans?|planning|planned|ready|prepared|preparing|aims?|aiming|intends?|intending"
                             r"|expected|likely|set|poised|threatens?|threatening|threatened|hopes?|hoping|wants?"
                             r"|seeks?|seeking|proposed|proposes?|potential|capacity|power|enough|able)\s+$", _I)

# a plan for people already displaced: "plans to resettle 50,000 displaced families", "aims to
# relocate 12,000 displaced people to new camps next month" (no one is displaced by it)
_PLAN_FOR_DISPLACED = re.compile(
    rf"\b(?:{_PLAN_TO}|promised\s+to|pledged\s+to|vowed\s+to)\s+(?:[a-z]+\s+){{0,2}}?(?:resettle|relocate|rehouse"
    r"|return|house|move|evacuate|transfer|shelter|repatriate|reintegrate|integrate|assist|help|support|feed|compensate|register)\s+"
    r"(?:(?:up\s+to|about|some|nearly|around|more\s+than|over|at\s+least|another|the|an\s+estimated)\s+)?$", _I)


def _hypothetical_before(masked: str, low_masked: str, vs: int, ve: int) -> bool:
    """The casualty verb at ``vs`` tells something that has not happened
    (`_HYPOTHETICAL_BEFORE`, `_NOT_CARRIED_OUT_BEFORE`). Called only for a sentence that has
    a hint of one."""
    lo = max(0, vs - 90)
    window = low_masked[lo:vs]
    if _HYPOTHETICAL_HINT(window) is not None and (
            _HYPOTHETICAL_BEFORE.search(masked, lo, vs) is not None
            or low_masked.startswith("to ", vs) and _PLAN_BEFORE_TO.search(masked, lo, vs) is not None):
        return True
    return (low_masked.endswith(" of", vs, ve) and _NOT_CARRIED_OUT_HINT(window) is not None
            and _NOT_CARRIED_OUT_BEFORE.search(masked, lo, vs) is not None)


_INTENT_BEFORE = re.compile(r"\b(?:tried|trying|tries|try|attempted|attempting|wanted|unable|planned|began)\s+to\s+$", _I)
_SAID_AFTER = re.compile(r"\s*(?:said|say|says|told|reported|confirmed|added)\b", _I)
_SAID_IN = re.compile(r"\b(?:said|say|says|told|reported|confirmed|added)\b", _I)
_PLURAL_HEADS = frozenset({"people", "police", "children", "men", "women", "them", "personnel", "staff",
                           "family", "families", "forces", "troops", "crew", "others", "dozens", "hundreds"})


_PASSIVE_SHOT = re.compile(
    r"\b(?:were|was|been|being|got|get|gets|is|are)\s+(?:\w+ly\s+|also\s+|reportedly\s+|all\s+|both\s+)*$"
    r"|\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens)\s+"
    r"(?:people\s+|persons\s+|men\s+|women\s+|children\s+|teens\s+|others\s+)?$"
    r"|,\s*$",
    re.IGNORECASE,
)
_NOUN_VERBS = frozenset({"lives", "bodies", "deaths", "fatalities", "death", "fatality"})


def _subject_chain(masked: str, quants: list[_Q], lo: int, verb_start: int, verb: str, field: str
                   ) -> list[tuple[_Q | None, int, int, str, str, bool]]:
    """Quantities that are the subject of a verb: "4 officers and 5 assailants were killed"."""
    cands = [q for q in quants if lo <= q.start and q.end <= verb_start]
    if cands and "only one" in (last := cands[-1].text.lower()) and last.startswith("the only one") \
            and masked[max(0, cands[-1].start - 5):cands[-1].start].lower().endswith(("was ", "is ")):
        cands.pop()  # "The bomber was the only one killed": the subject before it is the one
    out: list[tuple[_Q | None, int, int, str, str, bool]] = []
    right = verb_start
    for q in reversed(cands):
        gap = masked[q.end:right]
        if not out:
            words = _WORDS.findall(gap)
            if verb.lower() in _NOUN_VERBS and len(words) > 3 or verb.lower() == "fatally" and words \
                    and words != ["of", "them"]:
                break  # ("three people were shot, two of them fatally": two killed)
            if gap[:6].lstrip().startswith("of ") and (_OF_THE.fullmatch(gap) or _OF_THE_COUNTED.match(gap)):
                break  # "near one of the bodies": a part of a group already counted
            # "(85,000 of which have been relocated)": the part is the figure
            gap = _OF_WHICH_HEAD.sub(" ", gap)
            words = _WORDS.findall(gap)
            limit = 12 if field == "displaced" else 9  # "189,800 residents living in ... had moved"
            apposition = ("," in gap and masked[:q.start].rstrip().endswith(",")
                          and _APPOSITION_GAP.fullmatch(gap) is not None)
            if not apposition and (len(words) > limit or _has_break(gap)
                                   or "," in gap and not _WERE_WAS.search(gap)):
                # "," inside a subject only survives when subsets were blanked out of it
                if len(words) > limit or _has_break(gap):
                    break
                if _COMMA_WORD.search(gap.strip(" ,")):
                    break
            np_text = gap
            additive = bool(_ADDITIVE_GAP.search(gap) or _ADDITIVE_QUAL.match(q.text.strip())
                            or _ADDITIVE_OPENING.match(masked))
            extra = len(_AND_A.findall(gap)) + (len(_AND_THE_ONE.findall(gap)) if " and " in gap else 0)
            if extra:
                q = _Q(q.start, q.end, q.value + Range.exact(extra), q.text)
            if "number" in gap and _AND_UNKNOWN.search(gap):
                # "11 soldiers and an unknown number of militants were killed": at least 11
                q = _Q(q.start, q.end, q.value + Range(min=0, max=None, best=0), q.text)
        else:
            if not _CONNECTOR.match(gap) or _has_break(gap):
                break
            if _OBJECT_VERB_BEFORE.search(masked, max(lo, q.start - 36), q.start):
                break  # "affected 20,000 people, and 3,100 were made homeless": an object, not a subject
            np_text = _np_after(masked, q.end, right)
            additive = False
        out.append((q, q.start, q.end, np_text, _role(q.text + " " + np_text), additive))
        right = q.start
    if out:
        out = _coordinated_roles(out)
        name = _NAME_AND.search(masked, max(lo, right - 60), right)
        if name is not None:
            out.append((None, name.start(1), name.end(1), name.group(1), "victims", False))
        elif (field in ("killed", "wounded", "shot") and right - lo < 120 and " and " in masked[lo:right]
              and " who " not in masked[right:verb_start]):
            # "The council member, his wife and their three children were killed": the
            # singular people listed before the counted group count one each
            m = _SINGULARS_BEFORE_GROUP.fullmatch(masked, lo, right)
            if m is not None:
                items = [t for t in re.split(r"\s*,\s*", m.group(1).strip()) if t]
                if not _has_break(m.group(1)) and all(not _PLURAL_ITEM.search(t) for t in items):
                    a, b = m.span(1)
                    q = _Q(a, b, Range.exact(len(items), m.group(1)), m.group(1))
                    out.append((q, a, b, m.group(1), _role(m.group(1)), False))
        return out
    if field not in ("killed", "wounded", "shot"):
        return out
    # No number: a singular subject ("A man was killed", "his father was injured", "he died").
    if verb_start - lo > 160:
        # The subject patterns below are anchored at the verb and read a few words back:
        # giving them only the tail keeps each search short.
        cut = masked.find(" ", verb_start - 160, verb_start)
        lo = cut + 1 if cut != -1 else lo
    head = masked[lo:verb_start]
    low_head = head.lower()
    other = _ANOTHER.search(head) if "other" in low_head else None
    if other:  # "a soldier was killed and another injured"
        # summed with the first clause of its own sentence; a restated headline must not add it again
        return [(None, lo + other.start(1), lo + other.end(1), other.group(1), "victims", False)]
    if low_head.startswith(" and ") and len(low_head) < 40:
        # "A woman was killed and her son injured": the second passive drops its "was" (the
        # clause starts after the previous verb; the auxiliary lies before it)
        back = max(0, lo - 60)
        ell = _ELLIPTIC.search(masked, back, verb_start)
        if ell is None and verb in ("injured", "wounded", "hurt") and "dead" in masked[back:lo]:
            # "The shooting left one man dead and a state trooper injured"
            ell = _LEFT_DEAD_AND.search(masked, back, verb_start)
        if ell is not None and not _PLURAL_ITEM.search(ell.group(1)):
            return [(None, ell.start(1), ell.end(1), ell.group(1), _role(ell.group(1)), False)]
    both = _BOTH.search(head) if "both" in low_head else None
    if both:
        q = _Q(lo + both.start(), lo + both.end(1), Range.exact(2, both.group(1)), both.group(1))
        return [(q, q.start, q.end, both.group(0), _role(both.group(0)), False)]
    coord = _COORDINATED.search(head) if " and " in low_head else None
    if coord is None and " and " in low_head:
        coord = _COORDINATED_KIN.search(head)
    if coord and re.search(r"\band\b", coord.group(1), _I):
        items = re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", coord.group(1).strip())
        if len(items) >= 2 and not any(re.search(r"(?<![s'])s$|\b(?:people|police|children|men|women)$", it, _I)
                                       for it in items):
            q = _Q(lo + coord.start(1), lo + coord.end(1), Range.exact(len(items), coord.group(1)),
                   coord.group(1))
            return [(q, q.start, q.end, coord.group(1), _role(coord.group(1)), False)]
    aux = _singular_aux(head)
    if aux is not None:
        subj = head[:aux.start()]
        shooter = False
        if "who" in subj:  # (else `_WHO_END` cannot match)
            subj = _WHO_END.sub(" ", subj)
            k = subj.rfind(" who ")
            if k > 0 and len(subj) - k < 90 and not _RELATIVE_BREAK.search(subj, k) and "," not in subj[k:]:
                # "Another teen who was walking with him was grazed": the subject is the noun
                # before its relative clause, not the clause's last words; "a man who fired at
                # officers" is the shooter
                shooter = _SHOOTER_CLAUSE.search(subj, k) is not None
                subj = subj[:k + 1]
        subj = _strip_appositive(subj)
        sm = _singular_subject(subj)
        if sm is not None and not _none_word(subj[-30:]):
            np_text = sm.group(0).strip()
            if not _plural_subject(np_text):
                a = lo + sm.start() + (len(sm.group(0)) - len(sm.group(0).lstrip()))
                # "One soldier was killed. Another soldier was killed the next day": one more; but
                # "One man died and another man was injured" is the first of its field (as
                # `_ANOTHER` reads "and another injured"), so a headline's "1 injured" is him
                additive = _ADDITIVE_ONE.match(np_text) is not None
                if additive and low_head.startswith((" and ", ", and ", " , and ")) and not any(
                        map(masked[max(0, lo - 24):lo].lower().__contains__, _FIELD_STEMS[field])):
                    additive = False
                return [(None, a, lo + sm.end(), np_text, "perpetrators" if shooter else _pronoun_role(np_text),
                         additive)]
    elif verb.lower() in ("died", "dies", "succumbed", "dead") or verb.lower().startswith(_ACTIVE_SUBJECT_VERBS):
        # (and the verbs whose subject stands without an auxiliary: "another soldier
        # sustained injuries", "the driver survived with injuries")
        # "accidentally shot his sister, who died at the hospital": the one named before "who"
        sm = _DIED_SUBJECT.search(_strip_appositive(_WHO_END.sub(" ", head) if "who" in head else head))
        if sm is not None and not re.search(r"(?<![s'])s$|\bpeople$", sm.group(1), _I):
            a = lo + sm.start(1)
            return [(None, a, lo + sm.end(1), sm.group(1), _pronoun_role(sm.group(1)),
                     _ADDITIVE_ONE.match(sm.group(1)) is not None)]
    verb_low = verb.lower()
    # the subject patterns are anchored at the verb: a search from 60 characters back finds the same
    part = (_PARTICIPLE_SUBJECT.search(head, max(0, len(head) - 60))
            if verb_low in ("killed", "slain", "shot dead", "dead", "gunned down", "hurt", "injured", "wounded")
            and _may_end_in_participle_subject(head) else None)
    if part is not None:
        return [(None, lo + part.start(1), lo + part.end(1), part.group(1), "victims", False)]
    left = (_LEFT_DEAD.search(head) if verb_low in ("dead", "killed", "injured", "wounded", "homeless")
            and "le" in low_head else None)
    if left is not None:
        return [(None, lo + left.start(1), lo + left.end(1), left.group(1), _role(left.group(1)), False)]
    return out


_BODY_PART_AFTER = re.compile(r"\s+" + _IN_BODY_PART + r"\b", _I)
_BARE_KIN = re.compile(r"\s*(cousin|brother|sister|friend|son|daughter|wife|husband|mother|father|nephew|niece"
                       r"|uncle|aunt|grandson|granddaughter|girlfriend|boyfriend)\b(?!\s*'s)", _I)
# Stems of each field's verbs: "and another man was injured" right after a verb of another field
_FIELD_STEMS = {"killed": ("kill", "dead", "died", "death", "slain", "murder", "fatal", "lost"),
                "wounded": ("wound", "injur", "hurt", "hospital", "condition"),
                "shot": ("shot", "wound", "struck", "hit", "grazed")}
_ACTIVE_SUBJECT_VERBS = ("lost", "sustained", "suffered", "received", "survived")
# a person's place after a singular object: "the chief of Koumbri", "the mayor of the town of Bama"
_OF_PLACE = re.compile(r"\s+of\s+(?:the\s+(?:town|village|city|district)\s+of\s+)?(?-i:[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){0,2})"
                       r"(?:\s*\(\s*\))?(?:\s{2,})?")
_ELLIPTIC = re.compile(
    r"\b(?:was|were)\s+(?:\w+ly\s+)?(?:shot\s+and\s+)?(?:killed|shot|wounded|injured|hurt|stabbed)\s+"
    r"(?:[\w'-]+\s+){0,3}?and\s+((?:his|her|their|a|an|the)\s+[\w'-]+(?:\s+[\w'-]+)?)\s+$",
    re.IGNORECASE,
)
_LEFT_DEAD_AND = re.compile(
    r"\b(?:leaving|left|leave|leaves)\s+(?:[\w'-]+\s+){1,4}?dead\s+and\s+((?:a|an|the|his|her|one)\s+[\w'-]+"
    r"(?:\s+[\w'-]+){0,2}?)\s+$", re.IGNORECASE)
_ANOTHER = re.compile(r"(?:\band|,)\s+(another|one\s+other)\s+(?:was\s+|were\s+|is\s+|has\s+been\s+)?(?:[a-z]+ly\s+)?$",
                      re.IGNORECASE)
_BOTH = re.compile(r"\b(both)\s+(?:of\s+(?:the|them|these|those)\s+)?(?:[\w'-]+\s+){0,3}?"
                   r"(?:were|have\s+been|had\s+been|are|later\s+)?\s*(?:[a-z]+ly\s+)?$", _I)
_COORDINATED = re.compile(
    r"((?:\b(?:a|an|the|his|her|their|its)\s+[\w'-]+(?:\s+(?!(?:was|were|is|are|and)\b)[\w'-]+){0,2}"
    r"\s*(?:,\s*(?:and\s+)?|\s+and\s+))+"
    r"\b(?:a|an|the|his|her|their|its)\s+[\w'-]+(?:\s+(?!(?:was|were|is|are|and)\b)[\w'-]+){0,2}?)"
    r"\s+(?:were\s+|have\s+been\s+|had\s+been\s+|are\s+|both\s+|later\s+|also\s+|found\s+)*(?:[a-z]+ly\s+)?$",
    _I,
)
# Kin with one possessive for both: "his mother and younger brother were found dead" (two).
_COORDINATED_KIN = re.compile(
    # (and one article for both: "A father and son were shot dead", "the driver and passenger")
    r"\b((?:(?:his|her|their)\s+(?!(?:was|were|is|are|and)\b)[\w'-]+(?:\s+(?!(?:was|were|is|are|and)\b)[\w'-]+)?"
    r"|(?:a|an|the)\s+(?:man|woman|father|mother|son|daughter|husband|wife|brother|sister|boy|girl|driver"
    r"|passenger|pilot|owner|uncle|aunt|grandmother|grandfather|nephew|niece|mother-in-law|father-in-law))"
    r"\s+and\s+(?!(?:a|an|the|his|her|their|its|was|were|is|are)\b)[\w'-]+(?:\s+(?!(?:was|were|is|are)\b)[\w'-]+)?)"
    r"\s+(?:were\s+|have\s+been\s+|had\s+been\s+|are\s+|both\s+|later\s+|also\s+|found\s+)*(?:[a-z]+ly\s+)?$",
    _I,
)
_DIED_SUBJECT = re.compile(
    r"(?:^|[\s,])(he|she|He|She|(?:[Aa]nother|[Aa]n?|[Tt]he|[Hh]is|[Hh]er)\s+[\w'-]+"
    r"(?:\s+(?!(?:was|were|is|are|has|have|had|where|who|which|that|when)\b)[\w'-]+){0,2}|[A-Z][a-z]+)"
    r"\s+(?:(?:was|is|has|had)\s+)?(?:[a-z]+ly\s+|later\s+|also\s+|then\s+|[a-z]+ed\s+and\s+|found\s+|pronounced\s+"
    r"|(?:struck|hit|shot)\s+(?:by\s+|in\s+)?(?:[\w-]+\s+){0,4}?and\s+"
    r"|declared\s+)*$"
)
_PARTICIPLE_SUBJECT = re.compile(
    r"((?:\b(?:a|an|the)\s+)?\d+-year-old(?:\s+(?:boy|girl|man|woman|teen|child|toddler|son|daughter))?"
    # ("a second man wounded in the shooting"; not "the second teenager killed this week": a tally)
    r"|\b(?:a\s+(?:second|third|fourth)\s+|(?:a|an|the)\s+(?:(?:other|young|older|younger|elderly)\s+)?)"
    r"(?:person|man|woman|boy|girl|teen|teenager|child|toddler|victim))\s+$",
    _I,
)
_LEFT_DEAD = re.compile(
    r"\b(?:leaving|left|leave|leaves)\s+(him|her|(?:a|an|the|his|her|one)\s+[\w'-]+(?:\s+[\w'-]+){0,2}?)\s+$", _I
)
# The last words `_PARTICIPLE_SUBJECT` can end on (before its closing white space).
_PARTICIPLE_ENDS = ("year-old", "boy", "girl", "man", "teen", "child", "toddler", "son", "daughter", "person",
                    "teenager", "victim")


def _may_end_in_participle_subject(head: str) -> bool:
    """False only when `_PARTICIPLE_SUBJECT` cannot match ``head``: it needs white space at the
    end and one of its nouns right before. Decided on a lower-cased ASCII tail (where lower
    case is exactly what IGNORECASE compares); any other tail is left to the pattern."""
    t = head.rstrip()
    if len(t) == len(head):
        return False
    tail = t[-8:]
    return not tail.isascii() or tail.lower().endswith(_PARTICIPLE_ENDS)


# Every match opens at a word start (see `WordStartPattern`).
_SINGULAR_AUX = WordStartPattern(_SINGULAR_AUX)
_SINGULAR_AUX_LOW = re.compile(_SINGULAR_AUX.pattern.pattern)  # (see `_PLURAL_SUBJECT_LOW`)
_COORDINATED = WordStartPattern(_COORDINATED)


def _strip_appositive(subj: str) -> str:
    """ "The officer, Abdul Samad Zalmai, " -> "The officer " (the appositive restates the subject)."""
    for _ in range(2):
        t = subj.rstrip()
        if not t.endswith(","):
            break
        t = t[:-1]
        k = t.rfind(",")
        if k < 0:
            break
        subj = t[:k] + " "
    return subj


def combine_figures(figures: Iterable[Figure]) -> tuple[dict[str, Range | None], FigureKind]:
    """One ``Range`` per field for the figures of one event, counting each incident once.

    Repeated mentions of a toll are the same figure (the largest stands); an update ("the
    toll rose to 40") replaces earlier ones; "also"/"another" figures add; perpetrator
    deaths are added to victims' unless a single figure already covers both. An explicit
    zero ("no casualties") stands only when no positive figure exists for that field.
    """
    # One pass sorts the counted figures by field (in order) and reads the event's kind.
    by_field: dict[str, list[Figure]] = {}
    update = False
    counted = 0
    all_cumulative = True
    suicide = False  # a perpetrator killed himself: he is none of the people he shot ...
    self_shot = False  # ... unless the text counts him among them ("shot himself")
    for f in figures:
        if f.background:
            continue
        if not f.negation and "self" in (f.value.text or ""):
            if f.field == "killed" and f.role == "perpetrators":
                suicide = True
            elif f.field == "shot":
                self_shot = True
        fs = by_field.get(f.field)
        if fs is None:
            by_field[f.field] = [f]
        else:
            fs.append(f)
        if f.kind == _UPDATE_KIND:
            update = True
        if not f.negation:
            counted += 1
            if f.kind != _CUMULATIVE_KIND:
                all_cumulative = False
    out: dict[str, Range | None] = {}
    if update:
        kind = _UPDATE_KIND
    elif counted and all_cumulative:
        kind = _CUMULATIVE_KIND  # "has displaced 1.2 million since 2014"
    else:
        kind = _FIRST_REPORT_KIND
    for field in ("killed", "wounded", "displaced", "displaced_households", "shot"):
        fs = by_field.get(field)
        if fs is None:
            out[field] = None
            continue
        pos = [f for f in fs if not f.negation]
        if any(f.claimed for f in pos) and not all(f.claimed for f in pos):
            pos = [f for f in pos if not f.claimed]  # an official figure stands over a party's claim
        pos = _lead_stands(pos)
        last_update = max((f.sentence_index for f in pos if f.kind == _UPDATE_KIND), default=-1)
        if last_update > 0:
            # an update ("the toll rose to 40", "police later said one died") replaces what
            # the sentences before it counted, up or down
            pos = [f for f in pos if f.sentence_index >= last_update]
        if not pos:
            out[field] = Range.exact(0, fs[0].value.text) if fs else None
            continue
        totals: dict[str, Range | None] = {"victims": None, "perpetrators": None, "mixed": None}
        by_sentence: dict[int, list[Figure]] = {}
        for f in pos:
            by_sentence.setdefault(f.sentence_index, []).append(f)
        sentence_totals: list[Range] = []
        for _idx, group in sorted(by_sentence.items()):
            sum_all: Range | None = None
            if len(group) == 1:  # (most sentences: the loop below, for one figure)
                f = group[0]
                role, value = f.role, f.value
                if role in totals:
                    cur = totals[role]
                    if f.additive:
                        totals[role] = value if cur is None else cur + value
                    else:
                        totals[role] = value if cur is None else _max(cur, value)
                    if role != "mixed":
                        sentence_totals.append(value)
                continue
            for role in ("victims", "perpetrators", "mixed"):
                rs = [f for f in group if f.role == role]
                if not rs:
                    continue
                last_update = max((i for i, f in enumerate(rs) if f.kind == _UPDATE_KIND), default=0)
                rs = rs[last_update:]  # "two died; police later said one": the correction stands
                base = _sum(f.value for f in rs if not f.additive)
                extra = _sum(f.value for f in rs if f.additive)
                cur = totals[role]
                if base is not None:
                    cur = base if cur is None else _max(cur, base)
                if extra is not None:
                    cur = extra if cur is None else cur + extra
                totals[role] = cur
                group_sum = _sum(f.value for f in rs)
                if role != "mixed":
                    sum_all = group_sum if sum_all is None else sum_all + group_sum
            if sum_all is not None:
                sentence_totals.append(sum_all)
        parts = [r for r in (totals["victims"], totals["perpetrators"]) if r is not None]
        best = _sum(parts)
        for r in [totals["mixed"], *sentence_totals]:
            if r is not None and (best is None or r.best > best.best):
                best = r
        out[field] = best
    # "Two of the wounded later died": they leave the wounded count.
    moved = sum(f.value.best for f in by_field.get("killed", ()) if f.transfer)
    wounded = out.get("wounded")
    if moved and wounded is not None and wounded.best > moved:
        out["wounded"] = Range(min=max(0, wounded.min - moved), max=None if wounded.max is None else wounded.max - moved,
                               best=wounded.best - moved, text=wounded.text, vague=wounded.vague)
    # People hit by gunfire who did not die count as wounded.
    shot = out.pop("shot", None)
    if shot is not None and shot.best > 0:
        killed = out.get("killed")
        k = killed.best if killed is not None else 0
        if suicide and not self_shot and k > 0:
            k -= 1  # "shot her son and then killed herself": the son is shot, not dead
        wounded = out.get("wounded")
        # "A teenager was shot ... Another teen was grazed": one more beside those shot, when
        # the wounded are told only as such additions
        ws = [f for f in by_field.get("wounded", ()) if not f.negation]
        shot_in = {f.sentence_index for f in by_field.get("shot", ())}
        more = (sum(f.value.best for f in ws if f.sentence_index not in shot_in)
                if ws and all(f.additive for f in ws) else 0)
        if shot.best > k and (wounded is None or wounded.best < shot.best - k + more):
            n = shot.best - k + more
            out["wounded"] = Range(min=n, max=None if shot.max is None else max(n, shot.max - k), best=n,
                                   text=shot.text, vague=shot.vague)
    return out, kind




def _lead_stands(pos: list[Figure]) -> list[Figure]:
    """The lead's figure is the event's: a larger one further down replaces it only as an
    update ("rose to 40") or an addition ("another two died"); otherwise it is most likely
    another incident told as context that the background rules did not recognise."""
    if len(pos) < 2:
        return pos
    lead = min(f.sentence_index for f in pos)
    if lead > 1:
        return pos
    lead_best = sum(f.value.best for f in pos if f.sentence_index == lead)
    if lead_best < 3:
        return pos  # "a man was shot dead": later sentences often give the full count
    return [f for f in pos if f.sentence_index < lead + 3 or f.additive or f.kind == _UPDATE_KIND
            or f.value.best <= 2 * lead_best]


def _sum(values: Iterable[Range]) -> Range | None:
    total: Range | None = None
    for v in values:
        total = v if total is None else total + v
    return total


def _max(a: Range, b: Range) -> Range:
    # (of two equal figures the confirmed one: "12 are feared dead" then "12 bodies were found")
    if a.best == b.best and a.min < b.min:
        return b
    return a if a.best >= b.best else b
