"""The ledger rules that need the rubric: declared members, vocabulary, tasks and ratings.

The rules on what the records say (facts, roles, groups: ledger_vocabulary; meetings, dues
exceptions and the committee's term: ledger_warnings) live beside this module.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections.abc import Callable, Iterable

from ..models.common import EARLIEST, LATEST
from ..models.ledger import Ledger, Member
from ..models.rubric import Rubric
from .ledger_assessors import rating_problems, unknown_level
from .ledger_dues import dues_problems
from .ledger_followup import followup_problems
from .ledger_vocabulary import vocabulary_problems
from .ledger_warnings import record_warnings
from .locate import close_matches
from .source import Problem


def ledger_problems(ledger: Ledger, rubric: Rubric) -> list[Problem]:
    return (
        _members(ledger)
        + _event_types(ledger, rubric)
        + _tasks(ledger, rubric)
        + rating_problems(ledger, rubric)
        + dues_problems(ledger)
        + vocabulary_problems(ledger, rubric)
        + record_warnings(ledger, rubric)
        + followup_problems(ledger, rubric)
    )


def _members(ledger: Ledger) -> list[Problem]:
    """Member ids declared once, and every use of one declared. Each list is first checked
    at set speed (a ledger uses ids thousands of times, nearly always declared ones), and
    only a list that fails is walked for its problems, in the file's order."""
    problems = []
    declared = {member.id for member in ledger.members}
    if len(declared) < len(ledger.members):
        seen: set[str] = set()
        for m, member in enumerate(ledger.members):
            if member.id in seen:
                problems.append(Problem(("members", m, "id"), f"duplicate member id {member.id!r}"))
            seen.add(member.id)

    def use(member_id: str, loc: tuple[str | int, ...], at_key: bool = False) -> None:
        if member_id not in declared:
            problems.append(
                Problem(
                    loc,
                    f"member {member_id!r} is not declared under `members`",
                    at_key=at_key,
                    kind="undeclared-member",
                )
            )

    def uses(ids: Iterable[str], loc: tuple[str | int, ...]) -> None:
        for i, member_id in enumerate(ids):
            use(member_id, (*loc, i))

    if ledger.committee is not None and not declared.issuperset(ledger.committee.members):
        uses(ledger.committee.members, ("committee", "members"))
    span_of = _spans(ledger.members)
    low = high = EARLIEST  # an empty span: the first event with attendees finds its own
    gone: frozenset[str] = frozenset()
    for e, event in enumerate(ledger.events):
        attendees = () if event.attendees == "all" else event.attendees
        if attendees and not low <= event.date < high:  # events run in date order, mostly
            low, high, gone = span_of(event.date)
        if not declared.issuperset(attendees) or not gone.isdisjoint(attendees):
            for i, member_id in enumerate(attendees):
                use(member_id, ("events", e, "attendees", i))
                if member_id in gone:
                    problems.append(
                        Problem(
                            ("events", e, "attendees", i),
                            f"member {member_id!r} was not a member on {event.date} (joined/left);"
                            " not counted",
                            level="warning",
                            kind="inactive-attendee",
                        )
                    )
        if event.absent and not declared.issuperset(event.absent):
            uses(event.absent, ("events", e, "absent"))
    if not declared.issuperset(ledger.dues):
        for member_id in ledger.dues:
            use(member_id, ("dues", member_id), at_key=True)
    for field, ids in (
        ("training", [record.member for record in ledger.training]),
        ("excused", [excused.member for excused in ledger.excused]),
        ("dues_exceptions", [exception.member for exception in ledger.dues_exceptions]),
    ):
        if not declared.issuperset(ids):
            for x, member_id in enumerate(ids):
                use(member_id, (field, x, "member"))
    for name, group in ledger.groups.items():
        if not declared.issuperset(group):
            uses(group, ("groups", name))
    return problems


def _spans(members: tuple[Member, ...]) -> Callable[[dt.date], Span]:
    """For a day: the span of days around it, from `low` up to but not including `high`, and
    the ids of the members with a joined or left date who are not active on any of them.

    The set changes only on a `joined` day or the day after a `left`, so a ledger's events
    (in date order, mostly) find it a few times, not once per event: the events' check costs
    two comparisons and a set test each (0.005 ms a ledger less, measured)."""
    bounded = {m.id: m for m in members if m.joined is not None or m.left is not None}
    changes = sorted(
        {m.joined for m in bounded.values() if m.joined is not None}
        | {m.left + _DAY for m in bounded.values() if m.left is not None}
    )

    def span_of(day: dt.date) -> Span:
        i = bisect_right(changes, day)
        low = changes[i - 1] if i else EARLIEST
        high = changes[i] if i < len(changes) else _AFTER
        return low, high, frozenset(k for k, m in bounded.items() if not m.active_on(day))

    return span_of


Span = tuple[dt.date, dt.date, frozenset[str]]
_DAY = dt.timedelta(days=1)
_AFTER = LATEST + _DAY  # after any day a ledger holds


def _event_types(ledger: Ledger, rubric: Rubric) -> list[Problem]:
    declared = rubric.event_types
    if not declared or declared.issuperset([event.type for event in ledger.events]):
        return []  # the common case, checked at set speed
    known = list(rubric.events)
    problems = []
    for e, event in enumerate(ledger.events):
        if event.type not in declared:
            close = close_matches(event.type, known, n=1, cutoff=0.3)
            hint = f"did you mean {close[0]!r}?" if close else f"known types: {', '.join(known)}"
            problems.append(
                Problem(
                    ("events", e, "type"),
                    f"event type {event.type!r} is not declared by rubric {rubric.id!r}; {hint}",
                    level="warning",
                )
            )
    return problems


def _tasks(ledger: Ledger, rubric: Rubric) -> list[Problem]:
    if rubric.split is None:
        if ledger.tasks:
            return [
                Problem(
                    ("tasks",),
                    f"rubric {rubric.id!r} has no individual tasks (no `split`); remove `tasks`",
                    at_key=True,
                )
            ]
        return []
    wanted = rubric.split.individual
    problems = []
    if not ledger.tasks:
        return [
            Problem(
                (),
                f"rubric {rubric.id!r} gives individual tasks (个性任务) {wanted:g} points;"
                " list them under `tasks`",
            )
        ]
    total = sum(task.points for task in ledger.tasks)
    if abs(total - wanted) > 1e-6:
        problems.append(
            Problem(
                ("tasks",),
                f"task points add up to {total:g}; rubric {rubric.id!r} gives tasks {wanted:g}",
                at_key=True,
            )
        )
    seen: set[str] = set()
    for t, task in enumerate(ledger.tasks):
        if task.id in seen:
            problems.append(Problem(("tasks", t, "id"), f"duplicate task id {task.id!r}"))
        seen.add(task.id)
        if task.rating is not None and task.rating not in rubric.ratings:
            problems.append(
                Problem(("tasks", t, "rating"), unknown_level(task.rating, list(rubric.ratings)))
            )
    return problems
