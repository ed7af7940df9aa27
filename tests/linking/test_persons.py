"""One person per person: namesakes stay apart unless their documents agree on who
they are."""

from __future__ import annotations

from pathlib import Path

from rdflib import Literal
from rdflib.namespace import RDF, RDFS

from kg.build import build
from kg.vocab.ontology import ID, KG

ARTICLES = {
    "a.txt": "安康市总工会主席王伟出席会议并讲话。",
    "b.txt": "淄博市总工会党组书记王伟到企业调研。",
    "c.txt": "安康市总工会主席王伟看望慰问一线职工。",
    "d.txt": "职工王伟说,工会帮了大忙。",
}


def test_two_wang_weis_of_two_provinces_are_two_and_one_named_twice_is_one(
    tmp_path: Path,
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in ARTICLES.items():
        (corpus / name).write_text(text, encoding="utf-8")
    result = build(corpus, tmp_path / "out", formats=("turtle",))
    graph = result.graph
    persons = sorted(
        str(p)
        for p in graph.subjects(RDFS.label, Literal("王伟", lang="zh"))
        if (p, RDF.type, KG.Person) in graph
    )
    of_ankang = ID["person/王伟/place/610900"]
    assert persons == sorted(
        [str(of_ankang), str(ID["person/王伟/place/370300"]), str(ID["person/王伟/doc/d.txt"])]
    )
    # 安康's 王伟 is named in a.txt and c.txt: one person, and the merge says why
    documents = {str(d) for d in graph.subjects(KG.mentions, of_ankang)}
    assert len(documents) == 2
    assert Literal("person:post-place:place:610900") in set(
        graph.objects(of_ankang, KG.mergeReason)
    )
    assert result.report()["persons"] == {
        "persons": 3,
        "names": 1,
        "names_split": 1,
        "merged_across_documents": 1,
        "anchored_by": {"document": 1, "place": 2},
    }


def test_a_persons_iri_is_the_same_from_build_to_build(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(ARTICLES["a.txt"], encoding="utf-8")
    first = build(corpus, tmp_path / "one", formats=("turtle",)).graph
    (corpus / "b.txt").write_text(ARTICLES["b.txt"], encoding="utf-8")  # the corpus grows
    second = build(corpus, tmp_path / "two", formats=("turtle",)).graph
    anchored = ID["person/王伟/place/610900"]
    assert (anchored, RDF.type, KG.Person) in first and (anchored, RDF.type, KG.Person) in second
