"""The learned layer's decisions in the per-document step.

The rules, the gazetteers and the statistical recogniser propose; a model trained on the
gold decides which of the linked entities the document keeps (:func:`keep_entities`).
The models ship in ``kg/models/`` with the record of what they were trained on
(``scripts/train.py`` remakes them); without them the rules decide alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kg.learn.features import ENTITY_FEATURES, EntityCandidate, entity_row
from kg.learn.model import BoostedClassifier
from kg.learn.relations import PAIR_FEATURES, decided_relations, pair_candidates, pair_row
from kg.types import Document, Entity, Mention, Relation

__all__ = [
    "DEFAULT_MODELS",
    "ENTITY_MODEL",
    "RELATION_MODEL",
    "Models",
    "decide_relations",
    "entity_candidates",
    "keep_entities",
    "load_models",
]

#: Where the shipped models are, and their file names there.
DEFAULT_MODELS = Path(__file__).resolve().parents[1] / "models"
ENTITY_MODEL = "entities.lgb"
RELATION_MODEL = "relations.lgb"


@dataclass(frozen=True)
class Models:
    """The models of the learned layer (``None``: the rules decide that step alone)."""

    entities: BoostedClassifier | None = None
    relations: BoostedClassifier | None = None


@lru_cache(maxsize=4)
def load_models(folder: Path | None = DEFAULT_MODELS) -> Models:
    """The models in ``folder`` (``None``: no models, the rules alone).

    Raises:
        KGError: E190/E191 for a model file that is unreadable or made for other
            features.
    """
    if folder is None:
        return Models()
    path = folder / ENTITY_MODEL
    entities = BoostedClassifier.load(path, features=ENTITY_FEATURES) if path.is_file() else None
    path = folder / RELATION_MODEL
    relations = BoostedClassifier.load(path, features=PAIR_FEATURES) if path.is_file() else None
    return Models(entities=entities, relations=relations)


def entity_candidates(
    document: Document, entities: dict[str, Entity], mentions: list[Mention]
) -> list[EntityCandidate]:
    """Each linked entity of ``document`` with its mentions, in key order."""
    titles = tuple(story.title or "" for story in document.stories)
    by_entity: dict[str, list[Mention]] = {}
    for mention in mentions:
        by_entity.setdefault(mention.entity, []).append(mention)
    return [
        EntityCandidate(entities[key], tuple(by_entity.get(key, ())), document.clean.text, titles)
        for key in sorted(entities)
    ]


def keep_entities(
    document: Document,
    entities: dict[str, Entity],
    mentions: list[Mention],
    model: BoostedClassifier,
) -> tuple[dict[str, Entity], list[Mention]]:
    """The entities the model keeps (probability at or above its threshold) and their
    mentions."""
    candidates = entity_candidates(document, entities, mentions)
    scores = model.predict_proba([entity_row(c) for c in candidates])
    kept = {
        c.entity.key
        for c, score in zip(candidates, scores, strict=True)
        if score >= model.record.threshold
    }
    return (
        {key: entity for key, entity in entities.items() if key in kept},
        [m for m in mentions if m.entity in kept],
    )


def decide_relations(
    document: Document, entities: dict[str, Entity], model: BoostedClassifier
) -> tuple[Relation, ...]:
    """The relations the model keeps among every candidate pair of ``document`` (whose
    ``relations`` are the rules' proposals)."""
    candidates = list(pair_candidates(document, entities))
    scores = model.predict_proba([pair_row(c, document.mentions) for c in candidates])
    return tuple(decided_relations(candidates, scores, model.record.threshold))
