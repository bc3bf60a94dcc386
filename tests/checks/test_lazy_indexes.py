"""The per-ledger indexes made on first use (checks/context.py, roster.py, members.py, dues.py)
and their shortcuts, each against the plain reading of the ledger it replaces."""

from __future__ import annotations

import datetime as dt
from itertools import repeat
from operator import contains
from typing import Any

import pytest
from builders import ledger, members, norm, rubric

from branchcheck.checks.context import Context, about
from branchcheck.checks.dues import PAID, UNPAID, dues_status, month_key
from branchcheck.checks.kept import kept
from branchcheck.checks.members import _held
from branchcheck.checks.roster import Roster
from branchcheck.models.ledger_records import Event

COUNT = {"kind": "count", "event": "党课", "min": 1}
DAYS = [dt.date(2024, 1, 1) + dt.timedelta(days=d) for d in range(-3, 370)]


def context(**fields: Any) -> Context:
    return Context(ledger(**fields), rubric(norm(COUNT)))


DATED = [
    pytest.param(members(3), id="no-dates"),
    pytest.param(
        [
            {"id": "M01", "name": "甲"},
            {"id": "M02", "name": "乙", "joined": "2024-03-01"},
            {"id": "M03", "name": "丙", "left": "2024-05-31"},
            {"id": "M04", "name": "丁", "joined": "2024-02-01", "left": "2024-02-01"},
            {"id": "M05", "name": "戊", "joined": "2024-05-31", "left": "2024-12-31"},
        ],
        id="joined-and-left",
    ),
    pytest.param(
        [{"id": "M01", "name": "甲", "joined": "2024-06-01"}, {"id": "M01", "name": "甲"}],
        id="repeated-id",
    ),
]


@pytest.mark.parametrize("people", DATED)
def test_the_roster_answers_as_each_members_dates_do(people: list[dict[str, Any]]) -> None:
    book = ledger(members=people)
    roster = Roster(book.members)
    for day in DAYS:
        assert roster.active_ids(day) == {m.id for m in book.members if m.active_on(day)}
    ids = [m.id for m in book.members]
    assert roster.unique == (len(set(ids)) == len(ids))


@pytest.mark.parametrize("people", DATED)
def test_active_on_lists_the_members_in_file_order(people: list[dict[str, Any]]) -> None:
    ctx = context(members=people)
    for day in DAYS[::7]:
        assert ctx.active_on(day) == [m for m in ctx.ledger.members if m.active_on(day)]


@pytest.mark.parametrize(
    "topics",
    [
        (),
        ("第一议题",),
        ("学习", "第一议题学习"),
        ("第一", "议题"),
        ("议题第一",),
        ("第一议题", ""),
        ("a", "b"),
        ("a\x00b",),
    ],
)
@pytest.mark.parametrize("topic", ["第一议题", "第一", "题第", "", "a\x00b"])
def test_about_is_any_topic_containing_it(topics: tuple[str, ...], topic: str) -> None:
    """Joined topics never match across two of them (第一 + 议题 is not 第一议题)."""
    # Built unchecked: also topics the model refuses ("" and control characters).
    events = [Event.model_construct(date=dt.date(2024, 3, 1), type="党课", topics=topics)]
    plain = [e for e in events if any(map(contains, e.topics, repeat(topic)))]
    assert about(topic, events) == plain


@pytest.mark.parametrize(
    ("start", "end"),
    [("2024-01-01", "2024-12-31"), ("2023-07-01", "2025-06-30"), ("2023-01-01", "2024-12-31")],
)
def test_events_by_whole_year(start: str, end: str) -> None:
    days = ["2023-08-01", "2024-01-01", "2024-12-31", "2025-01-05"]
    ctx = context(start=start, end=end, events=[{"date": d, "type": "党课"} for d in days])
    events = ctx.events(("党课",))
    years = range(len(ctx.windows("year")))
    plain = [[e for e in events if ctx.year_index(e.date) == i] for i in years]
    assert ctx.by_year(events) == plain


@pytest.mark.parametrize(
    ("people", "excused", "restricted", "excused_ids"),
    [
        pytest.param(members(2), [], {}, set(), id="everyone-every-year"),
        pytest.param(
            [*members(1), {"id": "M02", "name": "乙", "left": "2024-06-30"}],
            [],
            {"M02": []},
            set(),
            id="left-before-the-years-end",
        ),
        pytest.param(
            members(2),
            [{"member": "M02", "from": "2024-01-01", "to": "2024-07-01", "reason": "重病"}],
            {"M02": []},
            {"M02"},
            id="excused-half-the-year",
        ),
        pytest.param(
            [{"id": "M01", "name": "甲"}, {"id": "M01", "name": "甲", "left": "2024-03-01"}],
            [],
            {},
            set(),
            id="repeated-id-the-last-held-decides",
        ),
    ],
)
def test_years_that_hold_each_member(
    people: list[dict[str, Any]],
    excused: list[dict[str, Any]],
    restricted: dict[str, list[int]],
    excused_ids: set[str],
) -> None:
    ctx = context(members=people, excused=excused)
    assert _held(ctx, ctx.windows("year")) == (restricted, excused_ids)


@pytest.mark.parametrize(
    "paid",
    [
        pytest.param([f"2024-{m:02d}" for m in range(1, 13)], id="in-order"),
        pytest.param([f"2024-{m:02d}" for m in range(12, 0, -1)], id="reversed"),
        pytest.param([f"2024-{m:02d}" for m in range(1, 12)], id="one-missing"),
        pytest.param([], id="none"),
    ],
)
def test_dues_rows_paid_every_month_however_listed(paid: list[str]) -> None:
    ctx = context(dues={"M01": paid})
    keys = [month_key(w) for w in ctx.windows("month")]
    assert dues_status(ctx)["M01"] == [PAID if k in paid else UNPAID for k in keys]


def test_kept_is_per_owner_and_holds_it() -> None:
    first, second = object(), object()
    assert kept(first, "x", lambda: 1) == 1
    assert kept(first, "x", lambda: 2) == 1  # made once
    assert kept(second, "x", lambda: 3) == 3
    assert kept(first, "x", lambda: 4, also=second) == 4  # a second owner is part of the key
