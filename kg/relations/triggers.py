"""``implements``, ``organizes``, ``establishes`` and ``partnersWith`` from trigger words.

The trigger table (``ontology/lexicon/relation_triggers.tsv``) says which relation a word
signals and for which kind of object; the object is a programme, policy, event or
organisation named after the word in its clause. The subject is the organisations named
right before the word (A、B和C联合…), else the nearest one in the sentence, else the
organisation the story is about; never one after 依托/在 (an instrument or a setting) nor
the body a clause founds. Each fallback lowers the confidence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from kg.relations.base import Sentence, Span, relation
from kg.relations.registry import sentence_rule
from kg.relations.resources import (
    CLAUSE_BREAK,
    COMMA,
    COORDINATION,
    EVENT,
    INSTRUMENT,
    RELATIVE,
    Trigger,
    triggers,
)
from kg.types import Entity, Relation

__all__ = ["by_trigger", "is_event", "partners", "predicate_for", "subject_candidates", "takes"]


#: The relations from an organisation to the object after the trigger.
_SUBJECT_PREDICATES = frozenset({"implements", "organizes", "establishes"})


def is_event(entity: Entity) -> bool:
    """A programme named as a contest or an event (…大赛, …活动)."""
    return bool(EVENT.search(entity.name.strip("《》")))


def _can_be_subject(sentence: Sentence, span: Span) -> bool:
    """Not an instrument (依托淄博职业学院) nor the body a clause founds (成立中卫工匠学院,…)."""
    text = sentence.text
    if INSTRUMENT.search(text[max(sentence.start, span.start - 2) : span.start]):
        return False
    return not any(
        hit.trigger.predicate == "establishes"
        and hit.end <= span.start
        and not COMMA.search(text[hit.end : span.start])
        for hit in sentence.hits
    )


def subject_candidates(sentence: Sentence) -> list[Span]:
    """Organisations that may be a subject; 在市委、市政府的领导下 excludes both."""
    kept: list[Span] = []
    previous: Span | None = None
    previous_ok = True
    for span in sentence.of_type("Organization"):
        coordinated = previous is not None and COORDINATION.match(
            sentence.text[previous.end : span.start]
        )
        ok = _can_be_subject(sentence, span) and (previous_ok or not coordinated)
        if ok:
            kept.append(span)
        previous, previous_ok = span, ok
    return kept


def subject_group(text: str, before: int, orgs: list[Span], floor: int) -> list[Span]:
    """Organisations named right before position ``before`` (A、B和C联合…)."""
    group: list[Span] = []
    edge = before
    for span in sorted((o for o in orgs if floor <= o.end <= before), key=lambda s: -s.end):
        gap = text[span.end : edge]
        limit = 4 if not group else 1
        if (
            len(gap) <= limit
            and not CLAUSE_BREAK.search(gap)
            and (not group or COORDINATION.match(gap))
        ):
            group.append(span)
            edge = span.start
        else:
            break
    return group


def _nearest(orgs: list[Span], before: int, floor: int) -> Span | None:
    candidates = [o for o in orgs if floor <= o.end <= before]
    return max(candidates, key=lambda o: o.end) if candidates else None


@lru_cache(maxsize=1)
def _event_words() -> frozenset[str]:
    return frozenset(t.word for t in triggers() if t.object == "Event")


def takes(trig: Trigger, entity: Entity) -> bool:
    """Whether ``entity`` is of the kind of object the trigger's row takes.

    A ``Program`` row takes any programme but an event when the same word has an
    ``Event`` row too (举办 a contest is organizes, 举办 a programme implements).
    """
    if trig.object == "Organization":
        return entity.type == "Organization"
    if entity.type != "Program":
        return False
    if trig.object == "Policy":
        return entity.subtype == "Policy"
    if trig.object == "Event":
        return is_event(entity)
    return not (is_event(entity) and trig.word in _event_words())


def predicate_for(trig: Trigger, entity: Entity, between: str) -> str | None:
    """The relation a trigger signals for this object: its row's predicate, or ``None``.

    ``between`` is the text from the trigger to the object.
    """
    if trig.predicate == "establishes" and RELATIVE.match(between):
        between = ""  # 建立了由…组成的“四员”队伍
    if "的" in between and trig.predicate != "organizes":
        return None  # 建立的工会经费审查工作…: the cue belongs to another phrase
    if not takes(trig, entity):
        return None
    if trig.predicate == "establishes" and (
        entity.subtype in {"TradeUnion", "Government"} or len(between) > 4
    ):
        return None
    return trig.predicate


def _passive_hosts(sentence: Sentence, span: Span, orgs: list[Span]) -> Iterator[Relation]:
    """``该比赛由A、B、C主办``: the hosts named after the event, introduced by 由."""
    text = sentence.text
    if not text.startswith("由", span.end):
        return
    for hit in sentence.hits:
        if (
            hit.trigger.predicate != "organizes"
            or hit.start <= span.end
            or hit.start > sentence.end
        ):
            continue
        if CLAUSE_BREAK.search(text[span.end : hit.start]):
            return
        for subject in subject_group(text, hit.start, orgs, span.end):
            yield relation(
                subject.entity,
                "organizes",
                span.entity,
                span.mention,
                f"organizes:passive:{hit.trigger.word}",
                hit.trigger.confidence,
            )
        return


@sentence_rule("triggers:objects")
def by_trigger(sentence: Sentence) -> Iterator[Relation]:
    """A programme, event or body after a trigger word, and who the trigger's subject is."""
    text, start, topic = sentence.text, sentence.start, sentence.topic
    orgs = subject_candidates(sentence)
    for span in sentence.spans:
        entity = span.entity
        if entity.type not in {"Program", "Organization"}:
            continue
        before = [
            h
            for h in sentence.hits
            if h.end <= span.start and not CLAUSE_BREAK.search(text[h.end : span.start])
        ]
        if entity.type == "Program":
            yield from _passive_hosts(sentence, span, orgs)
        if not before and entity.type == "Program" and topic is not None and not orgs:
            # “冬送温暖”筹集资金466.33万元: a programme in a story about one organisation
            yield relation(topic, "implements", entity, span.mention, "implements:story-topic", 0.5)
            continue
        for hit in reversed(before):
            trig = hit.trigger
            predicate = predicate_for(trig, entity, text[hit.start + len(trig.word) : span.start])
            if predicate == "partOf":
                break  # 纳入全市“B”: B is the whole a programme joins, not what the subject does
            if predicate not in _SUBJECT_PREDICATES:
                continue  # partnersWith links the subjects themselves (partners)
            subjects = subject_group(text, hit.start, orgs, start)
            rule = f"{predicate}:trigger:{trig.word}"
            confidence = trig.confidence
            if not subjects:
                earlier = [o for o in orgs if start <= o.end <= hit.start]
                preferred = [o for o in earlier if topic is not None and o.entity.key == topic.key]
                nearest = preferred[-1] if preferred else _nearest(orgs, hit.start, start)
                subjects = [nearest] if nearest else []
                confidence -= 0.1
            if not subjects and topic is not None and predicate != "partnersWith":
                yield relation(
                    topic, predicate, entity, span.mention, rule + ":story-topic", confidence - 0.15
                )
                break
            for subject in subjects:
                if subject.entity.key != entity.key:
                    yield relation(
                        subject.entity, predicate, entity, span.mention, rule, confidence
                    )
            if predicate != "organizes":
                break  # 由A主办、B承办的X: every host organises X; otherwise the nearest cue


@sentence_rule("triggers:partners")
def partners(sentence: Sentence) -> Iterator[Relation]:
    """Organisations named together before 联合/携手/签订…, and A与B签订…协议."""
    text, floor = sentence.text, sentence.start
    orgs = subject_candidates(sentence)
    for hit in sentence.hits:
        if hit.trigger.predicate != "partnersWith":
            continue
        group = subject_group(text, hit.start, orgs, floor)
        with_ = re.search(r"与$", text[floor : group[-1].start]) if group else None
        if len(group) == 1 and with_:  # A与B签订…协议
            other = _nearest(orgs, group[-1].start - 1, floor)
            group = [*group, other] if other else group
        for i, left in enumerate(group):
            for right in group[i + 1 :]:
                if left.entity.key != right.entity.key:
                    s, o = sorted((left, right), key=lambda x: x.entity.key)
                    yield relation(
                        s.entity,
                        "partnersWith",
                        o.entity,
                        s.mention,
                        f"partnersWith:trigger:{hit.trigger.word}",
                        hit.trigger.confidence,
                    )
