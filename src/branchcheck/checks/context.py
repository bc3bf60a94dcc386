"""What every check function receives: the ledger, indexed once, and the period's windows."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from ..models.ledger import Event, Excused, Ledger, Member
from ..models.rubric import Norm, Rubric

_QUARTER_NAMES = "一二三四"


@dataclass(frozen=True, slots=True)
class Window:
    start: dt.date
    end: dt.date
    label: str


@dataclass(frozen=True, slots=True)
class Outcome:
    """A check's answer: `fraction` in [0, 1] (None: not applicable), misses and a detail."""

    fraction: float | None
    misses: int
    detail: str
    unrated: bool = False


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
        index: dict[str, list[Event]] = defaultdict(list)
        for event in ledger.events:
            if self.period.start <= event.date <= self.period.end:
                index[event.type].append(event)
        self.events_by_type = index

    def for_norm(self, norm: Norm) -> Context:
        """The same indexes, seen from another norm (rating checks need their norm's id)."""
        other = Context.__new__(Context)
        other.__dict__.update(self.__dict__)
        other.norm = norm
        return other

    def events(self, types: tuple[str, ...], topic: str | None = None) -> list[Event]:
        """Events of these types (each counted once) in the period, by date; cached."""
        key = (types, topic)
        found = self._events.get(key)
        if found is None:
            found = [e for t in dict.fromkeys(types) for e in self.events_by_type.get(t, ())]
            if topic is not None:
                found = [e for e in found if any(topic in text for text in e.topics)]
            found.sort(key=lambda e: e.date)
            self._events[key] = found
        return found

    def attendees(self, event: Event) -> frozenset[str]:
        """Who was there: the list, or with `all` every member active that day, less `absent`."""
        found = self._attendees.get(id(event))
        if found is None:
            # Only members active that day count, even when listed by name.
            active = self.active_ids(event.date)
            present = active if event.attendees == "all" else active.intersection(event.attendees)
            found = self._attendees[id(event)] = present.difference(event.absent)
        return found

    def active_ids(self, day: dt.date) -> frozenset[str]:
        if not self._bounded:
            return self._always
        return self._always.union(m.id for m in self._bounded if m.active_on(day))

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
        days: set[dt.date] = set()
        for record in self._excused.get(member_id, ()):
            first = max(record.start, window.start)
            last = min(record.end or window.end, window.end)
            days.update(first + dt.timedelta(n) for n in range((last - first).days + 1))
        return len(days)

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
        """Calendar months, quarters, halves or years lying wholly inside the period."""
        if per not in self._windows:
            self._windows[per] = list(self._make_windows(per))
        return self._windows[per]

    def _make_windows(self, per: str) -> list[Window]:
        months = {"month": 1, "quarter": 3, "half": 6, "year": 12}[per]
        start, end = self.period.start, self.period.end
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


def name_list(names: list[str], unit: str = "项", limit: int = 6) -> str:
    """`甲、乙、丙等8人` style lists for details."""
    shown = "、".join(names[:limit])
    return f"{shown}等{len(names)}{unit}" if len(names) > limit else shown


def cn_date(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"
