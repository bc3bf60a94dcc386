"""`branchcheck report` over a small mixed batch whose figures are worked out by hand.

The batch (tests/files/batch): rubric `mini` (A1 党员大会 quarterly, 6 points, deduct 1.5,
veto; A2 dues, 4 points) and rubric `mini-b` (B1 党课 count min 2, 5 points).
- ok.yaml      机关党委  both quarters, all dues            -> 6 + 4 = 10, tier high
- quarter.yaml 机关党委  Q2 only: one quarter, 3 months paid -> 6 + 4 = 10, tier high
- short.yaml   后勤党委  no Q2 meeting: 6 - 1.5 = 4.5; 11 of 12 member-months:
                         4 x 11/12 = 3.67 -> 8.17, tier low (veto A1)
- other.yaml   机关党委  mini-b: 1 of 2 党课 -> 5 x 1/2 = 2.5, tier basic
- broken.yaml  a YAML syntax error: listed, not scored, exit 2.
Totals: 4 branches, mean (10 + 10 + 8.17 + 2.5) / 4 = 7.6675 -> 7.67.
Groups are per rubric and period kind (an annual ledger is not pooled with a quarterly one):
mini 半年度 (ok, short): mean 18.17 / 2 = 9.085 -> 9.09, median the same; A1 met by 1 of 2
(lost 1.5), A2 met by 1 of 2 (lost 4 x (1 - 0.9175) = 0.33); 机关党委 1 branch high (10,
100% above the lowest tier), 后勤党委 1 branch low (8.17, 0%). mini 季度 (quarter): 10.
"""

from __future__ import annotations

import csv
import io
import json

import pytest
from conftest import TEST_FILES

BATCH = TEST_FILES / "batch"


def report_json(run_line, *options: str) -> tuple[int, dict, list[str]]:
    run = run_line(f"branchcheck report {BATCH} -f json " + " ".join(options))
    return run.code, json.loads(run.out), run.err_lines


def test_aggregates_worked_out_by_hand(run_line) -> None:
    code, data, err = report_json(run_line, "-j 1")
    assert code == 2  # one ledger could not be scored
    assert (data["format"], data["count"], data["mean_score"]) == ("branchcheck.report/1", 4, 7.67)
    assert data["tiers"] == {"low": 1, "high": 2, "basic": 1, "good": 0}
    mini, mini_q, mini_b = data["rubrics"]
    assert (
        mini["id"],
        mini["period_kind"],
        mini["count"],
        mini["mean_score"],
        mini["median_score"],
    ) == ("mini", "半年度", 2, 9.09, 9.09)
    assert mini["organisations"] == [
        {
            "name": "后勤党委",
            "branches": 1,
            "tiers": {"low": 1, "high": 0},
            "mean_score": 8.17,
            "above_lowest_tier": 0.0,
        },
        {
            "name": "机关党委",
            "branches": 1,
            "tiers": {"low": 0, "high": 1},
            "mean_score": 10.0,
            "above_lowest_tier": 1.0,
        },
    ]
    assert [
        (n["id"], n["applicable"], n["met"], n["share_met"], n["points_lost"])
        for n in mini["norms"]
    ] == [
        ("A1", 2, 1, 0.5, 1.5),
        ("A2", 2, 1, 0.5, 0.33),
    ]
    assert (mini_q["id"], mini_q["period_kind"], mini_q["count"], mini_q["mean_score"]) == (
        "mini",
        "季度",
        1,
        10.0,
    )
    assert (mini_b["id"], mini_b["count"], mini_b["mean_score"]) == ("mini-b", 1, 2.5)
    # Results grouped per rubric and period kind, input order inside a group.
    assert [(r["branch"]["id"], r["score"]) for r in data["results"]] == [
        ("b-ok", 10.0),
        ("b-short", 8.17),
        ("b-q", 10.0),
        ("b-d", 2.5),
    ]
    message = "this '[' is never closed; add ']' (or a ',' between items)"
    assert data["errors"] == [
        {"file": str(BATCH / "broken.yaml"), "line": 3, "col": 25, "message": message}
    ]
    assert f"{BATCH / 'broken.yaml'}:3:25: error: {message}" in err


def test_jobs_do_not_change_the_output(run_line) -> None:
    one = run_line(f"branchcheck report {BATCH} -f json -j 1").out
    two = run_line(f"branchcheck report {BATCH} -f json -j 2").out
    assert one == two


@pytest.mark.parametrize("fmt", ["terminal", "markdown", "json", "csv"])
def test_every_text_format_lists_every_branch_and_the_error(run_line, fmt: str) -> None:
    run = run_line(f"branchcheck report {BATCH} -f {fmt}")
    assert run.code == 2
    for branch in ("b-ok", "b-q", "b-short", "b-d"):
        assert branch in run.out
    if fmt != "csv":  # csv is one row per scored branch; the error is on stderr
        assert "broken.yaml" in run.out


def test_gates(run_line, tmp_path) -> None:
    good = tmp_path / "good"
    good.mkdir()
    for name in ("ok.yaml", "short.yaml"):
        text = (BATCH / name).read_text(encoding="utf-8")
        (good / name).write_text(
            text.replace("../rubrics/good/mini.yaml", str(TEST_FILES / "rubrics/good/mini.yaml")),
            encoding="utf-8",
        )
    assert run_line(f"branchcheck report {good} -f json").code == 0
    run = run_line(f"branchcheck report {good} -f json --fail-under 9")
    assert run.code == 1
    assert run.err_lines[-1] == f"{good / 'short.yaml'}: score 8.17 is under --fail-under 9"
    run = run_line(f"branchcheck report {good} -f json --min-tier high")
    assert run.code == 1 and run.err_lines[-1].endswith("tier low is below --min-tier high")
    run = run_line(f"branchcheck report {good} --min-tier gold")
    assert (
        run.code == 2
        and run.err_lines[-1]
        == "branchcheck: error: --min-tier: unknown tier 'gold' in rubric 'mini' (tiers: low, high)"
    )


def test_csv_is_excel_safe(run_line) -> None:
    run = run_line(f"branchcheck report {BATCH} -f csv")
    assert run.out.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(run.out.lstrip("\ufeff"))))
    header = rows[0]
    assert header[:9] == [
        "branch_id",
        "branch_name",
        "parent",
        "period_start",
        "period_end",
        "period",
        "rubric",
        "score",
        "tier_id",
    ]
    assert "组织生活（得分）" in header and "学习（得分）" in header
    by_id = {row[0]: dict(zip(header, row, strict=True)) for row in rows[1:]}
    assert by_id["b-q"]["branch_name"] == "'=1+2"  # OWASP: never a formula
    assert by_id["b-short"]["score"] == "8.17"  # numbers stay numbers
    assert by_id["b-d"]["学习（得分）"] == "2.5" and by_id["b-d"]["组织生活（得分）"] == ""
    assert (by_id["b-q"]["period"], by_id["b-d"]["period"]) == ("2024年第二季度", "2024年度")


def test_markdown_escapes_cells(run_line) -> None:
    run = run_line(f"branchcheck report {BATCH} -f markdown")
    assert "| b-d | 第四支部 \\| A | 机关党委 | 2.5 | 基本 |" in run.out
    assert "### 各项规范达标率（由低到高）" in run.out


def test_output_file_and_usage(run_line, tmp_path) -> None:
    out = tmp_path / "r.json"
    run = run_line(f"branchcheck report {BATCH / 'ok.yaml'} -f json -o {out}")
    assert run.code == 0 and run.out == ""
    assert json.loads(out.read_text(encoding="utf-8"))["count"] == 1
    assert run_line(f"branchcheck report {tmp_path / 'empty-dir-none'} -f json").code == 2
    run = run_line(f"branchcheck report {BATCH / 'ok.yaml'} -o {BATCH / 'ok.yaml'}")
    assert run.code == 2 and "output would overwrite an input file" in run.err


def test_a_branch_in_two_ledgers_is_a_warning(run_line, tmp_path) -> None:
    for name in ("a.yaml", "b.yaml"):
        text = (BATCH / "ok.yaml").read_text(encoding="utf-8")
        (tmp_path / name).write_text(
            text.replace("../rubrics/good/mini.yaml", str(TEST_FILES / "rubrics/good/mini.yaml")),
            encoding="utf-8",
        )
    run = run_line(f"branchcheck report {tmp_path} -f json")
    assert run.code == 0
    assert run.err_lines == [
        f"{tmp_path / 'b.yaml'}:1:1: warning: branch 'b-ok' is also in {tmp_path / 'a.yaml'}; both ledgers are counted"
    ]
    assert json.loads(run.out)["count"] == 2
