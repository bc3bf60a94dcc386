"""`gap`: 1 when no stretch of the period longer than `max_months` (default 6) passes without one
of these events, else 0 with one miss. The period's start and end bound the first and the last
stretch; a stretch of exactly `max_months` calendar months is allowed."""

from __future__ import annotations

from typing import Any

import pytest
from builders import ledger, monthly

from branchcheck.models import Ledger
from checks import outcome

GAP = {"kind": "gap", "event": "党员大会"}


def on(*days: str, kind: str = "党员大会") -> list[dict[str, Any]]:
    return [{"date": d, "type": kind} for d in days]


CASES = [
    pytest.param({}, ledger(events=monthly("党员大会", list(range(1, 13)))), 1.0, 0, id="monthly"),
    pytest.param({}, ledger(), 0.0, 1, id="none-held"),
    pytest.param({}, ledger(events=on("2024-07-01")), 1.0, 0, id="one-mid-year"),
    pytest.param({}, ledger(events=on("2024-06-30")), 0.0, 1, id="one-too-early"),
    # At the period's start: from 1 January.
    pytest.param({}, ledger(events=on("2024-07-01", "2024-12-01")), 1.0, 0, id="start-six-months"),
    pytest.param({}, ledger(events=on("2024-07-02", "2024-12-01")), 0.0, 1, id="start-a-day-over"),
    # At the period's end: to 31 December.
    pytest.param({}, ledger(events=on("2024-02-01", "2024-07-01")), 1.0, 0, id="end-six-months"),
    pytest.param({}, ledger(events=on("2024-02-01", "2024-06-30")), 0.0, 1, id="end-a-day-over"),
    # In the middle.
    pytest.param(
        {}, ledger(events=on("2024-01-10", "2024-07-10", "2024-12-20")), 1.0, 0, id="six-months"
    ),
    pytest.param(
        {},
        ledger(events=on("2024-01-10", "2024-07-11", "2024-12-20")),
        0.0,
        1,
        id="six-months-and-a-day",
    ),
    pytest.param(
        {},
        ledger(events=on("2024-01-10", "2024-08-10", "2024-12-20")),
        0.0,
        1,
        id="seven-month-gap",
    ),
    pytest.param(
        {},
        ledger(events=monthly("党员大会", [1, 2, 3, 4, 12])),
        0.0,
        1,
        id="seven-month-gap-monthly-otherwise",
    ),
    pytest.param(
        {"max_months": 3},
        ledger(events=on("2024-03-01", "2024-06-01", "2024-09-01", "2024-12-01")),
        1.0,
        0,
        id="max-3-quarterly",
    ),
    pytest.param(
        {"max_months": 3},
        ledger(events=on("2024-03-01", "2024-06-02", "2024-09-01", "2024-12-01")),
        0.0,
        1,
        id="max-3-a-day-over",
    ),
    pytest.param(
        {"max_months": 12},
        ledger(start="2023-01-01", end="2024-12-31", events=on("2023-12-31")),
        1.0,
        0,
        id="max-12-two-years",
    ),
    pytest.param(
        {"event": ["党员大会", "主题党日"]},
        ledger(events=on("2024-03-01", "2024-12-01") + on("2024-07-01", kind="主题党日")),
        1.0,
        0,
        id="list-of-types",
    ),
    pytest.param(
        {},
        ledger(events=on("2024-03-01", "2024-12-01") + on("2024-07-01", kind="党课")),
        0.0,
        1,
        id="other-type-does-not-bridge",
    ),
    # Events outside the period bound nothing: the period's own start and end do.
    pytest.param(
        {},
        ledger(events=on("2023-12-31", "2024-07-10", "2025-01-01")),
        0.0,
        1,
        id="outside-the-period",
    ),
    # Month ends: 31 August + 6 months is the last day of February.
    pytest.param(
        {},
        ledger(start="2024-07-01", end="2025-06-30", events=on("2024-08-31", "2025-02-28")),
        1.0,
        0,
        id="aug-31-to-feb-28",
    ),
    pytest.param(
        {},
        ledger(start="2024-07-01", end="2025-06-30", events=on("2024-08-31", "2025-03-01")),
        0.0,
        1,
        id="aug-31-to-mar-1",
    ),
    pytest.param(
        {},
        ledger(start="2023-07-01", end="2024-06-30", events=on("2023-08-31", "2024-02-29")),
        1.0,
        0,
        id="aug-31-to-leap-feb-29",
    ),
    # Every stretch is held to its own six months: 31 Aug 2024 to 1 Mar 2025 (182 days) is over
    # six months though 1 Mar to 1 Sep 2025 (184 days) is longer and within them.
    pytest.param(
        {},
        ledger(
            start="2024-07-01",
            end="2025-12-31",
            events=on("2024-07-15", "2024-08-31", "2025-03-01", "2025-09-01", "2025-12-01"),
        ),
        0.0,
        1,
        id="shorter-stretch-over-six-months",
    ),
    pytest.param(
        {},
        ledger(
            start="2024-01-01",
            end="2025-06-30",
            events=on("2024-07-01", "2024-08-31", "2025-03-01", "2025-06-01"),
        ),
        0.0,
        1,
        id="equal-days-later-stretch-over",
    ),
]


@pytest.mark.parametrize(("fields", "book", "fraction", "misses"), CASES)
def test_gap(fields: dict[str, Any], book: Ledger, fraction: float, misses: int) -> None:
    got = outcome({**GAP, **fields}, book)
    assert (got.fraction, got.misses) == (fraction, misses)


@pytest.mark.parametrize(
    ("book", "detail"),
    [
        pytest.param(
            ledger(events=on("2024-01-10", "2024-07-10", "2024-12-20")),
            "党员大会最长间隔182天，未超过6个月",
            id="met",
        ),
        pytest.param(
            ledger(events=on("2024-01-10", "2024-08-10")),
            "2024年1月10日至8月10日间隔213天未召开党员大会，超过6个月",
            id="seven-months",
        ),
        pytest.param(
            ledger(),
            "2024年1月1日至12月31日间隔365天未召开党员大会，超过6个月",
            id="none-held",
        ),
        pytest.param(
            ledger(events=on("2024-02-01", "2024-06-30")),
            "2024年6月30日至12月31日间隔184天未召开党员大会，超过6个月",
            id="at-the-end",
        ),
        pytest.param(
            ledger(
                start="2024-07-01",
                end="2025-12-31",
                events=on("2024-07-15", "2024-08-31", "2025-03-01", "2025-09-01", "2025-12-01"),
            ),
            "2024年8月31日至2025年3月1日间隔182天未召开党员大会，超过6个月",
            id="names-the-stretch-over",
        ),
    ],
)
def test_gap_detail(book: Ledger, detail: str) -> None:
    assert outcome(GAP, book).detail == detail
