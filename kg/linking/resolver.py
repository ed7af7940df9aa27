"""Mentions -> canonical entities, with the reason for every merge.

Per story: run the pipeline, take the chosen candidates, and resolve each to a
canonical simplified name using the story's places (falling back to the page's):
市总工会 -> 安康市总工会, 省总 -> 陕西省总工会, 全总 -> 中华全国总工会, 石嘴山 ->
石嘴山市, 《办法》 -> the 《…办法》 of the same story. A place alias that is also a
common word (合作, 振兴) is only taken when its city is in context.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import pairwise

from spacy.language import Language
from spacy.tokens import Doc

from kg.corpus.resources import PINYIN_ANNOTATION
from kg.linking.context import StoryContext
from kg.nlp.candidates import Candidate, entities_of
from kg.nlp.patterns import (
    ABBREVIATIONS,
    IDEOLOGY_AFTER_NAME,
    NUMBERED_SCHOOL,
    ORG_SUFFIX_AT,
    OUTLET_ENDINGS,
    UNITS,
    suffix_type,
)
from kg.text import CJK_RANGES, FULL_STOPS, is_cjk
from kg.types import Document, Entity, Mention, Story, entity_key
from kg.vocab.lexicon import alternation, cue_alternation, cue_words, organizations, report_cues
from kg.vocab.places import Place, ancestors, level_of, place_by_code, places_by_surface
from kg.vocab.words import word_freq

_EVENT_HEADS = cue_alternation("recogniser_cues.tsv", "event-head")

__all__ = ["Linked", "link_document", "recognise"]


_ALIAS_COMMON = 500  # jieba frequency above which a county alias needs its city in context


@dataclass
class Linked:
    """The entities and mentions of one document."""

    entities: dict[str, Entity]
    mentions: list[Mention]


@dataclass(frozen=True, slots=True)
class _Found:
    story: Story
    cand: Candidate  # offsets already absolute (clean text of the document)
    sentence: tuple[int, int]


def _place_entity(place: Place, reason: str) -> Entity:
    return Entity(
        entity_key("Place", place.name, place.key),
        "Place",
        place.subtype,
        place.name,
        code=place.code,
        parent=place.parent,
        reasons={reason},
    )


def _homonym(candidates: Iterable[Place], context: StoryContext) -> Place:
    keys = context.named()
    return min(
        candidates,
        key=lambda p: (
            not any(a.key in keys for a in ancestors(p)),
            p.key not in keys,
            level_of(p),
            p.key,
        ),
    )


def _resolve_place(surface: str, keys: tuple[str, ...], context: StoryContext) -> Place | None:
    index = place_by_code()
    options = [index[k] for k in keys if k in index]
    if not options:
        return None
    place = _homonym(options, context) if len(options) > 1 else options[0]
    named = context.named()
    in_context = place.key in named or any(
        a.key in named and level_of(a) == 2 for a in ancestors(place)
    )
    if surface == place.name:
        # a two-character county name is often part of a word (示范县 -> 范县), and a
        # town's name recurs across the country: both need their county or city named
        if level_of(place) >= 3 and (len(surface) <= 2 or place.subtype == "Town"):
            local = place.key in named or any(
                a.key in named and level_of(a) >= 2 for a in ancestors(place)
            )
            if not local:
                return None
        return place
    if place.subtype == "Country":
        return place
    # an alias: county-level aliases (兰山, 振兴, 合作) need their city in context, or
    # their province when the alias is no ordinary word (山东莱芜农商银行)
    common = word_freq(surface) >= _ALIAS_COMMON
    in_province = any(a.key in named for a in ancestors(place))
    if level_of(place) >= 3 and not in_context and (common or not in_province):
        return None
    if level_of(place) == 2 and common and not in_context and not in_province:
        return None
    return place


def _place_of_surface(surface: str, context: StoryContext) -> Place | None:
    """The lowest place of a chain such as 厦门市思明区 or 宁夏回族自治区石嘴山市.

    The chain's own places count as context, and an alias is held to the same test as
    a place named alone (新建工会 is not 新建区总工会).
    """
    index = places_by_surface()
    parts: list[tuple[str, tuple[str, ...]]] = []
    pos = 0
    while pos < len(surface):
        for end in range(len(surface), pos, -1):
            if surface[pos:end] in index:
                parts.append((surface[pos:end], tuple(p.key for p in index[surface[pos:end]])))
                pos = end
                break
        else:
            return None
    local = StoryContext()
    local.counts.update(context.counts)
    local.order.update(context.order)
    found = None
    for part, keys in parts:
        found = _resolve_place(part, keys, local)
        if found is None:
            return None
        local.add([found])
    return found


def _org_body(body: str, subtype: str, place: Place) -> str:
    """The official form of a body's name after its place: abbreviated endings in full
    (政府新闻办 -> 人民政府新闻办公室, 市场监管局 -> 市场监督管理局).

    >>> _org_body("政府新闻办", "Government", place_by_code()["430000"])
    '人民政府新闻办公室'
    """
    for short, full in ABBREVIATIONS.items():
        if body == short or (body.startswith(short) and subtype == "Government"):
            body = full + body[len(short) :]
            break
    if subtype == "Government":
        for short, full in ABBREVIATIONS.items():
            if len(short) >= 3 and body.endswith(short) and not body.endswith(full):
                body = body[: -len(short)] + full
                break
    if subtype == "TradeUnion" and body == "工会" and level_of(place) <= 3:
        body = "总工会"  # an administrative area's union is its 总工会 (金凤区工会)
    return body


_PARTY_COMMITTEE = re.compile(r"^[省市州区县]?委(?!员)")


def customary_name(place: Place) -> str:
    """The name bodies of ``place`` go by: an autonomous prefecture's short form
    (延边州总工会, not 延边朝鲜族自治州总工会), else the official name.

    >>> customary_name(place_by_code()["222400"]), customary_name(place_by_code()["610900"])
    ('延边州', '安康市')
    """
    if place.name.endswith("自治州"):
        return next((a for a in place.aliases if a.endswith("州")), place.name)
    return place.name


def _org_name(cand: Candidate, place: Place, body: str) -> str:
    """The official name of a union or government body of ``place``."""
    name = customary_name(place)
    if cand.subtype == "Government":
        # 市委, 柳北区区委, 成都市委办公厅: the Party committee of the place (and its units)
        committee = _PARTY_COMMITTEE.match(body)
        if committee:
            return f"中共{name}委{body[committee.end() :]}"
        if body == "政协":  # 嘉峪关市政协 -> 政协嘉峪关市委员会, the official form
            return f"政协{name}委员会"
    if cand.prefix == "共青团":
        return f"共青团{name}{body}"
    return name + _org_body(body, cand.subtype, place)


def _of_a_body(body: str | None) -> bool:
    """A unit of a union or a government body (总工会职工服务中心): named after the body's
    place as the body is (淮北市总工会…, not 安徽省淮北市总工会…)."""
    if not body:
        return False
    head = ORG_SUFFIX_AT.match(body)
    return (
        head is not None
        and head.end() < len(body)
        and suffix_type(head.group())[1]
        in {
            "TradeUnion",
            "Government",
        }
    )


def _last_place(chain: str) -> str:
    """The last place of a chain as written (安徽省淮北市 -> 淮北市; 淄博 -> 淄博)."""
    index = places_by_surface()
    return next((chain[i:] for i in range(len(chain) - 1) if chain[i:] in index), chain)


@dataclass(frozen=True, slots=True)
class _Resolved:
    name: str
    reason: str
    place: Place | None = None  # the place the name is built on, if the linker knows it


def _resolve_org(cand: Candidate, surface: str, context: StoryContext) -> _Resolved | None:
    if cand.canonical:
        rule = f"{cand.rule}:lexicon" if "gazetteer" in cand.rule else cand.rule
        return _Resolved(cand.canonical, rule)
    if cand.level:  # an elliptic name (市总工会): its place is the story's
        place = context.for_level(cand.level or "")
        if place is None:
            return None
        body = cand.body or ""
        if cand.subtype in {"TradeUnion", "Government"}:
            name = _org_name(cand, place, body)
        else:
            name = customary_name(place) + ABBREVIATIONS.get(body, body)
        return _Resolved(name, f"elliptic:{cand.level}->{place.name} (story context)", place)
    if cand.place:  # a place and a body (安康市 + 总工会)
        place = _place_of_surface(cand.place, context)
        if place is None:
            if cand.subtype in {"TradeUnion", "Government"} or cand.prefix:
                return None
            # a firm's name that starts like a place the story is not in (东风汽车…,
            # 长安汽车…): a proper name, kept as written
            return _Resolved(surface, "exact:no-place")
        if place.subtype == "Country" and cand.subtype in {"TradeUnion", "Government"}:
            return None  # 中国工会 is Chinese unions at large; the national body is in the lexicon
        if cand.subtype in {"TradeUnion", "Government"} or cand.prefix:
            name = _org_name(cand, place, cand.body or "")
            reason = "compositional:place-normalised" if name != surface else "exact"
            return _Resolved(name, reason, place)
        if _of_a_body(cand.body):
            # a union's or body's unit after the body's own place, as written
            # (安徽省淮北市总工会职工服务中心 -> 淮北市总工会职工服务中心; 淄博工会融媒体中心)
            own = _last_place(cand.place)
            return _Resolved(own + (cand.body or ""), "compositional:unit-of-a-body", place)
        if cand.body in ABBREVIATIONS:  # 重庆市工商联 -> 重庆市工商业联合会
            full = customary_name(place) + ABBREVIATIONS[cand.body]
            return _Resolved(full, "compositional:abbreviation", place)
        # proper names keep their own spelling (淄博职业学院, 山东莱芜农商银行)
        return _Resolved(surface, "exact", place)
    school = NUMBERED_SCHOOL.fullmatch(surface)
    if school is not None:
        # 第六小学, 二实验小学: schools are numbered within a city or county, the story's
        place = context.for_level("市") or context.for_level("县")
        if place is not None:
            name = f"{customary_name(place)}第{school['number']}{school['kind']}"
            return _Resolved(name, f"numbered-school->{place.name} (story context)", place)
    return _Resolved(surface, "exact")


def recognise(docs: Sequence[Document], nlp: Language) -> list[list[Doc]]:
    """The spaCy docs of each story of each of ``docs``, the stories of all of them in one
    ``nlp.pipe`` stream (so that a component's batches span documents; what a component
    finds in a story never depends on the other stories of its batch).

    >>> from kg.corpus.prepare import prepare
    >>> from kg.nlp.pipeline import load_pipeline
    >>> from kg.types import RawDocument
    >>> text = "安康市总工会开展送温暖活动。"
    >>> raw = RawDocument("a.txt", "a.txt", text, "utf-8", "text/plain", "")
    >>> [[d.text for d in stories] for stories in recognise([prepare(raw)], load_pipeline())]
    [['安康市总工会开展送温暖活动。']]
    """
    texts = (d.clean.text[s.start : s.end] for d in docs for s in d.stories)
    analysed = iter(nlp.pipe(texts))
    return [[next(analysed) for _ in d.stories] for d in docs]


def link_document(doc: Document, nlp: Language, *, stories: list[Doc] | None = None) -> Linked:
    """Recognise and resolve the entities of every story of ``doc`` (``stories``: its
    stories already recognised, see :func:`recognise`)."""
    if stories is None:
        (stories,) = recognise([doc], nlp)
    text = doc.clean.text
    found: list[_Found] = []
    for story, spacy_doc in zip(doc.stories, stories, strict=True):
        sentences = [(s.start_char, s.end_char) for s in spacy_doc.sents]
        for cand in entities_of(spacy_doc):
            shifted = (cand.owner[0] + story.start, cand.owner[1]) if cand.owner else None
            absolute = replace(
                cand, start=cand.start + story.start, end=cand.end + story.start, owner=shifted
            )
            sentence = next(
                ((a, b) for a, b in sentences if a <= cand.start < b), (0, story.end - story.start)
            )
            found.append(
                _Found(story, absolute, (sentence[0] + story.start, sentence[1] + story.start))
            )

    contexts = _contexts(doc, found)
    page = StoryContext()
    index = place_by_code()
    for ctx in contexts.values():
        page.add(index[k] for k in ctx.counts if k in index)
    # each story's places, falling back to the page's
    merged = {i: ctx.merged(page) for i, ctx in contexts.items()}
    entities: dict[str, Entity] = {}
    mentions: list[Mention] = []

    def emit(item: _Found, entity: Entity, reason: str, surface: str) -> None:
        key = entity.key
        if key in entities:
            entities[key].absorb(entity)
        else:
            entities[key] = entity
        if surface != entity.name:
            entities[key].aliases.add(surface)
        original = _original_surface(doc, item.cand.start, item.cand.end)
        if original and original not in {entity.name, surface}:
            entities[key].aliases.add(original)
        entities[key].reasons.add(reason)
        mentions.append(
            Mention(
                key,
                item.story.index,
                item.cand.start,
                item.cand.end,
                surface,
                item.sentence[0],
                item.sentence[1],
                item.cand.rule,
                reason,
                item.cand.score,
            )
        )

    last_event: dict[int, Entity] = {}
    sentence_orgs: dict[tuple[int, int], list[Entity]] = {}  # organisations so far, in order
    for item in found:
        cand = item.cand
        surface = text[cand.start : cand.end]
        context = merged[item.story.index]
        if cand.rule == "program:anaphor":
            # 该比赛: the event this story named last
            event = last_event.get(item.story.index)
            if event is not None and _same_kind(event.name, cand.body or ""):
                emit(item, event, f"anaphor:{surface}->{event.name}", surface)
            continue
        if cand.type == "Place":
            if _inside_a_term(text, cand):
                continue  # 中国式现代化, 中国梦, 中国海员建设工会: part of a term or name
            if cand.rule == "place:area":
                entity = Entity(entity_key("Place", surface), "Place", "Area", surface)
                emit(item, entity, "area:pattern", surface)
                continue
            place = _resolve_place(surface, cand.place_keys, context)
            if place is not None:
                reason = "exact" if surface == place.name else f"alias:{surface}->{place.name}"
                emit(item, _place_entity(place, reason), reason, surface)
            continue
        if cand.rule == "org:bare-unit":
            parent = _unit_parent(sentence_orgs.get(item.sentence, []), cand)
            if parent is not None:
                unit = ABBREVIATIONS.get(cand.body or "", cand.body or "")
                name = parent.name + unit
                entity = Entity(
                    entity_key("Organization", name),
                    "Organization",
                    cand.subtype or parent.subtype,
                    name,
                    place=parent.place,
                )
                emit(item, entity, f"unit-of:{parent.name} (same sentence)", surface)
            continue
        if cand.type == "Organization":
            owner = _owner(cand, text)
            for part in (owner, cand) if owner is not None else (cand,):
                written = text[part.start : part.end]
                resolved = _resolve_org(part, written, context)
                if resolved is None:
                    continue
                if resolved.name.endswith("人大") and not _CONGRESS_ITSELF.match(text, part.end):
                    # 襄阳市人大党组成员、副主任: the standing committee, the body that has
                    # officials; 人大代表 and 人大会议 are the congress's
                    resolved = replace(resolved, name=resolved.name + "常委会")
                entity = Entity(
                    entity_key("Organization", resolved.name),
                    "Organization",
                    part.subtype,
                    resolved.name,
                    place=resolved.place.key if resolved.place else "",
                )
                emit(replace(item, cand=part), entity, resolved.reason, written)
                sentence_orgs.setdefault(item.sentence, []).append(entities[entity.key])
            continue
        if cand.type == "Person" and IDEOLOGY_AFTER_NAME.match(text, cand.end):
            continue  # 习近平新时代…思想, 习近平总书记关于…的重要论述: a term, not a mention
        name = cand.canonical or surface
        reason = "exact" if name == surface else f"{cand.rule}:canonical"
        if cand.type == "Program" and cand.subtype != "Policy":
            shorter = programme_canonical(name)
            if shorter != name:
                name, reason = shorter, "programme-canonical"
        entity = Entity(entity_key(cand.type, name), cand.type, cand.subtype, name)
        emit(item, entity, reason, surface)
        if entity.type == "Program" and _EVENT_HEAD.search(name):
            last_event[item.story.index] = entities[entity.key]

    for story in doc.stories:
        for credit in story.bylines:
            name = credit.name
            entity = Entity(entity_key("Person", name), "Person", "", name)
            item = _Found(
                story,
                Candidate(credit.start, credit.end, "Person", "", f"person:byline:{credit.role}"),
                _sentence_around(text, credit.start),
            )
            emit(item, entity, "byline", name)
        _self_governing_region(doc, story, contexts[story.index], emit)
        _outlet(doc, story, emit)
        _reported_by(doc, story, emit, {(m.start, m.end) for m in mentions})

    _merge_abbreviations(entities, mentions)
    mentions.sort(key=lambda m: (m.start, m.end, m.entity))
    return Linked(entities, mentions)


#: What ANNOTATION.md's decisions take out of a programme's canonical name: an edition or
#: a year before it (第八届, 2025—2026年度), a trailing activity word after it (活动, 行动,
#: 专项行动) when the rest is still a name.
_EDITION = re.compile(
    r"^(?:第[一二三四五六七八九十百零〇\d]+届|(?:19|20)\d{2}(?:\s*[—\-－~至]\s*(?:19|20)?\d{2})?年度?)+"
)
_ACTIVITY_TAIL = re.compile(r"(?:系列活动|主题活动|品牌活动|专项行动|活动|行动)$")
#: A rest that ends so is a name by its head (X竞赛活动 -> X竞赛).
_NAME_HEADS = ("竞赛", "大赛", "比赛", "工程", "计划", "机制", "评选", "节", "月", "周")


def programme_canonical(name: str) -> str:
    """A programme's canonical name by the guidelines' decisions: no edition or year
    before it, no trailing activity word when what is left is still a name (four
    characters or more, or a contest's or plan's head).

    >>> programme_canonical("2025—2026年度安康杯竞赛活动"), programme_canonical("春风行动")
    ('安康杯竞赛', '春风行动')
    >>> programme_canonical("第八届职工技能大赛"), programme_canonical("工铸同心系列活动")
    ('职工技能大赛', '工铸同心')
    """
    rest = _EDITION.sub("", name) or name
    tail = _ACTIVITY_TAIL.search(rest)
    if tail is not None:
        kept = rest[: tail.start()]
        if len(kept) >= 4 or kept.endswith(_NAME_HEADS):
            rest = kept
    return rest if len(rest) >= 2 else name


#: After X人大: the congress itself (its deputies, its sessions), not its standing committee.
_CONGRESS_ITSELF = re.compile(r"(?:代表|会议|第[一二三四五六七八九十百\d]+次会议)")


def _owner(cand: Candidate, text: str) -> Candidate | None:
    """The body a unit's name begins with, as a mention of its own (云南林缘香料有限公司
    in 云南林缘香料有限公司分馏班组): the text names both; but not a government body
    for one of its offices (中共敦化市委宣传部, …人民政府新闻办公室), which names the office.
    """
    if cand.owner is None:
        return None
    end, subtype = cand.owner
    units = text[end : cand.end]
    if subtype == "Government" and not any(
        units.endswith(u.unit) for u in UNITS.values() if u.subtype
    ):
        return None
    cut = cand.end - end
    return replace(
        cand,
        end=end,
        subtype=subtype,
        rule=f"{cand.rule}:owner",
        body=cand.body[:-cut] if cand.body and len(cand.body) > cut else cand.body,
        canonical=cand.canonical[:-cut] if cand.canonical else None,
        owner=None,
    )


def _unit_parent(earlier: list[Entity], cand: Candidate) -> Entity | None:
    """The body a unit named alone belongs to: the last one before it in its sentence of a
    kind that has such units (长沙市总工会…,基层工作部部长 -> 长沙市总工会)."""
    kinds = UNITS[cand.body].after if cand.body in UNITS else ()
    return next((e for e in reversed(earlier) if e.subtype in kinds), None)


_EVENT_HEAD = re.compile(rf"(?:{_EVENT_HEADS})$")
#: A contest is named for 赛 whatever its head word (比赛, 竞赛 …); 活动 for itself.
_KINDS = {word: "赛" for word in cue_words("recogniser_cues.tsv", "contest-word")}


#: What may follow the country's name when it names the country (在中国的, 中国、美国).
_AFTER_COUNTRY = set("的和与及、是在人,，。;；:：“”")


def _inside_a_term(text: str, cand: Candidate) -> bool:
    """The country's name run on by a word (中国梦, 中国工会): a term, not the place.

    >>> _inside_a_term("中国梦", Candidate(0, 2, "Place", "Country", "gazetteer:place"))
    True
    >>> _inside_a_term("在中国的企业", Candidate(1, 3, "Place", "Country", "gazetteer:place"))
    False
    """
    if cand.subtype != "Country" or text[cand.start : cand.end] not in {"中国", "中國"}:
        return False
    after = text[cand.end : cand.end + 1]
    return bool(after) and is_cjk(after) and after not in _AFTER_COUNTRY


def _same_kind(name: str, head: str) -> bool:
    """``该比赛`` refers to a contest (…竞赛, …大赛), ``该活动`` to an activity."""
    return name.endswith(_KINDS.get(head, head))


def _contexts(doc: Document, found: list[_Found]) -> dict[int, StoryContext]:
    contexts = {story.index: StoryContext() for story in doc.stories}
    index = place_by_code()
    for item in found:
        cand = item.cand
        strong = [
            index[k]
            for k in cand.place_keys
            if k in index
            and (level_of(index[k]) <= 2 or (cand.rule == "gazetteer:place" and cand.length >= 3))
        ]
        if cand.type == "Place" and len(strong) == 1:
            contexts[item.story.index].add(strong)
        elif cand.type == "Organization" and cand.place:
            place = _place_of_surface(cand.place, StoryContext())
            if place is not None:
                contexts[item.story.index].add([place])
    # a county's short form counts once its city or province is named (太仓 beside 苏州市委)
    for item in found:
        cand, ctx = item.cand, contexts[item.story.index]
        if cand.type != "Place" or cand.rule != "gazetteer:place-alias":
            continue
        # a common word (振兴) needs the city itself, not just the province
        common = word_freq(doc.clean.text[cand.start : cand.end]) >= _ALIAS_COMMON
        local = [
            index[k]
            for k in cand.place_keys
            if k in index
            and level_of(index[k]) == 3
            and any(
                a.key in ctx.named() and (level_of(a) == 2 or not common)
                for a in ancestors(index[k])
            )
        ]
        if len(local) == 1:
            ctx.add(local)
    return contexts


def _sentence_around(text: str, pos: int) -> tuple[int, int]:
    start = max(text.rfind(ch, 0, pos) for ch in FULL_STOPS + "\n") + 1
    ends = [i for ch in FULL_STOPS + "\n" if (i := text.find(ch, pos)) != -1]
    return start, (min(ends) + 1 if ends else len(text))


def _self_governing_region(
    doc: Document, story: Story, ctx: StoryContext, emit: Callable[[_Found, Entity, str, str], None]
) -> None:
    """Bare ``自治区`` names the story's autonomous region (围绕自治区“六新六特六优”)."""
    province = ctx.province
    if province is None or not province.name.endswith("自治区"):
        return
    text = doc.clean.text
    for match in re.finditer("自治区", text[story.start : story.end]):
        start = story.start + match.start()
        before = text[start - 1] if start else ""
        if is_cjk(before) and before not in "在围绕和及与全获由向":
            continue
        item = _Found(
            story,
            Candidate(start, start + 3, "Place", "Province", "place:elliptic-region"),
            _sentence_around(text, start),
        )
        reason = "elliptic:自治区 (story context)"
        emit(item, _place_entity(province, reason), reason, "自治区")


_MEDIA = re.compile(rf"(?:{alternation(OUTLET_ENDINGS)})$")


_OUTLET_JOINER = re.compile(r"[-—－/|]+")


@lru_cache(maxsize=1)
def _known_organisations() -> dict[str, str]:
    """Every name and alias of the curated organisations -> the canonical name."""
    return {
        surface: entry.name for entry in organizations() for surface in (entry.name, *entry.aliases)
    }


def _outlet(doc: Document, story: Story, emit: Callable[[_Found, Entity, str, str], None]) -> None:
    """The outlet a dateline or ``来源:`` line names is a media organisation (岳塘新闻网);
    joined outlets are each one (中工网-工人日报)."""
    if not story.outlet:
        return
    text = doc.clean.text
    start = text.find(story.outlet, story.start, story.end)
    if start == -1:
        return
    pos = 0
    for written in _OUTLET_JOINER.split(story.outlet):
        at = story.outlet.find(written, pos)
        pos = at + len(written)
        if not written or not _MEDIA.search(written):
            continue
        name = _known_organisations().get(written, written)  # 中新社 -> 中国新闻社
        entity = Entity(entity_key("Organization", name), "Organization", "Media", name)
        end = start + at + len(written)
        item = _Found(
            story,
            Candidate(start + at, end, "Organization", "Media", "org:outlet"),
            _sentence_around(text, start),
        )
        emit(item, entity, "outlet", name)


@lru_cache(maxsize=1)
def _attribution() -> re.Pattern[str]:
    """据X报道, 据X客户端消息 (``report_cues.tsv``): X, and the channel after it if any."""
    cues = report_cues()
    return re.compile(
        rf"(?:{alternation(cues['before'])})(?P<name>[{CJK_RANGES}A-Za-z0-9]{{2,12}}?)"
        rf"(?P<channel>{alternation(cues['channel'])})?(?:{alternation(cues['after'])})"
    )


def _reported_by(
    doc: Document,
    story: Story,
    emit: Callable[[_Found, Entity, str, str], None],
    taken: set[tuple[int, int]],
) -> None:
    """The outlet a story cites in its text (据大武夷新闻网报道, 据新甘肃客户端消息) is a
    media organisation: a name that ends like an outlet's, or any name before a channel."""
    text = doc.clean.text
    for match in _attribution().finditer(text, story.start, story.end):
        written = match["name"]
        if not (match["channel"] or _MEDIA.search(written)):
            continue
        start, end = match.span("name")
        if any(a < end and start < b and not start <= a <= b <= end for a, b in taken) or (
            (start, end) in taken
        ):
            continue  # already a mention (据工人日报报道); a place inside the name stays

        name = _known_organisations().get(written, written)
        entity = Entity(entity_key("Organization", name), "Organization", "Media", name)
        item = _Found(
            story,
            Candidate(start, end, "Organization", "Media", "org:reported-by"),
            _sentence_around(text, start),
        )
        emit(item, entity, "reported-by", name)


def _merge_abbreviations(entities: dict[str, Entity], mentions: list[Mention]) -> None:
    """Fold a short form into the full name it ends (杏山铁矿, 《办法》)."""
    for key, entity in sorted(entities.items()):
        if entity.type not in {"Organization", "Program"}:
            continue
        short = entity.name.strip("《》")
        if len(short) < 2 or (entity.type == "Organization" and len(short) < 4):
            continue
        fulls = [
            e
            for k, e in entities.items()
            if k != key
            and e.type == entity.type
            and e.name.strip("《》").endswith(short)
            and len(e.name) > len(entity.name)
            and (entity.type == "Organization" or e.subtype == "Policy" == entity.subtype)
        ]
        if len(fulls) != 1:
            continue
        full = fulls[0]
        full.aliases |= {entity.name, *entity.aliases}
        full.reasons.add(f"abbreviation:{entity.name}->{full.name}")
        for i, mention in enumerate(mentions):
            if mention.entity == key:
                mentions[i] = replace(
                    mention, entity=full.key, reason=f"abbreviation of {full.name}"
                )
        del entities[key]


def _original_surface(doc: Document, start: int, end: int) -> str | None:
    """The mention as the original file spells it (traditional forms), read through the
    offset map: the characters each clean character came from. Only bracketed pinyin may
    have been removed between them (anything else, mojibake or markup, makes the original
    spelling unreliable: ``None``)."""
    raw = doc.raw.text
    spans = doc.clean.source_spans(start, end)
    for (_a, gap), (following, _b) in pairwise(spans):
        if gap < following and not _pinyin_between(raw, gap, following):
            return None
    original = "".join(raw[a:b] for a, b in spans).strip()
    if not original or not all(is_cjk(ch) for ch in original):
        return None
    return original


def _pinyin_between(raw: str, start: int, end: int) -> bool:
    """Whether ``raw[start:end]`` is bracketed pinyin after a character (產(chǎn))."""
    while start < end:
        found = PINYIN_ANNOTATION.match(raw, start, end)
        if found is None or found.end() == start:
            return False
        start = found.end()
    return True
