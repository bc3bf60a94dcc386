"""`rubrics` and `rubrics show` on a terminal: the built-in rubrics, and one rubric's 对照表.

The 对照表 is one table per dimension, its cells merged for a terminal's width (name and
requirement; what is checked and how it is scored; marks and basis); the rules and the tiers
follow. Sized by `table.grid`, so nothing breaks inside an id, a date or a number.
"""

from __future__ import annotations

from rich.console import RenderableType
from rich.text import Text

from ..models.rubric import Rubric
from . import rubric_view as view
from .base import RenderOptions
from .escape import number, terminal
from .grid import Column, grid, render_to_text
from .rubric_rule_lines import rule_lines, tier_lines
from .wrap import Wrapped

COLUMNS = [
    Column("编号"),
    Column("规范和要求"),
    Column("分值", "right"),
    Column("考核内容和计分方式"),
    Column("台账记录"),
    Column("标记和依据"),
]


def _joined(*parts: str) -> str:
    return "\n".join(p for p in parts if p)


def _cells(row: view.Row, grouped: bool) -> list[str]:
    cells = row.cells[1:]  # the dimension is the table's title
    standard = cells.pop(0) if grouped else ""
    ident, name, requirement, points, check, scoring, record, marks, basis = cells
    return [
        standard,
        ident,
        _joined(name, requirement),
        points,
        _joined(check, f"计分：{scoring}"),
        record,
        _joined(marks, f"依据：{basis}" if basis else ""),
    ]


def _dimension_tables(rubric: Rubric, width: int) -> list[RenderableType]:
    grouped = bool(rubric.standards)
    columns = ([Column(view.STANDARD_COLUMN)] if grouped else []) + COLUMNS
    blocks: list[RenderableType] = []
    by_dimension: dict[str, list[view.Row]] = {}
    for row in view.table_rows(rubric):
        by_dimension.setdefault(row.cells[0], []).append(row)
    for name, rows in by_dimension.items():
        points = sum(r.points for r in rows if not r.bonus)
        title = f"{name}（{number(points)}分）" if points else f"{name}（加分项）"
        cells = [_cells(r, grouped) for r in rows]
        ends = set()
        if grouped:  # a work norm named once, a line under its last item
            standards = [line[0] for line in cells]
            for i, line in enumerate(cells):
                if i + 1 < len(cells) and standards[i + 1] != standards[i]:
                    ends.add(i)
                if i and standards[i - 1] == standards[i]:
                    line[0] = ""
        else:
            cells = [line[1:] for line in cells]
        blocks += grid(title, columns if grouped else COLUMNS, cells, width, ends=ends)
    return blocks


def _labelled(label: str, text: str) -> Wrapped:
    line = Text(f"{label}：", style="bold")
    line.append_text(terminal(text))
    return Wrapped(line)


def rubric_table(rubric: Rubric, options: RenderOptions) -> str:
    title, *about = view.heading(rubric)
    blocks: list[RenderableType] = [Wrapped(terminal(title, "bold")), *map(Wrapped, about)]
    blocks += grid(
        view.PARTS_TITLE,
        [Column(h, "left" if h == "维度" else "right") for h in view.DIMENSION_HEADER],
        view.dimension_lines(rubric),
        options.width,
    )
    blocks += _dimension_tables(rubric, options.width)
    blocks.append(Wrapped(Text(view.RULES_TITLE, style="bold")))
    blocks += [_labelled(label, text) for label, text in rule_lines(rubric)]
    blocks.append(Wrapped(Text(view.TIERS_TITLE, style="bold")))
    blocks += [_labelled(name, text) for name, text in tier_lines(rubric)]
    return render_to_text(blocks, options)


class RubricTable:
    needs_output = False

    def render(self, rubric: Rubric, options: RenderOptions) -> str:
        return rubric_table(rubric, options)


class CatalogueTable:
    def render(self, rubrics: list[tuple[str, Rubric]], options: RenderOptions) -> str:
        columns = [Column(h, "right" if h == "满分" else "left") for h in view.CATALOGUE_HEADER]
        return render_to_text(
            list(grid(None, columns, view.catalogue_rows(rubrics), options.width)), options
        )
