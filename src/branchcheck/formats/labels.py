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
# A check's window (`per`) as a rule says it: 每月至少召开1次支委会.
PER = {"month": "每月", "quarter": "每季度", "half": "每半年", "year": "每年"}
# The values a rubric writes in English, said in Chinese where one stands alone (the cells of
# `rubrics diff`): scoring, window, and whom a training or talks check covers.
RUBRIC_VALUES = {
    "proportional": "按比例",
    "all_or_nothing": "全有或全无",
    **PER,
    "members": "全体党员",
    "committee": "支委成员",
    "pairs": "三类谈话",
    "secretary": "书记与每名党员",
}
# What a rubric is called wherever one is named (考评情况的通报, not 评估).
RUBRIC = "考评标准"
