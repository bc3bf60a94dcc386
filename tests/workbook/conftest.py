"""Workbooks made for the tests: an example converted, then changed cell by cell."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from conftest import EXAMPLES

from branchcheck.cli import main

EXAMPLE = EXAMPLES / "fgw" / "lz-fgw-01.yaml"

Edit = Callable[[Any], None]  # changes an openpyxl Workbook in place


@pytest.fixture
def converted(tmp_path: Path) -> Path:
    """lz-fgw-01 as a workbook, written by `branchcheck convert`."""
    out = tmp_path / "lz-fgw-01.xlsx"
    assert main(["convert", str(EXAMPLE), str(out)]) == 0
    return out


@pytest.fixture
def edited(converted: Path, tmp_path: Path) -> Callable[[Edit], Path]:
    """The converted workbook with `edit` applied, saved as another file."""

    def make(edit: Edit, name: str = "edited.xlsx") -> Path:
        book = openpyxl.load_workbook(converted)
        edit(book)
        out = tmp_path / name
        book.save(out)
        return out

    return make


def find_row(sheet: Any, column: int, value: object) -> int:
    for row in range(2, sheet.max_row + 1):
        if sheet.cell(row=row, column=column).value == value:
            return row
    raise AssertionError(f"{value!r} not in column {column} of {sheet.title}")
