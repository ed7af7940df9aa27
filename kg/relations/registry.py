"""The relation rules by name: each family module registers its rules here.

A sentence rule reads one :class:`~kg.relations.base.Sentence`, a document rule one
:class:`~kg.relations.base.DocumentView`; both yield relations. The families register on
import (``kg/relations/__init__.py`` imports them all), and :func:`get_rule` finds a rule by
its name:

>>> get_rule("posts:titles").scope
'sentence'
>>> get_rule("posts:title")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
kg.errors.KGError: [E150] No relation rule named 'posts:title'; known rules: ...
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal, TypeVar

from kg.errors import Errors, KGError
from kg.relations.base import DocumentView, Sentence
from kg.types import Relation

__all__ = [
    "DocumentRule",
    "Rule",
    "SentenceRule",
    "document_rule",
    "get_rule",
    "rule_names",
    "sentence_rule",
]

SentenceRule = Callable[[Sentence], Iterable[Relation]]
DocumentRule = Callable[[DocumentView], Iterable[Relation]]
_F = TypeVar("_F", bound=Callable[..., Iterable[Relation]])


@dataclass(frozen=True, slots=True)
class Rule:
    """A registered rule: its name, what it reads and the function."""

    name: str
    scope: Literal["sentence", "document"]
    func: Callable[..., Iterable[Relation]]


_RULES: dict[str, Rule] = {}


def _register(name: str, scope: Literal["sentence", "document"]) -> Callable[[_F], _F]:
    def decorate(func: _F) -> _F:
        if name in _RULES and _RULES[name].func is not func:
            raise ValueError(f"relation rule {name!r} is registered twice")
        _RULES[name] = Rule(name, scope, func)
        return func

    return decorate


def sentence_rule(name: str) -> Callable[[_F], _F]:
    """Register a function ``Sentence -> Iterable[Relation]`` under ``name``."""
    return _register(name, "sentence")


def document_rule(name: str) -> Callable[[_F], _F]:
    """Register a function ``DocumentView -> Iterable[Relation]`` under ``name``."""
    return _register(name, "document")


def get_rule(name: str) -> Rule:
    """The rule registered as ``name``; a :class:`~kg.errors.KGError` (E150) on a miss."""
    try:
        return _RULES[name]
    except KeyError:
        raise KGError(Errors.E150, name=name, known=", ".join(sorted(_RULES))) from None


def rule_names() -> tuple[str, ...]:
    """Every registered rule's name, sorted."""
    return tuple(sorted(_RULES))
