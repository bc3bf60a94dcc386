"""`branchcheck trend`, read like shell lines, over archives made up for the purpose."""

from __future__ import annotations

import csv
import io
import json

import pytest
from archive_builders import info, record
from conftest import EXAMPLES

from branchcheck.archive import Archive

# b1 climbs, b2 drops, b3 stays 标准化 for four quarters, b4 is 示范性 throughout (not stuck).
LADDER = {
    "b1": [("general", 70), ("standardized", 82), ("standardized", 86), ("exemplary", 93)],
    "b2": [("exemplary", 95), ("exemplary", 94), ("standardized", 88), ("general", 75)],
    "b3": [("standardized", 81), ("standardized", 83), ("standardized", 84), ("standardized", 85)],
    "b4": [("exemplary", 96), ("exemplary", 97), ("exemplary", 96), ("exemplary", 98)],
}


@pytest.fixture
def archive(tmp_path):
    path = tmp_path / "results.db"
    with Archive.open(path) as store:
        for q, label in enumerate(("2024Q1", "2024Q2", "2024Q3", "2024Q4")):
            store.write(
                (
                    record(
                        b,
                        label,
                        LADDER[b][q][0],
                        LADDER[b][q][1],
                        parent="甲党委" if b != "b4" else "乙党委",
                    ),
                    info(),
                )
                for b in LADDER
            )
    return path


def test_json_has_moves_stuck_and_counts(run_line, archive) -> None:
    run = run_line(f"branchcheck trend --archive {archive} -f json")
    assert run.code == 0, run.err
    data = json.loads(run.out)
    assert data["format"] == "branchcheck.trend/1" and data["stuck_after"] == 3
    (group,) = data["groups"]
    assert (group["rubric"]["id"], group["cadence"]) == ("lanzhou-6543", "quarter")
    assert [p["label"] for p in group["periods"]] == ["2024Q1", "2024Q2", "2024Q3", "2024Q4"]
    branches = {b["id"]: b for b in group["branches"]}
    assert [(m["from"], m["to"], m["direction"]) for m in branches["b1"]["moves"]] == [
        ("2024Q1", "2024Q2", "up"),
        ("2024Q3", "2024Q4", "up"),
    ]
    assert [(m["to"], m["to_tier"], m["direction"]) for m in branches["b2"]["moves"]] == [
        ("2024Q3", "standardized", "down"),
        ("2024Q4", "general", "down"),
    ]
    assert {b: branches[b]["stuck"] for b in branches} == {"b1": 0, "b2": 0, "b3": 4, "b4": 0}
    assert group["tier_counts"]["2024Q1"] == {"general": 1, "exemplary": 2, "standardized": 1}
    assert group["tier_counts"]["2024Q4"] == {"exemplary": 2, "general": 1, "standardized": 1}
    assert group["rubric_changes"] == []


@pytest.mark.parametrize(
    ("option", "branches"),
    [("--branch b2", ["b2"]), ("--parent 甲党委", ["b1", "b2", "b3"]), ("--parent 乙党委", ["b4"])],
)
def test_one_branch_or_one_parent(run_line, archive, option, branches) -> None:
    run = run_line(f"branchcheck trend --archive {archive} {option} -f json")
    assert run.code == 0
    (group,) = json.loads(run.out)["groups"]
    assert [b["id"] for b in group["branches"]] == branches


def test_stuck_rule_is_an_option(run_line, archive) -> None:
    run = run_line(f"branchcheck trend --archive {archive} --stuck 5 -f json")
    (group,) = json.loads(run.out)["groups"]
    assert all(b["stuck"] == 0 for b in group["branches"])


def test_terminal_says_promotions_demotions_and_the_rule(run_line, archive) -> None:
    run = run_line(f"branchcheck trend --archive {archive}")
    assert run.code == 0
    assert "4个支部，4个时段；进位2次，退位2次，停滞1个。" in run.out
    assert "停滞：最近连续3期及以上停留在同一等级（最高等级除外）。" in run.out
    assert "进位：标准化党支部→示范性党支部" in run.out
    assert "退位：标准化党支部→一般党支部" in run.out
    for title in ("各时段等级分布", "各支部得分与等级", "进位与退位", "停滞的支部"):
        assert title in run.out


def test_markdown_tables(run_line, archive) -> None:
    run = run_line(f"branchcheck trend --archive {archive} -f markdown")
    assert run.out.startswith("# 等级变化趋势\n")
    assert "| 2024年第一季度 | 2 | 1 | 1 | 4 |" in run.out  # 示范性, 标准化, 一般, 合计
    assert "| b3 | 第b3党支部 | 标准化党支部 | 4 | 85.00 |" in run.out


def test_csv_row_per_branch_and_period(run_line, archive) -> None:
    run = run_line(f"branchcheck trend --archive {archive} -f csv")
    rows = list(csv.DictReader(io.StringIO(run.out.lstrip("\ufeff"))))
    assert len(rows) == 16
    b2 = [r for r in rows if r["branch_id"] == "b2"]
    assert [(r["period"], r["tier_id"], r["move"]) for r in b2] == [
        ("2024Q1", "exemplary", ""),
        ("2024Q2", "exemplary", ""),
        ("2024Q3", "standardized", "退位"),
        ("2024Q4", "general", "退位"),
    ]


def test_html_has_the_charts(run_line, archive, tmp_path) -> None:
    page = tmp_path / "trend.html"
    run = run_line(f"branchcheck trend --archive {archive} -f html -o {page}")
    assert run.code == 0, run.err
    html = page.read_text("utf-8")
    assert html.count("<svg") == 2
    assert 'aria-label="各时段等级分布"' in html and 'aria-label="各支部得分变化"' in html
    assert "进位与退位" in html


def test_a_new_rubric_version_is_said(run_line, tmp_path) -> None:
    path = tmp_path / "results.db"
    with Archive.open(path) as store:
        store.write([(record("b1", "2024Q3", "standardized", 85), info())])
        store.write([(record("b1", "2024Q4", "standardized", 86), info(version="2025"))])
    run = run_line(f"branchcheck trend --archive {path}")
    assert "评分标准在2024年第三季度与2024年第四季度之间由2021版改为2025版" in run.out
    data = json.loads(run_line(f"branchcheck trend --archive {path} -f json").out)
    (change,) = data["groups"][0]["rubric_changes"]
    assert (change["before"], change["after"], change["new"]["version"]) == (
        "2024Q3",
        "2024Q4",
        "2025",
    )


def test_years_and_quarters_are_not_mixed(run_line, tmp_path) -> None:
    path = tmp_path / "results.db"
    run = run_line(
        f"branchcheck report {EXAMPLES / 'fgw'} -f json -o {tmp_path / 'r.json'} --archive {path}"
    )
    assert run.code == 0
    data = json.loads(run_line(f"branchcheck trend --archive {path} -f json").out)
    assert [g["cadence"] for g in data["groups"]] == ["year", "quarter"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ("--branch nobody", "no results for branch 'nobody' in the archive"),
        ("--parent 无此党委", "no results for parent '无此党委' in the archive"),
        ("--branch b1 --parent 甲党委", "give --branch or --parent, not both"),
    ],
)
def test_bad_scope_is_one_line(run_line, archive, args, message) -> None:
    run = run_line(f"branchcheck trend --archive {archive} {args}")
    assert run.code == 2
    (line,) = run.err_lines
    assert line.endswith(message)
