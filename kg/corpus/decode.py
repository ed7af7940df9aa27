"""Decode bytes of unknown encoding: UTF-8/16 with BOM, UTF-8, GB18030/GBK, Big5.

Big5 bytes are nearly always valid GB18030 too, so where more than one legacy
codec decodes a file strictly the one whose text reads most like Chinese wins:
the share of common characters (after simplification) decides.

>>> decode_bytes("工会".encode("gbk"))
('工会', 'gb18030')
>>> decode_bytes("工會".encode("big5"))
('工會', 'big5')
"""

from __future__ import annotations

import codecs

from kg.corpus.charfreq import common_ratio

__all__ = ["DecodeError", "decode_bytes", "looks_binary"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_LEGACY = ("gb18030", "big5hkscs")
_SAMPLE = 20_000


class DecodeError(ValueError):
    """No supported encoding decodes the bytes."""


def looks_binary(data: bytes) -> str | None:
    """Say why ``data`` looks binary (no BOM), or ``None`` if it looks like text.

    >>> looks_binary(b"\\x89PNG\\r\\n\\x1a\\n\\x00\\x00")
    'it contains NUL bytes'
    """
    if any(data.startswith(bom) for bom, _ in _BOMS):
        return None
    head = data[:_SAMPLE]
    if b"\x00" in head:
        return "it contains NUL bytes"
    controls = sum(b < 9 or 13 < b < 32 for b in head)
    if head and controls / len(head) > 0.05:
        return f"{controls} control bytes in the first {len(head)}"
    return None


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode ``data`` and name the encoding used.

    Raises:
        DecodeError: when no supported encoding decodes it strictly.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = _strict(data, encoding)
            if text is None:
                raise DecodeError(
                    f"it starts with a {encoding} byte-order mark but is not {encoding}"
                )
            return text, encoding.replace("-sig", "")
    text = _strict(data, "utf-8")
    if text is not None:
        return text, "utf-8"
    candidates = [(enc, t) for enc in _LEGACY if (t := _strict(data, enc)) is not None]
    if not candidates:
        raise DecodeError("not UTF-8, GB18030/GBK or Big5")
    best_encoding, best_text = max(
        candidates, key=lambda c: (common_ratio(c[1][:_SAMPLE]), c[0] == "gb18030")
    )
    return best_text, best_encoding.replace("big5hkscs", "big5")
