"""`alerts` for people: a terminal table sized to the screen, and markdown to paste."""

from __future__ import annotations

import os

from rich.text import Text

from ..engine.alert_rows import BranchAlert
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
            # A prefix every branch name shares (the 机关's name) is said once, above the table.
            names = {row.branch_name for row in rows}
            prefix = os.path.commonprefix(sorted(names)) if len(names) > 1 else ""  # noqa: RUF071
            if len(prefix) < 4 or prefix in names:
                prefix = ""
            said = [f"上级组织：{next(iter(parents))}"] if len(parents) == 1 else []
            if prefix:
                said.append(f"支部名称省略共同的“{prefix}”")
            if said:
                blocks.append(Wrapped("；".join(said)))
            # Branch names are long and say little after their first characters; the 说明 is
            # what the secretary acts on, so it gets the room.
            narrow = max(12, (options.width - 40) // 4)
            columns = [
                Column(HEADER[i], whole=i in (0, 1, 4), cap=narrow if i in (2, 3) else None)
                for i in keep
            ]
            body = []
            for row in rows:
                values = cells(row, options.as_of.year)
                values[3] = values[3].removeprefix(prefix)
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
            body: list[list[object]] = [list(cells(row, options.as_of.year)) for row in rows]
            lines += md_table(HEADER, body)
        return "\n".join(lines) + "\n"
