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
    pytest.param({}, ledger(events=monthly("支委会", YEAR)), "12个月均按期召开支委会", id="met"),
    pytest.param(
        {},
        ledger(events=monthly("支委会", [m for m in YEAR if m != 8])),
        "8月未召开支委会",
        id="one-month-short",
    ),
    pytest.param(
        {},
        ledger(events=monthly("支委会", [1, 2, 9, 10, 11, 12])),
        "3月至8月未召开支委会",
        id="a-run-of-months-as-a-span",
    ),
    pytest.param(
        {},
        ledger(events=monthly("支委会", [2, 3, 5, 6, 7, 8, 9, 10, 11, 12])),
        "1月、4月未召开支委会",
        id="two-months-listed",
    ),
    pytest.param({}, ledger(), "各月均未召开支委会", id="none-held"),
    pytest.param(
        {"min": 2},
        ledger(events=twice_a_month_except(3)),
        "支委会3月召开1次，要求每月至少2次",
        id="min-2",
    ),
    pytest.param(
        {"topic": "第一议题"},
        ledger(events=monthly("支委会", list(range(1, 11)), topics=["第一议题：学习讲话"])),
        "11月、12月支委会未落实“第一议题”",
        id="topic",
    ),
    pytest.param(
        {"topic": "第一议题"},
        ledger(events=monthly("支委会", YEAR, topics=["第一议题：学习讲话"])),
        "12个月均落实“第一议题”（支委会）",
        id="topic-met",
    ),
    pytest.param(
        {"event": ["支委会", "党员大会"], "topic": "第一议题"},
        ledger(events=monthly("支委会", YEAR[1:], topics=["第一议题"])),
        "1月支委会、党员大会均未落实“第一议题”",
        id="topic-several-types",
    ),
    pytest.param(
        {"event": ["党小组会", "主题党日"], "per": "quarter"},
        ledger(events=events(("2024-02-10", "党小组会"), ("2024-05-10", "主题党日"))),
        "第三季度、第四季度党小组会、主题党日均未开展",
        id="quarters-list",
    ),
    pytest.param(
        {"event": ["支委会", "党员大会", "党课", "主题党日"], "per": "half"},
        ledger(events=events(("2024-09-10", "党课"))),
        "上半年未开展任何组织生活",
        id="any-activity",
    ),
    pytest.param(
        {"per": "half"},
        ledger(events=events(("2024-03-10", "支委会"), ("2024-09-10", "支委会"))),
        "上、下半年均按期召开支委会",
        id="halves-met",
    ),
    pytest.param(
        {"per": "quarter"},
        ledger(**QUARTER, events=events(("2024-05-10", "支委会"))),
        "第二季度已召开支委会",
        id="one-window-met",
    ),
    pytest.param(
        {},
        ledger(
            **TWO_YEARS, events=monthly("支委会", YEAR, year=2023) + monthly("支委会", YEAR[1:])
        ),
        "2024年1月未召开支委会",
        id="labels-carry-the-year",
    ),
    pytest.param(
        {"event": "组织生活会", "per": "year"},
        ledger(events=events(("2024-12-20", "组织生活会"))),
        "已于12月20日召开2024年度组织生活会",
        id="yearly-met",
    ),
    pytest.param(
        {"event": "组织生活会", "per": "year"},
        ledger(),
        "未召开2024年度组织生活会",
        id="yearly-missed",
    ),
    pytest.param(
        {"event": "党课", "per": "year", "topic": "书记讲党课"},
        ledger(events=events(("2024-03-10", "党课", ["书记讲党课：学习贯彻党章"]))),
        "已于3月10日落实2024年度“书记讲党课”",
        id="yearly-topic-met",
    ),
    pytest.param(
        {"event": "党课", "per": "year", "topic": "书记讲党课"},
        ledger(events=events(("2024-03-10", "党课"))),
        "2024年度党课未落实“书记讲党课”",
        id="yearly-topic-missed",
    ),
    pytest.param(
        {"event": "党课", "per": "year", "min": 2},
        ledger(events=events(("2024-03-10", "党课"))),
        "2024年度仅开展党课1次（3月10日），要求至少2次",
        id="yearly-min-2",
    ),
    pytest.param(
        {"per": "year"}, ledger(**QUARTER), "考核期不足一个完整年度，本项不适用", id="n/a"
    ),
    pytest.param(
        {"per": "month"},
        ledger(start="2024-01-05", end="2024-01-30"),
        "考核期不足一个完整月份，本项不适用",
        id="n/a-month",
    ),
]


@pytest.mark.parametrize(("fields", "book", "detail"), DETAILS)
def test_frequency_detail(fields: dict[str, Any], book: Ledger, detail: str) -> None:
    got = outcome({"kind": "frequency", "event": "支委会", "per": "month", **fields}, book)
    assert got.detail == detail
