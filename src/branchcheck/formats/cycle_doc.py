"""A page of titled blocks (sentences, then tables), said once and shown as terminal text or
markdown: what `trend` and `diff` print."""

from __future__ import annotations

from dataclasses import dataclass, field

from .base import RenderOptions
from .escape import md_cell

Table = tuple[str, list[str], list[list[str]]]  # title, header, rows


@dataclass(slots=True)
class Block:
    title: str
    lines: list[str] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)


def to_terminal(title: str, blocks: list[Block], options: RenderOptions) -> str:
    """Titles and sentences through rich (wrapped at the width, coloured on a terminal);
    tables drawn plainly (plain_table) unless they only fit split in two (table.grid)."""
    from rich.rule import Rule

    from .escape import terminal
    from .plain_table import draw
    from .report.terminal_report import tables
    from .table import Wrapped, render_to_text

    out: list[str] = []
    parts: list[object] = [Wrapped(terminal(title, "bold"))]
    for block in blocks:
        parts += [Rule(), Wrapped(terminal(block.title, "bold cyan"))]
        parts += [Wrapped(line) for line in block.lines]
        for name, header, rows in block.tables:
            if not rows:
                continue
            plain = draw(name, header, rows, options.width)
            if plain is None:
                parts += tables(name, header, rows, options.width)
                continue
            out.append(render_to_text(parts, options))  # type: ignore[arg-type]
            out.append(plain)
            parts = []
    if parts:
        out.append(render_to_text(parts, options))  # type: ignore[arg-type]
    return "".join(out)


def to_markdown(title: str, blocks: list[Block]) -> str:
    from .markdown import md_table

    out = [f"# {md_cell(title)}"]
    for block in blocks:
        out += ["", f"## {md_cell(block.title)}"]
        if block.lines:
            out += ["", *(f"- {md_cell(line)}" for line in block.lines)]
        for name, header, rows in block.tables:
            if rows:
                out += ["", f"### {md_cell(name)}", "", *md_table(header, rows)]  # type: ignore[arg-type]
    return "\n".join(out) + "\n"
