"""Cleaners: small pure functions composed into a pipeline (textacy style).

Each cleaner takes a ``str`` and returns a ``str``; given an
:class:`~kg.text.AlignedText` it returns one, so the pipeline keeps a map
from clean offsets back to the original file's text.

>>> remove_pinyin_annotations("產(chǎn)業(yè)工人")
'產業工人'
>>> make_pipeline(remove_pinyin_annotations, simplify)("產(chǎn)業(yè)工人")
'产业工人'
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator
from functools import wraps
from typing import TypeVar, overload

from kg.corpus import resources as R
from kg.corpus.charfreq import COMMON_RANK, char_rank
from kg.corpus.simplify import to_simplified
from kg.errors import Errors, KGError
from kg.text import CJK, CJK_RANGES, SENTENCE_ENDS, AlignedText, Piece, is_cjk

__all__ = [
    "CLEANERS",
    "DEFAULT_PIPELINE",
    "Cleaner",
    "clean",
    "drop_furniture_lines",
    "drop_link_lists",
    "drop_repeated_lines",
    "join_broken_lines",
    "make_pipeline",
    "normalize_whitespace",
    "normalize_width",
    "remove_hidden_elements",
    "remove_mojibake",
    "remove_pinyin_annotations",
    "remove_spaces_inside_words",
    "simplify",
    "strip_html",
    "tidy_lines",
]

T = TypeVar("T", str, AlignedText)
AlignedFn = Callable[[AlignedText], AlignedText]


class Cleaner:
    """A named cleaner usable on ``str`` (pure) or on ``AlignedText``."""

    def __init__(self, func: AlignedFn) -> None:
        wraps(func)(self)
        self.name = func.__name__
        self._func = func

    @overload
    def __call__(self, text: str) -> str: ...
    @overload
    def __call__(self, text: AlignedText) -> AlignedText: ...
    def __call__(self, text: str | AlignedText) -> str | AlignedText:
        if isinstance(text, str):
            return self._func(AlignedText.identity(text)).text
        return self._func(text)

    def __repr__(self) -> str:
        return f"<cleaner {self.name}>"


CLEANERS: dict[str, Cleaner] = {}


def cleaner(func: AlignedFn) -> Cleaner:
    """Register ``func`` as a cleaner under its own name."""
    wrapped = Cleaner(func)
    CLEANERS[func.__name__] = wrapped
    return wrapped


def make_pipeline(*cleaners: Cleaner) -> Cleaner:
    """Compose cleaners left to right into one cleaner."""

    def pipeline(text: AlignedText) -> AlignedText:
        for step in cleaners:
            text = step(text)
        return text

    pipeline.__name__ = "+".join(c.name for c in cleaners)
    return Cleaner(pipeline)


def _lines(text: str) -> Iterator[tuple[int, int]]:
    """Yield ``(start, end)`` of each line, without its newline."""
    pos = 0
    for line in text.split("\n"):
        yield pos, pos + len(line)
        pos += len(line) + 1


# -- characters ---------------------------------------------------------------

_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x0b\x0c\x85]")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")


@cleaner
def normalize_whitespace(text: AlignedText) -> AlignedText:
    """Unify line breaks to ``\\n`` and drop zero-width characters.

    >>> normalize_whitespace("安康\\r\\n市\\u200b总工会")
    '安康\\n市总工会'
    """
    return text.sub(_NEWLINES, "\n").sub(_INVISIBLE, "")


@cleaner
def normalize_width(text: AlignedText) -> AlignedText:
    """Fold full-width digits, letters, brackets and colons to ASCII.

    >>> normalize_width("（记者　孙妙鸿）２０２４")
    '(记者 孙妙鸿)2024'
    """
    return text.map_lines(lambda s: s.translate(R.WIDTH_TABLE))


# -- HTML ---------------------------------------------------------------------


@cleaner
def remove_hidden_elements(text: AlignedText) -> AlignedText:
    """Remove elements hidden from readers, with their content.

    Also catches a hidden tag whose ``<`` was lost, running to the end of the line.

    >>> remove_hidden_elements('答卷?span style="display:none">jX8安康新闻网\\n正文')
    '答卷\\n正文'
    """
    for element, end in R.INVISIBLE_ELEMENTS:
        text = text.sub(_before_last(element, end, text.text), "")
    text = text.sub(_before_last(R.HTML_COMMENT, R.HTML_COMMENT_END, text.text), "")
    return text.sub(R.HIDDEN_ELEMENT, "")


class _Within:
    """A pattern searched in ``text[:end]`` only (what :meth:`AlignedText.sub` needs)."""

    def __init__(self, pattern: re.Pattern[str], end: int) -> None:
        self.pattern, self.end = pattern, end

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.pattern.finditer(text, 0, self.end)


def _before_last(pattern: re.Pattern[str], end: re.Pattern[str], text: str) -> _Within:
    """``pattern`` (an element up to its closing token) searched only before the last
    closing token of ``text``: past it nothing can match, and without the bound each
    unclosed opener would scan to the end of the text (quadratic)."""
    last = 0
    for last_match in end.finditer(text):
        last = last_match.end()
    return _Within(pattern, last)


def _unescape(match: re.Match[str]) -> str:
    value = html.unescape(match.group(0))
    return " " if value == "\xa0" else value


@cleaner
def strip_html(text: AlignedText) -> AlignedText:
    """Turn markup into text: block tags become line breaks, entities are decoded.

    >>> strip_html("<p>工会&amp;职工</p><p>驿站<br/>服务</p>")
    '\\n工会&职工\\n\\n驿站\\n服务\\n'
    """
    return text.sub(R.BLOCK_TAG, "\n").sub(R.HTML_TAG, "").sub(R.HTML_ENTITY, _unescape)


# -- artefacts of scraping ----------------------------------------------------


@cleaner
def remove_pinyin_annotations(text: AlignedText) -> AlignedText:
    """Remove a bracketed pinyin reading after a character; keep real brackets.

    >>> remove_pinyin_annotations("產(chǎn)業(yè)")
    '產業'
    >>> remove_pinyin_annotations("玖龙纸业(太仓)有限公司,職工(勞模、工匠)")
    '玖龙纸业(太仓)有限公司,職工(勞模、工匠)'
    """
    return text.sub(R.PINYIN_ANNOTATION, "")


_RESIDUE = re.compile(r"[a-zü" + "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ" + r"]{1,6}\)")


_ASCII_PUNCT = set("!\"#$%&'*")


def _is_rare(ch: str) -> bool:
    return is_cjk(ch) and char_rank(ch) >= COMMON_RANK


def _mojibake_end(text: str, start: int) -> int:
    """End of a mojibake run whose marker is at ``start``, or ``start`` if none."""
    i = start + 1
    residue = _RESIDUE.match(text, i)
    if residue:
        i = residue.end()
    while i < len(text) and i - start <= 2 and text[i] in _ASCII_PUNCT:
        i += 1  # 版?!盵1]: the bytes of a closing quote and full stop, misread
    j = i
    while j < len(text):
        ch = text[j]
        rare_here = _is_rare(ch) or (j + 1 < len(text) and _is_rare(text[j + 1]))
        if (is_cjk(ch) and rare_here) or (ch.isascii() and ch.isalpha() and j > i):
            j += 1
        else:
            break
    if residue or any(_is_rare(ch) for ch in text[i:j]):
        return j
    return start


@cleaner
def remove_mojibake(text: AlignedText) -> AlignedText:
    """Remove runs of decoding garbage so they never reach entity names.

    A run starts at an ASCII ``?`` or U+FFFD inside CJK text and covers what
    follows while it is pinyin residue or rare characters.

    >>> remove_mojibake("彰顯擔當?shù)哪甓却鹁怼\\n舉旗鑄魂")
    '彰顯擔當\\n舉旗鑄魂'
    >>> remove_mojibake("为什么?因为")
    '为什么?因为'
    >>> remove_mojibake("打造工会工作升级版?!盵1]在信息化")
    '打造工会工作升级版1]在信息化'
    """
    pieces: list[Piece] = []
    last = 0
    for marker in R.MOJIBAKE_MARKER.finditer(text.text):
        if marker.start() < last:
            continue
        end = _mojibake_end(text.text, marker.start())
        if end > marker.start():
            pieces += [(last, marker.start())]
            last = end
    if not pieces:
        return text.sub(R.MOJIBAKE_LITERAL, "")
    pieces.append((last, len(text)))
    return text.rebuild(pieces).sub(R.MOJIBAKE_LITERAL, "")


@cleaner
def simplify(text: AlignedText) -> AlignedText:
    """Traditional to simplified Chinese (OpenCC t2s, plus what it misses).

    >>> simplify("寧陜縣總工會")
    '宁陕县总工会'
    """
    return text.map_lines(to_simplified)


# -- lines --------------------------------------------------------------------


def _keep_lines(text: AlignedText, keep: Callable[[int, str, str], bool]) -> AlignedText:
    """Keep the lines for which ``keep(index, stripped_line, previous_kept)`` holds."""
    pieces: list[Piece] = []
    previous = ""
    changed = False
    for index, (a, b) in enumerate(_lines(text.text)):
        line = text.text[a:b].strip()
        end = min(b + 1, len(text))
        if keep(index, line, previous):
            pieces.append((a, end))
            if line:
                previous = line
        else:
            changed = True
    return text.rebuild(pieces) if changed else text


@cleaner
def tidy_lines(text: AlignedText) -> AlignedText:
    """Strip each line and drop blank lines, so paragraphs are single lines.

    >>> tidy_lines("  标题 \\n\\n\\n  正文。\\n")
    '标题\\n正文。\\n'
    """
    text = text.sub(re.compile(r"[ \t]+(?=\n|$)|(?<=\n)[ \t]+|^[ \t]+"), "")
    return _keep_lines(text, lambda _i, line, _p: bool(line))


@cleaner
def drop_furniture_lines(text: AlignedText) -> AlignedText:
    """Drop page furniture: copyright notices, share/print bars, editor credits.

    >>> drop_furniture_lines("正文。\\n本栏目所有稿件版权归鲁中网所有,未经授权不得转载。\\n")
    '正文。\\n'
    >>> drop_furniture_lines("正文。\\n下一篇\\n金华:如何分享高铁带来的同城效应\\n")
    '正文。\\n'
    """
    label_before = False  # a bare 上一篇 / 下一篇 line: the next line is the link's title

    def keep(_index: int, line: str, _previous: str) -> bool:
        nonlocal label_before
        if not line:
            return True
        if label_before:
            label_before = False
            return False
        label_before = bool(R.LINK_LABEL_LINE.match(line))
        return not R.FURNITURE_LINE.match(line)

    return _keep_lines(text, keep)


def is_link_list(line: str) -> bool:
    """A line of short fields between separators and no sentence: a menu or a spam list.

    >>> is_link_list("浦北县| 百色市| 义乌市| 南宁市| 嘉禾县| 孝义市| 平顶山市|")
    True
    >>> is_link_list("首页 > 新闻中心 > 工会动态 > 基层风采 > 正文 > 图片")
    True
    >>> is_link_list("记者 张三 通讯员 李四 王五 赵六")
    False
    >>> is_link_list("元江| 黔西县| 都匀市| 雷山")
    True
    >>> is_link_list("快讯 ·第四届北京珠宝展 ...·大理白族文化周举办 ...·第4届北京国际电影节 ...")
    True
    >>> is_link_list("市总工会、区总工会、县总工会、镇总工会、街道工会、企业工会负责人参加。")
    False
    """
    line = line.strip()
    cut = [f for f in R.TICKER_SEPARATOR.split(line) if R.TICKER_FIELD_END.search(f)]
    if len(cut) >= R.TICKER_MIN_CUT:
        return True  # a ticker of headlines cut short with ...
    fields = [f for f in R.LINK_SEPARATOR.split(line) if f]
    least = R.LINK_LIST_MIN_FIELDS if line.count("|") + line.count("｜") < 3 else 3
    if len(fields) < least:
        fields, least = [f for f in R.LINK_SPACE.split(line) if f], R.LINK_LIST_MIN_WORDS
    return len(fields) >= least and all(R.LINK_FIELD.match(f) for f in fields)


@cleaner
def drop_link_lists(text: AlignedText) -> AlignedText:
    """Drop menus, breadcrumbs and spam lists of links (see :func:`is_link_list`).

    >>> drop_link_lists("正文。\\n浦北县| 百色市| 义乌市| 南宁市| 嘉禾县| 孝义市|\\n")
    '正文。\\n'
    """
    return _keep_lines(text, lambda _i, line, _p: not is_link_list(line))


@cleaner
def drop_repeated_lines(text: AlignedText) -> AlignedText:
    """Drop a short line repeating the line before it (site headers, menus).

    >>> drop_repeated_lines("鲁中网\\n鲁中网\\n标题\\n")
    '鲁中网\\n标题\\n'
    """
    return _keep_lines(text, lambda _i, line, prev: not (line and line == prev and len(line) < 40))


_BODY_PUNCT = re.compile(r"[,，。;；]")
_LINE_END_OK = set(SENTENCE_ENDS) | set("”’」』)）》】:：")
_CAPTION_MAX = 40
_BODY_MIN = 30


def _is_body(line: str) -> bool:
    return len(line) >= _BODY_MIN and bool(_BODY_PUNCT.search(line))


_PHOTO_CREDIT_END = re.compile(rf"[{CJK_RANGES}]{{2,4}}\s+摄$")


def _is_broken(line: str) -> bool:
    """A body line that stops in the middle of a sentence (not at a photo credit)."""
    return _is_body(line) and line[-1] not in _LINE_END_OK and not _PHOTO_CREDIT_END.search(line)


def _is_caption(line: str) -> bool:
    return len(line) <= _CAPTION_MAX and line.endswith("。")


@cleaner
def join_broken_lines(text: AlignedText) -> AlignedText:
    """Join a paragraph cut in the middle of a sentence with its continuation.

    A photo caption printed inside the cut is moved after the joined paragraph.

    >>> body = "当地产业工人队伍结构发生很大改变,近些年来致力于转型发展," * 2
    >>> cut = "组成情况较为\\n复杂。面对这种局面,市总工会把产业工人队伍建设改革作为首要任务。\\n"
    >>> join_broken_lines(body + cut)[-39:]
    '组成情况较为复杂。面对这种局面,市总工会把产业工人队伍建设改革作为首要任务。\\n'
    >>> rest = "场高温慰问、送清凉快闪活动,并布设清凉角,提供清凉饮品和防暑药品,助力劳动者度夏。\\n"
    >>> out = join_broken_lines(body + "开展30余\\n到鼓浪屿开展疗休养活动。\\n" + rest)
    >>> out.splitlines()[1]
    '到鼓浪屿开展疗休养活动。'
    """
    lines = [(a, b) for a, b in _lines(text.text) if b > a]
    pieces: list[Piece] = []
    i = 0
    while i < len(lines):
        a, b = lines[i]
        line = text.text[a:b]
        nxt = text.text[slice(*lines[i + 1])] if i + 1 < len(lines) else ""
        after = text.text[slice(*lines[i + 2])] if i + 2 < len(lines) else ""
        if not (_is_broken(line) and _is_cjk_start(nxt)):
            pieces.append((a, min(b + 1, len(text))))
            i += 1
        elif _is_body(nxt) or (_is_caption(nxt) and _open_quote(line)):
            pieces.append((a, b))  # the next line continues this one
            i += 1
        elif _is_caption(nxt) and _is_body(after):
            pieces += [(a, b), (lines[i + 2][0], lines[i + 2][1] + 1)]
            pieces.append((lines[i + 1][0], lines[i + 1][1] + 1))
            i += 3
        else:  # a heading or the end of a truncated page follows: leave the cut
            pieces.append((a, min(b + 1, len(text))))
            i += 1
    return text.rebuild(pieces)


def _open_quote(line: str) -> bool:
    """Whether a quotation opened in ``line`` is still open at its end."""
    return line.count("“") > line.count("”") or line.count("‘") > line.count("’")


def _is_cjk_start(line: str) -> bool:
    return bool(line) and (is_cjk(line[0]) or line[0].isdigit() or line[0] in "、,，。")


_SPACES_IN_WORD = re.compile(rf"(?<={CJK})[ \t]{{2,}}(?={CJK})")


@cleaner
def remove_spaces_inside_words(text: AlignedText) -> AlignedText:
    """Remove runs of spaces between ideographs inside body paragraphs.

    Titles keep their single separating spaces (``学技术 练技能 比服务``).

    >>> line = "要想发  挥工会组织在经济社会发展中的作用,必须从基层抓起,把基层服务做实做好。"
    >>> remove_spaces_inside_words(line)
    '要想发挥工会组织在经济社会发展中的作用,必须从基层抓起,把基层服务做实做好。'
    """
    pieces: list[Piece] = []
    changed = False
    for a, b in _lines(text.text):
        line = text.text[a:b]
        end = min(b + 1, len(text))
        if not _is_body(line) or not _SPACES_IN_WORD.search(line):
            pieces.append((a, end))
            continue
        changed = True
        last = a
        for m in _SPACES_IN_WORD.finditer(line):
            pieces.append((last, a + m.start()))
            last = a + m.end()
        pieces.append((last, end))
    return text.rebuild(pieces) if changed else text


DEFAULT_PIPELINE: tuple[str, ...] = (
    "normalize_whitespace",
    "remove_hidden_elements",
    "strip_html",
    "remove_pinyin_annotations",
    "remove_mojibake",
    "simplify",
    "normalize_width",
    "tidy_lines",
    "drop_furniture_lines",
    "drop_link_lists",
    "drop_repeated_lines",
    "join_broken_lines",
    "remove_spaces_inside_words",
)


def build_pipeline(names: tuple[str, ...] = DEFAULT_PIPELINE) -> Cleaner:
    """Build a cleaning pipeline from cleaner names (as a config would list them)."""
    unknown = [n for n in names if n not in CLEANERS]
    if unknown:
        raise KGError(Errors.E120, name=unknown[0], known=", ".join(sorted(CLEANERS)))
    return make_pipeline(*(CLEANERS[n] for n in names))


def clean(text: T) -> T:
    """Run the default pipeline.

    >>> clean("中衛(wèi)市總工會\\n")
    '中卫市总工会\\n'
    """
    return build_pipeline()(text)
