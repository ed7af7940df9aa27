"""kg: a knowledge-graph builder for Chinese trade-union news.

The data flow runs one way (see ``DESIGN.md``)::

    files -> RawDocument -> Document (clean text + offset map) -> Story*
          -> RDF graph -> graph.ttl / graph.html / neo4j/ / report.json
"""

from __future__ import annotations

__all__ = ["__version__"]

__version__ = "0.1.0"
