"""Our spaCy components. Importing this package registers every factory."""

from kg.nlp.components import (
    areas,
    gazetteer,
    learned,
    merge,
    organizations,
    persons,
    programmes,
    rules,
    sentences,
    statistical,
)

__all__ = [
    "areas",
    "gazetteer",
    "learned",
    "merge",
    "organizations",
    "persons",
    "programmes",
    "rules",
    "sentences",
    "statistical",
]
