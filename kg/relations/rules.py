"""Relation rules: from names, from the gazetteer, and from trigger words in sentences.

* ``locatedIn`` from a name (安康市总工会 -> 安康市) and from the gazetteer (大武口区 ->
  石嘴山市, when the article names both);
* ``subOrganizationOf`` along the union hierarchy (县 -> 市 -> 省 -> 中华全国总工会) when
  both unions are in the article, and for departments named after their body
  (淄博市人民政府新闻办公室 -> 淄博市人民政府);
* ``implements``/``organizes``/``establishes``/``partnersWith`` from the trigger lexicon
  (``ontology/lexicon/relation_triggers.tsv``): the nearest trigger before the object in
  its sentence, and as subject the organisations named right before the trigger, else the
  nearest one in the sentence, else the organisation the story is about;
* ``holdsPost`` from titles (市总工会党组书记、常务副主席邢化良) and bylines (记者 -> the outlet);
* ``partOf`` from lists (春送岗位、夏送清凉、金秋助学、冬送温暖等“四季送”活动) and the
  programme lexicon.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from kg.config import ontology_file
from kg.lexicons import Place, place_by_code, places_by_surface, programs
from kg.linking.context import ancestors
from kg.nlp.patterns import TITLES
from kg.types import Document, Entity, Mention, Relation

__all__ = ["Trigger", "extract_relations", "triggers"]


@dataclass(frozen=True, slots=True)
class Trigger:
    """A cue word of the trigger lexicon."""

    predicate: str
    word: str
    object: str  # Program, Policy, Event, Organization
    confidence: float


@lru_cache(maxsize=1)
def triggers() -> tuple[Trigger, ...]:
    """The trigger lexicon, longest words first."""
    path = ontology_file("lexicon/relation_triggers.tsv")
    with path.open(encoding="utf-8", newline="") as handle:
        rows = [
            Trigger(r["predicate"], r["trigger"], r["object"], float(r["confidence"]))
            for r in csv.DictReader(handle, delimiter="\t")
        ]
    return tuple(sorted(rows, key=lambda t: (-len(t.word), t.predicate)))


_EVENT = re.compile(r"(?:赛|竞赛|大赛|比赛|联赛|活动|会|节|展|论坛|发布会)$")
_TITLE_RUN = re.compile(rf"^(?:{'|'.join(TITLES)}|党组|、)+(?:同志)?$")
_COORDINATION = re.compile(r"^[、,，和与及]?$|^和$|^与$|^及$")
_CLAUSE_BREAK = re.compile(r"[。;；!！?？]")
_UNION = "TradeUnion"


@dataclass(frozen=True, slots=True)
class _Span:
    mention: Mention
    entity: Entity

    @property
    def start(self) -> int:
        return self.mention.start

    @property
    def end(self) -> int:
        return self.mention.end


def _top_level(spans: list[_Span]) -> list[_Span]:
    """Drop mentions nested in a longer one (安康市 inside 安康市总工会)."""
    return [
        s
        for s in spans
        if not any(
            o is not s
            and o.start <= s.start
            and s.end <= o.end
            and o.end - o.start > s.end - s.start
            for o in spans
        )
    ]


def _topic(spans: list[_Span]) -> Entity | None:
    """The organisation a story is about: its most named union, else organisation."""
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    entities: dict[str, Entity] = {}
    for span in spans:
        if span.entity.type == "Organization":
            counts[span.entity.key] += 1
            first.setdefault(span.entity.key, span.start)
            entities[span.entity.key] = span.entity
    if not counts:
        return None
    best = max(
        counts,
        key=lambda k: (entities[k].subtype == _UNION, counts[k], -first[k]),
    )
    return entities[best]


def _trigger_hits(
    text: str, start: int, end: int, spans: list[_Span]
) -> list[tuple[int, int, Trigger]]:
    """Trigger words in ``text[start:end]`` that are not inside an entity name."""
    hits: list[tuple[int, int, Trigger]] = []
    taken: dict[int, str] = {}  # position -> the (longer) word that covers it
    for trig in triggers():  # longer words first: 组织开展 hides the 开展 inside it
        for match in re.finditer(re.escape(trig.word), text[start:end]):
            a, b = start + match.start(), start + match.end()
            if any(s.start <= a < s.end for s in spans):
                continue
            if any(taken.get(i, trig.word) != trig.word for i in range(a, b)):
                continue
            hits.append((a, b, trig))
            taken.update(dict.fromkeys(range(a, b), trig.word))
    return sorted(hits, key=lambda h: (h[0], -h[1]))


def _subject_group(text: str, before: int, orgs: list[_Span], floor: int) -> list[_Span]:
    """Organisations named right before position ``before`` (A、B和C联合…)."""
    group: list[_Span] = []
    edge = before
    for span in sorted((o for o in orgs if floor <= o.end <= before), key=lambda s: -s.end):
        gap = text[span.end : edge]
        limit = 4 if not group else 1
        if (
            len(gap) <= limit
            and not _CLAUSE_BREAK.search(gap)
            and (not group or _COORDINATION.match(gap))
        ):
            group.append(span)
            edge = span.start
        else:
            break
    return group


def _nearest_org(orgs: list[_Span], before: int, floor: int) -> _Span | None:
    candidates = [o for o in orgs if floor <= o.end <= before]
    return max(candidates, key=lambda o: o.end) if candidates else None


def _is_event(entity: Entity) -> bool:
    return bool(_EVENT.search(entity.name.strip("《》")))


def _relation(
    subject: Entity,
    predicate: str,
    obj: Entity,
    mention: Mention,
    rule: str,
    confidence: float,
    role: str | None = None,
) -> Relation:
    return Relation(
        subject.key,
        predicate,
        obj.key,
        mention.story,
        mention.sentence_start,
        mention.sentence_end,
        rule,
        round(confidence, 2),
        role,
    )


def _sentence_relations(text: str, spans: list[_Span], topic: Entity | None) -> Iterator[Relation]:
    start, end = spans[0].mention.sentence_start, spans[0].mention.sentence_end
    top = _top_level(spans)
    hits = _trigger_hits(text, start, end, top)
    orgs = _subjects(text, [s for s in top if s.entity.type == "Organization"], hits, start)
    for span in top:
        entity = span.entity
        if entity.type not in {"Program", "Organization"}:
            continue
        before = [
            h
            for h in hits
            if h[1] <= span.start and not _CLAUSE_BREAK.search(text[h[1] : span.start])
        ]
        if entity.type == "Program":
            yield from _passive_hosts(text, span, hits, orgs, end)
        if not before and entity.type == "Program" and topic is not None and not orgs:
            # “冬送温暖”筹集资金466.33万元: a programme in a story about one organisation
            yield _relation(
                topic, "implements", entity, span.mention, "implements:story-topic", 0.5
            )
            continue
        for a, _b, trig in reversed(before):
            predicate = _predicate(trig, entity, text[a + len(trig.word) : span.start])
            if predicate is None:
                continue
            subjects = _subject_group(text, a, orgs, start)
            rule = f"{predicate}:trigger:{trig.word}"
            confidence = trig.confidence
            if not subjects:
                earlier = [o for o in orgs if start <= o.end <= a]
                preferred = [o for o in earlier if topic is not None and o.entity.key == topic.key]
                nearest = preferred[-1] if preferred else _nearest_org(orgs, a, start)
                subjects = [nearest] if nearest else []
                confidence -= 0.1
            if not subjects and topic is not None and predicate != "partnersWith":
                yield _relation(
                    topic, predicate, entity, span.mention, rule + ":story-topic", confidence - 0.15
                )
                break
            for subject in subjects:
                if subject.entity.key != entity.key:
                    yield _relation(
                        subject.entity, predicate, entity, span.mention, rule, confidence
                    )
            if predicate != "organizes":
                break  # 由A主办、B承办的X: every host organises X; otherwise the nearest cue
    yield from _partners(text, orgs, hits, start)
    yield from _folded(text, top, hits)
    yield from _posts(text, top)
    yield from _parts(text, top)


_INSTRUMENT = re.compile(r"(?:依托|通过|借助|争取|按照|根据|围绕|在|向|对|为|把|将|经|以|由于)$")
_RELATIVE = re.compile(r"^了?由.*的[“\"]?$")


def _can_be_subject(
    text: str, span: _Span, hits: list[tuple[int, int, Trigger]], floor: int
) -> bool:
    """Not an instrument (依托淄博职业学院) nor the body a clause founds (成立中卫工匠学院,…)."""
    if _INSTRUMENT.search(text[max(floor, span.start - 2) : span.start]):
        return False
    return not any(
        trig.predicate == "establishes"
        and b <= span.start
        and not re.search(r"[,，。;；]", text[b : span.start])
        for _a, b, trig in hits
    )


def _subjects(
    text: str, orgs: list[_Span], hits: list[tuple[int, int, Trigger]], floor: int
) -> list[_Span]:
    """Organisations that may be a subject; 在市委、市政府的领导下 excludes both."""
    kept: list[_Span] = []
    previous: _Span | None = None
    previous_ok = True
    for span in sorted(orgs, key=lambda s: s.start):
        coordinated = previous is not None and _COORDINATION.match(text[previous.end : span.start])
        ok = _can_be_subject(text, span, hits, floor) and (previous_ok or not coordinated)
        if ok:
            kept.append(span)
        previous, previous_ok = span, ok
    return kept


def _predicate(trig: Trigger, entity: Entity, between: str) -> str | None:
    """The relation a trigger signals for this object, or ``None``."""
    if trig.predicate == "establishes" and _RELATIVE.match(between):
        between = ""  # 建立了由…组成的“四员”队伍
    if "的" in between and trig.predicate != "organizes":
        return None  # 建立的工会经费审查工作…: the cue belongs to another phrase
    if entity.type == "Program":
        if trig.object == "Policy":
            return "implements" if entity.subtype == "Policy" else None
        if trig.object == "Event":
            return "organizes" if _is_event(entity) else None
        if trig.object == "Program":
            if trig.word == "举办" and _is_event(entity):
                return None  # 举办 a contest is organizes (its own row)
            return "implements"
        return None
    if trig.object == "Organization" and trig.predicate == "establishes":
        if entity.subtype in {"TradeUnion", "Government"} or len(between) > 4:
            return None
        return "establishes"
    return None


def _passive_hosts(
    text: str, span: _Span, hits: list[tuple[int, int, Trigger]], orgs: list[_Span], end: int
) -> Iterator[Relation]:
    """``该比赛由A、B、C主办``: the hosts named after the event, introduced by 由."""
    if not text.startswith("由", span.end):
        return
    for a, _b, trig in hits:
        if trig.predicate != "organizes" or a <= span.end or a > end:
            continue
        if _CLAUSE_BREAK.search(text[span.end : a]):
            return
        for subject in _subject_group(text, a, orgs, span.end):
            yield _relation(
                subject.entity,
                "organizes",
                span.entity,
                span.mention,
                f"organizes:passive:{trig.word}",
                trig.confidence,
            )
        return


def _partners(
    text: str, orgs: list[_Span], hits: list[tuple[int, int, Trigger]], floor: int
) -> Iterator[Relation]:
    for a, _b, trig in hits:
        if trig.predicate != "partnersWith":
            continue
        group = _subject_group(text, a, orgs, floor)
        with_ = re.search(r"与$", text[floor : group[-1].start]) if group else None
        if len(group) == 1 and with_:  # A与B签订…协议
            other = _nearest_org(orgs, group[-1].start - 1, floor)
            group = [*group, other] if other else group
        for i, left in enumerate(group):
            for right in group[i + 1 :]:
                if left.entity.key != right.entity.key:
                    s, o = sorted((left, right), key=lambda x: x.entity.key)
                    yield _relation(
                        s.entity,
                        "partnersWith",
                        o.entity,
                        s.mention,
                        f"partnersWith:trigger:{trig.word}",
                        trig.confidence,
                    )


def _folded(
    text: str, spans: list[_Span], hits: list[tuple[int, int, Trigger]]
) -> Iterator[Relation]:
    """``A,纳入全市“B”``: the programme before the cue becomes part of the one after it."""
    programmes = sorted((s for s in spans if s.entity.type == "Program"), key=lambda s: s.start)
    for a, b, trig in hits:
        if trig.predicate != "partOf":
            continue
        before = [p for p in programmes if p.end <= a]
        after = [
            p
            for p in programmes
            if p.start >= b and not re.search(r"[,，。;；]", text[b : p.start])
        ]
        if before and after and before[-1].entity.key != after[0].entity.key:
            part, whole = before[-1], after[0]
            yield _relation(
                part.entity,
                "partOf",
                whole.entity,
                part.mention,
                f"partOf:trigger:{trig.word}",
                trig.confidence,
            )


def _posts(text: str, spans: list[_Span]) -> Iterator[Relation]:
    """``ORG TITLE NAME`` and ``ORG1 TITLE1、ORG2 TITLE2 NAME``."""
    orgs = sorted((s for s in spans if s.entity.type == "Organization"), key=lambda s: s.start)
    for person in (s for s in spans if s.entity.type == "Person"):
        edge = person.start
        for org in reversed([o for o in orgs if o.end <= edge]):
            role = text[org.end : edge].strip("、").removesuffix("的")
            if not role or not _TITLE_RUN.match(role):
                break
            role = role.removesuffix("同志")
            yield _relation(
                person.entity,
                "holdsPost",
                org.entity,
                person.mention,
                "holdsPost:title",
                0.85,
                role,
            )
            edge = org.start
            if not text[:edge].endswith("、"):
                break


def _parts(text: str, spans: list[_Span]) -> Iterator[Relation]:
    """``A、B、C、D等“X”活动``: each listed programme is part of X."""
    programmes = sorted((s for s in spans if s.entity.type == "Program"), key=lambda s: s.start)
    for i, whole in enumerate(programmes):
        if not re.search(r"等[“\"]?$", text[: whole.start]):
            continue
        parts: list[_Span] = []
        edge = whole.start - len(re.search(r"等[“\"]?$", text[: whole.start]).group())  # type: ignore[union-attr]
        for part in reversed(programmes[:i]):
            gap = text[part.end : edge]
            if gap not in ("", "、", "”", "”、", "、“") and not re.fullmatch(r"[”]?、?[“]?", gap):
                break
            parts.append(part)
            edge = part.start
        for part in parts:
            if part.entity.key != whole.entity.key:
                yield _relation(
                    part.entity, "partOf", whole.entity, part.mention, "partOf:list", 0.8
                )


def _name_place(entity: Entity, context: set[str]) -> Place | None:
    """The place an organisation's name begins with (淄博职业学院 -> 淄博市)."""
    name = entity.name.removeprefix("中共").removeprefix("共青团")
    index = places_by_surface()
    found: Place | None = None
    pos = 0
    while pos < len(name):
        for end in range(len(name), pos + 1, -1):
            options = index.get(name[pos:end])
            if options:
                chosen = [p for p in options if p.key in context] or list(options)
                found = chosen[0]
                pos = end
                break
        else:
            break
    return found


def _document_relations(
    doc: Document, entities: dict[str, Entity], first: dict[str, Mention]
) -> Iterator[Relation]:
    present = {k: entities[k] for k in first}
    places = {e.code or e.key: e for e in present.values() if e.type == "Place"}
    place_keys = set(places)
    by_key = {e.key: e for e in present.values()}
    # locatedIn from names
    named_place: dict[str, Place] = {}
    for key, entity in present.items():
        if entity.type not in {"Organization", "Place"} or first[key].rule.startswith("gazetteer"):
            continue
        if entity.type == "Place" and entity.code:
            continue
        place = _name_place(entity, place_keys)
        if place is None:
            continue
        named_place[key] = place
        target = places.get(place.key)
        if target is not None and target.key != key:
            yield _relation(entity, "locatedIn", target, first[key], "locatedIn:name", 0.95)
    # locatedIn along the gazetteer, to the nearest ancestor the article names
    index = place_by_code()
    for entity in places.values():
        place = index.get(entity.key.split(":", 1)[1])
        if place is None:
            continue
        for ancestor in ancestors(place):
            if ancestor.key in places:
                yield _relation(
                    entity,
                    "locatedIn",
                    places[ancestor.key],
                    first[entity.key],
                    "locatedIn:gazetteer",
                    0.9,
                )
                break
    # the union hierarchy, by the places the unions are named after
    unions = {
        named_place[k].key: by_key[k]
        for k in named_place
        if by_key[k].subtype == _UNION and by_key[k].name.endswith("总工会")
    }
    national = next((e for e in present.values() if e.name == "中华全国总工会"), None)
    for place_key, union in unions.items():
        place = index.get(place_key)
        parent_union = None
        if place is not None:
            for ancestor in ancestors(place):
                if ancestor.key in unions:
                    parent_union = unions[ancestor.key]
                    break
            if parent_union is None and national and place.subtype == "Province":
                parent_union = national
        if parent_union is not None and parent_union.key != union.key:
            yield _relation(
                union,
                "subOrganizationOf",
                parent_union,
                first[union.key],
                "subOrganizationOf:union-hierarchy",
                0.8,
            )
    # departments named after their body
    orgs = [e for e in present.values() if e.type == "Organization"]
    for org in orgs:
        parents = [
            o for o in orgs if o.key != org.key and org.name.startswith(o.name) and len(o.name) >= 4
        ]
        if parents:
            parent = max(parents, key=lambda o: len(o.name))
            yield _relation(
                org, "subOrganizationOf", parent, first[org.key], "subOrganizationOf:name", 0.85
            )
    # programme parts from the lexicon
    names = {e.name: e for e in present.values() if e.type == "Program"}
    for entry in programs():
        if entry.part_of and entry.name in names and entry.part_of in names:
            part, whole = names[entry.name], names[entry.part_of]
            yield _relation(part, "partOf", whole, first[part.key], "partOf:lexicon", 0.75)


def _bylines(
    doc: Document, entities: dict[str, Entity], first: dict[str, Mention]
) -> Iterator[Relation]:
    media = {e.name: e for k in first if (e := entities[k]).type == "Organization"}
    for story in doc.stories:
        outlet = media.get(story.outlet or "")
        if outlet is None:
            continue
        for credit in story.bylines:
            key = f"person:{credit.name}"
            if key in entities and key in first and credit.role in {"reporter", "photographer"}:
                mention = next(
                    m for m in doc.mentions if m.entity == key and m.story == story.index
                )
                yield _relation(
                    entities[key], "holdsPost", outlet, mention, "holdsPost:byline", 0.9, "记者"
                )


def extract_relations(doc: Document, entities: dict[str, Entity]) -> list[Relation]:
    """Every relation a document supports, one record per piece of evidence."""
    first: dict[str, Mention] = {}
    for mention in doc.mentions:
        first.setdefault(mention.entity, mention)
    found: list[Relation] = []
    by_sentence: dict[tuple[int, int], list[_Span]] = {}
    by_story: dict[int, list[_Span]] = {}
    for mention in doc.mentions:
        span = _Span(mention, entities[mention.entity])
        by_sentence.setdefault((mention.sentence_start, mention.sentence_end), []).append(span)
        by_story.setdefault(mention.story, []).append(span)
    topics = {story: _topic(spans) for story, spans in by_story.items()}
    text = doc.clean.text
    for spans in by_sentence.values():
        found.extend(_sentence_relations(text, spans, topics[spans[0].mention.story]))
    found.extend(_document_relations(doc, entities, first))
    found.extend(_bylines(doc, entities, first))
    return _dedupe(found)


def _dedupe(relations: Iterable[Relation]) -> list[Relation]:
    seen: dict[tuple[object, ...], Relation] = {}
    for rel in relations:
        key = (rel.subject, rel.predicate, rel.object, rel.sentence_start, rel.role)
        if key not in seen or seen[key].confidence < rel.confidence:
            seen[key] = rel
    return sorted(
        seen.values(), key=lambda r: (r.story, r.sentence_start, r.predicate, r.subject, r.object)
    )
