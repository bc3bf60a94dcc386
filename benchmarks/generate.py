"""Deterministic synthetic 台账 (branch ledgers) for benchmarks and tests.

    python benchmarks/generate.py --count 545 --seed 1 --out /tmp/gen545 [--rubric lanzhou-6543]

Writes COUNT full-year ledgers, one YAML file per branch, spread over several parent
organisations (the founding case: 86 市直 units holding 545 branches). The rubric is read with
`branchcheck.load_rubric`, and each ledger holds what the rubric's norms check: meetings for
frequency / count / attendance norms, 谈心谈话 pairs, dues months, training hours, the
committee's election, facts, ratings and (with a `split`) the 个性任务. Quality varies from
branch to branch (three bands, plus occasional expired terms and unpaid dues), so every tier
of the built-in rubrics occurs in a few dozen ledgers.

Same arguments, same bytes: every random draw comes from `random.Random` seeded with a string
built from the seed, the rubric id and the ledger's index; nothing iterates over a set.
Only the standard library and branchcheck are used. Names are invented.
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import random
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from branchcheck import load_rubric
from branchcheck.loading import builtin_rubrics
from branchcheck.models import Rubric

FOUNDING_ORGS, FOUNDING_BRANCHES = 86, 545

# --- calendar ------------------------------------------------------------------------------

HOLIDAYS_2024 = [  # statutory days off in 2024 (国务院办公厅 2023年10月 通知)
    ("2024-01-01", "2024-01-01"),
    ("2024-02-10", "2024-02-17"),
    ("2024-04-04", "2024-04-06"),
    ("2024-05-01", "2024-05-05"),
    ("2024-06-10", "2024-06-10"),
    ("2024-09-15", "2024-09-17"),
    ("2024-10-01", "2024-10-07"),
]
_OFF = {
    dt.date.fromisoformat(a) + dt.timedelta(days=i)
    for a, b in HOLIDAYS_2024
    for i in range((dt.date.fromisoformat(b) - dt.date.fromisoformat(a)).days + 1)
}


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)


def workday(year: int, month: int, day: int) -> dt.date:
    """The first working day on or after `day` in that month (else the last one before it)."""
    last = month_end(year, month)
    start = dt.date(year, month, min(max(day, 1), last.day))
    for step in (1, -1):
        d = start
        while d.month == month:
            if d.weekday() < 5 and d not in _OFF:
                return d
            d += dt.timedelta(days=step)
    return start


def next_workday(day: dt.date) -> dt.date:
    while day.weekday() >= 5 or day in _OFF:
        day += dt.timedelta(days=1)
    return day


@dataclass(frozen=True)
class Window:
    index: int
    start: dt.date
    end: dt.date


def windows(per: str, start: dt.date, end: dt.date) -> list[Window]:
    """Calendar months / quarters / halves / years wholly inside [start, end] (as the engine)."""
    months = {"month": 1, "quarter": 3, "half": 6, "year": 12}[per]
    out: list[Window] = []
    year, month = start.year, 1
    while dt.date(year, month, 1) <= end:
        w_start, w_end = dt.date(year, month, 1), month_end(year, month + months - 1)
        if w_start >= start and w_end <= end:
            out.append(Window(len(out), w_start, w_end))
        month += months
        if month > 12:
            year, month = year + 1, 1
    return out


def ym(day: dt.date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


# --- words ---------------------------------------------------------------------------------

SURNAMES = (
    "王王王李李李张张张刘刘陈陈杨杨赵黄周吴徐孙胡朱高林何郭马马罗梁宋郑谢韩唐冯于董程曹袁邓许"
    "傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹金陆郝孔白崔康毛邱秦史"
    "顾侯邵孟万段雷汤尹常武乔贺龚牛祁安"
)
GIVEN = (
    "建国 建军 建华 志强 志刚 国庆 国栋 海涛 永军 永刚 晓东 晓明 文杰 文斌 俊杰 浩 鹏 磊 伟 强"
    " 军 勇 杰 涛 斌 超 明 刚 平 辉 亮 毅 峰 凯 宁 博 立新 振华 振宇 春生 学文 宏伟 德胜 光明"
    " 永福 天宇 子豪 浩然 宇航 泽宇 一鸣 兴华 守信 国华 丽 静 敏 燕 艳 芳 娟 霞 玲 婷 雪 颖 琳"
    " 莉 慧 倩 洁 蓉 晶 红梅 海燕 秀英 桂兰 丽娟 晓燕 晓红 春燕 雅婷 欣怡 佳怡 思雨 梦瑶 雨婷"
    " 文静 玉兰 玉梅 亚楠 海霞 艳红 晓丽 丽华 丽萍 秀兰 瑞芳 婉婷 梓涵 小兰 金凤 彩霞 兰英"
).split()

FIRST_TOPIC = {  # 支委会 第一议题, by month (2024)
    1: "学习习近平总书记在二十届中央纪委三次全会上的重要讲话精神",
    2: "学习习近平总书记在中央政治局第十一次集体学习时关于发展新质生产力的重要讲话精神",
    3: "学习贯彻全国两会精神",
    4: "学习习近平总书记在新时代推动西部大开发座谈会上的重要讲话精神",
    5: "学习习近平总书记关于党纪学习教育的重要论述",
    6: "学习习近平总书记在宁夏考察时的重要讲话精神",
    7: "学习贯彻党的二十届三中全会精神",
    8: "学习《中共中央关于进一步全面深化改革、推进中国式现代化的决定》",
    9: "学习习近平总书记在甘肃考察时的重要讲话精神",
    10: "学习习近平总书记在庆祝中华人民共和国成立75周年招待会上的重要讲话精神",
    11: "学习习近平总书记关于全面深化改革的重要论述",
    12: "学习贯彻中央经济工作会议精神",
}
COMMITTEE_BUSINESS = {
    1: "研究制定2024年度支部工作要点",
    2: "研究全年党员学习计划",
    3: "研究发展党员年度计划",
    4: "研究党纪学习教育实施方案",
    5: "研究党纪学习教育读书班安排",
    6: "研究“七一”主题党日活动方案",
    7: "研究上半年工作总结和下半年安排",
    8: "研究学习贯彻三中全会精神的具体安排",
    9: "研究第三季度“四互”考评迎检工作",
    10: "研究党员教育培训学时完成情况",
    11: "研究年度党建述职评议准备工作",
    12: "研究年度组织生活会和民主评议党员方案",
}
STUDY = {  # 理论学习 / 党小组会
    1: "学习《中国共产党章程》",
    2: "学习《习近平新时代中国特色社会主义思想学习纲要（2023年版）》",
    3: "学习2024年《政府工作报告》",
    4: "学习《中国共产党纪律处分条例》总则",
    5: "学习《中国共产党纪律处分条例》分则",
    6: "学习《习近平著作选读》第一卷有关篇目",
    7: "学习党的二十届三中全会公报",
    8: "学习《中共中央关于进一步全面深化改革、推进中国式现代化的决定》",
    9: "学习习近平总书记视察甘肃重要讲话精神",
    10: "学习《中国共产党党员教育管理工作条例》",
    11: "学习《习近平谈治国理政》第四卷有关篇目",
    12: "学习中央经济工作会议精神",
}
PARTY_DAY = {  # 主题党日
    1: "新春走访慰问困难党员和老党员",
    2: "“新春话发展”座谈交流",
    3: "学雷锋志愿服务进社区",
    4: "清明节到华林山烈士陵园缅怀革命先烈",
    5: "党纪学习教育警示教育（观看警示教育片）",
    6: "到八路军兰州办事处纪念馆开展党性教育",
    7: "庆祝建党103周年重温入党誓词",
    8: "到联系社区开展“双报到”志愿服务",
    9: "全民国防教育日主题学习",
    10: "学习宣传习近平总书记视察甘肃重要讲话精神",
    11: "走进企业开展惠企政策宣讲",
    12: "国家宪法日集中学习宪法",
}
ASSEMBLY = {  # 党员大会, by quarter
    1: "传达学习全国两会精神；通报2023年度党费收缴使用情况",
    2: "党纪学习教育专题学习；通报上半年支部工作",
    3: "传达学习党的二十届三中全会精神",
    4: "审议支部2024年度工作总结；通报党费收缴情况",
}
ADMISSION = "讨论接收{name}为中共预备党员"
LECTURE = {  # 党课, by quarter
    1: "书记讲党课：以高质量党建引领高质量发展",
    2: "党纪学习教育专题党课：学纪、知纪、明纪、守纪",
    3: "专题党课：深入学习贯彻党的二十届三中全会精神",
    4: "党课：弘扬伟大建党精神，践行初心使命",
}
LIFE_MEETING_EARLY = "2023年度组织生活会（主题教育专题组织生活会）：对照检查，开展批评和自我批评"
LIFE_MEETING_LATE = "2024年度组织生活会：对照检查，开展批评和自我批评"
REVIEW_EARLY = "2023年度民主评议党员：个人自评、党员互评、民主测评"
REVIEW_LATE = "2024年度民主评议党员：个人自评、党员互评、民主测评"
TOPIC_PHRASES = {  # wording for a topic keyword a rubric asks for
    "第一议题": "第一议题：{study}",
    "开放式": "开放式主题党日：邀请服务对象和群众代表参加，征求意见建议",
}
TASKS = [
    "打造“{short}先锋”党建品牌",
    "“党建+业务”深度融合",
    "创建模范机关",
    "“双报到”社区志愿服务",
    "“我为群众办实事”实践活动",
    "清廉机关建设",
    "党员先锋岗创建",
    "青年理论学习小组建设",
    "与联系社区党组织结对共建",
    "优化营商环境作风建设",
]
UNITS = [  # (name, short name for brands, small unit -> 党总支)
    ("市委办公室", "市委办", False),
    ("市人大常委会办公厅", "人大", False),
    ("市政府办公室", "政府办", False),
    ("市政协办公厅", "政协", False),
    ("市纪委监委机关", "纪检", False),
    ("市委组织部", "组工", False),
    ("市委宣传部", "宣传", False),
    ("市委统战部", "统战", False),
    ("市委政法委", "政法", False),
    ("市委政策研究室", "政研", True),
    ("市委网信办", "网信", True),
    ("市委编办", "编办", True),
    ("市直机关工委", "工委", True),
    ("市委老干部局", "老干", True),
    ("市委党校", "党校", False),
    ("市委党史研究室", "党史", True),
    ("市委机要保密局", "机要", True),
    ("市委巡察办", "巡察", True),
    ("市委台办", "台办", True),
    ("市中级人民法院", "法院", False),
    ("市人民检察院", "检察", False),
    ("市发展和改革委员会", "发改", False),
    ("市教育局", "教育", False),
    ("市科技局", "科技", False),
    ("市工业和信息化局", "工信", False),
    ("市民族宗教事务委员会", "民宗", True),
    ("市公安局", "公安", False),
    ("市民政局", "民政", False),
    ("市司法局", "司法", False),
    ("市财政局", "财政", False),
    ("市人力资源和社会保障局", "人社", False),
    ("市自然资源局", "自然资源", False),
    ("市生态环境局", "生态环境", False),
    ("市住房和城乡建设局", "住建", False),
    ("市城市管理委员会", "城管", False),
    ("市交通运输局", "交通", False),
    ("市水务局", "水务", False),
    ("市农业农村局", "农业", False),
    ("市商务局", "商务", False),
    ("市文化和旅游局", "文旅", False),
    ("市卫生健康委员会", "卫健", False),
    ("市退役军人事务局", "退役军人", True),
    ("市应急管理局", "应急", False),
    ("市审计局", "审计", False),
    ("市外事办公室", "外事", True),
    ("市国资委", "国资", False),
    ("市市场监督管理局", "市场监管", False),
    ("市体育局", "体育", True),
    ("市统计局", "统计", False),
    ("市医疗保障局", "医保", False),
    ("市林业局", "林业", False),
    ("市信访局", "信访", True),
    ("市机关事务管理局", "机关事务", False),
    ("市政务服务中心", "政务服务", False),
    ("市投资促进局", "投促", True),
    ("市人防办", "人防", True),
    ("市地方金融监督管理局", "金融", True),
    ("市供销社", "供销", True),
    ("市总工会", "工会", False),
    ("团市委", "青年", True),
    ("市妇联", "巾帼", True),
    ("市科协", "科协", True),
    ("市文联", "文联", True),
    ("市社科联", "社科", True),
    ("市残联", "残联", True),
    ("市工商联", "工商联", True),
    ("市红十字会", "红会", True),
    ("市侨联", "侨联", True),
    ("市贸促会", "贸促", True),
    ("市档案馆", "档案", True),
    ("市地方志办公室", "方志", True),
    ("兰州日报社", "报业", False),
    ("市广播电视台", "广电", False),
    ("市公共资源交易中心", "交易", True),
    ("市住房公积金管理中心", "公积金", False),
    ("市城市规划设计研究院", "规划", False),
    ("市疾病预防控制中心", "疾控", False),
    ("市第一人民医院", "一院", False),
    ("市第二人民医院", "二院", False),
    ("市图书馆", "图书馆", True),
    ("市博物馆", "博物馆", True),
    ("市急救中心", "急救", True),
    ("市粮食和物资储备中心", "粮储", True),
    ("市公路事业发展中心", "公路", False),
    ("市大数据中心", "数据", True),
    ("市委社会工作部", "社工", True),
]
OFFICES = [
    "办公室",
    "综合处",
    "政策法规处",
    "规划财务处",
    "人事处",
    "督查室",
    "信息中心",
    "机关服务中心",
    "执法支队",
    "审批服务处",
    "宣传教育处",
    "监督检查处",
    "项目管理处",
    "统计分析处",
    "安全监管处",
    "科技信息处",
]
ORDINALS = "一二三四五六七八九十"

# --- YAML output ---------------------------------------------------------------------------

_SPECIAL = re.compile(r"[,\[\]{}#&*!|>'\"%@`:?]|^[-\s]|\s$")
_TYPED = re.compile(
    r"^(?:[-+]?[\d.]+(?:[eE][-+]?\d+)?|0[xob]\w*|\d{4}-\d\d-\d\d.*|~|null|true|false|yes|no|on|off|y|n)$",
    re.IGNORECASE,
)


def scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value)
    if not text or _SPECIAL.search(text) or _TYPED.match(text):
        return "'" + text.replace("'", "''") + "'"
    return text


def flow(value: Any) -> str:
    """A YAML flow node: {k: v, ...}, [a, b] or a scalar."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(flow(v) for v in value) + "]"
    return scalar(value)


# --- the plan of one ledger ----------------------------------------------------------------


@dataclass
class Person:
    id: str
    name: str
    roles: list[str] = field(default_factory=list)
    status: str = "正式"
    joined: dt.date | None = None
    left: dt.date | None = None
    note: str | None = None  # a YAML comment after the member's line

    def active_on(self, day: dt.date) -> bool:
        started = self.joined is None or self.joined <= day
        return started and (self.left is None or day <= self.left)


@dataclass
class Plan:
    """Everything a ledger says, before dates and lists are laid out by `render`.

    Shortfalls are named explicitly, so hand-written examples and random ledgers share one
    renderer: `missing[type]` window indexes without that meeting, `topic_missing[(type,
    keyword)]` windows whose meeting lacks the keyword, `low_attendance[type]` meeting ordinals
    under the rate, members without talks or short of training hours, unpaid months.
    """

    rubric: Rubric
    rubric_ref: str
    branch_id: str
    name: str
    parent: str
    start: dt.date
    end: dt.date
    members: list[Person]
    seed: str
    committee: list[str] = field(default_factory=list)
    elected: dt.date | None = None
    term_years: int | None = 3
    groups: list[list[str]] = field(default_factory=list)
    party_day: int = 15
    life_meeting_month: int = 12
    missing: dict[str, set[int]] = field(default_factory=dict)
    topic_missing: dict[tuple[str, str], set[int]] = field(default_factory=dict)
    count_short: dict[str, int] = field(default_factory=dict)
    low_attendance: dict[str, set[int]] = field(default_factory=dict)
    talk_missing: set[str] = field(default_factory=set)
    training_short: set[str] = field(default_factory=set)
    dues_unpaid: dict[str, set[str]] = field(default_factory=dict)
    facts: dict[str, Any] = field(default_factory=dict)
    ratings: dict[str, str] = field(default_factory=dict)
    tasks: list[dict[str, Any]] = field(default_factory=list)
    header: list[str] = field(default_factory=list)
    comments: dict[str, str] = field(default_factory=dict)  # section -> comment line above it
    notes: dict[str, str] = field(default_factory=dict)  # "dues:M07", "fact:KEY" -> line comment
    month_notes: dict[int, str] = field(default_factory=dict)  # month -> note on its header
    clip: tuple[dt.date, dt.date] | None = None  # write only this part of the year (a quarter)
    topics: dict[tuple[str, int], str] = field(default_factory=dict)  # (type, month) -> topic
    titles: dict[str, str] = field(default_factory=dict)  # training title -> local wording


DEFAULT_SCHEDULE = {  # event type -> per, when the rubric names the type but asks no frequency
    "支委会": "month",
    "理论学习": "month",
    "主题党日": "month",
    "党员大会": "quarter",
    "党课": "quarter",
    "组织生活会": "year",
    "民主评议党员": "year",
}
_FINER = ["month", "quarter", "half", "year"]


def norms_of(rubric: Rubric, kind: str) -> list[Any]:
    return [norm for _, norm in rubric.norms if norm.check.kind == kind]


def schedule(plan: Plan) -> dict[str, tuple[str, int]]:
    """Event type -> (per, min) from the rubric's frequency norms and the usual calendar."""
    out: dict[str, tuple[str, int]] = {}
    for t in plan.rubric.events:
        if t in DEFAULT_SCHEDULE:
            out[t] = (DEFAULT_SCHEDULE[t], 1)
    for norm in norms_of(plan.rubric, "frequency"):
        if len(norm.check.event) != 1:
            continue  # "any of these" norms are met by the others
        t, per, k = norm.check.event[0], norm.check.per, norm.check.min
        old_per, old_min = out.get(t, ("year", 0))
        if _FINER.index(per) < _FINER.index(old_per):
            out[t] = (per, max(k, 1))
        elif per == old_per:
            out[t] = (per, max(k, old_min))
    if len(plan.committee) < 3:
        out.pop("支委会", None)  # a branch with a secretary only holds no committee meetings
    if not plan.groups:
        out.pop("党小组会", None)
    elif "党小组会" in plan.rubric.events:
        out["党小组会"] = ("month", 1)
    return out


def _topic_text(keyword: str, month: int) -> str:
    phrase = TOPIC_PHRASES.get(keyword, keyword + "：{study}")
    return phrase.format(study=FIRST_TOPIC[month])


class Renderer:
    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.rng = random.Random(plan.seed + "/render")
        self.events: list[dict[str, Any]] = []
        self.by_id = {m.id: m for m in plan.members}

    def active(self, day: dt.date) -> list[Person]:
        return [m for m in self.plan.members if m.active_on(day)]

    # events ------------------------------------------------------------------------------
    def meetings(self) -> None:
        plan = self.plan
        keywords: dict[str, list[str]] = {}  # event type -> topic words its frequency norms need
        for norm in norms_of(plan.rubric, "frequency"):
            if norm.check.topic and len(norm.check.event) == 1:
                keywords.setdefault(norm.check.event[0], []).append(norm.check.topic)
        for t, (per, k) in schedule(plan).items():
            for w in windows(per, plan.start, plan.end):
                if w.index in plan.missing.get(t, set()):
                    continue
                for n in range(k):
                    for day, attendees, topics in self.one(t, per, w, n):
                        for kw in keywords.get(t, []):
                            if w.index not in plan.topic_missing.get((t, kw), set()):
                                topics.insert(0, _topic_text(kw, day.month))
                        self.add(day, t, attendees, topics)
        self.count_norms()

    def count_norms(self) -> None:
        """Count norms: mark (or add) enough events of the type, less any planned shortfall."""
        plan = self.plan
        months = [5, 10, 8, 11, 6, 9, 4, 3, 7, 12, 2, 1]
        for norm in norms_of(plan.rubric, "count"):
            kw = norm.check.topic
            want = norm.check.min - plan.count_short.get(norm.id, 0)
            same = [e for e in self.events if e["type"] in norm.check.event]
            have = [e for e in same if not kw or any(kw in x for x in e.get("topics", ()))]
            marked = {id(e) for e in have}
            others = [e for e in same if id(e) not in marked]
            others.sort(key=lambda e: months.index(e["date"].month))
            while kw and len(have) < want and others:
                event = others.pop(0)
                event.setdefault("topics", []).insert(0, _topic_text(kw, event["date"].month))
                have.append(event)
            for month in months:
                if len(have) >= want:
                    break
                day = workday(plan.start.year, month, 22)
                if plan.start <= day <= plan.end:
                    topics = [_topic_text(kw, month)] if kw else [PARTY_DAY[month]]
                    have.append(self.add(day, norm.check.event[0], "all", topics))

    def one(self, t: str, per: str, w: Window, n: int) -> list[tuple[dt.date, Any, list[str]]]:
        """Date, attendees and topics of the n-th `t` meeting in window w."""
        plan, rng = self.plan, self.rng
        year, first = w.start.year, w.start.month
        span = (w.end.year - year) * 12 + w.end.month - first + 1
        month = first + (span - 1 if t == "党员大会" else span // 2 if t == "党课" else 0)
        if t == "组织生活会":
            month = plan.life_meeting_month
        quarter = (month - 1) // 3 + 1
        if t == "支委会":
            day = workday(year, month, rng.randint(3, 9) + 10 * n)
            members = [m for m in plan.committee if self.by_id[m].active_on(day)]
            if len(members) > 3 and rng.random() < 0.15:
                members.pop(rng.randrange(1, len(members)))
            return [(day, members, [plan.topics.get((t, month), COMMITTEE_BUSINESS[month])])]
        if t == "党小组会":
            out = []
            for g, group in enumerate(plan.groups):
                day = workday(year, month, 17 + 2 * g + 10 * n)
                present = [m for m in group if self.by_id[m].active_on(day)]
                out.append((day, present, [f"第{ORDINALS[g]}党小组：{STUDY[month]}"]))
            return out
        topics_by_type = {
            "理论学习": STUDY[month],
            "主题党日": PARTY_DAY[month],
            "党员大会": ASSEMBLY[quarter],
            "党课": LECTURE[quarter],
        }
        days = {"理论学习": 24, "主题党日": plan.party_day, "党员大会": 26, "党课": 12}
        if t in ("组织生活会", "民主评议党员"):
            day = self.life_day(year)
            early = plan.life_meeting_month <= 3
            if t == "民主评议党员":
                day = next_workday(day + dt.timedelta(days=1))
                return [(day, "all", [REVIEW_EARLY if early else REVIEW_LATE])]
            return [(day, "all", [LIFE_MEETING_EARLY if early else LIFE_MEETING_LATE])]
        topic = plan.topics.get((t, month), topics_by_type.get(t, f"{t}（{month}月）"))
        day = workday(year, month, days.get(t, 18) + 7 * n)
        if t == "党员大会":
            joining = [
                m
                for m in plan.members
                if m.status == "预备"
                and m.joined
                and m.joined.year == year
                and (m.joined.month - 1) // 3 + 1 == quarter
            ]
            if joining:
                day = joining[0].joined
                topic = ADMISSION.format(name=joining[0].name)
        return [(day, "all", [topic])]

    def life_day(self, year: int) -> dt.date:
        month = self.plan.life_meeting_month
        return workday(year, month, {1: 25, 2: 5, 12: 20}.get(month, 15))

    def add(self, day: dt.date, t: str, attendees: Any, topics: list[str]) -> dict[str, Any]:
        event: dict[str, Any] = {"date": day, "type": t, "attendees": attendees}
        if attendees == "all":
            event["absent"] = []
        if topics:
            event["topics"] = topics
        self.events.append(event)
        return event

    def absences(self) -> None:
        """Absent lists for `all` meetings: under the rate where planned, a few otherwise."""
        plan, rng = self.plan, self.rng
        rates = {}
        for norm in norms_of(plan.rubric, "attendance"):
            for t in norm.check.event:
                rates[t] = max(rates.get(t, 0.0), norm.check.min_rate)
        seen: dict[str, int] = {}
        for event in sorted(self.events, key=lambda e: e["date"]):
            if event["attendees"] != "all":
                continue
            t = event["type"]
            ordinal = seen.get(t, 0)
            seen[t] = ordinal + 1
            active = self.active(event["date"])
            pool = [m.id for m in active if m.id not in plan.committee[:1]]
            n = len(active)
            if t in rates:
                allowed = int(n * (1 - rates[t]) + 1e-9)
                if ordinal in plan.low_attendance.get(t, set()):
                    count = min(allowed + 1 + rng.randint(0, max(n // 10, 1)), len(pool))
                else:
                    count = rng.randint(0, min(allowed, 3))
            else:
                count = rng.randint(0, min(max(n // 8, 0), 3))
            event["absent"] = sorted(rng.sample(pool, count), key=_id_key)

    def talks(self) -> None:
        plan, rng = self.plan, self.rng
        for norm in norms_of(plan.rubric, "talks"):
            t = norm.check.event[0]
            for year_w in windows("year", plan.start, plan.end):
                people = [m for m in plan.members if m.active_on(year_w.end)]
                leaders = [m.id for m in people if m.id in plan.committee] or [people[0].id]
                late = plan.life_meeting_month == 12
                months = [10, 11, 12] if late else [1, 2]
                for round_no in range(norm.check.min):
                    pairs: list[tuple[str, str]] = []
                    head = leaders[0]
                    for other in leaders[1:]:
                        pairs.append((head, other))
                    others = [m.id for m in people if m.id not in leaders]
                    for i, mid in enumerate(others):
                        pairs.append((leaders[i % len(leaders)], mid))
                    for a, b in pairs:
                        if a in plan.talk_missing or b in plan.talk_missing:
                            continue
                        joined = max(
                            (d for d in (self.by_id[a].joined, self.by_id[b].joined) if d),
                            default=year_w.start,
                        )
                        month = months[rng.randrange(len(months))] if round_no == 0 else 6
                        day = workday(year_w.start.year, month, rng.randint(2, 26))
                        if day < joined:
                            day = next_workday(joined + dt.timedelta(days=rng.randint(5, 20)))
                        self.events.append({"date": day, "type": t, "attendees": [a, b]})

    # records -----------------------------------------------------------------------------
    def training(self) -> list[dict[str, Any]]:
        plan, rng = self.plan, self.rng
        checks = norms_of(plan.rubric, "training")
        if not checks:
            return []
        hours = math.ceil(max(n.check.hours for n in checks))
        out = []
        for year_w in windows("year", plan.start, plan.end):
            y = year_w.start.year
            batches = [workday(y, 4, rng.randint(8, 12)), workday(y, 5, rng.randint(6, 10))]
            reading = workday(y, 5, rng.randint(20, 24))
            plenum = workday(y, 9, rng.randint(2, 12)) if rng.random() < 0.5 else None
            for i, m in enumerate(plan.members):
                if not (m.active_on(year_w.start) or m.active_on(year_w.end)):
                    continue
                courses = [
                    (batches[i % 2], 24, f"市直机关党员干部集中轮训（第{ORDINALS[i % 2]}期）"),
                    (reading, 8, "党纪学习教育专题读书班"),
                ]
                if plenum:
                    courses.append((plenum, 6, "二十届三中全会精神专题培训"))
                if m.id in plan.committee:
                    courses.append((workday(y, 6, 17), 24, "基层党组织书记和委员示范培训班"))
                kept = [c for c in courses if m.active_on(c[0])]
                if m.id in plan.training_short:
                    target = rng.randint(hours * 2 // 5, max(hours - 4, hours * 2 // 5))
                    while kept and sum(c[1] for c in kept) > target:
                        kept.remove(max(kept, key=lambda c: c[1]))
                    online = target - sum(c[1] for c in kept)
                else:
                    online = max(hours - sum(c[1] for c in kept), 0) + rng.choice([0, 2, 4, 6, 8])
                if online > 0:
                    day = m.left if m.left and m.left < year_w.end else workday(y, 12, 16)
                    kept.append((day, online, "网络学院在线学习（全年累计）"))
                for day, h, title in kept:
                    if m.active_on(day):
                        base, mark, rest = title.partition("（")
                        title = plan.titles.get(base, base) + mark + rest
                        out.append({"member": m.id, "hours": h, "date": day, "title": title})
        out.sort(key=lambda r: (r["date"], _id_key(r["member"]), r["title"]))
        return out

    def dues(self) -> dict[str, list[str]]:
        plan = self.plan
        if not norms_of(plan.rubric, "dues"):
            return {}
        out = {}
        for m in plan.members:
            months = []
            for w in windows("month", plan.start, plan.end):
                due = (
                    m.active_on(w.start)
                    or m.active_on(w.end)
                    or (m.joined is not None and w.start <= m.joined <= w.end)
                )
                if due and ym(w.start) not in plan.dues_unpaid.get(m.id, set()):
                    months.append(ym(w.start))
            if months:
                out[m.id] = months
        return out

    # the file ----------------------------------------------------------------------------
    def text(self) -> str:
        plan = self.plan
        self.meetings()
        self.talks()
        self.absences()
        lo, hi = plan.clip or (plan.start, plan.end)
        training = [r for r in self.training() if lo <= r["date"] <= hi]
        dues = {
            mid: kept
            for mid, months in self.dues().items()
            if (kept := [x for x in months if ym(lo) <= x <= ym(hi)])
        }
        events = [e for e in self.events if lo <= e["date"] <= hi]
        members = [
            m
            for m in plan.members
            if (m.left is None or m.left >= lo) and (m.joined is None or m.joined <= hi)
        ]
        note = plan.notes.get
        lines = [f"# {h}" if h else "#" for h in plan.header]
        lines += [
            "format: branchcheck.ledger/1",
            f"rubric: {scalar(plan.rubric_ref)}",
            "branch: " + flow({"id": plan.branch_id, "name": plan.name, "parent": plan.parent}),
            "period: " + flow({"start": lo, "end": hi}),
        ]
        lines += self.section("members")
        for m in members:
            item: dict[str, Any] = {"id": m.id, "name": m.name}
            if m.roles:
                item["roles"] = m.roles
            if m.status != "正式":
                item["status"] = m.status
            if m.joined:
                item["joined"] = m.joined
            if m.left:
                item["left"] = m.left
            lines.append(_commented("  - " + flow(item), m.note))
        if plan.elected:
            committee: dict[str, Any] = {"elected": plan.elected}
            if plan.term_years:
                committee["term_years"] = plan.term_years
            committee["members"] = plan.committee
            lines += self.section("committee", inline=flow(committee))
        lines += self.section("events")
        month = None
        for event in sorted(events, key=lambda e: (e["date"], _TYPE_ORDER.get(e["type"], 99))):
            if event["date"].month != month:
                month = event["date"].month
                header = f"  # {event['date'].year}年{month}月"
                lines.append(
                    header + (f"：{plan.month_notes[month]}" if month in plan.month_notes else "")
                )
            if event.get("absent") == []:
                del event["absent"]
            lines.append("  - " + flow(event))
        if dues:
            lines += self.section("dues")
            lines += [
                _commented(f"  {mid}: {flow(ms)}", note(f"dues:{mid}")) for mid, ms in dues.items()
            ]
        if training:
            lines += self.section("training")
            lines += ["  - " + flow(r) for r in training]
        if plan.facts:
            lines += self.section("facts")
            lines += [
                _commented(f"  {scalar(k)}: {scalar(v)}", note(f"fact:{k}"))
                for k, v in plan.facts.items()
            ]
        if plan.ratings:
            lines += self.section("ratings", inline=flow(plan.ratings))
        if plan.tasks:
            lines += self.section("tasks")
            lines += ["  - " + flow(t) for t in plan.tasks]
        return "\n".join(lines) + "\n"

    def section(self, key: str, inline: str | None = None) -> list[str]:
        out = []
        if key in self.plan.comments:
            out.append(f"# {self.plan.comments[key]}")
        out.append(f"{key}: {inline}" if inline is not None else f"{key}:")
        return out


_TYPE_ORDER = {
    t: i
    for i, t in enumerate(
        [
            "支委会",
            "党员大会",
            "党小组会",
            "党课",
            "理论学习",
            "主题党日",
            "组织生活会",
            "民主评议党员",
            "谈心谈话",
        ]
    )
}


def _commented(line: str, comment: str | None) -> str:
    return f"{line}   # {comment}" if comment else line


def _id_key(member_id: str) -> tuple[int, str]:
    digits = "".join(c for c in member_id if c.isdigit())
    return (int(digits) if digits else 0, member_id)


def render(plan: Plan) -> str:
    return Renderer(plan).text()


# --- random plans --------------------------------------------------------------------------

BANDS = [  # name, share of branches, q (how often a duty is done), rating / task weights
    ("high", 0.26, (0.975, 1.0)),
    ("mid", 0.47, (0.90, 0.96)),
    ("low", 0.20, (0.74, 0.88)),
    ("poor", 0.07, (0.50, 0.72)),
]


def person_names(rng: random.Random, count: int) -> list[str]:
    names: list[str] = []
    while len(names) < count:
        name = rng.choice(SURNAMES) + rng.choice(GIVEN)
        if name not in names:
            names.append(name)
    return names


def random_date(rng: random.Random, first: dt.date, last: dt.date) -> dt.date:
    return first + dt.timedelta(days=rng.randint(0, max((last - first).days, 0)))


def structure_threshold(rubric: Rubric) -> int:
    found = [n.check.committee_at for n in norms_of(rubric, "structure")]
    return min(found) if found else 7


def random_plan(
    rubric: Rubric,
    rubric_ref: str,
    seed: int,
    index: int,
    unit: tuple[str, str, bool],
    org_no: int,
    branch_no: int,
    branch_name: str,
    year: int,
) -> Plan:
    key = f"branchcheck-generate/{seed}/{rubric.id}/{index}"
    rng = random.Random(key)
    band, _, (q_lo, q_hi) = _pick_band(rng)
    q = rng.uniform(q_lo, q_hi)
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    retired = branch_name.startswith("离退休")
    size = rng.randint(22, 45) if retired else int(min(max(rng.gauss(26, 10), 4), 50))
    if rng.random() < 0.08:
        size = rng.randint(4, 6)
    names = person_names(rng, size)
    members = [Person(f"M{i + 1:02d}", names[i]) for i in range(size)]

    # movements: the committee (first five) never leaves; others may join or leave mid-year
    movable = members[5:] if size > 8 else []
    rng.shuffle(movable)
    moves = movable[: rng.choice([0, 0, 1, 1, 2, 3])]
    for m in moves:
        if rng.random() < 0.5:
            m.left = random_date(rng, dt.date(year, 2, 1), dt.date(year, 11, 30))
        else:
            m.joined = random_date(rng, dt.date(year, 2, 1), dt.date(year, 10, 31))
    if size > 5 and rng.random() < 0.3 and not retired:
        probationer = next((m for m in reversed(members) if m.left is None), None)
        if probationer is not None:
            probationer.status = "预备"
            probationer.joined = next_workday(
                probationer.joined or random_date(rng, dt.date(year, 1, 8), dt.date(year, 9, 30))
            )
    full_end = sum(1 for m in members if m.status == "正式" and m.active_on(end))
    plan = Plan(
        rubric=rubric,
        rubric_ref=rubric_ref,
        branch_id=f"lz-{org_no:03d}-{branch_no:02d}",
        name=unit[0] + branch_name,
        parent=unit[0] + ("机关党总支" if unit[2] else "机关党委"),
        start=start,
        end=end,
        members=members,
        seed=key,
        party_day=rng.choice([5, 8, 10, 12, 15, 18, 20]),
        life_meeting_month=rng.choice([1, 2, 2, 12, 12]),
    )
    plan.header = [
        f"{plan.name} {year}年度党建工作台账（合成数据，人员均为虚构）",
        f"由 benchmarks/generate.py 生成：seed {seed}，第{index + 1}份，评分标准 {rubric.id}",
    ]
    if full_end >= structure_threshold(rubric):
        k = 5 if full_end >= 15 else 3
        roles = (
            [["书记"], ["副书记"], ["组织委员"], ["宣传委员"], ["纪检委员"]]
            if k == 5
            else [["书记"], ["组织委员"], ["宣传委员", "纪检委员"]]
        )
        for m, r in zip(members[:k], roles, strict=True):
            m.roles = list(r)
        plan.committee = [m.id for m in members[:k]]
        if q < 0.8 and rng.random() < 0.3:  # a post left vacant after a transfer
            vacated = members[k - 1]
            vacated.left = random_date(rng, dt.date(year, 5, 1), dt.date(year, 11, 30))
            vacated.note = "调离，职务空缺未补选"
    else:
        members[0].roles = ["书记"]
        plan.committee = [members[0].id]
    years = next((n.check.years for n in norms_of(rubric, "term") if n.check.years), 3)
    if rng.random() < {"high": 0.01, "mid": 0.03, "low": 0.1, "poor": 0.3}[band]:
        plan.elected = end.replace(year=end.year - years) - dt.timedelta(days=rng.randint(20, 500))
    else:
        first_valid = end.replace(year=end.year - years) + dt.timedelta(days=1)
        plan.elected = next_workday(random_date(rng, first_valid, dt.date(year, 11, 30)))
    if size >= 24:
        ordinary = [m.id for m in members if m.id not in plan.committee]
        n_groups = 3 if size >= 36 else 2
        plan.groups = [ordinary[g::n_groups] for g in range(n_groups)]
        for g in plan.groups:
            next(m for m in members if m.id == g[0]).roles.append("党小组长")

    def miss(p: float) -> bool:
        return rng.random() < p

    lack = 1 - q
    sched = schedule(plan)
    factor = {
        "支委会": 1.2,
        "理论学习": 1.0,
        "主题党日": 0.6,
        "党员大会": 0.8,
        "党课": 1.5,
        "组织生活会": 0.4,
        "民主评议党员": 0.4,
        "党小组会": 1.0,
    }
    for t, (per, _) in sched.items():
        odds = lack * factor.get(t, 1)
        plan.missing[t] = {w.index for w in windows(per, start, end) if miss(odds)}
        for norm in norms_of(rubric, "frequency"):
            if norm.check.topic and norm.check.event == (t,):
                plan.topic_missing[(t, norm.check.topic)] = {
                    w.index for w in windows(per, start, end) if miss(lack * 0.6)
                }
    for norm in norms_of(rubric, "count"):
        if miss(lack * 2):
            plan.count_short[norm.id] = 1
    for norm in norms_of(rubric, "attendance"):
        for t in norm.check.event:
            n_events = len(windows(sched.get(t, ("quarter", 1))[0], start, end))
            plan.low_attendance[t] = {i for i in range(n_events) if miss(lack * 2.5)}
    plan.talk_missing = {m.id for m in members[1:] if miss(lack * 0.5)}
    plan.training_short = {m.id for m in members if miss(lack * 0.8)}
    dues_risk = {"high": 0.03, "mid": 0.1, "low": 0.3, "poor": 0.6}[band]
    if miss(dues_risk):
        who = rng.choice(members[1:] or members)
        gap = rng.choice([1, 1, 1, 2, 3, 6]) if band != "high" else 1
        first = rng.randint(1, 13 - gap)
        plan.dues_unpaid[who.id] = {f"{year}-{first + i:02d}" for i in range(gap)}

    for norm in norms_of(rubric, "fact"):
        plan.facts[norm.check.key] = _fact_value(rng, norm, band, q)
    for norm in norms_of(rubric, "rating"):
        plan.ratings[norm.id] = _rating(rng, rubric, norm, band)
    if rubric.split:
        plan.tasks = _tasks(rng, rubric, unit[1], band)
    return plan


def _pick_band(rng: random.Random) -> tuple[str, float, tuple[float, float]]:
    r = rng.random()
    for band in BANDS:
        if r < band[1]:
            return band
        r -= band[1]
    return BANDS[-1]


def _fact_value(rng: random.Random, norm: Any, band: str, q: float) -> Any:
    check = norm.check
    if norm.bonus:
        ok = rng.random() < {"high": 0.35, "mid": 0.12, "low": 0.03, "poor": 0.0}[band]
    elif norm.veto:
        ok = rng.random() < {"high": 0.995, "mid": 0.985, "low": 0.95, "poor": 0.85}[band]
    else:
        ok = rng.random() < q + (1 - q) * 0.5
    if check.min is not None:
        key, low = check.key, check.min
        if "经费" in key:
            return rng.choice([3000, 5000, 6000, 8000, 10000, 12000]) if ok else 0
        if low < 1:
            step = rng.randint(0, 9) / 100
            return round(low + step, 2) if ok else round(max(low - 0.01 - step / 2, 0), 2)
        if "次数" in key:
            return rng.randint(int(low), int(low) + 2) if ok else max(int(low) - 1, 0)
        return low + rng.randint(0, 5) if ok else max(low - 1, 0)
    expect = check.expect if check.expect is not None else "true"
    if expect.lower() in ("true", "是", "有", "yes"):
        return ok
    if expect.lower() in ("false", "否", "无", "no"):
        return not ok
    return expect if ok else "无"


def _rating(rng: random.Random, rubric: Rubric, norm: Any, band: str) -> str:
    levels = sorted((norm.check.levels or rubric.ratings).items(), key=lambda kv: -kv[1])
    weights = {
        "high": [0.8, 0.2, 0.0, 0.0],
        "mid": [0.3, 0.55, 0.15, 0.0],
        "low": [0.05, 0.4, 0.45, 0.1],
        "poor": [0.0, 0.2, 0.5, 0.3],
    }[band]
    weights = weights[: len(levels)]
    if len(levels) == 2:  # a yes/no level pair
        weights = {"high": [1.0, 0.0], "mid": [0.95, 0.05]}.get(band, [0.75, 0.25])
    weights += [0.0] * (len(levels) - len(weights))
    return rng.choices([name for name, _ in levels], weights=weights)[0]


def _tasks(rng: random.Random, rubric: Rubric, short: str, band: str) -> list[dict[str, Any]]:
    assert rubric.split is not None
    total = rubric.split.individual
    parts = rng.choice([[0.5, 0.5], [0.375, 0.375, 0.25], [0.625, 0.375], [0.25, 0.25, 0.25, 0.25]])
    points = [round(total * p, 2) for p in parts]
    points[-1] = round(total - sum(points[:-1]), 2)
    names = rng.sample(TASKS, len(points))
    levels = sorted(rubric.ratings.items(), key=lambda kv: -kv[1])
    out = []
    for i, (name, pts) in enumerate(zip(names, points, strict=True)):
        if band == "high":
            status, level = "done", levels[0 if rng.random() < 0.85 else 1][0]
        elif band == "mid":
            status = "done" if rng.random() < 0.75 else "partial"
            level = levels[min(rng.choice([0, 1, 1, 1]), len(levels) - 1)][0]
        else:
            status = rng.choice(["done", "partial", "partial", "open"])
            level = levels[min(rng.choice([1, 2, 2]), len(levels) - 1)][0]
        task: dict[str, Any] = {
            "id": f"T{i + 1}",
            "name": name.format(short=short),
            "points": int(pts) if pts == int(pts) else pts,
            "status": status,
        }
        if status != "open":
            task["rating"] = level
        out.append(task)
    return out


def organisations(count: int, seed: int) -> list[tuple[int, int, str]]:
    """(unit index, branch number in unit, branch name) for each ledger, units ~86/545 of count."""
    rng = random.Random(f"branchcheck-generate/{seed}/organisations/{count}")
    n_units = min(len(UNITS), max(1, round(count * FOUNDING_ORGS / FOUNDING_BRANCHES)))
    sizes = [1] * n_units
    weights = [rng.uniform(*(0.2, 0.6) if UNITS[u][2] else (0.8, 2.2)) for u in range(n_units)]
    for _ in range(count - n_units):
        sizes[rng.choices(range(n_units), weights=weights)[0]] += 1
    out: list[tuple[int, int, str]] = []
    for u in range(n_units):
        n = sizes[u]
        names = _branch_names(rng, n)
        out += [(u, b + 1, names[b]) for b in range(n)]
    return out[:count]


def _branch_names(rng: random.Random, n: int) -> list[str]:
    if n == 1:
        return ["机关党支部"]
    names: list[str] = []
    if n >= 3 and rng.random() < 0.6:
        names.append("离退休干部党支部")
    offices = rng.sample(OFFICES, min(len(OFFICES), max(n - len(names) - 3, 0)))
    numbered = n - len(names) - len(offices)
    names = (
        [f"机关第{_cn_number(i + 1)}党支部" for i in range(numbered)]
        + [o + "党支部" for o in offices]
        + names
    )
    return names


def _cn_number(n: int) -> str:
    if n >= 100:  # big synthetic sets: a unit with a hundred branches gets plain digits
        return str(n)
    if n <= 10:
        return ORDINALS[n - 1]
    tens = "" if n < 20 else ORDINALS[n // 10 - 1]
    return tens + "十" + (ORDINALS[n % 10 - 1] if n % 10 else "")


def generate(
    count: int, seed: int, out: Path, rubric_ref: str = "lanzhou-6543", year: int = 2024
) -> list[Path]:
    rubric = load_rubric(rubric_ref)
    if rubric_ref not in builtin_rubrics():  # a rubric file: name it so any folder can find it
        rubric_ref = str(Path(rubric_ref).resolve())
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for index, (u, b, branch_name) in enumerate(organisations(count, seed)):
        plan = random_plan(rubric, rubric_ref, seed, index, UNITS[u], u + 1, b, branch_name, year)
        path = out / f"{plan.branch_id}.yaml"
        path.write_text(render(plan), encoding="utf-8", newline="\n")
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, required=True, help="number of ledgers")
    parser.add_argument("--seed", type=int, required=True, help="same seed, same bytes")
    parser.add_argument("--out", type=Path, required=True, help="folder to write into")
    parser.add_argument("--rubric", default="lanzhou-6543", help="built-in id or rubric file")
    parser.add_argument("--year", type=int, default=2024, help="ledger year (default 2024)")
    args = parser.parse_args(argv)
    if args.count < 1:
        parser.error("--count must be at least 1")
    began = time.perf_counter()
    paths = generate(args.count, args.seed, args.out, args.rubric, args.year)
    sizes = [p.stat().st_size for p in paths]
    print(
        f"wrote {len(paths)} ledgers ({args.rubric}) to {args.out}:"
        f" mean {sum(sizes) / len(sizes) / 1024:.1f} KB, {time.perf_counter() - began:.1f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
