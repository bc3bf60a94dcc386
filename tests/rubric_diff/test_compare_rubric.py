"""`branchcheck report PATH... --compare-rubric OLD`: who changes tier under the new rubric,
and why, on the shipped lanzhou examples and a "2025 version" of their rubric."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import EXAMPLES

from rubric_diff.conftest import BUILTIN, make_2025

FGW = EXAMPLES / "fgw"


def compared(run_line, line: str) -> dict:
    run = run_line(line)
    assert run.code == 0, run.err
    return json.loads(run.out)


def by_file(body: dict) -> dict[str, dict]:
    return {Path(b["file"]).name: b for b in body["branches"]}


def test_who_moves_up_and_why(run_line, lanzhou_2025: Path) -> None:
    body = compared(
        run_line,
        f"branchcheck report {FGW} --rubric {lanzhou_2025} --compare-rubric lanzhou-6543 -f json",
    )
    assert body["old"] == {"id": "lanzhou-6543", "version": "2021"}
    assert body["new"] == {"id": "lanzhou-6543", "version": "2025"}
    rows = by_file(body)
    assert len(rows) == len(list(FGW.glob("*.yaml")))
    # a veto lifted: N05 is no longer one
    lifted = rows["lz-fgw-03.yaml"]
    assert (lifted["old"]["tier"]["id"], lifted["new"]["tier"]["id"], lifted["move"]) == (
        "general",
        "standardized",
        1,
    )
    assert lifted["vetoes"] and lifted["vetoes"][0].startswith("N05（按期换届选举）")
    assert lifted["reasons"][0] == lifted["vetoes"][0]
    # the 示范性 line lowered from 90 to 85 (lz-fgw-01, at 84.73 since N17 checks 足额, stays
    # under it)
    climbed = rows["lz-fgw-08.yaml"]
    assert (climbed["old"]["tier"]["id"], climbed["new"]["tier"]["id"]) == (
        "standardized",
        "exemplary",
    )
    assert climbed["tier_rules"] == ["示范性党支部最低分 90→85"]
    # points moved from N01 to N02: the norms that moved the score, largest first, with why
    ids = [n["id"] for n in climbed["norms"]]
    assert set(ids) <= {"N01", "N02"} and ids
    deltas = [abs(n["delta"]) for n in climbed["norms"]]
    assert deltas == sorted(deltas, reverse=True)
    assert all("分值" in n["change"] for n in climbed["norms"])
    # the counts are the rows', and tier changes come first
    moves = [b["move"] for b in body["branches"]]
    assert body["counts"]["up"] == moves.count(1) and body["counts"]["down"] == moves.count(-1)
    assert moves == sorted(moves, key=lambda m: m == 0)


def test_who_moves_down_and_why(run_line, tmp_path: Path) -> None:
    text = make_2025(BUILTIN.read_text(encoding="utf-8")).replace(
        "name: 标准化党支部, min_score: 80,", "name: 标准化党支部, min_score: 84,", 1
    )
    stricter = tmp_path / "stricter.yaml"
    stricter.write_text(text, encoding="utf-8")
    body = compared(
        run_line,
        f"branchcheck report {FGW / 'lz-fgw-04.yaml'} --rubric {stricter} --compare-rubric lanzhou-6543 -f json",
    )
    (row,) = body["branches"]
    assert row["move"] == -1 and body["counts"] == {"up": 0, "down": 1, "same": 0}
    assert "标准化党支部最低分 80→84" in row["reasons"]


@pytest.mark.parametrize(
    ("fmt", "expect"),
    [
        (
            "terminal",
            [
                "换用考核标准的影响：lanzhou-6543（2021版）→ lanzhou-6543（2025版）",
                "上升",
                "示范性党支部最低分 90→85",
            ],
        ),
        (
            "markdown",
            [
                "# 换用考核标准的影响",
                "| 支部 | 考核期 | 原得分 | 原等次 | 新得分 | 新等次 | 变化 | 主要原因 |",
                "市发展和改革委员会价格监督检查党支部",
            ],
        ),
    ],
)
def test_compare_formats(run_line, lanzhou_2025: Path, fmt: str, expect: list[str]) -> None:
    run = run_line(
        f"branchcheck report {FGW} --rubric {lanzhou_2025} --compare-rubric lanzhou-6543 -f {fmt}"
    )
    assert run.code == 0, run.err
    for text in expect:
        assert text in run.out, text


def test_the_ledgers_own_rubric_is_the_new_one(run_line, lanzhou_2025: Path) -> None:
    body = compared(
        run_line,
        f"branchcheck report {FGW / 'lz-fgw-02.yaml'} --compare-rubric {lanzhou_2025} -f json",
    )
    assert body["old"]["version"] == "2025" and body["new"]["version"] == "2021"


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (
            "-f xlsx -o out.xlsx",
            "--compare-rubric: compares in these formats only: terminal, markdown, json",
        ),
        ("--min-tier standardized", "--compare-rubric: not with --min-tier"),
        ("--jobs 2 --fail-under 60", "--compare-rubric: not with --fail-under, --jobs"),
    ],
)
def test_compare_refuses_what_it_cannot_do(
    run_line, tmp_path: Path, extra: str, message: str
) -> None:
    run = run_line(f"branchcheck report {FGW} --compare-rubric lanzhou-6543 {extra}", cwd=tmp_path)
    assert run.code == 2
    assert run.err_lines[0].startswith(f"branchcheck: error: {message}"), run.err
    assert not (tmp_path / "out.xlsx").exists()


def test_a_ledger_the_old_rubric_refuses_is_named_and_the_rest_compared(
    run_line, tmp_path: Path
) -> None:
    run = run_line(
        f"branchcheck report {FGW / 'lz-fgw-02.yaml'} {EXAMPLES / 'five-star'} --rubric lanzhou-6543 --compare-rubric five-star -f json"
    )
    assert run.code == 2
    assert any("(under --compare-rubric five-star" in line for line in run.err_lines), run.err
