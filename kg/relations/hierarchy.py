"""``subOrganizationOf``: the union hierarchy, industrial unions, bodies named inside their
parent's name and subsidiaries.

* a regional union (a place and a union ending: 海曙区总工会, 望春街道工会) is under the
  regional union of the nearest enclosing place the article names (望春街道工会 ->
  海曙区总工会, 思明区总工会 -> 厦门市总工会), a province's under 中华全国总工会 when it
  is named;
* an industrial union (a place, a sector and a union ending: 平山区餐饮行业工会, 省教育工会,
  中国海员建设工会) is under the regional union of its place (平山区总工会), a national
  one (中国…工会) under 中华全国总工会, when the article names it;
* an organisation whose name begins with another's name or alias is part of it
  (淄博市人民政府新闻办公室 -> 淄博市人民政府, 柳北区法院诉讼服务中心 -> 柳北区人民法院);
* ``Y旗下的X、Z`` / ``Y所属X``: X and Z are part of Y.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

from kg.relations.base import UNION, DocumentView, Sentence, Span, relation
from kg.relations.registry import document_rule, sentence_rule
from kg.relations.resources import (
    LIST_GAP,
    NATIONAL_UNION,
    ORG_PREFIXES,
    SUBSIDIARY,
    UNION_ENDINGS,
    UNION_SECTOR,
    short_forms,
)
from kg.types import Entity, Relation
from kg.vocab.places import Place, ancestors, place_by_code, places_by_surface

__all__ = [
    "UnionName",
    "by_name",
    "parse_union",
    "subsidiaries",
    "union_hierarchy",
]


@dataclass(frozen=True, slots=True)
class UnionName:
    """A union's name read as place + sector + ending (平山区 + 餐饮行业 + 工会).

    ``places`` are the places the innermost place name may denote; ``sector`` is empty
    for a regional union.
    """

    places: tuple[Place, ...]
    sector: str
    ending: str


def parse_union(name: str) -> UnionName | None:
    """The parts of a union's name, or ``None`` if it does not begin with a place.

    >>> u = parse_union("深圳市龙华区总工会")
    >>> [p.name for p in u.places], u.sector, u.ending
    (['龙华区'], '', '总工会')
    >>> parse_union("平山区餐饮行业工会").sector, parse_union("浙江恒逸集团有限公司工会")
    ('餐饮行业', None)
    """
    for prefix in ORG_PREFIXES:
        name = name.removeprefix(prefix)
    index = places_by_surface()
    options: tuple[Place, ...] = ()
    pos = 0
    while pos < len(name):
        for end in range(len(name), pos + 1, -1):
            found = index.get(name[pos:end])
            if found:
                if options:  # 深圳市龙华区: the 龙华区 of 深圳市
                    outer = {p.key for p in options}
                    inner = tuple(p for p in found if outer & {a.key for a in ancestors(p)})
                    found = inner or found
                options, pos = found, end
                break
        else:
            break
    if not options:
        return None
    rest = name[pos:]
    ending = next((e for e in UNION_ENDINGS if rest.endswith(e)), None)
    if ending is None:
        return None
    sector = rest[: len(rest) - len(ending)]
    if sector and not UNION_SECTOR.match(sector):
        return None
    return UnionName(options, sector, ending)


def _named_place_keys(view: DocumentView) -> set[str]:
    return {e.ident for e in view.present.values() if e.type == "Place"}


def _as_linked(union: UnionName, entity: Entity, index: dict[str, Place]) -> UnionName:
    """The union's place as the linker resolved it, when it is one the name may denote."""
    place = index.get(entity.place)
    if place is not None and place.key in {p.key for p in union.places}:
        return replace(union, places=(place,))
    return union


@document_rule("hierarchy:unions")
def union_hierarchy(view: DocumentView) -> Iterator[Relation]:
    """Regional unions up the places, industrial unions to their place's regional union."""
    context = _named_place_keys(view)
    index = place_by_code()
    parsed = {
        e.key: (e, _as_linked(u, e, index))
        for e in view.present.values()
        if e.subtype == UNION and (u := parse_union(e.name)) is not None
    }
    regional: dict[str, Entity] = {}
    for entity, union in parsed.values():
        if not union.sector:
            named = [p for p in union.places if p.key in context] or list(union.places)
            for place in named:
                regional.setdefault(place.key, entity)
    national = next((e for e in view.present.values() if e.name == NATIONAL_UNION), None)
    for entity, union in parsed.values():
        places = [p for p in union.places if p.key in context] or list(union.places)
        parent, rule = None, "subOrganizationOf:union-hierarchy"
        for place in places:
            if union.sector:
                rule = "subOrganizationOf:industrial-union"
                parent = national if place.subtype == "Country" else regional.get(place.key)
            elif place.subtype != "Country":
                chain = ancestors(index.get(place.key, place))
                parent = next((regional[a.key] for a in chain if a.key in regional), None)
                if parent is None and place.subtype == "Province":
                    parent = national
            if parent is not None:
                break
        if parent is not None and parent.key != entity.key:
            yield relation(entity, "subOrganizationOf", parent, view.first[entity.key], rule, 0.8)


def forms_of(entity: Entity) -> set[str]:
    """A body's name, aliases and their standard short forms (柳北区人民法院 -> 柳北区法院).

    >>> sorted(forms_of(Entity("o", "Organization", "Government", "柳北区人民法院")))
    ['柳北区人民法院', '柳北区法院']
    """
    forms = {entity.name, *entity.aliases}
    for long, short in short_forms():
        forms |= {f[: len(f) - len(long)] + short for f in forms if f.endswith(long)}
    return forms


@document_rule("hierarchy:name")
def by_name(view: DocumentView) -> Iterator[Relation]:
    """A body named after its parent: the longest other name or alias it begins with."""
    orgs = [e for e in view.present.values() if e.type == "Organization"]
    forms = {o.key: forms_of(o) for o in orgs}
    for org in orgs:
        parents = [
            (len(form), o)
            for o in orgs
            if o.key != org.key
            for form in forms[o.key]
            if len(form) >= 4 and len(org.name) > len(form) and org.name.startswith(form)
        ]
        if parents:
            _, parent = max(parents, key=lambda p: p[0])
            yield relation(
                org,
                "subOrganizationOf",
                parent,
                view.first[org.key],
                "subOrganizationOf:name",
                0.85,
            )


@sentence_rule("hierarchy:subsidiary")
def subsidiaries(sentence: Sentence) -> Iterator[Relation]:
    """``百联集团旗下的东方商厦、第一八佰伴``: each listed body is part of the first."""
    text = sentence.text
    orgs = sentence.of_type("Organization")
    for i, parent in enumerate(orgs):
        children: list[Span] = []
        edge = parent.end
        for child in orgs[i + 1 :]:
            gap = text[edge : child.start]
            if not (SUBSIDIARY.match(gap) if not children else LIST_GAP.match(gap)):
                break
            children.append(child)
            edge = child.end
        for child in children:
            if child.entity.key != parent.entity.key:
                yield relation(
                    child.entity,
                    "subOrganizationOf",
                    parent.entity,
                    child.mention,
                    "subOrganizationOf:subsidiary",
                    0.8,
                )
