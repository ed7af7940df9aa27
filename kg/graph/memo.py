"""Values computed once per rdflib graph while it does not change size.

Every exporter of a build reads the same graph; what they derive from it (the entity view,
the Turtle blocks) is computed for the first and reused by the others.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import TypeVar
from weakref import WeakKeyDictionary

from rdflib import Graph

__all__ = ["per_graph"]

_V = TypeVar("_V")


def per_graph(func: Callable[[Graph], _V]) -> Callable[[Graph], _V]:
    """``func(graph)``, computed again only when the graph's size has changed.

    >>> calls = []
    >>> size = per_graph(lambda g: calls.append(1) or len(g))
    >>> g = Graph(); size(g), size(g), len(calls)
    (0, 0, 1)
    """
    cache: WeakKeyDictionary[Graph, tuple[int, _V]] = WeakKeyDictionary()

    @wraps(func)
    def cached(graph: Graph) -> _V:
        found = cache.get(graph)
        if found is not None and found[0] == len(graph):
            return found[1]
        value = func(graph)
        cache[graph] = (len(graph), value)
        return value

    return cached
