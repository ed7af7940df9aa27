"""``partOf``: a programme that is part of a larger one.

* lists closed by 等 before the whole (春送岗位、夏送清凉、金秋助学、冬送温暖等“四季送”活动);
* a programme folded into another by a trigger word of the table (A,纳入全市“B”);
* the words around two programmes: A是B的重要内容, A是“B”系列活动之一, B包括A、C,
  以A、C等为主要内容的B;
* names built on another programme's name (共享职工之家 -> 职工之家, “爱心妈咪小屋”建设三年
  行动规划 -> 爱心妈咪小屋), but not a policy document nor the same programme with a generic
  head (安康杯竞赛 and 安康杯);
* the ``part_of`` column of the programme lexicon and the standard parts of
  ``programme_parts.tsv`` (the three documents of 一函两书).
"""

from __future__ import annotations

from collections.abc import Iterator

from kg.relations.base import DocumentView, Sentence, Span, relation
from kg.relations.registry import document_rule, sentence_rule
from kg.relations.resources import (
    COMMA,
    CONTENT_AFTER_PARTS,
    CONTENT_BEFORE_PARTS,
    HAN,
    INCLUDES,
    LIST_END,
    NAME_MARKS,
    PART_COPULA,
    PART_LIST_GAP,
    PART_OF_WHOLE,
    PARTS_AS_CONTENT,
    PROGRAMME_HEADS,
    QUOTED_LIST_GAP,
    SCOPE_PREFIXES,
)
from kg.types import Entity, Relation
from kg.vocab.lexicon import programme_parts, programs
from kg.vocab.places import places_by_surface

__all__ = ["by_name", "folded", "from_cues", "from_lexicon", "from_lists", "from_standard_parts"]


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
            if not PART_LIST_GAP.match(gap):
                break
            parts.append(part)
            edge = part.start
        for part in parts:
            if part.entity.key != whole.entity.key:
                yield relation(
                    part.entity, "partOf", whole.entity, part.mention, "partOf:list", 0.8
                )


def _bare(name: str) -> str:
    return NAME_MARKS.sub("", name)


def _listed(text: str, programmes: list[Span], first: int, step: int) -> list[Span]:
    """The programmes listed with ``programmes[first]``, going ``step`` (-1 or 1)."""
    found = [programmes[first]]
    i = first + step
    while 0 <= i < len(programmes):
        a, b = (programmes[i], found[-1]) if step < 0 else (found[-1], programmes[i])
        if not QUOTED_LIST_GAP.match(text[a.end : b.start]):
            break
        found.append(programmes[i])
        i += step
    return found


@sentence_rule("parts:cues")
def from_cues(sentence: Sentence) -> Iterator[Relation]:
    """A是B的重要内容, A是“B”系列活动之一, B包括A、C, 以A、C等为主要内容的B."""
    text = sentence.text
    programmes = sentence.of_type("Program")
    found: list[tuple[Span, Span, str]] = []
    for i, part in enumerate(programmes):
        for whole in programmes[i + 1 :]:
            gap = text[part.end : whole.start]
            if COMMA.search(gap):
                break
            if PART_COPULA.match(gap) and PART_OF_WHOLE.match(text[whole.end : whole.end + 12]):
                found.append((part, whole, "partOf:copula"))
                break
    found += _content(sentence, programmes)
    for i, whole in enumerate(programmes):
        if i + 1 < len(programmes) and INCLUDES.match(text[whole.end : programmes[i + 1].start]):
            found += [(p, whole, "partOf:includes") for p in _listed(text, programmes, i + 1, 1)]
    for part, whole, rule in found:
        if part.entity.key != whole.entity.key:
            yield relation(part.entity, "partOf", whole.entity, part.mention, rule, 0.75)


def _content(sentence: Sentence, programmes: list[Span]) -> list[tuple[Span, Span, str]]:
    """以A、B等为主要内容的X: the parts of X, or of the programme the sentence named
    before them when X is not a programme's name (启动了女职工“关爱行动”,…以A、B为主要内容的
    关爱女职工健康文明行动)."""
    text = sentence.text
    found: list[tuple[Span, Span, str]] = []
    for i, last in enumerate(programmes):
        if not CONTENT_AFTER_PARTS.match(text[last.end : last.end + 16]):
            continue
        parts = _listed(text, programmes, i, -1)
        if i + 1 < len(programmes) and PARTS_AS_CONTENT.match(
            text[last.end : programmes[i + 1].start]
        ):
            whole = programmes[i + 1]
        elif CONTENT_BEFORE_PARTS.search(text, sentence.start, parts[-1].start):
            earlier = programmes[: i + 1 - len(parts)]
            if not earlier:
                continue
            whole = earlier[-1]
        else:
            continue
        found += [(p, whole, "partOf:content") for p in parts]
    return found


def _built_on(name: str, other: str) -> bool:
    """``name`` is made of ``other`` and a qualifier, not ``other`` and a generic head."""
    if len(other) < 3 or len(name) <= len(other):
        return False
    if name.startswith(other):
        rest = name[len(other) :]
    elif name.endswith(other):
        rest = name[: len(name) - len(other)]
    else:
        return False
    if name.endswith(other) and (rest in SCOPE_PREFIXES or rest in places_by_surface()):
        return False  # 全国模范职工之家, 深圳市工人先锋号: the same programme at a level
    # a qualifier is a word (共享, 建设三年行动规划), not a sign or a generic head
    return len(HAN.findall(rest)) >= 2 and rest not in PROGRAMME_HEADS


@document_rule("parts:name")
def by_name(view: DocumentView) -> Iterator[Relation]:
    """共享职工之家 -> 职工之家: the longest other programme a name is built on."""
    programmes = [e for e in view.present.values() if e.type == "Program" and e.subtype != "Policy"]
    for part in programmes:
        wholes = [
            w
            for w in programmes
            if w.key != part.key and _built_on(_bare(part.name), _bare(w.name))
        ]
        if wholes:
            whole = max(wholes, key=lambda w: len(_bare(w.name)))
            yield relation(part, "partOf", whole, view.first[part.key], "partOf:name", 0.7)


@document_rule("parts:standard")
def from_standard_parts(view: DocumentView) -> Iterator[Relation]:
    """The documents of 一函两书 and other standard parts, when the whole is named too."""
    names: dict[str, Entity] = {
        _bare(e.name): e for e in view.present.values() if e.type == "Program"
    }
    for part, whole in programme_parts():
        if part in names and whole in names:
            entity = names[part]
            yield relation(
                entity, "partOf", names[whole], view.first[entity.key], "partOf:standard", 0.75
            )


@document_rule("parts:lexicon")
def from_lexicon(view: DocumentView) -> Iterator[Relation]:
    """Parts the programme lexicon knows (夏送清凉 -> 四季送), when both are named."""
    names = {e.name: e for e in view.present.values() if e.type == "Program"}
    for entry in programs():
        if entry.part_of and entry.name in names and entry.part_of in names:
            part, whole = names[entry.name], names[entry.part_of]
            yield relation(part, "partOf", whole, view.first[part.key], "partOf:lexicon", 0.75)
