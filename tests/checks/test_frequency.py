"""`frequency`: windows holding at least `min` matching events / whole windows in the period."""

from __future__ import annotations

from calendar import monthrange
from typing import Any

import pytest
from builders import ledger, monthly

from branchcheck.models import Ledger
from checks import outcome

YEAR = list(range(1, 13))
QUARTER = {"start": "2024-04-01", "end": "2024-06-30"}
MID_MONTH = {"start": "2024-01-15", "end": "2024-12-14"}
TWO_YEARS = {"start": "2023-01-01", "end": "2024-12-31"}


def events(*items: tuple[str, str] | tuple[str, str, list[str]]) -> list[dict[str, Any]]:
    """(date, type[, topics]) triples as ledger events."""
    return [
        {"date": d, "type": t, **({"topics": rest[0]} if rest else {})} for d, t, *rest in items
    ]


def twice_a_month_except(month: int) -> list[dict[str, Any]]:
    others = [m for m in YEAR if m != month]
    return monthly("支委会", YEAR, day=5) + monthly("支委会", others, day=20)


CASES = [
    pytest.param({}, ledger(events=monthly("支委会", YEAR)), 1.0, 0, id="every-month"),
    pytest.param(
        {}, ledger(events=monthly("支委会", [m for m in YEAR if m != 8])), 11 / 12, 1, id="no-aug"
    ),
    pytest.param({}, ledger(), 0.0, 12, id="year-without-events"),
    pytest.param(
        {},
        ledger(
            events=[
                {"date": f"2024-{m:02d}-{monthrange(2024, m)[1]}", "type": "支委会"} for m in YEAR
            ]
        ),
        1.0,
        0,
        id="last-day-of-each-month-counts",
    ),
    pytest.param({"min": 2}, ledger(events=twice_a_month_except(3)), 11 / 12, 1, id="min-2"),
    pytest.param({"min": 2}, ledger(events=monthly("支委会", YEAR)), 0.0, 12, id="min-2-once-each"),
    pytest.param(
        {"topic": "第一议题"},
        ledger(
            events=monthly("支委会", list(range(1, 11)), topics=["会前学习", "第一议题：学习讲话"])
            + monthly("支委会", [11, 12], topics=["议题一：研究发展党员"])
        ),
        10 / 12,
        2,
        id="topic-substring",
    ),
    pytest.param(
        {"event": ["党小组会", "主题党日"], "per": "quarter"},
        ledger(
            events=events(
                ("2024-02-10", "党小组会"), ("2024-05-10", "主题党日"), ("2024-11-10", "党课")
            )
        ),
        2 / 4,
        2,
        id="list-of-types",
    ),
    pytest.param({"per": "half"}, ledger(events=monthly("支委会", [3])), 0.5, 1, id="per-half"),
    pytest.param({"per": "year"}, ledger(events=monthly("支委会", [12])), 1.0, 0, id="per-year"),
    # A quarter ledger: months and the quarter are whole windows; the half and the year are not.
    pytest.param({"per": "year"}, ledger(**QUARTER), None, 0, id="quarter-ledger-per-year"),
    pytest.param({"per": "half"}, ledger(**QUARTER), None, 0, id="quarter-ledger-per-half"),
    pytest.param(
        {"per": "quarter"},
        ledger(**QUARTER, events=monthly("支委会", [5])),
        1.0,
        0,
        id="quarter-ledger-per-quarter",
    ),
    pytest.param(
        {}, ledger(**QUARTER, events=monthly("支委会", [4, 6])), 2 / 3, 1, id="quarter-ledger-month"
    ),
    # Periods starting mid-month: the partial first and last months are not windows.
    pytest.param(
        {},
        ledger(**MID_MONTH, events=monthly("支委会", [m for m in YEAR if m != 3], day=14)),
        9 / 10,
        1,
        id="mid-month-period",
    ),
    pytest.param(
        {},
        ledger(**MID_MONTH, events=events(("2024-01-20", "支委会"), ("2024-12-10", "支委会"))),
        0.0,
        10,
        id="partial-months-are-not-windows",
    ),
    pytest.param(
        {"per": "quarter"},
        ledger(**MID_MONTH, events=monthly("支委会", YEAR, day=14)),
        1.0,
        0,
        id="mid-month-quarters-q2-q3",
    ),
    pytest.param(
        {"per": "quarter"},
        ledger(**MID_MONTH, events=monthly("支委会", [2, 12], day=14)),
        0.0,
        2,
        id="events-in-partial-quarters-only",
    ),
    # Events outside the period are ignored.
    pytest.param(
        {},
        ledger(events=monthly("支委会", YEAR, year=2023) + monthly("支委会", YEAR, year=2025)),
        0.0,
        12,
        id="events-outside-period",
    ),
    pytest.param(
        {},
        ledger(events=monthly("支委会", YEAR[:11]) + monthly("支委会", [1], year=2025)),
        11 / 12,
        1,
        id="next-january-does-not-count",
    ),
    pytest.param(
        {},
        ledger(**TWO_YEARS, events=monthly("支委会", YEAR, year=2023)),
        12 / 24,
        12,
        id="second-year-empty",
    ),
    pytest.param(
        {"per": "year"},
        ledger(**TWO_YEARS, events=monthly("支委会", [6], year=2024)),
        0.5,
        1,
        id="two-years-per-year",
    ),
    pytest.param(
        {"event": "党员大会"}, ledger(events=monthly("支委会", YEAR)), 0.0, 12, id="other-type"
    ),
    pytest.param(
        {"event": ["支委会", "支委会"], "min": 2},
        ledger(events=monthly("支委会", YEAR)),
        0.0,
        12,
        id="type-listed-twice-counts-once",
    ),
]


@pytest.mark.parametrize(("fields", "book", "fraction", "misses"), CASES)
def test_frequency(
    fields: dict[str, Any], book: Ledger, fraction: float | None, misses: int
) -> None:
    got = outcome({"kind": "frequency", "event": "支委会", "per": "month", **fields}, book)
    assert (got.fraction, got.misses) == (fraction, misses)


DETAILS = [
    pytest.param({}, ledger(events=monthly("支委会", YEAR)), "12个月中12个月达标", id="met"),
    pytest.param(
        {},
        ledger(events=monthly("支委会", [m for m in YEAR if m != 8])),
        "12个月中11个月达标（8月无支委会）",
        id="one-month-short",
    ),
    pytest.param(
        {"min": 2},
        ledger(events=twice_a_month_except(3)),
        "12个月中11个月达标（3月1次；要求每月至少2次支委会）",
        id="min-2",
    ),
    pytest.param(
        {"topic": "第一议题"},
        ledger(events=monthly("支委会", list(range(1, 11)), topics=["第一议题：学习讲话"])),
        "12个月中10个月达标（11月、12月无含“第一议题”的支委会）",
        id="topic",
    ),
    pytest.param(
        {"event": ["党小组会", "主题党日"], "per": "quarter"},
        ledger(events=events(("2024-02-10", "党小组会"), ("2024-05-10", "主题党日"))),
        "4个季度中2个季度达标（第三季度、第四季度无党小组会或主题党日）",
        id="quarters-list",
    ),
    pytest.param(
        {},
        ledger(
            **TWO_YEARS, events=monthly("支委会", YEAR, year=2023) + monthly("支委会", YEAR[1:])
        ),
        "24个月中23个月达标（2024年1月无支委会）",
        id="labels-carry-the-year",
    ),
    pytest.param({"per": "year"}, ledger(**QUARTER), "期内没有完整的年，不适用", id="n/a"),
]


@pytest.mark.parametrize(("fields", "book", "detail"), DETAILS)
def test_frequency_detail(fields: dict[str, Any], book: Ledger, detail: str) -> None:
    got = outcome({"kind": "frequency", "event": "支委会", "per": "month", **fields}, book)
    assert got.detail == detail
