"""Organisation names from their form.

* compositional: place (+ place) + middle + ending (安康市总工会, 淄博职业学院,
  辽宁柏慧燕都食品有限公司), with a ``中共``/``共青团`` prefix kept;
* elliptic: a level character for the story's place (市总工会, 省总, 市委, 市政府);
* proper names with a telling ending and no place (首钢矿业杏山铁矿, 丽景街联合工会).

The canonical name needs the story's context and is made by the resolver.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc

from kg.nlp import patterns as P
from kg.nlp.candidates import Candidate, add_candidate
from kg.nlp.components.gazetteer import HITS, Hit, scan

__all__ = ["OrganizationRecognizer", "find_organizations", "make_organizations"]

_PREFIXES = {"中共": "Government", "共青团": "OtherOrganization"}
_NOT_BEFORE_ELLIPTIC = set("0123456789各全两多几数诸每本一二三四五六七八九十")
_CJK = re.compile(r"[\u4e00-\u9fff]")


def _clean_middle(mid: str) -> bool:
    return not (set(mid) & P.STOP_CHARS) and not any(w in mid for w in P.STOP_WORDS)


def _extend_sub_unit(text: str, end: int) -> int:
    match = P.SUB_UNIT.match(text, end)
    return match.end() if match and _clean_middle(match.group()) else end


def _longest_tail(text: str, end: int) -> tuple[str, str, int] | None:
    """The longest ``(middle, ending, end)`` after a place: 淄博 + 工会融媒体 + 中心, not
    淄博 + 工会."""
    found = []
    for length in range(9):
        mid = text[end : end + length]
        if len(mid) < length or not all("\u4e00" <= ch <= "\u9fff" for ch in mid):
            break
        if not _clean_middle(mid):
            break
        match = P.ORG_SUFFIX_AT.match(text, end + length)
        if match:
            found.append((match.end(), len(match.group()), mid, match.group()))
    if not found:
        return None
    tail_end, _, mid, suffix = max(found)
    return mid, suffix, tail_end


def _place_spans(hits: list[tuple[int, int, Hit]]) -> dict[int, list[int]]:
    spans: dict[int, list[int]] = {}
    for start, end, hit in hits:
        if hit.type == "Place":
            spans.setdefault(start, []).append(end)
    for ends in spans.values():
        ends.sort(reverse=True)
    return spans


def _compositional(text: str, places: dict[int, list[int]]) -> Iterator[Candidate]:
    for start in sorted(places):
        for place_end in places[start]:
            end = place_end
            for _ in range(2):  # 宁夏回族自治区石嘴山市大武口区: follow a chain of places
                if end in places:
                    end = places[end][0]
            tail = _longest_tail(text, end)
            if tail is None:
                continue
            mid, suffix, tail_end = tail
            type_, subtype = P.suffix_type(suffix)
            if suffix == "委" and mid:
                continue
            if subtype in {"TradeUnion", "Government"} and len(mid) > 2:
                continue
            org_start = start
            prefix = next((p for p in _PREFIXES if text.startswith(p, start - len(p))), None)
            if prefix:
                org_start -= len(prefix)
                if _PREFIXES[prefix] == "OtherOrganization":
                    subtype = "OtherOrganization"
            org_end = _extend_sub_unit(text, tail_end)
            if org_end > tail_end:
                subtype = "Media" if "新闻中心" in text[tail_end:org_end] else "Government"
            yield Candidate(
                org_start,
                org_end,
                type_,
                subtype,
                "org:compositional",
                priority=3,
                place=text[start:end],
                body=text[end:org_end],
                prefix=prefix,
            )
            break  # the longest place that makes a name wins


def _elliptic(text: str, places: dict[int, list[int]]) -> Iterator[Candidate]:
    place_ends = {end for ends in places.values() for end in ends}
    for match in P.ELLIPTIC.finditer(text):
        start = match.start()
        if start + 1 in place_ends or (start and text[start - 1] in _NOT_BEFORE_ELLIPTIC):
            continue
        if not _clean_middle(match["mid"]):
            continue
        suffix = match["suffix"]
        type_, subtype = P.suffix_type(suffix)
        if suffix in {"委", "工会", "委员会"} and match["mid"]:
            continue
        if subtype in {"TradeUnion", "Government"} and match["mid"]:
            continue
        end = _extend_sub_unit(text, match.end())
        yield Candidate(
            start,
            end,
            type_,
            subtype,
            "org:elliptic",
            priority=2,
            level=match["level"],
            body=text[start + 1 : end],
        )


def _left_extended(text: str) -> Iterator[Candidate]:
    for match in P.LEFT_EXTENDED.finditer(text):
        start = match.start()
        while start > 0 and match.start() - start < 10 and _CJK.match(text[start - 1]):
            if text[start - 1] in P.STOP_CHARS or text[start - 2 : start] in P.STOP_WORDS:
                break
            start -= 1
        if match.start() - start < 2:
            continue
        type_, subtype = P.suffix_type(match.group())
        if match.group() == "集团公司":
            subtype = "Enterprise"
        yield Candidate(start, match.end(), type_, subtype, "org:proper-name", priority=1)


_COMPANY_UNION = re.compile(r"工会委员会|工会")


def _company_unions(text: str, found: list[Candidate]) -> Iterator[Candidate]:
    """A company's union: the company's name and 工会 (奥美医疗用品股份有限公司工会)."""
    for cand in found:
        if cand.subtype != "Enterprise":
            continue
        match = _COMPANY_UNION.match(text, cand.end)
        if match:
            yield replace(
                cand, end=match.end(), subtype="TradeUnion", rule="org:company-union", priority=2
            )


def find_organizations(
    text: str, hits: list[tuple[int, int, Hit]] | None = None
) -> list[Candidate]:
    """Organisation candidates in ``text``; ``hits`` are its gazetteer hits if already
    scanned (the gazetteer component leaves them on the doc).

    >>> text = "在市委和省总工会的领导下"
    >>> [(c.rule, text[c.start:c.end]) for c in find_organizations(text)]
    [('org:elliptic', '市委'), ('org:elliptic', '省总工会')]
    """
    places = _place_spans(scan(text) if hits is None else hits)
    composed = [*_compositional(text, places), *_elliptic(text, places)]
    ends = {c.end for c in composed}
    found = composed + [c for c in _left_extended(text) if c.end not in ends]
    found += list(_company_unions(text, found))
    return sorted(found, key=lambda c: (c.start, c.end, c.rule))


class OrganizationRecognizer:
    """Propose organisation candidates from the form of names."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        for candidate in find_organizations(doc.text, doc.user_data.get(HITS)):
            add_candidate(doc, candidate)
        return doc


@Language.factory("kg_organizations", assigns=["doc.spans"])
def make_organizations(nlp: Language, name: str) -> OrganizationRecognizer:
    """Build the organisation recogniser."""
    return OrganizationRecognizer(name)
