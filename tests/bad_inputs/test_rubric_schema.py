"""Rubric schema errors and rules under `validate` (exit 1: read, and invalid), and behind a
ledger (exit 2: the ledger cannot be scored). Syntax problems are in test_syntax (exit 2).
"""

from __future__ import annotations

import pytest

from bad_inputs import RUBRIC_BASE, edit, refused, write

CHECK = "          kind: rating"  # rubric line 26, value at column 17

RUBRIC_INVALID = [
    pytest.param(
        edit(CHECK, "          kind: ratting", RUBRIC_BASE),
        "26:17",
        "dimensions[meetings].norms[R02].check.kind: unknown check kind 'ratting'"
        " (did you mean 'rating'?)",
        id="unknown-kind",
    ),
    pytest.param(
        edit("kind: frequency", "kind: weekly", RUBRIC_BASE),
        "20:23",
        "dimensions[meetings].norms[R01].check.kind: unknown check kind 'weekly' (expected one of:"
        " frequency, count, attendance, talks, dues, training, term, structure, fact, rating, gap, groups, dues_gap)",
        id="unknown-kind-no-match",
    ),
    pytest.param(
        edit("kind: frequency", "kind: [frequency]", RUBRIC_BASE),
        "20:23",
        "dimensions[meetings].norms[R01].check.kind: `kind` must be one of: frequency, count,"
        " attendance, talks, dues, training, term, structure, fact, rating, gap, groups, dues_gap",
        id="kind-not-text",
    ),
    pytest.param(
        edit(
            "check: {kind: frequency, event: 支委会, per: month, min: 1}",
            "check: frequency",
            RUBRIC_BASE,
        ),
        "20:16",
        "dimensions[meetings].norms[R01].check: expected a check like {kind: frequency, ...},"
        " got 'frequency'",
        id="check-not-mapping",
    ),
    pytest.param(
        edit(CHECK, "          levels: {好: 1}", RUBRIC_BASE),
        "26:11",
        "dimensions[meetings].norms[R02].check: missing required key 'kind' (the check kind)",
        id="missing-kind",
    ),
    pytest.param(
        edit("        requirement: 由考核人评定", "        requirment: 由考核人评定", RUBRIC_BASE),
        "23:9",
        "dimensions[meetings].norms[R02].requirment: unknown key 'requirment'"
        " (did you mean 'requirement'?)",
        id="typo",
    ),
    pytest.param(
        edit("        points: 4\n", "", RUBRIC_BASE),
        "21:9",
        "dimensions[meetings].norms[R02]: missing required key 'points'",
        id="missing-points",
    ),
    pytest.param(
        edit("points: 4", "points: 5", RUBRIC_BASE),
        "13:3",
        "dimensions: norm points (bonus norms aside) add up to 11, but total is 10",
        id="points-sum",
    ),
    pytest.param(
        edit("event: 支委会, per", "event: 支部会, per", RUBRIC_BASE),
        "20:41",
        "dimensions[meetings].norms[R01].check.event: event type '支部会' is not declared"
        " in the rubric's `events`",
        id="undeclared-event",
    ),
    pytest.param(
        edit("per: month", "per: week", RUBRIC_BASE),
        "20:51",
        "dimensions[meetings].norms[R01].check.per: Input should be 'month', 'quarter', 'half'"
        " or 'year', got 'week'",
        id="per",
    ),
    pytest.param(
        edit("min_score: 8", "min_score: 12", RUBRIC_BASE),
        "11:37",
        "tiers[good].min_score: min_score 12 cannot be reached (best possible score is 10)",
        id="unreachable-tier",
    ),
    pytest.param(
        edit("id: bad-rubric", "id: Bad_Rubric", RUBRIC_BASE),
        "3:5",
        "id: expected an id of lowercase ASCII letters, digits and '-', got 'Bad_Rubric'",
        id="rubric-id",
    ),
    pytest.param(
        edit("好: 1.0", "好: 1.5", RUBRIC_BASE),
        "7:14",
        "ratings.好: Input should be less than or equal to 1, got '1.5'",
        id="rating-share",
    ),
    pytest.param(
        edit(
            "        points: 4\n", "        points: 4\n        scoring: proportion\n", RUBRIC_BASE
        ),
        "25:18",
        "dimensions[meetings].norms[R02].scoring: unknown scoring 'proportion':"
        " use proportional, all_or_nothing or {deduct: N}",
        id="scoring",
    ),
    pytest.param(
        edit("        requirement: 由考核人评定\n", "", RUBRIC_BASE),
        "21:9",
        "dimensions[meetings].norms[R02]: every norm needs a `requirement` (shown in reports)",
        id="no-requirement",
    ),
    pytest.param(
        edit("      - id: R02", "      - id: R01", RUBRIC_BASE),
        "21:13",
        "dimensions[meetings].norms[R01].id: duplicate norm id 'R01'",
        id="duplicate-norm",
    ),
]


@pytest.mark.parametrize(("text", "at", "message"), RUBRIC_INVALID)
def test_invalid_rubric_exits_1_under_validate(
    run_line, parser, tmp_path, text, at, message
) -> None:
    path = write(tmp_path, text)
    assert refused(run_line, path, at, command="validate", code=1) == message


@pytest.mark.parametrize(("text", "at", "message"), RUBRIC_INVALID[:4])
def test_invalid_rubric_behind_a_ledger_exits_2(
    run_line, parser, tmp_path, text, at, message
) -> None:
    rubric = write(tmp_path, text, "rubric.yaml")
    ledger = write(tmp_path, edit("rubric: lanzhou-6543", f"rubric: {rubric}"))
    run = run_line(f"branchcheck score {ledger}")
    assert run.code == 2
    assert run.err_lines == [f"{rubric}:{at}: error: {message}"]
