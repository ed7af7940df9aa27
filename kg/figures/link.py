"""A document's figures as ``Measurement`` records: each figure of each sentence, with the
entity it belongs to and the year it refers to.

- ``about``, the first that applies:
  1. the nearest organisation named before the figure in its sentence: not one of the
     names the figure counts (A、B等2家, A、B 2家单位, 以A为代表的6家), not a setting
     or a partner (围绕市委市政府, 联合市农业农村局), not a news outlet, not the national
     federation (usually context); in a contest's story a contest named there too;
  2. for 该区/该市 …: the union of the place named last before (else that place);
  3. the contest the story reports (named in its lead: headlines and first paragraph);
  4. the story's place, for a figure of 全市/全省/我市 … (a total of the place; not
     为全市…, 来自全市…, whom it serves or where it comes from; not 全市各级工会);
  5. the story's union (the federation, 总工会, it names most);
  6. the story's place (a story no union is named in).
  The cue words are in ``figure_cues.tsv``.
- A figure repeated word for word in a document (headline and body) is kept once.
- ``date``: a year written before the figure in its sentence (2023年底), else the
  year of the story's date, else of the document's.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from kg.figures.extract import Figure, find_figures
from kg.nlp.components.merge import nested_spans
from kg.relations.resources import INSTRUMENT, LIST_GAP, NATIONAL_UNION
from kg.text import SENTENCE_ENDS
from kg.types import Document, Entity, Measurement, Mention, Story, entity_key
from kg.vocab.lexicon import figure_cues, organizations

__all__ = ["RULE", "find_measurements"]

RULE = "figure:measure-word"
_CONFIDENCE = 0.8
_SENTENCE = re.compile(rf"[^{SENTENCE_ENDS}\n]*[{SENTENCE_ENDS}\n]*")
_YEAR = re.compile(r"((?:19|20)\d{2})年")
_CLAUSE_BREAKS = ",，;；:：。"
_LIST_MARKS = ("、", "等", "为代表")
_FEDERATION = "总工会"  # a federation of a place: the union a local story is about


@lru_cache(maxsize=1)
def _place_totals() -> re.Pattern[str]:
    """全市, 全省 … as what a figure counts: not after 为, 来自 … (whom it serves, where it
    comes from), not before 各级工会 (the place's unions) (``figure_cues.tsv``)."""
    cues = figure_cues()
    not_after = "".join(f"(?<!{re.escape(cue)})" for cue in cues["place-total-object"])
    return re.compile(
        rf"{not_after}(?:{'|'.join(cues['place-total'])})"
        rf"(?!{'|'.join(cues['place-total-union'])})"
    )


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


def _year(iso: str | None) -> str:
    return iso[:4] if iso else ""


def _may_own_figures(entity: Entity) -> bool:
    """An organisation, not a news outlet, not the national federation (usually context
    in a local story; letting it own figures when it opens the clause lost 2 on the
    development set)."""
    return (
        entity.type == "Organization"
        and entity.subtype != "Media"
        and not entity.name.startswith(_national())
    )


def _is_contest(entity: Entity) -> bool:
    """A contest: a programme whose name ends in a ``contest-head`` (赛, 运动会 …)."""
    return entity.type == "Program" and entity.name.endswith(figure_cues()["contest-head"])


@dataclass(frozen=True, slots=True)
class _StoryContext:
    """What a story's figures fall back on when their sentence names no owner."""

    mentions: list[tuple[Mention, Entity]]  # in text order
    starts: list[int]  # where each of them starts (to find a sentence's by bisection)
    union: Entity | None  # the union the story is about
    place: str  # the key of the story's place ("" if none)
    contest: Entity | None  # the contest the story reports: its figures are the contest's


def _named_for(entity: Entity) -> str:
    """The key of the place an organisation is named for ("" if none): 安康市总工会 -> 安康市."""
    return entity_key("Place", "", entity.place) if entity.place else ""


def _most_named(pairs: list[tuple[Mention, Entity]]) -> Entity | None:
    """The entity named most often (the first named, on a tie)."""
    counts: dict[str, int] = {}
    first: dict[str, tuple[int, Entity]] = {}
    for mention, entity in pairs:
        counts[entity.key] = counts.get(entity.key, 0) + 1
        first.setdefault(entity.key, (mention.start, entity))
    if not counts:
        return None
    return first[max(counts, key=lambda k: (counts[k], -first[k][0]))][1]


def _context(story_mentions: list[tuple[Mention, Entity]], lead_end: int) -> _StoryContext:
    """The story's union (the one it names most, a national one only when no other is
    named: 全总 is often context in a local story), its place (the union's, else the
    place it names most outside other names) and its contest (the first one its lead,
    ending at ``lead_end``, names)."""
    unions = [(m, e) for m, e in story_mentions if e.subtype == "TradeUnion"]
    local = [(m, e) for m, e in unions if not e.name.startswith(_national())]
    federations = [(m, e) for m, e in local if e.name.endswith(_FEDERATION)]
    union = _most_named(federations or local or unions)
    inside = nested_spans((m.start, m.end) for m, _e in story_mentions)
    places = [
        (m, e) for m, e in story_mentions if e.type == "Place" and (m.start, m.end) not in inside
    ]
    home = _most_named(places)
    place = _named_for(union) if union and union.place else (home.key if home else "")
    contest = next((e for m, e in story_mentions if m.start < lead_end and _is_contest(e)), None)
    in_order = sorted(story_mentions, key=lambda pair: pair[0].start)
    return _StoryContext(in_order, [m.start for m, _e in in_order], union, place, contest)


@lru_cache(maxsize=1)
def _not_owner_before() -> re.Pattern[str]:
    """Words right before a name that make it a setting, an instrument or a partner
    (依托, 围绕, 联合 …), not the figure's owner."""
    partners = figure_cues()["partner-before"]
    return re.compile(f"{INSTRUMENT.pattern}|(?:{'|'.join(partners)})$")


def _counted_in_list(text: str, end: int, at: int) -> bool:
    """The name ending at ``end`` is one of the names the figure at ``at`` counts:
    A、B等2家, A、B、C 3家单位, 以A为代表的6家 (no clause break between them)."""
    gap = text[end:at]
    return not any(mark in gap for mark in _CLAUSE_BREAKS) and any(
        mark in gap for mark in _LIST_MARKS
    )


def _owners_before(
    context: _StoryContext, start: int, at: int, text: str
) -> Iterator[tuple[Mention, Entity]]:
    """The names between ``start`` (the sentence's) and the figure at ``at`` that may own
    it: not one it counts, not a setting or partner (围绕市委市政府: both names)."""
    setting_end = -1
    first, last = bisect_left(context.starts, start), bisect_left(context.starts, at)
    for mention, entity in context.mentions[first:last]:
        if mention.end > at:
            continue
        before = text[max(start, mention.start - 2) : mention.start]
        if _not_owner_before().search(before) or (
            setting_end >= 0 and LIST_GAP.match(text[setting_end : mention.start] or "、")
        ):
            setting_end = mention.end  # a setting, and the names joined to it
            continue
        setting_end = -1
        if (
            _may_own_figures(entity) or (context.contest is not None and _is_contest(entity))
        ) and not _counted_in_list(text, mention.end, at):
            yield mention, entity


def _anaphoric_place(context: _StoryContext, start: int, before: str) -> str:
    """For 该区…: the union of the place named last before the sentence (if the story
    names that union), else that place; "" without such a word."""
    if not any(word in before for word in figure_cues()["place-anaphor"]):  # 该区, 该市
        return ""
    places = [(m, e) for m, e in context.mentions if e.type == "Place" and m.end <= start]
    if not places:
        return ""
    place = max(places, key=lambda pair: pair[0].end)[1]
    union = next(
        (
            e
            for _m, e in context.mentions
            if e.subtype == "TradeUnion" and _named_for(e) == place.key
        ),
        None,
    )
    return (union or place).key


def _about(
    figure: Figure,
    sentence: tuple[int, int],
    text: str,
    context: _StoryContext,
    entities: dict[str, Entity],
) -> str:
    """The key of the entity ``figure`` belongs to (see the module's docstring)."""
    at = sentence[0] + figure.number_start
    owners = list(_owners_before(context, sentence[0], at, text))
    if owners:
        return max(owners, key=lambda pair: (pair[0].end, pair[0].end - pair[0].start))[1].key
    anaphor = _anaphoric_place(context, sentence[0], text[sentence[0] : at])
    if anaphor:
        return anaphor
    if context.contest:
        return context.contest.key
    place = context.place if context.place in entities else ""
    if place and _place_totals().search(text[sentence[0] : at]):
        return place  # a total of the place the union is named for
    if context.union:
        return context.union.key
    return place


def _programme(figure: Figure, sentence: tuple[int, int], text: str, context: _StoryContext) -> str:
    """The key of the one programme ``figure`` counts for: the programme its sentence names
    nearest before the number (“冬送温暖”筹集资金466.33万元; a list's whole, named last:
    春送岗位、…冬送温暖等“四季送”活动,筹资1318.45万元 is 四季送's), else the first after
    it (投入12万元,打造了“职工之家”); ``""`` when its sentence names none. Never more than
    one: a sentence's money is not every programme's."""
    at = sentence[0] + figure.number_start
    end = sentence[0] + figure.end
    before, after = None, None
    for mention, entity in context.mentions:
        if entity.type != "Program" or not (sentence[0] <= mention.start < sentence[1]):
            continue
        if mention.end <= at and (before is None or mention.end >= before[0].end):
            before = (mention, entity)
        elif mention.start >= end and after is None:
            after = (mention, entity)
    chosen = before or after
    return chosen[1].key if chosen else ""


def _lead_end(text: str, story: Story) -> int:
    """Where a story's lead ends: its headlines and first paragraph of prose (the first
    line with a 。), or its first sentence when that line is the whole story."""
    first = text.find("。", story.start, story.end)
    if first < 0:
        return story.end
    line = text.find("\n", first, story.end)
    return first if line < 0 else line


def find_measurements(document: Document, entities: dict[str, Entity]) -> Iterator[Measurement]:
    """Every figure of ``document``'s stories (mentions already linked to ``entities``)."""
    text = document.clean.text
    by_story: dict[int, list[tuple[Mention, Entity]]] = {}
    for mention in document.mentions:
        by_story.setdefault(mention.story, []).append((mention, entities[mention.entity]))
    document_year = _year(document.date)
    seen: set[tuple[str, str, str]] = set()
    for story in document.stories:
        context = _context(by_story.get(story.index, []), _lead_end(text, story))
        year = _year(story.date) or document_year
        for measurement in _story_measurements(story, context, entities, text, year):
            # a figure repeated word for word (headline and body) is one figure
            key = (measurement.text, measurement.value, measurement.unit)
            if key not in seen:
                seen.add(key)
                yield measurement


def _story_measurements(
    story: Story,
    context: _StoryContext,
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
                about=_about(figure, sentence, text, context, entities),
                date=written[-1] if written else year,
                rule=RULE,
                confidence=_CONFIDENCE,
                programme=_programme(figure, sentence, text, context),
            )
