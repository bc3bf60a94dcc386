"""`branchcheck validate`, read like shell lines against folders of good and bad rubrics."""

from __future__ import annotations

from conftest import ROOT, TEST_FILES

RUBRICS = TEST_FILES / "rubrics"


def test_shipped_rubrics_are_valid(run_line) -> None:
    run = run_line(f"branchcheck validate {ROOT / 'rubrics'}")
    assert run.code == 0, run.err
    assert run.err_lines == ["3 rubric file(s) checked, 0 with problems"]


def test_good_rubric(run_line) -> None:
    assert run_line(f"branchcheck validate {RUBRICS / 'good'}").code == 0


def test_every_problem_reported_with_its_line_then_exit_1(run_line) -> None:
    path = RUBRICS / "bad" / "points.yaml"
    run = run_line(f"branchcheck validate {path}")
    assert run.code == 1
    assert [line.removeprefix(f"{path}:") for line in run.err_lines[:-1]] == [
        "9:36: error: tiers[high].min_score: min_score 12 cannot be reached (best possible score is 10)",
        "10:36: error: tiers[top].min_score: min_score 11 must be above the tier below (12)",
        "10:36: error: tiers[top].min_score: min_score 11 cannot be reached (best possible score is 10)",
        "12:3: error: dimensions: norm points (bonus norms aside) add up to 9, but total is 10",
        "15:9: error: dimensions[life].norms[A1]: every norm needs a `requirement` (shown in reports)",
        "18:41: error: dimensions[life].norms[A1].check.event: event type '党课' is not declared"
        " in the rubric's `events`",
        "19:27: error: dimensions[life].norms[A1].scoring.deduct: a deduction of 7 is larger than"
        " the norm's 6 points",
        "20:13: error: dimensions[life].norms[A1].id: duplicate norm id 'A1'",
    ]


def test_malformed_file_exits_2_after_checking_the_others(run_line) -> None:
    run = run_line(f"branchcheck validate {RUBRICS}")
    assert run.code == 2
    assert any(line.startswith(f"{RUBRICS / 'bad' / 'syntax.yaml'}:") for line in run.err_lines)
    assert any("points.yaml:20:13:" in line for line in run.err_lines)
    assert run.err_lines[-1] == "4 rubric file(s) checked, 2 with problems"


def test_no_files(run_line, tmp_path) -> None:
    run = run_line(f"branchcheck validate {tmp_path}")
    assert run.code == 2
    assert run.err_lines == ["branchcheck: error: no .yaml or .yml files found"]
