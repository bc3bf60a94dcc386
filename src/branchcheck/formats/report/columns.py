"""The report's branch table, described once: every report format renders `BRANCH_COLUMNS`.

A column says where its value comes from (a BranchRow), how it is shown (text, a number),
whether long text may wrap, how wide the spreadsheet makes it, and in which tables it appears.
The terminal, markdown and html tables, the xlsx 各支部 sheet and the csv file all read this
list in its order, so adding a branch-level column is one entry here (and its test).

The csv file is data, not a table to read: there a column is one or more fields with ASCII
names and raw values (`period` is `period_start`, `period_end` and `period`; `tier` is
`tier_id` and `tier_name`).
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass

from ...report.model import RubricSummary
from ...report.rows import BranchRow
from .. import prose
from ..escape import number
from ..labels import RUBRIC

Getter = Callable[[BranchRow], object]


class Show(enum.Enum):
    """When a table has the column."""

    ALWAYS = "always"
    REPEATED = "repeated"  # when a branch has more than one ledger in the table
    MIXED = "mixed"  # when the batch was scored against more than one rubric
    NEVER = "never"


class Kind(enum.Enum):
    TEXT = "text"
    NUMBER = "number"  # right-aligned; `number()` in text, a number in xlsx and csv


@dataclass(frozen=True)
class BranchColumn:
    key: str  # ASCII: the csv field (unless `csv` says otherwise), and how code names it
    label: str  # the Chinese heading
    get: Getter  # the value: str for text, float (or None: blank) for numbers
    kind: Kind = Kind.TEXT
    wrap: bool = True  # False: one line (a period, a date) in the terminal, markdown, html tables
    # Widest the xlsx column is made (characters; a Chinese one counts two); longer text
    # wraps there. The printed columns' caps add up to what prints one A4 page wide at a
    # legible scale (xlsx_sheet.PRINT_WIDTH, which tests/report/test_print.py holds).
    cap: int = 24
    table: Show = Show.ALWAYS  # the terminal, markdown and html branch tables
    sheet: Show = Show.ALWAYS  # the xlsx 各支部 sheet
    csv: tuple[tuple[str, Getter], ...] | None = None  # None: one field, (key, get)
    printed: bool = True  # False: in the xlsx sheet, not on its printed pages (put it last)

    def text(self, row: BranchRow) -> str:
        value = self.get(row)
        if value is None:
            return ""
        if self.kind is Kind.NUMBER and isinstance(value, int | float):
            return number(value)
        return str(value)

    def fields(self) -> tuple[tuple[str, Getter], ...]:
        return ((self.key, self.get),) if self.csv is None else self.csv


def next_tier_text(row: BranchRow) -> str:
    return prose.next_tier_short(row.next_tier, row.short_by, row.next_min_score)


def blockers_text(row: BranchRow) -> str:
    """What blocks the next tier, in words: `否决项N05（按期换届选举）未达标；…`."""
    return "；".join(row.blocker_texts or row.blockers)


def costliest_text(row: BranchRow) -> str:
    return "；".join(prose.costly_text(c.id, c.name, c.lost) for c in row.costliest)


def period_text(row: BranchRow) -> str:
    return prose.period_name(row.start, row.end)


BRANCH_COLUMNS: list[BranchColumn] = [
    BranchColumn("branch_id", "支部编号", lambda r: r.id, wrap=False, cap=12),
    BranchColumn("branch_name", "支部名称", lambda r: r.name, cap=18),
    BranchColumn("parent", "上级组织", lambda r: r.parent, cap=12),
    BranchColumn(
        "period",
        "考核期",
        period_text,
        wrap=False,
        cap=10,  # 2024年度 on one line, 2024年第四季度 on two
        table=Show.REPEATED,
        # The sheet lists every rubric's branches: one may have an annual and a quarterly ledger.
        sheet=Show.ALWAYS,
        csv=(
            ("period_start", lambda r: r.start),
            ("period_end", lambda r: r.end),
            ("period", period_text),
        ),
    ),
    BranchColumn("rubric", RUBRIC, lambda r: r.rubric, cap=14, table=Show.NEVER, sheet=Show.MIXED),
    BranchColumn("score", "得分", lambda r: r.score, Kind.NUMBER, cap=8),
    BranchColumn(
        "tier",
        "等级",
        lambda r: r.tier_name,
        cap=14,
        csv=(("tier_id", lambda r: r.tier_id), ("tier_name", lambda r: r.tier_name)),
    ),
    BranchColumn(
        "vetoes",
        "一票否决",
        lambda r: "、".join(r.vetoes),
        cap=10,
        csv=(("vetoes", lambda r: " ".join(r.vetoes)),),
    ),
    BranchColumn(
        "next_tier",
        "距上一等级",
        next_tier_text,
        cap=14,
        csv=(("next_tier", lambda r: r.next_tier or ""), ("short_by", lambda r: r.short_by)),
    ),
    BranchColumn("blockers", "须先解决", blockers_text, cap=24, csv=()),
    BranchColumn("costliest", "失分最多的规范", costliest_text, cap=24, csv=()),
    BranchColumn(
        "file", "台账文件", lambda r: r.file, cap=30, table=Show.NEVER, csv=(), printed=False
    ),
]


def shown(show: Show, repeated: bool, mixed: bool) -> bool:
    return (
        show is Show.ALWAYS
        or (show is Show.REPEATED and repeated)
        or (show is Show.MIXED and mixed)
    )


def table_columns(group: RubricSummary) -> list[BranchColumn]:
    """The columns of one rubric's branch table (terminal, markdown, html)."""
    return [c for c in BRANCH_COLUMNS if shown(c.table, bool(group.repeated), False)]


def sheet_columns(mixed: bool) -> list[BranchColumn]:
    """The columns of the xlsx 各支部 sheet, which lists every rubric's branches."""
    return [c for c in BRANCH_COLUMNS if shown(c.sheet, True, mixed)]


def csv_fields() -> list[tuple[str, Getter]]:
    return [field for c in BRANCH_COLUMNS for field in c.fields()]
