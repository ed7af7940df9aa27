"""``holdsPost``: a person and the organisation they hold a post in, with the role.

* titles between an organisation and a name (市总工会党组书记、常务副主席邢化良), and a
  run of organisation + title groups joined by 、, a comma or a space
  (市人大常委会党组副书记、副主任,市总工会主席崔坤军: two posts);
* lists after such a post: 主席A、副主席B、C (B and C in A's organisation), but not a
  head of government (主席A,副市长B);
* elections: A、B当选为(ORG)副主席, 选举A为主席, in the organisation named after the
  verb, else the one of the election before in the sentence, else the union the story is
  about;
* credits of an outlet's staff (工人日报客户端 记者 刘友婷 实习生 朱小燕, 本报讯(记者宋子涵),
  编辑:王楠) -> the outlet named before the credit, the one 本报/本网 refers to, the
  story's outlet, or the only outlet the article names; and bylines parsed from the
  story's header.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

from kg.relations.base import DocumentView, Sentence, Span, relation, spans_by_sentence
from kg.relations.place import named_places
from kg.relations.registry import document_rule, sentence_rule
from kg.relations.resources import (
    APPOINTED,
    CREDIT_LIST_GAP,
    CREDIT_STOP,
    DUTY_BEFORE_TITLE,
    EDITOR_ROLES,
    ELECTED,
    ELECTED_POST,
    ELECTS,
    GOVERNMENT_HEADS,
    LIST_GAP,
    LIST_START,
    MEDIA_ROLE,
    OUTLETS_JOINED,
    OWN_OUTLET,
    POST_SUFFIXES,
    TITLE_KINDS,
    TITLE_RUN,
    TITLE_UNIT,
    UNNAMED_UNIT,
)
from kg.types import Entity, Mention, Relation, entity_key

__all__ = [
    "from_appointments",
    "from_appositives",
    "from_bylines",
    "from_credits",
    "from_elections",
    "from_government_heads",
    "from_lists",
    "from_titles",
]

#: What may stand between one organisation's titles and the next organisation of a run.
_RUN_SEPARATORS = "、,， \u3000"
#: What a role is stripped of (市总工会主席 张三).
_ROLE_EDGES = "、 \u3000\t"
#: What may close an appositive post (张三(市总工会主席), 张三,市总工会主席,).
_APPOSITIVE_OPEN = "(（,，"
_APPOSITIVE_CLOSE = ")）,，。;；"


def _clean_role(role: str) -> str:
    for suffix in POST_SUFFIXES:
        role = role.removesuffix(suffix)
    return role


def _titles(role: str) -> bool:
    """Titles, or an unnamed unit of the body and titles (技术研发部工程师).

    >>> _titles("党组书记、主席"), _titles("营运操作部桥吊班大班长"), _titles("召开会议")
    (True, True, False)
    >>> _titles("二级调研员、互助保障管理委员会主任"), _titles("党组副书记、分管日常工作的副主席")
    (True, True)
    """
    role = DUTY_BEFORE_TITLE.sub("", role)
    if TITLE_RUN.match(role):
        return True
    return all(TITLE_RUN.match(part) or _unit_titles(part) for part in role.split("、"))


def _unit_titles(part: str) -> bool:
    """An unnamed unit and its titles (互助保障管理委员会主任)."""
    return any(
        UNNAMED_UNIT.match(part[:i]) and TITLE_RUN.match(part[i:]) for i in range(2, len(part))
    )


def _is_post(role: str) -> bool:
    """A run with at least one post (主席), not only roles (劳模, 记者)."""
    return any(TITLE_KINDS.get(m.group(1)) == "post" for m in TITLE_UNIT.finditer(role))


def _governs(role: str) -> bool:
    """A head of a government (副市长): a post in no organisation named before."""
    return any(m.group(1).endswith(GOVERNMENT_HEADS) for m in TITLE_UNIT.finditer(role))


def _direct_posts(sentence: Sentence) -> dict[Mention, list[tuple[Span, str]]]:
    """Each person -> the organisations (nearest first) and roles named right before."""
    text = sentence.text
    orgs = sentence.of_type("Organization")
    found: dict[Mention, list[tuple[Span, str]]] = {}
    for person in sentence.of_type("Person"):
        edge = person.start
        for org in reversed([o for o in orgs if o.end <= edge]):
            role = text[org.end : edge].strip(_ROLE_EDGES).removesuffix("的").removeprefix("的")
            if not role or not _titles(role):
                break
            found.setdefault(person.mention, []).append((org, _clean_role(role)))
            edge = org.start
            if not edge or text[edge - 1] not in _RUN_SEPARATORS:
                break
            if text[edge - 1] != "、":
                edge -= 1  # 副主任,市总工会主席X: the comma is not part of the next role
    return found


@sentence_rule("posts:titles")
def from_titles(sentence: Sentence) -> Iterator[Relation]:
    """``ORG TITLE NAME`` and ``ORG1 TITLE1、ORG2 TITLE2 NAME``."""
    people = {p.mention: p.entity for p in sentence.spans}
    for mention, posts in _direct_posts(sentence).items():
        for org, role in posts:
            yield relation(
                people[mention], "holdsPost", org.entity, mention, "holdsPost:title", 0.85, role
            )


@document_rule("posts:government-heads")
def from_government_heads(view: DocumentView) -> Iterator[Relation]:
    """``市委副书记、市长A``: a head of a place's government (市长, 副省长) holds that post
    in the place's 人民政府, when the article names it."""
    places = named_places(view)
    governments = {
        places[e.key].key: e
        for e in view.present.values()
        if e.subtype == "Government" and e.name.endswith("人民政府") and e.key in places
    }
    if not governments:
        return
    text = view.doc.clean.text
    for spans in spans_by_sentence(view.doc.mentions, view.entities).values():
        sentence = Sentence.read(text, spans, None)
        people = {p.mention: p.entity for p in sentence.spans}
        for mention, posts in _direct_posts(sentence).items():
            for org, role in posts:
                heads = [
                    m.group(0)
                    for m in TITLE_UNIT.finditer(role)
                    if m.group(1).endswith(GOVERNMENT_HEADS)
                ]
                place = places.get(org.entity.key)
                government = governments.get(place.key) if place else None
                if heads and government is not None and government.key != org.entity.key:
                    yield relation(
                        people[mention],
                        "holdsPost",
                        government,
                        mention,
                        "holdsPost:government-head",
                        0.75,
                        heads[-1],
                    )


@sentence_rule("posts:lists")
def from_lists(sentence: Sentence) -> Iterator[Relation]:
    """``ORG主席A、副主席B、C``: names listed after a post, in the same organisation."""
    text = sentence.text
    posts = {p: ps[0] for p, ps in _direct_posts(sentence).items()}
    persons = sentence.of_type("Person")
    orgs = sentence.of_type("Organization")
    for previous, person in pairwise(persons):
        if person.mention in posts or previous.mention not in posts:
            continue
        if any(previous.end <= o.start < person.start for o in orgs):
            continue
        between = text[previous.end : person.start]
        sep = LIST_START.match(between)
        if sep is None:
            continue
        org, role = posts[previous.mention]
        title = between[sep.end() :].removesuffix("的")
        if title:
            if not TITLE_RUN.match(title) or not _is_post(title) or _governs(title):
                continue
            role = _clean_role(title)
        elif sep.group() in ",，":
            continue  # 主席A,B出席: B's post is not said
        posts[person.mention] = (org, role)
        yield relation(
            person.entity, "holdsPost", org.entity, person.mention, "holdsPost:list", 0.75, role
        )


def _names_before(sentence: Sentence, end: int) -> list[Span]:
    """The persons listed right before ``end`` (A、B和C等当选…), in order."""
    text = sentence.text
    persons = [p for p in sentence.of_type("Person") if p.end <= end]
    found: list[Span] = []
    edge = end
    for person in reversed(persons):
        gap = text[person.end : edge]
        if (not found and gap not in ("", "等", "同志", "等同志")) or (
            found and not LIST_GAP.match(gap)
        ):
            break
        found.append(person)
        edge = person.start
    return found[::-1]


def _names_after(sentence: Sentence, start: int) -> tuple[list[Span], int]:
    """The persons listed from ``start`` on (选举A、B为…) and where the list ends."""
    text = sentence.text
    found: list[Span] = []
    edge = start
    for person in (p for p in sentence.of_type("Person") if p.start >= start):
        gap = text[edge : person.start]
        if (not found and gap) or (found and not LIST_GAP.match(gap)):
            break
        found.append(person)
        edge = person.end
    return found, edge


@sentence_rule("posts:elections")
def from_elections(sentence: Sentence) -> Iterator[Relation]:
    """``A、B当选为(ORG)副主席`` and ``选举A为(ORG)主席``."""
    text, start, end = sentence.text, sentence.start, sentence.end
    orgs = {o.start: o for o in sentence.of_type("Organization")}
    topic = sentence.topic if sentence.topic and sentence.topic.subtype == "TradeUnion" else None
    last_org = None
    elections: list[tuple[int, list[Span], int]] = []  # (verb start, persons, post start)
    for match in ELECTED.finditer(text, start, end):
        elections.append((match.start(), _names_before(sentence, match.start()), match.end()))
    for elects in ELECTS.finditer(text, start, end):
        persons, edge = _names_after(sentence, elects.end())
        if persons and text.startswith("为", edge):
            elections.append((elects.start(), persons, edge + 1))
    for _verb, persons, post in sorted(elections, key=lambda e: e[0]):
        if not persons:
            continue
        org_span = orgs.get(post)
        at = org_span.end if org_span else post
        found = ELECTED_POST.match(text, at, end)
        if found is None or not _is_post(found["run"]):
            continue
        org = org_span.entity if org_span else last_org or topic
        if org is None:
            continue
        last_org = org
        role = found["body"] + found["run"]
        for person in persons:
            yield relation(
                person.entity, "holdsPost", org, person.mention, "holdsPost:election", 0.8, role
            )


def _post_after(sentence: Sentence, at: int) -> tuple[Span, str, int] | None:
    """``ORG(的)TITLE`` starting at ``at``: the organisation, the role and where it ends."""
    text = sentence.text
    org = next((o for o in sentence.of_type("Organization") if o.start == at), None)
    if org is None:
        return None
    start = org.end + 1 if text.startswith("的", org.end) else org.end
    units = TITLE_UNIT.match(text, start)
    if units is None:
        return None
    end = units.end()
    while (more := TITLE_UNIT.match(text, end + 1)) and text.startswith("、", end):
        end = more.end()
    role = text[start:end]
    if not _is_post(role):
        return None
    return org, _clean_role(role), end


@sentence_rule("posts:appointed")
def from_appointments(sentence: Sentence) -> Iterator[Relation]:
    """``A担任ORG主席``, ``A是ORG的副主席``: the post after the verb, in the body named."""
    text = sentence.text
    for verb in APPOINTED.finditer(text, sentence.start, sentence.end):
        persons = _names_before(sentence, verb.start())
        post = _post_after(sentence, verb.end()) if persons else None
        if post is None:
            continue
        org, role, end = post
        if end < sentence.end and text[end] not in _APPOSITIVE_CLOSE:
            continue  # 是市总工会主席李四的…: the title is another name's
        for person in persons[-1:]:
            yield relation(
                person.entity,
                "holdsPost",
                org.entity,
                person.mention,
                "holdsPost:appointed",
                0.8,
                role,
            )


@sentence_rule("posts:appositive")
def from_appositives(sentence: Sentence) -> Iterator[Relation]:
    """``张三(市总工会主席)``, ``张三,市总工会副主席,表示``: the post set beside the name."""
    text = sentence.text
    persons = sentence.of_type("Person")
    for person in persons:
        if text[person.end : person.end + 1] not in _APPOSITIVE_OPEN or person.end + 1 >= len(text):
            continue
        post = _post_after(sentence, person.end + 1)
        if post is None:
            continue
        org, role, end = post
        if end >= sentence.end or text[end] not in _APPOSITIVE_CLOSE:
            continue  # 张三,市总工会主席李四: the title is the next name's
        opened, closed = text[person.end], text[end]
        if (opened in "(（") != (closed in ")）"):
            continue
        yield relation(
            person.entity,
            "holdsPost",
            org.entity,
            person.mention,
            "holdsPost:appositive",
            0.8,
            role,
        )


def _outlet_kind(name: str, kind: str) -> bool:
    if kind == "刊":
        return name.endswith(("刊", "杂志", "杂志社"))
    return name.endswith(kind)


@document_rule("posts:credits")
def from_credits(view: DocumentView) -> Iterator[Relation]:
    """``工人日报客户端 记者 刘友婷``, ``本报讯(记者宋子涵)``, ``编辑:王楠`` -> the outlet."""
    text = view.doc.clean.text
    entities = view.entities
    media_keys = {k for k, e in view.present.items() if e.subtype == "Media"}
    media_by_name = {entities[k].name: entities[k] for k in media_keys}
    for story in view.doc.stories:
        mentions = [m for m in view.doc.mentions if m.story == story.index]
        outlets = sorted((m for m in mentions if m.entity in media_keys), key=lambda m: m.start)
        persons = sorted(
            (m for m in mentions if entities[m.entity].type == "Person"), key=lambda m: m.start
        )
        credited: list[tuple[Mention, str, list[str]]] = []  # person, role, outlet keys
        for person in persons:
            line_start = person.sentence_start
            role_match = MEDIA_ROLE.search(text, line_start, person.start)
            role: str | None = role_match.group(1) if role_match else None
            role_at = role_match.start(1) if role_match else person.start
            previous = credited[-1] if credited else None
            listed = (
                previous is not None
                and previous[0].sentence_start == person.sentence_start
                and CREDIT_LIST_GAP.match(text[previous[0].end : person.start])
            )
            if role is None:
                if not listed or previous is None:
                    continue
                credited.append((person, previous[1], previous[2]))
                continue
            found = _outlets_before(text, outlets, line_start, role_at)
            if not found and previous is not None:
                gap = text[previous[0].end : role_at]
                if previous[0].sentence_start == line_start and not CREDIT_STOP.search(gap):
                    found = previous[2]  # 记者 刘友婷 实习生 朱小燕: the same outlet
            if not found:
                after = [m.entity for m in outlets if person.end <= m.start < person.sentence_end]
                found = _other_outlet(
                    text[line_start:role_at], after, role, story.outlet, media_by_name
                )
            credited.append((person, role, found))
        for person, role, found in credited:
            for outlet in found:
                yield relation(
                    entities[person.entity],
                    "holdsPost",
                    entities[outlet],
                    person,
                    "holdsPost:credit",
                    0.85,
                    role,
                )


def _outlets_before(text: str, outlets: list[Mention], floor: int, at: int) -> list[str]:
    """The outlets named shortly before a credit on its line (新华社北京10月22日电(记者…),
    with those joined to the nearest by a dash (工人日报-中工网记者)."""
    before = [m for m in outlets if floor <= m.start and m.end <= at]
    if not before:
        return []
    nearest = before[-1]
    gap = text[nearest.end : at]
    if len(gap) > 16 or CREDIT_STOP.search(gap):
        return []
    found = [nearest.entity]
    for other in reversed(before[:-1]):
        if not OUTLETS_JOINED.fullmatch(text[other.end : nearest.start]):
            break
        found.append(other.entity)
        nearest = other
    return found


def _other_outlet(
    before: str, after: list[str], role: str, story_outlet: str | None, media: dict[str, Entity]
) -> list[str]:
    """The outlet of a credit that names none right before it.

    Args:
        before: the credit's line up to its role word.
        after: keys of the outlets named after the credit on its line, in order.
        role: the role word (记者, 编辑).
        story_outlet: the outlet the story's header names, if any.
        media: the outlets the article names, by name.

    本报/本网 refer to the story's outlet of that kind; a reporter is else of the story's
    outlet, the one named after the credit, or the only one the article names. An editor
    works for the site that shows the page, which is not the source it credits: only a
    site (…网) named after the credit, or the only site of the article.
    """
    own = _own_outlet(before, story_outlet, media)
    if own is not None:
        return [own]
    if role in EDITOR_ROLES:
        sites = [e.key for e in media.values() if e.name.endswith("网")]
        named = [k for k in after if k in sites]
        return named[:1] or (sites if len(sites) == 1 else [])
    if story_outlet and story_outlet in media:
        return [media[story_outlet].key]
    if after:
        return after[:1]
    return [e.key for e in media.values()] if len(media) == 1 else []


def _own_outlet(before: str, outlet: str | None, media: dict[str, Entity]) -> str | None:
    """本报讯(记者…): the newspaper the story names (本网: the site, 本台: the broadcaster)."""
    for cue, kind in OWN_OUTLET.items():
        if cue in before:
            if outlet and outlet in media and _outlet_kind(outlet, kind):
                return media[outlet].key
            matching = [e for name, e in media.items() if _outlet_kind(name, kind)]
            if len(matching) == 1:
                return matching[0].key
    return None


@document_rule("posts:bylines")
def from_bylines(view: DocumentView) -> Iterator[Relation]:
    """记者 X in a story whose outlet the article names: X holds the post 记者 there."""
    entities, first = view.entities, view.first
    media = {e.name: e for k in first if (e := entities[k]).type == "Organization"}
    for story in view.doc.stories:
        outlet = media.get(story.outlet or "")
        if outlet is None:
            continue
        for credit in story.bylines:
            key = entity_key("Person", credit.name)
            if key in entities and key in first and credit.role in {"reporter", "photographer"}:
                mention = next(
                    m for m in view.doc.mentions if m.entity == key and m.story == story.index
                )
                yield relation(
                    entities[key], "holdsPost", outlet, mention, "holdsPost:byline", 0.9, "记者"
                )
