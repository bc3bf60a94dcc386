"""Who is a member of the branch on a given day, answered by one bisect.

Members with no `joined` or `left` date are active every day; the others change the active set
only on their `joined` day and the day after their `left`. Between two such days the set is the
same, so it is made once per span (a few per ledger), not once per day asked about (one per
meeting and talk: saved ~1 µs a day, some 40 days a ledger).
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right

from ..models.ledger import Member

_DAY = dt.timedelta(days=1)


class Roster:
    def __init__(self, members: tuple[Member, ...]) -> None:
        always: list[str] = []  # the ids of members with no dates
        bounded: list[Member] = []
        for m in members:  # one pass, not two comprehensions (~2 µs)
            if m.joined is None and m.left is None:
                always.append(m.id)
            else:
                bounded.append(m)
        base = frozenset(always)
        # Whether an id names one member: then a member is active when their id is.
        self.unique = len(base.union([m.id for m in bounded])) == len(members)
        changes: set[dt.date] = set()
        for m in bounded:
            if m.joined is not None:
                changes.add(m.joined)
            if m.left is not None and m.left < dt.date.max:
                changes.add(m.left + _DAY)
        # The first day of each span after the first; the first span runs from the start of
        # time, so any of its days stands for it (dt.date.min).
        self.starts = sorted(changes)
        self.sets = [
            base.union([m.id for m in bounded if m.active_on(day)])
            for day in (dt.date.min, *self.starts)
        ]

    def active_ids(self, day: dt.date) -> frozenset[str]:
        """The ids of the members active on `day` (shared: the same set for a whole span)."""
        return self.sets[bisect_right(self.starts, day)] if self.starts else self.sets[0]
