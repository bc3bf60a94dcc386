"""Checks on meetings: how often, how many, how well attended."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from ..models.checks import AttendanceCheck, CountCheck, FrequencyCheck
from .context import Context, Outcome, name_list

_UNIT = {
    "month": ("个月", "月"),
    "quarter": ("个季度", "季度"),
    "half": ("个半年", "半年"),
    "year": ("年", "年"),
}


def _what(types: tuple[str, ...], topic: str | None) -> str:
    kinds = "或".join(types)
    return f"含“{topic}”的{kinds}" if topic else kinds


def frequency_check(check: FrequencyCheck, ctx: Context) -> Outcome:
    """Windows holding at least `min` matching events, over all whole windows.

    PASS: per month, min 1, a meeting in each of 12 months -> 1.0, misses 0.
    FAIL: no meeting in August -> 11/12, misses 1, "12个月中11个月达标（8月无支委会）".
    """
    windows = ctx.windows(check.per)
    if not windows:
        return Outcome(None, 0, f"期内没有完整的{_UNIT[check.per][1]}，不适用")
    dates = [e.date for e in ctx.events(check.event, check.topic)]  # sorted
    short: list[tuple[str, int]] = []
    for window in windows:
        held = bisect_right(dates, window.end) - bisect_left(dates, window.start)
        if held < check.min:
            short.append((window.label, held))
    met = len(windows) - len(short)
    unit, per = _UNIT[check.per]
    detail = f"{len(windows)}{unit}中{met}{unit}达标"
    what = _what(check.event, check.topic)
    if short and check.min == 1:
        detail += f"（{name_list([label for label, _ in short], unit)}无{what}）"
    elif short:
        held_in = [f"{label}{'无' if held == 0 else f'{held}次'}" for label, held in short]
        detail += f"（{name_list(held_in, unit)}；要求每{per}至少{check.min}次{what}）"
    return Outcome(met / len(windows), len(short), detail)


def count_check(check: CountCheck, ctx: Context) -> Outcome:
    """min(count / min, 1) over the whole period; misses = min - count.

    PASS: 4 党课 with min 4 -> 1.0.  FAIL: 3 党课 with min 4 -> 0.75, misses 1.
    """
    held = len(ctx.events(check.event, check.topic))
    missing = max(check.min - held, 0)
    detail = f"期内{_what(check.event, check.topic)}{held}次，要求至少{check.min}次"
    return Outcome(min(held / check.min, 1.0), missing, detail)


def _percent(rate: float) -> str:
    """62%, or 79.6% where rounding to a whole percent would hide the shortfall."""
    whole = f"{rate:.0%}"
    return whole if abs(rate * 100 - round(rate * 100)) < 1e-9 else f"{rate:.1%}"


def attendance_check(check: AttendanceCheck, ctx: Context) -> Outcome:
    """Events whose attendees / active members reach `min_rate`, over events of that type.

    None held scores 0 with one miss, so a deduction still bites.
    FAIL: 4 meetings, one at 60% with min_rate 0.8 -> 0.75, misses 1.
    """
    events = ctx.events(check.event)
    what = _what(check.event, None)
    if not events:
        return Outcome(0.0, 1, f"期内未召开{what}")
    low = []
    for event in events:
        active = len(ctx.active_ids(event.date))
        rate = len(ctx.attendees(event)) / active if active else 0.0
        if rate + 1e-9 < check.min_rate:
            low.append(f"{event.date.month}月{event.date.day}日{_percent(rate)}")
    ok = len(events) - len(low)
    detail = f"{len(events)}次{what}中{ok}次到会率达{check.min_rate:.0%}"
    if low:
        detail += f"（{name_list(low)}）"
    return Outcome(ok / len(events), len(low), detail)
