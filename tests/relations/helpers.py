"""Relations of a text whose entities are given, not recognised.

The relation rules are tested on their own: the entities of a sentence are listed by the
test, every occurrence of a name becomes a mention, and the rules run on the sentences
the pipeline's sentencizer would cut. What the recognisers find is tested elsewhere.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from kg.corpus.prepare import prepare
from kg.relations.rules import DEFAULT_RULES, extract_relations
from kg.types import Entity, Mention, RawDocument, entity_key
from kg.vocab.places import places_by_surface

__all__ = ["given"]

_SENTENCE_END = re.compile(r"[。！？!?；;\n]")


def _entity(name: str, kind: str) -> Entity:
    """The entity the linker would make; a place of the gazetteer by its key, the first of
    its homonyms (give ``Place/<county code>`` for a town)."""
    type_, _, subtype = kind.partition("/")
    if type_ == "Place":
        options = [p for p in places_by_surface().get(name, ()) if p.name == name]
        options = [p for p in options if not subtype or p.parent == subtype] or options
        if options:
            place = options[0]
            return Entity(
                f"place:{place.key}",
                "Place",
                place.subtype,
                name,
                code=place.code,
                parent=place.parent,
            )
    return Entity(entity_key(type_, name), type_, subtype, name)


def given(
    text: str, entities: Mapping[str, str], *, rules: Sequence[str] = DEFAULT_RULES
) -> set[tuple[str, ...]]:
    """``(subject, predicate, object[, role])`` of ``text`` with these entities.

    Args:
        text: an article (cleaned and split into stories like any input).
        entities: ``name -> "Type/Subtype"``; a key ``name=form1|form2`` also takes the
            other forms as mentions of ``name``.
        rules: the rules to run.
    """
    doc = prepare(RawDocument("a.txt", "a.txt", text, "utf-8", "text/plain", "0" * 64))
    clean = doc.clean.text
    table: dict[str, Entity] = {}
    forms: list[tuple[str, str]] = []
    for key, kind in entities.items():
        name, _, others = key.partition("=")
        entity = _entity(name, kind)
        entity.aliases = {form for form in others.split("|") if form}
        table[entity.key] = entity
        forms += [(form, entity.key) for form in (name, *entity.aliases)]
    mentions: list[Mention] = []
    taken: set[int] = set()
    for form, key in sorted(forms, key=lambda f: -len(f[0])):
        for match in re.finditer(re.escape(form), clean):
            a, b = match.span()
            if a in taken and all(i in taken for i in range(a, b)):
                continue  # the same characters as a longer name's
            story = next(s for s in doc.stories if s.start <= a < s.end)
            start = max((m.end() for m in _SENTENCE_END.finditer(clean, 0, a)), default=0)
            end_match = _SENTENCE_END.search(clean, b)
            end = end_match.end() if end_match else len(clean)
            start, end = max(start, story.start), min(end, story.end)
            mentions.append(Mention(key, story.index, a, b, form, start, end, "given", "given"))
            taken.update(range(a, b))
    mentions.sort(key=lambda m: (m.start, m.end, m.entity))
    doc = type(doc)(doc.raw, doc.clean, doc.stories, doc.warnings, tuple(mentions))
    found: set[tuple[str, ...]] = set()
    for rel in extract_relations(doc, table, rules=rules):
        row = (table[rel.subject].name, rel.predicate, table[rel.object].name)
        found.add((*row, rel.role) if rel.role else row)
    return found
