"""`diff` as terminal text, markdown and JSON (`branchcheck.diff/1`)."""

from __future__ import annotations

import json
from typing import Any

from ..archive.diff import Diff, NormChange, NormState, Snapshot
from .base import RenderOptions
from .cycle_doc import Block, to_markdown, to_terminal
from .escape import number
from .labels import STATUS, TASK_STATUS
from .prose import norm_label, period_name

KIND_WORDS = {
    "regressed": "退步（原达标，现未达标）",
    "worse": "失分增加",
    "better": "进步",
    "changed": "状态变化",
    "applicability": "适用情况变化",
    "added": "新增规范项",
    "removed": "已删除规范项",
}
TASK_KEYS = ("earned", "status", "rating")
MOVE_WORDS = {"up": "进位", "down": "退位", "changed": "等级不同"}


def _side(s: Snapshot) -> str:
    return (
        f"{period_name(s.start, s.end)}：{s.score:.2f}分，{s.tier_name}"
        f"（{s.rubric_id} {s.rubric_version}版；{s.source}）"
    )


def _state(state: NormState | None) -> str:
    if state is None:
        return "—"
    if state.status == "not_applicable":
        return STATUS[state.status]
    return f"{STATUS.get(state.status, state.status)} {number(state.earned)}/{number(state.points)}"


def title(diff: Diff) -> str:
    return f"变化对比：{diff.new.name}"


def head_lines(diff: Diff) -> list[str]:
    old, new = diff.old, diff.new
    lines = [f"之前：{_side(old)}", f"现在：{_side(new)}"]
    move = diff.tier_move
    tier = (
        f"等级{MOVE_WORDS[move]}：{old.tier_name}→{new.tier_name}"
        if move
        else f"等级未变（{new.tier_name}）"
    )
    lines.append(f"总分{diff.score_delta:+.2f}；{tier}。")
    lines.append(_parts(old, new))
    gone, came = (
        sorted(set(old.vetoes) - set(new.vetoes)),
        sorted(set(new.vetoes) - set(old.vetoes)),
    )
    if came:
        lines.append(f"新触发否决项：{'、'.join(came)}。")
    if gone:
        lines.append(f"已解除否决项：{'、'.join(gone)}。")
    regressed = sum(c.kind == "regressed" for c in diff.norms)
    lines.append(f"状态或得分变化的规范项{len(diff.norms)}项，其中原达标、现未达标{regressed}项。")
    if old.branch != new.branch:
        lines.append(f"注意：两份结果不是同一支部（{old.name}、{new.name}）。")
    if old.rubric_id != new.rubric_id:
        lines.append("注意：两份结果的评分标准不同，逐项比较仅供参考。")
    elif old.rubric_version != new.rubric_version:
        lines.append(
            f"注意：评分标准版本不同（{old.rubric_version}版→{new.rubric_version}版），"
            "分值变化可能来自标准本身。"
        )
    if (old.start, old.end) != (new.start, new.end) and _length(old) != _length(new):
        lines.append("注意：两个时段长短不同，年度项目等适用情况可能不同。")
    return lines


def _parts(old: Snapshot, new: Snapshot) -> str:
    """Where the total's change comes from: the common part, the tasks, the bonus."""

    def common(s: Snapshot) -> str:
        return f"{number(s.common[0])}/{number(s.common[1])}"

    def tasks(s: Snapshot) -> str:
        return number(round(sum(t[3] for t in s.tasks), 2))

    text = f"共性任务{common(old)}→{common(new)}"
    if old.tasks or new.tasks:
        text += f"，个性任务{tasks(old)}→{tasks(new)}"
    text += f"，加分{number(old.bonus)}→{number(new.bonus)}"
    if old.rescaled or new.rescaled:
        text += "（有不适用项时，共性与个性任务之和按适用分值折算为百分制）"
    return text + "。"


def _length(s: Snapshot) -> str:
    from ..archive.record import cadence, period_label

    return cadence(period_label(s.start, s.end))


def norm_rows(diff: Diff) -> list[list[str]]:
    return [
        [
            KIND_WORDS[c.kind],
            norm_label(c.norm.id, c.norm.name),
            _state(c.old),
            _state(c.new),
            f"{c.delta:+.2f}",
        ]
        for c in diff.norms
    ]


def dimension_rows(diff: Diff) -> list[list[str]]:
    def cell(value: float | None) -> str:
        return "—" if value is None else f"{value:.2f}"

    return [[d.name, cell(d.old), cell(d.new), f"{d.delta:+.2f}"] for d in diff.dimensions]


def task_rows(diff: Diff) -> list[list[str]]:
    def cell(state: tuple[float, str, str | None] | None) -> str:
        if state is None:
            return "—"
        earned, status, rating = state
        rated = f"（{rating}）" if rating else ""
        return f"{TASK_STATUS.get(status, status)}{rated} {number(earned)}"

    return [[t.name, cell(t.old), cell(t.new), f"{t.delta:+.2f}"] for t in diff.tasks]


def blocks(diff: Diff) -> list[Block]:
    return [
        Block(
            f"{diff.new.name}（{diff.new.branch}）",
            head_lines(diff),
            [
                ("规范项变化", ["变化", "规范项", "之前", "现在", "分值变化"], norm_rows(diff)),
                ("个性任务变化", ["任务", "之前", "现在", "变化"], task_rows(diff)),
                ("各维度得分", ["维度", "之前", "现在", "变化"], dimension_rows(diff)),
            ],
        )
    ]


class DiffTerminal:
    def render(self, diff: Diff, options: RenderOptions) -> str:
        return to_terminal(title(diff), blocks(diff), options)


class DiffMarkdown:
    def render(self, diff: Diff, options: RenderOptions) -> str:
        return to_markdown(title(diff), blocks(diff))


def _snapshot(s: Snapshot) -> dict[str, Any]:
    return {
        "source": s.source,
        "branch": {"id": s.branch, "name": s.name},
        "period": {"start": s.start, "end": s.end},
        "rubric": {"id": s.rubric_id, "version": s.rubric_version},
        "score": s.score,
        "tier": {"id": s.tier, "name": s.tier_name},
        "vetoes": list(s.vetoes),
        "common": {"earned": s.common[0], "max": s.common[1]},
        "tasks": round(sum(t[3] for t in s.tasks), 2),
        "bonus": s.bonus,
        "rescaled": s.rescaled,
    }


def _norm(c: NormChange) -> dict[str, Any]:
    def state(n: NormState | None) -> dict[str, Any] | None:
        return None if n is None else {"status": n.status, "earned": n.earned, "points": n.points}

    return {
        "id": c.norm.id,
        "name": c.norm.name,
        "dimension": c.norm.dimension,
        "change": c.kind,
        "old": state(c.old),
        "new": state(c.new),
        "delta": c.delta,
    }


class DiffJson:
    def render(self, diff: Diff, options: RenderOptions) -> str:
        data = {
            "format": "branchcheck.diff/1",
            "old": _snapshot(diff.old),
            "new": _snapshot(diff.new),
            "score_delta": diff.score_delta,
            "tier_move": diff.tier_move,
            "norms": [_norm(c) for c in diff.norms],
            "tasks": [
                {
                    "id": t.id,
                    "name": t.name,
                    "old": None if t.old is None else dict(zip(TASK_KEYS, t.old, strict=True)),
                    "new": None if t.new is None else dict(zip(TASK_KEYS, t.new, strict=True)),
                    "delta": t.delta,
                }
                for t in diff.tasks
            ],
            "dimensions": [
                {"id": d.id, "name": d.name, "old": d.old, "new": d.new, "delta": d.delta}
                for d in diff.dimensions
            ],
        }
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
