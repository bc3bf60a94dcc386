"""Checks on meetings: how often, how many, how well attended."""

from __future__ import annotations

import datetime as dt
import itertools
from bisect import bisect_left, bisect_right

from ..models.checks import AttendanceCheck, CountCheck, FrequencyCheck, GapCheck, GroupsCheck
from .context import Context, Outcome, Window, cn_date, name_list

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
    if check.per == "year":
        counts = _yearly_counts(check, ctx, windows)
    else:
        dates = [e.date for e in ctx.events(check.event, check.topic)]  # sorted
        counts = [bisect_right(dates, w.end) - bisect_left(dates, w.start) for w in windows]
    short = [(w.label, held) for w, held in zip(windows, counts, strict=True) if held < check.min]
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


def _yearly_counts(check: FrequencyCheck, ctx: Context, years: list[Window]) -> list[int]:
    """Events per year they belong to: `for_year` when given (held within the year or up to
    `grace_days` after it), else the year they were held in. A 2023年度 meeting held in
    January 2024 counts for 2023, never for 2024."""
    counts = [0] * len(years)
    grace = dt.timedelta(days=check.grace_days)
    wanted = set(check.event)
    for event in ctx.ledger.events:  # not only the period's: a grace window runs past it
        if event.type not in wanted:
            continue
        if check.topic is not None and not any(check.topic in t for t in event.topics):
            continue
        for i, year in enumerate(years):
            if event.for_year is None:
                hit = year.start <= event.date <= year.end
            else:
                hit = event.for_year == year.start.year and (
                    year.start <= event.date <= year.end + grace
                )
            if hit:
                counts[i] += 1
    return counts


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
    excused: set[str] = set()
    for event in events:
        # 应到: active that day and not excused (《党员教育管理工作条例》第二十三条).
        expected = ctx.expected_ids(event.date)
        excused |= ctx.active_ids(event.date) - expected
        present = ctx.attendees(event) & expected
        rate = len(present) / len(expected) if expected else 0.0
        if rate + 1e-9 < check.min_rate:
            low.append(f"{event.date.month}月{event.date.day}日{_percent(rate)}")
    ok = len(events) - len(low)
    detail = f"{len(events)}次{what}中{ok}次到会率达{check.min_rate:.0%}"
    if excused:
        detail += f"（{len(excused)}名党员按规定免于要求，不计入应到人数）"
    if low:
        detail += f"（{name_list(low)}）"
    return Outcome(ok / len(events), len(low), detail)


def gap_check(check: GapCheck, ctx: Context) -> Outcome:
    """1 when no stretch of the period longer than `max_months` passes without one of these
    events (the period's start and end bound the first and last stretch), else 0.

    PASS: meetings every month.  FAIL: nothing from February to September -> 0, misses 1.
    """
    start, end = ctx.period.start, ctx.period.end
    dates = [start, *(e.date for e in ctx.events(check.event)), end]
    # Each stretch against its own limit: months differ in length, so the longest stretch in
    # days (1 March to 1 September, 184) may be allowed while a shorter one (31 August to
    # 1 March, 182) is over six months.
    longest = over = 0
    since = until = start
    for before, after in itertools.pairwise(dates):
        days = (after - before).days
        longest = max(longest, days)
        if days > over and after > _months_later(before, check.max_months):
            over, since, until = days, before, after
    if not over:
        return Outcome(1.0, 0, f"最长间隔{longest}天，未超过{check.max_months}个月")
    return Outcome(
        0.0,
        1,
        f"{cn_date(since)}至{cn_date(until)}间隔{over}天未开展{_what(check.event, None)}，"
        f"超过{check.max_months}个月",
    )


def _months_later(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (day.day, 30, 29, 28):  # 31 August + 6 months: 28 February
        try:
            return dt.date(year, month, last)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def groups_check(check: GroupsCheck, ctx: Context) -> Outcome:
    """Each 党小组 holds `min` meetings per month (or quarter): windows met over groups x windows.

    An event counts for the group it names; with one group, an event naming none counts too.
    PASS: two groups, a meeting each every month.  FAIL: 第二党小组 none in May -> 23/24, misses 1.
    """
    groups = list(ctx.ledger.groups)
    if not groups:
        return Outcome(None, 0, "未划分党小组，不适用")
    windows = ctx.windows(check.per)
    if not windows:
        return Outcome(None, 0, f"期内没有完整的{_UNIT[check.per][1]}，不适用")
    only = groups[0] if len(groups) == 1 else None
    dates: dict[str, list[dt.date]] = {g: [] for g in groups}
    for event in ctx.events(check.event):
        group = event.group or only
        if group in dates:
            dates[group].append(event.date)
    short = []
    for group in groups:
        held = dates[group]
        for w in windows:
            if bisect_right(held, w.end) - bisect_left(held, w.start) < check.min:
                short.append(f"{group}{w.label}")
    total = len(groups) * len(windows)
    detail = (
        f"{len(groups)}个党小组{len(windows)}{_UNIT[check.per][0]}中{total - len(short)}项按期召开"
    )
    if short:
        detail += f"（{name_list(short, '项')}未召开{_what(check.event, None)}）"
    return Outcome((total - len(short)) / total, len(short), detail)
