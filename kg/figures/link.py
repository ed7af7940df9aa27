"""A document's figures as ``Measurement`` records: each figure of each sentence, with the
entity it belongs to and the year it refers to.

- ``about``: the nearest organisation named before the figure in its sentence (not one
  of a list the figure counts, A、B等2家, not a news outlet, not the national
  federation, usually context), else the place of the story's union for a figure of
  全市/全省/全区/全县 (a total of the place), else the story's union (the one it names
  most), else its first organisation.
- A figure repeated word for word in a document (headline and body) is kept once.
- ``date``: a year written before the figure in its sentence (2023年底), else the
  year of the story's date, else of the document's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from kg.corpus.metadata import parse_date
from kg.corpus.resources import SENTENCE_END
from kg.figures.extract import Figure, find_figures
from kg.lexicons import organizations, rows
from kg.relations.resources import NATIONAL_UNION
from kg.types import Document, Entity, Measurement, Mention, Story

__all__ = ["RULE", "find_measurements"]

RULE = "figure:measure-word"
_CONFIDENCE = 0.8
_SENTENCE = re.compile(rf"[^{SENTENCE_END}\n]*[{SENTENCE_END}\n]*")
_YEAR = re.compile(r"((?:19|20)\d{2})年")


@lru_cache(maxsize=1)
def _place_totals() -> tuple[str, ...]:
    """全市, 全省 …: a figure of these is a total of the place (``figure_cues.tsv``)."""
    return tuple(r["cue"] for r in rows("figure_cues.tsv") if r["kind"] == "place-total")


@lru_cache(maxsize=1)
def _national() -> tuple[str, ...]:
    """The national federation and the names it goes by (``organizations.tsv``): context,
    rarely the owner of a local story's figures."""
    return next(
        (entry.name, *entry.aliases) for entry in organizations() if entry.name == NATIONAL_UNION
    )


def _sentences(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    for match in _SENTENCE.finditer(text, start, end):
        if match.end() > match.start() and text[match.start() : match.end()].strip():
            yield match.start(), match.end()


def _year(value: str | None) -> str:
    iso = parse_date(value) if value else None
    return iso[:4] if iso else ""


def _may_own_figures(entity: Entity) -> bool:
    """An organisation, not a news outlet, not the national federation. (Preferring a
    contest named before the figure gained 5 figures on the development set and lost 11
    on corpus/: left out.)"""
    return (
        entity.type == "Organization"
        and entity.subtype != "Media"
        and not entity.name.startswith(_national())
    )


def _main_union(story_mentions: list[tuple[Mention, Entity]]) -> Entity | None:
    """The union a story is about: the one it names most, a national one only when no
    other is named (全总 is often context in a local story)."""
    counts: dict[str, int] = {}
    first: dict[str, tuple[int, Entity]] = {}
    for mention, entity in story_mentions:
        if entity.subtype == "TradeUnion":
            counts[entity.key] = counts.get(entity.key, 0) + 1
            first.setdefault(entity.key, (mention.start, entity))
    if not counts:
        return None
    local = [k for k in counts if not first[k][1].name.startswith(_national())] or list(counts)
    key = max(local, key=lambda k: (counts[k], -first[k][0]))
    return first[key][1]


def _about(
    figure: Figure,
    sentence: tuple[int, int],
    text: str,
    story_mentions: list[tuple[Mention, Entity]],
    entities: dict[str, Entity],
) -> str:
    """The key of the entity ``figure`` belongs to (see the module's docstring)."""
    at = sentence[0] + figure.number_start
    before = [
        (m, e)
        for m, e in story_mentions
        if sentence[0] <= m.start
        and m.end <= at
        and _may_own_figures(e)
        and text[m.end : m.end + 1] != "等"  # one of a list counted after it (A、B等2家)
    ]
    if before:
        return max(before, key=lambda pair: (pair[0].end, pair[0].end - pair[0].start))[1].key
    union = _main_union(story_mentions)
    place = f"place:{union.place}" if union and union.place else ""
    if place in entities and any(word in text[sentence[0] : at] for word in _place_totals()):
        return place  # a total of the place the union is named for
    if union:
        return union.key
    organizations = [e for _m, e in story_mentions if e.type == "Organization"]
    return organizations[0].key if organizations else ""


def find_measurements(document: Document, entities: dict[str, Entity]) -> Iterator[Measurement]:
    """Every figure of ``document``'s stories (mentions already linked to ``entities``)."""
    text = document.clean.text
    by_story: dict[int, list[tuple[Mention, Entity]]] = {}
    for mention in document.mentions:
        by_story.setdefault(mention.story, []).append((mention, entities[mention.entity]))
    document_year = _year(document.raw.meta.get("date"))
    seen: set[tuple[str, str, str]] = set()
    for story in document.stories:
        mentions = by_story.get(story.index, [])
        year = _year(story.date) or document_year
        for measurement in _story_measurements(story, mentions, entities, text, year):
            # a figure repeated word for word (headline and body) is one figure
            key = (measurement.text, measurement.value, measurement.unit)
            if key not in seen:
                seen.add(key)
                yield measurement


def _story_measurements(
    story: Story,
    mentions: list[tuple[Mention, Entity]],
    entities: dict[str, Entity],
    text: str,
    year: str,
) -> Iterator[Measurement]:
    for sentence in _sentences(text, story.start, story.end):
        words = text[sentence[0] : sentence[1]]
        for figure in find_figures(words):
            written = _YEAR.findall(words[: figure.number_start])
            yield Measurement(
                story=story.index,
                start=sentence[0] + figure.start,
                end=sentence[0] + figure.end,
                sentence_start=sentence[0],
                sentence_end=sentence[1],
                text=figure.text,
                value=str(figure.value),
                unit=figure.unit,
                approximate=figure.approximate,
                indicator=figure.indicator,
                about=_about(figure, sentence, text, mentions, entities),
                date=written[-1] if written else year,
                rule=RULE,
                confidence=_CONFIDENCE,
            )
