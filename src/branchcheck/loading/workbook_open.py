"""An .xlsx file -> its sheets' rows of values, within bounds a hostile workbook cannot stretch.

Cells are read by python-calamine (Rust): 25 to 30 times faster than openpyxl's read-only
mode on a year's ledger (benchmarks/workbook.py), which keeps a workbook within the YAML
loader's budget. Before calamine sees a sheet, its XML is scanned once (C-speed regular
expressions over the bytes) for what calamine would not say or would make costly:

- the extent: calamine makes a sheet one dense grid from its first to its last cell, so a
  sheet with cells at A1 and XFD1048576 would ask for billions of cells; more than MAX_ROWS
  rows or MAX_COLS columns is refused unread, as is a workbook expanding past MAX_EXPANDED;
- formulas: calamine reads a formula's cached value (what Excel or WPS last showed). That is
  read, with a warning at the cell: a ledger records values, and a generated workbook's
  formulas have no cached value at all (they read as empty, which the warning explains);
- error values (#N/A, #DIV/0!): an error at the cell, not the text "#N/A".

Merged cells: Excel keeps a merged range's value in its first cell; a range merged down one
column (one date for two events) gives each of its rows that value, as the user sees it.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from xml.etree import ElementTree

from ..errors import BranchcheckError

MAX_ROWS = 20_000  # a sheet's rows: years of a large branch's training records fit
MAX_COLS = 100  # a sheet's columns: the dues grid of a five-year period fits
MAX_AREA = 400_000  # a sheet's rows x columns: calamine holds the sheet as one dense grid
MAX_EXPANDED = 64 * 2**20  # the workbook's parts, unzipped: a zip bomb is refused unread

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_PREFIXED_CELL = re.compile(rb"<\w+:c[\s>/]")
# A cell's reference (a row's r= is digits only, so only cells match): letters and row.
_CELL_REF = re.compile(rb' r="([A-Z]{1,3})([0-9]{1,7})"')
# A cell whose content holds a formula, or whose type is an error: its reference.
_FORMULA = re.compile(
    rb'<(?:\w+:)?c\s[^>]*?\br="([A-Z]{1,3}[0-9]{1,7})"[^>]*>(?:(?!</(?:\w+:)?c>).)*?'
    rb"<(?:\w+:)?f(?:\s[^>]*?)?(?:/>|>([^<]*)<)",
    re.S,
)
# LibreOffice saves a TRUE or FALSE cell as the formula TRUE() or FALSE(): a value, not a formula.
_CONSTANTS = (b"TRUE()", b"FALSE()")
_ERROR = re.compile(rb'<(?:\w+:)?c\s[^>]*?\br="([A-Z]{1,3}[0-9]{1,7})"[^>]*?\bt="e"')


@dataclass
class RawSheet:
    title: str
    visible: bool
    rows: list[tuple[int, list[Any]]] = field(default_factory=list)  # non-empty rows only
    formulas: list[str] = field(default_factory=list)  # cell references
    errors: list[str] = field(default_factory=list)


def column_letter(col: int) -> str:
    letters = ""
    while col:
        col, rest = divmod(col - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def column_number(letters: bytes | str) -> int:
    number = 0
    for char in letters if isinstance(letters, str) else letters.decode():
        number = number * 26 + ord(char) - 64
    return number


def open_workbook(name: str, raw: bytes, wanted: Callable[[str], bool]) -> list[RawSheet]:
    """Every worksheet, with its rows if `wanted` (by its name); raises BranchcheckError for a
    file that is not a readable .xlsx or that is too large to read."""
    if raw.startswith(b"\xd0\xcf\x11\xe0"):
        raise BranchcheckError.at(
            name, 1, 1, "this is an old .xls workbook; save it as .xlsx (Excel 2007 or later)"
        )
    if not raw.startswith(b"PK\x03\x04"):
        raise BranchcheckError.at(name, 1, 1, "not an Excel workbook (.xlsx is a zip file)")
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            expanded = sum(info.file_size for info in archive.infolist())
            if expanded > MAX_EXPANDED:
                raise BranchcheckError.at(
                    name,
                    1,
                    1,
                    f"workbook expands to {expanded // 2**20} MB, over the"
                    f" {MAX_EXPANDED // 2**20} MB limit; is it the right file?",
                )
            parts = _sheet_parts(archive)
            scans = {
                title: _scan(name, title, archive.read(part)) if wanted(title) else None
                for title, part in parts
            }
    except BranchcheckError:
        raise
    except (
        zipfile.BadZipFile,
        KeyError,
        OSError,
        ValueError,
        EOFError,
        ElementTree.ParseError,
    ) as exc:
        raise BranchcheckError.at(name, 1, 1, f"not a readable .xlsx workbook ({exc})") from None
    return _read(name, raw, scans)


def _sheet_parts(archive: zipfile.ZipFile) -> list[tuple[str, str]]:
    """(sheet name, its XML part) in the workbook's order, worksheets only."""
    book = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {
        rel.get("Id"): str(rel.get("Target", ""))
        for rel in rels.iter(f"{_PKG_REL}Relationship")
        if str(rel.get("Type", "")).endswith("/worksheet")
    }
    out = []
    for sheet in book.iter(f"{_MAIN}sheet"):
        target = targets.get(sheet.get(f"{_REL}id"))
        if target is None:
            continue  # a chart sheet, or a dialog sheet: calamine says which
        part = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
        out.append((str(sheet.get("name", "")), part))
    return out


@dataclass(frozen=True)
class _Scan:
    formulas: list[str]
    errors: list[str]


def _scan(name: str, title: str, xml: bytes) -> _Scan:
    refs = _CELL_REF.findall(xml)
    tags = xml.count(b"<c ") + xml.count(b"<c>")
    if b":c" in xml:  # cells written with a namespace prefix (<x:c r="A1">)
        tags += len(_PREFIXED_CELL.findall(xml))
    if tags > len(refs):
        raise BranchcheckError.at(
            name,
            1,
            1,
            f"sheet {title!r} has cells without a reference (r=); save it in Excel or WPS",
        )
    if refs:
        rows = max(int(row) for _, row in refs)
        cols = max(column_number(letters) for letters in {letters for letters, _ in refs})
        if rows > MAX_ROWS or cols > MAX_COLS or rows * cols > MAX_AREA:
            raise BranchcheckError.at(
                name,
                1,
                1,
                f"sheet {title!r} reaches row {rows}, column {column_letter(cols)}: over the"
                f" limit of {MAX_ROWS} rows, {MAX_COLS} columns and {MAX_AREA} cells;"
                " is it the right file?",
            )
    formulas = []
    if any(tag in xml for tag in (b"<f>", b"<f ", b":f>", b":f ")):  # not <formula1>
        found = _FORMULA.findall(xml)
        formulas = [ref.decode() for ref, text in found if text.strip() not in _CONSTANTS]
    errors = [m.decode() for m in _ERROR.findall(xml)] if b't="e"' in xml else []
    return _Scan(formulas, errors)


def _read(name: str, raw: bytes, scans: dict[str, _Scan | None]) -> list[RawSheet]:
    try:
        import python_calamine
    except ImportError:
        raise BranchcheckError.at(
            name,
            1,
            1,
            "reading .xlsx ledgers needs python-calamine: pip install 'branchcheck[xlsx]'",
        ) from None
    out = []
    try:
        workbook = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(raw))
        for meta in workbook.sheets_metadata:
            title = str(meta.name)
            visible = str(meta.visible).rsplit(".", 1)[-1].lower() == "visible"
            scan = scans.get(title)
            if scan is None:  # not wanted, or not a worksheet: named, never read
                out.append(RawSheet(title, visible))
                continue
            sheet = workbook.get_sheet_by_name(title)
            rows = _rows(sheet)
            out.append(RawSheet(title, visible, rows, scan.formulas, scan.errors))
    except BranchcheckError:
        raise
    except Exception as exc:  # a Rust parser's errors on hostile bytes: the file is unreadable
        raise BranchcheckError.at(
            name, 1, 1, f"not a readable .xlsx workbook ({type(exc).__name__}: {exc})"
        ) from None
    return out


def _rows(sheet: Any) -> list[tuple[int, list[Any]]]:
    grid = sheet.to_python(skip_empty_area=False)  # from A1: row and column numbers hold
    for (r1, c1), (r2, _) in sheet.merged_cell_ranges or []:
        if r1 < len(grid) and c1 < len(grid[r1]):
            for r in range(r1 + 1, min(r2, len(grid) - 1) + 1):
                if c1 < len(grid[r]):
                    grid[r][c1] = grid[r1][c1]
    out = []
    for i, values in enumerate(grid):
        cleaned: list[Any] = [(v.strip() or None) if isinstance(v, str) else v for v in values]
        while cleaned and cleaned[-1] is None:
            cleaned.pop()
        if cleaned:
            out.append((i + 1, cleaned))
    return out
