"""The gates as one rule (branchcheck.gates), table-tested, then `score` and `report` held to
give the same answer on the same ledgers."""

from __future__ import annotations

import math

import pytest
from conftest import TEST_FILES

from branchcheck.gates import GatedBranch, GateUsageError, failures

MINI = ("low", "high")  # tiers/ids of tests/files/rubrics/good/mini.yaml, lowest first
MINI_B = ("basic", "good")  # ... and of mini-b.yaml


def b(label: str, score: float, tier: str, rubric: str = "mini") -> GatedBranch:
    return GatedBranch(label, score, rubric, tier, MINI if rubric == "mini" else MINI_B)


OK, SHORT = b("ok", 10, "high"), b("short", 8.17, "low")
OTHER = b("other", 2.5, "basic", "mini-b")
GOOD = b("good", 4.5, "good", "mini-b")

# (id, branches, --fail-under, --min-tier, expected failures, or the usage error's text)
CASES: list[tuple[str, list[GatedBranch], float | None, str | None, list[str] | str]] = [
    ("no gates", [OK, SHORT], None, None, []),
    ("no branches, unknown tier: nothing to check", [], None, "gold", []),
    ("fail-under passes", [OK, SHORT], 8, None, []),
    ("fail-under equal passes", [SHORT], 8.17, None, []),
    ("fail-under fails one", [OK, SHORT], 9, None, ["short: score 8.17 is under --fail-under 9"]),
    ("fail-under negative", [SHORT], -1, None, []),
    ("min-tier lowest passes", [OK, SHORT], None, "low", []),
    ("min-tier fails one", [OK, SHORT], None, "high", ["short: tier low is below --min-tier high"]),
    (
        "both gates, branch order kept",
        [SHORT, OK],
        9,
        "high",
        ["short: score 8.17 is under --fail-under 9", "short: tier low is below --min-tier high"],
    ),
    (
        "unknown to the only rubric",
        [OK],
        None,
        "gold",
        "unknown tier 'gold' in rubric 'mini' (tiers: low, high)",
    ),
    (
        "unknown to every rubric: each named",
        [OK, OTHER],
        None,
        "gold",
        "unknown tier 'gold' in rubric 'mini' (tiers: low, high);"
        " unknown tier 'gold' in rubric 'mini-b' (tiers: basic, good)",
    ),
    (
        "unknown to one rubric of two: never skipped silently",
        [OK, SHORT, OTHER],
        None,
        "high",
        "unknown tier 'high' in rubric 'mini-b' (tiers: basic, good)",
    ),
    (
        "unknown to the other rubric, whatever the order",
        [OTHER, OK],
        None,
        "good",
        "unknown tier 'good' in rubric 'mini' (tiers: low, high)",
    ),
    (
        "mixed rubrics, fail-under only",
        [OK, OTHER, GOOD],
        3,
        None,
        ["other: score 2.5 is under --fail-under 3"],
    ),
    ("nan is refused", [OK], math.nan, None, "not a finite number: nan"),
    ("inf is refused", [OK], math.inf, None, "not a finite number: inf"),
]


@pytest.mark.parametrize(
    ("branches", "fail_under", "min_tier", "expected"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_rule(
    branches: list[GatedBranch],
    fail_under: float | None,
    min_tier: str | None,
    expected: list[str] | str,
) -> None:
    if isinstance(expected, str):
        with pytest.raises(GateUsageError) as caught:
            failures(branches, fail_under, min_tier)
        assert caught.value.message == expected
        assert caught.value.option == ("--min-tier" if min_tier else "--fail-under")
    else:
        assert failures(branches, fail_under, min_tier) == expected


# --- through the CLI: score and report agree -----------------------------------------------

BATCH = TEST_FILES / "batch"
MIXED = f"{BATCH / 'ok.yaml'} {BATCH / 'short.yaml'} {BATCH / 'other.yaml'}"
ONE_RUBRIC = f"{BATCH / 'ok.yaml'} {BATCH / 'short.yaml'}"


@pytest.mark.parametrize(
    ("ledgers", "options", "code", "problem"),
    [
        (
            MIXED,
            "--min-tier high",
            2,
            "unknown tier 'high' in rubric 'mini-b' (tiers: basic, good)",
        ),
        (MIXED, "--min-tier basic", 2, "unknown tier 'basic' in rubric 'mini' (tiers: low, high)"),
        (
            ONE_RUBRIC,
            "--min-tier gold",
            2,
            "unknown tier 'gold' in rubric 'mini' (tiers: low, high)",
        ),
        (ONE_RUBRIC, "--min-tier high", 1, "tier low is below --min-tier high"),
        (ONE_RUBRIC, "--min-tier low", 0, None),
        (MIXED, "--fail-under 9", 1, "score 8.17 is under --fail-under 9"),
        (MIXED, "--fail-under 2", 0, None),
        (MIXED, "--fail-under nan", 2, "not a finite number: nan"),
    ],
)
def test_score_and_report_agree(
    run_line, ledgers: str, options: str, code: int, problem: str | None
) -> None:
    score = run_line(f"branchcheck score {ledgers} -f json {options}")
    report = run_line(f"branchcheck report {ledgers} -f json -j 1 {options}")
    assert (score.code, report.code) == (code, code), (score.err, report.err)
    if code == 2:
        option = options.split()[0]
        line = f"branchcheck: error: {option}: {problem}"
        assert score.err_lines[-1] == report.err_lines[-1] == line
        assert score.out == report.out == ""  # a gate that cannot be applied writes nothing
    elif code == 1:
        assert problem in gate_lines(score) == gate_lines(report)
        assert score.out and report.out  # the report is printed either way
    else:
        assert not any("under" in e or "below" in e for e in score.err_lines + report.err_lines)


def gate_lines(run) -> list[str]:
    """The gate failures, without the label (a branch id or a file), in a stable order."""
    return sorted(
        line.split(": ", 1)[1]
        for line in run.err_lines
        if " --fail-under " in line or " --min-tier " in line
    )


def test_labels_name_the_branch_in_score_and_the_file_in_report(run_line) -> None:
    score = run_line(f"branchcheck score {ONE_RUBRIC} -f json --fail-under 9")
    report = run_line(f"branchcheck report {ONE_RUBRIC} -f json --fail-under 9")
    assert score.err_lines[-1] == "b-short: score 8.17 is under --fail-under 9"
    assert report.err_lines[-1] == f"{BATCH / 'short.yaml'}: score 8.17 is under --fail-under 9"


def test_min_tier_help_lists_the_builtin_tiers(run_line) -> None:
    from branchcheck import load_rubric
    from branchcheck.cli import BUILTIN_TIERS
    from branchcheck.loading import builtin_rubrics

    assert BUILTIN_TIERS == "; ".join(
        f"{rubric_id}: {' < '.join(t.id for t in load_rubric(rubric_id).tiers)}"
        for rubric_id in builtin_rubrics()
    )
    for command in ("score", "report"):
        run = run_line(f"branchcheck {command} --help")
        words = " ".join(run.out.replace("│", " ").split())  # as wrapped for the terminal
        assert "Built-in tiers, lowest first: five-star: star1 < star2" in words
        assert "lanzhou-6543: general < standardized < exemplary" in words
