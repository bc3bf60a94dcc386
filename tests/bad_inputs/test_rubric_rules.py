"""The rubric rules beyond the schema (loading/rubric_rules.py): refused by `validate` (exit 1)
and, through the same `rubric_problems`, by `score --rubric FILE` (exit 2) at the same place
with the same words. Each case edits the base rubric (tests/files/bad/rubric.yaml), or the
same rubric with its norms grouped under `standards`, in one place.
"""

from __future__ import annotations

import pytest

from bad_inputs import LEDGER, RUBRIC_BASE, edit, q, refused, write

R01_CHECK = "check: {kind: frequency, event: 支委会, per: month, min: 1}"  # line 20, at column 16
R02_POINTS = "        points: 4\n"  # line 24
TIERS = "  - {id: good, name: 良好, min_score: 8}"  # line 11

# The base rubric with its two norms under two standards (valid; S1 on line 16, S2 on 24).
STANDARDS = RUBRIC_BASE[: RUBRIC_BASE.index("dimensions:")] + (
    "dimensions:\n"
    "  - id: meetings\n"
    "    name: 组织生活\n"
    "    standards:\n"
    "      - id: S1\n"
    "        name: 会议制度\n"
    "        norms:\n"
    "          - id: R01\n"
    "            name: 支委会每月召开\n"
    "            requirement: 支委会每月召开1次\n"
    "            points: 6\n"
    "            check: {kind: frequency, event: 支委会, per: month, min: 1}\n"
    "      - id: S2\n"
    "        name: 书记履职\n"
    "        norms:\n"
    "          - id: R02\n"
    "            name: 书记履职\n"
    "            requirement: 由考核人评定\n"
    "            points: 4\n"
    "            check: {kind: rating}\n"
)


def both(old: str, new: str) -> str:
    """R01's points moved to R02 (so the sum holds) and one more edit."""
    text = edit("points: 6", "points: 0", RUBRIC_BASE)
    text = edit("points: 4", "points: 10", text)
    return edit(old, new, text)


RULES = [
    # 11. points 0 only on a veto item that is not a bonus.
    pytest.param(
        both("        points: 0\n", "        points: 0\n"),
        "19:17",
        "dimensions[meetings].norms[R01].points: points 0 is allowed only on a veto item"
        " (`veto: true`); give the norm its points, or mark it `veto: true`",
        id="zero-points-not-veto",
    ),
    pytest.param(
        both("        points: 0\n", "        points: 0\n        veto: true\n        bonus: true\n"),
        "19:17",
        "dimensions[meetings].norms[R01].points: a bonus norm needs points above 0;"
        " give it its points, or remove `bonus`",
        id="zero-points-bonus",
    ),
    # 12. Standard ids unique and apart from norm ids; norm ids unique across standards.
    pytest.param(
        edit("      - id: S2", "      - id: S1", STANDARDS),
        "24:13",
        "dimensions[meetings].standards[S1].id: duplicate standard id 'S1'",
        id="duplicate-standard",
    ),
    pytest.param(
        edit("      - id: S2", "      - id: R01", STANDARDS),
        "24:13",
        "dimensions[meetings].standards[R01].id: standard id 'R01' is also a norm id;"
        " give the standard an id of its own",
        id="standard-id-is-a-norm-id",
    ),
    pytest.param(
        edit("          - id: R02", "          - id: R01", STANDARDS),
        "27:17",
        "dimensions[meetings].standards[S2].norms[R01].id: duplicate norm id 'R01'",
        id="duplicate-norm-across-standards",
    ),
    pytest.param(
        edit("            requirement: 由考核人评定\n", "", STANDARDS),
        "27:13",
        "dimensions[meetings].standards[S2].norms[R02]: every norm needs a `requirement`",
        id="norm-under-standard-checked",
    ),
    # 13. grace_days only per year; gap and groups events declared.
    pytest.param(
        edit(R01_CHECK, R01_CHECK.replace("min: 1}", "min: 1, grace_days: 30}"), RUBRIC_BASE),
        "20:78",
        "dimensions[meetings].norms[R01].check.grace_days: grace_days applies only to"
        " `per: year` (this check is per month); remove it, or count per year",
        id="grace-days-per-month",
    ),
    pytest.param(
        edit(R01_CHECK, "check: {kind: gap, event: 党小组会, max_months: 6}", RUBRIC_BASE),
        "20:35",
        "dimensions[meetings].norms[R01].check.event: event type '党小组会' is not declared"
        " in the rubric's `events`",
        id="gap-event-undeclared",
    ),
    pytest.param(
        edit(R01_CHECK, "check: {kind: groups, per: month}", RUBRIC_BASE),
        "20:16",
        "dimensions[meetings].norms[R01].check: event type '党小组会' (what a groups check counts"
        " unless it names its `event`) is not declared in the rubric's `events`",
        id="groups-default-event-undeclared",
    ),
    pytest.param(
        edit(R01_CHECK, "check: {kind: groups, event: [支委会, 党小组]}", RUBRIC_BASE),
        "20:44",
        "dimensions[meetings].norms[R01].check.event[1]: event type '党小组' is not declared",
        id="groups-event-undeclared",
    ),
    # 14. min_common_ratio above 0.
    pytest.param(
        edit(TIERS, "  - {id: good, name: 良好, min_score: 8, min_common_ratio: 0}", RUBRIC_BASE),
        "11:58",
        "tiers[good].min_common_ratio: min_common_ratio 0 always holds; give a share above 0"
        " and up to 1 (0.8 for 80%), or remove it",
        id="min-common-ratio-0",
    ),
    # A fact's `default` reads as its check reads the ledger's value.
    pytest.param(
        edit(R01_CHECK, "check: {kind: fact, key: 活动经费, min: 1, default: 无}", RUBRIC_BASE),
        "20:57",
        "dimensions[meetings].norms[R01].check.default: default '无' is not a number,"
        " but the check compares numbers (min 1); write a number such as 0",
        id="fact-default-not-a-number",
    ),
    pytest.param(
        edit(
            R01_CHECK, "check: {kind: fact, key: 违纪, expect: false, default: 不详}", RUBRIC_BASE
        ),
        "20:62",
        "dimensions[meetings].norms[R01].check.default: default '不详' reads as neither yes nor"
        " no, but the check expects 'false'; write true/false or 是/否",
        id="fact-default-not-yes-no",
    ),
]


@pytest.mark.parametrize(("text", "at", "message"), RULES)
def test_invalid_rubric_under_validate(run_line, parser, tmp_path, text, at, message) -> None:
    path = write(tmp_path, text)
    assert refused(run_line, path, at, message, command="validate", code=1).startswith(message)


@pytest.mark.parametrize(("text", "at", "message"), RULES)
def test_score_with_the_rubric_agrees(run_line, parser, tmp_path, text, at, message) -> None:
    rubric = write(tmp_path, text, "rubric.yaml")
    run = run_line(f"branchcheck score {q(LEDGER)} --rubric {q(rubric)}")
    assert run.code == 2, run.err
    assert len(run.err_lines) == 1, run.err
    assert run.err_lines[0].startswith(f"{rubric}:{at}: error: {message}"), run.err


VALID = [
    pytest.param(RUBRIC_BASE, id="base"),
    pytest.param(STANDARDS, id="standards"),
    pytest.param(both("        points: 0\n", "        points: 0\n        veto: true\n"), id="veto"),
    pytest.param(
        edit(
            R01_CHECK,
            "check: {kind: frequency, event: 支委会, per: year, min: 1, grace_days: 90}",
            RUBRIC_BASE,
        ),
        id="grace-days-per-year",
    ),
    pytest.param(
        edit(TIERS, "  - {id: good, name: 良好, min_score: 8, min_common_ratio: 1}", RUBRIC_BASE),
        id="min-common-ratio-1",
    ),
    pytest.param(
        edit(R01_CHECK, "check: {kind: gap, event: [支委会, 党员大会]}", RUBRIC_BASE),
        id="gap-events-declared",
    ),
    pytest.param(
        edit(R01_CHECK, "check: {kind: fact, key: 违纪, expect: false, default: 否}", RUBRIC_BASE),
        id="fact-default-yes-no",
    ),
]


@pytest.mark.parametrize("text", VALID)
def test_valid_rubric(run_line, parser, tmp_path, text) -> None:
    run = run_line(f"branchcheck validate {q(write(tmp_path, text))}")
    assert run.code == 0, run.err
    assert run.err_lines == ["1 file(s) checked (1 rubric), 0 with problems"]
