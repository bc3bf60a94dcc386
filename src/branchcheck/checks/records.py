"""Checks on recorded facts (the assessors' ratings: assessors.py)."""

from __future__ import annotations

import math
import re
import unicodedata

from ..models.checks import FactCheck
from .context import Context
from .kept import kept
from .outcome import Outcome

_TRUE = frozenset({"true", "yes", "y", "on", "1", "是", "有", "已完成", "√"})
_FALSE = frozenset({"false", "no", "n", "off", "0", "否", "无", "未完成", "×"})


def fact_bool(text: str) -> bool | None:
    folded = text.strip().lower()
    if folded in _TRUE:
        return True
    if folded in _FALSE:
        return False
    return None


# Units people write after an amount: the number is read, the unit dropped (or applied).
_UNITS = {"万元": 10000.0, "元": 1.0, "%": 0.01, "％": 0.01}
_COUNT_WORDS = ("学时", "小时", "次", "个", "人", "名", "项", "分", "场")
_AMOUNT = re.compile(r"[-+]?(?:\d+(?:,\d{3})*(?:\.\d*)?|\.\d+)")


def fact_number(text: str) -> float | None:
    """An amount as people write it: 6000, 6,000, 6000元, 0.6万元, 96%, 32学时; else None."""
    folded = unicodedata.normalize("NFKC", text).strip()
    scale = 1.0
    for unit, factor in _UNITS.items():
        if folded.endswith(unit):
            folded, scale = folded[: -len(unit)].strip(), factor
            break
    else:
        for word in _COUNT_WORDS:
            if folded.endswith(word):
                folded = folded[: -len(word)].strip()
                break
    if not _AMOUNT.fullmatch(folded):
        return None
    number = float(folded.replace(",", "")) * scale
    return number if math.isfinite(number) else None  # "1e400" is not an amount


def amount(number: float) -> str:
    """6000.0 -> '6000', 0.25 -> '0.25': an amount as a person writes it."""
    if number == int(number) and abs(number) < 1e15:
        return str(int(number))
    return f"{number:.4f}".rstrip("0").rstrip(".")


def _as_written(value: str, number: float) -> str:
    """A threshold in the unit the ledger wrote its value in: 90% beside 82%, 5000元 beside
    3000元 (or 0.3万元), 32学时 beside 19学时."""
    folded = unicodedata.normalize("NFKC", value).strip()
    if folded.endswith("%"):
        return f"{amount(round(number * 100, 4))}%"
    if folded.endswith("元"):
        return f"{amount(number)}元"
    unit = next((word for word in _COUNT_WORDS if folded.endswith(word)), "")
    return f"{amount(number)}{unit}"


def fact_check(check: FactCheck, ctx: Context) -> Outcome:
    """1 when the ledger's fact matches `expect` (default true) or reaches `min`, else 0.

    With `share: true` the value is the fraction itself (82% or 0.82 -> 0.82).
    PASS: facts {党员活动室: true}, or {活动经费: 6000元} with min 1.
    FAIL: fact missing (and no `default`), or 活动经费 3000 with min 5000.
    The outcome's `value` fills a rubric's `{value}`: an amount as its bare number (6000 for
    6000元 or 0.6万元), a share or an amount written with % as a percentage (82%), anything
    else as written.
    """
    key = check.key
    value = ctx.ledger.facts.get(key, check.default)
    if value is None:
        return Outcome(0.0, 1, f"台账未记录“{key}”", replaceable=False)
    if check.share or check.min is not None:
        number = fact_number(value)
        if number is None:
            return Outcome(0.0, 1, f"{key}记为“{value}”，不是数值", replaceable=False)
    if check.share:
        assert number is not None
        if 1 < number <= 100 and not any(sign in value for sign in "%％"):
            number /= 100  # 82 written for 82%
        fraction = round(min(max(number, 0.0), 1.0), 6)
        shown = f"{fraction:.0%}"
        return Outcome(fraction, 0 if fraction >= 1 else 1, f"{key}{shown}", value=shown)
    if check.min is not None:
        assert number is not None
        ok = number >= check.min
        percent = unicodedata.normalize("NFKC", value).strip().endswith("%")
        shown = f"{amount(round(number * 100, 4))}%" if percent else amount(number)
        detail = f"{key}{value}" if ok else f"{key}{value}，低于{_as_written(value, check.min)}"
        return Outcome(1.0 if ok else 0.0, 0 if ok else 1, detail, value=shown)
    expect = check.expect if check.expect is not None else "true"
    wanted, met, missed = kept(check, "expect", lambda: _expected(check.key, expect))
    if wanted is None:  # a text answer: compared as written
        ok = value == expect
        detail = f"{key}为“{value}”" + ("" if ok else f"，要求为“{expect}”")
        return Outcome(1.0 if ok else 0.0, 0 if ok else 1, detail, value=value)
    given = fact_bool(value)
    if given is None:
        return Outcome(
            0.0, 1, f"{key}记为“{value}”，无法判断是否符合要求", value=value, replaceable=False
        )
    if wanted == given:
        return Outcome(1.0, 0, met, value=value)
    return Outcome(0.0, 1, missed, value=value)


def _expected(key: str, expect: str) -> tuple[bool | None, str, str]:
    """A yes/no fact's expected answer and its two details, met and missed: what the check's
    spec alone decides, kept per spec (~1 µs a fact)."""
    wanted = fact_bool(expect)
    if wanted:
        return wanted, f"{key}：符合要求", f"{key}：不符合要求"
    # (a thing that must not happen, a misconduct fact)
    return wanted, f"未发生{key}情况", f"发生{key}情况"
