"""The competency questions of ontology/queries/, answered on corpus/.

Each expected answer was checked by reading the article that supports it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.build import BuildResult
from kg.cli import app
from kg.corpus.clean import remove_pinyin_annotations
from kg.corpus.simplify import to_simplified
from kg.errors import KGError
from kg.query.sparql import Rows, describe, named_queries, resolve_query, run_query
from tests.helpers import corpus_text

runner = CliRunner()


@pytest.fixture(scope="module")
def ask(corpus_build: tuple[BuildResult, Path]):  # type: ignore[no-untyped-def]
    graph = corpus_build[0].graph

    def run(name: str) -> Rows:
        return run_query(graph, resolve_query(None, name))

    return run


def test_there_are_ten_or_more_documented_queries() -> None:
    queries = named_queries()
    assert len(queries) >= 10
    for path in queries.values():
        assert describe(path).endswith("?"), path.name


def test_who_implements_yihan_liangshu(ask) -> None:  # type: ignore[no-untyped-def]
    # 003: 市总工会构建劳动法律监督“一函两书”机制; 001 (思明): 运用“一函两书”制度
    assert ask("implements-yihan-liangshu").rows == (
        ("安康市总工会", "003_ae3fb7a57afc4b2e.txt"),
        ("思明区总工会", "001_8be08b9eb7dee6b6.txt"),
    )


def test_craftsman_academies(ask) -> None:  # type: ignore[no-untyped-def]
    # 000: 成立中卫工匠学院; 003: 成立安康市劳模工匠学院; 004: 成立了淄博市劳模工匠学院
    assert ask("craftsman-academies").rows == (
        ("中卫市总工会", "中卫工匠学院", "中卫市"),
        ("安康市总工会", "安康市劳模工匠学院", "安康市"),
        ("淄博市总工会", "淄博市劳模工匠学院", "淄博市"),
    )


def test_posts(ask) -> None:  # type: ignore[no-untyped-def]
    rows = set(ask("posts").rows)
    assert {
        ("邢化良", "党组书记、常务副主席", "淄博市总工会"),
        ("李晓英", "主席", "陕西省总工会"),
        ("李晓英", "副主任", "陕西省人大常委会"),
        ("高秀琴", "党组成员", "石嘴山市总工会"),
        ("陈佳汐", "记者", "鲁中网"),
        ("张博", "快递员", "顺丰"),  # 顺丰快递员张博: the platform brand is in the lexicon
    } == rows


def test_organisations_in_ningxia_at_any_depth(ask) -> None:  # type: ignore[no-untyped-def]
    found = {row[0] for row in ask("organisations-in-ningxia").rows}
    assert {
        "中卫市总工会",
        "中卫工匠学院",
        "石嘴山市总工会",
        "银川市总工会",
        "灵武市总工会",
    } <= found
    assert not found & {"安康市总工会", "淄博市总工会", "思明区总工会"}


def test_union_hierarchy(ask) -> None:  # type: ignore[no-untyped-def]
    assert set(ask("union-hierarchy").rows) == {
        ("陕西省总工会", "中华全国总工会"),
        ("安康市总工会", "陕西省总工会"),
        ("岚皋县总工会", "安康市总工会"),
        ("呼和浩特市总工会", "内蒙古自治区总工会"),
        ("灵武市总工会", "银川市总工会"),
        ("金凤区总工会", "银川市总工会"),
    }


def test_programme_parts(ask) -> None:  # type: ignore[no-untyped-def]
    # 000: 春送岗位、夏送清凉、金秋助学、冬送温暖等“四季送”活动
    assert {("四季送", p) for p in ("春送岗位", "夏送清凉", "金秋助学", "冬送温暖")} <= set(
        ask("programme-parts").rows
    )


def test_documents_mentioning_the_reform(ask) -> None:  # type: ignore[no-untyped-def]
    documents = [row[0] for row in ask("documents-mentioning-chan-gai").rows]
    assert documents == [
        "000_e152356bf421ac52.txt",
        "001_8be08b9eb7dee6b6.txt",
        "003_ae3fb7a57afc4b2e.txt",
        "004_155580e0e03a36b4.txt",
    ]


def test_partners(ask) -> None:  # type: ignore[no-untyped-def]
    # 001: 河南省总工会、省人力资源和社会保障厅联合印发
    assert ("河南省人力资源和社会保障厅", "河南省总工会") in ask("partners").rows


def test_policies(ask) -> None:  # type: ignore[no-untyped-def]
    rows = dict(ask("policies").rows)
    assert set(rows["《中原大工匠培育工程实施办法》"].split("、")) == {
        "河南省总工会",
        "河南省人力资源和社会保障厅",
    }
    assert rows["《产改工作要点及责任分工方案》"] == "安康市总工会"


def test_programmes_per_province(ask) -> None:  # type: ignore[no-untyped-def]
    rows = ask("programmes-per-province").rows
    assert rows[0][0] == "宁夏回族自治区"
    counts = dict(rows)
    assert int(counts["陕西省"]) >= 10
    assert int(counts["山东省"]) >= 10


def test_reporters(ask) -> None:  # type: ignore[no-untyped-def]
    rows = set(ask("reporters").rows)
    assert ("马学礼", "reporter", "001_8be08b9eb7dee6b6.txt", "1") in rows
    assert ("邱春强", "correspondent", "001_8be08b9eb7dee6b6.txt", "1") in rows
    assert ("刘金梦", "photographer", "001_8be08b9eb7dee6b6.txt", "7") in rows
    assert ("赵凤兰", "author", "000_e152356bf421ac52.txt", "1") in rows
    assert ("孙妙鸿", "reporter", "003_ae3fb7a57afc4b2e.txt", "1") in rows


def test_evidence_points_into_the_original_file(ask) -> None:  # type: ignore[no-untyped-def]
    rows = ask("relation-evidence").rows
    assert rows
    original = corpus_text("003")
    for document, sentence, start, end, rule, confidence in rows:
        assert document == "003_ae3fb7a57afc4b2e.txt"
        assert "一函两书" in sentence
        assert rule.startswith("implements:")
        assert 0 < float(confidence) <= 1
        source = to_simplified(remove_pinyin_annotations(original[int(start) : int(end)]))
        assert "一函两书" in source


def test_query_command_formats(corpus_build: tuple[BuildResult, Path], tmp_path: Path) -> None:
    graph = str(corpus_build[1] / "graph.ttl")
    table = runner.invoke(app, ["query", graph, "--name", "union-hierarchy"])
    assert table.exit_code == 0 and "岚皋县总工会" in table.stdout and "6 row(s)" in table.stdout
    csv = runner.invoke(app, ["query", graph, "-n", "posts", "--format", "csv"])
    assert csv.stdout.splitlines()[0] == "person,role,organization"
    text = "SELECT ?d WHERE { ?d a <https://w3id.org/cn-union-kg/def#Document> }"
    as_json = runner.invoke(app, ["query", graph, text, "--format", "json"])
    assert as_json.stdout.count('"d":') == 5
    rq = tmp_path / "q.rq"
    rq.write_text(text, encoding="utf-8")
    assert runner.invoke(app, ["query", graph, str(rq), "-f", "csv"]).stdout.count("\n") == 6
    listed = runner.invoke(app, ["query", graph, "--list"])
    assert "implements-yihan-liangshu" in listed.stdout


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["--name", "nope"], "E130"),
        ([], "E131"),
        (["missing.rq"], "E132"),
        (["SELECT ?x WHERE {"], "E133"),
        (["ASK { ?s ?p ?o }"], "E134"),
    ],
)
def test_query_errors(corpus_build: tuple[BuildResult, Path], args: list[str], code: str) -> None:
    result = runner.invoke(app, ["query", str(corpus_build[1] / "graph.ttl"), *args])
    assert result.exit_code == 1
    assert code in result.stderr


def test_resolve_query_rejects_missing_file() -> None:
    with pytest.raises(KGError, match="E132"):
        resolve_query("nothing-here.rq", None)


def test_new_members_per_organisation_and_year(ask) -> None:  # type: ignore[no-untyped-def]
    # every row, checked against its sentence
    assert ask("new-members").rows == (
        # 000: 全市新組建基層工會組織109家,發展會員近2.46萬人 (a total of the city)
        ("中卫市", "", "24600", "1"),
        # 003: 新發展新業態會員623人 (undated story)
        ("安康市总工会", "", "623", "1"),
        # 004: 发展会员15.6万人 (2022)
        ("淄博市总工会", "2022", "156000", "1"),
        # 002: 上半年……发展会员10272人 (2016)
        ("银川市总工会", "2016", "10272", "1"),
    )


def test_money_per_programme(ask) -> None:  # type: ignore[no-untyped-def]
    rows = {row[0]: row[1:] for row in ask("money-per-programme").rows}
    # programme: (paid out, raised, recovered, figures), each checked against its sentence
    assert rows == {
        # 000: 春送岗位、夏送清凉、金秋助学、冬送温暖等“四季送”活动,筹资1318.45万元 and
        # 004: 推动春送岗位…冬送温暖“四季服务”活动…,发放救助款物达1.36亿元: the whole, once
        "四季送": ("136000000", "13184500", "0", "2"),
        # 004: 建立“爱心互助基金”351家,累计筹集资金4700余万元
        "爱心互助基金": ("0", "47000000", "0", "1"),
        # 002: 实施“维护农民工权益专项行动”……追缴职工(含农民工)工资近1000万元
        "维护农民工权益": ("0", "0", "10000000", "1"),
        # 003: 职工互助保障覆盖18.77万人,减轻医疗负担630万元
        "职工互助保障": ("6300000", "0", "0", "1"),
        # 000: 推行“工会+司法+…”一站式…机制,……为产业工人追回工资、社保金等526.5万元
        "工会+司法+人社+法院+信访一站式劳动争议多元化解机制": ("0", "0", "5265000", "1"),
        # 003: “冬送温暖”筹集资金466.33万元 (the quote opens the sentence)
        "冬送温暖": ("0", "4663300", "0", "1"),
        # 000: 落实劳模工匠人才关爱帮扶机制,申报落实…补助金82.48万元、春节慰问金64.45万元
        "劳模工匠人才关爱帮扶机制": ("1469300", "0", "0", "2"),
        # 002: 制定《银川市“凤城工匠”助推奖励办法》,筹资100万元专项用于职工技能提升奖励
        "《银川市凤城工匠助推奖励办法》": ("0", "1000000", "0", "1"),
        # 002: 精准安排每年30万元专项资金,拓展……“六位一体”工作做法
        "六位一体工作做法": ("300000", "0", "0", "1"),
        # 003: 石泉县运用“一函两书”追回欠薪13.5万元
        "一函两书": ("0", "0", "135000", "1"),
        # 002: 投入12万元,集中打造了1000余平方米的“职工之家”
        "职工之家": ("120000", "0", "0", "1"),
        # 001: 发起……“微心愿”征集活动,并筹措资金10.5万元
        "微心愿": ("0", "105000", "0", "1"),
        # 001: 根据《办法》……为每名中原大工匠培育对象安排5万元培育经费
        "《中原大工匠培育工程实施办法》": ("50000", "0", "0", "1"),
    }


def test_every_figure_about_one_union_has_its_sentence(ask) -> None:  # type: ignore[no-untyped-def]
    rows = ask("figures-about").rows
    by_value = {(row[1], row[2]): row for row in rows}
    # 002: 上半年新建工会115家,发展会员10272人
    assert by_value["115", "家"][0] == "新建工会"
    assert "新建工会115家" in by_value["115", "家"][4]
    assert {row[5] for row in rows} == {"002_dca251d177eb03ad.txt"}


def test_programme_adoption_by_year_and_province(ask) -> None:  # type: ignore[no-untyped-def]
    rows = ask("programme-adoption").rows
    # 004 (淄博, 2022): 淄博市总工会 深化产业工人队伍建设改革; 001 and 003 carry no date
    assert ("产业工人队伍建设改革", "2022", "山东省", "淄博市总工会") in rows
    assert [r for r in rows if r[0] == "一函两书"] == [
        ("一函两书", "", "福建省", "思明区总工会"),
        ("一函两书", "", "陕西省", "安康市总工会"),
    ]
    # 000 (中卫) and 002 (石嘴山): both unions of 宁夏 carry out 产改, in undated stories
    assert [r[3] for r in rows if r[:3] == ("产业工人队伍建设改革", "", "宁夏回族自治区")] == [
        "中卫市总工会",
        "石嘴山市总工会",
    ]
    assert rows == tuple(sorted(rows))


def test_programme_adoption_gives_the_same_rows_from_kg_query(  # type: ignore[no-untyped-def]
    ask, corpus_build
) -> None:
    import json

    graph = str(corpus_build[1] / "graph.ttl")
    result = runner.invoke(app, ["query", graph, "-n", "programme-adoption", "-f", "json"])
    assert result.exit_code == 0, result.stderr
    answered = tuple(
        tuple(row.get(k, "") for k in ("programme", "year", "province", "organisation"))
        for row in json.loads(result.stdout)
    )
    assert answered == ask("programme-adoption").rows
