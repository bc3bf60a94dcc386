"""The ledger rules that read the records against the rubric (loading/ledger_rules.py,
ledger_vocabulary.py, ledger_warnings.py): one line each, at the user's own line.

A warning leaves exit 0 and prints `FILE:LINE:COL: warning: MESSAGE` on stderr; an error
refuses the ledger (exit 2). Each case edits the base ledger (tests/files/bad/ledger.yaml)
in one place, or appends one block to it.
"""

from __future__ import annotations

import pytest

from bad_inputs import BASE, edit, refused, scored, write

# Line 13; `joined` at column 45.
M04 = "  - {id: M04, name: 赵六, status: 预备, joined: 2024-08-23}\n"
GENERAL = "{date: 2024-03-28, type: 党员大会, attendees: all, absent: [M03]}"  # line 22
TALK = "{date: 2024-05-12, type: 谈心谈话, attendees: [M01, M02]}"  # line 23
GROUPS = "groups:\n  第一党小组: [M01, M02]\n  第二党小组: [M03]\n"  # lines 38-40
TERM = "  term_years: 3\n"  # line 15


def member(line: str, base: str = BASE) -> str:
    """The base ledger with one more member, declared after M03 (on line 13)."""
    return edit("committee:\n", f"{line}committee:\n", base)


def event(text: str, base: str = BASE) -> str:
    """The base ledger with one more event, after the 谈心谈话 (on line 24)."""
    return edit(f"{TALK}\n", f"{TALK}\n  - {text}\n", base)


def meeting(text: str) -> str:
    """The base ledger's 党员大会 (line 22) written otherwise."""
    return edit(GENERAL, text)


RULES = [
    # 1. A 预备党员 admitted in the period: the 党员大会 on the day or up to 31 days before.
    pytest.param(
        member(M04),
        "13:45",
        "warning",
        "members[M04].joined: no 党员大会 on or before the admission date 2024-08-23"
        " (支部工作条例第十一条",
        id="admission-without-meeting",
    ),
    pytest.param(
        event("{date: 2024-07-22, type: 党员大会, attendees: all}", member(M04)),
        "13:45",
        "warning",
        "no 党员大会 on or before the admission date 2024-08-23",
        id="admission-meeting-32-days-before",
    ),
    pytest.param(
        event("{date: 2024-08-24, type: 党员大会, attendees: all}", member(M04)),
        "13:45",
        "warning",
        "record that meeting under `events` (up to 31 days before), or correct `joined`",
        id="admission-meeting-after",
    ),
    # 2. A vote without quorum: not more than half of the 正式 members due that day.
    pytest.param(
        meeting("{date: 2024-03-28, type: 党员大会, attendees: [M01], topics: [选举支部委员会]}"),
        "22:5",
        "warning",
        "events[1]: only 1 of the 3 正式 members due on 2024-03-28 attended the vote"
        " ('选举支部委员会'): no quorum",
        id="quorum-list",
    ),
    pytest.param(
        meeting(
            "{date: 2024-03-28, type: 党员大会, attendees: all, absent: [M02, M03],"
            " topics: [讨论接收预备党员]}"
        ),
        "22:5",
        "warning",
        "only 1 of the 3 正式 members due on 2024-03-28 attended",
        id="quorum-all-less-absent",
    ),
    pytest.param(
        member(
            "  - {id: M04, name: 赵六, status: 预备, joined: 2023-12-01}\n",
            meeting("{date: 2024-03-28, type: 党员大会, attendees: [M01, M04], topics: [表决]}"),
        ),
        "23:5",
        "warning",
        "only 1 of the 3 正式 members due",  # a 预备党员 has no vote
        id="quorum-probationer-not-counted",
    ),
    pytest.param(
        meeting("{date: 2024-03-28, type: 党员大会, attendees: [], topics: [M02转正]}"),
        "22:5",
        "warning",
        "events[1]: the vote ('M02转正') needs more than half of the 正式 members present,"
        " but no attendees are recorded; list them under `attendees`",
        id="quorum-no-attendees",
    ),
    # 3. Events outside the period.
    pytest.param(
        event("{date: 2025-01-10, type: 组织生活会, attendees: all}"),
        "24:12",
        "warning",
        "events[3].date: 2025-01-10 lies outside the period (2024-01-01 to 2024-12-31),"
        " so the event is not counted; move it to the ledger of its period; or, for a yearly"
        " event held after its year, give `for_year`",
        id="event-after-period",
    ),
    pytest.param(
        event("{date: 2023-12-20, type: 党课, attendees: all}"),
        "24:12",
        "warning",
        "events[3].date: 2023-12-20 lies outside the period",
        id="event-before-period",
    ),
    pytest.param(
        event("{date: 2025-01-10, type: 组织生活会, attendees: all, for_year: 2023}"),
        "24:12",
        "warning",
        "its for_year 2023 is not a year of this period either",
        id="event-for-another-year",
    ),
    # 4. Fact keys no norm reads.
    pytest.param(
        edit("活动经费: 6000}", "活动经费: 6000, 党员活动: true}"),
        "29:34",
        "warning",
        "facts.党员活动: fact '党员活动' is not read by rubric 'lanzhou-6543', so it is not"
        " scored; did you mean '党员活动室'?",
        id="fact-key-typo",
    ),
    pytest.param(
        edit("活动经费: 6000}", "活动经费: 6000, 备注: 无}"),
        "29:34",
        "warning",
        "fact '备注' is not read by rubric 'lanzhou-6543', so it is not scored;"
        " the facts it reads are: ",
        id="fact-key-unknown",
    ),
    # 5. Roles outside the rubric's vocabulary.
    pytest.param(
        edit("roles: [组织委员]", "roles: [组织委]"),
        "8:33",
        "warning",
        "members[M02].roles[0]: role '组织委' is not a post rubric 'lanzhou-6543' knows,"
        " so it fills none; did you mean '组织委员'?",
        id="role-typo",
    ),
    pytest.param(
        edit("roles: [组织委员]", "roles: [组织委员, 工会主席]"),
        "8:39",
        "warning",
        "role '工会主席' is not a post rubric 'lanzhou-6543' knows, so it fills none;"
        " known posts: 书记, 副书记, 组织委员",
        id="role-unknown",
    ),
    # 6. Fact values that do not read as the norm reads them.
    pytest.param(
        edit("活动经费: 6000", "活动经费: 三千"),
        "29:28",
        "error",
        "facts.活动经费: '三千' is not a number, and the norm needs at least 1;"
        " write a number such as 3000 or 3000元",
        id="fact-not-a-number",
    ),
    pytest.param(
        edit("党员活动室: true", "党员活动室: 已建成"),
        "29:16",
        "warning",
        "facts.党员活动室: '已建成' reads as neither yes nor no, so it does not meet the norm;"
        " write true/false or 是/否",
        id="fact-neither-yes-nor-no",
    ),
    # 7. Members used in excused, dues_exceptions and groups are declared; groups named.
    pytest.param(
        BASE + "excused:\n  - {member: M99, from: 2024-01-01, reason: 病休}\n",
        "39:14",
        "error",
        "excused[0].member: member 'M99' is not declared under `members`",
        id="undeclared-excused",
    ),
    pytest.param(
        BASE + "dues_exceptions:\n  - {member: M99, months: [2024-04], kind: 减免, reason: 困难}\n",
        "39:14",
        "error",
        "dues_exceptions[0].member: member 'M99' is not declared under `members`",
        id="undeclared-dues-exception",
    ),
    pytest.param(
        BASE + "groups:\n  第一党小组: [M01, M99]\n",
        "39:16",
        "error",
        "groups.第一党小组[1]: member 'M99' is not declared under `members`",
        id="undeclared-group-member",
    ),
    pytest.param(
        event("{date: 2024-06-12, type: 党小组会, attendees: [M01, M02], group: 第一小组}")
        + GROUPS,
        "24:66",
        "warning",
        "events[3].group: group '第一小组' is not listed under `groups`, so the meeting counts"
        " for no group; did you mean '第一党小组'?",
        id="group-unknown",
    ),
    pytest.param(
        event("{date: 2024-06-12, type: 党小组会, attendees: [M01, M02], group: 第一党小组}"),
        "24:66",
        "warning",
        "the ledger lists no `groups`; add the group there with its members",
        id="group-without-groups",
    ),
    pytest.param(
        BASE + GROUPS.replace("[M03]", "[M03, M02]"),
        "40:16",
        "warning",
        "groups.第二党小组[1]: member 'M02' is listed already in group '第一党小组';"
        " a member belongs to one 党小组",
        id="group-member-twice",
    ),
    pytest.param(
        BASE + "groups:\n  第一党小组: [M01, M02, M01]\n",
        "39:21",
        "warning",
        "groups.第一党小组[2]: member 'M01' is listed twice in this group",
        id="group-member-repeated",
    ),
    # 8. Dues exceptions: 补交 within 6 months, months inside the period.
    pytest.param(
        BASE
        + "dues_exceptions:\n  - {member: M02, months: [2024-02], kind: 补交, date: 2024-09-01}\n",
        "39:54",
        "warning",
        "dues_exceptions[0].date: 补交 on 2024-09-01 is more than 6 months after 2024-02,"
        " due by 2024-08-31 (2008 党费规定: 补交一般不超过6个月)",
        id="late-payment",
    ),
    pytest.param(
        BASE
        + "dues_exceptions:\n"
        + "  - {member: M02, months: [2024-02, 2024-03], kind: 补交, date: 2024-10-01}\n",
        "39:63",
        "warning",
        "more than 6 months after 2024-02 (and 1 more month(s)), due by 2024-08-31",
        id="late-payment-several-months",
    ),
    pytest.param(
        BASE + "dues_exceptions:\n  - {member: M02, months: [2024-12, 2025-01], kind: 减免}\n",
        "39:37",
        "warning",
        "dues_exceptions[0].months[1]: month 2025-01 lies outside the period (2024-01-01 to"
        " 2024-12-31), so this record does not count here",
        id="dues-month-outside",
    ),
    # 9. An extension of more than a year, or one that ends before the term does.
    pytest.param(
        edit(TERM, TERM + "  extension: {approved_on: 2025-05-01, until: 2026-08-01}\n"),
        "16:47",
        "warning",
        "committee.extension.until: the extension runs to 2026-08-01, more than a year past"
        " the term's end 2025-06-20 (2018 任期意见: 延期一般不超过1年)",
        id="extension-too-long",
    ),
    pytest.param(
        edit(TERM, TERM + "  extension: {approved_on: 2024-05-01, until: 2025-01-01}\n"),
        "16:47",
        "warning",
        "the extension runs to 2025-01-01, not past the term's end 2025-06-20,"
        " so it changes nothing",
        id="extension-too-short",
    ),
    # 10. branch.type's term against the ledger's term_years.
    pytest.param(
        edit("parent: 测试机关党委}", "parent: 测试机关党委, type: 村}"),
        "15:15",
        "warning",
        "committee.term_years: term_years 3 disagrees with branch type 村, whose 5-year term"
        " is used",
        id="term-years-against-type",
    ),
]


def warned(run_line, path, at: str, *words: str) -> str:
    """Score a file that must be accepted with exactly one warning, at `at`, naming `words`."""
    _, stderr = scored(run_line, path)
    assert len(stderr) == 1, stderr
    prefix = f"{path}:{at}: warning: "
    assert stderr[0].startswith(prefix), f"expected {prefix!r}, got {stderr[0]!r}"
    text = stderr[0].removeprefix(prefix)
    for word in words:
        assert word in text, f"{word!r} not in {text!r}"
    return text


@pytest.mark.parametrize(("text", "at", "level", "words"), RULES)
def test_ledger_rule(run_line, parser, tmp_path, text, at, level, words) -> None:
    path = write(tmp_path, text)
    if level == "error":
        refused(run_line, path, at, words)
    else:
        warned(run_line, path, at, words)


ACCEPTED = [
    pytest.param(BASE, id="base"),
    pytest.param(
        event("{date: 2024-08-23, type: 党员大会, attendees: all}", member(M04)),
        id="admission-meeting-same-day",
    ),
    pytest.param(
        event("{date: 2024-07-23, type: 党员大会, attendees: all}", member(M04)),
        id="admission-meeting-31-days-before",
    ),
    pytest.param(
        member("  - {id: M04, name: 赵六, status: 预备, joined: 2023-08-23}\n"),
        id="admitted-before-the-period",
    ),
    pytest.param(
        member("  - {id: M04, name: 赵六, joined: 2024-08-23}\n"), id="full-member-moved-in"
    ),
    pytest.param(
        meeting(
            "{date: 2024-03-28, type: 党员大会, attendees: all, absent: [M03],"
            " topics: [讨论接收预备党员]}"
        ),
        id="quorum-2-of-3",
    ),
    pytest.param(
        meeting("{date: 2024-03-28, type: 党员大会, attendees: [M01], topics: [传达学习]}"),
        id="no-vote-no-quorum-needed",
    ),
    pytest.param(
        meeting("{date: 2024-03-28, type: 党员大会, attendees: [M01], topics: [表决]}")
        + "excused:\n"
        + "  - {member: M02, from: 2024-03-01, to: 2024-04-30, reason: 病休}\n"
        + "  - {member: M03, from: 2024-03-01, reason: 出国}\n",
        id="quorum-excused-not-due",
    ),
    pytest.param(
        event("{date: 2025-01-10, type: 组织生活会, attendees: all, for_year: 2024}"),
        id="yearly-event-held-after-its-year",
    ),
    pytest.param(
        edit("活动经费: 6000", "活动经费: 3000元"),
        id="fact-yuan",
    ),
    pytest.param(edit("活动经费: 6000", "活动经费: 0.3万元"), id="fact-wan-yuan"),
    pytest.param(edit("活动经费: 6000", "活动经费: 96%"), id="fact-percent"),
    pytest.param(edit("活动经费: 6000", '活动经费: "6,000"'), id="fact-thousands"),
    pytest.param(edit("党员活动室: true", "党员活动室: 有"), id="fact-you"),
    pytest.param(edit("roles: [组织委员]", "roles: [组织委员, 青年委员]"), id="default-role"),
    pytest.param(
        event("{date: 2024-06-12, type: 党小组会, attendees: [M01, M02], group: 第一党小组}")
        + GROUPS,
        id="group-named",
    ),
    pytest.param(
        BASE
        + "dues_exceptions:\n  - {member: M02, months: [2024-02], kind: 补交, date: 2024-08-31}\n",
        id="payment-within-6-months",
    ),
    pytest.param(
        edit(TERM, TERM + "  extension: {approved_on: 2025-05-01, until: 2026-06-20}\n"),
        id="extension-one-year",
    ),
    pytest.param(
        edit("parent: 测试机关党委}", "parent: 测试机关党委, type: 机关}"), id="term-years-as-type"
    ),
]


@pytest.mark.parametrize("text", ACCEPTED)
def test_ledger_accepted_without_warnings(run_line, parser, tmp_path, text) -> None:
    _, stderr = scored(run_line, write(tmp_path, text))
    assert stderr == []
