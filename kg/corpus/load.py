"""Discover and read corpus files: ``.txt``, ``.html``/``.htm``, ``.jsonl``.

A file that cannot be read becomes a :class:`~kg.types.Skipped` record with a
coded reason; reading goes on with the rest of the corpus.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from collections.abc import Callable, Iterator
from functools import wraps
from pathlib import Path

from kg.corpus.decode import DecodeError, decode_bytes, looks_binary
from kg.errors import Errors, KGError
from kg.types import Loader, RawDocument, Skipped

__all__ = ["LOADERS", "discover", "load_corpus", "load_file"]

_TEXT_FIELDS = ("text", "content", "body", "article")
_META_FIELDS = {
    "title": ("title", "headline"),
    "date": ("date", "published", "pubdate", "publish_time", "time"),
    "url": ("url", "link", "source_url"),
    "source": ("source", "outlet", "site", "media"),
}


def _skip(template: str, path: str, **fields: object) -> Skipped:
    error = KGError(template, path=path, **fields)
    return Skipped(path=path, code=error.code, reason=str(error))


def _decode(data: bytes, path: str) -> tuple[str, str] | Skipped:
    if not data.strip():
        return _skip(Errors.E101, path)
    binary = looks_binary(data)
    if binary:
        return _skip(Errors.E102, path, reason=binary)
    try:
        text, encoding = decode_bytes(data)
    except DecodeError as exc:
        return _skip(Errors.E103, path, reason=str(exc))
    if not text.strip():
        return _skip(Errors.E101, path)
    return text, encoding


_TextReader = Callable[[str, str, str, str], Iterator[RawDocument | Skipped]]


def _decoded(read: _TextReader) -> Loader:
    """A loader that decodes the bytes first, or says why it cannot, then ``read``s
    ``(text, encoding, path, sha256)``."""

    @wraps(read)
    def loader(data: bytes, path: str, sha256: str) -> Iterator[RawDocument | Skipped]:
        decoded = _decode(data, path)
        if isinstance(decoded, Skipped):
            yield decoded
            return
        yield from read(*decoded, path, sha256)

    return loader


@_decoded
def load_text(text: str, encoding: str, path: str, sha256: str) -> Iterator[RawDocument | Skipped]:
    """Read a plain-text article."""
    yield RawDocument(path, path, text, encoding, "text/plain", sha256)


_META_TAG = re.compile(r"<meta\s[^>]*>", re.IGNORECASE)
_ATTR = re.compile(r"""([a-zA-Z:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_TITLE = re.compile(r"<title[^>]*>(.*?)</title\s*>", re.IGNORECASE | re.DOTALL)
_HTML_META_KEYS = {
    "og:title": "title",
    "og:site_name": "source",
    "og:url": "url",
    "article:published_time": "date",
    "publishdate": "date",
    "pubdate": "date",
    "date": "date",
}


def html_meta(markup: str) -> dict[str, str]:
    """Title, date, url and source from an HTML head.

    >>> html_meta('<title>工会&amp;职工</title><meta property="og:site_name" content="鲁中网">')
    {'title': '工会&职工', 'source': '鲁中网'}
    """
    meta: dict[str, str] = {}
    title = _TITLE.search(markup)
    if title and title.group(1).strip():
        meta["title"] = html.unescape(re.sub(r"\s+", " ", title.group(1)).strip())
    for tag in _META_TAG.findall(markup):
        attrs = {k.lower(): a or b for k, a, b in _ATTR.findall(tag)}
        key = _HTML_META_KEYS.get((attrs.get("property") or attrs.get("name") or "").lower())
        if key and attrs.get("content") and key not in meta:
            meta[key] = html.unescape(attrs["content"].strip())
    return meta


@_decoded
def load_html(text: str, encoding: str, path: str, sha256: str) -> Iterator[RawDocument | Skipped]:
    """Read an HTML page; markup is removed later by the cleaners, so offsets
    point into the page source."""
    yield RawDocument(path, path, text, encoding, "text/html", sha256, html_meta(text))


def _first(record: dict[str, object], names: tuple[str, ...]) -> str | None:
    for name in names:
        value = record.get(name)
        if isinstance(value, str | int | float) and str(value).strip():
            return str(value).strip()
    return None


@_decoded
def load_jsonl(text: str, encoding: str, path: str, sha256: str) -> Iterator[RawDocument | Skipped]:
    """Read one article per line: a text field, with title/date/url optional."""
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}#L{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield _skip(Errors.E105, where, line=number, reason=f"invalid JSON ({exc.msg})")
            continue
        body = _first(record, _TEXT_FIELDS) if isinstance(record, dict) else None
        if body is None:
            yield _skip(Errors.E105, where, line=number, reason="no text field")
            continue
        meta = {k: v for k, names in _META_FIELDS.items() if (v := _first(record, names))}
        digest = hashlib.sha256(line.encode("utf-8")).hexdigest()
        yield RawDocument(where, path, body, encoding, "application/jsonl", digest, meta)


LOADERS: dict[str, Loader] = {
    ".txt": load_text,
    ".text": load_text,
    ".html": load_html,
    ".htm": load_html,
    ".jsonl": load_jsonl,
}


def discover(root: Path) -> list[Path]:
    """Every non-hidden file under ``root``, in a stable (sorted) order."""
    if not root.is_dir():
        raise KGError(Errors.E100, path=root)
    files = [
        p
        for p in root.rglob("*")
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(root).parts)
    ]
    return sorted(files, key=lambda p: p.relative_to(root).as_posix())


def load_file(path: Path, root: Path) -> Iterator[RawDocument | Skipped]:
    """Read one file of the corpus into documents, or say why not."""
    rel = path.relative_to(root).as_posix()
    loader = LOADERS.get(path.suffix.lower())
    if loader is None:
        known = ", ".join(sorted(LOADERS))
        yield _skip(Errors.E104, rel, reason=f"unsupported file type (supported: {known})")
        return
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield _skip(Errors.E104, rel, reason=exc.strerror or str(exc))
        return
    yield from loader(data, rel, hashlib.sha256(data).hexdigest())


def load_corpus(root: Path) -> Iterator[RawDocument | Skipped]:
    """Read every file under ``root``."""
    for path in discover(root):
        yield from load_file(path, root)
