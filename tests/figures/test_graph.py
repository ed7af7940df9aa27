"""Figures in the graph: ``kg:Measurement`` with value, unit, about, date and evidence."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from kg.build import BuildResult

QUERY = """
PREFIX kg: <https://w3id.org/cn-union-kg/def#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?value ?unit ?approximate ?about ?date ?text ?start ?end WHERE {
  ?m a kg:Measurement ; kg:inDocument ?doc ; kg:value ?value ; kg:unit ?unit ;
     kg:approximate ?approximate ; kg:surfaceForm ?text ;
     kg:startOffset ?start ; kg:endOffset ?end .
  ?doc dcterms:identifier "002_dca251d177eb03ad.txt" .
  OPTIONAL { ?m kg:about/rdfs:label ?about }
  OPTIONAL { ?m kg:date ?date }
}"""


def test_seed_002_figures_are_in_the_graph(corpus_build: tuple[BuildResult, Path]) -> None:
    result, _out = corpus_build
    rows = list(result.graph.query(QUERY))
    found = {
        (Decimal(str(r.value)), str(r.unit), r.approximate.toPython()): r  # type: ignore[union-attr]
        for r in rows
    }
    expected = {
        (Decimal(115), "家", False): "银川市总工会",  # 上半年新建工会115家
        (Decimal(10272), "人", False): "银川市总工会",  # 发展会员10272人
        (Decimal(4334), "个", False): "银川市",  # 全市共有基层工会组织4334个
        (Decimal(386000), "人", False): "银川市",  # 工会会员38.6万人
        (Decimal(80000), "人", True): "银川市",  # 其中农民工会员8万余人
        (Decimal(847), "家", False): "银川市总工会",  # 走访企业847家
        (Decimal(10000), "人", True): "银川市总工会",  # 访谈职工近1万人
        (Decimal(295), "名", False): "银川市总工会",  # 295名工会代表
    }
    text = (Path("corpus") / "002_dca251d177eb03ad.txt").read_text(encoding="utf-8")
    for key, about in expected.items():
        row = found[key]
        assert str(row.about) == about, key  # type: ignore[union-attr]
        assert str(row.date) == "2016"  # type: ignore[union-attr]
        # the evidence points into the original file
        start, end = int(row.start), int(row.end)  # type: ignore[union-attr, arg-type]
        assert text[start:end] == str(row.text)  # type: ignore[union-attr]


def test_a_figure_repeated_in_headline_and_body_is_one_figure() -> None:
    from kg.build import analyse_document
    from kg.types import RawDocument

    text = (
        "银川市总工会新建工会115家\n\n本报讯 今年上半年,银川市总工会新建工会115家,发展会员10272人。"
    )
    raw = RawDocument("a.txt", "a.txt", text, "utf-8", "text/plain", "0" * 64)
    document, _linked = analyse_document(raw)
    values = [(m.value, m.unit) for m in document.measurements]
    assert values.count(("115", "家")) == 1 and ("10272", "人") in values
