"""Decoding bytes of unknown encoding."""

from __future__ import annotations

import codecs

import pytest

from kg.corpus.decode import DecodeError, decode_bytes, looks_binary
from tests.helpers import corpus_text

SIMPLIFIED = corpus_text("001")[:600]
TRADITIONAL = (
    "安康市總工會在市委和省總工會的堅強領導下,堅持以職工為中心的工作導向,舉辦職工技能大賽。"
)


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        (SIMPLIFIED.encode("utf-8"), SIMPLIFIED, "utf-8"),
        (codecs.BOM_UTF8 + SIMPLIFIED.encode("utf-8"), SIMPLIFIED, "utf-8"),
        (SIMPLIFIED.encode("utf-16"), SIMPLIFIED, "utf-16"),
        (codecs.BOM_UTF16_BE + SIMPLIFIED.encode("utf-16-be"), SIMPLIFIED, "utf-16"),
        (SIMPLIFIED.encode("gbk"), SIMPLIFIED, "gb18030"),
        (SIMPLIFIED.encode("gb18030"), SIMPLIFIED, "gb18030"),
        (TRADITIONAL.encode("big5"), TRADITIONAL, "big5"),
        (TRADITIONAL.encode("gb18030"), TRADITIONAL, "gb18030"),
        ("工会".encode("gbk"), "工会", "gb18030"),
        ("工會".encode("big5"), "工會", "big5"),
    ],
)
def test_decode(data: bytes, text: str, encoding: str) -> None:
    assert decode_bytes(data) == (text, encoding)


def test_undecodable_bytes_raise() -> None:
    with pytest.raises(DecodeError, match="not UTF-8"):
        decode_bytes(b"\xff\xfa\xfb\x81")


def test_bom_that_lies_raises() -> None:
    with pytest.raises(DecodeError, match="byte-order mark"):
        decode_bytes(codecs.BOM_UTF8 + b"\xff\xfe\xfd")


@pytest.mark.parametrize(
    ("data", "binary"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", True),
        (bytes(range(32)) * 10, True),
        (SIMPLIFIED.encode("utf-16"), False),
        (SIMPLIFIED.encode("gbk"), False),
        (b"plain ascii text\n", False),
    ],
)
def test_looks_binary(data: bytes, binary: bool) -> None:
    assert (looks_binary(data) is not None) is binary
