"""Who is a member of the branch on a given day, answered by one bisect.

Members with no `joined` or `left` date are active every day; the others change the active set
only on their `joined` day and the day after their `left`. Between two such days the set is the
same, so it is made once per span (a few per ledger), not once per day asked about (one per
meeting and talk: saved ~1 µs a day, some 40 days a ledger).
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections.abc import Iterable

from ..models.ledger import Member

_DAY = dt.timedelta(days=1)


def _changes(member: Member) -> Iterable[dt.date]:
    """The days on which the member's activity changes: joining, and the day after leaving."""
    if member.joined is not None:
        yield member.joined
    if member.left is not None and member.left < dt.date.max:
        yield member.left + _DAY


class Roster:
    def __init__(self, members: Iterable[Member]) -> None:
        members = tuple(members)
        bounded = [m for m in members if m.joined is not None or m.left is not None]
        always = frozenset(m.id for m in members if m.joined is None and m.left is None)
        # The first day of each span after the first; the first span runs from the start of
        # time, so any of its days stands for it (dt.date.min).
        self.starts = sorted({day for m in bounded for day in _changes(m)})
        self.sets = [
            always.union(m.id for m in bounded if m.active_on(day))
            for day in (dt.date.min, *self.starts)
        ]

    def active_ids(self, day: dt.date) -> frozenset[str]:
        """The ids of the members active on `day` (shared: the same set for a whole span)."""
        return self.sets[bisect_right(self.starts, day)] if self.starts else self.sets[0]
