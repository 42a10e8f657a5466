"""Event types (the taxonomy in docs/TAXONOMY.md) and normalized actors.

The type comes from keyword patterns read in the event's own sentence first (``anchor``,
the sentence that carries the figures), then its neighbours and the lead, so a protest
mentioned in the tenth paragraph does not relabel a bombing. Within one sentence the most
specific type wins (a suicide bomber is a suicide attack before it is a bombing; an
airstrike before shelling before a bomb; protesters who clash or burn make a riot).
Displacement takes its cause's type when the text names one (flood, fighting, ...).

Actors are armed groups, forces and organisations, normalized through an alias table
("Daesh", "ISIS", "ISIL", "IS" and "Islamic State" are all ``Islamic State``). The bare
token "IS" counts only in upper case, in mixed-case text, and next to words that make it
the group ("IS militants", "claimed by IS"): never the verb.

Speed: each event of an article is classified with the same text and sentences, so what
was read of a sentence (its words as ASCII bytes, its tags, its type) is kept for the
article's next event (``_Article``); the tag reader stops only at words that carry a tag
or open a phrase. Actor aliases and state names are matched with prefix-tree regexes
(``longest_first``): a flat alternation of ~150 aliases costs three times more.

>>> from extraction.text import split_sentences
>>> text = "A suicide bomber killed 12 people at a mosque. Daesh claimed the attack."
>>> classify_event_type(text, split_sentences(text)).value
'suicide_attack'
>>> [a.name for a in extract_actors(text, split_sentences(text))]
['Islamic State']
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from extraction.text import Sentence, longest_first
from schemas import Actor, EventType

__all__ = ["ACTOR_ALIASES", "classify_event_type", "extract_actors"]

# The members as plain class attributes: ``E.PROTEST`` is the same ``EventType`` member,
# read in ~15 ns where the enum class takes ~70 ns (3.11), and _pick reads dozens per call.
E = type("E", (), {member.name: member for member in EventType})

# --- event types ----------------------------------------------------------------------------

# Why words and not one regex: CPython tries every branch of an alternation at every
# character, so a regex of this vocabulary costs ~0.4 ms per sentence. Lower-cased words
# looked up in dicts (whole words, stems, two-word phrases) cost a few microseconds.
# Tags other than EventType values are cues read by ``_pick``.
_ATTACK, _ARMED_TARGET, _CIVILIAN_TARGET, _KILL, _NEGATE, _TERRITORY, _SMALL_ARMS, _FIRE, _GUNFIRE, _AFFECTED = (
    "attack", "armed_target", "civilian_target", "kill", "negate", "territory", "small_arms", "fire", "gunfire",
    "affected",
)
_HURT, _ARSON, _CROWD, _WEAK_CIVILIAN, _WEAK_ARMED = "hurt", "arson", "crowd", "weak_civilian", "weak_armed"
_HOUSING, _AIR_FORCE, _FIRED, _BURNING, _SEIZED = "housing", "air_force", "fired", "burning_object", "seized_arms"
_BLOCKED, _ACCIDENT, _CONFLICT, _RIFLES = "blocked", "accident", "conflict", "rifles"
_ARREST, _LATE_WORD = "arrest", "late_word"

# Each key maps to every tag it carries ("opened fire" is both an attack and gunfire).
_WORDS: dict[str, tuple[str, ...]] = {}
_STEMS: dict[str, tuple[str, ...]] = {}
_PHRASES: dict[str, tuple[str, ...]] = {}


def _add(tag: str, words: str = "", stems: str = "", phrases: tuple[str, ...] = ()) -> None:
    for table, keys in ((_WORDS, words.split()), (_STEMS, stems.split()), (_PHRASES, phrases)):
        for key in keys:
            table[key] = (*table.get(key, ()), tag)


_add(E.SUICIDE_ATTACK, "kamikaze svbied svbieds",
     phrases=("suicide bomber", "suicide bombers", "suicide bombing", "suicide bombings", "suicide attack", "suicide attacks",
              "suicide attacker", "suicide attackers", "suicide blast", "suicide car", "suicide vest", "suicide explosion",
              "suicide truck", "suicide assault", "suicide bomb", "himself up", "herself up", "themselves up",
              "detonated himself", "detonated herself", "detonated themselves", "explosive vest", "explosives vest",
              "suicide belt", "explosive belt"))
_add(E.AIRSTRIKE, "airstrike airstrikes airstriked warplane warplanes airraid airraids",
     phrases=("air strike", "air strikes", "air raid", "air raids", "drone strike", "drone strikes", "drone attack",
              "drone attacks", "fighter jets", "helicopter gunship", "helicopter gunships", "aerial bombardment",
              "aerial attack", "aerial attacks", "air attack", "barrel bomb", "barrel bombs", "unmanned aerial",
              "coalition aircraft", "jets struck", "jets bombed", "drones struck", "drone struck"))
# An air force strikes, but "a member of the Air Force Intelligence" shot by gunmen names no strike (see _pick).
_add(_AIR_FORCE, phrases=("air force",))
_add(_ARMED_TARGET, phrases=("air force",))
_add(E.SHELLING, "shelled shelling shells mortar mortars mortared artillery rocket rockets missile missiles katyusha "
                 "howitzer howitzers projectile projectiles bombardment bombarded bombarding shellfire",
     phrases=("tank fire", "grad rockets"))
_add(E.BOMBING, "ied ieds vbied bomb bombs bombing bombings bombed bomber explosive explosives explosion explosions "
                "blast blasts grenade grenades detonated detonation detonating detonate exploded landmine landmines "
                "uxo",
     phrases=("land mine", "land mines", "mine exploded", "mine blast", "mine explosion", "booby trap", "booby trapped",
              "anti tank", "anti personnel", "antitank", "antipersonnel", "mine planted", "mines planted",
              "planted mine", "mine struck", "mine hit", "mine went", "device went", "devices went", "device exploded",
              "devices exploded", "roadside device", "roadside devices", "blew up", "blown up", "blowing up",
              "blow up"))
# Drones that strike (ACLED: air/drone strike), loitering munitions and "kamikaze drones" included (see _pick)
_add(E.AIRSTRIKE, "quadcopter quadcopters uav uavs",
     phrases=("drone targeted", "drones targeted", "drone hit", "drones hit", "drone dropped", "drones dropped",
              "armed drone", "armed drones", "drone fired", "drones fired", "drone bombed", "drone attacked",
              "drones attacked", "loitering munition", "loitering munitions", "kamikaze drone", "kamikaze drones"))
_add(E.ABDUCTION, "ransom", stems="kidnap abduct hostage",
     phrases=("taken captive", "held captive", "forced disappearance", "carried away", "carried off", "whisked away"))
_add(_TERRITORY, "captured seized retook recaptured regained overran overrun liberated",
     phrases=("took control", "taken control", "take control", "gained control", "fell to", "advanced into",
              "took over", "taken over", "take over"))
_add(E.RIOT, "riot riots rioting rioters rioted mob mobs lynched lynching lynch vandalised vandalized vandalism "
             "ransacked looted looting",
     phrases=("threw stones", "threw rocks", "pelted stones", "stone pelting", "burned tyres",
              "burnt tyres", "burning tyres", "burned tires", "burning tires", "violent protest", "violent protests",
              "violent demonstration", "violent demonstrations", "petrol bombs", "molotov cocktails",
              "stone throwing", "stone throwers", "throwing stones", "hurled stones", "hurling stones", "threw bricks",
              "pelting stones", "stone pelters", "turned violent", "became violent", "pelted police"))
_add(E.PROTEST, "rally rallies rallied picket picketed picketing chanted chanting blockade blockaded sit",
     stems="protest demonstrat marcher",
     phrases=("built barricades", "erected barricades", "hunger strike", "general strike", "staged a",
              "marched in", "marched to", "marched against", "marched through"))
_add(E.PROTEST, "hartal bandh")  # South Asian shutdown strikes
# A road blocked by people is a protest; by a landslide, a crash or the police it is none (see _pick)
_add(_BLOCKED, phrases=("blocked the", "blocked a", "blocked roads", "blocked road", "blocked with", "blocking roads",
                        "blocking the", "blocked off"))
_add(E.ARMED_CLASH, "fighting fought gunfight gunfights firefight firefights shootout shootouts ambush ambushed ambushes "
                    "battle battled battles battling engaged offensive repelled repulsed skirmish skirmishes",
     stems="clash skirmish",
     phrases=("gun battle", "gun battles", "gun fight", "gun fights", "fire fight", "shot back", "fired back",
              "firing back", "shooting back", "exchanged fire", "exchange fire", "exchanging fire", "exchange of",
              "exchanged gunfire", "returned fire", "return fire", "shoot out", "operation against", "counter attack",
              "clearance operation", "military operation", "military operations", "security operations",
              "security operation"))
_add(E.ATTACK_ON_CIVILIANS, "shooting shootings gunman gunmen shot shots gunfire gunshots stabbed stabbing stabbings beheaded beheading "
                            "executed execution executions slit slaughtered decapitated lynched murdered murder murders assassinated assassination "
                            "tortured torture raped rape hacked massacre massacred killings slain beat beaten "
                            "beating lynched",
     stems="massacr assassinat",
     # ("killing" as a noun: "the killing of a teacher"; "..., killing 23 passengers" is a toll)
     phrases=("killing of", "opened fire", "open fire", "opening fire", "shot dead", "gunned down", "beat up", "beaten to", "beat to",
              "sexual violence", "drive by", "home invasion", "armed robbery"))
_add(_ATTACK, "attack attacks attacked attacking assault assaulted assaulting raid raided raids targeted stormed "
              "besieged besieging")
_add(_ARMED_TARGET, "soldier soldiers troops army military militant militants "
                    "fighters fighter insurgents insurgent rebels rebel checkpoint checkpoints checkpost checkposts post "
                    "posts base bases outpost convoy patrol positions position commander commanders "
                    "militia militiamen combatants jihadists terrorists taliban nds ana anp sdf qsd pmf tmf ypg hts "
                    "paramilitary constabulary levies barracks garrison gang gangs gangster gangsters intelligence "
                    "faction factions corps brigade brigades battalion battalions regiment regime marine marines "
                    "peacekeeper peacekeepers guardsmen gendarme gendarmes")
# Police and guards are armed targets only as the object of the violence: as subjects they
# are mostly the ones reporting or responding ("police said", "officers responded").
_add(_WEAK_ARMED, "police policeman policemen officers officer security guard guards policewoman constable "
                  "constables deputy deputies trooper troopers")
_add(_WEAK_CIVILIAN, "man men people person persons")  # victims only as a verb's object: "armed men" attack
_add(_CIVILIAN_TARGET, "civilian civilians villager villagers farmer farmers peasant peasants woman women child children boy "
                       "girl boys girls shepherd shepherds teacher teachers student students worker workers family "
                       "families resident residents passengers worshippers pilgrims journalist journalists doctor "
                       "doctors judge judges elder elders cleric clerics imam official officials politician "
                       "candidate candidates lawyer engineer engineers driver drivers trader traders businessman "
                       "vendor activist activists leader leaders voters employee employees nurse contractor "
                       "contractors prisoner prisoners detainee detainees mourners juvenile juveniles teen teens "
                       "teenager teenagers toddler toddlers infant baby kid kids son sons daughter daughters father "
                       "mother wife husband girlfriend boyfriend victim victims bystander bystanders customer "
                       "customers neighbor neighbors neighbour neighbours friend friends relative relatives "
                       "himself herself fishermen fisherman loggers herders herder miners miner hunters pastor pastors "
                       "priest priests chief chiefs delegate delegates merchant merchants pastoralists motorcyclist "
                       "motorcyclists refugees inhabitants shopkeeper shopkeepers monk monks nun nuns volunteers "
                       "volunteer guests diners shoppers spectators fans pupils schoolchildren patients")
_add(_KILL, "killed killing kills kill dead died")
# "fired with unspecified weapons on the positions": violence when armed actors are named (see _pick); "the
# company fired 200 workers" is none
_add(_FIRED, "fired firing", phrases=("fired at", "fired on", "fired upon", "firing at", "firing on"))
_add(_HURT, "injured wounded injuring wounding injuries burns hurt")
_add(_ARSON, "torched torching arson", phrases=("set fire", "set ablaze", "set on", "burned down", "burnt down", "set alight"))
# What a crowd burns on a road ("blocked the road with a burning bus", "set the barricades on fire"): a riot
# when protest words are in the sentence (see _pick); alone it may be a bomb's aftermath
_add(_BURNING, phrases=("burning bus", "burning vehicle", "burning vehicles", "burning car", "burning cars",
                        "burning material", "burning materials", "burning debris", "burning barricades",
                        "burning objects", "burning tyre", "burning tire"))
_add(_CROWD, "protesters protestors demonstrators crowd crowds mob rioters residents villagers inhabitants students "
             "supporters youths youth workers locals prisoners inmates")
_add(_SMALL_ARMS, "machineguns machinegun",
     phrases=("small arms", "machine guns", "machine gun", "heavy machine", "light weapons"))
_add(_NEGATE, "defused defusing dismantled disarmed foiled thwarted accidental accidentally mistakenly recovered "
              "unintentionally inadvertently",
     phrases=("bomb disposal", "negligent discharge", "controlled demolition", "controlled explosion",
              "controlled detonation"))
# Firearms beside explosives: "attacked a military base with explosives and rifles" is a battle (see _pick)
_add(_RIFLES, "rifles rifle firearms guns")
# ACLED's strategic developments: arrests (a raid to arrest is no battle), operations without a fight
_add(_ARREST, "arrested arrests")
# (and operations "without resistance": read by _no_fight, since "no" and "without" are too common to stop at)
# Phrases opened by a common word, read as substrings where their second word occurs (see _late)
_LATE_PHRASES = (("on strike", E.PROTEST), ("on fire", _BURNING), ("its banks", E.FLOOD), ("their banks", E.FLOOD),
                 ("it ablaze", _ARSON), ("them ablaze", _ARSON), ("it alight", _ARSON), ("them alight", _ARSON),
                 ("the killing", E.ATTACK_ON_CIVILIANS), ("a killing", E.ATTACK_ON_CIVILIANS),
                 ("now control", _TERRITORY))  # ("the rebels now control the town"; not "in control of the area")
_add(_LATE_WORD, "strike banks ablaze alight fire killing control controls")
# Conflict named as a cause of displacement ("insecurity has forced 9,000 people from their homes")
_add(_CONFLICT, "violence violences conflict conflicts insecurity insurgency hostilities war unrest",
     phrases=("armed groups", "armed group"))
# Explosions nobody set off: gas cylinders, boilers, transformers, fireworks (accidents are `other`)
_add(_ACCIDENT, "fireworks firecracker firecrackers",
     phrases=("gas cylinder", "gas cylinders", "cylinder blast", "cylinder explosion", "cylinder exploded",
              "gas explosion", "gas leak", "boiler explosion", "boiler blast", "boiler exploded", "transformer explosion",
              "transformer blast", "transformer exploded", "short circuit", "tanker exploded", "tanker explosion",
              "industrial accident", "factory explosion", "chemical explosion"))
# Arms seized by the police or the army: no attack, unless armed men seized them in a raid (see _pick)
_add(_SEIZED, phrases=("seized explosives", "seized weapons", "seized arms", "seized ammunition", "seized bombs",
                       "weapons cache", "arms cache"))
_add(E.EARTHQUAKE, "earthquake earthquakes quake quakes tremor tremors seismic aftershock aftershocks temblor temblors",
     stems="earthquak")
_add(E.STORM, "cyclone cyclones hurricane hurricanes typhoon typhoons tornado tornadoes tornados storm storms rainstorm "
              "rainstorms hailstorm hailstorms blizzard blizzards snowstorm snowstorms gale gales windstorm sandstorm "
              "sandstorms duststorm snowfall",
     phrases=("strong winds", "tropical storm", "tropical depression", "high winds", "heavy snow"))
_add(E.FLOOD, "torrential downpour downpours deluge monsoon rains rainfall waterlogging waterlogged cloudburst "
              "cloudbursts submerged",
     stems="flood inundat overflow",
     phrases=("heavy rain", "heavy rains", "flash flood", "flash floods", "burst its", "burst their", "rising waters",
              "rising water", "water levels", "water level", "high water", "dam burst", "dam breach", "dam collapse",
              "dam broke", "glacial lake", "lake outburst", "tidal surge", "tidal surges", "high tide",
              "high tides", "swollen river", "swollen rivers", "breached its", "embankment breach"))
_add(E.LANDSLIDE, "landslide landslides mudslide mudslides landslip landslips rockslide rockslides rockfall rockfalls "
                  "mudflow mudflows",
     phrases=("debris flow", "debris flows", "slope failure", "slope failures", "mud flows", "hillside collapsed",
              "mountainside collapsed", "slope collapsed", "riverbank erosion", "river erosion", "bank erosion",
              "coastal erosion", "land subsidence"))
_add(E.LANDSLIDE, "sinkhole sinkholes")  # ground movement (IDMC: mass movement), as erosion above
_add(E.WILDFIRE, "wildfire wildfires bushfire bushfires",
     phrases=("forest fire", "forest fires", "bush fire", "bush fires", "brush fire", "brush fires", "grass fire",
              "grass fires", "wild fire", "wild fires", "vegetation fire", "vegetation fires", "scrub fire"))
# ("lack of rain" is read in _pick: phrases are two words)
_add(E.DROUGHT, "drought droughts", phrases=("dry spell", "water shortage", "failed rains", "rainfall deficit",
                                             "rain deficit"))
_add(E.OTHER_DISASTER, "eruption tsunami avalanche avalanches heatwave blaze famine epidemic lava lahar lahars ashfall "
                       "pyroclastic lightning",
     stems="volcan", phrases=("cold wave", "heat wave", "fire broke", "building collapsed", "ash fall", "cold snap", "extreme cold",
                                         "extreme heat", "freezing temperatures",
                                         "spewing ash", "spewed ash", "spewing lava", "ash cloud", "ash clouds", "hot ash",
                                         "ash column"))
# Spanish, French and Portuguese hazard words of IDMC-style excerpts (lower-cased tokens split
# at accents: "furacão" reads "furac", "huracán" "hurac")
_add(E.FLOOD, "lluvias lluvia pluies pluie chuvas chuva crue crues crecida crecidas diluviennes enchente enchentes "
             "alagamento alagamentos cheias",
     stems="inunda inond desborda")
_add(E.STORM, "huracan ouragan ouragans tormenta tormentas tempestade temporal", stems="hurac furac",
     phrases=("vents violents", "fuertes vientos", "vientos fuertes"))
_add(E.EARTHQUAKE, "sismo sismos terremoto terremotos seisme", phrases=("tremblement de",))
_add(E.LANDSLIDE, "avalancha avalanchas deslizamiento deslizamientos derrumbe derrumbes huayco huaicos glissement "
                  "glissements deslizamento deslizamentos alud aludes huaico huaycos aluvi")
_add(E.WILDFIRE, "incendio incendios incendie incendies", phrases=("incendio forestal", "incendie de"))
# ... and their violence words ("un ataque armado", "des affrontements", "um tiroteio"); tokens split
# at accents as above ("explosión" reads "explosi")
_add(_ATTACK, "ataque ataques atentado atentados attaque attaques attentat attentats assaut")
_add(E.ARMED_CLASH, "enfrentamiento enfrentamientos enfrentamentos combates combats affrontements affrontement "
                    "confrontos confronto emboscada emboscadas embuscade embuscades")
_add(E.ATTACK_ON_CIVILIANS, "tiroteo tiroteos balacera balaceras tiroteio tiroteios fusillade asesinato asesinatos "
                            "asesinados asesinadas assassinato assassinatos masacre chacina sicarios")
_add(E.BOMBING, "bomba bombas bombe bombes artefacto explosivo explosivos", stems="explosi")
_add(_ARMED_TARGET, "soldados soldats militares militaires guerrilleros disidentes rebeldes")
_add(_WEAK_ARMED, "policias policiers gendarmes policiais")
_add(_CIVILIAN_TARGET, "civiles civils civis")
_add(_KILL, "muertos murieron morts mortos morreram fallecidos")
_add(_HURT, "heridos heridas feridos feridas")
_add(_FIRE, "fire fires flames burning burned burnt")
_add(_GUNFIRE, phrases=("opened fire", "open fire", "opening fire", "set fire", "returned fire", "return fire",
                        "exchanged fire", "exchange fire", "exchanging fire", "fire on", "fire at", "under fire"))
_add(E.DISPLACEMENT, "idp idps pdi pdis homeless fled flee fleeing uprooted sheltered refuge shelters",
     stems="displac evacuat relocat", phrases=("relief camp", "relief camps", "forced to", "had to", "moved to", "left their",
                                             "leave their", "their homes"))
_add(_AFFECTED, "affected damaged destroyed",
     phrases=("worst hit", "hardest hit", "badly hit", "lost their"))
# Disaster reporting in Spanish, French and Portuguese: "damnificados", "sinistrés", "desalojados",
# "desabrigados", "evacuadas" (people affected, made homeless or moved out by a hazard)
_add(E.DISPLACEMENT, stems="evacuad desaloj desabrig damnific sinistr", phrases=("hosted by", "host families"))
_add(_AFFECTED, stems="desaloj desabrig damnific sinistr")
# Houses destroyed or damaged with no violence named: disaster reporting ("321 houses destroyed")
_add(_HOUSING, "house houses homes dwellings huts shelters buildings housing viviendas casas maisons")

_STEM_LENGTHS = sorted({len(k) for k in _STEMS})
_PHRASE_FIRST = frozenset(p.split()[0] for p in _PHRASES)
_TOKEN = re.compile(r"[a-z0-9]+")

# (a wildfire before a storm: "a wildfire fanned by strong winds" is the fire)
_HAZARDS = (E.EARTHQUAKE, E.WILDFIRE, E.STORM, E.LANDSLIDE, E.FLOOD, E.DROUGHT, E.OTHER_DISASTER)
# Rain that did not come names a drought, though "rains" alone is a flood word.
_NO_RAIN = ("failed rain", "lack of rain", "poor rain", "little rain", "erratic rain", "below-average rain",
            "below average rain", "scarce rain", "insufficient rain", "absence of rain", "shortage of rain")
_HAZARD_SET = frozenset(_HAZARDS)
_SPECIFIC_VIOLENCE = (E.SUICIDE_ATTACK, E.AIRSTRIKE, E.SHELLING, E.BOMBING, E.ABDUCTION)
_VIOLENCE = frozenset({*_SPECIFIC_VIOLENCE, E.TERRITORIAL_CHANGE, E.RIOT, E.ARMED_CLASH, E.ATTACK_ON_CIVILIANS})
_TERRITORY_OBJECT = re.compile(
    r"(?:captured|seized|retook|recaptured|regained|overran|overrun|liberated|control of|fell to|advanced into"
    r"|took over|taken over|take over|now controls?)"
    r" (?:full |complete )?(?:control of )?(?:the )?(?:\w+ ){0,2}(?:town|village|city|district|area|base|hill|airport|"
    r"region|territory|positions?|outpost|headquarters|province|bridge|neighbourhood|neighborhood|island|centre|center"
    r"|compound)s?\b"
    r"|(?:town|village|city|district|base|hill|area) (?:fell|was captured|was seized|was retaken)"
)


# Sentences are read as ASCII bytes: lower-cased, every character but a-z and 0-9 turned
# into a space (non-ASCII ones encode as "?"), split. That is ``[a-z0-9]+`` on the
# lower-cased text, word for word, at a third of the cost of the regex.
_KEEP_AZ09 = bytes(c if 97 <= c <= 122 or 48 <= c <= 57 else 32 for c in range(256))
_PHRASES_B = {k.encode(): v for k, v in _PHRASES.items()}
_PHRASE_FIRST_B = frozenset(w.encode() for w in _PHRASE_FIRST)

# Word -> its tags (whole word and stems), memoised: news vocabulary repeats, so most
# words cost one dict lookup. Bounded so a long-running worker does not grow it forever.
_WORD_CACHE: dict[bytes, tuple[str, ...]] = {}
_WORD_CACHE_MAX = 200_000
# The words ``_read_tags`` must stop at: cached words that carry tags, and the first
# words of phrases. Most words of a sentence carry none and are passed over in C.
_SPOTS: set[bytes] = set(_PHRASE_FIRST_B)


def _word_tags(word: bytes) -> tuple[str, ...]:
    w = word.decode()
    found = _WORDS.get(w, ())
    if len(w) > 4:
        for n in _STEM_LENGTHS:
            if n > len(w):
                break
            stem = _STEMS.get(w[:n])
            if stem is not None:
                found = (*found, *stem)
    if len(_WORD_CACHE) >= _WORD_CACHE_MAX:
        _WORD_CACHE.clear()
        _SPOTS.intersection_update(_PHRASE_FIRST_B)
    _WORD_CACHE[word] = found
    if found:
        _SPOTS.add(word)
    return found


# "the rebel-held northwest", "Houthi-controlled Hodeidah": who holds a place, not who acted
_HOLDER = re.compile(r"[\w'\u2019]+-(?:held|controlled)\b")


def _cue_text(text: str) -> str:
    """``text`` lower-cased as every cue is read from it: the holder of a place ("rebel-held")
    blanked, so that no word tag or perpetrator pattern takes it for an actor."""
    low = text.lower()
    if "-held" in low or "-controlled" in low:
        low = _HOLDER.sub(lambda m: " " * len(m.group(0)), low)
    return low


def _tokens(lower: str) -> list[bytes]:
    """``_TOKEN.findall(lower)``, as bytes (see ``_KEEP_AZ09``)."""
    return lower.encode("ascii", "replace").translate(_KEEP_AZ09).split()


def _read_tags(lower: str) -> dict[str, None]:
    """Every tag of a lower-cased text's words and two-word phrases, in the order they
    appear: at each word, its own tags, then those of the phrase it ends."""
    words = _tokens(lower)
    cache, spots = _WORD_CACHE, _SPOTS
    tags: dict[str, None] = {}
    pending = -1  # a phrase's first word whose pair with the next word is still to read
    for i in [i for i, w in enumerate(words) if w in spots or w not in cache]:
        if pending >= 0 and pending + 1 < i:
            _phrase(tags, words[pending], words[pending + 1])  # the next word has no tags
            pending = -1
        w = words[i]
        found = cache.get(w)
        if found is None:
            found = _word_tags(w)
        if found:
            tags.update(dict.fromkeys(found))
        if pending >= 0:  # the previous word opens a phrase
            _phrase(tags, words[pending], w)
        pending = i if w in _PHRASE_FIRST_B else -1
    if 0 <= pending < len(words) - 1:
        _phrase(tags, words[pending], words[pending + 1])
    if _LATE_WORD in tags:
        _late(tags, lower)
    return tags


def _late(tags: dict[str, None], lower: str) -> None:
    """Two-word phrases whose first word is too common to stop at ("on strike", "set it
    ablaze", "its banks"): their second word carries ``_LATE_WORD``, and the phrase is looked
    for as a substring only in the sentences that hold it."""
    for sub, tag in _LATE_PHRASES:
        if sub in lower:
            tags[tag] = None


def _phrase(tags: dict[str, None], first: bytes, second: bytes) -> None:
    pair = _PHRASES_B.get(first + b" " + second)
    if pair is not None:
        tags.update(dict.fromkeys(pair))


# Cue sets _pick tests (built once, not at every call).
_NOT_NEGATED = frozenset({E.SUICIDE_ATTACK, E.AIRSTRIKE, _KILL})
_NEGATABLE = frozenset({E.BOMBING, E.SHELLING, E.ATTACK_ON_CIVILIANS, _ATTACK})
_VIOLENT = frozenset({E.ARMED_CLASH, E.ATTACK_ON_CIVILIANS, _ATTACK})
_FIGHT = frozenset({E.ARMED_CLASH, _ATTACK})
_NOT_ACCIDENT = frozenset({E.SUICIDE_ATTACK, E.AIRSTRIKE, E.SHELLING, E.ARMED_CLASH, E.ABDUCTION, _ATTACK})
# An arrest is the event unless the sentence also tells of fighting, an attack, a bomb, a protest or a riot
# (GTD records a bomber caught planting a device as a bombing)
_NOT_AN_ARREST = frozenset({E.SUICIDE_ATTACK, E.AIRSTRIKE, E.SHELLING, E.BOMBING, E.ARMED_CLASH,
                            E.ATTACK_ON_CIVILIANS, E.ABDUCTION, E.RIOT, E.PROTEST, _ARSON})
# Violence told as what came before ("after recent fighting", "this followed a deadly explosion")
_BACKGROUND_CUES = frozenset({E.ARMED_CLASH, _ATTACK, E.BOMBING, E.ATTACK_ON_CIVILIANS, E.SHELLING, E.AIRSTRIKE})
_BACKGROUND = re.compile(
    r"\b(?:after|following|followed|amid|amidst|context of)\s+(?:(?:the|a|an|recent|renewed|last|days|weeks|of|"
    r"heavy|deadly|fierce|intense|previous|several|violent|week|s)\s+){0,4}(?:fighting|clashes|clash|battles?|"
    r"attacks?|explosions?|blasts?|violence|hostilities|shelling|air\s?strikes?|bombings?)\b")
# What makes a claim of responsibility tell the event's kind: a kind of violence, a toll
_CLAIM_TELLS = frozenset({E.ARMED_CLASH, E.ATTACK_ON_CIVILIANS, _KILL, _HURT})
_AIR_FORCE_HARM = frozenset({_KILL, _HURT, _ATTACK, E.BOMBING, E.SHELLING})


# Who kills when a sentence names a killing and civilian victims but no weapon: armed actors
# (not "police", who are mostly the ones reporting: "police said a fire killed 5 residents").
_PERPETRATORS = re.compile(
    r"\b(?:armed\s+(?:men|man|group|groups|assailants|individuals|elements|bandits)|assailants?|attackers?"
    r"|(?:unidentified|unknown)\s+(?:individuals|men|persons|people|gunmen)"
    r"|militants?|insurgents?|rebels?|jihadists?|terrorists?|bandits?|militiam[ae]n|militias?|fighters"
    r"|soldiers|troops|gunm[ae]n|snipers?|killers?|assassins?|kidnappers|captors|abductors|robbers"
    r"|criminals?|criminal\s+groups?|cartels?|gangs?|gang\s+members)\b"
)


def _pick(tag_order: dict[str, None], lower: str) -> EventType | None:
    """The one type of a sentence, from the cues it holds (most specific first)."""
    tags = tag_order.keys()
    if _NEGATE in tags and _NOT_NEGATED.isdisjoint(tags):
        if not _NEGATABLE.isdisjoint(tags):
            return E.OTHER  # a defused bomb, an accidental shot: no attack took place
    if _SEIZED in tags and not _NEGATABLE.isdisjoint(tags) and _NOT_NEGATED.isdisjoint(tags) and _HURT not in tags \
            and ("arrest" in lower or ("gunm" not in lower and _PERPETRATORS.search(lower) is None)):
        return E.OTHER  # "police arrested 4 militants and seized explosives"; not "gunmen raided ... seized arms"
    if _ACCIDENT in tags and E.BOMBING in tags and _NOT_ACCIDENT.isdisjoint(tags) and "bomb" not in lower \
            and "gunm" not in lower and _PERPETRATORS.search(lower) is None:
        return E.OTHER  # "a gas cylinder explosion killed four": an accident, no attack
    toll = _KILL in tags or _HURT in tags
    if _ARREST in tags and not toll and _NOT_AN_ARREST.isdisjoint(tags):
        return E.OTHER  # "the army arrested 14 suspects in a raid" (ACLED: arrests, a strategic development)
    if not _BACKGROUND_CUES.isdisjoint(tags) and E.DISPLACEMENT not in tags and (
            "after" in lower or "follow" in lower or "amid" in lower or "context of" in lower):
        # "deployed reinforcements after recent fighting": the fighting is background; read the rest
        # (with a toll, only a kind of violence read in the rest replaces the sentence's reading;
        # people who "fled after clashes" were displaced by them: the clashes are the cause)
        rest = _BACKGROUND.sub(lambda m: " " * len(m.group(0)), lower)
        if rest != lower:
            got = _pick(_read_tags(rest), rest)
            if not toll or got in _VIOLENCE:
                return got
    crowd = E.PROTEST in tags or _CROWD in tags
    if crowd and _ARSON in tags and ("gunm" in lower or _PERPETRATORS.search(lower) is not None):
        crowd = False  # "gunmen set fire to houses, killing 5 residents": the residents are the victims
    if _ARSON in tags and not crowd:
        # Arson by attackers, not a crowd: an attack on people if any were hurt, else
        # property destruction (ACLED: strategic development; GTD: facility attack).
        return E.ATTACK_ON_CIVILIANS if _KILL in tags or _HURT in tags else E.OTHER
    protest = E.PROTEST in tags or (_BLOCKED in tags and _CROWD in tags)
    if protest and (E.RIOT in tags or E.ARMED_CLASH in tags or _ARSON in tags or _BURNING in tags):
        return E.RIOT  # protesters who clash, burn or throw stones (ACLED: violent demonstration)
    if E.PROTEST in tags:
        first = next(t for t in tag_order if t == E.PROTEST or t in _VIOLENCE)
        if first == E.PROTEST:
            return E.PROTEST  # "gathered to protest the bomb blast": the protest is the event
    if _ARSON in tags:
        return E.RIOT
    if E.SUICIDE_ATTACK in tags and not (E.AIRSTRIKE in tags and "kamikaze" in lower):
        return E.SUICIDE_ATTACK  # (a "kamikaze drone" is a drone strike)
    if E.AIRSTRIKE in tags or (_AIR_FORCE in tags and not _AIR_FORCE_HARM.isdisjoint(tags)
                               and E.ATTACK_ON_CIVILIANS not in tags and E.ARMED_CLASH not in tags):
        return E.AIRSTRIKE  # (an air force that bombs or kills; gunmen who shoot an air force officer do not)
    if _SMALL_ARMS in tags and _at_homes(lower) and (E.SHELLING in tags or "heavy" in lower or "tank" in lower
                                                     or _CALIBRE.search(lower) is not None):
        return E.SHELLING  # heavy weapons fired at homes from afar (ACLED: shelling/artillery/missile attack)
    if _SMALL_ARMS in tags and (E.SHELLING in tags or E.BOMBING in tags or _ATTACK in tags):
        return E.ARMED_CLASH  # "fired grenade launchers, machine guns and small arms at positions"
    if E.BOMBING in tags and _RIFLES in tags and _ATTACK in tags and E.SHELLING not in tags \
            and _target_kind(lower) == _ARMED_TARGET:
        return E.ARMED_CLASH  # an assault with explosives and rifles on a base (ACLED: armed clash)
    for event_type in (E.SHELLING, E.BOMBING, E.ABDUCTION):
        if event_type in tags:
            return event_type
    if _TERRITORY in tags and _TERRITORY_OBJECT.search(lower):
        return E.TERRITORIAL_CHANGE
    if E.RIOT in tags:
        if not crowd and ("loot" in lower or "ransack" in lower) and ("gunm" in lower or _PERPETRATORS.search(lower)):
            # looting by armed men is no riot (ACLED: looting/property destruction, a strategic development)
            return E.ATTACK_ON_CIVILIANS if _KILL in tags or _HURT in tags else E.OTHER
        return E.RIOT
    if E.PROTEST in tags:
        return E.PROTEST
    if _BLOCKED in tags and (_CROWD in tags or _CIVILIAN_TARGET in tags) and _KILL not in tags \
            and _VIOLENT.isdisjoint(tags) and _HAZARD_SET.isdisjoint(tags):
        return E.PROTEST  # "farmers blocked roads with their tractors"; not "a landslide blocked the highway"
    if ("gathered" in lower or "assembled" in lower or "to the streets" in lower) and _VIOLENT.isdisjoint(tags) \
            and _KILL not in tags and any(w in lower for w in _GRIEVANCE):
        return E.PROTEST  # "residents gathered to denounce power cuts", "took to the streets demanding pay"
    hazard = next((h for h in _HAZARDS if h in tags), None)
    if (hazard is None or hazard == E.FLOOD) and "rain" in lower and any(w in lower for w in _NO_RAIN):
        hazard = E.DROUGHT
    violent = not _VIOLENT.isdisjoint(tags) or (_FIRED in tags and _ARMED_TARGET in tags)
    if hazard is not None and (_FIGHT.isdisjoint(tags) or ("firefight" in lower and _ATTACK not in tags)):
        # ("firefighters battled the blaze" fight a fire)
        return _fire_kind(lower) if hazard == E.OTHER_DISASTER and "blaze" in lower else hazard
    if not toll and not _FIGHT.isdisjoint(tags) and ("no " in lower or "without " in lower) and _no_fight(lower):
        return E.OTHER  # "security forces carried out a search operation; no clashes were reported"
    if violent and _CLAIM_TELLS.isdisjoint(tags) and ("responsib" in lower or "attributed" in lower):
        return None  # "no group claimed responsibility for the attack": a claim, not the event's kind
    if violent and (_CROWD in tags or "group of" in lower) and _crowd_did_it(lower):
        return E.RIOT  # "villagers beat a thief to death", "supporters clashed" (ACLED: mob violence)
    if violent or (_KILL in tags and _ARMED_TARGET in tags and _CIVILIAN_TARGET not in tags) or (
            _KILL in tags and (_CIVILIAN_TARGET in tags or _WEAK_CIVILIAN in tags)
            and _PERPETRATORS.search(lower) is not None):
        # (the last: "militants killed 5 civilians", "an armed group killed a teacher")
        # ACLED's line: violence against armed actors is a battle, against civilians an attack.
        if E.ARMED_CLASH in tags:
            return E.ARMED_CLASH
        target = _target_kind(lower)
        if target is None:
            target = _ARMED_TARGET if _ARMED_TARGET in tags and _CIVILIAN_TARGET not in tags else _CIVILIAN_TARGET
        return E.ARMED_CLASH if target == _ARMED_TARGET else E.ATTACK_ON_CIVILIANS
    if hazard is not None:
        return hazard
    # (a fire that forces people out, damages homes or kills: "Nine people died in the fire")
    if _FIRE in tags and (_GUNFIRE not in tags or _NOUN_FIRE.search(lower) is not None) and not _gun_named(lower) and (
            E.DISPLACEMENT in tags or _AFFECTED in tags or _KILL in tags or _HURT in tags):
        return _fire_kind(lower)
    if E.DISPLACEMENT in tags:
        return E.DISPLACEMENT
    if _AFFECTED in tags and _HOUSING in tags and _ARMED_TARGET not in tags and _PERPETRATORS.search(lower) is None:
        # "417 homes were destroyed": disaster reporting; the cause is settled as displacement's
        return E.DISPLACEMENT
    return None


_NO_FIGHT = ("no clash", "no fighting", "no resistance", "no confrontation", "without resistance", "without fighting",
             "without clashes", "without a fight")


def _no_fight(lower: str) -> bool:
    """An operation where no fight took place ("no clashes were reported", "without resistance")."""
    return any(w in lower for w in _NO_FIGHT)


_CALIBRE = re.compile(r"\d\s?mm\b")


def _at_homes(lower: str) -> bool:
    """Fire aimed at where people live, not at fighters' positions."""
    return "position" not in lower and ("residential" in lower or "neighbo" in lower or "houses" in lower
                                        or "civilian areas" in lower or "villages" in lower)


# What a gathering asks for, which makes it a protest
_GRIEVANCE = ("demand", "denounc", "condemn", "call for", "calling for", "against", "to the streets", "chant")


# Who a crowd is, and what it does with its hands ("a group of men beat", "supporters clashed").
_CROWD_DOERS = frozenset("crowd crowds mob mobs villagers residents locals youths supporters protesters protestors "
                         "demonstrators rioters inhabitants students prisoners inmates workers".split())
_HAND_VIOLENCE = frozenset("beat beaten beating attacked assaulted clashed fought lynched stoned pelted hacked killed "
                           "torched stormed vandalised vandalized thrashed".split())


def _crowd_did_it(lower: str) -> bool:
    """A crowd, not armed men, does the violence: a crowd word up to six words before the
    first active violent verb ("a group of youths beat up a soldier"), or after the "by"
    of a passive one ("beaten to death by a group of men"). No gun and no armed actor."""
    if "gun" in lower or "shot" in lower or "fire" in lower or _PERPETRATORS.search(lower) is not None:
        return False
    words = _TOKEN.findall(lower)
    for i, w in enumerate(words):
        if w not in _HAND_VIOLENCE:
            continue
        if i > 0 and words[i - 1] in _PASSIVE:
            after = words[i + 1:i + 8]
            if "by" in after:
                j = i + 2 + after.index("by")
                return _names_crowd(words[j:j + 4])
            continue
        return _names_crowd(words[max(0, i - 6):i])
    return False


def _names_crowd(span: list[str]) -> bool:
    """A crowd word in ``span``, or "group of", with no armed actor ("a group of police")."""
    if any(_ARMED_TARGET in _WORDS.get(w, ()) or _WEAK_ARMED in _WORDS.get(w, ()) for w in span):
        return False
    if not _CROWD_DOERS.isdisjoint(span):
        return True
    return any(w == "group" and span[k + 1:k + 2] == ["of"] for k, w in enumerate(span))


# "a fire at the camp", "the fire on the hillside": the noun, not gunfire ("opened fire at")
_NOUN_FIRE = re.compile(r"\b(?:a|the|huge|massive|large|big) fire (?:at|on)\b")
_WILDLAND = ("forest", "bush", "brush", "grass", "acre", "hectare", "hills", "vegetation", "woodland", "scrub")


def _gun_named(lower: str) -> bool:
    """A gun in the sentence: "fire" is then the gun's ("unintentionally fire the shotgun")."""
    return "gun" in lower or "rifle" in lower or "pistol" in lower or "weapon" in lower


def _fire_kind(lower: str) -> EventType:
    """A fire in forest, bush or hills is a wildfire; another fire a disaster of its own."""
    return E.WILDFIRE if any(w in lower for w in _WILDLAND) else E.OTHER_DISASTER


_VIOLENT_VERBS = frozenset({
    "shot", "killed", "attacked", "targeted", "ambushed", "assassinated", "murdered", "stabbed", "beheaded",
    "executed", "abducted", "kidnapped", "wounded", "injured", "beat", "beaten", "fire", "raided", "stormed",
    "hit", "gunned", "struck", "assaulted", "lynched", "hacked", "slaughtered", "slit", "tortured", "raped",
    "massacred", "decapitated", "killing", "wounding", "injuring",
})
# Where a verb's object ends: a place or time, or the report ("..., killing eight guests, police said")
_SAID = frozenset({"said", "says", "told", "reported"})
_SPAN_ENDS = frozenset({"by", "in", "near", "at", "while", "when", "during", "according", *_SAID})
# Words of a verb's object that name nobody ("killed at least two of them")
_NOT_A_VICTIM = frozenset("and the two three four five six seven eight nine ten several dozens dozen some about least "
                          "more than them him her his their its one other others also then later were was had".split())
# A town or district attacked names no victims: its defenders may be armed ("militants attacked the town")
_PLACES = frozenset("town towns village villages district districts city cities area areas province region locality "
                    "county municipality settlement".split())
_PASSIVE = frozenset({"was", "were", "been", "being", "got", "is", "are"})
_NOT_SERVING = frozenset({"former", "retired", "ex"})  # an off-duty soldier is a civilian to ACLED


def _target_kind(lower: str) -> str | None:
    """Whether the people attacked are armed actors or civilians, read from the words the
    violent verb takes: after an active verb ("militants killed two soldiers"), before a
    passive one ("a policeman was shot by gunmen"). None when the sentence does not say."""
    words = _TOKEN.findall(lower)
    unarmed = None
    for i, w in enumerate(words):
        if w not in _VIOLENT_VERBS:
            continue
        passive = i > 0 and words[i - 1] in _PASSIVE
        if passive:
            span = words[max(0, i - 7):i - 1]
        else:
            span = []
            for j in range(i + 1, min(i + 9, len(words))):
                x = words[j]
                if x in _SPAN_ENDS or (j + 1 < len(words) and words[j + 1] in _SAID):
                    break  # (", killing eight guests, police said": the police report, they are no victims)
                span.append(x)
        kinds = [tag for x in span for tag in _WORDS.get(x, ())]
        if not _NOT_SERVING.isdisjoint(span) or ("off" in span and "duty" in span) or _CIVILIAN_TARGET in kinds \
                or _WEAK_CIVILIAN in kinds:
            return _CIVILIAN_TARGET
        if _ARMED_TARGET in kinds or _WEAK_ARMED in kinds:
            return _ARMED_TARGET
        if unarmed is None and not passive and _PLACES.isdisjoint(span) \
                and any(len(x) > 2 and x.isalpha() and x not in _NOT_A_VICTIM for x in span):
            unarmed = _CIVILIAN_TARGET  # someone named who is no armed actor ("executed an electoral delegate")
    return unarmed


class _Article:
    """One article as the classifier reads it, kept for its next event: the core
    classifies every event of an article with the same text and sentences, and the type
    depends on the event only through which sentence is read first. Each sentence is
    lower-cased, tagged and picked at most once per article."""

    __slots__ = ("text", "sentences", "starts", "_lower", "_tags", "_picks", "_whole")

    def __init__(self, text: str, sentences: Sequence[Sentence]) -> None:
        self.text = text
        self.sentences = sentences
        self.starts = [s.start for s in sentences]
        self._lower: dict[int, str] = {}
        self._tags: dict[int, dict[str, None]] = {}
        self._picks: dict[int, EventType | None] = {}
        self._whole: EventType | None = None

    def lower(self, i: int) -> str:
        got = self._lower.get(i)
        if got is None:
            got = self._lower[i] = _cue_text(self.sentences[i].text)
        return got

    def tags(self, i: int) -> dict[str, None]:
        """Every tag whose word, stem or two-word phrase occurs in sentence ``i``, in the
        order of first appearance (a dict used as an ordered set; callers only read it)."""
        got = self._tags.get(i)
        if got is None:
            got = self._tags[i] = _read_tags(self.lower(i))
        return got

    def pick(self, i: int) -> EventType | None:
        """The type sentence ``i`` names on its own (``_pick``)."""
        if i in self._picks:
            return self._picks[i]
        got = self._picks[i] = _pick(self.tags(i), self.lower(i))
        return got

    def anchor_index(self, anchor: tuple[int, int] | None) -> int:
        """The sentence holding the anchor's start, else the first starting inside the
        anchor, else the lead (0). Sentences are in text order and do not overlap."""
        if anchor is None:
            return 0
        a0, a1 = anchor
        j = bisect_right(self.starts, a0) - 1
        if j >= 0 and a0 < self.sentences[j].end:
            return j
        k = bisect_left(self.starts, a0)
        if k < len(self.starts) and self.starts[k] < a1:
            return k
        return 0

    def displacement_cause(self) -> EventType:
        """What displacement is settled to when the sentence does not say "evacuat" (see
        ``_settle``): read from the whole text, once per article."""
        if self._whole is None:
            text = self.text
            low = _cue_text(text[:4000])
            whole = _read_tags(low)
            hazard = next((h for h in _HAZARDS if h in whole), None)
            cause = None if hazard is not None else _pick({t: None for t in whole if t != E.DISPLACEMENT},
                                                          _cue_text(text))
            if hazard is not None:
                self._whole = hazard
            elif cause is not None and cause in _VIOLENCE:
                self._whole = cause
            elif (("idp" in low or "pdi" in low or "internally displaced" in low or "displaced by" in low)
                  and _CONFLICT_DISPLACED.search(low) is not None) or _CONFLICT in whole:
                # IDPs as a population (IDMC's conflict vocabulary; disaster reports name the
                # hazard or speak of evacuees), "displaced by conflict", "insecurity", "violence"
                self._whole = E.ARMED_CLASH
            elif _AFFECTED in whole:
                # "affected", "houses destroyed": the vocabulary of disaster reporting
                # (conflict displacement is told as people who fled); the hazard is not named.
                self._whole = E.OTHER_DISASTER
            else:
                self._whole = E.DISPLACEMENT
        return self._whole


_CONFLICT_DISPLACED = re.compile(
    r"\b(?:idps?|pdis?)\b|\binternally\s+displaced\b|\bdisplaced\s+by\s+(?:the\s+)?(?:\w+\s+)?(?:conflict|violence|fighting"
    r"|insecurity|clashes|war|attacks|insurgency)\b")


def _evacuation_hint(low: str) -> bool:
    """People moved out of harm's way: "evacuated", "relocated", "moved to safer places"
    (disaster reporting; conflict displacement is told as people who fled)."""
    return "evacua" in low or "relocat" in low or "to safer" in low or "to higher ground" in low


# The article read last (see _Article).
_LAST_ARTICLE: list[_Article | None] = [None]


def classify_event_type(
    text: str, sentences: Sequence[Sentence], anchor: tuple[int, int] | None = None
) -> EventType:
    """The event type of the event described near ``anchor`` (else of the whole text).

    The anchor sentence is read together with the lead sentence (a note's first sentence
    names the event; the figure may sit in the next one); without an anchor, or when the
    anchor is the lead, the sentences are read in order until one yields a type.
    """
    if not sentences:
        sentences = [Sentence(text, 0)] if text.strip() else []
        if not sentences:
            return E.OTHER
    art = _LAST_ARTICLE[0]
    if art is None or art.text is not text or art.sentences is not sentences:
        art = _LAST_ARTICLE[0] = _Article(text, sentences)
    head = art.anchor_index(anchor)
    if head != 0:
        picked_lead = art.pick(0)
        picked = art.pick(head)
        if picked is None and picked_lead is None:
            # neither names the event ("... after receiving a gunshot wound to the leg"): the
            # first sentence that does, as without an anchor
            for i in range(1, len(sentences)):
                got = art.pick(i)
                if got is not None:
                    return _settle(got, art, (i,))
            return E.OTHER
        if picked is None or (picked_lead is not None and _rank(picked_lead) < _rank(picked)):
            return _settle(picked_lead, art, (head, 0))
        return _settle(picked, art, (head,))
    for i in range(len(sentences)):
        picked = art.pick(i)
        if picked is not None:
            return _settle(picked, art, (i,))
    return E.OTHER


_RANK = {t: i for i, t in enumerate((
    E.SUICIDE_ATTACK, E.AIRSTRIKE, E.SHELLING, E.BOMBING, E.ABDUCTION, E.TERRITORIAL_CHANGE, E.RIOT, E.PROTEST,
    E.ARMED_CLASH, E.ATTACK_ON_CIVILIANS, *_HAZARDS, E.DISPLACEMENT, E.OTHER,
))}


def _rank(event_type: EventType) -> int:
    return _RANK.get(event_type, len(_RANK))


def _settle(picked: EventType | None, art: _Article, read: tuple[int, ...]) -> EventType:
    """Displacement takes its cause's type when the text names one: a hazard, else a kind
    of violence; "evacuated" in the sentences ``read`` means a disaster whose hazard is not
    named (conflict displacement is told as people who fled)."""
    if picked is None:
        return E.OTHER
    if picked != E.DISPLACEMENT:
        return picked
    cause = art.displacement_cause()
    if cause == E.DISPLACEMENT and any(map(_evacuation_hint, (art.lower(i) for i in read))):
        return E.OTHER_DISASTER
    return cause


# --- actors ---------------------------------------------------------------------------------

# Normalized name -> spellings (matched case-sensitively as written, on word boundaries).
# Names follow the groups' common English names; ACLED's actor names where they coincide.
ACTOR_ALIASES: dict[str, tuple[str, ...]] = {
    "Islamic State": (
        "Islamic State", "ISIS", "ISIL", "Daesh", "Da'esh", "Daish", "ISKP", "IS-K", "ISIS-K", "ISKP",
        "Islamic State Khorasan", "Islamic State in Khorasan", "Khorasan Chapter of the Islamic State",
        "Islamic State of Iraq and the Levant", "Islamic State of Iraq and Syria", "ISIS-Khorasan",
    ),
    "Islamic State West Africa Province": ("ISWAP", "Islamic State West Africa Province", "Islamic State West Africa"),
    "Boko Haram": ("Boko Haram", "Jama'atu Ahlis Sunna", "JAS"),
    "Taliban": ("Taliban", "Taleban", "Islamic Emirate of Afghanistan"),
    "Tehrik-i-Taliban Pakistan": ("TTP", "Tehrik-i-Taliban", "Tehreek-e-Taliban", "Tehrik-e-Taliban", "Pakistani Taliban"),
    "Haqqani Network": ("Haqqani Network", "Haqqani network", "Haqqanis"),
    "al-Shabaab": ("al-Shabaab", "Al-Shabaab", "al-Shabab", "Al-Shabab", "al Shabaab", "Al Shabaab", "Shabaab", "Shabab",
                   "Harakat al-Shabaab"),
    "al-Qaeda": ("al-Qaeda", "Al-Qaeda", "al Qaeda", "Al Qaeda", "al-Qaida", "Al-Qaida", "Al Qaida", "AQIM",
                 "al-Qaeda in the Islamic Maghreb"),
    "al-Qaeda in the Arabian Peninsula": ("AQAP", "al-Qaeda in the Arabian Peninsula", "Ansar al-Sharia"),
    "Hayat Tahrir al-Sham": ("Hayat Tahrir al-Sham", "Hay'at Tahrir al-Sham", "HTS", "Tahrir al-Sham", "Nusra Front",
                             "al-Nusra Front", "Jabhat al-Nusra", "Jabhat Fateh al-Sham"),
    "JNIM": ("JNIM", "Jama'at Nasr al-Islam wal Muslimin", "Jama'at Nusrat al-Islam wal-Muslimin", "Katiba Macina"),
    "Syrian Democratic Forces": ("SDF", "Syrian Democratic Forces", "QSD"),
    "People's Protection Units": ("YPG", "People's Protection Units"),
    "Kurdistan Workers' Party": ("PKK", "Kurdistan Workers' Party", "Kurdistan Workers Party", "HPG"),
    "Popular Mobilization Forces": ("PMF", "PMU", "Popular Mobilisation Forces", "Popular Mobilization Forces",
                                    "Popular Mobilization Units", "Popular Mobilisation Units", "Hashd al-Shaabi",
                                    "al-Hashd al-Shaabi", "Hashed al-Shaabi"),
    "Houthis": ("Houthis", "Houthi", "Huthi", "Huthis", "Ansar Allah", "Ansarullah"),
    "Saudi-led coalition": ("Saudi-led coalition", "Saudi-led Coalition", "Arab Coalition", "Arab coalition"),
    "Southern Transitional Council": ("Southern Transitional Council", "STC"),
    "Hezbollah": ("Hezbollah", "Hizbollah", "Hizbullah"),
    "Hamas": ("Hamas", "Qassam Brigades", "Izz ad-Din al-Qassam Brigades"),
    "Baloch Liberation Army": ("BLA", "Baloch Liberation Army", "Balochistan Liberation Army"),
    "Lashkar-e-Taiba": ("Lashkar-e-Taiba", "Lashkar-e-Toiba", "LeT"),
    "Jaish-e-Mohammed": ("Jaish-e-Mohammed", "Jaish-e-Muhammad", "JeM"),
    "Communist Party of India (Maoist)": ("CPI-Maoist", "CPI (Maoist)", "Naxalites", "Naxals", "Naxal"),
    "Maoists": ("Maoists", "Maoist rebels", "Maoist cadres"),
    "New People's Army": ("New People's Army", "NPA"),
    "Abu Sayyaf": ("Abu Sayyaf",),
    "Allied Democratic Forces": ("Allied Democratic Forces", "ADF"),
    "M23": ("M23",),
    "Rapid Support Forces": ("Rapid Support Forces", "RSF"),
    "Wagner Group": ("Wagner Group", "Wagner"),
    "Shining Path": ("Shining Path", "Sendero Luminoso", "SHINING PATH", "SENDERO LUMINOSO"),
    "FMLN": ("FMLN", "Farabundo Marti National Liberation Front"),
    "FARC": ("FARC", "Revolutionary Armed Forces of Colombia"),
    "ELN": ("ELN", "National Liberation Army"),
    "Fulani militia": ("Fulani militia", "Fulani militias", "Fulani herdsmen", "Fulani gunmen"),
    "Ambazonian separatists": ("Ambazonian separatists", "Amba Boys", "Ambazonia separatists"),
    "Donetsk People's Republic": ("Donetsk People's Republic", "DPR", "Donbass People's Militia"),
    "Luhansk People's Republic": ("Luhansk People's Republic", "LPR"),
    # (names and their usual spellings in the press; an acronym only where nothing else
    # writes it: "AA", "KIA", "PDF", "SNA" or "NRF" stay unread)
    "Islamic State Sahel Province": ("Islamic State Sahel Province", "ISSP", "Islamic State in the Greater Sahara",
                                     "ISGS", "Islamic State Sahel"),
    "Arakan Army": ("Arakan Army",),
    "Kachin Independence Army": ("Kachin Independence Army",),
    "People's Defence Force": ("People's Defence Force", "People's Defence Forces", "People's Defense Force",
                               "People's Defense Forces"),
    "Military Forces of Myanmar": ("Tatmadaw",),
    "Fano militia": ("Fano militia", "Fano militias", "Fano fighters", "Fano militiamen", "Fano forces"),
    "Tigray Defense Forces": ("Tigray Defense Forces", "Tigray Defence Forces", "TDF"),
    "Tigray People's Liberation Front": ("Tigray People's Liberation Front", "TPLF"),
    "Oromo Liberation Army": ("Oromo Liberation Army", "OLA", "OLF-Shane"),
    "CODECO": ("CODECO", "Codeco"),
    "FDLR": ("FDLR", "Democratic Forces for the Liberation of Rwanda"),
    "Mai-Mai militia": ("Mai-Mai", "Mai Mai", "Mayi-Mayi", "Mayi Mayi"),
    "Ansaru": ("Ansaru",),
    "Lakurawa": ("Lakurawa",),
    "Palestinian Islamic Jihad": ("Palestinian Islamic Jihad", "Islamic Jihad", "al-Quds Brigades", "Al-Quds Brigades"),
    "Kataib Hezbollah": ("Kataib Hezbollah", "Kata'ib Hezbollah", "Kataib Hizbollah", "Kata'ib Hizbollah"),
    "Islamic Resistance in Iraq": ("Islamic Resistance in Iraq",),
    "Syrian National Army": ("Syrian National Army",),
    "SPLM-IO": ("SPLM-IO", "SPLA-IO", "SPLM/A-IO"),
    "Janjaweed": ("Janjaweed",),
    "Jalisco New Generation Cartel": ("Jalisco New Generation Cartel", "CJNG", "Jalisco cartel",
                                      "Cartel Jalisco Nueva Generacion", "C\u00e1rtel Jalisco Nueva Generaci\u00f3n"),
    "Sinaloa Cartel": ("Sinaloa Cartel", "Sinaloa cartel", "Cartel de Sinaloa"),
    "Gulf Clan": ("Gulf Clan", "Clan del Golfo"),
    "Tren de Aragua": ("Tren de Aragua",),
    "Viv Ansanm": ("Viv Ansanm",),
    "400 Mawozo": ("400 Mawozo",),
    "Polisario Front": ("Polisario Front", "Polisario"),
    "Hizbul Mujahideen": ("Hizbul Mujahideen", "Hizb-ul-Mujahideen"),
    "ULFA": ("ULFA", "ULFA-I", "United Liberation Front of Asom"),
    "Bangsamoro Islamic Freedom Fighters": ("Bangsamoro Islamic Freedom Fighters", "BIFF"),
    "Maute Group": ("Maute Group", "Maute group", "Dawlah Islamiyah"),
}

# Demonyms -> country, for state forces ("Afghan forces" -> Military Forces of Afghanistan).
_DEMONYMS: dict[str, str] = {
    "Afghan": "Afghanistan", "Iraqi": "Iraq", "Syrian": "Syria", "Yemeni": "Yemen", "Nigerian": "Nigeria",
    "Somali": "Somalia", "Pakistani": "Pakistan", "Indian": "India", "Turkish": "Turkey", "Israeli": "Israel",
    "Egyptian": "Egypt", "Libyan": "Libya", "Malian": "Mali", "Burkinabe": "Burkina Faso", "Nigerien": "Niger",
    "Cameroonian": "Cameroon", "Chadian": "Chad", "Sudanese": "Sudan", "Ethiopian": "Ethiopia", "Kenyan": "Kenya",
    "Congolese": "Democratic Republic of Congo", "Ukrainian": "Ukraine", "Russian": "Russia", "Saudi": "Saudi Arabia",
    "Iranian": "Iran", "Lebanese": "Lebanon", "Filipino": "Philippines", "Philippine": "Philippines",
    "Myanmar": "Myanmar", "Burmese": "Myanmar", "Colombian": "Colombia", "Mexican": "Mexico", "Salvadoran": "El Salvador",
    "Peruvian": "Peru", "Guatemalan": "Guatemala", "Nepali": "Nepal", "Nepalese": "Nepal", "Bangladeshi": "Bangladesh",
    "American": "United States", "US": "United States", "U.S.": "United States", "French": "France",
    "British": "United Kingdom", "Mozambican": "Mozambique", "Ugandan": "Uganda", "Burundian": "Burundi",
    "Azerbaijani": "Azerbaijan", "Armenian": "Armenia", "Emirati": "United Arab Emirates", "Algerian": "Algeria",
    "Tunisian": "Tunisia", "Venezuelan": "Venezuela", "Brazilian": "Brazil", "Thai": "Thailand",
    "South Sudanese": "South Sudan", "Eritrean": "Eritrea", "Rwandan": "Rwanda", "Tanzanian": "Tanzania",
    "Zimbabwean": "Zimbabwe", "South African": "South Africa", "Ghanaian": "Ghana", "Beninese": "Benin",
    "Togolese": "Togo", "Ivorian": "Ivory Coast", "Senegalese": "Senegal", "Mauritanian": "Mauritania",
    "Moroccan": "Morocco", "Jordanian": "Jordan", "Kuwaiti": "Kuwait", "Qatari": "Qatar", "Bahraini": "Bahrain",
    "Omani": "Oman", "Palestinian": "Palestine", "Georgian": "Georgia", "Belarusian": "Belarus",
    "Tajik": "Tajikistan", "Kyrgyz": "Kyrgyzstan", "Uzbek": "Uzbekistan", "Kazakh": "Kazakhstan",
    "Chinese": "China", "North Korean": "North Korea", "South Korean": "South Korea", "Indonesian": "Indonesia",
    "Malaysian": "Malaysia", "Cambodian": "Cambodia", "Sri Lankan": "Sri Lanka", "Haitian": "Haiti",
    "Ecuadorian": "Ecuador", "Honduran": "Honduras", "Nicaraguan": "Nicaragua", "Bolivian": "Bolivia",
    "Central African": "Central African Republic", "Angolan": "Angola", "Zambian": "Zambia",
    "Malawian": "Malawi", "Gabonese": "Gabon", "Djiboutian": "Djibouti", "Serbian": "Serbia",
    "Kosovar": "Kosovo", "Polish": "Poland", "German": "Germany", "Canadian": "Canada", "Australian": "Australia",
}
_FORCE_WORDS = r"(?:security forces|armed forces|military forces|government forces|regime forces|army|military|forces|troops|soldiers|national army|special forces|commandos|navy|air force)"
_POLICE_WORDS = r"(?:police|national police|police forces|policemen|police officers)"
# Means of war only a state's forces wield: "an Israeli airstrike", "Russian shelling", "a
# Turkish drone strike" name that state's military as the perpetrator. Not the weapons alone:
# "Iranian drones" and "American missiles" are often the maker's, fired by someone else (a
# maker written with a hyphen, "Russian-made", never matches: a space must follow).
# (Palestinian rockets and raids are armed groups', not a state's)
_NO_STATE_MEANS = frozenset({"Palestine"})
_MEANS_WORDS = (r"(?:air|drone|missile|rocket|artillery|naval)\s+(?:strikes?|raids?|attacks?)|airstrikes?"
                r"|air\s+raids?|(?:strikes?|raids?)(?=\s+(?:on|in|against|hit|hits|killed|kills|killing|targeted"
                r"|targeting|struck)\b)|warplanes?|(?:fighter\s+)?jets|shelling|bombardments?|artillery\s+fire"
                r"|(?:helicopter\s+)?gunships?|snipers?")



_ALIAS_TO_NAME: dict[str, str] = {alias: name for name, aliases in ACTOR_ALIASES.items() for alias in aliases}
# Word boundaries are checked in code: a leading lookbehind would stop CPython from
# skipping ahead to the aliases' first letters, and cost ~10x. Written as a prefix tree
# (``longest_first``): a flat alternation of ~150 aliases costs 3x more.
_ALIAS_RE = re.compile(longest_first(_ALIAS_TO_NAME))
# A nationality, or a country's name with "'s" ("India's Border Security Force").
_COUNTRY_NAMES: dict[str, str] = {c: c for c in set(_DEMONYMS.values())}
_STATE_KEYS: dict[str, str] = {**_DEMONYMS, **{f"{c}'s": c for c in _COUNTRY_NAMES}, **{f"{c}\u2019s": c for c in _COUNTRY_NAMES}}
_STATE_RE = re.compile(longest_first(_STATE_KEYS))
_STATE_AFTER = re.compile(
    r"(?:\s+(?:National|Defense|Defence|Border|Special|regime|government|security|paramilitary|Frontier|federal|"
    r"Federal|elite|Air|Naval|counter-terrorism|Counter-Terrorism|Security|Paramilitary|Coast)){0,2}"
    rf"\s+(?:(?P<force>{_FORCE_WORDS}|forces?|corps|constabulary|guards?)|(?P<police>{_POLICE_WORDS})"
    rf"|(?P<means>{_MEANS_WORDS}))\b",
    re.IGNORECASE,
)
# ACLED's own phrasing: "military forces of Pakistan", "police forces of India and Pakistan".
_FORCES_OF = re.compile(
    r"(?P<kind>[Mm]ilitary|[Pp]olice|[Ss]ecurity|[Aa]rmed) [Ff]orces of (?:the )?(?P<countries>(?:"
    + "|".join(re.escape(c) for c in sorted(_COUNTRY_NAMES, key=len, reverse=True))
    + r")(?:(?:,| and) (?:"
    + "|".join(re.escape(c) for c in sorted(_COUNTRY_NAMES, key=len, reverse=True))
    + r"))*)"
)
_COUNTRY_IN = re.compile("|".join(re.escape(c) for c in sorted(_COUNTRY_NAMES, key=len, reverse=True)))
# "IS" is the group only beside a word that makes it one.
_IS_BEFORE = frozenset({"by", "from", "against", "of", "with", "joined", "and", "suspected", "the", "pro", "anti"})
_IS_AFTER = re.compile(
    r"(?:[- ](?:linked|affiliated|inspired|held|controlled))?(?:\s+(?:militants?|fighters?|jihadists?|group|gunmen|"
    r"members?|insurgents?|cells?|claim\w*|attack\w*|suicide|remnants|terrorists?|affiliates?|supporters|sleeper"
    r"|kill\w*|seiz\w*|abduct\w*|kidnapp\w*|execut\w*|launched|targeted|stormed|ambushed|shelled|captured)\b"
    r"|['\u2019]s\b)"
)
_LAST_WORD = re.compile(r"([A-Za-z]+)[\s-]*$")


def _bounded(chunk: str, start: int, end: int) -> bool:
    """True when chunk[start:end] is a whole word (hyphens join words)."""
    before = chunk[start - 1] if start > 0 else " "
    after = chunk[end] if end < len(chunk) else " "
    return not (before.isalnum() or before in "-_") and not (after.isalnum() or after in "-_")


def _is_group(chunk: str, start: int) -> bool:
    if _IS_AFTER.match(chunk, start + 2):
        return True
    m = _LAST_WORD.search(chunk, max(0, start - 20), start)
    return m is not None and m.group(1).lower() in _IS_BEFORE


def _actor_window(text: str, sentences: Sequence[Sentence], anchor: tuple[int, int] | None) -> list[tuple[int, int]]:
    """Spans to read for actors: the anchor sentence with its neighbours, and the lead."""
    if not sentences:
        return [(0, len(text))]
    spans = [(sentences[0].start, sentences[min(1, len(sentences) - 1)].end)]
    if anchor is not None:
        # the sentence holding the anchor's start (sentences are in text order)
        starts = _ACTOR_STARTS[1] if _ACTOR_STARTS[0] is sentences else _starts(sentences)
        i = bisect_right(starts, anchor[0]) - 1
        if i >= 0 and anchor[0] < sentences[i].end:
            lo, hi = max(i - 1, 0), min(i + 1, len(sentences) - 1)
            spans.insert(0, (sentences[lo].start, sentences[hi].end))
    return spans


def _starts(sentences: Sequence[Sentence]) -> list[int]:
    starts = [s.start for s in sentences]
    _ACTOR_STARTS[:] = [sentences, starts]
    return starts


# the sentences last read for actors and their offsets (the next event reads them again)
_ACTOR_STARTS: list = [None, []]  # type: ignore[type-arg]


def extract_actors(
    text: str, sentences: Sequence[Sentence], anchor: tuple[int, int] | None = None
) -> list[Actor]:
    """Named armed groups, forces and organisations involved, normalized.

    Read in the anchor sentence, its neighbours and the lead. State forces with a
    nationality become ``Military Forces of <Country>`` / ``Police Forces of <Country>``
    (ACLED's naming, without its period suffix); bare "police", "troops" or "security
    forces" are not reported: without a country they name no one.
    """
    if text is not _ACTOR_TEXT[0]:
        _ACTOR_TEXT[0] = text
        _ACTOR_HITS.clear()
    head = text[:300]
    # (a lower-case "e", "a" or "t" already tells mixed case, without upper-casing the head)
    upper_text = "e" not in head and "a" not in head and "t" not in head and head.upper() == head
    found: dict[str, Actor] = {}
    for lo, hi in _actor_window(text, sentences, anchor):
        # The lead is read for every event of an article (and often overlaps the anchor's
        # window): what a span holds is kept for the current article only.
        kept = _ACTOR_HITS.get((lo, hi))
        if kept is None:
            kept = _ACTOR_HITS[(lo, hi)] = _span_hits(text[lo:hi], upper_text)
        for _, name, written in kept:
            if name not in found:
                found[name] = _actor(name, written)
    return list(found.values())


def _actor(name: str, written: str) -> Actor:
    """The ``Actor`` record, made once per spelling (a frozen record: shared safely)."""
    key = (name, written)
    actor = _ACTORS.get(key)
    if actor is None:
        if len(_ACTORS) >= 4096:
            _ACTORS.clear()
        actor = _ACTORS[key] = Actor(name=name, text=written)
    return actor


_ACTORS: dict[tuple[str, str], Actor] = {}


# (start, end) -> the sorted actor hits of that span of the article being read
_ACTOR_HITS: dict[tuple[int, int], list[tuple[int, str, str]]] = {}
_ACTOR_TEXT: list[str] = [""]


def _span_hits(chunk: str, upper_text: bool) -> list[tuple[int, str, str]]:
    """Actor mentions in one span of the text: (offset, normalized name, as written), sorted."""
    hits: list[tuple[int, str, str]] = []
    for m in _ALIAS_RE.finditer(chunk):
        if _bounded(chunk, m.start(), m.end()):
            hits.append((m.start(), _ALIAS_TO_NAME[m.group(0)], m.group(0)))
    if not upper_text:
        i = chunk.find("IS")
        while i != -1:
            prefixed = chunk[max(0, i - 5):i].lower() in {"anti-", "-pro-"} or chunk[max(0, i - 4):i].lower() == "pro-"
            if (prefixed or _bounded(chunk, i, i + 2)) and (prefixed or _is_group(chunk, i)):
                hits.append((i, "Islamic State", "IS"))
            i = chunk.find("IS", i + 2)
    for m in _STATE_RE.finditer(chunk):
        if not _bounded(chunk, m.start(), m.end() if chunk[m.end() - 1] != "." else m.end() - 1):
            continue
        force = _STATE_AFTER.match(chunk, m.end())
        if force is None or (upper_text and m.group(0) == "US") or (
                force.group("means") and _STATE_KEYS[m.group(0)] in _NO_STATE_MEANS):
            continue
        kind = "Police Forces" if force.group("police") else "Military Forces"
        hits.append((m.start(), f"{kind} of {_STATE_KEYS[m.group(0)]}", chunk[m.start():force.end()]))
    if "orces of" in chunk:
        for m in _FORCES_OF.finditer(chunk):
            kind = "Police Forces" if m.group("kind").lower() == "police" else "Military Forces"
            for c in _COUNTRY_IN.finditer(m.group("countries")):
                hits.append((m.start() + c.start(), f"{kind} of {c.group(0)}", m.group(0)))
    return sorted(hits)
