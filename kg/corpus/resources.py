"""Precompiled regexes and small tables used by the cleaners (textacy style)."""

from __future__ import annotations

import re

from kg.text import CJK
from kg.vocab.lexicon import cue_alternation

_PAGE_BUTTONS = cue_alternation("page_cues.tsv", "page-button")
_PAGE_TOOLBAR = cue_alternation("page_cues.tsv", "page-toolbar")

__all__ = [
    "BLOCK_TAG",
    "FURNITURE_LINE",
    "HIDDEN_ELEMENT",
    "HTML_COMMENT",
    "HTML_COMMENT_END",
    "HTML_ENTITY",
    "HTML_TAG",
    "INVISIBLE_ELEMENTS",
    "LINK_FIELD",
    "LINK_LABEL_LINE",
    "LINK_LIST_MIN_FIELDS",
    "LINK_LIST_MIN_WORDS",
    "LINK_SEPARATOR",
    "LINK_SPACE",
    "MOJIBAKE_LITERAL",
    "MOJIBAKE_MARKER",
    "OPENCC_MISSES",
    "PINYIN_ANNOTATION",
    "TICKER_FIELD_END",
    "TICKER_MIN_CUT",
    "TICKER_SEPARATOR",
    "WIDTH_TABLE",
]


_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_V = f"[aeiouüv{_TONED}]"
# A pinyin syllable, loosely: optional initial, then a final made of vowels and
# an optional n/ng/r coda; tone marks or a trailing tone digit allowed.
_SYLLABLE = rf"(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?{_V}{{1,3}}(?:ng|n|r)?[1-5]?"

#: ``產(chǎn)`` -> ``產``: a bracketed pinyin syllable right after a CJK character.
#: The syllable must carry a tone mark or digit, or be one of the toneless
#: readings of structural particles, so real brackets such as ``(太仓)`` or
#: ``(ltd)`` survive.
PINYIN_ANNOTATION = re.compile(
    rf"(?<={CJK})[(（]\s*(?=[a-zü{_TONED}]*[{_TONED}1-5]|(?:de|le|men|zi|me|ne|ma|ba)\s*[)）])"
    rf"{_SYLLABLE}(?:\s+{_SYLLABLE})?\s*[)）]",
    re.IGNORECASE,
)

#: A corruption marker inside CJK text: an ASCII ``?`` or U+FFFD right after an
#: ideograph (Chinese text uses the full-width ``？``).
MOJIBAKE_MARKER = re.compile(rf"(?<={CJK})[?\ufffd]")
#: Classic mojibake strings that survive any decoding.
MOJIBAKE_LITERAL = re.compile(r"(?:锟斤拷|烫烫烫|屯屯屯|\ufffd)+")

HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
#: Where an HTML comment can end: a comment is only searched for before the last one.
HTML_COMMENT_END = re.compile(r"-->")
#: Elements whose content is never text, each with where it can end.
INVISIBLE_ELEMENTS = tuple(
    (
        re.compile(rf"<{tag}\b[^>]*>.*?</{tag}\s*>", re.DOTALL | re.IGNORECASE),
        re.compile(rf"</{tag}\s*>", re.IGNORECASE),
    )
    for tag in ("script", "style", "noscript", "template", "head")
)
#: An element hidden from readers. Its ``<`` may have been lost to corruption
#: (seed 003 has ``?span style="display:none">``), and its closing tag may be
#: missing, in which case the hidden text runs to the end of the line. Every run is
#: bounded (a tag's attributes, a hidden element's length), so that no text makes the
#: search quadratic.
HIDDEN_ELEMENT = re.compile(
    r"(?:<|[?\ufffd]|(?<![\w\"'=]))(?P<tag>[a-zA-Z][a-zA-Z0-9]{0,15})\b"
    r"[^<>\n]{0,200}?(?:display\s*:\s*none|visibility\s*:\s*hidden|\shidden(?=[\s>/])|"
    r"aria-hidden\s*=\s*[\"']?true)[^<>\n]{0,200}>"
    r"(?:.{0,20000}?</(?P=tag)\s*>|[^\n]*)",
    re.IGNORECASE | re.DOTALL,
)
#: Tags that end a block of visible text (become a line break).
BLOCK_TAG = re.compile(
    r"</?(?:p|div|br|li|ul|ol|h[1-6]|tr|table|section|article|header|footer|blockquote|"
    r"title|dd|dt|figcaption)\b[^<>]*>",
    re.IGNORECASE,
)
HTML_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?/?>|<![^<>]*>")
HTML_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});")


#: Lines that belong to the page, not the story: copyright notices, share and
#: print buttons, counters; matched against a whole stripped line. (Editorial credits
#: are bylines: their people are named.)
FURNITURE_LINE = re.compile(
    r"^(?:"
    r".{0,30}版权(?:所有|归|声明).{0,60}|"
    r".{0,20}(?:未经(?:授权|许可)|不得转载).{0,40}|"
    rf"(?:{_PAGE_BUTTONS})\s*[:：]?.{{0,30}}|"
    rf"(?:【?\s*(?:{_PAGE_TOOLBAR})\s*】?\s*){{2,}}|"
    r"(?:上一篇|下一篇|相关(?:新闻|阅读|文章))\s*[:：]?.{0,60}|"
    r"(?:阅读|浏览|点击)(?:量|次数|数)\s*[:：]?\s*\d*|"
    r"首页\s*[>›»].*"
    r")$"
)

#: Separators of a link list: a menu, a breadcrumb, a tag cloud or a spam block of
#: place names (浦北县| 百色市| 义乌市| …; 首页 > 新闻 > 要闻).
LINK_SEPARATOR = re.compile(r"\s*[|｜>›»/•]\s*|\s{2,}")
#: Single spaces also separate the fields of a link list, but then more are needed
#: (a byline "记者 张三 通讯员 李四" is no link list).
LINK_SPACE = re.compile(r"\s+")
#: A field of a link list is short and has no sentence punctuation.
LINK_FIELD = re.compile(r"^[^，。！？；,;:：“”]{1,8}$")
#: A label line whose link title follows on the next line (下一篇 / 金华:如何…).
LINK_LABEL_LINE = re.compile(
    r"^(?:上一篇|下一篇|上一条|下一条|相关(?:新闻|阅读|文章|链接))\s*[:：]?$"
)
#: A ticker of headlines cut short: 快讯 ·第四届北京国际珠宝展 ...·大理白族文化周举办 ...
TICKER_FIELD_END = re.compile(r"(?:\.{3}|…+)\s*$")
TICKER_SEPARATOR = re.compile(r"[·•|｜]")
TICKER_MIN_CUT = 3
#: Fields a line needs before it can be a link list.
LINK_LIST_MIN_FIELDS = 6
LINK_LIST_MIN_WORDS = 10

#: Full-width ASCII variants that carry no meaning of their own: digits, Latin
#: letters, brackets, colon, and the ideographic space. Sentence punctuation
#: (，。！？；) is deliberately left alone.
WIDTH_TABLE = {
    **{ord(c): ord(c) - 0xFEE0 for c in "０１２３４５６７８９（）：％＋－／"},
    **{cp: cp - 0xFEE0 for cp in range(ord("Ａ"), ord("Ｚ") + 1)},
    **{cp: cp - 0xFEE0 for cp in range(ord("ａ"), ord("ｚ") + 1)},
    0x3000: 0x20,
    0x00A0: 0x20,
}

#: Characters every OpenCC t2s build leaves traditional (checked on OpenCC 1.1 -
#: 1.4). 陜 breaks 宁陕县 / 来陕 / 陕西 otherwise.
OPENCC_MISSES = {"陜": "陕"}
