"""Written numbers -> values: Arabic digits with 万/亿, and Chinese numerals.

>>> parse_number("38.6", "万")
Decimal('386000.0')
>>> parse_number("三十", ""), parse_number("两", ""), parse_number("一千零五", "")
(Decimal('30'), Decimal('2'), Decimal('1005'))
>>> parse_number("10,272", "")
Decimal('10272')
"""

from __future__ import annotations

from decimal import Decimal

__all__ = ["CHINESE_DIGITS", "LARGEST", "MAGNITUDES", "parse_number"]

CHINESE_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
                  "六": 6, "七": 7, "八": 8, "九": 9}  # fmt: skip
_UNITS = {"十": 10, "百": 100, "千": 1000}
#: Magnitudes written after a number (2.3万, 1.2亿, 三千万 is 三千 + 万).
MAGNITUDES = {"": 1, "百": 100, "千": 1000, "万": 10_000, "亿": 100_000_000, "万亿": 10**12}
#: Past this a number is no figure of union work (a country's GDP is about 1.3e14 元): an
#: identifier, a run of digits, page noise. It would not fit a 64-bit float exactly either.
LARGEST = Decimal(10) ** 15


def _chinese(text: str) -> int:
    """A Chinese numeral below 万 (一千零五 -> 1005, 十二 -> 12, 三十 -> 30)."""
    total, digit = 0, None
    for char in text:
        if char in CHINESE_DIGITS:
            digit = CHINESE_DIGITS[char]
        elif char in _UNITS:
            total += (1 if digit is None else digit) * _UNITS[char]
            digit = None
        else:
            raise ValueError(f"not a Chinese numeral: {text!r}")
    return total + (digit or 0)


def parse_number(number: str, magnitude: str) -> Decimal:
    """The value of ``number`` (digits, or a Chinese numeral) times ``magnitude``.

    Raises:
        ValueError: for text that is not a number, or a number past :data:`LARGEST`.

    >>> parse_number("9" * 400, "")
    Traceback (most recent call last):
    ValueError: 400 digits is no figure
    """
    digits = number.replace(",", "").replace("，", "")
    if len(digits) > 30:  # no Decimal of thousands of digits is made, or multiplied
        raise ValueError(f"{len(digits)} digits is no figure")
    value = Decimal(digits) if digits[:1].isdigit() else Decimal(_chinese(number))
    value *= MAGNITUDES[magnitude]
    if value >= LARGEST:
        raise ValueError(f"{value} is past the largest figure")
    return value
