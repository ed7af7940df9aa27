"""``kg eval``: precision, recall and F1 of a built graph against gold files.

Gold files follow ``ANNOTATION.md`` (``tests/gold/<id>.json``). A document of the
graph is matched to the gold file whose ``id`` is its identifier without the file
extension. Entities are compared as (top type, name) and relations as
(subject, predicate, object), per document, after normalising names: NFKC,
quotation marks, 《》 and spaces removed. In ``strict`` mode a predicted label must
equal the gold name; in ``alias`` mode it may equal any of the gold mentions too.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rdflib import Graph

from kg.errors import Errors, KGError
from kg.types import Document, Entity
from kg.vocab.ontology import ENTITY_TYPES, KG, RELATION_TYPES, RELATIONS, SUBTYPES

__all__ = [
    "ENTITY_SUBTYPES",
    "RELATION_ENDS",
    "Report",
    "Score",
    "agreement",
    "evaluate",
    "gold_problems",
    "load_gold",
    "normalize",
    "predictions",
    "score",
]

_NOISE = re.compile(r"[\s“”\"'‘’「」『』《》〈〉]")


def normalize(name: str) -> str:
    """The form names are compared in.

    >>> normalize("“五小”群众性创新活动"), normalize("《办法》"), normalize("ＡＢ 工会")
    ('五小群众性创新活动', '办法', 'AB工会')
    """
    return _NOISE.sub("", unicodedata.normalize("NFKC", name))


@dataclass
class Score:
    """Counts of true positives, false positives and false negatives."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn


@dataclass
class Report:
    """Scores per type and the items that were missed or spurious, per document."""

    entities: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    relations: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    missed: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    absent: list[str] = field(default_factory=list)
    spurious: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    documents: int = 0
    measurements: Score = field(default_factory=Score)
    about: Score = field(default_factory=Score)  # tp: right ``about`` among matched figures
    #: tp: right programme among matched figures whose gold says which (``programme``)
    programme: Score = field(default_factory=Score)
    #: the character F1 of each matched figure's indicator with the gold one
    indicators: list[float] = field(default_factory=list)

    @property
    def about_accuracy(self) -> float:
        """Among the figures matched, the share whose ``about`` is the gold subject."""
        matched = self.about.tp + self.about.fp
        return self.about.tp / matched if matched else 0.0

    @property
    def indicator_overlap(self) -> float:
        """The mean character F1 of the matched figures' indicators with the gold ones."""
        return sum(self.indicators) / len(self.indicators) if self.indicators else 0.0

    @property
    def programme_accuracy(self) -> float:
        """Among the figures matched whose gold says which programme they count for (or
        that they count for none: ``"programme": ""``), the share predicted so."""
        matched = self.programme.tp + self.programme.fp
        return self.programme.tp / matched if matched else 0.0

    def overall(self, kind: str) -> Score:
        total = Score()
        for score in (self.entities if kind == "entities" else self.relations).values():
            total.add(score)
        return total

    def as_dict(self) -> dict[str, Any]:
        def row(score: Score) -> dict[str, Any]:
            return {
                "precision": round(score.precision, 4),
                "recall": round(score.recall, 4),
                "f1": round(score.f1, 4),
                "tp": score.tp,
                "fp": score.fp,
                "fn": score.fn,
            }

        return {
            "documents": self.documents,
            "absent": self.absent,
            "entities": {t: row(self.entities[t]) for t in ENTITY_TYPES}
            | {"overall": row(self.overall("entities"))},
            "relations": {t: row(self.relations[t]) for t in RELATION_TYPES}
            | {"overall": row(self.overall("relations"))},
            "measurements": row(self.measurements)
            | {
                "about_accuracy": round(self.about_accuracy, 4),
                "programme_accuracy": round(self.programme_accuracy, 4),
                "programme_scored": self.programme.tp + self.programme.fp,
                "indicator_overlap": round(self.indicator_overlap, 4),
            },
            "missed": dict(self.missed),
            "spurious": dict(self.spurious),
        }


#: Evaluation modes: labels must equal gold names, or may equal a gold mention.
MODES = ("strict", "alias")


def load_gold(folder: Path) -> dict[str, dict[str, Any]]:
    """Gold files by their ``id``, each checked for the fields scoring reads.

    Raises:
        KGError: E113 without gold files, E114 for a file that is not valid gold.
    """
    paths = sorted(folder.glob("*.json")) if folder.is_dir() else []
    if not paths:
        raise KGError(Errors.E113, path=folder)
    gold = {}
    for path in paths:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError, RecursionError) as error:
            raise KGError(Errors.E114, path=path, reason=error) from error
        problem = _shape_problem(data)
        if problem:
            raise KGError(Errors.E114, path=path, reason=problem)
        gold[str(data.get("id") or path.stem)] = data
    return gold


def _shape_problem(data: object) -> str | None:
    """What keeps ``data`` from being scored as a gold file, or ``None``."""
    if not isinstance(data, dict):
        return "not a JSON object"
    entities, relations = data.get("entities", []), data.get("relations", [])
    if not isinstance(entities, list) or not isinstance(relations, list):
        return "entities and relations must be lists"
    for entity in entities:
        if not isinstance(entity, dict) or not all(
            isinstance(entity.get(k), str) for k in ("type", "name")
        ):
            return f"an entity needs a type and a name: {str(entity)[:80]}"
        mentions = entity.get("mentions", [])
        if not isinstance(mentions, list) or not all(isinstance(m, str) for m in mentions):
            return f"an entity's mentions must be a list of strings: {entity['name']}"
    for relation in relations:
        if not isinstance(relation, dict) or not all(
            isinstance(relation.get(k), str) for k in ("s", "p", "o")
        ):
            return f"a relation needs s, p and o: {str(relation)[:80]}"
    return None


_ENTITY_QUERY = """
SELECT ?id ?type ?label WHERE {
  ?doc a kg:Document ; dcterms:identifier ?id ; kg:mentions ?e .
  ?e a ?type ; rdfs:label ?label .
  FILTER (?type IN (kg:Organization, kg:Program, kg:Place, kg:Person))
}"""
_RELATION_QUERY = """
SELECT ?id ?p ?s ?o WHERE {
  ?a a kg:Assertion ; kg:inDocument ?doc ; rdf:subject ?sn ; rdf:predicate ?p ; rdf:object ?on .
  ?doc dcterms:identifier ?id .
  ?sn rdfs:label ?s . ?on rdfs:label ?o .
}"""


def _doc_id(identifier: str) -> str:
    path = identifier.split("#", 1)[0]
    stem = path.rsplit("/", 1)[-1]
    return stem.rsplit(".", 1)[0] if "." in stem else stem


def _predicted(
    graph: Graph,
) -> tuple[dict[str, set[tuple[str, str]]], dict[str, set[tuple[str, ...]]]]:
    ns = {"kg": KG._NS, "dcterms": "http://purl.org/dc/terms/"}
    entities: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for row in graph.query(_ENTITY_QUERY, initNs=ns):
        type_ = str(row.type).rsplit("#", 1)[-1]  # type: ignore[union-attr]
        entities[_doc_id(str(row.id))].add((type_, normalize(str(row.label))))  # type: ignore[union-attr]
    relations: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    for row in graph.query(_RELATION_QUERY, initNs=ns):
        predicate = str(row.p).rsplit("#", 1)[-1]  # type: ignore[union-attr]
        relations[_doc_id(str(row.id))].add(  # type: ignore[union-attr]
            (predicate, normalize(str(row.s)), normalize(str(row.o)))  # type: ignore[union-attr]
        )
    return entities, relations


_MEASUREMENT_QUERY = """
SELECT ?id ?value ?unit ?about ?text ?programme ?indicator WHERE {
  ?m a kg:Measurement ; kg:inDocument ?doc ; kg:value ?value ; kg:unit ?unit ;
     kg:surfaceForm ?text .
  ?doc dcterms:identifier ?id .
  OPTIONAL { ?m kg:about ?entity . ?entity rdfs:label ?about }
  OPTIONAL { ?m kg:forProgram ?p . ?p rdfs:label ?programme }
  OPTIONAL { ?m kg:indicator ?indicator }
}"""

#: A predicted figure matches a gold one of its document with its unit and a value
#: within this share of the gold value (ANNOTATION.md).
VALUE_TOLERANCE = 0.005

#: value, unit, about (normalised, "" for none), text, programme (normalised, "" for
#: none), indicator
Figure = tuple[float, str, str, str, str, str]


def char_f1(predicted: str, gold: str) -> float:
    """How much two short phrases share, character by character (as a multiset).

    >>> char_f1("发放慰问金", "发放慰问金"), char_f1("会员", "新会员"), char_f1("", "会员")
    (1.0, 0.8, 0.0)
    """
    common = sum((Counter(predicted) & Counter(gold)).values())
    if not common:
        return 0.0
    precision, recall = common / len(predicted), common / len(gold)
    return 2 * precision * recall / (precision + recall)


def _predicted_figures(graph: Graph) -> dict[str, list[Figure]]:
    ns = {"kg": KG._NS, "dcterms": "http://purl.org/dc/terms/"}
    found: dict[str, list[Figure]] = defaultdict(list)
    rows = sorted(
        (
            _doc_id(str(r.id)),  # type: ignore[union-attr]
            float(r.value),  # type: ignore[union-attr]
            str(r.unit),  # type: ignore[union-attr]
            normalize(str(r.about)) if r.about is not None else "",  # type: ignore[union-attr]
            str(r.text),  # type: ignore[union-attr]
            normalize(str(r.programme)) if r.programme is not None else "",  # type: ignore[union-attr]
            str(r.indicator) if r.indicator is not None else "",  # type: ignore[union-attr]
        )
        for r in graph.query(_MEASUREMENT_QUERY, initNs=ns)
    )
    for doc_id, *figure in rows:
        found[doc_id].append(tuple(figure))  # type: ignore[arg-type]
    return found


def _score_figures(
    gold: list[dict[str, Any]], predicted: list[Figure], indicators: list[float] | None = None
) -> tuple[Score, Score, Score, list[str], list[str]]:
    """Figures matched one to one (same unit, value within the tolerance), how many of
    the matches name the gold subject, and how many the gold programme (where the gold
    says); with the missed and spurious ones."""
    free = list(range(len(gold)))
    score, about, programme = Score(), Score(), Score()
    spurious: list[str] = []
    for value, unit, subject, text, counts_for, indicator in predicted:
        hit = next(
            (
                i
                for i in free
                if gold[i].get("unit") == unit
                and abs(float(gold[i].get("value", 0)) - value)
                <= VALUE_TOLERANCE * max(abs(float(gold[i].get("value", 0))), 1e-9)
            ),
            None,
        )
        if hit is None:
            score.fp += 1
            spurious.append(f"figure {text} ({value:g} {unit})")
            continue
        free.remove(hit)
        score.tp += 1
        want = normalize(gold[hit]["subject"]) if gold[hit].get("subject") else ""
        if want == subject:
            about.tp += 1
        else:
            about.fp += 1
        if indicators is not None and gold[hit].get("indicator"):
            indicators.append(char_f1(indicator, gold[hit]["indicator"]))
        if "programme" in gold[hit]:
            right = normalize(gold[hit]["programme"] or "") == counts_for
            programme.tp, programme.fp = programme.tp + right, programme.fp + (not right)
    score.fn = len(free)
    missed = [
        f"figure {gold[i].get('text')} ({gold[i].get('value')} {gold[i].get('unit')})" for i in free
    ]
    return score, about, programme, missed, spurious


def _documents(graph: Graph) -> set[str]:
    query = "SELECT ?id WHERE { ?doc a kg:Document ; dcterms:identifier ?id }"
    ns = {"kg": KG._NS, "dcterms": "http://purl.org/dc/terms/"}
    return {_doc_id(str(row.id)) for row in graph.query(query, initNs=ns)}  # type: ignore[union-attr]


def _gold_relations(doc: dict[str, Any]) -> set[tuple[str, ...]]:
    found: set[tuple[str, ...]] = set()
    for rel in doc.get("relations", []):
        s, o, p = normalize(rel["s"]), normalize(rel["o"]), rel["p"]
        if p == "partnersWith":
            s, o = sorted((s, o))  # symmetric: listed once, either direction
        found.add((p, s, o))
    return found


def evaluate(
    gold: dict[str, dict[str, Any]],
    graph: Graph,
    *,
    mode: str = "strict",
    present_only: bool = False,
) -> Report:
    """Score ``graph`` against ``gold``; ``mode`` is ``strict`` or ``alias``.

    Raises:
        KGError: E115 for another mode.

    With ``present_only``, gold documents that the graph does not have are not scored
    but listed in ``Report.absent`` (texts not restored); otherwise they count as
    missed in full.
    """
    if mode not in MODES:
        raise KGError(Errors.E115, mode=mode)
    entities, relations = _predicted(graph)
    return score(
        gold,
        entities,
        relations,
        _predicted_figures(graph),
        present=_documents(graph) if present_only else None,
        mode=mode,
    )


def agreement(gold: dict[str, dict[str, Any]], other: dict[str, dict[str, Any]]) -> Report:
    """Score a second annotator's gold ``other`` against ``gold`` as a prediction, on the
    documents both annotated: the agreement between two people, the ceiling a system's
    figures are read against.

    >>> one = {"a": {"entities": [{"type": "Place", "name": "安康市"}], "relations": []}}
    >>> two = {"a": {"entities": [{"type": "Place", "name": "安康"}], "relations": []}}
    >>> agreement(one, two).overall("entities").f1, agreement(one, one).overall("entities").f1
    (0.0, 1.0)
    """
    entities: dict[str, set[tuple[str, str]]] = {}
    relations: dict[str, set[tuple[str, ...]]] = {}
    figures: dict[str, list[Figure]] = {}
    for doc_id, doc in other.items():
        entities[doc_id] = {(e["type"], normalize(e["name"])) for e in doc.get("entities", [])}
        relations[doc_id] = _gold_relations(doc)
        figures[doc_id] = sorted(
            (
                float(f.get("value", 0)),
                str(f.get("unit", "")),
                normalize(f["subject"]) if f.get("subject") else "",
                str(f.get("text", "")),
                normalize(f["programme"]) if f.get("programme") else "",
                str(f.get("indicator") or ""),
            )
            for f in doc.get("measurements", [])
        )
    shared = {doc_id: doc for doc_id, doc in gold.items() if doc_id in other}
    return score(shared, entities, relations, figures, present=None, mode="strict")


def predictions(
    document: Document, entities: dict[str, Entity]
) -> tuple[set[tuple[str, str]], set[tuple[str, ...]], list[Figure]]:
    """What an analysed ``document`` predicts, as :func:`evaluate` reads it from a graph:
    the (type, name) of the entities it mentions, its relations by names and its figures
    (for scoring in memory, without writing a graph)."""
    keys = {m.entity for m in document.mentions}
    found = {(entities[k].type, normalize(entities[k].name)) for k in keys if k in entities}
    relations: set[tuple[str, ...]] = {
        (r.predicate, normalize(entities[r.subject].name), normalize(entities[r.object].name))
        for r in document.relations
        if r.subject in entities and r.object in entities
    }
    figures = sorted(
        (
            float(m.value),
            m.unit,
            normalize(entities[m.about].name) if m.about in entities else "",
            m.text,
            normalize(entities[m.programme].name) if m.programme in entities else "",
            m.indicator,
        )
        for m in document.measurements
    )
    return found, relations, figures


def score(
    gold: dict[str, dict[str, Any]],
    entities: dict[str, set[tuple[str, str]]],
    relations: dict[str, set[tuple[str, ...]]],
    figures: dict[str, list[Figure]],
    *,
    present: set[str] | None,
    mode: str,
) -> Report:
    """The report of predicted ``entities``, ``relations`` and ``figures`` (by document)
    against ``gold``; documents not in ``present`` (when given) are listed as absent."""
    report = Report()
    for doc_id, doc in sorted(gold.items()):
        if present is not None and doc_id not in present:
            report.absent.append(doc_id)
            continue
        report.documents += 1
        gold_entities = {(e["type"], normalize(e["name"])) for e in doc.get("entities", [])}
        aliases = {
            (e["type"], normalize(m)): (e["type"], normalize(e["name"]))
            for e in doc.get("entities", [])
            for m in e.get("mentions", [])
        }
        predicted = entities.get(doc_id, set())
        if mode == "alias":
            predicted = {e if e in gold_entities else aliases.get(e, e) for e in predicted}
        for type_ in ENTITY_TYPES:
            want = {e for e in gold_entities if e[0] == type_}
            got = {e for e in predicted if e[0] == type_}
            report.entities[type_].add(Score(len(want & got), len(got - want), len(want - got)))
        report.missed[doc_id] += [f"{t}:{n}" for t, n in sorted(gold_entities - predicted)]
        report.spurious[doc_id] += [f"{t}:{n}" for t, n in sorted(predicted - gold_entities)]

        gold_rel = _gold_relations(doc)
        pred_rel: set[tuple[str, ...]] = set()
        for pred, subj, obj in relations.get(doc_id, set()):
            if pred == "partnersWith":
                subj, obj = sorted((subj, obj))
            pred_rel.add((pred, subj, obj))
        for type_ in RELATION_TYPES:
            want_r = {r for r in gold_rel if r[0] == type_}
            got_r = {r for r in pred_rel if r[0] == type_}
            report.relations[type_].add(
                Score(len(want_r & got_r), len(got_r - want_r), len(want_r - got_r))
            )
        report.missed[doc_id] += [f"{p} {s} -> {o}" for p, s, o in sorted(gold_rel - pred_rel)]
        report.spurious[doc_id] += [f"{p} {s} -> {o}" for p, s, o in sorted(pred_rel - gold_rel)]
        if "measurements" in doc:
            score, about, programme, missed, spurious = _score_figures(
                doc["measurements"], figures.get(doc_id, []), report.indicators
            )
            report.measurements.add(score)
            report.about.add(about)
            report.programme.add(programme)
            report.missed[doc_id] += missed
            report.spurious[doc_id] += spurious
    return report


#: The types whose gold entities may have no subtype (``ANNOTATION.md``), and the gold
#: files' names of subclasses that differ from the ontology's.
_SUBTYPE_OPTIONAL = {"Program", "Person"}
_GOLD_SUBTYPE = {"OtherOrganization": "Other"}
#: The subtypes each entity type may carry in a gold file, from the ontology.
ENTITY_SUBTYPES: dict[str, set[str | None]] = {
    top: {_GOLD_SUBTYPE.get(s, s) for s in subtypes}
    | ({None} if top in _SUBTYPE_OPTIONAL else set())
    for top, subtypes in SUBTYPES.items()
}
#: The entity types each relation type joins (subject types, object types).
RELATION_ENDS: dict[str, tuple[set[str], set[str]]] = {
    name: (set(relation.subjects), set(relation.objects)) for name, relation in RELATIONS.items()
}


def gold_problems(
    doc_id: str,
    gold: dict[str, Any],
    text: str | None = None,
    *,
    measurements: bool = True,
) -> list[str]:
    """What is wrong with one gold file by ``ANNOTATION.md`` (empty when it is sound); with
    the article's ``text``, also every mention and measurement span not found in it.
    ``measurements``: whether the file must have its ``measurements`` list.

    >>> gold_problems("x", {"id": "x", "entities": [{"name": "a", "type": "Thing"}]})
    ["a: type 'Thing'", 'no measurements list']
    """
    problems: list[str] = []
    if gold.get("id") != doc_id:
        problems.append(f"id is {gold.get('id')!r}, not {doc_id!r}")
    types: dict[str, str] = {}
    for entity in gold.get("entities", []):
        name, type_ = entity.get("name"), entity.get("type")
        if type_ not in ENTITY_SUBTYPES:
            problems.append(f"{name}: type {type_!r}")
            continue
        if entity.get("subtype") not in ENTITY_SUBTYPES[type_]:
            problems.append(f"{name}: subtype {entity.get('subtype')!r} for {type_}")
        if name in types:
            problems.append(f"{name}: listed twice")
        types[name] = type_
        mentions = entity.get("mentions") or []
        if not mentions:
            problems.append(f"{name}: no mentions")
        if text is not None:
            problems += [
                f"{name}: mention {m!r} not in the text" for m in mentions if m not in text
            ]
    for rel in gold.get("relations", []):
        s, p, o = rel.get("s"), rel.get("p"), rel.get("o")
        if p not in RELATION_ENDS:
            problems.append(f"relation {s} {p} {o}: unknown predicate")
            continue
        subjects, objects = RELATION_ENDS[p]
        if types.get(s) not in subjects:
            problems.append(f"relation {s} {p} {o}: subject is {types.get(s)}")
        if types.get(o) not in objects:
            problems.append(f"relation {s} {p} {o}: object is {types.get(o)}")
        if p == "holdsPost" and not rel.get("role"):
            problems.append(f"relation {s} {p} {o}: no role")
    if measurements and "measurements" not in gold:
        problems.append("no measurements list")
    for figure in gold.get("measurements", []):
        span = figure.get("text", "")
        if text is not None and span not in text:
            problems.append(f"measurement {span!r} not in the text")
        if not isinstance(figure.get("value"), int | float):
            problems.append(f"measurement {span!r}: value {figure.get('value')!r}")
        if not figure.get("unit"):
            problems.append(f"measurement {span!r}: no unit")
        subject = figure.get("subject")
        if subject is not None and subject not in types:
            problems.append(f"measurement {span!r}: subject {subject!r} is not an entity")
        programme = figure.get("programme")
        if programme and types.get(programme) != "Program":
            problems.append(f"measurement {span!r}: programme {programme!r} is not a Program")
    return problems
