"""Checks on meetings: how often, how many, how well attended."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from functools import cache
from itertools import repeat
from operator import attrgetter, sub

from ..cn_dates import cn_date, cn_day
from ..models.checks import AttendanceCheck, CountCheck, FrequencyCheck, GroupsCheck
from ..models.ledger_records import Event
from .context import Context
from .kept import kept
from .outcome import Outcome
from .wording import Window, each, every, name_list, no_whole, spans

_UNIT = {"month": "个月", "quarter": "个季度", "half": "个半年", "year": "年"}
_EACH = {"month": "月", "quarter": "季度", "half": "半年", "year": "年"}
_DATE = attrgetter("date")
ANY_ACTIVITY = 4  # this many event types and more read as 组织生活 as a whole


@cache  # a rubric's few type lists, asked for in most details: saves ~0.5 µs a call
def verb(types: tuple[str, ...]) -> str:
    """召开 for meetings (…会), 开展 for the rest (党课, 主题党日, 谈心谈话, 理论学习)."""
    return "召开" if all(t.endswith("会") for t in types) else "开展"


def _any_of(types: tuple[str, ...]) -> str:
    """A noun phrase for "one of these": 支委会 / 党课或主题党日 / 组织生活."""
    if len(types) >= ANY_ACTIVITY:
        return "组织生活"
    return types[0] if len(types) == 1 else f"{'、'.join(types[:-1])}或{types[-1]}"


def _what(types: tuple[str, ...], topic: str | None) -> str:
    kinds = _any_of(types)
    return f"含“{topic}”的{kinds}" if topic else kinds


def _none_held(types: tuple[str, ...], topic: str | None) -> str:
    """What a window lacked, after its label: 未召开支委会 / 支委会、党员大会均未落实“第一议题”
    / 未开展任何组织生活."""
    if topic:
        return f"{'、'.join(types)}{'均' if len(types) > 1 else ''}未落实“{topic}”"
    if len(types) >= ANY_ACTIVITY:
        return "未开展任何组织生活"
    if len(types) == 1:
        return f"未{verb(types)}{types[0]}"
    return f"{'、'.join(types)}均未{verb(types)}"


def _bounds(windows: list[Window]) -> tuple[list[dt.date], list[dt.date]]:
    return [w.start for w in windows], [w.end for w in windows]


def held_per_window(dates: list[dt.date], windows: list[Window]) -> list[int]:
    """How many of the sorted `dates` fall in each window: counted by bisects mapped in C over
    the windows' bounds (kept per window list), not a Python loop over the windows (~2 µs)."""
    starts, ends = kept(windows, "bounds", lambda: _bounds(windows))
    after_start = map(bisect_left, repeat(dates), starts)
    return list(map(sub, map(bisect_right, repeat(dates), ends), after_start))


def frequency_check(check: FrequencyCheck, ctx: Context) -> Outcome:
    """Windows holding at least `min` matching events, over all whole windows.

    PASS: per month, min 1, a meeting in each of 12 months -> 1.0, "12个月均按期召开支委会".
    FAIL: no meeting in August -> 11/12, misses 1, "8月未召开支委会".
    """
    windows = ctx.windows(check.per)
    if not windows:
        return Outcome(None, 0, no_whole(check.per))
    if check.per == "year":
        return _yearly(check, ctx, windows)
    if len(check.event) == 1 and check.topic is None:
        dates = ctx.dates(check.event[0])  # sorted
    else:
        dates = list(map(_DATE, ctx.events(check.event, check.topic)))
    counts = held_per_window(dates, windows)
    if min(counts) >= check.min:  # every window met, the usual case: the same answer each time
        return kept(check, "met", lambda: _met(check, windows), also=windows)
    short = [(w, held) for w, held in zip(windows, counts, strict=True) if held < check.min]
    met = len(windows) - len(short)
    detail = _windows_detail(check, windows, short)
    return Outcome(met / len(windows), len(short), detail)


def _met(check: FrequencyCheck, windows: list[Window]) -> Outcome:
    return Outcome(1.0, 0, _windows_detail(check, windows, []))


def _windows_detail(
    check: FrequencyCheck, windows: list[Window], short: list[tuple[Window, int]]
) -> str:
    types, topic = check.event, check.topic
    all_of = every(windows, check.per)
    also = "均" if len(windows) > 1 else "已"
    if not short:
        if topic:
            return f"{all_of}{also}落实“{topic}”（{_any_of(types)}）"
        done = f"{all_of}{'均按期' if len(windows) > 1 else '已'}{verb(types)}{_any_of(types)}"
        return done + (f"（每{_EACH[check.per]}至少{check.min}次）" if check.min > 1 else "")
    if check.min == 1:
        lacking = _none_held(types, topic)
        if len(short) == len(windows) > 1:  # none at all: "各月均未召开支委会"
            return each(check.per) + (f"均{lacking}" if lacking.startswith("未") else lacking)
        return spans([w for w, _ in short], check.per) + lacking
    held_in = [
        f"{w.label}{verb(types)}{held}次" if held else f"{w.label}未{verb(types)}"
        for w, held in short
    ]
    return (
        f"{_what(types, topic)}{name_list(held_in, _UNIT[check.per])}，"
        f"要求每{_EACH[check.per]}至少{check.min}次"
    )


def _yearly(check: FrequencyCheck, ctx: Context, years: list[Window]) -> Outcome:
    """Per year it belongs to; the detail names the days held, or says it was not held."""
    counted = _yearly_events(check, ctx, years)
    types, topic = check.event, check.topic
    sentences = []
    for year, held in zip(years, counted, strict=True):
        y = year.start.year
        days = name_list([cn_day(e.date, y) for e in held], "次", limit=4)
        if len(held) >= check.min:
            if topic:
                sentences.append(f"已于{days}落实{y}年度“{topic}”")
            elif check.min > 1:
                sentences.append(f"{y}年度{verb(types)}{_any_of(types)}{len(held)}次（{days}）")
            else:
                sentences.append(f"已于{days}{verb(types)}{y}年度{_any_of(types)}")
        elif held:
            sentences.append(
                f"{y}年度仅{verb(types)}{_what(types, topic)}{len(held)}次（{days}），"
                f"要求至少{check.min}次"
            )
        elif topic:
            sentences.append(f"{y}年度{'、'.join(types)}未落实“{topic}”")
        else:
            sentences.append(
                f"未{verb(types)}{y}年度{_any_of(types)}{_elsewhere(check, ctx, year)}"
            )
    short = sum(len(held) < check.min for held in counted)
    return Outcome((len(years) - short) / len(years), short, "；".join(sentences))


def _elsewhere(check: FrequencyCheck, ctx: Context, year: Window) -> str:
    """Why a meeting did not count for the year: held that year for another year, or held
    for it too late (after the year and its `grace_days`)."""
    late = year.end + dt.timedelta(days=check.grace_days)
    notes = []
    for e in _matching(check, ctx):
        if year.start <= e.date <= year.end and e.for_year not in (None, year.start.year):
            notes.append(f"{cn_date(e.date)}{verb(check.event)}的为{e.for_year}年度")
        elif e.for_year == year.start.year and e.date > late:
            notes.append(f"{cn_date(e.date)}{verb(check.event)}的已超过规定时限")
    return f"（{name_list(notes, '次', limit=2)}）" if notes else ""


def _matching(check: FrequencyCheck, ctx: Context) -> list[Event]:
    """The ledger's events of the check's types and topic, in or out of the period, by date."""
    return ctx.matching(check.event, check.topic)


def _yearly_events(check: FrequencyCheck, ctx: Context, years: list[Window]) -> list[list[Event]]:
    """Events per year they belong to: `for_year` when given (held within the year or up to
    `grace_days` after it), else the year they were held in. A 2023年度 meeting held in
    January 2024 counts for 2023, never for 2024."""
    found: list[list[Event]] = [[] for _ in years]
    grace = dt.timedelta(days=check.grace_days)
    for event in _matching(check, ctx):  # not only the period's: a grace window runs past it
        for i, year in enumerate(years):
            if event.for_year is None:
                hit = year.start <= event.date <= year.end
            else:
                hit = event.for_year == year.start.year and (
                    year.start <= event.date <= year.end + grace
                )
            if hit:
                found[i].append(event)
    return found


def count_check(check: CountCheck, ctx: Context) -> Outcome:
    """min(count / min, 1) over the whole period; misses = min - count.

    PASS: 4 党课 with min 4 -> 1.0.  FAIL: 3 党课 with min 4 -> 0.75, misses 1.
    """
    held = len(ctx.events(check.event, check.topic))
    missing = max(check.min - held, 0)
    what, act = _what(check.event, check.topic), verb(check.event)
    if held >= check.min:
        detail = f"考核期内{act}{what}{held}次"
    elif held:
        detail = f"考核期内{act}{what}{held}次，少于要求的{check.min}次"
    else:
        detail = f"考核期内未{act}{what}（要求至少{check.min}次）"
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
    what = _any_of(check.event)
    if not events:
        return Outcome(0.0, 1, f"考核期内未{verb(check.event)}{what}")
    low = []
    excused: set[str] = set()
    for event in events:
        # 应到: active that day and not excused (《党员教育管理工作条例》第二十三条).
        expected = ctx.expected_ids(event.date)
        if ctx.has_excused:  # else none are excused: no set difference to make per event
            excused |= ctx.active_ids(event.date) - expected
            present = ctx.attendees(event) & expected
        else:  # all who are there are expected (attendees are active members)
            present = ctx.attendees(event)
        rate = len(present) / len(expected) if expected else 0.0
        if rate + 1e-9 < check.min_rate:
            low.append((f"{event.date.month}月{event.date.day}日", _percent(rate)))
    ok = len(events) - len(low)
    floor = f"{check.min_rate:.0%}"
    if not low:
        detail = f"{len(events)}次{what}到会率{'均' if len(events) > 1 else ''}达到{floor}"
    elif len(low) == 1:
        day, shown = low[0]
        detail = f"{len(events)}次{what}中，{day}到会率{shown}，低于{floor}"
    else:
        days = name_list([f"{day}（{shown}）" for day, shown in low], "次")
        detail = f"{len(events)}次{what}中，{days}到会率低于{floor}"
    if excused:
        detail += f"（{len(excused)}名党员按规定免于要求，不计入应到人数）"
    return Outcome(ok / len(events), len(low), detail)


def groups_check(check: GroupsCheck, ctx: Context) -> Outcome:
    """Each 党小组 holds `min` meetings per month (or quarter): windows met over groups x windows.

    An event counts for the group it names; with one group, an event naming none counts too.
    PASS: two groups, a meeting each every month.  FAIL: 第二党小组 none in May -> 23/24, misses 1.
    """
    groups = list(ctx.ledger.groups)
    if not groups:
        return Outcome(None, 0, "本支部未划分党小组，本项不适用")
    windows = ctx.windows(check.per)
    if not windows:
        return Outcome(None, 0, no_whole(check.per))
    only = groups[0] if len(groups) == 1 else None
    dates: dict[str, list[dt.date]] = {g: [] for g in groups}
    for event in ctx.events(check.event):
        group = event.group or only
        if group in dates:
            dates[group].append(event.date)
    # Groups short in the same windows are named together: 第一党小组、第二党小组8月未召开.
    short: dict[tuple[int, ...], list[str]] = {}
    for group in groups:
        counts = held_per_window(dates[group], windows)
        missing = tuple(i for i, held in enumerate(counts) if held < check.min)
        if missing:
            short.setdefault(missing, []).append(group)
    misses = sum(len(missing) * len(names) for missing, names in short.items())
    total = len(groups) * len(windows)
    what = _any_of(check.event)
    if not short:
        detail = (
            f"{len(groups)}个党小组{every(windows, check.per)}"
            f"{'均按期' if len(windows) > 1 or len(groups) > 1 else '已'}{verb(check.event)}{what}"
        )
    else:
        lacking = (
            f"未{verb(check.event)}{what}"
            if check.min == 1
            else f"{verb(check.event)}{what}不足{check.min}次"
        )
        detail = "；".join(
            f"{'、'.join(names)}{spans([windows[i] for i in missing], check.per)}{lacking}"
            for missing, names in short.items()
        )
    return Outcome((total - misses) / total, misses, detail)
