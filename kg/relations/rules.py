"""Relation extraction: the registered rules run over a document's sentences, then over it.

The rules are grouped by family, one module each, and found by name in the registry
(:mod:`kg.relations.registry`):

* :mod:`~kg.relations.place`: ``locatedIn`` from names and the gazetteer;
* :mod:`~kg.relations.hierarchy`: ``subOrganizationOf`` along the union hierarchy
  (regional and industrial unions), for bodies named after their parent and for
  subsidiaries (Y旗下的X);
* :mod:`~kg.relations.triggers`: ``implements``/``organizes``/``establishes``/
  ``partnersWith`` from the trigger table (``ontology/lexicon/relation_triggers.tsv``);
* :mod:`~kg.relations.posts`: ``holdsPost`` from titles, lists, elections, appointments,
  appositions, credits and bylines;
* :mod:`~kg.relations.parts`: ``partOf`` from lists, folding cues, cue words (是…的重要
  内容, 包括, 系列活动之一) and the programme lexicons.

The words they read are data in ``ontology/lexicon/`` (``relation_triggers.tsv``,
``relation_cues.tsv``, ``org_short_forms.tsv``, ``programme_parts.tsv``, ``titles.tsv``),
their regexes compiled once in :mod:`kg.relations.resources`.

Every relation carries its sentence as evidence; the same relation found twice in one
sentence is kept once, with the highest confidence (the first rule of :data:`DEFAULT_RULES`
on a tie).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from kg.relations.base import DocumentView, Sentence, Span, spans_by_sentence, story_topic
from kg.relations.registry import get_rule
from kg.relations.triggers import names_event
from kg.types import Document, Entity, Relation
from kg.vocab.lexicon import Trigger
from kg.vocab.lexicon import relation_triggers as triggers

__all__ = ["DEFAULT_RULES", "Trigger", "extract_relations", "triggers"]

#: The rules a build runs, in this order: sentence rules on each sentence, then the
#: document rules.
DEFAULT_RULES: tuple[str, ...] = (
    "triggers:objects",
    "triggers:founded",
    "triggers:partners",
    "triggers:hosts",
    "triggers:passive-founders",
    "parts:folded",
    "posts:titles",
    "posts:lists",
    "posts:elections",
    "posts:appointed",
    "posts:appositive",
    "parts:list",
    "parts:cues",
    "hierarchy:subsidiary",
    "place:name",
    "place:gazetteer",
    "hierarchy:unions",
    "hierarchy:name",
    "parts:lexicon",
    "parts:standard",
    "parts:name",
    "posts:bylines",
    "posts:government-heads",
    "posts:credits",
)


def extract_relations(
    doc: Document, entities: dict[str, Entity], *, rules: Sequence[str] = DEFAULT_RULES
) -> list[Relation]:
    """Every relation a document supports, one record per piece of evidence.

    Args:
        doc: a linked document (its ``mentions`` set).
        entities: the entities the mentions resolve to, by key.
        rules: names of registered rules to run (:func:`~kg.relations.registry.get_rule`).

    Returns:
        The relations, sorted by story, sentence, predicate, subject and object.
    """
    chosen = [get_rule(name) for name in rules]
    by_sentence = spans_by_sentence(doc.mentions, entities)
    by_story: dict[int, list[Span]] = {}
    for spans in by_sentence.values():
        for span in spans:
            by_story.setdefault(span.mention.story, []).append(span)
    topics = {story: story_topic(spans) for story, spans in by_story.items()}
    text = doc.clean.text
    found: list[Relation] = []
    last_event: dict[int, Entity] = {}
    for spans in by_sentence.values():
        story = spans[0].mention.story
        sentence = Sentence.read(text, spans, topics[story], last_event.get(story))
        for rule in chosen:
            if rule.scope == "sentence":
                found.extend(rule.func(sentence))
        for span in sentence.spans:
            if span.entity.type == "Program" and names_event(text, span):
                last_event[story] = span.entity
    view = DocumentView.read(doc, entities)
    for rule in chosen:
        if rule.scope == "document":
            found.extend(rule.func(view))
    return _dedupe(found)


def _dedupe(relations: Iterable[Relation]) -> list[Relation]:
    seen: dict[tuple[object, ...], Relation] = {}
    for rel in relations:
        key = (rel.subject, rel.predicate, rel.object, rel.sentence_start, rel.role)
        if key not in seen or seen[key].confidence < rel.confidence:
            seen[key] = rel
    return sorted(
        seen.values(), key=lambda r: (r.story, r.sentence_start, r.predicate, r.subject, r.object)
    )
