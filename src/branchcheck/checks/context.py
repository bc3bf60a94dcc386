"""What every check function receives: the ledger, indexed once, and the period's windows."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from itertools import repeat
from operator import attrgetter, contains
from typing import NamedTuple

from ..models.ledger import Event, Excused, Ledger, Member
from ..models.rubric import Norm, Rubric

_QUARTER_NAMES = "一二三四"
_DATE = attrgetter("date")


# Window and Outcome are named tuples, immutable as frozen dataclasses were but made about
# 1 µs faster each (a frozen dataclass sets every field through object.__setattr__): some 60
# are made per ledger.
class Window(NamedTuple):
    start: dt.date
    end: dt.date
    label: str


class Outcome(NamedTuple):
    """A check's answer: `fraction` in [0, 1] (None: not applicable), misses and a detail."""

    fraction: float | None
    misses: int
    detail: str
    unrated: bool = False
    # For the rubric's own words (`met_text` / `missed_text`): the value found (a fact's value,
    # for `{value}`), and whether the rubric may replace this detail at all (not when the
    # ledger left the thing unrecorded: that is worth saying as it is).
    value: str | None = None
    replaceable: bool = True


def _on(topic: str, event: Event) -> bool:
    """Whether one of the event's topics mentions `topic` (tested in C: no generator per event)."""
    return any(map(contains, event.topics, repeat(topic)))


def _month_end(year: int, month: int) -> dt.date:
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


class Context:
    def __init__(self, ledger: Ledger, rubric: Rubric, norm: Norm | None = None) -> None:
        self.ledger = ledger
        self.rubric = rubric
        self.norm = norm
        self.period = ledger.period
        # Built once per ledger and shared by every norm's view (see for_norm).
        self._windows: dict[str, list[Window]] = {}
        self._events: dict[tuple[tuple[str, ...], str | None], list[Event]] = {}
        self._attendees: dict[int, frozenset[str]] = {}
        self._dues: dict[str, list[int | None]] = {}
        self._excused: dict[str, list[Excused]] = defaultdict(list)
        for record in ledger.excused:
            self._excused[record.member].append(record)
        # Most members have no joined/left date: they are active every day of the period.
        self._always = frozenset(
            m.id for m in ledger.members if m.joined is None and m.left is None
        )
        self._bounded = tuple(
            m for m in ledger.members if m.joined is not None or m.left is not None
        )
        self._active: dict[dt.date, frozenset[str]] = {}
        self._year_at: dict[int, int] | None = None
        self._hours: dict[tuple[str, int], float] | None = None
        self._talks: dict[tuple[str, ...], list[tuple[int, frozenset[str]]]] = {}
        self._matching: dict[tuple[tuple[str, ...], str | None], list[Event]] = {}
        # Events by date, sorted once here, not by every check that counts them (a stable
        # sort: events of one day keep file order); by type, in the period or at all.
        self.by_date = sorted(ledger.events, key=_DATE)
        index: dict[str, list[Event]] = defaultdict(list)
        every_one: dict[str, list[Event]] = defaultdict(list)
        start, end = self.period.start, self.period.end
        for event in self.by_date:
            every_one[event.type].append(event)
            if start <= event.date <= end:
                index[event.type].append(event)
        self.events_by_type = index
        self._all_by_type = every_one

    def for_norm(self, norm: Norm) -> Context:
        """The same indexes, seen from another norm (rating checks need their norm's id)."""
        other = Context.__new__(Context)
        other.__dict__.update(self.__dict__)
        other.norm = norm
        return other

    def events(self, types: tuple[str, ...], topic: str | None = None) -> list[Event]:
        """Events of these types (each counted once) in the period, by date; cached. The
        list is shared: callers must not change it."""
        key = (types, topic)
        found = self._events.get(key)
        if found is None:
            if len(types) == 1:  # already by date (see __init__)
                found = self.events_by_type.get(types[0], [])
                if topic is not None:
                    found = [e for e in found if _on(topic, e)]
            else:  # sorted runs, one per type: ties keep the order of `types`, then the file's
                found = [e for t in dict.fromkeys(types) for e in self.events_by_type.get(t, ())]
                if topic is not None:  # fewer to sort; a stable sort keeps the same order
                    found = [e for e in found if _on(topic, e)]
                found.sort(key=_DATE)
            self._events[key] = found
        return found

    def matching(self, types: tuple[str, ...], topic: str | None = None) -> list[Event]:
        """The ledger's events of these types, in or out of the period, by date (one day's in
        file order); cached, and shared: callers must not change it."""
        key = (types, topic)
        found = self._matching.get(key)
        if found is None:
            if len(types) == 1:
                found = self._all_by_type.get(types[0], [])
            else:
                wanted = set(types)
                found = [e for e in self.by_date if e.type in wanted]
            if topic is not None:
                found = [e for e in found if _on(topic, e)]
            self._matching[key] = found
        return found

    def attendees(self, event: Event) -> frozenset[str]:
        """Who was there: the list, or with `all` every member active that day, less `absent`."""
        found = self._attendees.get(id(event))
        if found is None:
            # Only members active that day count, even when listed by name.
            active = self.active_ids(event.date)
            present = active if event.attendees == "all" else active.intersection(event.attendees)
            # (no absentees, the usual case: no copy of the set to make)
            found = present.difference(event.absent) if event.absent else present
            self._attendees[id(event)] = found
        return found

    def active_ids(self, day: dt.date) -> frozenset[str]:
        if not self._bounded:
            return self._always
        found = self._active.get(day)
        if found is None:  # once a day: several checks ask about the same events' days
            found = self._active[day] = self._always.union(
                m.id for m in self._bounded if m.active_on(day)
            )
        return found

    def _years_at(self) -> dict[int, int]:
        """Index in `windows("year")` by calendar year: whole years are found by the day's
        year, with no scan of the windows."""
        if self._year_at is None:
            self._year_at = {w.start.year: i for i, w in enumerate(self.windows("year"))}
        return self._year_at

    def year_index(self, day: dt.date) -> int | None:
        """The index in `windows("year")` of the whole year holding `day`, if any."""
        return self._years_at().get(day.year)

    def training_hours(self) -> dict[tuple[str, int], float]:
        """Hours of training per (member id, index of the whole year): computed once per
        ledger for every training check."""
        if self._hours is None:
            hours: dict[tuple[str, int], float] = defaultdict(float)
            year_at = self._years_at().get  # once, not a method call per record
            for record in self.ledger.training:
                i = year_at(record.date.year)
                if i is not None:
                    hours[(record.member, i)] += record.hours
            self._hours = hours
        return self._hours

    def excused_ids(self, day: dt.date) -> frozenset[str]:
        """Members excused that day (ledger `excused`)."""
        if not self._excused:
            return frozenset()
        return frozenset(
            member
            for member, records in self._excused.items()
            if any(r.covers(day) for r in records)
        )

    def expected_ids(self, day: dt.date) -> frozenset[str]:
        """应到: members active that day and not excused."""
        active = self.active_ids(day)
        return active.difference(self.excused_ids(day)) if self._excused else active

    def excused_days(self, member_id: str, window: Window) -> int:
        """Days of `window` on which the member is excused."""
        # The union of the records' spans within the window, counted by day numbers.
        spans = []
        for record in self._excused.get(member_id, ()):
            first = max(record.start, window.start)
            last = min(record.end or window.end, window.end)
            if first <= last:
                spans.append((first.toordinal(), last.toordinal()))
        spans.sort()
        days, reached = 0, -1  # days counted, and the last day counted
        for first_day, last_day in spans:
            if last_day > reached:
                days += last_day - max(first_day, reached + 1) + 1
                reached = last_day
        return days

    def excused_for(self, member_id: str, window: Window) -> bool:
        """Excused for at least half of the window: not held to its yearly per-member norms."""
        if member_id not in self._excused:
            return False
        return 2 * self.excused_days(member_id, window) >= (window.end - window.start).days + 1

    @property
    def has_excused(self) -> bool:
        return bool(self._excused)

    def excused_records(self, member_id: str) -> list[Excused]:
        return self._excused.get(member_id, [])

    def active_on(self, day: dt.date) -> list[Member]:
        return [m for m in self.ledger.members if m.active_on(day)]

    def windows(self, per: str) -> list[Window]:
        """Calendar months, quarters, halves or years lying wholly inside the period; shared
        (by the rubric's ledgers of the same period): callers must not change it."""
        found = self._windows.get(per)
        if found is None:
            found = self._windows[per] = self.rubric.plan.windows(per, self.period)
        return found


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


def owes(member: Member, month: Window) -> bool:
    """Dues are due for a month in which the member is active on at least one day."""
    return (member.joined is None or member.joined <= month.end) and (
        member.left is None or month.start <= member.left
    )


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


def cn_date(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def cn_day(day: dt.date, year: int | None = None) -> str:
    """`12月20日`, with the year only when it is not `year`."""
    return f"{day.month}月{day.day}日" if day.year == year else cn_date(day)


def cn_span(first: dt.date, last: dt.date) -> str:
    """`2024年2月6日至9月9日`: the second year only when it differs."""
    return f"{cn_date(first)}至{cn_day(last, first.year)}"
