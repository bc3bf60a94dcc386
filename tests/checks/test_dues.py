"""`dues`: paid member-months / due member-months.

Due: each whole calendar month in the period in which the member is active on at least one day.
"""

from __future__ import annotations

from typing import Any

import pytest
from builders import ledger, members

from branchcheck.models import Ledger
from checks import named, outcome

QUARTER = {"start": "2024-04-01", "end": "2024-06-30"}


def months(*numbers: int, year: int = 2024) -> list[str]:
    return [f"{year}-{m:02d}" for m in numbers]


YEAR = months(*range(1, 13))
BOTH = {"M01": YEAR, "M02": YEAR}


def second(**dates: str) -> list[dict[str, Any]]:
    return [*members(1), {"id": "M02", "name": "党员2", **dates}]


CASES = [
    pytest.param(ledger(member_count=2, dues=BOTH), 1.0, 0, id="all-paid"),
    pytest.param(
        ledger(member_count=2, dues={"M01": YEAR, "M02": [m for m in YEAR if m != "2024-08"]}),
        23 / 24,
        1,
        id="one-month-unpaid",
    ),
    pytest.param(ledger(member_count=2), 0.0, 24, id="nothing-paid"),
    pytest.param(
        ledger(
            members=second(joined="2024-07-15"), dues={"M01": YEAR, "M02": months(*range(7, 13))}
        ),
        1.0,
        0,
        id="joined-mid-month-owes-that-month",
    ),
    pytest.param(
        ledger(members=second(joined="2024-07-15"), dues={"M01": YEAR}),
        12 / 18,
        6,
        id="joined-unpaid",
    ),
    pytest.param(
        ledger(members=second(left="2024-03-10"), dues={"M01": YEAR, "M02": months(1, 2, 3)}),
        1.0,
        0,
        id="left-owes-up-to-leaving-month",
    ),
    pytest.param(
        ledger(members=second(left="2024-03-10"), dues={"M01": YEAR}), 12 / 15, 3, id="left-unpaid"
    ),
    pytest.param(
        ledger(members=second(joined="2024-05-05", left="2024-05-20"), dues={"M01": YEAR}),
        12 / 13,
        1,
        id="joined-and-left-same-month",
    ),
    pytest.param(
        ledger(members=second(left="2023-12-31"), dues={"M01": YEAR}),
        1.0,
        0,
        id="left-before-period",
    ),
    pytest.param(
        ledger(member_count=2, dues={"M01": YEAR, "M02": ["2023-12", "2025-01"]}),
        12 / 24,
        12,
        id="months-outside-period-ignored",
    ),
    pytest.param(
        ledger(**QUARTER, member_count=2, dues={"M01": months(4, 5, 6), "M02": months(4, 5, 6)}),
        1.0,
        0,
        id="quarter-ledger",
    ),
    pytest.param(
        ledger(**QUARTER, member_count=2, dues={"M01": months(4, 5, 6)}),
        3 / 6,
        3,
        id="quarter-ledger-unpaid",
    ),
    pytest.param(
        ledger(
            start="2024-01-15",
            end="2024-03-14",
            member_count=2,
            dues={"M01": months(2), "M02": months(1, 3)},
        ),
        1 / 2,
        1,
        id="partial-months-not-due",
    ),
    pytest.param(
        ledger(start="2024-01-15", end="2024-02-14", member_count=2), None, 0, id="no-whole-month"
    ),
    pytest.param(
        ledger(members=[{"id": "M01", "name": "调出", "left": "2023-06-30"}]),
        None,
        0,
        id="nobody-due",
    ),
]


@pytest.mark.parametrize(("book", "fraction", "misses"), CASES)
def test_dues(book: Ledger, fraction: float | None, misses: int) -> None:
    got = outcome({"kind": "dues"}, book)
    assert (got.fraction, got.misses) == (fraction, misses)


@pytest.mark.parametrize(
    ("dues", "detail"),
    [
        ({"M01": YEAR, "M02": YEAR}, "应交党费24人次（按月计），已全部按月交纳"),
        (
            {"M01": YEAR, "M02": [m for m in YEAR if m not in ("2024-08", "2024-09")]},
            "应交党费24人次（按月计），已交22人次；李华8月、9月党费未交纳",
        ),
        (
            {"M01": months(*range(1, 10))},
            "应交党费24人次（按月计），已交9人次；王建国10月至12月，李华1月至12月党费未交纳",
        ),
        (
            {"M01": months(*range(1, 9))},
            "应交党费24人次（按月计），已交8人次；王建国9月至12月，李华1月至12月党费未交纳",
        ),
    ],
    ids=["paid", "months-named", "three-as-a-span", "two-members"],
)
def test_dues_detail(dues: dict[str, list[str]], detail: str) -> None:
    book = ledger(members=named("王建国", "李华"), dues=dues)
    assert outcome({"kind": "dues"}, book).detail == detail
