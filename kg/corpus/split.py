"""Split a clean page into stories and read each story's metadata.

A newspaper page holds several stories. A story starts at its headline block:
the short unpunctuated lines just before a dateline (``本报讯(记者…)``), before a
photo caption with a photographer's credit, or around a ``——`` subtitle. Context
such as "which city is 市总工会 here" belongs to the story, not the page.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from itertools import pairwise

from kg.corpus import metadata as M
from kg.corpus.simplify import to_simplified
from kg.text import SENTENCE_ENDS
from kg.types import Byline, Story

__all__ = ["Line", "classify", "split_stories"]

_HEADING_MAX = 60
_NOT_HEADING_END = set(SENTENCE_ENDS) | set(",，、:：")


@dataclass(frozen=True, slots=True)
class Line:
    """A non-empty line of the clean text and what it looks like."""

    start: int
    end: int
    text: str
    kind: str  # dateline | photo | credit | subtitle | heading | meta | byline | body


def classify(text: str) -> list[Line]:
    """Cut ``text`` into non-empty lines and label each.

    >>> page = "河南实施工程\\n本报讯(记者余嘉熙)近日,河南省总工会印发办法。\\n"
    >>> [line.kind for line in classify(page)]
    ['heading', 'dateline']
    """
    lines: list[Line] = []
    pos = 0
    for raw in text.split("\n"):
        start, pos = pos, pos + len(raw) + 1
        line = raw.strip()
        if not line:
            continue
        start += raw.index(line[0])
        lines.append(Line(start, start + len(line), line, _kind(line)))
    return lines


def _kind(line: str) -> str:
    if M.dateline(line) and M.dateline(line)["head"]:  # type: ignore[index]
        return "dateline"
    if M.is_byline_line(line):
        return "byline"
    if M.is_meta_line(line) or M.source_of(line):
        return "meta"
    if M.photo_credits(line, 0):
        # a credit line of its own belongs to the story above; a caption ending in one
        # is a story of its own (a photo story)
        return "credit" if line.startswith(("本报", "记者", "通讯员", "摄影")) else "photo"
    if len(line) <= _HEADING_MAX and line[-1] not in _NOT_HEADING_END:
        return "subtitle" if line.startswith(("——", "—", "--")) else "heading"
    return "body"


_ANCHORS = {"dateline", "photo", "subtitle"}
_HEAD_BLOCK = {"heading", "meta", "byline", "subtitle"}


def _story_starts(lines: list[Line]) -> list[int]:
    starts: list[int] = []
    floor = 0
    for i, line in enumerate(lines):
        if line.kind not in _ANCHORS:
            continue
        j = i
        while j > floor and lines[j - 1].kind in _HEAD_BLOCK:
            j -= 1
        if line.kind == "subtitle" and j == i:
            continue  # a dash line with no headline above it is just text
        if not starts or j > starts[-1]:
            starts.append(j)
        floor = i + 1
    if not starts or starts[0] != 0:
        starts.insert(0, 0)
    return starts


def _story(index: int, block: list[Line], doc_meta: Mapping[str, str]) -> Story:
    head: list[Line] = []
    for line in block:
        if line.kind not in _HEAD_BLOCK:
            break
        head.append(line)
    first_body = block[len(head)] if len(head) < len(block) else None

    outlet = None
    date = None
    bylines: list[Byline] = []
    for line in head:
        outlet = outlet or M.source_of(line.text)
        if line.kind == "meta" or M.source_of(line.text):
            date = date or M.parse_date(line.text)
            # 时间:… 来源:工人日报 编辑:张兰琴
            bylines += [b for b in M.credits_in(line.text, line.start) if b.role == "editor"]
        if line.kind == "byline":
            bylines += M.credits_in(line.text, line.start, "author")
    if first_body is not None and first_body.kind == "dateline":
        match = M.dateline(first_body.text)
        assert match is not None
        if match["outlet"] != "本报":
            outlet = outlet or match["outlet"]
        if match["credit"]:
            start = first_body.start + match.start("credit")
            bylines += M.credits_in(match["credit"], start, "author")
    for line in block[len(head) :]:
        if line.kind == "byline":
            bylines += M.credits_in(line.text, line.start)
        bylines += M.photo_credits(line.text, line.start)
    last = block[-1]
    author = M.trailing_author(last.text, last.start)
    if author:
        bylines.append(author)
    bylines += M.trailing_credits(last.text, last.start)

    outlet = outlet or doc_meta.get("source")
    date = date or M.parse_date(doc_meta.get("date", ""))
    furniture = {outlet, doc_meta.get("source")}
    headlines = tuple(
        line.text
        for line in head
        if line.kind in {"heading", "subtitle"} and line.text not in furniture
    )
    title = to_simplified(doc_meta["title"]) if index == 0 and doc_meta.get("title") else None
    if title and not headlines:
        headlines = (title,)
    elif title:
        # a heading line that holds the page's title among navigation (首页 | 新闻 | 分享到…)
        headlines = tuple(title if title in line and line != title else line for line in headlines)
    return Story(
        index=index,
        start=block[0].start,
        end=block[-1].end,
        headlines=headlines,
        date=date,
        outlet=outlet,
        bylines=tuple(dict.fromkeys(bylines)),
    )


def split_stories(text: str, doc_meta: Mapping[str, str] | None = None) -> list[Story]:
    """Split a clean page into stories with their metadata.

    ``doc_meta`` carries what the container gave (jsonl fields, HTML head):
    title, date, source; a page-level date or ``来源:`` line fills stories that
    have none of their own.

    >>> page = "标题一\\n本报讯(记者王强)正文。\\n标题二\\n本报讯(通讯员李阳)正文二。\\n"
    >>> [(s.title, [b.name for b in s.bylines]) for s in split_stories(page)]
    [('标题一', ['王强']), ('标题二', ['李阳'])]
    """
    meta = dict(doc_meta or {})
    lines = classify(text)
    if not lines:
        return []
    # Names alone on one of the first lines are the authors' credit (李玉波 / 2022年02月09日;
    # 叶小钟 赵思远)
    for i, first in enumerate(lines[:4]):
        names = first.text.split()
        if (
            first.kind == "heading"
            and 1 <= len(names) <= 4
            and all(len(n) <= 4 and M.plausible_name(n) for n in names)
        ):
            lines[i] = Line(first.start, first.end, first.text, "byline")
    page_lines = [line.text for line in lines[:8] if line.kind == "meta"]
    page_lines += [line.text for line in lines if M.source_of(line.text)]
    for line in page_lines:
        if "date" not in meta and (date := M.parse_date(line)):
            meta["date"] = date
        if "source" not in meta and (source := M.source_of(line)):
            meta["source"] = source
    starts = _story_starts(lines)
    bounds = [*starts, len(lines)]
    return [
        _story(index, lines[a:b], meta) for index, (a, b) in enumerate(pairwise(bounds)) if b > a
    ]
