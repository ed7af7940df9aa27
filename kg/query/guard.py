"""What a query may be before any engine parses it: read-only, local, and of bounded shape.

The check reads the query the way the SPARQL 1.1 grammar's terminals do (§19.8): comments
run from ``#`` to a line feed **or a carriage return**, IRIs, strings, variables and
prefixed names are tokens of their own, and what is left are keywords and punctuation. It
is a single linear pass with no recursion, so a hostile query cannot make the check itself
slow or deep; rdflib's parser (which ends comments at ``\\n`` only, and overflows its
recursion at 30 nested parentheses) is no longer asked what a query means.

A keyword that reaches outside the local graph or changes it (``SERVICE``, ``FROM``,
``LOAD`` and every update verb) is refused wherever it stands as a bare word or as the
prefix of a prefixed name (Oxigraph reads ``SERVICE:x`` as ``SERVICE :x``). This is the
message; the guarantee is that the engine process has no network at all
(:mod:`kg.query.sandbox`).

>>> check_query("SELECT * WHERE { ?s ?p ?o }").form
'SELECT'
>>> try:
...     check_query("SELECT * WHERE { #\\r SERVICE <http://x/> { ?s ?p ?o } }")
... except KGError as error:
...     print(error.code, error.fields["what"])
E135 SERVICE
>>> check_query("PREFIX ex: <http://x/> SELECT ?service WHERE { ?service ex:from ?o }").form
'SELECT'
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from kg.errors import Errors, KGError

__all__ = ["MAX_CHARS", "MAX_DEPTH", "MAX_OPERATORS", "QueryShape", "check_query"]

#: The longest query text read (a query is never a document).
MAX_CHARS = 64 * 1024
#: The deepest nesting of (), [] and {}.
MAX_DEPTH = 64
#: Operators, path steps and UNION/MINUS/OPTIONAL in one query: Oxigraph's evaluator
#: recurses along a chain of them and overflows its stack past about 6,000.
MAX_OPERATORS = 2_000

#: Keywords that reach past the local graph or change it.
REFUSED = frozenset(
    {
        "SERVICE",
        "FROM",
        "LOAD",
        "INSERT",
        "DELETE",
        "CLEAR",
        "DROP",
        "CREATE",
        "ADD",
        "MOVE",
        "COPY",
        "WITH",
        "USING",
    }
)
_FORMS = frozenset({"SELECT", "CONSTRUCT", "DESCRIBE", "ASK"})
_CHAINING = frozenset({"UNION", "MINUS", "OPTIONAL"})

_TOKEN = re.compile(
    r"""
    (?P<space>[\ \t\r\n\f\v]+)
  | (?P<comment>\#[^\r\n]*)
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''
              | \"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
              | '(?:[^'\\\r\n]|\\.)*'
              | "(?:[^"\\\r\n]|\\.)*")
  | (?P<var>[?$][^\s{}()\[\];,.<>"'\#?$=!&|*/+^@-]*)
  | (?P<lang>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
  | (?P<word>(?:[^\s{}()\[\];,.<>"'\#?$=!&|*/+^@\\-]
              | \\.
              | [.\-](?=[^\s{}()\[\];,<>"'\#?$=!&|*/+^@]))+)
  | (?P<open>[({\[])
  | (?P<close>[)}\]])
  | (?P<operator>&&|\|\||!=|<=|>=|\^\^|[=<>!+\-*/|^])
  | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)


@dataclass(frozen=True)
class QueryShape:
    """What the check learned of a query: its form (``SELECT``, ``ASK``, ``CONSTRUCT``,
    ``DESCRIBE``, or ``""`` when it names none), its deepest nesting, its operators."""

    form: str
    depth: int
    operators: int


def check_query(
    text: str,
    *,
    max_chars: int = MAX_CHARS,
    max_depth: int = MAX_DEPTH,
    max_operators: int = MAX_OPERATORS,
) -> QueryShape:
    """Check ``text`` before any engine parses it.

    Raises:
        KGError: E135 for a keyword that reaches past the local graph or changes it,
            E138 for a query longer, deeper or with more operators than the bounds.
    """
    if len(text) > max_chars:
        raise KGError(Errors.E138, what=f"{len(text):,} characters", limit=f"{max_chars:,}")
    if "\\u" in text or "\\U" in text:
        # the grammar has \uXXXX decoded before parsing (rdflib does; Oxigraph does not):
        # what either engine could read as a keyword is checked
        _scan(_UNICODE_ESCAPE.sub(_decoded, text), max_depth, max_operators)
    return _scan(text, max_depth, max_operators)


_UNICODE_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


def _decoded(match: re.Match[str]) -> str:
    code = int(match.group(1) or match.group(2), 16)
    return chr(code) if code <= 0x10FFFF else match.group()


def _described(keyword: str, rest: Iterator[re.Match[str]]) -> str:
    """A refused keyword as the message names it."""
    if keyword == "SERVICE":
        return "SERVICE"
    if keyword == "FROM":
        following = next((m for m in rest if m.lastgroup not in {"space", "comment"}), None)
        named = following is not None and following.group().upper() == "NAMED"
        return "FROM NAMED" if named else "FROM"
    return f"an update ({keyword})"


def _scan(text: str, max_depth: int, max_operators: int) -> QueryShape:
    """The shape of ``text``, token by token (see the module's docstring)."""
    form = ""
    depth = deepest = operators = 0
    tokens = _TOKEN.finditer(text)
    for match in tokens:
        kind = match.lastgroup
        if kind == "word":
            word = match.group()
            head = word.split(":", 1)[0].upper() if not word[0].isdigit() else ""
            if head in REFUSED:
                raise KGError(Errors.E135, what=_described(head, tokens))
            if ":" not in word:
                if head in _CHAINING:
                    operators += 1
                elif head in _FORMS and not form and depth == 0:
                    form = head
        elif kind == "open":
            depth += 1
            deepest = max(deepest, depth)
            if depth > max_depth:
                raise KGError(Errors.E138, what=f"nesting deeper than {max_depth}", limit=max_depth)
        elif kind == "close":
            depth = max(0, depth - 1)
        elif kind == "operator":
            operators += 1
        if operators > max_operators:
            raise KGError(
                Errors.E138, what=f"more than {max_operators:,} operators", limit=max_operators
            )
    return QueryShape(form, deepest, operators)
