"""The plain box table of `trend` and `diff`: within the width, nothing lost, or None."""

from __future__ import annotations

import pytest
from rich.cells import cell_len

from branchcheck.formats.plain_table import draw

HEADER = ["支部", "名称", "2024年第三季度", "最近变化"]
ROWS = [
    ["lz-fgw-01", "市发展和改革委员会机关第一党支部", "86.14 标准化党支部", "—"],
    [
        "lz-fgw-07",
        "市发展和改革委员会经济信息中心党支部",
        "83.76 标准化党支部",
        "进位：标准化党支部→示范性党支部",
    ],
]


@pytest.mark.parametrize("width", [200, 100, 80, 70])
def test_fits_the_width_and_keeps_every_character(width) -> None:
    text = draw("各支部得分与等级", HEADER, ROWS, width)
    assert text is not None
    lines = text.splitlines()
    assert lines[0] == "各支部得分与等级"
    assert all(cell_len(line) <= width for line in lines)
    body = "".join(line.replace("│", "").replace("┃", "").replace(" ", "") for line in lines)
    for cell in [*HEADER, *(c for row in ROWS for c in row)]:
        for piece in cell.split(" "):
            assert piece in body or all(ch in body for ch in piece)


def test_figures_align_right() -> None:
    text = draw("", ["项", "分"], [["N01", "2"], ["N02", "10.5"]], 80)
    assert text is not None
    assert "│ N01 │    2 │" in text


def test_too_narrow_is_none() -> None:
    assert draw("", HEADER, ROWS, 30) is None


def test_control_characters_are_shown_escaped() -> None:
    text = draw("", ["名称"], [["甲\x1b[31m乙"]], 80)
    assert text is not None and "\x1b" not in text and "\\u001b" in text
