"""Benchmark corpus and reporting helpers shared by the benchmarks.

Corpus: the seed article (``../shared/seeds/000_*.txt``), the project's ``seeds/articles.jsonl``
when present, and synthetic seed-length (~3,500 characters) conflict and disaster reports
generated here from templates, deterministically from a seed. The templates are written for
this project (no evaluation text is copied); place names are real so the gazetteer has
something to resolve. ``../shared/eval/articles-dev.jsonl`` can be read at run time as an
extra corpus (``load_eval_articles``), never copied.

Reporting: every benchmark prints ``FIGURE`` lines, each beside a baseline measured in the
same run, so a figure from a loaded or slow machine still says something (the ratio)::

    FIGURE extract.articles_per_s = 1234.5 articles/s | baseline floor.articles_per_s = 25000 articles/s | ratio 0.049 | goal >= 1000: PASS
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import os
import platform
import random
import sys
from collections.abc import Sequence
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
    "runqueue_wait_s",
    "synthetic_articles",
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
