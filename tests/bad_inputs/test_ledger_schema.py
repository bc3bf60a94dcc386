"""Ledger schema errors (section E) and the rules that need the rubric: one line each."""

from __future__ import annotations

import pytest

from bad_inputs import BASE, edit, refused, scored, write

M01 = "{id: M01, name: 王建国, roles: [书记]}"

LEDGER_CASES = [
    # E1: typo and unknown keys, at the key, with a suggestion; never also "missing name".
    pytest.param(
        edit("    name: 张伟", "    nmae: 张伟"),
        "10:5",
        "members[M03].nmae: unknown key 'nmae' (did you mean 'name'?)",
        id="typo-nested",
    ),
    pytest.param(
        edit("\nperiod:", "\nperoid:"),
        "5:1",
        "peroid: unknown key 'peroid' (did you mean 'period'?)",
        id="typo-top",
    ),
    pytest.param(
        edit(M01, "{id: M01, nmae: 王建国, roles: [书记]}"),
        "7:15",
        "members[M01].nmae: unknown key 'nmae' (did you mean 'name'?)",
        id="typo-flow",
    ),
    pytest.param(
        edit("  term_years: 3", "  term_year: 3"),
        "15:3",
        "committee.term_year: unknown key 'term_year' (did you mean 'term_years'?)",
        id="typo-optional",
    ),
    pytest.param(
        edit("    name: 张伟\n", "    name: 张伟\n    备注: 新党员\n"),
        "11:5",
        "members[M03].备注: unknown key '备注'",
        id="unknown-no-suggestion",
    ),
    # E2: a missing required key points at the mapping that lacks it (its first key).
    pytest.param(
        edit("    name: 张伟\n", ""),
        "9:5",
        "members[M03]: missing required key 'name'",
        id="missing-nested",
    ),
    pytest.param(
        edit(M01, "{id: M01, roles: [书记]}"),
        "7:5",
        "members[M01]: missing required key 'name'",
        id="missing-in-flow",
    ),
    pytest.param(
        edit("period: {start: 2024-01-01, end: 2024-12-31}\n", ""),
        "2:1",
        "missing required key 'period'",
        id="missing-top",
    ),
    pytest.param(
        edit("period: {start: 2024-01-01, end: 2024-12-31}", "period: {start: 2024-01-01}"),
        "5:9",
        "period: missing required key 'end'",
        id="missing-in-period",
    ),
    # Wrong values, in words a user can act on.
    pytest.param(
        edit("format: branchcheck.ledger/1", "format: branchcheck.ledger/2"),
        "2:9",
        "format: Input should be 'branchcheck.ledger/1', got 'branchcheck.ledger/2'",
        id="format",
    ),
    pytest.param(
        edit(M01, "{id: M01, name: 王建国, status: 党员}"),
        "7:34",
        "members[M01].status: Input should be '正式' or '预备', got '党员'",
        id="status",
    ),
    pytest.param(
        edit("attendees: all, absent", "attendees: everyone, absent"),
        "22:47",
        "events[1].attendees: expected a list or 'all', got 'everyone'",
        id="attendees",
    ),
    pytest.param(
        edit("M02: [2024-01]", "M02: [2024-13]"),
        "26:9",
        "dues.M02[0]: expected a month like 2024-03, got '2024-13'",
        id="dues-month",
    ),
    pytest.param(
        edit("  - {id: M02,", "  - {id: 李华,"),
        "8:10",
        "members[李华].id: expected an id of ASCII letters, digits, '_', '.' or '-', got '李华'",
        id="chinese-id",
    ),
    pytest.param(
        edit(
            "period: {start: 2024-01-01, end: 2024-12-31}",
            "period: {start: 2024-12-31, end: 2024-01-01}",
        ),
        "5:9",
        "period: period ends (2024-01-01) before it starts (2024-12-31)",
        id="period-order",
    ),
    pytest.param(
        BASE[: BASE.index("members:")] + "members: []\n" + BASE[BASE.index("committee:") :],
        "6:10",
        "members: needs at least 1 item(s), but is empty",
        id="no-members",
    ),
    pytest.param(
        BASE[: BASE.index("events:")] + "events:\n" + BASE[BASE.index("dues:") :],
        "17:8",
        "events: the value is empty; write [] for none, or remove the line",
        id="empty-list",
    ),
    pytest.param(
        edit("{id: M02, name: 李华, roles: [组织委员]}", "{id: M02, name: {姓: 李}}"),
        "8:21",
        "members[M02].name: Input should be a valid string",
        id="mapping-for-text",
    ),
    # A bound shows the value as written, though pydantic-core checks it after the number
    # reader (and may report the number read, 0, not '0'): both bounds, any spelling.
    pytest.param(
        edit("hours: 8,", "hours: 0,"),
        "28:26",
        "training[0].hours: Input should be greater than 0, got '0'",
        id="hours-bound-as-written",
    ),
    pytest.param(
        edit("hours: 8,", "hours: 1_000.5,"),
        "28:26",
        "training[0].hours: Input should be less than or equal to 1000, got '1_000.5'",
        id="hours-upper-bound-as-written",
    ),
    pytest.param(
        edit("hours: 8,", "hours: -0x8,"),
        "28:26",
        "training[0].hours: Input should be greater than 0, got '-0x8'",
        id="hours-bound-radix",
    ),
    # Rules that need the rubric: members declared, tasks, ratings.
    pytest.param(
        edit("attendees: [M01, M02]}", "attendees: [M01, M99]}"),
        "23:53",
        "events[2].attendees[1]: member 'M99' is not declared under `members`",
        id="undeclared-attendee",
    ),
    pytest.param(
        edit("absent: [M03]", "absent: [M3]"),
        "22:61",
        "events[1].absent[0]: member 'M3' is not declared under `members`",
        id="undeclared-absent",
    ),
    pytest.param(
        edit("{member: M01, hours", "{member: M99, hours"),
        "28:14",
        "training[0].member: member 'M99' is not declared under `members`",
        id="undeclared-training",
    ),
    pytest.param(
        edit("  M02: [2024-01]", "  M99: [2024-01]"),
        "26:3",
        "dues.M99: member 'M99' is not declared under `members`",
        id="undeclared-dues",
    ),
    pytest.param(
        edit("members: [M01, M02, M03]", "members: [M01, M02, M09]"),
        "16:23",
        "committee.members[2]: member 'M09' is not declared under `members`",
        id="undeclared-committee",
    ),
    pytest.param(
        edit("    joined: 2024-01-02\n", "    joined: 2024-01-02\n  - {id: M01, name: 重名}\n"),
        "13:10",
        "members[M01].id: duplicate member id 'M01'",
        id="duplicate-member",
    ),
    pytest.param(
        edit("points: 15", "points: 10"),
        "31:1",
        "tasks: task points add up to 35; rubric 'lanzhou-6543' gives tasks 40",
        id="tasks-sum",
    ),
    pytest.param(
        BASE[: BASE.index("tasks:")],
        "2:1",
        "rubric 'lanzhou-6543' gives individual tasks (个性任务) 40 points;"
        " list them under `tasks`",
        id="no-tasks",
    ),
    pytest.param(
        edit("{id: T2,", "{id: T1,"), "37:10", "tasks[T1].id: duplicate task id 'T1'", id="dup-task"
    ),
    pytest.param(
        edit("ratings: {N03: 好}", "ratings: {N03: 很好}"),
        "30:16",
        "ratings.N03: unknown rating '很好'; use one of: 好, 较好, 一般, 差",
        id="rating-level",
    ),
    pytest.param(
        edit("rating: 较好}", "rating: 优秀}"),
        "37:65",
        "tasks[T2].rating: unknown rating '优秀'; use one of: 好, 较好, 一般, 差",
        id="task-rating-level",
    ),
    pytest.param(
        edit("ratings: {N03: 好}", "ratings: {N01: 好}"),
        "30:11",
        "ratings.N01: norm 'N01' is not a rated norm of rubric 'lanzhou-6543'"
        " (rated norms: N03, N06, N19, N22, N25)",
        id="rating-unrated-norm",
    ),
]


@pytest.mark.parametrize(("text", "at", "message"), LEDGER_CASES)
def test_ledger_schema_and_rules(run_line, parser, tmp_path, text, at, message) -> None:
    assert refused(run_line, write(tmp_path, text), at) == message


def test_event_type_outside_the_vocabulary_is_a_warning(run_line, parser, tmp_path) -> None:
    path = write(tmp_path, edit("type: 谈心谈话", "type: 谈心谈"))
    _, stderr = scored(run_line, path)
    assert stderr == [
        f"{path}:23:30: warning: events[2].type: event type '谈心谈' is not declared by rubric"
        " 'lanzhou-6543'; did you mean '谈心谈话'?"
    ]
