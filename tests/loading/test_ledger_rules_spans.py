"""The members rule checks attendance by spans of days (ledger_rules._spans); these tests hold
it to the plain definition: each listed id declared, and active on the event's day."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

import pytest

from branchcheck.loading.ledger_rules import _members
from branchcheck.loading.source import Problem
from branchcheck.models import Ledger


def _plain(ledger: Ledger) -> list[Problem]:
    """The attendance problems, one listed id at a time (what `_members` must say)."""
    declared = {m.id for m in ledger.members}
    members = {m.id: m for m in ledger.members}
    out = []
    for e, event in enumerate(ledger.events):
        for i, member_id in enumerate(() if event.attendees == "all" else event.attendees):
            loc = ("events", e, "attendees", i)
            if member_id not in declared:
                out.append(
                    Problem(
                        loc,
                        f"member {member_id!r} is not declared under `members`",
                        kind="undeclared-member",
                    )
                )
            elif not members[member_id].active_on(event.date):
                out.append(
                    Problem(
                        loc,
                        f"member {member_id!r} was not a member on {event.date} (joined/left);"
                        " not counted",
                        level="warning",
                        kind="inactive-attendee",
                    )
                )
    return out


def _ledger(seed: int) -> Ledger:
    rng = random.Random(seed)
    start = dt.date(2024, 1, 1)

    def day() -> str:
        return str(start + dt.timedelta(days=rng.randrange(-30, 400)))

    members: list[dict[str, Any]] = []
    for n in range(1, rng.randrange(2, 9)):
        member: dict[str, Any] = {"id": f"M{n:02d}", "name": f"党员{n}"}
        dates = sorted([day(), day()])
        shape = rng.randrange(4)  # neither, joined, left, both
        if shape in (1, 3):
            member["joined"] = dates[0]
        if shape in (2, 3):
            member["left"] = dates[1]
        members.append(member)
    ids = [m["id"] for m in members] + ["M99"]  # and one never declared
    events = [
        {
            "date": day(),
            "type": "支委会",
            "attendees": "all" if rng.random() < 0.1 else rng.sample(ids, rng.randrange(len(ids))),
        }
        for _ in range(rng.randrange(30))
    ]
    if rng.random() < 0.7:  # mostly in date order, as ledgers are
        events.sort(key=lambda event: event["date"])
    return Ledger.model_validate(
        {
            "format": "branchcheck.ledger/1",
            "branch": {"id": "b", "name": "支部"},
            "period": {"start": "2024-01-01", "end": "2024-12-31"},
            "members": members,
            "events": events,
        }
    )


@pytest.mark.parametrize("seed", range(300))
def test_attendance_by_spans_is_the_plain_check(seed: int) -> None:
    ledger = _ledger(seed)
    assert _members(ledger) == _plain(ledger)


def test_the_generator_makes_both_problems() -> None:
    problems = [p for seed in range(300) for p in _plain(_ledger(seed))]
    assert {p.kind for p in problems} == {"undeclared-member", "inactive-attendee"}
