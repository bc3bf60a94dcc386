"""Days in Chinese words (`2024年12月1日`), one form for the checks' details, the engine's
alerts and every format; it imports nothing of the project, so any layer may use it."""

from __future__ import annotations

import datetime as dt


def cn_date(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def cn_day(day: dt.date, year: int | None = None) -> str:
    """`12月20日`, with the year only when it is not `year`."""
    return f"{day.month}月{day.day}日" if day.year == year else cn_date(day)


def cn_span(first: dt.date, last: dt.date) -> str:
    """`2024年2月6日至9月9日`: the second year only when it differs."""
    return f"{cn_date(first)}至{cn_day(last, first.year)}"
