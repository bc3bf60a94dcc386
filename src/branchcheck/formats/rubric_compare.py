"""`rubrics diff` and `report --compare-rubric`: table (terminal), markdown and JSON.

Each is a function of the pure models (rubric_diff.RubricDiff, report.compare.Comparison).
"""

from __future__ import annotations

import json
from collections.abc import Callable

from rich.console import RenderableType
from rich.text import Text

from ..report.compare import Comparison, Row
from ..rubric_diff import AREAS, RubricDiff
from .base import RenderOptions
from .escape import number
from .markdown import md_table
from .table import Column, grid, render_to_text

MATCHING = (
    "考核项先按编号对应（编号相同、名称不同的为更名），余下的再按名称对应（名称相同、编号不同的为编号变更），"
    "仍对应不上的为新增或删除；维度、工作规范、等次按编号对应。"
)
DIFF_HEADER = ["类别", "对象", "变化", "原", "新"]
COMPARE_HEADER = ["支部", "考核期", "原得分", "原等次", "新得分", "新等次", "变化", "主要原因"]


def _title(diff_or: RubricDiff | Comparison) -> str:
    if isinstance(diff_or, RubricDiff):
        old, new = (diff_or.old_id, diff_or.old_version), (diff_or.new_id, diff_or.new_version)
    else:
        old, new = diff_or.old, diff_or.new
    return f"{old[0]}（{old[1]}版）→ {new[0]}（{new[1]}版）"


def _diff_rows(diff: RubricDiff) -> list[list[str]]:
    order = {area: i for i, area in enumerate(AREAS)}
    changes = sorted(diff.changes, key=lambda c: order.get(c.area, len(AREAS)))
    return [[c.area, c.subject, c.what, c.old, c.new] for c in changes]


def _diff_counts(diff: RubricDiff) -> str:
    norms = diff.of_area("考核项")
    kinds = [
        ("新增", "norm.added"),
        ("删除", "norm.removed"),
        ("更名", "norm.renamed"),
        ("编号变更", "norm.renumbered"),
    ]
    said = [f"{word}{n}项" for word, key in kinds if (n := sum(c.key == key for c in norms))]
    changed = len({c.id for c in norms if c.key not in dict(kinds).values()})
    if changed:
        said.append(f"内容变化{changed}项")
    tiers = len(diff.of_area("等次"))
    if tiers:
        said.append(f"等次规则变化{tiers}处")
    return "考核项" + "、".join(said) if said else "两版没有差别"


def diff_table(diff: RubricDiff, options: RenderOptions) -> str:
    parts: list[RenderableType] = [
        Text(f"考核标准对比：{_title(diff)}", style="bold"),
        Text(_diff_counts(diff)),
    ]
    rows = _diff_rows(diff)
    if rows:
        columns = [
            Column("类别", whole=True),
            Column("对象"),
            Column("变化"),
            Column("原"),
            Column("新"),
        ]
        parts += grid(None, columns, rows, options.width)
    parts.append(Text(f"对应方式：{MATCHING}", style="dim"))
    return render_to_text(parts, options)


def diff_markdown(diff: RubricDiff, options: RenderOptions) -> str:
    lines = [f"# 考核标准对比：{_title(diff)}", "", _diff_counts(diff), ""]
    rows = _diff_rows(diff)
    if rows:
        lines += [*md_table(DIFF_HEADER, [list[object](r) for r in rows]), ""]
    lines += [f"对应方式：{MATCHING}", ""]
    return "\n".join(lines)


def diff_json(diff: RubricDiff, options: RenderOptions) -> str:
    body = {
        "format": "branchcheck.rubric-diff/1",
        "old": {"id": diff.old_id, "version": diff.old_version},
        "new": {"id": diff.new_id, "version": diff.new_version},
        "matching": MATCHING,
        "changes": [c.as_dict() for c in diff.changes],
    }
    return json.dumps(body, ensure_ascii=False, indent=2) + "\n"


DIFF_FORMATS: dict[str, Callable[[RubricDiff, RenderOptions], str]] = {
    "table": diff_table,
    "markdown": diff_markdown,
    "json": diff_json,
}


# --- report --compare-rubric -----------------------------------------------------------------


def _compare_counts(comparison: Comparison) -> str:
    n = comparison.counts()
    total = len(comparison.rows)
    return f"{total}个支部中，等次上升{n['up']}个，下降{n['down']}个，不变{n['same']}个。"


def _row(row: Row) -> list[str]:
    reasons = row.reasons() or ["—"]
    return [
        row.branch,
        row.period,
        number(round(row.old_score, 2)),
        row.old_tier[1],
        number(round(row.new_score, 2)),
        row.new_tier[1],
        row.movement,
        "；".join(reasons),
    ]


def compare_terminal(comparison: Comparison, options: RenderOptions) -> str:
    parts: list[RenderableType] = [
        Text(f"换用考核标准的影响：{_title(comparison)}", style="bold"),
        Text(_compare_counts(comparison)),
    ]
    rows = [_row(r) for r in comparison.ordered()]
    if rows:
        columns = [
            Column("支部"),
            Column("考核期", whole=True),
            Column("原得分", justify="right", whole=True),
            Column("原等次", whole=True),
            Column("新得分", justify="right", whole=True),
            Column("新等次", whole=True),
            Column("变化", whole=True),
            Column("主要原因"),
        ]
        parts += grid(None, columns, rows, options.width)
    return render_to_text(parts, options)


def compare_markdown(comparison: Comparison, options: RenderOptions) -> str:
    lines = [f"# 换用考核标准的影响：{_title(comparison)}", "", _compare_counts(comparison), ""]
    rows = [_row(r) for r in comparison.ordered()]
    if rows:
        lines += [*md_table(COMPARE_HEADER, [list[object](r) for r in rows]), ""]
    return "\n".join(lines)


def compare_json(comparison: Comparison, options: RenderOptions) -> str:
    body = {
        "format": "branchcheck.rubric-compare/1",
        "old": {"id": comparison.old[0], "version": comparison.old[1]},
        "new": {"id": comparison.new[0], "version": comparison.new[1]},
        "counts": comparison.counts(),
        "branches": [
            {
                "file": r.file,
                "branch": {"id": r.branch_id, "name": r.branch},
                "period": r.period,
                "old": {"score": r.old_score, "tier": {"id": r.old_tier[0], "name": r.old_tier[1]}},
                "new": {"score": r.new_score, "tier": {"id": r.new_tier[0], "name": r.new_tier[1]}},
                "move": r.move,
                "norms": [
                    {
                        "id": s.norm_id,
                        "old": s.old,
                        "new": s.new,
                        "delta": round(s.delta, 4),
                        "change": s.change,
                    }
                    for s in r.shifts
                ],
                "tier_rules": list(r.tier_rules),
                "vetoes": list(r.vetoes),
                "reasons": r.reasons(),
            }
            for r in comparison.ordered()
        ],
    }
    return json.dumps(body, ensure_ascii=False, indent=2) + "\n"


COMPARE_FORMATS: dict[str, Callable[[Comparison, RenderOptions], str]] = {
    "terminal": compare_terminal,
    "markdown": compare_markdown,
    "json": compare_json,
}
