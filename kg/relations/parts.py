"""``partOf``: a programme that is part of a larger one.

* lists closed by 等 before the whole (春送岗位、夏送清凉、金秋助学、冬送温暖等“四季送”活动);
* a programme folded into another by a trigger word of the table (A,纳入全市“B”);
* the ``part_of`` column of the programme lexicon.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.lexicons import programs
from kg.relations.base import DocumentView, Sentence, Span, relation
from kg.relations.registry import document_rule, sentence_rule
from kg.relations.resources import COMMA, LIST_END
from kg.types import Relation

__all__ = ["folded", "from_lexicon", "from_lists"]


@sentence_rule("parts:folded")
def folded(sentence: Sentence) -> Iterator[Relation]:
    """``A,纳入全市“B”``: the programme before the cue becomes part of the one after it."""
    text = sentence.text
    programmes = sentence.of_type("Program")
    for hit in sentence.hits_for("partOf"):
        before = [p for p in programmes if p.end <= hit.start]
        after = [
            p
            for p in programmes
            if p.start >= hit.end and not COMMA.search(text[hit.end : p.start])
        ]
        if before and after and before[-1].entity.key != after[0].entity.key:
            part, whole = before[-1], after[0]
            yield relation(
                part.entity,
                "partOf",
                whole.entity,
                part.mention,
                f"partOf:trigger:{hit.trigger.word}",
                hit.trigger.confidence,
            )


@sentence_rule("parts:list")
def from_lists(sentence: Sentence) -> Iterator[Relation]:
    """``A、B、C、D等“X”活动``: each listed programme is part of X."""
    text = sentence.text
    programmes = sentence.of_type("Program")
    for i, whole in enumerate(programmes):
        closing = LIST_END.search(text[: whole.start])
        if closing is None:
            continue
        parts: list[Span] = []
        edge = whole.start - len(closing.group())
        for part in reversed(programmes[:i]):
            gap = text[part.end : edge]
            if gap not in ("", "、", "”", "”、", "、“") and not re.fullmatch(r"[”]?、?[“]?", gap):
                break
            parts.append(part)
            edge = part.start
        for part in parts:
            if part.entity.key != whole.entity.key:
                yield relation(
                    part.entity, "partOf", whole.entity, part.mention, "partOf:list", 0.8
                )


@document_rule("parts:lexicon")
def from_lexicon(view: DocumentView) -> Iterator[Relation]:
    """Parts the programme lexicon knows (夏送清凉 -> 四季送), when both are named."""
    names = {e.name: e for e in view.present.values() if e.type == "Program"}
    for entry in programs():
        if entry.part_of and entry.name in names and entry.part_of in names:
            part, whole = names[entry.name], names[entry.part_of]
            yield relation(part, "partOf", whole, view.first[part.key], "partOf:lexicon", 0.75)
