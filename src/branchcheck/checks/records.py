"""Checks on recorded facts and on the assessor's qualitative ratings."""

from __future__ import annotations

import math
import re
import unicodedata

from ..models.checks import FactCheck, RatingCheck
from .context import Context, Outcome

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


def fact_check(check: FactCheck, ctx: Context) -> Outcome:
    """1 when the ledger's fact matches `expect` (default true) or reaches `min`, else 0.

    With `share: true` the value is the fraction itself (82% or 0.82 -> 0.82).
    PASS: facts {党员活动室: true}, or {活动经费: 6000元} with min 1.
    FAIL: fact missing (and no `default`), or 活动经费 3000 with min 5000.
    """
    value = ctx.ledger.facts.get(check.key, check.default)
    if value is None:
        return Outcome(0.0, 1, f"台账未记录“{check.key}”")
    if check.share:
        number = fact_number(value)
        if number is None:
            return Outcome(0.0, 1, f"{check.key}：{value}（不是数值）")
        if 1 < number <= 100 and not any(sign in value for sign in "%％"):
            number /= 100  # 82 written for 82%
        fraction = round(min(max(number, 0.0), 1.0), 6)
        return Outcome(fraction, 0 if fraction >= 1 else 1, f"{check.key}{fraction:.0%}")
    if check.min is not None:
        number = fact_number(value)
        ok = number is not None and number >= check.min
        return Outcome(
            1.0 if ok else 0.0, 0 if ok else 1, f"{check.key}：{value}（要求≥{check.min:g}）"
        )
    expect = check.expect if check.expect is not None else "true"
    wanted, given = fact_bool(expect), fact_bool(value)
    ok = wanted == given if wanted is not None else value == expect
    label = {True: "是", False: "否"}
    shown = label[given] if given is not None else value
    required = label[wanted] if wanted is not None else expect
    detail = f"{check.key}：{shown}" if ok else f"{check.key}：{shown}（要求：{required}）"
    return Outcome(1.0 if ok else 0.0, 0 if ok else 1, detail)


def rating_check(check: RatingCheck, ctx: Context) -> Outcome:
    """The assessor's level as a share of the points (rubric `ratings`, or the check's `levels`).

    No rating yet: fraction 0, status unrated.
    """
    levels = check.levels or ctx.rubric.ratings
    level = ctx.ledger.ratings.get(ctx.norm.id) if ctx.norm else None
    if level is None:
        return Outcome(0.0, 0, "尚未评定", unrated=True)
    share = levels.get(level)
    if share is None:  # only a ledger that skipped load_ledger's checks gets here
        return Outcome(0.0, 0, f"等级“{level}”不在评定等级之中，按0计")
    # Misses are "–" for ratings (design.md): the level's share is the whole answer.
    return Outcome(share, 0, f"评定为“{level}”（得分比例{share:.0%}）")
