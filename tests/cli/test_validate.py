"""`branchcheck validate`, read like shell lines against folders of ledgers, rubrics and
files of neither kind."""

from __future__ import annotations

import re

from conftest import EXAMPLES, ROOT, TEST_FILES

RUBRICS = TEST_FILES / "rubrics"


def test_shipped_rubrics_are_valid(run_line) -> None:
    run = run_line(f"branchcheck validate {ROOT / 'rubrics'}")
    assert run.code == 0, run.err
    assert run.err_lines == ["3 file(s) checked (3 rubrics), 0 with problems"]


def test_examples_and_rubrics_tell_ledgers_from_rubrics(run_line) -> None:
    # Ledgers were once read as rubrics: hundreds of "missing required key 'dimensions'".
    run = run_line(f"branchcheck validate {EXAMPLES} {ROOT / 'rubrics'}", cwd=ROOT)
    assert run.code == 0, run.err
    assert run.err_lines == ["25 file(s) checked (22 ledgers, 3 rubrics), 0 with problems"]


def test_a_ledger_gets_the_schema_the_rubric_checks_and_the_warnings(run_line, tmp_path) -> None:
    source = (EXAMPLES / "fgw" / "lz-fgw-02.yaml").read_text(encoding="utf-8")
    (tmp_path / "schema.yaml").write_text(
        source.replace("{id: M01, name: ", "{id: M01, nam: ", 1), encoding="utf-8"
    )
    (tmp_path / "rule.yaml").write_text(  # a fact the rubric does not know: a warning
        source.replace("facts:\n", "facts:\n  活动经费x: 1\n", 1), encoding="utf-8"
    )
    (tmp_path / "good.yaml").write_text(source, encoding="utf-8")
    run = run_line(f"branchcheck validate {tmp_path}")
    assert run.code == 1  # an invalid ledger, as for an invalid rubric
    assert len(run.err_lines) == 3, run.err
    assert re.fullmatch(
        rf"{tmp_path / 'rule.yaml'}:\d+:\d+: warning: .*活动经费x.*", run.err_lines[0]
    )
    assert re.fullmatch(
        rf"{tmp_path / 'schema.yaml'}:\d+:\d+: error: .*unknown key 'nam'.*", run.err_lines[1]
    )
    assert run.err_lines[2] == ("3 file(s) checked (3 ledgers), 1 with problems, 1 with warnings")


def test_a_file_of_neither_kind_is_one_line_saying_what_it_looks_like(run_line, tmp_path) -> None:
    ledger = (EXAMPLES / "fgw" / "lz-fgw-02.yaml").read_text(encoding="utf-8")
    line = ledger[: ledger.index("format:")].count("\n") + 1
    files = {
        "a-no-format.yaml": ledger.replace("format: branchcheck.ledger/1\n", ""),
        "b-typo.yaml": ledger.replace("branchcheck.ledger/1", "branchcheck.leger/1"),
        "c-rubric.yaml": "total: 10\ntiers: []\ndimensions: []\n",
        "d-ci.yml": "on: push\njobs:\n  test: {runs-on: ubuntu-latest}\n",
        "e-other.yaml": "format: docker-compose\nservices: {}\n",
    }
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    run = run_line(f"branchcheck validate {tmp_path}")
    assert run.code == 1
    assert run.err_lines == [
        f"{tmp_path / 'a-no-format.yaml'}:1:1: error: looks like a ledger (branch, period,"
        " members) but has no `format:` line; add `format: branchcheck.ledger/1` at the top",
        f"{tmp_path / 'b-typo.yaml'}:{line}:1: error: format 'branchcheck.leger/1' is not read"
        " here; a ledger has `format: branchcheck.ledger/1`",
        f"{tmp_path / 'c-rubric.yaml'}:1:1: error: looks like a rubric (dimensions, tiers, total)"
        " but has no `format:` line; add `format: branchcheck.rubric/1` at the top",
        f"{tmp_path / 'd-ci.yml'}:1:1: warning: skipped: not a ledger or a rubric (no `format:`"
        " line; top-level keys: on, jobs)",
        f"{tmp_path / 'e-other.yaml'}:1:1: warning: skipped: format 'docker-compose': neither a"
        " ledger (branchcheck.ledger/1) nor a rubric (branchcheck.rubric/1)",
        "5 file(s) checked (5 neither), 3 with problems; 2 skipped",
    ]


def test_only_other_yaml_files_pass_with_warnings(run_line, tmp_path) -> None:
    (tmp_path / "ci.yml").write_text("on: push\n", encoding="utf-8")
    run = run_line(f"branchcheck validate {tmp_path}")
    assert run.code == 0
    assert run.err_lines[-1] == "1 file(s) checked (1 neither), 0 with problems; 1 skipped"


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
    assert run.err_lines[-1] == "4 file(s) checked (3 rubrics, 1 unreadable), 2 with problems"


def test_no_files(run_line, tmp_path) -> None:
    run = run_line(f"branchcheck validate {tmp_path}")
    assert run.code == 2
    assert run.err_lines == ["branchcheck: error: no .yaml, .yml or .xlsx files found"]
