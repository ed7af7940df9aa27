"""``subOrganizationOf``: the union hierarchy and bodies named inside their parent's name.

* a 总工会 is under the union of the nearest enclosing place the article names
  (思明区总工会 -> 厦门市总工会), a province's under 中华全国总工会 when it is named;
* an organisation whose name begins with another's full name is part of it
  (淄博市人民政府新闻办公室 -> 淄博市人民政府).
"""

from __future__ import annotations

from collections.abc import Iterator

from kg.lexicons import place_by_code
from kg.linking.context import ancestors
from kg.relations.base import UNION, DocumentView, relation
from kg.relations.place import named_places
from kg.relations.registry import document_rule
from kg.types import Relation

__all__ = ["NATIONAL_UNION", "by_name", "union_hierarchy"]

#: The national federation every provincial union belongs to.
NATIONAL_UNION = "中华全国总工会"


@document_rule("hierarchy:unions")
def union_hierarchy(view: DocumentView) -> Iterator[Relation]:
    """County -> city -> province -> 中华全国总工会, between unions the article names."""
    named = named_places(view)
    entities = view.entities
    unions = {
        named[k].key: entities[k]
        for k in named
        if entities[k].subtype == UNION and entities[k].name.endswith("总工会")
    }
    national = next((e for e in view.present.values() if e.name == NATIONAL_UNION), None)
    index = place_by_code()
    for place_key, union in unions.items():
        place = index.get(place_key)
        parent_union = None
        if place is not None:
            for ancestor in ancestors(place):
                if ancestor.key in unions:
                    parent_union = unions[ancestor.key]
                    break
            if parent_union is None and national and place.subtype == "Province":
                parent_union = national
        if parent_union is not None and parent_union.key != union.key:
            yield relation(
                union,
                "subOrganizationOf",
                parent_union,
                view.first[union.key],
                "subOrganizationOf:union-hierarchy",
                0.8,
            )


@document_rule("hierarchy:name")
def by_name(view: DocumentView) -> Iterator[Relation]:
    """A body named after its parent: the longest other name it begins with."""
    orgs = [e for e in view.present.values() if e.type == "Organization"]
    for org in orgs:
        parents = [
            o for o in orgs if o.key != org.key and org.name.startswith(o.name) and len(o.name) >= 4
        ]
        if parents:
            parent = max(parents, key=lambda o: len(o.name))
            yield relation(
                org,
                "subOrganizationOf",
                parent,
                view.first[org.key],
                "subOrganizationOf:name",
                0.85,
            )
