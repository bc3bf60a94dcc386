"""Printing: the workbook's page setup read back with openpyxl, the page's print stylesheet,
and the screenshot script capturing a whole page.

How they look on paper was checked by eye (LibreOffice → PDF → PNG, Chromium's print to PDF);
these tests hold the settings that make it so.
"""

from __future__ import annotations

import importlib.util
import random
import re
import shutil
import struct
import subprocess
import zlib

import openpyxl
import pytest
from conftest import EXAMPLES, ROOT, TEST_FILES

from branchcheck.formats.report import xlsx_report, xlsx_sheet
from branchcheck.formats.report.html_style import CSS
from branchcheck.formats.report.xlsx_sheet import PAGE_WIDTH, PRINT_WIDTH, cell_lines

BATCH = TEST_FILES / "batch"
FGW = EXAMPLES / "fgw"
PADDING = 0.71  # XlsxWriter stores a column set to width w as w + 0.71 (Excel's cell margins)


def test_every_sheet_prints_a4_landscape_one_page_wide(run_line, tmp_path) -> None:
    out = tmp_path / "r.xlsx"
    run_line(f"branchcheck report {BATCH} -f xlsx -o {out} -j 1")
    wb = openpyxl.load_workbook(out)
    for ws in wb.worksheets:
        setup = ws.page_setup
        assert setup.orientation == "landscape", ws.title
        assert int(setup.paperSize) == 9, ws.title  # A4
        assert (setup.fitToWidth or 1) == 1  # 1 is the file format's default: written as nothing
        assert setup.fitToHeight == 0  # as many pages long as it takes
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert "&P" in ws.oddFooter.center.text  # page numbers
    # The header row on every page: row 3 under a title and a subtitle, else row 2.
    titles = {ws.title: ws.print_title_rows for ws in wb.worksheets}
    assert titles["b-short"] == titles["汇总"] == "$3:$3"
    assert titles["各单位·mini·半年度"] == titles["未能评分"] == "$2:$2"


def printed_width(ws) -> float:
    """The stored widths of a sheet's printed columns: its print area's, else all of them."""
    last = ws.max_column
    if ws.print_area:
        found = re.search(r":\$?([A-Z]+)\$?\d+$", str(ws.print_area))
        assert found is not None, ws.print_area
        last = openpyxl.utils.column_index_from_string(found[1])
    widths = {
        i: dim.width
        for dim in ws.column_dimensions.values()
        for i in range(dim.min or 1, (dim.max or 0) + 1)
    }
    assert all(widths.get(i) for i in range(1, last + 1)), ws.title  # every column sized
    return sum(widths[i] for i in range(1, last + 1))


# The report (a sheet per branch; one 明细 sheet, mixing rubrics or with 工作规范) and the
# alerts workbook: every sheet A4 landscape one page wide at 80 % or more (11-point text at
# 8.8 points), which the evaluators can read on the paper they file.
LEGIBLE_BOOKS = [
    ("report {examples} -f xlsx -j 1", 250),
    ("report {examples} -f xlsx -j 1", 3),
    ("report {fgw} -f xlsx -j 1", 3),
    ("alerts {fgw} --as-of 2024-12-01 -f xlsx", 250),
    ("rubrics show lanzhou-6543 -f xlsx", 250),
]


@pytest.mark.parametrize(("command", "per_sheet"), LEGIBLE_BOOKS)
def test_every_sheet_prints_at_a_legible_scale(
    run_line, tmp_path, monkeypatch, command: str, per_sheet: int
) -> None:
    monkeypatch.setattr(xlsx_report, "PER_SHEET_LIMIT", per_sheet)
    out = tmp_path / "r.xlsx"
    line = command.format(examples=EXAMPLES, fgw=FGW)
    run = run_line(f"branchcheck {line} -o {out}")
    assert run.code == 0, run.err
    wb = openpyxl.load_workbook(out)
    assert ("明细" in wb.sheetnames) == (per_sheet == 3)
    for ws in wb.worksheets:
        width = printed_width(ws)
        assert width <= PRINT_WIDTH, (
            f"{ws.title}: {width:.0f} wide prints at {PAGE_WIDTH / width:.0%}"
        )


def test_no_sheet_can_be_wider_than_a_legible_page(run_line, tmp_path, monkeypatch) -> None:
    """Columns grow with their text up to their caps: however long a batch's texts, the caps
    of every sheet's printed columns fit PRINT_WIDTH."""
    made: list[tuple[str, list[xlsx_sheet.Col]]] = []
    real = xlsx_sheet.Sheet.__init__

    def spy(self, book, name, title, cols, *args, **kwargs) -> None:
        made.append((name, list(cols)))
        real(self, book, name, title, cols, *args, **kwargs)

    monkeypatch.setattr(xlsx_sheet.Sheet, "__init__", spy)
    monkeypatch.setattr(xlsx_report, "PER_SHEET_LIMIT", 3)
    for line in (
        f"report {EXAMPLES} -j 1",
        f"report {FGW} -j 1",
        f"alerts {FGW}",
        "rubrics show lanzhou-6543",
    ):
        run = run_line(f"branchcheck {line} -f xlsx -o {tmp_path / 'r.xlsx'}")
        assert run.code == 0, run.err
    monkeypatch.setattr(xlsx_report, "PER_SHEET_LIMIT", 250)
    run = run_line(f"branchcheck report {EXAMPLES} -j 1 -f xlsx -o {tmp_path / 'r.xlsx'}")
    assert run.code == 0, run.err
    names = {name for name, _ in made}
    assert {"汇总", "各支部", "明细", "工作提醒", "对照表", "lz-fgw-05"} <= names
    assert any(n.startswith("整改") for n in names) and any(n.startswith("各单位") for n in names)
    for name, cols in made:
        while len(cols) > 1 and not cols[-1].printed:
            cols.pop()
        most = sum(c.cap + PADDING for c in cols)
        assert most <= PRINT_WIDTH, f"{name}: up to {most:.0f} wide, {PAGE_WIDTH / most:.0%}"


def test_a_branch_sheet_wraps_and_sizes_its_rows(run_line, tmp_path) -> None:
    out = tmp_path / "fgw.xlsx"
    run_line(f"branchcheck report {EXAMPLES / 'fgw' / 'lz-fgw-05.yaml'} -f xlsx -o {out}")
    ws = openpyxl.load_workbook(out)["lz-fgw-05"]
    assert ws["A2"].alignment.wrap_text  # the subtitle spans the table, wrapped
    header = [c.value for c in ws[3]]
    assert header == ["维度", "工作规范", "编号", "规范", "要求", "分值", "得分", "状态", "说明"]
    assert "A2:I2" in {str(r) for r in ws.merged_cells.ranges}
    widths = [ws.column_dimensions[chr(65 + i)].width for i in range(len(header))]
    assert sum(widths) < 175  # one A4 landscape page wide at a readable scale
    for row in ws.iter_rows(min_row=4, max_row=ws.max_row):
        texts = [c for c in row if isinstance(c.value, str)]
        assert all(c.alignment.wrap_text for c in texts)
        lines = max(
            cell_lines(c.value, int(ws.column_dimensions[c.column_letter].width) or 1)
            for c in texts
        )
        height = ws.row_dimensions[row[0].row].height
        if lines > 1:  # a wrapped row is as tall as its lines: LibreOffice does not fit rows
            assert height is not None and height >= 16.5 * lines - 0.1, row[0].row


def test_cell_lines() -> None:
    assert cell_lines("短", 10) == 1
    assert cell_lines("一二三四五六七八九十", 10) == 3  # 20 wide in a 10 column: room for 9
    assert cell_lines("第一行\n第二行", 40) == 2


def test_the_page_has_a_print_stylesheet() -> None:
    screen, _, printed = CSS.partition("@media print{")
    assert "@page{size:A4" in screen
    for rule in (
        "details.branch::details-content{content-visibility:visible;display:block}",  # closed
        "thead{display:table-header-group}",  # table heads repeat on each page
        "tr{break-inside:avoid}",
        "details.branch{break-before:page",  # each branch from a new page
        ".tablewrap{max-height:none;overflow:visible",  # no scrolling box on paper
        "tbody tr:nth-child(even),tbody tr:hover{background:none}",
        "html,body{background:#fff}",
    ):
        assert rule in printed, rule
    assert "box-shadow" not in screen or "box-shadow:none" in printed


def _png_size(path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def _screenshot(page, png, width: int) -> str:
    """`scripts/screenshot_html.sh PAGE PNG WIDTH`; what it says."""
    proc = subprocess.run(
        [str(ROOT / "scripts" / "screenshot_html.sh"), str(page), str(png), str(width)],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


@pytest.mark.skipif(shutil.which("chromium") is None, reason="needs chromium")
def test_screenshot_script_captures_the_whole_page(tmp_path) -> None:
    page = tmp_path / "tall.html"
    page.write_text(
        '<!DOCTYPE html><html><body style="margin:0">'
        '<div style="height:5200px;background:#eee">top</div><p id="end">end</p>'
        '<div style="max-height:50vh;overflow:auto"><div style="height:900px">vh</div></div>'
        "</body></html>",
        encoding="utf-8",
    )
    png = tmp_path / "tall.png"
    said_line = _screenshot(page, png, 600)
    width, height = _png_size(png)
    said = re.search(r"\((\d+)x(\d+)\)", said_line)
    assert said is not None and (width, height) == (int(said[1]), int(said[2]))
    # 5200 px, the paragraph, and the box that grows with the window up to its 900 px.
    assert width == 600 and height >= 5200 + 900


@pytest.mark.skipif(shutil.which("chromium") is None, reason="needs chromium")
def test_a_page_taller_than_chromium_paints_is_taken_in_parts(tmp_path) -> None:
    image = pytest.importorskip("PIL.Image")
    page = tmp_path / "very-tall.html"
    # 50,000 px (taller than Chromium paints in one screenshot), then a red band to find, and
    # a box sized to the window, which must be laid out as in one window of the whole page.
    page.write_text(
        '<!DOCTYPE html><html><body style="margin:0;background:#fff">'
        '<div style="height:50000px;background:linear-gradient(#eee,#ccc)"></div>'
        '<div style="height:300px;background:#f00"></div>'
        '<div style="height:10vh;background:#00f"></div>'
        "</body></html>",
        encoding="utf-8",
    )
    png = tmp_path / "very-tall.png"
    said_line = _screenshot(page, png, 300)
    shot = image.open(png).convert("RGB")
    width, height = shot.size
    assert f"({width}x{height}, in 4 parts)" in said_line  # 16,000 px each
    assert width == 300 and height > 50_300  # the whole page: 10vh of it is the blue box
    assert shot.getpixel((150, 50_150)) == (255, 0, 0)  # the red band, below the old limit
    assert shot.getpixel((150, height - 2)) == (0, 0, 255)
    assert shot.getpixel((150, 16_000)) != (255, 255, 255)  # the parts join with no gap


def _png(path, rows: list[bytes], width: int, filters: list[int]) -> None:
    """An 8-bit RGB PNG of `rows`, each row encoded with the filter given for it."""
    out, above = [], bytes(width * 3)
    for row, kind in zip(rows, filters, strict=True):
        coded = bytearray()
        for i, x in enumerate(row):
            a = row[i - 3] if i >= 3 else 0
            b, c = above[i], above[i - 3] if i >= 3 else 0
            p = a + b - c
            paeth = min((abs(p - a), 0, a), (abs(p - b), 1, b), (abs(p - c), 2, c))[2]
            predicted = (0, a, b, (a + b) // 2, paeth)[kind]
            coded.append((x - predicted) & 0xFF)
        out.append(bytes([kind]) + bytes(coded))
        above = row

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body) & 0xFFFFFFFF
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, len(rows), 8, 2, 0, 0, 0)
    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
    path.write_bytes(data + chunk(b"IDAT", zlib.compress(b"".join(out))) + chunk(b"IEND", b""))


def test_stacked_pngs_are_the_images_one_above_the_other(tmp_path) -> None:
    image = pytest.importorskip("PIL.Image")
    spec = importlib.util.spec_from_file_location("stack_png", ROOT / "scripts" / "stack_png.py")
    assert spec is not None and spec.loader is not None
    stack_png = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(stack_png)
    rng = random.Random(7)
    width, paths, pixels = 13, [], b""
    # Each part's first row with each filter (None, Sub, Up, Average, Paeth): those reading
    # the row above read zeros there, and must not read the part above once stacked.
    for first in range(5):
        rows = [rng.randbytes(width * 3) for _ in range(3)]
        paths.append(tmp_path / f"part-{first}.png")
        _png(paths[-1], rows, width, [first, rng.randrange(5), rng.randrange(5)])
        assert image.open(paths[-1]).tobytes() == b"".join(rows)  # the encoder is right
        pixels += b"".join(rows)
    out = tmp_path / "stacked.png"
    stack_png.stack(out, paths)
    assert image.open(out).convert("RGB").tobytes() == pixels
