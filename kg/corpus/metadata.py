"""Story metadata from the text: dates, datelines, outlets and bylines.

>>> parse_date("28.06.2016  10:51")
'2016-06-28'
>>> [(b.role, b.name) for b in credits_in("本报讯(记者马学礼 李静楠 通讯员邱春强)", 0)]
[('reporter', '马学礼'), ('reporter', '李静楠'), ('correspondent', '邱春强')]
"""

from __future__ import annotations

import datetime as dt
import re

from kg.text import CJK, CJK_RANGES, FULL_STOPS
from kg.types import Byline
from kg.vocab.lexicon import alternation, credit_roles, cue_alternation, looks_like_name
from kg.vocab.words import is_common_word

_CREDIT_WORDS = cue_alternation("page_cues.tsv", "credit-word")
_EDITOR_WORDS = cue_alternation("page_cues.tsv", "editor-word")
_DATELINE_OUTLET_ENDS = cue_alternation("page_cues.tsv", "dateline-outlet-end")
_CREDIT_OUTLET_ENDS = cue_alternation("page_cues.tsv", "credit-outlet-end")
_META_FIELDS = cue_alternation("page_cues.tsv", "meta-field")

__all__ = [
    "DATELINE",
    "credits_in",
    "dateline",
    "is_byline_line",
    "is_meta_line",
    "parse_date",
    "photo_credits",
    "plausible_name",
    "source_of",
    "trailing_author",
    "trailing_credits",
]

# A name never runs into the next credit (``马学礼通讯员邱春强``).
_NAME_CHAR = rf"(?:(?!{_CREDIT_WORDS}|[一二三初复终]审|{_EDITOR_WORDS}){CJK})"
_NAME = rf"{_NAME_CHAR}{{2,4}}(?:·{_NAME_CHAR}{{1,6}})?"
_ROLES = credit_roles()
_ROLE = alternation(_ROLES)
_CREDIT = re.compile(rf"(?P<role>{_ROLE})[\s:：/]*(?P<names>{_NAME}(?:[\s、,，]+{_NAME})*)")
_SPLIT_NAMES = re.compile(r"[\s、,，]+")

_ISO_DATE = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})(?!\d)"
)
_DMY_DATE = re.compile(r"(?<!\d)(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>(?:19|20)\d{2})(?!\d)")

#: The opening of a news body: ``本报讯``, ``鲁中网淄博6月28日讯``, ``新华社北京6月1日电``,
#: optionally followed by a bracketed credit.
DATELINE = re.compile(
    rf"^(?P<head>(?P<outlet>本报|{CJK}{{1,10}}?(?:{_DATELINE_OUTLET_ENDS}))"
    rf"{CJK}{{0,8}}?(?:(?P<m>\d{{1,2}})月(?P<d>\d{{1,2}})日)?(?:讯|电)(?!员))"
    r"\s*(?:[(（](?P<credit>[^()（）\n]{1,80})[)）])?"
)
#: The outlets a credit line may name before its roles (工人日报-中工网记者 马学礼).
_OUTLET_PREFIX = rf"(?:{CJK}{{2,10}}?(?:{_CREDIT_OUTLET_ENDS})[-—－/]?)*"
_BYLINE_LINE = re.compile(
    rf"^{_OUTLET_PREFIX}(?:(?:{_ROLE})[\s:：/]*{_NAME}(?:[\s、,，]+{_NAME})*\s*)+$"
)
_SOURCE = re.compile(r"^(?:来源|稿源|出处|来自)\s*[:：]\s*(?P<source>[^\s|丨]{2,30})")
#: ``来源:`` after other fields of a metadata line (时间: 2014-03-12 来源: 东方网).
_SOURCE_IN_META = re.compile(
    rf"(?:^|\s)(?:来源|稿源)\s*[:：]\s*(?P<source>[{CJK_RANGES}A-Za-z0-9]{{2,20}})"
)
#: A paper's masthead with its issue: 《工人日报》(2026年01月20日 02版).
_MASTHEAD = re.compile(r"^《(?P<source>[^《》]{2,12}(?:报|刊))》\s*[(（][^()（）]{0,40}[)）]\s*$")
_PROVIDED = re.compile(rf"^本版(?:文图|图文|稿件)?由(?P<source>{CJK}{{2,30}}?)提供")
_PHOTO = re.compile(
    rf"(?:(?:本报)?(?:摄影记者|记者|通讯员)\s*|(?<=[。！？”])\s*|^)"
    rf"(?P<names>{_NAME}(?:\s+{_NAME})*)\s*摄\s*$"
)
_TRAILING = re.compile(rf"[(（](?P<name>{_NAME})[)）]\s*$")
_TRAILING_CREDIT = re.compile(rf"[(（](?P<credit>(?:{_ROLE})[^()（）]{{2,40}})[)）]\s*$")
_META_LINE = re.compile(
    rf"^(?:(?:{_META_FIELDS})\s*[:：].{{0,40}}|"
    r"[\d\s:./\-年月日]{8,30}(?:(?:来源|稿源|作者)\s*[:：]\s*[^\s]{2,20}\s*)*)$"
)


def parse_date(text: str) -> str | None:
    """The first valid calendar date in ``text``, as ISO ``YYYY-MM-DD``.

    >>> parse_date("2022-06-28 13:30:30"), parse_date("2024年10月30日"), parse_date("今年3月")
    ('2022-06-28', '2024-10-30', None)
    """
    for pattern in (_ISO_DATE, _DMY_DATE):
        for match in pattern.finditer(text):
            try:
                day = dt.date(int(match["y"]), int(match["m"]), int(match["d"]))
            except ValueError:
                continue
            return day.isoformat()
    return None


def dateline(line: str) -> re.Match[str] | None:
    """Match a news dateline at the start of ``line``.

    >>> dateline("鲁中网淄博6月28日讯(记者 陈佳汐)6月28日,淄博市")["outlet"]
    '鲁中网'
    """
    return DATELINE.match(line)


def credits_in(text: str, offset: int, default_role: str | None = None) -> list[Byline]:
    """Bylines in a credit string such as ``记者马学礼 李静楠 通讯员邱春强``.

    ``offset`` is where ``text`` starts in the clean text. With ``default_role``, a
    credit that names no role (``本报讯(李洁)``) credits its names with that role.

    >>> [(b.role, b.name) for b in credits_in("李洁", 0, "author")]
    [('author', '李洁')]
    """
    found: list[Byline] = []
    if default_role and not _CREDIT.search(text):
        parts = [p for p in _SPLIT_NAMES.split(text.strip()) if p]
        if parts and all(plausible_name(p) for p in parts):
            pos = 0
            for part in parts:
                start = text.index(part, pos)
                found.append(Byline(default_role, part, offset + start, offset + start + len(part)))
                pos = start + len(part)
        return found
    for match in _CREDIT.finditer(text):
        role = _ROLES[match["role"]]
        pos = match.start("names")
        for part in _SPLIT_NAMES.split(match["names"]):
            if not looks_like_name(part):
                break
            start = text.index(part, pos)
            found.append(Byline(role, part, offset + start, offset + start + len(part)))
            pos = start + len(part)
    return found


#: Last characters of outlets and bodies, not of names (鲁中网, 电视台).
_NOT_NAME_END = set("网报台社局厅院校所部处室站队组团会")


def plausible_name(text: str) -> bool:
    """A personal name that is no ordinary word (李洁 yes; 前言, 单位 no).

    >>> plausible_name("李玉波"), plausible_name("单位"), plausible_name("鲁中网")
    (True, False, False)
    """
    return (
        looks_like_name(text)
        and text[-1] not in _NOT_NAME_END
        and not is_common_word(text, 20)
        and not (len(text) >= 3 and is_common_word(text[-2:], 80))
    )


def is_byline_line(line: str) -> bool:
    """A line that holds only credits, such as ``记者 孙妙鸿``.

    >>> is_byline_line("记者 孙妙鸿"), is_byline_line("记者提问")
    (True, False)
    >>> is_byline_line("工人日报-中工网记者 马学礼 李静楠 通讯员 蔺志宁 田雅琪")
    True
    """
    return bool(_BYLINE_LINE.match(line)) and bool(credits_in(line, 0))


def is_meta_line(line: str) -> bool:
    """A line of page metadata: a date or time, ``来源:``, ``发布时间:``.

    >>> is_meta_line("来源:鲁中网"), is_meta_line("28.06.2016  10:51"), is_meta_line("标题")
    (True, True, False)
    """
    return bool(_META_LINE.match(line))


def source_of(line: str) -> str | None:
    """The outlet named by a ``来源:`` or ``本版文图由…提供`` line.

    >>> source_of("来源:鲁中网"), source_of("本版文图由银川市总工会新闻中心提供")
    ('鲁中网', '银川市总工会新闻中心')
    >>> source_of("《工人日报》(2026年01月20日 02版)")
    '工人日报'
    >>> source_of("时间: 2014-03-12 来源: 东方网"), source_of("2023-07-29 17:59:16   来源:天眼新闻")
    ('东方网', '天眼新闻')

    """
    match = _SOURCE.match(line) or _PROVIDED.match(line) or _MASTHEAD.match(line)
    if match is None and is_meta_line(line):
        match = _SOURCE_IN_META.search(line)
    return match["source"] if match else None


def photo_credits(line: str, offset: int) -> list[Byline]:
    """Photographers credited at the end of a caption (``本报记者 刘金梦 摄``)."""
    match = _PHOTO.search(line)
    if not match:
        return []
    return [
        Byline("photographer", b.name, b.start, b.end)
        for b in credits_in(match["names"], offset + match.start("names"), "photographer")
    ]


_SENTENCE_ENDS = FULL_STOPS + "!?”"  # before a byline that follows a sentence


_TRAILING_NAMES = re.compile(rf"[(（](?P<credit>{_NAME}(?:\s+{_NAME})+)[)）]\s*$")


def trailing_credits(line: str, offset: int) -> list[Byline]:
    """Credits in brackets closing a story: ``…予以通报。(记者孙晓陵、通讯员姚超)``.

    >>> [(b.role, b.name) for b in trailing_credits("予以通报。(记者孙晓陵、通讯员姚超)", 0)]
    [('reporter', '孙晓陵'), ('correspondent', '姚超')]
    >>> [(b.role, b.name) for b in trailing_credits("传统竞赛。(张杨 金鑫)", 0)]
    [('author', '张杨'), ('author', '金鑫')]
    """
    match = _TRAILING_CREDIT.search(line) or _TRAILING_NAMES.search(line)
    if not match or match.start() == 0 or line[match.start() - 1] not in _SENTENCE_ENDS:
        return []
    return credits_in(match["credit"], offset + match.start("credit"), "author")


def trailing_author(line: str, offset: int) -> Byline | None:
    """An author credited in brackets at the very end of a story: ``…权益。(赵凤兰)``.

    >>> trailing_author("维护劳动安全权益。(赵凤兰)", 0)
    Byline(role='author', name='赵凤兰', start=10, end=13)
    >>> trailing_author("管理办法(试行)", 0) is None
    True
    """
    match = _TRAILING.search(line)
    if not match or match.start() == 0 or line[match.start() - 1] not in _SENTENCE_ENDS:
        return None
    if not looks_like_name(match["name"]):
        return None
    return Byline("author", match["name"], offset + match.start("name"), offset + match.end("name"))
