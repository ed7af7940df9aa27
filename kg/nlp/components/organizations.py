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
from kg.nlp.candidates import CANDIDATES, Candidate, text_of
from kg.nlp.components.gazetteer import Hit, scan
from kg.nlp.components.rules import CandidateRecognizer
from kg.text import CJK_RANGES, is_cjk
from kg.vocab.lexicon import alternation, cue_alternation, cue_words
from kg.vocab.places import within

_ZONES = cue_alternation("recogniser_cues.tsv", "zone")
#: Before 网, these make a word, not a site (云南电网, 中国互联网).
_NOT_A_SITE_BEFORE = cue_words("recogniser_cues.tsv", "not-a-site-before")
_UNION_NAMES_A_PROGRAMME = cue_alternation("recogniser_cues.tsv", "union-opens-programme")

__all__ = ["find_organizations", "make_organizations"]

_PREFIXES = {"中共": "Government", "共青团": "OtherOrganization"}
_NOT_BEFORE_ELLIPTIC = set("0123456789各全两多几数诸每本一二三四五六七八九十")


#: Any of the stop words, anywhere (one scan instead of a substring test per word).
_STOP_WORD = re.compile("|".join(map(re.escape, P.STOP_WORDS)))


def _clean_middle(mid: str) -> bool:
    return not (set(mid) & P.STOP_CHARS) and _STOP_WORD.search(mid) is None


def extend_units(text: str, end: int, subtype: str) -> tuple[int, str]:
    """Where a name ends once the units after it are added, and the last unit's subtype.

    >>> text = "东风汽车股份有限公司襄阳分公司创新工作室"
    >>> extend_units(text, 10, "Enterprise")
    (15, 'Enterprise')
    >>> extend_units("淄博市政府新闻办公室", 5, "Government")
    (10, 'Government')
    >>> extend_units("总工会女职工委员会主任", 3, "TradeUnion")
    (9, 'TradeUnion')
    """
    while (match := P.SUB_UNIT.match(text, end)) is not None:
        unit = P.UNITS[match["unit"]]
        if subtype not in unit.after or not _clean_middle(match["mid"]):
            break
        if match["mid"] and subtype in {"TradeUnion", "Government"} and len(match["mid"]) > 4:
            break
        end, subtype = match.end(), unit.subtype or subtype
    return end, subtype


#: The longest middle any ending allows (云南 + 云投职教扶贫开发玉溪体校 + 有限责任公司).
_LONGEST_MIDDLE = max([8, *P.MIDDLE_LENGTH.values()])


def _tails(text: str, end: int) -> list[tuple[str, str, int]]:
    """Every ``(middle, ending, end)`` after a place, longest first: 淄博 + 工会融媒体 +
    中心 before 淄博 + 工会."""
    found = []
    for length in range(_LONGEST_MIDDLE + 1):
        mid = text[end : end + length]
        if len(mid) < length or not all(is_cjk(ch) for ch in mid):
            break
        if not _clean_middle(mid):
            break
        match = P.ORG_SUFFIX_AT.match(text, end + length)
        if match:
            found.append((match.end(), len(match.group()), mid, match.group()))
    return [(mid, suffix, tail_end) for tail_end, _n, mid, suffix in sorted(found, reverse=True)]


def _acceptable(mid: str, suffix: str, _end: int) -> bool:
    """A union's or a government body's name has at most a two-character middle
    (石嘴山市 + 总工会, + 人社局); 委 alone takes none (市委, not 市纪委)."""
    if suffix == "委" and mid:
        return False
    if ("公司" in mid or "集团" in mid) and P.suffix_type(suffix)[1] != "Enterprise":
        return False  # 襄阳分公司创新工作室: the company's name ends inside it
    if suffix in P.MIDDLE_LENGTH:
        return len(mid) <= P.MIDDLE_LENGTH[suffix]
    return P.suffix_type(suffix)[1] not in {"TradeUnion", "Government"} or len(mid) <= 2


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
            end, last = place_end, start
            for _ in range(2):  # 宁夏回族自治区石嘴山市大武口区: follow a chain of places
                if end in places and within(text[end : places[end][0]], text[last:end]):
                    last, end = end, places[end][0]
            tail = next(
                (t for t in _tails(text, end) if _acceptable(*t)), None
            )  # the longest tail that makes a name (上海市 + 总工会, then + 女职工委员会)
            if tail is None:
                continue
            _mid, suffix, tail_end = tail
            type_, subtype = P.suffix_type(suffix)
            org_start = start
            prefix = next((p for p in _PREFIXES if text.startswith(p, start - len(p))), None)
            if prefix:
                org_start -= len(prefix)
                if _PREFIXES[prefix] == "OtherOrganization":
                    subtype = "OtherOrganization"
            org_end, unit_subtype = extend_units(text, tail_end, subtype)
            yield Candidate(
                org_start,
                org_end,
                type_,
                unit_subtype,
                "org:compositional",
                priority=3,
                place=text[start:end],
                body=text[end:org_end],
                prefix=prefix,
                owner=(tail_end, subtype) if org_end > tail_end else None,
            )
            break  # the longest place that makes a name wins


def _elliptic(text: str, places: dict[int, list[int]]) -> Iterator[Candidate]:
    place_ends = {end for ends in places.values() for end in ends}
    for match in P.ELLIPTIC.finditer(text):
        start = match.start()
        level_end = start + len(match["level"])
        if level_end in place_ends or (start and text[start - 1] in _NOT_BEFORE_ELLIPTIC):
            continue
        if not _clean_middle(match["mid"]):
            continue
        suffix = match["suffix"]
        type_, subtype = P.suffix_type(suffix)
        # 省教育工会: a sector's union of the story's place; otherwise no middle
        sector = suffix == "工会" and 2 <= len(match["mid"]) <= 4
        if (
            match["mid"]
            and not sector
            and (suffix in {"委", "工会", "委员会"} or subtype in {"TradeUnion", "Government"})
        ):
            continue
        end, unit_subtype = extend_units(text, match.end(), subtype)
        yield Candidate(
            start,
            end,
            type_,
            unit_subtype,
            "org:elliptic",
            priority=2,
            level=match["level"],
            body=text[start + len(match["level"]) : end],
            owner=(match.end(), subtype) if end > match.end() else None,
        )


#: A development zone's body named without the zone's city (高新区总工会, 经开区管委会): the
#: zone of the story's city.
_ZONE_BODY = re.compile(
    rf"(?<![{CJK_RANGES}])(?P<zone>{_ZONES})"
    r"(?P<body>总工会|工会|管委会|管理委员会)"
)


def _zone_bodies(text: str) -> Iterator[Candidate]:
    """Bodies of the story's city's development zone.

    >>> [c.body for c in _zone_bodies("拉萨市总工会、高新区总工会联合")]
    ['高新区总工会']
    """
    for match in _ZONE_BODY.finditer(text):
        subtype = "TradeUnion" if "工会" in match["body"] else "Government"
        yield Candidate(
            match.start(),
            match.end(),
            "Organization",
            subtype,
            "org:zone",
            priority=1,
            level="市",
            body=match.group(),
        )


#: A news site named after its place (沈阳网, 中国甘肃网, 江西民生网), not 网上 or 网络.
_SITE = re.compile(r"网(?![上络站点民格页店购友吧聊格红])")


def _sites(text: str, places: dict[int, list[int]]) -> Iterator[Candidate]:
    """News sites named after a place, where a site's name stands (before 讯, 报道,
    记者 or punctuation).

    >>> [text[c.start:c.end] for text in ["来源:沈阳网 记者"] for c in _sites(text, {3: [5]})]
    ['沈阳网']
    """
    for start, ends in places.items():
        for place_end in ends:
            for mid_len in range(5):
                at = place_end + mid_len
                mid = text[place_end:at]
                if len(mid) < mid_len or not all(is_cjk(ch) for ch in mid):
                    break
                if not _clean_middle(mid) or any(w in mid for w in ("工会", "政府", "委", "网")):
                    break
                if mid.endswith(_NOT_A_SITE_BEFORE):
                    continue  # 云南电网, 中国互联网: no site
                after = text[at + 1 : at + 2]
                if _SITE.match(text, at) and (not is_cjk(after or " ") or after in "讯消报记"):
                    yield Candidate(start, at + 1, "Organization", "Media", "org:site", 1)
                    break
            break


def _provincial_departments(text: str, places: dict[int, list[int]]) -> Iterator[Candidate]:
    """A department named alone with a province-level ending: the story's province's
    (自治区总工会配合建设厅、公安厅 -> 宁夏回族自治区建设厅, …公安厅)."""
    place_ends = {end for ends in places.values() for end in ends}
    for match in P.PROVINCIAL_DEPARTMENT.finditer(text):
        start = match.start()
        if start in place_ends or (start and text[start - 1] in "省市州区县"):
            continue  # named with its place, or elliptic (省公安厅): other rules
        yield Candidate(
            start,
            match.end(),
            "Organization",
            "Government",
            "org:provincial-department",
            priority=1,
            level="省",
            body=match.group(),
        )


_BRACKETED = re.compile(rf"[(（][{CJK_RANGES}]{{1,6}}[)）]$")


def _left_extended(text: str) -> Iterator[Candidate]:
    for match in P.LEFT_EXTENDED.finditer(text):
        start = match.start()
        # 玖龙纸业(太仓)有限公司, 上海国盛(集团)有限公司: a bracketed place or 集团 inside
        bracket = _BRACKETED.search(text, max(0, start - 8), start)
        if bracket is not None:
            start = bracket.start()
        head = start
        skipped = 0  # a bracketed place inside the name (力高(云南)箱包有限公司)
        while start > 0 and head - start - skipped < 10:
            bracket = _BRACKETED.search(text, max(0, start - 8), start)
            if bracket is not None and not skipped:
                skipped = start - bracket.start()
                start = bracket.start()
                continue
            if not is_cjk(text[start - 1]):
                break
            if text[start - 1] in P.STOP_CHARS or text[start - 2 : start] in P.STOP_WORDS:
                break
            start -= 1
        if start and text[start] in "省市州区县" and text[start - 1] in P.STOP_CHARS:
            start += 1  # 我市中电(福建)…: 市 belongs to 我市
        if head - start - skipped < 2 or text[start] in "(（":
            continue
        if P.GENERIC_FIRM.fullmatch(text, start, head):
            continue  # 晶和科技有限公司 cut at 和: 科技有限公司 alone names no firm
        type_, subtype = P.suffix_type(match.group())
        if match.group() == "集团公司":
            subtype = "Enterprise"
        end, unit_subtype = extend_units(text, match.end(), subtype)
        owner = (match.end(), subtype) if end > match.end() else None
        yield Candidate(start, end, type_, unit_subtype, "org:proper-name", 1, owner=owner)


def _units_of_known(text: str, hits: list[tuple[int, int, Hit]]) -> Iterator[Candidate]:
    """A unit of a body the lexicon knows (中华全国总工会 + 宣传教育部)."""
    for start, end, hit in hits:
        if hit.type != "Organization" or not hit.canonical:
            continue
        unit_end, subtype = extend_units(text, end, hit.subtype)
        if unit_end > end:
            yield Candidate(
                start,
                unit_end,
                "Organization",
                subtype,
                "org:unit",
                priority=3,
                canonical=hit.canonical + text[end:unit_end],
                owner=(end, hit.subtype),
            )


_LIST_JOINER = re.compile(r"[、和及与]|以及")
#: 中央 coordinated with a Party committee or the State Council: the Party's Central
#: Committee (落实中央和省委、市委的部署; 中央、国务院).
_CENTRAL = re.compile(
    rf"(?<![{CJK_RANGES}])中央(?=[和、及与](?:[省市区县州]委|省|国务院))|(?<=[落实按照根据贯彻])中央(?=[和、及与])"
)


#: A unit named alone before a title (,基层工作部部长罗乃熙; 、宣教部部长张晓辉): a unit
#: of the body named before it in the sentence, which the resolver finds.
_BARE_UNIT = re.compile(
    rf"(?<![{CJK_RANGES}])"
    rf"(?P<unit>{alternation(u for u in P.UNITS if len(u) >= 3)})"
    rf"(?=(?:{alternation(P.TITLES)}))"
)


def _bare_units(text: str) -> Iterator[Candidate]:
    """Units named alone before a title.

    >>> [c.body for c in _bare_units("副主席黄渐坤,基层工作部部长罗乃熙")]
    ['基层工作部']
    """
    for match in _BARE_UNIT.finditer(text):
        unit = P.UNITS[match["unit"]]
        yield Candidate(
            match.start(),
            match.end(),
            "Organization",
            unit.subtype,
            "org:bare-unit",
            priority=1,
            body=match["unit"],
        )


def _numbered_schools(text: str) -> Iterator[Candidate]:
    """Schools named by their number alone, where no name stands before them (:第六小学).

    >>> [c.end - c.start for c in _numbered_schools("三等奖:第六小学 李艳红")]
    [4]
    """
    for match in P.NUMBERED_SCHOOL.finditer(text):
        if match.start() and is_cjk(text[match.start() - 1]):
            continue  # 敦化市第六小学, 实验中学: other rules read the whole name
        yield Candidate(
            match.start(), match.end(), "Organization", "Institution", "org:numbered-school", 1
        )


#: A run of titles, then a body named by its ending alone (人大常委会副主任、总工会主席):
#: the body of the same place as the one before the titles.
_TITLED_THEN_BODY = re.compile(
    rf"(?:{alternation(P.TITLES)}|党组|、)+?、(?P<body>总工会|人大常委会|政协|人民政府)"
)


def _bodies_after_titles(text: str, found: list[Candidate]) -> Iterator[Candidate]:
    """``内蒙古自治区人大常委会副主任、总工会主席``: 总工会 of 内蒙古自治区."""
    for cand in found:
        if cand.subtype not in {"TradeUnion", "Government"} or not (cand.place or cand.level):
            continue
        match = _TITLED_THEN_BODY.match(text, cand.end)
        if match is None or is_cjk(text[match.start("body") - 1]):
            continue
        body = match["body"]
        yield replace(
            cand,
            start=match.start("body"),
            end=match.end("body"),
            subtype=P.suffix_type(body)[1],
            body=body,
            rule="org:after-titles",
            prefix=None,
            owner=None,
            priority=2,
        )


def _central_committee(text: str) -> Iterator[Candidate]:
    for match in _CENTRAL.finditer(text):
        yield Candidate(
            match.start(),
            match.end(),
            "Organization",
            "Government",
            "org:central",
            priority=2,
            canonical="中共中央",
        )


def _coordinated(text: str, found: list[Candidate]) -> Iterator[Candidate]:
    """Bodies listed after one that names their place share it (宁夏回族自治区人社厅、公安厅、
    建设厅: three departments of 宁夏回族自治区)."""
    for cand in found:
        if cand.subtype != "Government" or not (cand.place or cand.level):
            continue
        end = cand.end
        while (joiner := _LIST_JOINER.match(text, end)) is not None:
            suffix = P.ORG_SUFFIX_AT.match(text, joiner.end())
            if suffix is None or P.suffix_type(suffix.group())[1] != "Government":
                break
            if len(suffix.group()) < 3:
                break  # 委, 政府 alone are too short to stand for a body
            end = suffix.end()
            yield replace(
                cand,
                start=joiner.end(),
                end=end,
                body=suffix.group(),
                rule="org:coordinated",
                owner=None,
                prefix=None,
                priority=2,
            )


#: ``工会`` after a name, unless it opens a programme's name (…服务中心工会驿站, 工会之家).
_COMPANY_UNION = re.compile(rf"(?:工会(?:委员会|小组)?|分会)(?!{_UNION_NAMES_A_PROGRAMME})")


def _company_unions(text: str, found: list[Candidate]) -> Iterator[Candidate]:
    """A company's or an institution's union: its name and 工会 (奥美医疗用品股份有限公司
    工会, 重庆公共运输职业学院工会, …车间工会小组)."""
    for cand in found:
        if cand.subtype not in {"Enterprise", "Institution"} or cand.rule == "org:elliptic":
            continue
        match = _COMPANY_UNION.match(text, cand.end)
        if match:
            # a proper name as written (湖南中欣集团工会), not rebuilt from its place
            yield replace(
                cand,
                end=match.end(),
                subtype="TradeUnion",
                rule="org:company-union",
                owner=None,
                priority=2,
                place=None,
                body=None,
                level=None,
                prefix=None,
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
    hits = scan(text) if hits is None else hits
    places = _place_spans(hits)
    composed = [
        *_compositional(text, places),
        *_elliptic(text, places),
        *_provincial_departments(text, places),
        *_zone_bodies(text),
        *_sites(text, places),
    ]
    ends = {c.end for c in composed}
    found = composed + [c for c in _left_extended(text) if c.end not in ends]
    found += list(_units_of_known(text, hits))
    found += list(_central_committee(text))
    found += list(_bare_units(text))
    found += list(_numbered_schools(text))
    found += list(_company_unions(text, found))
    found += list(_coordinated(text, found))
    found += list(_bodies_after_titles(text, found))
    unique = {(c.start, c.end, c.rule): c for c in found}  # one per span and rule
    return sorted(unique.values(), key=lambda c: (c.start, c.end, c.rule))


@Language.factory(
    "kg_organizations",
    assigns=["doc._.kg_candidates", "doc.spans"],
    requires=["doc._.kg_gazetteer_hits"],
    default_config={"spans_key": CANDIDATES},
)
def make_organizations(nlp: Language, name: str, spans_key: str) -> CandidateRecognizer:
    """Build the organisation recogniser: candidates from the form of names (the places
    in them read from the gazetteer's hits)."""

    def find(doc: Doc) -> list[Candidate]:
        return find_organizations(text_of(doc), doc._.kg_gazetteer_hits)

    return CandidateRecognizer(name, find, spans_key=spans_key)
