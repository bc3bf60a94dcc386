"""`gap`: no stretch of the period longer than a number of months without one of the events."""

from __future__ import annotations

import datetime as dt
import itertools
from itertools import chain
from operator import sub

from ..cn_dates import cn_span
from ..models.checks import GapCheck
from .context import Context
from .meetings import _any_of, _none_held
from .outcome import Outcome


def gap_check(check: GapCheck, ctx: Context) -> Outcome:
    """1 when no stretch of the period longer than `max_months` passes without one of these
    events (the period's start and end bound the first and last stretch), else 0.

    PASS: meetings every month.  FAIL: nothing from February to September -> 0, misses 1.
    """
    start, end = ctx.period.start, ctx.period.end
    # Only the days matter, not which event of a day comes first: the types' days sorted
    # together, not their events merged and sorted by a key (~3 µs).
    held = sorted(chain.from_iterable(ctx.dates(kind) for kind in dict.fromkeys(check.event)))
    dates = [start, *held, end]
    # The stretches between one day and the next, subtracted in C (~6 µs less than a loop).
    stretches = list(map(sub, itertools.islice(dates, 1, None), dates))
    longest = max(stretches).days
    # Each stretch against its own limit: months differ in length, so the longest stretch in
    # days (1 March to 1 September, 184) may be allowed while a shorter one (31 August to
    # 1 March, 182) is over six months.
    over = 0
    since = until = start
    # `max_months` months later is never sooner than 28 days a month, less 3 (31 August + 6
    # months: 28 February): a shorter stretch is within the limit without the date sum.
    surely_within = 28 * check.max_months - 3
    if longest > surely_within:
        for i, stretch in enumerate(stretches):
            days = stretch.days
            before, after = dates[i], dates[i + 1]
            if (
                days > over
                and days > surely_within
                and after > _months_later(before, check.max_months)
            ):
                over, since, until = days, before, after
    if not over:
        return Outcome(
            1.0, 0, f"{_any_of(check.event)}最长间隔{longest}天，未超过{check.max_months}个月"
        )
    return Outcome(
        0.0,
        1,
        f"{cn_span(since, until)}间隔{over}天{_none_held(check.event, None)}，"
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
