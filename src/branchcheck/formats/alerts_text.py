"""`alerts` for people: a terminal table sized to the screen, and markdown to paste."""

from __future__ import annotations

from rich.text import Text

from ..engine.deadlines import BranchAlert
from .alerts_base import HEADER, AlertOptions, cells, tally, title
from .escape import md_cell, terminal
from .markdown import md_table
from .table import Column, Wrapped, grid, render_to_text

_STYLE = {"逾期": "bold red", "紧急": "yellow", "提醒": "cyan"}


class TerminalAlerts:
    def render(self, rows: list[BranchAlert], options: AlertOptions) -> str:
        from ..formats.base import RenderOptions

        render = RenderOptions(width=options.width, color=options.color)
        blocks: list[object] = [Wrapped(terminal(title(options), "bold")), Wrapped(tally(rows))]
        if rows:
            # The 上级组织 column is left out when every branch has the same one (said once).
            parents = {row.parent for row in rows}
            keep = [i for i in range(len(HEADER)) if i != 2 or len(parents) > 1]
            if len(parents) == 1:
                blocks.append(Wrapped(f"上级组织：{next(iter(parents))}"))
            columns = [Column(HEADER[i], whole=i in (0, 1, 4)) for i in keep]
            body = []
            for row in rows:
                values = cells(row)
                line: list[Text | str] = [values[i] for i in keep]
                line[0] = terminal(values[0], _STYLE.get(values[0], ""))
                body.append(line)
            blocks += grid(None, columns, body, options.width)
        return render_to_text(blocks, render)  # type: ignore[arg-type]


class MarkdownAlerts:
    def render(self, rows: list[BranchAlert], options: AlertOptions) -> str:
        lines = [f"# {md_cell(title(options))}", "", f"{tally(rows)}。"]
        if rows:
            lines.append("")
            body: list[list[object]] = [list(cells(row)) for row in rows]
            lines += md_table(HEADER, body)
        return "\n".join(lines) + "\n"
