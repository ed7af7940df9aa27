"""Records passed between the stages, and the small Protocols between them.

The flow is one way: :class:`RawDocument` -> :class:`Document` (with its
:class:`Story` list) -> RDF graph.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Protocol

from kg.text import AlignedText

__all__ = [
    "Byline",
    "Document",
    "Entity",
    "Loader",
    "Measurement",
    "Mention",
    "RawDocument",
    "Relation",
    "Skipped",
    "Story",
    "entity_key",
    "merge_entity",
]

_SPELLING = re.compile(r"[\s·•・]")  # spelling variants of one name (工匠魂·劳动美)


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One article as read from disk, before any cleaning.

    ``identifier`` is the file's path relative to the corpus root (POSIX
    separators); a record of a ``.jsonl`` file adds ``#L<line>``. ``text`` is the
    decoded original: offsets in the graph point into it.
    """

    identifier: str
    path: str
    text: str
    encoding: str
    media_type: str
    sha256: str
    meta: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input that could not be read, with the coded reason."""

    path: str
    code: str
    reason: str


@dataclass(frozen=True, slots=True)
class Byline:
    """A person credited in a byline; offsets are into the clean text."""

    role: str
    name: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Story:
    """One article of a page: a span of the clean text with its metadata."""

    index: int
    start: int
    end: int
    headlines: tuple[str, ...] = ()
    date: str | None = None
    outlet: str | None = None
    bylines: tuple[Byline, ...] = ()

    @property
    def title(self) -> str | None:
        """The headline lines joined, or ``None`` when the text gives none."""
        return " ".join(self.headlines) or None


@dataclass(frozen=True, slots=True)
class Mention:
    """One occurrence of an entity in a story; offsets are into the clean text."""

    entity: str
    story: int
    start: int
    end: int
    surface: str
    sentence_start: int
    sentence_end: int
    rule: str
    reason: str
    score: float | None = None  # the statistical recogniser's confidence; None for rules


@dataclass(frozen=True, slots=True)
class Relation:
    """A relation between two entities with the evidence for it.

    ``sentence_start``/``sentence_end`` are clean-text offsets of the sentence that
    supports it; ``rule`` names the extraction rule; ``role`` is kept for holdsPost.
    """

    subject: str
    predicate: str
    object: str
    story: int
    sentence_start: int
    sentence_end: int
    rule: str
    confidence: float
    role: str | None = None


@dataclass(frozen=True, slots=True)
class Measurement:
    """A figure a story reports, with its evidence; offsets are into the clean text.

    ``value`` is the normalised number as a canonical decimal (38.6万人 -> ``"386000"``),
    ``unit`` the measure word (money in 元), ``about`` the key of the entity the figure
    belongs to (``""`` when none is named), ``date`` the year (``"2016"``) or date it
    refers to (``""`` when unknown), ``programme`` the key of the programme its clause
    says it counts for (``""`` when none).
    """

    story: int
    start: int
    end: int
    sentence_start: int
    sentence_end: int
    text: str
    value: str
    unit: str
    approximate: bool
    indicator: str
    about: str
    date: str
    rule: str
    confidence: float
    programme: str = ""


def entity_key(type_: str, name: str, code: str = "") -> str:
    """The one identity of an entity across documents: a place's gazetteer key (division
    code; a town's county and name), else type and name, spelling variants of a name
    (工匠魂·劳动美, 工匠魂劳动美) sharing it.

    >>> entity_key("Place", "安康市", "610900"), entity_key("Program", "工匠魂·劳动美")
    ('place:610900', 'program:工匠魂劳动美')
    """
    if type_ == "Place" and code:
        return f"place:{code}"
    return f"{type_.lower()}:{_SPELLING.sub('', name)}"


@dataclass
class Entity:
    """A canonical entity: one IRI, one simplified label, every other surface form.

    ``key`` identifies it across documents (a place's division code, else type and
    canonical name); ``reasons`` records why surface forms were merged into it;
    ``place`` is the key of the place an organisation's name is built on, as the linker
    resolved it (安康市总工会 -> the place key of 安康市), so later stages need not parse
    the name again.
    """

    key: str
    type: str
    subtype: str
    name: str
    code: str = ""
    parent: str = ""
    aliases: set[str] = field(default_factory=set)
    reasons: set[str] = field(default_factory=set)
    place: str = ""

    @property
    def ident(self) -> str:
        """The key without its kind: a place's gazetteer key (division code; a town's
        county and name), else the canonical spelling of the name.

        >>> Entity("place:610900", "Place", "City", "安康市").ident
        '610900'
        """
        return self.key.partition(":")[2]

    def absorb(self, other: Entity) -> None:
        """Merge another record of the same entity into this one."""
        self.aliases |= other.aliases
        self.reasons |= other.reasons
        self.subtype = self.subtype or other.subtype
        self.place = self.place or other.place


def merge_entity(table: dict[str, Entity], entity: Entity) -> None:
    """Add one document's record of ``entity`` to the corpus's ``table`` (by key): the
    first record is copied (merging never changes the document's own), later ones are
    absorbed into it."""
    known = table.get(entity.key)
    if known is None:
        table[entity.key] = replace(
            entity, aliases=set(entity.aliases), reasons=set(entity.reasons)
        )
    else:
        known.absorb(entity)


@dataclass(frozen=True, slots=True)
class Document:
    """A cleaned document: clean text with its map to the original, and stories.

    ``date`` is the date its metadata gives (``raw.meta["date"]``), parsed once into ISO
    ``YYYY-MM-DD`` (``None`` when it gives none); a story's own date is its ``date``.
    """

    raw: RawDocument
    clean: AlignedText
    stories: tuple[Story, ...]
    warnings: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()
    relations: tuple[Relation, ...] = ()
    measurements: tuple[Measurement, ...] = ()
    date: str | None = None


class Loader(Protocol):
    """Reads one file into documents (a ``.jsonl`` file holds many)."""

    def __call__(self, data: bytes, path: str, sha256: str) -> Iterable[RawDocument | Skipped]: ...
