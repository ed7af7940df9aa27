"""``locatedIn``: from an organisation's name and along the gazetteer.

* an organisation or a place without a code is where its name begins (安康市总工会 ->
  安康市, 淄博职业学院 -> 淄博市, 望春街道工会 -> 望春街道), or else where a place inside
  its name is (中国邮政速递物流股份有限公司太原分公司 -> 太原市), when the article names
  that place;
* a place of the gazetteer is in the nearest of its ancestors the article names
  (大武口区 -> 石嘴山市, not -> 中国).
"""

from __future__ import annotations

from collections.abc import Iterator

from kg.nlp.patterns import UNITS
from kg.relations.base import DocumentView, relation
from kg.relations.registry import document_rule
from kg.relations.resources import ORG_PREFIXES
from kg.types import Entity, Relation
from kg.vocab.places import Place, ancestors, place_by_code, places_by_surface

__all__ = ["from_gazetteer", "from_names", "inner_place", "name_place", "named_places"]


def name_place(entity: Entity, context: set[str]) -> Place | None:
    """The place an organisation's name begins with (淄博职业学院 -> 淄博市).

    ``context`` holds the keys of the places the article names: a short form shared by
    several places (朝阳) is the one the article names, if any.
    """
    name = entity.name
    for prefix in ORG_PREFIXES:
        name = name.removeprefix(prefix)
    index = places_by_surface()
    found: Place | None = None
    pos = 0
    while pos < len(name):
        for end in range(len(name), pos + 1, -1):
            options = index.get(name[pos:end])
            if options:
                chosen = [p for p in options if p.key in context] or list(options)
                found = chosen[0]
                pos = end
                break
        else:
            break
    return found


def inner_place(entity: Entity, context: set[str]) -> Place | None:
    """A place the article names inside an organisation's name (中车大同电力机车有限公司,
    中国邮政速递物流股份有限公司太原分公司): the first one, not the country.

    Only places in ``context`` count: inside a name, a place's short form is often part
    of a word (东方商厦).
    """
    index = places_by_surface()
    name = entity.name
    for pos in range(1, len(name) - 1):
        for end in range(len(name), pos + 1, -1):
            options = [
                p
                for p in index.get(name[pos:end], ())
                if p.key in context and p.subtype != "Country"
            ]
            if options:
                return options[0]
    return None


def _places(view: DocumentView) -> dict[str, Entity]:
    """The places the document names, by :attr:`~kg.vocab.lexicon.Place.key`."""
    return {e.ident: e for e in view.present.values() if e.type == "Place"}


def named_places(view: DocumentView) -> dict[str, Place]:
    """Entity key -> the place its name begins with, for the organisations and uncoded
    places the document names (not those the gazetteer found as such)."""
    context = set(_places(view))
    bodies = {e.name for e in view.present.values() if e.type == "Organization"}
    found: dict[str, Place] = {}
    for key, entity in view.present.items():
        if entity.type not in {"Organization", "Place"} or view.first[key].rule.startswith(
            "gazetteer"
        ):
            continue
        if entity.type == "Organization" and _department_of(entity.name, bodies):
            continue  # 长沙市总工会基层工作部: an office of a body, which is where it is
        if entity.type == "Place" and entity.code:
            continue
        # the place the linker built the name on, else the name read again (areas and
        # lexicon names): 云南省公安厅 is in 云南省, not in 公安县
        place = place_by_code().get(entity.place) if entity.place else None
        place = place or name_place(entity, context)
        if entity.type == "Organization" and (place is None or place.subtype == "Country"):
            place = inner_place(entity, context) or place  # 中国邮政…太原分公司: in 太原
        if place is not None:
            found[key] = place
    return found


def _department_of(name: str, bodies: set[str]) -> bool:
    """An internal department of a body the article names (…总工会 + 宣传教育部), a unit
    of ``org_units.tsv`` with no subtype of its own; units that are bodies of their own
    (女职工委员会, 职工服务中心) are sited like any.

    >>> _department_of("长沙市总工会基层工作部", {"长沙市总工会"})
    True
    >>> _department_of("淮北市总工会职工服务中心", {"淮北市总工会"})
    False
    """
    return any(
        name.endswith(unit.unit) and name[: -len(unit.unit)] in bodies
        for unit in UNITS.values()
        if not unit.subtype
    )


@document_rule("place:name")
def from_names(view: DocumentView) -> Iterator[Relation]:
    """安康市总工会 -> 安康市, when the article names 安康市."""
    places = _places(view)
    for key, place in named_places(view).items():
        target = places.get(place.key)
        if target is not None and target.key != key:
            entity = view.entities[key]
            yield relation(entity, "locatedIn", target, view.first[key], "locatedIn:name", 0.95)


@document_rule("place:gazetteer")
def from_gazetteer(view: DocumentView) -> Iterator[Relation]:
    """大武口区 -> 石嘴山市: the nearest ancestor of a place that the article names."""
    places = _places(view)
    index = place_by_code()
    for entity in places.values():
        place = index.get(entity.ident)
        if place is None:
            continue
        for ancestor in ancestors(place):
            if ancestor.key in places:
                yield relation(
                    entity,
                    "locatedIn",
                    places[ancestor.key],
                    view.first[entity.key],
                    "locatedIn:gazetteer",
                    0.9,
                )
                break
