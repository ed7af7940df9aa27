"""Our spaCy components. Importing this package registers every factory."""

from kg.nlp.components import (
    areas,
    gazetteer,
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
    "merge",
    "organizations",
    "persons",
    "programmes",
    "rules",
    "sentences",
    "statistical",
]
