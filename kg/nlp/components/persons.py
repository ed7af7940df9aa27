"""People named beside a title or role (主席李晓英, 党组成员高秀琴, 骑手欧阳刚).

A name is 2-4 characters beginning with a known surname and ends on a jieba token
boundary; jieba's own name tags are not trusted alone. Nicknames (小杨) have no
surname and are never taken. Bylines are added from story metadata by the linker.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from collections.abc import Set as AbstractSet

import jieba.posseg
from spacy.language import Language
from spacy.tokens import Doc

from kg.nlp.candidates import CANDIDATES, Candidate, candidates_of, text_of, to_span, word_bounds
from kg.nlp.components.rules import CandidateRecognizer
from kg.nlp.patterns import TITLES
from kg.text import CJK_RANGES
from kg.vocab.lexicon import cue_alternation, looks_like_name, surnames
from kg.vocab.words import is_common_word, word_freq

_SPEECH_WORDS = cue_alternation("recogniser_cues.tsv", "speech-after-name")
_AFTER_NAME_WORDS = cue_alternation("recogniser_cues.tsv", "word-after-name")

__all__ = [
    "find_persons",
    "make_persons",
    "persons_after_organisations",
    "persons_in_lists",
]

_TITLE = re.compile("|".join(TITLES))
#: Characters that may follow a name even where jieba glued them to it (欧阳刚在).
_AFTER_NAME = set("在说的是和与对向为等则也更还就都又曾已将正,，。、;；:：“”（(")
#: Characters that end a phrase, not a name.
_FUNCTION_CHARS = set("等的了在和与及是说也都还就又曾已将对向为到来去赴出于")
_WORD = 20  # a jieba frequency this high means an ordinary word, not a name
_SPEECH = re.compile(rf"(?:{_SPEECH_WORDS})")


def _plausible(name: str) -> bool:
    """A surname-initial string that is not an ordinary word (单位, 和技能, 向记者).

    >>> _plausible("邢化良"), _plausible("欧阳刚"), _plausible("和技能"), _plausible("单位")
    (True, True, False, False)
    """
    if not looks_like_name(name):
        return False
    surname = 2 if len(name) >= 3 and name[:2] in surnames() else 1
    given = name[surname:]
    parts = [(name, _WORD)]
    if len(given) >= 2:
        parts += [(given, _WORD * 4), (given[-2:], _WORD * 4)]
    return not any(is_common_word(part, limit) for part, limit in parts)


def _names_after(text: str, pos: int, boundaries: AbstractSet[int]) -> Iterator[tuple[int, int]]:
    for length in (3, 2, 4):
        end = pos + length
        if end > len(text) or not _plausible(text[pos:end]):
            continue
        if length >= 3 and text[end - 1] in _FUNCTION_CHARS:
            continue  # 吉虹等: the name is 吉虹
        if text[pos] in _FUNCTION_CHARS:
            return  # 刘主席和崔女士: a conjunction after the title, not the surname 和
        if end not in boundaries and text[end : end + 1] not in _AFTER_NAME:
            continue
        if length == 4 and text[pos : pos + 2] not in surnames():
            continue
        if length == 3 and _SPEECH.match(text, pos + 2):
            continue  # 张博说: the name is 张博
        yield pos, end
        return


def find_persons(text: str, boundaries: AbstractSet[int]) -> list[Candidate]:
    """People named right after a title, right before a speech verb, or tagged by jieba
    where a name usually stands.

    ``boundaries`` are the character offsets where tokens end.

    >>> text = "省总工会主席李晓英批示肯定"
    >>> [text[c.start:c.end] for c in find_persons(text, {2, 4, 6, 9, 11, 13})]
    ['李晓英']
    """
    found: dict[tuple[int, int], Candidate] = {}
    for title in _TITLE.finditer(text):
        after = title.end() + (text.startswith("的", title.end()))  # 副主席的陈震
        for start, end in _names_after(text, after, boundaries):
            found[start, end] = Candidate(
                start, end, "Person", "", "person:title", 2, text[start:end]
            )
    for speech in _SPEECH.finditer(text):
        for length in (3, 2):
            start = speech.start() - length
            if start < 0 or not _plausible(text[start : speech.start()]):
                continue
            if start not in boundaries and start != 0 and text[start - 1] not in ",，。、:：“":
                continue
            found.setdefault(
                (start, speech.start()),
                Candidate(
                    start,
                    speech.start(),
                    "Person",
                    "",
                    "person:speech",
                    1,
                    text[start : speech.start()],
                ),
            )
            break
    for start, end in _tagged_names(text):
        found.setdefault(
            (start, end), Candidate(start, end, "Person", "", "person:tagged", 0, text[start:end])
        )
    return sorted(found.values(), key=lambda c: (c.start, c.end))


#: What must stand around a name jieba tags ``nr`` for it to count: jieba's tag alone is
#: a weak signal (it tags 小杨 and 高清 too).
_BEFORE_TAGGED = set("的,，。:：“（(") | {""}
_AFTER_TAGGED = re.compile(rf"{_AFTER_NAME_WORDS}|[,，。；;)）]")


_TAGGED_CONTEXT = re.compile(
    rf"(?:(?<=[的,，。:：“（(])|^)(?P<name>[{CJK_RANGES}]{{2,3}}?)"
    rf"(?={_AFTER_NAME_WORDS}|[,，。；;)）])",
    re.MULTILINE,
)
_CLAUSE = re.compile(r"[^,，。；;:：“”（()）\n]+")


def _tagged_names(text: str) -> Iterator[tuple[int, int]]:
    """Names jieba tags as person names, in a name's usual surroundings.

    Only the clauses where a name could stand are tagged: jieba's part-of-speech pass is
    the slowest step of the pipeline.

    >>> list(_tagged_names("近日,来自辽宁阜新的杜雨亭与葫芦岛一家企业达成就业意向"))
    [(10, 13)]
    """
    seen: set[tuple[int, int]] = set()
    for match in _TAGGED_CONTEXT.finditer(text):
        for length in (3, 2):
            start = match.start("name")
            end = start + length
            if end > len(text) or not _plausible(text[start:end]) or word_freq(text[start:end]):
                continue
            clause = _CLAUSE.search(text, start)
            if clause is None:
                continue
            pos = clause.start()
            for word, flag in jieba.posseg.cut(clause.group()):
                found = pos == start and pos + len(word) == end and flag == "nr"
                if found and (start, end) not in seen and _AFTER_TAGGED.match(text, end):
                    seen.add((start, end))
                    yield start, end
                pos += len(word)


_LIST_RUN = re.compile(rf"(?:[{CJK_RANGES}]{{2,4}}、)+[{CJK_RANGES}]{{2,6}}")


def persons_in_lists(
    text: str, boundaries: AbstractSet[int], known: Iterable[tuple[int, int]]
) -> Iterator[Candidate]:
    """The other names of a list that names a person already (张远桥、黄永胜、章根国、朱敏
    当选为…; 习近平、李克强、栗战书…): every item that looks like a name is one.

    >>> text = "张远桥、黄永胜、章根国、朱敏当选为副主席"
    >>> [text[c.start:c.end] for c in persons_in_lists(text, {3, 7, 11, 14, 16}, [(0, 3)])]
    ['黄永胜', '章根国', '朱敏']
    """
    starts = {start: end for start, end in known}
    for run in _LIST_RUN.finditer(text):
        items: list[tuple[int, int]] = []
        pos = run.start()
        for part in run.group().split("、")[:-1]:
            items.append((pos, pos + len(part)))
            pos += len(part) + 1
        last = next(_names_after(text, pos, boundaries), None)
        if last is not None:
            items.append(last)
        # in a list a name may be an ordinary word too (栗战书): the list vouches for it
        names = [
            (a, b)
            for a, b in items
            if looks_like_name(text[a:b]) and not is_common_word(text[a:b], _WORD)
        ]
        if len(names) < 2 or not any(starts.get(a) == b for a, b in names):
            continue
        for a, b in names:
            if starts.get(a) != b:
                yield Candidate(a, b, "Person", "", "person:list", 1, text[a:b])


_AFTER_ORG_NAME = re.compile(r"[；;,，、。:：\n)）]|家庭|同志|$")


def persons_after_organisations(
    text: str, boundaries: AbstractSet[int], organisations: Iterable[tuple[int, int]]
) -> Iterator[Candidate]:
    """A name right after an organisation's, closed by punctuation (lists of winners and
    attendees: 个人组一等奖:欧亚敦百购物中心宋佳;市人民法院吴沂珊, 市民政局 宋华).

    >>> text = "市人民法院吴沂珊;市民政局 宋华。"
    >>> found = persons_after_organisations(text, set(), [(0, 5), (9, 13)])
    >>> [text[c.start : c.end] for c in found]
    ['吴沂珊', '宋华']
    """
    for _start, end in organisations:
        pos = end + (text[end : end + 1] == " ")
        for a, b in _names_after(text, pos, boundaries):
            if _AFTER_ORG_NAME.match(text, b):
                yield Candidate(a, b, "Person", "", "person:after-organisation", 1, text[a:b])


def _persons_of(doc: Doc) -> list[Candidate]:
    """Names after titles, roles and speech verbs; then the other names of lists that
    name a person; then names right after an organisation's (every candidate so far
    counts, those of earlier components too)."""
    boundaries = word_bounds(doc).edges
    earlier = candidates_of(doc)
    found = [c for c in find_persons(text_of(doc), boundaries) if to_span(doc, c) is not None]
    known = [(c.start, c.end) for c in earlier + found if c.type == "Person"]
    listed = [
        c for c in persons_in_lists(text_of(doc), boundaries, known) if to_span(doc, c) is not None
    ]
    organisations = [(c.start, c.end) for c in earlier + found + listed if c.type == "Organization"]
    after = persons_after_organisations(text_of(doc), boundaries, organisations)
    return found + listed + list(after)


@Language.factory(
    "kg_persons",
    assigns=["doc._.kg_candidates", "doc.spans"],
    requires=["doc._.kg_candidates"],
    default_config={"spans_key": CANDIDATES},
)
def make_persons(nlp: Language, name: str, spans_key: str) -> CandidateRecognizer:
    """Build the person recogniser: titles, roles, speech verbs and lists of names."""
    return CandidateRecognizer(name, _persons_of, spans_key=spans_key)
