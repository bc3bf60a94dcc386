"""The per-ledger indexes the checks share (checks/context.py) and the shortcuts they allow:
each gives what the plain reading of the ledger gives."""

from __future__ import annotations

import datetime as dt

import pytest
from builders import ledger, norm, rubric

from branchcheck import score
from branchcheck.checks.context import Context
from branchcheck.checks.gaps import _months_later

COUNT = {"kind": "count", "event": "党课", "min": 1}
# Two types on the same days, written B before A in the file, and one day out of the period.
EVENTS = [
    {"date": "2024-03-01", "type": "党课", "topics": ["第一议题"], "note": "1"},
    {"date": "2024-02-01", "type": "支委会", "note": "2"},
    {"date": "2024-03-01", "type": "支委会", "topics": ["第一议题学习"], "note": "3"},
    {"date": "2024-02-01", "type": "党课", "note": "4"},
    {"date": "2025-01-10", "type": "党课", "topics": ["第一议题"], "note": "5"},
]


def notes(found: list) -> list[str | None]:
    return [e.note for e in found]


@pytest.mark.parametrize(
    ("types", "topic", "expected"),
    [
        pytest.param(("党课",), None, ["4", "1"], id="one-type-by-date"),
        # Same day: the order of `types`, then the file's.
        pytest.param(("支委会", "党课"), None, ["2", "4", "3", "1"], id="types-order-on-ties"),
        pytest.param(("党课", "支委会"), None, ["4", "2", "1", "3"], id="types-order-swapped"),
        pytest.param(("支委会", "党课"), "第一议题", ["3", "1"], id="topic-then-date"),
        pytest.param(("党课", "党课"), None, ["4", "1"], id="a-type-counted-once"),
    ],
)
def test_events_in_the_period(types: tuple[str, ...], topic: str | None, expected: list) -> None:
    ctx = Context(ledger(events=EVENTS), rubric(norm(COUNT)))
    assert notes(ctx.events(types, topic)) == expected


@pytest.mark.parametrize(
    ("types", "topic", "expected"),
    [
        pytest.param(("党课",), None, ["4", "1", "5"], id="one-type-past-the-period"),
        # Same day: the file's order, whatever the order of `types`.
        pytest.param(("党课", "支委会"), None, ["2", "4", "1", "3", "5"], id="file-order-on-ties"),
        pytest.param(("党课", "支委会"), "第一议题", ["1", "3", "5"], id="topic"),
    ],
)
def test_matching_in_and_out_of_the_period(
    types: tuple[str, ...], topic: str | None, expected: list
) -> None:
    ctx = Context(ledger(events=EVENTS), rubric(norm(COUNT)))
    assert notes(ctx.matching(types, topic)) == expected


@pytest.mark.parametrize("months", [1, 2, 3, 6, 12, 24])
def test_months_later_is_never_sooner_than_the_gap_checks_bound(months: int) -> None:
    """gap_check skips the date sum for a stretch of 28 x months - 3 days or less: every
    start day must then really be within the limit (31 August + 6 months: 28 February)."""
    day = dt.date(2023, 1, 1)
    while day.year < 2025:
        assert (_months_later(day, months) - day).days >= 28 * months - 3
        day += dt.timedelta(days=1)


def test_year_index_and_training_hours() -> None:
    book = ledger(
        start="2023-07-01",
        end="2025-06-30",
        training=[
            {"member": "M01", "hours": 4, "date": "2024-03-01"},
            {"member": "M01", "hours": 2.5, "date": "2024-12-31"},
            {"member": "M02", "hours": 8, "date": "2023-12-01"},  # no whole year holds it
        ],
    )
    ctx = Context(book, rubric(norm(COUNT)))
    assert [w.label for w in ctx.windows("year")] == ["2024年"]
    assert ctx.year_index(dt.date(2024, 6, 1)) == 0
    assert ctx.year_index(dt.date(2023, 12, 1)) is None
    assert ctx.training_hours() == [{"M01": 6.5}]


def test_the_rubric_plan_is_made_once_and_scores_stay_pure() -> None:
    model = rubric(norm(COUNT), norm(COUNT, id="N02", bonus=True))
    assert model.plan is model.plan
    book = ledger(events=EVENTS)
    first, second = score(model, book), score(model, book)
    assert first == second
    assert [n.id for n in first.norms] == ["N01", "N02"]
