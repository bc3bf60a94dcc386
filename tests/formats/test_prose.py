"""The Chinese a reader sees, scored end to end: every check kind and scoring mode gives the detail
an evaluator writes (a deduction at the end, the rubric's own words where given), and the lines
that account for every point (tasks, bonus, rescaling, blockers) read as a 通报 says them."""

from __future__ import annotations

from typing import Any

import pytest
from builders import ledger, monthly, norm, rubric

from branchcheck import score
from branchcheck.formats import prose, score_words
from branchcheck.formats.labels import STATUS, TASK_STATUS
from branchcheck.models import Ledger
from branchcheck.models.result import NormResult

NAMES = ["王建国", "李华", "张敏", "赵磊"]
YEAR = list(range(1, 13))
PAID = [f"2024-{m:02d}" for m in YEAR]


def people(*roles: list[str]) -> list[dict[str, Any]]:
    """王建国 (书记), 李华, 张敏, 赵磊; `roles` override the first members' posts."""
    out = [{"id": f"M{i:02d}", "name": name} for i, name in enumerate(NAMES, 1)]
    out[0]["roles"] = ["书记"]
    for member, held in zip(out, roles, strict=False):
        member["roles"] = held
    return out


def book(**fields: Any) -> Ledger:
    return ledger(members=people(), **fields)


def talk(day: str, *who: str) -> dict[str, Any]:
    return {"date": day, "type": "谈心谈话", "attendees": list(who)}


def hours(member: str, amount: float) -> dict[str, Any]:
    return {"member": member, "hours": amount, "date": "2024-06-01"}


def meeting(day: str, kind: str = "党员大会", who: Any = "all") -> dict[str, Any]:
    return {"date": day, "type": kind, "attendees": who}


def detail(item: dict[str, Any], ledger_: Ledger) -> str:
    """The norm scored as N01 of a rubric (with a 1-point filler when it counts no points of
    its own: a 0-point veto item or a bonus)."""
    filler = [] if item["points"] and not item.get("bonus") else [norm(FREQ, 1, id="F01")]
    (only,) = [n for n in score(rubric(item, *filler), ledger_).norms if n.id == item["id"]]
    return only.detail


FREQ = {"kind": "frequency", "event": "支委会", "per": "month"}
QUARTERS = {"kind": "frequency", "event": "党课", "per": "quarter"}
DEDUCT = {"deduct": 0.5}

# (norm, ledger, the detail an evaluator reads): every check kind, every scoring mode.
CASES = [
    # frequency, by deduction: the detail ends with what was taken off.
    pytest.param(
        norm(FREQ, 2, scoring=DEDUCT),
        book(events=monthly("支委会", YEAR)),
        "12个月均按期召开支委会",
        id="frequency-met",
    ),
    pytest.param(
        norm(FREQ, 2, scoring=DEDUCT),
        book(events=monthly("支委会", [m for m in YEAR if m != 8])),
        "8月未召开支委会，扣0.5分",
        id="frequency-deduct-one",
    ),
    pytest.param(
        norm(FREQ, 2, scoring=DEDUCT),
        book(events=monthly("支委会", [1, 2, 12])),
        "3月至11月未召开支委会，扣2分（扣完为止）",
        id="frequency-deduct-all",
    ),
    pytest.param(
        norm(FREQ, 4.5, scoring=DEDUCT),
        book(events=monthly("支委会", YEAR[:3])),
        "4月至12月未召开支委会，扣4.5分",
        id="frequency-deduct-exactly-all",
    ),
    pytest.param(
        norm(QUARTERS, 1, scoring=DEDUCT),
        book(events=monthly("党课", [2, 5, 11])),
        "第三季度未开展党课，扣0.5分",
        id="frequency-quarter",
    ),
    pytest.param(
        norm(QUARTERS, 1),
        book(events=monthly("党课", [2, 5, 11])),
        "第三季度未开展党课",
        id="frequency-proportional",
    ),
    pytest.param(
        norm(QUARTERS, 1, scoring="all_or_nothing"),
        book(events=monthly("党课", [2, 5, 11])),
        "第三季度未开展党课",
        id="frequency-all-or-nothing",
    ),
    pytest.param(
        norm({**FREQ, "topic": "第一议题"}, 2),
        book(events=monthly("支委会", YEAR[2:], topics=["第一议题：学习讲话精神"])),
        "1月、2月支委会未落实“第一议题”",
        id="frequency-topic",
    ),
    pytest.param(
        norm(
            {"kind": "frequency", "event": "组织生活会", "per": "year"}, 2, scoring="all_or_nothing"
        ),
        book(events=[meeting("2024-12-20", "组织生活会")]),
        "已于12月20日召开2024年度组织生活会",
        id="frequency-year",
    ),
    pytest.param(
        norm({"kind": "frequency", "event": "组织生活会", "per": "year"}, 2),
        book(period={"start": "2024-07-01", "end": "2024-09-30"}),
        "考核期不足一个完整年度，本项不适用",
        id="frequency-no-whole-year",
    ),
    # count
    pytest.param(
        norm({"kind": "count", "event": "党课", "min": 4}, 4),
        book(events=monthly("党课", [3, 6, 9])),
        "考核期内开展党课3次，少于要求的4次",
        id="count",
    ),
    pytest.param(
        norm({"kind": "count", "event": "主题党日", "min": 1, "topic": "开放式"}, 1),
        book(events=monthly("主题党日", [5], topics=["开放式主题党日：走进社区"])),
        "考核期内开展含“开放式”的主题党日1次",
        id="count-topic",
    ),
    # attendance
    pytest.param(
        norm({"kind": "attendance", "event": "党员大会", "min_rate": 0.8}, 2),
        book(
            events=[
                meeting("2024-03-26"),
                meeting("2024-06-26", who=["M01", "M02", "M03"]),
                meeting("2024-09-26"),
                meeting("2024-12-26"),
            ]
        ),
        "4次党员大会中，6月26日到会率75%，低于80%",
        id="attendance",
    ),
    # gap
    pytest.param(
        norm({"kind": "gap", "event": ["支委会", "党员大会", "党课", "主题党日"]}, 0, veto=True),
        book(events=[meeting("2024-02-06", "党课"), meeting("2024-09-09", "党课")]),
        "2024年2月6日至9月9日间隔216天未开展任何组织生活，超过6个月",
        id="gap",
    ),
    # groups
    pytest.param(
        norm({"kind": "groups"}, 1),
        book(
            groups={"第一党小组": ["M01", "M02"], "第二党小组": ["M03", "M04"]},
            events=[
                {**e, "group": g}
                for g in ("第一党小组", "第二党小组")
                for e in monthly("党小组会", YEAR[2:])
            ],
        ),
        "第一党小组、第二党小组1月、2月未召开党小组会",
        id="groups",
    ),
    # talks: members, secretary, pairs
    pytest.param(
        norm({"kind": "talks"}, 1),
        book(events=[talk("2024-03-01", "M01", "M02")]),
        "4名党员中2名已谈话，张敏、赵磊未谈",
        id="talks-members",
    ),
    pytest.param(
        norm({"kind": "talks"}, 1),
        book(events=[talk("2024-03-01", "M01", "M02"), talk("2024-04-01", "M03", "M04")]),
        "应谈话党员4名，均已谈话",
        id="talks-members-met",
    ),
    pytest.param(
        norm({"kind": "talks", "cover": "secretary"}, 1),
        book(events=[talk("2024-03-01", "M01", "M02")]),
        "书记与3名党员中的1名谈心谈话，张敏、赵磊未谈",
        id="talks-secretary",
    ),
    pytest.param(
        norm({"kind": "talks", "cover": "pairs"}, 1),
        book(events=[talk("2024-03-01", "M01", "M02")]),
        "党员与党员之间未开展谈心谈话",
        id="talks-pairs",
    ),
    # training
    pytest.param(
        norm({"kind": "training", "hours": 32}, 3),
        book(training=[hours("M01", 32), hours("M02", 40), hours("M03", 19), hours("M04", 17)]),
        "2名党员全年学习培训达32学时，张敏（19学时）、赵磊（17学时）未达到",
        id="training",
    ),
    # dues and dues_gap
    pytest.param(
        norm({"kind": "dues"}, 3, scoring=DEDUCT),
        book(
            dues={"M01": PAID, "M02": PAID, "M03": PAID, "M04": [m for m in PAID if m != "2024-04"]}
        ),
        "应交党费48人次（按月计），已交47人次；赵磊4月党费未交纳，扣0.5分",
        id="dues",
    ),
    pytest.param(
        norm({"kind": "dues_gap", "months": 6}, 0, veto=True),
        book(dues={"M01": PAID, "M02": PAID, "M03": PAID, "M04": PAID[:4] + PAID[10:]}),
        "赵磊5月至10月连续6个月未交纳党费，台账未记录原因或处理",
        id="dues-gap",
    ),
    # structure and term
    pytest.param(
        norm({"kind": "structure", "roles": ["书记", "组织委员", "宣传委员", "纪检委员"]}, 2),
        book(),
        "正式党员4名，不设支部委员会，已配备书记",
        id="structure-small",
    ),
    pytest.param(
        norm({"kind": "term", "years": 3}, 2, scoring="all_or_nothing"),
        book(committee={"elected": "2021-05-18", "members": ["M01"]}),
        "2021年5月18日选举产生，任期已于2024年5月18日届满，未按期换届",
        id="term",
    ),
    # rating
    pytest.param(
        norm({"kind": "rating"}, 2),
        book(ratings={"N01": "较好"}),
        "考核评定为“较好”，得该项分值的80%",
        id="rating",
    ),
    pytest.param(norm({"kind": "rating"}, 2), book(), "考核人尚未评定等次", id="rating-unrated"),
    # fact: generic words, and the rubric's own
    pytest.param(
        norm({"kind": "fact", "key": "党务公开"}, 1),
        book(facts={"党务公开": True}),
        "党务公开：符合要求",
        id="fact-generic-met",
    ),
    pytest.param(
        norm(
            {"kind": "fact", "key": "班子成员受处分", "expect": False, "default": False},
            0,
            veto=True,
        ),
        book(),
        "未发生班子成员受处分情况",
        id="fact-must-not-happen",
    ),
    pytest.param(
        norm(
            {"kind": "fact", "key": "上级表彰"},
            3,
            bonus=True,
            met_text="本年度受到上级党组织表彰",
            missed_text="本年度未获上级表彰",
        ),
        book(facts={"上级表彰": False}),
        "本年度未获上级表彰",
        id="fact-missed-text",
    ),
    pytest.param(
        norm(
            {"kind": "fact", "key": "活动经费", "min": 1},
            1,
            met_text="活动经费已列入预算（{value}元）",
            missed_text="未安排活动经费",
        ),
        book(facts={"活动经费": "0.6万元"}),
        "活动经费已列入预算（6000元）",
        id="fact-met-text-value",
    ),
    pytest.param(
        norm(
            {"kind": "fact", "key": "活动经费", "min": 1},
            1,
            met_text="活动经费已列入预算（{value}元）",
            missed_text="未安排活动经费",
        ),
        book(),
        "台账未记录“活动经费”",
        id="fact-unrecorded-keeps-its-words",
    ),
    pytest.param(
        norm({"kind": "fact", "key": "群众满意率", "min": 0.9}, 0, veto=True),
        book(facts={"群众满意率": "82%"}),
        "群众满意率82%，低于90%",
        id="fact-percent",
    ),
    pytest.param(
        norm({"kind": "fact", "key": "群众满意率", "share": True}, 10),
        book(facts={"群众满意率": "82%"}),
        "群众满意率82%",
        id="fact-share",
    ),
    # missed_text on a computed norm, with its deduction after it
    pytest.param(
        norm(QUARTERS, 1, scoring=DEDUCT, missed_text="党课未按季度开展"),
        book(events=monthly("党课", [2, 5, 11])),
        "党课未按季度开展，扣0.5分",
        id="missed-text-and-deduction",
    ),
    # when
    pytest.param(
        norm(FREQ, 2, when={"members_at_least": 7}),
        book(),
        "正式党员4名，不设支部委员会，本项不适用",
        id="when-committee",
    ),
]


@pytest.mark.parametrize(("item", "ledger_", "expected"), CASES)
def test_detail(item: dict[str, Any], ledger_: Ledger, expected: str) -> None:
    assert detail(item, ledger_) == expected


def test_every_check_kind_is_in_the_table() -> None:
    from branchcheck.checks import REGISTRY

    kinds = {case.values[0]["check"]["kind"] for case in CASES}  # type: ignore[index]
    assert kinds == set(REGISTRY)


def norm_result(status: str, points: float = 2, earned: float = 0.0, **extra: Any) -> NormResult:
    return NormResult(
        id="N01",
        name="规范",
        dimension="d1",
        points=points,
        earned=earned,
        fraction=0.0,
        misses=0,
        status=status,
        detail="",
        **extra,
    )  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("result", "cell"),
    [
        (norm_result("partial", earned=1.5), "0.5"),
        (norm_result("partial", points=0.5, earned=0.33), "0.17"),
        (norm_result("missed"), "2"),
        (norm_result("unrated"), "2"),
        (norm_result("met", earned=2), ""),
        (norm_result("not_applicable"), ""),
        (norm_result("missed", bonus=True), ""),  # an unearned bonus is no deduction
    ],
)
def test_deduction_cell(result: NormResult, cell: str) -> None:
    assert prose.deduction_cell(result) == cell


def test_deduction_field_in_the_result() -> None:
    model = rubric(
        norm(FREQ, 2, scoring=DEDUCT), norm({"kind": "fact", "key": "x"}, 1, id="N02", bonus=True)
    )
    result = score(model, book(events=monthly("支委会", YEAR[:10])))
    assert [(n.id, n.earned, n.deduction) for n in result.norms] == [
        ("N01", 1.0, 1.0),
        ("N02", 0.0, 0.0),
    ]


SPLIT = {"total": 100, "split": {"common": 60, "individual": 40}, "bonus_cap": 5}


def task(status: str, rating: str | None = None, points: float = 20, **extra: Any) -> dict:
    return {
        "id": "T1",
        "name": "打造党建品牌",
        "points": points,
        "status": status,
        **({"rating": rating} if rating else {}),
        **extra,
    }


@pytest.mark.parametrize(
    ("item", "line"),
    [
        (task("done", "较好", 25), "T1 打造党建品牌：已完成，评定“较好”，25分×80%=20分"),
        (
            task("partial", "好"),
            "T1 打造党建品牌：部分完成，评定“好”，20分×100%×50%（部分完成计一半）=10分",
        ),
        (task("partial"), "T1 打造党建品牌：部分完成，20分×50%（部分完成计一半）=10分"),
        (task("done"), "T1 打造党建品牌：已完成，得20分"),
        (task("open", "好"), "T1 打造党建品牌：未完成，不得分"),
    ],
)
def test_task_line(item: dict[str, Any], line: str) -> None:
    tasks = (
        [item]
        if item["points"] == 40
        else [item, {**task("open"), "id": "T2", "points": 40 - item["points"]}]
    )
    model = rubric(norm(FREQ, 60), **SPLIT)
    result = score(model, book(events=monthly("支委会", YEAR), tasks=tasks))
    assert prose.task_line(result.tasks[0], TASK_STATUS) == line


def bonus_rubric() -> Any:
    return rubric(
        norm(FREQ, 60),
        norm({"kind": "fact", "key": "品牌"}, 3, id="B1", bonus=True, name="党建品牌获认定"),
        norm({"kind": "fact", "key": "表彰"}, 3, id="B2", bonus=True, name="受到上级表彰"),
        **SPLIT,
    )


def test_bonus_cut_by_the_cap_and_the_summary() -> None:
    facts = {"品牌": True, "表彰": True}
    tasks = [task("done", "好", 40)]
    result = score(bonus_rubric(), book(events=monthly("支委会", YEAR), facts=facts, tasks=tasks))
    assert (
        score_words.bonus_text(result)
        == "加分6分，计5分（上限5分）：B1（党建品牌获认定）3分、B2（受到上级表彰）3分"
    )
    assert score_words.score_line(result) == "总分105分（基础分100分，加分5分）"
    assert score_words.base_line(result) == "基础分：共性任务+个性任务=60+40=100"


def test_no_bonus_earned_and_no_bonus_norms() -> None:
    tasks = [task("done", "好", 40)]
    result = score(bonus_rubric(), book(events=monthly("支委会", YEAR), tasks=tasks))
    assert (score_words.bonus_text(result), score_words.score_line(result)) == (
        "未获加分",
        "总分100分",
    )
    plain = score(rubric(norm(FREQ, 10)), book(events=monthly("支委会", YEAR)))
    assert score_words.bonus_text(plain) is None


def test_rescaled_base_shows_its_formula() -> None:
    """N02 (3 points) does not apply: (norms earned + tasks earned) x 100 / (57 + 40)."""
    model = rubric(
        norm(FREQ, 57, scoring=DEDUCT),
        norm(
            {**FREQ, "event": "党员大会"},
            3,
            id="N02",
            when={"members_at_least": 7},
            name="支部委员会会议",
        ),
        **SPLIT,
    )
    tasks = [task("done", "较好", 25), {**task("partial", "好", 15), "id": "T2"}]
    result = score(model, book(events=monthly("支委会", YEAR[:-1]), tasks=tasks))
    assert result.rescaled and result.score == 86.6
    assert score_words.base_formula(result) == "（56.5+27.5）×100÷97=86.6"
    assert score_words.base_line(result) == (
        "基础分按适用项折算：（56.5+27.5）×100÷97=86.6"
        "（N02（支部委员会会议）不适用，适用项满分97分）"
    )
    assert score_words.common_line(result) == "共性任务得56.5分（适用项满分57分），得分率99.1%"


TIERS = [
    {"id": "general", "name": "一般党支部"},
    {
        "id": "standardized",
        "name": "标准化党支部",
        "min_score": 80,
        "veto_free": True,
        "min_common_ratio": 0.8,
    },
    {
        "id": "exemplary",
        "name": "示范性党支部",
        "min_score": 90,
        "veto_free": True,
        "min_dimension_ratio": 0.8,
        "requires": ["N02"],
    },
]


def two_dimensions(**top: Any) -> Any:
    return rubric(
        tiers=TIERS,
        **top,
        dimensions=[
            {
                "id": "org_life",
                "name": "组织生活标准化",
                "norms": [norm(FREQ, 50, scoring={"deduct": 5}), norm(QUARTERS, 10, id="N02")],
            },
            {
                "id": "evaluation",
                "name": "考核评价标准化",
                "norms": [
                    norm(
                        {"kind": "fact", "key": "自评"},
                        40,
                        id="N03",
                        veto=True,
                        name="年度自查自评（否决项）",
                    )
                ],
            },
        ],
    )


@pytest.mark.parametrize(
    ("fields", "texts", "line"),
    [
        pytest.param(
            {"events": monthly("支委会", YEAR) + monthly("党课", [2, 5, 8, 11])},
            ["否决项N03（年度自查自评）未达标", "各项规范得分率60%，低于80%"],
            "距标准化党支部差20分，另有2项不符合要求：否决项N03（年度自查自评）未达标；"
            "各项规范得分率60%，低于80%",
            id="short-and-blocked",
        ),
        pytest.param(
            {
                "events": monthly("支委会", YEAR) + monthly("党课", [2, 5, 8]),
                "facts": {"自评": True},
            },
            ["N02（规范N02）未全部达标"],
            "得分已达示范性党支部分数线，但N02（规范N02）未全部达标，暂不能评定为示范性党支部",
            id="score-enough-required-norm",
        ),
        pytest.param(
            {
                "events": monthly("支委会", YEAR[:9]) + monthly("党课", [2, 5, 8, 11]),
                "facts": {"自评": True},
            },
            ["组织生活标准化得分率75%，低于80%"],
            "距示范性党支部差5分，且组织生活标准化得分率75%，低于80%",
            id="dimension-ratio-by-name",
        ),
    ],
)
def test_blockers_in_words(fields: dict[str, Any], texts: list[str], line: str) -> None:
    result = score(two_dimensions(total=100), book(**fields))
    assert result.next_tier is not None
    assert result.next_tier.blocker_texts == texts
    assert score_words.next_tier_line(result) == line


def test_common_ratio_is_named_共性任务_with_a_split() -> None:
    model = two_dimensions(total=110, split={"common": 100, "individual": 10})
    result = score(model, book(events=monthly("支委会", YEAR) + monthly("党课", [2, 5, 8, 11])))
    assert result.next_tier is not None
    assert result.next_tier.blocker_texts[-1] == "共性任务得分率60%，低于80%"


def test_status_words_and_percent() -> None:
    assert prose.percent(0.75) == "75%"
    assert prose.percent(0.893) == "89.3%"
    assert prose.norm_label("N38", "连续6个月未交纳党费且无正当理由（否决项）") == (
        "N38（连续6个月未交纳党费且无正当理由）"
    )
    assert STATUS["partial"] == "部分达标"


@pytest.mark.parametrize(
    ("short_by", "min_score", "texts", "line"),
    [
        (3.25, 90, [], "距示范性党支部差3.25分"),
        (
            0.0,
            90,
            ["N12（主题党日）未全部达标", "党员队伍建设标准化得分率78.6%，低于80%"],
            "得分已达示范性党支部分数线，但有2项不符合要求，暂不能评定为示范性党支部："
            "N12（主题党日）未全部达标；党员队伍建设标准化得分率78.6%，低于80%",
        ),
        (
            0.0,
            None,
            ["N12（主题党日）未全部达标"],
            "N12（主题党日）未全部达标，暂不能评定为示范性党支部",
        ),
    ],
)
def test_next_tier_line_forms(
    short_by: float, min_score: float | None, texts: list[str], line: str
) -> None:
    from branchcheck.models.result import NextTier

    base = score(rubric(norm(FREQ, 10)), book(events=monthly("支委会", YEAR)))
    nxt = NextTier(
        id="exemplary",
        name="示范性党支部",
        short_by=short_by,
        blockers=["x"] * len(texts),
        min_score=min_score,
        blocker_texts=texts,
    )
    assert score_words.next_tier_line(base.model_copy(update={"next_tier": nxt})) == line
    assert score_words.next_tier_line(base) is None  # at the top


def test_rescaled_base_names_at_most_three_norms_that_did_not_apply() -> None:
    out = {"members_at_least": 7}
    model = rubric(
        norm(FREQ, 10),
        *(norm(FREQ, 10, id=f"N0{i}", when=out, name=f"会议{i}") for i in range(2, 6)),
    )
    result = score(model, book(events=monthly("支委会", YEAR)))
    assert score_words.base_line(result) == (
        "基础分按适用项折算：10×50÷10=50"
        "（N02（会议2）、N03（会议3）、N04（会议4）等4项不适用，适用项满分10分）"
    )


@pytest.mark.parametrize(
    ("start", "end", "name"),
    [
        ("2024-01-01", "2024-12-31", "2024年度"),
        ("2024-07-01", "2024-09-30", "2024年第三季度"),
        ("2024-10-01", "2024-12-31", "2024年第四季度"),
        ("2024-01-01", "2024-06-30", "2024年上半年"),
        ("2024-07-01", "2024-12-31", "2024年下半年"),
        ("2024-02-01", "2024-02-29", "2024年2月"),
        ("2024-03-01", "2024-08-31", "2024年3月至8月"),
        ("2023-01-01", "2024-12-31", "2023—2024年度"),
        ("2023-07-01", "2024-06-30", "2023年7月至2024年6月"),
        ("2024-03-15", "2024-09-30", "2024年3月15日至9月30日"),
        ("2023-12-15", "2024-01-31", "2023年12月15日至2024年1月31日"),
        ("2024-02-01", "2024-04-30", "2024年2月至4月"),  # three months, but not a quarter
    ],
)
def test_period_names(start: str, end: str, name: str) -> None:
    assert prose.period_name(start, end) == name
