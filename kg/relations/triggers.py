"""``implements``, ``organizes``, ``establishes`` and ``partnersWith`` from trigger words.

The trigger table (``ontology/lexicon/relation_triggers.tsv``) says which relation a word
signals and for which kind of object; the object is a programme, policy, event or
organisation named after the word in its clause, or the object of a relative clause
(A建立的X). The subject is the organisations named right before the word (A、B和C联合…),
with their partners for an event they host (A联合B在…举办X), else the nearest one in the
sentence, else the organisation the story is about. A body is no subject after 依托/在/来到
(an instrument, a setting, a place visited), before 相关领导 (it qualifies people), when it
speaks for what it reports (A透露,…), nor when a clause founds it. Each fallback lowers
the confidence.

Partners are the bodies named together before a partner word (A与B签订…, A、B联合…) and
the ones after a partner word that takes an object (A联合B、C; the clause's subject when
none is named right before it); each partners with the first union among them, else with
the first named (a star, not every pair). A body named before 成立 was
founded by the body that approved it (经A批准,X成立) or, for a union, by the story's union.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from kg.relations.base import Hit, Sentence, Span, relation
from kg.relations.hierarchy import parse_union
from kg.relations.registry import sentence_rule
from kg.relations.resources import (
    AGENT_ADVERBS,
    APPROVED_BY,
    CLAUSE_BREAK,
    COMITATIVE,
    COMMA,
    COMMA_ONLY,
    COORDINATION,
    EVENT,
    EVENT_AFTER,
    EVENT_ANAPHOR,
    FOUNDED_AFTER,
    HOST_INTRO,
    HOST_VERB,
    HOSTED_AFTER,
    HOSTS,
    INSTRUMENT,
    PARTNER_OBJECT,
    PASSIVE_FOUNDING,
    PEOPLE_AFTER,
    QUOTES_OPEN,
    RELATIVE,
    RELATIVE_OBJECT,
    SPEECH_AFTER,
)
from kg.types import Entity, Relation
from kg.vocab.lexicon import Trigger
from kg.vocab.lexicon import relation_triggers as triggers

__all__ = [
    "Join",
    "by_trigger",
    "founded",
    "host_chain",
    "hosts",
    "is_event",
    "joins",
    "names_event",
    "partners",
    "passive_founders",
    "predicate_for",
    "subject_candidates",
    "subject_group",
    "takes",
]


#: The relations from an organisation to the object after the trigger.
_SUBJECT_PREDICATES = frozenset({"implements", "organizes", "establishes"})


def is_event(entity: Entity, after: str = "") -> bool:
    """A programme named as a contest or an event (…大赛, …活动) in its canonical name or
    a form the text wrote (the canonical name may drop a trailing 活动), or followed by the
    head of one (``after``: the text after its mention, “骑手年夜饭”活动)."""
    names = (entity.name, *entity.aliases)
    return any(EVENT.search(n.strip("《》")) for n in names) or bool(EVENT_AFTER.match(after))


def _named(text: str, span: Span) -> bool:
    """Written as a name: in quotes or 《》, or a programme of the curated lexicon."""
    opening = text[span.start : span.start + 1] + text[max(0, span.start - 1) : span.start]
    return bool(QUOTES_OPEN.search(opening)) or span.mention.rule == "gazetteer:program"


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
    """Organisations that may be a subject; 在市委、市政府的领导下 excludes both, and so
    does 区人社局、区工商联相关领导 (the people are the subject)."""
    text = sentence.text
    groups: list[list[Span]] = []
    for span in sentence.of_type("Organization"):
        previous = groups[-1][-1] if groups else None
        gap = text[previous.end : span.start] if previous is not None else ""
        # 、 closes a list item even after the unrecognised end of a name (…分院、)
        coordinated = previous is not None and (
            COORDINATION.match(gap)
            or (gap.endswith("、") and len(gap) <= 8 and not COMMA.search(gap))
        )
        if coordinated:
            groups[-1].append(span)
        else:
            groups.append([span])
    kept: list[Span] = []
    for group in groups:
        if PEOPLE_AFTER.match(text[group[-1].end : group[-1].end + 6]):
            continue
        for span in group:
            if not _can_be_subject(sentence, span):
                break  # 在市委、市政府: what follows the first is in the same phrase
            kept.append(span)
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


@dataclass(frozen=True, slots=True)
class Join:
    """Organisations a partner word joins: A、B联合…, A联合B…, A与B签订…."""

    hit: Hit
    members: tuple[Span, ...]

    @property
    def end(self) -> int:
        return max(self.hit.end, *(m.end for m in self.members))


def joins(sentence: Sentence, orgs: list[Span]) -> list[Join]:
    """Every partner word of the sentence with the organisations it joins."""
    text, floor = sentence.text, sentence.start
    found: list[Join] = []
    for hit in sentence.hits_for("partnersWith"):
        group = subject_group(text, hit.start, orgs, floor)
        with_ = COMITATIVE.search(text, floor, group[-1].start) if group else None
        if len(group) == 1 and with_:  # A与B签订…协议
            other = _nearest(orgs, group[-1].start - 1, floor)
            group = [*group, other] if other else group
        if hit.trigger.word in PARTNER_OBJECT:
            after = _named_after(text, hit.end, orgs)  # A联合B
            if not group and after:  # A启动…程序,联合B、C: A is the clause's subject
                subject = _nearest(orgs, hit.start, floor)
                group = [subject] if subject is not None else []
            group += after if group else []
        if len({m.entity.key for m in group}) > 1:
            found.append(Join(hit, tuple(group)))
    return found


def _named_after(text: str, start: int, orgs: list[Span]) -> list[Span]:
    """The organisations named right after a partner word (联合多湖街道万江社区、C)."""
    group: list[Span] = []
    edge = start
    for span in (o for o in orgs if o.start >= start):
        gap = text[edge : span.start]
        if (not group and (len(gap) > 4 or COMMA.search(gap) or CLAUSE_BREAK.search(gap))) or (
            group and not COORDINATION.match(gap)
        ):
            break
        group.append(span)
        edge = span.end
    return group


def _joined_subjects(
    text: str, at: int, subjects: list[Span], orgs: list[Span], found: list[Join]
) -> list[Span]:
    """The subjects of a verb at ``at`` with their partners: A联合B在…举办X (A and B)."""
    for join in reversed(found):
        if join.end > at or CLAUSE_BREAK.search(text[join.end : at]):
            continue
        if any(join.end <= o.start and o.end <= at for o in orgs):
            continue  # another body is named between the partners and the verb
        keys = {m.entity.key for m in join.members}
        if subjects and not keys & {s.entity.key for s in subjects}:
            continue
        return list(join.members) + [s for s in subjects if s.entity.key not in keys]
    return subjects


def _nearest(orgs: list[Span], before: int, floor: int) -> Span | None:
    candidates = [o for o in orgs if floor <= o.end <= before]
    return max(candidates, key=lambda o: o.end) if candidates else None


@lru_cache(maxsize=1)
def _event_words() -> frozenset[str]:
    return frozenset(t.word for t in triggers() if t.object == "Event")


def takes(trig: Trigger, entity: Entity, after: str = "") -> bool:
    """Whether ``entity`` is of the kind of object the trigger's row takes (``after``:
    the text after its mention).

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
        return is_event(entity, after)
    return not (is_event(entity, after) and trig.word in _event_words())


def predicate_for(trig: Trigger, entity: Entity, between: str, after: str = "") -> str | None:
    """The relation a trigger signals for this object: its row's predicate, or ``None``.

    ``between`` is the text from the trigger to the object, ``after`` what follows it.
    """
    if trig.predicate == "establishes" and RELATIVE.match(between):
        between = ""  # 建立了由…组成的“四员”队伍
    if COMMA_ONLY.search(between) and trig.predicate != "organizes":
        return None  # 启动了“关爱行动”,全州以…行动为主要内容: the cue's object came before
    if RELATIVE_OBJECT.match(between):
        between = ""  # A建立的X: the object of a relative clause (the caller checks A)
    elif "的" in between and trig.predicate != "organizes":
        return None  # 建立健全职工之家的工作: the cue belongs to another phrase
    if not takes(trig, entity, after):
        return None
    if trig.predicate == "establishes" and (
        entity.subtype == "Government"
        or (entity.subtype == "TradeUnion" and parse_union(entity.name) is None)
        or len(between) > 4
    ):
        return None  # 成立街道联合工会: a union at large; 滨海新区…行业工会 is named by its place
    return trig.predicate


def _coordinated_from(text: str, orgs: list[Span], edge: int) -> tuple[list[Span], int]:
    """The organisations named together from ``edge`` on (A、B和C), and where they end."""
    group: list[Span] = []
    for span in (o for o in orgs if o.start >= edge):
        gap = text[edge : span.start]
        if (not group and gap.strip()) or (group and not COORDINATION.match(gap)):
            break
        group.append(span)
        edge = span.end
    return group, edge


def host_chain(sentence: Sentence, at: int, orgs: list[Span]) -> tuple[list[Span], int]:
    """The organisers of ``由A、B主办,C承办,D协办`` opening at ``at`` (after 由), and where
    the chain ends; C and D continue the chain, only the hosts (主办, 承办) organise."""
    text, edge = sentence.text, at
    hosts: list[Span] = []
    while True:
        group, edge = _coordinated_from(text, orgs, edge)
        verb = HOST_VERB.match(text, edge) if group else None
        if verb is None:
            return hosts, edge if hosts else at
        if verb["verb"] in HOSTS:
            hosts += group
        edge = verb.end()
        if text[edge : edge + 1] not in {",", "，", "、", ";", "；"}:
            return hosts, edge
        edge += 1
        if not any(o.start == edge for o in orgs):
            return hosts, edge - 1


@sentence_rule("triggers:hosts")
def hosts(sentence: Sentence) -> Iterator[Relation]:
    """The hosts of an event in a chain opened by 由: ``由A主办,B承办的X``, ``X由A主办``,
    and ``本次比赛由A主办`` (the event the story named last)."""
    text = sentence.text
    orgs = sentence.of_type("Organization")
    events = [s for s in sentence.spans if s.entity.type == "Program" and names_event(text, s)]
    for match in re.finditer(HOST_INTRO, text[sentence.start : sentence.end]):
        at = sentence.start + match.start()
        if any(s.start <= at < s.end for s in sentence.spans):
            continue
        found, end = host_chain(sentence, at + len(HOST_INTRO), orgs)
        if not found:
            continue
        event = _hosted_event(sentence, at, end, events)
        if event is None:
            continue
        for host in found:
            if host.entity.key != event.key:
                yield relation(
                    host.entity, "organizes", event, host.mention, "organizes:hosts", 0.8
                )


@sentence_rule("triggers:passive-founders")
def passive_founders(sentence: Sentence) -> Iterator[Relation]:
    """``X由A与B合作共建``, ``X由A牵头建设``: the bodies after 由 founded the body before it."""
    text = sentence.text
    orgs = sentence.of_type("Organization")
    for span in orgs:
        if not text.startswith(HOST_INTRO, span.end):
            continue
        agents, edge = _coordinated_from(text, orgs, span.end + len(HOST_INTRO))
        adverbs = AGENT_ADVERBS.match(text, edge)
        verb = PASSIVE_FOUNDING.match(text, adverbs.end() if adverbs else edge)
        if not agents or verb is None or span.entity.subtype == "Government":
            continue
        for agent in agents:
            if agent.entity.key != span.entity.key:
                yield relation(
                    agent.entity,
                    "establishes",
                    span.entity,
                    agent.mention,
                    f"establishes:passive:{verb.group()}",
                    0.75,
                )


def _event_before(sentence: Sentence, after: int, span: Span) -> bool:
    """Another event named between a cue and ``span``, across a comma: the cue's event."""
    text = sentence.text
    return COMMA_ONLY.search(text[after : span.start]) is not None and any(
        other.entity.type == "Program"
        and after <= other.start
        and other.end <= span.start
        and names_event(text, other)
        for other in sentence.spans
    )


def names_event(text: str, span: Span) -> bool:
    """Whether the mention names an event (its name's head, or the head after it)."""
    return is_event(span.entity, text[span.end : span.end + 4])


def _hosted_event(sentence: Sentence, at: int, end: int, events: list[Span]) -> Entity | None:
    """The event a chain of hosts from ``at`` (由) to ``end`` is about."""
    text = sentence.text
    after = [e for e in events if e.start >= end and HOSTED_AFTER.match(text[end : e.start])]
    if after:  # 由A主办,B承办的X
        return after[0].entity
    before = [e for e in events if e.end <= at and not COMMA.search(text[e.end : at])]
    if before and len(text[before[-1].end : at].strip('”"」』 ')) <= 4:
        return before[-1].entity  # X由A主办 (该比赛 after it: 第八届X该赛由…)
    clause = re.split(r"[,，。;；!！?？\n]", text[sentence.start : at])[-1].strip()
    if EVENT_ANAPHOR.match(clause) or (not clause and sentence.previous_event is not None):
        return sentence.previous_event  # 本次比赛由A主办, 大赛由A主办
    return None


@sentence_rule("triggers:objects")
def by_trigger(sentence: Sentence) -> Iterator[Relation]:
    """A programme, event or body after a trigger word, and who the trigger's subject is."""
    text, start, topic = sentence.text, sentence.start, sentence.topic
    orgs = subject_candidates(sentence)
    named_orgs = sentence.of_type("Organization")
    joined = joins(sentence, orgs)
    for span in sentence.spans:
        entity = span.entity
        if entity.type not in {"Program", "Organization"}:
            continue
        before = [
            h
            for h in sentence.hits
            if h.end <= span.start and not CLAUSE_BREAK.search(text[h.end : span.start])
        ]
        if not before and entity.type == "Program" and topic is not None and not named_orgs:
            # “冬送温暖”筹集资金466.33万元: a programme named in a story about one organisation;
            # unquoted, with no cue, it is mostly a common noun (在工会驿站举办…)
            # only a union's own programmes: a story about another body names what it
            # reports on (上海集体协商机制建设), and an honour named so is not one carried out
            if (
                _named(text, span)
                and topic.subtype == "TradeUnion"
                and span.mention.rule != "program:honour"
            ):
                yield relation(
                    topic, "implements", entity, span.mention, "implements:story-topic", 0.5
                )
            continue
        for hit in reversed(before):
            trig = hit.trigger
            between = text[hit.start + len(trig.word) : span.start]
            predicate = predicate_for(trig, entity, between, text[span.end : span.end + 4])
            if predicate == "partOf":
                break  # 纳入全市“B”: B is the whole a programme joins, not what the subject does
            if predicate not in _SUBJECT_PREDICATES:
                continue  # partnersWith links the subjects themselves (partners)
            if predicate == "organizes" and _event_before(sentence, hit.end, span):
                break  # 举办了X比赛,这是…,标志着Y活动…: the cue's event is X, named first
            subjects = subject_group(text, hit.start, orgs, start)
            if RELATIVE_OBJECT.match(between) and not subjects:
                continue  # 建立的X without the body right before: not a relative clause of it
            rule = f"{predicate}:trigger:{trig.word}"
            confidence = trig.confidence
            if predicate == "organizes":  # A联合B在…举办X: both host it
                subjects = _joined_subjects(text, hit.start, subjects, orgs, joined)
            speakers = {
                o.entity.key
                for o in orgs
                if start <= o.end <= hit.start and SPEECH_AFTER.match(text[o.end : o.end + 3])
            }
            if not subjects:
                earlier = [
                    o for o in orgs if start <= o.end <= hit.start and o.entity.key not in speakers
                ]
                preferred = [o for o in earlier if topic is not None and o.entity.key == topic.key]
                nearest = preferred[-1] if preferred else _nearest(earlier, hit.start, start)
                subjects = [nearest] if nearest else []
                confidence -= 0.1
            if not subjects and topic is not None and topic.key in speakers:
                break  # A透露,…企业开展了X: A reports what others do
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


@sentence_rule("triggers:founded")
def founded(sentence: Sentence) -> Iterator[Relation]:
    """``经A批准,X成立``: A founded X; else, for a union, the union the story is about."""
    text, topic = sentence.text, sentence.topic
    orgs = sentence.of_type("Organization")
    for span in orgs:
        if not FOUNDED_AFTER.match(text[span.end : span.end + 4]):
            continue
        if span.entity.subtype == "Government" or (
            span.entity.subtype == "TradeUnion" and parse_union(span.entity.name) is None
        ):
            continue
        founders = [
            o
            for o in orgs
            if o.end <= span.start
            and text[o.start - 1 : o.start] == "经"
            and APPROVED_BY.match(text[o.end : o.end + 2])
        ]
        rule, confidence = "establishes:founded:approved", 0.75
        if not founders and topic is not None and topic.subtype == "TradeUnion":
            if span.entity.subtype == "TradeUnion" and topic.key != span.entity.key:
                yield relation(
                    topic,
                    "establishes",
                    span.entity,
                    span.mention,
                    "establishes:founded:story-topic",
                    0.6,
                )
            continue
        for founder in founders:
            if founder.entity.key != span.entity.key:
                yield relation(
                    founder.entity, "establishes", span.entity, span.mention, rule, confidence
                )


@sentence_rule("triggers:partners")
def partners(sentence: Sentence) -> Iterator[Relation]:
    """Organisations named together before 联合/携手/签订…, A联合B and A与B签订…协议."""
    for join in joins(sentence, subject_candidates(sentence)):
        hub = _hub(join.members)
        for other in join.members:
            if other.entity.key != hub.entity.key:
                s, o = sorted((hub, other), key=lambda x: x.entity.key)
                yield relation(
                    s.entity,
                    "partnersWith",
                    o.entity,
                    s.mention,
                    f"partnersWith:trigger:{join.hit.trigger.word}",
                    join.hit.trigger.confidence,
                )


def _hub(members: tuple[Span, ...]) -> Span:
    """The partner the others work with: the first union named, else the first body
    (由市总工会、市应急管理局、市卫生健康局联合主办: the union with each of the others)."""
    unions = [m for m in members if m.entity.subtype == "TradeUnion"]
    return unions[0] if unions else min(members, key=lambda m: m.start)
