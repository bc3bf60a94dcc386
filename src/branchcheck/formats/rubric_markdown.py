"""`rubrics show -f markdown` and `rubrics -f markdown`: the 对照表 and the list of built-in
rubrics as markdown."""

from __future__ import annotations

from ..models.rubric import Rubric
from .base import RenderOptions
from .escape import md_cell
from .markdown import md_table
from .rubric_rule_lines import rule_lines, tier_lines
from .rubric_view import (
    CATALOGUE_HEADER,
    DIMENSION_HEADER,
    PARTS_TITLE,
    RULES_TITLE,
    TABLE_TITLE,
    TIERS_TITLE,
    catalogue_rows,
    dimension_lines,
    header,
    heading,
    rows,
)


def rubric_markdown(rubric: Rubric) -> str:
    head = heading(rubric)
    lines = [f"# {md_cell(head[0])}", "", *(f"- {md_cell(line)}" for line in head[1:])]
    lines += ["", f"## {PARTS_TITLE}", ""]
    lines += md_table(DIMENSION_HEADER, dimension_lines(rubric))  # type: ignore[arg-type]
    lines += ["", f"## {TABLE_TITLE}", ""]
    lines += md_table(header(rubric), rows(rubric))  # type: ignore[arg-type]
    lines += ["", f"## {RULES_TITLE}", ""]
    lines += [f"- **{label}**：{md_cell(text)}" for label, text in rule_lines(rubric)]
    lines += ["", f"## {TIERS_TITLE}", ""]
    lines += [f"- **{md_cell(name)}**：{md_cell(text)}" for name, text in tier_lines(rubric)]
    return "\n".join(lines) + "\n"


class RubricMarkdown:
    needs_output = False

    def render(self, rubric: Rubric, options: RenderOptions) -> str:
        return rubric_markdown(rubric)


# --- the list of built-in rubrics ----------------------------------------------------------


class CatalogueMarkdown:
    def render(self, rubrics: list[tuple[str, Rubric]], options: RenderOptions) -> str:
        return "\n".join(md_table(CATALOGUE_HEADER, catalogue_rows(rubrics))) + "\n"  # type: ignore[arg-type]
