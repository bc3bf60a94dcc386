"""The branch table is described once (formats/report/columns.py): a column added there shows
in every report format, in its place, with its label, its value and its kind."""

from __future__ import annotations

import csv
import io
import re

import openpyxl
import pytest
from conftest import EXAMPLES

from branchcheck.formats.report import columns
from branchcheck.formats.report.columns import BranchColumn, Kind, Show

SOURCE = EXAMPLES / "five-star"


def kind_of(row) -> str:  # type: ignore[no-untyped-def]
    return "街道机关" if "jg" in row.id else "其他"


ADDED_TEXT = BranchColumn("branch_type", "支部类型", kind_of, cap=12)
ADDED_NUMBER = BranchColumn("members", "党员人数", lambda r: 7.5, Kind.NUMBER, cap=8)


@pytest.fixture
def added(monkeypatch: pytest.MonkeyPatch) -> list[BranchColumn]:
    """The description with a text column after the branch name and a number column last
    in the tables (before 台账文件, which only the xlsx shows)."""
    wanted = list(columns.BRANCH_COLUMNS)
    wanted.insert(2, ADDED_TEXT)
    wanted.insert(len(wanted) - 1, ADDED_NUMBER)
    monkeypatch.setattr(columns, "BRANCH_COLUMNS", wanted)
    return wanted


def labels(show: str) -> list[str]:
    return [
        c.label for c in columns.BRANCH_COLUMNS if columns.shown(getattr(c, show), False, False)
    ]


def test_a_column_added_to_the_description_is_in_terminal_and_markdown(
    run_line, added: list[BranchColumn]
) -> None:
    run = run_line(f"branchcheck report {SOURCE} -f markdown --jobs 1")
    lines = run.out.splitlines()
    header = next(line for line in lines if line.startswith("| 支部编号 |"))
    assert header == "| " + " | ".join(labels("table")) + " |"
    line = next(line for line in lines if line.startswith("| ly-jg-02 |"))
    row = line.strip("| ").split(" | ")
    assert row[2] == "街道机关" and row[-1] == "7.5"

    run = run_line(f"branchcheck report {SOURCE} -f terminal --jobs 1")
    table = run.out[run.out.index("各支部情况") :]
    heading = next(line for line in table.splitlines() if "支部编号" in line)
    assert re.search(r"支部编号\s*┃\s*支部名称\s*┃\s*支部类型\s*┃", heading)
    body = next(line for line in table.splitlines() if "ly-jg-02" in line)
    assert "街道机关" in body
    assert "人数" in heading  # 党员 / 人数: a heading wraps
    assert re.search(r"│\s{2,}7\.5 │$", body)  # a number column: aligned right


def test_a_column_added_to_the_description_is_in_csv(run_line, added: list[BranchColumn]) -> None:
    run = run_line(f"branchcheck report {SOURCE} -f csv --jobs 1")
    rows = list(csv.reader(io.StringIO(run.out.lstrip("\ufeff"))))
    header = rows[0]
    assert header[:4] == ["branch_id", "branch_name", "branch_type", "parent"]
    by_id = {row[0]: dict(zip(header, row, strict=True)) for row in rows[1:]}
    assert by_id["ly-jg-02"]["branch_type"] == "街道机关"
    assert by_id["cg-hp-01"]["branch_type"] == "其他"
    assert by_id["cg-hp-01"]["members"] == "7.5"


def test_a_column_added_to_the_description_is_in_xlsx(
    run_line, tmp_path, added: list[BranchColumn]
) -> None:
    out = tmp_path / "r.xlsx"
    assert run_line(f"branchcheck report {SOURCE} -f xlsx -o {out} --jobs 1").code == 0
    ws = openpyxl.load_workbook(out)["各支部"]
    header = [cell.value for cell in ws[2]]
    assert header == labels("sheet")
    rows = {r[0].value: r for r in ws.iter_rows(min_row=3)}
    assert rows["ly-jg-02"][2].value == "街道机关"
    number = rows["ly-jg-02"][header.index("党员人数")]
    assert (number.value, number.data_type) == (7.5, "n")  # a number, not text
    width = ws.column_dimensions[number.column_letter].width
    assert width <= ADDED_NUMBER.cap + 1  # the column's cap holds


def test_a_column_added_to_the_description_is_in_html(
    run_line, tmp_path, added: list[BranchColumn]
) -> None:
    out = tmp_path / "r.html"
    assert run_line(f"branchcheck report {SOURCE} -f html -o {out} --jobs 1").code == 0
    page = out.read_text(encoding="utf-8")
    table = page[page.index('<div class="tablewrap branches">') :]
    table = table[: table.index("</table>")]
    heads = re.findall(r"<th[^>]*>([^<]*)</th>", table)
    assert heads == labels("table")
    assert '<th class="num">党员人数</th>' in table  # figures align right
    assert "<td>街道机关</td>" in table and '<td class="num">7.5</td>' in table


def test_the_description_orders_every_format_alike(run_line, tmp_path) -> None:
    """Without a change: the csv's branch fields are the columns' fields, in their order."""
    run = run_line(f"branchcheck report {SOURCE} -f csv --jobs 1")
    header = next(csv.reader(io.StringIO(run.out.lstrip("\ufeff"))))
    keys = [key for c in columns.BRANCH_COLUMNS for key, _ in c.fields()]
    assert header[: len(keys)] == keys
    assert keys[:8] == [
        "branch_id",
        "branch_name",
        "parent",
        "period_start",
        "period_end",
        "period",
        "rubric",
        "score",
    ]


@pytest.mark.parametrize(
    ("show", "repeated", "mixed", "expected"),
    [
        (Show.ALWAYS, False, False, True),
        (Show.REPEATED, False, True, False),
        (Show.REPEATED, True, False, True),
        (Show.MIXED, True, False, False),
        (Show.MIXED, False, True, True),
        (Show.NEVER, True, True, False),
    ],
)
def test_when_a_table_shows_a_column(
    show: Show, repeated: bool, mixed: bool, expected: bool
) -> None:
    assert columns.shown(show, repeated, mixed) is expected
