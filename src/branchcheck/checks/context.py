"""What every check function receives: the ledger, indexed once, and the period's windows.

Each index is made on first use, so a ledger whose rubric never asks for it does not pay."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from itertools import repeat
from operator import attrgetter, contains
from typing import Any

from ..models.ledger import Ledger, Member
from ..models.ledger_records import Event, Excused
from ..models.rubric import Norm, Rubric
from .roster import Roster
from .wording import Window

_DATE = attrgetter("date")
SECRETARY = "书记"


_SEP = "\x00"  # never in a topic one looks for (nor in validated text)


def about(topic: str, events: list[Event]) -> list[Event]:
    """The events one of whose topics mentions `topic`. The topics are joined by a separator
    the topic does not hold, so that a match cannot span two of them: one substring test in
    C an event, not one per topic (~7 µs a ledger)."""
    if topic and _SEP not in topic:
        return [e for e in events if topic in _SEP.join(e.topics)]
    return [e for e in events if any(map(contains, e.topics, repeat(topic)))]


def _by_member(records: tuple[Excused, ...]) -> dict[str, list[Excused]]:
    found: dict[str, list[Excused]] = {}
    for record in records:
        found.setdefault(record.member, []).append(record)
    return found


class Context:
    def __init__(self, ledger: Ledger, rubric: Rubric, norm: Norm | None = None) -> None:
        self.ledger = ledger
        self.rubric = rubric
        self.norm = norm
        self.period = ledger.period
        # Built once per ledger, when first asked for, and shared by every norm's view.
        self._windows: dict[str, list[Window]] = {}
        self._events: dict[tuple[tuple[str, ...], str | None], list[Event]] = {}
        self._matching: dict[tuple[tuple[str, ...], str | None], list[Event]] = {}
        self._attendees: dict[int, frozenset[str]] = {}
        self._excused = _by_member(ledger.excused) if ledger.excused else {}
        self._roster: Roster | None = None
        self._by_date: list[Event] = []
        self._all_by_type: dict[str, list[Event]] | None = None
        self._in_period: dict[str, list[Event]] = {}
        self._dates: dict[str, list[dt.date]] = {}
        self._all_inside = True
        self._year_at: dict[int, int] | None = None
        self._hours: list[dict[str, float]] | None = None
        # Kept here for the check modules, which fill them (dues.py, members.py, …).
        self._dues: dict[str, list[int | None]] = {}
        self._talks: dict[tuple[str, ...], list[list[frozenset[str]]]] = {}
        self._memo: dict[str, Any] = {}

    def for_norm(self, norm: Norm) -> Context:
        """The same indexes, seen from another norm (rating checks need their norm's id)."""
        other = Context.__new__(Context)
        other.__dict__.update(self.__dict__)
        other.norm = norm
        return other

    def _types(self) -> dict[str, list[Event]]:
        """The ledger's events by type, each type's by date (one day's in file order)."""
        found = self._all_by_type
        if found is None:
            # Sorted once here, not by every check that counts them (a stable sort); grouped
            # with one dict lookup an event, not two defaultdict appends (saves ~8 µs).
            by_date = self._by_date = sorted(self.ledger.events, key=_DATE)
            found = self._all_by_type = {}
            for event in by_date:
                same = found.get(event.type)
                if same is None:
                    found[event.type] = [event]
                else:
                    same.append(event)
            start, end = self.period.start, self.period.end
            self._all_inside = not by_date or (start <= by_date[0].date and by_date[-1].date <= end)
        return found

    def _of_type(self, kind: str) -> list[Event]:
        """The period's events of one type, by date; shared."""
        found = self._in_period.get(kind)
        if found is None:
            found = self._types().get(kind, [])
            if not self._all_inside:  # (nearly always all are: the same list then)
                start, end = self.period.start, self.period.end
                found = [e for e in found if start <= e.date <= end]
            self._in_period[kind] = found
        return found

    def dates(self, kind: str) -> list[dt.date]:
        """The days of the period's events of one type, in order; shared."""
        found = self._dates.get(kind)
        if found is None:
            found = self._dates[kind] = list(map(_DATE, self._of_type(kind)))
        return found

    def events(self, types: tuple[str, ...], topic: str | None = None) -> list[Event]:
        """Events of these types (each counted once) in the period, by date; cached. The
        list is shared: callers must not change it."""
        key = (types, topic)
        found = self._events.get(key)
        if found is None:
            if len(types) == 1:  # already by date (see _types)
                found = self._of_type(types[0])
                if topic is not None:
                    found = about(topic, found)
            else:  # sorted runs, one per type: ties keep the order of `types`, then the file's
                found = [e for t in dict.fromkeys(types) for e in self._of_type(t)]
                if topic is not None:  # fewer to sort; a stable sort keeps the same order
                    found = about(topic, found)
                found.sort(key=_DATE)
            self._events[key] = found
        return found

    def matching(self, types: tuple[str, ...], topic: str | None = None) -> list[Event]:
        """The ledger's events of these types, in or out of the period, by date (one day's in
        file order); cached, and shared: callers must not change it."""
        key = (types, topic)
        found = self._matching.get(key)
        if found is None:
            by_type = self._types()
            if len(types) == 1:
                found = by_type.get(types[0], [])
            else:
                wanted = set(types)
                found = [e for e in self._by_date if e.type in wanted]
            if topic is not None:
                found = about(topic, found)
            self._matching[key] = found
        return found

    def attendees(self, event: Event) -> frozenset[str]:
        """Who was there: the list, or with `all` every member active that day, less `absent`;
        cached by event, for the checks that ask about the same events."""
        found = self._attendees.get(id(event))
        if found is None:
            found = self._attendees[id(event)] = self.present_at([event])[0]
        return found

    def present_at(self, events: list[Event]) -> list[frozenset[str]]:
        """Who was at each event: the list, or with `all` every member active that day, less
        `absent`. Only members active that day count, even when listed by name. One loop with
        the roster at hand (talks: ~8 µs less than a chain of calls per event)."""
        roster = self.roster()
        sets, starts = roster.sets, roster.starts
        found = []
        for event in events:
            active = sets[bisect_right(starts, event.date)] if starts else sets[0]
            listed = event.attendees
            present = active if listed == "all" else active.intersection(listed)
            found.append(present.difference(event.absent) if event.absent else present)
        return found

    def by_year(self, events: list[Event]) -> list[list[Event]]:
        """The events (of the period) in each whole year of `windows("year")`."""
        years = self.windows("year")
        if len(years) == 1 and years[0][:2] == (self.period.start, self.period.end):
            return [events]  # the period is one whole year, the usual case: all are its own
        found: list[list[Event]] = [[] for _ in years]
        year_at = self._years_at().get
        for event in events:
            i = year_at(event.date.year)
            if i is not None:
                found[i].append(event)
        return found

    def secretaries(self) -> set[str]:
        """The ids of the members with the role 书记; once per ledger (three checks ask)."""
        found: set[str] | None = self._memo.get("secretaries")
        if found is None:
            found = self._memo["secretaries"] = {
                m.id for m in self.ledger.members if SECRETARY in m.roles
            }
        return found

    def roster(self) -> Roster:
        """Who is active when; made on first use."""
        if self._roster is None:
            self._roster = Roster(self.ledger.members)
        return self._roster

    def active_ids(self, day: dt.date) -> frozenset[str]:
        """The ids of the members active on `day` (shared: callers must not change it)."""
        return self.roster().active_ids(day)

    def _years_at(self) -> dict[int, int]:
        """Index in `windows("year")` by calendar year: whole years are found by the day's
        year, with no scan of the windows."""
        if self._year_at is None:
            self._year_at = {w.start.year: i for i, w in enumerate(self.windows("year"))}
        return self._year_at

    def year_index(self, day: dt.date) -> int | None:
        """The index in `windows("year")` of the whole year holding `day`, if any."""
        return self._years_at().get(day.year)

    def training_hours(self) -> list[dict[str, float]]:
        """Hours of training per whole year (as in `windows("year")`) and member id: computed
        once per ledger for every training check; added in file order."""
        if self._hours is None:
            hours: list[dict[str, float]] = [{} for _ in self.windows("year")]
            year_at = self._years_at().get  # once, not a method call per record
            for record in self.ledger.training:
                i = year_at(record.date.year)
                if i is not None:
                    # One dict a year, not a (member, year) tuple a record: saves ~5 µs.
                    totals = hours[i]
                    totals[record.member] = totals.get(record.member, 0.0) + record.hours
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

    def active_on(self, day: dt.date) -> list[Member]:
        """The members active on `day`, in file order."""
        if self.roster().unique:  # one set test a member, not a call of active_on (~5 µs)
            active = self.active_ids(day)
            return [m for m in self.ledger.members if m.id in active]
        return [m for m in self.ledger.members if m.active_on(day)]

    def windows(self, per: str) -> list[Window]:
        """Calendar months, quarters, halves or years lying wholly inside the period; shared
        (by the rubric's ledgers of the same period): callers must not change it."""
        found = self._windows.get(per)
        if found is None:
            found = self._windows[per] = self.rubric.plan.windows(per, self.period)
        return found
