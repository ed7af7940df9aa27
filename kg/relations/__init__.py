"""Relations between the entities of a document, with their evidence.

Importing the package registers every rule family (spaCy's habit: registrations in one
place, so a rule is found by name whatever module is imported first).
"""

from __future__ import annotations

from kg.relations import hierarchy, parts, place, posts, triggers

__all__ = ["hierarchy", "parts", "place", "posts", "triggers"]
