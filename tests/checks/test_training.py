"""`training`: members with at least `hours` in every whole year / members counted."""

from __future__ import annotations

from typing import Any

import pytest
from builders import ledger, members

from branchcheck.models import Ledger
from checks import named, outcome

QUARTER = {"start": "2024-04-01", "end": "2024-06-30"}
TWO_YEARS = {"start": "2023-01-01", "end": "2024-12-31"}


def hours(member: str, amount: float, day: str = "2024-04-10") -> dict[str, Any]:
    return {"member": member, "hours": amount, "date": day, "title": "专题培训"}


FULL = [hours("M01", 32), hours("M02", 40), hours("M03", 32)]
JOINED = [*members(2), {"id": "M03", "name": "党员3", "joined": "2024-07-01"}]
LEFT = [*members(2), {"id": "M03", "name": "党员3", "left": "2024-06-30"}]

CASES = [
    pytest.param(32, ledger(training=FULL), 1.0, 0, id="all-reach"),
    pytest.param(32, ledger(training=[*FULL[:2], hours("M03", 20)]), 2 / 3, 1, id="one-under"),
    pytest.param(32, ledger(), 0.0, 3, id="year-without-training"),
    pytest.param(
        32,
        ledger(training=[*FULL[1:], hours("M01", 16), hours("M01", 16, "2024-10-01")]),
        1.0,
        0,
        id="records-add-up",
    ),
    pytest.param(
        32,
        ledger(training=[*FULL[:2], hours("M03", 32, "2023-12-20")]),
        2 / 3,
        1,
        id="outside-period-ignored",
    ),
    pytest.param(
        7.5,
        ledger(training=[hours(m, 7.5) for m in ("M01", "M02", "M03")]),
        1.0,
        0,
        id="fractional-hours-exact",
    ),
    pytest.param(32, ledger(members=LEFT, training=FULL[:2]), 1.0, 0, id="left-not-counted"),
    pytest.param(32, ledger(members=LEFT, training=FULL[:1]), 1 / 2, 1, id="left-out-of-base"),
    pytest.param(32, ledger(members=JOINED, training=FULL[:2]), 2 / 3, 1, id="joined-counted"),
    pytest.param(32, ledger(**QUARTER, training=FULL), None, 0, id="quarter-ledger-n/a"),
    pytest.param(
        32,
        ledger(
            **TWO_YEARS,
            training=[
                hours("M01", 32, "2023-04-01"),
                hours("M01", 32, "2024-04-01"),
                hours("M02", 64, "2023-04-01"),
            ],
        ),
        1 / 3,
        2,
        id="every-year-needed",
    ),
]


@pytest.mark.parametrize(("need", "book", "fraction", "misses"), CASES)
def test_training(need: float, book: Ledger, fraction: float | None, misses: int) -> None:
    got = outcome({"kind": "training", "hours": need}, book)
    assert (got.fraction, got.misses) == (fraction, misses)


def test_training_details() -> None:
    people = named("王建国", "李华", "张敏")
    book = ledger(members=people, training=[*FULL[:2], hours("M03", 20)])
    assert outcome({"kind": "training", "hours": 32}, book).detail == (
        "2名党员全年学习培训达32学时，张敏（20学时）未达到"
    )
    assert (
        outcome({"kind": "training", "hours": 7.5}, book).detail == "3名党员全年学习培训均达7.5学时"
    )
