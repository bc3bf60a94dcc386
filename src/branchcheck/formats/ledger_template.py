"""A ledger template for one rubric (`branchcheck init`): the data, the notes, the YAML text.

What the rubric reads is said from its checks in one place, formats/rubric_words.py
(`record_text`: which ledger records each norm reads; `check_text`: what it counts). The
template holds one example member (M01) and, when the rubric has 个性任务, one task carrying
its points, so it loads as it is: with warnings for the 情况记录 and 评定 rows not filled in.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from ..loading.workbook_layout import BY_NAME, SHEETS, TICKS
from ..models import checks as c
from ..models.rubric import Rubric
from ..schemas import installed_uri
from .ledger_extras import Extras, period_months
from .rubric_words import check_text, record_text

_PERIOD = re.compile(r"^(\d{4})(?:[Qq]([1-4]))?$")
EXAMPLE_MEMBER = {"id": "M01", "name": "张三", "roles": ["书记"]}
BRANCH_NAME = "请填写支部全称"
TASK_NAME = "请填写个性任务名称"


@dataclass(frozen=True)
class Template:
    data: dict[str, Any]
    extras: Extras
    rubric: Rubric


def parse_period(text: str) -> tuple[dt.date, dt.date] | None:
    """`2025` -> the year; `2025Q1` -> its first quarter; None when neither."""
    match = _PERIOD.match(text.strip())
    if not match or not 1900 <= int(match.group(1)) <= 2199:
        return None
    year = int(match.group(1))
    if match.group(2) is None:
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    quarter = int(match.group(2))
    start = dt.date(year, 3 * quarter - 2, 1)
    after = dt.date(year + 1, 1, 1) if quarter == 4 else dt.date(year, 3 * quarter + 1, 1)
    return start, after - dt.timedelta(days=1)


def build(
    rubric: Rubric, rubric_ref: str, period: tuple[dt.date, dt.date], branch_type: str | None
) -> Template:
    start, end = period
    branch: dict[str, Any] = {"id": "branch-01", "name": BRANCH_NAME}
    if branch_type:
        branch["type"] = branch_type
    data: dict[str, Any] = {
        "format": "branchcheck.ledger/1",
        "rubric": rubric_ref,
        "branch": branch,
        "period": {"start": start, "end": end},
        "members": [dict(EXAMPLE_MEMBER)],
    }
    if rubric.split is not None:
        data["tasks"] = [
            {"id": "T1", "name": TASK_NAME, "points": rubric.split.individual, "status": "open"}
        ]
    facts: dict[str, str] = {}
    examples: dict[str, str] = {}  # a value of the kind the check reads
    rated: dict[str, str] = {}
    for _, norm in rubric.norms:
        if isinstance(norm.check, c.FactCheck):
            check = norm.check
            shown = check.expect if check.expect is not None else None
            if shown is None and check.min is not None:
                shown = f"{check.min:g}"
            examples.setdefault(check.key, shown or ("0.9" if check.share else "值"))
            said = f"{norm.id} {norm.name}：{check_text(norm, rubric)}"
            facts[norm.check.key] = (
                f"{facts[norm.check.key]}；{said}" if norm.check.key in facts else said
            )
        elif isinstance(norm.check, c.RatingCheck):
            rated[norm.id] = f"{norm.name}：{norm.requirement or check_text(norm, rubric)}"
    levels = tuple(
        norm.check.levels or rubric.ratings
        for _, norm in rubric.norms
        if isinstance(norm.check, c.RatingCheck)
    )
    rating_levels = tuple(dict.fromkeys([*rubric.ratings, *(k for lv in levels for k in lv)]))
    extras = Extras(
        event_types=tuple(rubric.events),
        rating_levels=rating_levels,
        notes={"facts": facts, "ratings": rated, "fact_examples": examples},
        months=period_months(start, end),
        instructions=tuple(instructions(rubric, start, end)),
    )
    return Template(data, extras, rubric)


def instructions(rubric: Rubric, start: dt.date, end: dt.date) -> list[tuple[str, str]]:
    """The 说明 sheet: how to fill the workbook, what each sheet proves, what each norm reads."""
    rows = [
        ("台账模板", f"{rubric.name}（{rubric.version}）"),
        ("考核期", f"{start:%Y年%m月%d日}至{end:%Y年%m月%d日}"),
        (
            "怎样填写",
            "每个工作表第一行是表头，请勿改动表头和工作表名称；从第二行起每行一条记录。"
            "党员在各表中可写姓名或编号（重名时写编号）。日期写成 2025-03-01。"
            "填完后运行 branchcheck score 本文件 查看得分。示例党员“张三”请改为本支部党员。",
        ),
        ("会议活动的类型", "、".join(rubric.events) or "（考核规范未列出）"),
        ("参加人员", "写“全体”表示全体党员参加，未到的人写在“缺席人员”；否则逐一写出姓名。"),
        ("党费", f"每名党员一行，每月一列；已交打 {TICKS[0]} 或填交纳日期，未交空着。"),
    ]
    rows += [(f"工作表：{sheet.name}", sheet.proves) for sheet in SHEETS]
    rows.append(("", ""))
    rows.append(("考核规范读取的台账记录", "每条规范按以下记录计分："))
    for _, norm in rubric.norms:
        rows.append((f"{norm.id} {norm.name}", f"{record_text(norm)}。{check_text(norm, rubric)}"))
    return rows


# --- YAML ------------------------------------------------------------------------------------


def yaml_text(template: Template) -> str:
    """The YAML template: every section, with comments saying what each record proves."""
    data, extras, rubric = template.data, template.extras, template.rubric
    start, end = data["period"]["start"], data["period"]["end"]
    branch = data["branch"]
    type_part = f", type: {branch['type']}" if "type" in branch else ""
    out = [
        f"# yaml-language-server: $schema={installed_uri('ledger')}",
        f"# 台账模板：{rubric.name}（{rubric.version}），由 branchcheck init 生成。",
        "# 填好后运行 branchcheck score 本文件；每节上方的注释说明它证明什么。",
        "format: branchcheck.ledger/1",
        f"rubric: {data['rubric']}",
        f"branch: {{id: {branch['id']}, name: {branch['name']}{type_part}}}"
        "   # 支部编号（字母数字）、全称、上级党组织 parent、类型 type",
        f"period: {{start: {start.isoformat()}, end: {end.isoformat()}}}",
        "",
        _comment(BY_NAME["党员"].proves),
        "members:",
        "  - {id: M01, name: 张三, roles: [书记]}   # 示例，请改为本支部党员",
        f"  # - {{id: M02, name: 李四, status: 预备, joined: {start.isoformat()}}}",
        "",
        _comment(BY_NAME["支委会"].proves),
        "# committee: {elected: 2023-06-20, term_years: 3, members: [M01]}",
        "",
        _comment(BY_NAME["会议活动"].proves),
        f"# 类型：{'、'.join(rubric.events)}",
        "events: []   # 每次会议一行：去掉 []，在所在月份下填写",
    ]
    for i, month in enumerate(extras.months):
        year, number = month.split("-")
        out.append(f"  # {year}年{int(number)}月")
        if i == 0:
            kind = rubric.events[0] if rubric.events else "支委会"
            out.append(
                f"  # - {{date: {month}-05, type: {kind}, attendees: all, absent: [],"
                " topics: [议题]}"
            )
    out += [
        "",
        "# 党费交纳：每名党员已交纳的月份（补交、减免等写在 dues_exceptions）。",
        f"# 本期月份：{'、'.join(extras.months)}",
        "dues:",
        "  M01: []   # 已交纳的月份，如 [" + ", ".join(extras.months[:2]) + "]",
        "",
        _comment(BY_NAME["党费特殊情况"].proves),
        "dues_exceptions: []",
        "",
        _comment(BY_NAME["培训"].proves),
        "training: []   # {member: M01, hours: 8, date: ..., title: 培训名称}",
        "",
        _comment(BY_NAME["情况记录"].proves),
        "facts: {}   # 去掉 {}，按下面的事项逐行填写",
    ]
    examples = extras.notes.get("fact_examples", {})
    for key, note in extras.notes.get("facts", {}).items():
        out.append(f"#  {key}: {examples.get(key, '值')}   # {note}")
    out += ["", _comment(BY_NAME["评定"].proves)]
    out.append(f"# 等次：{'、'.join(extras.rating_levels)}")
    out.append("ratings: {}")
    for key, note in extras.notes.get("ratings", {}).items():
        out.append(f"#  {key}: 等次   # {note}")
    out += ["", _comment(BY_NAME["个性任务"].proves)]
    if "tasks" in data:
        task = data["tasks"][0]
        out.append(
            "tasks:   # status: done 已完成 / partial 部分完成 / open 未完成；rating: 评定等次"
        )
        out.append(f"  - {{id: T1, name: {TASK_NAME}, points: {task['points']:g}, status: open}}")
    else:
        out.append("# （本考核规范没有个性任务）")
    out += [
        "",
        _comment(BY_NAME["党小组"].proves),
        "groups: {}   # 第一党小组: [M01, M02]",
        "",
        _comment(BY_NAME["请假"].proves),
        "excused: []   # {member: M02, from: ..., to: ..., reason: 外出流动}",
        "",
    ]
    return "\n".join(out)


def _comment(text: str) -> str:
    return f"# {text}"
