"""`rubrics show ID -f html`: the 对照表 as one self-contained page to read or print.

The report's stylesheet (html_style) with the page turned to A4 landscape for print; a band
per dimension, a work norm's cell spanning its items, the 个性任务 row, then the rules and the
tiers. No script, no external reference; user text escaped as in the report.
"""

from __future__ import annotations

from ..models.rubric import Rubric
from . import rubric_view as view
from .base import RenderOptions
from .escape import number
from .report.html_parts import esc
from .report.html_style import CSS
from .rubric_rule_lines import rule_lines, tier_lines

EXTRA_CSS = """\
@page{size:A4 landscape;margin:12mm 10mm 14mm}
table.rubric{table-layout:fixed}
table.rubric td{white-space:normal!important;overflow-wrap:anywhere}
.tablewrap.narrow{max-width:640px}
table.rubric tr.band th{background:#fbf3f3;text-align:left;font-size:14px;
border-top:2px solid var(--accent)}
table.rubric td.std{background:#fcfcfd;font-weight:600}
table.rubric tbody tr:nth-child(even){background:none}
dl.rules{display:grid;grid-template-columns:max-content 1fr;gap:6px 18px;margin:8px 0 0;
background:var(--card);border:1px solid var(--line);border-radius:10px;padding:12px 16px}
dl.rules dt{font-weight:600}
dl.rules dd{margin:0}
@media print{table.rubric{font-size:8pt}dl.rules{border:0;padding:0;break-inside:avoid}
table.rubric tr.band{break-after:avoid}}
"""
_MARKS = {"一票否决": "veto", "加分项": "bonus"}
WIDTHS = {  # shares of the page's width, by column
    view.STANDARD_COLUMN: 9,
    "编号": 4.5,
    "规范": 8,
    "要求": 16,
    view.POINTS_COLUMN: 4.5,
    "考核内容": 14,
    "计分方式": 12,
    "台账记录": 12,
    "标记": 8,
    "依据": 12,
}


def _colgroup(names: list[str]) -> str:
    total = sum(WIDTHS[n] for n in names)
    cols = "".join(f'<col style="width:{WIDTHS[n] * 100 / total:.1f}%">' for n in names)
    return f"<colgroup>{cols}</colgroup>"


def _marks(text: str) -> str:
    parts = []
    for mark in filter(None, text.split("；")):
        cls = _MARKS.get(mark)
        parts.append(f'<span class="mark {cls}">{esc(mark)}</span>' if cls else esc(mark))
    return "<br>".join(parts)


def _rows(rubric: Rubric) -> list[str]:
    grouped = bool(rubric.standards)
    names = view.header(rubric)[1:]
    points_at = names.index(view.POINTS_COLUMN)
    marks_at = names.index("标记")
    by_dimension: dict[str, list[view.Row]] = {}
    for row in view.table_rows(rubric):
        by_dimension.setdefault(row.cells[0], []).append(row)
    out = []
    for dimension, rows in by_dimension.items():
        points = sum(r.points for r in rows if not r.bonus)
        band = f"{dimension}（{number(points)}分）" if points else f"{dimension}（加分项）"
        out.append(f'<tr class="band"><th colspan="{len(names)}">{esc(band)}</th></tr>')
        spans = [sum(1 for r in rows if r.cells[1] == row.cells[1]) for row in rows]
        for i, row in enumerate(rows):
            cells = []
            for j, value in enumerate(row.cells[1:]):
                if grouped and j == 0:
                    if i and rows[i - 1].cells[1] == row.cells[1]:
                        continue  # spanned from the work norm's first item
                    span = f' rowspan="{spans[i]}"' if spans[i] > 1 else ""
                    cells.append(f'<td class="std"{span}>{esc(value)}</td>')
                elif j == points_at:
                    cells.append(f'<td class="num">{esc(value)}</td>')
                elif j == marks_at:
                    cells.append(f"<td>{_marks(value)}</td>")
                else:
                    cells.append(f"<td>{esc(value)}</td>")
            out.append("<tr>" + "".join(cells) + "</tr>")
    return out


def _table(header: list[str], rows: list[list[str]], numeric: set[int]) -> str:
    head = "".join(
        f"<th{' class=num' if i in numeric else ''}>{esc(h)}</th>" for i, h in enumerate(header)
    )
    body = "".join(
        "<tr>"
        + "".join(
            f"<td{' class=num' if i in numeric else ''}>{esc(c)}</td>" for i, c in enumerate(row)
        )
        + "</tr>"
        for row in rows
    )
    return (
        f'<div class="tablewrap flat narrow"><table><thead><tr>{head}</tr></thead>'
        f"<tbody>{body}</tbody></table></div>"
    )


def _rules(lines: list[tuple[str, str]]) -> str:
    items = "".join(f"<dt>{esc(label)}</dt><dd>{esc(text)}</dd>" for label, text in lines)
    return f'<dl class="rules">{items}</dl>'


def rubric_html(rubric: Rubric) -> str:
    title, *about = view.heading(rubric)
    head = "".join(f"<th>{esc(h)}</th>" for h in view.header(rubric)[1:])
    parts = [
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(title)}</title>\n<style>\n{CSS}{EXTRA_CSS}</style>\n</head>\n<body>\n"
        f'<main>\n<header class="top"><h1>{esc(title)}</h1>'
        + "".join(f'<p class="lede">{esc(line)}</p>' for line in about)
        + "</header>\n",
        f"<h2>{esc(view.PARTS_TITLE)}</h2>\n",
        _table(view.DIMENSION_HEADER, view.dimension_lines(rubric), {1, 2, 3}),
        f"<h2>{esc(view.TABLE_TITLE)}</h2>\n",
        '<div class="tablewrap flat"><table class="rubric">'
        f"{_colgroup(view.header(rubric)[1:])}<thead><tr>{head}</tr></thead><tbody>\n",
        "\n".join(_rows(rubric)),
        "\n</tbody></table></div>\n",
        f"<h2>{esc(view.RULES_TITLE)}</h2>\n",
        _rules(rule_lines(rubric)),
        f"<h2>{esc(view.TIERS_TITLE)}</h2>\n",
        _rules(tier_lines(rubric)),
        "\n<footer>由 branchcheck 生成</footer>\n</main>\n</body>\n</html>\n",
    ]
    return "".join(parts)


class RubricHtml:
    needs_output = True

    def render(self, rubric: Rubric, options: RenderOptions) -> str:
        return rubric_html(rubric)
