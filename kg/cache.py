"""A per-document cache: a rebuild only redoes the documents that changed.

An entry holds a document's part of the graph (:class:`~kg.graph.parts.DocumentPart`:
what cleaning, story splitting, linking and relation extraction made of it), keyed by
the document (identifier, text, container metadata) and by a fingerprint of everything
that shapes the result: the package's code, the pipeline config and the lexicons. Change
any of them and every entry is stale, so a cached build always equals a fresh one.
"""

from __future__ import annotations

import hashlib
import json
import pickle
from functools import lru_cache
from pathlib import Path

from kg.config import ontology_dir
from kg.graph.parts import DocumentPart
from kg.types import RawDocument

__all__ = ["DocumentCache", "fingerprint"]

_FORMAT = b"kg-document-cache/2"


@lru_cache(maxsize=1)
def fingerprint() -> str:
    """A hash of the code, config and lexicons a document's analysis depends on."""
    digest = hashlib.sha256(_FORMAT)
    package = Path(__file__).resolve().parent
    files = sorted(package.rglob("*.py")) + sorted(package.rglob("*.cfg"))
    files += sorted((ontology_dir() / "lexicon").glob("*"))
    for path in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


class DocumentCache:
    """Pickled document parts in a folder, one file per document."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.hits = 0
        self.misses = 0
        folder.mkdir(parents=True, exist_ok=True)

    def _path(self, raw: RawDocument) -> Path:
        digest = hashlib.sha256(fingerprint().encode())
        meta = json.dumps(dict(raw.meta), sort_keys=True)
        for part in (raw.identifier, raw.sha256, raw.text, meta):
            digest.update(part.encode("utf-8"))
            digest.update(b"\0")
        return self.folder / f"{digest.hexdigest()}.pickle"

    def get(self, raw: RawDocument) -> DocumentPart | None:
        """The cached part of ``raw``, or ``None``."""
        entry: DocumentPart
        path = self._path(raw)
        try:
            with path.open("rb") as handle:
                entry = pickle.load(handle)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            self.misses += 1
            return None
        self.hits += 1
        return entry

    def put(self, raw: RawDocument, part: DocumentPart) -> None:
        """Store the part of ``raw`` (written atomically)."""
        path = self._path(raw)
        temporary = path.with_suffix(".tmp")
        with temporary.open("wb") as handle:
            pickle.dump(part, handle, protocol=pickle.HIGHEST_PROTOCOL)
        temporary.replace(path)
