"""Deterministic synthetic 台账 (branch ledgers) for benchmarks and tests.

    python benchmarks/generate.py --count 545 --seed 1 --out /tmp/gen545 [--rubric lanzhou-6543]
    python benchmarks/generate.py --count 545 --seed 1 --out /tmp/messy545 --messy

Writes COUNT full-year ledgers, one YAML file per branch, spread over several parent
organisations (the founding case: 86 市直 units holding 545 branches). The rubric is read with
`branchcheck.load_rubric`, and each ledger holds what the rubric's norms check, derived from
the norms themselves: meetings for frequency / count / attendance / gap norms (with the topic
words they look for), 党小组 and their monthly meetings for `groups` norms, 谈心谈话 covering
members, pair types and the 书记, dues months, training hours (56 for the committee where a
norm asks it), the committee's election, every fact a `fact` norm reads, a level for every
`rating` norm and (with a `split`) the 个性任务. Branches are 机关 unless the rubric has norms
that depend on the branch type (five-star: a mix of 机关, 社区 and 村).

The records the ledger format has for real-world cases are used now and then: 预备党员
admitted at a 党员大会 (with quorum), elections, an `excused` elderly or sick member, 缓交 /
代交 / 补交 `dues_exceptions`, and the previous year's 组织生活会 held in January with
`for_year`. A clean ledger loads without a single warning. Quality varies from branch to
branch (four bands, plus occasional expired terms, unpaid dues and veto facts), so every tier
of the built-in rubrics occurs.

`--messy` writes the same branches with the mistakes real 台账 carry (attendees listed after
they left, event types the rubric does not know, values in curly quotes, fact keys no norm
reads, events outside the period, …): at least one warning in 24 of every 25 ledgers.

Same arguments, same bytes: every random draw comes from `random.Random` seeded with a string
built from the seed, the rubric id and the ledger's index; nothing iterates over a set.
Only the standard library and branchcheck are used. Names of people are invented.
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
from branchcheck.checks.organization import DEFAULT_TERM_YEARS, TERM_BY_TYPE
from branchcheck.checks.records import fact_bool
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


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later, clipped to the month's end."""
    year, month = day.year + (day.month - 1 + months) // 12, (day.month - 1 + months) % 12 + 1
    return min(
        day.replace(day=1, year=year, month=month) + dt.timedelta(days=day.day - 1),
        month_end(year, month),
    )


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
    1: "以高质量党建引领高质量发展",
    2: "党纪学习教育专题党课：学纪、知纪、明纪、守纪",
    3: "专题党课：深入学习贯彻党的二十届三中全会精神",
    4: "党课：弘扬伟大建党精神，践行初心使命",
}
LIFE_MEETING = "{year}年度组织生活会：对照检查，开展批评和自我批评"
REVIEW = "{year}年度民主评议党员：个人自评、党员互评、民主测评"
ELECTION = {True: "选举产生新一届支部委员会", False: "选举产生新一届支部书记"}  # committee?
TOPIC_PHRASES = {  # wording for a topic keyword a rubric asks for ({topic}: the meeting's own)
    "第一议题": "第一议题：{study}",
    "开放式": "开放式主题党日：邀请服务对象和群众代表参加，征求意见建议",
    "书记讲党课": "书记讲党课：{topic}",
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
# 社区 and 村 branches (five-star): the 街道 / 乡镇 they belong to; community and village names
# are made up from common place-name parts.
STREETS = [
    ("城关区", "张掖路街道"),
    ("城关区", "酒泉路街道"),
    ("城关区", "皋兰路街道"),
    ("城关区", "东岗西路街道"),
    ("城关区", "白银路街道"),
    ("城关区", "临夏路街道"),
    ("城关区", "雁南街道"),
    ("城关区", "嘉峪关路街道"),
    ("城关区", "广武门街道"),
    ("城关区", "伏龙坪街道"),
    ("城关区", "草场街街道"),
    ("城关区", "拱星墩街道"),
    ("城关区", "团结新村街道"),
    ("城关区", "五泉街道"),
    ("七里河区", "西园街道"),
    ("七里河区", "西湖街道"),
    ("七里河区", "建兰路街道"),
    ("七里河区", "敦煌路街道"),
    ("七里河区", "西站街道"),
    ("七里河区", "龚家湾街道"),
    ("七里河区", "土门墩街道"),
    ("安宁区", "培黎街道"),
    ("安宁区", "西路街道"),
    ("安宁区", "十里店街道"),
    ("安宁区", "孔家崖街道"),
    ("安宁区", "银滩路街道"),
    ("西固区", "陈坪街道"),
    ("西固区", "先锋路街道"),
    ("西固区", "福利路街道"),
    ("西固区", "西固城街道"),
    ("西固区", "四季青街道"),
]
TOWNS = [
    ("榆中县", "城关镇"),
    ("榆中县", "夏官营镇"),
    ("榆中县", "金崖镇"),
    ("榆中县", "和平镇"),
    ("榆中县", "甘草店镇"),
    ("榆中县", "青城镇"),
    ("榆中县", "定远镇"),
    ("榆中县", "连搭镇"),
    ("榆中县", "新营镇"),
    ("皋兰县", "石洞镇"),
    ("皋兰县", "忠和镇"),
    ("皋兰县", "什川镇"),
    ("皋兰县", "九合镇"),
    ("皋兰县", "水阜镇"),
    ("永登县", "红城镇"),
    ("永登县", "中堡镇"),
    ("永登县", "武胜驿镇"),
    ("永登县", "河桥镇"),
    ("永登县", "连城镇"),
    ("永登县", "苦水镇"),
    ("永登县", "大同镇"),
    ("永登县", "树屏镇"),
    ("红古区", "海石湾镇"),
    ("红古区", "花庄镇"),
    ("红古区", "平安镇"),
    ("七里河区", "阿干镇"),
    ("七里河区", "八里镇"),
    ("七里河区", "西果园镇"),
    ("七里河区", "黄峪镇"),
]
COMMUNITY_PARTS = (
    "东岗 南关 北滨河 金港 雁园 和平 民主 团结 光辉 新华 建设 兴隆 滨河 安西 新港 秀川 西津"
    " 华林 培黎 万新 银滩 桃园 福利 西柳 先锋 合水 红山根 五里铺 雁滩 拱星 广武 振兴 幸福"
    " 阳光 康乐 明珠 春晖 金城 安宁 锦绣"
).split()
VILLAGE_PARTS = (
    "张家 王家 李家 马家 苏家 杨家 陈家 何家 高家 魏家 朱家 岳家 段家 徐家 柳家 金家".split()
)
VILLAGE_ENDS = "湾 坪 庄 沟 台 川 岔 营 堡 寨 河 梁".split()
# Branch types: 机关 everywhere, unless the rubric has norms that depend on the type
# (`when: {type: …}`, as five-star's S05), which calls for a mix.
MIXED_TYPES = [("机关", 0.45), ("社区", 0.30), ("村", 0.25)]
EXCUSE_REASONS = {
    "elderly": "年老体弱、行动不便，经支部委员会同意不作参加组织生活和学习硬性要求，送学上门",
    "ill": "身患重病，长期住院治疗",
    "migrant": "外出务工（流动党员），纳入流动党员管理",
}
TRAINING_TITLES = {  # branch type -> (two-session course, short course, online)
    "机关": ("市直机关党员干部集中轮训", "党纪学习教育专题读书班", "网络学院在线学习（全年累计）"),
    "社区": ("街道党员冬春训", "社区党员集中学习", "“甘肃党建”平台在线学习（全年累计）"),
    "村": ("乡镇党员冬春训", "农村党员远程教育集中学习", "“甘肃党建”平台在线学习（全年累计）"),
}

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
    renderer: `missing[type]` window indexes without that meeting, `group_missing` (group,
    window) pairs without a 党小组会, `topic_missing[norm id]` windows whose meetings lack the
    norm's topic word, `low_attendance[type]` meeting ordinals under the rate, members without
    talks (or talked with by a 委员 instead of the 书记), short of training hours, unpaid months.
    `life` is when the 组织生活会 and 民主评议党员 are held: "late" (this year's in November or
    December), "switch" (also last year's, in January or February, with `for_year`), "early"
    (last year's in January or February, this year's in January of the next year).
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
    branch_type: str | None = "机关"
    committee: list[str] = field(default_factory=list)
    elected: dt.date | None = None
    term_years: int | None = 3
    extension: dict[str, dt.date] | None = None
    groups: dict[str, list[str]] = field(default_factory=dict)
    party_day: int = 15
    life: str = "late"
    life_month: int = 12
    prev_life_month: int = 1
    missing: dict[str, set[int]] = field(default_factory=dict)
    group_missing: set[tuple[int, int]] = field(default_factory=set)
    topic_missing: dict[str, set[int]] = field(default_factory=dict)
    count_short: dict[str, int] = field(default_factory=dict)
    low_attendance: dict[str, set[int]] = field(default_factory=dict)
    talk_missing: set[str] = field(default_factory=set)
    talk_delegated: set[str] = field(default_factory=set)
    peer_talks: bool = True
    training_short: set[str] = field(default_factory=set)
    dues_unpaid: dict[str, set[str]] = field(default_factory=dict)
    dues_exceptions: list[dict[str, Any]] = field(default_factory=list)
    excused: list[dict[str, Any]] = field(default_factory=list)
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
    defects: dict[str, Any] = field(default_factory=dict)  # --messy: mistake -> its detail

    def excused_on(self, member_id: str, day: dt.date) -> bool:
        return any(
            x["member"] == member_id and x["from"] <= day and ("to" not in x or day <= x["to"])
            for x in self.excused
        )

    def excused_days(self, member_id: str, first: dt.date, last: dt.date) -> int:
        days = 0
        for x in self.excused:
            if x["member"] == member_id:
                lo, hi = max(x["from"], first), min(x.get("to", last), last)
                days += max((hi - lo).days + 1, 0)
        return days


GENERAL_MEETING, GROUP_MEETING = "党员大会", "党小组会"
YEARLY_MEETINGS = {"组织生活会": LIFE_MEETING, "民主评议党员": REVIEW}
VOTE_WORDS = ("接收", "转正", "选举", "表决")  # a 党员大会 on these needs a quorum
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
TOPIC_PREFERENCE = ["支委会", "理论学习", "党员大会"]  # where a "第一议题" goes first


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
    out.pop(GROUP_MEETING, None)
    if plan.groups and GROUP_MEETING in plan.rubric.events:
        per, k = "month", 1
        for norm in norms_of(plan.rubric, "groups"):
            if _FINER.index(norm.check.per) < _FINER.index(per):
                per = norm.check.per
            k = max(k, norm.check.min)
        out[GROUP_MEETING] = (per, k)
    return out


def is_vote(event: dict[str, Any]) -> bool:
    return event["type"] == GENERAL_MEETING and any(
        w in t for t in event.get("topics", ()) for w in VOTE_WORDS
    )


def _add_keyword(event: dict[str, Any], keyword: str) -> None:
    """Put a topic word a norm looks for on a meeting, worded as a minute would."""
    topics = event.setdefault("topics", [])
    phrase = TOPIC_PHRASES.get(keyword, keyword + "：{topic}")
    if "{topic}" in phrase:
        if topics:
            topics[0] = phrase.format(topic=topics[0])
        else:
            topics.append(keyword)
    else:
        topics.insert(0, phrase.format(study=FIRST_TOPIC[event["date"].month]))


class Renderer:
    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.rng = random.Random(plan.seed + "/render")
        self.events: list[dict[str, Any]] = []
        self.by_id = {m.id: m for m in plan.members}

    def active(self, day: dt.date) -> list[Person]:
        return [m for m in self.plan.members if m.active_on(day)]

    def admitted(self) -> list[Person]:
        """预备 members admitted during the period, by admission date."""
        plan = self.plan
        found = [
            m
            for m in plan.members
            if m.status == "预备" and m.joined and plan.start <= m.joined <= plan.end
        ]
        return sorted(found, key=lambda m: (m.joined, _id_key(m.id)))

    # events ------------------------------------------------------------------------------
    def meetings(self) -> None:
        plan = self.plan
        sched = schedule(plan)
        admissions = [m.joined for m in self.admitted() if m.joined]
        if "no-admission" in plan.defects:
            admissions = []
        for t, (per, k) in sched.items():
            if t in YEARLY_MEETINGS:
                continue
            if t == GROUP_MEETING:
                self.group_meetings(per, k)
                continue
            for w in windows(per, plan.start, plan.end):
                if t == GENERAL_MEETING and any(w.start <= d <= w.end for d in admissions):
                    continue  # held on the admission day (see votes)
                if w.index in plan.missing.get(t, set()):
                    continue
                for n in range(k):
                    day, attendees, topics = self.one(t, per, w, n)
                    self.add(day, t, attendees, topics)
        self.yearly_meetings()
        self.votes(sched.get(GENERAL_MEETING, ("quarter", 1))[0])
        self.topic_norms()
        self.count_norms()

    def one(self, t: str, per: str, w: Window, n: int) -> tuple[dt.date, Any, list[str]]:
        """Date, attendees and topics of the n-th `t` meeting in window w."""
        plan, rng = self.plan, self.rng
        year, first = w.start.year, w.start.month
        span = (w.end.year - year) * 12 + w.end.month - first + 1
        month = first + (span - 1 if t == GENERAL_MEETING else span // 2 if t == "党课" else 0)
        quarter = (month - 1) // 3 + 1
        if t == "支委会":
            day = workday(year, month, rng.randint(3, 9) + 10 * n)
            members = [m for m in plan.committee if self.by_id[m].active_on(day)]
            if len(members) > 3 and rng.random() < 0.15:
                members.pop(rng.randrange(1, len(members)))
            return day, members, [plan.topics.get((t, month), COMMITTEE_BUSINESS[month])]
        topics_by_type = {
            "理论学习": STUDY[month],
            "主题党日": PARTY_DAY[month],
            GENERAL_MEETING: ASSEMBLY[quarter],
            "党课": LECTURE[quarter],
        }
        days = {"理论学习": 24, "主题党日": plan.party_day, GENERAL_MEETING: 26, "党课": 12}
        topic = plan.topics.get((t, month), topics_by_type.get(t, f"{t}（{month}月）"))
        day = workday(year, month, days.get(t, 18) + 7 * n)
        return day, "all", [topic]

    def group_meetings(self, per: str, k: int) -> None:
        plan, rng = self.plan, self.rng
        for g, (name, ids) in enumerate(plan.groups.items()):
            for w in windows(per, plan.start, plan.end):
                if (g, w.index) in plan.group_missing:
                    continue
                month = w.start.month + (1 if per == "quarter" else 0)
                for n in range(k):
                    day = workday(w.start.year, month, 15 + 2 * g + 7 * n)
                    present = [
                        m
                        for m in ids
                        if self.by_id[m].active_on(day) and not plan.excused_on(m, day)
                    ]
                    if len(present) > 4 and rng.random() < 0.35:
                        present.pop(rng.randrange(1, len(present)))
                    if present:
                        self.add(day, GROUP_MEETING, present, [STUDY[month]], group=name)

    def yearly_meetings(self) -> None:
        """组织生活会 and 民主评议党员, each with the year it belongs to (`for_year`)."""
        plan = self.plan
        for yw in windows("year", plan.start, plan.end):
            y = yw.start.year
            for shift, (t, words) in enumerate(YEARLY_MEETINGS.items()):
                if t not in plan.rubric.events:
                    continue
                if plan.life in ("switch", "early"):
                    day = self.life_day(y, plan.prev_life_month, shift)
                    self.add(day, t, "all", [words.format(year=y - 1)], for_year=y - 1)
                if yw.index in plan.missing.get(t, set()):
                    continue
                if plan.life == "early":
                    day = self.life_day(y + 1, 1, shift)
                else:
                    day = self.life_day(y, plan.life_month, shift)
                self.add(day, t, "all", [words.format(year=y)], for_year=y)

    def life_day(self, year: int, month: int, shift: int) -> dt.date:
        day = workday(year, month, {1: 16, 2: 26, 11: 20, 12: 18}.get(month, 15))
        return next_workday(day + dt.timedelta(days=shift)) if shift else day

    def votes(self, per: str) -> None:
        """The 党员大会 that admits each 预备党员 (on the admission day, so never dropped) and
        the one that elects the committee, when it falls in the period."""
        plan = self.plan
        if GENERAL_MEETING not in plan.rubric.events:
            return
        if "no-admission" not in plan.defects:
            held: set[int] = set()
            for m in self.admitted():
                assert m.joined is not None
                topics = [ADMISSION.format(name=m.name)]
                w = next(
                    (w for w in windows(per, plan.start, plan.end) if w.start <= m.joined <= w.end),
                    None,
                )
                if w is not None and w.index not in held:
                    held.add(w.index)
                    if w.index not in plan.missing.get(GENERAL_MEETING, set()):
                        topics.append(ASSEMBLY[(m.joined.month - 1) // 3 + 1])
                self.assembly(m.joined, topics)
        if plan.elected and plan.start <= plan.elected <= plan.end:
            self.assembly(plan.elected, [ELECTION[len(plan.committee) > 1]])

    def assembly(self, day: dt.date, topics: list[str]) -> None:
        for event in self.events:
            if event["type"] == GENERAL_MEETING and event["date"] == day:
                event["topics"] = [*topics, *event.get("topics", [])]
                return
        self.add(day, GENERAL_MEETING, "all", topics)

    def topic_norms(self) -> None:
        """Frequency norms with a topic: the word on one meeting of each window, less the
        windows planned without it. "Any of these" norms (第一议题 at a 支委会, 理论学习 or
        党员大会) put it on the 支委会 first."""
        plan = self.plan
        for norm in norms_of(plan.rubric, "frequency"):
            kw, types = norm.check.topic, norm.check.event
            if not kw:
                continue
            for w in windows(norm.check.per, plan.start, plan.end):
                inside = [
                    e for e in self.events if e["type"] in types and w.start <= e["date"] <= w.end
                ]
                if not inside or w.index in plan.topic_missing.get(norm.id, set()):
                    continue
                if any(kw in x for e in inside for x in e.get("topics", ())):
                    continue
                inside.sort(key=lambda e: (_preference(e["type"], types), e["date"]))
                _add_keyword(inside[0], kw)

    def count_norms(self) -> None:
        """Count norms: mark (or add) enough events of the type, less any planned shortfall."""
        plan = self.plan
        months = [5, 10, 8, 11, 6, 9, 4, 3, 7, 12, 2, 1]
        for norm in norms_of(plan.rubric, "count"):
            kw = norm.check.topic
            want = norm.check.min - plan.count_short.get(norm.id, 0)
            same = [
                e
                for e in self.events
                if e["type"] in norm.check.event and plan.start <= e["date"] <= plan.end
            ]
            have = [e for e in same if not kw or any(kw in x for x in e.get("topics", ()))]
            marked = {id(e) for e in have}
            others = [e for e in same if id(e) not in marked]
            others.sort(key=lambda e: months.index(e["date"].month))
            while kw and len(have) < want and others:
                event = others.pop(0)
                _add_keyword(event, kw)
                have.append(event)
            for month in months:
                if len(have) >= want:
                    break
                day = workday(plan.start.year, month, 22)
                if plan.start <= day <= plan.end:
                    event = self.add(day, norm.check.event[0], "all", [PARTY_DAY[month]])
                    if kw:
                        _add_keyword(event, kw)
                    have.append(event)

    def add(
        self,
        day: dt.date,
        t: str,
        attendees: Any,
        topics: list[str],
        group: str | None = None,
        for_year: int | None = None,
    ) -> dict[str, Any]:
        event: dict[str, Any] = {"date": day, "type": t}
        if group is not None:
            event["group"] = group
        event["attendees"] = attendees
        if attendees == "all":
            event["absent"] = []
        if topics:
            event["topics"] = topics
        if for_year is not None:
            event["for_year"] = for_year
        self.events.append(event)
        return event

    def absences(self) -> None:
        """Absent lists for `all` meetings: under the rate where planned, a few otherwise;
        members excused that day stay away; a vote keeps more than half of the 正式 members."""
        plan, rng = self.plan, self.rng
        rates: dict[str, float] = {}
        for norm in norms_of(plan.rubric, "attendance"):
            for t in norm.check.event:
                rates[t] = max(rates.get(t, 0.0), norm.check.min_rate)
        head = plan.committee[:1]
        seen: dict[str, int] = {}
        for event in sorted(self.events, key=lambda e: (e["date"], e["type"])):
            if event["attendees"] != "all":
                continue
            t, day = event["type"], event["date"]
            ordinal = seen.get(t, 0)
            seen[t] = ordinal + 1
            active = self.active(day)
            excused = [m.id for m in active if plan.excused_on(m.id, day)]
            pool = [m.id for m in active if m.id not in head and m.id not in excused]
            n = len(active) - len(excused)
            if t in rates:
                allowed = int(n * (1 - rates[t]) + 1e-9)
                if ordinal in plan.low_attendance.get(t, set()):
                    count = min(allowed + 1 + rng.randint(0, max(n // 10, 1)), len(pool))
                else:
                    count = rng.randint(0, min(allowed, 3))
            else:
                count = rng.randint(0, min(max(n // 8, 0), 3))
            absent = rng.sample(pool, count)
            if is_vote(event):
                full = [m.id for m in active if m.status == "正式" and m.id not in excused]
                while absent and 2 * sum(1 for m in full if m not in absent) <= len(full):
                    absent.pop()
            event["absent"] = sorted(absent + excused, key=_id_key)

    def talks(self) -> None:
        """Talks every member held to the year has, with the 书记 (or, where planned, a
        委员); the 书记 with each 委员; 党员 with 党员 (党小组长 and a member of the group)."""
        plan, rng = self.plan, self.rng
        norms = norms_of(plan.rubric, "talks")
        if not norms:
            return
        t = norms[0].check.event[0]
        rounds = max((n.check.min for n in norms if n.check.cover == "members"), default=1)
        for yw in windows("year", plan.start, plan.end):
            y = yw.start.year
            people = [m for m in plan.members if m.active_on(yw.end)]
            if not people:
                continue
            head = next((m.id for m in people if "书记" in m.roles), people[0].id)
            committee = [c for c in plan.committee if c != head and self.by_id[c].active_on(yw.end)]
            ordinary = [m.id for m in people if m.id != head and m.id not in plan.committee]
            pairs = [(head, c) for c in committee]
            for i, mid in enumerate(ordinary):
                delegate = mid in plan.talk_delegated and committee
                pairs.append((committee[i % len(committee)] if delegate else head, mid))
            if plan.peer_talks:
                pairs += self.peer_pairs(ordinary, yw.end)
            months = {"late": [9, 10, 11], "switch": [10, 11], "early": [11, 12]}[plan.life]
            for round_no in range(rounds):
                for a, b in pairs:
                    if a in plan.talk_missing or b in plan.talk_missing:
                        continue
                    joined = max(
                        (d for d in (self.by_id[a].joined, self.by_id[b].joined) if d),
                        default=yw.start,
                    )
                    month = rng.choice(months) if round_no == 0 else 5 + round_no
                    day = workday(y, month, rng.randint(2, 26))
                    if day < joined:
                        day = next_workday(joined + dt.timedelta(days=rng.randint(5, 20)))
                    self.events.append({"date": day, "type": t, "attendees": [a, b]})

    def peer_pairs(self, ordinary: list[str], last: dt.date) -> list[tuple[str, str]]:
        plan = self.plan
        pairs = []
        for ids in plan.groups.values():
            here = [m for m in ids if m in ordinary]
            leader = next((m for m in here if "党小组长" in self.by_id[m].roles), None)
            mates = [m for m in here if m != leader]
            if leader and mates:
                pairs.append((leader, mates[self.rng.randrange(len(mates))]))
        if not pairs and len(ordinary) >= 2:
            a, b = self.rng.sample(ordinary, 2)
            pairs.append((a, b))
        return pairs

    # records -----------------------------------------------------------------------------
    def training(self) -> list[dict[str, Any]]:
        plan, rng = self.plan, self.rng
        checks = norms_of(plan.rubric, "training")
        if not checks:
            return []
        leaders = set(plan.committee) | {m.id for m in plan.members if "书记" in m.roles}
        for_leaders = any(c.check.who == "committee" for c in checks)
        course, short_course, online_title = TRAINING_TITLES.get(
            plan.branch_type or "机关", TRAINING_TITLES["机关"]
        )
        out = []
        for year_w in windows("year", plan.start, plan.end):
            y = year_w.start.year
            days = (year_w.end - year_w.start).days + 1
            batches = [workday(y, 4, rng.randint(8, 12)), workday(y, 5, rng.randint(6, 10))]
            reading = workday(y, 5, rng.randint(20, 24))
            plenum = workday(y, 9, rng.randint(2, 12)) if rng.random() < 0.5 else None
            for i, m in enumerate(plan.members):
                if not (m.active_on(year_w.start) or m.active_on(year_w.end)):
                    continue
                if 2 * plan.excused_days(m.id, year_w.start, year_w.end) >= days:
                    day = workday(y, rng.choice([6, 10]), rng.randint(10, 20))
                    hours = rng.choice([4, 6, 8])
                    out.append({"member": m.id, "hours": hours, "date": day, "title": "送学上门"})
                    continue
                held_to = [
                    c.check.hours for c in checks if c.check.who == "members" or m.id in leaders
                ]
                hours = math.ceil(max(held_to, default=0))
                courses = [
                    (batches[i % 2], 24, f"{course}（第{ORDINALS[i % 2]}期）"),
                    (reading, 8, short_course),
                ]
                if plenum:
                    courses.append((plenum, 6, "二十届三中全会精神专题培训"))
                if m.id in leaders and for_leaders:
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
                    kept.append((day, online, online_title))
                for day, h, title in kept:
                    if m.active_on(day):
                        base, mark, rest = title.partition("（")
                        title = plan.titles.get(base, base) + mark + rest
                        out.append({"member": m.id, "hours": h, "date": day, "title": title})
        out.sort(key=lambda r: (r["date"], _id_key(r["member"]), r["title"]))
        return out

    def dues(self) -> dict[str, list[str]]:
        plan = self.plan
        if not (norms_of(plan.rubric, "dues") or norms_of(plan.rubric, "dues_gap")):
            return {}
        handled = {(x["member"], month) for x in plan.dues_exceptions for month in x["months"]}
        out = {}
        for m in plan.members:
            months = []
            for w in windows("month", plan.start, plan.end):
                month = ym(w.start)
                due = (
                    m.active_on(w.start)
                    or m.active_on(w.end)
                    or (m.joined is not None and w.start <= m.joined <= w.end)
                )
                if due and month not in plan.dues_unpaid.get(m.id, set()):
                    if (m.id, month) not in handled:
                        months.append(month)
            if months:
                out[m.id] = months
        return out

    # --messy -----------------------------------------------------------------------------
    def mess(self, events: list[dict[str, Any]]) -> None:
        """The mistakes planned for this ledger that show in its events (see `plan_mess`)."""
        plan = self.plan
        rng = random.Random(plan.seed + "/messy-render")
        year = plan.start.year
        inside = [e for e in events if plan.start <= e["date"] <= plan.end]
        if "inactive-attendee" in plan.defects:
            m = self.by_id[plan.defects["inactive-attendee"]]
            assert m.left is not None
            later = [e for e in inside if isinstance(e["attendees"], list) and e["date"] > m.left]
            if later:
                event = later[rng.randrange(len(later))]
                event["attendees"] = [*event["attendees"], m.id]
            else:
                head = plan.committee[0]
                day = workday(year, 12, 10)
                events.append({"date": day, "type": _talk_type(plan), "attendees": [head, m.id]})
        if "unknown-event-type" in plan.defects:
            typos = [e for e in inside if e["type"] in TYPOS]
            if typos and rng.random() < 0.7:
                event = typos[rng.randrange(len(typos))]
                event["type"] = TYPOS[event["type"]]
            else:
                t, topic = OTHER_EVENTS[rng.randrange(len(OTHER_EVENTS))]
                day = workday(year, rng.randint(3, 11), rng.randint(5, 25))
                events.append({"date": day, "type": t, "attendees": "all", "topics": [topic]})
        if "outside-period" in plan.defects:
            day = workday(year - 1, 12, rng.randint(20, 28))
            attendees: Any = plan.committee if len(plan.committee) >= 3 else "all"
            t = "支委会" if len(plan.committee) >= 3 else GENERAL_MEETING
            events.append(
                {
                    "date": day,
                    "type": t,
                    "attendees": attendees,
                    "topics": [f"研究{year}年度支部工作要点"],
                }
            )
        if "unknown-group" in plan.defects:
            meetings = [e for e in inside if e.get("group")]
            if meetings:
                event = meetings[rng.randrange(len(meetings))]
                g = list(plan.groups).index(event["group"])
                wrong = [f"{ORDINALS[g]}组", f"第{g + 1}党小组", f"第{ORDINALS[g]}小组"]
                event["group"] = wrong[rng.randrange(len(wrong))]
        if "no-quorum" in plan.defects:
            votes = [e for e in inside if is_vote(e) and e["attendees"] == "all"]
            if votes:
                event, day = votes[0], votes[0]["date"]
                full = [
                    m.id
                    for m in self.active(day)
                    if m.status == "正式" and not plan.excused_on(m.id, day)
                ]
                present = [m for m in full if m not in event["absent"]]
                present.sort(key=lambda m: m in plan.committee[:1])  # the 书记 stays longest
                away = present[: max(len(present) - len(full) // 2, 0)]
                event["absent"] = sorted({*event["absent"], *away}, key=_id_key)
        if "curly-topic" in plan.defects:
            # a topic without curly quotes of its own (inner ones hide the outer pair from
            # branchcheck's quick scan for wrapped values)
            topical = [e for e in inside if e.get("topics") and "“" not in e["topics"][0]]
            if topical:
                event = topical[rng.randrange(len(topical))]
                event["topics"] = [f"“{event['topics'][0]}”", *event["topics"][1:]]

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
        events = [
            e
            for e in self.events
            if lo <= e["date"] <= hi
            or (e["date"] > hi and lo.year <= e.get("for_year", -1) <= hi.year)
        ]
        if plan.defects:
            self.mess(events)
        members = [
            m
            for m in plan.members
            if (m.left is None or m.left >= lo) and (m.joined is None or m.joined <= hi)
        ]
        note = plan.notes.get
        lines = [f"# {h}" if h else "#" for h in plan.header]
        branch = {"id": plan.branch_id, "name": plan.name, "parent": plan.parent}
        if plan.branch_type:
            branch["type"] = plan.branch_type
        lines += [
            "format: branchcheck.ledger/1",
            f"rubric: {scalar(plan.rubric_ref)}",
            "branch: " + flow(branch),
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
            if plan.extension:
                committee["extension"] = plan.extension
            lines += self.section("committee", inline=flow(committee))
        if plan.groups:
            lines += self.section("groups")
            lines += [f"  {scalar(name)}: {flow(ids)}" for name, ids in plan.groups.items()]
        if plan.excused:
            lines += self.section("excused")
            lines += ["  - " + flow(x) for x in plan.excused]
        lines += self.section("events")
        month = None
        for event in sorted(events, key=lambda e: (e["date"], _TYPE_ORDER.get(e["type"], 99))):
            if (event["date"].year, event["date"].month) != month:
                month = (event["date"].year, event["date"].month)
                header = f"  # {month[0]}年{month[1]}月"
                if month[0] == lo.year and month[1] in plan.month_notes:
                    header += f"：{plan.month_notes[month[1]]}"
                lines.append(header)
            item = {"date": event["date"], "type": event["type"]}
            for key in ("group", "attendees", "absent", "topics", "for_year"):
                if event.get(key) not in (None, []):
                    item[key] = event[key]
            lines.append("  - " + flow(item))
        if dues:
            lines += self.section("dues")
            lines += [
                _commented(f"  {mid}: {flow(ms)}", note(f"dues:{mid}")) for mid, ms in dues.items()
            ]
        exceptions = [
            x for x in plan.dues_exceptions if any(ym(lo) <= m <= ym(hi) for m in x["months"])
        ]
        if exceptions and (norms_of(plan.rubric, "dues") or norms_of(plan.rubric, "dues_gap")):
            lines += self.section("dues_exceptions")
            lines += ["  - " + flow(x) for x in exceptions]
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


def _preference(t: str, types: tuple[str, ...]) -> int:
    return (
        TOPIC_PREFERENCE.index(t)
        if t in TOPIC_PREFERENCE
        else len(TOPIC_PREFERENCE) + types.index(t)
    )


def _talk_type(plan: Plan) -> str:
    talks = norms_of(plan.rubric, "talks")
    return talks[0].check.event[0] if talks else "谈心谈话"


def _commented(line: str, comment: str | None) -> str:
    return f"{line}   # {comment}" if comment else line


def _id_key(member_id: str) -> tuple[int, str]:
    digits = "".join(c for c in member_id if c.isdigit())
    return (int(digits) if digits else 0, member_id)


def render(plan: Plan) -> str:
    return Renderer(plan).text()


# --- random plans --------------------------------------------------------------------------

BANDS = [  # name, share of branches, q (how often a duty is done)
    ("high", 0.23, (0.975, 1.0)),
    ("mid", 0.42, (0.90, 0.96)),
    ("low", 0.27, (0.74, 0.88)),
    ("poor", 0.08, (0.50, 0.72)),
]
EXPIRED = {"high": 0.01, "mid": 0.03, "low": 0.1, "poor": 0.3}  # term over, no re-election
VETO_FACT_MISSED = {"high": 0.005, "mid": 0.015, "low": 0.05, "poor": 0.15}
MISCONDUCT = {"high": 0.002, "mid": 0.008, "low": 0.03, "poor": 0.08}  # recorded when it happens
BONUS_MET = {"high": 0.35, "mid": 0.12, "low": 0.03, "poor": 0.0}
DUES_RISK = {"high": 0.03, "mid": 0.1, "low": 0.3, "poor": 0.6}
RATE_RANGE = {"high": (0.93, 0.995), "mid": (0.88, 0.98), "low": (0.8, 0.95), "poor": (0.65, 0.9)}
MEETING_FACTOR = {  # how much more (or less) often than other duties a meeting is skipped
    "支委会": 1.2,
    "理论学习": 1.0,
    "主题党日": 0.6,
    "党员大会": 0.8,
    "党课": 1.5,
    "组织生活会": 0.4,
    "民主评议党员": 0.4,
    "党小组会": 1.0,
}


def person_names(rng: random.Random, count: int) -> list[str]:
    names: list[str] = []
    while len(names) < count:
        name = rng.choice(SURNAMES) + rng.choice(GIVEN)
        if name not in names:
            names.append(name)
    return names


def random_date(rng: random.Random, first: dt.date, last: dt.date) -> dt.date:
    return first + dt.timedelta(days=rng.randint(0, max((last - first).days, 0)))


def add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def structure_threshold(rubric: Rubric) -> int:
    found = [n.check.committee_at for n in norms_of(rubric, "structure")]
    return min(found) if found else 7


def type_mix(rubric: Rubric) -> list[tuple[str, float]]:
    typed = any(norm.when is not None and norm.when.type for _, norm in rubric.norms)
    return MIXED_TYPES if typed else [("机关", 1.0)]


def _weighted(rng: random.Random, choices: list[tuple[str, float]]) -> str:
    r = rng.random()
    for value, share in choices:
        if r < share:
            return value
        r -= share
    return choices[-1][0]


def _place(
    kind: str, unit: tuple[str, str, bool], org_no: int, branch_no: int, branch_name: str
) -> tuple[str, str]:
    """(branch name, parent) for a branch of this type."""
    if kind == "社区":
        district, street = STREETS[(org_no - 1) % len(STREETS)]
        part = COMMUNITY_PARTS[(org_no * 7 + branch_no * 3) % len(COMMUNITY_PARTS)]
        return f"{street}{part}社区党支部", f"{district}{street}党工委"
    if kind == "村":
        county, town = TOWNS[(org_no - 1) % len(TOWNS)]
        village = VILLAGE_PARTS[(org_no * 5 + branch_no) % len(VILLAGE_PARTS)]
        end = VILLAGE_ENDS[(org_no + branch_no * 7) % len(VILLAGE_ENDS)]
        return f"{town}{village}{end}村党支部", f"{county}{town}党委"
    return unit[0] + branch_name, unit[0] + ("机关党总支" if unit[2] else "机关党委")


def _size(rng: random.Random, kind: str, retired: bool) -> int:
    if kind == "社区":
        return int(min(max(rng.gauss(30, 9), 8), 50))
    if kind == "村":
        return int(min(max(rng.gauss(27, 8), 6), 50))
    size = rng.randint(22, 45) if retired else int(min(max(rng.gauss(26, 10), 4), 50))
    return rng.randint(4, 6) if rng.random() < 0.08 else size


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
    messy: bool = False,
) -> Plan:
    key = f"branchcheck-generate/{seed}/{rubric.id}/{index}"
    rng = random.Random(key)
    band, _, (q_lo, q_hi) = _pick_band(rng)
    q = rng.uniform(q_lo, q_hi)
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    kind = _weighted(rng, type_mix(rubric))
    retired = kind == "机关" and branch_name.startswith("离退休")
    name, parent = _place(kind, unit, org_no, branch_no, branch_name)
    size = _size(rng, kind, retired)
    names = person_names(rng, size)
    members = [Person(f"M{i + 1:02d}", names[i]) for i in range(size)]

    # movements: the committee (first five) never leaves; others may join or leave mid-year
    movable = members[5:] if size > 8 else []
    rng.shuffle(movable)
    moves = movable[: rng.choice([0, 0, 1, 1, 2, 3])]
    for m in moves:
        if rng.random() < 0.5:
            m.left = random_date(rng, dt.date(year, 2, 1), dt.date(year, 11, 30))
            m.note = "组织关系转出"
        else:
            m.joined = random_date(rng, dt.date(year, 2, 1), dt.date(year, 10, 31))
            m.note = "组织关系转入"
    admissions = 0
    if size > 5 and not retired:
        admissions = (rng.random() < 0.3) + (size >= 30 and rng.random() < 0.1)
    for probationer in [m for m in reversed(members[5:]) if m.left is None][:admissions]:
        probationer.status = "预备"
        probationer.joined = next_workday(
            probationer.joined or random_date(rng, dt.date(year, 1, 8), dt.date(year, 9, 30))
        )
        probationer.note = (
            f"{probationer.joined.month}月{probationer.joined.day}日支部党员大会接收为预备党员"
        )
    full_end = sum(1 for m in members if m.status == "正式" and m.active_on(end))
    plan = Plan(
        rubric=rubric,
        rubric_ref=rubric_ref,
        branch_id=f"lz-{org_no:03d}-{branch_no:02d}",
        name=name,
        parent=parent,
        start=start,
        end=end,
        members=members,
        seed=key,
        branch_type=kind,
        party_day=rng.choice([5, 8, 10, 12, 15, 18, 20]),
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
    _term(rng, plan, band)
    _groups(rng, plan, retired)
    _excused(rng, plan, retired)

    def miss(p: float) -> bool:
        return rng.random() < p

    lack = 1 - q
    sched = schedule(plan)
    for t, (per, _) in sched.items():
        odds = lack * MEETING_FACTOR.get(t, 1)
        if t == GROUP_MEETING:
            plan.group_missing = {
                (g, w.index)
                for g in range(len(plan.groups))
                for w in windows(per, start, end)
                if miss(odds)
            }
        else:
            plan.missing[t] = {w.index for w in windows(per, start, end) if miss(odds)}
    for norm in norms_of(rubric, "frequency"):
        if norm.check.topic:
            plan.topic_missing[norm.id] = {
                w.index for w in windows(norm.check.per, start, end) if miss(lack * 0.6)
            }
    draw = rng.random()
    if draw < 0.55:
        plan.life = "late"
    elif draw < 0.85 or not _grace_allows_january(rubric):
        plan.life = "switch"
    else:
        plan.life = "early"
    plan.life_month = rng.choice([11, 12, 12, 12])
    plan.prev_life_month = rng.choice([1, 1, 2])
    for norm in norms_of(rubric, "count"):
        if miss(lack * 2):
            plan.count_short[norm.id] = 1
    for norm in norms_of(rubric, "attendance"):
        for t in norm.check.event:
            n_events = len(windows(sched.get(t, ("quarter", 1))[0], start, end))
            plan.low_attendance[t] = {i for i in range(n_events) if miss(lack * 2.5)}
    plan.talk_missing = {m.id for m in members[1:] if miss(lack * 0.5)}
    plan.talk_delegated = {m.id for m in members[1:] if miss(lack * 1.5)}
    plan.peer_talks = not miss(lack * 2)
    plan.training_short = {m.id for m in members if miss(lack * 0.6)}
    _dues(rng, plan, band)
    plan.facts = _facts(rng, rubric, band, q, kind)
    for norm in norms_of(rubric, "rating"):
        plan.ratings[norm.id] = _rating(rng, rubric, norm, band)
    if rubric.split:
        plan.tasks = _tasks(rng, rubric, unit[1] if kind == "机关" else name[:2], band)
    if messy:
        plan_mess(plan, index)
    return plan


def _term(rng: random.Random, plan: Plan, band: str) -> None:
    """The committee's election: within its term, or (by band) overdue, now and then with an
    approved extension."""
    kind, end = plan.branch_type, plan.end
    by_type = TERM_BY_TYPE.get(kind, DEFAULT_TERM_YEARS) if kind else DEFAULT_TERM_YEARS
    fixed = next((n.check.years for n in norms_of(plan.rubric, "term") if n.check.years), None)
    years = fixed or by_type
    plan.term_years = by_type
    if rng.random() < EXPIRED[band]:
        term_end = end - dt.timedelta(days=rng.randint(20, 500))
        plan.elected = add_years(term_end, -years)
        latest = add_years(term_end, 1) - dt.timedelta(days=1)
        if latest > end and rng.random() < 0.3:  # extension approved by the higher organisation
            approved = next_workday(term_end - dt.timedelta(days=rng.randint(15, 60)))
            until = random_date(rng, max(end, term_end + dt.timedelta(days=90)), latest)
            plan.extension = {"approved_on": approved, "until": until}
    else:
        first_valid = add_years(end, -years) + dt.timedelta(days=1)
        plan.elected = next_workday(random_date(rng, first_valid, dt.date(end.year, 11, 30)))


def _groups(rng: random.Random, plan: Plan, retired: bool) -> None:
    """党小组 for larger branches: every member in one, each led by a 党小组长."""
    rubric = plan.rubric
    if GROUP_MEETING not in rubric.events and not norms_of(rubric, "groups"):
        return
    size = len(plan.members)
    if size < 20 or rng.random() > (0.9 if retired else 0.85):
        return
    n_groups = min(4, max(2, round(size / 11)))
    ids = [m.id for m in plan.members]
    for g in range(n_groups):
        group = ids[g::n_groups]
        plan.groups[f"第{ORDINALS[g]}党小组"] = group
        leader = next(
            (
                m
                for m in plan.members
                if m.id in group
                and m.id not in plan.committee
                and m.status == "正式"
                and m.joined is None
                and m.left is None
            ),
            None,
        )
        if leader is not None:
            leader.roles.append("党小组长")


def _excused(rng: random.Random, plan: Plan, retired: bool) -> None:
    """Members excused from activities and study (党员教育管理工作条例第二十三条、第三十二条)."""
    year = plan.start.year
    pool = [
        m
        for m in plan.members[5:]
        if m.status == "正式" and m.joined is None and m.left is None and not m.roles
    ]
    rng.shuffle(pool)
    chosen: list[tuple[Person, str]] = []
    if retired:
        chosen = [(m, "elderly") for m in pool[: rng.choice([0, 1, 1, 2, 2, 3])]]
    elif plan.branch_type == "村" and rng.random() < 0.3:
        chosen = [(m, "migrant") for m in pool[: rng.choice([1, 1, 2])]]
    elif plan.branch_type == "社区" and rng.random() < 0.25:
        chosen = [(m, "elderly") for m in pool[:1]]
    elif rng.random() < 0.06:
        chosen = [(m, "ill") for m in pool[:1]]
    for m, why in chosen:
        record: dict[str, Any] = {"member": m.id}
        if why == "elderly":
            record["from"] = dt.date(year - rng.randint(1, 5), rng.randint(1, 12), 1)
            m.note = "年老体弱，免于组织生活和学习硬性要求"
        elif why == "migrant":
            record["from"] = workday(year, rng.randint(2, 4), rng.randint(1, 20))
            if rng.random() < 0.6:
                record["to"] = workday(year, rng.randint(11, 12), rng.randint(1, 25))
            m.note = "外出务工"
        else:
            first = workday(year, rng.randint(1, 6), rng.randint(1, 20))
            record["from"] = first
            record["to"] = min(first + dt.timedelta(days=rng.randint(60, 240)), plan.end)
            m.note = "病休"
        record["reason"] = EXCUSE_REASONS[why]
        record["approved_by"] = "支部委员会"
        plan.excused.append(record)


def _dues(rng: random.Random, plan: Plan, band: str) -> None:
    """Unpaid months by band; some handled as 缓交 (with a reason) or 补交, and now and then a
    代交 (借调, or the family of an elderly member)."""
    year = plan.start.year
    steady = [m for m in plan.members[1:] if m.joined is None and m.left is None] or plan.members
    if rng.random() < DUES_RISK[band]:
        who = rng.choice(steady)
        gap = rng.choice([1, 1, 1, 2, 3, 6]) if band != "high" else 1
        first = rng.randint(1, 13 - gap)
        months = [f"{year}-{first + i:02d}" for i in range(gap)]
        if gap >= 6 and rng.random() < 0.6:
            plan.dues_exceptions.append(
                {
                    "member": who.id,
                    "months": months,
                    "kind": "缓交",
                    "reason": f"病休住院期间未交，约定{year + 1}年1月补交",
                }
            )
            plan.notes[f"dues:{who.id}"] = "病休期间缓交，见 dues_exceptions"
        elif gap <= 3 and first + gap <= 12 and rng.random() < 0.35:
            paid = next_workday(dt.date(year, first + gap, rng.randint(3, 20)))
            plan.dues_exceptions.append(
                {"member": who.id, "months": months, "kind": "补交", "date": paid}
            )
        else:
            plan.dues_unpaid[who.id] = set(months)
    if rng.random() < 0.05:
        others = [m for m in steady if m.id not in plan.dues_unpaid and m.id != plan.members[0].id]
        if others:
            who = rng.choice(others)
            first, n = rng.randint(1, 9), rng.randint(3, 4)
            plan.dues_exceptions.append(
                {
                    "member": who.id,
                    "months": [f"{year}-{first + i:02d}" for i in range(n)],
                    "kind": "代交",
                    "reason": "借调外地工作，经支部同意委托家属代交",
                }
            )
    for record in plan.excused:
        if record["reason"] == EXCUSE_REASONS["elderly"] and rng.random() < 0.4:
            plan.dues_exceptions.append(
                {
                    "member": record["member"],
                    "months": [f"{year}-{m:02d}" for m in range(1, 13)],
                    "kind": "代交",
                    "reason": "年老体弱，委托子女代交",
                }
            )
    handled = {x["member"] for x in plan.dues_exceptions}
    for mid in list(plan.dues_unpaid):
        if mid in handled:  # one story per member
            del plan.dues_unpaid[mid]


def _grace_allows_january(rubric: Rubric) -> bool:
    """Whether a yearly meeting held in January of the next year still counts (grace_days)."""
    yearly = [
        n
        for n in norms_of(rubric, "frequency")
        if n.check.per == "year" and set(n.check.event) & set(YEARLY_MEETINGS)
    ]
    return bool(yearly) and all(n.check.grace_days >= 31 for n in yearly)


def _pick_band(rng: random.Random) -> tuple[str, float, tuple[float, float]]:
    r = rng.random()
    for band in BANDS:
        if r < band[1]:
            return band
        r -= band[1]
    return BANDS[-1]


def _facts(rng: random.Random, rubric: Rubric, band: str, q: float, kind: str) -> dict[str, Any]:
    """A value for every fact a `fact` norm reads: mostly met, with gaps by band. A fact the
    norm reads with a `default` that already meets it (a misconduct recorded only when it
    happens) is written only when it happened; a fact for norms of other branch types is
    left out."""
    by_key: dict[str, list[Any]] = {}
    for norm in norms_of(rubric, "fact"):
        by_key.setdefault(norm.check.key, []).append(norm)
    yes, no = (True, False) if rng.random() < 0.6 else ("是", "否")
    out: dict[str, Any] = {}
    for key, norms in by_key.items():
        if all(n.when is not None and n.when.type and kind not in n.when.type for n in norms):
            continue
        mins = [n.check.min for n in norms if n.check.min is not None]
        if any(getattr(n.check, "share", False) for n in norms):
            mins.append(0.9)  # a share read as the points' fraction: a percentage
        if mins:
            out[key] = _amount(rng, key, max(mins), band, q)
            continue
        norm = norms[0]
        expect = norm.check.expect if norm.check.expect is not None else "true"
        good = fact_bool(expect)
        default = norm.check.default
        if good is not None and default is not None and fact_bool(default) == good:
            if rng.random() < MISCONDUCT[band]:
                out[key] = no if good else yes
            continue
        if norm.bonus:
            ok = rng.random() < BONUS_MET[band]
        elif norm.veto:
            ok = rng.random() >= VETO_FACT_MISSED[band]
        else:
            ok = rng.random() < q + (1 - q) * 0.5
        if good is None:
            out[key] = expect if ok else "无"
        else:
            out[key] = (yes if ok else no) if good else (no if ok else yes)
    return out


def _amount(rng: random.Random, key: str, low: float, band: str, q: float) -> Any:
    ok = rng.random() < q + (1 - q) * 0.5
    if low < 1:  # a share: 群众满意率 and the like, written as a percentage
        lo, hi = RATE_RANGE[band]
        rate = rng.uniform(lo, hi) if ok else rng.uniform(lo - 0.1, hi - 0.05)
        return f"{min(max(round(rate * 100), 1), 100)}%"
    if "经费" in key:
        amount = rng.choice([3000, 5000, 6000, 8000, 10000, 12000]) if ok else 0
        return f"{amount}元" if amount and rng.random() < 0.3 else amount
    if "次数" in key:
        return rng.randint(int(low), int(low) + 2) if ok else max(int(low) - 1, 0)
    return low + rng.randint(0, 5) if ok else max(low - 1, 0)


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


# --- --messy: the mistakes real ledgers carry ----------------------------------------------

TYPOS = {  # a declared event type -> how it is often written instead
    "支委会": "支部委员会",
    "党员大会": "支部党员大会",
    "主题党日": "主题党日活动",
    "党课": "专题党课",
    "理论学习": "集中学习",
    "党小组会": "党小组学习",
    "谈心谈话": "谈心谈话记录",
}
OTHER_EVENTS = [  # event types no rubric declares
    ("志愿服务", "到联系社区开展志愿服务"),
    ("读书班", "党纪学习教育读书班"),
    ("三会一课", "“三会一课”集中学习"),
    ("警示教育", "观看警示教育片"),
]
EXTRA_FACTS = [  # fact keys no built-in norm reads
    ("党员人数", "{members}名"),
    ("宣传栏", True),
    ("三会一课记录完整", True),
    ("支部书记述职", True),
    ("党建品牌", "“一支部一品牌”"),
    ("党员志愿服务时长", "320小时"),
]
WRONG_ROLES = ["支部书记", "支部委员", "党小组组长", "宣传员", "党务工作者"]
MESSES = [  # mistake, weight; the first five always show a warning
    ("inactive-attendee", 3),
    ("unknown-event-type", 3),
    ("curly-quotes", 3),
    ("unknown-fact", 3),
    ("outside-period", 1.5),
    ("unknown-role", 1),
    ("unknown-group", 1),
    ("two-groups", 1),
    ("no-admission", 1),
    ("no-quorum", 1),
]
SURE = {"inactive-attendee", "unknown-event-type", "curly-quotes", "unknown-fact", "outside-period"}
CLEAN_EVERY = 25  # one messy ledger in 25 is clean, as some real ones are


def plan_mess(plan: Plan, index: int) -> None:
    """Choose this ledger's mistakes (one to four; none for one ledger in 25) and make those
    that live in the plan; the renderer makes the rest in the events."""
    if index % CLEAN_EVERY == CLEAN_EVERY // 2:
        return
    rng = random.Random(plan.seed + "/messy")
    ok: dict[str, bool] = {
        "unknown-group": bool(plan.groups),
        "two-groups": len(plan.groups) >= 2,
        "no-admission": any(
            m.status == "预备" and m.joined and m.joined >= plan.start for m in plan.members
        ),
        "no-quorum": any(
            m.status == "预备" and m.joined and m.joined >= plan.start for m in plan.members
        )
        or bool(plan.elected and plan.elected >= plan.start),
    }
    kinds = [(k, w) for k, w in MESSES if ok.get(k, True)]
    chosen: list[str] = []
    for _ in range(rng.choice([1, 1, 2, 2, 2, 3, 4])):
        total = sum(w for k, w in kinds if k not in chosen)
        r = rng.uniform(0, total)
        for k, w in kinds:
            if k in chosen:
                continue
            r -= w
            if r <= 0:
                chosen.append(k)
                break
    if not SURE.intersection(chosen):
        chosen.append(sorted(SURE)[rng.randrange(len(SURE))])
    plan.header.append("含常见录入错误（--messy），供校验警告和基准测试使用")
    for kind in chosen:
        plan.defects[kind] = True
    if "inactive-attendee" in chosen:
        plan.defects["inactive-attendee"] = _leaver(rng, plan)
    if "curly-quotes" in chosen:
        del plan.defects["curly-quotes"]
        where = rng.randrange(3)
        yes_no = [k for k, v in plan.facts.items() if isinstance(v, bool) or v in ("是", "否")]
        ordinary = [m for m in plan.members[1:] if not m.roles]
        if where == 0 and ordinary:
            m = ordinary[rng.randrange(len(ordinary))]
            m.name = f"“{m.name}”"
        elif where == 1 and yes_no:
            key = yes_no[rng.randrange(len(yes_no))]
            value = plan.facts[key]
            plan.facts[key] = "“" + ({True: "是", False: "否"}.get(value, value)) + "”"
        else:
            plan.defects["curly-topic"] = True
    if "unknown-fact" in chosen:
        real = list(plan.facts)
        if real and rng.random() < 0.4:  # the right key misspelt: the norm reads nothing
            key = real[rng.randrange(len(real))]
            wrong = key + "情况" if not key.endswith("情况") else key[:-2]
            plan.facts = {(wrong if k == key else k): v for k, v in plan.facts.items()}
        else:
            extra, value = EXTRA_FACTS[rng.randrange(len(EXTRA_FACTS))]
            if isinstance(value, str):
                value = value.format(members=len(plan.members))
            plan.facts[extra] = value
    if "unknown-role" in chosen:
        m = plan.members[rng.randrange(1, min(len(plan.members), 5))]
        m.roles = [*m.roles, WRONG_ROLES[rng.randrange(len(WRONG_ROLES))]]
    if "two-groups" in chosen:
        names = list(plan.groups)
        first, second = plan.groups[names[0]], plan.groups[names[1]]
        plan.groups[names[1]] = [*second, first[-1]]


def _leaver(rng: random.Random, plan: Plan) -> str:
    """A member who left during the year (one is made to leave if nobody did)."""
    left = [
        m for m in plan.members if m.left is not None and m.left < dt.date(plan.end.year, 12, 1)
    ]
    if left:
        return left[rng.randrange(len(left))].id
    pool = (
        [
            m
            for m in plan.members[1:]
            if m.id not in plan.committee
            and m.status == "正式"
            and m.joined is None
            and not m.roles
            and not any(x["member"] == m.id for x in plan.excused)
        ]
        or [m for m in plan.members[1:] if m.id not in plan.committee]
        or plan.members[1:]
    )
    m = pool[rng.randrange(len(pool))]
    m.left = random_date(rng, dt.date(plan.end.year, 6, 1), dt.date(plan.end.year, 10, 31))
    m.note = "组织关系转出"
    return m.id


# --- the set of ledgers --------------------------------------------------------------------


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
    count: int,
    seed: int,
    out: Path,
    rubric_ref: str = "lanzhou-6543",
    year: int = 2024,
    messy: bool = False,
) -> list[Path]:
    rubric = load_rubric(rubric_ref)
    if rubric_ref not in builtin_rubrics():  # a rubric file: name it so any folder can find it
        rubric_ref = str(Path(rubric_ref).resolve())
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for index, (u, b, branch_name) in enumerate(organisations(count, seed)):
        plan = random_plan(
            rubric, rubric_ref, seed, index, UNITS[u], u + 1, b, branch_name, year, messy
        )
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
    parser.add_argument(
        "--messy",
        action="store_true",
        help="add the mistakes real ledgers carry: a warning in 24 of every 25 ledgers",
    )
    args = parser.parse_args(argv)
    if args.count < 1:
        parser.error("--count must be at least 1")
    began = time.perf_counter()
    paths = generate(args.count, args.seed, args.out, args.rubric, args.year, args.messy)
    sizes = [p.stat().st_size for p in paths]
    print(
        f"wrote {len(paths)} {'messy ' if args.messy else ''}ledgers ({args.rubric}) to {args.out}:"
        f" mean {sum(sizes) / len(sizes) / 1024:.1f} KB, {time.perf_counter() - began:.1f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
