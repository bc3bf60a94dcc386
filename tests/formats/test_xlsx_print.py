"""What the xlsx report looks like on paper, read back with openpyxl (issue 10, item 6)."""

from __future__ import annotations

import openpyxl
import pytest
from conftest import EXAMPLES

from branchcheck.formats.report import columns


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> openpyxl.Workbook:
    from branchcheck.cli import main

    out = tmp_path_factory.mktemp("xlsx") / "ex.xlsx"
    assert main(["report", str(EXAMPLES), "-f", "xlsx", "-o", str(out), "--jobs", "1"]) == 0
    return openpyxl.load_workbook(out)


def test_the_ledger_file_is_in_the_sheet_but_not_on_paper(book: openpyxl.Workbook) -> None:
    ws = book["各支部"]
    header = [c.value for c in ws[2]]
    assert header[-1] == "台账文件" and ws.max_column == len(header)
    last = openpyxl.utils.get_column_letter(len(header) - 1)
    assert ws.print_area == f"'各支部'!$A$1:${last}${ws.max_row}"
    assert ws.print_title_rows == "$2:$2"
    unprinted = [c.label for c in columns.BRANCH_COLUMNS if not c.printed]
    assert unprinted == ["台账文件"]


def test_a_small_table_under_a_wide_one_is_not_ruled_past_its_end(book: openpyxl.Workbook) -> None:
    ws = book["汇总"]
    row = next(r for r in ws.iter_rows(min_row=4) if r[1].value == "等级")
    assert [c.value for c in row[:4]] == ["考评标准", "等级", "支部数", "占比"]
    below = ws[row[0].row + 1]
    assert below[3].border.left.style == "thin"  # the tier table is ruled
    assert all(c.value is None and c.border.left.style is None for c in below[4:])


def test_a_branch_sheet_names_its_period_as_a_tongbao_does(book: openpyxl.Workbook) -> None:
    subtitle = book["lz-fgw-01·2024年第三季度"]["A2"].value
    assert subtitle.endswith("考核期：2024年第三季度（2024-07-01 至 2024-09-30）")
