"""Excused members (ledger `excused`): out of attendance 应到 on the days they are excused; out of
a year's talks and training norms when excused for at least half of that year (Context.excused_for).

2024 has 366 days: excused 183 days is half (not held), 182 days is less (held in full).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from builders import ledger, members, norm, rubric
from pydantic import ValidationError

from branchcheck.checks.context import Context
from branchcheck.checks.wording import Window
from branchcheck.models import Ledger
from checks import named, outcome

TWO_YEARS = {"start": "2023-01-01", "end": "2024-12-31"}
ATTENDANCE = {"kind": "attendance", "event": "党员大会", "min_rate": 0.8}
TALKS = {"kind": "talks"}
TRAINING = {"kind": "training", "hours": 32}


def excused(member: str, start: str, end: str | None = None, **extra: Any) -> dict[str, Any]:
    record = {"member": member, "from": start, "reason": "重病", **extra}
    if end is not None:
        record["to"] = end
    return record


def meeting(day: str, *who: str, **extra: Any) -> dict[str, Any]:
    return {"date": day, "type": "党员大会", "attendees": list(who) if who else "all", **extra}


def talk(day: str, *who: str) -> dict[str, Any]:
    return {"date": day, "type": "谈心谈话", "attendees": list(who)}


def hours(member: str, amount: float, day: str = "2024-06-01") -> dict[str, Any]:
    return {"member": member, "hours": amount, "date": day}


# 5 members, M05 not at the meeting of 10 May: 80% without an excuse, 100% with one.
FIVE = "M01", "M02", "M03", "M04"
MAY = meeting("2024-05-10", *FIVE)
# 3 members, M03 absent: 67% of 3 (below 0.8), 100% of 2 when M03 is excused.
TWO_OF_THREE = meeting("2024-05-10", "M01", "M02")

ATTENDANCE_CASES = [
    pytest.param(ledger(events=[TWO_OF_THREE]), 0.0, 1, id="absent-not-excused"),
    pytest.param(
        ledger(events=[TWO_OF_THREE], excused=[excused("M03", "2024-05-01", "2024-05-31")]),
        1.0,
        0,
        id="excused-on-the-day",
    ),
    pytest.param(
        ledger(events=[TWO_OF_THREE], excused=[excused("M03", "2024-05-10", "2024-05-31")]),
        1.0,
        0,
        id="excused-from-the-day",
    ),
    pytest.param(
        ledger(events=[TWO_OF_THREE], excused=[excused("M03", "2024-04-01", "2024-05-10")]),
        1.0,
        0,
        id="excused-to-the-day",
    ),
    pytest.param(
        ledger(events=[TWO_OF_THREE], excused=[excused("M03", "2024-04-01", "2024-05-09")]),
        0.0,
        1,
        id="excuse-ended-the-day-before",
    ),
    pytest.param(
        ledger(events=[TWO_OF_THREE], excused=[excused("M03", "2024-05-11")]),
        0.0,
        1,
        id="excused-from-the-day-after",
    ),
    pytest.param(
        ledger(events=[TWO_OF_THREE], excused=[excused("M03", "2024-01-01")]),
        1.0,
        0,
        id="open-ended-excuse",
    ),
    pytest.param(
        ledger(
            events=[TWO_OF_THREE, meeting("2024-09-10", "M01", "M02")],
            excused=[excused("M03", "2024-05-01", "2024-05-31")],
        ),
        0.5,
        1,
        id="excused-for-one-meeting-only",
    ),
    pytest.param(
        ledger(events=[TWO_OF_THREE], excused=[excused("M02", "2024-05-01", "2024-05-31")]),
        0.0,
        1,
        id="excused-member-who-came-is-not-counted",
    ),
    pytest.param(
        ledger(
            member_count=5,
            events=[meeting("2024-05-10", "M01", "M02", "M03")],
            excused=[excused("M04", "2024-05-01", "2024-05-31")],
        ),
        0.0,
        1,
        id="three-of-four-still-below",
    ),
    pytest.param(
        ledger(
            member_count=5,
            events=[meeting("2024-05-10", "M01", "M02", "M03")],
            excused=[
                excused("M04", "2024-05-01", "2024-05-31"),
                excused("M05", "2024-05-10", "2024-05-10"),
            ],
        ),
        1.0,
        0,
        id="two-excused-one-day-each",
    ),
    pytest.param(
        ledger(events=[TWO_OF_THREE], excused=[excused("M09", "2024-05-01", "2024-05-31")]),
        0.0,
        1,
        id="excuse-for-someone-else",
    ),
    pytest.param(
        ledger(
            members=[*members(2), {"id": "M03", "name": "党员3", "left": "2024-04-30"}],
            events=[TWO_OF_THREE],
            excused=[excused("M03", "2024-05-01", "2024-05-31")],
        ),
        1.0,
        0,
        id="excused-after-leaving",
    ),
]


@pytest.mark.parametrize(("book", "fraction", "misses"), ATTENDANCE_CASES)
def test_excused_attendance(book: Ledger, fraction: float, misses: int) -> None:
    got = outcome(ATTENDANCE, book)
    assert (got.fraction, got.misses) == (fraction, misses)


def test_excused_member_who_came_leaves_both_sides() -> None:
    # M02 excused but present, M03 absent: 1 of 2 expected (M01, M03) = 50%.
    book = ledger(events=[TWO_OF_THREE], excused=[excused("M02", "2024-05-01", "2024-05-31")])
    assert outcome({**ATTENDANCE, "min_rate": 0.5}, book).fraction == 1.0


@pytest.mark.parametrize(
    ("book", "detail"),
    [
        pytest.param(
            ledger(events=[TWO_OF_THREE], excused=[excused("M03", "2024-05-01", "2024-05-31")]),
            "1次党员大会到会率达到80%（1名党员按规定免于要求，不计入应到人数）",
            id="one-excused",
        ),
        pytest.param(
            ledger(
                events=[TWO_OF_THREE, meeting("2024-09-10", "M01")],
                excused=[excused("M03", "2024-01-01")],
            ),
            ("2次党员大会中，9月10日到会率50%，低于80%（1名党员按规定免于要求，不计入应到人数）"),
            id="excused-and-low",
        ),
        pytest.param(
            ledger(events=[TWO_OF_THREE], excused=[excused("M03", "2024-06-01")]),
            "1次党员大会中，5月10日到会率66.7%，低于80%",
            id="excuse-not-yet-started",
        ),
    ],
)
def test_excused_attendance_detail(book: Ledger, detail: str) -> None:
    assert outcome(ATTENDANCE, book).detail == detail


# Talks and training: 3 members; M03 in no talk and with no hours unless said otherwise.
TALKED = [talk("2024-03-01", "M01", "M02")]
TRAINED = [hours("M01", 32), hours("M02", 40)]

YEARLY_CASES = [
    pytest.param(TALKS, ledger(events=TALKED), 2 / 3, 1, id="talks-not-excused"),
    pytest.param(
        TALKS,
        ledger(events=TALKED, excused=[excused("M03", "2024-01-01", "2024-07-01")]),
        1.0,
        0,
        id="talks-excused-183-days-half",
    ),
    pytest.param(
        TALKS,
        ledger(events=TALKED, excused=[excused("M03", "2024-01-01", "2024-06-30")]),
        2 / 3,
        1,
        id="talks-excused-182-days-held-in-full",
    ),
    pytest.param(
        TALKS,
        ledger(events=TALKED, excused=[excused("M03", "2024-07-03")]),
        2 / 3,
        1,
        id="talks-excused-open-ended-182-days",
    ),
    pytest.param(
        TALKS,
        ledger(events=TALKED, excused=[excused("M03", "2024-07-02")]),
        1.0,
        0,
        id="talks-excused-open-ended-183-days",
    ),
    pytest.param(
        TALKS,
        ledger(
            events=TALKED,
            excused=[
                excused("M03", "2024-01-01", "2024-03-31"),
                excused("M03", "2024-09-01", "2024-12-31"),
            ],
        ),
        1.0,
        0,
        id="two-spells-add-up",
    ),
    pytest.param(
        TALKS,
        ledger(
            events=TALKED,
            excused=[
                excused("M03", "2024-01-01", "2024-06-30"),
                excused("M03", "2024-06-01", "2024-06-30"),
            ],
        ),
        2 / 3,
        1,
        id="overlapping-spells-count-days-once",
    ),
    pytest.param(
        TALKS,
        ledger(events=TALKED, excused=[excused("M03", "2023-01-01", "2023-12-31")]),
        2 / 3,
        1,
        id="excused-the-year-before",
    ),
    pytest.param(
        TALKS,
        ledger(
            events=[*TALKED, talk("2024-04-01", "M03", "M01")],
            excused=[excused("M03", "2024-01-01")],
        ),
        1.0,
        0,
        id="excused-and-talked-anyway",
    ),
    pytest.param(
        TALKS,
        ledger(events=[], excused=[excused(m, "2024-01-01") for m in ("M01", "M02", "M03")]),
        None,
        0,
        id="everyone-excused-n/a",
    ),
    # Two years: excused for 2023 only, M03 is held to 2024 and talked then.
    pytest.param(
        TALKS,
        ledger(
            **TWO_YEARS,
            events=[
                talk("2023-03-01", "M01", "M02"),
                talk("2024-03-01", "M01", "M02"),
                talk("2024-05-01", "M03", "M01"),
            ],
            excused=[excused("M03", "2023-01-01", "2023-12-31")],
        ),
        1.0,
        0,
        id="two-years-excused-for-the-first",
    ),
    pytest.param(
        TALKS,
        ledger(
            **TWO_YEARS,
            events=[talk("2023-03-01", "M01", "M02"), talk("2024-03-01", "M01", "M02")],
            excused=[excused("M03", "2023-01-01", "2023-12-31")],
        ),
        2 / 3,
        1,
        id="two-years-missed-the-other",
    ),
    # Half is counted over the calendar year, not over the member's time in the branch.
    pytest.param(
        TALKS,
        ledger(
            members=[*members(2), {"id": "M03", "name": "党员3", "joined": "2024-07-01"}],
            events=TALKED,
            excused=[excused("M03", "2024-07-01")],
        ),
        1.0,
        0,
        id="joined-mid-year-excused-since",
    ),
    pytest.param(
        TALKS,
        ledger(
            members=[*members(2), {"id": "M03", "name": "党员3", "joined": "2024-10-01"}],
            events=TALKED,
            excused=[excused("M03", "2024-10-01")],
        ),
        2 / 3,
        1,
        id="joined-in-october-excused-throughout-still-held",
    ),
    pytest.param(TRAINING, ledger(training=TRAINED), 2 / 3, 1, id="training-not-excused"),
    pytest.param(
        TRAINING,
        ledger(training=TRAINED, excused=[excused("M03", "2024-07-02")]),
        1.0,
        0,
        id="training-excused-half",
    ),
    pytest.param(
        TRAINING,
        ledger(training=TRAINED, excused=[excused("M03", "2024-07-03")]),
        2 / 3,
        1,
        id="training-excused-less-than-half",
    ),
    pytest.param(
        {**TRAINING, "who": "committee"},
        ledger(
            committee={"elected": "2023-01-01", "members": ["M01", "M02", "M03"]},
            training=TRAINED,
            excused=[excused("M03", "2024-01-01")],
        ),
        1.0,
        0,
        id="committee-training-excused",
    ),
    pytest.param(
        {"kind": "talks", "cover": "secretary"},
        ledger(
            members=[{"id": "M01", "name": "书记", "roles": ["书记"]}, *members(3)[1:]],
            events=[talk("2024-03-01", "M01", "M02")],
            excused=[excused("M03", "2024-01-01")],
        ),
        1.0,
        0,
        id="secretary-talks-excused",
    ),
]


@pytest.mark.parametrize(("check", "book", "fraction", "misses"), YEARLY_CASES)
def test_excused_yearly(
    check: dict[str, Any], book: Ledger, fraction: float | None, misses: int
) -> None:
    got = outcome(check, book)
    assert (got.fraction, got.misses) == (fraction, misses)


@pytest.mark.parametrize(
    ("check", "book", "detail"),
    [
        pytest.param(
            TALKS,
            ledger(
                members=named("王建国", "李华", "张敏"),
                events=TALKED,
                excused=[excused("M03", "2024-01-01")],
            ),
            "应谈话党员2名，均已谈话（另有1名按规定免于要求）",
            id="talks",
        ),
        pytest.param(
            TRAINING,
            ledger(
                members=named("王建国", "李华", "张敏"),
                training=[hours("M01", 32)],
                excused=[excused("M03", "2024-01-01")],
            ),
            "1名党员全年学习培训达32学时，李华（0学时）未达到（另有1名按规定免于要求）",
            id="training-short",
        ),
        pytest.param(
            TALKS,
            ledger(excused=[excused(m, "2024-01-01") for m in ("M01", "M02", "M03")]),
            "无应谈话的党员（另有3名按规定免于要求），本项不适用",
            id="all-excused",
        ),
        pytest.param(
            TALKS,
            ledger(events=TALKED, excused=[excused("M03", "2024-07-03")]),
            "3名党员中2名已谈话，党员3未谈",
            id="less-than-half-not-mentioned",
        ),
    ],
)
def test_excused_yearly_detail(check: dict[str, Any], book: Ledger, detail: str) -> None:
    assert outcome(check, book).detail == detail


def test_excused_members_still_owe_dues() -> None:
    """Excused is about activities and study; dues are handled by `dues_exceptions`."""
    paid = [f"2024-{m:02d}" for m in range(1, 13)]
    book = ledger(
        member_count=2, dues={"M01": paid}, excused=[excused("M02", "2024-01-01", "2024-12-31")]
    )
    got = outcome({"kind": "dues"}, book)
    assert (got.fraction, got.misses) == (0.5, 12)


YEAR_2024 = Window(dt.date(2024, 1, 1), dt.date(2024, 12, 31), "2024年")


@pytest.mark.parametrize(
    ("records", "days", "held_out"),
    [
        pytest.param([], 0, False, id="none"),
        pytest.param([excused("M01", "2024-01-01", "2024-07-01")], 183, True, id="183-days"),
        pytest.param([excused("M01", "2024-01-01", "2024-06-30")], 182, False, id="182-days"),
        pytest.param([excused("M01", "2023-07-01", "2024-01-31")], 31, False, id="starts-before"),
        pytest.param([excused("M01", "2024-12-01", "2025-06-30")], 31, False, id="ends-after"),
        pytest.param([excused("M01", "2023-01-01")], 366, True, id="open-from-before"),
        pytest.param([excused("M01", "2025-01-01")], 0, False, id="after-the-year"),
        pytest.param([excused("M01", "2023-01-01", "2023-12-31")], 0, False, id="before-the-year"),
        pytest.param([excused("M02", "2024-01-01")], 0, False, id="another-member"),
    ],
)
def test_excused_days_and_half(records: list[dict[str, Any]], days: int, held_out: bool) -> None:
    ctx = Context(ledger(excused=records), rubric(norm(TALKS)))
    assert (ctx.excused_days("M01", YEAR_2024), ctx.excused_for("M01", YEAR_2024)) == (
        days,
        held_out,
    )


def test_excused_to_before_from_is_refused() -> None:
    with pytest.raises(ValidationError, match="before it starts"):
        ledger(excused=[excused("M01", "2024-05-01", "2024-04-30")])


def test_excused_one_day_covers_that_day_only() -> None:
    ctx = Context(ledger(excused=[excused("M01", "2024-05-10", "2024-05-10")]), rubric(norm(TALKS)))
    assert [ctx.excused_ids(dt.date(2024, 5, d)) for d in (9, 10, 11)] == [
        frozenset(),
        frozenset({"M01"}),
        frozenset(),
    ]
