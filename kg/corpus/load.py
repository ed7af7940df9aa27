"""Discover and read corpus files: ``.txt``, ``.html``/``.htm``, ``.jsonl``.

A file that cannot be read becomes a :class:`~kg.types.Skipped` record with a
coded reason; reading goes on with the rest of the corpus.
"""

from __future__ import annotations

import errno
import hashlib
import html
import json
import os
import re
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import wraps
from pathlib import Path

from kg.corpus.decode import DecodeError, decode_bytes, looks_binary
from kg.errors import Errors, KGError
from kg.types import Loader, RawDocument, Skipped

__all__ = ["LOADERS", "MAX_FILE_BYTES", "Scan", "discover", "load_corpus", "load_file", "scan"]

#: The largest file read, per kind: an article page is never near this; a .jsonl file
#: holds a whole collection, one article per line.
MAX_FILE_BYTES = {"article": 64 * 2**20, "collection": 4 * 2**30}

_TEXT_FIELDS = ("text", "content", "body", "article")
#: What str.splitlines() breaks a line at: in a file name, a forged line of output
_LINE_BREAK = re.compile(r"[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_META_FIELDS = {
    "title": ("title", "headline"),
    "date": ("date", "published", "pubdate", "publish_time", "time"),
    "url": ("url", "link", "source_url"),
    "source": ("source", "outlet", "site", "media"),
    "author": ("author", "byline", "writer"),
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
_ATTR = re.compile(r"""([a-zA-Z:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_TITLE = re.compile(r"<title[^>]*>(.*?)</title\s*>", re.IGNORECASE | re.DOTALL)
#: The meta names (``name`` or ``property``) read from an HTML head, first found first.
_HTML_META_KEYS = {
    "og:title": "title",
    "og:site_name": "source",
    "source": "source",
    "og:url": "url",
    "article:published_time": "date",
    "publishdate": "date",
    "pubdate": "date",
    "date": "date",
    "author": "author",
    "article:author": "author",
}
#: An element whose class names it the byline (``<span class="author">记者 王强</span>``).
_BYLINE_ELEMENT = re.compile(
    r"<(?P<tag>[a-z]+)\s[^>]*class\s*=\s*[\"'][^\"']*\b(?:author|byline)\b[^\"']*[\"'][^>]*>"
    r"(?P<text>[^<]{1,60})</(?P=tag)\s*>",
    re.IGNORECASE,
)
#: What separates a page title from the site's name (标题_四川工人日报, 标题 | 中工网, 标题 - 网).
_TITLE_SITE = re.compile(r"\s*[_|｜]\s*|\s+[-—–]+\s+")


def page_title(title: str) -> str:
    """A page's ``<title>`` without the site's name after it.

    >>> page_title("成都市总工会开展“夏送清凉”慰问活动_四川工人日报")
    '成都市总工会开展“夏送清凉”慰问活动'
    >>> page_title("一函两书-安康 | 中工网 | 工会动态"), page_title("中工网")
    ('一函两书-安康', '中工网')
    """
    first = _TITLE_SITE.split(title, maxsplit=1)[0].strip()
    return first if len(first) >= 4 else title


def html_meta(markup: str) -> dict[str, str]:
    """Title, date, url, source and author from an HTML head (``og:title`` over
    ``<title>``, whose site name is dropped) and a byline element.

    >>> site = '<meta property="og:site_name" content="鲁中网">'
    >>> html_meta('<title>工会&amp;职工_鲁中网</title>' + site)
    {'source': '鲁中网', 'title': '工会&职工'}
    >>> html_meta('<meta name="author" content="王强"><span class="author">记者 李阳</span>')
    {'author': '王强'}
    """
    meta: dict[str, str] = {}
    for tag in _META_TAG.findall(markup):
        attrs = {k.lower(): a or b for k, a, b in _ATTR.findall(tag)}
        key = _HTML_META_KEYS.get((attrs.get("property") or attrs.get("name") or "").lower())
        content = html.unescape(attrs.get("content", "")).strip()
        if key and content and key not in meta:
            meta[key] = re.sub(r"\s+", " ", content)
    title = _TITLE.search(markup)
    if "title" not in meta and title and title.group(1).strip():
        meta["title"] = html.unescape(re.sub(r"\s+", " ", title.group(1)).strip())
    if "title" in meta:
        meta["title"] = page_title(meta["title"])
    byline = _BYLINE_ELEMENT.search(markup)
    if "author" not in meta and byline and byline["text"].strip():
        meta["author"] = html.unescape(re.sub(r"\s+", " ", byline["text"]).strip())
    return meta


@_decoded
def load_html(text: str, encoding: str, path: str, sha256: str) -> Iterator[RawDocument | Skipped]:
    """Read an HTML page; markup is removed later by the cleaners, so offsets
    point into the page source."""
    yield RawDocument(path, path, text, encoding, "text/html", sha256, html_meta(text))


def _text_field(record: dict[str, object]) -> object:
    """The first non-empty text field of a record, whatever its kind (checked after)."""
    for name in _TEXT_FIELDS:
        value = record.get(name)
        if isinstance(value, str):
            if value.strip():
                return value.strip()
        elif value is not None:
            return value
    return None


def _first(record: dict[str, object], names: tuple[str, ...]) -> str | None:
    for name in names:
        value = record.get(name)
        if isinstance(value, str | int | float) and str(value).strip():
            return str(value).strip()
    return None


@_decoded
def load_jsonl(text: str, encoding: str, path: str, sha256: str) -> Iterator[RawDocument | Skipped]:
    """Read one article per line: a text field, with title/date/url optional."""
    # records end at \n only: U+2028 and other breaks str.splitlines() knows may be inside
    for number, line in enumerate(text.split("\n"), start=1):
        line = line.removesuffix("\r")
        if not line.strip():
            continue
        where = f"{path}#L{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield _skip(
                Errors.E105, where, file=path, line=number, reason=f"invalid JSON ({exc.msg})"
            )
            continue
        if not isinstance(record, dict):
            yield _skip(Errors.E105, where, file=path, line=number, reason="not a JSON object")
            continue
        body = _text_field(record)
        if body is None:
            yield _skip(Errors.E105, where, file=path, line=number, reason="no text field")
            continue
        if not isinstance(body, str):
            kind = type(body).__name__
            yield _skip(
                Errors.E105, where, file=path, line=number, reason=f"its text is a {kind}, not text"
            )
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


@dataclass
class Scan:
    """What a corpus folder holds: the files to read, in a stable (sorted) order, and
    every other entry with the reason it is not read."""

    files: list[Path] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


def scan(root: Path, *, exclude: tuple[Path, ...] = ()) -> Scan:
    """Every entry under ``root``: regular files to read, the rest reported.

    Hidden files and folders, links that lead out of ``root`` or nowhere, links to
    folders (not followed: no loops), FIFOs, sockets and devices (never opened: a FIFO
    would block), unreadable folders and the ``exclude`` folders (the build's own output)
    are each reported once, never silently left out.

    Raises:
        KGError: E100 when ``root`` is not a folder.
    """
    if not root.is_dir():
        raise KGError(Errors.E100, path=root)
    base = root.resolve()
    excluded = {e.resolve() for e in exclude}
    found = Scan()

    def skip(path: Path, reason: str) -> None:
        found.skipped.append(_skip(Errors.E108, path.relative_to(root).as_posix(), reason=reason))

    def walk(folder: Path) -> None:
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            if folder == root:
                raise KGError(Errors.E100, path=root) from exc
            skip(folder, f"is a folder that cannot be read ({exc.strerror or exc})")
            return
        for entry in entries:
            path = Path(entry.path)
            if entry.name.startswith("."):
                skip(path, "is hidden")
                continue
            if _LINE_BREAK.search(entry.name):
                # a line break in a name forges lines in logs and breaks CSV readers
                skip(path, "has a line break in its name (rename it)")
                continue
            if entry.is_symlink():
                target = Path(os.path.realpath(path))
                if not target.exists():
                    skip(path, "is a link to nothing")
                    continue
                if not target.is_relative_to(base):
                    skip(path, "is a link out of the corpus folder")
                    continue
                if target.is_dir():
                    skip(path, "is a link to a folder (not followed)")
                    continue
            try:
                mode = path.stat().st_mode
            except OSError as exc:
                skip(path, f"cannot be examined ({exc.strerror or exc})")
                continue
            if stat.S_ISDIR(mode):
                if path.resolve() in excluded:
                    skip(path, "is the build's output folder")
                else:
                    walk(path)
            elif stat.S_ISREG(mode):
                found.files.append(path)
            else:
                skip(path, "is not a regular file (a FIFO, socket or device)")

    walk(root)
    found.files.sort(key=lambda p: p.relative_to(root).as_posix())
    found.skipped.sort(key=lambda s: s.path)
    return found


def discover(root: Path) -> list[Path]:
    """Every file :func:`scan` would read under ``root``, in a stable (sorted) order."""
    return scan(root).files


def load_file(path: Path, root: Path) -> Iterator[RawDocument | Skipped]:
    """Read one file of the corpus into documents, or say why not."""
    rel = path.relative_to(root).as_posix()
    loader = LOADERS.get(path.suffix.lower())
    if loader is None:
        known = ", ".join(sorted(LOADERS))
        yield _skip(Errors.E104, rel, reason=f"unsupported file type (supported: {known})")
        return
    kind = "collection" if loader is load_jsonl else "article"
    try:
        with os.fdopen(_open_within(root, path), "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > MAX_FILE_BYTES[kind]:
                yield _skip(Errors.E109, rel, size=size, limit=MAX_FILE_BYTES[kind], kind=kind)
                return
            data = handle.read()
    except OSError as exc:
        yield _skip(Errors.E104, rel, reason=exc.strerror or str(exc))
        return
    yield from loader(data, rel, hashlib.sha256(data).hexdigest())


def _open_within(root: Path, path: Path) -> int:
    """A descriptor of the regular file ``path`` resolves to, opened one folder at a time
    from ``root`` without following any link on the way: a file swapped for a link (or a
    folder for a link to elsewhere) after the scan is refused, not read.

    Raises:
        OSError: when the file is not, or no longer, a regular file inside ``root``.
    """
    base = Path(os.path.realpath(root))
    try:
        parts = Path(os.path.realpath(path)).relative_to(base).parts
    except ValueError:
        raise OSError(0, "it leads out of the corpus folder (changed since the scan)") from None
    if not parts:
        raise OSError(0, "it is the corpus folder itself")
    folder = os.open(base, os.O_RDONLY | os.O_DIRECTORY)
    try:
        for part in parts[:-1]:
            inner = os.open(part, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW, dir_fd=folder)
            os.close(folder)
            folder = inner
        try:
            # non-blocking: a FIFO swapped in is never waited on
            found = os.open(parts[-1], os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK, dir_fd=folder)
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                raise OSError(exc.errno, "it became a link after the scan") from None
            raise
    finally:
        os.close(folder)
    if not stat.S_ISREG(os.fstat(found).st_mode):
        os.close(found)
        raise OSError(0, "it is no longer a regular file (changed since the scan)")
    os.set_blocking(found, True)
    return found


def load_corpus(root: Path) -> Iterator[RawDocument | Skipped]:
    """Read every file under ``root`` (and report every entry not read)."""
    found = scan(root)
    yield from found.skipped
    for path in found.files:
        yield from load_file(path, root)
