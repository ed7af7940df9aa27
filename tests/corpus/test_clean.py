"""Cleaners on real cases from corpus/ (textacy-style parametrised tables)."""

from __future__ import annotations

import re

import pytest

from kg.corpus import clean as C
from kg.corpus.resources import PINYIN_ANNOTATION
from kg.errors import KGError
from tests.helpers import cleaned, corpus_text

PINYIN_LEFT = re.compile(r"[(（][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*[)）]")


@pytest.mark.parametrize(
    ("text_in", "expected"),
    [
        ("中衛(wèi)市總工會", "中衛市總工會"),
        ("產(chǎn)業(yè)工人隊伍建設(shè)改革", "產業工人隊伍建設改革"),
        ("服務(wù)", "服務"),
        ("（chǎn）產（chǎn）", "（chǎn）產"),  # nothing before the first: not an annotation
        ("職工(勞模、工匠)", "職工(勞模、工匠)"),
        ("玖龙纸业(太仓)有限公司", "玖龙纸业(太仓)有限公司"),
        ("權益。(趙鳳蘭)", "權益。(趙鳳蘭)"),
        ("追缴职工(含农民工)工资", "追缴职工(含农民工)工资"),
        ("县(区)总工会", "县(区)总工会"),
        ("华为(Huawei)公司", "华为(Huawei)公司"),
        ("的(de)年", "的年"),
    ],
)
def test_remove_pinyin_annotations(text_in: str, expected: str) -> None:
    assert C.remove_pinyin_annotations(text_in) == expected


@pytest.mark.parametrize("prefix", ["000", "003"])
def test_all_pinyin_removed_from_traditional_seeds(prefix: str) -> None:
    original = corpus_text(prefix)
    assert len(PINYIN_ANNOTATION.findall(original)) > 50
    assert not PINYIN_LEFT.search(cleaned(prefix).text)


def test_seeds_hold_about_200_pinyin_annotations() -> None:
    found = sum(len(PINYIN_ANNOTATION.findall(corpus_text(p))) for p in ("000", "003"))
    assert 190 <= found <= 220


@pytest.mark.parametrize(
    ("text_in", "expected"),
    [
        ('擔當?span style="display:none">jX8安康新聞網\n舉旗', "擔當\n舉旗"),
        ('<span style="display: none">广告</span>正文', "正文"),
        ("<div hidden>隐藏</div>可见", "可见"),
        ('<p aria-hidden="true">图标</p>可见', "可见"),
        ("<script>alert(1)</script>正文", "正文"),
        ("<style>p{}</style>正文<!-- 注释 -->", "正文"),
        ('<span style="color:red">可见</span>', '<span style="color:red">可见</span>'),
    ],
)
def test_remove_hidden_elements(text_in: str, expected: str) -> None:
    assert C.remove_hidden_elements(text_in) == expected


def test_hidden_spam_gone_from_seed_003() -> None:
    assert "display:none" in corpus_text("003")
    text = cleaned("003").text
    assert "jX8" not in text
    assert "span" not in text
    assert "安康新闻网" not in text


@pytest.mark.parametrize(
    ("text_in", "expected"),
    [
        ("<p>工会</p><p>职工</p>", "\n工会\n\n职工\n"),
        ("工会&nbsp;驿站&#8203;", "工会 驿站\u200b"),
        ("a<br/>b", "a\nb"),
        ("小于<5%", "小于<5%"),
        ("<a href='x'>鲁中网</a>", "鲁中网"),
    ],
)
def test_strip_html(text_in: str, expected: str) -> None:
    assert C.strip_html(text_in) == expected


@pytest.mark.parametrize(
    ("text_in", "expected"),
    [
        ("彰顯擔當?shù)哪甓却鹁怼\n舉旗鑄魂", "彰顯擔當\n舉旗鑄魂"),
        ("五一勞動獎?wù)碌冗x樹命名活動", "五一勞動獎樹命名活動"),
        ("工会锟斤拷锟斤拷职工", "工会职工"),
        ("工会\ufffd职工", "工会职工"),
        ("为什么?因为工会", "为什么?因为工会"),
        ("What? 工会", "What? 工会"),
    ],
)
def test_remove_mojibake(text_in: str, expected: str) -> None:
    assert C.remove_mojibake(text_in) == expected


@pytest.mark.parametrize("prefix", ["000", "003"])
def test_no_mojibake_left_in_seeds(prefix: str) -> None:
    text = cleaned(prefix).text
    assert "?" not in text
    for garbage in ("甓", "鹁", "怼", "碌冗", "shù", "wù"):
        assert garbage not in text


@pytest.mark.parametrize(
    ("text_in", "expected"),
    [
        ("安康市總工會", "安康市总工会"),
        ("寧陜縣", "宁陕县"),
        ("來陜考察", "来陕考察"),
        ("陝西省總工會", "陕西省总工会"),
        ("產業工人隊伍建設改革", "产业工人队伍建设改革"),
        ("勞模工匠創新工作室", "劳模工匠创新工作室"),
    ],
)
def test_simplify(text_in: str, expected: str) -> None:
    assert C.simplify(text_in) == expected


def test_seed_003_has_no_traditional_shan_left() -> None:
    assert corpus_text("003").count("陜") == 4
    text = cleaned("003").text
    assert "陜" not in text
    assert "宁陕县" in text
    assert "来陕考察" in text


def test_broken_lines_joined_in_seed_001() -> None:
    text = cleaned("001").text
    assert "组成情况较为复杂。" in text
    assert "惠农区细分为河滨" in text
    assert "404人组成的" in text
    assert "“遇到困难,找‘娘家人’!”" in text


def test_caption_inside_a_cut_sentence_is_moved_out() -> None:
    text = cleaned("001").text
    assert "依托工会驿站开展30余场高温慰问" in text
    assert "\n组织新就业形态劳动者到鼓浪屿开展疗休养专场活动。\n" in text


def test_headlines_are_not_joined_to_body() -> None:
    lines = cleaned("001").text.splitlines()
    assert "河南实施中原大工匠培育工程" in lines
    assert "学技术 练技能 比服务" in lines
    assert "举旗铸魂,思想引领凝聚奋进力量" in cleaned("003").text.splitlines()


@pytest.mark.parametrize(
    ("text_in", "expected"),
    [
        (
            "正文。\n本栏目所有稿件版权归鲁中网、鲁中晨报所有,未经授权不得转载,违者必究。\n",
            "正文。\n",
        ),
        ("正文。\n责任编辑:王某\n", "正文。\n责任编辑:王某\n"),  # a credit: its person is named
        ("正文。\n分享到:微信 微博\n", "正文。\n"),
        ("正文。\n【打印】【关闭】\n", "正文。\n"),
        ("正文。\n版权所有 © 2024 鲁中网\n", "正文。\n"),
        ("职工维权。\n", "职工维权。\n"),
    ],
)
def test_drop_furniture_lines(text_in: str, expected: str) -> None:
    assert C.drop_furniture_lines(text_in) == expected


def test_furniture_gone_from_seed_004() -> None:
    text = cleaned("004").text
    assert "版权" not in text
    assert text.splitlines()[0] == "鲁中网"
    assert text.splitlines()[1] != "鲁中网"


def test_spaces_inside_words_removed_titles_kept() -> None:
    text = cleaned("002").text
    assert "要想发挥工会组织" in text
    assert "学技术 练技能 比服务" in cleaned("001").text


def test_width_and_whitespace() -> None:
    assert C.normalize_width("（记者　王强）２０２４年") == "(记者 王强)2024年"
    assert C.normalize_whitespace("工会\r\n职工\u200b之家") == "工会\n职工之家"
    assert C.tidy_lines("  标题  \n\n\n  正文。 \n") == "标题\n正文。\n"


def test_pipeline_from_names_and_unknown_name() -> None:
    pipeline = C.build_pipeline(("remove_pinyin_annotations", "simplify"))
    assert pipeline("產(chǎn)業(yè)") == "产业"
    with pytest.raises(KGError, match="E120"):
        C.build_pipeline(("no_such_cleaner",))
