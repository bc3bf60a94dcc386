"""Calendar windows (months, quarters, halves, years) and the Chinese words the checks' details
are made of: window labels and spans, name lists (the days' words are in cn_dates.py)."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

_QUARTER_NAMES = "一二三四"


# A named tuple, immutable as a frozen dataclass was but made about 1 µs faster (a frozen
# dataclass sets every field through object.__setattr__).
class Window(NamedTuple):
    start: dt.date
    end: dt.date
    label: str


def _month_end(year: int, month: int) -> dt.date:
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def make_windows(per: str, start: dt.date, end: dt.date) -> list[Window]:
    """Calendar months, quarters, halves or years lying wholly inside start..end."""
    months = {"month": 1, "quarter": 3, "half": 6, "year": 12}[per]
    several_years = start.year != end.year
    out = []
    year, month = start.year, 1
    while dt.date(year, month, 1) <= end:
        w_start = dt.date(year, month, 1)
        last_month = month + months - 1
        w_end = _month_end(year, last_month)
        if w_start >= start and w_end <= end:
            out.append(Window(w_start, w_end, _label(per, year, month, several_years)))
        month += months
        if month > 12:
            year, month = year + 1, 1
    return out


def _label(per: str, year: int, month: int, with_year: bool) -> str:
    prefix = f"{year}年" if with_year else ""
    if per == "month":
        return f"{prefix}{month}月"
    if per == "quarter":
        return f"{prefix}第{_QUARTER_NAMES[(month - 1) // 3]}季度"
    if per == "half":
        return f"{prefix}{'上' if month == 1 else '下'}半年"
    return f"{year}年"


UNIT_NAMES = {"month": "月份", "quarter": "季度", "half": "半年度", "year": "年度"}


def no_whole(per: str) -> str:
    """The not-applicable detail of a check that finds no whole window in the period."""
    return f"考核期不足一个完整{UNIT_NAMES[per]}，本项不适用"


def spans(windows: list[Window], per: str) -> str:
    """Window labels for a sentence: consecutive months as one span (`5月至10月`), the rest
    listed (`第一季度、第三季度`), and a long list shortened (`…等8个月`)."""
    if per != "month":
        unit = {"quarter": "个季度", "half": "个半年", "year": "年"}[per]
        return name_list([w.label for w in windows], unit)
    runs: list[list[Window]] = []
    for w in windows:
        if runs and _next_month(runs[-1][-1]) == w.start:
            runs[-1].append(w)
        else:
            runs.append([w])
    parts: list[str] = []
    for run in runs:  # three months and more in a row as a span: 5月至10月
        if len(run) < 3:
            parts += [w.label for w in run]
        else:
            parts.append(f"{run[0].label}至{_short_label(run[0], run[-1])}")
    if len(parts) > 6:
        return f"{'、'.join(parts[:6])}等{len(windows)}个月"
    return "、".join(parts)


_COUNTED = {"month": "个月", "quarter": "个季度", "half": "个半年", "year": "年"}
_EACH = {"month": "各月", "quarter": "各季度", "half": "各半年", "year": "各年度"}


def every(windows: list[Window], per: str) -> str:
    """All the windows, as the subject of 均: 12个月 / 4个季度 / 上、下半年 / 2024年."""
    if len(windows) == 1:
        return windows[0].label
    if per == "half" and len(windows) == 2 and windows[0].start.year == windows[1].start.year:
        return "上、下半年"
    return f"{len(windows)}{_COUNTED[per]}"


def each(per: str) -> str:
    """The windows as 各…: 各月 / 各季度 / 各半年 / 各年度."""
    return _EACH[per]


def _next_month(window: Window) -> dt.date:
    return window.end + dt.timedelta(days=1)


def _short_label(first: Window, last: Window) -> str:
    """The end of a span, without the year when the span stays in one year."""
    if first.start.year == last.start.year and last.label.startswith(f"{last.start.year}年"):
        return last.label[len(f"{last.start.year}年") :]
    return last.label


def name_list(names: list[str], unit: str = "项", limit: int = 6) -> str:
    """`甲、乙、丙等8人` style lists for details."""
    shown = "、".join(names[:limit])
    return f"{shown}等{len(names)}{unit}" if len(names) > limit else shown
