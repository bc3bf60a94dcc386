"""`talks` with `cover: pairs` (支委–支委, 支委–党员 and 党员–党员 each at least once a year) and
`cover: secretary` (the 书记 in a talk with every other member once a year), and `training`
with `who: committee` (committee members and the 书记)."""

from __future__ import annotations

from typing import Any

import pytest
from builders import ledger

from branchcheck.models import Ledger
from checks import outcome

TWO_YEARS = {"start": "2023-01-01", "end": "2024-12-31"}
PAIRS = {"kind": "talks", "cover": "pairs"}
SECRETARY = {"kind": "talks", "cover": "secretary"}
COMMITTEE_TRAINING = {"kind": "training", "hours": 56, "who": "committee"}


def people(count: int = 5, secretary: str | None = "M01", **dated: dict[str, str]) -> list[dict]:
    out: list[dict[str, Any]] = []
    for i in range(1, count + 1):
        mid = f"M{i:02d}"
        member: dict[str, Any] = {"id": mid, "name": f"党员{i}", **dated.get(mid, {})}
        if mid == secretary:
            member["roles"] = ["书记"]
        out.append(member)
    return out


def talk(day: str, *who: str, kind: str = "谈心谈话", **extra: Any) -> dict[str, Any]:
    return {"date": day, "type": kind, "attendees": list(who) if who else "all", **extra}


COMMITTEE = {"elected": "2023-01-01", "members": ["M01", "M02", "M03"]}


def branch(*events: dict[str, Any], committee: Any = COMMITTEE, **fields: Any) -> Ledger:
    """M01 (书记), M02, M03 on the committee; M04, M05 ordinary members."""
    fields.setdefault("members", people())
    if committee is not None:
        fields["committee"] = committee
    return ledger(events=list(events), **fields)


CC = talk("2024-03-01", "M01", "M02")  # 支委–支委
CM = talk("2024-04-01", "M03", "M04")  # 支委–党员
MM = talk("2024-05-01", "M04", "M05")  # 党员–党员

PAIR_CASES = [
    pytest.param(branch(CC, CM, MM), 1.0, 0, id="all-three"),
    pytest.param(branch(CC, CM), 2 / 3, 1, id="no-member-member"),
    pytest.param(branch(CM, MM), 2 / 3, 1, id="no-committee-committee"),
    pytest.param(branch(CC, MM), 2 / 3, 1, id="no-committee-member"),
    pytest.param(branch(), 0.0, 3, id="no-talks"),
    pytest.param(branch(talk("2024-03-01", "M01", "M02", "M04", "M05")), 1.0, 0, id="group-talk"),
    pytest.param(branch(talk("2024-03-01")), 1.0, 0, id="attendees-all"),
    pytest.param(branch(talk("2024-03-01", "M01")), 0.0, 3, id="one-person"),
    pytest.param(
        branch(CC, CM, talk("2024-05-01", "M04", "M05", kind="党小组会")),
        2 / 3,
        1,
        id="other-type",
    ),
    pytest.param(
        branch(CC, CM, talk("2023-12-01", "M04", "M05")), 2 / 3, 1, id="before-the-period"
    ),
    # A committee member who has left counts as nobody: M02 left before the talk.
    pytest.param(
        branch(CC, CM, MM, members=people(M02={"left": "2024-02-01"})),
        2 / 3,
        1,
        id="committee-member-left",
    ),
    # A two-member committee: M03 is an ordinary member, so M03–M04 is 党员–党员.
    pytest.param(
        branch(CC, CM, committee={"elected": "2023-01-01", "members": ["M01", "M02"]}),
        2 / 3,
        1,
        id="two-member-committee",
    ),
    # Without a committee the lone 书记 stands for it: 支委–支委 does not apply.
    pytest.param(
        branch(talk("2024-03-01", "M01", "M02"), MM, committee=None),
        1.0,
        0,
        id="no-committee-secretary-stands-in",
    ),
    pytest.param(
        branch(talk("2024-03-01", "M01", "M02"), committee=None),
        1 / 2,
        1,
        id="no-committee-no-member-member",
    ),
    pytest.param(
        branch(MM, committee=None, members=people(secretary=None)),
        1 / 2,
        1,
        id="no-committee-no-secretary",
    ),
    # A committee record listing one member is a lone 书记 too.
    pytest.param(
        branch(CM, MM, committee={"elected": "2023-01-01", "members": ["M03"]}),
        1.0,
        0,
        id="one-member-committee",
    ),
    pytest.param(
        branch(
            talk("2023-03-01", "M01", "M02"),
            talk("2023-04-01", "M03", "M04"),
            talk("2023-05-01", "M04", "M05"),
            CC,
            CM,
            **TWO_YEARS,
        ),
        2 / 3,
        1,
        id="two-years-member-member-only-in-2023",
    ),
    pytest.param(
        branch(CC, CM, MM, start="2024-04-01", end="2024-06-30"), None, 0, id="quarter-n/a"
    ),
]


@pytest.mark.parametrize(("book", "fraction", "misses"), PAIR_CASES)
def test_pairs(book: Ledger, fraction: float | None, misses: int) -> None:
    got = outcome(PAIRS, book)
    assert (got.fraction, got.misses) == (fraction, misses)


@pytest.mark.parametrize(
    ("book", "detail"),
    [
        pytest.param(branch(CC, CM, MM), "三类谈心谈话均已开展", id="all"),
        pytest.param(branch(CC), "支委与党员、党员与党员之间未开展谈心谈话", id="two-missing"),
        pytest.param(
            branch(talk("2024-03-01", "M01", "M02"), MM, committee=None),
            "书记与党员、党员与党员谈心谈话均已开展",
            id="lone-secretary-both",
        ),
        pytest.param(
            branch(MM, committee=None),
            "支委与党员之间未开展谈心谈话",
            id="lone-secretary-missing",
        ),
    ],
)
def test_pairs_detail(book: Ledger, detail: str) -> None:
    assert outcome(PAIRS, book).detail == detail


def with_secretary(*others: str, day: str = "2024-03-01") -> dict[str, Any]:
    return talk(day, "M01", *others)


SECRETARY_CASES = [
    pytest.param(
        branch(with_secretary("M02", "M03"), with_secretary("M04"), with_secretary("M05")),
        1.0,
        0,
        id="everyone",
    ),
    pytest.param(
        branch(with_secretary("M02"), with_secretary("M03"), with_secretary("M04")),
        3 / 4,
        1,
        id="one-missed",
    ),
    pytest.param(branch(), 0.0, 4, id="no-talks"),
    pytest.param(
        branch(with_secretary("M02", "M03"), talk("2024-03-01", "M04", "M05")),
        2 / 4,
        2,
        id="talk-without-the-secretary",
    ),
    pytest.param(branch(talk("2024-03-01")), 1.0, 0, id="all-with-the-secretary"),
    pytest.param(
        branch(with_secretary("M02", "M03", "M04", "M05"), members=people(secretary=None)),
        0.0,
        1,
        id="no-secretary",
    ),
    pytest.param(
        branch(
            with_secretary("M02", "M03", "M04"),
            members=people(M05={"joined": "2025-01-01"}),
        ),
        1.0,
        0,
        id="not-yet-a-member",
    ),
    pytest.param(
        branch(
            with_secretary("M02", "M03", "M04"),
            members=people(M05={"joined": "2024-09-01"}),
        ),
        3 / 4,
        1,
        id="joined-in-the-year",
    ),
    pytest.param(
        branch(with_secretary("M02", "M03", "M04"), members=people(M05={"left": "2024-09-01"})),
        1.0,
        0,
        id="left-in-the-year",
    ),
    # A member who joined after the talk cannot have been in it.
    pytest.param(
        branch(
            with_secretary("M02", "M03", "M04", "M05"), members=people(M05={"joined": "2024-06-01"})
        ),
        3 / 4,
        1,
        id="talk-before-joining",
    ),
    pytest.param(
        branch(
            with_secretary("M02", "M03", "M04", "M05", day="2023-06-01"),
            with_secretary("M02", "M03", "M04", day="2024-06-01"),
            **TWO_YEARS,
        ),
        3 / 4,
        1,
        id="two-years-each-year",
    ),
    pytest.param(
        branch(with_secretary(), members=people(count=1)), None, 0, id="secretary-alone-n/a"
    ),
    pytest.param(
        branch(
            talk("2024-03-01", "M01", "M02"),
            talk("2024-03-02", "M02", "M03", "M04", "M05"),
            members=[
                {"id": "M01", "name": "书记", "roles": ["书记"]},
                {"id": "M02", "name": "副书记", "roles": ["书记", "组织委员"]},
                *people()[2:],
            ],
        ),
        1.0,
        0,
        id="two-people-with-the-role",
    ),
]


@pytest.mark.parametrize(("book", "fraction", "misses"), SECRETARY_CASES)
def test_secretary(book: Ledger, fraction: float | None, misses: int) -> None:
    got = outcome(SECRETARY, book)
    assert (got.fraction, got.misses) == (fraction, misses)


@pytest.mark.parametrize(
    ("book", "detail"),
    [
        pytest.param(
            branch(with_secretary("M02", "M03", "M04")),
            "书记与4名党员中的3名谈心谈话，党员5未谈",
            id="one-missed",
        ),
        pytest.param(
            branch(members=people(secretary=None)),
            "台账未登记书记，无法核对书记谈心谈话",
            id="no-secretary",
        ),
    ],
)
def test_secretary_detail(book: Ledger, detail: str) -> None:
    assert outcome(SECRETARY, book).detail == detail


def hours(member: str, amount: float, day: str = "2024-06-01") -> dict[str, Any]:
    return {"member": member, "hours": amount, "date": day}


COMMITTEE_56 = [hours("M01", 56), hours("M02", 60), hours("M03", 30), hours("M03", 26)]

TRAINING_CASES = [
    pytest.param(COMMITTEE_TRAINING, branch(training=COMMITTEE_56), 1.0, 0, id="committee-all-56"),
    pytest.param(
        COMMITTEE_TRAINING,
        branch(training=COMMITTEE_56[:3]),
        2 / 3,
        1,
        id="committee-member-short",
    ),
    pytest.param(
        {**COMMITTEE_TRAINING, "who": "members"},
        branch(training=COMMITTEE_56),
        3 / 5,
        2,
        id="members-includes-everyone",
    ),
    pytest.param(
        COMMITTEE_TRAINING,
        branch(training=[hours("M01", 56)], committee=None),
        1.0,
        0,
        id="no-committee-secretary-only",
    ),
    pytest.param(
        COMMITTEE_TRAINING,
        branch(training=[hours("M02", 56)], committee=None),
        0.0,
        1,
        id="no-committee-secretary-short",
    ),
    pytest.param(
        COMMITTEE_TRAINING,
        branch(committee=None, members=people(secretary=None)),
        None,
        0,
        id="no-committee-no-secretary-n/a",
    ),
    pytest.param(
        COMMITTEE_TRAINING,
        branch(
            training=COMMITTEE_56[1:],
            committee={"elected": "2023-01-01", "members": ["M02", "M03"]},
        ),
        2 / 3,
        1,
        id="secretary-not-listed-still-counted",
    ),
    pytest.param(
        COMMITTEE_TRAINING,
        branch(training=COMMITTEE_56, members=people(M03={"left": "2024-10-01"})),
        1.0,
        0,
        id="committee-member-left",
    ),
    pytest.param(
        COMMITTEE_TRAINING,
        branch(training=[*COMMITTEE_56[:2], hours("M03", 56, day="2023-12-31")]),
        2 / 3,
        1,
        id="hours-outside-the-year",
    ),
    pytest.param(
        COMMITTEE_TRAINING,
        branch(training=COMMITTEE_56, start="2024-01-01", end="2024-06-30"),
        None,
        0,
        id="half-year-n/a",
    ),
]


@pytest.mark.parametrize(("check", "book", "fraction", "misses"), TRAINING_CASES)
def test_committee_training(
    check: dict[str, Any], book: Ledger, fraction: float | None, misses: int
) -> None:
    got = outcome(check, book)
    assert (got.fraction, got.misses) == (fraction, misses)


def test_committee_training_detail() -> None:
    book = branch(training=COMMITTEE_56[:3])
    assert outcome(COMMITTEE_TRAINING, book).detail == (
        "2名书记和委员全年学习培训达56学时，党员3（30学时）未达到"
    )
