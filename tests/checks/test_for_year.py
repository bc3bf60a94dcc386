"""`for_year` on events and `grace_days` on yearly `frequency` checks.

An event with `for_year` counts for that year only (never for the year it was held in), and only
when held within that year or up to `grace_days` after its end, even past the ledger's period.
Without `for_year` an event counts for the year it was held in.
"""

from __future__ import annotations

from typing import Any

import pytest
from builders import ledger

from branchcheck.models import Ledger
from checks import outcome

Y2023 = {"start": "2023-01-01", "end": "2023-12-31"}
TWO_YEARS = {"start": "2023-01-01", "end": "2024-12-31"}
YEARLY = {"kind": "frequency", "event": "组织生活会", "per": "year"}
GRACE = {**YEARLY, "grace_days": 31}  # 2023-12-31 + 31 days = 2024-01-31


def held(day: str, for_year: int | None = None, kind: str = "组织生活会", **extra: Any) -> dict:
    event: dict[str, Any] = {"date": day, "type": kind, **extra}
    if for_year is not None:
        event["for_year"] = for_year
    return event


CASES = [
    pytest.param(YEARLY, ledger(**Y2023, events=[held("2023-12-20")]), 1.0, 0, id="in-the-year"),
    pytest.param(
        YEARLY, ledger(**Y2023, events=[held("2023-12-20", 2023)]), 1.0, 0, id="for-its-own-year"
    ),
    pytest.param(
        GRACE, ledger(**Y2023, events=[held("2024-01-20", 2023)]), 1.0, 0, id="inside-grace"
    ),
    pytest.param(
        GRACE, ledger(**Y2023, events=[held("2024-01-31", 2023)]), 1.0, 0, id="last-grace-day"
    ),
    pytest.param(
        GRACE, ledger(**Y2023, events=[held("2024-02-01", 2023)]), 0.0, 1, id="one-day-past-grace"
    ),
    pytest.param(
        YEARLY,
        ledger(**Y2023, events=[held("2024-01-01", 2023)]),
        0.0,
        1,
        id="no-grace-next-day-too-late",
    ),
    pytest.param(
        {**YEARLY, "grace_days": 0},
        ledger(**Y2023, events=[held("2023-12-31", 2023)]),
        1.0,
        0,
        id="no-grace-last-day-of-year",
    ),
    pytest.param(
        GRACE, ledger(**Y2023, events=[held("2024-01-20")]), 0.0, 1, id="in-grace-without-for-year"
    ),
    pytest.param(
        GRACE,
        ledger(**Y2023, events=[held("2023-03-01", 2022)]),
        0.0,
        1,
        id="for-the-year-before",
    ),
    pytest.param(
        GRACE,
        ledger(**Y2023, events=[held("2023-12-20", 2024)]),
        0.0,
        1,
        id="for-the-year-after",
    ),
    pytest.param(
        GRACE,
        ledger(**Y2023, events=[held("2022-12-28", 2023)]),
        0.0,
        1,
        id="held-before-the-year",
    ),
    # The 2023年度 meeting held in January 2024 never counts for 2024.
    pytest.param(
        GRACE,
        ledger(events=[held("2024-01-20", 2023)]),
        0.0,
        1,
        id="never-for-the-year-held-in",
    ),
    pytest.param(
        YEARLY,
        ledger(events=[held("2024-01-20", 2023)]),
        0.0,
        1,
        id="never-for-the-year-held-in-no-grace",
    ),
    pytest.param(
        GRACE,
        ledger(events=[held("2024-01-20", 2023), held("2024-12-20", 2024)]),
        1.0,
        0,
        id="both-years-held-in-2024",
    ),
    pytest.param(
        GRACE,
        ledger(**TWO_YEARS, events=[held("2024-01-20", 2023), held("2024-12-20")]),
        1.0,
        0,
        id="two-years-one-each",
    ),
    pytest.param(
        GRACE,
        ledger(**TWO_YEARS, events=[held("2024-01-20", 2023)]),
        0.5,
        1,
        id="two-years-only-the-first",
    ),
    pytest.param(
        YEARLY,
        ledger(**TWO_YEARS, events=[held("2024-01-20", 2023)]),
        0.0,
        2,
        id="two-years-no-grace-neither",
    ),
    pytest.param(
        GRACE,
        ledger(**TWO_YEARS, events=[held("2025-01-31", 2024), held("2023-06-01")]),
        1.0,
        0,
        id="two-years-grace-past-the-period",
    ),
    pytest.param(
        {**GRACE, "min": 2},
        ledger(**Y2023, events=[held("2023-06-01"), held("2024-01-10", 2023)]),
        1.0,
        0,
        id="min-2-one-in-grace",
    ),
    pytest.param(
        {**GRACE, "min": 2},
        ledger(**Y2023, events=[held("2023-06-01"), held("2024-02-10", 2023)]),
        0.0,
        1,
        id="min-2-one-past-grace",
    ),
    pytest.param(
        {**GRACE, "topic": "民主评议"},
        ledger(**Y2023, events=[held("2024-01-10", 2023, topics=["开展民主评议党员"])]),
        1.0,
        0,
        id="topic-in-grace",
    ),
    pytest.param(
        {**GRACE, "topic": "民主评议"},
        ledger(**Y2023, events=[held("2024-01-10", 2023, topics=["学习"])]),
        0.0,
        1,
        id="topic-missing-in-grace",
    ),
    pytest.param(
        GRACE,
        ledger(**Y2023, events=[held("2024-01-10", 2023, kind="党员大会")]),
        0.0,
        1,
        id="other-type-in-grace",
    ),
    pytest.param(
        {**GRACE, "event": ["组织生活会", "民主评议党员"]},
        ledger(**Y2023, events=[held("2024-01-10", 2023, kind="民主评议党员")]),
        1.0,
        0,
        id="list-of-types-in-grace",
    ),
    pytest.param(
        {**YEARLY, "grace_days": 366},
        ledger(**Y2023, events=[held("2024-12-31", 2023)]),
        1.0,
        0,
        id="longest-grace",
    ),
]


@pytest.mark.parametrize(("check", "book", "fraction", "misses"), CASES)
def test_for_year(check: dict[str, Any], book: Ledger, fraction: float, misses: int) -> None:
    got = outcome(check, book)
    assert (got.fraction, got.misses) == (fraction, misses)


@pytest.mark.parametrize(
    ("check", "book", "fraction", "misses"),
    [
        # Monthly and quarterly windows go by the date held: for_year is about the year only.
        pytest.param(
            {"kind": "frequency", "event": "组织生活会", "per": "quarter"},
            ledger(events=[held(f"2024-{m:02d}-10", 2023) for m in (1, 4, 7, 10)]),
            1.0,
            0,
            id="quarters-by-date",
        ),
        pytest.param(
            {"kind": "count", "event": "组织生活会", "min": 1},
            ledger(events=[held("2024-01-10", 2023)]),
            1.0,
            0,
            id="count-by-date",
        ),
        pytest.param(
            {"kind": "count", "event": "组织生活会", "min": 1},
            ledger(**Y2023, events=[held("2024-01-10", 2023)]),
            0.0,
            1,
            id="count-ignores-grace-outside-period",
        ),
    ],
)
def test_for_year_outside_yearly_checks(
    check: dict[str, Any], book: Ledger, fraction: float, misses: int
) -> None:
    got = outcome(check, book)
    assert (got.fraction, got.misses) == (fraction, misses)


@pytest.mark.parametrize(
    ("book", "detail"),
    [
        pytest.param(
            ledger(events=[held("2024-01-20", 2023)]),
            "未召开2024年度组织生活会（2024年1月20日召开的为2023年度）",
            id="held-for-last-year",
        ),
        pytest.param(
            ledger(**TWO_YEARS, events=[held("2024-01-20", 2023)]),
            "已于2024年1月20日召开2023年度组织生活会；"
            "未召开2024年度组织生活会（2024年1月20日召开的为2023年度）",
            id="two-years",
        ),
        pytest.param(
            ledger(**Y2023, events=[held("2024-02-01", 2023)]),
            "未召开2023年度组织生活会（2024年2月1日召开的已超过规定时限）",
            id="too-late",
        ),
    ],
)
def test_for_year_detail(book: Ledger, detail: str) -> None:
    assert outcome(GRACE, book).detail == detail
