"""Amounts of money in 元 (党费 and its base): Decimal to the 分, never float.

Read the same whichever parser read the file: yaml-rs gives `35.5` as a float and the strict
parse gives the text "35.5"; both go through the text of the number (`repr` of a float is its
shortest exact spelling), so both give Decimal("35.50").
"""

from __future__ import annotations

import math
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any

from pydantic import BeforeValidator, Field

from .common import yaml_number

CENT = Decimal("0.01")
MAX_AMOUNT = Decimal("100000000")  # a monthly pay or payment far beyond any member's


def _money(value: Any) -> Any:
    if isinstance(value, str):
        text = value.strip().removesuffix("元").strip()
        number = yaml_number(text)
        if number is None:
            raise ValueError(f"expected an amount in 元 like 35.50, got {value.strip()!r}")
        value = number
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        raise ValueError("expected an amount in 元 like 35.50")
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError("expected an amount in 元 like 35.50")
    if isinstance(value, int) and value.bit_length() > 64:
        raise ValueError("amount too large")
    try:
        amount = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        cents = amount.quantize(CENT)
    except InvalidOperation:
        raise ValueError("amount too large") from None
    if cents != amount:
        raise ValueError(f"{amount} has more than two decimals; write 元 to the 分 (0.01)")
    return cents


# 0 or more, to the 分: a month's payment, or a monthly base (计算基数).
Money = Annotated[Decimal, Field(ge=0, le=MAX_AMOUNT), BeforeValidator(_money)]


def yuan(amount: Decimal) -> str:
    """`35.50元`: always two decimals, as a 党费收缴台账 writes it."""
    return f"{amount.quantize(CENT)}元"
