"""A title above a sheet's table, as offices lay out their workbooks: passed over, and the
header found below it; anything else above the header is warned of, never read."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from branchcheck.loading import read_ledger
from branchcheck.loading.workbook_header import TITLE_ROWS


def _titled(sheet: Any, *lines: tuple[object, ...]) -> None:
    """Put `lines` above the sheet's table; a one-cell line is merged across the table, as a
    title is."""
    width = sheet.max_column
    sheet.insert_rows(1, amount=len(lines))
    for row, cells in enumerate(lines, start=1):
        for col, value in enumerate(cells, start=1):
            sheet.cell(row=row, column=col).value = value
        if len(cells) == 1 and width > 1:
            sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)


def _said(path: Path) -> list[str]:
    return [str(d).split(":", 1)[1] for d in read_ledger(path).warnings]


TITLE = ("市委办公室机关第一党支部2024年党建工作台账",)
SUBTITLE = ("填报单位：市发展改革委机关党委", None, None, "填报日期：2024年12月31日")


@pytest.mark.parametrize(
    ("sheet", "lines", "warned"),
    [
        # sheet, the lines put above its table, the warnings they give
        ("党员", [TITLE], []),
        ("会议活动", [TITLE], []),
        ("党费", [TITLE], []),  # the dues grid: 编号, 姓名 and a column per month
        ("情况记录", [TITLE], []),  # a sheet of 事项 | 内容
        ("支部", [TITLE], []),  # a sheet of items: 项目 | 内容, then 支部编号 …
        ("支委会", [TITLE, ("（2022年12月换届）",)], []),
        (
            "会议活动",
            [TITLE, SUBTITLE],
            ["会议活动!A2: warning: this row is above the header (row 3)"],
        ),
        ("支部", [TITLE, SUBTITLE], ["支部!A2: warning: this row is above the header (row 3)"]),
        ("党员", [(None,), TITLE], []),  # an empty row above: skipped as before
    ],
)
def test_a_title_above_the_table_is_passed_over(
    sheet: str, lines: list[tuple[object, ...]], warned: list[str], edited, converted
) -> None:
    path = edited(lambda book: _titled(book[sheet], *lines))
    assert read_ledger(path).ledger == read_ledger(converted).ledger
    said = _said(path)
    assert [s for s in said if s not in _said(converted)] == [
        next(s for s in said if w in s) for w in warned
    ]


def test_every_sheet_titled_reads_as_the_untitled(edited, converted) -> None:
    def title_all(book: Any) -> None:
        for sheet in book.worksheets:
            if sheet.title != "说明":
                _titled(sheet, (f"{sheet.title}登记表",))

    path = edited(title_all)
    assert read_ledger(path).ledger == read_ledger(converted).ledger
    assert len(_said(path)) == len(_said(converted))


def test_problems_below_a_title_name_their_own_cell(edited, run_line) -> None:
    def titled_and_wrong(book: Any) -> None:
        _titled(book["党员"], TITLE)
        book["党员"]["D4"] = "正式党员"  # the second member's 状态, one row lower

    run = run_line(f"branchcheck score {edited(titled_and_wrong)}")
    assert run.code == 2
    assert any("党员!D4: error: 状态:" in line for line in run.err_lines), run.err


def test_a_title_that_names_a_header_does_not_take_the_headers_place(edited, converted) -> None:
    # 党小组 is both the sheet's first header and a natural title for it
    path = edited(lambda book: _titled(book["党小组"], ("党小组",)))
    assert read_ledger(path).ledger == read_ledger(converted).ledger


def test_a_header_further_down_than_a_title_reaches_is_not_looked_for(edited) -> None:
    lines = [(f"第{n}行说明",) for n in range(1, TITLE_ROWS + 2)]
    said = _said(edited(lambda book: _titled(book["培训"], *lines)))
    # the first row is the header, as in a sheet without a title: its text is no column
    assert any("培训!A1: warning: unknown column '第1行说明' not read" in s for s in said), said


def test_a_header_of_unknown_columns_stays_the_header(edited) -> None:
    def english(book: Any) -> None:
        for cell in book["培训"][1]:
            cell.value = f"col {cell.column}" if cell.value is not None else None

    said = _said(edited(english))
    assert any("培训!A1: warning: unknown column 'col 1' not read" in s for s in said), said
    assert not any("above the header" in s for s in said)


def test_an_unknown_item_on_the_first_row_is_named_as_before(edited) -> None:
    def unknown_first(book: Any) -> None:
        sheet = book["支部"]
        sheet.insert_rows(1)
        sheet["A1"], sheet["B1"] = "联系电话", "0931-1234567"

    said = _said(edited(unknown_first))
    assert any("支部!A1: warning: unknown item '联系电话' not read" in s for s in said), said
    assert not any("above the header" in s for s in said)
