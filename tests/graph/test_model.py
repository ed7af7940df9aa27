"""Documents and stories as RDF, compared by isomorphism."""

from __future__ import annotations

from rdflib import XSD, Graph, Literal
from rdflib.compare import graph_diff, isomorphic, to_isomorphic
from rdflib.namespace import RDF

from kg.corpus.prepare import prepare
from kg.graph.model import add_document, new_graph, story_iri
from kg.types import RawDocument
from kg.vocab.ontology import KG

EXPECTED = """
@prefix kg: <https://w3id.org/cn-union-kg/def#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix d: <https://w3id.org/cn-union-kg/id/doc/> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix schema: <https://schema.org/> .

d:a%2Fnews.txt a kg:Document , foaf:Document , prov:Entity ;
    dcterms:identifier "a/news.txt" ;
    kg:sourceFile "a/news.txt" ;
    kg:sha256 "SHA" ;
    kg:encoding "big5" ;
    dcterms:format "text/plain" ;
    kg:charCount CHARS ;
    dcterms:title "宁陕县工会" ;
    dcterms:date "2024-10-30"^^xsd:date ;
    dcterms:source "安康日报" ;
    kg:hasStory <https://w3id.org/cn-union-kg/id/doc/a%2Fnews.txt/story/1> .

<https://w3id.org/cn-union-kg/id/doc/a%2Fnews.txt/story/1> a kg:Story , schema:NewsArticle ,
        prov:Entity ;
    kg:inDocument d:a%2Fnews.txt ;
    kg:storyIndex 1 ;
    kg:startOffset 0 ;
    kg:endOffset CHARS ;
    dcterms:title "宁陕县工会" ;
    dcterms:date "2024-10-30"^^xsd:date ;
    kg:outlet "安康日报" ;
    kg:reporter "王强" ;
    kg:text "宁陕县工会\\n2024-10-30\\n来源:安康日报\\n本报讯(记者王强)宁陕县总工会开展一函两书。" .
"""


def test_document_graph_is_isomorphic_to_expected() -> None:
    text = "寧陜縣工會\n2024-10-30\n來源:安康日報\n本報訊(記者王強)寧陜(shǎn)縣總工會開展一函兩書。"
    sha = "ab" * 32
    raw = RawDocument("a/news.txt", "a/news.txt", text, "big5", "text/plain", sha, {})
    doc = prepare(raw)
    graph = new_graph()
    add_document(graph, doc)
    turtle = EXPECTED.replace("SHA", sha).replace("CHARS", str(len(text)))
    expected = Graph().parse(data=turtle, format="turtle")
    if not isomorphic(graph, expected):
        _both, only_built, only_expected = graph_diff(to_isomorphic(graph), to_isomorphic(expected))
        raise AssertionError(
            "only built:\n"
            + only_built.serialize(format="nt")
            + "\nonly expected:\n"
            + only_expected.serialize(format="nt")
        )


def test_story_offsets_point_into_the_original() -> None:
    text = "標題\n本報訊(記者王強)產(chǎn)業工人。"
    doc = prepare(RawDocument("x.txt", "x.txt", text, "utf-8", "text/plain", "0" * 64))
    graph = new_graph()
    add_document(graph, doc)
    story = story_iri("x.txt", doc.stories[0])
    start = graph.value(story, KG.startOffset).toPython()
    end = graph.value(story, KG.endOffset).toPython()
    assert (start, end) == (0, len(text))
    assert graph.value(story, RDF.type) == KG.Story
    assert graph.value(story, KG.storyIndex) == Literal(1, datatype=XSD.integer)
