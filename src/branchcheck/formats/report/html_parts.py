"""The HTML report's building blocks: escaping, tables, and a branch's section.

`branch_section` is the HTML format's fragment: it runs where a ledger is scored (in a worker
process with --jobs) and returns the inside of that branch's <details>.
"""

from __future__ import annotations

import html
from collections.abc import Iterator, Sequence

from ...errors import visible
from ...models.result import Result
from ...report.rows import BranchRow
from .. import prose, score_words
from ..escape import number
from ..labels import RUBRIC, STATUS, TASK_STATUS
from .columns import blockers_text, period_text


def esc(value: object) -> str:
    """Text for HTML: control characters visible, markup escaped, no `://` left to match."""
    return html.escape(visible(str(value))).replace("://", "&#58;//")


def tier_badge(name: str, rank: int) -> str:
    return f'<span class="tier tier-r{rank}">{esc(name)}</span>'


def table(
    header: Sequence[str],
    rows: Iterator[Sequence[str]] | Sequence[Sequence[str]],
    numeric: Sequence[int] = (),
    cls: str = "",
) -> str:
    """Cells are HTML already (escape text with `esc`); `numeric` columns align right."""
    nums = set(numeric)

    def cell(tag: str, i: int, text: str) -> str:
        return f'<{tag} class="num">{text}</{tag}>' if i in nums else f"<{tag}>{text}</{tag}>"

    head = "".join(cell("th", i, esc(h)) for i, h in enumerate(header))
    body = "\n".join(
        "<tr>" + "".join(cell("td", i, c) for i, c in enumerate(row)) + "</tr>" for row in rows
    )
    return (
        f'<div class="tablewrap {cls}"><table><thead><tr>{head}</tr></thead>'
        f"<tbody>\n{body}\n</tbody></table></div>\n"
    )


def escaped(rows: list[list[str]]) -> list[list[str]]:
    return [[esc(c) for c in row] for row in rows]


def _facts(result: Result, row: BranchRow) -> str:
    nxt = result.next_tier
    items = [
        ("上级组织", esc(row.parent)),
        ("考核期", f"{esc(period_text(row))}（{esc(row.start)} 至 {esc(row.end)}）"),
        (RUBRIC, f"{esc(result.rubric.id)}（{esc(result.rubric.version)}版）"),
        ("得分", f"<b>{number(result.score)}</b> / {number(result.max)}"),
        ("等级", tier_badge(row.tier_name, row.tier_rank)),
    ]
    items.append(("计分", "<br>".join(esc(line) for line in _account(result))))
    items += [
        ("一票否决", esc("、".join(row.vetoes)) if row.vetoes else "无"),
        ("距上一等级", esc(score_words.next_tier_line(result) or "已是最高等级")),
    ]
    if nxt is not None:
        items.append(("须先解决", esc(blockers_text(row)) if nxt.blockers else "无"))
    return '<dl class="facts">' + "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in items) + "</dl>"


def _account(result: Result) -> list[str]:
    """The score's account (score_words.account): the total, then how it was made; not the next
    tier (距上一等级 says it), the vetoes (一票否决) or each task (the task table does)."""
    lines = score_words.account(result, TASK_STATUS)[:-1]
    return [score_words.score_line(result)] + [
        line.removesuffix("：") for line, _ in lines if not line.startswith("否决项")
    ]


def _dimensions(result: Result) -> str:
    bars = []
    for d in result.dimensions:
        if not d.max:  # a bonus dimension: its points are in the score line
            continue
        ratio = d.earned / d.max if d.max else 0.0
        level = "hi" if ratio >= 0.9 else "mid" if ratio >= 0.6 else "lo"
        bars.append(
            f'<div class="dim"><span>{esc(d.name)}</span><span class="meter {level}">'
            f'<i style="width:{ratio * 100:.1f}%"></i></span>'
            f'<span class="num">{number(d.earned)} / {number(d.max)}</span></div>'
        )
    return '<div class="dims">' + "".join(bars) + "</div>"


def _norm_rows(result: Result) -> Iterator[list[str]]:
    dims = {d.id: d.name for d in result.dimensions}
    for n in result.norms:
        marks = ('<span class="mark veto">否决项</span>' if n.veto else "") + (
            '<span class="mark bonus">加分项</span>' if n.bonus else ""
        )
        earned = "—" if n.status == "not_applicable" else number(n.earned)
        yield [
            esc(dims.get(n.dimension, n.dimension)),
            esc(n.id),
            esc(n.name) + marks,
            number(n.points),
            prose.deduction_cell(n),
            earned,
            f'<span class="st st-{n.status}">{esc(STATUS.get(n.status, n.status))}</span>',
            esc(n.detail),
        ]


def branch_section(result: Result, row: BranchRow) -> str:
    """The inside of a branch's <details>: a summary line, facts, dimensions, norms, tasks."""
    veto = '<span class="mark veto">一票否决</span>' if row.vetoes else ""
    parts = [
        f'<summary><span class="bid">{esc(row.id)}</span><span class="bname">{esc(row.name)}'
        f'</span><span style="color:var(--muted)">{esc(period_text(row))}</span>'
        f'{veto}<span class="bscore">{number(row.score)}</span>'
        f"{tier_badge(row.tier_name, row.tier_rank)}</summary>",
        '<div class="body">',
        _facts(result, row),
        _dimensions(result),
    ]
    if result.alerts:
        parts.append(
            '<ul class="alerts">'
            + "".join(f"<li>{esc(a.message)}</li>" for a in result.alerts)
            + "</ul>"
        )
    if result.standards:
        parts.append(
            table(
                ["编号", "工作规范", "分值", "得分", "状态"],
                [
                    [
                        esc(s.id),
                        esc(s.name),
                        number(s.points),
                        "—" if s.status == "not_applicable" else number(s.earned),
                        f'<span class="st st-{s.status}">{esc(STATUS[s.status])}</span>',
                    ]
                    for s in result.standards
                ],
                numeric=(2, 3),
                cls="flat",
            )
        )
    parts.append(
        table(
            ["维度", "编号", "规范", "分值", "扣分", "得分", "状态", "说明"],
            list(_norm_rows(result)),
            numeric=(3, 4, 5),
            cls="flat",
        )
    )
    if result.tasks:
        parts.append(
            table(
                ["个性任务", "名称", "分值", "得分", "状态", "计分"],
                [
                    [
                        esc(t.id),
                        esc(t.name),
                        number(t.points),
                        number(t.earned),
                        esc(TASK_STATUS.get(t.status, t.status)),
                        esc(prose.task_rule(t, TASK_STATUS)),
                    ]
                    for t in result.tasks
                ],
                numeric=(2, 3),
                cls="flat",
            )
        )
    parts.append("</div>")
    return "".join(parts)
