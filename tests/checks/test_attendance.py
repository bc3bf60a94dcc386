"""`attendance`: events whose attendees / members active that day reach `min_rate`."""

from __future__ import annotations

from typing import Any

import pytest
from builders import ledger, members

from branchcheck.models import Ledger
from checks import outcome

FIVE = ["M01", "M02", "M03", "M04", "M05"]
FOUR = FIVE[:4]


def meeting(day: str, attendees: Any = FIVE, **extra: Any) -> dict[str, Any]:
    return {"date": day, "type": "党员大会", "attendees": attendees, **extra}


QUARTERLY = ["2024-03-10", "2024-06-10", "2024-09-10", "2024-12-10"]


def book(*events: dict[str, Any], people: list[dict[str, Any]] | None = None) -> Ledger:
    return ledger(members=people or members(5), events=list(events))


CASES = [
    pytest.param(0.8, book(*(meeting(d) for d in QUARTERLY)), 1.0, 0, id="all-full"),
    pytest.param(
        0.8,
        book(meeting("2024-03-10", FIVE[:3]), *(meeting(d) for d in QUARTERLY[1:])),
        0.75,
        1,
        id="one-at-60%",
    ),
    pytest.param(0.8, book(meeting("2024-03-10", FOUR)), 1.0, 0, id="exactly-at-rate"),
    pytest.param(0.9, book(meeting("2024-03-10", FOUR)), 0.0, 1, id="just-under-rate"),
    pytest.param(0.81, book(meeting("2024-03-10", FOUR)), 0.0, 1, id="a-point-under-rate"),
    pytest.param(
        2 / 3,
        book(meeting("2024-03-10", FOUR[:2]), people=members(3)),
        1.0,
        0,
        id="two-thirds-at-two-thirds",
    ),
    pytest.param(
        0.8, book(meeting("2024-03-10", "all", absent=["M05"])), 1.0, 0, id="all-less-one-absent"
    ),
    pytest.param(
        0.8,
        book(meeting("2024-03-10", "all", absent=["M04", "M05"])),
        0.0,
        1,
        id="all-less-two-absent",
    ),
    pytest.param(
        0.8, book(meeting("2024-03-10", FIVE, absent=["M05"])), 1.0, 0, id="list-less-absent"
    ),
    pytest.param(0.8, book(), 0.0, 1, id="none-held"),
    pytest.param(0.8, book(meeting("2023-12-10")), 0.0, 1, id="held-only-before-period"),
    # A name listed before joining does not count: 4 real attendees of 5 expected is 80%.
    pytest.param(
        0.9,
        book(
            meeting("2024-03-10", FIVE),
            people=[
                *members(4),
                {"id": "M05", "name": "新党员", "joined": "2024-07-01"},
                {"id": "M06", "name": "缺席", "status": "预备"},
            ],
        ),
        0.0,
        1,
        id="listed-before-joining-not-counted",
    ),
    # Members who joined later or left earlier are not expected that day.
    pytest.param(
        0.9,
        book(
            meeting("2024-03-10", FOUR),
            meeting("2024-09-10", FOUR),
            people=[*members(4), {"id": "M05", "name": "新党员", "joined": "2024-07-01"}],
        ),
        0.5,
        1,
        id="joined-mid-year",
    ),
    pytest.param(
        0.9,
        book(
            meeting("2024-09-10", FOUR),
            people=[*members(4), {"id": "M05", "name": "调出", "left": "2024-06-30"}],
        ),
        1.0,
        0,
        id="left-mid-year",
    ),
    pytest.param(
        0.9,
        book(
            meeting("2024-09-10", "all"),
            people=[*members(4), {"id": "M05", "name": "调出", "left": "2024-09-10"}],
        ),
        1.0,
        0,
        id="left-that-day-still-active-and-in-all",
    ),
    pytest.param(
        0.9,
        book(
            meeting("2024-03-10", FOUR),
            people=[*members(4), {"id": "M05", "name": "预备", "status": "预备"}],
        ),
        0.0,
        1,
        id="probationary-members-expected-too",
    ),
]


@pytest.mark.parametrize(("rate", "book", "fraction", "misses"), CASES)
def test_attendance(rate: float, book: Ledger, fraction: float, misses: int) -> None:
    got = outcome({"kind": "attendance", "event": "党员大会", "min_rate": rate}, book)
    assert (got.fraction, got.misses) == (fraction, misses)


def test_attendance_details() -> None:
    check = {"kind": "attendance", "event": "党员大会", "min_rate": 0.8}
    low = book(meeting("2024-03-10", FIVE[:3]), *(meeting(d) for d in QUARTERLY[1:]))
    assert outcome(check, low).detail == "4次党员大会中，3月10日到会率60%，低于80%"
    assert outcome(check, book()).detail == "考核期内未召开党员大会"
