"""`branchcheck rubrics` and `rubrics show`."""

from __future__ import annotations

import json

from conftest import TEST_FILES


def test_list_names_every_builtin(run_line) -> None:
    run = run_line("branchcheck rubrics --format json")
    assert run.code == 0
    listed = {row["id"]: row for row in json.loads(run.out)}
    assert set(listed) == {"lanzhou-6543", "five-star", "quality-branch"}
    lanzhou = listed["lanzhou-6543"]
    assert (lanzhou["standards"], lanzhou["norms"]) == (27, 41)  # 27 work norms, 41 items
    assert lanzhou["total"] == 100  # numbers are numbers


def test_list_table(run_line) -> None:
    run = run_line("branchcheck rubrics")
    assert run.code == 0
    assert "lanzhou-6543" in run.out and "规范数" in run.out


def test_show_markdown_has_every_norm_once(run_line) -> None:
    run = run_line("branchcheck rubrics show lanzhou-6543 --format markdown")
    assert run.code == 0
    rows = [line for line in run.out.splitlines() if line.startswith("| ") and "| N" in line]
    # Listed by dimension and work norm, so not in id order; each of N01-N41 once, and each
    # of the 27 work norms named beside its items.
    assert sorted(row.split(" | ")[2] for row in rows) == [f"N{i:02d}" for i in range(1, 42)]
    standards = {(row.split(" | ")[1].split() or [""])[0] for row in rows}
    assert standards == {f"G{i:02d}" for i in range(1, 28)} | {""}  # "": the bonus items
    assert "一票否决" in run.out and "加分项" in run.out
    assert "| 维度 | 工作规范 | 编号 | 规范 | 要求 | 分值 | 计分方式 | 标记 | 依据 |" in run.out
    assert "共性任务（各项规范）得分率≥80%" in run.out


def test_show_a_path_keeps_text_as_written(run_line) -> None:
    run = run_line(
        f"branchcheck rubrics show {TEST_FILES / 'rubrics/good/mini.yaml'} --format json"
    )
    assert run.code == 0
    data = json.loads(run.out)
    assert data["version"] == "1.10"  # not 1.1: the schema, not YAML 1.1, decides types
    assert data["dimensions"][0]["norms"][0]["scoring"] == {"deduct": 1.5}


def test_show_table(run_line) -> None:
    run = run_line("branchcheck rubrics show five-star")
    assert run.code == 0
    assert "计分方式" in run.out


def test_show_unknown(run_line) -> None:
    run = run_line("branchcheck rubrics show nope")
    assert run.code == 2
    assert run.err_lines[0].startswith("nope:1:1: error: unknown rubric: not a built-in id (")
