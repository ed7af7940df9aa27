"""The figures of a graph as plain records, for exporters that make nodes of them.

A ``kg:Measurement`` and its evidence become one :class:`FigureRow` (strings, numbers,
booleans). The rows of a document are made where it is analysed (they travel in its
:class:`~kg.graph.parts.DocumentPart`), so a streamed build never reads its figures back
out of the triples.
"""

from __future__ import annotations

import re
from typing import Any, TypedDict, get_type_hints

from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, RDF

from kg.vocab.ontology import KG

__all__ = ["FIGURE_FIELDS", "FigureRow", "check_figure_row", "figure_rows"]


class FigureRow(TypedDict):
    """One figure: ``id`` is the measurement's IRI, ``about`` the entity's ("" if none),
    ``programme`` the IRI of the programme it counts for ("" if none), ``value`` the
    canonical xsd:decimal text (exact; ``1200000``, ``74.4``)."""

    id: str
    value: str
    unit: str
    approximate: bool
    indicator: str
    about: str
    programme: str
    date: str
    text: str
    document: str
    sentence: str
    startOffset: int
    endOffset: int
    rule: str
    confidence: float


_DECIMAL = re.compile(r"-?\d+(?:\.\d+)?")

#: The fields of a row and their Python kinds, in the order exporters write them.
FIGURE_FIELDS: dict[str, type] = get_type_hints(FigureRow)


def _text(graph: Graph, node: URIRef, predicate: URIRef) -> str:
    value = graph.value(node, predicate)
    return "" if value is None else str(value)


def figure_rows(graph: Graph) -> list[FigureRow]:
    """Every ``kg:Measurement`` of ``graph``, in IRI order.

    >>> figure_rows(Graph())
    []
    """
    rows: list[FigureRow] = []
    for node in sorted(set(graph.subjects(RDF.type, KG.Measurement)), key=str):
        if not isinstance(node, URIRef):
            continue
        document = graph.value(node, KG.inDocument)
        identifier = graph.value(document, DCTERMS.identifier) if document is not None else None
        confidence = graph.value(node, KG.confidence)
        rows.append(
            FigureRow(
                id=str(node),
                value=_text(graph, node, KG.value),
                unit=_text(graph, node, KG.unit),
                approximate=_text(graph, node, KG.approximate) == "true",
                indicator=_text(graph, node, KG.indicator),
                about=_text(graph, node, KG.about),
                programme=_text(graph, node, KG.forProgram),
                date=_text(graph, node, KG.date),
                text=_text(graph, node, KG.surfaceForm),
                document="" if identifier is None else str(identifier),
                sentence=_text(graph, node, KG.sentence),
                startOffset=int(_text(graph, node, KG.startOffset) or 0),
                endOffset=int(_text(graph, node, KG.endOffset) or 0),
                rule=_text(graph, node, KG.rule),
                confidence=float(str(confidence)) if confidence is not None else 0.0,
            )
        )
    return rows


def check_figure_row(data: Any) -> FigureRow:
    """``data`` as a row if every field is there with its kind (a cache entry is read
    back through this).

    Raises:
        TypeError: a field is missing, extra or of the wrong kind.
        ValueError: an offset is negative or the value no decimal.
    """
    if not isinstance(data, dict) or set(data) != set(FIGURE_FIELDS):
        raise TypeError(f"a figure row has the fields {sorted(FIGURE_FIELDS)}")
    for name, kind in FIGURE_FIELDS.items():
        value = data[name]
        if kind is float and isinstance(value, int) and not isinstance(value, bool):
            value = data[name] = float(value)
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise TypeError(f"figure field {name} is a {type(value).__name__}, not {kind.__name__}")
        if isinstance(value, int) and kind is int and value < 0:
            raise ValueError(f"figure field {name} is negative")
    if not _DECIMAL.fullmatch(data["value"]):
        raise ValueError(f"figure value {data['value']!r} is not a decimal")
    return FigureRow(**data)  # type: ignore[typeddict-item]
