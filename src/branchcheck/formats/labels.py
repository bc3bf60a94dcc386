"""Chinese labels shown in reports (identifiers stay English in JSON)."""

from __future__ import annotations

STATUS = {
    "met": "达标",
    "partial": "部分达标",
    "missed": "未达标",
    "unrated": "待评定",
    "not_applicable": "不适用",
}
TASK_STATUS = {"done": "已完成", "partial": "部分完成", "open": "未完成"}
SCORING = {"proportional": "按比例", "all_or_nothing": "全部达标得分"}
# What a rubric is called wherever one is named (考评情况的通报, not 评估).
RUBRIC = "考评标准"
