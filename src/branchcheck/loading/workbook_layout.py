"""The ledger workbook's layout: which sheet holds which records, and which column which field.

One table, read by the workbook reader (loading/workbook.py) and written by the workbook
writer (formats/ledger_workbook.py) and the templates: a field added to the ledger model is
one `Column(...)` added to its sheet here. Sheet names and headers are what a branch's
组织委员 reads and types; `field` is the ledger key the column fills.

Shapes:
- `pairs`: one row per field, 项目 in column A and 内容 in column B (支部, 支委会);
  `field` is a dotted path from the ledger's top level (`branch.id`, `committee.extension.until`).
- `rows`: a table, one record per row, under the ledger list `Sheet.field`.
- `mapping`: a table whose first column is the key of the mapping `Sheet.field` and whose
  second is its value (情况记录, 评定, 党小组).
- `dues`: the members × months grid of `dues`: a tick or a date where the month was paid.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..models.ledger_followup import RECTIFICATION_SOURCES

Kind = Literal[
    "text",  # text as typed; a number cell becomes its text (编号 1001 -> "1001")
    "date",  # a date cell, or text the model reads as a date (2024/3/1, 2024年3月1日)
    "number",  # a number cell, or text the model reads as one
    "member",  # one member, by 编号 or 姓名 (written as 姓名 when no two members share it)
    "members",  # members separated by 、，, or spaces; in 参加人员, 全体 means everyone
    "lines",  # several texts, one per line in the cell (Alt+Enter): topics may hold 、；
    "words",  # several short texts separated by 、，, or spaces (职务)
    "months",  # months like 2024-03, separated by 、，, or spaces
    "choice",  # one of `choices`; a Chinese word in `words` stands for its value
    "scalar",  # a fact's value: text, a number or TRUE/FALSE, read as the YAML loader reads it
    "note",  # a column for the reader's eyes only (the template's 说明): never read
]
Shape = Literal["pairs", "rows", "mapping", "dues"]

ALL = "全体"  # 参加人员: every member (`attendees: all`)
TICKS = ("✓", "√", "✔", "☑", "已交")  # a paid month in the dues grid (or a date)
UNPAID = ("✗", "×", "未交", "-", "—")  # an unpaid month, written so it is not left blank
BRANCH_TYPE_CHOICES = ("机关", "村", "社区", "企业", "事业", "学校")


@dataclass(frozen=True)
class Column:
    header: str
    field: str | None  # None: a note column (never read)
    kind: Kind = "text"
    width: int = 14
    choices: tuple[str, ...] = ()  # a drop-down of these (the field's own values)
    words: tuple[tuple[str, str], ...] = ()  # (shown word, value): 已完成 -> done
    hint: str = ""  # the 说明 sheet's words for this column

    def shown(self, value: str) -> str:
        """The word written for a choice value (done -> 已完成)."""
        return next((word for word, v in self.words if v == value), value)

    def menu(self) -> tuple[str, ...]:
        """The drop-down's entries: the words where there are words, else the choices."""
        return tuple(word for word, _ in self.words) or self.choices


@dataclass(frozen=True)
class Sheet:
    name: str
    field: str  # the ledger key (top level) the sheet fills; "" for 支部 (several)
    shape: Shape
    columns: tuple[Column, ...]
    proves: str  # what the sheet's records prove, for the 说明 sheet and YAML comments
    optional: bool = True  # a workbook without this sheet is a ledger without these records


MEMBER_STATUS = Column(
    "状态", "status", "choice", 8, choices=("正式", "预备"), hint="正式 或 预备；空着即为正式"
)
TASK_STATUS = Column(
    "完成情况",
    "status",
    "choice",
    10,
    choices=("done", "partial", "open"),
    words=(("已完成", "done"), ("部分完成", "partial"), ("未完成", "open")),
)
DUES_KINDS = ("减免", "代交", "补交", "缓交")
DUES_CATEGORIES = ("在职", "离退休", "研究生", "学生", "下岗失业", "抚恤救济", "低保", "农民")

LAYOUT: tuple[Sheet, ...] = (
    Sheet(
        "支部",
        "",
        "pairs",
        (
            Column("支部编号", "branch.id", hint="英文字母、数字、-、_ 组成，如 lz-fgw-01"),
            Column("支部名称", "branch.name", width=36),
            Column("上级党组织", "branch.parent"),
            Column("支部类型", "branch.type", "choice", choices=BRANCH_TYPE_CHOICES),
            Column("考核规范", "rubric", hint="内置规范编号（如 lanzhou-6543）或规范文件名"),
            Column("考核期开始", "period.start", "date"),
            Column("考核期结束", "period.end", "date"),
        ),
        "支部基本情况和考核期：每项一行，A列为项目，B列为内容。",
        optional=False,
    ),
    Sheet(
        "党员",
        "members",
        "rows",
        (
            Column("编号", "id", width=10, hint="每名党员一个编号，各表可用编号或姓名"),
            Column("姓名", "name", width=10),
            Column("职务", "roles", "words", 16, hint="如 书记、组织委员；多个用顿号分隔"),
            MEMBER_STATUS,
            Column("转入日期", "joined", "date", 12, hint="接收为预备党员或组织关系转入之日"),
            Column("转出日期", "left", "date", 12, hint="组织关系转出之日（最后一天）"),
            Column("党费基数", "dues_base", "number", 10, hint="元：每月计算基数（税后）"),
            Column("党费类别", "dues_category", "choice", 10, choices=DUES_CATEGORIES),
            Column("预备期届满", "probation_until", "date", 12, hint="延长预备期的，填届满之日"),
            Column("失联日期", "lost_contact_since", "date", 12, hint="与党组织失去联系之日"),
        ),
        "党员名册：应到人数、谈心谈话覆盖、党费和学时都按这里的在册党员计算。",
        optional=False,
    ),
    Sheet(
        "支委会",
        "committee",
        "pairs",
        (
            Column("选举日期", "committee.elected", "date"),
            Column(
                "任期（年）", "committee.term_years", "number", hint="空着：村、社区5年，其他3年"
            ),
            Column("委员", "committee.members", "members", 30, hint="姓名或编号，用顿号分隔"),
            Column("延期批准日期", "committee.extension.approved_on", "date"),
            Column("延期至", "committee.extension.until", "date"),
            Column("上届任期届满", "committee.previous_term_end", "date"),
        ),
        "支部委员会的选举和任期：证明按期换届、委员配备。",
    ),
    Sheet(
        "会议活动",
        "events",
        "rows",
        (
            Column("日期", "date", "date", 12),
            Column("类型", "type", width=12, hint="从下拉列表选择，须是考核规范列出的类型"),
            Column("参加人员", "attendees", "members", 24, hint="全体，或姓名（顿号分隔）"),
            Column("缺席人员", "absent", "members", 16, hint="参加人员为全体时，列出未到的人"),
            Column("议题", "topics", "lines", 48, hint="每个议题一行（Alt+Enter 换行）"),
            Column("所属年度", "for_year", "number", 10, hint="次年补开的年度会议，写所属年度"),
            Column("党小组", "group", width=10, hint="党小组会写小组名称"),
            Column("备注", "note", width=20),
        ),
        "三会一课、主题党日、组织生活会、谈心谈话等：每次一行，证明召开频次和到会情况。",
    ),
    Sheet(
        "党费",
        "dues",
        "dues",
        (
            Column("编号", None, width=10),
            Column("姓名", None, width=10),
        ),
        "党费交纳：每名党员一行、每月一列，已交的月份打 ✓ 或填交纳日期，未交的空着。",
    ),
    Sheet(
        "党费特殊情况",
        "dues_exceptions",
        "rows",
        (
            Column("党员", "member", "member", 10),
            Column("月份", "months", "months", 24, hint="如 2024-03；多个用顿号分隔"),
            Column("类型", "kind", "choice", 8, choices=DUES_KINDS),
            Column("交纳日期", "date", "date", 12, hint="补交必填"),
            Column("原因", "reason", width=24),
            Column("批准人", "approved_by", width=12),
        ),
        "党费减免、代交、补交、缓交：这些月份不算漏交或另作说明。",
    ),
    Sheet(
        "培训",
        "training",
        "rows",
        (
            Column("党员", "member", "member", 10),
            Column("学时", "hours", "number", 8),
            Column("日期", "date", "date", 12),
            Column("培训内容", "title", width=36),
        ),
        "党员学习培训：每人每次一行，按人累计学时。",
    ),
    Sheet(
        "情况记录",
        "facts",
        "mapping",
        (
            Column("事项", "key", width=20),
            Column("内容", "value", "scalar", 16, hint="是/否 写 TRUE/FALSE，数量写数字"),
            Column("说明", None, width=60),
        ),
        "考核规范按事项查看的情况：每项一行。",
    ),
    Sheet(
        "评定",
        "ratings",
        "mapping",
        (
            Column("规范编号", "key", width=10),
            Column("等次", "value", "choice", 10),
            Column("考核人", "by", width=16, hint="多名考核人评定时，每人一行"),
            Column("评定日期", "date", "date", 12),
            Column("备注", "note", width=24),
            Column("说明", None, width=60),
        ),
        "由考核人评定等次的规范：每条一行，填评定等次；多名考核人时每人一行并写明考核人。",
    ),
    Sheet(
        "自评",
        "self_ratings",
        "mapping",
        (
            Column("规范编号", "key", width=10),
            Column("等次", "value", "choice", 10),
            Column("说明", None, width=60),
        ),
        "支部自评：与考核人的评定分开记录，每条规范一行。",
    ),
    Sheet(
        "个性任务",
        "tasks",
        "rows",
        (
            Column("编号", "id", width=8),
            Column("任务名称", "name", width=36),
            Column("分值", "points", "number", 8),
            TASK_STATUS,
            Column("评定等次", "rating", "choice", 10),
        ),
        "支部自定的个性任务：分值合计须等于考核规范的个性任务分值。",
    ),
    Sheet(
        "党小组",
        "groups",
        "mapping",
        (
            Column("党小组", "key", width=16),
            Column("成员", "value", "members", 40, hint="姓名或编号，用顿号分隔"),
        ),
        "党小组的划分：每个小组一行。",
    ),
    Sheet(
        "整改",
        "rectifications",
        "rows",
        (
            Column("编号", "id", width=10),
            Column("对应规范", "norm", width=10, hint="考核规范的规范编号，如 N08"),
            Column("发现日期", "found_on", "date", 12),
            Column("来源", "source", "choice", 10, choices=RECTIFICATION_SOURCES),
            Column("问题", "problem", width=36),
            Column("责任人", "owner", width=10, hint="姓名、编号或职务"),
            Column("整改时限", "due", "date", 12),
            Column("销号日期", "done_on", "date", 12, hint="整改完成、销号之日；未完成空着"),
            Column("整改材料", "evidence", width=24),
        ),
        "检查发现的问题及其整改：每项一行，整改完成后填销号日期。",
    ),
    Sheet(
        "积极分子",
        "activists",
        "rows",
        (
            Column("姓名", "name", width=10),
            Column("确定日期", "since", "date", 12, hint="确定为入党积极分子之日"),
            Column(
                "考察日期", "reviews", "words", 24, hint="每半年一次，如 2024-12-10；多个用顿号分隔"
            ),
        ),
        "入党积极分子：确定日期和每半年一次的考察。",
    ),
    Sheet(
        "请假",
        "excused",
        "rows",
        (
            Column("党员", "member", "member", 10),
            Column("开始日期", "from", "date", 12),
            Column("结束日期", "to", "date", 12, hint="空着：至今"),
            Column("原因", "reason", width=30, hint="如 年老体弱、重病、外出流动"),
            Column("批准人", "approved_by", width=12),
        ),
        "经批准免于参加组织生活的党员：这段时间不计入应到人数。",
    ),
)

INSTRUCTIONS = "说明"  # the template's instructions sheet: known, never read


SHEETS = LAYOUT
BY_NAME = {sheet.name: sheet for sheet in SHEETS}
