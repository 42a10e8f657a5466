"""Offline geolocation: places in news text resolved to country, admin1 region and point.

``Gazetteer.load()`` builds (first use, a few seconds) or loads (well under a second) a
compact index of GeoNames places, admin1 regions and countries; ``resolve`` finds where
an event happened; ``admin1_code_for`` maps an admin1 name in any accepted spelling to its
ISO 3166-2 code. See docs/GEO.md. GeoNames data is CC-BY 4.0.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from extraction.geo.fold import fold_key, fold_plain, fold_tokens
from extraction.geo.index import _ADMIN_AFFIX, PlaceIndex, cache_path, load_index
from extraction.geo.lexicon import ADMIN1_ALIASES
from extraction.geo.resolve import resolve_location
from extraction.text import Sentence
from schemas import Location

__all__ = ["Gazetteer"]

_LOADED: dict[Path, PlaceIndex] = {}  # per process: the index of each cache file


class Gazetteer:
    """The place index and the resolver over it (immutable; safe to share)."""

    def __init__(self, index: PlaceIndex) -> None:
        self._index = index
        index.entry_columns()  # derived lookup columns, built once here, not per call

    @classmethod
    def load(cls, cache_dir: Path | None = None) -> Gazetteer:
        """Load (building and caching on first use) the compact place index.

        The index is read-only, so one process shares one copy per cache file.
        """
        path = cache_path(cache_dir)
        index = _LOADED.get(path)
        if index is None:
            index = _LOADED[path] = load_index(cache_dir)
        return cls(index)

    @property
    def index(self) -> PlaceIndex:
        return self._index

    def resolve(
        self,
        text: str,
        sentences: Sequence[Sentence],
        anchor: tuple[int, int] | None = None,
        title: str = "",
    ) -> Location:
        """Where the event described near ``anchor`` happened."""
        return resolve_location(self._index, text, sentences, anchor, title)

    def admin1_code_for(self, name: str, country: str | None) -> str | None:
        """ISO 3166-2 code of an admin1 region named in any accepted spelling, or None.

        Accepted: GeoNames and ISO names and aliases with or without an admin word
        ("Anbar", "Al Anbar Governorate"), transliteration variants the folding merges
        ("Idleb" = "Idlib", "Dar'a" = "Daraa"), the ISO code itself, and the source
        spellings listed in ``lexicon.ADMIN1_ALIASES``. Without ``country`` only a name
        that belongs to one country's region is resolved.
        """
        if not name:
            return None
        ix = self._index
        raw = name.strip()
        if raw.upper() in ix.adm_by_code:
            return raw.upper()
        cc = country.upper() if country else None
        plain = fold_plain(raw)
        if cc is not None and (cc, plain) in ADMIN1_ALIASES:
            return ADMIN1_ALIASES[(cc, plain)]
        keys = [fold_key(raw), fold_key(_ADMIN_AFFIX.sub("", raw).strip())]
        if cc is not None:
            for k in keys:
                i = ix.adm_keys.get((cc, k))
                if i is not None and ix.adm_code[i]:
                    return ix.adm_code[i]
            if cc == "US":
                i = ix.us_abbrev.get(plain.replace(" ", ""))
                if i is not None:
                    return ix.adm_code[i]
            # names too short for a key ("Bay"): the region's spellings, compared whole
            folded = {"".join(fold_tokens(raw)), "".join(fold_tokens(_ADMIN_AFFIX.sub("", raw).strip() or raw))}
            for i, c in enumerate(ix.adm_cc):
                if c == cc and ix.adm_code[i] and folded & ix.adm_spellings[i]:
                    return ix.adm_code[i]
            return None
        found = {ix.adm_code[i] for (c, k), i in ix.adm_keys.items() if k in keys and ix.adm_code[i]}
        return found.pop() if len(found) == 1 else None
