"""`talks`: members in at least `min` talks in every whole year / members counted.

A member is counted for a year when active on its last day: one who left mid-year is not,
one who joined mid-year is, with the full requirement.
"""

from __future__ import annotations

from typing import Any

import pytest
from builders import ledger, members

from branchcheck.models import Ledger
from checks import named, outcome

QUARTER = {"start": "2024-04-01", "end": "2024-06-30"}
TWO_YEARS = {"start": "2023-01-01", "end": "2024-12-31"}


def talk(day: str, *who: str, kind: str = "谈心谈话", **extra: Any) -> dict[str, Any]:
    return {"date": day, "type": kind, "attendees": list(who) if who else "all", **extra}


ALL_THREE = [talk("2024-05-12", "M01", "M02"), talk("2024-06-01", "M03", "M01")]
JOINED = [*members(2), {"id": "M03", "name": "党员3", "joined": "2024-07-01"}]
LEFT = [*members(2), {"id": "M03", "name": "党员3", "left": "2024-06-30"}]

CASES = [
    pytest.param({}, ledger(events=ALL_THREE), 1.0, 0, id="everyone-talked"),
    pytest.param({}, ledger(events=ALL_THREE[:1]), 2 / 3, 1, id="one-without"),
    pytest.param({}, ledger(), 0.0, 3, id="year-without-talks"),
    pytest.param({}, ledger(events=[talk("2024-03-01")]), 1.0, 0, id="attendees-all"),
    pytest.param(
        {}, ledger(events=[talk("2024-03-01", absent=["M02"])]), 2 / 3, 1, id="all-less-absent"
    ),
    pytest.param({"min": 2}, ledger(events=ALL_THREE), 1 / 3, 2, id="min-2"),
    pytest.param({}, ledger(members=LEFT, events=ALL_THREE[:1]), 1.0, 0, id="left-not-counted"),
    pytest.param(
        {}, ledger(members=LEFT, events=[talk("2024-05-12", "M01")]), 1 / 2, 1, id="left-of-base"
    ),
    pytest.param(
        {}, ledger(members=JOINED, events=[talk("2024-03-01")]), 2 / 3, 1, id="all-before-joining"
    ),
    pytest.param({}, ledger(members=JOINED, events=ALL_THREE[:1]), 2 / 3, 1, id="joined-counted"),
    pytest.param(
        {},
        ledger(members=JOINED, events=[*ALL_THREE[:1], talk("2024-08-01", "M03")]),
        1.0,
        0,
        id="joined-and-talked",
    ),
    pytest.param(
        {},
        ledger(events=[*ALL_THREE[:1], talk("2023-12-20", "M03"), talk("2025-01-05", "M03")]),
        2 / 3,
        1,
        id="outside-period-ignored",
    ),
    pytest.param(
        {},
        ledger(events=[*ALL_THREE[:1], talk("2024-06-01", "M03", kind="党小组会")]),
        2 / 3,
        1,
        id="other-type-not-a-talk",
    ),
    pytest.param(
        {"event": "党小组会"},
        ledger(events=[talk("2024-06-01", kind="党小组会")]),
        1.0,
        0,
        id="custom-event",
    ),
    pytest.param({}, ledger(**QUARTER, events=ALL_THREE), None, 0, id="quarter-ledger-n/a"),
    pytest.param({}, ledger(start="2024-01-02", events=ALL_THREE), None, 0, id="no-whole-year-n/a"),
    pytest.param(
        {},
        ledger(
            **TWO_YEARS,
            events=[
                talk("2023-05-01", "M01", "M02"),
                talk("2024-05-01", "M01", "M03"),
            ],
        ),
        1 / 3,
        2,
        id="every-year-needed",
    ),
]


@pytest.mark.parametrize(("fields", "book", "fraction", "misses"), CASES)
def test_talks(fields: dict[str, Any], book: Ledger, fraction: float | None, misses: int) -> None:
    got = outcome({"kind": "talks", **fields}, book)
    assert (got.fraction, got.misses) == (fraction, misses)


def test_talks_details() -> None:
    people = named("王建国", "李华", "张敏")
    short = outcome({"kind": "talks"}, ledger(members=people, events=ALL_THREE[:1]))
    assert short.detail == "3名党员中2名已谈话，张敏未谈"
    twice = ledger(members=people, events=[talk("2024-03-01"), talk("2024-09-01")])
    met = outcome({"kind": "talks", "min": 2}, twice)
    assert met.detail == "应谈话党员3名，均谈话达2次"
    assert (
        outcome({"kind": "talks"}, ledger(**QUARTER)).detail == "考核期不足一个完整年度，本项不适用"
    )
