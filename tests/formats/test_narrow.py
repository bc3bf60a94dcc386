"""Narrow terminals: `score` and `report` tables at 80 and 100 columns.

Each table is read back from the text: a row starts where its first cell is not empty, and a
cell is its lines put together. No id, date or number may be split across two lines of a
cell, and the cell must still hold the whole text (a table cut or folded mid-token fails).
"""

from __future__ import annotations

import re

import pytest
from conftest import EXAMPLES

from branchcheck.engine import score
from branchcheck.formats import RenderOptions
from branchcheck.formats.grid import fit_widths
from branchcheck.formats.table import TableFormat
from branchcheck.formats.wrap import line_breaks, segments
from branchcheck.loading import read_ledger

LEDGERS = sorted(EXAMPLES.rglob("*.yaml"))
WIDTHS = (80, 100)
TOKEN = re.compile(
    r"\d{4}年\d{1,2}月\d{1,2}日|\d{1,2}月\d{1,2}日|\d{4}-\d{2}-\d{2}"  # dates
    r"|[A-Za-z][A-Za-z0-9_-]*\d[A-Za-z0-9_-]*[*+]?"  # ids: N05*, lz-fgw-05, S22x
    r"|\d+(?:\.\d+)?%?"  # numbers: 85.48, 72.7%
)


def tables(text: str) -> list[list[list[list[str]]]]:
    """Every table in `text`: rows, each a list of cells, each the lines of that cell."""
    found: list[list[list[list[str]]]] = []
    rows: list[list[list[str]]] | None = None
    for line in text.splitlines():
        if line.startswith(("┏", "┌")):
            rows = []
            found.append(rows)
        elif line.startswith("│") and rows is not None:
            cells = [cell.strip() for cell in line.split("│")[1:-1]]
            if cells[0] or not rows:
                rows.append([[c] if c else [] for c in cells])
            else:
                for lines, cell in zip(rows[-1], cells, strict=True):
                    if cell:
                        lines.append(cell)
        elif line.startswith("└"):
            rows = None
    return found


def split_tokens(lines: list[str]) -> list[str]:
    """Tokens of the whole cell that run across the end of one of its lines."""
    joined, ends, at = "".join(lines), set(), 0
    for line in lines[:-1]:
        at += len(line)
        ends.add(at)
    return [
        m.group() for m in TOKEN.finditer(joined) if any(m.start() < end < m.end() for end in ends)
    ]


def squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def check(text: str) -> list[str]:
    """Every cell of every table: (problem) strings, empty when all is well."""
    problems = []
    for table in tables(text):
        for row in table:
            for lines in row:
                problems += [f"{t!r} split in {lines}" for t in split_tokens(lines)]
    return problems


def cells(text: str) -> set[str]:
    return {squeezed("".join(lines)) for t in tables(text) for row in t for lines in row}


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", LEDGERS, ids=lambda p: p.name)
def test_score_table_keeps_tokens_whole(path, width: int) -> None:
    loaded = read_ledger(path)
    result = score(loaded.rubric, loaded.ledger)
    text = TableFormat().render([result], RenderOptions(width=width))
    assert all(len(line) <= width for line in text.splitlines())  # nothing past the edge
    assert check(text) == []
    held = cells(text)
    for norm in result.norms:  # each detail whole in its cell, each id in its own
        assert squeezed(norm.detail) in held
        assert any(c.startswith(norm.id) for c in held)
    prose = "\n".join(line for line in text.splitlines() if not line.startswith(tuple("┏┃┡│└")))
    for alert in result.alerts:  # the lines above the tables wrap between tokens too
        for token in TOKEN.findall(alert.message):
            assert token in prose


@pytest.mark.parametrize("width", WIDTHS)
def test_report_terminal_keeps_tokens_whole(run_line, monkeypatch, width: int) -> None:
    monkeypatch.setattr("branchcheck.cli.report.terminal_width", lambda: width)
    run = run_line(f"branchcheck report {EXAMPLES} -j 1")
    assert run.code == 0
    assert run.out.count("┏") >= 12
    assert check(run.out) == []
    held = cells(run.out)
    for branch in ("lz-fgw-07", "yz-xz-03", "lz-tjj-01"):
        assert branch in held or any(c.startswith(branch) for c in held)


def test_the_date_of_the_issue_stays_whole() -> None:
    """`任期至2` / `025年3月22日` was the bug: the date moves to the next line whole."""
    text = "2022年3月22日选举产生，任期至2025年3月22日"
    for width in range(14, 40):
        breaks = line_breaks(text, width)
        lines = [text[a:b] for a, b in zip([0, *breaks], [*breaks, len(text)], strict=True)]
        assert split_tokens(lines) == [], (width, lines)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("扣0.5分", ["扣0.5分"]),
        ("范雪（14学时）、石浩", ["范", "雪", "（14学时）、", "石", "浩"]),
        ("N05*（按期换届）", ["N05*", "（按期换届）"]),
        ("25分×80%=20分", ["25分×80%=20分"]),
        ("“第一议题”", ["“第", "一", "议", "题”"]),
    ],
)
def test_segments(text: str, expected: list[str]) -> None:
    assert segments(text) == expected


def test_lines_end_after_punctuation_when_one_is_near() -> None:
    text = "书记与21名党员中的8名谈心谈话，崔颖、史国华、范雪、侯宇航、秦守信未谈"
    breaks = line_breaks(text, 24)
    lines = [text[a:b] for a, b in zip([0, *breaks], [*breaks, len(text)], strict=True)]
    assert all(line[-1] in "，、谈" for line in lines[:-1]), lines  # no name cut in two


def test_fit_widths() -> None:
    assert fit_widths([4, 10], [6, 40], 100) == [6, 40]  # room: every column whole
    assert fit_widths([4, 10, 6], [6, 40, 30], 40) == [6, 17, 17]  # the long ones share
    assert sum(fit_widths([4, 10], [6, 40], 30)) == 30
    assert fit_widths([20, 20], [30, 30], 30) == [15, 15]  # last resort: narrowed evenly
