"""Make N articles for benchmarks from real texts, with their places and people swapped.

Usage: .venv/bin/python scripts/scale_corpus.py N OUT_DIR [--seed S] [--source corpus]

Each article is one of the source documents (cleaned text) with every place mention
replaced by another place of the same kind from the gazetteer (its name, or its short form
where the text used one) and every person given another surname from the surname list;
organisations named after a place (安康市总工会) change with it. The same place or person
is swapped the same way throughout an article, so articles stay coherent, and the choice is
deterministic from the seed. Unlike copies, the number of distinct entities grows with N,
as in a real corpus.
"""

from __future__ import annotations

import argparse
import random
from collections import defaultdict
from pathlib import Path

from kg.build import analyse_corpus
from kg.types import Document, Entity
from kg.vocab.lexicon import surnames
from kg.vocab.places import Place, places

__all__ = ["generate", "main"]

_KINDS = ("Province", "City", "District", "County")


def _gazetteer() -> dict[str, list[Place]]:
    by_kind: dict[str, list[Place]] = defaultdict(list)
    for place in places():
        if place.subtype in _KINDS:
            by_kind[place.subtype].append(place)
    return {kind: sorted(found, key=lambda p: p.code) for kind, found in by_kind.items()}


def _swap_place(surface: str, entity: Entity, new: Place) -> str:
    if surface == entity.name or not new.aliases:
        return new.name
    return new.aliases[0]


def _variant(
    doc: Document,
    entities: dict[str, Entity],
    rng: random.Random,
    gazetteer: dict[str, list[Place]],
    family: list[str],
) -> str:
    """``doc``'s clean text with its places and people swapped."""
    text = doc.clean.text
    places_for: dict[str, Place] = {}
    people_for: dict[str, str] = {}
    edits: list[tuple[int, int, str]] = []
    for mention in doc.mentions:
        entity = entities[mention.entity]
        surface = text[mention.start : mention.end]
        if entity.type == "Place" and entity.subtype in gazetteer:
            new = places_for.setdefault(entity.key, rng.choice(gazetteer[entity.subtype]))
            edits.append((mention.start, mention.end, _swap_place(surface, entity, new)))
        elif entity.type == "Person" and len(entity.name) >= 2 and surface == entity.name:
            name = people_for.setdefault(entity.key, rng.choice(family) + entity.name[1:])
            edits.append((mention.start, mention.end, name))
    # nested mentions (a place inside an organisation's name) are edited, not their host
    chosen: list[tuple[int, int, str]] = []
    for start, end, new_text in sorted(edits, key=lambda e: (e[0], -e[1])):
        if chosen and start < chosen[-1][1]:
            continue
        chosen.append((start, end, new_text))
    for start, end, new_text in reversed(chosen):
        text = text[:start] + new_text + text[end:]
    return text


def generate(count: int, out: Path, *, seed: int = 0, source: Path = Path("corpus")) -> int:
    """Write ``count`` articles into ``out`` (100 per folder); return their characters."""
    built = analyse_corpus(source)
    entities = built.entities
    gazetteer = _gazetteer()
    family = sorted(s for s in surnames() if len(s) == 1)
    rng = random.Random(seed)
    characters = 0
    for i in range(count):
        doc = built.documents[i % len(built.documents)]
        text = _variant(doc, entities, rng, gazetteer, family)
        folder = out / f"{i // 100:05d}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"article{i:06d}.txt").write_text(text, encoding="utf-8")
        characters += len(text)
    return characters


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("count", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--source", type=Path, default=Path("corpus"))
    args = parser.parse_args()
    chars = generate(args.count, args.out, seed=args.seed, source=args.source)
    print(f"{args.count} articles, {chars:,} characters -> {args.out}")


if __name__ == "__main__":
    main()
