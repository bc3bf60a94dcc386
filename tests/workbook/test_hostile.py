"""Workbooks that are wrong, odd or hostile: one clear line at the cell, exit 2, no traceback,
the input untouched; odd-but-meant cells (dates as text, numbers as text, merged dates) read
as the user meant them."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path

import pytest
from conftest import sha256

from branchcheck.loading import read_ledger

from .conftest import find_row

LINE = re.compile(
    r"^(?P<file>.+?):(?P<where>[^:]+!\$?[A-Z]+\d+|\d+:\d+): (?P<level>error|warning): "
)


def score_errors(run_line, path: Path) -> list[str]:
    before = sha256(path)
    run = run_line(f"branchcheck score {path}")
    assert sha256(path) == before
    assert run.code == 2, run.err
    assert all(LINE.match(line) for line in run.err_lines), run.err
    return run.err_lines


# --- not a workbook at all ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"format: branchcheck.ledger/1\n", "not an Excel workbook (.xlsx is a zip file)"),
        (b"\xd0\xcf\x11\xe0" + b"\0" * 600, "this is an old .xls workbook; save it as .xlsx"),
        (b"PK\x03\x04" + b"\0" * 100, "not a readable .xlsx workbook"),
        (b"", "not an Excel workbook"),
    ],
)
def test_files_that_are_not_workbooks(content, message, tmp_path: Path, run_line) -> None:
    path = tmp_path / "ledger.xlsx"
    path.write_bytes(content)
    (line,) = score_errors(run_line, path)
    assert line.startswith(f"{path}:1:1: error: ")
    assert message in line


def _zip(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()


def test_a_zip_that_is_not_a_workbook(tmp_path: Path, run_line) -> None:
    path = tmp_path / "ledger.xlsx"
    path.write_bytes(_zip({"readme.txt": b"hello"}))
    (line,) = score_errors(run_line, path)
    assert "not a readable .xlsx workbook" in line


def test_a_zip_bomb_is_refused_unread(converted: Path, tmp_path: Path, run_line) -> None:
    with zipfile.ZipFile(converted) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    parts["xl/media/padding.bin"] = b"\0" * (80 * 2**20)  # compresses to ~80 KB
    path = tmp_path / "bomb.xlsx"
    path.write_bytes(_zip(parts))
    assert path.stat().st_size < 1 * 2**20
    (line,) = score_errors(run_line, path)
    assert "workbook expands to 80 MB, over the 64 MB limit" in line


def test_a_sheet_reaching_far_away_is_refused_unread(edited, run_line) -> None:
    def far(book) -> None:
        book["培训"]["A1048576"] = "x"  # a dense grid to here would be billions of cells

    (line,) = score_errors(run_line, edited(far))
    assert "sheet '培训' reaches row 1048576, column D: over the limit" in line


def test_a_lying_dimension_costs_nothing(converted: Path, tmp_path: Path) -> None:
    with zipfile.ZipFile(converted) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    for name, data in parts.items():
        if name.startswith("xl/worksheets/"):
            parts[name] = re.sub(
                rb'<dimension ref="[^"]*"', b'<dimension ref="A1:XFD1048576"', data
            )
    path = tmp_path / "dimension.xlsx"
    path.write_bytes(_zip(parts))
    assert read_ledger(path).ledger == read_ledger(converted).ledger


# --- cells that are wrong, each reported at its cell --------------------------------------


def _set(sheet: str, ref: str, value: object):
    def edit(book) -> None:
        book[sheet][ref] = value

    return edit


@pytest.mark.parametrize(
    ("sheet", "ref", "value", "expected"),
    [
        ("党员", "D3", "正式党员", "党员!D3: error: 状态: Input should be '正式' or '预备'"),
        ("会议活动", "A2", "2024-02-30", "会议活动!A2: error: 日期:"),
        ("会议活动", "A2", "2024年2月30日", "会议活动!A2: error: 日期: not a real date"),
        (
            "会议活动",
            "A2",
            dt.datetime(2024, 1, 5, 9, 30),
            "会议活动!A2: error: 日期: expected a date, got a date and time",
        ),
        (
            "会议活动",
            "C2",
            "王建国、张三丰",
            "会议活动!C2: error: 参加人员: member '张三丰' is not declared",
        ),
        ("培训", "B2", "八", "培训!B2: error: 学时:"),
        ("党费", "C3", "交了", "党费!C3: error: 2024-01: expected ✓"),
        ("支部", "B8", "2023-12-31", "支部!A1: error: period ends (2023-12-31) before it starts"),
        ("个性任务", "D2", "做完了", "个性任务!D2: error: 完成情况:"),
        ("党员", "B3", None, "党员!B3: error: 姓名: required, but this cell is empty"),
        # a time where a name belongs: a header, an item, a key
        ("党员", "A1", dt.time(8, 30), "党员!A1: error: column header: expected text, got a time"),
        ("党员", "A3", dt.time(8, 30), "党员!A3: error: 编号: expected text, got a time of day"),
        (
            "培训",
            "B2",
            dt.time(8, 30),
            "培训!B2: error: 学时: expected a number, got a time of day",
        ),
        ("党费", "C1", dt.datetime(2024, 1, 1, 8), "党费!C1: error: column header: expected text"),
        ("支部", "A3", dt.datetime(2024, 1, 1, 8), "支部!A3: error: 项目: expected text, got a"),
        ("情况记录", "A2", dt.time(8, 30), "情况记录!A2: error: 事项: expected text, got a time"),
    ],
)
def test_a_bad_cell_is_named(sheet, ref, value, expected, edited, run_line) -> None:
    lines = score_errors(run_line, edited(_set(sheet, ref, value)))
    assert any(expected in line for line in lines), lines
    assert sum(f"{sheet}!{ref}:" in line for line in lines) <= 1, lines  # one line a cell


def test_two_members_with_one_name_must_be_told_apart(edited, run_line) -> None:
    def twins(book) -> None:
        book["党员"]["B3"] = "王建国"  # M02 renamed: now two 王建国

    lines = score_errors(run_line, edited(twins))
    assert any(
        "会议活动!C2: error: 参加人员: two members are named '王建国' (M01、M02); write the 编号 instead"
        in line
        for line in lines
    ), lines


def test_error_values_are_errors_at_the_cell(converted: Path, tmp_path: Path, run_line) -> None:
    with zipfile.ZipFile(converted) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    sheet = _sheet_part(parts, "培训")
    parts[sheet] = re.sub(
        rb'<c r="B2"[^>]*>.*?</c>', b'<c r="B2" t="e"><v>#N/A</v></c>', parts[sheet], count=1
    )
    path = tmp_path / "errors.xlsx"
    path.write_bytes(_zip(parts))
    lines = score_errors(run_line, path)
    assert any("培训!B2: error: this cell shows an error value" in line for line in lines)


def _sheet_part(parts: dict[str, bytes], title: str) -> str:
    book = parts["xl/workbook.xml"].decode()
    rid = re.search(rf'<sheet [^>]*name="{title}"[^>]*r:id="(rId\d+)"', book)
    assert rid is not None
    rels = parts["xl/_rels/workbook.xml.rels"].decode()
    target = re.search(
        rf'Id="{rid.group(1)}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="{rid.group(1)}"', rels
    )
    assert target is not None
    found = target.group(1) or target.group(2)
    return found.lstrip("/") if found.startswith("/") else f"xl/{found}"


# --- odd but meant: read as the user meant ------------------------------------------------


def test_dates_and_numbers_typed_as_text_read_as_meant(edited, converted) -> None:
    def as_text(book) -> None:
        events = book["会议活动"]
        events["A2"] = "2024/1/5"
        events["A3"] = "2024年1月15日"
        training = book["培训"]
        training["B2"] = "24"
        training["B3"] = " 24 "
        book["支委会"]["B3"] = "3"

    assert read_ledger(edited(as_text)).ledger == read_ledger(converted).ledger


def test_numbers_in_text_columns_are_text(edited) -> None:
    def numeric_ids(book) -> None:
        book["党员"]["A2"] = book["党费"]["A2"] = 1001
        book["党员"]["A3"] = book["党费"]["A3"] = 1002.0

    ledger = read_ledger(edited(numeric_ids)).ledger
    assert [m.id for m in ledger.members[:2]] == ["1001", "1002"]


def test_empty_rows_between_records_are_skipped(edited, converted) -> None:
    def gaps(book) -> None:
        for sheet in ("会议活动", "培训", "党员"):
            book[sheet].insert_rows(5, amount=3)

    assert read_ledger(edited(gaps)).ledger == read_ledger(converted).ledger


def test_a_date_merged_over_two_rows_is_each_rows_date(edited, converted) -> None:
    def merge(book) -> None:
        events = book["会议活动"]
        first = find_row(events, 1, dt.datetime(2024, 2, 19))
        assert events.cell(row=first + 1, column=1).value == dt.datetime(2024, 2, 19)
        events.cell(row=first + 1, column=1).value = None
        events.merge_cells(start_row=first, start_column=1, end_row=first + 1, end_column=1)

    assert read_ledger(edited(merge)).ledger == read_ledger(converted).ledger


def test_formulas_are_read_by_their_values_with_a_warning(edited, run_line) -> None:
    def formula(book) -> None:
        book["情况记录"]["B11"] = "=3000*2"  # openpyxl stores no computed value

    path = edited(formula)
    loaded = read_ledger(path)
    assert "活动经费" not in loaded.ledger.facts  # no cached value: nothing to read
    said = [str(d) for d in loaded.warnings]
    assert any("情况记录!B11: warning: this cell holds a formula" in s for s in said), said


def test_a_formula_with_a_cached_value_reads_the_value(converted: Path, tmp_path: Path) -> None:
    with zipfile.ZipFile(converted) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    sheet = _sheet_part(parts, "情况记录")
    parts[sheet], count = re.subn(
        rb'<c r="B11"[^>]*>.*?</c>', b'<c r="B11"><f>3000*2</f><v>6000</v></c>', parts[sheet]
    )
    assert count == 1
    path = tmp_path / "cached.xlsx"
    path.write_bytes(_zip(parts))
    loaded = read_ledger(path)
    assert loaded.ledger.facts["活动经费"] == "6000"
    assert any(
        "情况记录!B11: warning: this cell holds a formula" in str(d) for d in loaded.warnings
    )


def test_hidden_unknown_and_headerless_are_warned_not_dropped(edited) -> None:
    def odd(book) -> None:
        book["培训"].sheet_state = "hidden"
        book.create_sheet("草稿")["A1"] = "随手记"
        book["党员"]["H1"] = "手机号"
        book["党员"]["H2"] = "13900000000"
        book["会议活动"]["J4"] = "旁注"

    said = [str(d) for d in read_ledger(edited(odd)).warnings]
    expected = [
        "培训!A1: warning: this sheet is hidden; it is read all the same",
        "草稿!A1: warning: unknown sheet '草稿' not read",
        "党员!H1: warning: unknown column '手机号' not read",
        "warning: this cell has no column header; not read",
    ]
    for text in expected:
        assert any(text in s for s in said), (text, said)
    assert not any("党员!H2" in s for s in said)  # its column was warned of once
    assert any("会议活动!J4" in s for s in said)


def test_a_missing_members_sheet(edited, run_line) -> None:
    def drop(book) -> None:
        del book["党员"]

    lines = score_errors(run_line, edited(drop))
    assert any("error: no sheet named '党员'" in line for line in lines)


def test_libreoffice_booleans_are_values_not_formulas(converted: Path, tmp_path: Path) -> None:
    """LibreOffice saves a TRUE cell as `<f>TRUE()</f><v>1</v>`: read as the value, no warning."""
    with zipfile.ZipFile(converted) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    sheet = _sheet_part(parts, "情况记录")
    parts[sheet], count = re.subn(
        rb'<c r="B2"[^>]*>.*?</c>',
        b'<c r="B2" s="0" t="b"><f aca="false">TRUE()</f><v>1</v></c>',
        parts[sheet],
    )
    assert count == 1
    path = tmp_path / "calc.xlsx"
    path.write_bytes(_zip(parts))
    loaded = read_ledger(path)
    assert loaded.ledger == read_ledger(converted).ledger
    assert loaded.warnings == []


def test_validate_tells_unreadable_from_invalid(edited, tmp_path: Path, run_line) -> None:
    junk = tmp_path / "junk.xlsx"
    junk.write_bytes(b"not a zip")
    run = run_line(f"branchcheck validate {junk}")
    assert run.code == 2
    assert run.err_lines[-1] == "1 file(s) checked (1 unreadable), 1 with problems"
    bad = edited(_set("党费", "C3", "交了"))
    run = run_line(f"branchcheck validate {bad}")
    assert run.code == 1
    assert "党费!C3: error:" in run.err
    assert run.err_lines[-1] == "1 file(s) checked (1 ledger), 1 with problems"


def test_without_the_xlsx_extra_reading_says_what_to_install(
    converted: Path, run_line, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "python_calamine", None)  # import fails
    (line,) = score_errors(run_line, converted)
    assert line == (
        f"{converted}:1:1: error: reading .xlsx ledgers needs python-calamine:"
        " pip install 'branchcheck[xlsx]'"
    )
