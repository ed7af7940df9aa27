"""A per-document cache: a rebuild only redoes the documents that changed.

An entry holds a document's part of the graph (:class:`~kg.graph.parts.DocumentPart`:
what cleaning, story splitting, linking and relation extraction made of it), keyed by
the document (identifier, text, container metadata) and by a fingerprint of everything
that shapes the result: the package's code, the pipeline config and the lexicons. Change
any of them and every entry is stale, so a cached build always equals a fresh one.

Entries are JSON, never pickle: reading one cannot run code. Each carries the document
and fingerprint it was made for and a SHA-256 of its content; an entry that does not
parse, does not verify or holds a value of the wrong kind is a miss, and the fresh
analysis replaces it. :meth:`DocumentCache.prune` removes the entries of other
fingerprints (and of older cache formats).
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from functools import lru_cache
from pathlib import Path
from typing import Any

from kg.graph.parts import DocumentPart, PartFormatError, part_from_json, part_to_json
from kg.types import RawDocument
from kg.vocab.files import ontology_dir

__all__ = ["FORMAT", "DocumentCache", "fingerprint"]

#: The entry format; part of the fingerprint, so a new format makes old entries stale.
FORMAT = "kg-document-cache/4"
_PREFIX = 16  # characters of the fingerprint that start an entry's file name
_ABANDONED = 3600.0  # seconds after which a temporary file is a killed build's


@lru_cache(maxsize=1)
def fingerprint() -> str:
    """A hash of the code, config and lexicons a document's analysis depends on."""
    digest = hashlib.sha256(FORMAT.encode())
    package = Path(__file__).resolve().parent
    files = sorted(package.rglob("*.py")) + sorted(package.rglob("*.cfg"))
    files += sorted((package / "models").glob("*"))
    files += sorted((ontology_dir() / "lexicon").glob("*"))
    for path in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _canonical(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


class DocumentCache:
    """Verified JSON entries in a folder, one file per document."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.hits = 0
        self.misses = 0
        self.rejected = 0  # entries found but not verified
        folder.mkdir(parents=True, exist_ok=True)

    def _key(self, raw: RawDocument) -> str:
        digest = hashlib.sha256(fingerprint().encode())
        meta = json.dumps(dict(raw.meta), sort_keys=True)
        for part in (raw.identifier, raw.sha256, raw.text, meta):
            digest.update(part.encode("utf-8", "surrogatepass"))
            digest.update(b"\0")
        return digest.hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / f"{fingerprint()[:_PREFIX]}-{key}.json"

    def get(self, raw: RawDocument) -> DocumentPart | None:
        """The cached part of ``raw``, or ``None`` (absent, or not verified)."""
        key = self._key(raw)
        path = self._path(key)
        try:
            data = path.read_bytes()
        except OSError:
            self.misses += 1
            return None
        part = self._verified(data, key, raw)
        if part is None:
            self.misses += 1
            self.rejected += 1
            return None
        self.hits += 1
        return part

    def _verified(self, data: bytes, key: str, raw: RawDocument) -> DocumentPart | None:
        try:
            entry = json.loads(data)
            if not isinstance(entry, dict):
                return None
            expected = {
                "format": FORMAT,
                "fingerprint": fingerprint(),
                "key": key,
                "identifier": raw.identifier,
                "sha256": raw.sha256,
            }
            if any(entry.get(name) != value for name, value in expected.items()):
                return None
            if entry.get("checksum") != hashlib.sha256(_canonical(entry.get("part"))).hexdigest():
                return None
            part = part_from_json(entry["part"])
        except (ValueError, PartFormatError, RecursionError):
            return None
        return part if part.identifier == raw.identifier else None

    def put(self, raw: RawDocument, part: DocumentPart) -> None:
        """Store the part of ``raw`` (written to a temporary file, then renamed)."""
        key = self._key(raw)
        content = part_to_json(part)
        entry = {
            "format": FORMAT,
            "fingerprint": fingerprint(),
            "key": key,
            "identifier": raw.identifier,
            "sha256": raw.sha256,
            "checksum": hashlib.sha256(_canonical(content)).hexdigest(),
            "part": content,
        }
        path = self._path(key)
        temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        temporary.write_bytes(_canonical(entry))
        temporary.replace(path)

    def prune(self) -> int:
        """Remove the entries no build of this code can use (other fingerprints, older
        formats, temporary files left by a killed build); return how many."""
        current = f"{fingerprint()[:_PREFIX]}-"
        removed = 0
        for path in self.folder.iterdir():
            if not path.is_file() or path.is_symlink():
                continue
            if path.suffix == ".tmp":
                # another build may be writing it right now
                stale = time.time() - path.stat().st_mtime > _ABANDONED
            else:
                stale = path.suffix == ".pickle" or (
                    path.suffix == ".json" and not path.name.startswith(current)
                )
            if stale:
                path.unlink(missing_ok=True)
                removed += 1
        return removed
