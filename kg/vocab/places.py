"""The gazetteer's places and the facts between them: which division lies in which, at
what level, and whether a place written one way can lie inside one written another.

The places come from ``places.tsv`` (divisions, from jionlp), ``towns.tsv`` and
``areas.tsv``; their origin and licence are in ``ontology/lexicon/README.md``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from kg.vocab.lexicon import _split, rows

__all__ = [
    "Place",
    "ancestors",
    "areas",
    "level_of",
    "place_by_code",
    "places",
    "places_by_surface",
    "within",
]


@dataclass(frozen=True, slots=True)
class Place:
    """A place of the gazetteer: an administrative division or a named area."""

    name: str
    subtype: str  # Country Province City District County Town Area
    code: str
    parent: str  # parent's code (divisions) or name (areas); "" for none
    aliases: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        """What identifies the place: its code; a town (no code) its county and name;
        an area its name."""
        if self.code:
            return self.code
        return f"{self.parent}/{self.name}" if self.subtype == "Town" else self.name


@lru_cache(maxsize=1)
def places() -> tuple[Place, ...]:
    """Every division of ``places.tsv``, town of ``towns.tsv`` and area of ``areas.tsv``."""
    found = [
        Place(
            name=row["name"],
            subtype=row["subtype"],
            code=row["code"],
            parent=row["parent_code"],
            aliases=_split(row["aliases"]) + _split(row.get("former", "")),
        )
        for row in rows("places.tsv")
    ]
    by_name = {p.name: p for p in found}
    found += [Place(row["name"], "Town", "", row["county_code"]) for row in rows("towns.tsv")]
    for row in rows("areas.tsv"):
        parent = by_name.get(row["parent"])
        found.append(
            Place(row["name"], "Area", "", parent.key if parent else "", _split(row["aliases"]))
        )
    return tuple(found)


@lru_cache(maxsize=1)
def place_by_code() -> dict[str, Place]:
    """Places by :attr:`Place.key`."""
    return {p.key: p for p in places()}


@lru_cache(maxsize=1)
def places_by_surface() -> dict[str, tuple[Place, ...]]:
    """Every name and alias -> the places it may denote (homonyms kept)."""
    index: dict[str, list[Place]] = defaultdict(list)
    for place in places():
        for surface in (place.name, *place.aliases):
            if len(surface) >= 2 and place not in index[surface]:
                index[surface].append(place)
    return {k: tuple(v) for k, v in index.items()}


def areas() -> tuple[Place, ...]:
    """The named areas (``areas.tsv``)."""
    return tuple(p for p in places() if p.subtype == "Area" and not p.code)


_LEVEL = {"Country": 0, "Province": 1, "City": 2, "District": 3, "County": 3, "Town": 4, "Area": 5}


def level_of(place: Place) -> int:
    """0 country, 1 province, 2 prefecture, 3 county, 4 town, 5 area."""
    return _LEVEL.get(place.subtype, 5)


def ancestors(place: Place) -> list[Place]:
    """The place's parents, nearest first.

    >>> [p.name for p in ancestors(place_by_code()["640202"])]
    ['石嘴山市', '宁夏回族自治区']
    """
    chain = []
    index = place_by_code()
    parent = index.get(place.parent)
    while parent is not None and parent not in chain:
        chain.append(parent)
        parent = index.get(parent.parent)
    return chain


def within(inner: str, outer: str) -> bool:
    """Whether a place written ``inner`` can lie inside one written ``outer``: a chain of
    places in a name (玉溪市江川区), not a short form that is part of the name
    (云南玉林泉酒业: 玉林 is in Guangxi).

    >>> within("江川区", "玉溪市"), within("玉林", "云南")
    (True, False)
    """
    index = places_by_surface()
    outer_keys = {p.key for p in index.get(outer, ())}
    return any(outer_keys & {a.key for a in ancestors(p)} for p in index.get(inner, ()))
