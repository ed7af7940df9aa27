"""One person per person: who a named person is, across documents, from what one document
says of them.

Names are common (every 王伟, every 张伟 of a large corpus), so a person is not identified
by the name alone. A document's person is anchored by the first post the document gives
them: the place of the organisation they hold it at (安康市 for 安康市总工会, 安康市人民政府),
else that organisation (an enterprise, an outlet for a reporter's byline). Two documents'
persons are one when name and anchor agree; a person the document gives no post is its
own, anchored by the document. The anchor is part of the entity's key (and so of its
IRI, stable from build to build), and a merge reason records it.

>>> from kg.types import Relation
>>> people = {
...     "person:王伟": Entity("person:王伟", "Person", "", "王伟"),
...     "organization:安康市总工会": Entity(
...         "organization:安康市总工会", "Organization", "TradeUnion", "安康市总工会",
...         place="610900"),
... }
>>> post = Relation("person:王伟", "holdsPost", "organization:安康市总工会", 0, 0, 9, "r", 0.9)
>>> anchors(people, [post], document="a.txt")
{'person:王伟': ('place:610900', 'person:post-place:place:610900')}
>>> anchors(people, [], document="a.txt")["person:王伟"][0]
'document:a.txt'
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from kg.types import Document, Entity, Relation

__all__ = ["ANCHOR", "anchor_persons", "anchors", "person_anchor", "person_report"]

#: What separates a person's name from their anchor in the entity's key.
ANCHOR = "@"


def person_anchor(key: str) -> str:
    """The anchor of a person's key (``""`` for a key with none).

    >>> person_anchor("person:王伟@place:610900"), person_anchor("person:王伟")
    ('place:610900', '')
    """
    return key.partition(ANCHOR)[2]


def anchors(
    entities: dict[str, Entity], relations: Iterable[Relation], *, document: str
) -> dict[str, tuple[str, str]]:
    """Each person of ``entities`` with its anchor and the reason for it: the place of the
    organisation of its first post in the text (``relations``), else that organisation,
    else the ``document``."""
    first: dict[str, Relation] = {}
    for relation in sorted(relations, key=lambda r: (r.story, r.sentence_start, r.object)):
        if relation.predicate == "holdsPost" and relation.object in entities:
            first.setdefault(relation.subject, relation)
    found = {}
    for key, entity in entities.items():
        if entity.type != "Person":
            continue
        post = first.get(key)
        if post is None:
            found[key] = (f"document:{document}", "person:no-post-in-its-document")
            continue
        organisation = entities[post.object]
        if organisation.place:  # a gazetteer key, as places' entity keys hold it
            place = f"place:{organisation.place}"
            found[key] = (place, f"person:post-place:{place}")
        else:
            found[key] = (post.object, f"person:post-organisation:{post.object}")
    return found


def anchor_persons(
    document: Document, entities: dict[str, Entity]
) -> tuple[Document, dict[str, Entity]]:
    """``document`` and ``entities`` with every person's key anchored (:func:`anchors`):
    its mentions, relations and figures point at the anchored keys."""
    found = anchors(entities, document.relations, document=document.raw.identifier)
    renamed = {key: f"{key}{ANCHOR}{anchor}" for key, (anchor, _) in found.items()}
    if not renamed:
        return document, entities

    def new(key: str) -> str:
        return renamed.get(key, key)

    table = {}
    for key, entity in entities.items():
        if key in renamed:
            entity = replace(entity, key=new(key), reasons={*entity.reasons, found[key][1]})
        table[new(key)] = entity
    document = replace(
        document,
        mentions=tuple(replace(m, entity=new(m.entity)) for m in document.mentions),
        relations=tuple(
            replace(r, subject=new(r.subject), object=new(r.object)) for r in document.relations
        ),
        measurements=tuple(replace(m, about=new(m.about)) for m in document.measurements),
    )
    return document, table


def person_report(entities: Iterable[Entity], documents: dict[str, int]) -> dict[str, object]:
    """How the persons of a build were told apart: how many persons and names, the names
    that are several persons, the persons named in several documents (merged because
    their anchors agree), and how many are anchored by each kind of evidence
    (``documents``: the number of documents naming each person's key)."""
    persons = [e for e in entities if e.type == "Person"]
    per_name: dict[str, int] = {}
    for person in persons:
        per_name[person.name] = per_name.get(person.name, 0) + 1
    kinds: dict[str, int] = {}
    for person in persons:
        anchor = person_anchor(person.key).partition(":")[0] or "none"
        kinds[anchor] = kinds.get(anchor, 0) + 1
    return {
        "persons": len(persons),
        "names": len(per_name),
        "names_split": sum(1 for n in per_name.values() if n > 1),
        "merged_across_documents": sum(1 for p in persons if documents.get(p.key, 0) > 1),
        "anchored_by": dict(sorted(kinds.items())),
    }
